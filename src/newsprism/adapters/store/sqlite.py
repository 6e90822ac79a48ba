"""The default store: one SQLite file in WAL mode, at a path the user chooses.

Rows hold JSON (see ``codec``), so a store can be read with any SQLite tool. Every write
made inside ``transaction()`` is one SQLite transaction: a process killed half-way (kill -9)
leaves the store as it was after the last commit, and the next run picks up from there.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import sqlite3
from pathlib import Path
from typing import Iterator

from ...errors import ConfigError
from ...model import Article, ArticleAnalysis, Story
from . import codec
from .base import FeedState
from .corrections import Correction, apply_membership, check

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    fingerprint TEXT,
    payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_fingerprint ON articles (fingerprint);
CREATE TABLE IF NOT EXISTS analyses (article_id TEXT PRIMARY KEY, payload TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stories (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    payload TEXT,
    dirty INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS members (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT NOT NULL UNIQUE,
    story_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS members_story ON members (story_id);
CREATE TABLE IF NOT EXISTS feeds (url TEXT PRIMARY KEY, payload TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS feed_entries (
    feed_url TEXT NOT NULL,
    entry_key TEXT NOT NULL,
    article_id TEXT,
    PRIMARY KEY (feed_url, entry_key)
);
-- the first title a story was shown with: kept, so a story does not change name as articles arrive
CREATE TABLE IF NOT EXISTS story_titles (story_id TEXT PRIMARY KEY, title TEXT NOT NULL);
-- corrections by a person, applied to every report made from the store (corrections.py)
CREATE TABLE IF NOT EXISTS corrections (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    story_id TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    value TEXT NOT NULL DEFAULT ''
);
"""


