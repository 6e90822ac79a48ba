"""Entities of a story: the mentions of every outlet merged into one entry per actor or place.

Distinct written forms are grouped with a union-find under the name rules of
``entity_names`` (same words, acronym, transliteration, surname, alias table). A form joins
another only within a compatible type (a person never merges with a place), and a surname
joins a full name only when exactly one full name in the story ends with it, so two people
who share a first or last name stay apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable

from ..model import Entity, Mention, StoryContext
from .entity_names import acronym, alias_groups, fold, initials, name_words, neutral_name, same_word, same_words

COARSE = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group"}


def coarse(label: str) -> str:
    return COARSE.get(label, label.lower())


class _Forms:
    """Union-find over (coarse type, written form)."""

    def __init__(self, keys: Iterable[tuple[str, str]]):
        self.parent = {k: k for k in keys}

    def find(self, k):
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _compatible(a: str, b: str) -> bool:
    return a == b or {a, b} <= {"org", "place"}  # "U.S." is tagged GPE one time, ORG the next


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names of one person: same surname, given names alike (Sergei / Sergey)."""
    if len(a) < 2 or len(b) < 2 or not same_word(a[-1], b[-1]):
        return False
    if len(a) == len(b):
        return same_words(a, b)
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return same_word(short[0], long[0]) and all(any(same_word(w, x) for x in long) for w in short)


def merge_entities(ctx: StoryContext) -> tuple[Entity, ...]:
    mentions: list[Mention] = []
    for article in ctx.articles:
        analysis = ctx.analyses.get(article.id)
        if analysis is not None:
            mentions.extend(analysis.mentions)
    if not mentions:
        return ()
    forms = sorted({(coarse(m.label), m.text) for m in mentions})
    uf = _Forms(forms)
    _link_forms(forms, uf)
    clusters: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        clusters[uf.find((coarse(m.label), m.text))].append(m)
    entities = [_entity(ms) for ms in clusters.values()]
    entities.sort(key=lambda e: (-len({m.article_id for m in e[3]}), -len(e[3]), e[0]))
    return tuple(
        Entity(id=f"{ctx.story_id}/e{n}", name=name, type=type_, aliases=aliases, mentions=ms)
        for n, (name, type_, aliases, ms) in enumerate(entities, 1)
    )


def _link_forms(forms: list[tuple[str, str]], uf: _Forms) -> None:
    folded = {f: fold(f[1]) for f in forms}
    words = {f: name_words(f[1]) for f in forms}
    by_fold: dict[str, list] = defaultdict(list)
    for f in forms:
        by_fold[folded[f]].append(f)
    aliases = alias_groups()
    by_alias: dict[int, list] = defaultdict(list)
    for f in forms:
        if folded[f] in aliases and f[0] != "person":
            by_alias[aliases[folded[f]]].append(f)
    groups = list(by_fold.values()) + list(by_alias.values())
    for group in groups:  # same words up to spelling, or one alias group
        for f in group[1:]:
            if _compatible(group[0][0], f[0]):
                uf.union(group[0], f)
    acronyms = {f: acronym(f[1]) for f in forms}
    full_persons = [f for f in forms if f[0] == "person" and len(words[f]) >= 2]
    for i, a in enumerate(forms):
        for b in forms[i + 1 :]:
            if not _compatible(a[0], b[0]):
                continue
            if a[0] == "person":
                if _same_person(words[a], words[b]):
                    uf.union(a, b)
            elif acronyms[a] and acronyms[a] == initials(b[1]) or acronyms[b] and acronyms[b] == initials(a[1]):
                uf.union(a, b)
            elif len(words[a]) == len(words[b]) and words[a] and len("".join(words[a])) >= 5 and same_words(words[a], words[b]):
                uf.union(a, b)  # "Al-Qaeda" / "al-Qaida"
    # a surname alone joins the one full name it ends ("Assad" -> "Bashar al-Assad")
    for f in forms:
        if f[0] == "person" and len(words[f]) == 1:
            owners = {uf.find(p) for p in full_persons if same_word(words[p][-1], words[f][0])}
            if len(owners) == 1:
                uf.union(owners.pop(), f)


def _entity(ms: list[Mention]) -> tuple[str, str, tuple[str, ...], tuple[Mention, ...]]:
    ms = sorted(ms, key=lambda m: (m.article_id, m.start))
    counts = Counter(m.text for m in ms)
    # the canonical name: the longest full form, the most used among equals
    name = max(counts, key=lambda t: (len(name_words(t)), len(t), counts[t], -ms.index(next(m for m in ms if m.text == t))))
    name = next((n for n in map(neutral_name, counts) if n), name)
    type_ = Counter(m.label for m in ms).most_common(1)[0][0]
    aliases = tuple(sorted(t for t in counts if t != name))
    return name, type_, aliases, tuple(ms)
