"""One profile per article: whom it quotes, how it words things, what it leaves out.

Everything measured comes from the article's own analysis and the story's earlier sections;
a third-party rating appears only when the user supplied one (``--outlet-ratings``).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..model import Article, ArticleAnalysis, Claim, OutletProfile, Quote, Span, StoryContext
from .ratings import rating_for

MAIN_ACTORS = 6  # tone is measured toward the story's most-mentioned actors
ACTOR_TYPES = ("PERSON", "ORG", "NORP", "GPE")
AFFILIATION_TYPES = ("ORG", "NORP", "GPE")
SPEAKER_WINDOW = 80  # characters around a speaker's name where a title or affiliation is read
MAX_OMISSIONS = 25  # claims listed as left out per article: a big story would list hundreds


def _quotes_by_article(ctx: StoryContext) -> dict[str, list[Quote]]:
    out: dict[str, list[Quote]] = {}
    for q in ctx.sections["quotes"]:
        out.setdefault(q.article_id, []).append(q)
    return out


def _sentence_index(analysis: ArticleAnalysis, pos: int) -> int | None:
    i = bisect.bisect_right(analysis.sentences, pos, key=lambda p: p.start) - 1
    if i >= 0 and pos < analysis.sentences[i].end:
        return i
    return None


def _sentence_bounds(analysis: ArticleAnalysis, pos: int) -> tuple[int, int] | None:
    i = _sentence_index(analysis, pos)
    return None if i is None else (analysis.sentences[i].start, analysis.sentences[i].end)


def speaker_sides(article: Article, analysis: ArticleAnalysis, quotes: list[Quote], rows) -> list[dict[str, Any]]:
    """For each quoted speaker: the affiliations named beside them and the framing referent
    (side) their title belongs to, when the text shows it ("Rebel sources", "Russian U.N.
    Ambassador Vitaly Churkin")."""
    out: dict[str, dict[str, Any]] = {}
    for q in quotes:
        sp = q.speaker
        if sp is None or not sp.name:
            continue
        entry = out.setdefault(sp.name, {"speaker": sp.name, "quotes": 0, "affiliations": [], "side": None, "evidence": []})
        entry["quotes"] += 1
        if sp.start is None or sp.end is None:
            continue
        bounds = _sentence_bounds(analysis, sp.start) or (0, len(article.text))
        lo, hi = max(bounds[0], sp.start - SPEAKER_WINDOW), min(bounds[1], sp.end + SPEAKER_WINDOW)
        for m in analysis.mentions:
            if m.label in AFFILIATION_TYPES and lo <= m.start and m.end <= hi and m.text not in entry["affiliations"]:
                entry["affiliations"].append(m.text)
                entry["evidence"].append({"text": m.text, "start": m.start, "end": m.end})
        if entry["side"] is None:
            # names (people, organisations, nations) say who, not which side: only the
            # common words of the speaker's description count ("Rebel sources")
            named = set().union(set(), *(_words(m.text) for m in analysis.mentions if sp.start <= m.start and m.end <= sp.end))
            side = _side_of(sp.text or "", rows, ignore=named)
            if side is not None and sp.text:
                entry["side"] = side
                entry["evidence"].append({"text": sp.text, "start": sp.start, "end": sp.end})
    return list(out.values())


GENERIC_WORDS = frozenset({"the", "a", "an", "of", "and", "forces", "force", "groups", "group", "people", "sources", "officials"})


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'-]+", text.lower()) if w not in GENERIC_WORDS}


def actor_rows(framing) -> list[tuple[str, list[set[str]]]]:
    """Each actor row of the naming table with the word sets of its terms (read once a story)."""
    return [
        (row.referent.split(":", 1)[1].strip(), [{w.rstrip("s") for w in _words(t)} for terms in row.terms.values() for t in terms])
        for row in framing or ()
        if row.referent.startswith("actor:")
    ]


def _side_of(speaker_text: str, rows: list[tuple[str, list[set[str]]]], ignore: set[str] = frozenset()) -> str | None:
    """The actor referent whose naming words the speaker's own description uses ("Rebel
    sources" -> the rebels' row), or None when the text does not show a side."""
    words = _words(speaker_text) - set(ignore)
    best = None
    for name, term_words in rows:
        shared = {w for w in words if any(w.rstrip("s") in tw for tw in term_words)}
        if not shared:
            continue
        # how typical the shared words are of the row: "civilians" names the civilians' row,
        # not a row where one phrase happens to be "Syrian civilians"
        typical = sum(1 for tw in term_words if any(w.rstrip("s") in tw for w in shared)) / len(term_words)
        rank = (len(shared), typical)
        if best is None or rank > best[0]:
            best = (rank, name)
    return best[1] if best else None


def main_actors(ctx: StoryContext) -> list:
    """The entities most mentioned across the story's outlets (at least two articles)."""
    entities = [e for e in ctx.sections.get("entities") or () if e.type in ACTOR_TYPES]
    entities = [e for e in entities if len({m.article_id for m in e.mentions}) >= 2]
    entities.sort(key=lambda e: (-len({m.article_id for m in e.mentions}), -len(e.mentions), e.name))
    return entities[:MAIN_ACTORS]


def actor_mentions(actors) -> list[tuple[str, dict[str, list[int]]]]:
    """Each main actor's name with the starts of its mentions per article (indexed once a story)."""
    out = []
    for ent in actors:
        starts: dict[str, list[int]] = {}
        for m in ent.mentions:
            starts.setdefault(m.article_id, []).append(m.start)
        out.append((ent.name, starts))
    return out


def tone_toward(article: Article, analysis: ArticleAnalysis, actors: list[tuple[str, dict[str, list[int]]]]) -> dict[str, dict[str, Any]]:
    """Mean VADER tone (scored once, at extraction) of the article's sentences that mention each main actor."""
    out = {}
    for name, starts in actors:
        sentences = set()
        for start in starts.get(article.id, ()):
            i = _sentence_index(analysis, start)
            if i is not None:
                sentences.add(i)
        if not sentences:
            continue
        tones = [analysis.sentence_tone[i] for i in sorted(sentences)]
        out[name] = {"tone": round(sum(tones) / len(tones), 4), "sentences": len(tones)}
    return out


def claim_shares(analysis: ArticleAnalysis) -> dict[str, Any]:
    total = len(analysis.claims)
    attributed = sum(1 for c in analysis.claims if c.attributed_to)
    return {
        "claims": total,
        "attributed_claims": attributed,
        "attributed_share": round(attributed / total, 3) if total else None,
        "asserted_share": round((total - attributed) / total, 3) if total else None,
    }


def omissions(ctx: StoryContext, article_id: str, carried: list[tuple[Claim, set[str]]] | None = None) -> list[dict[str, Any]]:
    """Claims the other outlets carry (agreed or single-source) that this article does not,
    the most widely carried first, at most ``MAX_OMISSIONS`` (``carried``: the story's claims
    with their supporting originals, when the caller indexed them once for every article)."""
    duplicates = {a.id: a.duplicate_of for a in ctx.articles}
    original = duplicates.get(article_id) or article_id
    out = []
    for claim, supporters in carried_claims(ctx) if carried is None else carried:
        if original in supporters or not supporters:
            continue
        out.append({"claim_id": claim.id, "text": claim.text, "status": claim.status, "reported_by": sorted(supporters)})
    out.sort(key=lambda c: (-len(c["reported_by"]), c["claim_id"]))
    return out[:MAX_OMISSIONS]


def carried_claims(ctx: StoryContext) -> list[tuple[Claim, set[str]]]:
    """The story's agreed and single-source claims with the original articles that carry them."""
    duplicates = {a.id: a.duplicate_of for a in ctx.articles}
    return [
        (claim, {duplicates.get(s.article_id) or s.article_id for s in claim.support})
        for claim in ctx.sections.get("claims") or ()
        if claim.status in ("agreed", "single")
    ]


@dataclass(frozen=True)
class _StoryIndex:
    """What every article's profile reads from the story, indexed once: the cost of a story's
    profiles grows with its size, not with its size squared."""

    quotes: dict[str, list[Quote]]
    actors: list[tuple[str, dict[str, list[int]]]]
    sides: list[tuple[str, list[set[str]]]]
    carried: list[tuple[Claim, set[str]]]


def profile_article(ctx: StoryContext, article: Article, index: _StoryIndex) -> OutletProfile:
    analysis = ctx.analyses.get(article.id) or ArticleAnalysis(article.id, ())
    quotes = index.quotes.get(article.id, [])
    speakers = list(dict.fromkeys(q.speaker.name for q in quotes if q.speaker and q.speaker.name))
    features = dict(analysis.features)
    words = max(article.word_count, 1)
    tones = analysis.sentence_tone
    tone = round(sum(tones) / len(tones), 4) if tones else 0.0
    loaded_counts = Counter(s.text.lower() for s in analysis.loaded_terms)
    metrics: dict[str, Any] = {
        "outlet": article.outlet,
        "quoted_sides": speaker_sides(article, analysis, quotes, index.sides),
        "quotes": len(quotes),
        **claim_shares(analysis),
        "loaded_density": round(100.0 * len(analysis.loaded_terms) / words, 3),
        "top_loaded_terms": [t for t, _ in loaded_counts.most_common(8)],
        "tone_toward": tone_toward(article, analysis, index.actors),
        "opinion_markers": {
            "first_person_rate": features.get("first_person_rate"),
            "second_person_rate": features.get("second_person_rate"),
            "rhetorical_questions": features.get("rhetorical_questions"),
            "exclamations": features.get("exclamations"),
            "calls_to_action": len(analysis.calls_to_action),
        },
        "omits": omissions(ctx, article.id, index.carried),
        "features": features,
    }
    rating = rating_for(article.outlet, dict(ctx.options.outlet_ratings or {}))
    if rating is not None:
        metrics["rating"] = rating
    return OutletProfile(
        article_id=article.id,
        quoted_speakers=tuple(speakers),
        loaded_terms=tuple(Span(s.article_id, s.start, s.end, s.text) for s in analysis.loaded_terms),
        calls_to_action=tuple(analysis.calls_to_action),
        tone=float(tone),
        metrics=metrics,
    )


def profile_outlets(ctx: StoryContext) -> tuple[OutletProfile, ...]:
    """One profile per article of the story, in the story's order."""
    index = _StoryIndex(
        quotes=_quotes_by_article(ctx),
        actors=actor_mentions(main_actors(ctx)),
        sides=actor_rows(ctx.sections["framing"]),
        carried=carried_claims(ctx),
    )
    return tuple(profile_article(ctx, a, index) for a in ctx.articles)
