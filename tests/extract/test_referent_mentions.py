"""Mentions that may corefer across articles, with their roles, read from the parse."""

from __future__ import annotations

from newsprism.extract.entities import extract_mentions
from newsprism.extract.referent_mentions import extract_ref_mentions
from newsprism.model import Article

TEXT = (
    "Vitaly Churkin, Russia's envoy, said the rebels had been defeated by the Syrian army. "
    "The fall of Aleppo was announced. Anti-government forces withdrew. Aleppo has fallen."
)


def _mentions(nlp, text=TEXT):
    article = Article("a", "o", text)
    doc = nlp(text)
    return article, extract_ref_mentions(doc, article, {"mentions": extract_mentions(doc, article, {})})


def test_offsets_hold_and_kinds_are_set(nlp):
    article, ms = _mentions(nlp)
    for m in ms:
        assert article.text[m.start : m.end] == m.text
        assert m.kind in ("entity", "event")
    texts = {m.text: m for m in ms}
    assert texts["Vitaly Churkin"].label == "PERSON"
    assert texts["defeated"].kind == "event"
    assert texts["fall of Aleppo"].kind == "event"  # a nominal event keeps its of-phrase


def test_roles_and_apposition(nlp):
    _, ms = _mentions(nlp)
    texts = {m.text: m for m in ms}
    defeated = ms.index(texts["defeated"])
    assert (texts["rebels"].role, texts["rebels"].pred) == ("patient", defeated)
    assert (texts["Syrian army"].role, texts["Syrian army"].pred) == ("agent", defeated)
    assert ms[texts["Russia's envoy"].same_as].text == "Vitaly Churkin"


def test_hyphenated_prefix_stays_on_its_word(nlp):
    _, ms = _mentions(nlp)
    forces = next(m for m in ms if m.head == "force")
    assert forces.mods == ("anti-government",)
