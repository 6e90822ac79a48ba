"""The matcher and scorer that find the loaded-language lexicon's entries in a parsed article.

The lexicons live in ``newsprism.resources.loaded``; of VADER's only strongly valenced
content words count. Which own categories are used and the
VADER threshold are settings (``LoadedSettings``); the defaults were chosen on BASIL/BABE
(see ``benchmarks/loaded_basil.py``), the word lists themselves were not taken from them.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..resources.loaded import (  # noqa: F401 - the lexicons, read from newsprism.resources
    EXCLUDED_FILE, OWN_LEXICON, SCORER_FILE, VADER_NEUTRAL_IN_NEWS, excluded_words, own_entries, phrase_words, scorer,
    vader_lexicon,
)

CONTENT_POS = frozenset({"ADJ", "ADV", "VERB", "NOUN"})


@dataclass(frozen=True)
class LoadedSettings:
    """What counts as loaded: own-list categories and the VADER valence threshold."""

    categories: frozenset[str] = frozenset({"emotive", "conflict", "label", "glorify", "derision", "intensifier", "speech"})
    vader_threshold: float | None = 1.0  # abs(valence) at or above this is a candidate; None: VADER off
    skip_quoted: bool = False  # words inside quotation marks are the speaker's, not the outlet's
    min_score: float | None = None  # keep candidates the learned scorer rates at least this; None: the shipped threshold
    use_scorer: bool = True  # False: every lexicon candidate counts
    use_exclusions: bool = True  # leave out the words set aside by training (``loaded_excluded.txt``)
    exclusions: frozenset[str] | None = None  # explicit set instead of the shipped one


DEFAULT_SETTINGS = LoadedSettings()


@dataclass(frozen=True)
class LoadedMatch:
    start_token: int  # doc token index, inclusive
    end_token: int  # exclusive
    category: str  # own category, or "vader"
    valence: float  # VADER valence of the words (0 when unknown)


def match_key(doc, m: "LoadedMatch") -> str:
    """The lemma(s) of a match: what word selection is keyed on (benchmarks/loaded_basil.py)."""
    return " ".join(t.lemma_.lower() for t in doc[m.start_token : m.end_token])


def _match_settings(settings: LoadedSettings) -> tuple:
    """The settings a match at one position depends on (not ``skip_quoted`` nor the scorer's)."""
    return settings.categories, settings.vader_threshold, settings.use_exclusions, settings.exclusions


class LexiconScan:
    """The lexicon match starting at each token of one doc (or None), each computed once: the
    loaded-terms finder and the profile's per-category counts walk the same matches.

    Reads the token rows (``framing_style.token_rows``), never spaCy tokens one by one."""

    def __init__(self, doc, settings: LoadedSettings = DEFAULT_SETTINGS, rows=None):
        from .framing_style import token_rows

        rows = token_rows(doc, []) if rows is None else rows
        self.settings = _match_settings(settings)
        self._categories = settings.categories
        self._threshold = settings.vader_threshold
        if settings.use_exclusions:
            self._excluded = settings.exclusions if settings.exclusions is not None else excluded_words()
        else:
            self._excluded = None
        self.n = len(rows)
        self.idx = [t.idx for t in rows]
        self.blank = [t.is_punct or t.is_space for t in rows]  # never starts a match
        self.lower = [t.lower for t in rows]
        self.lemma = [t.lemma for t in rows]
        self.pos = [t.pos for t in rows]
        self._memo: dict[int, LoadedMatch | None] = {}

    def at(self, i: int) -> LoadedMatch | None:
        """The match starting at token ``i`` (exclusions applied), else None."""
        if i in self._memo:
            return self._memo[i]
        match = self._own(i)
        if match is None:
            match = self._vader(i)
        if match is not None and self._excluded is not None:
            if " ".join(self.lemma[match.start_token : match.end_token]) in self._excluded:
                match = None
        self._memo[i] = match
        return match

    def _valence(self, k: int) -> float:
        lex = vader_lexicon()
        return lex.get(self.lower[k], lex.get(self.lemma[k], 0.0))

    def _own(self, i: int) -> LoadedMatch | None:
        entries = own_entries()
        lower, lemma = self.lower, self.lemma
        # the word as written, then its lemma (each list longest first; a stable sort merges them)
        candidates = list(entries.get(lower[i], ()))
        if lemma[i] != lower[i]:
            candidates.extend(entries.get(lemma[i], ()))
            candidates.sort(key=lambda e: -len(e[0]))
        for words, category in candidates:
            if category not in self._categories or i + len(words) > self.n:
                continue
            if all(w == lower[i + k] or w == lemma[i + k] for k, w in enumerate(words)):
                # a single-word entry must be a content word ("sorry" as ADJ, "lie" the verb or noun)
                if len(words) == 1 and self.pos[i] not in CONTENT_POS | {"PROPN"}:
                    continue
                end = i + len(words)
                valence = max((self._valence(k) for k in range(i, end)), key=abs, default=0.0)
                return LoadedMatch(i, end, category, valence)
        return None

    def _vader(self, i: int) -> LoadedMatch | None:
        if self._threshold is None or self.pos[i] not in CONTENT_POS:
            return None
        if self.lower[i] in VADER_NEUTRAL_IN_NEWS or self.lemma[i] in VADER_NEUTRAL_IN_NEWS:
            return None
        valence = self._valence(i)
        if abs(valence) >= self._threshold:
            return LoadedMatch(i, i + 1, "vader", valence)
        return None


def iter_loaded(doc, settings: LoadedSettings = DEFAULT_SETTINGS, skip: Iterable[tuple[int, int]] = (),
                scan: LexiconScan | None = None) -> Iterator[LoadedMatch]:
    """Every loaded word or phrase in the doc, left to right, never overlapping.

    ``skip``: character ranges (quotes) to leave out when ``settings.skip_quoted``; ``scan``:
    the doc's ``LexiconScan`` when the caller has one (it must have been made with these settings).
    """
    if scan is None or scan.settings != _match_settings(settings):
        scan = LexiconScan(doc, settings)
    skip_ranges = sorted(skip) if settings.skip_quoted else []
    disjoint = all(a[1] <= b[0] for a, b in zip(skip_ranges, skip_ranges[1:]))
    skip_starts = [s for s, _ in skip_ranges]
    n = scan.n
    i = 0
    while i < n:
        if scan.blank[i]:
            i += 1
            continue
        if skip_ranges:
            pos = scan.idx[i]
            if disjoint:
                k = bisect_right(skip_starts, pos) - 1
                skipped = k >= 0 and pos < skip_ranges[k][1]
            else:
                skipped = _inside(pos, skip_ranges)
            if skipped:
                i += 1
                continue
        match = scan.at(i)
        if match is None:
            i += 1
            continue
        yield match
        i = match.end_token


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in ranges)


