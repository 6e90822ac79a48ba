"""Quotes and their speakers: the seeds' direct quotes, every quotation style, reported speech."""

from __future__ import annotations

import pytest

from newsprism.extract.entities import extract_mentions
from newsprism.extract.quotes import extract_quotes
from newsprism.model import Article


def _quotes(nlp, text: str, article_id: str = "t"):
    article = Article(id=article_id, outlet="t", text=text)
    doc = nlp(text)
    quotes = extract_quotes(doc, article, {"mentions": extract_mentions(doc, article, {})})
    for q in quotes:  # the evidence rule holds for every item
        assert q.text == " … ".join(text[p.start : p.end] for p in q.parts)
        assert q.start == q.parts[0].start and q.end == q.parts[-1].end
        if q.speaker is not None and q.speaker.start is not None:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.text
    return quotes


def _indirect_speakers(nlp, text: str) -> list[str]:
    return [q.speaker.name for q in _quotes(nlp, text) if not q.direct]


def seed_text(prefix: str) -> str:
    from pathlib import Path

    (path,) = (Path(__file__).resolve().parents[2].parent / "shared" / "seeds").glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8").replace("\r\n", "\n")


@pytest.fixture(scope="module")
def seed_quotes(seeds_dir, nlp):
    out = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        out[path.name[:3]] = _quotes(nlp, path.read_text(encoding="utf-8").replace("\r\n", "\n"), path.stem)
    return out


# (article, words that open the quote, speaker name, words at the attribution)
SEED_DIRECT_QUOTES = [
    ("000", "My latest information is that they indeed", "Vitaly Churkin", "Vitaly Churkin"),
    ("000", "within hours maybe", "Vitaly Churkin", "he"),
    ("000", "The crushing of Aleppo", "Zeid Ra’ad al-Hussein", "Zeid Ra’ad al-Hussein"),
    ("000", "The reports we had are of people", "Rupert Colville", "Rupert Colville"),
    ("001", "hell", "many civilians", "many civilians"),
    ("002", "While the reasons for the breakdown", "Recep Erdogan", "Erdogan"),
    ("002", "Government forces and their allies", "Ban Ki-moon", "Ban Ki-moon"),
    ("002", "Is there nothing that can shame you?", "Samantha Power", "Samantha Power"),
    ("002", "Russia has imposed its will on Syria.", "David French", "David French"),
    ("003", "doomsday", "residents and humanitarian groups", "residents and humanitarian groups"),
    ("003", "a complete meltdown of humanity", "residents and humanitarian groups", "residents and humanitarian groups"),
    ("003", "last moments before declaring victory", "one general", "one general"),
    ("003", "dead end", "Sergei Lavrov", "Sergei Lavrov"),
    ("003", "we are tired of hearing this whining", "Sergei Lavrov", "Sergei Lavrov"),
    ("003", "temporary", "Bashar al-Assad", "He"),
    ("004", "surrender or die", "Zaid al-Saleh", "Zaid al-Saleh"),
    ("004", "Civilians are being used as pawns", "Rupert Colville", "Rupert Colville"),
    ("004", "orchestrated", "Sergey Lavrov", "Sergey Lavrov"),
    ("004", "didn’t lift a finger", "former UK ambassador to Syria", "former UK ambassador to Syria"),
]


@pytest.mark.parametrize("prefix,opening,name,words", SEED_DIRECT_QUOTES)
def test_every_seed_direct_quote_has_its_speaker(seed_quotes, prefix, opening, name, words):
    # a phrase quoted inside a reported clause is part of that clause's item
    found = [q for q in seed_quotes[prefix] if (q.text.startswith(opening) if q.direct else f"“{opening}" in q.text)]
    assert len(found) == 1, [q.text for q in seed_quotes[prefix] if q.direct]
    assert found[0].speaker is not None
    assert (found[0].speaker.name, found[0].speaker.text) == (name, words)


def test_seed_direct_quotes_are_all_listed(seed_quotes):
    expected = {(p, o) for p, o, _, _ in SEED_DIRECT_QUOTES}
    extra = [(p, q.text) for p, qs in seed_quotes.items() for q in qs if q.direct and not any(p == ep and q.text.startswith(o) for ep, o in expected)]
    assert extra == []
    # ... and nothing else holds a quotation: a quoted phrase is never a second item
    quoted = [o for _, o, _, _ in SEED_DIRECT_QUOTES]
    extra = [(p, q.text) for p, qs in seed_quotes.items() for q in qs if not q.direct and "“" in q.text
             and not any(f"“{o}" in q.text for o in quoted)]
    assert extra == []


