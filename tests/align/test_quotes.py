"""Quotes matched across outlets: also_in and attribution conflicts."""

from __future__ import annotations

from newsprism.align.entities import merge_entities
from newsprism.align.quotes import align_quotes
from newsprism.model import (
    Article,
    ArticleAnalysis,
    Mention,
    Part,
    Quote,
    Speaker,
    StoryContext,
)

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
    a = _article("a", "“The reports we had are of people being shot in the street,” said Rupert Colville.", "Rupert Colville", "The reports we had are of people being shot in the street")
    b = _article("b", "UN spokesman Colville said: “The reports we had are of people being shot in the street and in their homes.”", "Colville", "The reports we had are of people being shot in the street and in their homes.")
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


def _retold(quotes, copies: int):
    """The seeds' quotes as several outlets would carry them: a clause trimmed, marks changed."""
    import dataclasses

    out = list(quotes)
    for n in range(1, copies + 1):
        for q in quotes:
            words = q.text.split()
            text = " ".join(words[: max(3, len(words) - n)]) if n % 2 else q.text.replace(",", "").replace("’", "'") + "..."
            out.append(dataclasses.replace(q, id=f"{q.id}~{n}", article_id=f"{q.article_id}~{n}", text=text))
    return out


def test_blocking_finds_every_match_the_pairwise_comparison_finds(seeds_report):
    """Near-linear matching (hash classes + rare-word blocks) gives exactly the all-pairs answer
    on the seeds' real quotes retold by four more outlets."""
    from newsprism.align.quotes import link_same_words, same_words

    quotes = _retold(list(seeds_report.stories[0].quotes), 4)
    also, _ = link_same_words(quotes)
    pairwise = {i: [j for j, b in enumerate(quotes) if j != i and b.article_id != a.article_id and same_words(a.text, b.text)]
                for i, a in enumerate(quotes)}
    assert {i: v for i, v in pairwise.items() if v} == also
    assert sum(len(v) for v in also.values()) > len(quotes)  # the retellings are found


def test_matching_cost_grows_with_distinct_words_not_with_copies(seeds_report):
    """Counted, not timed: 4x the copies of the same quotes costs no more fuzzy comparisons."""
    from newsprism.align import quotes as stage

    calls = []
    original = stage._same_normalised
    try:
        for copies in (4, 16):
            made = [0]

            def counted(a, b, made=made):
                made[0] += 1
                return original(a, b)

            stage._same_normalised = counted
            base = list(seeds_report.stories[0].quotes)
            import dataclasses

            quotes = [dataclasses.replace(q, id=f"{q.id}~{n}", article_id=f"{q.article_id}~{n}") for n in range(copies) for q in base]
            stage.link_same_words(quotes)
            calls.append(made[0])
    finally:
        stage._same_normalised = original
    assert calls[1] == calls[0], calls


def _described(evidence: tuple[str, ...]):
    """000's "UN High Commissioner for Human Rights Zeid Ra'ad al-Hussein" (the entity) and a
    quote of "the UN High Commissioner" in the same article, joined in one referent."""
    from newsprism.model import Entity, Referent, Span

    text = ("UN High Commissioner for Human Rights Zeid Ra’ad al-Hussein spoke in Geneva. "
            "“The crushing of Aleppo is nowhere near the end,” the UN High Commissioner said.")
    name_at = text.index("Zeid")
    desc_at = text.index("UN High Commissioner said")
    head = desc_at + len("UN High ")
    mention = Mention("a", name_at, name_at + len("Zeid Ra’ad al-Hussein"), "Zeid Ra’ad al-Hussein", "PERSON")
    entity = Entity("s1/e1", "Zeid Ra’ad al-Hussein", "PERSON", (), (mention,))
    words = "The crushing of Aleppo is nowhere near the end"
    start = text.index(words)
    speaker = Speaker(name="UN High Commissioner", start=desc_at, end=desc_at + 20, text="UN High Commissioner", head_start=head)
    quote = Quote(id="a/q1", article_id="a", text=words, start=start, end=start + len(words), direct=True,
                  parts=(Part(start, start + len(words)),), speaker=speaker, cue="said")
    referent = Referent("s1/r1", "Zeid Ra’ad al-Hussein", "entity",
                        (Span("a", name_at, mention.end, mention.text), Span("a", desc_at, desc_at + 20, "UN High Commissioner")),
                        entity_id=entity.id, evidence=evidence)
    article = Article(id="a", outlet="a", text=text)
    analysis = ArticleAnalysis("a", (), mentions=(mention,), quotes=(quote,))
    ctx = StoryContext("s1", (article,), {"a": analysis}, {"entities": (entity,), "referents": (referent,)})
    return align_quotes(ctx)[0].speaker


