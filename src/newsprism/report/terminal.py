"""A short, readable summary of a report on the terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import Report, Story

_MAX_STORIES = 10


def _counts(story: Story) -> str:
    parts = []
    for name in ("entities", "quotes", "figures", "claims"):
        items = getattr(story, name)
        if items is not None:
            parts.append(f"{len(items)} {name}")
    disputed = sum(1 for c in (story.claims or ()) if c.status == "disputed")
    disputed += sum(1 for f in (story.figures or ()) if f.status == "disputed")
    if story.claims is not None or story.figures is not None:
        parts.append(f"{disputed} disputed")
    return ", ".join(parts)


def print_summary(report: Report, console: Console, *, seconds: float | None = None,
                  written: Sequence[Path] = ()) -> None:
    outlets = {a.id: a.outlet for a in report.articles}
    table = Table(title=f"{len(report.articles)} articles in {len(report.stories)} stories", title_justify="left")
    table.add_column("story")
    table.add_column("outlets")
    table.add_column("found")
    for story in report.stories[:_MAX_STORIES]:
        names = sorted({outlets[i] for i in story.article_ids})
        table.add_row(Text(story.title[:70]), Text(", ".join(names)[:60]), _counts(story))
    console.print(table)
    if len(report.stories) > _MAX_STORIES:
        console.print(f"... and {len(report.stories) - _MAX_STORIES} more stories")
    biggest = max(report.stories, key=lambda s: len(s.article_ids), default=None)
    if biggest is not None and biggest.summary:
        console.print(Text(f"\nSummary of “{biggest.title[:60]}”:", style="bold"))
        for sentence in biggest.summary:
            cites = ", ".join(outlets.get(c, c) for c in sentence.citations)
            console.print(Text(f"  • {sentence.text} [{cites}]"))
    if report.skipped:
        console.print(Text(f"\n{len(report.skipped)} input(s) skipped (see above and report.json 'skipped').", style="yellow"))
    if written:
        console.print(Text("\nWrote " + ", ".join(str(p) for p in written)))  # paths are user data: no markup
    if seconds is not None:
        console.print(f"Done in {seconds:.1f} s.")
