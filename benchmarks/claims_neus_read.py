"""Claims read by hand on stories the claim rules were not written for: NeuS / AllSides.

    PYTHONPATH=src .venv/bin/python benchmarks/claims_neus_read.py [--first 1500] [--stories 300] [--list F] [--unlabelled]

The rules that decide when two outlets agree were tuned by reading BASIL (claims_basil_read.py).
This reads the same things on other stories: each NeuS train line holds three outlets' coverage
of one story (left, centre, right; headline and opening paragraphs). Lines 1500-1799 had been
used for no tuning (the summary weights use lines 0-900) when their agreed pairs were first
labelled, blind to the rules, with the BASIL guidelines (true: the two sentences state the same
thing; false: related but different statements; unsure: borderline): precision 0.921 then, the
held-out number. Three changes came from reading those false pairs, so later numbers here are
no longer held out (benchmarks/floors/claims_neus_read.json). Labels:
``benchmarks/labels/claims_neus_agreed.jsonl`` (sentence hashes only, no text).

Every dispute and "may differ" is listed for reading too, and scored against the contradictions
between outlets a reader found on lines 1500-1649 (``benchmarks/labels/disputes_neus.jsonl``:
article offsets of the two sentences, the kind, clear or likely; no text): ``contradictions``
counts those newsprism shows as a dispute or a "may differ". Writes
benchmarks/results/claims_neus_read.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claims_basil_read import add_reading_args, load_labels, read_stories, report_reading, score  # noqa: E402
from summary_neus import load_split  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "benchmarks" / "labels" / "claims_neus_agreed.jsonl"
# contradictions between two outlets read by hand on lines 1500-1649 (sentence offsets, no text)
CONTRADICTIONS = REPO / "benchmarks" / "labels" / "disputes_neus.jsonl"
SIDES = ("left", "centre", "right")


def stories(first: int, count: int) -> list[tuple[str, list[dict]]]:
    rows = load_split("train", limit=first + count)[first:]
    out = []
    for n, (docs, _) in enumerate(rows, start=first):
        out.append((f"neus-train-{n}", [{"id": f"neus-train-{n}-{SIDES[k]}", "outlet": SIDES[k], "title": title, "text": text}
                                        for k, (title, text) in enumerate(docs) if text.strip()]))
    return out


def read(first: int = 1500, count: int = 300) -> dict:
    return {"first": first, "stories": count, **read_stories(stories(first, count))}


def run(first: int = 1500, count: int = 300) -> dict:
    result = read(first, count)
    return {**score(result, load_labels(LABELS) if LABELS.exists() else {}), "contradictions": contradictions_found(result)}


def contradictions_found(result: dict) -> dict:
    """How many of the contradictions read by hand (``CONTRADICTIONS``) newsprism shows as a
    dispute or a "may differ": one side's sentence among the claim's, the other's among those it
    is set against. Only stories the run read count."""
    story_ids = {f"neus-train-{n}" for n in range(result["first"], result["first"] + result["stories"])}
    gold = [json.loads(line) for line in CONTRADICTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = [g for g in gold if g["story"] in story_ids]
    shown = [d["spans"] for d in (*result["disputes"], *result["may_differ"])]

    def holds(spans, side) -> bool:
        return any(a == side["article"] and s < side["end"] and side["start"] < e for a, s, e in spans)

    def found(g) -> bool:
        return any(holds(x, g[p]) and holds(y, g[q]) for x, y in shown for p, q in (("a", "b"), ("b", "a")))

    clear = [g for g in gold if g["strength"] == "clear"]
    return {"gold": len(gold), "found": sum(map(found, gold)), "gold_clear": len(clear), "found_clear": sum(map(found, clear))}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--first", type=int, default=1500, help="the first NeuS train line read")
    ap.add_argument("--stories", type=int, default=300)
    add_reading_args(ap, "claims_neus_read", "NeuS")
    args = ap.parse_args(argv)
    result = read(args.first, args.stories)
    report_reading(args, "claims_neus_read", result, load_labels(LABELS) if LABELS.exists() else {},
                   extra={"contradictions": contradictions_found(result)})
    return 0


if __name__ == "__main__":
    sys.exit(main())
