"""Find quoted passages by their quotation marks, in every common style.

Curly double (“ ”), straight double (" "), curly single (‘ ’), guillemets (« », » «) and
low-high (‚ ‘, „ “). A single closing mark doubles as the apostrophe ("Russia’s"), so single
quotes open only at a word boundary and close only before one. A passage that is not closed
within its paragraph ends at the paragraph's end (the style of multi-paragraph quotations).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass

# opening mark -> closing marks it accepts
PAIRS: dict[str, str] = {"”": "”\"", "“": "”\"", "\"": "\"”", "«": "»", "»": "«", "„": "“”", "‘": "’'", "'": "'’", "‚": "‘’"}
SINGLE = frozenset("‘'‚")
PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*\S)")


@dataclass(frozen=True)
class Quoted:
    """A quoted passage: ``open``/``close`` are the marks' offsets, ``start``/``end`` the words inside."""

    open: int
    close: int  # offset of the closing mark (== paragraph end when it never closed)
    start: int
    end: int
    mark: str
    closed: bool = True


@functools.lru_cache(maxsize=4)
def paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each non-blank paragraph (a line break or a blank line ends one)."""
    spans, pos = [], 0
    for m in PARAGRAPH.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return tuple((s, e) for s, e in spans if text[s:e].strip())


def _opens(text: str, i: int) -> bool:
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch == "”":  # a typo'd opening mark at a paragraph's start: '”Mr. Trump embodies ...'
        return (i == 0 or text[i - 1] == "\n") and after.isalnum()
    if ch in SINGLE or ch == "\"":
        # opening needs a boundary before and a word after: not "Ra'ad", not "rebels' "
        return (before.isspace() or before in "([{—–-/“\"\x00") and not after.isspace()
    return True


def _closes(text: str, i: int, opener: str) -> bool:
    ch = text[i]
    after = text[i + 1] if i + 1 < len(text) else " "
    before = text[i - 1] if i > 0 else " "
    if opener in SINGLE or ch in "'’":
        return not after.isalnum() and not before.isspace()
    return True


def _scan_text(text: str) -> str:
    """Doubled single marks (``...'' or \'\'...\'\') read as one double mark; offsets unchanged."""
    return text.replace("``", "\x00\"").replace("''", "\x00\"").replace("‘‘", "\x00“").replace("’’", "\x00”")


_MARK = re.compile("[" + re.escape("".join(sorted(PAIRS))) + "]")  # any opening mark
_CLOSERS = {opener: re.compile("[" + re.escape(closers) + "]") for opener, closers in PAIRS.items()}


def _closing_marks(text: str, start: int, end: int, opener: str) -> list[int]:
    """Offsets in [start, end) of the marks that would close a quotation opened by ``opener``."""
    return [m.start() for m in _CLOSERS[opener].finditer(text, start, end) if _closes(text, m.start(), opener)]


def find_quoted(text: str, *, min_chars: int = 1) -> list[Quoted]:
    """Top-level quoted passages in text order (quotes nested inside a quote are part of it)."""
    original, text = text, _scan_text(text)
    found: list[Quoted] = []
    for p_start, p_end in paragraphs(text):
        closing: dict[str, list[int]] = {}  # opener -> offsets of the marks that close it, found once
        straight_odd = text.count("\"", p_start, p_end) % 2 == 1
        i = p_start
        while i < p_end:
            ch = text[i]
            if ch in PAIRS and _opens(text, i):
                if ch not in closing:
                    closing[ch] = _closing_marks(text, p_start, p_end, ch)
                marks = closing[ch]
                k = bisect_right(marks, i)  # the first closing mark after the opener: no rescans
                j = marks[k] if k < len(marks) else p_end
                closed = j < p_end
                if not closed and ch in SINGLE:
                    i += 1  # an unpaired single mark is an apostrophe or a typo
                    continue
                if not closed and ch == "\"" and straight_odd and i != p_start:
                    i += 1
                    continue
                inner_s, inner_e = i + 1, j
                while inner_s < inner_e and (text[inner_s].isspace() or text[inner_s] == "\x00"):
                    inner_s += 1
                while inner_e > inner_s and (text[inner_e - 1].isspace() or text[inner_e - 1] == "\x00"):
                    inner_e -= 1
                if inner_e - inner_s >= min_chars and any(c.isalpha() for c in text[inner_s:inner_e]):
                    found.append(Quoted(i, j, inner_s, inner_e, original[i], closed))
                i = j + 1
            else:
                # no quotation opens here: on to the next mark of any kind (the words between are skipped)
                m = _MARK.search(text, i + 1, p_end)
                i = m.start() if m else p_end
    return found


def within_line(doc, anchor: int, start: int, end: int) -> tuple[int, int]:
    """Token range [start, end) cut to the line of token ``anchor``: speakers, clauses and
    quoted phrases never reach across a line break. ``doc``: the parse, or its token rows
    (``framing_style.token_rows``: the same ``text`` per token, without building tokens)."""
    for i in range(anchor - 1, start - 1, -1):
        if "\n" in doc[i].text:
            start = i + 1
            break
    for i in range(anchor + 1, end):
        if "\n" in doc[i].text:
            end = i
            break
    return start, end
