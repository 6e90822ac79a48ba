"""The web app over report.json files: list, search, story pages, JSON API, reloads, safe headers."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest

import html_fixture_report
from fastapi.testclient import TestClient

from newsprism.web.app import create_app
from newsprism.web.sources import ReportSource, SourceError


@pytest.fixture(scope="module")
def reports_dir(seeds_dir, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("reports")
    fx = html_fixture_report
    for name, report in (("aleppo", fx.build_seed_report(seeds_dir)), ("hostile", fx.build_hostile_report())):
        (root / name).mkdir()
        (root / name / "report.json").write_text(json.dumps(report.to_dict(), ensure_ascii=False), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def client(reports_dir) -> TestClient:
    return TestClient(create_app(str(reports_dir)))


def test_index_lists_every_story_with_outlets_count_and_last_update(client):
    resp = client.get("/")
    assert resp.status_code == 200
    html = resp.text
    assert "Massacres And Bloodshed Mark Latest Assad/Russian Victory In Syria" in html
    assert "Wire report, Opinion blog, Partisan site, Slate, Pro-government outlet" in html
    assert '<td class="n">5</td>' in html and '<time datetime="2016-12-16">' in html
    assert 'href="/stories/aleppo--s1"' in html
    assert "&lt;script&gt;window.__pwned" in html and "<script>window.__pwned" not in html


def test_search_filters_by_title_and_outlet(client):
    only_slate = client.get("/", params={"q": "slate"}).text
    assert "aleppo--s1" in only_slate and "hostile--" not in only_slate
    assert "1 story matching “slate”" in only_slate
    assert "0 stories" in client.get("/", params={"q": "no such words"}).text
    api = client.get("/api/stories", params={"q": "plain outlet"}).json()
    assert [row["key"] for row in api] == ["hostile--s1<script>"]


def test_story_page_has_every_section_and_exact_texts(client, seeds_dir):
    html = client.get("/stories/aleppo--s1").text
    for heading in ("Neutral summary", "Articles side by side", "Claims: who reports what", "Figures",
                    "Quotes by speaker", "Framing", "Outlet profiles", "Timeline", "Entities"):
        assert heading in html
    assert "<h1 id=\"story-aleppo--s1-h\">" in html


def test_story_keys_with_odd_characters_round_trip(client):
    key = "hostile--s1<script>"
    resp = client.get("/stories/" + quote(key, safe=""))
    assert resp.status_code == 200
    assert "&lt;script&gt;window.__pwned" in resp.text
    data = client.get("/api/stories/" + quote(key, safe="")).json()
    assert data["story"]["id"] == "s1<script>" and len(data["articles"]) == 2


def test_unknown_story_is_404(client):
    assert client.get("/stories/nope").status_code == 404
    assert client.get("/api/stories/nope").status_code == 404


def test_security_headers(client):
    resp = client.get("/stories/aleppo--s1")
    csp = resp.headers["content-security-policy"]
    assert csp.startswith("default-src 'none'") and "form-action 'self'" in csp
    assert resp.headers["x-content-type-options"] == "nosniff"
    assert resp.headers["referrer-policy"] == "no-referrer"
    assert client.get("/favicon.ico").status_code == 204


def test_single_report_file_and_reload_on_change(seeds_dir, tmp_path):
    fx = html_fixture_report
    path = tmp_path / "report.json"
    path.write_text(json.dumps(fx.build_seed_report(seeds_dir).to_dict()), encoding="utf-8")
    client = TestClient(create_app(str(path)))
    assert [r["key"] for r in client.get("/api/stories").json()] == ["s1"]
    path.write_text(json.dumps(fx.build_hostile_report().to_dict()), encoding="utf-8")
    assert [r["key"] for r in client.get("/api/stories").json()] == ["s1<script>"]


def test_unreadable_report_is_listed_not_fatal(tmp_path, seeds_dir):
    (tmp_path / "good").mkdir()
    (tmp_path / "bad").mkdir()
    (tmp_path / "good" / "report.json").write_text(json.dumps(html_fixture_report.build_seed_report(seeds_dir).to_dict()))
    (tmp_path / "bad" / "report.json").write_text("{ not json")
    html = TestClient(create_app(str(tmp_path))).get("/").text
    assert "not a readable report.json" in html and "good--s1" in html


def test_bad_sources_fail_with_a_clear_error(tmp_path):
    with pytest.raises(SourceError, match="does not exist"):
        create_app(str(tmp_path / "missing"))
    not_a_report = tmp_path / "other.json"
    not_a_report.write_text('{"hello": "world"}')
    html = TestClient(create_app(str(not_a_report))).get("/").text
    assert "not a newsprism report" in html and "0 stories" in html


def test_sqlite_store_is_detected_and_served(seeds_dir, tmp_path):
    from newsprism.adapters.store import open_store

    report = html_fixture_report.build_seed_report(seeds_dir)
    db = tmp_path / "news.db"
    store = open_store(db)
    with store.transaction():
        for article in report.articles:
            store.put_article(article)
            store.set_story_of(article.id, "s1")
        store.put_story(report.stories[0])
    store.close()
    assert ReportSource(db)._files()[0] == db
    client = TestClient(create_app(str(db)))
    rows = client.get("/api/stories").json()
    assert [(r["key"], r["n_articles"]) for r in rows] == [("s1", 5)]
    html = client.get("/stories/s1").text
    assert "Quotes by speaker" in html and "Rupert Colville" in html


# -- what a journalist needs: search inside the coverage, filters, downloads, comparison, corrections


def test_search_reaches_article_text_speakers_entities_and_naming(client):
    for q in ("Churkin", "Lavrov", "Bashar al-Assad", "terrorist groups", "humanitarian corridor"):
        rows = client.get("/api/stories", params={"q": q}).json()
        assert [r["key"] for r in rows] == ["aleppo--s1"], q
    assert client.get("/api/stories", params={"q": "Kristol"}).json() == []


def test_filters_and_sorts(client):
    keys = lambda **p: [r["key"] for r in client.get("/api/stories", params=p).json()]  # noqa: E731
    assert keys(outlet="Slate") == ["aleppo--s1"]
    assert keys(outlet="No such outlet") == []
    assert keys(disputes="1") == ["aleppo--s1", "hostile--s1<script>"]  # both have a disputed claim
    assert keys(since="2016-12-15", until="2016-12-31") == ["aleppo--s1"]
    assert keys(since="2017-01-01") == []
    assert keys(sort="size")[0] == "aleppo--s1"
    html = client.get("/", params={"outlet": "Slate", "disputes": "1"}).text
    assert "1 story" in html and 'value="Slate" selected' in html


def test_missing_story_is_a_page_with_a_link_back_and_the_api_keeps_json(client):
    resp = client.get("/stories/nope")
    assert resp.status_code == 404 and resp.headers["content-type"].startswith("text/html")
    assert '<a href="/">Back to all stories</a>' in resp.text and "nope" in resp.text
    api = client.get("/api/stories/nope")
    assert api.status_code == 404 and api.headers["content-type"] == "application/json" and "nope" in api.json()["detail"]


def test_story_page_is_rendered_once_per_version(client):
    cache = client.app.state.render_cache
    client.get("/stories/aleppo--s1")
    misses = cache.misses
    for _ in range(3):
        client.get("/stories/aleppo--s1")
    assert cache.misses == misses and cache.hits >= 3


def test_story_page_is_sent_gzipped_to_clients_that_accept_it(client):
    """Issue 15: a cached story page (the articles' full text) is compressed once and sent as it is;
    the same page, byte for byte, to a client that takes only plain responses."""
    import gzip

    plain = client.get("/stories/aleppo--s1", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.headers["vary"] == "Accept-Encoding"
    packed = client.get("/stories/aleppo--s1", headers={"Accept-Encoding": "gzip, deflate"})
    assert packed.headers["content-encoding"] == "gzip" and packed.headers["content-type"] == "text/html; charset=utf-8"
    assert int(packed.headers["content-length"]) < len(plain.content) / 3
    assert packed.content == plain.content  # the test client unpacks it: the same bytes
    assert gzip.decompress(client.app.state.render_cache.items[next(
        k for k in client.app.state.render_cache.items if k[0] == "story" and k[2] == "aleppo--s1")].gzipped) == plain.content
    assert packed.headers["content-security-policy"]  # the safe headers still come with it


def test_csv_downloads_read_back_with_exact_offsets(client, seeds_dir):
    import csv
    import io

    texts = {p.stem: p.read_text(encoding="utf-8").replace("\r\n", "\n") for p in seeds_dir.glob("*.txt")}
    for table in ("claims", "quotes", "figures", "naming"):
        resp = client.get(f"/stories/aleppo--s1/{table}.csv")
        assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
        assert "attachment" in resp.headers["content-disposition"]
        rows = list(csv.DictReader(io.StringIO(resp.content.decode("utf-8-sig"))))
        assert rows, table
        for row in rows:
            assert row["story_id"] == "s1" and row["url"].startswith("https://")
            if row["start"]:
                text = texts[row["article_id"]][int(row["start"]):int(row["end"])]
                assert text == (row.get("words") or row.get("term")) or text.casefold() == row.get("term", "").casefold()


def test_compare_two_outlets_on_the_server(client):
    from html_fixture_report import B, P

    html = client.get("/stories/aleppo--s1", params={"a": B, "b": P}).text
    assert html.count('class="compare-pair"') == 1 and f'data-pair="{B}|{P}"' in html
    pair = html.split('class="compare-pair"', 1)[1].split("</section>\n{% endif %}", 1)[0]
    assert "Where they contradict" in pair and "The ceasefire held and fighting ended." in pair
    assert "How each names the same things" in pair


def test_corrections_need_the_token_and_only_a_store_keeps_them(client):
    resp = client.post("/stories/aleppo--s1/corrections", data={"action": "dismiss_dispute", "target": "x", "token": "wrong"})
    assert resp.status_code == 403 and "token" in resp.text
    token = client.app.state.token
    resp = client.post("/stories/aleppo--s1/corrections", data={"action": "dismiss_dispute", "target": "x", "token": token})
    assert resp.status_code == 400 and "store" in resp.text


def test_a_dismissed_dispute_is_gone_from_the_served_store(seeds_dir, tmp_path):
    from newsprism.adapters.store import open_store

    report = html_fixture_report.build_seed_report(seeds_dir)
    db = tmp_path / "news.db"
    with open_store(db) as store, store.transaction():
        for article in report.articles:
            store.put_article(article)
            store.set_story_of(article.id, "s1")
        store.put_story(report.stories[0])
    client = TestClient(create_app(str(db), token="t0k"))
    disputed = [c for c in client.get("/api/stories/s1").json()["story"]["claims"] if c["status"] == "disputed"]
    assert len(disputed) == 1
    resp = client.post("/stories/s1/corrections", data={"action": "dismiss_dispute", "target": disputed[0]["text"], "token": "t0k"},
                       follow_redirects=False)
    assert resp.status_code == 303
    story = client.get("/api/stories/s1").json()["story"]
    assert not [c for c in story["claims"] if c["status"] == "disputed"]
    fixed = next(c for c in story["claims"] if c["id"] == disputed[0]["id"])
    assert fixed["corrected"] and fixed["contradicted_by"] == []
    assert "corrected</span>" in client.get("/stories/s1").text
