"""Quotes of a story: every outlet's quotes, speakers resolved to the story's referents,
shared words matched.

Each outlet's occurrence stays its own item. Speakers:
- the entity is the one whose mention holds the speaker's *head word* (``Speaker.head_start``),
  never a name merely inside the phrase ("Russia's envoy" is not Russia); a description the
  article tied to a person (extract: "Russia's envoy" -> Vitaly Churkin) carries that
  person's name and so finds the entity by name;
- a speaker of an entity takes the entity's name (the story's one spelling: "Sergey Lavrov"
  and "Sergei Lavrov" are one heading; ``text`` keeps each article's own words) and the id of
  the story's referent of that entity (``sections["referents"]``), so every format groups
  quotes by one key;
- a description the story ties to one person elsewhere resolves to them: the words set
  before a name ("Russian U.N. Ambassador Vitaly Churkin") or in apposition after it
  ("Vitaly Churkin, Russia's ambassador to the UN") are that person's roles, and a
  description of two or more words that exactly one person's roles cover ("Russia's envoy":
  one role, one country) is that person; ``resources.speakers.covers``;
- a description nobody tied to a person stays as it is (no guess).

``also_in`` links items in other articles that quote the same words (fuzzy: punctuation,
ellipses and a trimmed clause do not hide a match); ``attribution_conflicts`` lists those
among them whose speaker is a different entity. Matching is near-linear: identical word
sequences are one class (hashing), and a class is compared only with classes that hold one
of its rarest words (blocking), so 100 near-copies cost about 4x 25, not 16x.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz

from ..model import Entity, Quote, Referent, Speaker, StoryContext
from ..resources.speakers import covers
from ..resources.words import STOP_WORDS
from .entity_names import fold

MIN_MATCH_WORDS = 3  # "hell" or "dead end" in two outlets is a phrase, not the same quote
MATCH_SCORE = 88.0
BLOCK_WORDS = 3  # a class meets the classes that hold one of its 3 rarest words
WORD = re.compile(r"[\w']+")
SPEAKER_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})  # who can speak: people, bodies, states
# referent links a description may follow to a person: the article's own equations and the
# entity merge; a link by meaning or a shared description noun is too loose to name a speaker
# ("Russia's envoy" joined with the UN's envoy by the noun alone)
TRUSTED_LINKS = frozenset({"entity-merge", "apposition", "name", "surname", "single mention"})


def _words(text: str) -> str:
    return " ".join(WORD.findall(text.lower().replace("’", "'")))


def same_words(a: str, b: str) -> bool:
    """Two quotes hold the same words: one contains the other, or they nearly coincide."""
    return _same_normalised(_words(a), _words(b))


def _same_normalised(wa: str, wb: str) -> bool:
    short = min(wa, wb, key=len)
    if len(short.split()) < MIN_MATCH_WORDS:
        return False
    if len(short) < 12:
        return wa == wb
    if short in (wb if short is wa else wa):
        return True  # one holds the other: partial_ratio would be 100
    # the cutoff lets rapidfuzz stop early; a score under it comes back as 0
    return fuzz.partial_ratio(wa, wb, score_cutoff=MATCH_SCORE) >= MATCH_SCORE


# -- speakers -> entities and referents ----------------------------------------------------------
class _Spans:
    """Sorted (start, end, value) spans of one article; the values whose span holds an offset."""

    def __init__(self, spans: Iterable[tuple[int, int, object]]):
        self.spans = sorted(spans, key=lambda s: (s[0], s[1]))
        self.starts = [s[0] for s in self.spans]
        self.longest = max((e - s for s, e, _ in self.spans), default=0)

    def holding(self, offset: int) -> list[tuple[int, int, object]]:
        out = []
        i = bisect_right(self.starts, offset) - 1
        while i >= 0 and self.spans[i][0] >= offset - self.longest:
            s, e, _v = self.spans[i]
            if s <= offset < e:
                out.append(self.spans[i])
            i -= 1
        return sorted(out, key=lambda x: (x[1] - x[0], x[0]))  # the smallest span first


ROLE_TOKEN = re.compile(r"[\w.'’-]+")
ABBREVIATION = re.compile(r"(?:[A-Za-z]\.)+$")  # "U.N.", "U.S.": a dot that ends no sentence
BEFORE_NAME = 6  # words of a title before a name: "Russian U.N. Ambassador"
APPOSITION = 10  # words of ", Russia's ambassador to the UN," after a name


def _role_words(words: Iterable[str]) -> set[str]:
    out = set()
    for w in words:
        w = re.sub(r"['’]s$", "", w).replace(".", "").lower()
        if w and w not in STOP_WORDS:
            out.add(w)
    return out


def _roles_at(text: str, start: int, end: int) -> set[str]:
    """Role words the article sets next to a name: a capitalised title run just before it, or
    an apposition right after it."""
    before = ROLE_TOKEN.findall(text[max(0, start - 80) : start].split("\n")[-1])
    title: list[str] = []
    for w in reversed(before[-BEFORE_NAME:]):
        if not w[:1].isupper() or (w.endswith(".") and not ABBREVIATION.match(w)):
            break
        title.append(w)
    words = set(_role_words(title))
    after = text[end : end + 200]
    if after.startswith(", "):
        clause = re.split(r"[,.;:\n(]", after[2:], maxsplit=1)[0]
        if not re.search(r"\b(?:said|says|told|who|which|and)\b", clause):
            words |= _role_words(ROLE_TOKEN.findall(clause)[:APPOSITION])
    return words


def _described_person(description: str, roles: dict[str, set[str]]) -> str | None:
    """The one person whose roles in the story cover every word of a description of 2+ words."""
    need = _role_words(ROLE_TOKEN.findall(description))
    if len(need) < 2:
        return None  # "the ambassador" alone could be anyone's title
    found = [eid for eid, have in roles.items() if covers(have, need)]
    return found[0] if len(found) == 1 else None


def heading(entity: Entity) -> str:
    """The entity's one name for who said what: a person's fullest form ("Lina Shamy" where the
    merge is named "Shamy"), else the merge's name."""
    if entity.type != "PERSON" or not entity.name.split():
        return entity.name
    last = fold(entity.name.split()[-1])
    forms = [n for n in entity.aliases if n.split() and fold(n.split()[-1]) == last and len(n) > len(entity.name)]
    return max(forms, key=lambda n: (len(n.split()), len(n), n)) if forms else entity.name


