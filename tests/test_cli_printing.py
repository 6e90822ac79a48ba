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


def test_a_correction_from_the_command_line_is_marked_in_every_format(seeds_dir, tmp_path):
    import json

    db, out = tmp_path / "news.db", tmp_path / "out"
    args = ["analyze", str(seeds_dir), "--store", str(db), "-o", str(out), "--format", "json,md,html,csv", "--quiet"]
    assert runner.invoke(app, args).exit_code == 0
    story = json.loads((out / "report.json").read_text())["stories"][0]
    disputed = [c for c in story["claims"] if c["status"] == "disputed"]
    assert disputed
    done = runner.invoke(app, ["correct", str(db), story["id"], "dismiss_dispute", "--target", disputed[0]["text"]])
    assert done.exit_code == 0 and "Kept correction 1" in done.output
    bad = runner.invoke(app, ["correct", str(db), story["id"], "delete_it", "--target", "x"])
    assert bad.exit_code == 2 and "unknown correction" in bad.output
    # a re-analysis (same inputs) applies the correction again
    result = runner.invoke(app, args[:-1] + ["--format", "json,md,html,csv"])
    assert result.exit_code == 0
    after = json.loads((out / "report.json").read_text())["stories"][0]
    fixed = next(c for c in after["claims"] if c["id"] == disputed[0]["id"])
    assert fixed["status"] != "disputed" and fixed["corrected"] and after["corrections"][0]["action"] == "dismiss_dispute"
    assert len([c for c in after["claims"] if c["status"] == "disputed"]) == len(disputed) - 1
    assert "*(corrected by hand)*" in (out / "report.md").read_text()
    assert 'class="badge corrected"' in (out / "report.html").read_text()
    assert ",yes\n" in (out / "claims.csv").read_text(encoding="utf-8-sig")  # universal newlines
