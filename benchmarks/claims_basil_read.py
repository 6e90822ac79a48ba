"""Claims read by hand: every dispute and every agreed pair on BASIL triplets (one story each).

    PYTHONPATH=src .venv/bin/python benchmarks/claims_basil_read.py [--triplets 50] [--list F] [--out F]

BASIL has no gold for agreement, so precision is judged by reading. This lists, per triplet,
each disputed claim (both sides, the note) and each pair of sentences an agreed claim puts
together. The list holds the articles' own sentences, so it is written outside the repository
(``--list``, default in the temporary directory).

"May differ" notes (two accounts told otherwise, not firmly enough for a dispute) are listed
too. The agreed pairs were read and labelled once (``benchmarks/labels/claims_basil_agreed.jsonl``):
``true`` when the two sentences state the same thing (one quotation, one statement, one
happening with the same participants), ``false`` when they are related but say different things,
``unsure`` when borderline. A label is keyed by the triplet and a hash of each sentence, so the
file holds no BASIL text. Scored here (benchmarks/results/claims_basil_read.json):
- ``agreed_precision``: true / (true + false) over the labelled agreed pairs;
- ``labelled_share``: the share of agreed pairs that carry a label. A change that makes new pairs
  lowers it: read them (``--unlabelled``) and add their labels before trusting the precision.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import DATA, basil_articles  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "benchmarks" / "labels" / "claims_basil_agreed.jsonl"


def sentence_key(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def pair_key(triplet: str, a: str, b: str) -> tuple[str, str, str]:
    """One key for a pair of sentences, whichever comes first."""
    ka, kb = sorted((sentence_key(a), sentence_key(b)))
    return triplet, ka, kb


def read(triplets: int) -> dict:
    by_triplet: dict[str, list[dict]] = defaultdict(list)
    for d in basil_articles(DATA):
        by_triplet[d["id"].rsplit("_", 1)[0]].append(d)
    stories = [(key, by_triplet[key]) for key in sorted(by_triplet)[:triplets]]
    return {"triplets": triplets, **read_stories(stories)}


def read_stories(stories) -> dict:
    """The disputes and the agreed sentence pairs of each story: ``stories`` holds (key, docs),
    each doc a dict with id, outlet, text and title."""
    from newsprism import pipeline
    from newsprism.model import Article, Options

    disputes, agreed, may_differ = [], [], []
    for key, docs in stories:
        articles = tuple(Article(id=d["id"], outlet=d["outlet"], text=d["text"], title=d.get("title")) for d in docs)
        claims = pipeline.run_story_stages("b", articles, pipeline.process_articles(articles), Options(), until="claims")["claims"]
        text_of = {c.id: [s.text for s in c.support] for c in claims}
        spans_of = {c.id: _spans(c.support) for c in claims}
        for c in claims:
            for n in c.notes:  # each "may differ" is noted on both claims: listed once
                if n.certainty == "may differ" and n.other_claim and c.id < n.other_claim:
                    may_differ.append({"triplet": key, "kind": n.kind, "says": text_of[c.id],
                                       "other": text_of.get(n.other_claim, []), "context": list(n.context),
                                       "spans": [spans_of[c.id], spans_of.get(n.other_claim, [])]})
            if c.status == "disputed":
                disputes.append({"triplet": key, "kind": c.dispute, "says": [s.text for s in c.support],
                                 "against": [s.text for s in c.contradicted_by],
                                 "spans": [_spans(c.support), _spans(c.contradicted_by)],
                                 "notes": [{"kind": n.kind, "context": list(n.context)} for n in c.notes]})
            elif c.status == "agreed":
                for a, b in combinations(c.support, 2):
                    if a.article_id != b.article_id:
                        agreed.append({"triplet": key, "a": a.text, "b": b.text})
    return {"disputes": disputes, "agreed_pairs": agreed, "may_differ": may_differ}


def _spans(parts) -> list[list]:
    return [[p.article_id, p.start, p.end] for p in parts]


def load_labels(path: Path = LABELS) -> dict[tuple[str, str, str], str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out[(r["triplet"], *sorted((r["a"], r["b"])))] = r["label"]
    return out


def score(result: dict, labels: dict[tuple[str, str, str], str]) -> dict:
    """Counts, and the agreed pairs' precision over the labelled ones."""
    judged = Counter(labels.get(pair_key(p["triplet"], p["a"], p["b"]), "unlabelled") for p in result["agreed_pairs"])
    decided = judged["true"] + judged["false"]
    total = len(result["agreed_pairs"])
    settings = {k: v for k, v in result.items() if k not in ("disputes", "agreed_pairs", "may_differ")}
    return {**settings, "disputes": len(result["disputes"]), "may_differ": len(result.get("may_differ", ())), "agreed_pairs": total,
            "labelled": {k: judged[k] for k in ("true", "false", "unsure", "unlabelled")},
            "agreed_precision": round(judged["true"] / decided, 4) if decided else None,
            "labelled_share": round(1 - judged["unlabelled"] / total, 4) if total else None}


def run(triplets: int = 50) -> dict:
    return score(read(triplets), load_labels())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--triplets", type=int, default=50)
    add_reading_args(ap, "claims_basil_read", "BASIL")
    args = ap.parse_args(argv)
    report_reading(args, "claims_basil_read", read(args.triplets), load_labels())
    return 0


def add_reading_args(ap: argparse.ArgumentParser, name: str, corpus: str) -> None:
    """The options every reading benchmark takes: where the sentences to read go, which pairs,
    where the counts go."""
    ap.add_argument("--list", default=str(Path(tempfile.gettempdir()) / f"newsprism_{name}.json"),
                    help=f"where the sentences to read go (outside the repository: they are {corpus}'s text)")
    ap.add_argument("--unlabelled", action="store_true", help="list only the agreed pairs that carry no label yet")
    ap.add_argument("--out", default=None, help=f"the counts (default benchmarks/results/{name}.json)")


def report_reading(args: argparse.Namespace, name: str, result: dict, labels: dict, extra: dict | None = None) -> dict:
    """``write_reading`` to the places the options name, and the counts printed."""
    out = Path(args.out) if args.out else REPO / "benchmarks" / "results" / f"{name}.json"
    counts = write_reading(result, labels, Path(args.list), args.unlabelled, out, extra)
    print(json.dumps(counts), f"to read: {args.list}; counts: {out}")
    return counts


def write_reading(result: dict, labels: dict, listing: Path, unlabelled_only: bool, out: Path, extra: dict | None = None) -> dict:
    """The sentences to read (each agreed pair with its key and label) to ``listing``, the counts
    (and ``extra``) to ``out``; returns the counts."""
    counts = {**score(result, labels), **(extra or {})}
    listed = dict(result)
    for p in listed["agreed_pairs"]:
        p["key"] = list(pair_key(p["triplet"], p["a"], p["b"]))
        p["label"] = labels.get(tuple(p["key"]), "unlabelled")
    if unlabelled_only:
        listed["agreed_pairs"] = [p for p in listed["agreed_pairs"] if p["label"] == "unlabelled"]
    listing.write_text(json.dumps(listed, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    out.write_text(json.dumps(counts, indent=2) + "\n", encoding="utf-8")
    return counts


if __name__ == "__main__":
    sys.exit(main())
