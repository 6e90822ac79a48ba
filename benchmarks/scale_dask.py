"""Whole-analysis throughput on Dask (1 and 2 workers) beside the local runner, and peak memory.

The whole analysis, as ``analyze`` runs it (``pipeline.analyze_articles``): parse + extract
(``runner.map_articles``) and every story stage (one task per story, small ones packed), each
story sent to the workers as soon as its members are parsed; only story clustering stays on the
driver, in a thread, while the articles parse. ``--phased`` runs the older order (parse all,
cluster, then build) for comparison. The time the parse ended is reported beside the total.

The corpus is built at run time from ../shared/data (BASIL, PolNeAR, GUM news, ECB+,
SemEval-2019 hyperpartisan, NeuS/AllSides: about 9,000 distinct texts); past that, texts
are repeated with perturbations (sentences rotated and dropped, numbers changed) so that
``--size 10000`` and more are real-looking, distinct articles.

Each runner first warms up (spaCy, the extractors and the story stages loaded in every worker,
story clustering's modules in the driver), then the
same ``--size`` articles are timed through ``pipeline.analyze_articles``: articles/s is steady
state, and the start-up cost is reported apart. Peak memory is the peak resident set size
(VmHWM) of the driver and of each worker process. The 2-vs-1 worker speed-up is the
number to watch (aim >= 1.8x on 2 free cores); absolute rates depend on machine load, so
``--repeat N`` runs the runners in turn N times and reports the median of the rounds' ratios.

    .venv/bin/python benchmarks/scale_dask.py --size 400            # development
    .venv/bin/python benchmarks/scale_dask.py --size 400 --only dask1 --only dask2 --repeat 5   # the 2-vs-1 figure
    .venv/bin/python benchmarks/scale_dask.py --size 10000 --only dask2   # the memory run

Writes benchmarks/results/scale_dask.json (``--out`` to change).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import re
import resource
import statistics
import sys
import time
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import DATA, basil_articles, ecb_articles, gum_articles, polnear_articles  # noqa: E402

from newsprism.model import Article  # noqa: E402

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
NUMBER = re.compile(r"\b\d+\b")
TAG = re.compile(r"<[^>]+>")
RUNNERS = ("local", "dask1", "dask2")


# -- corpus ----------------------------------------------------------------------------------


def semeval_articles(data: Path = DATA):
    path = data / "semeval2019_hyperpartisan_byarticle" / "articles-training-byarticle-20181122.xml"
    for _, node in ElementTree.iterparse(path, events=("end",)):
        if node.tag != "article":
            continue
        paragraphs = [html.unescape(TAG.sub("", "".join(p.itertext()))).strip() for p in node.iter("p")]
        text = "\n\n".join(p for p in paragraphs if p)
        if len(text) > 200:
            yield {"id": f"semeval-{node.get('id')}", "outlet": "semeval", "title": node.get("title"),
                   "published": node.get("published-at"), "text": text}
        node.clear()


def neus_articles(data: Path = DATA):
    for split in ("train", "val"):
        with open(data / "neus_allsides" / f"{split}.source", encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                for k, doc in enumerate(line.split(" [SEP] ")):
                    title, _, body = doc.partition("ARTICLE=>")
                    body = body.strip()
                    if len(body) > 200:
                        yield {"id": f"neus-{split}-{n}-{k}", "outlet": f"allsides{k}",
                               "title": title.replace("TITLE=>", "").strip() or None, "text": body}


def distinct_texts(data: Path = DATA) -> list[dict]:
    docs: list[dict] = []
    seen: set[str] = set()
    for source in (basil_articles(data), polnear_articles(data), gum_articles(data), ecb_articles(data),
                   semeval_articles(data), neus_articles(data)):
        for doc in source:
            if doc["text"] not in seen:
                seen.add(doc["text"])
                docs.append(doc)
    return docs


def perturb(text: str, rng: random.Random, other: str) -> str:
    """Another outlet's take on the same report: sentences rotated, one dropped, numbers moved;
    a short text gets a sentence of another report appended (a round-up)."""
    sentences = SENTENCE_END.split(text.strip())
    if len(sentences) > 3:
        cut = rng.randrange(1, len(sentences))
        sentences = sentences[cut:] + sentences[:cut]
        del sentences[rng.randrange(len(sentences))]
    else:
        sentences.append(SENTENCE_END.split(other.strip())[0])
    out = " ".join(sentences)
    return NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(1, 9)) if len(m.group()) < 6 else m.group(), out)


def build_corpus(size: int, data: Path = DATA, seed: int = 13) -> list[Article]:
    """``size`` articles: the distinct texts in a fixed shuffled order, then perturbed copies."""
    rng = random.Random(seed)
    base = distinct_texts(data)
    rng.shuffle(base)
    articles: list[Article] = []
    round_ = 0
    while len(articles) < size:
        for doc in base:
            if len(articles) >= size:
                break
            text = doc["text"] if round_ == 0 else perturb(doc["text"], rng, rng.choice(base)["text"])
            articles.append(Article(id=f"{doc['id']}~{round_}", outlet=doc.get("outlet") or "corpus", text=text,
                                    title=doc.get("title"), published=doc.get("published")))
        round_ += 1
    return articles


# -- measurement -----------------------------------------------------------------------------


def _peak_rss_mb() -> float:
    """This process's peak resident set size. VmHWM, not ru_maxrss: a worker started by
    fork + exec inherits its parent's ru_maxrss, while VmHWM starts afresh with the new image."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB


