"""The cluster start the README documents: ``dask scheduler`` and two ``dask worker`` processes on
127.0.0.1, then ``newsprism analyze --scheduler tcp://...`` on the seeds; the report is the one a
local run writes (parsing and every story stage ran on the two workers)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC)] + [p for p in [env.get("PYTHONPATH")] if p])
    env["DASK_CONFIG"] = str(SRC.parent / "docs" / "dask")  # the README's worker start
    return env


def _analyze(seeds_dir: Path, out: Path, *extra: str) -> dict:
    cmd = [sys.executable, "-m", "newsprism", "analyze", str(seeds_dir), "-o", str(out), "--format", "json", "-q", *extra]
    done = subprocess.run(cmd, env=_env(), capture_output=True, text=True, timeout=600)
    assert done.returncode in (0, 3), done.stderr
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def _wait_for_workers(address: str, n: int, timeout: float = 120.0) -> None:
    from distributed import Client

    with Client(address, timeout="30s") as client:
        client.wait_for_workers(n, timeout=timeout)


@pytest.mark.slow
def test_analyze_on_a_scheduler_and_two_workers_matches_a_local_run(seeds_dir, tmp_path):
    address = f"tcp://127.0.0.1:{_free_port()}"
    dask = [sys.executable, "-m", "dask"]
    logs = tmp_path / "logs"
    logs.mkdir()
    procs = [subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                               "--no-dashboard"], env=_env(), stdout=subprocess.DEVNULL,
                              stderr=(logs / "scheduler.log").open("w"))]
    try:
        time.sleep(1.0)
        for n in range(2):
            procs.append(subprocess.Popen([*dask, "worker", address, "--nthreads", "1", "--nworkers", "1",
                                           "--no-dashboard", "--host", "127.0.0.1"], env=_env(),
                                          stdout=subprocess.DEVNULL, stderr=(logs / f"worker{n}.log").open("w")))
        _wait_for_workers(address, 2)
        from distributed import Client

        with Client(address, timeout="30s") as client:  # docs/dask kept glibc's malloc settings
            assert set(client.run(lambda: __import__("os").environ.get("MALLOC_TRIM_THRESHOLD_")).values()) == {None}
        on_cluster = _analyze(seeds_dir, tmp_path / "cluster", "--scheduler", address)
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
    local = _analyze(seeds_dir, tmp_path / "local")
    assert on_cluster["stories"] == local["stories"]
    assert on_cluster["articles"] == local["articles"]
    assert on_cluster["stories"] and any(story["claims"] for story in on_cluster["stories"])
