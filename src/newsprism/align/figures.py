"""Figures across the outlets of a story: the same count, agreed or disputed.

Two figures are about the same thing when what they count matches (the counted noun's
lemma, the event it takes part in, its modifiers) and their sizes are of one order. A group
is ``agreed`` when every value is compatible (the same number, or qualified numbers whose
ranges meet: "at least 82" and "eighty-two"), ``disputed`` otherwise (every value is kept
with its article; nothing is averaged or picked), ``single`` when one article reports it.
Copies of one wire story (``duplicate_of`` set) count once: only the first copy is read.
"""

from __future__ import annotations

from collections import Counter

from ..model import Figure, FigureValue, StoryContext

SAME_THING = 0.7  # similarity from which two figures are taken to count the same thing
MAX_RATIO = 3.0  # sizes further apart than this count different things (82 vs 1,134 killed)
# Nouns that name people in general: "79 people" may be the "82 civilians" of another outlet.
GENERIC_HEADS = {"", "people", "person", "persons", "individual", "one", "they"}
STATUS_ORDER = {"disputed": 0, "agreed": 1, "single": 2}

# How far a qualifier lets a value reach (as factors of the value). Open-ended qualifiers are
# capped so that far-apart values ("at least 82" and "at least 500") are still shown as disputed.
QUALIFIER_REACH = {
    None: (1.0, 1.0),
    "only": (1.0, 1.0),
    "further": (1.0, 1.0),
    "at least": (1.0, 1.5),
    "more than": (1.0, 1.5),
    "up to": (1 / 1.5, 1.0),
    "fewer than": (1 / 1.5, 1.0),
    "nearly": (0.85, 1.0),
    "around": (0.9, 1.1),
    "estimated": (0.9, 1.1),
}


def reconcile_figures(ctx: StoryContext) -> tuple[Figure, ...]:
    """The story's figures grouped by what they count: disputed first, then agreed, then single."""
    values = [
        v
        for article in ctx.independent_articles()
        if article.id in ctx.analyses
        for v in ctx.analyses[article.id].figures
        if v.what
    ]
    groups = group_values(values)
    figures = [(status_of(g), g) for g in groups]
    order = {a.id: n for n, a in enumerate(ctx.articles)}
    figures.sort(key=lambda sg: (STATUS_ORDER[sg[0]], -len({v.article_id for v in sg[1]}), order.get(sg[1][0].article_id, 0), sg[1][0].start))
    return tuple(
        Figure(id=f"{ctx.story_id}/f{n}", what=describe(group), status=status, values=tuple(group))
        for n, (status, group) in enumerate(figures, 1)
    )


def group_values(values: list[FigureValue]) -> list[list[FigureValue]]:
    """Greedy merging, most similar pairs first, under two rules: one order of size per group,
    and two different values from one article never count the same thing."""
    groups = [[v] for v in values]
    owner = list(range(len(values)))
    pairs = []
    for i in range(len(values)):
        for j in range(i + 1, len(values)):
            if values[i].article_id == values[j].article_id:
                continue
            score = similarity(values[i], values[j])
            if score >= SAME_THING:
                pairs.append((score, i, j))
    pairs.sort(key=lambda p: -p[0])
    for _, i, j in pairs:
        gi, gj = owner[i], owner[j]
        if gi == gj:
            continue
        merged = groups[gi] + groups[gj]
        if not _can_merge(merged):
            continue
        groups[gi], groups[gj] = merged, []
        for k in range(len(owner)):
            if owner[k] == gj:
                owner[k] = gi
    ordered = [g for g in groups if g]
    for g in ordered:
        g.sort(key=lambda v: (v.article_id, v.start))
    return ordered


def similarity(a: FigureValue, b: FigureValue) -> float:
    """How likely two figures count the same thing, from what they count and how big they are."""
    if (a.unit or "") != (b.unit or ""):
        return 0.0
    if a.head == b.head and a.head:
        noun = 1.0
    elif a.head in GENERIC_HEADS or b.head in GENERIC_HEADS:
        noun = 0.6 if (a.head or a.event) and (b.head or b.event) else 0.3
    else:
        noun = 0.0
    if a.event and a.event == b.event:
        event = 1.0
    elif not a.event and not b.event:
        event = 0.5
    else:
        event = 0.0
    ma, mb = set(a.modifiers), set(b.modifiers)
    modifiers = len(ma & mb) / len(ma | mb) if ma | mb else 1.0
    score = 0.5 * noun + 0.35 * event + 0.15 * modifiers
    if (a.value, a.value_max) == (b.value, b.value_max):
        score += 0.1  # the same number is itself a sign of the same count
    return score


def _center(v: FigureValue) -> float:
    return (v.value + v.value_max) / 2 if v.value_max else v.value


def _can_merge(group: list[FigureValue]) -> bool:
    by_article: dict[str, set] = {}
    for v in group:
        by_article.setdefault(v.article_id, set()).add((v.value, v.value_max))
    if any(len(s) > 1 for s in by_article.values()):
        return False
    centers = [_center(v) for v in group]
    low, high = min(centers), max(centers)
    if low <= 0:
        return high == low
    return high / low <= MAX_RATIO


def interval(v: FigureValue) -> tuple[float, float]:
    """The values the words allow: "at least 82" -> (82, 123), "50,000 to 100,000" -> itself."""
    if v.value_max is not None:
        return (v.value, v.value_max)
    low, high = QUALIFIER_REACH.get(v.qualifier, (1.0, 1.0))
    return (v.value * low, v.value * high)


def compatible(a: FigureValue, b: FigureValue) -> bool:
    if (a.value, a.value_max) == (b.value, b.value_max):
        return True
    (a0, a1), (b0, b1) = interval(a), interval(b)
    return a0 <= b1 + 1e-9 and b0 <= a1 + 1e-9


def status_of(group: list[FigureValue]) -> str:
    if len({v.article_id for v in group}) < 2:
        return "single"
    ok = all(compatible(a, b) for i, a in enumerate(group) for b in group[i + 1:])
    return "agreed" if ok else "disputed"


def describe(group: list[FigureValue]) -> str:
    """The most common wording of what the group counts; ties go to the fullest description."""
    counts = Counter(v.what for v in group)
    return max(counts, key=lambda w: (counts[w], bool(_full(group, w)), len(w)))


def _full(group: list[FigureValue], what: str) -> bool:
    return any(v.what == what and v.head and v.event for v in group)


__all__ = ["reconcile_figures", "group_values", "similarity", "compatible", "status_of", "interval"]
