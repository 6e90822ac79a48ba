"""Who said what is grouped by the speaker's resolved referent in every format (seeds)."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from newsprism.report.html import render_html
from newsprism.report.markdown import render_markdown
from newsprism.report.speakers import speaker_groups
from newsprism.report.terminal import print_summary

# one person, two spellings in the outlets, joined by the entity merge: one heading each
ONE_PERSON = (("Sergei Lavrov", "Sergey Lavrov"), ("Zeid Ra’ad al-Hussein", "Zeid Ra’ad Al Hussein"),
              ("Bashar al-Assad", "Bashar Al-Assad"))


@pytest.fixture(scope="module")
def story(seeds_report):
    return seeds_report.to_dict()["stories"][0]


def _heading_of(groups, words: str) -> list[str]:
    return [g["name"] for g in groups if any((q.get("speaker") or {}).get("text") == words for q in g["quotes"])]


def test_report_json_names_one_speaker_one_way(story):
    quotes = story["quotes"]
    for spellings in ONE_PERSON:
        speakers = [q["speaker"] for q in quotes if q.get("speaker") and q["speaker"]["name"] in spellings]
        assert speakers, spellings
        assert len({s["name"] for s in speakers}) == 1, speakers
        assert len({s["entity_id"] for s in speakers}) == 1 and speakers[0]["entity_id"]
    # the article's own words stay in ``text``
    lavrov = {q["speaker"]["text"] for q in quotes if q.get("speaker") and "Lavrov" in q["speaker"]["name"]}
    assert lavrov == {"Sergei Lavrov", "Sergey Lavrov"}


def test_a_description_is_the_person_the_article_names_and_not_the_country(story):
    """'Russia’s envoy' (000) is Vitaly Churkin, never Russia; a description tied to nobody stays."""
    groups = speaker_groups(story["quotes"])
    assert _heading_of(groups, "Russia’s envoy") == ["Vitaly Churkin"]
    churkin = next(g for g in groups if g["name"] == "Vitaly Churkin")
    assert "Russia’s envoy" in churkin["named_as"]
    assert _heading_of(groups, "former UK ambassador to Syria") == ["former UK ambassador to Syria"]
    assert not [g for g in groups if g["name"] in ("Russia", "Syria", "United Kingdom", "UK")]


def test_speakers_are_people_or_bodies_in_the_seeds(story):
    names = {g["name"] for g in speaker_groups(story["quotes"])}
    assert "Moscow" not in names  # "Moscow ... denied these allegations": not Moscow's words
    assert not {n for n in names if n.casefold() in ("reports", "unverified reports")}


def test_markdown_has_one_heading_per_person(seeds_report):
    section = render_markdown(seeds_report).split("### Who said what", 1)[1].split("\n### ", 1)[0]
    headings = re.findall(r"^- \*\*(.+?)\*\*", section, flags=re.MULTILINE)
    for spellings in ONE_PERSON:
        assert sum(h in spellings for h in headings) == 1, (spellings, headings)
    assert headings[-1] == "Unattributed"
    assert "“Russia’s envoy”" in section.split("**Vitaly Churkin**", 1)[1].split("\n- **", 1)[0]


def test_html_has_one_heading_per_person(seeds_report):
    page = render_html(seeds_report)
    quotes = page.split('<section class="quotes"', 1)[1].split("</section>\n</section>", 1)[0]
    headings = re.findall(r"<h\d>([^<]+?) <span class=\"muted small\">quoted by", quotes)
    for spellings in ONE_PERSON:
        assert sum(h in spellings for h in headings) == 1, (spellings, headings)
    assert "Named in the articles as" in quotes and "“Russia’s envoy”" in quotes


def test_terminal_lists_who_said_what_grouped(seeds_report):
    out = io.StringIO()
    print_summary(seeds_report, Console(file=out, width=200, color_system=None))
    text = out.getvalue()
    block = text.split("Who said what in", 1)[1]
    assert "Vitaly Churkin: 5 quotes" in block and "Russia’s envoy" in block
    assert sum(block.count(f"• {s}:") for s in ("Sergei Lavrov", "Sergey Lavrov")) == 1
