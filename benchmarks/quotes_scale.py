"""Who said what at story scale: align_quotes on one story of 25 / 50 / 100 near-copies.

    .venv/bin/python benchmarks/quotes_scale.py [--sizes 25 50 100] [--base-index 0]

The story is ``story_scale.story_articles`` (one BASIL triplet, then perturbed retellings:
sentences rotated, one dropped, numbers moved), so nearly every quote recurs in every
article: the worst case for matching the same words across outlets. Articles are parsed once
(not timed); the entities and referents stages run once per size (not timed); then the quotes
stage alone is timed. Aim: cost per article flat within 2x from 25 to 100 (issue 13).
Writes benchmarks/results/quotes_scale.json.
"""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from story_scale import parsed_story, scale_parser


def main() -> None:
    parser = scale_parser(__doc__.splitlines()[0], [25, 50, 100])
    parser.add_argument("--profile", action="store_true", help="print the top functions of the largest size")
    args = parser.parse_args()

    from newsprism import pipeline
    from newsprism.align import quotes as quotes_stage
    from newsprism.align.quotes import align_quotes
    from newsprism.contracts import DeclaredAnalysis, DeclaredView, analysis_fields
    from newsprism.model import Options, StoryContext

    articles, analyses = parsed_story(args.sizes, args.base_index)
    stage = next(s for s in pipeline.STORY_STAGES if s.assigns == "quotes")
    compare = quotes_stage._same_normalised
    calls = [0]

    def counted(a: str, b: str) -> bool:  # fuzzy comparisons made: the deterministic measure of cost
        calls[0] += 1
        return compare(a, b)

    quotes_stage._same_normalised = counted
    rows = []
    for size in sorted(args.sizes):
        members = articles[:size]
        own = {a.id: analyses[a.id] for a in members}
        sections = pipeline.run_story_stages("s1", members, own, Options(), until="referents")
        seen = {aid: DeclaredAnalysis(a, analysis_fields(stage.requires), stage.assigns) for aid, a in own.items()}
        ctx = StoryContext("s1", tuple(members), seen, DeclaredView(sections, stage.requires, stage.assigns), Options())
        profile = cProfile.Profile() if args.profile and size == max(args.sizes) else None
        calls[0] = 0
        t0 = time.perf_counter()
        if profile:
            profile.enable()
        quotes = align_quotes(ctx)
        if profile:
            profile.disable()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(15)
        seconds = time.perf_counter() - t0
        links = sum(len(q.also_in) for q in quotes)
        row = {"articles": size, "quotes": len(quotes), "also_in_links": links, "fuzzy_comparisons": calls[0],
               "seconds": round(seconds, 3),
               "ms_per_article": round(1000 * seconds / size, 2)}
        rows.append(row)
        print(json.dumps(row), flush=True)
    per = [r["ms_per_article"] for r in rows]
    result = {"story": rows, "per_article_max_over_min": round(max(per) / max(min(per), 1e-9), 2),
              "aim": "per-article cost of the quotes stage flat within 2x from 25 to 100",
              "load_average": [round(x, 2) for x in os.getloadavg()],
              "note": "2 shared cores, loaded by other agents; sizes compared within this run"}
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "quotes_scale.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
