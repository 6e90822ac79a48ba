"""Story-clustering cost per article as a stream grows 1k -> 10k -> 100k articles.

The stream is built from the texts under ../shared/data (ECB+, BASIL, PolNeAR, GUM news,
SemEval hyperpartisan, NeuS/AllSides: about 9,000 distinct texts). Each text becomes an
event that recurs in several epochs years apart (a separate story each time), reported by
several outlets within a few days, each copy perturbed (sentences dropped, numbers
changed). The stream runs at a steady rate of about 350 articles a day (about 1,300
stories open at a time), as a crawl or a busy set of feeds does. Articles go through ``StoryClusterer.add`` in time order (the live path: text
features, no parse); the cost per article is timed around that call only, and its median
is reported in windows at 1k, 10k and 100k articles (CPU time, as the machine is shared;
wall time beside it). It must stay flat (the index and
story expiry keep the work per article independent of the corpus size).

    .venv/bin/python benchmarks/clustering_scale.py [--articles 100000]

Writes benchmarks/results/clustering_scale.json (also the B-cubed scores against the
known (text, epoch) events of the synthetic stream, as a sanity check).
"""

from __future__ import annotations

import argparse
import gc
import html
import json
import random
import re
import resource
import statistics
import time
from datetime import date, timedelta
from pathlib import Path
from xml.etree import ElementTree

from cluster_eval import bcubed, load_basil, load_ecbplus
from newsprism.cluster.stories import ClusterConfig, StoryClusterer
from newsprism.model import Article

ROOT = Path(__file__).resolve().parents[1]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
NUMBER = re.compile(r"\b\d+\b")
TAG = re.compile(r"<[^>]+>")


