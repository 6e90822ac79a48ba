"""What the user gave -> the things to read: files (folders walked), URLs; and their ids.

Folders are walked recursively in sorted order; hidden files and folders are passed over.
An article read from a file has the file's stem as its id; when two inputs share a stem,
the path relative to the folder given, without extension (``sub/story``).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..errors import EmptyInput, MissingInput
from ..model import Skipped
from .records import FileRef
from .urls import is_url

# file name ending -> reader; the longest ending wins (".warc.gz" before ".gz")
KINDS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".rdf": "feed",
    ".warc": "warc", ".warc.gz": "warc", ".arc": "warc", ".arc.gz": "warc",
}
_ENDINGS = sorted(KINDS, key=len, reverse=True)
_LOOKS_LIKE_WEB_ADDRESS = re.compile(r"^(?:www\.|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|co\.uk|news|info)(?:/|$))", re.IGNORECASE)


@dataclass(frozen=True)
class UrlInput:
    url: str


def file_kind(name: str) -> str | None:
    """The reader for a file name: a KINDS value, "sniff" for a name without extension, None if unsupported."""
    lower = name.lower()
    for ending in _ENDINGS:
        if lower.endswith(ending):
            return KINDS[ending]
    return "sniff" if "." not in name.lstrip(".") else None


def expand_inputs(inputs: Iterable[str]) -> tuple[list[FileRef | UrlInput], list[Skipped]]:
    """Every file and URL to read, in the order given (folders in sorted order), each once."""
    items: list[FileRef | UrlInput] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()

    def add(key: str, item: FileRef | UrlInput) -> None:
        if key not in seen:  # the same file given twice (or inside a folder given) is read once
            seen.add(key)
            items.append(item)

    for given in inputs:
        given = str(given).strip()
        if is_url(given):
            add(given, UrlInput(given))
            continue
        path = Path(given).expanduser()
        if path.is_dir():
            found = 0
            for file_path, relative in walk_folder(path):
                found += 1
                add(str(file_path.resolve()), FileRef(file_path, given, relative, in_folder=True))
            if not found:
                error = EmptyInput("the folder holds no files (hidden files are passed over)", hint="check the folder, or give the files themselves")
                skipped.append(Skipped(given, error.line(), error.code))
        elif path.is_file():
            add(str(path.resolve()), FileRef(path, given, Path(given).as_posix(), in_folder=False))
        else:
            error = MissingInput("no such file or folder" if not path.exists() else "not a regular file or folder")
            if _LOOKS_LIKE_WEB_ADDRESS.match(given):
                error = MissingInput("no such file or folder", hint=f"to read a web page, give the full URL: https://{given}")
            skipped.append(Skipped(given, error.line(), error.code))
    return items, skipped


def walk_folder(root: Path) -> Iterable[tuple[Path, str]]:
    """(path, posix path relative to root) for every visible file under root, sorted.

    Linked folders are followed, each real folder once (a link loop ends there).
    """
    seen: set[str] = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(folder)
        for name in sorted(files):
            if name.startswith("."):
                continue
            file_path = base / name
            yield file_path, file_path.relative_to(root).as_posix()


def file_keys(refs: list[FileRef]) -> dict[FileRef, str]:
    """The id (or id prefix) of each file: its stem, or a longer path where stems clash."""
    keys = {ref: ref.stem for ref in refs}
    for widen in (_relative_key, _with_folder_key):
        clashes = Counter(keys.values())
        for ref in refs:
            if clashes[keys[ref]] > 1:
                keys[ref] = widen(ref)
    return keys


def _relative_key(ref: FileRef) -> str:
    if ref.in_folder:
        return ref.relative_stem
    parent = ref.path.parent.name
    return f"{parent}/{ref.stem}" if parent else ref.stem


def _with_folder_key(ref: FileRef) -> str:
    """Two folders given, each with ``story.txt`` at the top: prefix the folder's name."""
    if ref.in_folder:
        folder = Path(ref.given).expanduser().resolve().name
        return f"{folder}/{ref.relative_stem}" if folder else ref.relative_stem
    return Path(ref.given).with_suffix("").as_posix().lstrip("./") or ref.stem


class IdAllocator:
    """Ids unique within one load: a taken id gets ``-2``, ``-3`` ..."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def take(self, preferred: str) -> str:
        base = " ".join(preferred.split()) or "article"
        candidate, n = base, 1
        while candidate in self._used:
            n += 1
            candidate = f"{base}-{n}"
        self._used.add(candidate)
        return candidate
