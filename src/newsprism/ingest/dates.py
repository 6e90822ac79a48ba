"""Dates as news text writes them -> ISO dates (YYYY-MM-DD), without guessing a missing year."""

from __future__ import annotations

import datetime as dt
import re
import time

from ..resources.words import MONTHS

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_ISO = r"(?P<iso>\d{4}-\d{2}-\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_MDY = _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"
_DMY = _WEEKDAY + r"(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.replace("month", "month2") + r",?\s+(?P<year2>\d{4})"

# one date in any of the three shapes; the alternatives use distinct group names
DATE_PATTERN = "(?:" + _ISO + "|" + _MDY + "|" + _DMY + ")"
DATE = re.compile(DATE_PATTERN, re.IGNORECASE)
_PLAIN_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_from_match(match: re.Match[str]) -> str | None:
    """The ISO date of a DATE match, or None when it names no real day (2016-02-31)."""
    groups = match.groupdict()
    try:
        if groups.get("iso"):
            return dt.date.fromisoformat(groups["iso"]).isoformat()
        if groups.get("month"):
            return dt.date(int(groups["year"]), MONTHS[groups["month"].lower()], int(groups["day"])).isoformat()
        if groups.get("month2"):
            return dt.date(int(groups["year2"]), MONTHS[groups["month2"].lower()], int(groups["day2"])).isoformat()
    except (ValueError, KeyError):
        return None
    return None


def parse_date(value: str) -> str | None:
    """The first date written in ``value`` as an ISO date, or None."""
    match = DATE.search(value)
    return iso_from_match(match) if match else None


def iso_from_struct(value: time.struct_time | None) -> str | None:
    """feedparser's parsed dates (UTC struct_time) -> ISO 8601 datetime."""
    if not value:
        return None
    try:
        return dt.datetime(*value[:6], tzinfo=dt.timezone.utc).isoformat().replace("+00:00", "Z")
    except (TypeError, ValueError):
        return None


def normalize_published(value: object) -> str | None:
    """A publication date given by metadata (JSONL, HTML) as ISO, keeping a time if there is one."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    try:
        if _PLAIN_DATE.fullmatch(text):
            return dt.date.fromisoformat(text).isoformat()
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat().replace("+00:00", "Z")
    except ValueError:
        pass
    return parse_date(text)  # "December 12, 2016" and the like; None when it names no date
