"""What the parse gives every later stage: the token table, quote regions, sentence tone.

Computed once per article here, so no later stage parses, tokenises or scores text again.
"""

from __future__ import annotations

from typing import Any, Mapping

from ..model import Article, Part, TokenTable
from .framing_style import quote_regions, tone


def extract_tokens(doc, article: Article, found: Mapping[str, Any]) -> TokenTable:
    sentence_of: dict[int, int] = {}
    n = 0
    for sent in doc.sents:
        if sent.text.strip():
            sentence_of[sent.start] = n
            n += 1
    sentence: list[int] = []
    current = -1
    for tok in doc:
        if tok.is_sent_start:
            current = sentence_of.get(tok.i, -1)
        sentence.append(current)
    return TokenTable(
        starts=tuple(t.idx for t in doc),
        ends=tuple(t.idx + len(t.text) for t in doc),
        lemmas=tuple(t.lemma_.lower() for t in doc),
        tags=tuple(t.tag_ for t in doc),
        pos=tuple(t.pos_ for t in doc),
        deps=tuple(t.dep_ for t in doc),
        heads=tuple(t.head.i for t in doc),
        sentence=tuple(sentence),
        stop=tuple(t.is_stop for t in doc),
    )


def extract_quote_regions(doc, article: Article, found: Mapping[str, Any]) -> tuple[Part, ...]:
    return tuple(Part(s, e) for s, e in quote_regions(doc.text))


def extract_sentence_tone(doc, article: Article, found: Mapping[str, Any]) -> tuple[float, ...]:
    return tuple(tone(article.text[p.start : p.end]) for p in found["sentences"])
