"""The same inputs give the same report, whatever Python's hash seed: sets and dicts keyed by
strings iterate in a different order under each ``PYTHONHASHSEED``, so any output that
leaks that order changes between runs."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


@pytest.mark.slow
def test_report_json_is_byte_identical_under_different_hash_seeds(seeds_dir, tmp_path):
    outputs = []
    for seed in ("1", "4242"):
        out = tmp_path / f"seed{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-m", "newsprism", "analyze", str(seeds_dir), "-o", str(out), "--format", "json"],
                             env=env, capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stderr[-2000:]
        outputs.append((out / "report.json").read_bytes())
    assert outputs[0] == outputs[1]
