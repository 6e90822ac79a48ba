"""Claim extraction on real seed text and short hand-written sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.extract.claims import extract_claims
from newsprism.model import Article, Part, Quote, Speaker


def _article(path: Path) -> Article:
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    return Article(id=path.stem, outlet=path.stem, text=text)


@pytest.fixture(scope="module")
def seed_claims(seeds_dir, nlp):
    out = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        article = _article(path)
        out[article.id] = (article, extract_claims(nlp(article.text), article, {}))
    return out


def test_offsets_are_exact_and_in_reading_order(seed_claims):
    for article, claims in seed_claims.values():
        assert claims, article.id
        for claim in claims:
            assert article.text[claim.start : claim.end] == claim.text
            assert claim.text == claim.text.strip()
        assert [c.start for c in claims] == sorted(c.start for c in claims)


def test_captions_credits_boilerplate_and_calls_to_action_are_not_claims(seed_claims):
    texts = [c.text for _, claims in seed_claims.values() for c in claims]
    for junk in ("Stringer/AFP/Getty Images", "The Slatest", "Please share the story", "pic.twitter.com",
                 "(Source: Reuters)", "WATCH:", "provided by Fox News", "date 2016-12-12"):
        assert not any(junk in t for t in texts), junk
    assert not any(t.rstrip("”\"").endswith("?") for t in texts)


def test_dateline_is_trimmed_from_the_first_statement(seed_claims):
    article, claims = seed_claims["004_9903f25920507770"]
    assert claims[0].text.startswith("Aleppo has been officially liberated")


def test_attributed_statements_name_the_speaker(seed_claims):
    _, claims = seed_claims["000_f1b6a418e25c13d0"]
    churkin = next(c for c in claims if "arrangement achieved" in c.text)
    assert churkin.attributed_to and "Churkin" in churkin.attributed_to
    _, claims = seed_claims["002_3f25034ae387d3ff"]
    observatory = next(c for c in claims if "fighting ended Thursday" in c.text)
    assert observatory.attributed_to == "the Syrian Observatory for Human Rights"
    # "The United Nations has received reports of ...": the receiver relays the reports
    _, claims = seed_claims["000_f1b6a418e25c13d0"]
    relayed = next(c for c in claims if "has received reports of at least eighty-two civilians" in c.text)
    assert relayed.attributed_to == "The United Nations"


def test_quote_speaker_from_the_quotes_extractor_wins(nlp):
    text = "The evacuation of the eastern districts will begin at dawn, the governor told reporters on Sunday."
    article = Article(id="a", outlet="x", text=text)
    end = text.index(", the governor")
    quote = Quote(id="a/q1", article_id="a", text=text[:end], start=0, end=end, direct=False,
                  parts=(Part(0, end),), speaker=Speaker(name="Hussein Diab"))
    (claim,) = extract_claims(nlp(text), article, {"quotes": (quote,)})
    assert claim.attributed_to == "Hussein Diab"


def test_figures_times_and_events_are_read_off_the_parse(seed_claims):
    _, claims = seed_claims["000_f1b6a418e25c13d0"]
    un = next(c for c in claims if "eighty-two" in c.text)
    first = un.features["figures"][0]
    assert (first["value"], first["noun"], first["qualifier"]) == (82.0, "civilian", "at least")
    _, claims = seed_claims["002_3f25034ae387d3ff"]
    ended = next(c for c in claims if "fighting ended Thursday" in c.text)
    event = next(e for e in ended.features["events"] if e["lemma"] == "end")
    assert event["cls"] == "end" and event["subject"] == "fighting"
    assert set(event["times"]) == {"thursday", "04:00"}
    _, claims = seed_claims["001_cb9f1f31c9d981d9"]
    shamy = next(c for c in claims if "no one has been allowed" in c.text)
    kept = next(e for e in shamy.features["events"] if e["lemma"] == "allow")
    # "no one has been allowed leave" = kept from leaving, by the subject of the first clause
    assert kept["cls"] == "prevent" and kept["theme"] == "leave"
    assert kept["agent"] == "the Assad regime and Iran"
    assert shamy.attributed_to == "Shamy"


def test_negation_is_marked(nlp):
    text = "The bridge over the river was not reopened to traffic on Monday."
    article = Article(id="b", outlet="x", text=text)
    (claim,) = extract_claims(nlp(text), article, {})
    event = next(e for e in claim.features["events"] if e["lemma"] == "reopen")
    assert event["negated"] is True


def test_a_photo_caption_next_to_its_credit_is_not_a_claim(nlp):
    text = ("Syrian civilians leave toward safer rebel-held areas in Aleppo, on Tuesday.\n\n"
            "Stringer/AFP/Getty Images\n\n"
            "The Syrian government claimed victory on Tuesday over the rebel groups in the city.")
    article = Article("c", "c", text)
    claims = extract_claims(nlp(text), article, {})
    assert [c.text for c in claims] == ["The Syrian government claimed victory on Tuesday over the rebel groups in the city."]


def _events(nlp, text):
    article = Article("a", "o", text)
    (claim,) = extract_claims(nlp(text), article, {})
    return {e["lemma"]: e for e in claim.features["events"]}


def test_what_a_claim_is_about_and_what_it_only_mentions(nlp):
    # the scene ("Shortly after Kristol called ...") is not what the sentence is about; what it
    # tells ("began pitching") is, through a verb of beginning
    events = _events(nlp, "Shortly after Kristol called for his resignation, a GOP operative began pitching the column to reporters.")
    assert not events["call"]["main"] and events["pitch"]["main"] and events["call"]["asserted"]
    # a relative clause, an indirect question and a belief state nothing as fact
    text = "He used money that should have been used for his campaign, officials said."
    (claim,) = extract_claims(nlp(text), Article("a", "o", text), {})
    assert [(e["lemma"], e["main"], e["asserted"]) for e in claim.features["events"]] == [("use", True, True), ("use", False, False)]
    events = _events(nlp, "Many Republicans continue to believe that Mr. Obama was not born in this country.")
    assert events["bear"]["asserted"] is False
    events = _events(nlp, "He will decide by June whether to run for the nomination, his aides said.")
    assert events["decide"]["asserted"] and events["run"]["asserted"] is False


def test_an_event_told_inside_a_noun_phrase_is_an_aside(nlp):
    # what a relative clause or a participle on a noun tells is said in passing ...
    events = _events(nlp, "Doctors called for a new inquiry into the virus that has killed two million people worldwide.")
    assert events["kill"]["aside"] and not events["call"]["aside"]
    events = _events(nlp, "A lawyer said the nurse accused of killing two patients would plead not guilty on Monday.")
    assert events["kill"]["aside"]
    # ... a participle clause on the verb, a reported clause and the content of a report are not
    events = _events(nlp, "The gunman opened fire in the hall on Friday, killing two people and wounding four.")
    assert not events["kill"]["aside"]
    events = _events(nlp, "Police said two people were killed in the shooting on Friday.")
    assert not events["kill"]["aside"]
    events = _events(nlp, "The agency has received reports of at least 40 villagers being killed in the raid.")
    assert not events["kill"]["aside"]


def test_what_was_voted_refused_or_not_wanted_is_the_news_and_its_polarity(nlp):
    # the infinitive of a vote or an attempt is what the sentence tells
    events = _events(nlp, "The Senate voted to approve the bill on Tuesday after a long debate.")
    assert events["approve"]["main"] and not events["approve"]["negated"]
    # a refusal, or a wish denied, tells the event as not done
    events = _events(nlp, "But Mr. Akin on Tuesday refused to step down from his race despite loud calls.")
    assert events["step"]["main"] and events["step"]["negated"]
    # ... but a refusal denied, a stop denied or a wish denied does not deny the infinitive
    for text, lemma in (("Mr. Akin did not refuse to step down from his race, his aides said.", "step"),
                        ("The rebels did not stop fighting in the eastern districts on Monday.", "fight"),
                        ("The governor said he did not want to sign the bill before the election.", "sign")):
        assert not _events(nlp, text)[lemma]["negated"], text
