"""Text keys that never change ``article.text``: fingerprints, word shingles, a cheap language guess.

Offsets everywhere point into ``article.text``, so normalisation here only *derives* keys
from the text (for duplicate detection and storage); the text itself is left untouched.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                         "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " "})
_WORD = re.compile(r"\w+(?:['.]\w+)*", re.UNICODE)
_SPACES = re.compile(r"\s+")


def canonical_text(text: str) -> str:
    """The text as compared for exact duplicates: NFKC, plain quotes and dashes, one space, lower case."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACES.sub(" ", text).strip().lower()


def text_fingerprint(text: str) -> str:
    """A stable 128-bit hash of the canonical text: equal for copies that differ only in
    whitespace, quote style or letter case."""
    return fingerprint_of_canonical(canonical_text(text))


def fingerprint_of_canonical(canonical: str) -> str:
    """``text_fingerprint`` of a text whose ``canonical_text`` is already at hand."""
    return hashlib.blake2b(canonical.encode("utf-8"), digest_size=16).hexdigest()


def words(text: str) -> list[str]:
    """Lower-cased word tokens of the canonical text."""
    return _WORD.findall(canonical_text(text))


def shingles(tokens: list[str], size: int = 5) -> set[str]:
    """Overlapping word n-grams; a text shorter than ``size`` words is one shingle."""
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


# The most frequent function words of each language: enough to tell them apart on a paragraph.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in is that for it with was on as by at from are be this have has said".split()),
    "de": frozenset("der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch".split()),
    "fr": frozenset("le la les de des et en un une du est que pour dans qui sur au pas par avec il".split()),
    "es": frozenset("el la de que y en los del se las por un una para con no es al lo como".split()),
    "it": frozenset("il di che la e per un in non una del della sono le si gli con da al".split()),
    "pt": frozenset("o a de que e do da em um para com não uma os no se na por mais as".split()),
    "nl": frozenset("de het een van en in is dat op te zijn met voor niet die aan er ook".split()),
}


def guess_language(text: str, *, sample_words: int = 400, min_hits: int = 5) -> str | None:
    """ISO 639-1 code of the language whose function words cover most of the text, or None
    when too few function words are seen to tell (short or non-Latin texts)."""
    tokens = _WORD.findall(text[:8000].lower())[:sample_words]
    if not tokens:
        return None
    scores = {lang: sum(t in vocab for t in tokens) for lang, vocab in _FUNCTION_WORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] < min_hits or ranked[0] < 1.3 * ranked[1]:
        return None
    return best
