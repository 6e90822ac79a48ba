"""Dates on GUM news: finding date expressions and fixing them to calendar dates.

    .venv/bin/python benchmarks/dates_eval.py [--limit N]

Gold: GUM's TEI <date> elements in dep/*.conllu, with the date each one means
(``when="2017-07-18"``, or ``from``/``to`` for a week or a weekend); vague ones
(``notBefore``/``notAfter`` only) are left out. Each article is anchored on its own dateline
(the first full date in its first lines, read by newsprism's own date rules, never from the
gold); that dateline line is not scored. Scores: detection recall (a predicted mention overlaps
the gold element), precision (a predicted mention overlaps some gold element), and
normalisation accuracy (the predicted date equals ``when``, or lies within ``from``..``to``),
over the detected ones and end to end over all gold elements.
Writes benchmarks/results/dates_eval.json.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "gum_news"
_ATTR = re.compile(r'(when|from|to|notBefore|notAfter):::"([^"]+)"')


def gold_dates(conllu: Path, text: str) -> list[dict]:
    """Date elements with character offsets into the jsonl text."""
    out, pos, current = [], 0, None
    for line in conllu.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        start = text.find(cols[1], pos)
        if start < 0:
            raise ValueError(f"token {cols[1]!r} not found in {conllu.name}")
        pos = start + len(cols[1])
        misc = cols[9]
        m = re.search(r"<date ([^>]*)>", misc)
        if m:
            current = {"start": start, "end": pos, "attrs": dict(_ATTR.findall(m.group(1)))}
        if current is not None:
            current["end"] = pos
            if "</date>" in misc or (m and m.group(0).endswith("></date>")):
                out.append(current)
                current = None
    for g in out:
        g["text"] = text[g["start"]:g["end"]]
    return out


def dateline(text: str) -> tuple[str | None, tuple[int, int] | None]:
    """The article's own date: the first full date in its first 300 characters."""
    from newsprism.extract.date_rules import find_dates

    for d in find_dates(text[:300], None):
        if d.date and d.precision == "day":
            line_start = text.rfind("\n", 0, d.start) + 1
            line_end = text.find("\n", d.end)
            return d.date, (line_start, line_end if line_end >= 0 else len(text))  # the whole dateline
    return None, None


def correct(predicted: str | None, attrs: dict) -> bool:
    if predicted is None:
        return False
    if "when" in attrs:
        return predicted == attrs["when"][:10] or predicted == attrs["when"]
    if "from" in attrs and "to" in attrs:
        return attrs["from"] <= predicted <= attrs["to"] or predicted == attrs["from"]
    return False


def run(limit: int | None = None) -> dict:
    from newsprism.extract.dates import extract_dates
    from newsprism.model import Article
    from newsprism.nlp import load_nlp

    nlp = load_nlp()
    docs = [json.loads(line) for line in (DATA / "gum_news_docs.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit:
        docs = docs[:limit]
    gold_total = detected = right = predicted_total = predicted_ok = 0
    errors = []
    for d in docs:
        text = d["text"]
        published, anchor = dateline(text)
        golds = [g for g in gold_dates(DATA / "dep" / f"{d['doc_id']}.conllu", text)
                 if ("when" in g["attrs"] or "from" in g["attrs"])
                 and not (anchor and g["start"] < anchor[1] and anchor[0] < g["end"])]
        mentions = [m for m in extract_dates(nlp(text), Article(d["doc_id"], "gum", text, published=published), {})
                    if not (anchor and m.start < anchor[1] and anchor[0] < m.end)]
        for g in golds:
            gold_total += 1
            hits = [m for m in mentions if m.start < g["end"] and g["start"] < m.end]
            if not hits:
                errors.append({"missed": g["text"], "gold": g["attrs"]})
                continue
            detected += 1
            if any(correct(m.date, g["attrs"]) for m in hits):
                right += 1
            else:
                errors.append({"text": [m.text for m in hits], "got": [m.date for m in hits], "gold": g["attrs"]})
        for m in mentions:
            predicted_total += 1
            if any(m.start < g["end"] and g["start"] < m.end for g in golds):
                predicted_ok += 1
            else:
                errors.append({"false_positive": m.text, "date": m.date})
    return {
        "documents": len(docs),
        "gold_dates": gold_total,
        "detection_recall": round(detected / gold_total, 4) if gold_total else 0.0,
        "precision": round(predicted_ok / predicted_total, 4) if predicted_total else 0.0,
        "normalisation_accuracy_detected": round(right / detected, 4) if detected else 0.0,
        "normalisation_accuracy_all": round(right / gold_total, 4) if gold_total else 0.0,
        "predicted": predicted_total,
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = parser.parse_args(argv)
    r = run(args.limit)
    print(f"GUM news dates ({r['documents']} docs, {r['gold_dates']} gold): detection recall {r['detection_recall']:.3f}"
          f"  precision {r['precision']:.3f} of {r['predicted']}  normalisation acc {r['normalisation_accuracy_detected']:.3f}"
          f" (detected) {r['normalisation_accuracy_all']:.3f} (all)")
    for e in r["errors"][:40]:
        print("   ", e)
    out = REPO / "benchmarks" / "results" / "dates_eval.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(r, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