def test_a_description_follows_the_referent_the_article_equates_it_with():
    speaker = _described(("apposition", "entity-merge"))
    assert (speaker.name, speaker.entity_id, speaker.referent_id) == ("Zeid Ra’ad al-Hussein", "s1/e1", "s1/r1")
    assert speaker.text == "UN High Commissioner"


def test_a_description_joined_by_a_loose_link_stays_a_description():
    """A referent joined by a shared noun or by meaning does not name a speaker (the referents
    stage joined "Russia's envoy" with the UN envoy Staffan de Mistura by the noun alone)."""
    speaker = _described(("description", "entity-merge"))
    assert (speaker.name, speaker.entity_id) == ("UN High Commissioner", None)


def test_a_description_resolves_to_the_person_another_article_names():
    """000 says only "Russia’s envoy to the United Nations"; 001 names "Vitaly Churkin, Russia's
    ambassador to the UN" and "UN envoy Staffan de Mistura": the envoy is Churkin (one role,
    one country), never de Mistura (the UN's envoy) and never Russia."""
    from newsprism import pipeline
    from newsprism.model import Options
    from newsprism.normalize import normalize_articles

    a = Article(id="a", outlet="Wire", text=(
        "After years of fighting, the Syrian government claimed victory on Tuesday over rebel groups holding out in the "
        "besieged city of Aleppo.  Reports of a ceasefire were confirmed by Russia’s envoy to the United Nations, stating "
        "that fighting would cease Tuesday evening to allow fighters that remain in rebel controlled regions of the city "
        "to leave for opposition held regions of the country to the west."))
    b = Article(id="b", outlet="Blog", text=(
        "According to recent claims by Vitaly Churkin, Russia's ambassador to the UN, all military action has officially "
        "ended in Aleppo.\n\nOut of the estimated 50,000 to 100,000 people trapped in the besieged area, UN envoy Staffan "
        "de Mistura stated that around 1,500 of them are rebel fighters."))
    articles = normalize_articles([a, b])
    analyses = pipeline.process_articles(articles)
    quotes = pipeline.run_story_stages("s1", articles, analyses, Options(), until="quotes")["quotes"]
    (envoy,) = [q for q in quotes if q.article_id == "a" and q.text.startswith("fighting would cease")]
    assert (envoy.speaker.name, envoy.speaker.text) == ("Vitaly Churkin", "Russia’s envoy")
    (churkin,) = [q for q in quotes if q.article_id == "b" and q.text.startswith("all military action")]
    assert envoy.speaker.entity_id == churkin.speaker.entity_id is not None
    (mistura,) = [q for q in quotes if q.text.startswith("around 1,500")]
    assert mistura.speaker.name == "Staffan de Mistura" and mistura.speaker.entity_id != envoy.speaker.entity_id


def test_a_pronoun_speaker_is_the_person_the_referents_read_it_as():
    """"she said" after a man's name: the woman named before him, as the referents read the
    pronoun (the nearest name alone made Mr. Ketsoyan the speaker); the parse's sentence break
    inside the quotation does not put her out of reach."""
    from newsprism import pipeline
    from newsprism.model import Options
    from newsprism.normalize import normalize_articles

    text = ("Tara Reid checked into rehab on Friday, her publicist told People. Mr. Ketsoyan gave no other details. "
            "\u201cI am doing well and I thank my fans,\u201d she said in a statement.")
    articles = normalize_articles([Article(id="a", outlet="Wire", text=text), Article(id="b", outlet="Blog", text="Tara Reid is in rehab, People reported.")])
    out = pipeline.run_story_stages("s1", tuple(articles), pipeline.process_articles(tuple(articles)), Options(), until="quotes")
    quote = next(q for q in out["quotes"] if "thank my fans" in q.text)
    assert quote.speaker.text == "she" and quote.speaker.name == "Tara Reid"
