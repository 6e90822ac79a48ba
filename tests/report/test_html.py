"""report.html: self-contained, strict CSP, every section the story has, exact offsets, hostile text inert."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

import html_fixture_report

from newsprism.model import Report, Story
from newsprism.report.html import json_for_script, render_html, safe_url, segment


@pytest.fixture(scope="module")
def seed_report(seeds_dir) -> Report:
    return html_fixture_report.build_seed_report(seeds_dir)


@pytest.fixture(scope="module")
def seed_html(seed_report) -> str:
    return render_html(seed_report)


class Page(HTMLParser):
    """Collects tags, attributes, inline script/style bodies and article-text runs."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.styles: list[str] = []
        self.runs: dict[str, list[tuple[int, int, str]]] = {}
        self.text_of: dict[str, str] = {}
        self._raw: tuple[str, dict] | None = None
        self._article: str | None = None
        self._run: tuple[int, int] | None = None
        self._buffer: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag in ("script", "style"):
            self._raw, self._buffer = (tag, a), []
        elif tag == "div" and "atext" in (a.get("class") or "").split():
            self._article = a["data-article"]
            self.runs[self._article] = []
            self.text_of[self._article] = ""
        elif self._article and tag == "span" and "data-s" in a:
            self._run, self._buffer = (int(a["data-s"]), int(a["data-e"])), []

    def handle_endtag(self, tag):
        if self._raw and tag == self._raw[0]:
            body = "".join(self._buffer)
            (self.scripts.append((self._raw[1], body)) if tag == "script" else self.styles.append(body))
            self._raw = None
        elif self._run and tag == "span":
            text = "".join(self._buffer)
            self.runs[self._article].append((*self._run, text))
            self.text_of[self._article] += text
            self._run = None
        elif self._article and tag == "div":
            self._article = None

    def handle_data(self, data):
        if self._raw or self._run:
            self._buffer.append(data)
        elif self._article and data:
            self.text_of[self._article] += data  # text outside a run would break offsets


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_page_is_self_contained_with_a_strict_csp(seed_html):
    page = Page(seed_html)
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp.startswith("default-src 'none'")
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    inline_js = [body for attrs, body in page.scripts if attrs.get("type") != "application/json"]
    assert len(inline_js) == 1 and _sha(inline_js[0]) in csp
    assert len(page.styles) == 1 and _sha(page.styles[0]) in csp
    for tag, attrs in page.tags:
        assert "style" not in attrs, f"inline style attribute on <{tag}> would be blocked by the CSP"
        assert not any(k.startswith("on") for k in attrs), f"event handler attribute on <{tag}>"
        for key in ("src", "srcset", "action", "poster", "data"):
            assert key not in attrs or tag == "object", (tag, attrs)
        if tag == "link":
            assert attrs["rel"] == "icon" and attrs["href"].startswith("data:")
        if tag == "a":
            href = attrs.get("href") or ""
            assert href.startswith("#") or href.startswith("https://") or href.startswith("http://"), href
            if href.startswith("http"):
                assert attrs.get("rel") == "noopener noreferrer"


def test_article_texts_are_rendered_whole_and_cut_at_every_cited_offset(seed_html, seed_report):
    page = Page(seed_html)
    assert set(page.text_of) == {a.id for a in seed_report.articles}
    for article in seed_report.articles:
        assert page.text_of[article.id] == article.text
        for s, e, text in page.runs[article.id]:
            assert article.text[s:e] == text
    starts = {aid: {s for s, _, _ in runs} for aid, runs in page.runs.items()}
    ends = {aid: {e for _, e, _ in runs} for aid, runs in page.runs.items()}
    buttons = [a for t, a in page.tags if t == "button" and "cite" in (a.get("class") or "")]
    assert len(buttons) > 40
    for b in buttons:
        aid, s, e = b["data-article"], int(b["data-start"]), int(b["data-end"])
        assert s in starts[aid] and e in ends[aid], b


def test_every_section_is_rendered_with_its_content(seed_html, seed_report):
    story = seed_report.stories[0]
    for heading in ("Neutral summary", "Articles side by side", "Claims: who reports what", "Figures", "Quotes by speaker",
                    "Framing: the words each outlet uses", "Outlet profiles", "Timeline", "Entities", "Skipped inputs (2)"):
        assert heading in seed_html
    for item in list(story.summary) + list(story.claims):
        assert item.text in seed_html
    assert seed_html.count('<td class="v-omits" data-col=') > 0 and seed_html.count('<td class="v-contradicts" data-col=') == 1
    # an outlet where no sentence matched a claim is "not found", never said to leave it out
    assert ">not found<" in seed_html and ">omits<" not in seed_html
    assert "DIFFERS" in seed_html.upper() and 'class="odd"' in seed_html  # 79 against three outlets' 82
    # three profile charts, the source-kind chart and the timeline; the rest are colour swatches
    assert seed_html.count("<svg") - seed_html.count('<svg class="swatch"') == 5
    assert "HTTP 404 Not Found" in seed_html


