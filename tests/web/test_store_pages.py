"""Serving a SQLite store: the story list is made one story at a time, a page reads only its own
story, and every page and endpoint gives the bytes the store's whole report (held in memory, as
``serve`` did before) gave, with corrections applied."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

import html_fixture_report as fx
from newsprism.adapters.store import open_store
from newsprism.adapters.store.sqlite import SQLiteStore
from newsprism.model import Article, Story
from newsprism.report.html_view import StoryPage
from newsprism.web import app as web_app
from newsprism.web.app import create_app
from newsprism.web.sources import Catalog, ReportSource
from newsprism.web.store_catalog import StoreCatalog

SEED, HOSTILE = "s1", "s1<script>"


@pytest.fixture(scope="module")
def store_db(seeds_dir, tmp_path_factory) -> Path:
    """The seeds' story and the hostile one in a store, with a person's corrections to the first."""
    db = tmp_path_factory.mktemp("store") / "news.db"
    with open_store(db) as store:
        with store.transaction():
            for report in (fx.build_seed_report(seeds_dir), fx.build_hostile_report()):
                for article in report.articles:
                    store.put_article(article)
                    store.set_story_of(article.id, report.stories[0].id)
                store.put_story(report.stories[0])
        store.add_correction(SEED, "dismiss_dispute", "The ceasefire held and fighting ended.")
        store.add_correction(SEED, "rename_speaker", "Rupert Colville", "A renamed speaker")
    return db


class WholeReport(ReportSource):
    """The store served as before: its whole report in memory, corrections applied to every story."""

    def _load(self, files):
        from newsprism.incremental import report_from_store
        from newsprism.report.corrections import apply_corrections

        with open_store(self.path) as store:
            data = apply_corrections(report_from_store(store).to_dict(), store.corrections())
        return self._index([("", data)])


def test_every_page_of_a_served_store_is_the_bytes_its_whole_report_gave(store_db, monkeypatch):
    lazy = TestClient(create_app(str(store_db), token="t0k"))
    monkeypatch.setattr(web_app, "ReportSource", WholeReport)
    whole = TestClient(create_app(str(store_db), token="t0k"))
    assert isinstance(lazy.app.state.reports.catalog(), StoreCatalog)
    assert isinstance(whole.app.state.reports.catalog(), Catalog)

    paths = ["/", "/?q=churkin", "/?outlet=Slate&disputes=1", "/?sort=size", "/?since=2016-12-15",
             "/api/stories", "/api/stories?q=spokesman", "/api/stories?sort=disputes"]
    for key in (SEED, HOSTILE):
        k = quote(key, safe="")
        paths += [f"/stories/{k}", f"/api/stories/{k}"] + [f"/stories/{k}/{t}.csv" for t in ("claims", "quotes", "figures", "naming")]
    paths.append(f"/stories/{SEED}?a={quote(fx.B)}&b={quote(fx.P)}")
    for path in paths:
        got, want = lazy.get(path), whole.get(path)
        assert got.status_code == want.status_code == 200, path
        assert got.headers["content-type"] == want.headers["content-type"], path
        assert got.content == want.content, path

    # the corrections are in what both served
    story = lazy.get(f"/api/stories/{SEED}").json()["story"]
    names = {q["speaker"]["name"] for q in story["quotes"] if q.get("speaker")}
    assert "A renamed speaker" in names and "Rupert Colville" not in names
    assert not [c for c in story["claims"] if c["status"] == "disputed"] and len(story["corrections"]) == 2
    assert "A renamed speaker" in lazy.get(f"/stories/{SEED}").text
    assert lazy.get("/stories/nope").status_code == 404 and lazy.get("/api/stories/nope").status_code == 404


def test_the_list_reads_one_story_at_a_time_and_a_page_only_its_own(store_db, monkeypatch):
    events: list[tuple[str, str]] = []
    decode, row = SQLiteStore.get_story, StoryPage.row
    monkeypatch.setattr(SQLiteStore, "get_story", lambda self, sid: events.append(("decode", sid)) or decode(self, sid))
    monkeypatch.setattr(StoryPage, "row", lambda self: events.append(("row", self.key)) or row(self))

    client = TestClient(create_app(str(store_db)))
    assert events == []  # serving starts without reading a story
    assert client.get("/").status_code == 200
    # each story is decoded, made into its row and dropped before the next is read
    assert events == [("decode", SEED), ("row", SEED), ("decode", HOSTILE), ("row", HOSTILE)]
    events.clear()
    client.get("/", params={"q": "churkin"})
    client.get("/api/stories")
    assert events == []  # the list is kept until the store changes

    decoded = lambda: [sid for what, sid in events if what == "decode"]  # noqa: E731 (a page makes its own row)
    client.get(f"/stories/{SEED}")
    assert decoded() == [SEED]
    client.get(f"/stories/{SEED}")
    assert decoded() == [SEED]  # a rendered page is cached: the story is not read again
    client.get(f"/stories/{SEED}/claims.csv")
    client.get(f"/api/stories/{SEED}")
    assert decoded() == [SEED] * 3


def test_the_list_refreshes_when_the_store_changes_and_not_when_it_is_read(store_db, tmp_path):
    db = tmp_path / "news.db"
    shutil.copy(store_db, db)
    client = TestClient(create_app(str(db)))
    reports = client.app.state.reports
    first = reports.catalog()
    for path in ("/", f"/stories/{SEED}", f"/api/stories/{SEED}", f"/stories/{SEED}/quotes.csv", "/api/stories"):
        assert client.get(path).status_code == 200
    # the server's own reads (its connection keeps the -wal file) are not a new version
    assert reports.catalog() is first

    late = Article(id="late", outlet="Late Outlet", title="A late report", published="2016-12-20",
                   text="Ferrymen on the Euphrates resumed the crossing on Tuesday, officials said.")
    with open_store(db) as store, store.transaction():  # another process writes
        store.put_article(late)
        store.set_story_of(late.id, "s9")
        store.put_story(Story("s9", "A late story", (late.id,)))
    rows = client.get("/api/stories").json()
    assert reports.catalog() is not first
    assert [r["key"] for r in rows if r["key"] == "s9"] == ["s9"] and len(rows) == 3
    assert [r["key"] for r in client.get("/api/stories", params={"q": "ferrymen"}).json()] == ["s9"]
    assert "Ferrymen on the Euphrates resumed" in client.get("/stories/s9").text
    with open_store(db):  # another process keeps the -wal file: closing ours changes no stamp
        reports.close()  # at shutdown; a request after it reads the store again
        assert client.get(f"/api/stories/{SEED}").status_code == 200


def test_every_change_of_the_store_is_served_never_an_earlier_list_or_page(store_db, tmp_path):
    """The caches are keyed by the catalog's version: a dropped catalog's id() is soon another's."""
    db = tmp_path / "news.db"
    shutil.copy(store_db, db)
    client = TestClient(create_app(str(db)))
    for n in range(1, 7):
        article = Article(id=f"late{n}", outlet="Late Outlet", title=f"Late report {n}", published="2016-12-20",
                          text=f"Ferrymen on the Euphrates made crossing number {n} on Tuesday, officials said.")
        with open_store(db) as store, store.transaction():
            store.put_article(article)
            store.set_story_of(article.id, "s9")  # the same story, growing
            store.put_story(Story("s9", "A late story", tuple(f"late{i}" for i in range(1, n + 1))))
        rows = {r["key"]: r for r in client.get("/api/stories").json()}
        assert rows["s9"]["n_articles"] == n
        page = client.get("/stories/s9").text
        assert [i for i in range(1, 9) if f"crossing number {i} on Tuesday" in page] == list(range(1, n + 1))
