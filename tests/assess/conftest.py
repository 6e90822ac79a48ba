"""Shared fixture: the five Aleppo seeds, parsed and extracted once for the assess tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.extract import analyze_article
from newsprism.model import Article, StoryContext


def seed_context(nlp, seeds_dir: Path) -> StoryContext:
    articles, analyses = [], {}
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        article = Article(path.stem, path.stem[:3], text)
        articles.append(article)
        analyses[article.id] = analyze_article(
            article, nlp(text), only=("terms", "loaded_terms", "calls_to_action", "features", "sentence_tone"))
    return StoryContext("s1", tuple(articles), analyses, dict.fromkeys(("entities", "quotes", "claims", "framing"), ()))


@pytest.fixture(scope="session")
def seed_ctx(nlp, seeds_dir):
    return seed_context(nlp, seeds_dir)