def test_quote_split_by_its_attribution_is_one_item(seed_quotes):
    (q,) = [q for q in seed_quotes["000"] if q.text.startswith("The reports we had")]
    assert len(q.parts) == 2
    # the parts are never glued into one sentence: the cut shows, each part is exact
    assert q.text.endswith("shot in their homes … There could be many more.")
    assert [seed_text("000")[p.start : p.end] for p in q.parts][1] == "There could be many more."
    assert q.id.startswith("000_") and "/q" in q.id


def test_indirect_attribution_in_the_seeds(seed_quotes):
    indirect = {q.text: q for q in seed_quotes["001"] if not q.direct}
    churkin = next(q for t, q in indirect.items() if t.startswith("an arrangement had been made"))
    assert churkin.speaker.name == "Vitaly Churkin" and churkin.speaker.text == "Churkin"
    colville = next(q for t, q in indirect.items() if t.startswith("pro-government forces have killed"))
    assert colville.cue == "according to" and colville.speaker.name == "Rupert Colville"


@pytest.mark.parametrize(
    "text,quoted",
    [
        ("The minister said: «We will not give up the city.»", "We will not give up the city."),
        ('The minister said: "We will not give up the city."', "We will not give up the city."),
        ("The minister said: ‘We will not give up the city.’", "We will not give up the city."),
        ("The minister said: “We will not give up the city.”", "We will not give up the city."),
    ],
)
def test_every_quotation_style(nlp, text, quoted):
    (q,) = [q for q in _quotes(nlp, text) if q.direct]
    assert q.text == quoted
    assert q.speaker.name == "minister"


def test_apostrophes_are_not_quotation_marks(nlp):
    text = "Russia’s envoy said the rebels’ positions had fallen."
    assert not [q for q in _quotes(nlp, text) if q.direct]


def test_split_quote_with_straight_marks(nlp):
    text = '"We are ready to talk," Angela Merkel said on Monday. "But not at any price."'
    (q,) = [q for q in _quotes(nlp, text) if q.direct]
    assert q.text == "We are ready to talk … But not at any price."
    assert [text[p.start : p.end] for p in q.parts] == ["We are ready to talk", "But not at any price."]
    assert q.speaker.name == "Angela Merkel"


def test_reported_speech_said_that_and_warned(nlp):
    text = "Angela Merkel said that the talks had failed. The World Health Organization warned the outbreak could spread."
    indirect = {q.text: q.speaker.name for q in _quotes(nlp, text) if not q.direct}
    assert indirect == {"the talks had failed": "Angela Merkel", "the outbreak could spread": "World Health Organization"}


def test_description_resolved_only_when_the_article_supports_it(nlp):
    text = (
        "Rupert Colville, a UN spokesman, spoke in Geneva. Later a UN spokesman said that the convoy had left. "
        "One general said that the city would fall."
    )
    speakers = {q.text: q.speaker for q in _quotes(nlp, text) if not q.direct}
    assert speakers["the convoy had left"].name == "Rupert Colville"
    assert speakers["the convoy had left"].text == "a UN spokesman"
    assert speakers["the city would fall"].name == "One general"


def test_transcript_turns_are_quotes_of_the_named_speaker(nlp):
    text = "WALLACE: Will she be there?\n\nPENCE: She will not be attending the debate.\n\nWALLACE: Thank you, governor."
    quotes = [(q.text, q.speaker.text) for q in _quotes(nlp, text) if q.direct]
    assert quotes == [
        ("Will she be there?", "WALLACE"),
        ("She will not be attending the debate.", "PENCE"),
        ("Thank you, governor.", "WALLACE"),
    ]


def test_titles_and_unattributed_scare_quotes_are_not_quotes(nlp):
    text = "He appeared on “Fox and Friends” on Monday. The so-called “peace plan” failed within a week."
    assert [q.text for q in _quotes(nlp, text) if q.direct] == []


