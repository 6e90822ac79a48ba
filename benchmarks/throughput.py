"""End-to-end ``analyze`` throughput next to bare spaCy ``nlp.pipe`` on the same texts, same run.

    .venv/bin/python benchmarks/throughput.py [--size 300] [--repeats 3]

Prints articles/s for both, their ratio (the TARGETS aim is >= 0.7: the parse is the limit),
the wall time of each stage, and the peak memory (max RSS) of a separate ``analyze`` run;
writes benchmarks/results/throughput.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import mixed_corpus, write_jsonl  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_memory(path: Path) -> float:
    """Peak RSS of a fresh process that runs only ``analyze`` (model load included)."""
    code = (
        "import resource, sys, newsprism\n"
        f"newsprism.analyze([{str(path)!r}])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-memory", action="store_true")
    args = parser.parse_args()

    import newsprism
    from newsprism import pipeline
    from newsprism.resources.embed import clear_cache as clear_embed_cache
    from newsprism.nlp import load_nlp

    docs = mixed_corpus(args.size)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_jsonl(docs, Path(tmp) / "corpus.jsonl")
        loaded = pipeline.load([str(corpus)])
        texts = [a.text for a in loaded.articles]
        words = sum(len(t.split()) for t in texts)
        nlp = load_nlp()
        list(nlp.pipe(texts[:5]))  # warm up both paths on the same model
        newsprism.analyze([str(corpus)])

        spacy_times, analyze_times = [], []
        stage_times: dict[str, list[float]] = {}
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            for _doc in nlp.pipe(texts, batch_size=16):
                pass
            spacy_times.append(time.perf_counter() - t0)

            clear_embed_cache()  # every timed run embeds its sentences afresh, as a cold run would
            t0 = time.perf_counter()
            loaded_now = pipeline.load([str(corpus)])
            t1 = time.perf_counter()
            analyses = pipeline.process_articles(loaded_now.articles)
            t2 = time.perf_counter()
            stories = pipeline.build_stories(loaded_now.articles, analyses, newsprism.Options())
            t3 = time.perf_counter()
            analyze_times.append(t3 - t0)
            for name, seconds in (("ingest", t1 - t0), ("parse_extract", t2 - t1), ("stories", t3 - t2)):
                stage_times.setdefault(name, []).append(seconds)

        memory_mb = None if args.no_memory else measure_memory(corpus)

    n = len(texts)
    spacy_rate = n / statistics.median(spacy_times)
    analyze_rate = n / statistics.median(analyze_times)
    result = {
        "articles": n,
        "words": words,
        "stories": len(stories),
        "repeats": args.repeats,
        "spacy_pipe_articles_per_s": round(spacy_rate, 2),
        "analyze_articles_per_s": round(analyze_rate, 2),
        "ratio_analyze_to_spacy": round(analyze_rate / spacy_rate, 3),
        "spacy_words_per_s": round(words / statistics.median(spacy_times)),
        "stage_seconds_median": {k: round(statistics.median(v), 2) for k, v in stage_times.items()},
        "analyze_peak_rss_mb": None if memory_mb is None else round(memory_mb, 1),
        "this_process_peak_rss_mb": round(peak_rss_mb(), 1),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "throughput.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
