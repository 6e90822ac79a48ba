"""A store held in memory: for tests and one-off runs. Same contract as the SQLite store."""

from __future__ import annotations

import contextlib
import dataclasses
import copy
from typing import Iterator

from ...model import Article, ArticleAnalysis, Story
from .base import FeedState
from .corrections import Correction, apply_membership, check


class MemoryStore:
    def __init__(self) -> None:
        self._articles: dict[str, Article] = {}  # dicts keep insertion order = ingest order
        self._fingerprints: dict[str, str] = {}
        self._analyses: dict[str, ArticleAnalysis] = {}
        self._story_of: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}
        self._stories: dict[str, Story] = {}
        self._dirty: dict[str, None] = {}
        self._feeds: dict[str, FeedState] = {}
        self._entries: dict[tuple[str, str], str | None] = {}
        self._meta: dict[str, bytes] = {}
        self._titles: dict[str, str] = {}  # story id -> the first title it was shown with (kept)
        self._corrections: dict[int, dict] = {}  # corrections by a person, applied on every analysis
        self._depth = 0

    _STATE = ("_articles", "_fingerprints", "_analyses", "_story_of", "_members", "_stories",
              "_dirty", "_feeds", "_entries", "_meta", "_titles", "_corrections")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        # values are frozen dataclasses: copying the containers is a full snapshot
        snapshot = {name: copy.deepcopy(getattr(self, name)) if name == "_members" else dict(getattr(self, name))
                    for name in self._STATE}
        self._depth = 1
        try:
            yield
        except BaseException:
            for name, value in snapshot.items():
                setattr(self, name, value)
            raise
        finally:
            self._depth = 0

    def close(self) -> None:
        return None

    def __enter__(self) -> "MemoryStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # articles and analyses
    def put_article(self, article: Article) -> None:
        self._articles[article.id] = article
        if article.fingerprint:
            self._fingerprints.setdefault(article.fingerprint, article.id)

    def get_article(self, article_id: str) -> Article | None:
        return self._articles.get(article_id)

    def article_ids(self) -> list[str]:
        return list(self._articles)

    def find_fingerprint(self, fingerprint: str) -> str | None:
        return self._fingerprints.get(fingerprint)

    def put_analysis(self, analysis: ArticleAnalysis) -> None:
        self._analyses[analysis.article_id] = analysis

    def get_analysis(self, article_id: str) -> ArticleAnalysis | None:
        return self._analyses.get(article_id)

    def get_analysis_as_stored(self, article_id: str) -> ArticleAnalysis | None:
        return self._analyses.get(article_id)

    # stories
    def set_story_of(self, article_id: str, story_id: str) -> None:
        old = self._story_of.get(article_id)
        if old == story_id:
            return
        if old is not None:
            self._members[old].remove(article_id)
            if not self._members[old]:
                del self._members[old]
                self._stories.pop(old, None)
                self._dirty.pop(old, None)
        self._story_of[article_id] = story_id
        self._members.setdefault(story_id, []).append(article_id)

    def story_of(self, article_id: str) -> str | None:
        return self._story_of.get(article_id)

    def story_members(self, story_id: str) -> list[str]:
        return list(self._members.get(story_id, ()))

    def story_ids(self) -> list[str]:
        return list(self._members)

    def put_story(self, story: Story) -> None:
        kept = self._titles.setdefault(story.id, story.title)
        if kept != story.title:
            story = dataclasses.replace(story, title=kept)
        self._stories[story.id] = story
        self._dirty.pop(story.id, None)

    def get_story(self, story_id: str) -> Story | None:
        return self._stories.get(story_id)

    def built_story_ids(self) -> list[str]:
        return [s for s in self._members if s in self._stories]

    def list_stories(self) -> list[Story]:
        return [self._stories[s] for s in self._members if s in self._stories]

    def mark_dirty(self, story_id: str) -> None:
        self._dirty[story_id] = None

    def dirty_stories(self) -> list[str]:
        return [s for s in self._dirty if s in self._members]

    # feeds
    def get_feed(self, url: str) -> FeedState | None:
        return self._feeds.get(url)

    def put_feed(self, state: FeedState) -> None:
        self._feeds[state.url] = state

    def seen_entry(self, feed_url: str, entry_key: str) -> bool:
        return (feed_url, entry_key) in self._entries

    def mark_entry_seen(self, feed_url: str, entry_key: str, article_id: str | None) -> None:
        self._entries[(feed_url, entry_key)] = article_id

    # corrections by a person
    def add_correction(self, story_id: str, action: str, target: str = "", value: str = "") -> Correction:
        check(action, target, value)
        with self.transaction():
            c = Correction(len(self._corrections) + 1, story_id, action, target, value)
            self._corrections[c.seq] = c.to_dict()
            apply_membership(self, c)
        return c

    def corrections(self) -> list[Correction]:
        return [Correction(**d) for _, d in sorted(self._corrections.items())]

    # meta
    def get_meta(self, key: str) -> bytes | None:
        return self._meta.get(key)

    def set_meta(self, key: str, value: bytes) -> None:
        self._meta[key] = bytes(value)
