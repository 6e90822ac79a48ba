"""Reading numbers as news writes them: digits, words, vague plurals and qualifiers.

Plain functions over strings, so they can be tested without a parse.
"""

from __future__ import annotations

import functools
import re

from ..resources.words import NUMBER_WORDS, SCALES, TENS, UNITS

SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}

# Vague plurals: "dozens" means at least two dozen and fewer than a hundred, and so on.
VAGUE = {
    "dozens": (24, 99),
    "scores": (40, 199),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "millions": (2_000_000, 999_999_999),
    "billions": (2_000_000_000, 999_999_999_999),
}
# "tens of thousands", "hundreds of thousands", "tens of millions"
VAGUE_MULTIPLIERS = {"tens": (20, 99), "hundreds": (200, 999)}


# Words before a number that qualify it, longest first; value: the normalised qualifier.
QUALIFIERS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {
            "at least": "at least", "no fewer than": "at least", "no less than": "at least",
            "not less than": "at least", "a minimum of": "at least", "more than": "more than",
            "over": "more than", "upwards of": "more than", "in excess of": "more than",
            "just over": "more than", "well over": "more than", "nearly": "nearly",
            "almost": "nearly", "close to": "nearly", "just under": "nearly", "around": "around",
            "about": "around", "approximately": "around", "roughly": "around", "some": "around",
            "circa": "around", "an estimated": "estimated", "estimated": "estimated",
            "up to": "up to", "as many as": "up to", "at most": "up to", "no more than": "up to",
            "fewer than": "fewer than", "less than": "fewer than", "under": "fewer than",
            "only": "only", "just": "only", "a further": "further", "another": "further",
        }.items(),
        key=lambda kv: -len(kv[0]),
    )
)

_DIGITS = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_DIGITS_SHORT = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|bn)$", re.I)


@functools.lru_cache(maxsize=1 << 14)  # called on every token: the same words come back
def parse_digits(text: str) -> float | None:
    """'1,134' -> 1134.0, '1.5' -> 1.5, '10k' -> 10000.0; None when it is not a plain number."""
    t = text.strip()
    if _DIGITS.match(t):
        return float(t.replace(",", ""))
    m = _DIGITS_SHORT.match(t)
    if m:
        return float(m.group(1)) * SHORT_SCALES[m.group(2).lower()]
    return None


def parse_number_words(words: list[str]) -> float | None:
    """['eighty', 'two'] -> 82, ['1.5', 'million'] -> 1.5e6, ['two', 'hundred', 'and', 'fifty'] -> 250."""
    total, current, seen = 0.0, 0.0, False
    for raw in words:
        w = raw.lower().strip()
        if w in ("-", "–", "and", "a", ""):
            continue
        digits = parse_digits(w)
        if digits is not None:
            current += digits
        elif w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w in SCALES:
            scale = SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


@functools.lru_cache(maxsize=1 << 14)
def is_number_word(word: str) -> bool:
    w = word.lower()
    return w in NUMBER_WORDS or parse_digits(w) is not None


def vague_range(words: list[str]) -> tuple[float, float] | None:
    """'dozens' -> (24, 99); 'tens of thousands' -> (20000, 99999); None when not vague."""
    ws = [w.lower() for w in words if w.lower() != "of"]
    if len(ws) == 1 and ws[0] in VAGUE:
        return VAGUE[ws[0]]
    if len(ws) == 2 and ws[0] in VAGUE_MULTIPLIERS and ws[1] in VAGUE:
        low, high = VAGUE_MULTIPLIERS[ws[0]]
        unit = VAGUE[ws[1]][0] / 2  # thousands -> 1000
        return (low * unit, (high + 1) * unit - 1)
    return None


def qualifier_before(text: str, start: int) -> tuple[str, str, int] | None:
    """The qualifier that ends right before ``start`` (skipping spaces): (words, normalised, where it starts)."""
    head = text[max(0, start - 30):start]
    stripped = head.rstrip()
    if not stripped:
        return None
    low = stripped.lower()
    for words, norm in QUALIFIERS:
        if low.endswith(words):
            begin = len(stripped) - len(words)
            if begin > 0 and (low[begin - 1].isalnum() or low[begin - 1] in "-'’"):
                continue  # part of a longer word ("layover", "handsome")
            where = start - len(head) + begin
            return text[where:where + len(words)], norm, where
    return None
