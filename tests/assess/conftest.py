"""Shared fixture: the five Aleppo seeds, parsed and extracted once for the assess tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.extract.framing import extract_calls_to_action, extract_features, extract_loaded_terms, extract_terms
from newsprism.model import Article, ArticleAnalysis, Part, StoryContext


def seed_context(nlp, seeds_dir: Path) -> StoryContext:
    articles, analyses = [], {}
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        article = Article(path.stem, path.stem[:3], text)
        doc = nlp(text)
        found: dict = {"sentences": tuple(Part(s.start_char, s.end_char) for s in doc.sents if s.text.strip())}
        for name, fn in (("terms", extract_terms), ("loaded_terms", extract_loaded_terms),
                         ("calls_to_action", extract_calls_to_action), ("features", extract_features)):
            found[name] = fn(doc, article, found)
        articles.append(article)
        analyses[article.id] = ArticleAnalysis(article_id=article.id, **found)
    return StoryContext("s1", tuple(articles), analyses)


@pytest.fixture(scope="session")
def seed_ctx(nlp, seeds_dir):
    return seed_context(nlp, seeds_dir)
