"""Dispute notes in words, for every format: what differs, around what, what may explain it.

Works on the report contract (a claim's ``notes``, see ``model.DisputeNote``). Returns plain
text; each renderer escapes it for its format.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Dict = Mapping[str, Any]


def note_line(note: Dict, outlet: Callable[[str | None], str]) -> str:
    """"figure differs: “at least 82 civilians” (A) vs “79 people” (B); around: executing;
    may explain it: time: monday vs none given"."""
    kind = note.get("kind") or "value"
    head = f"{kind} {note.get('certainty') or 'differs'}"
    if note.get("other_claim"):
        head += f" from {note['other_claim']}"
    parts = [head + ": " + " vs ".join(_side(note.get(k), outlet) for k in ("value", "other_value"))]
    if note.get("around"):
        parts.append("around: " + ", ".join(note["around"]))
    if note.get("context"):
        parts.append("may explain it: " + "; ".join(note["context"]))
    return "; ".join(parts)


def _side(span: Dict | None, outlet: Callable[[str | None], str]) -> str:
    if not span:
        return "(not found)"
    return f"“{' '.join(str(span.get('text') or '').split())}” ({outlet(span.get('article_id'))})"


def claim_note_lines(claim: Dict, outlet: Callable[[str | None], str]) -> list[str]:
    return [note_line(n, outlet) for n in claim.get("notes") or ()]
