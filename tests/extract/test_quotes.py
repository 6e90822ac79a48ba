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
        assert q.text == " ".join(text[p.start : p.end] for p in q.parts)
        assert q.start == q.parts[0].start and q.end == q.parts[-1].end
        if q.speaker is not None and q.speaker.start is not None:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.text
    return quotes


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
    found = [q for q in seed_quotes[prefix] if q.direct and q.text.startswith(opening)]
    assert len(found) == 1, [q.text for q in seed_quotes[prefix] if q.direct]
    assert found[0].speaker is not None
    assert (found[0].speaker.name, found[0].speaker.text) == (name, words)


def test_seed_direct_quotes_are_all_listed(seed_quotes):
    expected = {(p, o) for p, o, _, _ in SEED_DIRECT_QUOTES}
    extra = [(p, q.text) for p, qs in seed_quotes.items() for q in qs if q.direct and not any(p == ep and q.text.startswith(o) for ep, o in expected)]
    assert extra == []


def test_quote_split_by_its_attribution_is_one_item(seed_quotes):
    (q,) = [q for q in seed_quotes["000"] if q.text.startswith("The reports we had")]
    assert len(q.parts) == 2
    assert q.text.endswith("shot in their homes There could be many more.")
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
    assert q.text == "We are ready to talk But not at any price."
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
    assert indirect["The museum would make visitors face uncomfortable truths"] == "Barack Obama"
    assert indirect["to raise taxes on the rich"] == "Hillary Clinton"


def test_reported_clause_ending_in_an_unclosed_quotation_stays_inside_the_text(nlp):
    # NeuS/ALLSIDES excerpt that ends before its closing mark (it crashed with an IndexError)
    text = ("Fox News said host Sean Hannity’s appearance on stage at a “Make America Great Again” "
            "rally with President Trump was an “unfortunate distraction.")
    quotes = _quotes(nlp, text)  # checks every item's evidence against the text
    assert quotes and {q.speaker.text for q in quotes if q.speaker} == {"Fox News"}
    assert all(0 <= p.start < p.end <= len(text) for q in quotes for p in q.parts)