# --- the learned scorer: weights of general features (category, part of speech, valence,
# quotation, repetition...), never of words; trained by ``benchmarks/loaded_basil.py --train``.
COARSE_DEPS = {"amod": "amod", "advmod": "advmod", "ROOT": "root", "dobj": "obj", "pobj": "obj", "nsubj": "subj", "nsubjpass": "subj",
               "xcomp": "comp", "ccomp": "comp", "conj": "conj", "acomp": "comp", "attr": "comp", "compound": "compound", "acl": "clause",
               "relcl": "clause", "advcl": "clause", "pcomp": "comp"}


def sentence_starts(doc) -> list[int]:
    """Token index -> index of the first token of its sentence (``token.sent`` is slow)."""
    starts = [0] * len(doc)
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            starts[i] = sent.start
    return starts


def candidate_features(doc, m: LoadedMatch, quotes: list[tuple[int, int]], lemma_counts: dict[str, int], sentence_counts: dict[int, int], starts: list[int] | None = None) -> dict[str, float]:
    """General features of one candidate (no word identities)."""
    tok = doc[m.start_token]
    head = doc[m.start_token : m.end_token].root
    sent_start = starts[tok.i] if starts is not None else tok.sent.start
    f: dict[str, float] = {
        f"cat={m.category}": 1.0,
        f"pos={head.pos_}": 1.0,
        f"dep={COARSE_DEPS.get(head.dep_, 'other')}": 1.0,
        "abs_valence": abs(m.valence) / 4.0,
        "negative": float(m.valence < 0),
        "positive": float(m.valence > 0),
        "vader_known": float(m.valence != 0),
        "quoted": float(_inside(tok.idx, quotes)),
        "first_sentence": float(sent_start == 0),
        "multiword": float(m.end_token - m.start_token > 1),
        "repeats": min(lemma_counts.get(head.lemma_.lower(), 1) - 1, 5) / 5.0,
        "sentence_candidates": min(sentence_counts.get(sent_start, 1) - 1, 5) / 5.0,
        "in_entity": float(bool(tok.ent_type_)),
        "capitalized_inside": float(tok.is_title and tok.i != sent_start),
        "superlative": float(tok.tag_ in ("JJS", "RBS")),
        "past_tense_verb": float(head.tag_ in ("VBD", "VBN")),
        "gerund": float(head.tag_ == "VBG"),
        "plural_noun": float(head.tag_ == "NNS"),
        "word_length": min(len(tok.text), 12) / 12.0,
    }
    if m.category != "vader" and m.valence != 0:
        f["own_and_vader"] = 1.0
    return f


def score(features: dict[str, float], model: dict) -> float:
    import math

    z = model["bias"] + sum(model["weights"].get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-z))


def scored_candidates(doc, settings: LoadedSettings = DEFAULT_SETTINGS, quotes: Iterable[tuple[int, int]] = (),
                      scan: LexiconScan | None = None) -> list[tuple[LoadedMatch, dict[str, float]]]:
    """Every lexicon candidate with its features."""
    quotes = list(quotes)
    matches = list(iter_loaded(doc, settings, skip=quotes, scan=scan))
    if not matches:
        return []
    starts = sentence_starts(doc)
    lemma_counts: dict[str, int] = {}
    sentence_counts: dict[int, int] = {}
    for m in matches:
        head = doc[m.start_token : m.end_token].root
        lemma_counts[head.lemma_.lower()] = lemma_counts.get(head.lemma_.lower(), 0) + 1
        sentence_counts[starts[m.start_token]] = sentence_counts.get(starts[m.start_token], 0) + 1
    return [(m, candidate_features(doc, m, quotes, lemma_counts, sentence_counts, starts)) for m in matches]


def find_loaded(doc, settings: LoadedSettings = DEFAULT_SETTINGS, quotes: Iterable[tuple[int, int]] = (),
                scan: LexiconScan | None = None) -> list[LoadedMatch]:
    """The loaded words and phrases: lexicon candidates the learned scorer keeps."""
    model = scorer() if settings.use_scorer else None
    out = []
    for m, feats in scored_candidates(doc, settings, quotes, scan):
        if model is not None:
            threshold = settings.min_score if settings.min_score is not None else model["threshold"]
            if score(feats, model) < threshold:
                continue
        out.append(m)
    return out
