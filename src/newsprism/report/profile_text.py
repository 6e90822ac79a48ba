"""Plain-language lines for an outlet's profile, shared by report.md and the HTML pages.

- :func:`naming_line`: how the outlet names the story's referents, from the framing rows
  ("calls the fighters “terrorist groups”; the outcome “liberation”").
- :func:`speaker_kinds` / :func:`source_kind_line`: whom each outlet quotes, by kind of source.
  The kind comes from a stated rule over a documented word list
  (``newsprism/resources/source_kinds.tsv``); every speaker shows the word that decided it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping

Dict = Mapping[str, Any]

KIND_LABELS = {
    "government": "government or officials",
    "international": "international bodies and NGOs",
    "opposition": "opposition or rebels",
    "civilian": "civilians and activists",
    "expert": "experts",
    "media": "other media",
    "other": "other or unknown",
}
WINDOW_WORDS = 8  # words either side of the speaker's name that may decide its kind

RULE = ("A speaker's kind is the first kind, in the order {order}, with a word from its list in the "
        "speaker's name or within {n} words either side of the name in the same sentence "
        "(word lists: newsprism/resources/source_kinds.tsv); no match: other or unknown.")


@lru_cache(maxsize=1)
def _lexicon() -> tuple[tuple[str, re.Pattern], ...]:
    text = resources.files("newsprism.resources").joinpath("source_kinds.tsv").read_text(encoding="utf-8")
    words: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, word = line.split("\t", 1)
        words.setdefault(kind.strip(), []).append(word.strip().lower())
    return tuple(
        (kind, re.compile(r"(?<![\w.])(" + "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True)) + r")s?(?![\w])", re.IGNORECASE))
        for kind, ws in words.items()
    )


def rule_text() -> str:
    return RULE.format(order=", ".join(KIND_LABELS[k] for k, _ in _lexicon()), n=WINDOW_WORDS)


def classify_speaker(name: str, context: str = "") -> tuple[str, str]:
    """(kind, the word that decided it); ("other", "") when no list matches."""
    for haystack in (name, context):
        for kind, pattern in _lexicon():
            m = pattern.search(haystack or "")
            if m:
                return kind, m.group(0)
    return "other", ""


def _window(text: str, start: int, end: int) -> str:
    """Up to WINDOW_WORDS words either side of [start, end), not crossing a sentence end."""
    before = re.split(r"[.!?]\s", text[max(0, start - 300):start])[-1].split()[-WINDOW_WORDS:]
    after = re.split(r"[.!?](?:\s|$)", text[end:end + 300])[0].split()[:WINDOW_WORDS]
    return " ".join(before + ["…"] + after)


def speaker_kinds(story: Dict, articles: Mapping[str, Dict]) -> dict[str, list[dict[str, str]]]:
    """article id -> its quoted speakers, each {name, kind, label, word, context}, in order of first quote."""
    out: dict[str, dict[str, dict[str, str]]] = {}
    for q in story.get("quotes") or []:
        sp = q.get("speaker") or {}
        name = sp.get("name")
        if not name:
            continue
        aid = q.get("article_id")
        seen = out.setdefault(aid, {})
        if name in seen and seen[name]["kind"] != "other":
            continue
        text = (articles.get(aid) or {}).get("text") or ""
        s, e = sp.get("start"), sp.get("end")
        context = _window(text, s, e) if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text) else ""
        kind, word = classify_speaker(name, context)
        seen[name] = {"name": name, "kind": kind, "label": KIND_LABELS[kind], "word": word, "context": context}
    return {aid: list(v.values()) for aid, v in out.items()}


def kind_counts(speakers: list[dict[str, str]]) -> Counter:
    return Counter(s["kind"] for s in speakers)


def source_kind_line(story: Dict, article_id: str, articles: Mapping[str, Dict] | None = None) -> str:
    """'quotes 2 government or officials, 1 experts' (empty when the outlet quotes nobody named)."""
    speakers = speaker_kinds(story, articles or {}).get(article_id) or []
    if not speakers:
        return ""
    counts = kind_counts(speakers)
    return "quotes " + ", ".join(f"{counts[k]} {KIND_LABELS[k]}" for k in KIND_LABELS if counts[k])


def naming_line(story: Dict, article_id: str, limit: int = 4) -> str:
    """How one outlet names the referents other outlets name differently, from the framing rows."""
    parts = []
    for row in story.get("framing") or []:
        terms = row.get("terms") or {}
        words = [str(w) for w in terms.get(article_id) or []]
        distinct = {str(w).casefold() for ws in terms.values() for w in ws or []}
        if not words or len(distinct) < 2:  # everyone uses the same word: nothing to say
            continue
        parts.append(f"{row.get('referent', '')} " + ", ".join(f"“{w}”" for w in words[:3]))
    if not parts:
        return ""
    more = f" (and {len(parts) - limit} more in the framing table)" if len(parts) > limit else ""
    return "calls " + "; ".join(parts[:limit]) + more
