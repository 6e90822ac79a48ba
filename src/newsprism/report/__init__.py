"""Report writers: JSON (the contract), Markdown, one self-contained HTML file, the terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from ..model import Report

FORMATS = ("json", "md", "html")
FILE_NAMES = {"json": "report.json", "md": "report.md", "html": "report.html"}


def _renderer(fmt: str) -> Callable[[Report], str]:
    if fmt == "json":
        from .json import report_to_json

        return report_to_json
    if fmt == "md":
        from .markdown import render_markdown

        return render_markdown
    from .html import render_html

    return render_html


def write_reports(report: Report, out_dir: Path, formats: Iterable[str] = FORMATS) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = out_dir / FILE_NAMES[fmt]
        write_atomic(path, _renderer(fmt)(report) + "\n")
        written.append(path)
    return written


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename it over: a full or read-only disk
    leaves the earlier report whole and raises OutputError (one clear line), never half a file."""
    import os
    import tempfile

    from ..errors import OutputError

    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
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
