"""The neutral summary: cited, grounded, agreed facts first, disputes kept open."""

from __future__ import annotations

import pytest

from newsprism.align.claims import align_claims
from newsprism.extract.claims import extract_claims
from newsprism.model import Article, ArticleAnalysis, Options, Part, Span, StoryContext, SummarySentence
from newsprism.summarize import emotive_rate, neutral_text, summarize, ungrounded_words


def _context(articles, nlp, sentences=6, loaded=None) -> StoryContext:
    analyses = {}
    for article in articles:
        doc = nlp(article.text)
        analyses[article.id] = ArticleAnalysis(
            article.id, tuple(Part(s.start_char, s.end_char) for s in doc.sents),
            claims=extract_claims(doc, article, {}), loaded_terms=tuple((loaded or {}).get(article.id, ())),
        )
    ctx = StoryContext("s1", tuple(articles), analyses, {}, Options(summary_sentences=sentences))
    return StoryContext("s1", ctx.articles, analyses, {"claims": align_claims(ctx)}, ctx.options)


@pytest.fixture(scope="module")
def seeds(seeds_dir, nlp):
    articles = [
        Article(id=p.stem, outlet=p.stem[:3], text=p.read_text(encoding="utf-8").replace("\r\n", "\n"))
        for p in sorted(seeds_dir.glob("*.txt"))
    ]
    ctx = _context(articles, nlp, sentences=7)
    return ctx, summarize(ctx)


def test_every_sentence_is_cited_with_exact_evidence(seeds):
    ctx, summary = seeds
    texts = {a.id: a.text for a in ctx.articles}
    assert 1 <= len(summary) <= 7
    for sentence in summary:
        assert sentence.citations and sentence.evidence
        assert set(sentence.citations) == {e.article_id for e in sentence.evidence}
        for e in sentence.evidence:
            assert texts[e.article_id][e.start : e.end] == e.text


def test_every_sentence_is_grounded_in_its_cited_articles(seeds):
    ctx, summary = seeds
    by_id = {a.id: a for a in ctx.articles}
    assert [ungrounded_words(s, by_id) for s in summary] == [[] for _ in summary]


def test_agreed_first_then_disputes_stated_as_disputes(seeds):
    ctx, summary = seeds
    kinds = ["dispute" if s.text.startswith("Outlets differ on") else "statement" for s in summary]
    assert "dispute" in kinds and kinds[0] == "statement"
    disputes = [s for s in summary if s.text.startswith("Outlets differ on")]
    # both sides are given, each attributed, and neither is dropped
    assert any("79 people" in s.text and ("82" in s.text or "eighty-two" in s.text) for s in disputes)
    for s in disputes:
        assert s.text.count("report") >= 2 and ";" in s.text
    claims = {c.text: c for c in ctx.sections["claims"]}
    first = claims.get(summary[0].text)
    assert first is None or first.status == "agreed"


def test_length_follows_the_option(seeds_dir, nlp):
    articles = [
        Article(id=p.stem, outlet=p.stem[:3], text=p.read_text(encoding="utf-8").replace("\r\n", "\n"))
        for p in sorted(seeds_dir.glob("*.txt"))[:2]
    ]
    ctx = _context(articles, nlp, sentences=2)
    assert len(summarize(ctx)) == 2
    zero = StoryContext("s1", ctx.articles, ctx.analyses, ctx.sections, Options(summary_sentences=0))
    assert summarize(zero) == ()


def test_loaded_label_is_not_said_in_the_summary_voice(nlp):
    text = "The brutal regime shelled the eastern districts of the city again on Friday."
    article = Article(id="a", outlet="Partisan Daily", text=text)
    label = Span("a", text.index("regime"), text.index("regime") + len("regime"), "regime")
    ctx = _context([article], nlp, sentences=1, loaded={"a": [label]})
    (sentence,) = summarize(ctx)
    # "brutal" goes (a droppable modifier); "regime" cannot, so the outlet is quoted, attributed
    assert sentence.text.startswith("Partisan Daily reports: “")
    assert "regime" in sentence.text and sentence.citations == ("a",)


def test_neutral_text_drops_emotive_modifiers_only():
    text = "Russian air strikes ruthlessly bombed the old city, officials said."
    span = Span("a", 0, len(text), text)
    drop = [Span("a", text.index("ruthlessly"), text.index("ruthlessly") + 10, "ruthlessly")]
    assert neutral_text(span.text, drop) == "Russian air strikes bombed the old city, officials said."
    assert emotive_rate("a horrific and brutal slaughter") > emotive_rate("an attack on the city")


def test_grounding_check_catches_words_from_nowhere():
    article = Article(id="a", outlet="Wire", text="Rebels left the city on Tuesday under a ceasefire deal.")
    ok = SummarySentence("Rebels left the city on Tuesday.", ("a",), (Span("a", 0, 6, "Rebels"),))
    bad = SummarySentence("Rebels fled the city in panic on Wednesday.", ("a",), (Span("a", 0, 6, "Rebels"),))
    assert ungrounded_words(ok, {"a": article}) == []
    assert ungrounded_words(bad, {"a": article}) == ["fled", "panic", "Wednesday"]
