"""One function counts a story; the terminal, report.md and the HTML all show its numbers."""

from __future__ import annotations

import io
from dataclasses import replace

from rich.console import Console

import html_fixture_report

from newsprism.model import Claim, OutletProfile, Span, Story
from newsprism.report.counts import counts_line, plural, story_counts
from newsprism.report.html import render_html
from newsprism.report.markdown import LIMITS, render_markdown
from newsprism.report.terminal import print_summary


def test_plural():
    assert plural(1, "story", "stories") == "1 story" and plural(2, "story", "stories") == "2 stories"
    assert plural(0, "claim") == "0 claims"


def test_every_format_shows_the_same_counts(seeds_dir):
    report = html_fixture_report.build_seed_report(seeds_dir)
    story = report.stories[0]
    line = counts_line(story_counts(story.to_dict()))
    assert "1 disputed claim" in line and "1 disputed figure" in line
    console = Console(file=io.StringIO(), width=400)
    print_summary(report, console)
    terminal = console.file.getvalue()
    assert line in terminal and "1 story" in terminal and "1 stories" not in terminal
    assert line in render_markdown(report)
    assert line in render_html(report)


def test_terminal_never_cuts_outlet_names(seeds_dir):
    report = html_fixture_report.build_seed_report(seeds_dir)
    console = Console(file=io.StringIO(), width=100)
    print_summary(report, console)
    text = " ".join(console.file.getvalue().split())
    for outlet in {a.outlet for a in report.articles}:
        # the table may wrap a name over lines, never cut it
        assert all(word in text for word in outlet.split()), outlet


def _many_single_claims(report, n: int):
    story = report.stories[0]
    a = report.articles[-1]
    extra = tuple(Claim(id=f"x{i}", text=a.text[:20], status="single", support=(Span(a.id, 0, 20, a.text[:20]),), contradicted_by=())
                  for i in range(n))
    return replace(report, stories=(replace(story, claims=tuple(story.claims) + extra),))


def test_markdown_says_how_many_more_and_where(seeds_dir):
    report = _many_single_claims(html_fixture_report.build_seed_report(seeds_dir), LIMITS["claims"] + 14)
    text = render_markdown(report)
    singles = sum(1 for c in report.stories[0].claims if c.status == "single")
    assert f"**Reported by one outlet** ({singles})" in text
    assert f"… and {singles - LIMITS['claims']} more reported by one outlet claims" in text
    assert "report.html and report.json" in text


def test_ratings_shown_beside_the_profile_in_markdown_and_html(seeds_dir):
    report = html_fixture_report.build_seed_report(seeds_dir)
    story = report.stories[0]
    first = story.outlets[0]
    rated = replace(first, metrics={**first.metrics, "rating": {"rating": "Lean <Left>", "source": "Example Ratings"}})
    report = replace(report, stories=(replace(story, outlets=(rated,) + tuple(story.outlets[1:])),))
    md_text = render_markdown(report)
    assert "rating (third party)" in md_text and "Lean &lt;Left&gt; (source: Example Ratings)" in md_text
    html = render_html(report)
    assert "Rating (third party)" in html and "Lean &lt;Left&gt;" in html and "Example Ratings" in html
