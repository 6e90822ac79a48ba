"""``newsprism watch FEEDS``: poll RSS/Atom feeds politely and keep a store's stories current.

Politeness: every request names newsprism in its User-Agent; a feed is asked again only
after ``interval`` seconds, with ``If-None-Match`` / ``If-Modified-Since`` from its last
answer (an unchanged feed answers 304 and costs nothing); a feed that fails (network error,
HTTP 4xx/5xx, not a feed) waits ``interval * 2**failures`` (capped at a day, and never less
than a ``Retry-After`` the server asks for) before it is tried again.

Only entries never seen before have their page fetched. A feed's new ETag and its entries
are recorded only after the articles are committed, so a watcher killed at any point
re-reads those entries on its next run instead of losing them.
"""

from __future__ import annotations

import email.utils
import logging
import os
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Sequence

from .adapters.store.base import FeedState, Store
from .errors import ConfigError, FetchFailed, InputError, MalformedRecord
from .ingest.urls import USER_AGENT as INGEST_USER_AGENT
from .model import Article, Skipped

log = logging.getLogger(__name__)

USER_AGENT = f"{INGEST_USER_AGENT} feed-watcher"
MAX_BACKOFF = 24 * 3600.0  # a broken feed is still tried once a day
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1"
MAX_FEED_BYTES = 10_000_000

Echo = Callable[[str], None]


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


# -- the list of feeds -----------------------------------------------------------------------


def read_feed_list(path: str | Path) -> list[str]:
    """Feed URLs from an OPML file (every ``outline`` with an ``xmlUrl``) or a text file
    (one URL a line; blank lines and ``#`` comments ignored), in order, without repeats.
    A feed URL given directly (``http://host/feed.xml``) is a list of one."""
    if str(path).lower().startswith(("http://", "https://")):
        return [str(path)]
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the feed list {path} ({exc.strerror or exc})",
                          hint="give an OPML file or a text file with one feed URL a line") from None
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml") or head.startswith(b"<opml"):
        urls = _opml_urls(data, path)
    else:
        lines = data.decode("utf-8", errors="replace").splitlines()
        urls = [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]
    bad = [u for u in urls if not u.lower().startswith(("http://", "https://"))]
    if bad:
        raise ConfigError(f"{path}: not a feed URL: {bad[0]!r}", hint="each feed must be an http(s) URL")
    if not urls:
        raise ConfigError(f"{path} lists no feeds", hint="add feed URLs (one a line) or OPML outlines with xmlUrl")
    return list(dict.fromkeys(urls))


def _opml_urls(data: bytes, path: Path) -> list[str]:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ConfigError(f"{path} is not valid OPML ({exc})", hint="fix the XML, or list one feed URL a line") from None
    urls = []
    for outline in root.iter("outline"):
        url = outline.get("xmlUrl") or outline.get("xmlurl")
        if url:
            urls.append(url.strip())
    return urls


# -- one poll --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PollOutcome:
    url: str
    status: int | None  # HTTP status; None when no answer came
    new_entries: int = 0
    added: tuple[str, ...] = ()  # article ids stored from this feed in this poll
    skipped: tuple[Skipped, ...] = ()
    error: str | None = None
    retry_in: float = 0.0  # seconds until this feed is asked again


def backoff_delay(interval: float, failures: int, retry_after: float | None = None) -> float:
    """Seconds to wait after ``failures`` consecutive failures (0: the plain interval)."""
    delay = min(interval * (2 ** failures), MAX_BACKOFF) if failures else interval
    return max(delay, retry_after or 0.0)


