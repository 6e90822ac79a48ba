"""Dates: every date an article gives, with its own words, fixed against its publication date.

"on Tuesday", "Monday morning", "since Nov. 15", "last week", "yesterday" and explicit dates
become ISO dates when the article's publication date is known (``date=None`` otherwise),
each with the sentence it sits in, so the timeline can say what happened when.
"""

from __future__ import annotations

import bisect
import re

from ..model import Article, DateMention, Part
from .date_rules import find_dates, parse_published

# Inside a URL, handle or e-mail address a "date" is part of an address, not a date.
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\b(?:pic\.twitter\.com|t\.co)/\S+|[@#]\w+|\S+@\S+\.\w+")
_ADDRESS_MARKS = ("/", "@", "#", "www.")
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
# "is to be held", "are due to travel", "is scheduled to launch"
_FUTURE_FRAMES = {"due", "schedule", "set", "plan", "expect", "slate"}


def extract_dates(doc, article: Article, found: dict) -> tuple[DateMention, ...]:
    """Every date mention in one article, in text order."""
    text = article.text
    # every alternative of _ADDRESS holds one of these marks: most texts need no scan
    addresses = [m.span() for m in _ADDRESS.finditer(text)] if any(mark in text for mark in _ADDRESS_MARKS) else []
    sentences = [Part(s.start_char, s.end_char) for s in doc.sents]
    starts = [p.start for p in sentences]

    def about_future(start: int, end: int) -> bool:
        span = doc.char_span(start, end, alignment_mode="expand")
        return span is not None and _future_clause(span.root)

    mentions = []
    for d in find_dates(text, parse_published(article.published), future_at=about_future):
        if any(s < d.end and d.start < e for s, e in addresses):
            continue
        k = bisect.bisect_right(starts, d.start) - 1
        sentence = sentences[k] if k >= 0 else None
        mentions.append(
            DateMention(
                article_id=article.id,
                start=d.start,
                end=d.end,
                text=text[d.start:d.end],
                date=d.date,
                sentence=sentence,
                precision=d.precision,
                relation=d.relation,
            )
        )
    return tuple(mentions)


def _future_clause(token) -> bool:
    """Does the clause a date sits in speak of the future ("will meet", "is to be held", "is due to")?"""
    verb = token.head
    for _ in range(3):  # from the date up to its clause's verb
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    for v in (verb, verb.head):
        for child in list(v.children) + [v]:
            if child.lower_ in _FUTURE_AUX:
                return True
            if child.lower_ == "going" and child.i + 1 < len(child.doc) and child.nbor(1).lower_ == "to":
                return True
        if v.lemma_ in _FUTURE_FRAMES | {"be"} and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in v.children
        ):
            return True  # "Mohamed and his father are to travel", "is scheduled to open"
        has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        if has_to and v.head.lemma_ in {"be"} | _FUTURE_FRAMES:
            return True  # "are to travel", "is due to open"
        if v.head is v:
            break
    return False
