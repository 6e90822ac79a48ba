"""Where the driver's memory goes in ``analyze --store``, phase by phase.

    .venv/bin/python benchmarks/store_phases.py --size 10000 [--workers 2]

Runs what the CLI runs, in this process (Dask workers as children): ``update_store`` (load,
parse and cluster, rebuild the stories), ``report_from_store``, ``report_data`` and the three
report writers, while a thread samples the RSS of this process and of its children every
0.2 s. Prints the peak of each phase and writes benchmarks/results/store_phases_SIZE.json.
The corpus is ``scale_dask.build_corpus(size)``, as in scale_store.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from scale_store import write_corpus  # noqa: E402


class PhaseSampler:
    def __init__(self):
        self.phase = "start"
        self.peaks: dict[str, dict[str, float]] = {}
        self.child_peaks: dict[int, float] = {}
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        me = psutil.Process()
        while True:
            driver = me.memory_info().rss / 2**20
            children = 0.0
            for child in me.children(recursive=True):
                try:
                    rss = child.memory_info().rss / 2**20
                except psutil.Error:
                    continue
                children += rss
                self.child_peaks[child.pid] = max(self.child_peaks.get(child.pid, 0.0), rss)
            peak = self.peaks.setdefault(self.phase, {"driver_mb": 0.0, "children_mb": 0.0})
            peak["driver_mb"] = max(peak["driver_mb"], round(driver))
            peak["children_mb"] = max(peak["children_mb"], round(children))
            time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    from newsprism import incremental, pipeline
    from newsprism.adapters.runner import make_runner
    from newsprism.adapters.store import open_store
    from newsprism.model import Options
    from newsprism.report import report_data, write_reports

    sampler = PhaseSampler()
    seconds: dict[str, float] = {}
    entered = [time.perf_counter()]

    def enter(phase: str) -> None:
        now = time.perf_counter()
        seconds[sampler.phase] = round(seconds.get(sampler.phase, 0.0) + now - entered[0], 1)
        entered[0] = now
        sampler.phase = phase

    real_load, real_rebuild = pipeline.load, incremental.rebuild_dirty_stories
    pipeline.load = lambda *a, **k: (enter("load"), real_load(*a, **k), enter("parse and cluster"))[1]

    def rebuild(*a, **k):
        back = sampler.phase
        enter("rebuild stories")
        try:
            return real_rebuild(*a, **k)
        finally:
            enter(back)
    incremental.rebuild_dirty_stories = rebuild
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_corpus(args.size, Path(tmp) / "corpus.jsonl")
        with make_runner("dask", workers=args.workers) as runner, open_store(str(Path(tmp) / "s.db")) as store:
            incremental.update_store(store, [str(corpus)], runner=runner, options=Options())
            enter("report_from_store")
            report = incremental.report_from_store(store)
            enter("report_data")
            data = report_data(report, store.corrections())
            for fmt in ("json", "md", "html"):
                enter(f"write {fmt}")
                write_reports(report, Path(tmp) / "out", (fmt,), data=data)
            enter("end")
            time.sleep(0.5)
    result = {"size": args.size, "workers": args.workers, "stories": len(report.stories),
              "phases": [{"phase": p, **sampler.peaks.get(p, {"driver_mb": None, "children_mb": None}),
                          "seconds": seconds.get(p)} for p in dict.fromkeys([*sampler.peaks, *seconds])],
              "child_peaks_mb": sorted(round(v) for v in sampler.child_peaks.values())}
    for row in result["phases"]:
        print(f"{row['phase']:20s} driver {row['driver_mb']} MB  children {row['children_mb']} MB  {row['seconds']} s")
    print("child peaks", result["child_peaks_mb"])
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / f"store_phases_{args.size}.json").write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
