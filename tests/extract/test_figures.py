"""Figures on the seed articles and on hand-written sentences, one per form."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.extract.figures import extract_figures
from newsprism.model import Article


def read_seed(seeds_dir: Path, prefix: str) -> Article:
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    return Article(path.stem, prefix, text)


def figures_of(nlp, text: str, article_id: str = "a"):
    article = Article(article_id, "test", text)
    found = extract_figures(nlp(text), article, {})
    for f in found:
        assert text[f.start:f.end] == f.text
    return found


@pytest.fixture(scope="module")
def seed_figures(nlp, seeds_dir):
    out = {}
    for prefix in ("000", "001", "002", "003", "004"):
        article = read_seed(seeds_dir, prefix)
        figs = extract_figures(nlp(article.text), article, {})
        for f in figs:
            assert article.text[f.start:f.end] == f.text
        out[prefix] = figs
    return out


def one(figs, text):
    hits = [f for f in figs if f.text == text]
    assert len(hits) == 1, [f.text for f in figs]
    return hits[0]


def test_seed_003_reports_at_least_82_civilians_executed_including_13_children(seed_figures):
    figs = seed_figures["003"]
    f82 = one(figs, "at least 82")
    assert (f82.value, f82.qualifier, f82.head, f82.event) == (82, "at least", "civilian", "execute")
    assert f82.what == "civilians executed"
    f13 = one(figs, "13")
    assert (f13.value, f13.head, f13.event) == (13, "child", "execute")
    killed = one(figs, "1,134")
    assert (killed.head, killed.event, killed.what) == ("people", "kill", "people killed")
    assert one(figs, "98 percent").unit == "%"
    assert one(figs, "More than 100,000").event == "displace"


def test_seed_000_writes_its_figures_in_words(seed_figures):
    figs = seed_figures["000"]
    f82 = one(figs, "at least eighty-two")
    assert (f82.value, f82.qualifier, f82.head) == (82, "at least", "civilian")
    assert one(figs, "thirteen").head == "child"
    assert one(figs, "eleven").head == "woman"
    assert all(f.value != 2011 for f in figs)  # "since 2011" is a year
    assert all(f.head != "year" for f in figs)  # "the four years of fighting" is a duration


def test_seed_002_reports_79_people_executed(seed_figures):
    f79 = one(seed_figures["002"], "79")
    assert (f79.value, f79.head, f79.event, f79.qualifier) == (79, "people", "execute", None)
    f6000 = one(seed_figures["002"], "as many as 6,000")
    assert (f6000.qualifier, f6000.event) == ("up to", "round up")
    assert all(f.value != 4 for f in seed_figures["002"])  # "4 am" is a time


def test_seed_001_range_and_rebel_fighters(seed_figures):
    figs = seed_figures["001"]
    trapped = one(figs, "estimated 50,000 to 100,000")
    assert (trapped.value, trapped.value_max, trapped.qualifier, trapped.head, trapped.event) == (50_000, 100_000, "estimated", "people", "trap")
    fighters = one(figs, "around 1,500")
    assert (fighters.value, fighters.qualifier, fighters.what) == (1500, "around", "rebel fighters")
    assert one(figs, "at least 82").event == "kill"


def test_seed_004_skips_dates_urls_and_durations(seed_figures):
    figs = seed_figures["004"]
    texts = [f.text for f in figs]
    assert "hundreds" in texts and "approximately 10,000 to 13,000" in texts and "some 4,000" in texts
    rebels = one(figs, "hundreds")
    assert (rebels.value, rebels.value_max, rebels.head, rebels.event) == (200, 999, "rebel", "lay down")
    militants = one(figs, "some 4,000")
    assert (militants.qualifier, militants.head, militants.modifiers) == ("around", "militant", ("daesh",))
    refugees = one(figs, "around 130,000")  # "up to" here is the verb's particle, not a qualifier
    assert (refugees.qualifier, refugees.head) == ("around", "refugee")
    for f in figs:  # nothing from "2016-12-12", "December 12, 2016", "July 19, 2012", "24 hours", URLs
        assert f.value not in (2016, 12, 19, 2012, 24)


@pytest.mark.parametrize(
    "sentence, text, value, value_max, qualifier, unit, head, event",
    [
        ("Dozens of protesters were arrested on the bridge.", "Dozens", 24, 99, None, None, "protester", "arrest"),
        ("Tens of thousands of people fled the city.", "Tens of thousands", 20_000, 99_999, None, None, "people", "flee"),
        ("Hundreds of rebels surrendered to the army.", "Hundreds", 200, 999, None, None, "rebel", "surrender"),
        ("More than 300 people were killed in the attack.", "More than 300", 300, None, "more than", None, "people", "kill"),
        ("Up to 200 families were displaced by the floods.", "Up to 200", 200, None, "up to", None, "family", "displace"),
        ("Nearly two million refugees have crossed the border.", "Nearly two million", 2_000_000, None, "nearly", None, "refugee", "cross"),
        ("About 1.5 million voters stayed at home.", "About 1.5 million", 1_500_000, None, "around", None, "voter", "stay"),
        ("Unemployment rose to 7.5 percent last year.", "7.5 percent", 7.5, None, None, "%", "unemployment", ""),
        ("Turnout reached 64% in the capital.", "64%", 64, None, None, "%", "turnout", ""),
        ("Police said at least 12 officers were injured.", "at least 12", 12, None, "at least", None, "officer", "injure"),
        ("The company will cut some 2,400 jobs.", "some 2,400", 2400, None, "around", None, "job", "cut"),
        ("Between 40 and 60 soldiers were captured.", "40 and 60", 40, 60, None, None, "soldier", "capture"),
        ("Two hundred and fifty pilgrims were rescued.", "Two hundred and fifty", 250, None, None, None, "pilgrim", "rescue"),
        ("The storm destroyed twenty-three houses.", "twenty-three", 23, None, None, None, "house", "destroy"),
        # a qualifier before the currency sign qualifies the amount
        ("The Senate voted on a nearly $1 trillion spending plan.", "nearly $1 trillion", 1e12, None, "nearly", "USD", "plan", ""),
    ],
)
def test_figure_forms(nlp, sentence, text, value, value_max, qualifier, unit, head, event):
    f = one(figures_of(nlp, sentence), text)
    assert (f.value, f.value_max, f.qualifier, f.unit, f.head, f.event) == (value, value_max, qualifier, unit, head, event)


def test_what_is_taken_from_the_parse(nlp):
    f = one(figures_of(nlp, "Officials said 40 rebel fighters were killed near the border."), "40")
    assert f.what == "rebel fighters killed" and f.modifiers == ("rebel",)
    f = one(figures_of(nlp, "Some 300 of them are foreign fighters."), "Some 300")
    assert f.what == "foreign fighters"
    f = one(figures_of(nlp, "The attack brought the death toll to 57."), "57")
    assert f.head == "toll" and "death toll" in f.what


@pytest.mark.parametrize(
    "sentence",
    [
        "The meeting starts at 10:30 on May 5, 2019.",
        "Call the hotline on 555-123-4567 for help.",
        "Read more at https://example.com/2019/12/story-42 and www.news.org/item/77.",
        "He finished 2nd in the race and moved to Paris in 1999.",
        "The 12-year-old boy had lived there for 34 years.",
        "One of the officials said the talks would resume at 4 pm.",
        "Resolution 2254 was adopted on Dec. 18, 2015.",
        "The fighting ended Thursday at 4 am after 24 hours of shelling.",
    ],
)
def test_not_figures(nlp, sentence):
    assert figures_of(nlp, sentence) == ()
