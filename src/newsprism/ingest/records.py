"""What a reader hands back: an article before it has its final id and outlet."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileRef:
    """Where a file came from, for ids and outlet-map keys."""

    path: Path
    given: str  # the input as the user wrote it (the folder, or the file itself)
    relative: str  # posix path relative to the folder given; the path as given for a file
    in_folder: bool

    @property
    def display(self) -> str:
        """How to name the file to the user: the folder given joined with the relative path."""
        return f"{self.given.rstrip('/')}/{self.relative}" if self.in_folder else self.given

    @property
    def relative_stem(self) -> str:
        """The relative path without its extension(s): ``sub/story`` for ``sub/story.txt``."""
        name = self.path.name
        stem = name[: -len(_suffixes(name))] if _suffixes(name) else name
        parent = self.relative.rsplit("/", 1)[0] if "/" in self.relative else ""
        return f"{parent}/{stem}" if parent else stem

    @property
    def stem(self) -> str:
        return self.relative_stem.rsplit("/", 1)[-1]


def _suffixes(name: str) -> str:
    """``.txt``, or both of ``.warc.gz`` / ``.jsonl.gz``."""
    lower = name.lower()
    for double in (".warc.gz", ".arc.gz", ".jsonl.gz", ".ndjson.gz"):
        if lower.endswith(double):
            return name[-len(double):]
    dot = name.rfind(".")
    return name[dot:] if dot > 0 else ""


@dataclass(frozen=True)
class Draft:
    text: str
    source: str  # the input it was read from: a path, a URL, ``file.jsonl:12``
    id_hint: str  # the preferred id; made unique when the load assigns ids
    title: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    site_name: str | None = None
    outlet: str | None = None  # named by the input itself (a JSONL "outlet" field)
    fallback_outlet: str | None = None  # the file stem, when nothing better is known
    file: FileRef | None = None  # the file that held it, for the outlet map
    note: str | None = None
    entry_of: str | None = None  # the feed that held it, with its entry number: "feed.xml, entry 3"

    @property
    def where(self) -> str:
        """How to name it in a skipped line: a feed entry's link with the feed and entry number."""
        return f"{self.source} ({self.entry_of})" if self.entry_of else self.source
