"""Do the outlet-profile features separate hyperpartisan from mainstream articles?

SemEval-2019 Task 4, by-article training set (645 articles): 10-fold stratified CV accuracy of
a random forest (default settings) and of a logistic regression on newsprism's per-article
profile features (``extract_features``: opinion markers, sourcing, quote share, loaded density
per category, hedges vs certainty, tone and its spread, readability, headline ...), next to a
bag-of-words logistic regression on the same texts and folds, in the same run.

    .venv/bin/python benchmarks/hyperpartisan_semeval.py [--data ../shared/data] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Sequence
from xml.etree import ElementTree

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from loaded_basil import DEFAULT_DATA, parse_cached  # noqa: E402

FOLDER = "semeval2019_hyperpartisan_byarticle"
MAX_CHARS = 12000  # long articles are cut (for both systems) to keep the parse affordable
FOREST_TREES = 500


def load_semeval(data_dir: Path, limit: int | None = None) -> list[tuple[str, str, int]]:
    """(id, text, 1 if hyperpartisan), text = title + paragraphs, tags stripped."""
    root = Path(data_dir) / FOLDER
    labels = {}
    for el in ElementTree.parse(root / "ground-truth-training-byarticle-20181122.xml").getroot():
        labels[el.get("id")] = int(el.get("hyperpartisan") == "true")
    rows = []
    for el in ElementTree.parse(root / "articles-training-byarticle-20181122.xml").getroot():
        aid = el.get("id")
        paragraphs = [" ".join("".join(p.itertext()).split()) for p in el.iter("p")]
        body = "\n\n".join(p for p in paragraphs if p) or " ".join("".join(el.itertext()).split())
        text = ((el.get("title") or "").strip() + "\n\n" + body)[:MAX_CHARS]
        rows.append((aid, text, labels[aid]))
    if limit:
        # a stratified subset: every k-th article keeps the label balance of the whole set
        step = max(len(rows) // limit, 1)
        rows = rows[::step][:limit]
    return rows


def profile_features(docs: Sequence, ids: Sequence[str]) -> list[dict]:
    from newsprism.extract import analyze_article
    from newsprism.model import Article

    out = []
    for aid, doc in zip(ids, docs):
        feats = analyze_article(Article(aid, "semeval", doc.text), doc, only=("features",)).features
        out.append({k: float(v) for k, v in feats.items() if isinstance(v, (int, float))})
    return out


def cross_validate(rows, docs, folds: int = 10) -> dict:
    import numpy as np
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer, StandardScaler

    y = np.array([label for _, _, label in rows])
    feats = profile_features(docs, [aid for aid, _, _ in rows])
    vectorizer = DictVectorizer(sparse=False)
    x_profile = vectorizer.fit_transform(feats)
    cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=13)
    # the main classifier: a random forest with default settings (no tuning on the folds);
    # trees need no scaling and take the skewed rates and their interactions as they are
    forest = RandomForestClassifier(n_estimators=FOREST_TREES, random_state=0)
    # the linear reading, for comparison: rates are skewed (a few articles shout), so a
    # signed log squashes them before scaling
    signed_log = FunctionTransformer(lambda x: np.sign(x) * np.log1p(np.abs(x)))
    profile_lr = make_pipeline(signed_log, StandardScaler(), LogisticRegression(C=0.05, max_iter=5000))
    bow_model = make_pipeline(TfidfVectorizer(min_df=2, sublinear_tf=True), LogisticRegression(C=10, max_iter=5000))
    forest_acc = cross_val_score(forest, x_profile, y, cv=cv, scoring="accuracy")
    lr_acc = cross_val_score(profile_lr, x_profile, y, cv=cv, scoring="accuracy")
    bow_acc = cross_val_score(bow_model, [t for _, t, _ in rows], y, cv=cv, scoring="accuracy")
    # which profile measures the forest leans on (fit on all articles: descriptive only)
    importances = forest.fit(x_profile, y).feature_importances_
    names = vectorizer.get_feature_names_out()
    top = sorted(zip(names, importances), key=lambda p: -p[1])[:15]
    return {
        "articles": len(rows),
        "hyperpartisan_share": round(float(y.mean()), 4),
        "folds": folds,
        "profile_features": sorted(feats[0]) if feats else [],
        "classifier": f"random forest ({FOREST_TREES} trees, sklearn defaults) on the profile features",
        "newsprism_profile_forest": {"accuracy": round(float(forest_acc.mean()), 4), "std": round(float(forest_acc.std()), 4)},
        "newsprism_profile_lr": {
            "classifier": "signed log1p -> standard scaling -> logistic regression (C=0.05)",
            "accuracy": round(float(lr_acc.mean()), 4),
            "std": round(float(lr_acc.std()), 4),
        },
        "bow_lr_baseline": {"accuracy": round(float(bow_acc.mean()), 4), "std": round(float(bow_acc.std()), 4)},
        "majority_baseline": {"accuracy": round(float(max(y.mean(), 1 - y.mean())), 4)},
        "top_profile_features": [{"feature": n, "importance": round(float(v), 4)} for n, v in top],
    }


def run(data_dir: Path = DEFAULT_DATA, *, limit: int | None = None, folds: int = 10) -> dict:
    t0 = time.perf_counter()
    rows = load_semeval(data_dir, limit)
    docs = parse_cached("semeval", [t for _, t, _ in rows])
    result = cross_validate(rows, docs, folds)
    result["seconds"] = round(time.perf_counter() - t0, 1)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "hyperpartisan_semeval.json")
    args = ap.parse_args(argv)
    result = run(args.data, limit=args.limit)
    print(json.dumps(result, indent=1))
    if args.limit is None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print("wrote", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
