"""Outlet names: --outlet-map (files, folders, hosts), metadata, URL host, file stem."""

from __future__ import annotations

import json

import pytest

from newsprism.errors import ConfigError
from newsprism.ingest import load_articles
from newsprism.ingest.outlets import OutletMap

TEXT = "Government forces took the last rebel-held districts of eastern Aleppo on Tuesday.\n"


def test_outlet_map_by_file_folder_and_host(tmp_path, seeds_dir):
    (tmp_path / "slate").mkdir()
    (tmp_path / "slate" / "battle.txt").write_text(TEXT, encoding="utf-8")
    feed = tmp_path / "wire.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in (
        {"text": TEXT, "url": "https://uk.reuters.com/article/syria-aleppo"},
        {"text": TEXT, "url": "https://www.sputniknews.com/middleeast/aleppo", "outlet": "sputniknews"},
        {"text": TEXT, "url": "https://www.theguardian.com/world/aleppo"},
        {"text": TEXT},
    )), encoding="utf-8")
    outlet_map = tmp_path / "outlets.csv"
    outlet_map.write_text(
        "file-or-host,outlet\n"
        "000_f1b6a418e25c13d0.txt,Wire Report\n"
        "003_fa7155357702da57,Slate\n"
        "slate,Slate\n"
        "reuters.com,Reuters\n"
        "https://www.sputniknews.com,Sputnik\n",
        encoding="utf-8",
    )
    result = load_articles([str(seeds_dir), str(tmp_path / "slate"), str(feed)], outlet_map=str(outlet_map))
    outlets = {a.id: a.outlet for a in result.articles}
    assert outlets["000_f1b6a418e25c13d0"] == "Wire Report"  # by file name
    assert outlets["003_fa7155357702da57"] == "Slate"  # by stem
    assert outlets["001_cb9f1f31c9d981d9"] == "001_cb9f1f31c9d981d9"  # not mapped: the stem
    assert outlets["battle"] == "Slate"  # by the folder given
    assert outlets["wire-1"] == "Reuters"  # a subdomain of a mapped host
    assert outlets["wire-2"] == "Sputnik"  # the map wins over the record's own outlet
    assert outlets["wire-3"] == "theguardian.com"  # the URL's host without www.
    assert outlets["wire-4"] == "wire"  # nothing else known: the file stem


def test_outlet_map_without_header_and_with_errors(tmp_path):
    good = tmp_path / "map.csv"
    good.write_text("# outlets of the Aleppo coverage\nbbc.co.uk,BBC News\n\n", encoding="utf-8")
    assert OutletMap.load(str(good)).for_host("www.bbc.co.uk".removeprefix("www.")) == "BBC News"
    bad = tmp_path / "bad.csv"
    bad.write_text("bbc.co.uk,BBC News\nreuters.com\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="line 2"):
        OutletMap.load(str(bad))
    with pytest.raises(ConfigError, match="not found"):
        OutletMap.load(str(tmp_path / "nope.csv"))


def test_inner_folder_key_wins_over_the_folder_given(tmp_path):
    (tmp_path / "press" / "slate").mkdir(parents=True)
    (tmp_path / "press" / "slate" / "battle.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "press" / "other.txt").write_text(TEXT, encoding="utf-8")
    outlet_map = tmp_path / "outlets.csv"
    outlet_map.write_text("press,Press Roundup\nslate,Slate\n", encoding="utf-8")
    result = load_articles([str(tmp_path / "press")], outlet_map=str(outlet_map))
    assert {a.id: a.outlet for a in result.articles} == {"other": "Press Roundup", "battle": "Slate"}


def test_outlet_map_gives_each_file_its_date_and_url(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("date 2016-12-01\n" + TEXT, encoding="utf-8")
    (tmp_path / "c.txt").write_text(TEXT, encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text("file,url,outlet,published\n"
                    "a.txt,https://example.org/a,Wire,2016-12-13\n"
                    "b,,Blog,2016-12-14T09:30:00Z\n"
                    "c.txt,,Slate,\n", encoding="utf-8")
    got = {a.id: a for a in load_articles([str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt")], outlet_map=str(meta)).articles}
    assert (got["a"].outlet, got["a"].published, got["a"].url) == ("Wire", "2016-12-13", "https://example.org/a")
    assert (got["b"].outlet, got["b"].published) == ("Blog", "2016-12-14T09:30:00Z")  # the map wins over the date line
    assert (got["c"].outlet, got["c"].url) == ("Slate", None)
    # without a header: file, outlet, published, url
    plain = tmp_path / "plain.csv"
    plain.write_text("a.txt,Wire,2016-12-13,https://example.org/a\n", encoding="utf-8")
    a = load_articles([str(tmp_path / "a.txt")], outlet_map=str(plain)).articles[0]
    assert (a.published, a.url) == ("2016-12-13", "https://example.org/a")


def test_outlet_map_refuses_a_bad_date_or_url(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a.txt,Wire,13/12/2016\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a date"):
        OutletMap.load(str(bad))
    bad.write_text("a.txt,Wire,2016-12-13,javascript:alert(1)\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="http"):
        OutletMap.load(str(bad))
