"""Quality gate: outlet-profile features vs hyperpartisan labels (SemEval-2019 by-article).

A stratified subset with 5-fold CV keeps the parse within minutes; the full 10-fold run is
``benchmarks/hyperpartisan_semeval.py``.
"""

from __future__ import annotations


import pytest
from gates import benchmark, floors

FLOORS = floors("hyperpartisan_semeval")


@pytest.mark.quality
@pytest.mark.slow
def test_profile_features_separate_hyperpartisan(data_dir):
    bench = benchmark("hyperpartisan_semeval")
    gate = FLOORS["gate"]
    rows = bench.load_semeval(data_dir, gate["articles"])
    docs = bench.parse_cached("semeval-gate", [t for _, t, _ in rows])
    result = bench.cross_validate(rows, docs, folds=gate["folds"])
    assert result["newsprism_profile_forest"]["accuracy"] >= gate["accuracy"], result
    assert result["newsprism_profile_forest"]["accuracy"] > result["majority_baseline"]["accuracy"], result
    assert result["newsprism_profile_lr"]["accuracy"] >= gate["lr_accuracy"], result
