"""Quotes of a story: every outlet's quotes, speakers linked to entities, shared words matched.

Each outlet's occurrence stays its own item. ``also_in`` links items in other articles that
quote the same words (fuzzy: punctuation, ellipses and a trimmed clause do not hide a match);
``attribution_conflicts`` lists those among them whose speaker is a different entity.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict

from rapidfuzz import fuzz

from ..model import Entity, Quote, Speaker, StoryContext
from .entity_names import fold

MIN_MATCH_WORDS = 3  # "hell" or "dead end" in two outlets is a phrase, not the same quote
MATCH_SCORE = 88.0
WORD = re.compile(r"[\w']+")


def _words(text: str) -> str:
    return " ".join(WORD.findall(text.lower().replace("’", "'")))


def _entity_for(speaker: Speaker, article_id: str, entities: tuple[Entity, ...]) -> str | None:
    """The entity whose mention is the speaker's words, else whose name or alias it bears."""
    if speaker.start is not None:
        for e in entities:
            for m in e.mentions:
                if m.article_id == article_id and m.start <= speaker.start and speaker.end <= m.end:
                    return e.id
                if m.article_id == article_id and speaker.start <= m.start and m.end <= (speaker.end or 0) and e.type == "PERSON":
                    return e.id
    name = fold(speaker.name)
    for e in entities:
        if fold(e.name) == name or any(fold(a) == name for a in e.aliases):
            return e.id
    return None


def same_words(a: str, b: str) -> bool:
    """Two quotes hold the same words: one contains the other, or they nearly coincide."""
    wa, wb = _words(a), _words(b)
    short = min(wa, wb, key=len)
    if len(short.split()) < MIN_MATCH_WORDS:
        return False
    return fuzz.partial_ratio(wa, wb) >= MATCH_SCORE if len(short) >= 12 else wa == wb


def _speaker_key(q: Quote) -> str | None:
    """Only speakers resolved to an entity can conflict: "a UN spokesman" vs a name is no dispute."""
    return q.speaker.entity_id if q.speaker is not None else None


def align_quotes(ctx: StoryContext) -> tuple[Quote, ...]:
    entities = tuple(ctx.sections.get("entities") or ())
    quotes: list[Quote] = []
    for article in ctx.articles:
        analysis = ctx.analyses.get(article.id)
        if analysis is None:
            continue
        for q in analysis.quotes:
            if q.speaker is not None:
                q = dataclasses.replace(q, speaker=dataclasses.replace(q.speaker, entity_id=_entity_for(q.speaker, article.id, entities)))
            quotes.append(q)
    also: dict[str, list[str]] = defaultdict(list)
    conflicts: dict[str, list[str]] = defaultdict(list)
    for i, a in enumerate(quotes):
        for b in quotes[i + 1 :]:
            if a.article_id == b.article_id or not same_words(a.text, b.text):
                continue
            also[a.id].append(b.id)
            also[b.id].append(a.id)
            ka, kb = _speaker_key(a), _speaker_key(b)
            if ka and kb and ka != kb:
                conflicts[a.id].append(b.id)
                conflicts[b.id].append(a.id)
    return tuple(
        dataclasses.replace(q, also_in=tuple(also[q.id]), attribution_conflicts=tuple(conflicts[q.id])) for q in quotes
    )
