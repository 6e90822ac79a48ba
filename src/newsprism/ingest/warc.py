"""WARC (and ARC) archives, as news crawls store them: every HTML response is an article,
its target URI the article's URL. Records are streamed; the size cap applies to each record.

Records that are not pages (requests, metadata, images, scripts, redirects) are not
articles: they are counted and named in one note rather than listed one by one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from ..errors import InputError, MalformedRecord, TooLargeInput
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


def read_warc(ref: FileRef, *, max_bytes: int, tally: WarcTally) -> Iterator[Draft | Skipped]:
    from warcio.archiveiterator import ArchiveIterator

    with ref.path.open("rb") as stream:
        for record in ArchiveIterator(stream, arc2warc=True):
            item = _record(record, ref, max_bytes, tally)
            if item is not None:
                yield item


def _record(record, ref: FileRef, max_bytes: int, tally: WarcTally) -> Draft | Skipped | None:
    if record.rec_type not in ("response", "resource"):
        tally.add(f"{record.rec_type} records")
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    if record.rec_type == "response":
        if record.http_headers is None:
            tally.add("responses without HTTP headers")
            return None
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            tally.add(f"HTTP {status} responses")
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    media_type = content_type.split(";")[0].strip().lower()
    where = f"{uri} in {ref.display}"
    try:
        body = record.content_stream().read(max_bytes + 1)
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
    """A record cut off by a truncated archive holds fewer bytes than its HTTP headers promise."""
    if record.http_headers is None or record.http_headers.get_header("Content-Encoding"):
        return  # decoded bodies differ in length from what was sent
    declared = (record.http_headers.get_header("Content-Length") or "").strip()
    if declared.isdigit() and len(body) < int(declared):
        raise MalformedRecord(f"the record is cut off ({len(body)} of {declared} bytes)",
                              hint="the archive is truncated; copy it again or repair it with warcio")
