"""Per-article framing extractors: naming terms, loaded language, calls to action, style.

Each follows the extractor convention ``fn(doc, article, found) -> value`` and returns
items whose ``article.text[start:end] == text``.
"""

from __future__ import annotations

import functools
from typing import Any

from ..model import Article, Span, TermMention
from .framing_style import inside, quote_regions, style_features, title_features
from .framing_terms import extract_term_mentions
from .row_tree import tree_of
from .loaded_lexicon import DEFAULT_SETTINGS, LexiconScan, LoadedSettings, find_loaded, iter_loaded, own_entries

# verbs of what a reader is asked to do, in an imperative addressed to them
READER_ACTIONS = frozenset(
    """share click donate sign call contact tell subscribe follow like join watch read support
    help write email vote act spread visit check buy order download retweet comment register
    pledge give chip""".split()
)
ASKING_VERBS = frozenset({"want", "need", "urge", "ask", "invite", "encourage"})


def extract_terms(doc, article: Article, found: dict[str, Any]) -> tuple[TermMention, ...]:
    """Naming/framing noun phrases and event verb phrases, with head lemma and parse role."""
    return extract_term_mentions(doc, article.id, tree=tree_of(doc, found))


def loaded_spans(doc, article_id: str, settings: LoadedSettings = DEFAULT_SETTINGS, quotes=None, *,
                 scan: LexiconScan | None = None, text: str | None = None) -> tuple[Span, ...]:
    text = doc.text if text is None else text
    quotes = quote_regions(text) if quotes is None else quotes
    spans = []
    for m in find_loaded(doc, settings, quotes, scan):
        span = doc[m.start_token : m.end_token]
        start, end = span.start_char, span.end_char
        spans.append(Span(article_id, start, end, text[start:end]))
    return tuple(spans)


def extract_loaded_candidates(doc, article: Article, found: dict[str, Any]) -> LexiconScan:
    """The loaded-language lexicon matched once per article (a working value, not kept):
    the loaded terms and the profile's per-category counts both read it."""
    return LexiconScan(doc, DEFAULT_SETTINGS, found["token_rows"])


def extract_loaded_terms(doc, article: Article, found: dict[str, Any]) -> tuple[Span, ...]:
    """Loaded, emotive or one-sided words and phrases, one span per occurrence."""
    return loaded_spans(doc, article.id, quotes=_regions(found), scan=found["loaded_candidates"], text=article.text)


def _regions(found) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in found["quote_regions"]]


def _sentence_span(article_id: str, sent) -> Span:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    return Span(article_id, sent.start_char + lead, sent.start_char + lead + len(body), body)


def is_call_to_action(sent) -> bool:
    """An imperative or plea addressed to the reader ("Please share the story")."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words:
        return False
    if any(t.lower_ == "please" for t in words):
        return True
    first = words[0]
    lemma = first.lemma_.lower()
    if lemma in READER_ACTIONS and first.tag_ in ("VB", "VBP", "NN", "NNP") and not any(t.dep_ in ("nsubj", "nsubjpass") and t.head == first for t in sent):
        return first.tag_ == "VB" or first.text.isupper() or first.is_title
    addressed = any(t.lower_ in ("you", "your") for t in words)
    asks = any(t.lemma_.lower() in ASKING_VERBS and any(c.lower_ == "we" and c.dep_ == "nsubj" for c in t.children) for t in words)
    return addressed and asks


def _may_call(rows) -> bool:
    """What ``is_call_to_action`` needs at the least, read off the token rows: "please", a
    reader action first, or "you" with an asking verb. Most sentences have none of them."""
    words = [t for t in rows if not t.is_punct and not t.is_space]
    if not words:
        return False
    if words[0].lemma in READER_ACTIONS or any(t.lower == "please" for t in words):
        return True
    return any(t.lower in ("you", "your") for t in words) and any(t.lemma in ASKING_VERBS for t in words)


def extract_calls_to_action(doc, article: Article, found: dict[str, Any]) -> tuple[Span, ...]:
    """Sentences outside quotations that ask the reader to act: share, sign, donate, call."""
    quotes = _regions(found)
    out = []
    text = article.text
    rows = found.get("token_rows")
    for sent in doc.sents:
        if not text[sent.start_char : sent.end_char].strip() or inside(sent.start_char, quotes):
            continue
        if (rows is None or _may_call(rows[sent.start : sent.end])) and is_call_to_action(sent):
            out.append(_sentence_span(article.id, sent))
    return tuple(out)


def extract_features(doc, article: Article, found: dict[str, Any]) -> dict:
    """Profile numbers (plain JSON values): opinion markers, quote share, loaded density, tone."""
    quotes = _regions(found)
    text = article.text
    ent_labels = [e.label_ for e in doc.ents]  # Doc.ents builds every entity's span: read once
    features = style_features(doc, quotes, list(found["sentence_tone"]), rows=found["token_rows"], text=text, ent_labels=ent_labels)
    loaded = found["loaded_terms"]
    own_loaded = [s for s in loaded if not inside(s.start, quotes)]
    words = max(features["words"], 1)
    features["loaded_terms"] = len(loaded)
    features["loaded_density"] = round(100.0 * len(loaded) / words, 3)
    features["own_loaded_density"] = round(100.0 * len(own_loaded) / words, 3)
    features["calls_to_action"] = len(found.get("calls_to_action") or ())
    features.update(lexicon_profile(doc, quotes, words, scan=found["loaded_candidates"], text=text, ent_labels=ent_labels))
    # the headline: the article's own title when known, else the text's first line
    features.update(title_features(article.title or text.strip().split("\n", 1)[0][:300]))
    return features


PROFILE_SETTINGS = LoadedSettings(use_scorer=False, skip_quoted=True)


@functools.lru_cache(maxsize=1)
def _profile_categories() -> tuple[str, ...]:
    """The lexicon's categories and VADER's two sides: the profile's keys, listed once."""
    return tuple(sorted({c for entries in own_entries().values() for _, c in entries} | {"vader_negative", "vader_positive"}))


def lexicon_profile(doc, quotes, words: int, *, scan: LexiconScan | None = None, text: str | None = None,
                    ent_labels: list[str] | None = None) -> dict[str, float]:
    """Per-category rates of every lexicon candidate in the writer's own words (before the
    scorer's cut): which kinds of loaded language an outlet leans on. ``scan``: the doc's
    lexicon matches when already made (``extract_loaded_candidates``)."""
    text = doc.text if text is None else text
    counts = dict.fromkeys(_profile_categories(), 0)
    for m in iter_loaded(doc, PROFILE_SETTINGS, list(quotes), scan):
        key = m.category if m.category != "vader" else ("vader_negative" if m.valence < 0 else "vader_positive")
        counts[key] = counts.get(key, 0) + 1
    out = {f"lexicon_{c}_rate": round(100.0 * n / words, 3) for c, n in counts.items()}
    first_line = text.strip().split("\n", 1)[0][:300]
    out["headline_marks"] = int(any(ch in first_line for ch in "!?")) + int(sum(w.isupper() and len(w) > 2 for w in first_line.split()) >= 2)
    ents = [e.label_ for e in doc.ents] if ent_labels is None else ent_labels
    out["date_rate"] = round(100.0 * sum(1 for e in ents if e in ("DATE", "TIME")) / words, 3)
    out["person_rate"] = round(100.0 * sum(1 for e in ents if e == "PERSON") / words, 3)
    out["paragraph_words"] = round(words / max(text.count("\n\n") + 1, 1), 2)
    return out
