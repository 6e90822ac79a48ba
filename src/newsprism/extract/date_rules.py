"""Finding date expressions in text and fixing them against a publication date.

Explicit dates ("December 12, 2016", "Nov. 15", "2016-12-12") need no anchor (a missing
year does); relative ones ("on Tuesday", "Monday morning", "yesterday", "last week",
"three days ago") are resolved against the article's publication date, or left unresolved
(``None``) when the article has none. Dates may be reduced precision ISO strings:
"2016-12-12" (day), "2016-12" (month), "2016" (year); a week is given by its Monday,
a weekend by its Saturday.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import day_of
from ..resources.words import MONTHS, WEEKDAYS

RELATIONS = {"since", "until", "till", "before", "after", "by", "from", "through", "as of"}

_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_FULL_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_TOD = r"(?:\s+(?P<tod>morning|afternoon|evening|night))?"

DATE_PATTERN = re.compile(
    r"(?:\b(?P<rel>[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter|[Bb]y|[Ff]rom|[Tt]hrough|[Aa]s of|[Oo]n|[Ii]n|[Dd]uring)\s+)?"
    r"(?:"
    r"(?P<iso>\b\d{4}-\d{2}-\d{2}\b)"
    r"|(?P<mon1>\b" + _MON + r")\.?\s+(?P<day1>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year1>(?:1[89]|20)\d\d)\b)?"
    r"|\b(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>" + _MON + r")\b\.?(?:,?\s+(?P<year2>(?:1[89]|20)\d\d)\b)?"
    r"|(?:\b(?P<part>[Ee]arly|[Ll]ate|[Mm]id)[\s-]+)?(?P<mon3>\b" + _MON + r")\b\.?(?:,?\s+(?P<year3>(?:1[89]|20)\d\d)\b)?"
    r"|(?:\b(?P<wrel>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast)\s+)?(?P<wd>\b" + _WD + r")" + _TOD +
    r"|(?P<rword>\b(?:[Tt]he day before yesterday|[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|[Ll]ast night|[Tt]his (?:morning|afternoon|evening))\b)"
    r"(?:\s+(?P<rtod>morning|afternoon|evening|night))?"
    r"|(?P<prel>\b(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast))\s+(?P<period>[Ww]eekend|[Ww]eek|[Mm]onth|[Yy]ear)\b"
    r"|(?P<agon>\b(?:\d+|[A-Za-z]+(?:-[a-z]+)?))\s+(?P<agou>days?|weeks?|months?|years?|decades?)\s+ago\b"
    r"|(?P<year4>(?<![\d,.$£€])\b(?:1[89]|20)\d\d)(?P<decade>s)?\b(?![,.]?\d)"
    r")"
)


# Every match of DATE_PATTERN holds one of these (a digit, a month, a weekday, a day word, a
# period word, "ago"), and before the first of them only letters, hyphens and spaces, at most
# five words ("as of the day before yesterday"). Python's regex engine cannot skip ahead for a
# pattern that opens with an optional group, so ``date_matches`` tries DATE_PATTERN only at the
# starts such a window allows: the same matches as ``DATE_PATTERN.finditer``, a fraction of the work.
_TRIGGER = re.compile(
    r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|night|[Mm]orning|[Aa]fternoon|[Ee]vening|[Ww]eek|[Mm]onth|[Yy]ear|ago"
)
_WINDOW_WORDS = 6  # one more than the longest run of words before a trigger


def _word_char(c: str) -> bool:
    return ("a" <= c <= "z") or ("A" <= c <= "Z") or c == "-" or c.isdecimal()


def date_matches(text: str):
    """``DATE_PATTERN.finditer(text)``, trying the pattern only where a match can start.

    Every alternative of the pattern starts at a word boundary, and a trigger is all word
    characters, so no match starts inside a trigger; before its first trigger a match holds only
    the characters ``_word_char`` and whitespace allow, in at most five words."""
    pos = 0  # where the next match may start (the end of the last one)
    tried = -1  # every start up to here has been tried
    for t in _TRIGGER.finditer(text):
        ti = t.start()
        if ti < pos:
            continue
        b, words = ti, 0
        while b > pos:  # back over whitespace and at most _WINDOW_WORDS words
            c = text[b - 1]
            if c.isspace():
                b -= 1
            elif _word_char(c):
                words += 1
                if words > _WINDOW_WORDS:
                    break
                while b > pos and _word_char(text[b - 1]):
                    b -= 1
            else:
                break
        for start in range(max(b, tried + 1, pos), ti + 1):
            m = DATE_PATTERN.match(text, start)
            if m:
                yield m
                pos = m.end()
                break
        tried = max(tried, ti, pos - 1)


@dataclass(frozen=True)
class DateFound:
    start: int
    end: int
    date: str | None
    precision: str
    relation: str
    weekday: bool  # a weekday name (its direction depends on tense)


def parse_published(published: str | None) -> dt.date | None:
    return day_of(published)


def find_dates(text: str, published: dt.date | None, *, future_at=lambda start, end: False) -> list[DateFound]:
    """Every date expression in ``text``; ``future_at(start, end)`` says if one is about the future."""
    found: list[DateFound] = []
    for m in date_matches(text):
        g = m.groupdict()
        rel_word = (g["rel"] or "").lower()
        if not _acceptable(g, rel_word, text, m):
            continue
        start = m.start() if g["rel"] and rel_word not in ("in", "during") else m.start(_first_group(m))
        relation = rel_word if rel_word in RELATIONS else ""
        date, precision = _resolve(g, published, future_at(m.start(), m.end()))
        end = m.end()
        if text[end - 1] == "." and re.search(r"(?:" + _FULL_MONTHS + r")\.$", text[:end]):
            end -= 1  # the sentence's full stop, not an abbreviation's
        found.append(DateFound(start, end, date, precision, relation, bool(g["wd"])))
    return found


def _first_group(m: re.Match) -> str:
    for name in ("iso", "mon1", "day2", "part", "mon3", "wrel", "wd", "rword", "prel", "agon", "year4"):
        if m.group(name) is not None:
            return name
    return "iso"


def _acceptable(g: dict, rel_word: str, text: str, m: re.Match) -> bool:
    if g["mon3"] is not None and g["year3"] is None and g["part"] is None:
        # a bare month name: only with a preposition ("in December"); "May"/"March" are words too
        return rel_word in RELATIONS | {"in", "during"} and g["mon3"] not in ("Mar", "Jun", "Jul", "Aug", "Sept", "Sep", "Jan", "Feb", "Apr", "Oct", "Nov", "Dec")
    if g["year4"] is not None:
        # a bare year, unless the number counts something ("2000 people", "a 2000 year old tradition")
        before = text[max(0, m.start(_first_group(m)) - 2):m.start(_first_group(m))]
        after = text[m.end():m.end() + 24]
        if re.search(r"[$£€]\s?$", before):
            return False
        if re.match(r"^(?:\s*-?\s*(?:years?|yr|old|of|percent|per cent|%)\b)", after):
            return False
        if re.match(r"^\s+(?:[a-z]+s|people|children|men|women|police|staff|troops)\b", after) and g["decade"] is None:
            follows_the = re.search(r"\b(?:[Tt]he|its|their|his|her)\s+$", text[max(0, m.start() - 8):m.start()])
            return bool(follows_the)  # "the 2014 protests" is a year, "2000 people" a count
        return True
    if g["mon1"] is not None and int(g["day1"]) > 31:
        return False
    if g["agon"] is not None:
        return _count(g["agon"]) is not None  # "three weeks ago", not "many years ago"
    return True


def _count(word: str) -> int | None:
    from .figure_numbers import parse_number_words

    w = word.lower()
    if w in ("a", "an"):
        return 1
    value = parse_number_words(w.replace("-", " ").split())
    return int(value) if value is not None and value == int(value) else None


def _resolve(g: dict, pub: dt.date | None, future: bool) -> tuple[str | None, str]:
    if g["iso"]:
        return _safe_date(*map(int, g["iso"].split("-"))), "day"
    if g["mon1"] or g["day2"]:
        month = MONTHS[(g["mon1"] or g["mon2"]).lower().rstrip(".")]
        day = int(g["day1"] or g["day2"])
        year = g["year1"] or g["year2"]
        if year:
            return _safe_date(int(year), month, day), "day"
        if pub is None:
            return None, "day"
        guess = _safe_date(pub.year, month, day)
        if guess is not None and dt.date.fromisoformat(guess) > pub + dt.timedelta(days=14) and not future:
            guess = _safe_date(pub.year - 1, month, day)  # "Nov. 15" read in January is last year
        return guess, "day"
    if g["mon3"]:
        month = MONTHS[g["mon3"].lower()]
        if g["year3"]:
            return f"{int(g['year3']):04d}-{month:02d}", "month"
        if pub is None:
            return None, "month"
        year = pub.year - 1 if month > pub.month and not future else pub.year
        return f"{year:04d}-{month:02d}", "month"
    if g["wd"]:
        if pub is None:
            return None, "day"
        target = WEEKDAYS[g["wd"].lower()]
        wrel = (g["wrel"] or "").lower()
        back = (pub.weekday() - target) % 7
        ahead = (target - pub.weekday()) % 7
        if wrel == "next" or (future and wrel not in ("last", "past")):
            days = ahead or (7 if wrel == "next" else 0)
        else:
            days = -(back or (7 if wrel in ("last", "past") else 0))
        return (pub + dt.timedelta(days=days)).isoformat(), "day"
    if g["rword"]:
        if pub is None:
            return None, "day"
        word = g["rword"].lower()
        shift = {"the day before yesterday": -2, "yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
        return (pub + dt.timedelta(days=shift)).isoformat(), "day"
    if g["period"]:
        if pub is None:
            return None, g["period"].lower()
        step = {"last": -1, "past": -1, "this": 0, "next": 1}[g["prel"].lower()]
        period = g["period"].lower()
        if period == "weekend":  # given by its Saturday
            if step == 0:  # "this weekend": the one just past, or the coming one when the clause looks ahead
                saturday = pub + dt.timedelta(days=(5 - pub.weekday()) % 7) if future else pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
            else:
                saturday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(days=5, weeks=step)
            return saturday.isoformat(), "weekend"
        if period == "week":
            monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=step)
            return monday.isoformat(), "week"
        if period == "month":
            y, mth = divmod(pub.year * 12 + pub.month - 1 + step, 12)
            return f"{y:04d}-{mth + 1:02d}", "month"
        return f"{pub.year + step:04d}", "year"
    if g["agon"]:
        n = _count(g["agon"]) or 1
        unit = g["agou"].rstrip("s")
        if unit == "decade":
            unit, n = "year", n * 10
        if pub is None:
            return None, unit
        if unit == "day":
            return (pub - dt.timedelta(days=n)).isoformat(), "day"
        if unit == "week":
            day = pub - dt.timedelta(weeks=n)
            return (day - dt.timedelta(days=day.weekday())).isoformat(), "week"
        if unit == "month":
            y, mth = divmod(pub.year * 12 + pub.month - 1 - n, 12)
            return f"{y:04d}-{mth + 1:02d}", "month"
        return f"{pub.year - n:04d}", "year"
    if g["year4"]:
        return g["year4"], "decade" if g["decade"] else "year"
    return None, "day"


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
