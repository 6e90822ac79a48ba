"""The command line, as a user runs it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from typer.testing import CliRunner

from newsprism.cli import EXIT_ERROR, EXIT_OK, EXIT_SKIPPED, app

runner = CliRunner()


def test_analyze_seeds_writes_three_reports(seeds_dir, tmp_path):
    result = runner.invoke(app, ["analyze", str(seeds_dir), "-o", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == EXIT_OK, result.output
    for name in ("report.json", "report.md", "report.html"):
        assert (tmp_path / "out" / name).stat().st_size > 1000
    data = json.loads((tmp_path / "out" / "report.json").read_text())
    assert len(data["articles"]) == 5 and data["skipped"] == []


def test_a_bad_input_is_reported_skipped_and_the_batch_goes_on(seeds_dir, tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(seeds_dir, folder)
    (folder / "empty.txt").write_text("")
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, ["analyze", str(folder), str(missing), "-o", str(tmp_path / "out"),
                                 "--format", "json", "--quiet"])
    assert result.exit_code == EXIT_SKIPPED, result.output
    data = json.loads((tmp_path / "out" / "report.json").read_text())
    assert len(data["articles"]) == 5
    skipped = {s["input"]: s["reason"] for s in data["skipped"]}
    assert len(skipped) == 2
    assert any("empty" in reason.lower() for reason in skipped.values())
    assert any("nope.txt" in inp for inp in skipped)
    assert not (tmp_path / "out" / "report.html").exists()  # only the format asked for


def test_nothing_readable_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["analyze", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out")])
    assert result.exit_code == EXIT_ERROR
    assert "E400" in result.output or "E400" in (result.stderr or "")


def test_unknown_format_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["analyze", str(tmp_path), "--format", "pdf"])
    assert result.exit_code == 2
    assert "pdf" in result.output


def test_console_script_is_installed():
    exe = shutil.which("newsprism") or str((__import__("pathlib").Path(sys.executable).parent / "newsprism"))
    done = subprocess.run([exe, "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert "analyze" in done.stdout and "serve" in done.stdout and "watch" in done.stdout


def test_store_run_twice_keeps_one_copy_of_each_article(seeds_dir, tmp_path):
    store = tmp_path / "news.db"
    for _ in range(2):
        result = runner.invoke(app, ["analyze", str(seeds_dir), "--store", str(store), "-o", str(tmp_path / "out"),
                                     "--format", "json", "--quiet"])
        assert result.exit_code == EXIT_OK, result.output
    data = json.loads((tmp_path / "out" / "report.json").read_text())
    assert sorted(a["id"] for a in data["articles"]) == sorted(p.stem for p in seeds_dir.glob("*.txt"))
    assert len(data["stories"]) == 1


def test_unknown_runner_is_a_clear_error(seeds_dir, tmp_path):
    result = runner.invoke(app, ["analyze", str(seeds_dir), "--runner", "spark", "-o", str(tmp_path)])
    assert result.exit_code == EXIT_ERROR
    assert "spark" in result.output


# -- issue 15: hostile names and output faults -------------------------------------------------
def test_a_name_that_looks_like_markup_is_printed_as_is(tmp_path):
    odd = tmp_path / "[" / "x].xyz"  # its path holds "[/x].xyz": rich would read it as a closing tag
    odd.parent.mkdir()
    odd.write_text("not a format newsprism reads")
    result = runner.invoke(app, ["analyze", str(odd), "-o", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == EXIT_ERROR, result.output  # E400, not a MarkupError traceback
    assert "[/x].xyz" in result.output and "E400" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_out_naming_a_file_is_a_usage_error(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("{}")
    result = runner.invoke(app, ["analyze", str(tmp_path / "missing.txt"), "-o", str(target)])
    assert result.exit_code == 2, result.output
    flat = " ".join(result.output.replace("│", " ").split())  # the usage box wraps lines
    assert "is a file" in flat and "Traceback" not in flat


def test_read_only_out_folder_is_refused_before_the_work(tmp_path):
    import os

    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):  # root ignores modes: a read-only place it cannot write is /proc
            folder = __import__("pathlib").Path("/proc/newsprism-out")
        result = runner.invoke(app, ["analyze", str(tmp_path / "missing.txt"), "-o", str(folder)])
    finally:
        (tmp_path / "ro").chmod(0o700)
    assert result.exit_code == EXIT_ERROR, result.output
    assert "E500" in result.output and "not writable" in result.output
    assert "E400" not in result.output  # refused before reading anything


def test_a_failed_write_keeps_the_earlier_report(tmp_path, monkeypatch):
    import os

    from newsprism.errors import OutputError
    from newsprism.report import write_atomic

    path = tmp_path / "report.json"
    path.write_text('{"good": true}\n')

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)  # the data never reached the disk
    try:
        write_atomic(path, "x" * 100_000)
    except OutputError as exc:
        assert "No space left" in exc.line() and "E500" in exc.line()
    else:
        raise AssertionError("a full disk must raise OutputError")
    finally:
        monkeypatch.undo()
    assert path.read_text() == '{"good": true}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left behind


def test_store_on_a_read_only_place_is_one_clear_line(tmp_path):
    result = runner.invoke(app, ["analyze", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out"),
                                 "--store", "/proc/newsprism.db", "--quiet"])
    assert result.exit_code == EXIT_ERROR, result.output
    assert "E500" in result.output and "store could not be written" in result.output
    assert "Traceback" not in result.output
