"""Counts that tie two claims to one event, whatever verbs the outlets chose.

"at least eighty-two civilians ... being gunned down", "pro-government forces have killed at
least 82 civilians" and "executing 79 people" are three wordings of one count of one killing:
the figures stage (``sections["figures"]``) put the three numbers in one group (same counted
noun, or a generic one such as "people", sizes of one order), and each number counts the
participants of an event of one action class (``kill``: gun down, kill, execute). Two claims
that share such a count report one event even when the referents keep their verbs apart:

- values that meet even when an open qualifier reaches no further than the figures stage lets
  it (``REACH``: "at least 82" / "eighty-two") -> ``same``: the claims agree on the count;
- values that cannot both be true ("at least 82" / "79") -> ``differs``: a figure dispute;
- in between ("at least 3" / "10": both may be true, neither confirms the other) -> no link;
- two bounds the same way with different numbers ("at least 150" / "more than 180") -> ``apart``:
  the accounts may differ.

Counts over different periods are not one count: when both sentences carry time words and none
is shared, there is no link. What is counted, and around which event, is left to the figures
stage and to the claim's action classes; nothing here is specific to one kind of event.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import FigureValue

# qualifiers and the values they allow: open-ended ones are open ("at least 82" allows 90, not 79)
OPEN_ABOVE = ("at least", "more than", "over")
OPEN_BELOW = ("up to", "at most", "fewer than", "less than")
ROUGH = ("nearly", "almost", "around", "about", "approximately", "roughly", "some", "as many as", "estimated")
ROUGH_REACH = 0.1  # "around 80" allows 72-88
# how far an open qualifier may reach for two numbers to confirm each other: the figures stage's
# cap (align/figures.py QUALIFIER_REACH, "at least" 1.5x), so a claim and the figures table agree
REACH = 1.5


@dataclass(frozen=True)
class Count:
    """One counted number of a claim: its figures-stage group, the values it allows, and the
    action class of the event the counted things take part in."""

    group: str
    low: float  # the values the words allow ("at least 82": 82 to infinity)
    high: float
    near_low: float  # ... and those they confirm ("at least 82": 82 to 123)
    near_high: float
    cls: str
    start: int
    end: int
    told: bool = True  # the counted event is told by the claim, not in passing inside a noun phrase


def bounds(value: float, value_max: float | None, qualifier: str | None) -> tuple[float, float]:
    if value_max is not None:
        return value, value_max
    q = qualifier or ""
    if q in OPEN_ABOVE:
        return value, float("inf")
    if q in OPEN_BELOW:
        return 0.0, value
    if q in ROUGH:
        return value * (1 - ROUGH_REACH), value * (1 + ROUGH_REACH)
    return value, value


def counts_of(values: Iterable[tuple[str, FigureValue]], events: Sequence[Mapping[str, Any]]) -> tuple[Count, ...]:
    """The claim's counts: ``values`` are (figures-stage group, value) inside the claim, ``events``
    the claim's ``features["events"]`` (lemma and action class of each verb)."""
    cls_of = {e.get("lemma"): e.get("cls") for e in events if e.get("cls")}
    told_of: dict[str, bool] = {}
    for e in events:  # a verb told twice, once in passing: the count may be the passing one's
        if e.get("cls"):
            told_of[e.get("lemma")] = told_of.get(e.get("lemma"), True) and not e.get("aside")
    out = []
    for group, v in values:
        if v.value < 2 or v.unit:  # "one" is rarely a count; a percentage is a share, not a count
            continue
        lemma = (v.event or "").split(" ")[0]
        cls = cls_of.get(lemma) if v.event else None
        if cls:
            low, high = bounds(v.value, v.value_max, v.qualifier)
            near_low = high / REACH if low == 0.0 else low  # "up to 30" confirms 20-30
            near_high = low * REACH if high == float("inf") else high  # "at least 82" confirms 82-123
            out.append(Count(group, low, high, near_low, near_high, cls, v.start, v.end, told_of.get(lemma, False)))
    return tuple(out)


def same_count(a: Sequence[Count], b: Sequence[Count], times_a: Iterable[str] = (), times_b: Iterable[str] = ()) -> str | None:
    """``same`` when the two claims share a count (one figures group, one action class) and
    every such count is compatible, ``differs`` when one of them is not, ``apart`` when two are
    bounds the same way with different numbers (a "may differ", never an agreement), None
    without one."""
    ta, tb = set(times_a), set(times_b)
    if ta and tb and not ta & tb:
        return None  # counts over different periods
    shared = [(x, y) for x in a for y in b if x.group == y.group and x.cls == y.cls]
    if not shared:
        return None
    if any(x.low > y.high or y.low > x.high for x, y in shared):
        return "differs"
    if any(_apart(x, y) for x, y in shared):
        return "apart"
    if all(x.near_low <= y.near_high and y.near_low <= x.near_high for x, y in shared):
        return "same"
    return None


def _apart(x: Count, y: Count) -> bool:
    return bounds_apart((x.low, x.high), (y.low, y.high))


def bounds_apart(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Two bounds the same way with different numbers ("at least 150" / "more than 180"), given
    as the values each allows (``bounds``): both may hold, neither confirms the other."""
    if a[1] == float("inf") and b[1] == float("inf"):
        x, y = a[0], b[0]
    elif a[0] == 0.0 and b[0] == 0.0:
        x, y = a[1], b[1]
    else:
        return False
    return max(x, y) > (1 + ROUGH_REACH) * min(x, y)


def count_keys(counts: Iterable[Count]) -> set[tuple[str, str, str]]:
    """Blocking keys for candidate pairs: claims sharing one count are compared."""
    return {("count", c.group, c.cls) for c in counts}


__all__ = ["Count", "bounds", "bounds_apart", "count_keys", "counts_of", "same_count"]