def test_parenthetical_said_and_stance(nlp):
    text = "The museum, Barack Obama said, would make visitors face uncomfortable truths. Hillary Clinton wants to raise taxes on the rich."
    indirect = {q.text: q.speaker.name for q in _quotes(nlp, text) if not q.direct}
    assert indirect["The museum … would make visitors face uncomfortable truths"] == "Barack Obama"
    assert indirect["to raise taxes on the rich"] == "Hillary Clinton"
    # a participle clause after the urging is the writer's narration, not what was urged
    text = ("Throughout the battle, government forces repeatedly urged civilians to leave the area, "
            "organizing humanitarian corridors to arrange their safe passage.")
    assert [q.text for q in _quotes(nlp, text) if not q.direct] == ["to leave the area"]
    # a participle set after a noun describes it: no one stated that aim
    text = ("De Blasio, 57, launched his candidacy with the central campaign message, “Working People First,” "
            "becoming the 24th Democrat seeking to take on Trump in the election next year.")
    assert _indirect_speakers(nlp, text) == []
    # an aim whose object is the noun a relative clause is set on quotes a gap
    text = "But an essential tool the administration planned to use to achieve that goal now appears out of reach."
    assert _indirect_speakers(nlp, text) == []
    text = "Joe Biden, who vowed to cut emissions in half by 2030, spoke on Monday."
    assert _indirect_speakers(nlp, text) == ["Joe Biden"]
    text = "It was a speech in which President Joe Biden vowed to cut emissions in half by 2030."
    assert _indirect_speakers(nlp, text) == ["Joe Biden"]


def test_whom_a_speaker_tells_is_not_what_they_say(nlp):
    # the parse reads "reporters Macron" as one name: the recipient is still no part of the words
    text = "Donald Trump told reporters Macron's comments were nasty when he lamented the state of the alliance."
    (quote,) = [q for q in _quotes(nlp, text) if not q.direct]
    assert quote.speaker.name == "Donald Trump" and quote.text.startswith("Macron's comments were nasty")
    text = "The mayor told reporters the bridge would reopen on Monday."
    assert [q.text for q in _quotes(nlp, text) if not q.direct] == ["the bridge would reopen on Monday"]


def test_a_remark_of_the_writer_closing_a_reported_clause_is_not_reported(nlp):
    # "..., a position Erdogan echoed" says who else holds it: the writer's words, not the speaker's
    text = ("Zeid Ra'ad Al Hussein said that the attack on evacuating civilians was likely a war crime, "
            "a position Turkish President Recep Erdogan echoed.")
    assert [q.text for q in _quotes(nlp, text) if not q.direct] == ["the attack on evacuating civilians was likely a war crime"]
    # an apposition that is no stance stays with what was said
    text = "Churkin said that the fighters would leave for Idlib, a rebel province."
    assert [q.text for q in _quotes(nlp, text) if not q.direct] == ["the fighters would leave for Idlib, a rebel province"]
    text = "The general said that the army would withdraw by Friday, the day the truce ends."
    assert [q.text for q in _quotes(nlp, text) if not q.direct] == ["the army would withdraw by Friday, the day the truce ends"]


def test_reported_clause_ending_in_an_unclosed_quotation_stays_inside_the_text(nlp):
    # NeuS/ALLSIDES excerpt that ends before its closing mark (it crashed with an IndexError)
    text = ("Fox News said host Sean Hannity’s appearance on stage at a “Make America Great Again” "
            "rally with President Trump was an “unfortunate distraction.")
    quotes = _quotes(nlp, text)  # checks every item's evidence against the text
    assert quotes and {q.speaker.text for q in quotes if q.speaker} == {"Fox News"}
    assert all(0 <= p.start < p.end <= len(text) for q in quotes for p in q.parts)


def test_a_phrase_quoted_inside_a_reported_clause_is_one_item(seed_quotes):
    """'It could happen “within hours maybe,” he said': one item, the clause, with its speaker."""
    for prefix, words, name in (("000", "within hours maybe", "Vitaly Churkin"), ("004", "orchestrated", "Sergey Lavrov")):
        holding = [q for q in seed_quotes[prefix] if words in q.text]
        assert len(holding) == 1, [q.text for q in holding]
        assert not holding[0].direct and f"“{words}" in holding[0].text
        assert holding[0].speaker.name == name


def test_an_adverbial_clause_is_not_what_the_speaker_said(seed_quotes):
    """'While much of the criticism ... has been directed at Russia, Moscow has ... denied these
    allegations': Moscow denied it; the while-clause is not Moscow's words."""
    assert not [q for q in seed_quotes["001"] if "much of the criticism" in q.text]


