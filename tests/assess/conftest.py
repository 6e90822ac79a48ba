"""Shared fixture: the five Aleppo seeds, parsed and extracted once for the assess tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.align.entities import merge_entities
from newsprism.align.referents import resolve_referents
from newsprism.extract import analyze_article
from newsprism.model import Article, StoryContext


def seed_context(nlp, seeds_dir: Path) -> StoryContext:
    articles, analyses = [], {}
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        article = Article(path.stem, path.stem[:3], text)
        articles.append(article)
        analyses[article.id] = analyze_article(
            article, nlp(text),
            only=("mentions", "ref_mentions", "terms", "loaded_terms", "calls_to_action", "features", "sentence_tone"))
    ctx = StoryContext("s1", tuple(articles), analyses)
    ctx = StoryContext("s1", tuple(articles), analyses, {"entities": merge_entities(ctx)})
    sections = {**dict.fromkeys(("quotes", "claims", "framing"), ()), **ctx.sections, "referents": resolve_referents(ctx)}
    return StoryContext("s1", tuple(articles), analyses, sections)


@pytest.fixture(scope="session")
def seed_ctx(nlp, seeds_dir):
    return seed_context(nlp, seeds_dir)
