"""Ranks a claim gives a named person: "becoming the 23rd Democrat to join the field".

Two outlets that rank one person among one kind of people differently ("the 23rd Democrat" /
"the 24th Democrat" to enter a race; "the 45th president" / "the 46th president") tell one
fact two ways, whatever else their sentences say. Such a pair may differ, never more: outlets
count from different lists, and a count moves as others join.

A rank is an ordinal ("23rd", "second" to "twentieth"; not "first", which mostly means "for the
first time") before a noun for people: an office or standing (``resources.words.RANK_NOUNS``), a noun for
people in general (``PERSON_NOUNS``), or a group's name the entities stage tags as one (NORP:
"Democrat", "American"); not "the 2nd Amendment" or "his 10th goal". It belongs to the last person named before it in
the sentence: "Trump, who succeeded Obama, the 44th president" ranks Obama, not Trump.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..resources.words import PERSON_NOUNS, RANK_NOUNS

ORDINAL_WORDS = {
    w: n for n, w in enumerate(
        "second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
        "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), start=2)
}
_RANK_RE = re.compile(
    r"\b(?:the|his|her|their|its|a)\s+(?:(\d{1,4})(?:st|nd|rd|th)|(" + "|".join(ORDINAL_WORDS) + r"))\s+([A-Za-z][\w-]*)",
    re.IGNORECASE)


@dataclass(frozen=True)
class Rank:
    value: int
    noun: str  # lower case, singular
    start: int  # the ordinal and its noun, offsets in the article
    end: int
    holder: str  # entity id of the person ranked


def ranks(text: str, offset: int, persons: Iterable[tuple[int, int, str]], groups: Iterable[tuple[int, int]] = ()) -> tuple[Rank, ...]:
    """The ranks in a claim's ``text`` (starting at ``offset`` in its article), each given to the
    last person (``persons``: article offsets and entity ids) named before it; ``groups``: the
    spans of groups' names (NORP)."""
    persons = sorted(persons)
    group_starts = {s for s, _ in groups}
    out = []
    for m in _RANK_RE.finditer(text):
        noun = m.group(3)
        singular = noun.lower().removesuffix("s") if noun.lower().endswith("s") and not noun.lower().endswith("ss") else noun.lower()
        if not (singular in RANK_NOUNS or singular in PERSON_NOUNS or offset + m.start(3) in group_starts):
            continue
        start = offset + m.start(1 if m.group(1) else 2)
        before = [eid for s, e, eid in persons if e <= start]
        if not before:
            continue
        value = int(m.group(1)) if m.group(1) else ORDINAL_WORDS[m.group(2).lower()]
        out.append(Rank(value, singular, start, offset + m.end(3), before[-1]))
    return tuple(out)


def rank_conflict(mine: tuple[Rank, ...], theirs: tuple[Rank, ...]) -> tuple[Rank, Rank] | None:
    """One person ranked among one kind of people with two numbers, each claim giving one rank."""
    if len(mine) != 1 or len(theirs) != 1:
        return None
    a, b = mine[0], theirs[0]
    if a.holder == b.holder and a.noun == b.noun and a.value != b.value:
        return a, b
    return None