class SpeakerIndex:
    """Entities and referents of a story, looked up by an article offset or a name."""

    def __init__(self, entities: tuple[Entity, ...], referents: tuple[Referent, ...], texts: dict[str, str] | None = None):
        self.entities = {e.id: e for e in entities}
        self.roles: dict[str, set[str]] = {}  # person entity id -> role words the story gives them
        for e in sorted(entities, key=lambda e: e.id):
            if e.type == "PERSON" and texts:
                words = set()
                for m in e.mentions:
                    if m.article_id in texts:
                        words |= _roles_at(texts[m.article_id], m.start, m.end)
                if words:
                    self.roles[e.id] = words
        by_article: dict[str, list] = defaultdict(list)
        for e in entities:
            for m in e.mentions:
                by_article[m.article_id].append((m.start, m.end, e))
        self.entity_spans = {aid: _Spans(v) for aid, v in by_article.items()}
        self.by_name: dict[str, str] = {}
        for e in sorted(entities, key=lambda e: e.id):
            for n in (e.name, *e.aliases):
                self.by_name.setdefault(fold(n), e.id)
        self.referent_of_entity = {r.entity_id: r.id for r in referents if r.entity_id}
        trusted: dict[str, list] = defaultdict(list)
        for r in referents:
            if r.entity_id in self.entities and self.entities[r.entity_id].type in SPEAKER_TYPES and set(r.evidence) <= TRUSTED_LINKS:
                for m in r.mentions:
                    trusted[m.article_id].append((m.start, m.end, r))
        self.referent_spans = {aid: _Spans(v) for aid, v in trusted.items()}
        # "she said": the person the referents stage read the pronoun as (gender and quotations
        # weighed), not only the nearest name
        self.pronoun_of = {(s.article_id, s.start): r.entity_id for r in referents
                           if r.entity_id in self.entities and self.entities[r.entity_id].type in SPEAKER_TYPES for s in r.pronouns}

    def entity_for(self, speaker: Speaker, article_id: str) -> Entity | None:
        """The entity whose mention holds the speaker's head word, else whose name it bears
        (the name a description was resolved to in its article: "Russia's envoy" -> Churkin)."""
        head = speaker.head_start if speaker.head_start is not None else speaker.start
        if (article_id, head) in self.pronoun_of:
            return self.entities[self.pronoun_of[(article_id, head)]]
        spans = self.entity_spans.get(article_id)
        named = self.entities.get(self.by_name.get(fold(speaker.name), ""))
        if head is not None and spans is not None:
            for _s, _e, entity in spans.holding(head):
                if entity.type in SPEAKER_TYPES:
                    if named is not None and named.type == entity.type and fold(named.name).endswith(fold(entity.name)):
                        return named  # "Shamy" where the article says "Lina Shamy": the fuller entity
                    return entity
        if named is None and head is not None and article_id in self.referent_spans:
            # a description the story equates with a person ("the UN High Commissioner" in
            # "Zeid Ra'ad al-Hussein, the UN High Commissioner"): the smallest mention at its head
            held = self.referent_spans[article_id].holding(head)
            if held:
                return self.entities[held[0][2].entity_id]
        if named is None and speaker.text:  # a description: its head is in no entity's mention
            eid = _described_person(speaker.text, self.roles)
            if eid is not None:
                return self.entities[eid]
        return named

    def resolve(self, speaker: Speaker, article_id: str) -> Speaker:
        entity = self.entity_for(speaker, article_id)
        if entity is None:
            return dataclasses.replace(speaker, entity_id=None, referent_id=None)
        return dataclasses.replace(speaker, name=heading(entity), entity_id=entity.id,
                                   referent_id=self.referent_of_entity.get(entity.id))


