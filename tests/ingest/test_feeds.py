"""RSS 2.0 and Atom feeds (files and URLs) whose entries point at pages on a local server."""

from __future__ import annotations

import pytest

from newsprism.errors import MalformedRecord
from newsprism.ingest import load_articles

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
  <title>Daily Ledger: World</title>
  <link>{base}/world</link>
  <description>World news from the Daily Ledger</description>
  <item>
    <title>Aleppo evacuation begins as rebels withdraw</title>
    <link>{base}/world/2016/12/15/aleppo-evacuation</link>
    <pubDate>Thu, 15 Dec 2016 09:30:00 GMT</pubDate>
    <description>The first convoy of buses left eastern Aleppo.</description>
  </item>
  <item>
    <title>Ceasefire collapses in Aleppo</title>
    <link>{base}/world/2016/12/14/ceasefire-collapses</link>
    <pubDate>Wed, 14 Dec 2016 11:00:00 GMT</pubDate>
    <description>&lt;p&gt;Shelling resumed over the last rebel-held districts on Wednesday, delaying the evacuation of thousands of civilians.&lt;/p&gt;&lt;p&gt;Turkey blamed the Syrian government.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Photo gallery: the old city</title>
    <link>{base}/world/gallery-gone</link>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Levant Monitor</title>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2016-12-15T12:00:00Z</updated>
  <entry>
    <title>Aleppo evacuation begins</title>
    <link href="{base}/levant/aleppo-evacuation"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <published>2016-12-15T10:00:00Z</published>
    <updated>2016-12-15T11:00:00Z</updated>
    <summary>Buses left eastern Aleppo.</summary>
  </entry>
</feed>
"""


def _serve_pages(site, page_maker, stories):
    site.add("/world/2016/12/15/aleppo-evacuation", page_maker("Aleppo evacuation begins as rebels withdraw", stories["evacuation"]))
    # the ceasefire page fails: the entry's own summary stands in (and the article says so)
    site.add("/world/2016/12/14/ceasefire-collapses", "<h1>Server error</h1>", status=500)
    site.add("/levant/aleppo-evacuation", page_maker("Evacuation under way in Aleppo", stories["evacuation"], site="Levant Monitor"))


def test_rss_file_entries_fetched_with_summary_fallback(tmp_path, site, page_maker, stories):
    _serve_pages(site, page_maker, stories)
    feed = tmp_path / "ledger.rss"
    feed.write_text(RSS.format(base=site.base), encoding="utf-8")
    result = load_articles([str(feed)])
    by_title = {a.title: a for a in result.articles}
    assert set(by_title) == {"Aleppo evacuation begins as rebels withdraw", "Ceasefire collapses in Aleppo"}

    fetched = by_title["Aleppo evacuation begins as rebels withdraw"]
    assert fetched.text.startswith("Aleppo evacuation begins as rebels withdraw\n\nThe first convoy")
    assert "Most read" not in fetched.text
    assert fetched.published == "2016-12-15T09:30:00Z"  # the feed's date
    assert fetched.url == site.url("/world/2016/12/15/aleppo-evacuation")
    assert fetched.id == "127.0.0.1-world-2016-12-15-aleppo-evacuation"
    assert fetched.outlet == "The Daily Ledger"  # the page's site name
    assert fetched.note is None

    fallback = by_title["Ceasefire collapses in Aleppo"]
    assert fallback.text == ("Shelling resumed over the last rebel-held districts on Wednesday, delaying the evacuation "
                             "of thousands of civilians.\n\nTurkey blamed the Syrian government.")
    assert "summary" in fallback.note and "HTTP 500" in fallback.note
    assert fallback.outlet == "Daily Ledger: World"  # the feed's title, as the page could not be read
    assert any("HTTP 500" in note for note in result.notes)

    # the gallery has neither a page nor text of its own: skipped, with both reasons
    [skipped] = result.skipped
    # named by its link, its feed and its entry number (issue 15: not the link alone)
    assert skipped.input == f"{site.url('/world/gallery-gone')} ({feed}, entry 3)"
    assert "404" in skipped.reason and "no text of its own" in skipped.reason


def test_atom_feed_url(site, page_maker, stories):
    _serve_pages(site, page_maker, stories)
    feed_url = site.add("/levant.atom", ATOM.format(base=site.base), content_type="application/atom+xml")
    result = load_articles([feed_url])
    assert result.skipped == []
    [article] = result.articles
    assert article.title == "Aleppo evacuation begins"  # the feed's headline
    assert article.published == "2016-12-15T10:00:00Z"
    assert article.outlet == "Levant Monitor"
    assert stories["evacuation"][2] in article.text
    assert article.source == site.url("/levant/aleppo-evacuation")


def test_xml_that_is_not_a_feed_is_skipped(tmp_path):
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>https://example.org/a</loc></url></urlset>', encoding="utf-8")
    result = load_articles([str(path)])
    assert result.articles == []
    assert result.skipped[0].code == "E105" and "not an RSS or Atom feed" in result.skipped[0].reason


def test_feed_without_entries_is_skipped(tmp_path):
    path = tmp_path / "empty.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>', encoding="utf-8")
    [skipped] = load_articles([str(path)]).skipped
    assert skipped.code == "E102" and "no entries" in skipped.reason


BOMB = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
        b'<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>'
        b'<rss version="2.0"><channel><title>&e;</title><item><title>&e;</title>'
        b"<description>&e;</description></item></channel></rss>")


def test_an_entity_bomb_feed_is_refused_at_once(tmp_path):
    """Issue 15: 359 bytes whose own entities expand to 100,000 characters a field took 48 s through
    the CLI (the analysis of the expanded text); now the feed is refused with one line."""
    import time

    from newsprism.watch import parse_entries

    path = tmp_path / "bomb.xml"
    path.write_bytes(BOMB)
    started = time.monotonic()
    result = load_articles([str(path)])
    assert time.monotonic() - started < 5
    [skipped] = result.skipped
    assert not result.articles and skipped.input == str(path) and skipped.code == "E108"
    assert "entity-expansion bomb" in skipped.reason and "359 bytes" in skipped.reason
    with pytest.raises(MalformedRecord, match="entity-expansion bomb"):  # watch parses feeds the same way
        parse_entries(BOMB, "http://127.0.0.1:9/feed")


def test_a_feed_with_a_few_entities_of_its_own_is_still_read(tmp_path):
    text = "The first convoy of buses left the city on Thursday &src; said. " * 8
    feed = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY src "the Red Cross">]><rss version="2.0"><channel>'
            f"<title>Ledger &amp; Co</title><item><title>Convoy leaves</title><description>{text}</description>"
            f"</item></channel></rss>")
    path = tmp_path / "entities.xml"
    path.write_text(feed, encoding="utf-8")
    [article] = load_articles([str(path)]).articles
    assert "on Thursday the Red Cross said." in article.text
