"""Quality gate: claims set side by side report the same event (ECB+ coref_dev, check split)."""

from __future__ import annotations

import pytest
from gates import assert_floors, benchmark, floors


@pytest.mark.quality
def test_claim_pairs_share_a_gold_event(data_dir):
    stored = floors("claims_ecb")
    bench = benchmark("claims_ecb")
    result = bench.run(bench.topic_range(stored["topics"]))
    assert_floors(result, stored, settings=("topics",))
