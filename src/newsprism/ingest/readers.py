"""One reader per kind of input; each yields drafts (articles before ids) or skipped records,
and raises an InputError when the input as a whole cannot be read."""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Iterator

from ..errors import InputError, MalformedRecord, MissingInput, UnsupportedInput
from ..model import Skipped
from .decode import decode_bytes, decode_note, read_capped
from .feeds import FEED_CONTENT_TYPES, looks_like_feed, read_feed
from .html import looks_like_html, page_from_bytes
from .jsonl import read_jsonl
from .records import Draft, FileRef
from .sources import UrlInput, file_kind
from .text import parse_text
from .urls import Fetched, Fetcher, url_slug
from .warc import WarcTally, read_warc


@dataclass
class ReadContext:
    fetcher: Fetcher
    max_bytes: int
    notes: list[str] = field(default_factory=list)
    prefetched: dict[str, Future] = field(default_factory=dict)  # URL inputs fetched ahead of their turn

    def fetch_ahead(self, urls: list[str]) -> None:
        new = [url for url in urls if url not in self.prefetched]
        if new:
            self.prefetched.update(self.fetcher.prefetch(new))


def read_item(item: FileRef | UrlInput, key: str, ctx: ReadContext) -> Iterator[Draft | Skipped]:
    if isinstance(item, UrlInput):
        yield from read_url(item.url, ctx)
    else:
        yield from read_file(item, key, ctx)


def read_file(ref: FileRef, key: str, ctx: ReadContext) -> Iterator[Draft | Skipped]:
    if not ref.path.exists():
        raise MissingInput("the file disappeared while the batch was read")
    if not ref.path.is_file():
        raise UnsupportedInput("not a regular file (a pipe, socket or device)", hint="give regular files or folders")
    kind = file_kind(ref.path.name)
    if kind is None:
        suffix = ref.path.suffix.lower()
        raise UnsupportedInput(f"{suffix} files are not supported")
    if kind == "jsonl":
        yield from read_jsonl(ref, key, max_bytes=ctx.max_bytes)
        return
    if kind == "warc":
        tally = WarcTally()
        try:
            yield from read_warc(ref, max_bytes=ctx.max_bytes, tally=tally)
        finally:  # also when the archive breaks part way: what was passed over before the break
            if tally.summary():
                ctx.notes.append(f"{ref.display}: {tally.summary()}")
        return
    data = read_capped(ref.path, ctx.max_bytes)
    if kind == "sniff":
        kind = sniff_kind(data)
    common = dict(source=ref.display, id_hint=key, file=ref, fallback_outlet=ref.stem)
    if kind == "feed":
        if not looks_like_feed(data):
            raise UnsupportedInput("the file is XML but not an RSS or Atom feed")
        yield from read_feed(data, ref.display, ctx.fetcher, id_prefix=key, file=ref, fallback_outlet=ref.stem)
    elif kind == "html":
        page = page_from_bytes(data)
        yield Draft(text=page.text, title=page.title, url=page.url, published=page.published,
                    author=page.author, site_name=page.site_name, note=page.note, **common)
    else:
        decoded = decode_bytes(data)
        fields = parse_text(decoded)
        yield Draft(text=fields.text, title=fields.title, published=fields.published, note=decode_note(decoded), **common)


def sniff_kind(data: bytes) -> str:
    """The kind of a file without extension, from its first bytes."""
    if looks_like_feed(data):
        return "feed"
    if looks_like_html(data):
        return "html"
    return "text"


def read_url(url: str, ctx: ReadContext) -> Iterator[Draft | Skipped]:
    ahead = ctx.prefetched.pop(url, None)
    fetched = ahead.result() if ahead is not None else ctx.fetcher.fetch(url)
    if isinstance(fetched, InputError):
        raise fetched
    yield from read_fetched(fetched, ctx)


def read_fetched(fetched: Fetched, ctx: ReadContext) -> Iterator[Draft | Skipped]:
    """An article page, a feed or a plain-text article, by content type (and first bytes)."""
    content_type = fetched.content_type
    common = dict(source=fetched.url, id_hint=url_slug(fetched.url))
    if content_type in FEED_CONTENT_TYPES or looks_like_feed(fetched.body):
        if not looks_like_feed(fetched.body):
            raise MalformedRecord(f"the URL serves {content_type} that is not an RSS or Atom feed",
                                  hint="give the URL of an article page or of an RSS/Atom feed")
        yield from read_feed(fetched.body, fetched.url, ctx.fetcher, id_prefix=url_slug(fetched.url))
    elif content_type in ("text/html", "application/xhtml+xml") or looks_like_html(fetched.body):
        page = page_from_bytes(fetched.body, fetched.final_url, fetched.charset)
        yield Draft(text=page.text, title=page.title, url=fetched.final_url, published=page.published,
                    author=page.author, site_name=page.site_name, note=page.note, **common)
    elif content_type == "text/plain":
        decoded = decode_bytes(fetched.body, fetched.charset)
        fields = parse_text(decoded)
        yield Draft(text=fields.text, title=fields.title, url=fetched.final_url, published=fields.published,
                    note=decode_note(decoded), **common)
    else:
        raise UnsupportedInput(f"the URL serves {content_type or 'content of unknown type'}, not an article page or a feed",
                               hint="give the URL of an HTML article page or of an RSS/Atom feed")

