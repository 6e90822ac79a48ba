"""Page furniture: the lines of a news page that are not the outlet's statements.

Credits and captions ("Getty Images", "AP Photo"), social-media embeds ("pic.twitter.com/…",
"— Name (@handle) December 12, 2016"), share buttons and calls to action, and a leading
dateline ("WASHINGTON (AP) —", a "date YYYY-MM-DD" line). Read by the claims extractor (no
claim is made of them), the timeline (no dated event either: it drops only embeds and credits,
``is_embed``, as its clauses are prose) and the summary (a statement is said without its
dateline). General patterns of news pages, not of one site.
"""

from __future__ import annotations

import re

# lines that are not statements: credits, captions, embeds, share buttons
CREDIT_RE = re.compile(
    r"(getty images|/afp|\bafp\b/|reuters/|\bap photo\b|\(source:|pic\.twitter\.com|\(@\w+\)|"
    r"^\s*(photo|image|video|watch|read more|related|advertisement)\b|provided by)",
    re.IGNORECASE,
)
CALL_TO_ACTION_RE = re.compile(
    r"\b(please (share|sign|donate|call|tell|subscribe|like)|click|subscribe|sign up|share (this|the story)|"
    r"tell us|let us know|we want to hear|follow us|donate)\b",
    re.IGNORECASE,
)
# Each regex above needs one of these words (lower case) to match: a sentence with none of them is
# passed without running the case-insensitive regex, which Python cannot speed up by its prefix.
_CREDIT_WORDS = ("getty images", "afp", "reuters/", "ap photo", "(source:", "pic.twitter.com", "(@", "provided by",
                 "photo", "image", "video", "watch", "read more", "related", "advertisement")
_CALL_WORDS = ("please", "click", "subscribe", "sign up", "share", "tell us", "let us know", "we want to hear",
               "follow us", "donate")
# non-ASCII letters that match an ASCII one without case (Kelvin sign, long s, dotted and dotless i)
_FOLDS_TO_ASCII = frozenset("\u212a\u017f\u0130\u0131")


def _may_match(text: str, words: tuple[str, ...]) -> bool:
    if not _FOLDS_TO_ASCII.isdisjoint(text):
        return True  # let the regex decide
    low = text.lower()
    return any(w in low for w in words)


def is_credit(text: str) -> bool:
    """A credit, caption tag, social-media embed or link line ("pic.twitter.com/…", "(@handle)")."""
    return _may_match(text, _CREDIT_WORDS) and bool(CREDIT_RE.search(text))


def asks_reader_to_act(text: str) -> bool:
    """A line that asks the reader to act ("please share", "subscribe")."""
    return _may_match(text, _CALL_WORDS) and bool(CALL_TO_ACTION_RE.search(text))


# embeds and credits only, for text that is prose unless shown otherwise (the timeline): a social
# post's link or handle, a photo agency's credit, a "Photo:" caption
EMBED_RE = re.compile(r"pic\.twitter\.com/|\(@\w+\)|getty images|\bap photo\b|/afp\b|\breuters/|^\s*(?:photo|image)\s*:", re.IGNORECASE)


def is_embed(text: str) -> bool:
    """An embedded post or a photo credit ("… pic.twitter.com/x — Name (@handle) December 12, 2016")."""
    return bool(EMBED_RE.search(text))


# a leading dateline, where a sentence's own words start: a "date YYYY-MM-DD" line, or a place in
# capitals ("WASHINGTON", "NEW YORK", "U.S.") with perhaps ", Country" and a wire's name, then a
# dash. A plain hyphen needs the wire, the ", Country" or a long word: "US - China talks" and
# "ISIS - which ..." are prose
_CAPS = r"[A-Z][A-Z.'-]*[A-Z.](?:\s[A-Z][A-Z.'-]*[A-Z.])*"
_PLACE = r",\s*[A-Z][\w .'-]*"
_WIRE = r"\((?:AP|AFP|Reuters|UPI|CNN|dpa)\)"
DATELINE_RE = re.compile(
    r"^\s*(?:date\s+\d{4}-\d{2}-\d{2}\s*"
    rf"|{_CAPS}(?:{_PLACE})?\s*(?:{_WIRE})?\s*(?:—|–|--)\s*"
    rf"|(?:{_CAPS}(?:{_PLACE}\s*(?:{_WIRE})?|\s*{_WIRE})|[A-Z]{{5,}})\s*-(?=\s)\s*)",
    re.MULTILINE,
)
