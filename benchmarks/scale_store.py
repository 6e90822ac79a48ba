"""A batch end to end through ``newsprism analyze --store``: articles/s, peak memory, and the
resume after a kill at half way.

    .venv/bin/python benchmarks/scale_store.py --size 10000 [--runner local|dask --workers 2]

The corpus is ``scale_dask.build_corpus(size)`` (real texts from ../shared/data, then perturbed
copies) written as one JSONL file. Three runs of the real CLI, each a fresh process:
1. uninterrupted, into store A: wall time, articles/s, peak RSS of the driver and (summed and
   per process) of its children (worker processes);
2. into store B, killed (SIGKILL) once half the articles are committed;
3. the same command again on store B: the resume. It must parse only the articles not yet
   stored; its wall time is the "time to resume", and its report must equal run 1's.
Memory is sampled every 0.2 s with psutil over the process tree.
Writes benchmarks/results/scale_store_SIZE.json. Every run writes report.json, report.md and
report.html, as ``analyze`` does by default (``--format`` to change).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from scale_dask import build_corpus  # noqa: E402


def write_corpus(size: int, path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for a in build_corpus(size):
            out.write(json.dumps({"id": a.id, "outlet": a.outlet, "title": a.title, "published": a.published,
                                  "text": a.text}) + "\n")
    return path


def stored_count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def run(cmd: list[str], *, kill_at: int | None = None, db: Path | None = None) -> dict:
    import psutil

    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    driver = psutil.Process(proc.pid)
    peak_driver = peak_children = peak_total = 0.0
    killed = False
    while proc.poll() is None:
        try:
            rss = driver.memory_info().rss / 2**20
            kids = [c.memory_info().rss / 2**20 for c in driver.children(recursive=True)]
        except psutil.Error:
            kids, rss = [], 0.0
        peak_driver = max(peak_driver, rss)
        peak_children = max([peak_children, *kids])
        peak_total = max(peak_total, rss + sum(kids))
        if kill_at is not None and db is not None and stored_count(db) >= kill_at:
            os.killpg(proc.pid, signal.SIGKILL)
            killed = True
            proc.wait()
            break
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    stderr = proc.stderr.read() if proc.stderr else ""
    if not killed:
        assert proc.returncode in (0, 3), stderr[-2000:]
    return {"seconds": round(seconds, 1), "killed": killed, "peak_rss_mb": {
        "driver": round(peak_driver), "largest_child": round(peak_children), "tree_total": round(peak_total)}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--runner", default="local")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--format", default="json,md,html", help="the reports written (default: what analyze writes)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = write_corpus(args.size, tmp / "corpus.jsonl")
        base = [sys.executable, "-m", "newsprism", "analyze", str(corpus), "--format", args.format, "-q",
                "--runner", args.runner] + (["--workers", str(args.workers)] if args.workers else [])
        full = run(base + ["--store", str(tmp / "a.db"), "-o", str(tmp / "a")])
        print("uninterrupted", json.dumps(full), flush=True)
        half = args.size // 2
        killed = run(base + ["--store", str(tmp / "b.db"), "-o", str(tmp / "b")], kill_at=half, db=tmp / "b.db")
        at_kill = stored_count(tmp / "b.db")
        print("killed", at_kill, json.dumps(killed), flush=True)
        resumed = run(base + ["--store", str(tmp / "b.db"), "-o", str(tmp / "b")])
        print("resumed", json.dumps(resumed), flush=True)
        a = json.loads((tmp / "a" / "report.json").read_text())
        b = json.loads((tmp / "b" / "report.json").read_text())
        same = a["stories"] == b["stories"] and a["articles"] == b["articles"]
    result = {
        "size": args.size, "runner": args.runner, "workers": args.workers, "formats": args.format,
        "uninterrupted": {**full, "articles_per_s": round(args.size / full["seconds"], 2)},
        "killed_run": {**killed, "articles_stored_at_kill": at_kill},
        "resume": {**resumed, "share_of_uninterrupted_time": round(resumed["seconds"] / full["seconds"], 2)},
        "resumed_report_equals_uninterrupted": same,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "note": "2 shared cores, loaded by other agents: compare the runs within this one",
    }
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / f"scale_store_{args.size}.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
