"""Referents as cross-document coreference, on MEANTIME English and ECB+ coref_dev.

    PYTHONPATH=src .venv/bin/python benchmarks/coref_eval.py [--data meantime|ecbplus|both] [--topics N]

Each topic is one story: its documents are parsed and extracted as articles, the entity merge
and the referent stage run over them, and the referents are scored against the gold chains.
A gold mention is *found* when one of our mentions has its head word inside the gold span
(the upstream ``head``) -- or the same span. Scores, separately for entities and events:
- ``found``: share of gold mentions found; ``found_np``: the same over gold mentions whose head
  is a name or a common noun (pronouns and verbs left out) -- the aim is >= 0.50;
- CoNLL F1 (mean of MUC, B-cubed and CEAF-e F1) of our referents on the found gold mentions,
  next to two baselines clustering the same mentions: same head lemma, exact phrase.
Writes benchmarks/results/coref_eval.json.

Two upper bounds tell where the remaining error lies (``--bound``, written next to the scores):
- ``split``: our referents split by gold chain -- every wrong link undone, recall unchanged;
- ``subtopics``: the gold subtopics (ECB+: the seminal event and its look-alike) given as the
  happenings the resolver tells apart, instead of the ones it finds from shared names.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
SETS = {"meantime": DATA / "meantime_en", "ecbplus": DATA / "ecbplus" / "coref_dev"}


def load(name: str, topics: int | None = None, half: str | None = None):
    folder = SETS[name]
    docs = [json.loads(line) for line in (folder / "docs.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = defaultdict(list)
    for line in (folder / "mentions.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            m = json.loads(line)
            gold[m["doc_id"]].append(m)
    by_topic = defaultdict(list)
    for d in docs:
        by_topic[str(d["topic"])].append(d)
    names = sorted(by_topic, key=lambda t: (len(t), t))
    if topics:
        names = names[:topics]
    if half:  # tune on one half of the topics, check on the other: "a" even places, "b" odd
        names = names[(0 if half == "a" else 1)::2]
    return [(t, by_topic[t]) for t in names], gold


# --- metrics -----------------------------------------------------------------------------

def _clusters(assign: dict) -> list[set]:
    out = defaultdict(set)
    for m, c in assign.items():
        out[c].add(m)
    return list(out.values())


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def muc(key: list[set], resp: list[set]) -> tuple[float, float, float]:
    def score(a, b):
        where = {m: i for i, c in enumerate(b) for m in c}
        num = den = 0
        for c in a:
            parts = {where.get(m, ("single", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num / den if den else 0.0

    r, p = score(key, resp), score(resp, key)
    return p, r, _f(p, r)


def b_cubed(key: list[set], resp: list[set]) -> tuple[float, float, float]:
    kof = {m: c for c in key for m in c}
    rof = {m: c for c in resp for m in c}
    ms = list(kof)
    p = sum(len(kof[m] & rof[m]) / len(rof[m]) for m in ms) / len(ms)
    r = sum(len(kof[m] & rof[m]) / len(kof[m]) for m in ms) / len(ms)
    return p, r, _f(p, r)


def ceaf_e(key: list[set], resp: list[set]) -> tuple[float, float, float]:
    sim = np.zeros((len(key), len(resp)))
    for i, k in enumerate(key):
        for j, c in enumerate(resp):
            inter = len(k & c)
            if inter:
                sim[i, j] = 2 * inter / (len(k) + len(c))
    rows, cols = linear_sum_assignment(-sim)
    total = sim[rows, cols].sum()
    p, r = total / len(resp), total / len(key)
    return p, r, _f(p, r)


def conll(key_assign: dict, resp_assign: dict) -> dict:
    key, resp = _clusters(key_assign), _clusters(resp_assign)
    if not key:
        return {"muc": 0.0, "b3": 0.0, "ceafe": 0.0, "conll": 0.0}
    out = {"muc": muc(key, resp)[2], "b3": b_cubed(key, resp)[2], "ceafe": ceaf_e(key, resp)[2]}
    out["conll"] = sum(out.values()) / 3
    return out


# --- running the stage -------------------------------------------------------------------

def run_topic(docs):
    """Parse and resolve one topic as one story; returns the articles' parses and referents."""
    from newsprism.align.entities import merge_entities
    from newsprism.align.referents import resolve_referents
    from newsprism.extract import analyze_article
    from newsprism.model import Article, StoryContext
    from newsprism.nlp import parse

    articles = [Article(id=d["doc_id"], outlet=d["doc_id"], text=d["text"]) for d in docs]
    # NEWSPRISM_COREF_CACHE=dir keeps each topic's parses between runs (for tuning only)
    cache_dir = os.environ.get("NEWSPRISM_COREF_CACHE")
    cache = Path(cache_dir) / (hashlib.sha1("".join(a.id + a.text for a in articles).encode()).hexdigest() + ".spacy") if cache_dir else None
    if cache and cache.exists():
        from spacy.tokens import DocBin

        from newsprism.nlp import load_nlp

        docs_ = list(DocBin().from_bytes(cache.read_bytes()).get_docs(load_nlp().vocab))
    else:
        docs_ = list(parse([a.text for a in articles], batch_size=16))
        if cache:
            from spacy.tokens import DocBin

            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_bytes(DocBin(store_user_data=True, docs=docs_).to_bytes())
    analyses, heads = {}, {}
    for article, doc in zip(articles, docs_):
        # only what the referents need: the names and the referent mentions
        analyses[article.id] = analyze_article(article, doc, only=("mentions", "ref_mentions"))
        # each word's lemma and part of speech; a preposition also its object's offset
        heads[article.id] = {t.idx: (t.lemma_.lower(), t.pos_, next((c.idx for c in t.children if c.dep_ == "pobj"), None)) for t in doc}
    ctx = StoryContext("t", tuple(articles), analyses)
    entities = merge_entities(ctx)
    ctx = StoryContext("t", tuple(articles), analyses, {"entities": entities})
    return analyses, heads, resolve_referents(ctx)