def base_texts(data: Path) -> list[tuple[str, str]]:
    """(title, text) of every article-like text in the evaluation data."""
    texts = [(a.title or "", a.text) for a in load_ecbplus(data)[0] + load_basil(data)[0]]
    for path in sorted((data / "polnear" / "data" / "dev" / "text").glob("*.txt")):
        texts.append(("", path.read_text(encoding="utf-8")))
    for line in (data / "gum_news" / "gum_news_docs.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        texts.append((doc.get("title") or "", doc["text"]))
    xml = data / "semeval2019_hyperpartisan_byarticle" / "articles-training-byarticle-20181122.xml"
    for article in ElementTree.parse(xml).getroot():
        body = html.unescape(TAG.sub(" ", ElementTree.tostring(article, encoding="unicode", method="text")))
        texts.append((article.get("title") or "", re.sub(r"[ \t]+", " ", body).strip()))
    for line in (data / "neus_allsides" / "train.source").read_text(encoding="utf-8").splitlines():
        for part in line.split(" [SEP] "):
            title, _, body = part.partition("ARTICLE=>")
            texts.append((title.replace("TITLE=>", "").strip(), body.strip()))
    return [(t, x) for t, x in texts if len(x.split()) >= 20]


def perturb(text: str, rng: random.Random) -> str:
    sentences = SENTENCE_END.split(text)
    kept = [s for i, s in enumerate(sentences) if i == 0 or rng.random() > 0.2]
    out = " ".join(kept)
    return NUMBER.sub(lambda m: str(int(m.group(0)) + rng.choice((0, 0, 0, 1, -1))), out)


def build_stream(texts: list[tuple[str, str]], size: int, seed: int = 13) -> tuple[list[Article], dict[str, str]]:
    """``size`` articles, time-ordered, and the gold event of each."""
    rng = random.Random(seed)
    per_event = 4  # outlets reporting each event
    epoch_days = 90  # a text recurs once per epoch, 90 days apart: a new story each time
    epochs = max(1, -(-size // (per_event * len(texts))))
    offsets = [rng.randrange(epoch_days - 5) for _ in texts]
    events = [(n, epoch, epoch * epoch_days + offsets[n]) for epoch in range(epochs) for n in range(len(texts))]
    rng.shuffle(events)
    articles, gold = [], {}
    origin = date(2000, 1, 1)
    for n, epoch, start in events:
        title, text = texts[n]
        for outlet in range(per_event):
            if len(articles) >= size:
                break
            published = origin + timedelta(days=start + rng.randrange(3))
            article_id = f"a{len(articles):06d}"
            articles.append(Article(article_id, f"outlet{outlet}", perturb(text, rng), title=title or None,
                                    published=published.isoformat()))
            gold[article_id] = f"{n}/{epoch}"
    articles.sort(key=lambda a: (a.published, a.id))
    return articles, gold


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--window", type=int, default=1_000, help="articles per timing window")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "clustering_scale.json")
    args = parser.parse_args()

    texts = base_texts(args.data)
    articles, gold = build_stream(texts, args.articles)
    rss_before = peak_rss_mb()
    print(f"{len(texts)} distinct texts -> {len(articles)} articles, {articles[0].published} .. {articles[-1].published}")

    clusterer = StoryClusterer(ClusterConfig())
    costs: list[float] = []  # CPU seconds per add(): the shared machine's load does not count
    walls: list[float] = []
    open_stories: dict[int, int] = {}
    marks = [m for m in (1_000, 10_000, 100_000, 1_000_000) if m <= len(articles)]
    gc.collect()
    started = time.perf_counter()
    for n, article in enumerate(articles, 1):
        t0, c0 = time.perf_counter(), time.process_time()
        clusterer.add(article)
        costs.append(time.process_time() - c0)
        walls.append(time.perf_counter() - t0)
        if n in marks:
            open_stories[n] = clusterer.open_story_count
            print(f"  {n:>7d} articles: median {1000 * statistics.median(costs[n - args.window:n]):.2f} ms CPU/article "
                  f"({1000 * statistics.median(walls[n - args.window:n]):.2f} ms wall) "
                  f"(last {args.window}), {clusterer.open_story_count} open stories, peak RSS {peak_rss_mb():.0f} MB")
    total = time.perf_counter() - started

    windows = {str(m): {"median_ms": round(1000 * statistics.median(costs[m - args.window:m]), 3),
                        "p90_ms": round(1000 * statistics.quantiles(costs[m - args.window:m], n=10)[-1], 3),
                        "median_wall_ms": round(1000 * statistics.median(walls[m - args.window:m]), 3),
                        "open_stories": open_stories[m]} for m in marks}
    first, last = windows[str(marks[0])]["median_ms"], windows[str(marks[-1])]["median_ms"]
    scores = bcubed(clusterer.stories(), gold)
    result = {
        "articles": len(articles), "distinct_texts": len(texts), "window": args.window,
        "cost_per_article": windows,
        "ratio_last_to_first": round(last / first, 3),
        "flat_within_1_5x": last / first <= 1.5,
        "total_seconds": round(total, 1),
        "mean_ms": round(1000 * total / len(articles), 3),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "rss_before_clustering_mb": round(rss_before, 1),
        "doc_freq_terms": len(clusterer.doc_freq),
        "stories": len(clusterer.stories()),
        "synthetic_events": len(set(gold.values())),
        # loose: the base texts include same-event groups (NeuS triplets, ECB+ subtopics,
        # BASIL triplets) that rightly merge when their dates fall close
        "bcubed_vs_synthetic_events": scores.as_dict(),
        "timing": "median CPU time (time.process_time) of StoryClusterer.add per article, in windows "
                  "of the last `window` articles at each mark; median_wall_ms is wall time on a shared machine",
    }
    print(f"cost ratio {marks[-1]} vs {marks[0]}: {result['ratio_last_to_first']}x; peak RSS {result['peak_rss_mb']} MB; "
          f"B-cubed F1 vs synthetic events {scores.f1:.3f} ({len(clusterer.stories())} stories / {len(set(gold.values()))} events)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
