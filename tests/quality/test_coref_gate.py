"""Quality gate: referents as cross-document coreference on MEANTIME and ECB+ (first topics)."""

from __future__ import annotations

import pytest
from gates import assert_floors, benchmark, floors


@pytest.mark.quality
@pytest.mark.slow
def test_referents_hold_their_floors_and_beat_head_lemma(data_dir):
    stored = floors("coref_eval")
    bench = benchmark("coref_eval")
    result = {
        "meantime": bench.run("meantime", stored["meantime_topics"])["meantime"],
        "ecbplus": bench.run("ecbplus", stored["ecbplus_topics"])["ecbplus"],
    }
    assert_floors(result, stored, settings=("meantime_topics", "ecbplus_topics"))
    # resolving must help over grouping by head word: entities and events on MEANTIME and on
    # ECB+ (where the happenings split its look-alike events)
    for data, kind in (("meantime", "entity"), ("meantime", "event"), ("ecbplus", "entity"), ("ecbplus", "event")):
        assert result[data][kind]["newsprism"]["conll"] > result[data][kind]["head_lemma"]["conll"], (data, kind)
