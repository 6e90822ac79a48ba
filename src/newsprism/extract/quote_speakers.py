"""Who is speaking: the noun phrase at an attribution, resolved to a name when the text allows.

A name in the phrase is used as it stands, completed to the fullest form the article gives
("Churkin" -> "Vitaly Churkin"). "he"/"she" take the nearest person named before them outside
any quotation. A description ("a UN spokesman") becomes a name only when the article itself
ties exactly one named person to that role ("Rupert Colville, a UN Spokesman"; "Russia's
envoy" for "Russian U.N. Ambassador Vitaly Churkin": one role, one country); otherwise the
description stays the speaker, so nothing is guessed.

A speaker is a person or a body, never a thing or page furniture: a dateline ("WASHINGTON —")
is cut off the phrase; a text, record or finding ("the bill", "a release", "the report";
``resources.speakers.TEXT_NOUNS``) speaks for whoever issued it ("the White House statement"
-> the White House), else for nobody named; a generic "he or she" and a bare adjective
("little is known") are no speaker.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Mention, Speaker
from ..resources.speakers import PEOPLE_QUANTIFIERS, TEXT_NOUNS, covers, role_word
from ..resources.words import PERSONAL_PRONOUNS
from .entity_lexicon import PERSON_TITLES
from .quote_marks import within_line

SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")
NP_DROP = frozenset({"relcl", "acl", "appos", "punct", "advcl", "cc", "prep"})
# page furniture at a paragraph's start: "WASHINGTON —", "NEW YORK (AP) --", "UPDATE:", "UPDATE 2:52 p.m. --"
DATELINE = re.compile(r"[A-Z][A-Z.'’ ,/-]*[A-Z.](?:[ \t]+\d{1,2}:\d{2}(?:[ \t]*[ap]\.?m\.?)?)?(?:[ \t]*\([^)\n]{1,30}\))?[ \t]*(?:[—–:]|--|-[ \t])[ \t]*")


@functools.lru_cache(maxsize=1 << 14)  # names and their words repeat through an article
def _norm(word: str) -> str:
    return word.lower().replace(".", "").replace("’", "'")


GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _unsuffixed(words: list[str]) -> list[str]:
    """Name words without a trailing generational suffix or its comma ("Jesse Jackson Jr.")."""
    while words and words[-1].strip(",") in GENERATIONAL:
        words = words[:-1]
    if words:
        words = [*words[:-1], words[-1].rstrip(",")]
    return words


def noun_phrase(head) -> tuple[int, int]:
    """Token range of the phrase headed by ``head``, without relative clauses or appositions.

    Prepositional phrases are kept when they sit inside the phrase ("ambassador to Syria").
    """
    keep = [head.i]
    for child in head.children:
        if child.dep_ in NP_DROP:
            if not (child.dep_ == "prep" and child.i > head.i and child.lower_ in ("of", "to", "for")):
                continue
        keep.extend(t.i for t in child.subtree)
    start, end = min(keep), max(keep) + 1
    doc = head.doc
    start, end = within_line(doc, head.i, start, end)
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def noun_phrase_rows(rows, kids, head: int) -> tuple[int, int]:
    """``noun_phrase`` of token ``head`` read from the token rows and their children
    (``row_tree.children``), without building spaCy tokens."""
    keep_lo = keep_hi = head
    for child in kids[head]:
        c = rows[child]
        if c.dep in NP_DROP:
            if not (c.dep == "prep" and child > head and c.lower in ("of", "to", "for")):
                continue
        todo = [child]  # the child's subtree: only its bounds matter
        while todo:
            i = todo.pop()
            keep_lo = i if i < keep_lo else keep_lo
            keep_hi = i if i > keep_hi else keep_hi
            todo.extend(kids[i])
    start, end = within_line(rows, head, keep_lo, keep_hi + 1)
    while end - 1 > start and (rows[end - 1].is_punct or rows[end - 1].is_space):
        end -= 1
    while start < end - 1 and (rows[start].is_punct or rows[start].is_space):
        start += 1
    # a hyphenated word the parse split into siblings ("pro", "-", "lifers"): the whole word
    while start >= 2 and rows[start - 1].text == "-" and not rows[start - 1].whitespace and not rows[start - 2].whitespace and rows[start - 2].is_alpha:
        start -= 2
    return start, end


@dataclass
class SpeakerResolver:
    doc: object
    mentions: Sequence[Mention]
    quoted: Sequence[tuple[int, int]]  # character ranges inside quotation marks
    text: str | None = None  # the doc's text, when the caller has it

    def __post_init__(self) -> None:
        self.mentions = sorted(self.mentions, key=lambda m: m.start)
        self._text = self.doc.text if self.text is None else self.text  # Doc.text is rebuilt on every access
        self._starts = [m.start for m in self.mentions]
        self._full_names: dict[tuple[str, str], str] = {}
        self._name_words: list[tuple[str, list[str], list[str]]] | None = None  # per mention, made once
        self._roles = self._person_roles()
        # top-level quotations never overlap: sorted starts + bisect keep inside_quote O(log n)
        self.quoted = sorted(self.quoted)
        self._q_starts = [s for s, _ in self.quoted]

    # -- names ---------------------------------------------------------------------------
    def full_name(self, mention: Mention) -> str:
        """The longest name of the article that ends with this mention's words."""
        key = (mention.text, mention.label)  # the answer depends on these only: computed once each
        if key not in self._full_names:
            self._full_names[key] = self._longest_name(mention)
        return self._full_names[key]

    def _longest_name(self, mention: Mention) -> str:
        """The longest such name; when names of different people end so ("Jesse Jackson Jr.",
        "Sandra Jackson", "Michael Jackson"), the one the article names first, as news style
        refers to its first-named person by surname. A generational suffix ("Jr.") is no surname."""
        words = _unsuffixed([_norm(w) for w in mention.text.split()])
        if self._name_words is None:
            self._name_words = [(m.label, _unsuffixed([_norm(w) for w in m.text.replace("-", "- ").split()]), _unsuffixed([_norm(w) for w in m.text.split()]))
                                for m in self.mentions]
        found = []  # in text order
        for m, (label, other, flat) in zip(self.mentions, self._name_words):
            if label != mention.label and not (label == "PERSON" and len(words) == 1):
                continue
            if words and len(flat) > len(words) and (flat[-len(words):] == words or other[-len(words):] == words):
                found.append((m.text, flat[0]))
        if len({first for _, first in found}) > 1:
            return found[0][0]
        best = mention.text
        for text, _ in found:
            if len(text) > len(best):
                best = text
        return best

    def inside_quote(self, offset: int) -> bool:
        i = bisect_right(self._q_starts, offset) - 1
        return i >= 0 and offset < self.quoted[i][1]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect_right(self._starts, start - 1)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def nearest_person_before(self, offset: int) -> Mention | None:
        i = bisect_right(self._starts, offset) - 1
        while i >= 0:
            m = self.mentions[i]
            if m.label == "PERSON" and m.end <= offset and not self.inside_quote(m.start):
                return m
            i -= 1
        return None

    # -- roles -------------------------------------------------------------------------
    def _role_words(self, mention: Mention) -> set[str]:
        doc = self.doc
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return set()
        root = span.root
        words: set[str] = set()
        phrases = [c for c in root.children if c.dep_ in ("compound", "amod", "appos") and not (span.start <= c.i < span.end)]
        if root.dep_ == "appos":  # "the US Ambassador to the UN, Samantha Power"
            phrases.append(root.head)
        for p in phrases:
            tokens = [t for t in p.subtree if not (root.left_edge.i <= t.i <= root.right_edge.i)] if p is root.head else list(p.subtree)
            for t in tokens:
                if t.pos_ in ("NOUN", "PROPN", "ADJ") and not (span.start <= t.i < span.end):
                    words.add(_norm(t.lemma_))
                    words.add(_norm(t.text))
        return words

    def _person_roles(self) -> list[tuple[str, set[str]]]:
        roles = []
        for m in self.mentions:
            if m.label == "PERSON":
                words = self._role_words(m)
                if words:
                    roles.append((self.full_name(m), words))
        return roles

    def by_role(self, tokens) -> str | None:
        """The one named person the article gives this role ("a UN spokesman" -> Rupert Colville)."""
        content = [t for t in tokens if t.pos_ in ("NOUN", "PROPN") or (t.pos_ == "ADJ" and t.text[:1].isupper())]
        if not content:
            return None
        head = content[-1]
        if _norm(head.lemma_) not in PERSON_TITLES and _norm(head.text) not in PERSON_TITLES:
            return None  # "residents": a group, never one person; "AARP": a body's name, not a role
        need = _role_words_of(content)
        names = {name for name, words in self._roles if covers(words, need)}
        return names.pop() if len(names) == 1 else None

    # -- the speaker -------------------------------------------------------------------
    def _after_dateline(self, start: int, end: int) -> int:
        """First token after a dateline that opens the phrase at a paragraph's start."""
        doc = self.doc
        s_char = doc[start].idx
        text = self._text
        if s_char > 0 and text[s_char - 1] != "\n":
            return start
        m = DATELINE.match(text, s_char)
        if m is None or not any(c.isalpha() for c in m.group()):
            return start
        while start < end and doc[start].idx < m.end():
            start += 1
        return start

    def speaker(self, start: int, end: int) -> Speaker | None:
        """Speaker for the phrase doc[start:end] at an attribution; None when it is nobody."""
        doc = self.doc
        start = self._after_dateline(start, end) if start < end else start
        if start >= end:
            return None
        span = doc[start:end]
        s_char, e_char = span.start_char, span.end_char
        root = span.root
        if root.i < end - 1 and any(doc[j].text == "-" for j in range(root.i, end)) and not any(doc[j].whitespace_ for j in range(root.i, end - 1)):
            root = doc[end - 1]  # a hyphenated word the parse split ("pro", "-", "lifers"): its last part heads it
        if root.lower_ in PERSONAL_PRONOUNS and all(t.i == root.i or t.pos_ in ("ADV", "PART", "PUNCT") for t in span):
            person = self.nearest_person_before(s_char)  # "he", "even he"
            name = self.full_name(person) if person else root.text
            return Speaker(name=name, start=root.idx, end=root.idx + len(root.text), text=root.text, head_start=root.idx)
        if root.pos_ == "PRON" and any(c.dep_ == "conj" for c in root.children):
            return None  # "he or she believes": anyone, not a speaker
        found = self.mentions_in(s_char, e_char)
        for label in SPEAKER_LABELS:
            for m in found:
                if m.label == label and m.start <= root.idx < m.end:
                    return Speaker(name=self.full_name(m), start=m.start, end=m.end, text=m.text, head_start=root.idx)
        if root.pos_ == "NOUN" and _norm(root.lemma_) in TEXT_NOUNS:
            return self._issuer(root)  # "the bill says", "the White House statement said"
        if root.pos_ in ("ADJ", "ADV", "VERB", "NUM") and root.lower_ not in PEOPLE_QUANTIFIERS and not found:
            return None  # "little is known": a parse error, not a source
        persons = [m for m in found if m.label == "PERSON"]
        for child in root.children:  # "the US Ambassador to the UN, Samantha Power, asking"
            if child.dep_ == "appos" and not persons:
                sub = sorted(child.subtree, key=lambda t: t.i)
                persons = [m for m in self.mentions_in(sub[0].idx, sub[-1].idx + len(sub[-1].text)) if m.label == "PERSON"]
        if persons:  # "UN human rights spokesman Rupert Colville": the name is not the root
            m = persons[-1]
            return Speaker(name=self.full_name(m), start=m.start, end=m.end, text=m.text, head_start=m.start)
        text = span.text
        name = self.by_role(span)
        if name is None:
            words = text.split()
            name = " ".join(words[1:]) if words and words[0].lower() in ("the", "a", "an") and len(words) > 1 else text
        return Speaker(name=name, start=s_char, end=e_char, text=text, head_start=root.idx)

    def _issuer(self, noun) -> Speaker | None:
        """Who issued a text: its owner ("Obama's letter"), a name before it ("the White House
        statement") or after it ("a statement from the Pentagon"); else nobody named."""
        doc = self.doc
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
                sub = sorted(child.subtree, key=lambda t: t.i)
                phrase = (sub[0].i, sub[-1].i + 1)
                while phrase[1] > phrase[0] and doc[phrase[1] - 1].dep_ == "case":
                    phrase = (phrase[0], phrase[1] - 1)  # "Obama 's"
                return self._named(*phrase)
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return self._named(*noun_phrase(pobj))
        return None

    def _named(self, start: int, end: int) -> Speaker | None:
        """A speaker only when the words name someone (an issuer, never another text)."""
        span = self.doc[start:end]
        if any(m.label in SPEAKER_LABELS for m in self.mentions_in(span.start_char, span.end_char)):
            return self.speaker(start, end)
        return None


def _role_words_of(tokens) -> set[str]:
    """A role's words, normalised: one word per role ("envoy" = "ambassador"), an acronym for a
    run of capitalised words ("United Nations" -> "un")."""
    out: set[str] = set()
    run: list[str] = []
    for t in list(tokens) + [None]:
        if t is not None and t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper():
            run.append(t.text)
            continue
        if len(run) > 1:
            out.add("".join(w[0] for w in run).lower())
        elif run:
            out.add(_norm(run[0]))
        run = []
        if t is not None:
            out.add(role_word(_norm(t.lemma_)))
    return out

