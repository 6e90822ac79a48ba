"""Quality gate: figures on the hand-labelled sentences and the GUM news proxy keep their floors."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _benchmark(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _check(result: dict, floors: dict) -> None:
    for key, floor in floors.items():
        if key.startswith("_"):
            continue
        value = result
        for part in key.split("."):
            value = value[part]
        assert value >= floor, f"{key} = {value:.4f} fell below its floor {floor}"


@pytest.mark.quality
@pytest.mark.slow
def test_figures_hold_their_floors(data_dir):
    floors = json.loads((REPO / "benchmarks" / "floors" / "figures_eval.json").read_text(encoding="utf-8"))
    _check(_benchmark("figures_eval").run(), floors)
