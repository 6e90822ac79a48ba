"""Which outlet an article comes from.

Order: the user's ``--outlet-map`` (the user knows best), then the article's own metadata
(site name, a JSONL ``outlet``), then the URL's host without ``www.``, then the file stem.

The map is a CSV of ``file-or-host,outlet name`` (a header row is optional). A key matches a
file by name, stem, path relative to the folder given, path as given, or a folder holding it;
a host key matches that host and its subdomains (``cnn.com`` covers ``edition.cnn.com``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..errors import ConfigError
from .records import FileRef

_HEADER_KEYS = {"file", "host", "file-or-host", "file_or_host", "input", "source", "key", "path", "url", "domain"}


@dataclass(frozen=True)
class OutletMap:
    by_key: dict[str, str] = field(default_factory=dict)

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
        for number, row in enumerate(rows, 1):
            cells = [c.strip() for c in row]
            if not any(cells) or cells[0].startswith("#"):
                continue
            if number == 1 and cells[0].lower() in _HEADER_KEYS:
                continue
            if len(cells) < 2 or not cells[0] or not cells[1]:
                raise ConfigError(f"outlet map {path}, line {number}: expected two columns, file-or-host and outlet name",
                                  hint='write one mapping a line, for instance: reuters.com,Reuters')
            key = _normal_key(cells[0])
            by_key[key] = cells[1]
            by_key.setdefault(key.lower(), cells[1])  # hosts compare in lower case
        return cls(by_key)

    def __bool__(self) -> bool:
        return bool(self.by_key)

    def for_file(self, ref: FileRef) -> str | None:
        """The outlet for a file: by name, stem, relative or given path, or a folder holding it."""
        if not self.by_key:
            return None
        candidates = [ref.path.name, ref.stem, ref.relative, ref.relative_stem, str(ref.path.resolve())]
        # then the folders holding it, innermost first: by path as given, relative path, or name
        for folder in _folders(ref):
            candidates += [str(folder), folder.name]
        candidates += [str(parent) for parent in PurePosixPath(ref.relative).parents if str(parent) != "."]
        for key in candidates:
            outlet = self.by_key.get(_normal_key(key))
            if outlet:
                return outlet
        return None

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
