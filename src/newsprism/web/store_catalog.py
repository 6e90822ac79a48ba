"""A SQLite store served by the web app, read one story at a time.

Serving a store used to build its whole report in memory: every story's dict, and for the story
list a page per story holding that report; gigabytes at crawl scale (10,000 articles). A
``StoreCatalog`` holds the article metadata (no texts), the corrections and the story ids; the
app's story list is made from ``pages()``, one story decoded at a time, and a story's page, CSV
and JSON read that story and its articles from the store when a request asks for it (``get``).
What they show is what the whole report showed, byte for byte.
"""

from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from ..adapters.store.sqlite import SQLiteStore
from ..incremental import rebuild_dirty_stories, store_is_stale
from ..model import Article, Story
from ..report.corrections import correct_story, corrections_by_story
from ..report.html_view import StoryPage
from .sources import StoryRef

log = logging.getLogger(__name__)


class SharedStore:
    """One connection to the store for every request thread, used by one thread at a time.

    Open for the life of the server, not per request: opening and closing a WAL store creates
    and deletes its -wal file, which the source's change check reads as a new version of the
    store (a rebuild of the story list). One connection also keeps one page cache, not one per
    thread of the server's pool."""

    def __init__(self, path: Path):
        self._store = SQLiteStore(path, check_same_thread=False)
        self._lock = threading.Lock()

    @contextmanager
    def use(self) -> Iterator[SQLiteStore]:
        with self._lock:
            yield self._store

    def close(self) -> None:
        with self._lock:
            self._store.close()


class StoreCatalog:
    """The stories of a store, as ``sources.Catalog`` gives those of report.json files (a story's
    key is its id)."""

    def __init__(self, shared: SharedStore):
        self._shared = shared
        self.skipped: list[dict[str, Any]] = []  # a store keeps no skipped inputs
        self.version = 0  # set by ReportSource
        with shared.use() as store:
            if store_is_stale(store):  # served as it is; an update brings it up to date
                log.warning("%s was analysed or compared by an older newsprism: run `newsprism analyze --store` "
                            "or `newsprism watch` on it once to bring it up to this version", store.path)
            # as report_from_store: stories left dirty (a merge, a killed run) are rebuilt first
            rebuild_dirty_stories(store)
            self._ids = store.built_story_ids()
            self._corrections = corrections_by_story(store.corrections())
            # the report's articles in store order, without their texts: a story's CSV names the
            # outlet and URL of any article its evidence cites
            self._articles = {i: _metadata(store.get_article(i)) for i in store.article_ids()}
        self._known = set(self._ids)

    def keys(self) -> list[str]:
        return list(self._ids)

    def get(self, key: str) -> StoryRef | None:
        """One story, its corrections applied, with a report dict that holds what its page, CSV
        and JSON read: every article in store order (the story's own with their texts) and the story."""
        loaded = self._read(key) if key in self._known else None
        if loaded is None:
            return None
        story, members = loaded
        report = {"articles": [members.get(i, meta) for i, meta in self._articles.items()], "stories": [story]}
        return StoryRef(key, report, story)

    def pages(self) -> Iterator[StoryPage]:
        """A page per story for the story list, each read when reached (one alive at a time)."""
        for key in self._ids:
            loaded = self._read(key)
            if loaded is not None:
                story, members = loaded
                yield StoryPage({}, story, key=key, articles_by_id=members)

    def _read(self, story_id: str) -> tuple[dict[str, Any], dict[str, dict[str, Any]]] | None:
        """The story's dict (corrected) and its articles' dicts by id; None when it left the store
        (merged into another) since the catalog was made."""
        with self._shared.use() as store:
            story: Story | None = store.get_story(story_id)
            if story is None:
                return None
            # articles stored since the catalog was made are left out, as the report left them out
            wanted = [i for i in dict.fromkeys(story.article_ids) if i in self._articles]
            articles = [store.get_article(i) for i in wanted]
        data = correct_story(story.to_dict(), self._corrections.get(story_id, []))
        return data, {a.id: a.to_dict() for a in articles if a is not None}


def _metadata(article: Article | None) -> dict[str, Any]:
    data = article.to_dict() if article is not None else {}
    data.pop("text", None)
    return data
