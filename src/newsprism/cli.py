"""The ``newsprism`` command: a thin shell over the pipeline, the report writers and the adapters."""

from __future__ import annotations

import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from . import __version__
from .errors import NewsprismError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Compare how news outlets cover the same event.")
err = Console(stderr=True)
out = Console()

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3
STAGE_LABELS = {"read": "Reading inputs", "parse": "Parsing + extracting articles",
                "re-analyse": "Analysing stored articles again (this version extracts differently)",
                "stories": "Comparing stories (align, framing, summary)"}


class _ProgressBars:
    """Maps the pipeline's (stage, done, total) callbacks onto rich progress bars."""

    def __init__(self, progress: Progress):
        self.progress = progress
        self.tasks: dict[str, int] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(STAGE_LABELS.get(stage, stage), total=total)
        self.progress.update(self.tasks[stage], completed=done, total=total)


def _say(label: str, text: str) -> None:
    """One line on stderr: the label styled, the text (user data: paths, links, messages) escaped,
    so a name like ``[/x].xyz`` is printed as it is, never read as markup."""
    from rich.markup import escape

    err.print(f"{label} {escape(text)}", markup=True, highlight=False)


def _check_out_dir(out_dir: Path) -> None:
    """Before any work: ``-o`` must name a folder we can write (made if missing).

    A file in its place is a usage error (exit 2); a read-only place is an error line (exit 1)."""
    import tempfile

    if out_dir.exists() and not out_dir.is_dir():
        raise typer.BadParameter(f"{out_dir} is a file; -o/--out names a folder for the reports", param_hint="-o")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out_dir):
            pass
    except OSError as exc:
        _say("[bold red]error[/]", f"[E500] {out_dir}: the output folder is not writable ({exc.strerror or exc}) -- choose another folder with -o")
        raise typer.Exit(EXIT_ERROR)


