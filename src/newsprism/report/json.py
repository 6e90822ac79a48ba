"""report.json: the contract in DESIGN.md (``Report.to_dict()``), validated by the shipped schema."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..model import Report


def report_to_json(report: Report, *, indent: int | None = 1) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=indent)


def write_json(report: Report, path: Path) -> Path:
    path.write_text(report_to_json(report) + "\n", encoding="utf-8")
    return path


@lru_cache(maxsize=1)
def report_schema() -> dict[str, Any]:
    text = resources.files("newsprism").joinpath("schema/report.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def validate_report(data: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when ``data`` breaks the report contract."""
    import jsonschema

    jsonschema.validate(data, report_schema())
