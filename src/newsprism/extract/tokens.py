"""What the parse gives every later stage: the token table, quote regions, sentence tone.

Computed once per article here, so no later stage parses, tokenises or scores text again.
"""

from __future__ import annotations

import functools
from operator import add
from typing import Any, Mapping

from ..model import Article, Part, TokenTable
from .framing_style import _Tok, quote_regions, token_rows, tone
from .row_tree import Tree


def extract_token_rows(doc, article: Article, found: Mapping[str, Any]) -> tuple:
    """Every token's attributes read from spaCy once (a working value, not kept): the
    extractors that walk every token read these rows instead of the doc."""
    return token_rows(doc, [(p.start, p.end) for p in found["quote_regions"]])


def extract_token_tree(doc, article: Article, found: Mapping[str, Any]) -> Tree:
    """Every token's children (a working value, not kept): built once, read by the extractors
    that walk the dependency tree."""
    return Tree(doc, found["token_rows"])


def extract_tokens(doc, article: Article, found: Mapping[str, Any]) -> TokenTable:
    text = article.text
    rows = found["token_rows"]
    sentence = [-1] * len(rows)
    n = 0
    for sent in doc.sents:  # a sentence's tokens carry its index among the non-blank ones
        current = -1
        if text[sent.start_char : sent.end_char].strip():
            current = n
            n += 1
        sentence[sent.start : sent.end] = [current] * (sent.end - sent.start)
    if not rows:
        return TokenTable(sentence=tuple(sentence))
    column = dict(zip(_Tok._fields, zip(*rows)))  # the rows turned into columns in one pass
    starts = column["idx"]
    return TokenTable(
        starts=starts,
        ends=tuple(map(add, starts, map(len, column["text"]))),
        lemmas=column["lemma"],
        tags=column["tag"],
        pos=column["pos"],
        deps=column["dep"],
        heads=column["head"],
        sentence=tuple(sentence),
        stop=column["is_stop"],
    )


def extract_quote_regions(doc, article: Article, found: Mapping[str, Any]) -> tuple[Part, ...]:
    return tuple(Part(s, e) for s, e in quote_regions(article.text))


@functools.lru_cache(maxsize=1 << 14)  # wire copies and near-copies repeat sentences word for word
def _tone(text: str) -> float:
    return tone(text)


def clear_caches() -> None:
    """Forget the cached sentence tones (a benchmark's repeat then costs what a cold run does)."""
    _tone.cache_clear()


def extract_sentence_tone(doc, article: Article, found: Mapping[str, Any]) -> tuple[float, ...]:
    return tuple(_tone(article.text[p.start : p.end]) for p in found["sentences"])
