"""Plain-text articles: the seeds, titles, datelines; the text is the file with \r\n -> \n only."""

from __future__ import annotations

from newsprism.ingest import load_articles
from newsprism.ingest.text import find_published, find_title, parse_text

SEED_IDS = [
    "000_f1b6a418e25c13d0",
    "001_cb9f1f31c9d981d9",
    "002_3f25034ae387d3ff",
    "003_fa7155357702da57",
    "004_9903f25920507770",
]


def test_seeds_load_as_five_articles_with_titles_and_date(seeds_dir):
    result = load_articles([str(seeds_dir)])
    assert result.skipped == []
    by_id = {a.id: a for a in result.articles}
    assert list(by_id) == SEED_IDS
    assert by_id["002_3f25034ae387d3ff"].title == "Massacres And Bloodshed Mark Latest Assad/Russian Victory In Syria"
    # "The Slatest" is the section label above the headline
    assert by_id["003_fa7155357702da57"].title == "The Battle for Aleppo Has Entered Its Bloody End Stage"
    assert by_id["004_9903f25920507770"].published == "2016-12-12"
    assert by_id["000_f1b6a418e25c13d0"].title is None  # it opens with a paragraph, not a headline
    for article in result.articles:
        raw = (seeds_dir / f"{article.id}.txt").read_text(encoding="utf-8")
        assert article.text == raw.replace("\r\n", "\n")  # offsets point into the file's own text
        assert article.outlet == article.id  # no metadata, no map: the stem
        assert article.source.endswith(f"{article.id}.txt")
        assert len(article.fingerprint) == 32


def test_text_keeps_everything_but_crlf(tmp_path):
    raw = "Aleppo Evacuation Stalls\r\n\r\n  Buses waited at the crossing.\r\nNone left.\t\n\n\n"
    path = tmp_path / "stall.txt"
    path.write_bytes(raw.encode("utf-8"))
    [article] = load_articles([str(path)]).articles
    assert article.text == "Aleppo Evacuation Stalls\n\n  Buses waited at the crossing.\nNone left.\t\n\n\n"
    assert article.title == "Aleppo Evacuation Stalls"
    assert article.text[article.text.index("Buses"):].startswith("Buses waited")


def test_headline_needs_a_blank_line_and_no_final_period():
    assert find_title("Aleppo falls to government forces\n\nThe city fell on Tuesday.") == "Aleppo falls to government forces"
    assert find_title("Aleppo falls to government forces\nThe city fell on Tuesday.") is None
    assert find_title("The city fell on Tuesday.\n\nMore text.") is None
    assert find_title("By Hannah Weiss\n\nThe city fell on Tuesday.") is None
    assert find_title("Is this the end for Aleppo's rebels?\n\nThe city fell.") == "Is this the end for Aleppo's rebels?"
    long_line = " ".join(["word"] * 40)
    assert find_title(f"{long_line}\n\nBody.") is None


def test_dateline_forms():
    assert find_published(" date 2016-12-12 Aleppo has been officially liberated.") == "2016-12-12"
    assert find_published("Aleppo falls\n\nDate: December 13, 2016\n\nBody.") == "2016-12-13"
    assert find_published("Aleppo falls\n\nTuesday, 13 December 2016 10:32 GMT\n\nBody.") == "2016-12-13"
    assert find_published("ALEPPO, Syria, Dec. 13, 2016 (Reuters) - The army said ...") == "2016-12-13"
    # published wins over updated, whatever the order
    assert find_published("Updated: 2016-12-14\nPublished on Dec 13, 2016\n\nBody.") == "2016-12-13"
    # no year, no guess; a date deep in the body is not a dateline
    assert find_published("ALEPPO, Dec. 13 (Reuters) - The army said ...") is None
    body = "\n\n".join(["A paragraph about the war."] * 12 + ["Date: 2016-12-13"])
    assert find_published(body) is None
    assert find_published("date 2016-02-31 impossible day") is None


def test_date_line_above_the_headline_does_not_hide_it():
    fields = parse_text("date 2016-12-12\n\nAleppo Is Liberated\n\nThe Syrian army took the last districts.")
    assert fields.title == "Aleppo Is Liberated"
    assert fields.published == "2016-12-12"