def test_quotes_are_grouped_by_speaker_with_every_outlet_that_carries_them(seed_html):
    quotes = seed_html.split('<section class="quotes"', 1)[1]
    colville = quotes.split("Rupert Colville <span", 1)[1].split("</section>", 1)[0]
    assert "quoted by Opinion blog, Pro-government outlet, Slate, Wire report" in colville
    # q2 and q8 are linked by also_in: one entry, carried by two outlets
    entry = colville.split("<li>", 2)[1]
    assert entry.count('class="cite"') == 2


def test_absent_sections_are_absent_and_empty_ones_say_so(seed_report):
    story = seed_report.stories[0]
    bare = replace(story, claims=None, figures=None, quotes=None, framing=None, outlets=None, timeline=None, summary=None, entities=())
    html = render_html(replace(seed_report, stories=(bare,), skipped=()))
    for absent in ("Neutral summary", "Claims", "Figures", "Quotes by speaker", "Framing", "Outlet profiles", "Timeline", "Skipped inputs"):
        assert absent not in html
    assert "No entities found in these articles." in html
    assert "Articles side by side" in html


def test_embedded_json_is_escaped_and_round_trips(seed_report):
    hostile = html_fixture_report.build_hostile_report()
    html = render_html(hostile)
    page = Page(html)
    blob = next(body for attrs, body in page.scripts if attrs.get("type") == "application/json")
    assert "<" not in blob and ">" not in blob and "&" not in blob and "\u2028" not in blob and "\u2029" not in blob
    data = json.loads(blob)
    for article in hostile.articles:
        assert data["articles"][article.id]["text"] == article.text
    assert json_for_script({"a": "</script>\u2028"}) == '{"a":"\\u003c/script\\u003e\\u2028"}'


def test_hostile_article_renders_as_text(seed_report):
    hostile = html_fixture_report.build_hostile_report()
    html = render_html(hostile)
    page = Page(html)
    assert [t for t, _ in page.tags].count("script") == 2  # the data block and our own script
    assert not any(t in ("img", "svg", "iframe", "object", "embed", "textarea") and "onerror" in str(a) for t, a in page.tags)
    assert "<img" not in html and "<b onmouseover" not in html and "<svg onload" not in html
    for tag, attrs in page.tags:
        assert not any(k.startswith("on") for k in attrs)
        assert not (attrs.get("href") or "").lower().startswith("javascript:")
    assert "javascript:window.__pwned=&#39;url&#39;" in html  # the URL is shown, as text
    assert page.text_of[hostile.articles[0].id] == hostile.articles[0].text


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a?b=1", "https://example.org/a?b=1"),
    ("http://example.org", "http://example.org"),
    ("javascript:alert(1)", None),
    (" JaVaScRiPt:alert(1)", None),
    ("data:text/html,<b>x</b>", None),
    ("https://example.org/\"onmouseover=alert(1)", None),
    ("//example.org", None),
    (None, None),
])
def test_only_plain_http_urls_become_links(url, expected):
    assert safe_url(url) == expected


def test_segment_cuts_overlapping_marks_into_flat_runs():
    text = "Rebels said the city had fallen."
    runs = segment(text, [(0, 6), (12, 31)], [(0, 11, "q"), (7, 11, "ld"), (100, 120, "q")])
    assert "".join(r.text for r in runs) == text
    assert [(r.start, r.end, r.classes) for r in runs] == [
        (0, 6, "q"), (6, 7, "q"), (7, 11, "ld q"), (11, 12, ""), (12, 31, ""), (31, 32, "")]


def test_offsets_count_code_points_like_python(seed_report):
    # article 004 opens with flag emoji (two astral code points): runs must slice by code point
    article = seed_report.article("004_9903f25920507770")
    assert any(ord(ch) > 0xFFFF for ch in article.text)
    page = Page(render_html(seed_report))
    assert page.text_of[article.id] == article.text


def test_several_stories_share_one_page_with_a_story_list(seed_report):
    story = seed_report.stories[0]
    second = Story("s2", "A second story", ("003_fa7155357702da57",))
    first = replace(story, article_ids=tuple(a for a in story.article_ids if a != "003_fa7155357702da57"))
    html = render_html(replace(seed_report, stories=(first, second)))
    assert 'href="#story-s1"' in html and 'href="#story-s2"' in html
    assert "<h1>2 stories</h1>" in html
    assert html.count('class="story"') == 2


