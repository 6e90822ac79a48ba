"""Neutral summary on NeuS / ALLSIDES val: ROUGE against the neutral reference, neutrality,
grounding, next to baselines computed in the same run.

Each line holds three articles (left/centre/right, headline + excerpt); the reference is the
AllSides neutral summary. newsprism parses the three texts, extracts and aligns claims and
summarises (entities and quotes are not needed). Baselines: the first sentence of the first
article (lead-1), the first sentence of each article (lead-each), and TextRank and LexRank
over the sentences of all three.

    .venv/bin/python benchmarks/summary_neus.py [--limit N] [--sentences K]

Writes benchmarks/results/summary_neus.json.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "neus_allsides"
RESULTS = REPO / "benchmarks" / "results" / "summary_neus.json"
DOC_RE = re.compile(r"TITLE=>\s*(.*?)\s*ARTICLE=>\s*(.*)", re.S)


def parse_doc(raw: str) -> tuple[str, str]:
    match = DOC_RE.match(raw.strip())
    return (match.group(1), match.group(2).strip()) if match else ("", raw.strip())


def load_split(split: str = "val", limit: int | None = None, data: Path = DATA) -> list[tuple[list[tuple[str, str]], str]]:
    sources = (data / f"{split}.source").read_text(encoding="utf-8").splitlines()
    targets = (data / f"{split}.target").read_text(encoding="utf-8").splitlines()
    out = []
    for source, target in zip(sources, targets):
        docs = [parse_doc(d) for d in source.split(" [SEP] ")]
        out.append((docs, parse_doc(target)[1]))
        if limit and len(out) >= limit:
            break
    return out


def newsprism_summaries(samples, sentences: int):
    """newsprism's summary of each sample, with the contexts (for grounding and neutrality)."""
    from newsprism.extract.claims import extract_claims
    from newsprism.model import Article, ArticleAnalysis, Options, Part, StoryContext
    from newsprism.nlp import parse
    from newsprism.summarize import summarize

    texts, ids = [], []
    for n, (docs, _) in enumerate(samples):
        for k, (title, body) in enumerate(docs):
            texts.append(body)
            ids.append((n, k, title))
    parsed = {}
    for (n, k, title), doc in zip(ids, parse(texts, batch_size=32)):
        article = Article(id=f"n{n}_{k}", outlet=f"outlet{k}", text=doc.text, title=title)
        analysis = ArticleAnalysis(
            article.id,
            tuple(Part(s.start_char, s.end_char) for s in doc.sents),
            claims=extract_claims(doc, article, {}),
        )
        parsed.setdefault(n, []).append((article, analysis))
    out = []
    for n in range(len(samples)):
        articles = tuple(a for a, _ in parsed.get(n, []))
        analyses = {a.id: an for a, an in parsed.get(n, [])}
        ctx = StoryContext(f"n{n}", articles, analyses, {}, Options(summary_sentences=sentences))
        out.append((ctx, summarize(ctx)))
    return out


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])", text) if s.strip()]


def textrank(sentences: list[str], k: int, *, lexrank: bool = False) -> list[str]:
    """TextRank (weighted TF-IDF cosine graph) or LexRank (graph thresholded at 0.1)."""
    import networkx as nx
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(sentences) <= k:
        return sentences
    matrix = TfidfVectorizer(stop_words="english").fit_transform(sentences)
    sims = (matrix @ matrix.T).toarray()
    np.fill_diagonal(sims, 0.0)
    if lexrank:
        sims = (sims >= 0.1).astype(float)
    scores = nx.pagerank(nx.from_numpy_array(sims), max_iter=200)
    top = sorted(sorted(scores, key=lambda i: -scores[i])[:k])
    return [sentences[i] for i in top]


def rouge(pairs) -> dict[str, float]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    for prediction, reference in pairs:
        scores = scorer.score(reference, prediction)
        for key in totals:
            totals[key] += scores[key].fmeasure
    return {key: round(100 * value / max(len(pairs), 1), 2) for key, value in totals.items()}


def evaluate(samples, sentences: int = 3) -> dict:
    from newsprism.summarize import emotive_rate, ungrounded_words

    started = time.perf_counter()
    results = newsprism_summaries(samples, sentences)
    seconds = time.perf_counter() - started
    systems: dict[str, list[tuple[str, str]]] = {k: [] for k in ("newsprism", "lead1", "lead_each", "textrank", "lexrank")}
    grounded = total = 0
    summary_emotive, source_emotive, below_every_source = [], [], 0
    for (docs, reference), (ctx, summary) in zip(samples, results):
        text = " ".join(s.text for s in summary)
        systems["newsprism"].append((text, reference))
        firsts = [split_sentences(body)[:1] for _, body in docs]
        systems["lead1"].append((" ".join(firsts[0]), reference))
        systems["lead_each"].append((" ".join(s for f in firsts for s in f), reference))
        pool = [s for _, body in docs for s in split_sentences(body)]
        systems["textrank"].append((" ".join(textrank(pool, sentences)), reference))
        systems["lexrank"].append((" ".join(textrank(pool, sentences, lexrank=True)), reference))
        by_id = {a.id: a for a in ctx.articles}
        for sentence in summary:
            total += 1
            grounded += not ungrounded_words(sentence, by_id)
        rate = emotive_rate(text)
        sources = [emotive_rate(body) for _, body in docs]
        summary_emotive.append(rate)
        source_emotive.append(float(np.mean(sources)))
        below_every_source += rate <= min(sources)
    scores = {name: rouge(pairs) for name, pairs in systems.items()}
    return {
        "split": "val",
        "samples": len(samples),
        "summary_sentences": sentences,
        "rouge": scores,
        "grounding": round(grounded / max(total, 1), 4),
        "summary_sentences_total": total,
        "emotive_rate_summary": round(float(np.mean(summary_emotive)), 4),
        "emotive_rate_sources": round(float(np.mean(source_emotive)), 4),
        "summary_at_or_below_every_source": round(below_every_source / max(len(samples), 1), 4),
        "seconds_newsprism": round(seconds, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--sentences", type=int, default=3)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    samples = load_split("val", args.limit)
    result = evaluate(samples, args.sentences)
    print(json.dumps(result, indent=2))
    if args.limit is None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