class SQLiteStore:
    def __init__(self, path: str | Path, *, timeout: float = 30.0, check_same_thread: bool = True):
        """``check_same_thread=False``: the connection may be used from several threads, one at
        a time (the caller guards it with a lock: the web app shares one among its request threads)."""
        self.path = Path(path)
        if self.path.parent and not self.path.parent.exists():
            raise ConfigError(f"the folder for the store {self.path} does not exist",
                              hint="create the folder first, or give --store a path in an existing folder")
        # autocommit mode; transactions are opened explicitly (BEGIN IMMEDIATE) so that
        # nothing is committed behind our back between two related writes
        self._db = sqlite3.connect(str(self.path), timeout=timeout, isolation_level=None,
                                   check_same_thread=check_same_thread)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: safe against a killed process
        self._db.execute("PRAGMA foreign_keys=ON")
        self._depth = 0
        self._create_schema()

    def _create_schema(self) -> None:
        # executescript commits on its own, so it runs outside our transactions
        self._db.executescript(_SCHEMA)
        row = self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None:
            self._db.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION).encode(),))
        elif int(bytes(row[0]).decode()) > SCHEMA_VERSION:
            raise ConfigError(f"the store {self.path} was written by a newer newsprism",
                              hint="upgrade newsprism, or give --store a new path")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._db.execute("ROLLBACK")
            raise
        self._depth = 0
        self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _write(self, sql: str, params: tuple = ()) -> None:
        # a lone write outside transaction() is its own transaction (autocommit)
        self._db.execute(sql, params)

    # articles and analyses
    def put_article(self, article: Article) -> None:
        self._write(
            "INSERT INTO articles (id, fingerprint, payload) VALUES (?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET fingerprint=excluded.fingerprint, payload=excluded.payload",
            (article.id, article.fingerprint, codec.dumps(article)),
        )

    def get_article(self, article_id: str) -> Article | None:
        row = self._db.execute("SELECT payload FROM articles WHERE id=?", (article_id,)).fetchone()
        return codec.loads(Article, row[0]) if row else None

    def article_ids(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT id FROM articles ORDER BY seq")]

    def find_fingerprint(self, fingerprint: str) -> str | None:
        row = self._db.execute("SELECT id FROM articles WHERE fingerprint=? ORDER BY seq LIMIT 1", (fingerprint,)).fetchone()
        return row[0] if row else None

    def put_analysis(self, analysis: ArticleAnalysis) -> None:
        self._write("INSERT OR REPLACE INTO analyses (article_id, payload) VALUES (?, ?)",
                    (analysis.article_id, codec.dumps(analysis)))

    def get_analysis(self, article_id: str) -> ArticleAnalysis | None:
        payload = self.get_analysis_as_stored(article_id)
        return codec.loads(ArticleAnalysis, payload) if payload is not None else None

    def get_analysis_as_stored(self, article_id: str) -> str | None:
        """The analysis's codec JSON: a story rebuild ships it to the worker undecoded."""
        row = self._db.execute("SELECT payload FROM analyses WHERE article_id=?", (article_id,)).fetchone()
        return row[0] if row else None

    # stories
    def set_story_of(self, article_id: str, story_id: str) -> None:
        with self.transaction():
            old = self.story_of(article_id)
            if old == story_id:
                return
            if old is not None:
                self._db.execute("DELETE FROM members WHERE article_id=?", (article_id,))
                if not self.story_members(old):
                    self._db.execute("DELETE FROM stories WHERE id=?", (old,))
            self._db.execute("INSERT INTO members (article_id, story_id) VALUES (?, ?)", (article_id, story_id))
            self._db.execute("INSERT OR IGNORE INTO stories (id, payload, dirty) VALUES (?, NULL, 1)", (story_id,))

    def story_of(self, article_id: str) -> str | None:
        row = self._db.execute("SELECT story_id FROM members WHERE article_id=?", (article_id,)).fetchone()
        return row[0] if row else None

    def story_members(self, story_id: str) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT article_id FROM members WHERE story_id=? ORDER BY seq", (story_id,))]

    def story_ids(self) -> list[str]:
        return [r[0] for r in self._db.execute(
            "SELECT id FROM stories WHERE EXISTS (SELECT 1 FROM members m WHERE m.story_id = stories.id) ORDER BY seq")]

    def put_story(self, story: Story) -> None:
        with self.transaction():
            self._db.execute("INSERT OR IGNORE INTO story_titles (story_id, title) VALUES (?, ?)", (story.id, story.title))
            kept = self._db.execute("SELECT title FROM story_titles WHERE story_id=?", (story.id,)).fetchone()[0]
            if kept != story.title:
                story = dataclasses.replace(story, title=kept)
            self._put_story_row(story)

    def _put_story_row(self, story: Story) -> None:
        self._write(
            "INSERT INTO stories (id, payload, dirty) VALUES (?, ?, 0) "
            "ON CONFLICT(id) DO UPDATE SET payload=excluded.payload, dirty=0",
            (story.id, codec.dumps(story)),
        )

    def get_story(self, story_id: str) -> Story | None:
        row = self._db.execute("SELECT payload FROM stories WHERE id=?", (story_id,)).fetchone()
        return codec.loads(Story, row[0]) if row and row[0] is not None else None

    def built_story_ids(self) -> list[str]:
        return [r[0] for r in self._db.execute(
            "SELECT id FROM stories WHERE payload IS NOT NULL "
            "AND EXISTS (SELECT 1 FROM members m WHERE m.story_id = stories.id) ORDER BY seq")]

    def list_stories(self) -> list[Story]:
        rows = self._db.execute(
            "SELECT payload FROM stories WHERE payload IS NOT NULL "
            "AND EXISTS (SELECT 1 FROM members m WHERE m.story_id = stories.id) ORDER BY seq")
        return [codec.loads(Story, r[0]) for r in rows]

    def mark_dirty(self, story_id: str) -> None:
        self._write("INSERT INTO stories (id, payload, dirty) VALUES (?, NULL, 1) "
                    "ON CONFLICT(id) DO UPDATE SET dirty=1", (story_id,))

    def dirty_stories(self) -> list[str]:
        return [r[0] for r in self._db.execute(
            "SELECT id FROM stories WHERE dirty=1 "
            "AND EXISTS (SELECT 1 FROM members m WHERE m.story_id = stories.id) ORDER BY seq")]

    # feeds
    def get_feed(self, url: str) -> FeedState | None:
        row = self._db.execute("SELECT payload FROM feeds WHERE url=?", (url,)).fetchone()
        if row is None:
            return None
        data = json.loads(row[0])
        names = {f.name for f in dataclasses.fields(FeedState)}
        return FeedState(**{k: v for k, v in data.items() if k in names})

    def put_feed(self, state: FeedState) -> None:
        self._write("INSERT OR REPLACE INTO feeds (url, payload) VALUES (?, ?)",
                    (state.url, json.dumps(dataclasses.asdict(state))))

    def seen_entry(self, feed_url: str, entry_key: str) -> bool:
        return self._db.execute("SELECT 1 FROM feed_entries WHERE feed_url=? AND entry_key=?",
                                (feed_url, entry_key)).fetchone() is not None

    def mark_entry_seen(self, feed_url: str, entry_key: str, article_id: str | None) -> None:
        self._write("INSERT OR REPLACE INTO feed_entries (feed_url, entry_key, article_id) VALUES (?, ?, ?)",
                    (feed_url, entry_key, article_id))

    # corrections by a person
    def add_correction(self, story_id: str, action: str, target: str = "", value: str = "") -> Correction:
        check(action, target, value)
        with self.transaction():
            cur = self._db.execute("INSERT INTO corrections (story_id, action, target, value) VALUES (?, ?, ?, ?)",
                                   (story_id, action, target, value))
            c = Correction(int(cur.lastrowid), story_id, action, target, value)
            apply_membership(self, c)
        return c

    def corrections(self) -> list[Correction]:
        return [Correction(*row) for row in self._db.execute(
            "SELECT seq, story_id, action, target, value FROM corrections ORDER BY seq")]

    # meta
    def get_meta(self, key: str) -> bytes | None:
        row = self._db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return bytes(row[0]) if row else None

    def set_meta(self, key: str, value: bytes) -> None:
        self._write("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, sqlite3.Binary(value)))