def test_a_section_from_a_newer_stage_is_shown_generically(seed_report):
    from newsprism.report.html import render_report_dict
    from newsprism.report.markdown import render_markdown_dict

    data = seed_report.to_dict()
    article = seed_report.articles[0]
    start = article.text.index("rebel groups")
    data["stories"][0]["stances"] = [{"name": "the <armed> opposition", "kind": "actor",
                                      "mentions": [{"article_id": article.id, "start": start, "end": start + 12, "text": "rebel groups"}]}]
    html = render_report_dict(data)
    section = html.split('<section class="extra"', 1)[1].split("</section>", 1)[0]
    assert "Stances" in section and "the &lt;armed&gt; opposition" in section
    assert f'data-article="{article.id}" data-start="{start}" data-end="{start + 12}"' in section
    # the cited span is an anchor in the article text, so the citation can highlight it
    assert f'data-s="{start}" data-e="{start + 12}"' in html
    md_text = render_markdown_dict(data)
    assert "### Stances" in md_text and "the &lt;armed&gt; opposition" in md_text and article.outlet in md_text.split("### Stances")[1]


def test_referents_list_each_outlets_words_with_citations_and_leave_out_attribution(seed_report):
    from newsprism.report.html import render_report_dict
    from newsprism.report.markdown import render_markdown_dict

    data = seed_report.to_dict()
    one, two = seed_report.articles[0], seed_report.articles[1]
    a, b = one.text.index("rebel groups"), two.text.index("rebels")
    said = one.text.index(" said") + 1
    data["stories"][0]["referents"] = [
        {"id": "s1/r1", "label": "the <armed> opposition", "kind": "entity", "entity_id": None, "evidence": ["head", "meaning"],
         "mentions": [{"article_id": one.id, "start": a, "end": a + 12, "text": "rebel groups"},
                      {"article_id": two.id, "start": b, "end": b + 6, "text": "rebels"}]},
        {"id": "s1/r2", "label": "said", "kind": "event", "entity_id": None, "evidence": ["head"],
         "mentions": [{"article_id": one.id, "start": said, "end": said + 4, "text": "said"}]}]
    html = render_report_dict(data)
    section = html.split('<section class="referents"', 1)[1].split("</section>", 1)[0]
    assert "the &lt;armed&gt; opposition" in section and "<armed>" not in section
    assert f'data-article="{one.id}" data-start="{a}" data-end="{a + 12}"' in section
    assert f'data-article="{two.id}" data-start="{b}" data-end="{b + 6}"' in section
    assert "rebel groups" in section and "rebels" in section and "joined by: head, meaning" in section
    assert f'data-start="{said}"' not in section  # the act of reporting is no referent of the story
    # each cited span is an anchor in the article text, so the citation can highlight it
    assert f'data-s="{b}" data-e="{b + 6}"' in html
    md_text = render_markdown_dict(data).split("### Who and what across outlets", 1)[1].split("###", 1)[0]
    assert "the &lt;armed&gt; opposition" in md_text and "2 outlets" in md_text and "said" not in md_text


def test_timeline_axis_breaks_long_gaps_so_the_story_days_spread_out():
    from datetime import date

    from newsprism.report.html_view import timeline_chart

    when = [date(2011, 3, 15), date(2016, 12, 12), date(2016, 12, 13), date(2016, 12, 15)]
    chart = timeline_chart([{"when": d, "date": d.isoformat(), "labels": ["A"]} for d in when])
    assert len(chart["breaks"]) == 1
    xs = [p["x"] for p in chart["points"]]
    assert xs == sorted(xs) and xs[-1] - xs[1] > 300  # the story's own days use most of the width
    assert chart["points"][0]["x"] < chart["breaks"][0] < chart["points"][1]["x"]


def test_an_outlet_that_tells_a_claim_otherwise_may_differ_in_the_claims_table():
    # three outlets report the vote; one gives another sum for the bill: its cell says "may
    # differ" and cites its own words, not "not found"
    from newsprism.model import Article, Options
    from newsprism.pipeline import analyze_articles

    articles = (
        Article("a", "A", "The Senate voted on Tuesday to advance a nearly $1 trillion infrastructure plan backed by the president."),
        Article("b", "B", "The Senate voted on Tuesday to advance the $1.2 trillion infrastructure package backed by the president."),
        Article("c", "C", "On Tuesday the Senate voted to advance a nearly $1 trillion infrastructure plan the president backs."),
    )
    html = render_html(Report("test", articles, (), tuple(analyze_articles(articles, Options()))))
    table = html.split('<table class="matrix">', 1)[1].split("</table>", 1)[0]
    assert '<td class="v-maybe" data-col="1"><span class="verdict">may differ</span>' in table
    assert 'data-article="b"' in table.split('class="v-maybe"', 1)[1].split("</td>", 1)[0]
