"""Quotes on PolNeAR dev: content and source spans, exact and overlap, next to a regex baseline.

    .venv/bin/python benchmarks/quotes_polnear.py [--limit N]

Gold: one annotator per article (the first file in name order), every attribution with its
Content and Source spans. "Direct" gold attributions are those whose content holds a quotation
mark (“ ” " « », or the doubled apostrophes '' of the NYT's style); "all" is every attribution. Scoring, for each of content and source:
- overlap: a prediction is correct when it overlaps a gold span of the same attribution kind
  (precision over predictions), a gold span is found when a prediction overlaps it (recall);
  a source counts only on a content match, and is correct when the predicted speaker's words
  overlap that attribution's Source.
- exact: the same, with spans holding the same words (case, quotation marks, punctuation and
  a leading "that" ignored on both sides: newsprism keeps quotes without their marks).
The baseline, computed in the same run: every “...” / "..." passage is a quote and its speaker
is the nearest PERSON or ORG the spaCy model tags outside it.
A prediction is "direct" when newsprism marks it direct or, by the gold's rule, its words
hold a quotation mark (a reported clause with a quoted phrase inside is one item).
Writes benchmarks/results/quotes_polnear.json.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "polnear" / "data" / "dev"
QUOTE_CHARS = "“”\"«»"
STRIP = " \t\n“”\"«»‘’',.;:—–-"


@dataclass
class Attribution:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: str = ""


def read_gold(ann: Path) -> list[Attribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    links = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, info, *rest = line.split("\t")
            label, offsets = info.split(" ", 1)
            parts = [tuple(map(int, p.split())) for p in offsets.split(";")]
            spans[tid] = (label, parts, rest[0] if rest else "")
        elif line.startswith("E"):
            links.append(dict(x.split(":") for x in line.split("\t")[1].split()))
    out = []
    for link in links:
        content = spans.get(link.get("Content", ""))
        if content is None:
            continue
        source = spans.get(link.get("Source", ""))
        cue = spans.get(link.get("Cue", ""))
        out.append(Attribution(list(content[1]), list(source[1]) if source else [], cue[2].lower() if cue else ""))
    return out


def documents(limit: int | None = None) -> list[tuple[str, str, list[Attribution]]]:
    by_doc: dict[str, Path] = {}
    for ann in sorted((DATA / "attributions").glob("*.ann")):
        by_doc.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    docs = []
    for stem, ann in sorted(by_doc.items()):
        text = (DATA / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        docs.append((stem, text, read_gold(ann)))
    return docs[:limit] if limit else docs


def is_direct(text: str, a: Attribution) -> bool:
    """The content holds a quotation: a double mark, or the doubled apostrophes some outlets use."""
    for s, e in a.content:
        window = text[max(0, s - 2) : e + 2]
        if any(ch in QUOTE_CHARS for ch in window) or "''" in window or "``" in window:
            return True
    return False


def overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(min(e1, e2) > max(s1, s2) for s1, e1 in a for s2, e2 in b)


def _norm(text: str) -> str:
    """The words only: case, quotation marks, punctuation and a leading "that" do not count."""
    words = re.findall(r"\w+(?:['’]\w+)*", text.lower())
    return " ".join(words[1:] if words[:1] == ["that"] else words)


def same(text: str, a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return _norm(" ".join(text[s:e] for s, e in a)) == _norm(" ".join(text[s:e] for s, e in b))


@dataclass
class Prediction:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]]
    direct: bool


def predict_newsprism(doc, stem: str, text: str) -> list[Prediction]:
    from newsprism.extract.entities import extract_mentions
    from newsprism.extract.quotes import extract_quotes
    from newsprism.model import Article

    article = Article(id=stem, outlet="", text=text)
    mentions = extract_mentions(doc, article, {})
    preds = []
    for q in extract_quotes(doc, article, {"mentions": mentions}):
        sp = q.speaker
        source = [(sp.start, sp.end)] if sp is not None and sp.start is not None else []
        parts = [(p.start, p.end) for p in q.parts]
        # a reported clause holding a quoted phrase is one item (extract.quotes): it counts as
        # direct by the gold's own rule, a quotation mark in its words
        direct = q.direct or is_direct(text, Attribution(parts))
        preds.append(Prediction(parts, source, direct))
    return preds


BASELINE_QUOTE = re.compile(r"“([^”\n]+)”|\"([^\"\n]+)\"")


def predict_baseline(doc, text: str) -> list[Prediction]:
    names = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PERSON", "ORG")]
    preds = []
    for m in BASELINE_QUOTE.finditer(text):
        s, e = m.span(1) if m.group(1) is not None else m.span(2)
        outside = [n for n in names if n[1] <= m.start() or n[0] >= m.end()]
        near = min(outside, key=lambda n: min(abs(n[0] - m.end()), abs(m.start() - n[1])), default=None)
        preds.append(Prediction([(s, e)], [near] if near else [], True))
    return preds


def score(docs, predictions, *, direct_only: bool) -> dict:
    counts = Counter()
    errors = Counter()
    for (stem, text, gold), preds in zip(docs, predictions):
        gold = [g for g in gold if is_direct(text, g)] if direct_only else gold
        preds = [p for p in preds if p.direct] if direct_only else preds
        for mode in ("overlap", "exact"):
            match = overlaps if mode == "overlap" else (lambda a, b, text=text: same(text, a, b))
            found = set()
            for p in preds:
                hits = [i for i, g in enumerate(gold) if match(p.content, g.content)]
                counts[f"{mode}_content_tp_pred"] += bool(hits)
                found.update(hits)
                if p.source:
                    counts[f"{mode}_source_pred"] += 1
                    counts[f"{mode}_source_tp_pred"] += any(gold[i].source and match(p.source, gold[i].source) for i in hits)
                if mode == "overlap" and not hits:
                    errors["spurious " + ("direct quote" if p.direct else "reported speech")] += 1
                if mode == "overlap" and hits and any(gold[i].source for i in hits):
                    if not p.source:
                        errors["content found, no speaker span"] += 1
                    elif not any(match(p.source, gold[i].source) for i in hits):
                        errors["content found, wrong speaker"] += 1
            counts[f"{mode}_content_found"] += len(found)
            src_found = 0
            for i, g in enumerate(gold):
                if g.source and any(match(p.content, g.content) and p.source and match(p.source, g.source) for p in preds):
                    src_found += 1
                if mode == "overlap" and i not in found:
                    errors["missed " + _kind(text, g)] += 1
            counts[f"{mode}_source_found"] += src_found
        counts["gold"] += len(gold)
        counts["gold_with_source"] += sum(1 for g in gold if g.source)
        counts["pred"] += len(preds)
    out = {}
    for mode in ("overlap", "exact"):
        for what, tp_pred, n_pred, found, n_gold in (
            ("content", counts[f"{mode}_content_tp_pred"], counts["pred"], counts[f"{mode}_content_found"], counts["gold"]),
            ("source", counts[f"{mode}_source_tp_pred"], counts[f"{mode}_source_pred"], counts[f"{mode}_source_found"], counts["gold_with_source"]),
        ):
            p = tp_pred / n_pred if n_pred else 0.0
            r = found / n_gold if n_gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[f"{what}_{mode}"] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
    out["gold"] = counts["gold"]
    out["predicted"] = counts["pred"]
    out["errors"] = dict(errors.most_common())
    return out


def _kind(text: str, g: Attribution) -> str:
    if is_direct(text, g):
        return "direct quote"
    cue = g.cue.strip()
    if cue in ("according to", "said", "says", "told", "say"):
        return f"reported speech (cue '{cue}')"
    return "other attribution (belief, finding, nominal or rare cue)"


def run(limit: int | None = None) -> dict:
    from newsprism.nlp import load_nlp

    nlp = load_nlp()
    docs = documents(limit)
    t0 = time.perf_counter()
    parsed = list(nlp.pipe((text for _, text, _ in docs), batch_size=16))
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    ours = [predict_newsprism(doc, stem, text) for doc, (stem, text, _) in zip(parsed, docs)]
    t_ours = time.perf_counter() - t0
    base = [predict_baseline(doc, text) for doc, (_, text, _) in zip(parsed, docs)]
    result = {
        "dataset": "PolNeAR dev (first annotator per article)",
        "documents": len(docs),
        "seconds": {"parse": round(t_parse, 2), "newsprism_extract": round(t_ours, 2)},
        "newsprism": {"direct": score(docs, ours, direct_only=True), "all": score(docs, ours, direct_only=False)},
        "baseline_regex_nearest_name": {"direct": score(docs, base, direct_only=True), "all": score(docs, base, direct_only=False)},
    }
    errors = Counter(result["newsprism"]["all"]["errors"])
    result["largest_error_classes"] = [{"class": k, "count": v} for k, v in errors.most_common(3)]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    args = parser.parse_args(argv)
    result = run(args.limit)
    for system in ("newsprism", "baseline_regex_nearest_name"):
        for scope in ("direct", "all"):
            r = result[system][scope]
            print(f"{system:28s} {scope:6s} " + "  ".join(
                f"{k} P/R/F {v['precision']:.3f}/{v['recall']:.3f}/{v['f1']:.3f}" for k, v in r.items() if isinstance(v, dict) and "f1" in v
            ))
    print("largest error classes:", result["largest_error_classes"])
    if args.limit is None:
        out = REPO / "benchmarks" / "results" / "quotes_polnear.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