# -- the same words across outlets -------------------------------------------------------------------
def _classes(quotes: list[Quote]) -> tuple[list[str], list[list[int]]]:
    """Quotes with identical word sequences form one class (a hash): compared once, not per copy."""
    index: dict[str, int] = {}
    texts: list[str] = []
    members: list[list[int]] = []
    for i, q in enumerate(quotes):
        w = _words(q.text)
        if w not in index:
            index[w] = len(texts)
            texts.append(w)
            members.append([])
        members[index[w]].append(i)
    return texts, members


def _matching_classes(texts: list[str]) -> dict[int, set[int]]:
    """Pairs of classes with the same words, compared only within blocks of a shared rare word."""
    words = [list(dict.fromkeys(t.split())) for t in texts]
    postings: dict[str, list[int]] = defaultdict(list)
    for c, ws in enumerate(words):
        for w in ws:
            postings[w].append(c)
    matches: dict[int, set[int]] = defaultdict(set)
    for c, ws in enumerate(words):
        if len(ws) < MIN_MATCH_WORDS and len(texts[c].split()) < MIN_MATCH_WORDS:
            continue
        # the shorter side's words are (nearly) all in the longer: its rarest shared words find
        # it (a word no other class holds finds nothing; a number is what a retelling changes;
        # stop words and numbers only when the quote has no other word: "around 1,500 of them")
        shared = [w for w in ws if len(postings[w]) > 1]
        content = [w for w in shared if w not in STOP_WORDS and not any(ch.isdigit() for ch in w)]
        rare = sorted(content or shared, key=lambda w: (len(postings[w]), w))[:BLOCK_WORDS]
        candidates = sorted({d for w in rare for d in postings[w] if d != c and len(texts[d]) >= len(texts[c])})
        for d in candidates:
            if d not in matches[c] and _same_normalised(texts[c], texts[d]):
                matches[c].add(d)
                matches[d].add(c)
    return matches


def _speaker_key(q: Quote) -> str | None:
    """Only speakers resolved to an entity can conflict: "a UN spokesman" vs a name is no dispute."""
    return q.speaker.entity_id if q.speaker is not None else None


def link_same_words(quotes: list[Quote]) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """(also_in, conflicts) by quote index, each list in quote order."""
    texts, members = _classes(quotes)
    matches = _matching_classes(texts)
    articles = [q.article_id for q in quotes]
    keys = [_speaker_key(q) for q in quotes]
    also: dict[int, list[int]] = {}
    conflicts: dict[int, list[int]] = {}
    for c, own in enumerate(members):
        same = own if len(texts[c].split()) >= MIN_MATCH_WORDS else []  # identical words: the same quote
        group = sorted(set(same) | {i for d in matches.get(c, ()) for i in members[d]})
        if not group:
            continue
        # the links are the group less the quote's own article: a copy in many outlets links to
        # every other one (the output grows with copies squared; the work per link is constant)
        by_article: dict[str, list[int]] = defaultdict(list)
        for j in group:
            by_article[articles[j]].append(j)
        for i in own:
            if len(by_article) == 1 and articles[i] in by_article:
                continue
            mine = by_article.get(articles[i])
            linked = group if not mine else [j for j in group if articles[j] != articles[i]]
            if linked:
                also[i] = linked
                ka = keys[i]
                if ka:
                    against = [j for j in linked if (keys[j] or ka) != ka]
                    if against:
                        conflicts[i] = against
    return also, conflicts


def align_quotes(ctx: StoryContext) -> tuple[Quote, ...]:
    entities = tuple(ctx.sections.get("entities") or ())
    referents = tuple(ctx.sections.get("referents") or ())
    index = SpeakerIndex(entities, referents, {a.id: a.text for a in ctx.articles})
    quotes: list[Quote] = []
    for article in ctx.articles:
        analysis = ctx.analyses.get(article.id)
        if analysis is None:
            continue
        for q in analysis.quotes:
            if q.speaker is not None:
                q = dataclasses.replace(q, speaker=index.resolve(q.speaker, article.id))
            quotes.append(q)
    also, conflicts = link_same_words(quotes)
    ids = [q.id for q in quotes]
    return tuple(
        dataclasses.replace(q, also_in=tuple(map(ids.__getitem__, also.get(i, ()))),
                            attribution_conflicts=tuple(map(ids.__getitem__, conflicts.get(i, ()))))
        for i, q in enumerate(quotes)
    )

