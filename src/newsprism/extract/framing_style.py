"""Style measures of one article: where the quotations are, opinion markers, hedges, tone.

Plain functions over a spaCy doc; every count is over the outlet's own words where that
matters (first person or questions inside a quotation are the speaker's, not the writer's).
"""

from __future__ import annotations

import functools
from typing import Any

OPEN_CLOSE = {"“": "”", "«": "»", "„": "“", '"': '"'}
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})
HEDGES = frozenset(
    """may might could perhaps possibly reportedly allegedly apparently seemingly likely unlikely
    probably suggest suggests suggested appear appears appeared seem seems seemed unclear
    unconfirmed unverified purportedly presumably""".split()
)
ATTRIBUTION_VERBS = frozenset(
    """say tell report state add note explain claim announce according confirm deny insist
    argue write warn accuse estimate""".split()
)
MAX_QUOTE_CHARS = 1500  # an unmatched quotation mark must not swallow the rest of the article


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (the marks excluded), left to right."""
    regions: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        close = OPEN_CLOSE.get(ch)
        if close is None:
            i += 1
            continue
        end = text.find(close, i + 1, min(n, i + 1 + MAX_QUOTE_CHARS))
        if close == "“" and end < 0:  # „...“ is German; in English “ opens
            end = -1
        if end < 0:
            i += 1
            continue
        if end > i + 1:
            regions.append((i + 1, end))
        i = end + 1
    return regions


def inside(pos: int, regions: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in regions)


@functools.lru_cache(maxsize=1)
def vader_analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def tone(text: str) -> float:
    """VADER compound score of a text, in [-1, 1] (0 for empty text)."""
    return float(vader_analyzer().polarity_scores(text)["compound"]) if text.strip() else 0.0


def sentence_tones(sents) -> list[float]:
    return [tone(s.text) for s in sents if s.text.strip()]


def mean_tone(sentence_scores: list[float]) -> float:
    """An article's tone: the mean VADER compound of its sentences (VADER over a whole
    article saturates near -1 or 1 and is slow on long texts)."""
    return round(sum(sentence_scores) / len(sentence_scores), 4) if sentence_scores else 0.0


def style_features(doc, quotes: list[tuple[int, int]]) -> dict[str, Any]:
    """Rates per 100 words of the writer's own text (outside quotations) and per sentence."""
    words = [t for t in doc if t.is_alpha]
    own = [t for t in words if not inside(t.idx, quotes)]
    n_own = max(len(own), 1)
    sents = [s for s in doc.sents if s.text.strip()]
    tones = sentence_tones(sents)
    own_sents = [s for s in sents if not inside(s.end_char - 1, quotes) and not inside(s.start_char, quotes)]
    n_sents = max(len(sents), 1)
    quoted_chars = sum(e - s for s, e in quotes)

    def per100(count: int) -> float:
        return round(100.0 * count / n_own, 3)

    def own_count(pred) -> int:
        return sum(1 for t in own if pred(t))

    return {
        "words": len(words),
        "sentences": len(sents),
        "first_person_rate": per100(own_count(lambda t: t.lower_ in FIRST_PERSON)),
        "second_person_rate": per100(own_count(lambda t: t.lower_ in SECOND_PERSON)),
        "rhetorical_questions": sum(1 for s in own_sents if s.text.rstrip().rstrip("\"'”’)").endswith("?")),
        "exclamations": sum(1 for s in own_sents if "!" in s.text),
        "quote_share": round(quoted_chars / max(len(doc.text), 1), 3),
        "hedge_rate": per100(own_count(lambda t: t.lower_ in HEDGES or t.lemma_.lower() in HEDGES)),
        "attribution_rate": per100(sum(1 for t in words if t.lemma_.lower() in ATTRIBUTION_VERBS)),
        "all_caps_rate": per100(own_count(lambda t: len(t.text) > 2 and t.text.isupper() and t.ent_type_ not in ("ORG", "GPE"))),
        "adjective_rate": per100(own_count(lambda t: t.pos_ == "ADJ")),
        "adverb_rate": per100(own_count(lambda t: t.pos_ == "ADV")),
        "superlative_rate": per100(own_count(lambda t: t.tag_ in ("JJS", "RBS"))),
        "modal_rate": per100(own_count(lambda t: t.tag_ == "MD")),
        "number_rate": per100(sum(1 for t in doc if t.like_num)),
        "named_entity_rate": per100(len(doc.ents)),
        "mean_sentence_words": round(len(words) / n_sents, 2),
        "tone": mean_tone(tones),
        "negative_sentence_share": round(sum(1 for x in tones if x <= -0.5) / n_sents, 3),
        "positive_sentence_share": round(sum(1 for x in tones if x >= 0.5) / n_sents, 3),
    }
