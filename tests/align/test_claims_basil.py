"""Claims on real BASIL triplets (../shared/data/basil): the trust rules hold on outlets' own words.

The 2011 triplet on Trump's birth-certificate investigators (NYT, Fox, HuffPost) holds the two
false disputes issue 12 reported: the same quote "I always take things seriously" in two outlets,
and "17 percent" (Trump and Huckabee) set against "21 percent" (Romney), two different counts.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsprism.model import Article, Options

TRIPLET = "basil-005a2961-0c2e-4575-8eec-770ba52a08e0"


def _story(docs):
    from newsprism import pipeline

    articles = tuple(Article(id=d["id"], outlet=d["outlet"], text=d["text"], title=d.get("title")) for d in docs)
    analyses = pipeline.process_articles(articles)
    return pipeline.run_story_stages("b", articles, analyses, Options(), until="claims")["claims"]


@pytest.fixture(scope="module")
def basil_docs(data_dir):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from corpus import basil_articles

    docs = list(basil_articles(data_dir))
    assert len(docs) >= 100  # 50 triplets
    return docs


def _triplet_claims(docs, key: str):
    """The claims of the BASIL triplet whose id holds ``key``."""
    triplet = [d for d in docs if key in d["id"]]
    assert len(triplet) == 3
    return _story(triplet)


@pytest.fixture(scope="module")
def trump_claims(basil_docs):
    return _triplet_claims(basil_docs, TRIPLET)


def test_a_negated_belief_is_no_dispute_with_another_belief(basil_docs):
    # 2012, Santorum on Obama's theology: "I don't believe that that's what we're here to do" and
    # "I believe the president's Christian" report two different beliefs; the negation is about
    # what is believed, so the two are no polarity dispute
    claims = _triplet_claims(basil_docs, "65cb14cb")
    assert any("I don't believe that that's what we're here to do" in t for c in claims for t in _words(c))
    assert not [c for c in claims if c.status == "disputed" and any("I believe the president" in t for t in _words(c))]


def test_two_reports_of_different_things_are_no_agreement(basil_docs):
    # 2011, AARP and Social Security: a 2010 research report on the payroll cap and the Journal's
    # report on AARP share only a verb of reporting ("report found that" / "a report claiming"),
    # while Trump's "announced (that) he is bowing out" / "has announced he is pulling out" is one
    # man's act in both and stays agreed
    claims = _triplet_claims(basil_docs, "863c9468")
    together = lambda a, b: [c for c in claims if len(c.support) > 1 and any(a in s.text for s in c.support) and any(b in s.text for s in c.support)]
    assert not together("Congressional Research Service report found", "pushed back Friday on a report")
    assert not together("The Journal reported that AARP policy chief", "Strengthen Social Security has railed")
    trump = _story([d for d in basil_docs if "6e179de0" in d["id"]])
    assert [c for c in trump if c.status == "agreed" and sum("announced Tuesday that he is" in s.text or "has announced Tuesday" in s.text for s in c.support) == 2]


def test_a_claim_that_tells_both_acts_is_no_polarity_dispute(basil_docs):
    # 2010, Boehner: "a two-in-three chance that we win control of the House again, but ... a
    # one-in-three chance that we could lose" against "a 2 in 3 chance that we win control of the
    # House again": the first says both, so "lose" / "win" is no dispute
    claims = _triplet_claims(basil_docs, "a81114e4")
    assert any("2 in 3 chance that we win control" in t for c in claims for t in _words(c))
    assert not [c for c in claims if c.status == "disputed" and any("chance that we win" in t for t in _words(c))]


def _words(claim):
    return [s.text for s in (*claim.support, *claim.contradicted_by)]


def test_the_same_quote_in_two_outlets_is_no_dispute(trump_claims):
    quoted = [c for c in trump_claims if any("I always take things seriously" in t for t in _words(c))]
    assert quoted, "the quote is a claim of two outlets"
    assert all(c.status != "disputed" for c in quoted)


def test_percentages_of_different_candidates_are_no_dispute(trump_claims):
    polls = [c for c in trump_claims if any("percent" in t for t in _words(c))]
    assert polls
    assert all(c.status != "disputed" for c in polls)


def test_a_question_or_a_belief_is_no_polarity_dispute(trump_claims):
    # "not on the basis of the question of where Obama was born" states no birthplace, and "many
    # Republicans continue to believe that Mr. Obama was not born in this country" reports a belief:
    # neither affirms or denies the birth, so they do not contradict each other
    born = [c for c in trump_claims if any("Obama was born" in t or "was not born" in t for t in _words(c))]
    assert born
    assert all(c.status != "disputed" for c in born)


def test_a_relative_clause_is_no_polarity_dispute(basil_docs):
    # 2013, Jesse Jackson Jr.: "used money that shouldn't have been used" / "I used money that should
    # have been used for my campaign": both say he used the money; what it should have been used
    # for is no denial of it
    claims = _triplet_claims(basil_docs, "f506aafc")
    money = [c for c in claims if any("used money that" in t for t in _words(c))]
    assert money
    assert all(c.status != "disputed" for c in money)


def test_two_statements_that_share_only_a_scene_do_not_agree(basil_docs):
    # 2010, Steele: "Mr. Steele did not respond to the call for his resignation" and "Shortly after
    # Kristol called for his resignation, a GOP operative began pitching the column ..." both name the
    # call for his resignation, and say different things
    claims = _triplet_claims(basil_docs, "70934f23")
    respond = [c for c in claims if any("did not respond to the call for his resignation" in t for t in _words(c))]
    assert respond
    assert all(not any("began pitching" in t for t in _words(c)) for c in respond)


def _together(claims, a: str, b: str) -> list:
    return [c for c in claims if len(c.support) > 1 and any(a in s.text for s in c.support) and any(b in s.text for s in c.support)]


def test_what_one_outlet_only_mentions_is_not_what_the_other_reports(basil_docs):
    # 2012, Akin: "Akin rebuffed calls late Monday to step aside" reports his refusal; "He later
    # confirmed that ... Paul Ryan called him and told him to 'give some thought to stepping down'"
    # reports Ryan's call. Each is about something the other only mentions: no agreement. Romney's
    # statement, quoted by two outlets, stays agreed
    claims = _triplet_claims(basil_docs, "08bb9bee")
    assert any("Akin rebuffed calls late Monday" in t for c in claims for t in _words(c))
    assert not _together(claims, "Akin rebuffed calls late Monday", "Paul Ryan called him")
    assert not _together(claims, "refused to step down from his race", "Paul Ryan called him")
    assert [c for c in claims if c.status == "agreed" and sum("his fellow Missourians urged him to step aside" in s.text for s in c.support) >= 2]


def test_one_says_it_happened_the_other_that_it_did_not_is_no_agreement(basil_docs):
    # 2010, Etheridge: "I deeply and profoundly regret my reaction and I apologize to all involved"
    # and "Etheridge told reporters that he hasn't apologized to the young men involved"
    claims = _triplet_claims(basil_docs, "6b541575")
    assert any("hasn't apologized to the young men" in t for c in claims for t in _words(c))
    assert not _together(claims, "I apologize to all involved", "hasn't apologized to the young men")


def test_one_quotation_with_each_outlets_own_attribution_is_agreed(trump_claims):
    # '"I have people that actually have been studying it and they cannot believe what they're
    # finding," Trump told NBC's "Today" show' / 'His response: "Well, I have people that actually
    # have been studying it and they cannot believe what they're talking."'
    assert [c for c in _together(trump_claims, "Trump told NBC's", "His response:") if c.status == "agreed"]


@pytest.mark.quality
@pytest.mark.slow
def test_trust_rules_on_twelve_triplets(basil_docs):
    """No claim with one article on both sides; no dispute between identical words."""
    import re

    words = lambda t: " ".join(re.findall(r"\w+", t.lower()))
    by_triplet: dict[str, list] = {}
    for d in basil_docs:
        by_triplet.setdefault(d["id"].rsplit("_", 1)[0], []).append(d)
    for key in sorted(by_triplet)[:12]:
        for claim in _story(by_triplet[key]):
            support = {s.article_id for s in claim.support}
            against = {s.article_id for s in claim.contradicted_by}
            assert not support & against, (key, claim.text)
            if claim.status == "disputed":
                assert not {words(s.text) for s in claim.support} & {words(s.text) for s in claim.contradicted_by}, (key, claim.text)
