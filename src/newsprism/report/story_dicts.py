"""The report dict's stories made one at a time, for a report too large to hold at once.

A store's report (``incremental.StoredStories``) decodes each story when it is reached; its
report dict then holds a ``StoryDicts`` under ``"stories"`` instead of a list. Every writer
passes over the stories in order (report.json, report.md, report.html, the CSV files), so only
one story's dict is alive at a time: on 10,000 articles the report.html step had taken the
driver to 6.6 GB, holding every story, its dict and its page at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Callable, Iterable, Iterator, Mapping

from ..model import Story


class StoryDicts(Sequence):
    """``[correct(s.to_dict()) for s in stories]``, made lazily (``correct``: a person's
    corrections, applied to one story's dict). Each pass re-reads the stories: nothing is cached."""

    def __init__(self, stories: Sequence[Story], correct: Callable[[dict], dict] | None = None):
        self._stories = stories
        self._correct = correct
        self._positions: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self._stories)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._dict(s) for s in self._stories[index]]
        return self._dict(self._stories[index])

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (self._dict(s) for s in self._stories)

    def by_id(self, story_id: str) -> dict[str, Any] | None:
        """One story's dict by its id (without a pass over the others when the ids are known)."""
        if self._positions is None:
            ids: Iterable[str] = getattr(self._stories, "ids", None) or [s.id for s in self._stories]
            self._positions = {str(i): n for n, i in enumerate(ids)}
        n = self._positions.get(str(story_id))
        return None if n is None else self[n]

    def _dict(self, story: Story) -> dict[str, Any]:
        data = story.to_dict()
        return self._correct(data) if self._correct is not None else data


def story_lookup(stories: Sequence[Mapping[str, Any]]):
    """``story id -> its dict`` for a list of dicts or a ``StoryDicts``, holding no more than it has."""
    by_id = getattr(stories, "by_id", None)
    if by_id is not None:
        return by_id
    index = {str(s.get("id")): s for s in stories}
    return index.get
