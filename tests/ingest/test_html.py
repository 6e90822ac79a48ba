"""HTML pages through trafilatura: main text without the site's chrome, and the metadata."""

from __future__ import annotations

from newsprism.ingest import load_articles
from newsprism.ingest.html import fragment_to_text


def test_article_page_main_text_and_metadata(tmp_path, page_maker, stories):
    page = page_maker("Aleppo evacuation begins as rebels withdraw", stories["evacuation"])
    path = tmp_path / "ledger-aleppo.html"
    path.write_text(page, encoding="utf-8")
    result = load_articles([str(path)])
    assert result.skipped == []
    [article] = result.articles
    assert article.id == "ledger-aleppo"
    assert article.title == "Aleppo evacuation begins as rebels withdraw"
    assert article.published == "2016-12-15"
    assert article.site_name == "The Daily Ledger"
    assert article.outlet == "The Daily Ledger"
    assert article.author == "Hannah Weiss"
    for paragraph in stories["evacuation"]:
        assert paragraph in article.text
    for chrome in ("Subscribe now", "cookies", "Most read", "gardening", "All rights reserved", "Privacy policy"):
        assert chrome not in article.text
    # paragraphs are separated by a blank line, as in a plain-text article
    assert f"{stories['evacuation'][0]}\n\n{stories['evacuation'][1]}" in article.text


def test_page_with_no_article_text_is_skipped(tmp_path):
    path = tmp_path / "gallery.htm"
    path.write_text("<html><head><title>Gallery</title></head><body><nav><a href='/'>Home</a></nav>"
                    "<img src='a.jpg'><img src='b.jpg'></body></html>", encoding="utf-8")
    result = load_articles([str(path)])
    assert result.articles == []
    [skipped] = result.skipped
    assert skipped.code == "E109"
    assert skipped.input == str(path)
    assert "no article text" in skipped.reason and "--" in skipped.reason  # what is wrong -- what to do


def test_cp1252_page_without_declaration(tmp_path, page_maker, stories):
    paragraphs = stories["ceasefire"] + ["Le cessez-le-feu a \u00e9t\u00e9 rompu, selon l\u2019Observatoire syrien."]
    page = page_maker("Ceasefire collapses in Aleppo", paragraphs).replace('<meta charset="utf-8">', "")
    path = tmp_path / "ceasefire.html"
    path.write_bytes(page.encode("cp1252"))
    [article] = load_articles([str(path)]).articles
    assert "Le cessez-le-feu a \u00e9t\u00e9 rompu, selon l\u2019Observatoire syrien." in article.text


def test_fragment_to_text_keeps_paragraphs():
    fragment = "<p>Shelling resumed &amp; buses left empty.</p><p>Turkey blamed<br>the government.</p><script>x()</script>"
    assert fragment_to_text(fragment) == "Shelling resumed & buses left empty.\n\nTurkey blamed\n\nthe government."
