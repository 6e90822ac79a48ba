"""Helpers for the quality gates: load a benchmark script and its stored floors."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def benchmark(name: str) -> ModuleType:
    """benchmarks/<name>.py as a module (benchmarks are scripts, not a package)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


def floors(name: str) -> dict[str, Any]:
    """benchmarks/floors/<name>.json: the minimum scores a gate holds."""
    return json.loads((BENCHMARKS / "floors" / f"{name}.json").read_text(encoding="utf-8"))
