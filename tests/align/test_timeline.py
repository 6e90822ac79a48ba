"""The story timeline: dated events merged across articles, sorted by date."""

from __future__ import annotations

from newsprism.align.timeline import build_timeline
from newsprism.extract import analyze_article
from newsprism.model import Article, StoryContext


def story(nlp, articles):
    analyses = {a.id: analyze_article(a, nlp(a.text), only=("dates", "tokens")) for a in articles}
    return StoryContext("s1", tuple(articles), analyses)


def check_evidence(entries, articles):
    texts = {a.id: a.text for a in articles}
    for e in entries:
        assert e.evidence and {s.article_id for s in e.evidence} == set(e.article_ids)
        for s in e.evidence:
            assert texts[s.article_id][s.start:s.end] == s.text


def test_same_event_on_the_same_day_is_merged_across_outlets(nlp):
    articles = (
        Article("a", "A", "Government forces captured the old city on Monday, officials said. The offensive began on Nov. 15.", published="2016-12-13"),
        Article("b", "B", "The old city was captured by government forces on Monday. Talks in Geneva collapsed on Monday.", published="2016-12-14"),
        Article("c", "C", "Government forces captured the old city this week.", published=None),
    )
    entries = build_timeline(story(nlp, articles))
    check_evidence(entries, articles)
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    assert entries[0].date == "2016-11-15" and entries[0].article_ids == ("a",)
    captured = [e for e in entries if "captured" in e.text]
    assert len(captured) == 1 and captured[0].date == "2016-12-12" and set(captured[0].article_ids) == {"a", "b"}
    talks = [e for e in entries if "Geneva" in e.text]
    assert len(talks) == 1 and talks[0].article_ids == ("b",) and talks[0].date == "2016-12-12"
    assert all("c" not in e.article_ids for e in entries)  # undated relative words give no date


def test_duplicates_count_once_and_long_sentences_are_cut(nlp):
    long = ("After weeks of talks that went nowhere, and after the envoys of several countries had left the city, "
            "the two sides finally signed a ceasefire on Friday, according to the mediators, who said the deal "
            "would be tested in the coming days by hardliners on both sides of the front line.")
    articles = (
        Article("a", "A", long, published="2016-12-13"),
        Article("a2", "A copy", long, published="2016-12-13", duplicate_of="a"),
    )
    entries = build_timeline(story(nlp, articles))
    check_evidence(entries, articles)
    assert len(entries) == 1 and entries[0].article_ids == ("a",)
    assert entries[0].date == "2016-12-09"
    assert "on Friday" in entries[0].text and len(entries[0].text.split()) <= 30


def test_seed_004_timeline(nlp, seeds_dir):
    path = next(seeds_dir.glob("004_*.txt"))
    article = Article(path.stem, "004", path.read_text(encoding="utf-8").replace("\r\n", "\n"), published="2016-12-12")
    entries = build_timeline(story(nlp, [article]))
    check_evidence(entries, [article])
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    assert any(e.date == "2012-07-19" and "fighting broke out" in e.text for e in entries)
    assert any(e.date == "2016-12-12" and "Daesh militants launched" in e.text for e in entries)
    # page furniture dates nothing: the embedded posts ("… pic.twitter.com/… — Bassem (@BBassem7)
    # December 12, 2016") are no events, nor is the page's "date 2016-12-12" line
    assert not any("twitter.com" in e.text or "(@" in e.text or e.text.startswith("date ") for e in entries)
    assert not any("officially liberated" in e.text for e in entries)


def _timeline_of(nlp, text, published):
    """The timeline of one article, its evidence checked against the text."""
    article = Article("a", "A", text, published=published)
    entries = build_timeline(story(nlp, [article]))
    check_evidence(entries, [article])
    return entries


def test_an_embedded_post_and_a_credit_date_nothing(nlp):
    text = ("Rescue teams reached the flooded valley on Tuesday, officials said.\n\n"
            "Water everywhere in the valley tonight pic.twitter.com/AbC123 — Jane Roe (@janeroe) March 3, 2020\n\n"
            "Photo: rescue boats on the river on March 3, 2020 (Getty Images)\n")
    entries = _timeline_of(nlp, text, "2020-03-04")
    assert [e.text for e in entries] == ["Rescue teams reached the flooded valley on Tuesday, officials said."]


def test_a_dateline_is_no_event_and_prose_is_no_furniture(nlp):
    text = ("BEIRUT, Dec. 13 (Reuters) - Syrian troops captured the old city on Monday, a monitor said.\n\n"
            "Video released on Monday showed troops entering the old city.\n\n"
            "US - China talks resumed in Geneva on Monday.\n")
    entries = _timeline_of(nlp, text, "2016-12-13")
    assert {e.date for e in entries} == {"2016-12-12"}  # Monday; the dateline's Dec. 13 is when it was filed
    texts = [s.text for e in entries for s in e.evidence]
    assert "Syrian troops captured the old city on Monday, a monitor said." in texts  # the dateline cut off
    assert "Video released on Monday showed troops entering the old city." in texts
    assert "US - China talks resumed in Geneva on Monday." in texts
