"""Claims to read by hand: every dispute and every agreed pair on BASIL triplets (one story each).

    PYTHONPATH=src .venv/bin/python benchmarks/claims_basil_read.py [--triplets 50] [--list F] [--out F]

BASIL has no gold for agreement, so precision is judged by reading: this lists, per triplet,
each disputed claim (both sides, the note) and each pair of sentences an agreed claim puts
together, and prints the counts. The list holds the articles' own sentences, so it is written
outside the repository (``--list``, default in the temporary directory); the counts go to
benchmarks/results/claims_basil_read.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import DATA, basil_articles  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def read(triplets: int) -> dict:
    from newsprism import pipeline
    from newsprism.model import Article, Options

    by_triplet: dict[str, list[dict]] = defaultdict(list)
    for d in basil_articles(DATA):
        by_triplet[d["id"].rsplit("_", 1)[0]].append(d)
    disputes, agreed = [], []
    for key in sorted(by_triplet)[:triplets]:
        articles = tuple(Article(id=d["id"], outlet=d["outlet"], text=d["text"], title=d.get("title")) for d in by_triplet[key])
        claims = pipeline.run_story_stages("b", articles, pipeline.process_articles(articles), Options(), until="claims")["claims"]
        for c in claims:
            if c.status == "disputed":
                disputes.append({"triplet": key, "kind": c.dispute, "says": [s.text for s in c.support],
                                 "against": [s.text for s in c.contradicted_by],
                                 "notes": [{"kind": n.kind, "context": list(n.context)} for n in c.notes]})
            elif c.status == "agreed":
                for a, b in combinations(c.support, 2):
                    if a.article_id != b.article_id:
                        agreed.append({"triplet": key, "a": a.text, "b": b.text})
    return {"triplets": triplets, "disputes": disputes, "agreed_pairs": agreed}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--triplets", type=int, default=50)
    ap.add_argument("--list", default=str(Path(tempfile.gettempdir()) / "newsprism_claims_basil_read.json"),
                    help="where the sentences to read go (outside the repository: they are BASIL's text)")
    ap.add_argument("--out", default=None, help="the counts (default benchmarks/results/claims_basil_read.json)")
    args = ap.parse_args(argv)
    result = read(args.triplets)
    Path(args.list).write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    counts = {"triplets": args.triplets, "disputes": len(result["disputes"]), "agreed_pairs": len(result["agreed_pairs"])}
    out = Path(args.out) if args.out else REPO / "benchmarks" / "results" / "claims_basil_read.json"
    out.write_text(json.dumps(counts, indent=2) + "\n", encoding="utf-8")
    print(f"{args.triplets} triplets: {counts['disputes']} disputes, {counts['agreed_pairs']} agreed pairs; to read: {args.list}; counts: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
