"""Quotes matched across outlets: also_in and attribution conflicts."""

from __future__ import annotations

from newsprism.align.entities import merge_entities
from newsprism.align.quotes import align_quotes
from newsprism.model import Article, ArticleAnalysis, Mention, Part, Quote, Speaker, StoryContext

SAID = "the reports we had are of people being shot in the street"


def _article(aid: str, text: str, speaker: str, quote_words: str, direct: bool = True):
    start = text.index(quote_words)
    s_start = text.index(speaker)
    mention = Mention(aid, s_start, s_start + len(speaker), speaker, "PERSON")
    quote = Quote(
        id=f"{aid}/q1", article_id=aid, text=quote_words, start=start, end=start + len(quote_words), direct=direct,
        parts=(Part(start, start + len(quote_words)),),
        speaker=Speaker(name=speaker, start=s_start, end=s_start + len(speaker), text=speaker), cue="said",
    )
    return Article(id=aid, outlet=aid, text=text), ArticleAnalysis(aid, (), mentions=(mention,), quotes=(quote,))


def _story(*pairs):
    articles = tuple(a for a, _ in pairs)
    analyses = {a.id: an for a, an in pairs}
    ctx = StoryContext("s1", articles, analyses)
    entities = merge_entities(ctx)
    return align_quotes(StoryContext("s1", articles, analyses, {"entities": entities})), entities


def test_same_words_in_two_outlets_are_linked():
    a = _article("a", f"“The reports we had are of people being shot in the street,” said Rupert Colville.", "Rupert Colville", "The reports we had are of people being shot in the street")
    b = _article("b", f"UN spokesman Colville said: “The reports we had are of people being shot in the street and in their homes.”", "Colville", "The reports we had are of people being shot in the street and in their homes.")
    quotes, entities = _story(a, b)
    qa, qb = quotes
    assert qa.also_in == ("b/q1",) and qb.also_in == ("a/q1",)
    assert qa.attribution_conflicts == () and qb.attribution_conflicts == ()
    assert qa.speaker.entity_id == qb.speaker.entity_id == entities[0].id


def test_same_words_different_speakers_is_a_conflict():
    a = _article("a", "“We are tired of hearing this whining,” said Sergei Lavrov.", "Sergei Lavrov", "We are tired of hearing this whining")
    b = _article("b", "“We are tired of hearing this whining,” said Vitaly Churkin.", "Vitaly Churkin", "We are tired of hearing this whining")
    quotes, _ = _story(a, b)
    assert quotes[0].attribution_conflicts == ("b/q1",)
    assert quotes[1].attribution_conflicts == ("a/q1",)


def test_different_words_and_short_phrases_are_not_linked():
    a = _article("a", "Lavrov said the talks were at a “dead end”.", "Lavrov", "dead end")
    b = _article("b", "Kerry said the road was a “dead end”.", "Kerry", "dead end")
    c = _article("c", "“The city will be rebuilt within a year,” said Bashar al-Assad.", "Bashar al-Assad", "The city will be rebuilt within a year")
    quotes, _ = _story(a, b, c)
    assert all(q.also_in == () and q.attribution_conflicts == () for q in quotes)
