"""Report writers: JSON (the contract), Markdown, one self-contained HTML file, the terminal."""

from __future__ import annotations

import dataclasses
import functools
import itertools
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..model import Report
from .corrections import apply_corrections, correct_story, corrections_by_story

FORMATS = ("json", "md", "html", "csv")
FILE_NAMES = {"json": "report.json", "md": "report.md", "html": "report.html"}


def _renderer(fmt: str) -> Callable[[dict], str | Iterable[str]]:
    """Each format renders the report dict (``Report.to_dict()``, corrections applied)."""
    if fmt == "json":
        return json_chunks
    if fmt == "md":
        from .markdown import render_markdown_dict

        return render_markdown_dict
    from .html import report_html_chunks

    return lambda data: itertools.chain(report_html_chunks(data), ("\n",))  # a file ends in a newline


def _write_csv(data: dict, out_dir: Path) -> list[Path]:
    """``--format csv``: claims.csv, quotes.csv, figures.csv, naming.csv (one row per item and outlet)."""
    from .csv_export import FILE_NAMES as CSV_FILES, TABLES, render_csv

    written = []
    for table in TABLES:
        path = out_dir / CSV_FILES[table]
        write_atomic(path, render_csv(data, table))
        written.append(path)
    return written


def report_data(report: Report, corrections: Iterable = ()) -> dict:
    """What every format shows: the report dict with a person's corrections applied.

    A report whose stories are not a list or tuple (a store's, read one at a time) gets a
    ``StoryDicts`` under ``"stories"``: every writer below passes over it story by story."""
    corrections = list(corrections)
    if not isinstance(report.stories, (list, tuple)):
        from .story_dicts import StoryDicts

        data = dataclasses.replace(report, stories=()).to_dict()
        data["stories"] = StoryDicts(report.stories, _story_corrector(corrections) if corrections else None)
        return data
    data = report.to_dict()
    if corrections:
        data = apply_corrections(data, corrections)
    return data


def _story_corrector(corrections: list):
    """A function applying each story's own corrections to its dict."""
    by_story = corrections_by_story(corrections)
    return lambda story: correct_story(story, by_story.get(str(story.get("id")), []))


def write_reports(report: Report, out_dir: Path, formats: Iterable[str] = ("json", "md", "html"),
                  *, corrections: Iterable = (), data: dict | None = None) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    data = data if data is not None else report_data(report, corrections)
    written = []
    for fmt in formats:
        if fmt == "csv":
            written += _write_csv(data, out_dir)
            continue
        path = out_dir / FILE_NAMES[fmt]
        rendered = _renderer(fmt)(data)
        write_atomic(path, (rendered + "\n") if isinstance(rendered, str) else rendered)
        written.append(path)
    return written


def json_chunks(data: dict) -> Iterator[str]:
    """report.json as it is encoded, piece by piece: the report of a 10,000-article corpus is
    hundreds of MB of JSON, and one string of it (plus its parts) cost the driver gigabytes.

    Stories that are not a list (``StoryDicts``, read one at a time) are encoded one by one
    into the same bytes ``json.dumps(..., indent=1)`` gives for the list."""
    import json

    encoder = json.JSONEncoder(ensure_ascii=False, indent=1)
    stories = data.get("stories")
    lazy = stories is not None and not isinstance(stories, (list, tuple))
    if not lazy or list(data)[-1] != "stories":
        yield from encoder.iterencode({**data, "stories": list(stories)} if lazy else data)
        yield "\n"
        return
    head = encoder.encode({**data, "stories": []})  # ends '"stories": []\n}', stories being last
    yield head[: -len("[]\n}")]
    first = True
    for story in stories:
        # the list sits two levels deep: each line of a story's own encoding moves in by two
        yield ("[\n  " if first else ",\n  ") + encoder.encode(story).replace("\n", "\n  ")
        first = False
    yield "[]\n}\n" if first else "\n ]\n}\n"


@functools.lru_cache(maxsize=1)
def _umask() -> int:
    """The process's umask, read once (reading it means setting it: never while threads write)."""
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Write ``text`` (a string, or its pieces in order) to a temporary file beside ``path``, then
    rename it over: a full or read-only disk leaves the earlier report whole and raises
    OutputError (one clear line), never half a file."""
    import os
    import tempfile

    from ..errors import OutputError

    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.chmod(fd, 0o666 & ~_umask())  # mkstemp makes the file private; a report is read by others
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            if isinstance(text, str):
                handle.write(text)
            else:
                handle.writelines(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise OutputError(f"{path}: could not be written ({exc.strerror or exc})") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
