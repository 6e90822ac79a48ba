"""Loaded-language quality: BASIL lexical-bias spans and BABE biased sentences.

Scores newsprism's loaded-term finder (``newsprism.extract.framing.loaded_spans``) next to a
plain VADER-lexicon baseline (a word counts when abs(valence) >= 1.5), in the same run:

- BASIL (``lex`` spans, quotes included): span-level P/R/F1 (a predicted span is right when it
  overlaps a gold span; recall counts gold spans overlapped), token-level P/R/F1 (word tokens
  inside spans) and sentence-level P/R/F1 (a sentence is biased when it holds a lex span);
- BABE (SG2, sentences with an agreed label): sentence-level accuracy and F1.

Parses are cached as spaCy DocBins under ``$NEWSPRISM_CACHE`` (default ~/.cache/newsprism).

    .venv/bin/python benchmarks/loaded_basil.py [--data ../shared/data] [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import glob
import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
CACHE = Path(os.environ.get("NEWSPRISM_CACHE", Path.home() / ".cache" / "newsprism")) / "bench"
BASELINE_THRESHOLD = 1.5
PROTECTED_CATEGORIES = ("label", "glorify")


@dataclass
class BasilDoc:
    id: str
    text: str
    sentences: list[tuple[int, int]]
    gold: list[tuple[int, int]]


def load_basil(data_dir: Path, limit: int | None = None) -> list[BasilDoc]:
    """Each BASIL article as one text (title, then its sentences), gold lex spans in its offsets."""
    root = Path(data_dir) / "basil"
    docs = []
    for path in sorted(glob.glob(str(root / "articles" / "*" / "*.json"))):
        art = json.loads(Path(path).read_text(encoding="utf-8"))
        ann_path = Path(path.replace("/articles/", "/annotations/")).with_name(Path(path).stem + "_ann.json")
        if not ann_path.is_file():
            continue
        ann = json.loads(ann_path.read_text(encoding="utf-8"))
        offsets: dict[str, int] = {}
        parts: list[str] = []
        sentences: list[tuple[int, int]] = []
        pos = 0

        def add(key: str, sentence: str, sep: str) -> None:
            nonlocal pos
            if parts:
                parts.append(sep)
                pos += len(sep)
            offsets[key] = pos
            parts.append(sentence)
            sentences.append((pos, pos + len(sentence)))
            pos += len(sentence)

        add("title", art.get("title") or "", "")
        n = 0
        for paragraph in art["body-paragraphs"]:
            for k, sentence in enumerate(paragraph):
                add(f"p{n}", sentence, " " if k else "\n\n")
                n += 1
        text = "".join(parts)
        gold = []
        for a in ann.get("phrase-level-annotations", []):
            if a.get("bias") != "lex" or a["id"] not in offsets:
                continue
            s = offsets[a["id"]] + int(a["start"])
            e = offsets[a["id"]] + int(a["end"])
            if text[s:e].strip():
                gold.append((s, e))
        docs.append(BasilDoc(Path(path).stem, text, sentences, gold))
        if limit and len(docs) >= limit:
            break
    return docs


def load_babe(data_dir: Path, limit: int | None = None) -> list[tuple[str, int]]:
    """(sentence, 1 if biased) for BABE SG2 sentences with an agreed label."""
    rows = []
    with open(Path(data_dir) / "babe" / "final_labels_SG2.csv", encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh, delimiter=";"):
            label = row.get("label_bias", "")
            if label in ("Biased", "Non-biased") and row["text"].strip():
                rows.append((row["text"].strip(), int(label == "Biased")))
    if limit:
        rows = rows[:limit]
    return rows


def parse_cached(name: str, texts: Sequence[str]) -> list:
    """spaCy docs for the texts, from a DocBin cache keyed by the texts and the model."""
    from spacy.tokens import DocBin

    from newsprism.nlp import load_nlp

    nlp = load_nlp()
    key = hashlib.sha1(("\x00".join(texts) + nlp.meta.get("name", "") + nlp.meta.get("version", "")).encode()).hexdigest()[:16]
    path = CACHE / f"{name}-{key}.spacy"
    if path.is_file():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=32))
    CACHE.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return docs


# --- predictors: doc -> list of (start, end) character spans


def newsprism_predictor(settings=None) -> Callable:
    from newsprism.extract.framing import loaded_spans
    from newsprism.extract.loaded_lexicon import DEFAULT_SETTINGS

    settings = settings or DEFAULT_SETTINGS
    return lambda doc: [(s.start, s.end) for s in loaded_spans(doc, "x", settings)]


def vader_baseline(doc) -> list[tuple[int, int]]:
    """Plain lexicon baseline: any word with abs(VADER valence) >= 1.5."""
    from newsprism.extract.loaded_lexicon import vader_lexicon

    lex = vader_lexicon()
    return [(t.idx, t.idx + len(t.text)) for t in doc if abs(lex.get(t.lower_, 0.0)) >= BASELINE_THRESHOLD]


# --- scores


def prf(tp_p: int, n_pred: int, tp_r: int, n_gold: int) -> dict[str, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_basil(docs: Sequence[BasilDoc], parsed: Sequence, predict: Callable) -> dict:
    span_tp_p = span_tp_r = n_pred = n_gold = 0
    tok_tp = tok_pred = tok_gold = 0
    sent_tp = sent_pred = sent_gold = 0
    for d, doc in zip(docs, parsed):
        pred = predict(doc)
        n_pred += len(pred)
        n_gold += len(d.gold)
        span_tp_p += sum(1 for p in pred if any(_overlaps(p, g) for g in d.gold))
        span_tp_r += sum(1 for g in d.gold if any(_overlaps(p, g) for p in pred))
        for t in doc:
            if not (t.is_alpha or t.like_num):
                continue
            ts = (t.idx, t.idx + len(t.text))
            in_gold = any(_overlaps(ts, g) for g in d.gold)
            in_pred = any(_overlaps(ts, p) for p in pred)
            tok_gold += in_gold
            tok_pred += in_pred
            tok_tp += in_gold and in_pred
        for s in d.sentences:
            if s[1] <= s[0]:
                continue
            g = any(_overlaps(s, x) for x in d.gold)
            p = any(_overlaps(s, x) for x in pred)
            sent_gold += g
            sent_pred += p
            sent_tp += g and p
    return {
        "span": prf(span_tp_p, n_pred, span_tp_r, n_gold),
        "token": prf(tok_tp, tok_pred, tok_tp, tok_gold),
        "sentence": prf(sent_tp, sent_pred, sent_tp, sent_gold),
        "gold_spans": n_gold,
        "predicted_spans": n_pred,
    }


def score_babe(rows: Sequence[tuple[str, int]], parsed: Sequence, predict: Callable) -> dict:
    tp = fp = fn = tn = 0
    for (_, label), doc in zip(rows, parsed):
        p = int(bool(predict(doc)))
        tp += p and label
        fp += p and not label
        fn += (not p) and label
        tn += (not p) and (not label)
    n = max(tp + fp + fn + tn, 1)
    out = prf(tp, tp + fp, tp, tp + fn)
    out["accuracy"] = round((tp + tn) / n, 4)
    out["sentences"] = n
    out["majority_accuracy"] = round(max(tp + fn, fp + tn) / n, 4)
    return out


# --- the learned scorer: cross-validated by triplet, then fit on all of BASIL


def candidate_table(docs: Sequence[BasilDoc], parsed: Sequence):
    """Per candidate: (doc index, (start, end), features, label = overlaps a gold span)."""
    from newsprism.extract.framing_style import quote_regions
    from newsprism.extract.loaded_lexicon import LoadedSettings, scored_candidates

    from newsprism.extract.loaded_lexicon import match_key

    settings = LoadedSettings(use_scorer=False, use_exclusions=False)
    rows = []
    for i, (d, doc) in enumerate(zip(docs, parsed)):
        for m, feats in scored_candidates(doc, settings, quote_regions(doc.text)):
            span = doc[m.start_token : m.end_token]
            se = (span.start_char, span.end_char)
            rows.append((i, se, feats, int(any(_overlaps(se, g) for g in d.gold)), match_key(doc, m)))
    return rows


def choose_exclusions(rows, min_count: int = 3, max_precision: float = 0.0) -> set[str]:
    """Lexicon words (own or VADER) that are frequent candidates yet (almost) never biased.

    Naming labels and one-sided praise ("terrorist", "regime", "liberated") are never set
    aside: BASIL's US politics seldom uses them, but they are what framing is about."""
    seen: dict[str, list[int]] = {}
    for row in rows:
        if any(row[2].get(f"cat={c}") for c in PROTECTED_CATEGORIES):
            continue
        seen.setdefault(row[4], []).append(row[3])
    return {w for w, ys in seen.items() if len(ys) >= min_count and sum(ys) / len(ys) <= max_precision}


