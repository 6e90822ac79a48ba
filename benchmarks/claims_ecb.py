"""Claim alignment precision on ECB+ coref_dev: do aligned sentences report the same event?

    PYTHONPATH=src .venv/bin/python benchmarks/claims_ecb.py [--topics N]

Each topic (two look-alike events, e.g. two celebrities entering rehab) is one story: the
documents are extracted as articles and the story stages run up to claim alignment. Every
cross-outlet pair of sentences the claims set side by side (two supports of an agreed claim,
or a support and a contradiction of a disputed one) is checked against the gold event chains:
a pair is right when the two sentences hold mentions of one event chain. Pairs with a sentence
that carries no gold mention are unannotated and not counted (ECB+ marks only the sentences
about the seminal event). Aim: precision >= 0.90.
Writes benchmarks/results/claims_ecb.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "ecbplus" / "coref_dev"
UNTIL = "claims"  # story stages run up to and including this one


def load(topics: int | None):
    docs = [json.loads(line) for line in (DATA / "docs.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    chains = defaultdict(list)  # doc -> [(start, end, chain)] of event mentions
    for line in (DATA / "mentions.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            m = json.loads(line)
            chains[m["doc_id"]].append((m["start"], m["end"], m["chain"], m["kind"]))
    by_topic = defaultdict(list)
    for d in docs:
        by_topic[int(d["topic"])].append(d)
    names = sorted(by_topic)[:topics] if topics else sorted(by_topic)
    return [(t, by_topic[t]) for t in names], chains


def story_claims(docs):
    from newsprism.extract import analyze_article
    from newsprism.model import Article, Options
    from newsprism.nlp import parse
    from newsprism.pipeline import run_story_stages

    articles = tuple(Article(id=d["doc_id"], outlet=d["doc_id"], text=d["text"]) for d in docs)
    analyses = {a.id: analyze_article(a, doc) for a, doc in zip(articles, parse([a.text for a in articles], batch_size=16))}
    return run_story_stages("t", articles, analyses, Options(), until=UNTIL)["claims"]


def _events_in(span, chains) -> set[str]:
    return {c for s, e, c, kind in chains.get(span.article_id, ()) if kind == "event" and span.start <= s and e <= span.end}


def _annotated(span, chains) -> bool:
    return any(span.start <= s and e <= span.end for s, e, _, _ in chains.get(span.article_id, ()))


def score(claims, chains) -> dict:
    counts = {"agreed": [0, 0], "disputed": [0, 0]}  # [pairs judged, pairs sharing an event]
    for claim in claims:
        if claim.status == "agreed":
            pairs = combinations(claim.support, 2)
        elif claim.status == "disputed":
            pairs = ((a, b) for a in claim.support for b in claim.contradicted_by)
        else:
            continue
        for a, b in pairs:
            if a.article_id == b.article_id or not (_annotated(a, chains) and _annotated(b, chains)):
                continue
            counts[claim.status][0] += 1
            counts[claim.status][1] += bool(_events_in(a, chains) & _events_in(b, chains))
    return counts


def run(topics: int | None = None) -> dict:
    groups, chains = load(topics)
    total = {"agreed": [0, 0], "disputed": [0, 0]}
    for _, docs in groups:
        for status, (n, ok) in score(story_claims(docs), chains).items():
            total[status][0] += n
            total[status][1] += ok
    pairs = total["agreed"][0] + total["disputed"][0]
    right = total["agreed"][1] + total["disputed"][1]
    return {
        "topics": [t for t, _ in groups],
        "pairs": pairs,
        "precision": round(right / pairs, 4) if pairs else 0.0,
        "agreed": {"pairs": total["agreed"][0], "precision": round(total["agreed"][1] / max(total["agreed"][0], 1), 4)},
        "disputed": {"pairs": total["disputed"][0], "precision": round(total["disputed"][1] / max(total["disputed"][0], 1), 4)},
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--topics", type=int, default=None, help="first N topics")
    args = ap.parse_args(argv)
    result = run(args.topics)
    out = REPO / "benchmarks" / "results" / "claims_ecb.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
