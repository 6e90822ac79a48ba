"""Dispute notes: what differs between two accounts of one event, and around what.

A note holds the differing words on each side as evidence spans ("at least 82" / "79";
"Tuesday evening" / "Thursday at 4 am"; "the Assad regime and Iran" / "terrorist groups"), the
shared event and participants (the story's referent and entity labels), and what else differs
between the two sentences that may explain the difference: when (time words), where (places
named on one side only), per whom (the attributed source), what is counted (the counted noun
and its qualifier) and, for a count, the other events each side tells ("flee" / "attack, break":
killed while fleeing, or in an attack that broke a ceasefire). When several sentences state each side (three outlets give "at least 82",
one "79"), the shared event and the context are read over all of them: the time one supporter
gives ("on Monday") and the source another names ("per the U.N. human rights office") both
belong to that side. Nothing is concluded from the context; it is shown so a reader can judge.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..model import DisputeNote, Span

MAX_AROUND = 5


def note(a, b, kind: str, detail: Mapping[str, Any], certainty: str, labels: Mapping[str, str],
         other_claim: str | None = None, sides: tuple[Sequence[Any], Sequence[Any]] | None = None) -> DisputeNote:
    """The note for claim item ``a`` against item ``b`` (``detail`` as ``find_disputes`` gives it);
    ``sides``: every item stating each side (``a`` and ``b`` alone by default)."""
    value, other = _values(a, b, kind, detail)
    side_a, side_b = sides or ([a], [b])
    return DisputeNote(
        kind=kind,
        certainty=certainty,
        value=value,
        other_value=other,
        around=around(side_a, side_b, labels),
        context=context(side_a, side_b, kind, detail, labels),
        other_claim=other_claim,
    )


def swap(detail: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(detail)
    if "a" in detail or "b" in detail:
        out["a"], out["b"] = detail.get("b"), detail.get("a")
    return out


def _span(item, start: int, end: int) -> Span | None:
    c = item.cand
    start, end = max(start, c.start), min(end, c.end)
    if end <= start:
        return None
    text = c.text[start - c.start : end - c.start]
    stripped = text.strip(" ,;:")
    start += len(text) - len(text.lstrip(" ,;:"))
    return Span(c.article_id, start, start + len(stripped), stripped) if stripped else None


def figure_span(item, f: Mapping[str, Any]) -> Span | None:
    """The number with its qualifier and counted noun: "at least 82 civilians"."""
    c = item.cand
    start, end = f["start"], f["end"]
    q = f.get("qualifier")
    before = c.text[: start - c.start].lower()
    if q and before.rstrip().endswith(q):
        start = c.start + len(before.rstrip()) - len(q)
    after = c.text[end - c.start :]
    m = re.match(r"\s+(?:[\w-]+\s+){0,2}?([\w-]+)", after)
    noun = (f.get("noun") or "")[:4].lower()
    if m and noun and m.group(1).lower().startswith(noun):
        end += m.end()
    return _span(item, start, end)


def _phrase_span(item, phrase: str | None, clause) -> Span | None:
    if not phrase:
        return None
    c = item.cand
    lo = (clause[0] - c.start) if clause else 0
    at = c.text.find(phrase, max(lo, 0))
    if at < 0:
        at = c.text.find(phrase)
    return _span(item, c.start + at, c.start + at + len(phrase)) if at >= 0 else None


def _clause_span(item, event: Mapping[str, Any] | None) -> Span | None:
    clause = (event or {}).get("clause")
    return _span(item, clause[0], clause[1]) if clause else None


def _values(a, b, kind: str, detail: Mapping[str, Any]) -> tuple[Span | None, Span | None]:
    da, db = detail.get("a"), detail.get("b")
    if kind == "figure" and da and db:
        return figure_span(a, da), figure_span(b, db)
    if kind == "agent" and da and db:
        return _phrase_span(a, da.get("agent"), da.get("clause")), _phrase_span(b, db.get("agent"), db.get("clause"))
    if kind in ("time", "polarity") and da and db:
        return _clause_span(a, da), _clause_span(b, db)
    return a.span(), b.span()


def around(side_a: Sequence[Any], side_b: Sequence[Any], labels: Mapping[str, str]) -> tuple[str, ...]:
    """The event(s) both sides name, then the named participants both name, by their plainest names."""
    out: list[str] = []
    events = _union(x.events for x in side_a) & _union(x.events for x in side_b)
    entities = _union(x.entity_ids for x in side_a) & _union(x.entity_ids for x in side_b)
    for ids in (sorted(events), sorted(entities)):
        for i in ids:
            label = labels.get(i)
            if label and label not in out:
                out.append(label)
    return tuple(out[:MAX_AROUND])


def context(side_a: Sequence[Any], side_b: Sequence[Any], kind: str, detail: Mapping[str, Any],
            labels: Mapping[str, str]) -> tuple[str, ...]:
    """What else differs between the two sides' sentences and may explain the difference."""
    out: list[str] = []
    ta = _union(x.features.get("times", ()) for x in side_a)
    tb = _union(x.features.get("times", ()) for x in side_b)
    if kind != "time" and ta != tb:
        out.append(f"time: {_words(ta)} vs {_words(tb)}")
    pa = _union(x.typed.get("place", ()) for x in side_a)
    pb = _union(x.typed.get("place", ()) for x in side_b)
    if pa != pb:
        out.append(f"place: {_names(pa - pb, labels)} vs {_names(pb - pa, labels)}")
    sa, sb = _sources(side_a), _sources(side_b)
    if {s.lower() for s in sa} != {s.lower() for s in sb}:
        out.append(f"source: {_per(sa)} vs {_per(sb)}")
    fa, fb = detail.get("a"), detail.get("b")
    if kind == "time" and fa and fb and bool(fa.get("expected")) != bool(fb.get("expected")):
        told = {True: "expected or planned", False: "as happened"}
        out.append(f"told: {told[bool(fa.get('expected'))]} vs {told[bool(fb.get('expected'))]}")
    if kind == "figure" and fa and fb:
        ca, cb = _counted(fa), _counted(fb)
        if ca != cb:
            out.append(f"counted: {ca} vs {cb}")
        ea, eb = _events_told(side_a), _events_told(side_b)
        only_a, only_b = _only(ea, eb), _only(eb, ea)
        if only_a or only_b:  # the circumstances of the count: "flee" vs "attack, break"
            out.append(f"events: {_words(only_a)} vs {_words(only_b)}")
    return tuple(out)


