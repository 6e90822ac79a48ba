"""Plain-text articles: the text is kept exactly (only \\r\\n -> \\n), title and date are read off its head.

- Title: a first line that reads as a headline (short, no closing period, followed by a blank
  line). A very short section label above the headline ("The Slatest") is passed over.
- Published: a line ``date YYYY-MM-DD`` (also ``Date:``, ``Published:``, ``Updated:``), a line
  that is only a date, or a wire dateline ("ALEPPO, Syria, Dec. 13, 2016 (Reuters) -"), among
  the first lines. A date without a year is not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import DATE_PATTERN, iso_from_match

HEAD_LINES = 8  # a dateline or headline sits in the first few non-blank lines
HEAD_CHARS = 4000
MAX_TITLE_WORDS = 25
MAX_TITLE_CHARS = 200
KICKER_WORDS = 3  # "The Slatest", "World News": a section label above the real headline

_LABELLED_DATE = re.compile(
    r"^\s*(?P<label>date|dated|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|first published(?:\s+on)?)"
    r"\s*[:\-]?\s*" + DATE_PATTERN,
    re.IGNORECASE,
)
_TIME_TAIL = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*[A-Z]{0,4})?\s*"  # "10:32 GMT", "at 3:45 p.m."
_DATE_ONLY_LINE = re.compile(r"^\s*" + DATE_PATTERN + _TIME_TAIL + "$", re.IGNORECASE)
_TIME_TAIL_ONLY = re.compile(_TIME_TAIL + "$", re.IGNORECASE)
_WIRE_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'\u2019-]{2,}(?:,\s*[A-Za-z .]+)?,\s*(?i:" + DATE_PATTERN + ")")
_LABEL_RANK = {"published": 0, "first": 0, "date": 1, "dated": 1, "posted": 2, "updated": 3}
_BYLINE = re.compile(r"^(?:by|written by|posted by)\s", re.IGNORECASE)
_URL = re.compile(r"^(?:https?://|www\.)", re.IGNORECASE)


@dataclass(frozen=True)
class TextFields:
    text: str
    title: str | None
    published: str | None


def parse_text(content: str) -> TextFields:
    """Title and publication date of a plain-text article; ``text`` is ``content`` with \\r\\n -> \\n."""
    text = content.replace("\r\n", "\n")
    return TextFields(text=text, title=find_title(text), published=find_published(text))


def _paragraphs(text: str, limit: int) -> list[tuple[list[str], bool]]:
    """The first ``limit`` blocks of non-blank lines, each with whether a blank line follows it."""
    blocks: list[tuple[list[str], bool]] = []
    current: list[str] = []
    for line in text[:HEAD_CHARS].split("\n"):  # the head is enough, however long the article
        if line.strip():
            current.append(line.strip())
            continue
        if current:
            blocks.append((current, True))
            current = []
            if len(blocks) >= limit:
                return blocks
    if current:
        blocks.append((current, False))  # the last block runs to the end of the file
    return blocks


def find_title(text: str) -> str | None:
    blocks = _paragraphs(text, 4)
    # a block that is only a dateline does not hide the headline below it
    while blocks and len(blocks[0][0]) == 1 and _is_date_line(blocks[0][0][0]):
        blocks = blocks[1:]
    if not blocks:
        return None
    (lines, blank_after) = blocks[0]
    if len(lines) != 1 or not blank_after or not looks_like_headline(lines[0]):
        return None
    title = lines[0]
    if len(title.split()) <= KICKER_WORDS and len(blocks) > 1:
        next_lines, next_blank = blocks[1]
        if len(next_lines) == 1 and next_blank and looks_like_headline(next_lines[0]) and len(next_lines[0].split()) > len(title.split()):
            return next_lines[0]
    return title


def looks_like_headline(line: str) -> bool:
    words = line.split()
    if not words or len(words) > MAX_TITLE_WORDS or len(line) > MAX_TITLE_CHARS:
        return False
    if not any(c.isalpha() for c in line):
        return False
    if line[0].islower() or _BYLINE.match(line) or _URL.match(line):
        return False
    if _is_date_line(line):
        return False
    # a sentence ends with a period (also inside closing quotes); a headline does not
    stripped = line.rstrip("\"'\u201d\u2019)")
    if stripped.endswith((".", ",", ";", ":")) and not stripped.endswith("..."):
        return False
    return True


def _is_date_line(line: str) -> bool:
    """A line that holds only a date, labelled ("Published: ...") or not."""
    if _DATE_ONLY_LINE.match(line):
        return True
    labelled = _LABELLED_DATE.match(line)
    return bool(labelled) and _TIME_TAIL_ONLY.match(line, labelled.end()) is not None


def find_published(text: str) -> str | None:
    """The publication date from the head of the text: a labelled date first (published before
    updated), then a line that is only a date, then a wire dateline."""
    head = [line for line in text.split("\n", 60)[:60] if line.strip()][:HEAD_LINES]
    labelled: list[tuple[int, str]] = []
    for line in head:
        match = _LABELLED_DATE.match(line)
        iso = iso_from_match(match) if match else None
        if match and iso:
            label = match.group("label").lower().split()[0]
            labelled.append((_LABEL_RANK.get(label, 1), iso))
    if labelled:
        return min(labelled)[1]
    for line in head:
        match = _DATE_ONLY_LINE.match(line) or _WIRE_DATELINE.match(line)
        iso = iso_from_match(match) if match else None
        if iso:
            return iso
    return None
