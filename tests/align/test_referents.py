"""Referents: one resolution of who and what across the articles of a story."""

from __future__ import annotations

import pytest

from newsprism.align.entities import merge_entities
from newsprism.align.referents import resolve_referents
from newsprism.extract.entities import extract_mentions
from newsprism.extract.referent_mentions import extract_ref_mentions
from newsprism.model import Article, ArticleAnalysis, StoryContext


def _story(nlp, texts):
    articles, analyses = [], {}
    for n, text in enumerate(texts):
        article = Article(f"a{n}", f"o{n}", text)
        doc = nlp(text)
        mentions = extract_mentions(doc, article, {})
        found = {"mentions": mentions}
        analyses[article.id] = ArticleAnalysis(article.id, (), mentions=mentions, ref_mentions=extract_ref_mentions(doc, article, found))
        articles.append(article)
    ctx = StoryContext("s1", tuple(articles), analyses)
    ctx = StoryContext("s1", tuple(articles), analyses, {"entities": merge_entities(ctx)})
    return {a.id: a for a in articles}, resolve_referents(ctx)


def _referent_of(referents, article_id, text):
    found = [r for r in referents if any(s.article_id == article_id and s.text == text for s in r.mentions)]
    assert found, (article_id, text)
    return found[0]


@pytest.fixture(scope="module")
def story(nlp):
    return _story(
        nlp,
        [
            "U.S. automaker Chrysler filed for bankruptcy on Thursday. The automaker said its plants would close.",
            "Chrysler, the automaker, filed for bankruptcy. Ford said the filing was expected.",
            "The army defeated the rebels in the north. The rebels fled.",
            "The rebels were beaten by the army on Monday.",
        ],
    )


def test_every_mention_keeps_its_evidence(story):
    articles, referents = story
    for r in referents:
        assert r.kind in ("entity", "event") and r.label and r.evidence
        for s in r.mentions:
            assert articles[s.article_id].text[s.start : s.end] == s.text


def test_description_joins_the_name_the_story_describes_with_it(story):
    _, referents = story
    chrysler = _referent_of(referents, "a0", "Chrysler")
    assert chrysler is _referent_of(referents, "a0", "automaker")
    assert chrysler.label == "Chrysler" and chrysler.entity_id
    assert "description" in chrysler.evidence or "apposition" in chrysler.evidence
    assert chrysler is not _referent_of(referents, "a1", "Ford")


def test_opposite_participants_are_never_one_referent(story):
    _, referents = story
    rebels = _referent_of(referents, "a2", "rebels")
    assert rebels is _referent_of(referents, "a3", "rebels")
    assert rebels is not _referent_of(referents, "a2", "army")
    assert {s.article_id for s in rebels.mentions} >= {"a2", "a3"}


def test_same_output_on_every_run(nlp, story):
    _, first = story
    _, again = _story(
        nlp,
        [
            "U.S. automaker Chrysler filed for bankruptcy on Thursday. The automaker said its plants would close.",
            "Chrysler, the automaker, filed for bankruptcy. Ford said the filing was expected.",
            "The army defeated the rebels in the north. The rebels fled.",
            "The rebels were beaten by the army on Monday.",
        ],
    )
    assert first == again
