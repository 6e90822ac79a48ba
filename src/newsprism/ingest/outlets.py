"""Which outlet an article comes from.

Order: the user's ``--outlet-map`` (the user knows best), then the article's own metadata
(site name, a JSONL ``outlet``), then the URL's host without ``www.``, then the file stem.

The map is a CSV of ``file-or-host,outlet name`` (a header row is optional). A key matches a
file by name, stem, path relative to the folder given, path as given, or a folder holding it;
a host key matches that host and its subdomains (``cnn.com`` covers ``edition.cnn.com``).

It may also give each file its published date and URL, as a small metadata CSV: two more
columns, ``published`` (``YYYY-MM-DD`` or an ISO date-time) and ``url`` (http or https), in that
order, or in any order under a header row ``file,outlet,published,url``. Empty cells leave the
article's own date and URL. A date or URL from the map wins over what the file says.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..errors import ConfigError
from .records import FileRef

_HEADER_KEYS = {"file", "host", "file-or-host", "file_or_host", "input", "source", "key", "path", "url", "domain"}


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
_COLUMNS = {"outlet": ("outlet", "outlet name", "name"), "published": ("published", "date", "published date"),
            "url": ("url", "link", "address")}


@dataclass(frozen=True)
class FileMeta:
    """What the map says about one file (or host): empty strings where it says nothing."""

    outlet: str = ""
    published: str = ""
    url: str = ""


@dataclass(frozen=True)
class OutletMap:
    by_key: dict[str, str] = field(default_factory=dict)
    meta_by_key: dict[str, FileMeta] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | None) -> "OutletMap":
        if not path:
            return cls()
        try:
            with open(path, newline="", encoding="utf-8-sig") as handle:
                rows = list(csv.reader(handle))
        except FileNotFoundError:
            raise ConfigError(f"outlet map {path} not found", hint="give a CSV of file-or-host,outlet name") from None
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise ConfigError(f"outlet map {path} could not be read ({exc})", hint="save it as a UTF-8 CSV of file-or-host,outlet name") from None
        by_key: dict[str, str] = {}
        meta_by_key: dict[str, FileMeta] = {}
        order = {"outlet": 1, "published": 2, "url": 3}  # columns without a header row
        for number, row in enumerate(rows, 1):
            cells = [c.strip() for c in row]
            if not any(cells) or cells[0].startswith("#"):
                continue
            if number == 1 and cells[0].lower() in _HEADER_KEYS:
                order = _header_order(cells, path)
                continue
            get = lambda name: cells[order[name]] if name in order and order[name] < len(cells) else ""  # noqa: E731
            if len(cells) < 2 or not cells[0] or not get("outlet"):
                raise ConfigError(f"outlet map {path}, line {number}: expected two columns, file-or-host and outlet name",
                                  hint='write one mapping a line, for instance: reuters.com,Reuters')
            published, url = get("published"), get("url")
            if published and not _DATE.match(published):
                raise ConfigError(f"outlet map {path}, line {number}: {published!r} is not a date",
                                  hint="write the published date as YYYY-MM-DD (or an ISO date-time)")
            if url and not url.lower().startswith(("http://", "https://")):
                raise ConfigError(f"outlet map {path}, line {number}: {url!r} is not an http(s) URL",
                                  hint="write the article's address starting with https://")
            key = _normal_key(cells[0])
            by_key[key] = get("outlet")
            by_key.setdefault(key.lower(), get("outlet"))  # hosts compare in lower case
            if published or url:
                meta_by_key[key] = FileMeta(get("outlet"), published, url)
        return cls(by_key, meta_by_key)

    def __bool__(self) -> bool:
        return bool(self.by_key)

    def for_file(self, ref: FileRef) -> str | None:
        """The outlet for a file: by name, stem, relative or given path, or a folder holding it."""
        if not self.by_key:
            return None
        for key in self._file_keys(ref):
            outlet = self.by_key.get(_normal_key(key))
            if outlet:
                return outlet
        return None

    def meta_for_file(self, ref: FileRef) -> FileMeta:
        """The published date and URL the map gives a file itself (a folder's row gives none:
        a date or URL belongs to one article)."""
        if not self.meta_by_key:
            return FileMeta()
        for key in [ref.path.name, ref.stem, ref.relative, ref.relative_stem, str(ref.path.resolve())]:
            meta = self.meta_by_key.get(_normal_key(key))
            if meta is not None:
                return meta
        return FileMeta()

    def _file_keys(self, ref: FileRef) -> list[str]:
        candidates = [ref.path.name, ref.stem, ref.relative, ref.relative_stem, str(ref.path.resolve())]
        # then the folders holding it, innermost first: by path as given, relative path, or name
        for folder in _folders(ref):
            candidates += [str(folder), folder.name]
        candidates += [str(parent) for parent in PurePosixPath(ref.relative).parents if str(parent) != "."]
        return candidates

    def for_host(self, host: str | None) -> str | None:
        """The outlet for a host or any of its parent domains."""
        if not self.by_key or not host:
            return None
        labels = host.lower().split(".")
        for i in range(len(labels) - 1):
            outlet = self.by_key.get(".".join(labels[i:]))
            if outlet:
                return outlet
        return None


def _header_order(cells: list[str], path: str) -> dict[str, int]:
    """Column positions from a header row (``file,outlet,published,url`` in any order)."""
    order = {}
    for n, cell in enumerate(cells[1:], 1):
        for name, spellings in _COLUMNS.items():
            if cell.lower() in spellings:
                order[name] = n
    if "outlet" not in order:
        if len(cells) >= 2:  # a header like "file,name of outlet": the second column is the outlet
            order["outlet"] = 1
        else:
            raise ConfigError(f"outlet map {path}: the header names no outlet column", hint="use the header file,outlet,published,url")
    return order


def _folders(ref: FileRef) -> list[Path]:
    """The folders a key may name: from the file's own folder up to the folder given."""
    if not ref.in_folder:
        return [ref.path.parent]
    folders, root = [], Path(ref.given)
    for depth in range(ref.relative.count("/"), -1, -1):
        folders.append(root.joinpath(*ref.relative.split("/")[:depth]) if depth else root)
    return folders


def _normal_key(key: str) -> str:
    """Keys compare as posix paths, and hosts or URLs compare by host without ``www.``."""
    key = key.strip().replace("\\", "/")
    lower = key.lower()
    if lower.startswith(("http://", "https://")):
        lower = lower.split("://", 1)[1].split("/", 1)[0]
        return lower[4:] if lower.startswith("www.") else lower
    if lower.startswith("www."):
        return lower[4:]
    if key.startswith("./"):
        key = key[2:]
    return key.rstrip("/")
