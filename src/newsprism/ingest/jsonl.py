"""JSON Lines: one article a line, ``text`` required; ``title``, ``url``, ``outlet``,
``published``, ``id``, ``author`` optional. Streamed, so a file of any size is read one
line at a time; a bad line is skipped with its line number and the others are kept.
"""

from __future__ import annotations

import gzip
import json
import zlib
from typing import Iterator

from ..errors import EmptyInput, InputError, MalformedRecord, TooLargeInput
from ..model import Skipped
from .dates import normalize_published
from .decode import decode_bytes, human_size
from .records import Draft, FileRef

OPTIONAL_TEXT_FIELDS = ("title", "url", "outlet", "author")


def read_jsonl(ref: FileRef, id_prefix: str, *, max_bytes: int) -> Iterator[Draft | Skipped]:
    opener = gzip.open if ref.path.name.lower().endswith(".gz") else open
    records = 0
    with opener(ref.path, "rb") as handle:
        for number, raw in enumerate(_lines(handle), 1):
            if not raw.strip():
                continue
            records += 1
            where = f"{ref.display}:{number}"
            try:
                yield _record(raw, number, ref, id_prefix, where, max_bytes)
            except (MalformedRecord, TooLargeInput) as exc:
                yield Skipped(where, exc.line(), exc.code)
    if not records:
        raise EmptyInput("the file holds no JSON lines")


def _lines(handle) -> Iterator[bytes]:
    """The file's lines; a cut-off or damaged gzip file ends them with one clear error (the lines
    before the break have been read and are kept)."""
    number = 0
    while True:
        try:
            raw = handle.readline()
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            where = f"after line {number}" if number else "before its first line"
            raise MalformedRecord(f"the compressed file is cut off or damaged {where} ({exc})",
                                  hint="the lines before the break were read; copy the file again") from None
        if not raw:
            return
        number += 1
        yield raw


def _decoded(raw: bytes, number: int) -> str:
    """JSON Lines are UTF-8; a line in another encoding (cp1252 exports) is detected rather than lost."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return decode_bytes(raw)
    except InputError:
        raise MalformedRecord(f"line {number} is not UTF-8 and no text encoding fits it",
                              hint="save the file as UTF-8; JSON Lines are UTF-8") from None


def _record(raw: bytes, number: int, ref: FileRef, id_prefix: str, where: str, max_bytes: int) -> Draft:
    if len(raw) > max_bytes:
        raise TooLargeInput(f"line {number} is {human_size(len(raw))}, over the {human_size(max_bytes)} limit")
    try:
        record = json.loads(_decoded(raw, number))
    except json.JSONDecodeError as exc:
        raise MalformedRecord(f"line {number} is not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise MalformedRecord(f"line {number} is a JSON {type(record).__name__}, not an object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        problem = "has no \"text\"" if text is None else "has an empty \"text\"" if isinstance(text, str) else "has a \"text\" that is not a string"
        raise MalformedRecord(f"line {number} {problem}")
    fields: dict[str, str | None] = {}
    for name in OPTIONAL_TEXT_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise MalformedRecord(f"line {number}: \"{name}\" must be a string, not {type(value).__name__}")
        fields[name] = (value.strip() or None) if isinstance(value, str) else None
    record_id = record.get("id")
    if record_id is not None and not isinstance(record_id, (str, int)):
        raise MalformedRecord(f"line {number}: \"id\" must be a string or a number")
    record_id = str(record_id).strip() if record_id is not None else ""
    return Draft(
        text=text.replace("\r\n", "\n"),
        source=where,
        id_hint=record_id or f"{id_prefix}-{number}",
        title=fields["title"],
        url=fields["url"],
        published=normalize_published(record.get("published")),
        author=fields["author"],
        outlet=fields["outlet"],
        fallback_outlet=ref.stem,
        file=ref,
    )