def test_a_description_the_article_ties_to_a_person_is_that_person(seed_quotes):
    """'Russia’s envoy to the United Nations' where the article names 'Russian U.N. Ambassador
    Vitaly Churkin' (one role, one country); a description tied to nobody stays as it is."""
    (q,) = [q for q in seed_quotes["000"] if q.text.startswith("fighting would cease Tuesday evening")]
    assert (q.speaker.name, q.speaker.text) == ("Vitaly Churkin", "Russia’s envoy")
    assert seed_text("000")[q.speaker.head_start :].startswith("envoy")
    (q,) = [q for q in seed_quotes["004"] if "lift a finger" in q.text]
    assert q.speaker.name == "former UK ambassador to Syria"


def _basil(data_dir, stem: str) -> str:
    import json

    (path,) = (data_dir / "basil" / "articles").rglob(f"{stem}.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    paragraphs = [" ".join(p) if isinstance(p, list) else str(p) for p in doc.get("body-paragraphs", [])]
    return "\n\n".join(p for p in paragraphs if p.strip())


@pytest.mark.parametrize("stem", ["005a2961-0c2e-4575-8eec-770ba52a08e0_1", "005a2961-0c2e-4575-8eec-770ba52a08e0_2",
                                  "c21cb217-3e2c-49bd-884d-5c74a165ef10_1", "576116e5-2b18-4d35-be73-36f5863c9468_2"])
def test_basil_speakers_are_people_or_bodies(nlp, data_dir, stem):
    """BASIL gave the speakers 'bill', 'he or she', 'release' and the dateline 'WASHINGTON'."""
    quotes = _quotes(nlp, _basil(data_dir, stem), stem)
    names = {q.speaker.name for q in quotes if q.speaker is not None}
    assert not names & {"bill", "he or she", "release", "WASHINGTON", "UPDATE"}, names
    assert not [n for n in names if n.isupper() and len(n) > 5], names  # no dateline in capitals
    if stem.startswith("576116e5"):  # 'WASHINGTON — AARP said ...': the body after the dateline
        assert "AARP" in names


def test_a_surname_is_the_person_named_first_and_a_timed_update_is_no_speaker(nlp, data_dir):
    # BASIL 2013: "Former Rep. Jesse Jackson Jr.", "Sandra Jackson", "Michael Jackson" (his
    # memorabilia) and "Rev. Jesse Jackson" in one article: "Jackson said" is the congressman,
    # named first ("Jr." is no surname); "UPDATE 2:52 p.m. --" is page furniture
    for stem in ("f506aafc-8b43-427a-936e-bbd1ef33e076_1", "f506aafc-8b43-427a-936e-bbd1ef33e076_3"):
        quotes = _quotes(nlp, _basil(data_dir, stem), stem)
        names = [q.speaker.name for q in quotes if q.speaker is not None]
        jacksons = {n for n in names if n.endswith(("Jackson", "Jackson Jr."))}
        assert jacksons == {"Jesse Jackson Jr."}, names
        assert "UPDATE" not in names


def test_a_text_speaks_for_whoever_issued_it(nlp):
    text = ("The White House statement said the talks would resume in May. "
            "The report said that the river had flooded twice.")
    speakers = {q.text: (q.speaker.name if q.speaker else None) for q in _quotes(nlp, text) if not q.direct}
    assert speakers.get("the talks would resume in May") == "White House"
    assert speakers.get("the river had flooded twice") is None


def test_according_to_in_a_sentence_another_source_speaks_in_is_not_the_whole_sentence(seed_quotes):
    """003: 'The Syrian army says it is in control of 98 percent of the city, and, according to one
    general, in the “last moments before declaring victory,” after an assault ...': the army's
    clause is the army's, the general's words are the quoted phrase; no item gives the general
    the whole sentence."""
    general = [q for q in seed_quotes["003"] if q.speaker is not None and q.speaker.name == "one general"]
    assert [q.text for q in general] == ["last moments before declaring victory"]
    (army,) = [q for q in seed_quotes["003"] if q.text == "it is in control of 98 percent of the city"]
    assert army.speaker.name == "Syrian army"


def test_a_thought_someone_could_have_is_no_view_they_hold(nlp):
    text = "Macron warned that Europe could no longer assume American support would last."
    assert _indirect_speakers(nlp, text) == ["Macron"]
    text = "Officials believe the fire was set deliberately."
    assert _indirect_speakers(nlp, text) == ["Officials"]


def test_a_hyphenated_speaker_the_parse_split_is_named_whole(nlp):
    text = "The lawsuit was filed by pro-lifers, who said the law was too weak."
    assert _indirect_speakers(nlp, text) == ["pro-lifers"]
