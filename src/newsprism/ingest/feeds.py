"""RSS and Atom feeds: each entry's page is fetched and extracted; when the page cannot be
used, the entry's own content or summary stands in, and the article says so in its ``note``."""

from __future__ import annotations

from typing import Iterator

from ..errors import EmptyInput, InputError, MalformedRecord, UnsupportedInput
from ..model import Skipped
from .dates import iso_from_struct
from .decode import human_size
from .html import fragment_to_text, looks_like_html, page_from_bytes
from .records import Draft, FileRef
from .urls import Fetched, Fetcher, url_slug

FEED_CONTENT_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"\x00" in head[:64]:  # UTF-16/32 (with or without a BOM): look at the decoded text
        head = _wide_head(data[:8192]).lower().encode("utf-8", "replace")
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _wide_head(data: bytes) -> str:
    import codecs

    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, "ignore")
    nul = [data[i::4].count(0) for i in range(4)]
    if min(nul[1:]) > len(data) // 5:  # "<\0\0\0": UTF-32 LE
        return data[: len(data) // 4 * 4].decode("utf-32-le", "ignore")
    if min(nul[:3]) > len(data) // 5:
        return data[: len(data) // 4 * 4].decode("utf-32-be", "ignore")
    encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
    return data[: len(data) // 2 * 2].decode(encoding, "ignore")


# Parsed text may not outgrow the file by more than this: a feed's markup and escapes (&lt;p&gt;) only
# ever shrink when parsed, so growth means XML entities the feed declares itself (an entity bomb:
# 359 bytes grew to 300,000 characters and took 48 s to analyse). expat refuses the huge ones itself.
MAX_GROWTH, GROWTH_SLACK = 2, 10_000


def parse_feed(data: bytes):
    """feedparser's parse, refused with one clear line when the feed's own entities blow it up
    (public: watch parses its feeds with it)."""
    import feedparser

    parsed = feedparser.parse(data)
    grown = _parsed_chars(parsed)
    if grown > MAX_GROWTH * len(data) + GROWTH_SLACK:
        raise MalformedRecord(f"the feed's own XML entities expand its {human_size(len(data))} to {grown:,} characters "
                              "(an entity-expansion bomb); it was not read",
                              hint="give a feed that does not declare XML entities of its own")
    return parsed


def _parsed_chars(parsed) -> int:
    """Characters of text feedparser produced (titles, summaries, contents), stopping once it is clear."""
    total = 0
    for item in [parsed.feed, *parsed.entries]:
        for key in ("title", "subtitle", "summary", "description", "author"):
            value = item.get(key)
            total += len(value) if isinstance(value, str) else 0
        for content in item.get("content") or ():
            total += len(content.get("value") or "")
    return total


def read_feed(data: bytes, source: str, fetcher: Fetcher, *, id_prefix: str, file: FileRef | None = None,
              fallback_outlet: str | None = None) -> Iterator[Draft | Skipped]:
    parsed = parse_feed(data)
    if not parsed.get("version") and not parsed.entries:
        problem = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        raise MalformedRecord(f"this is not an RSS or Atom feed{problem}",
                              hint="give the feed's own URL or file (RSS 2.0, RSS 1.0 or Atom)")
    if not parsed.entries:
        raise EmptyInput("the feed has no entries", hint="nothing to read yet; try again when the feed has items")
    channel = _plain(parsed.feed.get("title"))
    entries = list(parsed.entries)
    links = [entry.get("link") or "" for entry in entries]
    fetched = dict(fetcher.fetch_many(sorted({link for link in links if link})))
    for number, (entry, link) in enumerate(zip(entries, links), 1):
        outcome = fetched.get(link) if link else None
        yield entry_draft(entry, number, link, outcome, source, id_prefix, channel, file, fallback_outlet)


def entry_draft(entry, number: int, link: str, outcome: Fetched | InputError | None, source: str, id_prefix: str,
           channel: str | None, file: FileRef | None, fallback_outlet: str | None) -> Draft | Skipped:
    """One feed entry as a Draft (its page's text, else the entry's own text with a note), or
    Skipped when neither can be used; ``outcome`` is the fetch of ``link`` (public: watch uses it)."""
    title = _plain(entry.get("title"))
    published = iso_from_struct(entry.get("published_parsed") or entry.get("updated_parsed"))
    common = dict(source=link or f"{source} entry {number}", id_hint=url_slug(link) if link else f"{id_prefix}-{number}",
                  file=file, fallback_outlet=fallback_outlet, entry_of=f"{source}, entry {number}" if link else None)
    if isinstance(outcome, Fetched):
        try:
            page = _page(outcome)
            return Draft(text=page.text, title=title or page.title, url=outcome.final_url,
                         published=published or page.published, author=page.author or _plain(entry.get("author")),
                         site_name=page.site_name or channel, **common)
        except InputError as exc:
            failure: InputError = exc
    elif isinstance(outcome, InputError):
        failure = outcome
    else:
        failure = MalformedRecord("the entry has no link to its page")
    own_text, kind = _entry_text(entry)
    if not own_text:
        where = f"{link} ({source}, entry {number})" if link else f"{source} entry {number}"
        return Skipped(where, f"[{failure.code}] {failure.message}, and the feed entry has no text of its own"
                              + (f" -- {failure.hint}" if failure.hint else ""), failure.code)
    note = f"the text is the feed entry's {kind}: the page could not be used ({failure.message})"
    return Draft(text=own_text, title=title, url=link or None, published=published, author=_plain(entry.get("author")),
                 site_name=channel, note=note, **common)


_entry = entry_draft  # the old private name


def _page(fetched: Fetched):
    if fetched.content_type in ("text/html", "application/xhtml+xml") or looks_like_html(fetched.body):
        return page_from_bytes(fetched.body, fetched.final_url, fetched.charset)
    raise UnsupportedInput(f"the page is {fetched.content_type or 'of unknown type'}, not HTML")


def _entry_text(entry) -> tuple[str, str]:
    """The entry's full content when it has one, else its summary, as plain text."""
    for item in entry.get("content") or ():
        text = fragment_to_text(item.get("value") or "")
        if text:
            return text, "content"
    text = fragment_to_text(entry.get("summary") or "")
    return (text, "summary") if text else ("", "")


def _plain(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(fragment_to_text(value).split()) or None

