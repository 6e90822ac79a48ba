"""The numbers every format shows about a story, computed in one place.

The terminal, report.md and the HTML pages all call :func:`story_counts`, so "2 disputed claims"
reads the same everywhere. Works on the report contract (a story dict), so a report.json, a
store and a fresh ``Report`` count alike.
"""

from __future__ import annotations

from typing import Any, Mapping

Dict = Mapping[str, Any]

STATUSES = ("disputed", "agreed", "single")


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 story``, ``2 stories``: a count with the right form of its noun."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def story_counts(story: Dict, articles: Mapping[str, Dict] | None = None) -> dict[str, Any]:
    """Counts of a story dict; a section the story lacks is absent (not zero).

    Keys: articles, outlets (when ``articles`` maps id -> article dict), entities, quotes,
    figures, figures_disputed, claims, claims_disputed, claims_agreed, claims_single.
    """
    out: dict[str, Any] = {"articles": len(story.get("article_ids") or [])}
    if articles is not None:
        out["outlets"] = len({(articles.get(i) or {}).get("outlet") or i for i in story.get("article_ids") or []})
    for name in ("entities", "quotes", "figures", "claims"):
        items = story.get(name)
        if items is not None:
            out[name] = len(items)
    if story.get("figures") is not None:
        out["figures_disputed"] = sum(1 for f in story["figures"] if f.get("status") == "disputed")
    if story.get("claims") is not None:
        for status in STATUSES:
            out[f"claims_{status}"] = sum(1 for c in story["claims"] if c.get("status") == status)
    return out


def counts_line(counts: Mapping[str, Any]) -> str:
    """One line of a story's counts, worded the same in every format."""
    parts = []
    for key, one, many in (("entities", "entity", "entities"), ("quotes", "quote", None), ("figures", "figure", None), ("claims", "claim", None)):
        if key in counts:
            parts.append(plural(counts[key], one, many))
    if "claims_disputed" in counts:
        parts.append(plural(counts["claims_disputed"], "disputed claim"))
    if "figures_disputed" in counts:
        parts.append(plural(counts["figures_disputed"], "disputed figure"))
    return ", ".join(parts)