def _retry_after(value: str | None, now: float) -> float | None:
    """Retry-After as seconds: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


class FeedWatcher:
    """Polls a set of feeds into a store. ``clock`` is injectable so tests need not sleep."""

    def __init__(self, store: Store, feeds: Sequence[str], *, interval: float = 300.0, out_dir: str | None = None,
                 runner=None, timeout: float = 20.0, clock: Callable[[], float] = time.time, echo: Echo = _stderr,
                 allow_private_hosts: bool | None = None):
        if interval <= 0:
            raise ConfigError("the polling interval must be positive", hint="give --interval in seconds, e.g. 300")
        self.store = store
        self.feeds = list(feeds)
        self.interval = float(interval)
        self.out_dir = Path(out_dir) if out_dir else None
        self.runner = runner
        self.timeout = timeout
        self.clock = clock
        self.echo = echo
        self.allow_private_hosts = allow_private_hosts
        self._fetcher = None

    # feeds go through ingest's Fetcher like pages: streamed under a size cap (decompressed),
    # a deadline for the whole fetch, internal hosts refused, every redirect checked
    def _feeds(self):
        if self._fetcher is None:
            from .ingest.urls import Fetcher

            self._fetcher = Fetcher(timeout=self.timeout, max_bytes=MAX_FEED_BYTES, allow_private_hosts=self.allow_private_hosts)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None

    def state(self, url: str) -> FeedState:
        return self.store.get_feed(url) or FeedState(url)

    def due(self, now: float | None = None, *, force: bool = False) -> list[str]:
        """Feeds whose wait is over; with ``force``, every feed not backing off from errors."""
        now = self.clock() if now is None else now
        states = [self.state(url) for url in self.feeds]
        return [s.url for s in states if s.next_poll_at <= now or (force and s.failures == 0)]

    def seconds_until_next(self) -> float:
        now = self.clock()
        return max(0.0, min((self.state(url).next_poll_at for url in self.feeds), default=now) - now)

    def poll_due(self, *, force: bool = False) -> list[PollOutcome]:
        """Poll every feed that is due; then bring the report up to date if anything changed."""
        outcomes = [self.poll(url) for url in self.due(force=force)]
        if self.out_dir is not None and (any(o.added for o in outcomes) or not (self.out_dir / "report.json").exists()):
            self.write_report()
        return outcomes

    def poll(self, url: str) -> PollOutcome:
        now = self.clock()
        state = self.state(url)
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        headers["User-Agent"] = USER_AGENT
        headers["Accept"] = FEED_ACCEPT
        try:
            response = self._feeds().fetch(url, headers=headers, not_modified_ok=True, error_status_ok=True)
        except InputError as exc:  # no answer, too large, internal host, deadline: all mean "try later"
            return self._failed(state, now, None, exc.message, None)
        except Exception as exc:  # noqa: BLE001 - a library failing on one odd answer
            return self._failed(state, now, None, f"could not fetch: {exc or type(exc).__name__}", None)
        if response.status == 304:
            self._succeeded(state, now, 304, state.etag, state.last_modified)
            return PollOutcome(url, 304, retry_in=self.interval)
        if not 200 <= response.status < 300:
            retry_after = _retry_after(response.headers.get("retry-after"), now)
            return self._failed(state, now, response.status, f"HTTP {response.status}", retry_after)
        try:
            entries = parse_entries(response.body, url)
        except InputError as exc:
            return self._failed(state, now, response.status, exc.message, None)

        fresh = [(key, entry) for key, entry in entries if not self.store.seen_entry(url, key)]
        articles, skipped, keys_by_article = self._read_entries(url, fresh)
        added: tuple[str, ...] = ()
        if articles:
            from .incremental import ingest_articles

            result = ingest_articles(self.store, articles, skipped=skipped, runner=self.runner)
            added = result.added + result.updated
        with self.store.transaction():  # only now: a crash before this re-reads the entries
            for article in articles:
                self.store.mark_entry_seen(url, keys_by_article[article.id], article.id)
            self._succeeded(state, now, response.status, response.headers.get("etag"),
                            response.headers.get("last-modified"))
        return PollOutcome(url, response.status, new_entries=len(fresh), added=added, skipped=tuple(skipped),
                           retry_in=self.interval)

    def _read_entries(self, feed_url: str, fresh):
        """Fetch each new entry's page and turn it into an article (ingest's own rules)."""
        from . import ingest
        from .ingest import feeds as ingest_feeds
        from .ingest.urls import Fetcher

        articles: list[Article] = []
        skipped: list[Skipped] = []
        keys_by_article: dict[str, str] = {}
        if not fresh:
            return articles, skipped, keys_by_article
        ids = _IdAllocatorView()
        with Fetcher(timeout=self.timeout, allow_private_hosts=self.allow_private_hosts) as fetcher:
            links = [entry.get("link") or "" for _, entry in fresh]
            fetched = dict(fetcher.fetch_many(sorted({link for link in links if link})))
            for number, ((key, entry), link) in enumerate(zip(fresh, links), 1):
                found = ingest_feeds.entry_draft(entry, number, link, fetched.get(link) if link else None, feed_url,
                                            "feed", None, None, None)
                if not isinstance(found, Skipped):
                    found = ingest.refusal(found) or found  # no text, or not English
                if isinstance(found, Skipped):
                    skipped.append(found)  # not marked seen: tried again when the feed changes
                    continue
                article = ids.article(found)
                keys_by_article[article.id] = key
                articles.append(article)
        from .normalize import normalize_articles

        return normalize_articles(articles), skipped, keys_by_article

    def _succeeded(self, state: FeedState, now: float, status: int, etag: str | None, last_modified: str | None) -> None:
        self.store.put_feed(replace(state, etag=etag, last_modified=last_modified, failures=0,
                                    next_poll_at=now + self.interval, last_polled_at=now, last_status=status,
                                    last_error=None))

    def _failed(self, state: FeedState, now: float, status: int | None, error: str, retry_after: float | None) -> PollOutcome:
        failures = state.failures + 1
        delay = backoff_delay(self.interval, failures, retry_after)
        self.store.put_feed(replace(state, failures=failures, next_poll_at=now + delay, last_polled_at=now,
                                    last_status=status, last_error=error))
        return PollOutcome(state.url, status, error=error, retry_in=delay)

    def write_report(self) -> Path:
        """Rewrite OUT/report.json atomically (a reader never sees half a file)."""
        from .incremental import report_from_store
        from .report.json import report_to_json

        assert self.out_dir is not None
        self.out_dir.mkdir(parents=True, exist_ok=True)
        target = self.out_dir / "report.json"
        partial = target.with_name(f".report.json.{os.getpid()}.tmp")
        partial.write_text(report_to_json(report_from_store(self.store)) + "\n", encoding="utf-8")
        os.replace(partial, target)
        return target


class _IdAllocatorView:
    """Draft -> Article with ingest's id and outlet rules (ids from the entry's URL)."""

    def __init__(self) -> None:
        from .ingest.outlets import OutletMap
        from .ingest.sources import IdAllocator

        self.ids = IdAllocator()
        self.outlets = OutletMap.load(None)

    def article(self, draft) -> Article:
        from . import ingest

        return ingest.make_article(draft, self.ids, self.outlets)


def parse_entries(data: bytes, url: str) -> list[tuple[str, object]]:
    """(key, entry) for each entry of an RSS/Atom document; the key identifies the entry
    across polls: its id/guid, else its link, else its title and date."""
    from .ingest.feeds import parse_feed

    parsed = parse_feed(data)  # feedparser, refusing entity bombs
    if not parsed.get("version") and not parsed.entries:
        problem = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        raise MalformedRecord(f"{url} is not an RSS or Atom feed{problem}",
                              hint="check the feed URL; it must serve RSS or Atom")
    out = []
    for entry in parsed.entries:
        key = entry.get("id") or entry.get("link") or f"{entry.get('title', '')}|{entry.get('published', '')}"
        if key:
            out.append((key, entry))
    return out


def summarize(outcomes: Sequence[PollOutcome]) -> str:
    if not outcomes:
        return "no feed due"
    parts = []
    for o in outcomes:
        if o.error:
            parts.append(f"{o.url}: {o.error}, retry in {o.retry_in:.0f} s")
        elif o.status == 304:
            parts.append(f"{o.url}: unchanged")
        else:
            extra = f", {len(o.skipped)} unreadable" if o.skipped else ""
            parts.append(f"{o.url}: {o.new_entries} new entries, {len(o.added)} articles stored{extra}")
    return "; ".join(parts)


# -- the command -----------------------------------------------------------------------------


def run_watch(feeds: str, *, store_path: str, interval: float = 300.0, once: bool = False,
              out_dir: str | None = None, max_polls: int | None = None, timeout: float = 20.0,
              allow_private_hosts: bool | None = None) -> list[PollOutcome]:
    """Poll the feeds listed in ``feeds`` (OPML or one URL a line) into the SQLite store at
    ``store_path`` until interrupted; ``once`` polls every feed one time; ``max_polls`` stops
    after that many rounds. With ``out_dir``, OUT/report.json is rewritten after each change.
    ``feeds`` may also be one feed URL. Returns the last round's outcomes (``--once`` exits
    non-zero when one of them failed)."""
    from .adapters.store import open_store

    urls = read_feed_list(feeds)
    store = open_store(store_path)
    watcher = FeedWatcher(store, urls, interval=interval, out_dir=out_dir, timeout=timeout,
                          allow_private_hosts=allow_private_hosts)
    rounds = 0
    outcomes: list[PollOutcome] = []
    try:
        from .incremental import bring_up_to_version, rebuild_dirty_stories, store_is_stale

        if store_is_stale(store):  # a store from an older version: brought up to date first
            watcher.echo("this version extracts or compares differently from the one that wrote the store: updating it ...")
            again = bring_up_to_version(store, watcher.runner)
            rebuilt = rebuild_dirty_stories(store, runner=watcher.runner)
            watcher.echo(f"analysed {again} stored articles again, rebuilt {len(rebuilt)} stories")
            if watcher.out_dir is not None:
                watcher.write_report()
        while True:
            outcomes = watcher.poll_due(force=once)  # --once: poll now, unless a feed is backing off
            rounds += 1
            if outcomes:
                watcher.echo(summarize(outcomes))
            if once or (max_polls is not None and rounds >= max_polls):
                break
            time.sleep(min(max(watcher.seconds_until_next(), 0.05), interval))
    except KeyboardInterrupt:
        watcher.echo("stopped; the store is consistent, the next run goes on from here")
    finally:
        watcher.close()
        store.close()
    return outcomes


__all__ = ["FeedWatcher", "PollOutcome", "backoff_delay", "parse_entries", "read_feed_list", "run_watch"]
