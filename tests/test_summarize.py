"""The neutral summary: cited, grounded, agreed facts first, disputes kept open."""

from __future__ import annotations

import dataclasses

import pytest

from newsprism.extract import analyze_article
from newsprism.model import Article, Options, Span, StoryContext, SummarySentence
from newsprism.pipeline import run_story_stages
from newsprism.summarize import emotive_rate, loaded_rate, neutral_text, summarize, ungrounded_words


def _context(articles, nlp, sentences=6, loaded=None) -> StoryContext:
    """The summary's context as the pipeline builds it: every article analysed, the story
    stages run up to the claims (which read the referents, figures and timeline)."""
    analyses = {}
    for article in articles:
        analysis = analyze_article(article, nlp(article.text))
        if loaded:
            analysis = dataclasses.replace(analysis, loaded_terms=tuple(loaded[article.id]))
        analyses[article.id] = analysis
    options = Options(summary_sentences=sentences)
    sections = run_story_stages("s1", articles, analyses, options, until="claims")
    return StoryContext("s1", tuple(articles), analyses, sections, options)


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


def test_a_stated_dispute_says_what_else_differs_between_its_sentences(seeds):
    # 82 civilians shot fleeing on Monday, per the UN, against 79 people executed when militias
    # attacked the evacuation points: the reader is told the two may not be one count
    ctx, summary = seeds
    count = next(s for s in summary if s.text.startswith("Outlets differ on the count"))
    assert count.text.endswith("The accounts also differ in time, source, what is counted and the events told, which may explain it.")


def test_a_side_of_a_dispute_is_never_said_as_fact(seeds):
    ctx, summary = seeds
    statements = [s for s in summary if not s.text.startswith("Outlets differ on")]
    for s in statements:
        assert "79 people" not in s.text and "82 civilians" not in s.text
        assert "Thursday at 4 am" not in s.text


def test_each_claim_is_stated_once(seeds):
    ctx, summary = seeds
    claim_of = {(s.article_id, s.start): c.id for c in ctx.sections["claims"] for s in c.support}
    stated = [claim_of.get((s.evidence[0].article_id, s.evidence[0].start)) for s in summary
              if not s.text.startswith("Outlets differ on")]
    stated = [c for c in stated if c is not None]
    assert len(stated) == len(set(stated))


@pytest.fixture
def without_meaning_cut(monkeypatch):
    """The cut by closeness in meaning off: what a test checks must keep the other sentence out
    by itself."""
    import newsprism.summarize as summarize_module

    monkeypatch.setattr(summarize_module, "REDUNDANT", 1.01)


def test_paraphrases_from_three_outlets_are_one_statement(nlp, without_meaning_cut):
    # the aligned claim alone must keep the paraphrases out
    texts = {
        "a": "The health department sent more than a dozen workers to two air bases without protective gear or training, "
             "a whistleblower complaint says. The agency declined to comment on Friday.",
        "b": "More than a dozen health department workers were sent to two air bases without training or protective gear, "
             "according to a whistleblower complaint. Lawyers for the whistleblower filed the complaint last week.",
        "c": "A whistleblower complaint says the health department sent over a dozen workers to two air bases without "
             "protective gear or proper training. Members of Congress asked for a briefing on the deployment.",
    }
    ctx = _context([Article(id=k, outlet=k.upper(), text=v) for k, v in texts.items()], nlp, sentences=3)
    summary = summarize(ctx)
    assert len(summary) == 3
    about_gear = [s for s in summary if "gear" in s.text]
    assert len(about_gear) == 1
    assert set(about_gear[0].citations) == {"a", "b", "c"}


def test_calmer_wording_of_the_same_fact_is_chosen(nlp):
    loud = Article(id="loud", outlet="Loud", text=(
        "The brutal, bloodthirsty militia viciously slaughtered twenty helpless villagers near Kafr Nabl on Monday. "
        "Residents buried the dead the next morning."))
    calm = Article(id="calm", outlet="Calm", text=(
        "Gunmen killed twenty villagers near Kafr Nabl on Monday, local officials said. "
        "The district council called for an investigation into the killings."))
    ctx = _context([loud, calm], nlp, sentences=1)
    (sentence,) = summarize(ctx)
    assert sentence.evidence[0].article_id == "calm"
    assert "twenty villagers" in sentence.text
    assert emotive_rate(sentence.text) <= min(emotive_rate(a.text) for a in (loud, calm))


def test_dateline_is_left_out_with_exact_offsets(nlp):
    text = ("WASHINGTON (AP) — Senate Majority Leader Mitch McConnell introduced legislation Monday "
            "to raise the minimum age for buying tobacco products from 18 to 21.")
    ctx = _context([Article(id="ap", outlet="AP", text=text)], nlp, sentences=1)
    (sentence,) = summarize(ctx)
    assert sentence.text.startswith("Senate Majority Leader Mitch McConnell introduced")
    (span,) = sentence.evidence
    assert text[span.start : span.end] == span.text == sentence.text


@pytest.mark.parametrize("dateline", ["SEOUL, South Korea — ", "BEIRUT (Reuters) - ", "NEW YORK — "])
def test_datelines_of_other_forms_are_left_out(nlp, dateline):
    body = "Officials said on Tuesday that the talks would resume next week in the capital."
    ctx = _context([Article(id="w", outlet="Wire", text=dateline + body)], nlp, sentences=1)
    (sentence,) = summarize(ctx)
    assert sentence.text == body


