"""Memory of ``newsprism serve STORE.db``: peak RSS of a process that builds the app over a SQLite
store and serves the story list, one story page (the largest story), its four CSV files and its
JSON, each through the app (FastAPI's test client, in the process measured).

Each measurement runs in a fresh process (peak RSS is VmHWM, per process). ``--baseline SRC``
measures another newsprism as well (e.g. main's src/, which built the whole report in memory) and
checks that both served the same bytes. The store is ``scale_dask.build_corpus(N)`` analysed with
the local runner (``--size N`` builds it when STORE does not exist: about a minute per 1,000
articles on two cores). Writes benchmarks/results/web_store.json.

Run: PYTHONPATH=src .venv/bin/python benchmarks/web_store.py STORE.db [--size 1000] [--baseline ../main/src]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results" / "web_store.json"


def build_store(path: Path, size: int) -> None:
    sys.path.insert(0, str(HERE))
    from scale_dask import build_corpus

    from newsprism.adapters.store import open_store
    from newsprism.incremental import ingest_articles
    from newsprism.normalize import normalize_articles

    with open_store(path) as store:
        ingest_articles(store, normalize_articles(build_corpus(size)))


def _status_kb(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0.0


def child(store: str) -> dict:
    """In the measured process: build the app, then request each page once."""
    from fastapi.testclient import TestClient

    import newsprism
    from newsprism.web.app import create_app

    result: dict = {"newsprism": str(Path(newsprism.__file__).parent), "rss_after_imports_mb": round(_status_kb("VmRSS") / 1024, 1)}
    started = time.perf_counter()
    client = TestClient(create_app(store))
    result["create_app_s"] = round(time.perf_counter() - started, 2)
    result["peak_rss_after_create_app_mb"] = round(_status_kb("VmHWM") / 1024, 1)
    digests: dict[str, str] = {}

    def get(path: str) -> bytes:
        t = time.perf_counter()
        resp = client.get(path, headers={"Accept-Encoding": "identity"})
        resp.raise_for_status()
        result.setdefault("request_s", {})[path] = round(time.perf_counter() - t, 3)
        result.setdefault("peak_rss_after_mb", {})[path] = round(_status_kb("VmHWM") / 1024, 1)
        digests[path] = hashlib.sha256(resp.content).hexdigest()
        return resp.content

    get("/")
    rows = json.loads(get("/api/stories?sort=size"))
    key = quote(rows[0]["key"], safe="")
    result.update(stories=len(rows), story_path=f"/stories/{key}", story_articles=rows[0]["n_articles"])
    for path in (f"/stories/{key}", *(f"/stories/{key}/{t}.csv" for t in ("claims", "quotes", "figures", "naming")),
                 f"/api/stories/{key}"):
        get(path)
    result["peak_rss_mb"] = round(_status_kb("VmHWM") / 1024, 1)
    result["rss_end_mb"] = round(_status_kb("VmRSS") / 1024, 1)
    result["digests"] = digests
    return result


def measure(store: Path, src: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run([sys.executable, __file__, str(store), "--child"], env=env, check=True, timeout=3600,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("store", help="a newsprism SQLite store")
    parser.add_argument("--size", type=int, default=1000, help="articles, when the store must be built first")
    parser.add_argument("--baseline", help="another newsprism's src/ to measure as well (e.g. ../main/src)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    store = Path(args.store)
    if args.child:
        print(json.dumps(child(str(store))))
        return
    if not store.exists():
        print(f"building {store} from {args.size} articles ...", flush=True)
        build_store(store, args.size)
    runs = {"this": measure(store, REPO / "src")}
    if args.baseline:
        runs["baseline"] = measure(store, Path(args.baseline).resolve())
    with __import__("sqlite3").connect(store) as db:
        articles = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    result = {"store": str(store), "store_mb": round(store.stat().st_size / 2**20, 1), "articles": articles, **runs}
    if args.baseline:
        result["same_bytes"] = runs["this"]["digests"] == runs["baseline"]["digests"]
    for name, run in runs.items():
        print(f"{name:8} peak RSS {run['peak_rss_mb']:7.1f} MB (after imports {run['rss_after_imports_mb']} MB), "
              f"app built in {run['create_app_s']} s, list {run['request_s']['/']} s, "
              f"story page {run['request_s'][run['story_path']]} s  [{run['newsprism']}]")
    print(f"{articles} articles, {runs['this']['stories']} stories, store {result['store_mb']} MB"
          + (f"; same bytes served: {result['same_bytes']}" if args.baseline else ""))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
