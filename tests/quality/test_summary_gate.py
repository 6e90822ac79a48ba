"""Quality gate: the neutral summary on a NeuS/ALLSIDES val subset must not fall below its floors.

Floors live in benchmarks/floors/summary_neus.json (``gate``: the first ``samples`` lines of
val, set a little below what was measured; and the baselines it must stay ahead of on the
same lines). Lowering a floor is a decision, never a side effect.
"""

from __future__ import annotations

import pytest
from gates import benchmark, floors


@pytest.mark.quality
@pytest.mark.slow
def test_summary_scores_stay_above_floors(data_dir):
    gate = floors("summary_neus")["gate"]
    bench = benchmark("summary_neus")
    samples = bench.load_split("val", gate["samples"], data=data_dir / "neus_allsides")
    result = bench.evaluate(samples, gate["summary_sentences"])
    ours = result["rouge"]["newsprism"]
    assert ours["rouge2"] >= gate["rouge2"], result
    assert ours["rougeL"] >= gate["rougeL"], result
    assert result["grounding"] >= gate["grounding"], result
    assert result["emotive_rate_summary"] <= gate["emotive_rate_summary_max"], result
    assert result["neutrality"]["newsprism"]["loaded_rate"] <= gate["loaded_rate_summary_max"], result
    # the aim, kept: ahead of the graph baselines computed in the same run
    for baseline in gate["beats"]:
        theirs = result["rouge"][baseline]
        assert ours["rouge2"] > theirs["rouge2"] and ours["rougeL"] > theirs["rougeL"], (baseline, result["rouge"])
