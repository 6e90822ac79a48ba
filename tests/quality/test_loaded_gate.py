"""Quality gate: loaded-language finder on BASIL lexical spans and BABE, against stored floors.

Runs on a subset (first BASIL articles, first BABE sentences) so it stays within minutes;
the full benchmark is ``benchmarks/loaded_basil.py``.
"""

from __future__ import annotations


import pytest
from gates import benchmark, floors

FLOORS = floors("loaded_basil")


@pytest.mark.quality
@pytest.mark.slow
def test_loaded_terms_hold_their_floors(data_dir):
    bench = benchmark("loaded_basil")
    gate = FLOORS["gate"]
    basil = bench.load_basil(data_dir, gate["basil_articles"])
    basil_docs = bench.parse_cached("basil-gate", [d.text for d in basil])
    ours = bench.score_basil(basil, basil_docs, bench.newsprism_predictor())
    baseline = bench.score_basil(basil, basil_docs, bench.vader_baseline)
    assert ours["token"]["f1"] >= gate["basil_token_f1"], ours
    assert ours["sentence"]["f1"] >= gate["basil_sentence_f1"], ours
    assert ours["span"]["f1"] >= gate["basil_span_f1"], ours
    assert ours["token"]["f1"] > baseline["token"]["f1"] and ours["sentence"]["f1"] > baseline["sentence"]["f1"]
    cv = bench.cross_validate_scorer(basil, basil_docs)
    assert cv["scores"]["sentence"]["f1"] >= gate["basil_cv_sentence_f1"], cv

    babe = bench.load_babe(data_dir, gate["babe_sentences"])
    babe_docs = bench.parse_cached("babe-gate", [t for t, _ in babe])
    babe_ours = bench.score_babe(babe, babe_docs, bench.newsprism_predictor())
    assert babe_ours["accuracy"] >= gate["babe_accuracy"], babe_ours
