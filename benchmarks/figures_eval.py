"""Figures: precision and recall on hand-labelled sentences, and a signal from GUM news trees.

    .venv/bin/python benchmarks/figures_eval.py [--limit N]

1. Hand-labelled sentences (benchmarks/figures_cases.py, written for newsprism): a predicted
   figure is correct when its words and value match a labelled one; counted-noun and event
   accuracy are measured over the matched ones. Sentences without figures (dates, times,
   ages, ordinals, phone numbers, URLs) count every prediction as a false positive.
2. GUM news (no figure gold exists; this is a proxy from the gold UD trees in dep/*.conllu):
   gold "counts" are cardinal NUM tokens attached as ``nummod`` to a noun that is not a unit
   of time, outside any <date> element, except a bare "one" (newsprism reads "one player" as
   an article-like word, not a figure). Recall: how many of them a predicted figure covers;
   head accuracy: how often our counted noun is the gold head's lemma (percentages left out:
   GUM's head is "percent", newsprism names what it is a percentage of); precision: how many
   predicted figures cover at least one cardinal NUM token outside a <date> element (a
   prediction over a date, a year or a non-number is wrong).
Writes benchmarks/results/figures_eval.json.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "gum_news"
sys.path.insert(0, str(REPO / "benchmarks"))

TIME_UNITS = {"second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "century", "time"}


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def eval_cases(nlp) -> dict:
    from figures_cases import CASES

    from newsprism.extract.figures import extract_figures
    from newsprism.model import Article

    tp = fp = fn = head_ok = event_ok = 0
    errors = []
    for n, (sentence, gold) in enumerate(CASES):
        article = Article(f"case{n}", "hand", sentence)
        predicted = extract_figures(nlp(sentence), article, {})
        wanted = {(text, float(value)): (head, event) for text, value, head, event in gold}
        for f in predicted:
            key = (f.text, float(f.value))
            if key in wanted:
                tp += 1
                head, event = wanted.pop(key)
                head_ok += f.head == head
                event_ok += f.event == event
                if (f.head, f.event) != (head, event):
                    errors.append({"sentence": sentence, "figure": f.text, "got": [f.head, f.event], "want": [head, event]})
            else:
                fp += 1
                errors.append({"sentence": sentence, "false_positive": f.text})
        fn += len(wanted)
        errors.extend({"sentence": sentence, "missed": text} for text, _ in wanted)
    out = _prf(tp, fp, fn)
    out["head_accuracy"] = round(head_ok / tp, 4) if tp else 0.0
    out["event_accuracy"] = round(event_ok / tp, 4) if tp else 0.0
    out["sentences"] = len(CASES)
    out["errors"] = errors
    return out


def gum_tokens(conllu: Path, text: str) -> list[dict]:
    """Gold tokens with character offsets into the jsonl text, head lemma and <date> flag."""
    tokens: list[dict] = []
    pos, in_date = 0, False
    sentence: list[dict] = []

    def flush():
        base = len(tokens)
        for t in sentence:
            t["head_i"] = base + t["head"] - 1 if t["head"] else None
        tokens.extend(sentence)
        sentence.clear()

    for line in conllu.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        start = text.find(cols[1], pos)
        if start < 0:
            raise ValueError(f"token {cols[1]!r} not found in {conllu.name}")
        pos = start + len(cols[1])
        misc = cols[9]
        opens = "<date" in misc
        token = {"start": start, "end": pos, "form": cols[1], "lemma": cols[2].lower(), "upos": cols[3],
                 "feats": cols[5], "head": int(cols[6]), "deprel": cols[7], "in_date": in_date or opens}
        if opens:
            in_date = True
        if "</date>" in misc:
            in_date = False
        sentence.append(token)
    flush()
    for t in tokens:
        t["head_lemma"] = tokens[t["head_i"]]["lemma"] if t["head_i"] is not None else ""
        t["head_upos"] = tokens[t["head_i"]]["upos"] if t["head_i"] is not None else ""
    return tokens


def _same_lemma(ours: str, gold: str) -> bool:
    # spaCy lemmatises "people" as itself, GUM as "person"
    return ours == gold or {ours, gold} == {"people", "person"}


def eval_gum(nlp, limit: int | None) -> dict:
    from newsprism.extract.figures import extract_figures
    from newsprism.model import Article

    docs = [json.loads(line) for line in (DATA / "gum_news_docs.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit:
        docs = docs[:limit]
    gold_total = covered = head_ok = pred_total = pred_ok = 0
    misses, wrong = [], []
    for d in docs:
        tokens = gum_tokens(DATA / "dep" / f"{d['doc_id']}.conllu", d["text"])
        cardinals = [t for t in tokens if t["upos"] == "NUM" and "NumType=Card" in t["feats"] and not t["in_date"]
                     and not re.fullmatch(r"(1[89]|20)\d\d", t["form"])]
        counts = [t for t in cardinals if t["deprel"] == "nummod" and t["head_upos"] in ("NOUN", "PROPN")
                  and t["head_lemma"] not in TIME_UNITS and t["form"].lower() != "one"]
        figures = extract_figures(nlp(d["text"]), Article(d["doc_id"], "gum", d["text"]), {})
        for t in counts:
            gold_total += 1
            hit = next((f for f in figures if f.start <= t["start"] and t["end"] <= f.end), None)
            if hit is None:
                misses.append(d["text"][max(0, t["start"] - 40):t["end"] + 30])
                continue
            covered += 1
            if t["head_lemma"] in ("percent", "%"):
                covered -= 1  # newsprism names what a percentage is of, GUM's head is "percent"
                continue
            if _same_lemma(hit.head, t["head_lemma"]):
                head_ok += 1
            else:
                wrong.append({"figure": hit.text, "got": hit.head, "gold": t["head_lemma"]})
        for f in figures:
            pred_total += 1
            pred_ok += any(f.start <= t["start"] and t["end"] <= f.end for t in cardinals)
    return {
        "documents": len(docs),
        "gold_counts": gold_total,
        "recall": round(covered / gold_total, 4) if gold_total else 0.0,
        "head_accuracy": round(head_ok / covered, 4) if covered else 0.0,
        "predicted": pred_total,
        "precision": round(pred_ok / pred_total, 4) if pred_total else 0.0,
        "examples_missed": misses[:15],
        "examples_wrong_head": wrong[:15],
    }


def run(limit: int | None = None) -> dict:
    from newsprism.nlp import load_nlp

    nlp = load_nlp()
    return {"hand_labelled": eval_cases(nlp), "gum_news_proxy": eval_gum(nlp, limit)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N GUM documents")
    args = parser.parse_args(argv)
    result = run(args.limit)
    hand, gum = result["hand_labelled"], result["gum_news_proxy"]
    print(f"hand-labelled ({hand['sentences']} sentences): P {hand['precision']:.3f} R {hand['recall']:.3f} F1 {hand['f1']:.3f}"
          f"  head acc {hand['head_accuracy']:.3f}  event acc {hand['event_accuracy']:.3f}")
    for e in hand["errors"]:
        print("   ", e)
    print(f"GUM news proxy ({gum['documents']} docs, {gum['gold_counts']} gold counts): recall {gum['recall']:.3f}"
          f"  head acc {gum['head_accuracy']:.3f}  precision {gum['precision']:.3f} of {gum['predicted']} predicted")
    out = REPO / "benchmarks" / "results" / "figures_eval.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
