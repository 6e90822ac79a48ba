"""Claim alignment on the five Aleppo seeds (the real story stages) and on short hand-written articles."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsprism.align.claims import agent_side, align_claims, exclusives, omissions
from newsprism.extract.claims import extract_claims
from newsprism.model import Article, ArticleAnalysis, Part, StoryContext


def _context(articles, nlp, story_id="s1") -> StoryContext:
    analyses = {}
    for article in articles:
        doc = nlp(article.text)
        analyses[article.id] = ArticleAnalysis(
            article.id, tuple(Part(s.start_char, s.end_char) for s in doc.sents),
            claims=extract_claims(doc, article, {}),
        )
    return StoryContext(story_id, tuple(articles), analyses)


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    """The seeds through every extractor and the story stages up to the claims, as ``analyze`` runs them."""
    from newsprism import pipeline
    from newsprism.model import Options

    articles = tuple(
        Article(id=p.stem, outlet=p.stem[:3], text=p.read_text(encoding="utf-8").replace("\r\n", "\n"))
        for p in sorted(seeds_dir.glob("*.txt"))
    )
    analyses = pipeline.process_articles(articles)
    sections = pipeline.run_story_stages("s1", articles, analyses, Options(), until="claims")
    ctx = StoryContext("s1", articles, analyses, sections)
    return ctx, sections["claims"]


def _find(claims, words: str):
    return [c for c in claims if any(words in s.text for s in (*c.support, *c.contradicted_by))]


def test_every_span_points_at_its_words_and_ids_are_numbered(seeds):
    ctx, claims = seeds
    texts = {a.id: a.text for a in ctx.articles}
    assert [c.id for c in claims] == [f"s1/c{n}" for n in range(1, len(claims) + 1)]
    for claim in claims:
        assert claim.status in ("agreed", "single", "disputed")
        assert claim.text == claim.support[0].text
        for span in (*claim.support, *claim.contradicted_by):
            assert texts[span.article_id][span.start : span.end] == span.text
        assert (claim.status == "disputed") == bool(claim.contradicted_by) == (claim.dispute is not None)


def test_82_versus_79_civilians_is_a_figure_dispute(seeds):
    """Every outlet that counts the killing is on one disputed claim: the three that report 82
    ("gunned down" / "killed" / "executing") support it, the one that reports 79 contradicts it;
    the note names the count on each side and what may explain the difference (Monday, per the UN)."""
    _, claims = seeds
    (claim,) = [c for c in _find(claims, "executing 79 people") if c.status == "disputed"]
    assert claim.dispute == "figure"
    support = {s.article_id[:3] for s in claim.support}
    against = {s.article_id[:3] for s in claim.contradicted_by}
    assert support == {"000", "001", "003"} and against == {"002"}
    assert all("82" in s.text or "eighty-two" in s.text for s in claim.support)
    assert "79 people" in " ".join(s.text for s in claim.contradicted_by)
    # no other claim carries the count: the 82 is not also an agreed claim of its own
    assert [c.id for c in claims if _find([c], "at least 82 civilians") or _find([c], "eighty-two civilians")] == [claim.id]
    (note,) = [n for n in claim.notes if n.kind == "figure"]
    assert note.certainty == "differs"
    assert "82" in note.value.text or "eighty-two" in note.value.text
    assert note.other_value.text == "79 people"
    assert any(c.startswith("time: monday vs") for c in note.context)  # the UN's count is of Monday
    assert any(c.startswith("events: ") and "flee" in c.split(" vs ")[0] for c in note.context)  # killed while fleeing
    (source,) = [c for c in note.context if c.startswith("source:")]
    assert "U.N. human rights office" in source.split(" vs ")[0] and source.endswith("vs not attributed")


def test_a_planned_time_is_no_dispute_with_the_time_it_happened(seeds):
    # "fighting would cease Tuesday evening" (the envoy's announcement) and "the fighting ended
    # Thursday at 4 am" (the monitor's account, after the truce broke): plans slip, so at most
    # the two may differ; they never make a dispute
    _, claims = seeds
    for claim in _find(claims, "the fighting ended Thursday at 4 am"):
        assert not (claim.status == "disputed" and any(n.kind == "time" for n in claim.notes)), claim
        spans = " ".join(s.text for s in claim.contradicted_by)
        assert "fighting would cease Tuesday evening" not in spans


FIGHTING = {
    "a": "Fighting in the northern city of Kano ended on Tuesday, a police spokesman said.",
    "b": "Fighting in the northern city of Kano ended on Thursday, a police spokesman said.",
}


def test_two_times_for_one_event_that_happened_are_a_time_dispute():
    (claim,) = [c for c in _story_claims(FIGHTING) if c.status == "disputed"]
    assert claim.dispute == "time"


def test_a_time_expected_against_a_time_it_happened_may_differ_only():
    texts = dict(FIGHTING, a="Fighting in the northern city of Kano would end on Tuesday, a police spokesman said.")
    claims = _story_claims(texts)
    assert not [c for c in claims if c.status == "disputed"]
    notes = [n for c in claims for n in c.notes]
    assert notes and all(n.certainty == "may differ" for n in notes)
    assert any("told: expected or planned vs as happened" in n.context or "told: as happened vs expected or planned" in n.context
               for n in notes)


def test_who_kept_civilians_from_leaving_is_an_agent_dispute(seeds):
    _, claims = seeds
    (claim,) = [c for c in _find(claims, "terrorist groups fighting in Aleppo forcibly prevented") if c.status == "disputed"]
    assert claim.dispute == "agent" or "agent" in {n.kind for n in claim.notes}
    spans = " ".join(s.text for s in (*claim.support, *claim.contradicted_by))
    assert "the Assad regime and Iran" in spans
    (note,) = [n for n in claim.notes if n.kind == "agent"]
    assert {note.value.text, note.other_value.text} == {"the Assad regime and Iran", "terrorist groups"}


def test_notes_point_at_their_words(seeds):
    ctx, claims = seeds
    texts = {a.id: a.text for a in ctx.articles}
    ids = {c.id for c in claims}
    noted = [c for c in claims if c.notes]
    # 82/79 and who kept civilians in: two disputes (the ceasefire's announced time against the
    # time the fighting ended is none: test_a_planned_time_is_no_dispute_with_the_time_it_happened)
    assert sorted(n.kind for c in claims if c.status == "disputed" for n in c.notes) == ["agent", "figure"]
    for claim in noted:
        for note in claim.notes:
            for span in (note.value, note.other_value):
                assert span is not None and texts[span.article_id][span.start : span.end] == span.text
            assert (note.certainty == "differs") == (claim.status == "disputed")
            assert note.other_claim is None or note.other_claim in ids


def test_captions_and_page_furniture_are_no_claims(seeds):
    _, claims = seeds
    words = " ".join(s.text for c in claims for s in (*c.support, *c.contradicted_by))
    assert "Syrian civilians leave toward safer rebel-held areas" not in words  # a photo caption
    assert not _find(claims, "Once considered a beautiful city") or all(
        c.status == "single" for c in _find(claims, "Once considered a beautiful city"))

def test_fighters_leaving_under_an_arrangement_is_agreed(seeds):
    _, claims = seeds
    (claim,) = _find(claims, "arrangement achieved on the ground")
    assert claim.status == "agreed"
    assert {s.article_id[:3] for s in claim.support} >= {"000", "001"}
    assert any("allow the rebel fighters to leave the city" in s.text for s in claim.support)


def test_per_outlet_omissions_and_exclusives(seeds):
    ctx, claims = seeds
    missing = omissions(ctx, claims)
    alone = exclusives(ctx, claims)
    by_id = {c.id: c for c in claims}
    assert set(missing) == set(alone) == {a.id for a in ctx.articles}
    for article_id, ids in missing.items():
        for claim_id in ids:
            claim = by_id[claim_id]
            assert claim.status != "single"
            assert article_id not in {s.article_id for s in (*claim.support, *claim.contradicted_by)}
    arrangement = _find(claims, "arrangement achieved on the ground")[0].id
    assert arrangement in missing["004_9903f25920507770"]
    for article_id, ids in alone.items():
        assert ids and all(by_id[i].status == "single" and by_id[i].support[0].article_id == article_id for i in ids)


def test_a_wire_copy_counts_once(nlp):
    text = ("Heavy rain flooded the main highway north of the capital on Sunday, police said. "
            "Two bridges were closed and hundreds of drivers were stranded overnight.")
    original = Article(id="wire", outlet="Wire Service", text=text)
    copy = Article(id="copy", outlet="Daily Paper", text=text, duplicate_of="wire")
    claims = align_claims(_context([original, copy], nlp))
    assert claims and all(c.status == "single" for c in claims)
    assert all({s.article_id for s in c.support} == {"wire", "copy"} for c in claims)
    independent = replace(copy, duplicate_of=None)
    claims = align_claims(_context([original, independent], nlp))
    assert all(c.status == "agreed" for c in claims)


def test_negated_statement_is_a_polarity_dispute(nlp):
    a = Article(id="a", outlet="A", text="The bridge over the Tigris river was reopened to traffic on Monday, officials said.")
    b = Article(id="b", outlet="B", text="The bridge over the Tigris river was not reopened to traffic on Monday, officials said.")
    (claim,) = align_claims(_context([a, b], nlp))
    assert claim.status == "disputed" and claim.dispute == "polarity"


def test_agent_sides():
    assert agent_side("the Assad regime and Iran") == "state"
    assert agent_side("terrorist groups fighting in Aleppo") == "nonstate"
    assert agent_side("pro-government forces") == "state"
    assert agent_side("residents") is None


def _story_claims(texts: dict[str, str]):
    """Hand-written articles through every extractor and the story stages up to the claims."""
    from newsprism import pipeline
    from newsprism.model import Options

    articles = tuple(Article(id=k, outlet=k.upper(), text=v) for k, v in texts.items())
    analyses = pipeline.process_articles(articles)
    return pipeline.run_story_stages("s", articles, analyses, Options(), until="claims")["claims"]


def _figures_that_may_differ(claims) -> set[str]:
    """The values of the figure notes, every one of them "may differ" and none a dispute."""
    noted = [n for c in claims for n in c.notes if n.kind == "figure"]
    assert noted and all(n.certainty == "may differ" for n in noted)
    assert not [c for c in claims if c.status == "disputed"]  # never firmer than "may differ"
    return {n.value.text for n in noted}


KANO = {
    "a": "Gunmen shot dead at least 12 villagers in the northern town of Kano on Sunday, police said. "
         "The attackers escaped on motorbikes before soldiers arrived.",
    "b": "Police in Kano said attackers killed 12 villagers on Sunday in the northern town. Residents buried the dead on Monday.",
    "c": "Armed men killed nine villagers in Kano on Sunday, a local official told reporters. The state governor condemned the attack.",
}


def test_one_count_told_with_different_verbs_is_one_dispute():
    """"shot dead at least 12" and "killed 12" are one count of one killing: both stand against "killed nine"."""
    (claim,) = [c for c in _story_claims(KANO) if c.status == "disputed"]
    assert claim.dispute == "figure"
    assert {s.article_id for s in claim.support} == {"a", "b"} and {s.article_id for s in claim.contradicted_by} == {"c"}
    (note,) = claim.notes
    assert "12" in note.value.text and note.other_value.text == "nine villagers"


def test_counts_of_other_days_are_not_one_count():
    texts = dict(KANO, c=KANO["c"].replace("on Sunday", "on Wednesday"))
    claims = _story_claims(texts)
    assert not [c for c in claims if c.status == "disputed"]
    (count,) = [c for c in claims if any("12 villagers" in s.text for s in c.support)]
    assert count.status == "agreed" and {s.article_id for s in count.support} == {"a", "b"}


def test_a_count_mentioned_in_passing_does_not_make_two_claims_one():
    # both give the toll, but one sentence is about an inquiry into the virus: not one statement
    claims = _story_claims({
        "a": "Twenty doctors called on Friday for an open inquiry into the origins of the virus that has killed 2.5 million people.",
        "b": "The virus, first found in late 2019, has killed 2.5 million people and cost the world economy trillions of dollars.",
    })
    assert not [c for c in claims if c.status == "agreed"]


def test_two_different_lower_bounds_of_one_toll_may_differ():
    # "at least 150" and "more than 180" may both hold, but neither outlet gives the other's figure
    claims = _story_claims({
        "a": "At least 150 people were killed in shootings across the country over the holiday weekend, the group said.",
        "b": "More than 180 people were killed in shootings across the country over the holiday weekend, the group said.",
    })
    assert not [c for c in claims if c.status == "agreed"]
    assert {v.lower() for v in _figures_that_may_differ(claims)} == {"at least 150 people", "more than 180 people"}


def test_two_sums_for_one_bill_in_two_accounts_of_one_vote_may_differ():
    claims = _story_claims({
        "a": "The Senate voted on Tuesday to advance a nearly $1 trillion infrastructure plan backed by the president.",
        "b": "The Senate voted on Tuesday to advance the $1.2 trillion infrastructure package backed by the president.",
    })
    assert _figures_that_may_differ(claims) == {"nearly $1 trillion", "$1.2 trillion"}
    # sums far apart pay for different things: no note
    far = _story_claims({
        "a": "The Senate voted on Tuesday to advance a nearly $1 trillion infrastructure plan backed by the president.",
        "b": "The Senate voted on Tuesday to advance the $3.5 trillion infrastructure package backed by the president.",
    })
    assert not [n for c in far for n in c.notes if n.kind == "figure"]


def test_a_weak_note_never_hides_a_dispute():
    # two sums that may differ, and one account says the bill passed, the other that it did not:
    # the polarity dispute is what is reported
    claims = _story_claims({
        "a": "The Senate passed the $1 trillion infrastructure bill on Tuesday after a long debate.",
        "b": "The Senate did not pass the $1.2 trillion infrastructure bill on Tuesday after a long debate.",
    })
    assert [c.dispute for c in claims if c.status == "disputed"] == ["polarity"]


def test_a_count_told_once_in_passing_is_not_told_by_a_second_verb_of_that_kind():
    claims = _story_claims({
        "a": "Twenty doctors called on Friday for an open inquiry into the origins of the virus that has killed "
             "2.5 million people, and the virus killed 900 people in Brazil.",
        "b": "The virus, first found in late 2019, has killed 2.5 million people and cost the world economy trillions of dollars.",
    })
    assert not [c for c in claims if c.status == "agreed"]


def test_different_lower_bounds_told_with_different_verbs_are_not_agreed():
    claims = _story_claims({
        "a": "Gunmen shot dead at least 150 villagers in the north of the country on Sunday, police said.",
        "b": "Attackers killed more than 180 villagers in the north of the country on Sunday, police said.",
    })
    assert not [c for c in claims if c.status == "agreed"]


def test_a_range_of_sums_is_not_one_sum_to_compare():
    claims = _story_claims({
        "a": "The Senate voted on Tuesday to advance the new dam plan, which will cost between $1 billion and $2 billion.",
        "b": "The Senate voted on Tuesday to advance the new dam plan, which will cost $1.5 billion.",
    })
    assert not [n for c in claims for n in c.notes if n.kind == "figure"]


def test_no_claim_is_dropped(seeds):
    # a group member that states none of a dispute's differing values is still a claim
    ctx, claims = seeds
    shown = {(s.article_id, s.start) for c in claims for s in (*c.support, *c.contradicted_by)}
    for article_id, analysis in ctx.analyses.items():
        for cand in analysis.claims:
            assert (article_id, cand.start) in shown, cand.text


def test_one_act_told_with_opposite_polarity_is_never_agreed():
    claims = _story_claims({
        "a": "Officials said the army would allow civilians to leave the besieged city of Kano on Tuesday evening.",
        "b": "Residents said no one has been allowed to leave the besieged city of Kano since Tuesday evening.",
    })
    assert not [c for c in claims if c.status == "agreed"]


def test_a_state_shared_by_two_sentences_is_no_shared_event(seeds):
    # 000's ceasefire ("fighters that remain in rebel controlled regions ... opposition held
    # regions") and 001's "taken control of the last few areas of Aleppo held by the rebel
    # forces" share only states; 002's "Russia appears little interested" and 003's "something
    # that appeared quite likely" share a linking verb: neither pair is one claim
    _, claims = seeds
    for a, b in (("fighting would cease Tuesday evening", "have now taken control of the last few areas"),
                 ("As David French pointed out", "With the fall of Aleppo, he and his allies"),
                 # "the battle" and "the fighting" are one kind of happening shared once: how long it
                 # lasted and how savage it was are two claims
                 ("The Battle of Aleppo lasted more than four years", "was a battle fought with a savagery")):
        assert not [c for c in claims if len(c.support) > 1 and {a, b} <= {w for s in c.support for w in (a, b) if w in s.text}]


def test_one_quotation_under_two_attributions_is_one_run_of_words():
    from types import SimpleNamespace

    from newsprism.align.claims import longest_shared_run, same_words_quoted

    a = "\"I have people that actually have been studying it and they cannot believe what they're finding,\" Trump told NBC."
    b = "His response: “Well, I have people that actually have been studying it and they cannot believe what they’re talking.”"
    assert longest_shared_run(a, b) == 15  # "I have people ... what they're": the apostrophe's form and the quotation marks aside
    item = lambda text: SimpleNamespace(cand=SimpleNamespace(text=text))  # noqa: E731
    assert same_words_quoted(item(a), item(b))
    # a long shared name in two different statements is not half of either
    c = ("Members of the Senate Judiciary Committee on Foreign Relations and Armed Services questioned the nominee "
         "for hours on Tuesday about her record on surveillance and on the prison at Guantanamo Bay.")
    d = ("The Senate Judiciary Committee on Foreign Relations and Armed Services will vote next week, after a "
         "delay that Democrats blamed on a dispute over documents the White House has not handed over.")
    assert longest_shared_run(c, d) >= 8 and not same_words_quoted(item(c), item(d))
    # a shared description with no quotation marks: a clause of one sentence is no wire copy ...
    e = ("Then he made good on it, taking out a pen on the stage in front of the crowd to sign an order that ends "
         "the country's part in a pact designed to limit the trade in small arms and light weapons across borders.")
    f = "The global pact seeks to limit the trade in small arms and light weapons across borders."
    assert longest_shared_run(e, f) >= 8 and not same_words_quoted(item(e), item(f))
    # ... nor does a quoted word elsewhere in the sentence make it a quotation
    e_quoted = e.replace("made good on it", 'made good on what he called "a promise"')
    assert not same_words_quoted(item(e_quoted), item(f))
    # ... but one wire sentence with a word put in is
    g = ("The navy ship, deployed on patrols in the gulf under the control of the western command, "
         "stopped a fishing boat carrying rifles on Friday.")
    h = ("The navy ship, presently deployed on patrols in the gulf under the control of the western command, "
         "stopped a fishing boat carrying rifles on Friday.")
    assert same_words_quoted(item(g), item(h))


def test_done_and_not_done_never_agree_unless_one_sentence_tells_both():
    # "I apologize" / "he has not apologized": one tells as done what the other tells as not done
    claims = _story_claims({
        "a": "Congressman Bob Etheridge apologized to the two students on Monday for grabbing one of them on the street.",
        "b": "Congressman Bob Etheridge has not apologized to the two students for grabbing one of them on the street.",
    })
    assert not [c for c in claims if c.status == "agreed"]
    # "resigned ... after insisting he would not resign" tells the resignation both ways: no bar
    claims = _story_claims({
        "a": "Mayor John Smith resigned from the city council on Monday after insisting for weeks that he would not resign.",
        "b": "Mayor John Smith resigned from the city council on Monday over the parking scandal, the council said.",
    })
    assert [c for c in claims if c.status == "agreed"]


def test_one_person_ranked_two_ways_may_differ_whatever_else_the_sentences_say():
    claims = _story_claims({
        "a": "Mayor Bill de Blasio of New York on Thursday entered the 2020 presidential race, becoming the 23rd Democrat to join the field.",
        "b": "De Blasio, 57, launched his campaign with a video on Thursday, becoming the 24th Democrat seeking to take on President Trump.",
    })
    assert _figures_that_may_differ(claims) == {"23rd Democrat", "24th Democrat"}


def test_ranks_given_at_two_different_times_are_not_set_against_each_other():
    claims = _story_claims({
        "a": "Senator Jane Smith became the second woman to lead the committee on Monday, her office said.",
        "b": "Senator Jane Smith became the third woman to lead the committee on Friday, her office said.",
    })
    assert not [n for c in claims for n in c.notes if n.kind == "figure"]
