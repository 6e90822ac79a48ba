"""Quality gate: quotes on a PolNeAR dev subset must not fall below the stored floors."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _benchmark():
    spec = importlib.util.spec_from_file_location("quotes_polnear", REPO / "benchmarks" / "quotes_polnear.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


@pytest.mark.quality
@pytest.mark.slow
def test_polnear_quote_f1_holds_its_floors(data_dir):
    floors = json.loads((REPO / "benchmarks" / "floors" / "quotes_polnear.json").read_text(encoding="utf-8"))
    result = _benchmark().run(floors["documents"])
    for key, floor in floors.items():
        if key.startswith("_") or key == "documents":
            continue
        value = result
        for part in key.split("."):
            value = value[part]
        assert value >= floor, f"{key} = {value:.4f} fell below its floor {floor}"
    # attribution must beat "regex quotes + nearest name" on speakers, in the same run
    for scope in ("direct", "all"):
        ours = result["newsprism"][scope]["source_overlap"]["f1"]
        baseline = result["baseline_regex_nearest_name"][scope]["source_overlap"]["f1"]
        assert ours > baseline, (scope, ours, baseline)
