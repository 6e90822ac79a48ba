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
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}


def extract_dates(doc, article: Article, found: dict) -> tuple[DateMention, ...]:
    """Every date mention in one article, in text order."""
    text = article.text
    addresses = [m.span() for m in _ADDRESS.finditer(text)]
    sentences = [Part(s.start_char, s.end_char) for s in doc.sents]
    starts = [p.start for p in sentences]

    def about_future(start: int, end: int) -> bool:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        verb = span.root.head
        for _ in range(3):  # walk up to the clause's verb: "will meet on Tuesday"
            if verb.pos_ in ("VERB", "AUX"):
                break
            verb = verb.head
        tokens = list(verb.children) + [verb]
        return any(t.lower_ in _FUTURE_AUX or (t.lower_ == "going" and t.nbor(1).lower_ == "to") for t in tokens if t.i + 1 < len(doc))

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
