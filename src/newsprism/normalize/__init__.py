"""Normalise ingested articles: fingerprint, language, exact and near duplicates.

``article.text`` is never changed (every offset points into it); this stage only fills
``fingerprint``, ``language`` and ``duplicate_of``.
"""

from __future__ import annotations

import dataclasses
from typing import Sequence

from ..model import Article
from .clean import guess_language, text_fingerprint
from .dedup import DedupConfig, find_duplicates

__all__ = ["DedupConfig", "find_duplicates", "guess_language", "normalize_articles", "text_fingerprint"]


def normalize_articles(articles: Sequence[Article], config: DedupConfig = DedupConfig()) -> list[Article]:
    """The articles in input order, with fingerprint and language filled when missing and
    ``duplicate_of`` pointing at the first copy (earliest published, then input order)."""
    originals = find_duplicates([a.text for a in articles], [a.published for a in articles], config)
    out = []
    for article, original in zip(articles, originals):
        changes: dict[str, str | None] = {}
        if not article.fingerprint:
            changes["fingerprint"] = text_fingerprint(article.text)
        if not article.language:
            language = guess_language(article.text)
            if language:
                changes["language"] = language
        if article.duplicate_of is None and original is not None:
            changes["duplicate_of"] = articles[original].id
        out.append(dataclasses.replace(article, **changes) if changes else article)
    return out