def test_a_lexicon_label_is_quoted_even_where_the_framing_stage_let_it_pass(nlp):
    text = "Much of eastern Syria is still out of the regime's control and will be for the foreseeable future."
    ctx = _context([Article(id="a", outlet="Monitor", text=text)], nlp, sentences=1, loaded={"a": []})
    (sentence,) = summarize(ctx)
    assert sentence.text.startswith("Monitor reports: “") and "regime" in sentence.text


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
    # the article before a dropped word follows the next word
    text = "A video shows the nominee in an unflattering light and a hopeful aide."
    drop = [Span("a", text.index("unflattering"), text.index("unflattering") + 12, "unflattering"),
            Span("a", text.index("hopeful"), text.index("hopeful") + 7, "hopeful")]
    assert neutral_text(text, drop) == "A video shows the nominee in a light and an aide."
    assert emotive_rate("a horrific and brutal slaughter") > emotive_rate("an attack on the city")
    # the finer measure: the plain words of news are not colouring, the lexicon's labels are
    assert loaded_rate("Gunmen killed twenty villagers on Monday.") == 0.0
    assert loaded_rate("The regime slammed the so-called monitors.") == 3 / 6
    # names are not tone: "Supreme" and "Justice" inside a sentence name a court and a department
    assert loaded_rate("The Supreme Court sided with the Justice Department.") == 0.0
    assert loaded_rate("Supreme joy filled the horrific room.") > 0.0


def test_grounding_check_catches_words_from_nowhere():
    article = Article(id="a", outlet="Wire", text="Rebels left the city on Tuesday under a ceasefire deal.")
    ok = SummarySentence("Rebels left the city on Tuesday.", ("a",), (Span("a", 0, 6, "Rebels"),))
    bad = SummarySentence("Rebels fled the city in panic on Wednesday.", ("a",), (Span("a", 0, 6, "Rebels"),))
    assert ungrounded_words(ok, {"a": article}) == []
    assert ungrounded_words(bad, {"a": article}) == ["fled", "panic", "Wednesday"]
    # the closing clause of a stated dispute is the summary's own; the same words anywhere else are not
    tail = SummarySentence("Rebels left the city. The accounts also differ in time and the events told, which may explain it.",
                           ("a",), (Span("a", 0, 6, "Rebels"),))
    assert ungrounded_words(tail, {"a": article}) == []
    loose = SummarySentence("Rebels left in time, which may explain the events.", ("a",), (Span("a", 0, 6, "Rebels"),))
    assert {"time", "explain", "events"} <= set(ungrounded_words(loose, {"a": article}))


def test_a_big_story_weighs_each_articles_leading_statements(seeds, monkeypatch):
    import newsprism.summarize as summarize_module

    ctx, _ = seeds
    monkeypatch.setattr(summarize_module, "MAX_CANDIDATES", 10)
    writer = summarize_module._Writer(ctx, ctx.sections["claims"])
    per_article = {}
    for cand in writer.candidates:
        per_article.setdefault(cand.span.article_id, []).append(cand.rank)
    assert set(per_article) == {a.id for a in ctx.articles}
    assert all(ranks == [0, 1, 2] for ranks in per_article.values())
    assert summarize(ctx)  # still a summary


def test_a_sentence_of_a_block_quote_is_said_as_its_speakers_words(seeds_dir, nlp):
    """Seed 002 quotes David French at length ("...: “Russia has imposed its will on Syria. ..."):
    a summary sentence from it names him; never the summary's own statement."""
    articles = [Article(id=p.stem, outlet=p.stem[:3], text=p.read_text(encoding="utf-8").replace("\r\n", "\n"))
                for p in sorted(seeds_dir.glob("002*.txt"))]
    summary = summarize(_context(articles, nlp, sentences=40))
    quoted = [s for s in summary if "imposed its will" in s.text or "misguided few" in s.text]
    assert quoted and all(s.text.startswith("David French: “") for s in quoted), [s.text for s in quoted]
    by_id = {a.id: a for a in articles}
    assert [ungrounded_words(s, by_id) for s in quoted] == [[] for _ in quoted]


def test_the_best_statement_comes_before_the_disputes(seeds):
    ctx, summary = seeds
    assert not summary[0].text.startswith("Outlets differ on")


def test_two_claims_that_may_differ_are_not_both_said(nlp, without_meaning_cut):
    # the "may differ" note alone must keep the other side out
    texts = {
        "a": "Mayor Bill de Blasio of New York on Thursday entered the 2020 presidential race, becoming the 23rd Democrat "
             "to join the field. He will travel to Iowa next week.",
        "b": "De Blasio, 57, launched his campaign with a video on Thursday, becoming the 24th Democrat seeking to take "
             "on President Trump. His wife will campaign with him in South Carolina.",
    }
    ctx = _context([Article(id=k, outlet=k.upper(), text=v) for k, v in texts.items()], nlp, sentences=4)
    assert any(n.certainty == "may differ" for c in ctx.sections["claims"] for n in c.notes)
    said = " ".join(s.text for s in summarize(ctx))
    assert ("23rd Democrat" in said) != ("24th Democrat" in said)