def _events_told(side: Sequence[Any]) -> dict[str, set[str]]:
    """Action class -> the verbs (lemmas) a side's sentences use for it."""
    out: dict[str, set[str]] = {}
    for x in side:
        for e in x.features.get("events", ()):
            if e.get("cls") and not e.get("negated"):
                out.setdefault(e["cls"], set()).add(e["lemma"])
    return out


def _only(mine: Mapping[str, set[str]], theirs: Mapping[str, set[str]]) -> set[str]:
    """The verbs of the action classes only this side tells."""
    return {w for cls, ws in mine.items() if cls not in theirs for w in ws}


def _union(sets) -> set:
    out: set = set()
    for s in sets:
        out.update(s)
    return out


def _sources(side: Sequence[Any]) -> list[str]:
    """The speakers a side's sentences are attributed to, first wording of each, in order."""
    seen: dict[str, str] = {}
    for x in side:
        if x.cand.attributed_to:
            seen.setdefault(x.cand.attributed_to.lower(), x.cand.attributed_to)
    return list(seen.values())


def _per(sources: Sequence[str]) -> str:
    return ", ".join(f"per {s}" for s in sources) if sources else "not attributed"


def _counted(f: Mapping[str, Any]) -> str:
    return f"{f.get('noun') or '?'} ({f['qualifier']})" if f.get("qualifier") else str(f.get("noun") or "?")


def _words(ws) -> str:
    return ", ".join(sorted(ws)) if ws else "none given"


def _names(ids, labels: Mapping[str, str]) -> str:
    names = sorted({labels.get(i, i) for i in ids})
    return ", ".join(names) if names else "none named"
