"""Quality gate: outlet-profile features vs hyperpartisan labels (SemEval-2019 by-article).

A stratified subset with 5-fold CV keeps the parse within minutes; the full 10-fold run is
``benchmarks/hyperpartisan_semeval.py``.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FLOORS = json.loads((REPO / "benchmarks" / "floors" / "hyperpartisan_semeval.json").read_text(encoding="utf-8"))


def _bench():
    sys.path.insert(0, str(REPO / "benchmarks"))
    spec = importlib.util.spec_from_file_location("hyperpartisan_bench", REPO / "benchmarks" / "hyperpartisan_semeval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


@pytest.mark.quality
@pytest.mark.slow
def test_profile_features_separate_hyperpartisan(data_dir):
    bench = _bench()
    gate = FLOORS["gate"]
    rows = bench.load_semeval(data_dir, gate["articles"])
    docs = bench.parse_cached("semeval-gate", [t for _, t, _ in rows])
    result = bench.cross_validate(rows, docs, folds=gate["folds"])
    assert result["newsprism_profile_forest"]["accuracy"] >= gate["accuracy"], result
    assert result["newsprism_profile_forest"]["accuracy"] > result["majority_baseline"]["accuracy"], result
    assert result["newsprism_profile_lr"]["accuracy"] >= gate["lr_accuracy"], result
