"""B-cubed scoring and the evaluation loaders (labels never leak into the articles)."""

from __future__ import annotations

import pytest

from gates import benchmark

_eval = benchmark("cluster_eval")
bcubed, load_basil, load_ecbplus, shuffled = _eval.bcubed, _eval.load_basil, _eval.load_ecbplus, _eval.shuffled


def test_bcubed_by_hand():
    gold = {"a": "x", "b": "x", "c": "y"}
    merged = bcubed([["a", "b", "c"]], gold)
    assert merged.precision == pytest.approx(5 / 9) and merged.recall == 1.0
    assert merged.f1 == pytest.approx(2 * (5 / 9) / (5 / 9 + 1))
    split = bcubed([["a"], ["b"], ["c"]], gold)
    assert split.precision == 1.0 and split.recall == pytest.approx((0.5 + 0.5 + 1) / 3)
    assert bcubed([["a", "b"], ["c"]], gold).f1 == 1.0


def test_bcubed_refuses_a_partition_that_misses_items():
    with pytest.raises(ValueError):
        bcubed([["a"]], {"a": "x", "b": "x"})


def test_loaders_give_text_only_with_neutral_ids(data_dir):
    ecb, ecb_gold = load_ecbplus(data_dir)
    assert len(ecb) == len(ecb_gold) > 400 and len(set(ecb_gold.values())) >= 40
    assert all(a.id.startswith("ecb") and a.url is None and a.published is None and a.title is None for a in ecb)
    basil, basil_gold = load_basil(data_dir)
    assert len(basil) == 150 and len(set(basil_gold.values())) == 50
    assert all(a.published and a.outlet in {"fox", "nyt", "hpo"} for a in basil)
    assert [a.id for a in shuffled(basil, 1)] != [a.id for a in basil]
    assert sorted(a.id for a in shuffled(basil, 1)) == sorted(a.id for a in basil)
