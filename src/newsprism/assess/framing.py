"""How each outlet names the same actors and events, side by side: one row per referent.

Rows read the story's resolved referents (``sections["referents"]``, built by
``align/referents``: who and what, resolved once across the articles), so the naming table,
the claims and who-said-what agree on who is who. A referent becomes a row when

- at least two independent outlets name it, and at least one of their mentions is a naming
  or framing phrase the term extractor picked (``ArticleAnalysis.terms``: actors, people,
  events; this keeps out "reports", "areas" and other furniture);
- the outlets' words differ: two phrases at least (after determiners, numbers and case), and
  for an event two words at least (a row that one bare verb makes, "denied" / "denied", says
  nothing about naming).

Each outlet's words come with evidence (article id + offsets); a mention inside a term is shown
as the term ("claimed victory", "the Syrian army"). The label is the plainest name: the
person's or organisation's name when the referent is one, else the words most outlets use,
preferring words no outlet's loaded-language scan flagged, so the label takes no side.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..model import FramingRow, Span, StoryContext, TermMention
from ..resources.frames import frame_of, neutral_name
from ..resources.words import GROUP_NOUNS, PERSON_NOUNS

DETERMINERS = re.compile(r"^(the|a|an|this|that|these|those|its|their|his|her|our)\s+", re.IGNORECASE)
NUMBERS = re.compile(r"\b(at least|some|about|nearly|around|approximately|as many as|more than)\b|[\d.,]+", re.IGNORECASE)
TERM_SLACK = 24  # characters a term may add around a mention and still be shown for it ("has been officially liberated")


def _normal(text: str) -> str:
    text = DETERMINERS.sub("", " ".join(text.split()))
    text = NUMBERS.sub(" ", text)
    return " ".join(text.replace(".", "").split()).lower()


def _covering_terms(span: Span, terms: list[TermMention]) -> list[TermMention]:
    """The framing terms that hold this mention (and not much more), longest first
    ("claimed victory" before "victory")."""
    held = [t for t in terms if t.start <= span.start and span.end <= t.end and (t.end - t.start) - (span.end - span.start) <= TERM_SLACK]
    return sorted(held, key=lambda t: (t.start - t.end, t.start))


def _loaded(ctx: StoryContext) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for a in ctx.analyses.values():
        for s in a.loaded_terms:
            out[s.article_id].append((s.start, s.end))
    return out


def compare_framing(ctx: StoryContext) -> tuple[FramingRow, ...]:
    """Per referent that several outlets name differently, the words each outlet uses."""
    independent = [a.id for a in ctx.independent_articles()]
    independent_ids = set(independent)
    order = {aid: n for n, aid in enumerate(a.id for a in ctx.articles)}
    terms = {aid: list(getattr(ctx.analyses.get(aid), "terms", ()) or ()) for aid in independent}
    loaded = _loaded(ctx)
    entities = {e.id: e for e in ctx.sections.get("entities") or ()}
    referents = ctx.sections.get("referents") or ()
    # every referent mention, per article: a term is shown in the row of the mention it is
    # about (the longest one ending where the term ends: "the liberation of their city" is the
    # liberation's, not the city's; "pro-Assad militias" the militias', not Assad's)
    inside: dict[str, list[Span]] = defaultdict(list)
    events: set[Span] = set()
    for ref in referents:
        for s in ref.mentions:
            inside[s.article_id].append(s)
            if ref.kind == "event":
                events.add(s)
    mention_at = {(aid, m.start, m.end): m for aid in independent for m in getattr(ctx.analyses.get(aid), "ref_mentions", ()) or ()}

    def head(s: Span) -> str | None:
        m = mention_at.get((s.article_id, s.start, s.end))
        return m.head if m is not None else None

    def owner(t: TermMention) -> Span | None:
        held = [s for s in inside[t.article_id] if t.start <= s.start and s.end <= t.end]
        if t.role.endswith(":verb"):
            # a verb phrase is about its verb, or about the event noun it governs ("claimed
            # victory"); never about a thing it names on the way ("to escape street battles")
            held = [s for s in held if s in events]
        else:
            # a noun phrase is about its head: "the battle of Aleppo" is the battle's, not
            # Aleppo's; "conquest of Aleppo" is no one's when the conquest is no referent
            held = [s for s in held if head(s) == t.head.lower()]
        return max(held, key=lambda s: (s.end == t.end, s.end - s.start, -s.start), default=None)

    rows = []
    for ref in referents:
        if ref.kind == "time":
            continue  # "Friday" / "yesterday": when, not how an actor or event is named
        spans = [s for s in ref.mentions if s.article_id in terms]
        if len({s.article_id for s in spans}) < 2:
            continue
        entity = entities.get(ref.entity_id) if ref.entity_id else None
        if entity is not None and entity.type == "NORP" and all(
                getattr(mention_at.get((s.article_id, s.start, s.end)), "label", None) == "NORP" for s in spans):
            continue  # a nationality word ("Syrian") only narrows other descriptions
        shown: list[Span] = []
        termed: set[str] = set()
        for s in sorted(spans, key=lambda s: (order.get(s.article_id, 0), s.start, s.end)):
            for t in _covering_terms(s, terms[s.article_id]):
                if owner(t) == s:
                    termed.add(s.article_id)
                    s = Span(s.article_id, t.start, t.end, t.text)
                    break
            if not shown or shown[-1] != s:
                shown.append(s)
        if not termed:
            continue  # no outlet's naming phrase is in it: story furniture, not naming
        phrases = {_normal(s.text) for s in shown} - {""}
        if len(phrases) < 2:
            continue  # every outlet uses the same words: nothing to compare
        if ref.kind == "event" and len({s.text.lower() if head(s) is None else head(s) for s in spans}) < 2:
            continue  # one bare verb or noun in several forms
        by_outlet: dict[str, list[str]] = defaultdict(list)
        seen: dict[str, set[str]] = defaultdict(set)
        for s in shown:
            key = _normal(s.text)
            if key not in seen[s.article_id]:
                seen[s.article_id].add(key)
                by_outlet[s.article_id].append(s.text)
        # an event told in nouns and verbs ("the fighting" / "fought") is an event, whichever form is commoner
        told_as_event = ref.kind == "event" or any(getattr(mention_at.get((s.article_id, s.start, s.end)), "kind", None) == "event" for s in spans)
        kind = "event" if told_as_event else _row_kind(entity, [mention_at.get((s.article_id, s.start, s.end)) for s in spans])
        # one frame for every head (an unframed head keeps the outlets' own words as the label)
        frames_told = {frame_of(h) for h in (head(s) for s in spans) if h}
        frame = next(iter(frames_told)) if told_as_event and len(frames_told) == 1 else None
        label = _label(ref, entity, shown, loaded, frame, told_as_event, independent_ids)
        rows.append(FramingRow(referent=f"{kind}: {label}",
                               terms={a: tuple(v) for a, v in sorted(by_outlet.items(), key=lambda kv: order.get(kv[0], 0))},
                               evidence=tuple(shown)))
    rows.sort(key=lambda r: (-len(r.terms), -sum(len(v) for v in r.terms.values()), r.referent))
    return tuple(rows)


def _row_kind(entity, mentions) -> str:
    """What a row names, shown before its label: a person, an actor (a body of people, or a state
    that acts: "Russia denied"), a place, or a thing ("the war", "the lawsuit")."""
    mentions = [m for m in mentions if m is not None]
    kind = entity.type if entity is not None else ""
    if kind == "PERSON":
        return "person"
    if kind in ("ORG", "NORP"):
        return "actor"
    if kind in ("GPE", "LOC", "FAC"):
        return "actor" if kind == "GPE" and any(m.role == "agent" for m in mentions) else "place"
    heads = {m.head for m in mentions}
    if any(h in PERSON_NOUNS or h in GROUP_NOUNS or _names_people(h) for h in heads):
        return "actor"
    return "thing" if mentions else "actor"  # no mention read: the old default


def _names_people(head: str) -> bool:
    """A noun for people by its ending: "jihadist", "activist" (not "playlist")."""
    return head.endswith("ist") and not head.endswith("list") and len(head) >= 7


def _label(ref, entity, shown: list[Span], loaded, frame: str | None = None, event: bool = False,
           independent: set[str] | frozenset[str] = frozenset()) -> str:
    """The plainest name: the entity's name (unless the referent is a whole side of the story,
    joined from many descriptions, or an event only one article names so), else the unloaded
    words most outlets use, shortest first. An event whose outlets share no unloaded words, each
    telling it with its own ("the liberation" / "Assad's conquest of Aleppo"), is named by its
    frame's plain word ("capture")."""
    # an event's name counts as its plain name once two independent articles use it (a wire copy
    # is no second outlet): one outlet's headline "The Battle for Aleppo" does not name the
    # others' "fighting"
    named_by = {m.article_id for m in entity.mentions if not independent or m.article_id in independent} if entity is not None else set()
    if entity is not None and not any(e.startswith("side:") for e in ref.evidence) and (not event or len(named_by) >= 2):
        return entity.name

    def is_loaded(s: Span) -> bool:
        return any(a < s.end and s.start < b for a, b in loaded.get(s.article_id, ()))

    outlets: dict[str, set[str]] = defaultdict(set)
    loaded_in: dict[str, set[str]] = defaultdict(set)
    for s in shown:
        text = DETERMINERS.sub("", " ".join(s.text.split()))
        outlets[text].add(s.article_id)
        if is_loaded(s):
            loaded_in[text].add(s.article_id)
    # loaded where most outlets use it: one outlet's "years of fighting" does not make the
    # plain "fighting" of three others a loaded label
    flagged = {t for t in outlets if 2 * len(loaded_in[t]) > len(outlets[t])}
    best = min(outlets, key=lambda t: (t in flagged, -len(outlets[t]), len(t.split()), t.lower(), t))
    if frame and (best in flagged or len(outlets[best]) < 2) and neutral_name(frame):
        return neutral_name(frame)
    return best
