"""Third-party outlet ratings, read from a user's CSV and shown beside the measured profile.

newsprism never places an outlet on a left/right scale itself: a rating appears only when the
user supplies one, with the source it came from.

CSV columns (header required, case-insensitive): ``outlet,rating,rating source``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import ConfigError

REQUIRED = ("outlet", "rating", "rating source")
HINT = "give a UTF-8 CSV with the header `outlet,rating,rating source` and one outlet a line"


def _normalise(name: str) -> str:
    return " ".join(name.strip().lower().replace("_", " ").split())


def load_outlet_ratings(path: str) -> dict[str, dict]:
    """outlet (as written, and lower-cased) -> {"rating": str, "source": str}.

    Raises ``ConfigError`` for a missing, unreadable or malformed file.
    """
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"outlet ratings file not found: {path}", hint=HINT)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (UnicodeDecodeError, OSError) as exc:
        raise ConfigError(f"cannot read outlet ratings file {path}: {exc}", hint=HINT) from exc
    reader = csv.reader(io.StringIO(text))
    rows = [r for r in reader if any(c.strip() for c in r)]
    if not rows:
        raise ConfigError(f"outlet ratings file {path} is empty", hint=HINT)
    header = [_normalise(c) for c in rows[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ConfigError(f"outlet ratings file {path} lacks column(s) {', '.join(missing)} (found: {', '.join(header)})", hint=HINT)
    idx = {c: header.index(c) for c in REQUIRED}
    ratings: dict[str, dict] = {}
    for line_no, row in enumerate(rows[1:], start=2):
        if len(row) < len(header):
            raise ConfigError(f"{path} line {line_no}: expected {len(header)} fields, found {len(row)}", hint=HINT)
        outlet = row[idx["outlet"]].strip()
        rating = row[idx["rating"]].strip()
        source = row[idx["rating source"]].strip()
        if not outlet or not rating:
            raise ConfigError(f"{path} line {line_no}: outlet and rating must not be empty", hint=HINT)
        if not source:
            raise ConfigError(f"{path} line {line_no}: the rating of {outlet!r} names no source", hint="every rating must say where it comes from")
        key = _normalise(outlet)
        if key in ratings and ratings[key]["rating"] != rating:
            raise ConfigError(f"{path} line {line_no}: outlet {outlet!r} is rated twice with different ratings", hint="keep one rating per outlet")
        ratings[key] = {"outlet": outlet, "rating": rating, "source": source}
    return ratings


def rating_for(outlet: str, ratings: dict[str, dict]) -> dict | None:
    """The user's rating of an outlet (matched case- and space-insensitively), if any."""
    if not ratings:
        return None
    found = ratings.get(_normalise(outlet)) or ratings.get(outlet)
    if found is None:
        return None
    return {"rating": found.get("rating"), "source": found.get("source")}
