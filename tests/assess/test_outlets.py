"""profile_outlets on the Aleppo seeds and on small hand-built stories."""

from __future__ import annotations

import json
from dataclasses import replace

from newsprism.assess.outlets import omissions, profile_outlets
from newsprism.model import Claim, ClaimCandidate, Options, Quote, Span, Speaker


def test_one_profile_per_article_with_evidence(seed_ctx):
    profiles = profile_outlets(seed_ctx)
    assert [p.article_id for p in profiles] == [a.id for a in seed_ctx.articles]
    texts = {a.id: a.text for a in seed_ctx.articles}
    for p in profiles:
        assert -1.0 <= p.tone <= 1.0
        for s in p.loaded_terms + p.calls_to_action:
            assert texts[p.article_id][s.start : s.end] == s.text
        json.dumps(p.to_dict())
    partisan = next(p for p in profiles if p.article_id.startswith("002"))
    wire = next(p for p in profiles if p.article_id.startswith("000"))
    assert partisan.calls_to_action and not wire.calls_to_action
    assert partisan.metrics["opinion_markers"]["calls_to_action"] >= 1
    assert partisan.metrics["loaded_density"] > 0


def _quote(aid: str, text: str, said: str, speaker: str, *, direct: bool) -> Quote:
    """A quote of the article's own words, by a speaker named in it (offsets found in text)."""
    start, at = text.index(said), text.index(speaker)
    return Quote("q1", aid, said, start, start + len(said), direct, (),
                 speaker=Speaker(speaker, at, at + len(speaker), speaker))


def test_quoted_speakers_and_claim_shares(seed_ctx):
    aid = seed_ctx.articles[0].id
    text = seed_ctx.articles[0].text
    name = "Rupert Colville"
    quote = _quote(aid, text, "There could be many more.", name, direct=True)
    analysis = replace(seed_ctx.analyses[aid], claims=(
        ClaimCandidate(aid, 0, 10, text[:10], attributed_to=name),
        ClaimCandidate(aid, 10, 20, text[10:20]),
    ))
    ctx = replace(seed_ctx, analyses={**seed_ctx.analyses, aid: analysis}, sections={**seed_ctx.sections, "quotes": (quote,)})
    profile = profile_outlets(ctx)[0]
    assert profile.quoted_speakers == (name,)
    assert profile.metrics["attributed_share"] == 0.5
    assert profile.metrics["quoted_sides"][0]["speaker"] == name


def test_omissions_list_claims_others_carry(seed_ctx):
    a, b, c = (x.id for x in seed_ctx.articles[:3])
    claims = (
        Claim("c1", "a ceasefire was agreed", "agreed", (Span(b, 0, 1, "x"), Span(c, 0, 1, "x"))),
        Claim("c2", "the city fell", "agreed", (Span(a, 0, 1, "x"), Span(b, 0, 1, "x"))),
        Claim("c3", "disputed toll", "disputed", (Span(b, 0, 1, "x"),)),
    )
    ctx = replace(seed_ctx, sections={**seed_ctx.sections, "claims": claims})
    omitted = omissions(ctx, a)
    assert [o["claim_id"] for o in omitted] == ["c1"]
    assert omitted[0]["reported_by"] == sorted([b, c])


def test_third_party_rating_only_when_given(seed_ctx):
    plain_profiles = profile_outlets(seed_ctx)
    assert all("rating" not in p.metrics for p in plain_profiles)
    outlet = seed_ctx.articles[1].outlet
    ctx = replace(seed_ctx, options=Options(outlet_ratings={outlet: {"rating": "Mixed", "source": "Example Ratings"}}))
    rated = profile_outlets(ctx)
    assert rated[1].metrics["rating"] == {"rating": "Mixed", "source": "Example Ratings"}
    assert "rating" not in rated[0].metrics


def test_tone_toward_main_actors(seed_ctx):
    from newsprism.model import Entity, Mention

    mentions = []
    for a in seed_ctx.articles:
        i = a.text.find("Aleppo")
        if i >= 0:
            mentions.append(Mention(a.id, i, i + 6, "Aleppo", "GPE"))
    ent = Entity("e1", "Aleppo", "GPE", ("Aleppo",), tuple(mentions))
    ctx = replace(seed_ctx, sections={**seed_ctx.sections, "entities": (ent,)})
    profile = profile_outlets(ctx)[0]
    toward = profile.metrics["tone_toward"]["Aleppo"]
    assert toward["sentences"] >= 1 and -1 <= toward["tone"] <= 1


def test_speaker_side_from_their_description(seed_ctx):
    from newsprism.assess.framing import compare_framing

    aid = next(a.id for a in seed_ctx.articles if a.id.startswith("002"))
    text = next(a.text for a in seed_ctx.articles if a.id == aid)
    quote = _quote(aid, text, "a ceasefire had been brokered", "Rebel sources", direct=False)
    framing = compare_framing(seed_ctx)
    ctx = replace(seed_ctx, sections={**seed_ctx.sections, "quotes": (quote,), "framing": framing})
    profile = next(p for p in profile_outlets(ctx) if p.article_id == aid)
    side = profile.metrics["quoted_sides"][0]
    rebels_row = next(r for r in framing if any("rebel groups" in t for ts in r.terms.values() for t in ts))
    assert side["side"] == rebels_row.referent.split(":", 1)[1].strip()
    for ev in side["evidence"]:
        assert text[ev["start"] : ev["end"]] == ev["text"]


def test_omissions_are_capped_most_widely_carried_first(seed_ctx):
    from newsprism.assess.outlets import MAX_OMISSIONS

    a, b, c = (x.id for x in seed_ctx.articles[:3])
    one = tuple(Claim(f"s{n:03}", f"single {n}", "single", (Span(b, 0, 1, "x"),)) for n in range(MAX_OMISSIONS + 10))
    wide = Claim("w", "carried by two", "agreed", (Span(b, 0, 1, "x"), Span(c, 0, 1, "x")))
    ctx = replace(seed_ctx, sections={**seed_ctx.sections, "claims": (*one, wide)})
    omitted = omissions(ctx, a)
    assert len(omitted) == MAX_OMISSIONS
    assert omitted[0]["claim_id"] == "w" and omitted[1]["claim_id"] == "s000"
