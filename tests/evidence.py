"""Checks a report dict: every item that carries offsets points at exactly its words (shared by tests)."""

from __future__ import annotations

from typing import Any, Iterator


def iter_evidence(node: Any, article_id: str | None = None, path: str = "$") -> Iterator[tuple[str, str | None, dict]]:
    """Yield (path, article_id, item) for every dict with integer start/end.

    An item without its own article_id inherits the nearest enclosing one (outlet profiles,
    quote parts, speakers)."""
    if isinstance(node, dict):
        article_id = node.get("article_id", article_id)
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            yield path, article_id, node
        for key, value in node.items():
            yield from iter_evidence(value, article_id, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from iter_evidence(value, article_id, f"{path}[{i}]")


def evidence_errors(report: dict) -> tuple[int, list[str]]:
    """(items checked, problems) for the offsets rule of DESIGN.md.

    A quote split by its attribution is checked part by part: its text is the parts joined by
    a space, and its start/end run from the first part to the last."""
    texts = {a["id"]: a["text"] for a in report["articles"]}
    checked, problems = 0, []
    for path, article_id, item in iter_evidence(report["stories"]):
        checked += 1
        if article_id not in texts:
            problems.append(f"{path}: unknown article {article_id!r}")
            continue
        text = texts[article_id]
        start, end = item["start"], item["end"]
        if not 0 <= start <= end <= len(text):
            problems.append(f"{path}: offsets {start}:{end} out of range")
            continue
        expected = text[start:end]
        parts = item.get("parts")
        if parts:
            expected = " … ".join(text[p["start"]:p["end"]] for p in parts)
            if parts[0]["start"] != start or parts[-1]["end"] != end:
                problems.append(f"{path}: start/end do not run from the first part to the last")
        if "text" in item and item["text"] is not None and item["text"] != expected:
            problems.append(f"{path}: text {item['text']!r} but the article has {expected!r}")
    return checked, problems
