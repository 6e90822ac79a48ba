"""Quality gate: entity mentions on GUM news must not fall below the stored floors."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _benchmark():
    spec = importlib.util.spec_from_file_location("entities_gum", REPO / "benchmarks" / "entities_gum.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


@pytest.mark.quality
@pytest.mark.slow
def test_gum_mention_f1_holds_its_floors(data_dir):
    floors = json.loads((REPO / "benchmarks" / "floors" / "entities_gum.json").read_text(encoding="utf-8"))
    result = _benchmark().run(floors["documents"])
    for key, floor in floors.items():
        if key.startswith("_") or key == "documents":
            continue
        value = result
        for part in key.split("."):
            value = value[part]
        assert value >= floor, f"{key} = {value:.4f} fell below its floor {floor}"
    # the corrections must help, not hurt, against the model's own entities
    assert result["after_newsprism"]["head"]["all"]["f1"] >= result["before_spacy"]["head"]["all"]["f1"]
