"""Entity mentions on GUM news: F1 for person, organisation and place, before and after corrections.

    .venv/bin/python benchmarks/entities_gum.py [--limit N]

Gold: GUM's person / organization / place mentions whose head word is a proper noun (the
named ones; "the team" or "she" are coreference, not named-entity, mentions), head found from
the gold dependency trees in dep/*.conllu. GUM spans are whole noun phrases ("U.S. President
Donald Trump 's"), so a predicted mention matches when it has the gold type, lies inside the
gold span and holds its head word ("head" score); "exact" also requires the same span.
"before" is the spaCy model's own entities, "after" newsprism's corrected mentions, both from
the same parse. Type map: PERSON -> person, ORG -> organization, GPE/LOC/FAC -> place.
Writes benchmarks/results/entities_gum.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "gum_news"
TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
GOLD_TYPES = ("person", "organization", "place")


def _tokens(doc_id: str, text: str) -> list[tuple[int, int, str, int]]:
    """(start, end, upos, absolute head index) per token of the gold trees."""
    out: list[tuple[int, int, str, int]] = []
    pos = 0
    sent: list[tuple[str, str, int]] = []

    def flush():
        nonlocal pos
        base = len(out)
        for form, upos, head in sent:
            start = text.find(form, pos)
            if start < 0:
                start = pos
            pos = start + len(form)
            out.append((start, pos, upos, base + head - 1 if head > 0 else -1))
        sent.clear()

    for line in (DATA / "dep" / f"{doc_id}.conllu").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                sent.append((cols[1], cols[3], int(cols[6])))
    flush()
    return out


def gold_mentions(doc: dict) -> list[tuple[int, int, str, int]]:
    """(start, end, type, head token start) of the named mentions."""
    tokens = _tokens(doc["doc_id"], doc["text"])
    mentions = doc["entity_mentions"]
    if isinstance(mentions, str):
        import ast

        mentions = ast.literal_eval(mentions)
    out = []
    for m in mentions:
        if m["type"] not in GOLD_TYPES:
            continue
        inside = [i for i, t in enumerate(tokens) if t[0] >= m["start"] and t[1] <= m["end"]]
        heads = [i for i in inside if tokens[i][3] not in inside]
        if heads and tokens[heads[0]][2] == "PROPN":
            out.append((m["start"], m["end"], m["type"], tokens[heads[0]][0]))
    return out


def score(gold, predicted) -> dict:
    """gold: (start, end, type, head start); predicted: (start, end, type). Per type and micro."""
    out = {}
    for mode in ("head", "exact"):
        tp, n_pred, n_gold = Counter(), Counter(), Counter()
        for g_doc, p_doc in zip(gold, predicted):
            used = set()
            for p in p_doc:
                n_pred[p[2]] += 1
            for g in g_doc:
                n_gold[g[2]] += 1
                for k, p in enumerate(p_doc):
                    if k in used or p[2] != g[2]:
                        continue
                    ok = (p[0], p[1]) == (g[0], g[1]) if mode == "exact" else (g[0] <= p[0] and p[1] <= g[1] and p[0] <= g[3] < p[1])
                    if ok:
                        used.add(k)
                        tp[g[2]] += 1
                        break
        rows = {}
        for t in (*GOLD_TYPES, "all"):
            a, b, c = (sum(x.values()) for x in (tp, n_pred, n_gold)) if t == "all" else (tp[t], n_pred[t], n_gold[t])
            p = a / b if b else 0.0
            r = a / c if c else 0.0
            rows[t] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4), "gold": c, "predicted": b}
        out[mode] = rows
    return out


def run(limit: int | None = None) -> dict:
    from newsprism.extract.entities import extract_mentions, raw_mentions
    from newsprism.model import Article
    from newsprism.nlp import load_nlp

    nlp = load_nlp()
    docs = [json.loads(line) for line in (DATA / "gum_news_docs.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = docs[:limit] if limit else docs
    gold, before, after = [], [], []
    for d, parsed in zip(docs, nlp.pipe((d["text"] for d in docs), batch_size=8)):
        article = Article(id=d["doc_id"], outlet="wikinews", text=d["text"])
        gold.append(gold_mentions(d))
        before.append([(m.start, m.end, TYPES[m.label]) for m in raw_mentions(parsed, article) if m.label in TYPES])
        after.append([(m.start, m.end, TYPES[m.label]) for m in extract_mentions(parsed, article, {}) if m.label in TYPES])
    return {
        "dataset": "GUM news (all 24 documents here)",
        "documents": len(docs),
        "before_spacy": score(gold, before),
        "after_newsprism": score(gold, after),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    result = run(args.limit)
    for system in ("before_spacy", "after_newsprism"):
        for mode in ("head", "exact"):
            rows = result[system][mode]
            print(f"{system:16s} {mode:5s} " + "  ".join(f"{t} F1 {v['f1']:.3f}" for t, v in rows.items()))
    if args.limit is None:
        out = REPO / "benchmarks" / "results" / "entities_gum.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
