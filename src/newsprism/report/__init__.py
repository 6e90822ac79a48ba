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
        path.write_text(_renderer(fmt)(report) + "\n", encoding="utf-8")
        written.append(path)
    return written
