"""Quality gate: quotes on a PolNeAR dev subset must not fall below the stored floors."""

from __future__ import annotations


import pytest
from gates import assert_floors, benchmark, floors


@pytest.mark.quality
@pytest.mark.slow
def test_polnear_quote_f1_holds_its_floors(data_dir):
    stored = floors("quotes_polnear")
    result = benchmark("quotes_polnear").run(stored["documents"])
    assert_floors(result, stored)
    # attribution must beat "regex quotes + nearest name" on speakers, in the same run
    for scope in ("direct", "all"):
        ours = result["newsprism"][scope]["source_overlap"]["f1"]
        baseline = result["baseline_regex_nearest_name"][scope]["source_overlap"]["f1"]
        assert ours > baseline, (scope, ours, baseline)