def _gold_head(g, heads: dict | None = None) -> int:
    """Character offset of the gold head word inside the document. ECB+ gives a preposition as
    the head of a mention that starts with one ("in Queens", "on Friday": 234 entity mentions);
    with the parse's ``heads``, the head is then the preposition's object, as for any phrase."""
    at = g["text"].find(g.get("head") or "")
    h = g["start"] + max(at, 0) if g.get("head") else g["start"]
    word = (heads or {}).get(h)
    if word and word[1] == "ADP" and word[2] is not None and word[2] < g["end"]:
        return word[2]
    return h


def score_topic(docs, gold) -> dict:
    analyses, heads, referents = run_topic(docs)
    cluster_of = {}  # (doc, start, end) of our mention -> referent id
    by_head = defaultdict(list)
    for r in referents:
        for s in (*r.mentions, *r.pronouns):
            cluster_of[(s.article_id, s.start, s.end)] = r.id
    for aid, analysis in analyses.items():
        for m in analysis.ref_mentions:
            by_head[(aid, m.head_start)].append(m)
    rows = []
    for d in docs:
        for g in gold.get(d["doc_id"], []):
            h = _gold_head(g, heads[d["doc_id"]])
            lemma, pos = heads[d["doc_id"]].get(h, (g["text"].lower(), "X"))[:2]
            ours = [m for m in by_head.get((d["doc_id"], h), []) if m.start <= h < m.end]
            if not ours:  # the same span, whatever its head
                ours = [m for m in d_mentions(analyses[d["doc_id"]]) if (m.start, m.end) == (g["start"], g["end"])]
            rid = cluster_of.get((d["doc_id"], ours[0].start, ours[0].end)) if ours else None
            rows.append({"kind": g["kind"], "chain": g["chain"], "key": (d["doc_id"], g["start"], g["end"]),
                         "found": rid is not None, "np": pos in ("NOUN", "PROPN"), "ours": rid,
                         "lemma": lemma, "phrase": " ".join(g["text"].lower().split())})
    return rows


def d_mentions(analysis):
    return analysis.ref_mentions