def fit(features: Sequence[dict], labels: Sequence[int], c: float = 0.5):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform(features)
    clf = LogisticRegression(C=c, max_iter=2000).fit(x, labels)
    return vec, clf


def cross_validate_scorer(docs: Sequence[BasilDoc], parsed: Sequence, folds: int = 5, min_count: int = 3, max_precision: float = 0.0) -> dict:
    """Out-of-fold scores: each triplet is scored by a model trained without it."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    rows = candidate_table(docs, parsed)
    groups = [docs[r[0]].id.rsplit("_", 1)[0] for r in rows]
    feats = [r[2] for r in rows]
    labels = np.array([r[3] for r in rows])
    oof = np.zeros(len(rows))
    for train, test in GroupKFold(n_splits=folds).split(feats, labels, groups):
        excluded = choose_exclusions([rows[k] for k in train], min_count, max_precision)
        keep = [k for k in train if rows[k][4] not in excluded]
        vec, clf = fit([feats[k] for k in keep], labels[keep])
        oof[test] = clf.predict_proba(vec.transform([feats[k] for k in test]))[:, 1]
        oof[[k for k in test if rows[k][4] in excluded]] = 0.0
    best = None
    for threshold in [x / 100 for x in range(5, 60, 1)]:
        spans: dict[int, list] = {}
        for (i, se, *_), p in zip(rows, oof):
            if p >= threshold:
                spans.setdefault(i, []).append(se)
        by_doc = {id(doc): spans.get(i, []) for i, doc in enumerate(parsed)}
        scores = score_basil(docs, parsed, lambda doc: by_doc[id(doc)])
        goal = (scores["token"]["f1"] + scores["sentence"]["f1"]) / 2
        if best is None or goal > best[0]:
            best = (goal, threshold, scores)
    return {"threshold": best[1], "scores": best[2], "candidates": len(rows), "positive_candidates": int(labels.sum()), "folds": folds}


def train_scorer(docs: Sequence[BasilDoc], parsed: Sequence, threshold: float, min_count: int = 3, max_precision: float = 0.0) -> tuple[dict, set[str]]:
    rows = candidate_table(docs, parsed)
    excluded = choose_exclusions(rows, min_count, max_precision)
    rows = [r for r in rows if r[4] not in excluded]
    vec, clf = fit([r[2] for r in rows], [r[3] for r in rows])
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])}
    return {
        "about": "logistic-regression weights of general candidate features (no word identities); "
        "trained by benchmarks/loaded_basil.py --train on BASIL lexical-bias spans",
        "bias": round(float(clf.intercept_[0]), 4),
        "threshold": threshold,
        "weights": dict(sorted(weights.items())),
    }, excluded


def run(data_dir: Path = DEFAULT_DATA, *, limit: int | None = None, babe_limit: int | None = None, settings=None) -> dict:
    t0 = time.perf_counter()
    basil = load_basil(data_dir, limit)
    basil_docs = parse_cached("basil", [d.text for d in basil])
    babe = load_babe(data_dir, babe_limit)
    babe_docs = parse_cached("babe", [t for t, _ in babe])
    ours = newsprism_predictor(settings)
    from newsprism.extract.loaded_lexicon import LoadedSettings

    lexicon_only = newsprism_predictor(LoadedSettings(use_scorer=False))
    result = {
        "basil": {
            "newsprism": score_basil(basil, basil_docs, ours),
            "newsprism_cross_validated": cross_validate_scorer(basil, basil_docs),
            "lexicon_and_exclusions_without_scorer": score_basil(basil, basil_docs, lexicon_only),
            "vader_baseline": score_basil(basil, basil_docs, vader_baseline),
            "articles": len(basil),
        },
        "babe": {"newsprism": score_babe(babe, babe_docs, ours), "vader_baseline": score_babe(babe, babe_docs, vader_baseline)},
        "seconds": round(time.perf_counter() - t0, 1),
    }
    return result


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None, help="first N BASIL articles only")
    ap.add_argument("--babe-limit", type=int, default=None)
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "loaded_basil.json")
    ap.add_argument("--train", action="store_true", help="fit the scorer on BASIL and write it into the package")
    args = ap.parse_args(argv)
    if args.train:
        basil = load_basil(args.data)
        parsed = parse_cached("basil", [d.text for d in basil])
        cv = cross_validate_scorer(basil, parsed)
        print("cross-validated", json.dumps(cv))
        model, excluded = train_scorer(basil, parsed, cv["threshold"])
        resources_dir = REPO / "src" / "newsprism" / "resources"
        (resources_dir / "loaded_weights.json").write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        (resources_dir / "loaded_excluded.txt").write_text(
            "# own/VADER lexicon words set aside: frequent in news, (almost) never a writer's bias.\n"
            "# Chosen by benchmarks/loaded_basil.py --train (a selection among newsprism's own and VADER's words).\n"
            + "".join(w + "\n" for w in sorted(excluded)), encoding="utf-8")
        print("wrote", resources_dir / "loaded_weights.json", "and", len(excluded), "exclusions")
        from newsprism.extract.loaded_lexicon import excluded_words, scorer

        scorer.cache_clear()
        excluded_words.cache_clear()
    result = run(args.data, limit=args.limit, babe_limit=args.babe_limit)
    for corpus in ("basil", "babe"):
        for system, value in result[corpus].items():
            print(corpus, system, json.dumps(value))
    if args.limit is None and args.babe_limit is None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print("wrote", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
