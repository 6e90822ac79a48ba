"""The dependency tree over token rows (``framing_style.token_rows``), without spaCy tokens.

Every ``doc[i]``, ``token.children`` or ``token.subtree`` builds a new spaCy ``Token``; an
extractor that walks the tree for each verb or noun phrase builds thousands per article. These
helpers answer the same questions from the rows' head indices, and answer them exactly as
spaCy does (same members, same order), so an extractor's output does not change:

- ``children``: spaCy lists a token's children between its left and right edge, and the
  edges always cover the direct children (``set_children_from_heads``), so they are all the
  tokens headed by it, in text order;
- ``subtree``: spaCy's recursion (left children's subtrees, the token, right children's);
- ``span_root``: ``Span.root``'s choice, including its rule for childless punctuation;
- ``noun_chunks``: the English ``noun_chunks`` iterator; the one value it reads that the
  rows lack, a chunk head's left edge, is read from spaCy (the edges of a non-projective
  parse are not always its subtree's bounds, so they are not recomputed here).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any, Mapping, Sequence


class Tree:
    """One article's token rows with their children lists, built once per article and shared by
    the extractors that walk the tree (the ``token_tree`` working value); its noun chunks and
    their heads are found on first use and kept."""

    __slots__ = ("doc", "rows", "kids", "starts", "_chunks")

    def __init__(self, doc, rows: Sequence):
        self.doc = doc
        self.rows = rows
        self.kids = children(rows)
        self.starts = [r.idx for r in rows]  # each token's first character
        self._chunks: list[tuple[int, int, int]] | None = None

    def noun_chunks(self) -> list[tuple[int, int, int]]:
        """``(start, end, root)`` of each of ``doc.noun_chunks``, in order."""
        if self._chunks is None:
            self._chunks = [(s, e, span_root(self.rows, self.kids, s, e)) for s, e in noun_chunks(self.doc, self.rows)]
        return self._chunks


def tree_of(doc, found: Mapping[str, Any]) -> Tree:
    """The article's shared tree (``found["token_tree"]``); built from the token rows, or from
    the doc, when an extractor is called on its own (a test) without them."""
    tree = found.get("token_tree")
    return Tree(doc, rows_of(doc, found)) if tree is None else tree


def rows_of(doc, found: Mapping[str, Any]) -> Sequence:
    """The article's token rows (``found["token_rows"]``), or read from the doc (without quote
    regions) when an extractor is called on its own without them."""
    rows = found.get("token_rows")
    if rows is None:
        from .framing_style import token_rows

        rows = token_rows(doc, [])
    return rows


def children(rows: Sequence) -> list[list[int]]:
    """For each token, the indices of the tokens it heads, in text order."""
    kids: list[list[int]] = [[] for _ in rows]
    for i, row in enumerate(rows):
        head = row.head
        if head != i:
            kids[head].append(i)
    return kids


def subtree(kids: list[list[int]], i: int) -> list[int]:
    """Token indices of ``i``'s subtree in ``Token.subtree``'s order (left children's
    subtrees, the token, right children's), without recursion: a parse may be deep."""
    out: list[int] = []
    stack: list[tuple[int, bool]] = [(i, False)]  # (token, emit it now)
    while stack:
        j, emit = stack.pop()
        if emit:
            out.append(j)
            continue
        below = kids[j]
        if not below:
            out.append(j)
            continue
        # pushed in reverse: rights last-first, the token itself, lefts last-first
        for c in reversed(below):
            if c > j:
                stack.append((c, False))
        stack.append((j, True))
        for c in reversed(below):
            if c < j:
                stack.append((c, False))
    return out


def span_root(rows: Sequence, kids: list[list[int]], start: int, end: int) -> int:
    """Index of ``doc[start:end].root``: a sentence root inside the span, else the token whose
    head lies outside with the shortest path to the root (the first of equals); a childless
    space or punctuation token counts as farthest."""
    for i in range(start, end):
        if rows[i].head == i:
            return i
    n = len(rows)
    best, root = n, -1
    for i in range(start, end):
        row = rows[i]
        if start <= row.head < end:
            continue
        if (row.is_space or row.is_punct) and not kids[i]:
            steps = n - 1
        else:
            steps, j = 0, i
            while rows[j].head != j:
                j = rows[j].head
                steps += 1
                if steps >= n:
                    raise RuntimeError("dependency heads form a cycle")
        if steps < best:
            best, root = steps, i
    return start if root == -1 else root


# spaCy's English noun_chunks: the dependencies that make a noun (or its conjunct) a chunk head
NP_DEPS = frozenset({"oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT"})
NP_POS = frozenset({"NOUN", "PROPN", "PRON"})


def noun_chunks(doc, rows: Sequence) -> list[tuple[int, int]]:
    """``(start, end)`` token ranges of ``doc.noun_chunks``, in order."""
    out: list[tuple[int, int]] = []
    prev_end = -1
    for i, row in enumerate(rows):
        if row.pos not in NP_POS:
            continue
        dep = row.dep
        if dep not in NP_DEPS:
            if dep != "conj":
                continue
            head = row.head
            while rows[head].dep == "conj" and rows[head].head < head:
                head = rows[head].head
            if rows[head].dep not in NP_DEPS:
                continue
        # spaCy tests the left edge first; it only matters for a token that would start a chunk
        left = doc[i].left_edge.i
        if left <= prev_end:
            continue
        prev_end = i
        out.append((left, i + 1))
    return out


def title_case_lines(rows: Sequence, text: str) -> tuple[list[int], set[int]]:
    """Each row's line number, and the lines written in Title Case (a headline: three or more
    longer words, 80% of them capitalised), where capitals say nothing about names."""
    breaks = [n for n, c in enumerate(text) if c == "\n"]
    line_of = [bisect_left(breaks, r.idx) for r in rows]
    words: dict[int, list[str]] = {}
    for n, r in enumerate(rows):
        if r.text[:1].isalpha() and len(r.text) > 3:
            words.setdefault(line_of[n], []).append(r.text)
    titled = {line for line, ws in words.items() if len(ws) >= 3 and sum(w[:1].isupper() for w in ws) >= 0.8 * len(ws)}
    return line_of, titled