def summarise(rows_by_topic: list[list[dict]]) -> dict:
    out = {}
    for kind in ("entity", "event"):
        sums = defaultdict(list)
        counts = defaultdict(int)
        for rows in rows_by_topic:
            rows = [r for r in rows if r["kind"] == kind]
            counts["gold"] += len(rows)
            counts["found"] += sum(r["found"] for r in rows)
            counts["gold_np"] += sum(r["np"] for r in rows)
            counts["found_np"] += sum(r["found"] and r["np"] for r in rows)
            found = [r for r in rows if r["found"]]
            if not found:
                continue
            key = {r["key"]: r["chain"] for r in found}
            weight = len(found)
            for name, field in (("newsprism", "ours"), ("head_lemma", "lemma"), ("exact_phrase", "phrase")):
                s = conll(key, {r["key"]: r[field] for r in found})
                sums[name].append((weight, s))
            # the same on names and noun phrases only: no pronoun, whose word the baseline groups by
            nps = [r for r in found if r["np"]]
            if nps:
                key = {r["key"]: r["chain"] for r in nps}
                for name, field in (("newsprism", "ours"), ("head_lemma", "lemma")):
                    sums["np:" + name].append((len(nps), conll(key, {r["key"]: r[field] for r in nps})))
        res = {"gold": counts["gold"], "found": counts["found"] / max(counts["gold"], 1),
               "found_np": counts["found_np"] / max(counts["gold_np"], 1)}
        scores = {}
        for name, items in sums.items():  # topics weighed by their found mentions
            total = sum(w for w, _ in items)
            scores[name] = {m: round(sum(w * s[m] for w, s in items) / total, 4) for m in ("muc", "b3", "ceafe", "conll")}
        res.update({n: v for n, v in scores.items() if not n.startswith("np:")})
        res["gain_over_head_lemma"] = round(res["newsprism"]["conll"] - res["head_lemma"]["conll"], 4)
        if "np:newsprism" in scores:
            res["names_and_noun_phrases"] = {"newsprism": scores["np:newsprism"]["conll"], "head_lemma": scores["np:head_lemma"]["conll"],
                                             "gain_over_head_lemma": round(scores["np:newsprism"]["conll"] - scores["np:head_lemma"]["conll"], 4)}
        out[kind] = res
    return out


def run(data: str = "both", topics: int | None = None, half: str | None = None, bound: str | None = None) -> dict:
    """Score the referents; ``topics`` keeps the first N topics of each data set, ``half`` one half
    of them; ``bound`` scores an upper bound instead ("split" or "subtopics", see the module doc)."""
    result = {"topics": topics, "half": half, "bound": bound}
    for name in (["meantime", "ecbplus"] if data == "both" else [data]):
        groups, gold = load(name, topics, half)
        if bound == "subtopics":
            rows = [_with_gold_subtopics(docs, lambda: score_topic(docs, gold)) for _, docs in groups]
        else:
            rows = [score_topic(docs, gold) for _, docs in groups]
        if bound == "split":
            for r in (r for topic in rows for r in topic if r["ours"] is not None):
                r["ours"] = (r["ours"], r["chain"])
        result[name] = summarise(rows)
        result[name]["topics"] = [t for t, _ in groups]
    return result


def _with_gold_subtopics(docs, score):
    """``score()`` with the resolver's happenings replaced by the documents' gold subtopics."""
    from newsprism.align import referents

    subtopic = {d["doc_id"]: str(d.get("subtopic", d["topic"])) for d in docs}
    found = referents._happenings

    def gold_happenings(mentions, uf, *args):
        articles = sorted({k[0] for k in mentions})
        if len(articles) < referents.HAPPENING_MIN_ARTICLES:
            return {}
        names = sorted({subtopic[a] for a in articles})
        return {a: names.index(subtopic[a]) for a in articles}

    referents._happenings = gold_happenings
    try:
        return score()
    finally:
        referents._happenings = found


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="both", choices=["both", *SETS])
    ap.add_argument("--topics", type=int, default=None, help="first N topics of each data set")
    ap.add_argument("--half", choices=["a", "b"], default=None, help="even (a) or odd (b) topics only: tune on one, check on the other")
    ap.add_argument("--bound", choices=["split", "subtopics"], default=None,
                    help="an upper bound instead of the score: referents split by gold chain, or gold subtopics as happenings")
    ap.add_argument("--out", default=None, help="where to write the JSON (default benchmarks/results/coref_eval.json)")
    args = ap.parse_args(argv)
    result = run(args.data, args.topics, args.half, args.bound)
    default = f"coref_eval_bound_{args.bound}.json" if args.bound else "coref_eval.json"
    out = Path(args.out) if args.out else REPO / "benchmarks" / "results" / default
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
