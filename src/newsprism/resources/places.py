"""Names of countries: ``countries.txt`` (CLDR's English territory names) and, for each, the
other names ``aliases.json`` gives it ("Britain", "Burma", "USA")."""

from __future__ import annotations

import functools
import json

from . import read_text


@functools.lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Every name of a country, lower case."""
    names = {line.strip().lower() for line in read_text("countries.txt").splitlines() if line.strip() and not line.startswith("#")}
    for group in json.loads(read_text("aliases.json"))["groups"]:
        if any(n.lower() in names for n in group):
            names |= {n.lower() for n in group}
    return frozenset(names)
