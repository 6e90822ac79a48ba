"""Date mentions: explicit and relative forms, fixed against the publication date."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.extract.dates import extract_dates
from newsprism.model import Article

PUBLISHED = "2016-12-13"  # a Tuesday


def dates_of(nlp, text: str, published: str | None = PUBLISHED):
    article = Article("a", "test", text, published=published)
    found = extract_dates(nlp(text), article, {})
    for d in found:
        assert text[d.start:d.end] == d.text
        assert d.sentence is not None and d.sentence.start <= d.start and d.end <= d.sentence.end
    return found


def read_seed(seeds_dir: Path, prefix: str, published: str | None) -> Article:
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    return Article(path.stem, prefix, path.read_text(encoding="utf-8").replace("\r\n", "\n"), published=published)


@pytest.mark.parametrize(
    "sentence, text, date, precision, relation",
    [
        ("The government claimed victory on Tuesday.", "on Tuesday", "2016-12-13", "day", ""),
        ("Troops advanced on Monday.", "on Monday", "2016-12-12", "day", ""),
        ("Fighting would cease Tuesday evening.", "Tuesday evening", "2016-12-13", "day", ""),
        ("Militants attacked Palmyra on Monday morning.", "on Monday morning", "2016-12-12", "day", ""),
        ("The truce broke down during Wednesday's fighting.", "Wednesday", "2016-12-07", "day", ""),
        ("At least 1,134 people have been killed since Nov. 15.", "since Nov. 15", "2016-11-15", "day", "since"),
        ("The ministers met last week.", "last week", "2016-12-05", "week", ""),
        ("The envoy arrived yesterday.", "yesterday", "2016-12-12", "day", ""),
        ("The talks will resume on Friday.", "on Friday", "2016-12-16", "day", ""),
        ("The siege began three weeks ago.", "three weeks ago", "2016-11-21", "week", ""),
        ("The offensive began in late September.", "late September", "2016-09", "month", ""),
        ("The battle began on July 19, 2012.", "on July 19, 2012", "2012-07-19", "day", ""),
        ("The report was dated 12 December 2016.", "12 December 2016", "2016-12-12", "day", ""),
        ("The war has been raging since 2011.", "since 2011", "2011", "year", "since"),
        ("Residents celebrated in the streets tonight.", "tonight", "2016-12-13", "day", ""),
    ],
)
def test_date_forms(nlp, sentence, text, date, precision, relation):
    found = dates_of(nlp, sentence)
    assert [(d.text, d.date, d.precision, d.relation) for d in found] == [(text, date, precision, relation)]


def test_relative_dates_without_publication_date_stay_unresolved(nlp):
    found = dates_of(nlp, "The army claimed victory on Tuesday, a week after the talks of Dec. 6, 2016.", None)
    assert [(d.text, d.date) for d in found] == [("on Tuesday", None), ("Dec. 6, 2016", "2016-12-06")]


def test_a_month_day_read_early_in_a_year_is_last_year(nlp):
    found = dates_of(nlp, "Prices have risen since Dec. 20.", "2017-01-05")
    assert [d.date for d in found] == ["2016-12-20"]


def test_no_dates_in_addresses_or_counts(nlp):
    text = "See pic.twitter.com/2016x12 and @user2011 for the video; 2000 people marched."
    assert dates_of(nlp, text) == ()


def test_seed_003_dates_against_its_day(nlp, seeds_dir):
    article = read_seed(seeds_dir, "003", "2016-12-13")
    found = extract_dates(nlp(article.text), article, {})
    by_text = {d.text: d for d in found}
    assert by_text["on Monday"].date == "2016-12-12"
    assert by_text["since Nov. 15"].date == "2016-11-15" and by_text["since Nov. 15"].relation == "since"
    sentence = by_text["on Monday"].sentence
    assert "at least 82 civilians" in article.text[sentence.start:sentence.end]


def test_seed_004_dated_by_its_date_line(nlp, seeds_dir):
    article = read_seed(seeds_dir, "004", "2016-12-12")
    found = extract_dates(nlp(article.text), article, {})
    texts = [(d.text, d.date) for d in found]
    assert ("on Monday morning", "2016-12-12") in texts
    assert ("on July 19, 2012", "2012-07-19") in texts
    assert ("2016-12-12", "2016-12-12") in texts
    for d in found:
        assert article.text[d.start:d.end] == d.text
        assert "pic.twitter" not in d.text


def test_windowed_date_search_finds_exactly_what_the_pattern_finds():
    """``date_matches`` tries the pattern only where a window allows: same matches, same groups."""
    import random

    from newsprism.extract.date_rules import DATE_PATTERN, date_matches

    frags = ["since", "as of", "the day before yesterday", "Yesterday", "last night", "Last", "week", "weekend", "3",
             "12th", "of", "December", "Dec.", "Sept", "2016", "1990s", "three", "eighty-two", "days", "ago", "early",
             "mid-", "Monday", "morning", "this", "next", "past", "years", "$", "2000", "people", "the", ",", ".", "-",
             "\n", "May", "Mayor", "Chicago", "Tonight", "on", "In", "during", "2016-12-12", "31", "45", "months",
             "decades", "é", "\u017f", "(", "—", "protests", "old", "%", "Jan", "Thursday"]
    rng = random.Random(13)
    for _ in range(3000):
        text = "".join(rng.choice(frags) + rng.choice(["", " ", "  ", "\n", ", "]) for _ in range(rng.randint(1, 14)))
        expected = [(m.span(), m.groupdict()) for m in DATE_PATTERN.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in date_matches(text)] == expected, text
