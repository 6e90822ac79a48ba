"""Run every awkward file through ``newsprism analyze`` (in one process, spaCy loaded once)
with a per-file time limit; print one JSON object: per file its outcome and seconds.

outcome: "analysed" (a report with an article), "clear" (exit 1/3 with one [Ennn] line per
problem and no traceback), "hang" (over the limit), "crash" (a traceback or another exit).
Run: python tests/ingest/awkward/run_corpus.py CORPUS_DIR OUT_DIR [SECONDS_PER_FILE]
"""

from __future__ import annotations

import json
import re
import signal
import sys
import time
import traceback
from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


def run_one(path: Path, out: Path, limit: int) -> dict:
    runner = CliRunner()
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(limit)
    started = time.perf_counter()
    try:
        # wide lines: a message is checked whole, never wrapped by the terminal width
        result = runner.invoke(app, ["analyze", str(path), "-o", str(out), "--format", "json", "--quiet"],
                               env={"COLUMNS": "4000"})
    except Hang:
        return {"file": path.name, "outcome": "hang", "seconds": round(time.perf_counter() - started, 1)}
    finally:
        signal.alarm(0)
    seconds = round(time.perf_counter() - started, 1)
    text = result.output
    exc = result.exception
    if isinstance(exc, Hang):
        return {"file": path.name, "outcome": "hang", "seconds": seconds}
    if exc is not None and not isinstance(exc, SystemExit) or "Traceback" in text:
        detail = "".join(traceback.format_exception(exc)) if exc else text
        return {"file": path.name, "outcome": "crash", "seconds": seconds, "detail": detail[-800:]}
    report = out / "report.json"
    if result.exit_code in (0, 3) and report.exists():
        data = json.loads(report.read_text())
        report.unlink()
        if data["articles"]:
            errors = [line for line in text.splitlines() if re.search(r"\[E\d{3}\]", line)]
            return {"file": path.name, "outcome": "analysed", "seconds": seconds, "exit": result.exit_code,
                    "lines": (errors or [line for line in text.splitlines() if line.strip()])[:4]}
    lines = [line for line in text.splitlines() if re.search(r"\[E\d{3}\]", line)]
    if result.exit_code in (1, 3) and lines:
        return {"file": path.name, "outcome": "clear", "seconds": seconds, "exit": result.exit_code, "lines": lines[:3]}
    return {"file": path.name, "outcome": "crash", "seconds": seconds, "exit": result.exit_code, "detail": text[-800:]}


def main() -> None:
    corpus, out = Path(sys.argv[1]), Path(sys.argv[2])
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 90
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    results = [run_one(p, out, limit) for p in files]
    counts = {k: sum(1 for r in results if r["outcome"] == k) for k in ("analysed", "clear", "hang", "crash")}
    slowest = max(results, key=lambda r: r["seconds"])
    print(json.dumps({"tried": len(results), **counts, "slowest": [slowest["file"], slowest["seconds"]], "files": results}, ensure_ascii=False))


if __name__ == "__main__":
    main()
