"""WARC (and ARC) archives, as news crawls store them: every HTML response is an article,
its target URI the article's URL. Records are streamed; the size cap applies to each record.

Records that are not pages (requests, metadata, images, scripts, redirects) are not
articles: they are counted and named in one note rather than listed one by one.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import Iterator

from ..errors import EmptyInput, InputError, MalformedRecord, TooLargeInput
from ..model import Skipped
from .decode import human_size
from .html import looks_like_html, page_from_bytes
from .records import Draft, FileRef
from .urls import url_slug

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class WarcTally:
    """What an archive held besides articles, for the note the load prints."""

    passed_over: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str) -> None:
        self.passed_over[kind] = self.passed_over.get(kind, 0) + 1

    def summary(self) -> str | None:
        if not self.passed_over:
            return None
        parts = ", ".join(f"{n} {kind}" for kind, n in sorted(self.passed_over.items(), key=lambda kv: -kv[1]))
        return f"records that are not article pages were passed over: {parts}"


REPAIR_HINT = "the records before the break were read; copy the archive again, or repair it (warcio recompress)"


def read_warc(ref: FileRef, *, max_bytes: int, tally: WarcTally) -> Iterator[Draft | Skipped]:
    """Every article page of the archive; a break in it (a cut-off or damaged file) ends the read with
    one clear error after the records before the break, which are kept."""
    from warcio.archiveiterator import ArchiveIterator

    read = found = 0
    with ref.path.open("rb") as stream:
        records = ArchiveIterator(stream, arc2warc=True)
        iterator = iter(records)
        while True:
            try:
                record = next(iterator)
            except StopIteration:
                break
            except Exception as exc:  # noqa: BLE001 -- warcio fails in many ways on a broken archive (AttributeError, zlib.error...)
                raise _broken(read, _what_broke(exc)) from None
            if not record.rec_type:  # a header cut off part way: nothing after it can be trusted
                raise _broken(read, "a record header without its WARC-Type")
            if record.rec_headers.get_header("Content-Length") is None:  # mandatory, and written last:
                # a header cut inside its WARC-Type ("WARC-Type: r") or any field after it
                raise _broken(read, "a record header is cut off (no Content-Length)")
            read += 1
            item = _record(record, ref, max_bytes, tally)
            if item is not None:
                found += 1
                yield item
        _check_tail(ref, getattr(records, "offset", None), read)
    if not found:
        summary = tally.summary() or "no records"
        tally.passed_over.clear()  # said in the error line, not again in a note
        raise EmptyInput(f"the archive holds no article pages ({summary})",
                         hint="newsprism reads the HTML page responses of a WARC; give an archive of news pages")


def _what_broke(exc: Exception) -> str:
    """warcio's failure in words (its own messages quote raw bytes; AttributeError is a cut header)."""
    name = type(exc).__name__
    if name == "ArchiveLoadFailed":
        return "bytes that are not a WARC record where the next record should start"
    if isinstance(exc, AttributeError):
        return "a record header is cut off"
    if isinstance(exc, (EOFError, zlib.error)):
        return f"damaged compressed data: {exc}"
    return f"{name}: {exc}"


def _broken(read: int, detail: str) -> MalformedRecord:
    what = f"after {read} record{'s' if read != 1 else ''}" if read else "at its first record"
    return MalformedRecord(f"the archive is damaged or cut off {what} ({detail[:90]})", hint=REPAIR_HINT)


def _check_tail(ref: FileRef, offset: int | None, read: int) -> None:
    """warcio stops quietly at a partial record header at the end of a cut-off file: bytes past the
    last whole record that are not blank mean the archive was cut off."""
    if offset is None:
        return
    size = ref.path.stat().st_size
    if size <= offset:
        return
    with ref.path.open("rb") as stream:
        stream.seek(offset)
        tail = stream.read(4096)
    if tail.strip(b"\r\n\t \x00"):
        raise _broken(read, f"the last {human_size(size - offset)} are not a whole record")


def _record(record, ref: FileRef, max_bytes: int, tally: WarcTally) -> Draft | Skipped | None:
    if record.rec_type not in ("response", "resource"):
        tally.add(f"{record.rec_type} records")
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = f"{uri} in {ref.display}"
    if record.rec_type == "response":
        if record.http_headers is None:
            tally.add("responses without HTTP headers")
            return None
        status = record.http_headers.get_statuscode() or ""
        if not status:  # no status line: the HTTP headers were cut off (a truncated archive) or garbled
            exc = MalformedRecord("the record's HTTP headers are cut off or damaged (no status line)", hint=REPAIR_HINT)
            return Skipped(where, exc.line(), exc.code)
        if not status.startswith("2"):
            tally.add(f"HTTP {status} responses")
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    media_type = content_type.split(";")[0].strip().lower()
    try:
        try:
            body = record.content_stream().read(max_bytes + 1)
        except (OSError, EOFError, ValueError, zlib.error) as exc:  # damaged compressed data
            raise MalformedRecord(f"the record could not be read ({type(exc).__name__}: {exc})", hint=REPAIR_HINT) from None
        if len(body) > max_bytes:
            raise TooLargeInput(f"the record is over the {human_size(max_bytes)} limit")
        _check_complete(record, body)
        if media_type not in HTML_TYPES and not (not media_type and looks_like_html(body)):
            tally.add(f"{media_type or 'untyped'} records")
            return None
        charset = content_type.lower().split("charset=", 1)[1].strip(" \"'") if "charset=" in content_type.lower() else None
        page = page_from_bytes(body, uri or None, charset)
    except InputError as exc:
        return Skipped(where, exc.line(), exc.code)
    return Draft(text=page.text, source=where, id_hint=url_slug(uri) if uri else f"{ref.stem}-{record.rec_headers.get_header('WARC-Record-ID')}",
                 title=page.title, url=uri or None, published=page.published, author=page.author,
                 site_name=page.site_name, file=ref, fallback_outlet=ref.stem)


def _check_complete(record, body: bytes) -> None:
    """A record cut off by a truncated archive holds fewer bytes than its WARC (or HTTP) headers promise."""
    left = getattr(record.raw_stream, "limit", 0)  # bytes of the declared WARC Content-Length not there
    if isinstance(left, int) and left > 0:
        raise MalformedRecord(f"the record is cut off ({left} of its {record.length} bytes are missing)",
                              hint="the archive is truncated; copy it again or repair it with warcio")
    if record.http_headers is None or record.http_headers.get_header("Content-Encoding"):
        return  # decoded bodies differ in length from what was sent
    declared = (record.http_headers.get_header("Content-Length") or "").strip()
    if declared.isdigit() and len(body) < int(declared):
        raise MalformedRecord(f"the record is cut off ({len(body)} of {declared} bytes)",
                              hint="the archive is truncated; copy it again or repair it with warcio")
