"""What an article is about, as a sparse bag of weighted features for story clustering.

Three kinds of features, because topic words alone cannot tell two earthquakes apart:
- words: content words, lower-cased and lightly stemmed;
- names (``@`` prefix): people, places and organisations, from the parse's entity mentions
  when an analysis is given, else from runs of capitalised words in the text;
- numbers (``#`` prefix): magnitudes, tolls, years, which differ between look-alike events.
The title and the lead (the first ``LEAD_CHARS``) carry the event, so they count extra.
"""

from __future__ import annotations

import functools
import heapq
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping

from ..model import Article, ArticleAnalysis
from ..resources.words import STOP_WORDS

LEAD_CHARS = 400
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})

# news boilerplate that says nothing about which event it is
_NEWS_WORDS = frozenset("""said says say told tell reported report reports according ap reuters afp
    news newsroom updated update monday tuesday wednesday thursday friday saturday sunday today
    yesterday week weeks month months year years day days time times percent mr mrs ms dr
    pm am et gmt utc photo image video click read share comment comments subscribe advertisement
    also just like new people january february march april may june july august september
    october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split())
# the project's one stop list (spaCy's English list; scikit-learn's, used before, counts news
# words such as "bill", "fire" and "found" as stop words, and importing it cost 1.9 s a run)
STOPWORDS = STOP_WORDS | _NEWS_WORDS

_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|\d+(?:[.,]\d+)*", re.UNICODE)
_CAPITALISED_RUN = re.compile(
    r"(?<![\w.])(?:[A-Z][\w\u2019'&.-]*[\w])(?:\s+(?:of|de|al|bin|van|von|the|del|da)?\s*[A-Z][\w\u2019'&.-]*[\w])*")
_SENTENCE_START = re.compile(r"(?:^|[.!?\u201d\"]\s+|\n\s*)\Z")
_SMALL_NUMBERS = frozenset(str(n) for n in range(0, 13))


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light plural/possessive stemmer: enough to match 'quakes' with 'quake'."""
    word = word.lower().replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=200_000)
def token_feature(token: str) -> str | None:
    """The feature a token counts for, or None for stop words and small numbers."""
    if token[0].isdigit():
        number = token.replace(",", "")
        if number in _SMALL_NUMBERS:
            return None
        # round figures ("100 days", "1,000 troops") recur across unrelated stories: plain words
        return "n" + number if _is_round(number) else "#" + number
    lower = token.lower()
    if len(lower) < 3 or lower in STOPWORDS:
        return None
    word = stem(lower)
    return None if word in STOPWORDS else word


def _is_round(number: str) -> bool:
    if not number.isdigit() or len(number) < 2:
        return False
    if len(number) == 4 and number[:2] in ("19", "20"):  # a year identifies an event
        return False
    return number.endswith("0")


def word_features(text: str) -> Counter[str]:
    counts = Counter(map(token_feature, _TOKEN.findall(text)))
    counts.pop(None, None)
    return counts  # type: ignore[return-value]


def _name_keys(name: str) -> list[str]:
    """The whole name and its last word ("@tara reid", "@reid"): later mentions use surnames."""
    parts = [stem(w) for w in re.findall(r"[^\W\d_]+", name) if w.lower() not in STOPWORDS]
    if not parts:
        return []
    keys = ["@" + " ".join(parts)]
    if len(parts) > 1:
        keys.append("@" + parts[-1])
    return keys


def _starts_sentence(text: str, position: int) -> bool:
    return bool(_SENTENCE_START.search(text[max(0, position - 4):position])) or position == 0


def names_from_text(text: str) -> list[str]:
    """Runs of capitalised words, skipping a lone capitalised word that only starts a sentence."""
    names = []
    for match in _CAPITALISED_RUN.finditer(text):
        name = match.group(0)
        if " " not in name and _starts_sentence(text, match.start()) and name.lower() in STOPWORDS:
            continue
        if name.isupper() and len(name) > 5:  # SHOUTED headline words, not acronyms
            continue
        names.append(name)
    return names


def names_from_analysis(analysis: ArticleAnalysis) -> list[str]:
    return [m.text for m in analysis.mentions if m.label in NAME_LABELS]


def name_features(names: Iterable[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for name in names:
        for key in _name_keys(name):
            counts[key] += 1
    return counts


@dataclass(frozen=True)
class FeatureWeights:
    title_boost: float = 2.0  # title and lead terms count this many extra times
    name_weight: float = 1.0
    number_weight: float = 3.0  # counts, scores, dates: what differs between look-alike events
    word_weight: float = 1.0
    body_numbers: float = 1.0  # how much a number outside the title and lead counts


def raw_features(article: Article, analysis: ArticleAnalysis | None = None,
                 weights: FeatureWeights = FeatureWeights()) -> Counter[str]:
    """Feature counts of one article (before IDF weighting)."""
    text = article.text
    lead = ((article.title or "") + "\n" + text[:LEAD_CHARS])
    counts = Counter({k: (n * weights.body_numbers if k[0] == "#" else n) for k, n in word_features(text).items()
                      if k[0] != "#" or weights.body_numbers > 0})
    # numbers in the title and lead identify the event ("23 pirates", "magnitude 7.3"): they count most
    for key, n in word_features(lead).items():
        counts[key] += (weights.title_boost + 1 if key[0] == "#" else weights.title_boost) * n
    if analysis is not None and analysis.mentions:
        names = names_from_analysis(analysis)
        lead_names = [m.text for m in analysis.mentions if m.label in NAME_LABELS and m.start < LEAD_CHARS]
        lead_names += names_from_text(article.title or "")
    else:
        names = names_from_text(text)
        lead_names = names_from_text(lead)
    counts.update(name_features(names))
    for key, n in name_features(lead_names).items():
        counts[key] += weights.title_boost * n
    return counts


def weigh(counts: Mapping[str, float], idf: Mapping[str, float] | None, default_idf: float,
          weights: FeatureWeights = FeatureWeights()) -> dict[str, float]:
    """Sublinear tf x idf x kind weight, L2-normalised."""
    vector = {}
    for key, n in counts.items():
        if n <= 0:
            continue
        kind = weights.name_weight if key[0] == "@" else weights.number_weight if key[0] == "#" else weights.word_weight
        vector[key] = (1.0 + math.log(n) if n >= 1 else n) * (idf.get(key, default_idf) if idf is not None else 1.0) * kind
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {k: v / norm for k, v in vector.items()}


def top_keys(vector: Mapping[str, float], k: int) -> list[str]:
    """The k strongest features, strongest first (ties: the key, for a stable order)."""
    return [key for key, _ in heapq.nsmallest(k, vector.items(), key=lambda kv: (-kv[1], kv[0]))]


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())
