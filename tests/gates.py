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


def assert_floors(result: dict[str, Any], stored: dict[str, Any], *, settings: tuple[str, ...] = ("documents",)) -> None:
    """Every dotted key of ``stored`` ("newsprism.direct.content_overlap.f1") must reach its floor.

    Keys starting with ``_`` are notes; ``settings`` name run settings, not scores."""
    for key, floor in stored.items():
        if key.startswith("_") or key in settings:
            continue
        value: Any = result
        for part in key.split("."):
            value = value[part]
        assert value >= floor, f"{key} = {value:.4f} fell below its floor {floor}"
