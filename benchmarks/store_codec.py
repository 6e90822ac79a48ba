"""What reading a store back and writing to it cost: the codec and the report writers.

    .venv/bin/python benchmarks/store_codec.py [--size 600] [--store PATH] [--baseline OTHER/src]

Builds (once, kept at ``--store``) a store of ``scale_dask.build_corpus(size)`` with the local
runner, then times, in this process, medians of ``--repeats``:
- decoding every story (``codec.loads``) and making its report dict (``Story.to_dict``);
- encoding every story and the first 300 analyses (``codec.dumps``);
- writing report.json, report.md and report.html from the store (one story at a time).
With ``--baseline`` the same timings run in a second process on another checkout's ``src``
(e.g. ``git worktree add /tmp/base HEAD~3``), taking turns with this one, and must read and
write the same bytes. Writes benchmarks/results/store_codec.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def build_store(path: Path, size: int) -> None:
    sys.path.insert(0, str(HERE))
    from scale_dask import build_corpus

    from newsprism import incremental
    from newsprism.adapters.store import open_store

    with open_store(path) as store:
        incremental.ingest_articles(store, build_corpus(size))


def measure(path: Path, repeats: int) -> dict:
    """The timings of this process's newsprism on the store at ``path``."""
    from newsprism import incremental
    from newsprism.adapters.store import codec, open_store
    from newsprism.model import Story
    from newsprism.report import report_data, write_reports

    times: dict[str, list[float]] = {}
    digest = hashlib.sha256()

    def timed(name: str, work) -> None:
        start = time.perf_counter()
        work()
        times.setdefault(name, []).append(time.perf_counter() - start)

    with open_store(path) as store:
        ids = store.built_story_ids()
        payloads = [store._db.execute("SELECT payload FROM stories WHERE id=?", (i,)).fetchone()[0] for i in ids]
        analyses = [store.get_analysis(i) for i in store.article_ids()[:300]]
        for round_ in range(repeats):
            stories: list = []
            timed("decode_stories_s", lambda: stories.extend(codec.loads(Story, p) for p in payloads))
            dicts: list = []
            timed("story_to_dict_s", lambda: dicts.extend(s.to_dict() for s in stories))
            written: list = []
            timed("encode_stories_s", lambda: written.extend(codec.dumps(s) for s in stories))
            timed("encode_300_analyses_s", lambda: written.extend(codec.dumps(a) for a in analyses))
            report = incremental.report_from_store(store)
            data = report_data(report, store.corrections())
            with tempfile.TemporaryDirectory() as out:
                timed("write_json_md_html_s", lambda: write_reports(report, Path(out), ("json", "md", "html"), data=data))
                if round_ == 0:
                    for name in ("report.json", "report.md", "report.html"):
                        digest.update((Path(out) / name).read_bytes())
                    digest.update("".join(written).encode())
                    digest.update(json.dumps(dicts).encode())
    return {"stories": len(ids), "medians": {k: round(statistics.median(v), 3) for k, v in times.items()},
            "digest": digest.hexdigest()}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=600)
    parser.add_argument("--store", type=Path, default=Path(tempfile.gettempdir()) / "newsprism-store-codec-600.db")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--baseline", type=Path, help="another checkout's src folder, timed in turns with this one")
    parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)  # the baseline's process
    parser.add_argument("--out", type=Path, default=HERE / "results" / "store_codec.json")
    args = parser.parse_args(argv)
    if args.measure_only:
        print(json.dumps(measure(args.store, args.repeats)))
        return {}
    if not args.store.exists():
        print(f"building a store of {args.size} articles at {args.store} (once)")
        build_store(args.store, args.size)
    runs: dict[str, list[dict]] = {"this": []}
    sides = {"this": None} | ({"baseline": args.baseline} if args.baseline else {})
    for _ in range(args.repeats):  # one process per side and round, taking turns
        for side, src in sides.items():
            env = dict(os.environ, PYTHONPATH=str(src) if src else str(HERE.parent / "src"))
            out = subprocess.run([sys.executable, __file__, "--measure-only", "--repeats", "1", "--store", str(args.store)],
                                 env=env, capture_output=True, text=True, check=True).stdout
            runs.setdefault(side, []).append(json.loads(out.strip().splitlines()[-1]))
    result: dict = {"benchmark": "store_codec", "store": str(args.store), "repeats": args.repeats}
    for side, rs in runs.items():
        result[side] = {"stories": rs[0]["stories"], "digest": rs[0]["digest"],
                        "medians": {k: round(statistics.median(r["medians"][k] for r in rs), 3) for k in rs[0]["medians"]}}
        print(side, result[side]["stories"], "stories:", result[side]["medians"])
    if args.baseline:
        result["same_bytes"] = result["this"]["digest"] == result["baseline"]["digest"]
        result["time_vs_baseline"] = {k: round(v / result["baseline"]["medians"][k], 2)
                                      for k, v in result["this"]["medians"].items() if result["baseline"]["medians"][k]}
        print("same bytes:", result["same_bytes"], " time / baseline:", result["time_vs_baseline"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {args.out}")
    return result


if __name__ == "__main__":
    main()
