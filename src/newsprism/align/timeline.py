"""The story's timeline: dated events, with the outlets that report each.

Each date mention that could be fixed to a date is paired with the clause it dates (the
part of its sentence around it, without a leading dateline). Mentions of one date whose
clauses share their content words are one event, reported by several articles; every entry
keeps its evidence spans. Page furniture dates nothing: an embedded post ("… pic.twitter.com/x
— Name (@handle) December 12, 2016"), a photo credit or a dateline's date (when the page was
filed) is no event of the story.
"""

from __future__ import annotations

import re

from ..model import CONTENT_POS, Article, ArticleAnalysis, DateMention, Span, StoryContext, TimelineEntry
from ..resources.furniture import DATELINE_RE, is_embed
from ..resources.words import MONTHS, NEWS_FUNCTION_WORDS, TIME_WORDS, WEEKDAYS

MAX_WORDS = 30  # a timeline line stays short; longer sentences are cut at clause boundaries
SAME_EVENT = 0.2  # content-word overlap from which two dated clauses are one event
_CLAUSE_BREAK = re.compile(r"[;:]\s|,\s|\s[—–-]\s|\n")
# lemmas that say when or who said, not what happened
_NOT_EVENT_WORDS = TIME_WORDS | set(WEEKDAYS) | set(MONTHS) | NEWS_FUNCTION_WORDS


def build_timeline(ctx: StoryContext) -> tuple[TimelineEntry, ...]:
    """Dated events of the story, merged across articles, sorted by date."""
    events: list[dict] = []
    for article in ctx.independent_articles():
        analysis = ctx.analyses.get(article.id)
        if analysis is None:
            continue
        for mention in analysis.dates:
            if mention.date is None:
                continue
            if _in_dateline(article.text, mention):
                continue  # the date a page was filed, not of an event
            evidence = dated_clause(article, mention)
            if not evidence.text or is_embed(evidence.text):
                continue
            words = content_words(analysis, evidence, mention)
            match = next((e for e in events if e["date"] == mention.date and _same_event(e, evidence, words)), None)
            if match is None:
                events.append({"date": mention.date, "evidence": [evidence], "words": set(words)})
            elif evidence not in match["evidence"]:
                match["evidence"].append(evidence)
                match["words"] |= words
    events.sort(key=lambda e: (e["date"], -len({s.article_id for s in e["evidence"]})))
    return tuple(
        TimelineEntry(
            date=e["date"],
            text=e["evidence"][0].text,
            article_ids=tuple(dict.fromkeys(s.article_id for s in e["evidence"])),
            evidence=tuple(e["evidence"]),
        )
        for e in events
    )


def dated_clause(article: Article, mention: DateMention) -> Span:
    """The words a date mention dates: its sentence, or the clause around it when that is long."""
    text = article.text
    start, end = _sentence(mention)
    if len(text[start:end].split()) > MAX_WORDS:
        start, end = _clause_around(text, start, end, mention.start, mention.end)
    after = _dateline_end(text, start, end)
    if after < end:  # "date 2016-12-12 Aleppo has been ...": the sentence starts after it
        start = after
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(article.id, start, end, text[start:end])


def _sentence(mention: DateMention) -> tuple[int, int]:
    return (mention.sentence.start, mention.sentence.end) if mention.sentence else (mention.start, mention.end)


def _dateline_end(text: str, start: int, end: int) -> int:
    """Where the words after a leading dateline begin ("date 2016-12-12", "LONDON, Dec. 13 (Reuters) -"); ``start`` without one."""
    dateline = DATELINE_RE.match(text, start, end)
    return dateline.end() if dateline else start


def _in_dateline(text: str, mention: DateMention) -> bool:
    """The date stands in its sentence's leading dateline: when the page was filed."""
    return mention.start < _dateline_end(text, *_sentence(mention))


def _clause_around(text: str, s_start: int, s_end: int, m_start: int, m_end: int) -> tuple[int, int]:
    """Grow from the mention over clause pieces until the piece holds enough words."""
    breaks = [s_start] + [s_start + m.end() for m in _CLAUSE_BREAK.finditer(text[s_start:s_end])] + [s_end]
    left = max(b for b in breaks if b <= m_start)
    right = min((b for b in breaks if b >= m_end), default=s_end)
    while len(text[left:right].split()) < 8:
        grown = False
        later = [b for b in breaks if b > right]
        if later:
            right, grown = later[0], True
        if len(text[left:right].split()) < 8:
            earlier = [b for b in breaks if b < left]
            if earlier:
                left, grown = earlier[-1], True
        if not grown:
            break
    words = [(left + m.start(), left + m.end()) for m in re.finditer(r"\S+", text[left:right])]
    if len(words) > MAX_WORDS:  # still long: keep MAX_WORDS words around the mention
        at = next((k for k, (ws, we) in enumerate(words) if we > m_start), 0)
        first = max(0, min(at - MAX_WORDS // 3, len(words) - MAX_WORDS))
        left, right = words[first][0], words[first + MAX_WORDS - 1][1]
    return left, right


def content_words(analysis: ArticleAnalysis, evidence: Span, mention: DateMention) -> set[str]:
    """Lemmas of the clause's content words (from the parse), without the date's own words."""
    table = analysis.tokens
    return {
        table.lemmas[i]
        for i in table.rows(evidence.start, evidence.end)
        if table.pos[i] in CONTENT_POS and not table.stop[i] and len(table.lemmas[i]) > 2
        and not (mention.start <= table.starts[i] < mention.end) and table.lemmas[i] not in _NOT_EVENT_WORDS
    }


def _same_event(event: dict, evidence: Span, words: set[str]) -> bool:
    for span in event["evidence"]:
        if span.article_id == evidence.article_id and span.start == evidence.start:
            return True  # two mentions of one date in one clause
    union = event["words"] | words
    return bool(union) and len(event["words"] & words) / len(union) >= SAME_EVENT