def _cpu_seconds() -> float:
    """CPU time (user + system) of this whole process so far: every thread (a worker's event
    loop, the driver's scheduler and client) counts, not only the one computing."""
    times = os.times()
    return times.user + times.system


def _warm() -> float:
    """Run in each worker: load spaCy, every extractor and every story stage once (a process's
    first story took 0.6 s of imports and set-up), report the peak RSS so far."""
    from newsprism import pipeline
    from newsprism.extract import process_batch
    from newsprism.model import Options

    text = "The mayor of Aleppo said on Tuesday that 40 people died. Rebels denied it."
    warm = [Article(id=f"warm{n}", outlet=f"w{n}", text=text) for n in range(2)]
    analyses = {a.article_id: a for a in process_batch(warm)}
    pipeline.build_story("warm", warm, analyses, Options())  # the story stages and their model
    return _peak_rss_mb()


def _warm_driver() -> None:
    """The driver's own start-up, as the workers': story clustering's modules (and the spaCy
    stop list they read) loaded once before timing, not inside the timed story phase."""
    from newsprism import pipeline
    from newsprism.model import ArticleAnalysis

    warm = [Article(id=f"warm{n}", outlet="w", text="The mayor of Aleppo said on Tuesday that 40 people died.") for n in range(2)]
    pipeline.group_stories(warm, {a.id: ArticleAnalysis(a.id, ()) for a in warm})


def time_runner(runner, articles: list[Article], phased: bool = False) -> dict:
    """``pipeline.analyze_articles`` (what ``analyze`` runs: stories built as their members are
    parsed), or with ``phased`` the parse, then the clustering, then the stories, each waiting for
    the one before. ``parse_extract_s`` is when the last analysis came back to the driver."""
    from newsprism import pipeline
    from newsprism.model import Options

    parsed_at: list[float] = []

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "parse" and done == total:
            parsed_at.append(time.perf_counter())

    start = time.perf_counter()
    if phased:
        analyses = pipeline.process_articles(articles, runner=runner, progress=progress)
        stories = pipeline.build_stories(articles, analyses, Options(), runner=runner)
        count = len(analyses)
    else:
        stories = pipeline.analyze_articles(articles, Options(), runner=runner, progress=progress)
        count = len({i for s in stories for i in s.article_ids})
    seconds = time.perf_counter() - start
    parsed = parsed_at[0] if parsed_at else start + seconds
    chars = sum(len(a.text) for a in articles)
    assert count == len(articles), (count, len(articles))
    return {"articles": count, "stories": len(stories), "seconds": round(seconds, 2), "phased": phased,
            "parse_extract_s": round(parsed - start, 2), "after_parse_s": round(seconds - (parsed - start), 2),
            "articles_per_s": round(count / seconds, 2), "chars_per_s": round(chars / seconds)}


def run_local(articles: list[Article], batch_size: int, phased: bool = False) -> dict:
    from newsprism.adapters.runner.local import LocalRunner

    start = time.perf_counter()
    _warm()
    _warm_driver()
    startup = time.perf_counter() - start
    result = time_runner(LocalRunner(batch_size=batch_size), articles, phased)
    result.update(startup_s=round(startup, 2), peak_rss_mb={"driver": round(_peak_rss_mb())})
    return result


def _own_session() -> bool:
    """Put this worker in a session of its own. Linux's autogroup scheduler shares CPU
    between sessions, not processes: on a busy shared machine, workers left in the
    benchmark's session split one share between them, as no workers on separate hosts would."""
    try:
        os.setsid()
        return True
    except OSError:
        return False


