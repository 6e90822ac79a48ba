"""Times of a story resolved across its articles: "Friday", "Friday night" and "yesterday" are
one time when they tell the time of one happening.

A time mention (``RefMention.kind == "time"``: spaCy's dates and times, extract/referent_mentions)
reads as a value: a date ("December 11"), a weekday, a word relative to the day of writing
("yesterday", "last night"), a year, a month, or else its head word ("season", "years"). Times
are joined, each link with its evidence:
- ``same time``: one article, one value ("Friday" ... "Friday night");
- ``same date``: two articles reporting one happening (align/referents: ``_happenings``) and one
  value that does not depend on the day of writing (a date, weekday, year, month or word);
  "yesterday" in two articles may be two days;
- ``time of one event``: they tell when one event referent happened ("died Friday" / "died
  yesterday"; a length or a bound, "for two months", "since Nov. 15", tells no point of it).
Two groups naming different weekdays, or different dates, never join ("Monday" / "Tuesday").
With an article's date of publication, "yesterday" is the date and weekday it names.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Callable, Mapping

from ..model import RefMention
from ..resources.words import MONTHS, WEEKDAYS
from .union_find import UnionFind

Key = tuple[str, int]

# words whose day depends on the day of writing: they join across articles only through an event
RELATIVE_DAYS = frozenset({"yesterday", "today", "tonight", "tomorrow", "last night", "this morning", "this afternoon", "this evening"})
# the day each names, from the day of publication ("last night" may be either side of midnight)
RELATIVE_SHIFT = {"yesterday": -1, "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "tomorrow": 1}
# values that name the point an event happened at ("Friday", "December 11", "yesterday", "7 p.m.",
# "that night"); a year, a month or a length ("two months") may be a time around it, and joins
# no time through an event. Without "part of day": ECB+ entity 0.7953 -> 0.7907
POINT_VALUES = frozenset({"date", "day", "relative", "clock", "part of day"})
PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "overnight"})
CLOCK = re.compile(r"\b\d{1,2}(?:\s?:\s?\d{2})?\s*(?:[ap]\s?\.?\s?m\b\.?|o'clock)|\bnoon\b|\bmidnight\b")
# The links, measured on ECB+ coref_dev 1-22 with benchmarks/coref_eval.py (entity CoNLL, gain
# over the same-head-lemma baseline; MEANTIME has no time mentions): all 0.7953 (+0.041); without
# ``same date`` 0.7576 (+0.004), without ``time of one event`` 0.7869 (+0.033). Before times were
# mentions of their own: 0.8018 (+0.036) on fewer found mentions (0.764 -> 0.86 found).
SAME_DATE_ON = True
EVENT_TIME_ON = True
# "yesterday" in two articles of one happening as one day too: ECB+ entity gain +0.0006 (with the
# coarser happenings +0.0013), left out: without the days of publication it is a guess
SAME_DATE_KINDS = frozenset({"date", "day", "year", "month", "word", "clock", "part of day"})


def relative_word(low: str) -> str | None:
    return next((r for r in sorted(RELATIVE_DAYS) if re.search(rf"\b{r}\b", low)), None)


def time_facets(m: RefMention, published: datetime.date | None = None) -> tuple[tuple, ...]:
    """What a time names, as comparable as its words allow: ("date", month, day), ("day",
    weekday), ("clock", "7pm"), ("relative", "yesterday"), ("year", "2008"), ("month", 12),
    ("part of day", "night") or ("word", head), most precise first. With the article's date of
    publication "yesterday" is a date and the weekday news would name it by ("Friday").

    A date's own weekday is no facet of it ("Tuesday, December 9" joins no other "Tuesday":
    ECB+ entity 0.7947 -> 0.7940 with it), nor is the year of a fuller time (-0.0002)."""
    low = " ".join(m.text.lower().split())
    words = re.findall(r"[a-z]+|\d+", low)
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    day = next((int(w) for w in words if w.isdigit() and len(w) <= 2 and 1 <= int(w) <= 31), None)
    weekday = next((WEEKDAYS[w] for w in words if w in WEEKDAYS), None)
    relative = relative_word(low)
    if relative in RELATIVE_SHIFT and published is not None and not (month and day):
        when = published + datetime.timedelta(days=RELATIVE_SHIFT[relative])
        return ("date", when.month, when.day), ("day", when.weekday())
    if month and day:
        return (("date", month, day),)
    if weekday is not None:
        return (("day", weekday),)
    clock = CLOCK.search(low)
    if clock and not relative:
        return (("clock", re.sub(r"[^0-9apm:]|(?<=\d):00", "", clock.group(0))),)
    if relative:
        return (("relative", relative),)
    year = next((w for w in words if len(w) == 4 and w.isdigit()), None)
    if year:
        return (("year", year),)
    if month:
        return (("month", month),)
    if m.head in PARTS_OF_DAY and not any(w.isdigit() for w in words):
        return (("part of day", m.head),)  # "that night", with the day told elsewhere in the sentence
    return (("word", m.head),)


class _Groups(UnionFind):
    """Union-find over time mentions that keeps each group's weekdays and dates apart."""

    def __init__(self, keys, facets: Mapping[Key, tuple[tuple, ...]]):
        super().__init__(keys)
        self.named: dict[Key, dict[str, set]] = {k: self._named(facets[k]) for k in self.parent}

    @staticmethod
    def _named(facets: tuple[tuple, ...]) -> dict[str, set]:
        out: dict[str, set] = defaultdict(set)
        for f in facets:
            if f[0] == "date":
                out["date"].add(f[1:])
                out["month"].add(f[1])
            elif f[0] in ("day", "month"):
                out[f[0]].add(f[1])
        return dict(out)

    def join(self, a: Key, b: Key, why: str) -> bool:
        """Joins the groups of a and b unless they name different days; True if they are one."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        na, nb = self.named[ra], self.named[rb]
        if any(na.get(kind) and nb.get(kind) and not na[kind] & nb[kind] for kind in ("day", "date", "month")):
            return False  # "Monday" / "Tuesday", "December 11" / "December 12"
        root = self.union(a, b, why)
        for kind, got in self.named.pop(rb if root == ra else ra).items():
            self.named[root].setdefault(kind, set()).update(got)
        return True


def link_times(times: Mapping[Key, RefMention], mentions: Mapping[Key, RefMention], event_of: Callable[[Key], Key | None], happening: Mapping[str, int],
               published: Mapping[str, datetime.date] | None = None) -> list[tuple[list[Key], tuple[str, ...]]]:
    """Groups of time keys with the evidence that joined each; ``mentions`` the story's other
    mentions (the events a time tells the time of). ``event_of`` gives the event group
    (a union-find root) a time's event mention belongs to, or None; ``happening`` article ->
    happening (empty: the story is one happening); ``published`` article -> its date, where known."""
    keys = sorted(times)
    facets = {k: time_facets(times[k], (published or {}).get(k[0])) for k in keys}

    def event_told(k: Key) -> Key | None:
        m = times[k]
        if m.role != "when" or m.pred < 0 or (k[0], m.pred) not in mentions:
            return None
        if not any(f[0] in POINT_VALUES for f in facets[k]):
            return None  # "for two months", "in the 1950s": no point in time of the event
        return event_of((k[0], m.pred))

    events = {k: event_told(k) for k in keys}
    groups = _Groups(keys, facets)

    def join_alike(key_of: Callable[[Key, tuple], tuple | None], why: str) -> None:
        seen: dict[tuple, list[Key]] = {}
        for k in keys:
            for f in facets[k]:
                at = key_of(k, f)
                if at is None:
                    continue
                for other in seen.get(at, ()):
                    if groups.join(other, k, why):
                        break
                seen.setdefault(at, []).append(k)

    if EVENT_TIME_ON:
        join_alike(lambda k, f: ("event", events[k]) if events[k] is not None else None, "time of one event")
    join_alike(lambda k, f: (k[0], f), "same time")
    if SAME_DATE_ON:
        join_alike(lambda k, f: (happening.get(k[0], k[0]) if happening else 0, f) if f[0] in SAME_DATE_KINDS else None, "same date")
    members: dict[Key, list[Key]] = defaultdict(list)
    for k in keys:
        members[groups.find(k)].append(k)
    return [(ks, tuple(sorted(groups.evidence.get(root, ()))) or ("single mention",)) for root, ks in members.items()]
