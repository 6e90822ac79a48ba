"""Who said what, grouped the same way in every format (Markdown, HTML, terminal).

Works on report.json's quotes. The quotes stage names every speaker of one resolved referent
with one name (``speaker.name``; "Sergey Lavrov" and "Sergei Lavrov" are one heading), so a
group is one name, case aside, whatever the outlets wrote; ``named_as`` keeps the words the
articles used for that speaker ("Russia's envoy", "he") so every join can be checked.
A person's correction (``rename_speaker``) renames ``speaker.name`` and so moves the whole group.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

UNATTRIBUTED = "Unattributed"

Dict = Mapping[str, Any]


def speaker_key(quote: Dict) -> str:
    """The group a quote belongs to: its speaker's name, case-folded ("" when nobody is named)."""
    return str(((quote.get("speaker") or {}).get("name")) or "").casefold()


def named_as(words: object, key: str) -> str:
    """The article's words for a speaker, when they say more than the heading ("" otherwise:
    "The Syrian army" under "Syrian army" adds nothing)."""
    text = " ".join(str(words or "").split())
    bare = text.split(" ", 1)[1] if text.split(" ", 1)[0].casefold() in ("the", "a", "an") and " " in text else text
    return "" if not text or bare.casefold() == key or text.casefold() == key else text


def speaker_groups(quotes: Iterable[Dict]) -> list[dict[str, Any]]:
    """[{"key", "name", "quotes", "named_as", "article_ids"}] most-quoted first, unattributed last."""
    groups: dict[str, dict[str, Any]] = {}
    for q in quotes:
        sp = q.get("speaker") or {}
        key = speaker_key(q)
        g = groups.setdefault(key, {"key": key, "name": sp.get("name") or UNATTRIBUTED, "quotes": [],
                                    "named_as": [], "article_ids": []})
        g["quotes"].append(q)
        words = named_as(sp.get("text"), key)
        if words and words.casefold() not in (w.casefold() for w in g["named_as"]):
            g["named_as"].append(words)
        if q.get("article_id") not in g["article_ids"]:
            g["article_ids"].append(q.get("article_id"))
    for g in groups.values():
        g["named_as"].sort(key=str.casefold)
    return sorted(groups.values(), key=lambda g: (not g["key"], -len(g["quotes"]), g["name"].casefold()))
