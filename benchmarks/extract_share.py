"""Per-article extraction next to the spaCy parse it reads, same texts, same process.

    .venv/bin/python benchmarks/extract_share.py [--size 100] [--repeats 3]

Parses ``mixed_corpus(size)`` with ``nlp.parse`` and runs every extractor of
``extract.EXTRACTORS`` over each parse, timing each one (CPU time of this process: the machine
may be shared). Prints the share of the parse that extraction costs, in all and per extractor
(median of the repeats; the aim is <= 15%), and writes benchmarks/results/extract_share.json.
"""

from __future__ import annotations

import argparse
import collections
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import mixed_corpus  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    from newsprism.contracts import DeclaredView
    from newsprism.extract import EXTRACTORS, GIVEN, analyze_article
    from newsprism.extract.tokens import clear_caches
    from newsprism.model import Article, Part
    from newsprism.nlp import parse

    docs = mixed_corpus(args.size)
    articles = [Article(id=d["id"], outlet=d.get("outlet") or "x", text=d["text"], title=d.get("title"),
                        published=d.get("published")) for d in docs]
    warm = list(parse([a.text for a in articles[:3]]))
    for a, doc in zip(articles, warm):
        analyze_article(a, doc)  # lexicons, VADER, lookup tables: loaded once per process, not timed
    stages = [(s.assigns, s.resolve(), s.requires) for s in EXTRACTORS]
    parse_s, extract_s = [], []
    per_stage: dict[str, list[float]] = collections.defaultdict(list)
    for _ in range(args.repeats):
        clear_caches()  # each repeat scores its sentences afresh, as a cold run would
        t0 = time.process_time()
        parsed = list(parse([a.text for a in articles]))
        parse_s.append(time.process_time() - t0)
        spent: collections.Counter = collections.Counter()
        for article, doc in zip(articles, parsed):
            t0 = time.process_time()
            text = article.text
            found = {"sentences": tuple(Part(s.start_char, s.end_char) for s in doc.sents if text[s.start_char : s.end_char].strip())}
            spent[GIVEN[0]] += time.process_time() - t0
            for name, fn, requires in stages:
                t0 = time.process_time()
                found[name] = fn(doc, article, DeclaredView(found, requires, name))
                spent[name] += time.process_time() - t0
        extract_s.append(sum(spent.values()))
        for name, seconds in spent.items():
            per_stage[name].append(seconds)
    parse_median = statistics.median(parse_s)
    result = {
        "articles": len(articles),
        "repeats": args.repeats,
        "parse_cpu_seconds": round(parse_median, 2),
        "extract_cpu_seconds": round(statistics.median(extract_s), 2),
        "extract_share_of_parse": round(statistics.median(e / p for e, p in zip(extract_s, parse_s)), 3),
        "stage_share_of_parse": {
            name: round(statistics.median(v) / parse_median, 4)
            for name, v in sorted(per_stage.items(), key=lambda kv: -statistics.median(kv[1]))
        },
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "extract_share.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