def _formats(value: str) -> list[str]:
    from .report import FORMATS

    formats = [f.strip().lower() for f in value.split(",") if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise typer.BadParameter(f"unknown format {', '.join(bad) or value!r}; choose from {', '.join(FORMATS)}")
    return formats


def _quiet_libraries() -> None:
    """No progress bars or chatter from libraries (transformers' "Loading weights" bar,
    sentence-transformers' info logs): newsprism draws its own progress. Set before the
    libraries are imported, and inherited by worker processes through the environment."""
    import logging
    import os

    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    for name in ("transformers", "sentence_transformers", "huggingface_hub"):
        logging.getLogger(name).setLevel(logging.ERROR)
    if "huggingface_hub" in sys.modules:  # already imported (model2vec does): it read the env then
        from huggingface_hub.utils import disable_progress_bars

        disable_progress_bars()
    if "transformers" in sys.modules:  # already imported: its bars read the env at import
        from transformers.utils import logging as hf_logging  # the lazy top module may lack ``utils``

        hf_logging.disable_progress_bar()


def _run_analysis(inputs, *, store, runner, options, progress, keep_open: ExitStack, **ingest_options):
    """A plain run, or, with --store, an incremental update of the store and its whole report.

    Returns (report, (update result or None, a person's corrections kept in the store)). A
    store's report reads its stories from the store as they are written, so the store stays
    open until ``keep_open`` closes."""
    from .pipeline import analyze as run_analysis

    if store is None:
        return run_analysis(inputs, options=options, runner=runner, progress=progress, **ingest_options), (None, ())
    from dataclasses import replace

    from .adapters.store import open_store
    from .incremental import report_from_store, update_store

    import sqlite3

    from .errors import OutputError

    try:
        the_store = keep_open.enter_context(open_store(str(store)))
        result = update_store(the_store, list(inputs), runner=runner, options=options, progress=progress, **ingest_options)
        report = report_from_store(the_store, options=options)
        corrections = the_store.corrections()
    except (sqlite3.OperationalError, OSError) as exc:  # read-only or full disk: one line, store intact
        raise OutputError(f"{store}: the store could not be written ({exc})") from None
    return replace(report, skipped=tuple(result.skipped)), (result, corrections)


def _write_outputs(report, out_dir: Path, fmts, stored) -> tuple[list[Path], dict]:
    """Every format from one report dict, with the store's corrections applied."""
    from .report import report_data, write_reports

    data = report_data(report, stored[1])
    return write_reports(report, out_dir, fmts, data=data), data


def _print_run(report, stored, *, store, seconds: float, written, data) -> None:
    """The terminal summary; a store run first says what was new and shows the stories it changed."""
    from .report.counts import plural
    from .report.terminal import print_summary

    result = stored[0]
    if result is None:
        print_summary(report, out, seconds=seconds, written=written, data=data)
        return
    parts = [plural(len(result.added), "new article"), f"{len(result.updated)} changed", f"{len(result.unchanged)} already stored"]
    if result.reanalysed:
        parts.append(f"{result.reanalysed} analysed again (this version extracts differently)")
    out.print(f"Store {store}: " + ", ".join(parts) + f"; {plural(len(result.stories_rebuilt), 'story', 'stories')} "
              f"new or changed (of {result.stories_total}).", highlight=False)
    heading = (f"New or changed: {plural(len(result.stories_rebuilt), 'story', 'stories')}" if result.stories_rebuilt
               else "Nothing new: every story is as it was.")
    print_summary(report, out, seconds=seconds, written=written, focus=result.stories_rebuilt, heading=heading, data=data)


@app.command()
def analyze(
    inputs: List[str] = typer.Argument(..., help="Files, folders, article URLs, RSS/Atom feeds, JSONL or WARC files."),
    out_dir: Path = typer.Option(Path("out"), "-o", "--out", help="Folder for report.json, report.md, report.html (and the CSV files)."),
    formats: str = typer.Option("json,md,html", "--format", help="Comma-separated: json, md, html, csv (claims.csv, quotes.csv, figures.csv, naming.csv)."),
    outlet_map: Optional[Path] = typer.Option(None, "--outlet-map", help="CSV of file-or-host,outlet name."),
    outlet_ratings: Optional[Path] = typer.Option(None, "--outlet-ratings", help="CSV of outlet,rating,rating source (shown beside the measured profile)."),
    summary_sentences: int = typer.Option(6, "--summary-sentences", min=1, max=40, help="Length of the neutral summary."),
    nli_model: Optional[Path] = typer.Option(None, "--nli-model", help="Folder of a local NLI cross-encoder to check contradictions (optional; never downloaded)."),
    runner: str = typer.Option("local", "--runner", help="local, or dask to run the analysis on a Dask cluster."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Address of a running Dask scheduler (tcp://HOST:PORT); implies --runner dask."),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, help="Processes (local, default 1) or Dask workers to start (default 2)."),
    store: Optional[Path] = typer.Option(None, "--store", help="Add to a SQLite store (re-analyses only the stories that change) and report all of it."),
    max_bytes: int = typer.Option(20_000_000, "--max-bytes", help="Skip inputs larger than this."),
    timeout: float = typer.Option(20.0, "--timeout", help="Seconds to wait for a URL."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars or terminal summary."),
    allow_private_hosts: bool = typer.Option(False, "--allow-private-hosts", help="Also fetch URLs on loopback, private or link-local addresses (refused by default)."),
) -> None:
    """Read the coverage, group it into stories, and write the reports."""
    from .adapters.runner import make_runner
    from .model import Options
    _quiet_libraries()
    fmts = _formats(formats)
    _check_out_dir(out_dir)
    ratings = {}
    started = time.perf_counter()
    with ExitStack() as keep_open:  # a store stays open while its report is written
        try:
            if outlet_ratings is not None:
                from .assess.ratings import load_outlet_ratings

                ratings = load_outlet_ratings(str(outlet_ratings))
            options = Options(summary_sentences=summary_sentences, outlet_ratings=ratings,
                              nli_model=str(nli_model) if nli_model else None)
            with make_runner(runner, scheduler=scheduler, workers=workers) as the_runner, Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                TextColumn("left"), TimeRemainingColumn(),
                console=err, disable=quiet, transient=True,
            ) as progress:
                report, stored = _run_analysis(
                    inputs,
                    store=store,
                    runner=the_runner,
                    options=options,
                    progress=_ProgressBars(progress),
                    keep_open=keep_open,
                    outlet_map=str(outlet_map) if outlet_map else None,
                    max_bytes=max_bytes,
                    timeout=timeout,
                    allow_private_hosts=True if allow_private_hosts else None,  # None: refused unless the environment allows
                )
        except NewsprismError as exc:
            _say("[bold red]error[/]", exc.line())
            raise typer.Exit(EXIT_ERROR)
        for note in report.notes:
            _say("[cyan]note[/]", note)
        for skipped in report.skipped:
            _say("[yellow]skipped[/]", f"{skipped.input}: {skipped.reason}")
        try:
            written, data = _write_outputs(report, out_dir, fmts, stored)
        except NewsprismError as exc:
            _say("[bold red]error[/]", exc.line())
            raise typer.Exit(EXIT_ERROR)
        if not quiet:
            _print_run(report, stored, store=store, seconds=time.perf_counter() - started, written=written, data=data)
        raise typer.Exit(EXIT_SKIPPED if report.skipped else EXIT_OK)


@app.command()
def watch(
    feeds: str = typer.Argument(..., help="A feed URL, an OPML file, or a text file with one feed URL a line."),
    store: Path = typer.Option(Path("newsprism.db"), "--store", help="SQLite store (created if missing)."),
    interval: float = typer.Option(300.0, "--interval", min=1.0, help="Seconds between polls of a feed."),
    once: bool = typer.Option(False, "--once", help="Poll every feed once, then stop."),
    out_dir: Optional[Path] = typer.Option(None, "--out", help="Rewrite OUT/report.json after each update."),
    timeout: float = typer.Option(20.0, "--timeout", help="Seconds for a whole fetch (feed or page)."),
    allow_private_hosts: bool = typer.Option(False, "--allow-private-hosts", help="Also fetch feeds and pages on loopback, private or link-local addresses."),
) -> None:
    """Follow live feeds: poll politely, ingest new entries, update their stories."""
    from .watch import run_watch

    _quiet_libraries()
    try:
        outcomes = run_watch(feeds, store_path=str(store), interval=interval, once=once, timeout=timeout,
                             out_dir=str(out_dir) if out_dir else None,
                             allow_private_hosts=True if allow_private_hosts else None)
    except NewsprismError as exc:
        _say("[bold red]error[/]", exc.line())
        raise typer.Exit(EXIT_ERROR)
    if once and any(o.error for o in outcomes or ()):
        raise typer.Exit(EXIT_ERROR)  # a feed failed: scripts and cron must see it


@app.command()
def serve(
    source: Path = typer.Argument(..., help="A report.json, a folder of them, or a newsprism SQLite store."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (local only by default)."),
    port: int = typer.Option(8000, "--port"),
) -> None:
    """Serve the web UI over reports or a store."""
    from .web.app import serve as run_server

    try:
        run_server(str(source), host=host, port=port)
    except NewsprismError as exc:
        _say("[bold red]error[/]", exc.line())
        raise typer.Exit(EXIT_ERROR)


@app.command()
def stages() -> None:
    """Print the stage tables: what each extractor and story stage needs and adds, in order."""
    from .contracts import describe
    from .extract import EXTRACTORS, GIVEN
    from .pipeline import STORY_GIVEN, STORY_STAGES

    out.print(f"Per article (given: doc, article, {', '.join(GIVEN)}):", markup=False, highlight=False, soft_wrap=True)
    out.print(describe(EXTRACTORS), markup=False, highlight=False, soft_wrap=True)
    out.print(f"\nPer story (given: {', '.join(STORY_GIVEN)}, analysis.<field>):", markup=False, highlight=False, soft_wrap=True)
    out.print(describe(STORY_STAGES), markup=False, highlight=False, soft_wrap=True)


@app.command()
def correct(
    store: Path = typer.Argument(..., help="The newsprism SQLite store to correct."),
    story: str = typer.Argument(..., help="The story's id (as in report.json)."),
    action: str = typer.Argument(..., help="dismiss_dispute, dismiss_agreement, rename_speaker, rename_referent, merge_stories or split_story."),
    target: str = typer.Option("", "--target", help="The claim text, speaker, referent or article id the correction is about."),
    value: str = typer.Option("", "--value", help="The new name (renames) or the other story's id (merge_stories)."),
) -> None:
    """Keep a person's correction in a store; every later report from the store applies it."""
    _store_correction(store, story, action, target, value)


def _store_correction(store: Path, story: str, action: str, target: str, value: str) -> None:
    from .adapters.store import open_store

    if not store.is_file():
        err.print(f"[bold red]error[/] no store at {store}", markup=True, highlight=False)
        raise typer.Exit(EXIT_USAGE)
    with open_store(str(store)) as the_store:
        if story not in the_store.story_ids():
            err.print(f"[bold red]error[/] the store has no story {story!r}", markup=True, highlight=False)
            raise typer.Exit(EXIT_USAGE)
        try:
            kept = the_store.add_correction(story, action, target, value)
        except ValueError as exc:
            err.print(f"[bold red]error[/] {exc}", markup=True, highlight=False)
            raise typer.Exit(EXIT_USAGE)
    out.print(f"Kept correction {kept.seq}: {action} in story {story}; it applies to every report made from {store}.",
              highlight=False)


@app.command()
def version() -> None:
    """Print the version."""
    out.print(f"newsprism {__version__}")


def main() -> None:
    app()


if __name__ == "__main__":
    sys.exit(main())
