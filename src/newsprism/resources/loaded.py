"""The loaded-language resources: newsprism's own lexicon, VADER's, the words set aside, the
scorer's weights.

Two lexicons, both shippable: newsprism's own list (``loaded_terms.tsv``, written by the
project, general news vocabulary) and the VADER sentiment lexicon (MIT, installed with
``vaderSentiment``). ``loaded_excluded.txt`` and ``loaded_weights.json`` were trained by
``benchmarks/loaded_basil.py --train`` on BASIL (``../shared/data/basil``, 5-fold CV).
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from . import read_text

OWN_LEXICON = "loaded_terms.tsv"
# strongly valenced VADER entries that are ordinary news vocabulary, not a writer's colouring
VADER_NEUTRAL_IN_NEWS = frozenset(
    """no yes please like well kind support care help free save protect win won lose lost
    agree agreed agreement death dead die died dies killed kill kills killing war wars
    fire fired cancer prison jail arrest arrested accident crash injured hurt hospital
    crime criminal victims victim violence violent weapon weapons gun guns shot shooting
    bomb bombing bombs attack attacks attacked sue sued lawsuit charges charged guilty
    honor honored thank thanks thanked welcome best better good great important interests
    interest interested true truth trust peace safe safety security secure benefit benefits
    hope hoped hopes hoping wish wishes promise promised promises vote favor""".split()
)
WORD_RE = re.compile(r"\w+|[^\w\s]")


def phrase_words(phrase: str) -> tuple[str, ...]:
    """Lower-cased words and punctuation of a phrase, as lexicon entries are keyed."""
    return tuple(WORD_RE.findall(phrase.lower()))


@functools.lru_cache(maxsize=1)
def own_entries() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """First word -> ((words, category), ...), longest phrases first."""
    text = read_text(OWN_LEXICON)
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, _, category = line.partition("\t")
        words = phrase_words(phrase)
        if words:
            by_first.setdefault(words[0], []).append((words, category.strip() or "emotive"))
    return {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in by_first.items()}


@functools.lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    """word -> mean valence (-4..4) from the VADER lexicon that ships with vaderSentiment."""
    import vaderSentiment

    path = Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")
    out: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            try:
                out[parts[0]] = float(parts[1])
            except ValueError:
                continue
    return out


EXCLUDED_FILE = "loaded_excluded.txt"


@functools.lru_cache(maxsize=1)
def excluded_words() -> frozenset[str]:
    """Own/VADER words set aside because, in news text, they mark no bias (chosen by
    ``benchmarks/loaded_basil.py --train``: frequent candidates that never were biased)."""
    try:
        text = read_text(EXCLUDED_FILE)
    except FileNotFoundError:
        return frozenset()
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


SCORER_FILE = "loaded_weights.json"
@functools.lru_cache(maxsize=1)
def scorer() -> dict | None:
    """{"bias", "weights", "threshold"} or None when no trained scorer ships."""
    try:
        text = read_text(SCORER_FILE)
    except FileNotFoundError:
        return None
    return json.loads(text)
