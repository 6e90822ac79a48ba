"""Shared fixture: the five Aleppo seeds, parsed and extracted once for the assess tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.extract.framing import extract_calls_to_action, extract_features, extract_loaded_terms, extract_terms
from newsprism.align.entities import merge_entities
from newsprism.align.referents import resolve_referents
from newsprism.extract.entities import extract_mentions
from newsprism.extract.referent_mentions import extract_ref_mentions
from newsprism.model import Article, ArticleAnalysis, Part, StoryContext


def seed_context(nlp, seeds_dir: Path) -> StoryContext:
    articles, analyses = [], {}
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        article = Article(path.stem, path.stem[:3], text)
        doc = nlp(text)
        found: dict = {"sentences": tuple(Part(s.start_char, s.end_char) for s in doc.sents if s.text.strip())}
        for name, fn in (("mentions", extract_mentions), ("terms", extract_terms), ("loaded_terms", extract_loaded_terms),
                         ("calls_to_action", extract_calls_to_action), ("features", extract_features)):
            found[name] = fn(doc, article, found)
        found["ref_mentions"] = extract_ref_mentions(doc, article, found)
        articles.append(article)
        analyses[article.id] = ArticleAnalysis(article_id=article.id, **found)
    ctx = StoryContext("s1", tuple(articles), analyses)
    ctx = StoryContext("s1", tuple(articles), analyses, {"entities": merge_entities(ctx)})
    return StoryContext("s1", tuple(articles), analyses, {**ctx.sections, "referents": resolve_referents(ctx)})


@pytest.fixture(scope="session")
def seed_ctx(nlp, seeds_dir):
    return seed_context(nlp, seeds_dir)
