"""Name forms: when two written names can denote the same entity.

General rules first: the same words up to case, accents, dots and hyphens ("Al Hussein" /
"al-Hussein"); acronyms ("UN" / "U.N." / "United Nations"); transliteration variants of the
same consonant skeleton ("Sergei" / "Sergey", "Al-Qaeda" / "al-Qaida"); a surname standing for
the full name ("Assad" / "Bashar al-Assad"). Then a small alias table for what no rule can know.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path

from rapidfuzz.distance import JaroWinkler

PARTICLES = frozenset("al el bin ibn bint abu abd de del della der di da dos du la le van von ter ten zu".split())
ACRONYM_SKIP = frozenset("of the and for in on at to de".split())
VOWELS = re.compile(r"[aeiouy]")


def fold(text: str) -> str:
    """Lower case, no accents, one kind of apostrophe, no dots, hyphens as spaces, no leading 'the'."""
    if text.isascii():  # most names: NFKD leaves ASCII as it is and it holds no combining marks
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    text = re.sub(r"'s$", "", text)
    text = text.replace(".", "").replace("-", " ")
    text = re.sub(r"\s+", " ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def name_words(text: str) -> tuple[str, ...]:
    """Folded words of a name without its particles ("al", "de", "van" ...)."""
    return tuple(w for w in fold(text).split() if w not in PARTICLES)


def acronym(text: str) -> str | None:
    """'UN' for 'U.N.' or 'UN'; None for ordinary words."""
    letters = text.replace(".", "").strip()
    if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
        return letters.lower()
    return None


def initials(text: str) -> str:
    words = [w for w in re.split(r"[\s-]+", text.replace(".", " ")) if w]
    words = [w for w in words if w.lower() not in ACRONYM_SKIP]
    if words and words[0].lower() == "the":
        words = words[1:]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else ""


def skeleton(word: str) -> str:
    """Consonants in order, doubled ones once: 'sergei' and 'sergey' -> 'srg'."""
    core = VOWELS.sub("", word.replace("'", ""))
    return re.sub(r"(.)\1+", r"\1", core)


def same_word(a: str, b: str) -> bool:
    """The same word in two transliterations ('sergei'/'sergey', 'qaeda'/'qaida')."""
    if a == b:
        return True
    if a[:1] != b[:1] or min(len(a), len(b)) < 3 or abs(len(a) - len(b)) > 2:
        return False
    return skeleton(a) == skeleton(b) and JaroWinkler.similarity(a, b) >= 0.8


def same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) == len(b) and all(same_word(x, y) for x, y in zip(a, b))


@functools.lru_cache(maxsize=1)
def _alias_table() -> list[list[str]]:
    path = Path(__file__).resolve().parents[1] / "resources" / "aliases.json"
    return json.loads(path.read_text(encoding="utf-8"))["groups"]


@functools.lru_cache(maxsize=1)
def alias_groups() -> dict[str, int]:
    """Folded alias -> group number, from resources/aliases.json."""
    table: dict[str, int] = {}
    for n, group in enumerate(_alias_table()):
        for name in group:
            table[fold(name)] = n
    return table


def neutral_name(form: str) -> str | None:
    """The table's first (neutral) name for a form in an alias group: "Daesh" -> "Islamic State".

    Some aliases are what one side calls a group; the entity's own name should not take a side."""
    group = alias_groups().get(fold(form))
    return None if group is None else _alias_table()[group][0]
