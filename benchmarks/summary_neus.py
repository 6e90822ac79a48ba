"""Neutral summary on NeuS / ALLSIDES val: ROUGE against the neutral reference, neutrality,
grounding, next to baselines computed in the same run.

Each line holds three articles (left/centre/right, headline + excerpt); the reference is the
AllSides neutral summary. newsprism parses the three texts, extracts and aligns claims and
summarises (entities and quotes are not needed). Baselines: the first sentence of the first
article (lead-1), the first sentence of each article (lead-each), and TextRank and LexRank
over the sentences of all three.

    .venv/bin/python benchmarks/summary_neus.py [--split val|train] [--offset N] [--limit N] [--sentences K]

The whole val split writes benchmarks/results/summary_neus.json. Weights are tuned on train
(lines 0-900); val is for reporting. ROUGE differences to each baseline come with a paired
bootstrap 95% interval.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import replace
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


def build_contexts(samples):
    """One story per sample, as the pipeline gives ``summarize``: every article parsed and
    analysed, the story stages run up to the claims (which read referents, figures, timeline)."""
    from newsprism.extract import analyze_article
    from newsprism.model import Article, Options, StoryContext
    from newsprism.nlp import parse
    from newsprism.pipeline import run_story_stages

    texts, ids = [], []
    for n, (docs, _) in enumerate(samples):
        for k, (title, body) in enumerate(docs):
            texts.append(body)
            ids.append((n, k, title))
    parsed = {}
    for (n, k, title), doc in zip(ids, parse(texts, batch_size=32)):
        article = Article(id=f"n{n}_{k}", outlet=f"outlet{k}", text=doc.text, title=title)
        parsed.setdefault(n, []).append((article, analyze_article(article, doc)))
    contexts = []
    for n in range(len(samples)):
        articles = tuple(a for a, _ in parsed.get(n, []))
        analyses = {a.id: an for a, an in parsed.get(n, [])}
        sections = run_story_stages(f"n{n}", articles, analyses, Options(), until="claims")
        contexts.append(StoryContext(f"n{n}", articles, analyses, sections, Options()))
    return contexts


def newsprism_summaries(samples, sentences: int, contexts=None):
    """newsprism's summary of each sample, with its context (for grounding and neutrality)."""
    from newsprism.model import Options
    from newsprism.summarize import summarize

    out = []
    for ctx in contexts if contexts is not None else build_contexts(samples):
        ctx = replace(ctx, options=Options(summary_sentences=sentences))
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


def rouge_rows(pairs) -> list[dict[str, float]]:
    """ROUGE-1/2/L F1 (x100, stemmed) of each (prediction, reference) pair."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    return [{k: 100 * v.fmeasure for k, v in scorer.score(ref, pred).items()} for pred, ref in pairs]


def mean_scores(rows: list[dict[str, float]]) -> dict[str, float]:
    return {key: round(float(np.mean([r[key] for r in rows])) if rows else 0.0, 2) for key in ("rouge1", "rouge2", "rougeL")}


def paired_bootstrap(ours: list[float], theirs: list[float], rounds: int = 2000, seed: int = 0) -> dict[str, float]:
    """Mean difference ours - theirs with a 95% interval from resampling the samples, and the
    share of resamples in which ours is not ahead."""
    diffs = np.asarray(ours) - np.asarray(theirs)
    rng = np.random.default_rng(seed)
    means = diffs[rng.integers(0, len(diffs), size=(rounds, len(diffs)))].mean(axis=1)
    return {
        "difference": round(float(diffs.mean()), 2),
        "ci95": [round(float(np.percentile(means, 2.5)), 2), round(float(np.percentile(means, 97.5)), 2)],
        "p_not_ahead": round(float((means <= 0).mean()), 4),
    }


def evaluate(samples, sentences: int = 3, contexts=None, split: str = "val") -> dict:
    from newsprism.summarize import emotive_rate, loaded_rate, ungrounded_words

    started = time.perf_counter()
    results = newsprism_summaries(samples, sentences, contexts)
    seconds = time.perf_counter() - started
    names = ("newsprism", "lead1", "lead_each", "textrank", "lexrank")
    systems: dict[str, list[tuple[str, str]]] = {k: [] for k in names}
    grounded = total = 0
    source_emotive, source_loaded, lowest_source, lowest_loaded = [], [], [], []
    for (docs, reference), (ctx, summary) in zip(samples, results):
        systems["newsprism"].append((" ".join(s.text for s in summary), reference))
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
        sources = [emotive_rate(body) for _, body in docs]
        source_emotive.append(float(np.mean(sources)))
        lowest_source.append(min(sources))
        loaded = [loaded_rate(body) for _, body in docs]
        source_loaded.append(float(np.mean(loaded)))
        lowest_loaded.append(min(loaded))
    rows = {name: rouge_rows(pairs) for name, pairs in systems.items()}
    scores = {name: mean_scores(rs) for name, rs in rows.items()}
    versus = {
        name: {k: paired_bootstrap([r[k] for r in rows["newsprism"]], [r[k] for r in rows[name]]) for k in ("rouge2", "rougeL")}
        for name in names[1:]
    }
    # neutrality: VADER-emotive words per word, and how often a system's text is at or below
    # the calmest of its three sources (the aim: always)
    neutrality = {}
    for name, pairs in systems.items():
        rates = [emotive_rate(pred) for pred, _ in pairs]
        coloured = [loaded_rate(pred) for pred, _ in pairs]
        neutrality[name] = {
            "emotive_rate": round(float(np.mean(rates)), 4),
            "loaded_rate": round(float(np.mean(coloured)), 4),
            "loaded_at_or_below_every_source": round(float(np.mean([c <= low for c, low in zip(coloured, lowest_loaded)])), 4),
            "at_or_below_every_source": round(float(np.mean([r <= low for r, low in zip(rates, lowest_source)])), 4),
            "words": round(float(np.mean([len(pred.split()) for pred, _ in pairs])), 1),
        }
    return {
        "split": split,
        "samples": len(samples),
        "summary_sentences": sentences,
        "rouge": scores,
        "newsprism_minus_baseline": versus,
        "grounding": round(grounded / max(total, 1), 4),
        "summary_sentences_total": total,
        "emotive_rate_summary": neutrality["newsprism"]["emotive_rate"],
        "emotive_rate_sources": round(float(np.mean(source_emotive)), 4),
        "loaded_rate_sources": round(float(np.mean(source_loaded)), 4),
        "summary_at_or_below_every_source": neutrality["newsprism"]["at_or_below_every_source"],
        "neutrality": neutrality,
        "reference_words": round(float(np.mean([len(ref.split()) for _, ref in samples])), 1),
        "seconds_newsprism": round(seconds, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("val", "train"), default="val", help="tune on train, report val")
    parser.add_argument("--offset", type=int, default=0, help="skip this many lines first")
    parser.add_argument("--limit", type=int, default=None, help="at most this many lines")
    parser.add_argument("--sentences", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None, help=f"JSON results (default for the whole val split: {RESULTS})")
    args = parser.parse_args(argv)
    end = args.offset + args.limit if args.limit else None
    samples = load_split(args.split, end)[args.offset :]
    result = evaluate(samples, args.sentences, split=args.split)
    result["lines"] = [args.offset, args.offset + len(samples)]
    print(json.dumps(result, indent=2))
    out = args.out or (RESULTS if args.split == "val" and not args.offset and args.limit is None else None)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
