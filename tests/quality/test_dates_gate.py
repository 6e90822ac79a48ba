"""Quality gate: date mentions and their normalisation on GUM news keep their floors."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _benchmark():
    spec = importlib.util.spec_from_file_location("dates_eval", REPO / "benchmarks" / "dates_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.quality
@pytest.mark.slow
def test_dates_hold_their_floors(data_dir):
    floors = json.loads((REPO / "benchmarks" / "floors" / "dates_eval.json").read_text(encoding="utf-8"))
    result = _benchmark().run()
    for key, floor in floors.items():
        if key.startswith("_"):
            continue
        assert result[key] >= floor, f"{key} = {result[key]:.4f} fell below its floor {floor}"
