"""Which language an article is in, cheaply and offline, so non-English text is skipped with a
clear line ("language ja: not analysed") instead of being analysed as if it were English.

Two kinds of evidence, both linear in the text:
- the script of its letters: Han, kana and Hangul say zh / ja / ko; other non-Latin scripts go to
  the cue words of the languages written in them (``resources/language_cues.tsv``);
- for Latin script, the share of words that are the commonest function words of English against
  the share for each other language in the cue file.

Trust first: a text is called non-English only when the evidence is clear (enough words, few
English function words, many of another language's); anything short or mixed stays English.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..resources import read_text

SAMPLE_CHARS = 60_000  # the language of a long text is plain from its first pages; keeps the check linear and small
# Thresholds, set on the English articles of ../shared/data (BASIL, PolNeAR, GUM, ECB+ dev, MEANTIME:
# 840 texts, 0 skipped; checked since on SemEval hyperpartisan and NeuS val: 952 more, 0 false skips, the
# 2 non-English SemEval articles found; benchmarks/language_english.py; the lowest English cue share of a text with
# >= 20 words is 0.0625, two ECB+ snippets of a headline and a dateline, where no other language scores
# above 0.06) and on the non-English samples of tests/ingest/awkward/languages.py and make_corpus.py
# (English cue share <= 0.02; the language's own score >= 0.17).
MIN_WORDS = 20  # fewer letter-words than this: too little to tell, analysed as English
MAX_ENGLISH_SHARE = 0.06  # a text with more English function words than this is analysed
MIN_OTHER_SHARE = 0.10  # ... and the other language's score (function words + its letters) must reach this
MIN_SCRIPT_SHARE = 0.3  # share of letters in a non-Latin script that makes it the text's script

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
# Unicode blocks of the scripts told apart here (letters only, the common blocks)
_SCRIPTS = {
    "Latn": "A-Za-z\u00c0-\u024f\u1e00-\u1eff",
    "Hani": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff",
    "Kana": "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f",
    "Hang": "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af",
    "Cyrl": "\u0400-\u04ff",
    "Grek": "\u0370-\u03ff\u1f00-\u1fff",
    "Arab": "\u0600-\u06ff\u0750-\u077f",
    "Hebr": "\u0590-\u05ff",
    "Deva": "\u0900-\u097f",
    "Thai": "\u0e00-\u0e7f",
}
_SCRIPT_RE = {name: re.compile(f"[{chars}]") for name, chars in _SCRIPTS.items()}
_SCRIPT_NAMES = {"Cyrl": "Cyrillic", "Grek": "Greek", "Arab": "Arabic", "Hebr": "Hebrew", "Deva": "Devanagari",
                 "Thai": "Thai"}
_SINGLE_LANGUAGE = {"Thai": "th"}  # scripts written for one language only


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, or "und" when the script is known but the language is not
    english: bool
    evidence: str  # what decided it, for notes and tests


ENGLISH_BY_DEFAULT = "too little text to tell; analysed as English"


@lru_cache(maxsize=1)
def _cues() -> dict[str, tuple[str, frozenset[str], frozenset[str]]]:
    """code -> (script, cue words, distinctive letters), from resources/language_cues.tsv."""
    cues: dict[str, tuple[str, frozenset[str], frozenset[str]]] = {}
    for line in read_text("language_cues.tsv").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, script, words, letters = (line.split("\t") + [""])[:4]
        cues[code] = (script, frozenset(words.split()), frozenset(letters))
    return cues


@lru_cache(maxsize=1)
def cue_words() -> dict[str, tuple[str, frozenset[str]]]:
    """code -> (script, cue words)."""
    return {code: (script, words) for code, (script, words, _) in _cues().items()}


def detect_language(text: str) -> Language:
    sample = text[:SAMPLE_CHARS]
    counts = {name: len(pattern.findall(sample)) for name, pattern in _SCRIPT_RE.items()}
    letters = sum(counts.values())
    if not letters:
        return Language("en", True, "no letters")
    cjk = counts["Hani"] + counts["Kana"] + counts["Hang"]
    script = max((name for name in _SCRIPT_NAMES), key=lambda name: counts[name])
    other_script = counts[script] >= MIN_SCRIPT_SHARE * letters and counts[script] > counts["Latn"]
    if cjk < MIN_SCRIPT_SHARE * letters and not other_script:
        return _latin(sample)
    english = _english_part(sample)
    if english is not None:  # English text quoting a long passage in another script stays English
        return english
    if cjk >= MIN_SCRIPT_SHARE * letters:
        if counts["Hang"] >= max(counts["Hani"], counts["Kana"]):
            return Language("ko", False, "Hangul script")
        if counts["Kana"] >= 0.1 * cjk:  # Japanese mixes kana into its kanji; Chinese has none
            return Language("ja", False, "Han script with kana")
        return Language("zh", False, "Han script")
    return _by_cues(sample, script)


def _english_part(sample: str) -> Language | None:
    """English, when the Latin-script words of a mixed text are enough to tell and read as English."""
    words = [w.lower() for w in _WORD.findall(sample) if w.isascii()]
    if len(words) < MIN_WORDS:
        return None
    english_cues = cue_words()["en"][1]
    share = sum(w in english_cues for w in words) / len(words)
    return Language("en", True, f"{share:.0%} English function words beside another script") if share > MAX_ENGLISH_SHARE else None


def _shares(words: list[str], script: str) -> list[tuple[float, str]]:
    """Per language of the script, best first: the share of words that are its cue words plus the
    share holding one of its distinctive letters (ties between close languages go to the spelling)."""
    counts = Counter(words)  # each distinct word once: linear in the text, small in the languages
    accented = {w: frozenset(w) for w in counts if not w.isascii()}
    scores = []
    for code, (cue_script, cues, letters) in _cues().items():
        if cue_script != script:
            continue
        hits = sum(n for w, n in counts.items() if w in cues)
        if letters:
            hits += sum(counts[w] for w, chars in accented.items() if not letters.isdisjoint(chars))
        scores.append((round(hits / len(words), 6), code))
    return sorted(scores, reverse=True)


def _by_cues(sample: str, script: str) -> Language:
    """A non-Latin script: never English; the language is the one whose cue words it uses most."""
    words = [w.lower() for w in _WORD.findall(sample)]
    name = _SCRIPT_NAMES[script]
    shares = _shares(words, script) if words else []
    if shares and shares[0][0] >= MIN_OTHER_SHARE:
        return Language(shares[0][1], False, f"{name} script; language {shares[0][1]} scores {shares[0][0]:.2f}")
    return Language(_SINGLE_LANGUAGE.get(script, "und"), False, f"{name} script")


def _latin(sample: str) -> Language:
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return Language("en", True, ENGLISH_BY_DEFAULT)
    english_cues = cue_words()["en"][1]
    english = sum(w in english_cues for w in words) / len(words)
    others = [s for s in _shares(words, "Latn") if s[1] != "en"]
    best_share, best = others[0] if others else (0.0, "und")
    if english <= MAX_ENGLISH_SHARE and best_share >= MIN_OTHER_SHARE:
        return Language(best, False, f"{english:.0%} English function words; language {best} scores {best_share:.2f}")
    return Language("en", True, f"{english:.0%} English function words")
