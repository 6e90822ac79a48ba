"""Runs per-article parsing and extraction in this process, in batches."""

from __future__ import annotations

from typing import Iterator, Sequence

from ...extract import process_batch
from ...model import Article, ArticleAnalysis


class LocalRunner:
    """In-process runner: the default for a laptop and for tests."""

    def __init__(self, batch_size: int = 16):
        self.batch_size = batch_size

    def map_articles(self, articles: Sequence[Article]) -> Iterator[ArticleAnalysis]:
        for i in range(0, len(articles), self.batch_size):
            yield from process_batch(articles[i : i + self.batch_size])
