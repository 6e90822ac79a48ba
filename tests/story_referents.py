"""Resolves the referents of a story made of short texts, the way the pipeline does (shared by tests)."""

from __future__ import annotations

from newsprism.align.entities import merge_entities
from newsprism.align.referents import resolve_referents
from newsprism.extract.entities import extract_mentions
from newsprism.extract.referent_mentions import extract_ref_mentions
from newsprism.model import Article, ArticleAnalysis, StoryContext


def resolve_story(nlp, texts, published=()):
    """(articles by id, referents) of one story: article n is "a{n}", published on ``published[n]`` if given."""
    articles, analyses = [], {}
    for n, text in enumerate(texts):
        article = Article(f"a{n}", f"o{n}", text, published=published[n] if n < len(published) else None)
        doc = nlp(text)
        mentions = extract_mentions(doc, article, {})
        analyses[article.id] = ArticleAnalysis(article.id, (), mentions=mentions, ref_mentions=extract_ref_mentions(doc, article, {"mentions": mentions}))
        articles.append(article)
    ctx = StoryContext("s1", tuple(articles), analyses)
    ctx = StoryContext("s1", tuple(articles), analyses, {"entities": merge_entities(ctx)})
    return {a.id: a for a in articles}, resolve_referents(ctx)
