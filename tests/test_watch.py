"""The feed watcher against a real HTTP server on 127.0.0.1 (never the internet): conditional
requests (ETag / Last-Modified -> 304), only new entries fetched, backoff on errors."""

from __future__ import annotations

import html
import json
import threading
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsprism.adapters.store import SQLiteStore
from newsprism.watch import FeedWatcher, backoff_delay, read_feed_list, run_watch


class NewsSite:
    """What the local server serves: a feed whose entries can grow, and one page per entry."""

    def __init__(self, seeds_dir: Path):
        self.pages: dict[str, tuple[str, str]] = {}  # path -> (title, text)
        for n, path in enumerate(sorted(seeds_dir.glob("*.txt"))[:3]):
            self.pages[f"/news/aleppo-{n}.html"] = (f"Aleppo report {n}", path.read_text(encoding="utf-8"))
        self.entries = list(self.pages)[:2]
        self.version = 1
        self.feed_status = 200
        self.retry_after: str | None = None
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()

    def count(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)

    def feed_xml(self, base: str) -> bytes:
        items = "".join(
            f"<item><title>{html.escape(self.pages[p][0])}</title><link>{base}{p}</link>"
            f"<guid>{base}{p}</guid><pubDate>Tue, 13 Dec 2016 1{n}:00:00 GMT</pubDate></item>"
            for n, p in enumerate(self.entries))
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>'
                f"<link>{base}/</link><description>test feed</description>{items}</channel></rss>").encode()

    def page_html(self, path: str) -> bytes:
        title, text = self.pages[path]
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
        return (f"<!doctype html><html><head><title>{html.escape(title)}</title></head><body>"
                f"<nav><a href='/'>Home</a></nav><article><h1>{html.escape(title)}</h1>{paragraphs}</article>"
                f"<footer>Local Wire</footer></body></html>").encode()


