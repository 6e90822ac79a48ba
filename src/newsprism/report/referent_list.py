"""The story's referents as a reader wants them listed: who and what the outlets mention, with
the words each outlet uses and what joined them (the referents stage's evidence).

The act of reporting ("According to", "told", "said") is attribution, not an actor or event
of the story: its referents stay in report.json and are left out of the list; so do times
("Friday" / "yesterday": when, not who or what; the timeline tells them). Shared by
report.md and report.html so both list the same referents in the same order.
"""

from __future__ import annotations

from typing import Any, Mapping

from ..resources.words import NEWS_FUNCTION_WORDS, REPORTING_VERBS

Dict = Mapping[str, Any]


def _is_attribution(word: str) -> bool:
    w = word.lower().strip()
    if w in NEWS_FUNCTION_WORDS or w in REPORTING_VERBS:
        return True
    # the regular forms of a reporting verb: claims, claimed, claiming, stated, noted
    for end in ("ing", "ed", "es", "s", "d"):
        if w.endswith(end) and w[: -len(end)] in REPORTING_VERBS:
            return True
    return False


def listed_referents(story: Dict) -> list[dict[str, Any]]:
    """Referents with their outlets and words, most widely named first; attribution left out.

    Each item: label, kind, entity_id, outlets (article ids in mention order), words (article
    id -> the distinct words that outlet uses, first use first), linked_by (the evidence kinds
    that joined its mentions) and first (the first mention of each outlet, for citing)."""
    out = []
    for ref in story.get("referents") or []:
        mentions = [m for m in ref.get("mentions") or [] if isinstance(m, Mapping) and m.get("article_id")]
        if not mentions:
            continue
        if ref.get("kind") == "event" and all(_is_attribution(str(m.get("text") or "")) for m in mentions):
            continue
        if ref.get("kind") == "time":
            continue  # when, not who or what: the timeline tells the times
        words: dict[str, list[str]] = {}
        seen: set[tuple[str, str]] = set()
        first: dict[str, Dict] = {}
        for m in mentions:
            aid = m["article_id"]
            text = " ".join(str(m.get("text") or "").split())
            shown = words.setdefault(aid, [])
            if text and (aid, text.lower()) not in seen:
                seen.add((aid, text.lower()))
                shown.append(text)
            first.setdefault(aid, m)
        linked_by = sorted({str(e) for e in ref.get("evidence") or [] if e != "single mention"})
        out.append({"label": ref.get("label") or "", "kind": ref.get("kind") or "", "entity_id": ref.get("entity_id"),
                    "outlets": list(words), "words": words, "linked_by": linked_by, "first": list(first.values()),
                    "corrected": bool(ref.get("corrected"))})
    out.sort(key=lambda r: (-len(r["outlets"]), -len({w.lower() for ws in r["words"].values() for w in ws}), r["label"].lower()))
    return out
