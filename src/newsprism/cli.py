"""The ``newsprism`` command: a thin shell over the pipeline, the report writers and the adapters."""

from __future__ import annotations

import sys
import time
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


def _formats(value: str) -> list[str]:
    from .report import FORMATS

    formats = [f.strip().lower() for f in value.split(",") if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise typer.BadParameter(f"unknown format {', '.join(bad) or value!r}; choose from {', '.join(FORMATS)}")
    return formats


def _run_analysis(inputs, *, store, runner, options, progress, **ingest_options):
    """A plain run, or, with --store, an incremental update of the store and its whole report."""
    from .pipeline import analyze as run_analysis

    if store is None:
        return run_analysis(inputs, options=options, runner=runner, progress=progress, **ingest_options)
    from dataclasses import replace

    from .adapters.store import open_store
    from .incremental import report_from_store, update_store

    with open_store(str(store)) as the_store:
        result = update_store(the_store, list(inputs), runner=runner, options=options, progress=progress, **ingest_options)
        report = report_from_store(the_store, options=options)
    return replace(report, skipped=tuple(result.skipped))


@app.command()
def analyze(
    inputs: List[str] = typer.Argument(..., help="Files, folders, article URLs, RSS/Atom feeds, JSONL or WARC files."),
    out_dir: Path = typer.Option(Path("out"), "-o", "--out", help="Folder for report.json, report.md, report.html."),
    formats: str = typer.Option("json,md,html", "--format", help="Comma-separated: json, md, html."),
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
) -> None:
    """Read the coverage, group it into stories, and write the reports."""
    from .adapters.runner import make_runner
    from .model import Options
    from .report import write_reports
    from .report.terminal import print_summary

    fmts = _formats(formats)
    ratings = {}
    started = time.perf_counter()
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
            report = _run_analysis(
                inputs,
                store=store,
                runner=the_runner,
                options=options,
                progress=_ProgressBars(progress),
                outlet_map=str(outlet_map) if outlet_map else None,
                max_bytes=max_bytes,
                timeout=timeout,
            )
    except NewsprismError as exc:
        err.print(f"[bold red]error[/] {exc.line()}", markup=True, highlight=False)
        raise typer.Exit(EXIT_ERROR)
    for note in report.notes:
        err.print(f"[cyan]note[/] {note}", markup=True, highlight=False)
    for skipped in report.skipped:
        err.print(f"[yellow]skipped[/] {skipped.input}: {skipped.reason}", markup=True, highlight=False)
    written = write_reports(report, out_dir, fmts)
    if not quiet:
        print_summary(report, out, seconds=time.perf_counter() - started, written=written)
    raise typer.Exit(EXIT_SKIPPED if report.skipped else EXIT_OK)


@app.command()
def watch(
    feeds: Path = typer.Argument(..., help="An OPML file, or a text file with one feed URL a line."),
    store: Path = typer.Option(Path("newsprism.db"), "--store", help="SQLite store (created if missing)."),
    interval: float = typer.Option(300.0, "--interval", min=1.0, help="Seconds between polls of a feed."),
    once: bool = typer.Option(False, "--once", help="Poll every feed once, then stop."),
    out_dir: Optional[Path] = typer.Option(None, "--out", help="Rewrite OUT/report.json after each update."),
) -> None:
    """Follow live feeds: poll politely, ingest new entries, update their stories."""
    from .watch import run_watch

    try:
        run_watch(str(feeds), store_path=str(store), interval=interval, once=once,
                  out_dir=str(out_dir) if out_dir else None)
    except NewsprismError as exc:
        err.print(f"[bold red]error[/] {exc.line()}", markup=True, highlight=False)
        raise typer.Exit(EXIT_ERROR)


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
        err.print(f"[bold red]error[/] {exc.line()}", markup=True, highlight=False)
        raise typer.Exit(EXIT_ERROR)


@app.command()
def version() -> None:
    """Print the version."""
    out.print(f"newsprism {__version__}")


def main() -> None:
    app()


if __name__ == "__main__":
    sys.exit(main())
