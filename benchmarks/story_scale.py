"""One story of 25 / 50 / 100 / 200 near-copies: cost per article of the story stages.

    .venv/bin/python benchmarks/story_scale.py [--sizes 25 50 100 200] [--base-index 0]

The story is built from one BASIL triplet (../shared/data/basil): its three articles, then
copies of them perturbed as another outlet would retell them (sentences rotated, one dropped,
numbers moved; ``scale_dask.perturb``). Every article is parsed once (not timed here); then
``pipeline.build_story`` is timed on the first N. Claim alignment and framing compare within a
story, so this is where quadratic work shows: the aim is a cost per article flat within 2x
from 25 to 200. The largest story is also profiled, and the time of each story stage printed.
Writes benchmarks/results/story_scale.json.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import basil_articles  # noqa: E402
from scale_dask import perturb  # noqa: E402


def story_articles(size: int, base_index: int, seed: int = 13):
    from newsprism.model import Article
    from newsprism.normalize import normalize_articles

    docs = list(basil_articles())
    triplet = docs[3 * base_index : 3 * base_index + 3]
    rng = random.Random(seed)
    articles = [Article(id=f"{d['id']}~0", outlet=d.get("outlet") or "o", text=d["text"], title=d.get("title"),
                        published=d.get("published")) for d in triplet]
    n = 1
    while len(articles) < size:
        d = triplet[len(articles) % 3]
        other = triplet[(len(articles) + 1) % 3]["text"]
        articles.append(Article(id=f"{d['id']}~{n}", outlet=f"outlet{n}", text=perturb(d["text"], rng, other),
                                title=d.get("title"), published=d.get("published")))
        n += 1
    return normalize_articles(articles)


def scale_parser(description: str, sizes: list[int]) -> argparse.ArgumentParser:
    """The options every one-story scale benchmark takes: the sizes and which BASIL triplet."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--sizes", type=int, nargs="+", default=sizes)
    parser.add_argument("--base-index", type=int, default=0, help="which BASIL triplet")
    return parser


def parsed_story(sizes: list[int], base_index: int):
    """The largest story's articles and their analyses, parsed once for every size."""
    from newsprism import pipeline

    articles = story_articles(max(sizes), base_index)
    return articles, pipeline.process_articles(articles)


def stage_seconds(profile: cProfile.Profile) -> dict[str, float]:
    from newsprism import pipeline

    stats = pstats.Stats(profile)
    out: dict[str, float] = {}
    for stage in pipeline.STORY_STAGES:
        name, target = stage.assigns, stage.target
        module, _, fn = target.partition(":")
        suffix = module.replace(".", "/") + ".py"
        for (path, _line, func), (_cc, _nc, _tt, ct, _callers) in stats.stats.items():
            if func == fn and path.endswith(suffix):
                out[name] = round(out.get(name, 0.0) + ct, 2)
    return out


def main() -> None:
    args = scale_parser(__doc__.splitlines()[0], [25, 50, 100, 200]).parse_args()

    from newsprism import pipeline
    from newsprism.resources.embed import clear_cache
    from newsprism.model import Options

    articles, analyses = parsed_story(args.sizes, args.base_index)

    def build(size: int, profile: cProfile.Profile | None = None):
        members = articles[:size]
        clear_cache()  # each size embeds its sentences cold
        t0 = time.perf_counter()
        if profile:
            profile.enable()
        story = pipeline.build_story("s1", members, {a.id: analyses[a.id] for a in members}, Options())
        if profile:
            profile.disable()
        return story, time.perf_counter() - t0

    build(min(args.sizes))  # loads the models and resources once (untimed), so the first size is not charged for them
    rows = []
    for size in sorted(args.sizes):
        story, seconds = build(size)
        row = {"articles": size, "seconds": round(seconds, 2), "ms_per_article": round(1000 * seconds / size, 1),
               "claims": len(story.claims)}
        if size == max(args.sizes):  # profiled in a second run: the profiler's overhead is not timed
            profile = cProfile.Profile()
            build(size, profile)
            row["stage_seconds_profiled"] = stage_seconds(profile)
        rows.append(row)
        print(json.dumps(row), flush=True)
    per = [r["ms_per_article"] for r in rows]
    result = {"story": rows, "per_article_max_over_min": round(max(per) / min(per), 2),
              "aim": "per-article cost flat within 2x from 25 to 200",
              "load_average": [round(x, 2) for x in os.getloadavg()],
              "note": "2 shared cores, loaded by other agents; sizes compared within this run"}
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "story_scale.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
