"""Where the web app's stories come from: a report.json, a folder of them, or a SQLite store.

Each source is re-read only when its files change (checked on every request), so a running
``newsprism serve`` picks up new analyses without a restart.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from ..errors import NewsprismError
from ..report.html import looks_like_report
from ..report.html_view import StoryPage, articles_index

if TYPE_CHECKING:
    from .store_catalog import SharedStore, StoreCatalog

SQLITE_MAGIC = b"SQLite format 3\x00"


class SourceError(NewsprismError):
    code = "E701"
    hint = "give a report.json, a folder holding report.json files, or a newsprism SQLite store"


@dataclass(frozen=True)
class StoryRef:
    """One story, with the report it belongs to (the report holds the article texts; a store's
    story gets a report of its own articles, read with it)."""

    key: str
    report: dict[str, Any]
    story: dict[str, Any]


@dataclass
class Catalog:
    """The stories of report.json files, held in memory (a store's: ``store_catalog.StoreCatalog``)."""

    stories: dict[str, StoryRef] = field(default_factory=dict)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    version: int = 0  # set by ReportSource; the app's caches are keyed by it

    def keys(self) -> list[str]:
        return list(self.stories)

    def get(self, key: str) -> StoryRef | None:
        return self.stories.get(key)

    def pages(self) -> Iterator[StoryPage]:
        """A page per story, for the story list (rows and search texts)."""
        indexes: dict[int, dict] = {}  # one article index per report, not one per story
        for ref in self.stories.values():
            if id(ref.report) not in indexes:
                indexes[id(ref.report)] = articles_index(ref.report)
            yield StoryPage(ref.report, ref.story, key=ref.key, articles_by_id=indexes[id(ref.report)])


def is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-") or "report"


class ReportSource:
    """Loads the stories behind ``source`` and keeps them until the files change."""

    def __init__(self, source: str | Path):
        self.path = Path(source).expanduser()
        if not self.path.exists():
            raise SourceError(f"{self.path} does not exist")
        self._lock = threading.Lock()
        self._stamp: tuple | None = None
        self._catalog: Catalog | StoreCatalog = Catalog()
        self._shared: SharedStore | None = None  # a store's connection, open while the source is served
        self._loads = 0

    # -- what changed

    def _files(self) -> list[Path]:
        if self.path.is_dir():
            named = sorted(self.path.rglob("report.json"))
            return named or sorted(p for p in self.path.rglob("*.json") if p.is_file())
        if is_sqlite(self.path):
            return [p for p in (self.path, Path(f"{self.path}-wal")) if p.exists()]
        return [self.path]

    def _current_stamp(self, files: list[Path]) -> tuple:
        stamp = []
        for p in files:
            try:
                st = p.stat()
                stamp.append((str(p), st.st_mtime_ns, st.st_size))
            except OSError:
                continue
        return tuple(stamp)

    def catalog(self) -> Catalog | StoreCatalog:
        with self._lock:
            if self.writable:
                self._store()  # opened before the stamp is taken: opening creates the -wal file
            files = self._files()
            stamp = self._current_stamp(files)
            if stamp != self._stamp:
                self._catalog = self._load(files)
                # a number never given twice: id() of a dropped catalog is soon another's, and a
                # cache keyed by it would serve an earlier version's list or pages
                self._loads += 1
                self._catalog.version = self._loads
                self._stamp = stamp
            return self._catalog

    # -- loading

    def _load(self, files: list[Path]) -> Catalog | StoreCatalog:
        if self.path.is_file() and is_sqlite(self.path):
            from .store_catalog import StoreCatalog

            return StoreCatalog(self._store())
        reports: list[tuple[str, dict[str, Any]]] = []
        skipped: list[dict[str, Any]] = []
        for p in files:
            try:
                data = json.loads(p.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                skipped.append({"input": str(p), "reason": f"not a readable report.json: {exc}"})
                continue
            if not looks_like_report(data):
                if not self.path.is_dir():
                    skipped.append({"input": str(p), "reason": "not a newsprism report (no stories and articles)"})
                continue
            rel = p.parent.relative_to(self.path).as_posix() if self.path.is_dir() else ""
            reports.append((rel if rel != "." else "", data))
        catalog = self._index(reports)
        catalog.skipped[:0] = skipped
        return catalog

    def _store(self) -> SharedStore:
        """The store's one connection, opened at the first use (call under ``self._lock``)."""
        if self._shared is None:
            try:
                from .store_catalog import SharedStore
            except ImportError as exc:  # a build without the store
                raise SourceError(f"{self.path} is a SQLite store, but this newsprism cannot read stores ({exc})") from exc
            self._shared = SharedStore(self.path)
        return self._shared

    def close(self) -> None:
        """Close a store's connection (at shutdown); a later request opens a new one and re-reads."""
        with self._lock:
            if self._shared is not None:
                self._shared.close()
                self._shared = None
                self._stamp = None  # the catalog read through the closed connection is dropped

    # -- corrections (a store only)

    @property
    def writable(self) -> bool:
        """Corrections are kept in a store; report.json files are read only."""
        return self.path.is_file() and is_sqlite(self.path)

    def add_correction(self, *, story_id: str, action: str, target: str = "", value: str = "") -> None:
        if not self.writable:
            raise ValueError("corrections are kept in a store: serve a newsprism SQLite store to make them")
        from ..adapters.store import open_store

        with self._lock:
            with open_store(self.path) as store:
                store.add_correction(story_id, action, target, value)
            self._stamp = None  # re-read at the next request

    @staticmethod
    def _index(reports: list[tuple[str, dict[str, Any]]]) -> Catalog:
        catalog = Catalog()
        for name, data in reports:  # name: the report's folder under the source ("" at the top)
            for story in data.get("stories", []):
                sid = str(story.get("id", ""))
                key = f"{_slug(name)}--{sid}" if name else sid
                while key in catalog.stories:  # two folders with the same slug
                    key += "_"
                catalog.stories[key] = StoryRef(key, data, story)
            for s in data.get("skipped") or []:
                catalog.skipped.append(s)
        return catalog
