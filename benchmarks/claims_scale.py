"""Claim alignment alone on one story of 25 / 50 / 100 / 200 near-copies: cost per article.

    PYTHONPATH=src .venv/bin/python benchmarks/claims_scale.py [--sizes 25 50 100 200]

The story is ``story_scale``'s (one BASIL triplet and perturbed retellings). Every article is
parsed once and the story stages before the claims run once per size (``run_story_stages``),
untimed; then ``align_claims`` is timed with a cold embedding cache. Also counted:
candidate pairs compared and sentences embedded, which must grow linearly (the aim: cost per
article flat within 2x from 25 to 200). Writes benchmarks/results/claims_scale.json.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from story_scale import parsed_story, scale_parser  # noqa: E402

def sections_for(members, analyses, options):
    """The sections claim alignment reads, built by the one stage driver (up to the timeline)."""
    from newsprism import pipeline

    return pipeline.run_story_stages("s1", members, analyses, options, until="timeline")


def main() -> None:
    args = scale_parser(__doc__.splitlines()[0], [25, 50, 100, 200]).parse_args()

    from newsprism.align import claims as claims_module
    from newsprism.model import Options, StoryContext
    from newsprism.resources import embed as embed_module

    articles, analyses = parsed_story(args.sizes, args.base_index)
    options = Options()
    embedded: list[int] = []
    original = embed_module.embed

    def counting(texts, **kw):
        embedded.append(len(texts))
        return original(texts, **kw)

    embed_module.embed(["warm-up: the model loads once, outside the timings"])
    rows = []
    for size in sorted(args.sizes):
        members = articles[:size]
        own = {a.id: analyses[a.id] for a in members}
        sections = sections_for(members, own, options)
        ctx = StoryContext("s1", tuple(members), own, sections, options)
        embed_module.clear_cache()
        embedded.clear()
        embed_module.embed = counting
        try:
            t0 = time.perf_counter()
            claims = claims_module.align_claims(ctx)
            seconds = time.perf_counter() - t0
        finally:
            embed_module.embed = original
        items, _ = claims_module._collect(ctx)  # untimed: how many pairs were compared
        pairs = claims_module._pairs(items)
        row = {"articles": size, "claims_in": len(items), "pairs": len(pairs), "embedded": sum(embedded),
               "seconds": round(seconds, 2), "ms_per_article": round(1000 * seconds / size, 1),
               "claims_out": len(claims)}
        rows.append(row)
        print(json.dumps(row), flush=True)
    per = [r["ms_per_article"] for r in rows]
    result = {"story": rows, "per_article_max_over_min": round(max(per) / min(per), 2),
              "pairs_per_claim": [round(r["pairs"] / max(r["claims_in"], 1), 2) for r in rows],
              "embedding_backend": os.environ.get("NEWSPRISM_EMBED", "default"),
              "load_average": [round(x, 2) for x in os.getloadavg()],
              "note": "align_claims alone, cold embedding cache; 2 shared cores, loaded by other agents"}
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "claims_scale.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
