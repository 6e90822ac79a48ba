"""Quality gate: the claims BASIL's outlets are said to agree on state the same thing (read by hand)."""

from __future__ import annotations

import pytest
from gates import assert_floors, benchmark, floors


@pytest.mark.quality
@pytest.mark.slow
def test_agreed_claim_pairs_read_as_the_same_statement(data_dir):
    stored = floors("claims_basil_read")
    bench = benchmark("claims_basil_read")
    result = bench.run(stored["triplets"])
    assert result["labelled"]["true"] > 100  # the labels still match the pairs (not a run that aligns nothing)
    assert_floors(result, stored, settings=("triplets",))
