"""Ranks a claim gives a named person: "becoming the 23rd Democrat to join the field".

Two outlets that rank one person among one kind of people differently ("the 23rd Democrat" /
"the 24th Democrat" to enter a race; "the 45th president" / "the 46th president") tell one
fact two ways, whatever else their sentences say. Such a pair may differ, never more: outlets
count from different lists, and a count moves as others join.

A rank is "the" and an ordinal ("23rd", "second" to "twentieth"; not "first", which mostly means
"for the first time", and not after a possessive: "his second wife" ranks her, not him) before
a noun for people: an office or standing (``resources.words.RANK_NOUNS``), a noun for people in
general (``PERSON_NOUNS``), either after one narrowing word ("the 23rd Democratic candidate"),
or a group's name the entities stage tags (NORP) standing as the noun itself ("the 23rd
Democrat to join", not "the second Democratic debate"). It belongs to the person named right
after it ("the 23rd candidate to enter the race, Bill de Blasio"), else to the last person
named before it in the sentence ("Trump, who succeeded Obama, the 44th president" ranks Obama).
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
    r"\bthe\s+(?:(\d{1,4})(st|nd|rd|th)|(" + "|".join(ORDINAL_WORDS) + r"))\s+([A-Za-z][\w-]*)(?:\s+([a-z][\w-]*))?",
    re.IGNORECASE)
# what may follow a group's name standing as the rank's noun: a clause or phrase about the
# ranked one ("the 23rd Democrat to join", "... seeking", "... who", "... in", "... since")
_AFTER_GROUP_NOUN = re.compile(r"^(?:\s*[,.;:)]|\s*$|\s+(?:to|who|in|since|ever|from|of|on|at|for)\b|\s+[a-z]+ing\b)")
# a person named right after the rank, set off as its apposition: ", Bill de Blasio"
_APPOSITION_GAP = re.compile(r"^[^,.;:]*,\s*$")


@dataclass(frozen=True)
class Rank:
    value: int
    noun: str  # lower case, singular; with its narrowing word when it has one ("democratic candidate")
    start: int  # the ordinal and its noun, offsets in the article
    end: int
    holder: str  # entity id of the person ranked


def _suffix_fits(n: int, suffix: str) -> bool:
    """"23rd", "11th", "2nd": the suffix English writes for the number."""
    if 11 <= n % 100 <= 13:
        return suffix == "th"
    return suffix == {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _singular(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def ranks(text: str, offset: int, persons: Iterable[tuple[int, int, str]], groups: Iterable[tuple[int, int]] = ()) -> tuple[Rank, ...]:
    """The ranks in a claim's ``text`` (starting at ``offset`` in its article): ``persons`` are
    the article offsets and entity ids of the people it names, ``groups`` the spans of groups'
    names (NORP)."""
    persons = sorted(persons)
    group_starts = {s for s, _ in groups}
    out = []
    for m in _RANK_RE.finditer(text):
        if m.group(1):
            value = int(m.group(1))
            if value < 2 or not _suffix_fits(value, m.group(2).lower()):
                continue
        else:
            value = ORDINAL_WORDS[m.group(3).lower()]
        word, after = m.group(4), m.group(5)
        if _singular(word) in RANK_NOUNS or _singular(word) in PERSON_NOUNS:
            noun, end = _singular(word), m.end(4)
        elif after and (_singular(after) in RANK_NOUNS or _singular(after) in PERSON_NOUNS):
            noun, end = f"{word.lower()} {_singular(after)}", m.end(5)  # "the 23rd Democratic candidate"
        elif offset + m.start(4) in group_starts and _AFTER_GROUP_NOUN.match(text[m.end(4):]):
            noun, end = _singular(word), m.end(4)  # "the 23rd Democrat to join"
        else:
            continue
        start = offset + m.start(1 if m.group(1) else 3)
        end += offset
        holder = _holder(text, offset, start, end, persons)
        if holder is not None:
            out.append(Rank(value, noun, start, end, holder))
    return tuple(out)


def _holder(text: str, offset: int, start: int, end: int, persons: list[tuple[int, int, str]]) -> str | None:
    """The person a rank belongs to: one set after it as its apposition, else the last one
    named before it."""
    after = [(s, eid) for s, _, eid in persons if s >= end]
    if after and _APPOSITION_GAP.match(text[end - offset : after[0][0] - offset]):
        return after[0][1]
    before = [eid for s, e, eid in persons if e <= start]
    return before[-1] if before else None


def rank_conflict(mine: tuple[Rank, ...], theirs: tuple[Rank, ...]) -> tuple[Rank, Rank] | None:
    """One person ranked among one kind of people with two numbers, each claim giving one rank."""
    if len(mine) != 1 or len(theirs) != 1:
        return None
    a, b = mine[0], theirs[0]
    if a.holder == b.holder and a.noun == b.noun and a.value != b.value:
        return a, b
    return None
