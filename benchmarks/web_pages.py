"""Requests per second of ``newsprism serve`` (issue 15, item 9): a story page against the story list,
at 20 connections, with the real server (uvicorn in its own process) on 127.0.0.1.

The report is made from ../shared/seeds (or give a report.json / folder / store). Each page is loaded
for a few seconds by client threads, each holding one keep-alive connection (http.client: light on
the client side, so the client is not what is measured) and accepting gzip as browsers do (the story
page is loaded once more by clients that do not). The first request of a page is timed alone
(a cold render), then the load runs (the render cache serves repeats). Writes
benchmarks/results/web_pages.json.

Run: PYTHONPATH=src .venv/bin/python benchmarks/web_pages.py [REPORT] [--seconds 5] [--connections 20] [--rounds 3]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "web_pages.json"
SEEDS = REPO.parent / "shared" / "seeds"


def make_report(folder: Path) -> Path:
    out = folder / "report"
    subprocess.run([sys.executable, "-m", "newsprism", "analyze", str(SEEDS), "-o", str(out), "--format", "json", "-q"],
                   check=True, timeout=900)
    return out / "report.json"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(source: Path, port: int) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, "-m", "newsprism", "serve", str(source), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("the server did not start")


def get(conn: http.client.HTTPConnection, path: str, gzip: bool = True) -> int:
    conn.request("GET", path, headers={"Accept-Encoding": "gzip" if gzip else "identity"})
    response = conn.getresponse()
    response.read()
    return response.status


def load(port: int, path: str, seconds: float, connections: int, gzip: bool = True) -> dict:
    """Requests per second over ``seconds`` with ``connections`` keep-alive clients."""
    done = [0] * connections
    errors = [0] * connections
    stop = time.monotonic() + seconds

    def client(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop:
            try:
                status = get(conn, path, gzip)
                done[n] += status == 200
                errors[n] += status != 200
            except (OSError, http.client.HTTPException):
                errors[n] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    return {"requests": sum(done), "errors": sum(errors), "seconds": round(elapsed, 2),
            "requests_per_second": round(sum(done) / elapsed, 1)}


def first_story_path(source: Path, port: int) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/api/stories")
    rows = json.loads(conn.getresponse().read())
    conn.close()
    return "/stories/" + quote(rows[0]["key"], safe="")


def cold(port: int, path: str) -> float:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    started = time.perf_counter()
    get(conn, path)
    conn.close()
    return round(1000 * (time.perf_counter() - started), 1)


def render_ms(source: Path, repeats: int = 5) -> dict:
    """Milliseconds to render the first story page and the list in this process, without the cache:
    what each request cost before the render cache (about 1000 / ms requests/s per core)."""
    import statistics

    from newsprism.report.html import render_index_page, render_story_page
    from newsprism.web.app import _Index
    from newsprism.web.sources import ReportSource

    catalog = ReportSource(str(source)).catalog()
    ref = catalog.get(catalog.keys()[0])

    def timed(make) -> float:
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            make()
            times.append(1000 * (time.perf_counter() - started))
        return round(statistics.median(times), 1)

    return {"story_render_ms": timed(lambda: render_story_page(ref.report, ref.story, key=ref.key, downloads=True)),
            "list_render_ms": timed(lambda: render_index_page(_Index(catalog).select(), query="", skipped=catalog.skipped,
                                                              source=source.name, filters={}, outlets=[], total=1))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("report", nargs="?", help="a report.json, a folder of them, or a store (default: the seeds analysed)")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsprism-web-") as tmp:
        source = Path(args.report) if args.report else make_report(Path(tmp))
        port = free_port()
        server = start_server(source, port)
        try:
            story = first_story_path(source, port)
            result = {"source": str(args.report or "../shared/seeds analysed"), "connections": args.connections,
                      "cpu_count": os.cpu_count(), "story_path": story,
                      "story_cold_ms": cold(port, story), "list_cold_ms": cold(port, "/")}
            # rounds interleaved, the median kept: the machine is shared and its load drifts
            runs: dict[str, list[dict]] = {"list": [], "story": [], "story_identity": []}
            for _ in range(args.rounds):
                runs["list"].append(load(port, "/", args.seconds, args.connections))
                runs["story"].append(load(port, story, args.seconds, args.connections))
                runs["story_identity"].append(load(port, story, args.seconds, args.connections, gzip=False))
            for name, rows in runs.items():
                rows.sort(key=lambda row: row["requests_per_second"])
                result[name] = {**rows[len(rows) // 2], "all_rounds": [row["requests_per_second"] for row in rows]}
            result.update(render_ms(source))
            result["story_to_list"] = round(result["story"]["requests_per_second"]
                                            / max(1e-9, result["list"]["requests_per_second"]), 2)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"list  {result['list']['requests_per_second']:7.1f} requests/s ({result['list']['errors']} errors)")
    print(f"story {result['story']['requests_per_second']:7.1f} requests/s ({result['story']['errors']} errors), "
          f"first render {result['story_cold_ms']} ms")
    print(f"story {result['story_identity']['requests_per_second']:7.1f} requests/s for a client that does not accept gzip")
    print(f"story/list {result['story_to_list']} at {args.connections} connections; uncached renders: story "
          f"{result['story_render_ms']} ms, list {result['list_render_ms']} ms")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
