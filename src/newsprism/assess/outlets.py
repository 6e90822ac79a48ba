"""One profile per article: whom it quotes, how it words things, what it leaves out.

Everything measured comes from the article's own analysis and the story's earlier sections;
a third-party rating appears only when the user supplied one (``--outlet-ratings``).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import Any

from ..model import Article, ArticleAnalysis, OutletProfile, Quote, Span, StoryContext
from .ratings import rating_for

MAIN_ACTORS = 6  # tone is measured toward the story's most-mentioned actors
ACTOR_TYPES = ("PERSON", "ORG", "NORP", "GPE")
AFFILIATION_TYPES = ("ORG", "NORP", "GPE")
SPEAKER_WINDOW = 80  # characters around a speaker's name where a title or affiliation is read


def _quotes_of(ctx: StoryContext, article_id: str) -> list[Quote]:
    return [q for q in ctx.sections["quotes"] if q.article_id == article_id]


def _sentence_index(analysis: ArticleAnalysis, pos: int) -> int | None:
    i = bisect.bisect_right(analysis.sentences, pos, key=lambda p: p.start) - 1
    if i >= 0 and pos < analysis.sentences[i].end:
        return i
    return None


def _sentence_bounds(analysis: ArticleAnalysis, pos: int) -> tuple[int, int] | None:
    i = _sentence_index(analysis, pos)
    return None if i is None else (analysis.sentences[i].start, analysis.sentences[i].end)


def speaker_sides(article: Article, analysis: ArticleAnalysis, quotes: list[Quote], framing) -> list[dict[str, Any]]:
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
            side = _side_of(sp.text or "", framing, ignore=named)
            if side is not None and sp.text:
                entry["side"] = side
                entry["evidence"].append({"text": sp.text, "start": sp.start, "end": sp.end})
    return list(out.values())


GENERIC_WORDS = frozenset({"the", "a", "an", "of", "and", "forces", "force", "groups", "group", "people", "sources", "officials"})


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'-]+", text.lower()) if w not in GENERIC_WORDS}


def _side_of(speaker_text: str, framing, ignore: set[str] = frozenset()) -> str | None:
    """The actor referent whose naming words the speaker's own description uses ("Rebel
    sources" -> the rebels' row), or None when the text does not show a side."""
    words = _words(speaker_text) - set(ignore)
    best = None
    for row in framing or ():
        if not row.referent.startswith("actor:"):
            continue
        term_words = [{w.rstrip("s") for w in _words(t)} for terms in row.terms.values() for t in terms]
        shared = {w for w in words if any(w.rstrip("s") in tw for tw in term_words)}
        if not shared:
            continue
        # how typical the shared words are of the row: "civilians" names the civilians' row,
        # not a row where one phrase happens to be "Syrian civilians"
        typical = sum(1 for tw in term_words if any(w.rstrip("s") in tw for w in shared)) / len(term_words)
        rank = (len(shared), typical)
        if best is None or rank > best[0]:
            best = (rank, row.referent.split(":", 1)[1].strip())
    return best[1] if best else None


def main_actors(ctx: StoryContext) -> list:
    """The entities most mentioned across the story's outlets (at least two articles)."""
    entities = [e for e in ctx.sections.get("entities") or () if e.type in ACTOR_TYPES]
    entities = [e for e in entities if len({m.article_id for m in e.mentions}) >= 2]
    entities.sort(key=lambda e: (-len({m.article_id for m in e.mentions}), -len(e.mentions), e.name))
    return entities[:MAIN_ACTORS]


def tone_toward(article: Article, analysis: ArticleAnalysis, actors) -> dict[str, dict[str, Any]]:
    """Mean VADER tone (scored once, at extraction) of the article's sentences that mention each main actor."""
    out = {}
    for ent in actors:
        sentences = set()
        for m in ent.mentions:
            if m.article_id == article.id:
                i = _sentence_index(analysis, m.start)
                if i is not None:
                    sentences.add(i)
        if not sentences:
            continue
        tones = [analysis.sentence_tone[i] for i in sorted(sentences)]
        out[ent.name] = {"tone": round(sum(tones) / len(tones), 4), "sentences": len(tones)}
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


def omissions(ctx: StoryContext, article_id: str) -> list[dict[str, Any]]:
    """Claims the other outlets carry (agreed or single-source) that this article does not."""
    duplicates = {a.id: a.duplicate_of for a in ctx.articles}
    original = duplicates.get(article_id) or article_id
    out = []
    for claim in ctx.sections.get("claims") or ():
        if claim.status not in ("agreed", "single"):
            continue
        supporters = {duplicates.get(s.article_id) or s.article_id for s in claim.support}
        if original in supporters or not supporters:
            continue
        out.append({"claim_id": claim.id, "text": claim.text, "status": claim.status, "reported_by": sorted(supporters)})
    out.sort(key=lambda c: (-len(c["reported_by"]), c["claim_id"]))
    return out


def profile_article(ctx: StoryContext, article: Article, actors, framing) -> OutletProfile:
    analysis = ctx.analyses.get(article.id) or ArticleAnalysis(article.id, ())
    quotes = _quotes_of(ctx, article.id)
    speakers = list(dict.fromkeys(q.speaker.name for q in quotes if q.speaker and q.speaker.name))
    features = dict(analysis.features)
    words = max(article.word_count, 1)
    tones = analysis.sentence_tone
    tone = round(sum(tones) / len(tones), 4) if tones else 0.0
    loaded_counts = Counter(s.text.lower() for s in analysis.loaded_terms)
    metrics: dict[str, Any] = {
        "outlet": article.outlet,
        "quoted_sides": speaker_sides(article, analysis, quotes, framing),
        "quotes": len(quotes),
        **claim_shares(analysis),
        "loaded_density": round(100.0 * len(analysis.loaded_terms) / words, 3),
        "top_loaded_terms": [t for t, _ in loaded_counts.most_common(8)],
        "tone_toward": tone_toward(article, analysis, actors),
        "opinion_markers": {
            "first_person_rate": features.get("first_person_rate"),
            "second_person_rate": features.get("second_person_rate"),
            "rhetorical_questions": features.get("rhetorical_questions"),
            "exclamations": features.get("exclamations"),
            "calls_to_action": len(analysis.calls_to_action),
        },
        "omits": omissions(ctx, article.id),
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
    actors = main_actors(ctx)
    framing = ctx.sections["framing"]
    return tuple(profile_article(ctx, a, actors, framing) for a in ctx.articles)
