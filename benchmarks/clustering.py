"""Story clustering quality: B-cubed P/R/F1 on ECB+ dev (event = subtopic) and BASIL
(story = triplet), newsprism's online clusterer beside a TF-IDF + average-link baseline
whose threshold is tuned on the same dev data, in the same run.

    .venv/bin/python benchmarks/clustering.py [--data ../shared/data] [--orders 5]

Only the text (and, for BASIL, title, outlet and date) reaches the clusterer; ids are
neutral and input order is shuffled (the files are sorted by event). Writes
benchmarks/results/clustering.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import platform
import time
from pathlib import Path

from cluster_eval import load_basil, load_ecbplus, score_online, tuned_baseline
from newsprism.cluster.stories import ClusterConfig

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--orders", type=int, default=5, help="shuffled input orders to average over")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "clustering.json")
    args = parser.parse_args()

    config = ClusterConfig()
    result: dict = {"config": dataclasses.asdict(config), "orders": args.orders, "python": platform.python_version(),
                    "corpora": {}}
    for name, loader in (("ecbplus_dev", load_ecbplus), ("basil", load_basil)):
        articles, gold = loader(args.data)
        started = time.perf_counter()
        ours, runs = score_online(articles, gold, range(args.orders), config)
        ours_seconds = (time.perf_counter() - started) / args.orders
        started = time.perf_counter()
        threshold, baseline = tuned_baseline(articles, gold)
        baseline_seconds = time.perf_counter() - started
        result["corpora"][name] = {
            "articles": len(articles),
            "events": len(set(gold.values())),
            "newsprism": {**ours.as_dict(), "f1_min": round(min(r.f1 for r in runs), 4),
                          "f1_max": round(max(r.f1 for r in runs), 4), "seconds_per_run": round(ours_seconds, 2)},
            "baseline_tfidf_average_link": {**baseline.as_dict(), "distance_threshold": threshold,
                                            "seconds_for_threshold_sweep": round(baseline_seconds, 2)},
        }
        print(f"{name:12s} {len(articles):4d} articles {len(set(gold.values())):3d} events | "
              f"newsprism P {ours.precision:.3f} R {ours.recall:.3f} F1 {ours.f1:.3f} "
              f"(min {min(r.f1 for r in runs):.3f} over {args.orders} orders) | "
              f"baseline P {baseline.precision:.3f} R {baseline.recall:.3f} F1 {baseline.f1:.3f} "
              f"(tuned distance {threshold:.2f})")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
