"""Ingest throughput: how fast ``load_articles`` reads each kind of input.

    .venv/bin/python benchmarks/ingest_throughput.py [--size 300] [--repeats 3]

Builds, in a temporary folder, the same few hundred real articles (from ../shared/data) as
.txt files, as HTML pages with site chrome around them, as one JSONL file and as one WARC
file, then times ``load_articles`` on each (best of ``--repeats``) and on the five seeds.
Prints articles/s (wall, and per CPU second: the machine may be shared) and MB/s; writes benchmarks/results/ingest_throughput.json.
"""

from __future__ import annotations

import argparse
import html
import json
import platform
import resource
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import mixed_corpus, write_jsonl  # noqa: E402

from newsprism.ingest import load_articles  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="og:site_name" content="{site}"></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav></header>
<main><article><h1>{title}</h1>{paragraphs}</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Ten tips for winter gardening</a></li></ul></aside>
<footer><p>Copyright {site}. All rights reserved.</p></footer></body></html>"""


def page_for(doc: dict) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in doc["text"].split("\n") if p.strip())
    return PAGE.format(title=html.escape(doc.get("title") or doc["id"]), site=html.escape(doc["outlet"]), paragraphs=paragraphs)


def build(docs: list[dict], root: Path) -> dict[str, Path]:
    txt, pages = root / "txt", root / "html"
    txt.mkdir()
    pages.mkdir()
    for doc in docs:
        head = f"{doc['title']}\n\n" if doc.get("title") else ""
        (txt / f"{doc['id']}.txt").write_text(head + doc["text"], encoding="utf-8")
        (pages / f"{doc['id']}.html").write_text(page_for(doc), encoding="utf-8")
    jsonl = write_jsonl(docs, root / "corpus.jsonl")
    warc = root / "corpus.warc.gz"
    write_warc(docs, warc)
    return {"seeds": SEEDS, "txt_folder": txt, "html_folder": pages, "jsonl": jsonl, "warc": warc}


def write_warc(docs: list[dict], path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for doc in docs:
            body = page_for(doc).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                  ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://news.example/{doc['id']}", "response",
                                               payload=BytesIO(body), http_headers=headers)
            writer.write_record(record)


def size_of(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def time_load(path: Path, repeats: int) -> dict:
    """Best wall time of ``repeats`` loads, and the CPU time of that load (the machine may be shared)."""
    best, cpu, result = float("inf"), 0.0, None
    for _ in range(repeats):
        started, cpu_started = time.perf_counter(), time.process_time()
        result = load_articles([str(path)])
        wall = time.perf_counter() - started
        if wall < best:
            best, cpu = wall, time.process_time() - cpu_started
    n = len(result.articles)
    mb = size_of(path) / 1e6
    return {"articles": n, "skipped": len(result.skipped), "seconds": round(best, 4), "cpu_seconds": round(cpu, 4),
            "articles_per_s": round(n / best, 1), "articles_per_cpu_s": round(n / max(cpu, 1e-9), 1),
            "mb": round(mb, 2), "mb_per_s": round(mb / best, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    docs = mixed_corpus(args.size)
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        inputs = build(docs, Path(tmp))
        load_articles([str(SEEDS)])  # warm up: imports (trafilatura, charset-normalizer) are not ingest time
        load_articles([str(inputs["html_folder"] / f"{docs[0]['id']}.html")])
        for name, path in inputs.items():
            results[name] = time_load(path, args.repeats)
            r = results[name]
            print(f"{name:12} {r['articles']:5d} articles  {r['seconds']:7.3f} s  {r['articles_per_s']:8.1f} articles/s  "
                  f"(CPU {r['articles_per_cpu_s']:8.1f}/s)  {r['mb_per_s']:6.2f} MB/s  skipped {r['skipped']}")
    out = {
        "benchmark": "ingest_throughput",
        "corpus": f"{len(docs)} articles from ../shared/data (benchmarks/corpus.py mixed_corpus)",
        "repeats": args.repeats,
        "python": platform.python_version(),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "results": results,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "ingest_throughput.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(f"peak RSS {out['peak_rss_mb']} MB; wrote {RESULTS / 'ingest_throughput.json'}")


if __name__ == "__main__":
    main()