@pytest.fixture
def site(seeds_dir):
    site = NewsSite(seeds_dir)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep the test output clean
            pass

        def do_GET(self):
            with site.lock:
                site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            base = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"
            if self.path == "/feed.xml":
                if site.feed_status != 200:
                    self.send_response(site.feed_status)
                    if site.retry_after:
                        self.send_header("Retry-After", site.retry_after)
                    self.end_headers()
                    return
                etag = f'"v{site.version}"'
                modified = formatdate(1481600000 + site.version * 3600, usegmt=True)
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                body = site.feed_xml(base)
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", modified)
            elif self.path in site.pages:
                body = site.page_html(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
            else:
                self.send_response(404)
                self.end_headers()
                return
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    site.url = f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    yield site
    server.shutdown()
    server.server_close()


class Clock:
    def __init__(self, now: float = 1_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_read_feed_list_reads_opml_and_text(tmp_path):
    opml = tmp_path / "feeds.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><head><title>news</title></head><body>'
                    '<outline text="World"><outline text="Wire" type="rss" xmlUrl="http://127.0.0.1:9/a.xml"/>'
                    '<outline text="Blog" type="rss" xmlUrl="http://127.0.0.1:9/b.xml"/></outline></body></opml>')
    assert read_feed_list(opml) == ["http://127.0.0.1:9/a.xml", "http://127.0.0.1:9/b.xml"]
    text = tmp_path / "feeds.txt"
    text.write_text("# my feeds\nhttp://127.0.0.1:9/a.xml\n\nhttp://127.0.0.1:9/a.xml\nhttps://127.0.0.1:9/c\n")
    assert read_feed_list(text) == ["http://127.0.0.1:9/a.xml", "https://127.0.0.1:9/c"]
    bad = tmp_path / "bad.txt"
    bad.write_text("feeds/local.xml\n")
    from newsprism.errors import ConfigError

    with pytest.raises(ConfigError):
        read_feed_list(bad)


def test_backoff_doubles_and_honours_retry_after():
    assert backoff_delay(60, 0) == 60
    assert [backoff_delay(60, n) for n in (1, 2, 3)] == [120, 240, 480]
    assert backoff_delay(60, 30) == 24 * 3600  # capped at a day
    assert backoff_delay(60, 1, retry_after=900) == 900


@pytest.mark.slow
def test_new_entries_conditional_requests_and_report(site, tmp_path):
    store = SQLiteStore(tmp_path / "watch.db")
    clock = Clock()
    out = tmp_path / "out"
    watcher = FeedWatcher(store, [site.url], interval=300, out_dir=str(out), clock=clock, echo=lambda line: None)

    first = watcher.poll_due()
    assert [o.status for o in first] == [200] and first[0].new_entries == 2 and len(first[0].added) == 2
    assert all(site.count(p) == 1 for p in site.entries)
    feed_headers = [h for p, h in site.requests if p == "/feed.xml"][0]
    assert "newsprism" in feed_headers["user-agent"]
    report = json.loads((out / "report.json").read_text())
    assert len(report["articles"]) == 2
    texts = {a["id"]: a["text"] for a in report["articles"]}
    assert any("Aleppo" in t for t in texts.values())
    for story in report["stories"]:
        for entity in story.get("entities", ()):
            for m in entity["mentions"]:
                assert texts[m["article_id"]][m["start"]:m["end"]] == m["text"]

    clock.now += 100  # before the interval: the feed is not asked
    assert watcher.poll_due() == [] and site.count("/feed.xml") == 1

    clock.now += 200
    second = watcher.poll_due()
    assert [o.status for o in second] == [304]
    asked = [h for p, h in site.requests if p == "/feed.xml"][-1]
    assert asked["if-none-match"] == '"v1"' and asked["if-modified-since"].endswith("GMT")
    assert len(store.article_ids()) == 2

    site.entries = list(site.pages)  # a third entry appears; the feed's ETag changes
    site.version = 2
    clock.now += 300
    third = watcher.poll_due()
    assert third[0].status == 200 and third[0].new_entries == 1 and len(third[0].added) == 1
    assert [site.count(p) for p in site.pages] == [1, 1, 1]  # old pages are not fetched again
    assert len(store.article_ids()) == 3
    assert store.get_feed(site.url).etag == '"v2"'
    assert len(json.loads((out / "report.json").read_text())["articles"]) == 3
    watcher.close()


@pytest.mark.slow
def test_errors_back_off_exponentially_then_recover(site, tmp_path):
    store = SQLiteStore(tmp_path / "watch.db")
    clock = Clock()
    watcher = FeedWatcher(store, [site.url], interval=60, clock=clock, echo=lambda line: None)
    site.feed_status = 500
    start = clock.now

    failed = watcher.poll_due()
    assert failed[0].error == "HTTP 500" and failed[0].retry_in == 120
    assert store.get_feed(site.url).failures == 1 and store.get_feed(site.url).next_poll_at == start + 120

    clock.now = start + 60  # the plain interval is not enough after a failure
    assert watcher.poll_due() == [] and site.count("/feed.xml") == 1
    clock.now = start + 120
    assert watcher.poll_due()[0].retry_in == 240 and site.count("/feed.xml") == 2
    clock.now = start + 300
    assert watcher.poll_due() == []  # 120 + 240 = 360 not reached
    clock.now = start + 360

    site.feed_status, site.retry_after = 503, "3600"  # the server asks for an hour
    assert watcher.poll_due()[0].retry_in == 3600
    assert store.get_feed(site.url).failures == 3

    site.feed_status, site.retry_after = 200, None
    clock.now = start + 360 + 3600
    recovered = watcher.poll_due()
    assert recovered[0].status == 200 and recovered[0].error is None
    state = store.get_feed(site.url)
    assert state.failures == 0 and state.next_poll_at == clock.now + 60 and state.last_error is None
    watcher.close()


def test_unreachable_feed_backs_off(tmp_path):
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    store = SQLiteStore(tmp_path / "watch.db")
    clock = Clock()
    watcher = FeedWatcher(store, [f"http://127.0.0.1:{port}/feed.xml"], interval=30, clock=clock,
                          echo=lambda line: None, timeout=5)
    outcome = watcher.poll_due()[0]
    assert outcome.status is None and outcome.error.startswith("could not fetch") and outcome.retry_in == 60
    watcher.close()


@pytest.mark.slow
def test_run_watch_once_twice_fetches_nothing_new(site, tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(site.url + "\n")
    store_path = tmp_path / "watch.db"
    out = tmp_path / "out"
    run_watch(str(feeds), store_path=str(store_path), once=True, out_dir=str(out))
    report = json.loads((out / "report.json").read_text())
    assert len(report["articles"]) == 2 and report["stories"]
    pages_before = sum(site.count(p) for p in site.pages)

    run_watch(str(feeds), store_path=str(store_path), once=True, out_dir=str(out))
    assert [h.get("if-none-match") for p, h in site.requests if p == "/feed.xml"] == [None, '"v1"']
    assert sum(site.count(p) for p in site.pages) == pages_before
    assert json.loads((out / "report.json").read_text()) == report


# -- issue 15: a feed URL as the argument, exit status, the size cap ---------------------------
def test_watch_takes_a_feed_url_and_once_fails_loudly(site, tmp_path):
    from typer.testing import CliRunner

    from newsprism.cli import app

    runner = CliRunner()
    ok = runner.invoke(app, ["watch", site.url, "--once", "--store", str(tmp_path / "w.db"), "--allow-private-hosts"])
    assert ok.exit_code == 0, ok.output
    assert "2 articles stored" in ok.output
    site.feed_status = 500
    bad = runner.invoke(app, ["watch", site.url, "--once", "--store", str(tmp_path / "w2.db"), "--allow-private-hosts"])
    assert bad.exit_code == 1 and "HTTP 500" in bad.output


def test_watch_streams_the_feed_under_its_cap(tmp_path, monkeypatch):
    """A feed far over the cap is cut while streaming (never read whole into memory)."""
    import newsprism.watch as watch
    from tests.ingest.conftest import LocalSite, _handler, _QuietServer

    local = LocalSite()
    server = _QuietServer(("127.0.0.1", 0), _handler(local))
    local.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setattr(watch, "MAX_FEED_BYTES", 100_000)
        url = local.add("/big.xml", b"<rss>" + b"x" * 10_000, content_type="application/rss+xml", chunks=10_000)  # 100 MB
        store = SQLiteStore(str(tmp_path / "w.db"))
        watcher = FeedWatcher(store, [url], interval=60, echo=lambda line: None, allow_private_hosts=True)
        [outcome] = watcher.poll_due()
        watcher.close()
        store.close()
        assert outcome.error and "limit" in outcome.error
    finally:
        server.shutdown()
        server.server_close()
