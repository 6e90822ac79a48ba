"""A short, readable summary of a report on the terminal.

Counts come from :mod:`newsprism.report.counts`, the same numbers report.md and the HTML show.
Outlet names are never cut: the table wraps them instead.
"""

from __future__ import annotations

from pathlib import Path
from collections.abc import Iterable, Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import Report
from .counts import counts_line, plural, story_counts
from .speakers import speaker_groups
from .story_dicts import story_lookup

_MAX_STORIES = 10
_MAX_SPEAKERS = 8


def _who_said_what(console: Console, story: dict, outlets: dict[str, str]) -> None:
    """The most-quoted speakers of the story, one line each, grouped as report.md groups them."""
    groups = [g for g in speaker_groups(story.get("quotes") or []) if g["key"]]
    if not groups:
        return
    console.print(Text(f"\nWho said what in “{story.get('title') or ''}”:", style="bold"))
    for g in groups[:_MAX_SPEAKERS]:
        where = ", ".join(sorted({outlets.get(a, a) for a in g["article_ids"]}))
        named = f" (named as {'; '.join(g['named_as'])})" if g["named_as"] else ""
        console.print(Text(f"  • {g['name']}: {plural(len(g['quotes']), 'quote')} in {where}{named}"))
    if len(groups) > _MAX_SPEAKERS:
        console.print(Text(f"  … and {plural(len(groups) - _MAX_SPEAKERS, 'more speaker')} (all in the written reports)"))


def print_summary(report: Report, console: Console, *, seconds: float | None = None,
                  written: Sequence[Path] = (), focus: Iterable[str] | None = None,
                  heading: str | None = None, data: dict | None = None) -> None:
    """The story table and one summary.

    ``focus``: ids of the stories to show (a store run passes the new or changed ones); by
    default every story, biggest first. ``heading`` replaces the table's title. ``data``: the
    report dict the files were written from (corrections applied), so the counts match them.
    """
    data = data if data is not None else report.to_dict()
    story_dict = story_lookup(data.get("stories") or [])
    outlets = {a.id: a.outlet for a in report.articles}
    articles = {a.id: {"outlet": a.outlet} for a in report.articles}
    wanted = set(focus) if focus is not None else None
    # sizes first, then only the stories shown are read (a store's, one at a time, and its sizes
    # from its memberships without decoding a story)
    sizing = getattr(report.stories, "sizes", None)
    sizes = sizing() if sizing is not None else [len(s.article_ids) for s in report.stories]
    ids = getattr(report.stories, "ids", None) or [s.id for s in report.stories]
    shown = sorted(((size, n) for n, (size, story_id) in enumerate(zip(sizes, ids)) if wanted is None or story_id in wanted),
                   key=lambda size_n: -size_n[0])
    stories = [report.stories[n] for _, n in shown[:_MAX_STORIES]]
    title = heading or f"{plural(len(report.articles), 'article')} in {plural(len(report.stories), 'story', 'stories')}"
    table = Table(title=title, title_justify="left")
    table.add_column("story", ratio=3)
    table.add_column("outlets", ratio=2, overflow="fold")
    table.add_column("found", ratio=2)
    for story in stories:
        names = sorted({outlets[i] for i in story.article_ids})
        sd = story_dict(story.id) or story.to_dict()
        table.add_row(Text(sd.get("title") or story.title), Text(", ".join(names)), counts_line(story_counts(sd, articles)))
    if stories:
        console.print(table)
    elif heading:
        console.print(Text(heading))
    if len(shown) > _MAX_STORIES:
        console.print(f"... and {plural(len(shown) - _MAX_STORIES, 'more story', 'more stories')} (all in the written reports)")
    biggest = stories[0] if stories else None
    if biggest is not None and biggest.summary:
        console.print(Text(f"\nSummary of “{biggest.title}”:", style="bold"))
        for sentence in biggest.summary:
            cites = ", ".join(outlets.get(c, c) for c in sentence.citations)
            console.print(Text(f"  • {sentence.text} [{cites}]"))
    if biggest is not None:
        biggest_data = story_dict(biggest.id)
        _print_disputes(biggest, biggest_data or {}, outlets, console)
        _who_said_what(console, biggest_data or biggest.to_dict(), outlets)
    if report.skipped:
        console.print(Text(f"\n{plural(len(report.skipped), 'input')} skipped (see above and report.json 'skipped').", style="yellow"))
    if written:
        console.print(Text("\nWrote " + ", ".join(str(p) for p in written)))  # paths are user data: no markup
    if seconds is not None:
        console.print(f"Done in {seconds:.1f} s.")


def _print_disputes(story, data: dict, outlets: dict[str, str], console: Console, limit: int = 5) -> None:
    """The biggest story's disputes with what differs and around what (report.md has them all)."""
    from .dispute_text import claim_note_lines

    disputed = [c for c in data.get("claims") or [] if c.get("status") == "disputed"]
    if not disputed:
        return
    console.print(Text(f"\nDisputed in “{story.title}”:", style="bold"))
    for claim in disputed[:limit]:
        for line in claim_note_lines(claim, lambda aid: outlets.get(aid, aid or "?")):
            console.print(Text(f"  • {line}"))
    if len(disputed) > limit:
        console.print(Text(f"  … and {len(disputed) - limit} more (report.md, report.html)"))