def run_dask(articles: list[Article], batch_size: int, workers: int, own_sessions: bool = True,
             phased: bool = False) -> dict:
    from newsprism.adapters.runner.dask import DaskRunner

    start = time.perf_counter()
    with DaskRunner(n_workers=workers, batch_size=batch_size) as runner:
        # warm each worker in its task thread (client.run would use the event-loop thread,
        # and the first parse in a new thread still pays a one-off set-up)
        workers_now = list(runner.client.scheduler_info()["workers"])
        if own_sessions:
            runner.client.run(_own_session)
        runner.client.gather([runner.client.submit(_warm, workers=[w], pure=False, allow_other_workers=False)
                              for w in workers_now])
        _warm_driver()
        startup = time.perf_counter() - start
        driver_cpu, workers_cpu = _cpu_seconds(), runner.client.run(_cpu_seconds)
        result = time_runner(runner, articles, phased)
        driver_cpu = _cpu_seconds() - driver_cpu
        workers_cpu = sum(runner.client.run(_cpu_seconds).values()) - sum(workers_cpu.values())
        worker_peaks = runner.client.run(_peak_rss_mb)
    # the run cannot be shorter than the workers' CPU spread over them, nor, on a machine whose
    # cores the driver shares with the workers, than all the CPU spread over those cores: how
    # close it came says whether a core sat idle
    cores = min(os.cpu_count() or 1, workers + 1)
    bound = max(workers_cpu / workers, (driver_cpu + workers_cpu) / cores)
    result.update(cpu_s={"driver": round(driver_cpu, 2), "workers": round(workers_cpu, 2)},
                  cores_busy=round((driver_cpu + workers_cpu) / result["seconds"], 2),
                  cpu_bound_s=round(bound, 2))
    result.update(startup_s=round(startup, 2), workers=workers, own_sessions=own_sessions,
                  peak_rss_mb={"driver": round(_peak_rss_mb()),
                               "workers": sorted(round(v) for v in worker_peaks.values()),
                               "total": round(_peak_rss_mb() + sum(worker_peaks.values()))})
    return result


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=400, help="articles per runner (default 400)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--only", choices=RUNNERS, action="append", help="run only these runners (repeatable)")
    parser.add_argument("--shared-session", action="store_true",
                        help="leave the workers in this session (autogroup: they then share one CPU share)")
    parser.add_argument("--phased", action="store_true",
                        help="parse everything, then cluster, then build the stories (the pre-streaming order)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds of every runner, taking turns; medians are reported (default 1)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "scale_dask.json")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    articles = build_corpus(args.size)
    corpus_s = time.perf_counter() - t0
    distinct = len({a.text for a in articles})
    print(f"corpus: {len(articles)} articles ({distinct} distinct texts, "
          f"{sum(len(a.text) for a in articles) / len(articles):.0f} chars on average), built in {corpus_s:.1f} s")

    runs: dict[str, list[dict]] = {}
    for round_ in range(args.repeat):
        # the runners take turns, so a slow spell of a shared machine falls on all of them
        for name in args.only or RUNNERS:
            if name == "local":
                r = run_local(articles, args.batch_size, args.phased)
            else:
                r = run_dask(articles, args.batch_size, workers=int(name[-1]),
                             own_sessions=not args.shared_session, phased=args.phased)
            runs.setdefault(name, []).append(r)
            print(f"{name:6s} {r['articles_per_s']:7.2f} articles/s  ({r['seconds']} s, start-up {r['startup_s']} s)  "
                  f"peak RSS MB {r['peak_rss_mb']}" + (f"  CPU s {r['cpu_s']}, {r['cores_busy']} cores busy" if "cpu_s" in r else ""))
    # each runner's median run (by time) stands for it; the ratios are the medians of the
    # ratios within each round, runners measured minutes apart on the same machine
    results: dict = {name: sorted(rs, key=lambda r: r["seconds"])[(len(rs) - 1) // 2] for name, rs in runs.items()}
    if args.repeat > 1:
        for name, rs in runs.items():
            results[name]["seconds_each_round"] = [r["seconds"] for r in rs]

    def ratio(a: str, b: str) -> float:
        return statistics.median(x["articles_per_s"] / y["articles_per_s"] for x, y in zip(runs[a], runs[b]))

    if "dask1" in results and "dask2" in results:
        speedup = ratio("dask2", "dask1")
        results["speedup_2_vs_1_workers"] = round(speedup, 2)
        if args.repeat > 1:
            results["speedup_each_round"] = [round(x["articles_per_s"] / y["articles_per_s"], 2)
                                             for x, y in zip(runs["dask2"], runs["dask1"])]
        print(f"2 workers vs 1: {speedup:.2f}x, median of {args.repeat} round(s) "
              f"{results.get('speedup_each_round', '')} (aim >= 1.8x on two free cores)")
        # what this machine allows for the CPU the 2-worker run spent (driver included)
        ceiling = statistics.median(y["seconds"] / x["cpu_bound_s"] for x, y in zip(runs["dask2"], runs["dask1"]))
        results["speedup_ceiling_for_this_cpu"] = round(ceiling, 2)
        print(f"  ceiling for the CPU spent here (dask1 s / dask2's CPU bound): {ceiling:.2f}x")
    if "local" in results and "dask1" in results:
        results["dask1_vs_local"] = round(ratio("dask1", "local"), 2)

    load = os.getloadavg()
    out = {
        "benchmark": "scale_dask",
        "size": len(articles),
        "distinct_texts": distinct,
        "mean_chars": round(sum(len(a.text) for a in articles) / len(articles)),
        "batch_size": args.batch_size,
        "repeat": args.repeat,
        "cpu_count": os.cpu_count(),
        "load_average_at_end": [round(x, 2) for x in load],
        "note": "the machine was shared while measuring: absolute rates are contended; compare runners within one run",
        "results": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n")
    print(f"wrote {args.out}")
    return out


if __name__ == "__main__":
    main()
