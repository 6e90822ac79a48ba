"""The terminal: what a store run says, CSV through --format, and no library progress bars."""

from __future__ import annotations

import csv
import io
import os

from typer.testing import CliRunner

from newsprism.cli import _quiet_libraries, app

runner = CliRunner()


def test_libraries_draw_no_progress_bars():
    _quiet_libraries()
    assert os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] == "1" and os.environ["TRANSFORMERS_VERBOSITY"] == "error"
    from transformers.utils import logging as hf_logging

    assert not hf_logging.is_progress_bar_enabled()


def test_a_store_run_says_what_was_new_and_shows_only_changed_stories(seeds_dir, tmp_path):
    db, out = tmp_path / "news.db", tmp_path / "out"
    first = runner.invoke(app, ["analyze", str(seeds_dir), "--store", str(db), "-o", str(out), "--format", "json,csv"],
                          env={"COLUMNS": "200"})
    assert first.exit_code == 0, first.output
    assert "5 new articles, 0 changed, 0 already stored; 1 story new or changed (of 1)" in first.output
    assert "New or changed: 1 story" in first.output and "1 stories" not in first.output
    assert "Loading weights" not in first.output
    rows = list(csv.DictReader(io.StringIO((out / "claims.csv").read_text(encoding="utf-8-sig"))))
    assert rows and {"article_id", "start", "end", "url"} <= set(rows[0])
    again = runner.invoke(app, ["analyze", str(seeds_dir), "--store", str(db), "-o", str(out), "--format", "json"],
                          env={"COLUMNS": "200"})
    assert again.exit_code == 0, again.output
    assert "0 new articles, 0 changed, 5 already stored; 0 stories new or changed (of 1)" in again.output
    assert "Nothing new" in again.output and "Summary of" not in again.output
