"""Scoring story clustering: B-cubed precision/recall/F1, the evaluation corpora as
Articles (text only: nothing that gives the gold label away), and the TF-IDF +
average-link baseline the benchmarks report beside newsprism.

Benchmark code, not part of the package: used by ``benchmarks/clustering.py`` and the quality gate; reads data from a directory
given at run time (``../shared/data``), never from the package.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from newsprism.model import Article


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float

    def as_dict(self) -> dict[str, float]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def bcubed(groups: Sequence[Sequence[str]], gold: Mapping[str, str]) -> Scores:
    """B-cubed over the items of ``gold``: each item's precision is the share of its
    predicted cluster with its gold label; recall the share of its gold class it is with."""
    cluster_of = {item: n for n, group in enumerate(groups) for item in group}
    missing = set(gold) - set(cluster_of)
    if missing:
        raise ValueError(f"{len(missing)} items are in no cluster, e.g. {sorted(missing)[:3]}")
    pair_counts = Counter((cluster_of[i], gold[i]) for i in gold)
    cluster_sizes = Counter(cluster_of[i] for i in gold)
    class_sizes = Counter(gold.values())
    precision = recall = 0.0
    for (cluster, label), together in pair_counts.items():
        precision += together * together / cluster_sizes[cluster]
        recall += together * together / class_sizes[label]
    precision /= len(gold)
    recall /= len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1)


# -- corpora --------------------------------------------------------------------------------
def load_ecbplus(data_dir: Path) -> tuple[list[Article], dict[str, str]]:
    """ECB+ dev documents as undated articles with neutral ids; gold = ``subtopic``.

    The doc_id suffix and source_url name the event, so neither reaches the article.
    """
    articles, gold = [], {}
    path = Path(data_dir) / "ecbplus" / "docs_dev.jsonl"
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        doc = json.loads(line)
        article_id = f"ecb{n:04d}"
        text = "\n".join(s["text"] for s in doc["sentences"])
        articles.append(Article(id=article_id, outlet="unknown", text=text))
        gold[article_id] = str(doc["subtopic"])
    return articles, gold


def load_basil(data_dir: Path) -> tuple[list[Article], dict[str, str]]:
    """BASIL articles (title, body, date, outlet); gold = the triplet."""
    articles, gold = [], {}
    for n, path in enumerate(sorted((Path(data_dir) / "basil" / "articles").glob("*/*.json"))):
        doc = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = ["".join(sentences) if isinstance(sentences, list) else str(sentences)
                      for sentences in doc["body-paragraphs"]]
        article_id = f"basil{n:03d}"
        articles.append(Article(id=article_id, outlet=str(doc["source"]).lower(), title=doc.get("title") or None,
                                text="\n\n".join(p.strip() for p in paragraphs), published=doc.get("date")))
        gold[article_id] = str(doc["triplet-uuid"])
    return articles, gold


def shuffled(articles: Sequence[Article], seed: int) -> list[Article]:
    """Input order carries the gold grouping in both corpora; shuffle it away."""
    out = list(articles)
    random.Random(seed).shuffle(out)
    return out


# -- baseline -------------------------------------------------------------------------------
def tfidf_average_link(articles: Sequence[Article], thresholds: Sequence[float]) -> dict[float, list[list[str]]]:
    """Plain TF-IDF (English stop words, sublinear tf) + average link on cosine distance,
    cut at each distance threshold (one linkage, many cuts)."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [((a.title or "") + "\n" + a.text) for a in articles]
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts).toarray()
    tree = linkage(pdist(matrix, metric="cosine"), method="average")
    out = {}
    for threshold in thresholds:
        groups: dict[int, list[str]] = {}
        for article, label in zip(articles, fcluster(tree, t=threshold, criterion="distance").tolist()):
            groups.setdefault(label, []).append(article.id)
        out[threshold] = list(groups.values())
    return out


def tuned_baseline(articles: Sequence[Article], gold: Mapping[str, str],
                   thresholds: Sequence[float] = tuple(x / 100 for x in range(40, 100))) -> tuple[float, Scores]:
    """The baseline at its best distance threshold on these articles (tuned on dev)."""
    scored = [(t, bcubed(groups, gold)) for t, groups in tfidf_average_link(articles, thresholds).items()]
    return max(scored, key=lambda pair: pair[1].f1)


def mean_scores(runs: Sequence[Scores]) -> Scores:
    n = len(runs)
    return Scores(sum(r.precision for r in runs) / n, sum(r.recall for r in runs) / n, sum(r.f1 for r in runs) / n)


def score_online(articles: Sequence[Article], gold: Mapping[str, str], orders: Sequence[int] = (0, 1, 2),
                 config=None) -> tuple[Scores, list[Scores]]:
    """newsprism's clustering, averaged over shuffled input orders (undated articles are
    processed in input order, so the order matters); also returns each run's scores."""
    from newsprism.cluster.stories import cluster_stories

    runs = [bcubed(cluster_stories(shuffled(articles, seed), None, config), gold) for seed in orders]
    return mean_scores(runs), runs
