"""Quality gate (issue 15): the language check never skips an English article of ../shared/data
(BASIL, PolNeAR, GUM, ECB+ dev, MEANTIME, SemEval hyperpartisan, NeuS val) and finds the two non-English
articles hidden in SemEval's; floors in benchmarks/floors/language_english.json."""

from __future__ import annotations

import pytest
from gates import assert_floors, benchmark, floors

_bench = benchmark("language_english")


@pytest.mark.quality
def test_no_english_article_is_called_non_english(data_dir):
    result = _bench.evaluate(data_dir)
    assert_floors(result, floors("language_english"))
    assert all(row["articles"] > 0 for row in result.values())  # every corpus was really read
    assert not [row["which"] for row in result.values() if row["false_skips"]]
