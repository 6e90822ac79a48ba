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
from typing import Any

from ..errors import NewsprismError
from ..report.html import looks_like_report

SQLITE_MAGIC = b"SQLite format 3\x00"


class SourceError(NewsprismError):
    code = "E701"
    hint = "give a report.json, a folder holding report.json files, or a newsprism SQLite store"


@dataclass(frozen=True)
class StoryRef:
    """One story, with the report it belongs to (the report holds the article texts)."""

    key: str
    report: dict[str, Any]
    story: dict[str, Any]


@dataclass
class Catalog:
    stories: dict[str, StoryRef] = field(default_factory=dict)
    skipped: list[dict[str, Any]] = field(default_factory=list)


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
        self._catalog = Catalog()

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

    def catalog(self) -> Catalog:
        with self._lock:
            files = self._files()
            stamp = self._current_stamp(files)
            if stamp != self._stamp:
                self._catalog = self._load(files)
                self._stamp = stamp
            return self._catalog

    # -- loading

    def _load(self, files: list[Path]) -> Catalog:
        if self.path.is_file() and is_sqlite(self.path):
            return self._index([("", self._report_from_store())])
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

    def _report_from_store(self) -> dict[str, Any]:
        try:
            from ..adapters.store import open_store
            from ..incremental import report_from_store
        except ImportError as exc:  # a build without the store
            raise SourceError(f"{self.path} is a SQLite store, but this newsprism cannot read stores ({exc})") from exc
        from ..adapters.store.corrections import apply_corrections

        store = open_store(self.path)
        try:
            # corrections by a person apply to every report made from the store
            return apply_corrections(report_from_store(store).to_dict(), store.corrections())
        finally:
            store.close()

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
