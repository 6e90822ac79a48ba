"""The store interface: where articles, their analyses, stories and feed state persist.

Two implementations: ``MemoryStore`` (tests, one-off runs) and ``SQLiteStore`` (the default,
one file in WAL mode). Writes made inside ``with store.transaction():`` land together or not
at all, which is what lets a killed ingest leave a consistent store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ContextManager, Protocol, Sequence, runtime_checkable

from ...model import Article, ArticleAnalysis, Story
from .corrections import Correction


@dataclass(frozen=True)
class FeedState:
    """What a polite poller remembers about one feed between polls."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0  # consecutive failed polls; drives the exponential backoff
    next_poll_at: float = 0.0  # unix time before which the feed is not asked again
    last_polled_at: float | None = None
    last_status: int | None = None  # HTTP status of the last answer (None: no answer)
    last_error: str | None = None


@runtime_checkable
class Store(Protocol):
    # -- transactions ------------------------------------------------------------------
    def transaction(self) -> ContextManager[None]:
        """Group writes: all of them are kept, or none (nested calls join the outer one)."""

    def close(self) -> None: ...

    # -- articles and analyses ---------------------------------------------------------
    def put_article(self, article: Article) -> None:
        """Insert or replace by id; ingest order is kept for new ids."""

    def get_article(self, article_id: str) -> Article | None: ...

    def article_ids(self) -> list[str]:
        """Every stored article id, in the order they were first stored."""

    def find_fingerprint(self, fingerprint: str) -> str | None:
        """The id of the first stored article with this fingerprint, if any."""

    def put_analysis(self, analysis: ArticleAnalysis) -> None: ...

    def get_analysis(self, article_id: str) -> ArticleAnalysis | None: ...

    def get_analysis_as_stored(self, article_id: str) -> ArticleAnalysis | str | None:
        """The analysis in the form the store keeps it: an object, or its codec JSON, which the
        worker that reads it decodes (``runner.stories.build_task``), not the driver."""

    # -- stories -----------------------------------------------------------------------
    def set_story_of(self, article_id: str, story_id: str) -> None:
        """Make ``article_id`` a member of ``story_id`` (an article is in one story only)."""

    def story_of(self, article_id: str) -> str | None: ...

    def story_members(self, story_id: str) -> list[str]:
        """Member article ids, in the order they joined."""

    def story_ids(self) -> list[str]:
        """Every story that has members, in the order they were created."""

    def put_story(self, story: Story) -> None:
        """Store a built story and clear its dirty flag."""

    def get_story(self, story_id: str) -> Story | None: ...

    def built_story_ids(self) -> list[str]:
        """The ids of ``list_stories()``, in its order (read them one at a time with ``get_story``)."""

    def list_stories(self) -> list[Story]:
        """Every built story, in creation order."""

    def mark_dirty(self, story_id: str) -> None:
        """The story's members changed: it must be rebuilt before it is reported."""

    def dirty_stories(self) -> list[str]: ...

    # -- feeds -------------------------------------------------------------------------
    def get_feed(self, url: str) -> FeedState | None: ...

    def put_feed(self, state: FeedState) -> None: ...

    def seen_entry(self, feed_url: str, entry_key: str) -> bool: ...

    def mark_entry_seen(self, feed_url: str, entry_key: str, article_id: str | None) -> None: ...

    # -- small named values (counters, the clusterer's saved state) --------------------
    def get_meta(self, key: str) -> bytes | None: ...

    def set_meta(self, key: str, value: bytes) -> None: ...

    # -- corrections by a person (see corrections.py) ---------------------------------
    def add_correction(self, story_id: str, action: str, target: str = "", value: str = "") -> Correction:
        """Keep a correction; merges and splits also move articles and mark stories dirty."""

    def corrections(self) -> list[Correction]:
        """Every correction, in the order made."""


def stories_in_order(store: Store, story_ids: Sequence[str]) -> list[Story]:
    """Helper for implementations: the built stories among ``story_ids``, in that order."""
    out = []
    for story_id in story_ids:
        story = store.get_story(story_id)
        if story is not None:
            out.append(story)
    return out
