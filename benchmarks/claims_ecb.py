"""Claim alignment precision on ECB+ coref_dev: do aligned sentences report the same event?

    PYTHONPATH=src .venv/bin/python benchmarks/claims_ecb.py [--topics 12-22]

Each topic (two look-alike events, e.g. two celebrities entering rehab) is one story: the
documents are extracted as articles and the story stages run up to claim alignment. Every
cross-outlet pair of sentences the claims set side by side (two supports of an agreed claim,
or a support and a contradiction of a disputed one) is checked against the gold event chains:
a pair is right when the two sentences hold mentions of one event chain.

- ``precision`` (the issue's measure, aim >= 0.90): pairs whose two sentences both carry some
  gold mention are judged; a pair with an unannotated sentence is not counted (ECB+ marks only
  the sentences about the seminal event).
- ``precision_event_annotated``: only pairs whose two sentences both carry a gold *event*
  mention (ECB+ often marks only a time or a person in a sentence whose verb is left out, so a
  strict pair can be "wrong" for want of an annotation).
- ``recall``: of the cross-article pairs of claim sentences that share a gold event chain, the
  share that the claims set side by side (agreed together or disputed).
- ``may_differ``: pairs linked by a "may differ" note (not counted in precision).

Tuning used topics 1-11; topics 12-22 are the check split (the quality gate runs them).
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


def topic_range(text: str | None) -> tuple[int, int] | None:
    """"12-22" -> (12, 22); "4" -> (1, 4) (the first N topics); None -> all."""
    if not text:
        return None
    if "-" in text:
        lo, hi = text.split("-", 1)
        return int(lo), int(hi)
    return 1, int(text)


def load(topics: tuple[int, int] | int | None):
    if isinstance(topics, int):
        topics = (1, topics)
    docs = [json.loads(line) for line in (DATA / "docs.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    chains = defaultdict(list)  # doc -> [(start, end, chain, kind)]
    for line in (DATA / "mentions.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            m = json.loads(line)
            chains[m["doc_id"]].append((m["start"], m["end"], m["chain"], m["kind"]))
    by_topic = defaultdict(list)
    for d in docs:
        by_topic[int(d["topic"])].append(d)
    names = [t for t in sorted(by_topic) if topics is None or topics[0] <= t <= topics[1]]
    return [(t, by_topic[t]) for t in names], chains


def story(docs):
    """(claims, analyses) of one topic run as one story."""
    from newsprism.extract import analyze_article
    from newsprism.model import Article, Options
    from newsprism.nlp import parse
    from newsprism.pipeline import run_story_stages

    articles = tuple(Article(id=d["doc_id"], outlet=d["doc_id"], text=d["text"]) for d in docs)
    analyses = {a.id: analyze_article(a, doc) for a, doc in zip(articles, parse([a.text for a in articles], batch_size=16))}
    return run_story_stages("t", articles, analyses, Options(), until=UNTIL)["claims"], analyses


def story_claims(docs):
    return story(docs)[0]


def _events_in(span, chains) -> set[str]:
    return {c for s, e, c, kind in chains.get(span.article_id, ()) if kind == "event" and span.start <= s and e <= span.end}


def _annotated(span, chains, kind: str | None = None) -> bool:
    return any(span.start <= s and e <= span.end and (kind is None or k == kind) for s, e, _, k in chains.get(span.article_id, ()))


def _side_by_side(claims):
    """(status, span a, span b) for every cross-article pair the claims set side by side."""
    by_id = {c.id: c for c in claims}
    for claim in claims:
        if claim.status == "agreed":
            pairs = combinations(claim.support, 2)
        elif claim.status == "disputed":
            pairs = ((a, b) for a in claim.support for b in claim.contradicted_by)
        else:
            pairs = ()
        for a, b in pairs:
            if a.article_id != b.article_id:
                yield claim.status, a, b
        for note in getattr(claim, "notes", ()) or ():
            other = by_id.get(note.other_claim or "")
            if note.certainty == "may differ" and other is not None and claim.id < other.id:
                for a in claim.support:
                    for b in other.support:
                        if a.article_id != b.article_id:
                            yield "may_differ", a, b


def score(claims, chains) -> dict:
    """[pairs judged, pairs sharing an event] per status, also on event-annotated pairs only."""
    counts = {k: [0, 0] for k in ("agreed", "disputed", "may_differ", "agreed_ev", "disputed_ev")}
    for status, a, b in _side_by_side(claims):
        if not (_annotated(a, chains) and _annotated(b, chains)):
            continue
        right = bool(_events_in(a, chains) & _events_in(b, chains))
        counts[status][0] += 1
        counts[status][1] += right
        if status != "may_differ" and _annotated(a, chains, "event") and _annotated(b, chains, "event"):
            counts[status + "_ev"][0] += 1
            counts[status + "_ev"][1] += right
    return counts


def gold_pairs(analyses, chains) -> set[tuple]:
    """Cross-article pairs of claim sentences that share a gold event chain."""
    by_chain = defaultdict(set)
    for analysis in analyses.values():
        for c in analysis.claims:
            for chain in _events_in(c, chains):
                by_chain[chain].add((c.article_id, c.start))
    out = set()
    for members in by_chain.values():
        for a, b in combinations(sorted(members), 2):
            if a[0] != b[0]:
                out.add((a, b))
    return out


def found_pairs(claims) -> set[tuple]:
    out = set()
    for status, a, b in _side_by_side(claims):
        if status != "may_differ":
            out.add(tuple(sorted(((a.article_id, a.start), (b.article_id, b.start)))))
    return out


def run(topics=None) -> dict:
    groups, chains = load(topics)
    total = defaultdict(lambda: [0, 0])
    gold_n = hit = 0
    for _, docs in groups:
        claims, analyses = story(docs)
        for status, (n, ok) in score(claims, chains).items():
            total[status][0] += n
            total[status][1] += ok
        gold = gold_pairs(analyses, chains)
        gold_n += len(gold)
        hit += len(gold & found_pairs(claims))
    share = lambda k: round(total[k][1] / total[k][0], 4) if total[k][0] else 0.0
    pairs = total["agreed"][0] + total["disputed"][0]
    right = total["agreed"][1] + total["disputed"][1]
    pairs_ev = total["agreed_ev"][0] + total["disputed_ev"][0]
    return {
        "topics": [t for t, _ in groups],
        "pairs": pairs,
        "precision": round(right / pairs, 4) if pairs else 0.0,
        "pairs_event_annotated": pairs_ev,
        "precision_event_annotated": round((total["agreed_ev"][1] + total["disputed_ev"][1]) / pairs_ev, 4) if pairs_ev else 0.0,
        "recall": round(hit / gold_n, 4) if gold_n else 0.0,
        "gold_pairs": gold_n,
        "agreed": {"pairs": total["agreed"][0], "precision": share("agreed")},
        "disputed": {"pairs": total["disputed"][0], "precision": share("disputed")},
        "may_differ": {"pairs": total["may_differ"][0], "precision": share("may_differ")},
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--topics", default=None, help="a range (12-22) or the first N topics (4); default all")
    args = ap.parse_args(argv)
    result = run(topic_range(args.topics))
    import os

    result["embedding_backend"] = os.environ.get("NEWSPRISM_EMBED", "default")
    out = REPO / "benchmarks" / "results" / "claims_ecb.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
