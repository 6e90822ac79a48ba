"""Ingest: files, folders, URLs, RSS/Atom feeds, JSONL and WARC -> Article.

``load_articles`` reads everything it is given and never stops for one bad input: what
cannot be read becomes a :class:`~newsprism.model.Skipped` that says what is wrong and what
to do. Module map: ``sources`` (inputs, folders, ids), ``readers`` (one per kind),
``text`` / ``html`` / ``feeds`` / ``jsonl`` / ``warc`` (the formats), ``decode`` (bytes ->
text), ``urls`` (fetching), ``outlets`` (who published it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..errors import EmptyInput, InputError, NotEnglish
from ..model import Article, Skipped
from ..normalize import text_fingerprint  # one definition, shared with dedup and the store
from .language import detect_language
from .outlets import OutletMap
from .readers import ReadContext, read_item
from .records import Draft, FileRef
from .sources import IdAllocator, UrlInput, expand_inputs, file_keys
from .urls import Fetcher, host_of

Progress = Callable[[str, int, int], None]  # (stage, done, total)
PROGRESS_STAGE = "read"
FETCH_AHEAD = 8  # URL inputs fetched in the background ahead of the one being read


@dataclass(frozen=True)
class LoadResult:
    articles: list[Article]
    skipped: list[Skipped]
    notes: list[str] = field(default_factory=list)  # things worth knowing that are not failures

    def __iter__(self):
        """``articles, skipped = load_articles(...)`` works too."""
        return iter((self.articles, self.skipped))


def load_articles(
    inputs: Iterable[str],
    *,
    outlet_map: str | None = None,
    max_bytes: int = 20_000_000,
    timeout: float = 20.0,
    progress: Progress | None = None,
    allow_private_hosts: bool | None = None,
) -> LoadResult:
    """Read files, folders (recursively), http(s) article or feed URLs, JSONL and WARC files.

    Raises only for the run as a whole (an unreadable ``outlet_map``: ConfigError); a bad
    input becomes an entry of ``skipped``. URLs on loopback, private or link-local addresses
    are refused unless ``allow_private_hosts`` (None: the NEWSPRISM_ALLOW_PRIVATE_HOSTS variable).
    """
    outlets = OutletMap.load(outlet_map)
    items, skipped = expand_inputs([inputs] if isinstance(inputs, str) else inputs)
    keys = file_keys([item for item in items if isinstance(item, FileRef)])
    ids = IdAllocator()
    articles: list[Article] = []
    with Fetcher(timeout=timeout, max_bytes=max_bytes, allow_private_hosts=allow_private_hosts) as fetcher:
        ctx = ReadContext(fetcher=fetcher, max_bytes=max_bytes)
        if progress:
            progress(PROGRESS_STAGE, 0, len(items))
        urls = [(n, item.url) for n, item in enumerate(items) if isinstance(item, UrlInput)]
        for done, item in enumerate(items, 1):
            where = item.display if isinstance(item, FileRef) else item.url
            if len(urls) > 1:  # fetch the next few URL inputs while this one is read
                ctx.fetch_ahead([url for n, url in urls if done - 1 <= n < done - 1 + FETCH_AHEAD])
            try:
                for found in read_item(item, keys.get(item, ""), ctx):
                    refused = found if isinstance(found, Skipped) else refusal(found)
                    if refused is not None:
                        skipped.append(refused)
                    else:
                        articles.append(make_article(found, ids, outlets))
                        if found.note:
                            ctx.notes.append(f"{found.source}: {found.note}")
            except InputError as exc:
                skipped.append(Skipped(where, exc.line(), exc.code))
            except OSError as exc:
                error = InputError(f"could not be read ({exc.strerror or exc})", hint="check that the file is readable (permissions, disk)")
                skipped.append(Skipped(where, error.line(), error.code))
            except Exception as exc:  # a library failing on one odd input must not stop the batch
                error = InputError(f"could not be read ({type(exc).__name__}: {exc})",
                                   hint="check that the input is what its name says; please report it if it is")
                skipped.append(Skipped(where, error.line(), error.code))
            if progress:
                progress(PROGRESS_STAGE, done, len(items))
    return LoadResult(articles, skipped, ctx.notes)


def refusal(draft: Draft) -> Skipped | None:
    """Why a readable draft is still not analysed (no text; not English), or None (public: watch uses it)."""
    if not draft.text.strip():
        error: InputError = EmptyInput("no text")
    else:
        language = detect_language(draft.text)
        if language.english:
            return None
        error = NotEnglish(f"language {language.code}: not analysed ({language.evidence})")
    return Skipped(draft.where, error.line(), error.code)


def make_article(draft: Draft, ids: IdAllocator, outlets: OutletMap) -> Article:
    """A Draft -> an Article with ingest's id and outlet rules (public: watch uses it)."""
    host = host_of(draft.url) if draft.url else ""
    mapped, meta = None, None
    if draft.file is not None:
        mapped = outlets.for_file(draft.file)
        meta = outlets.meta_for_file(draft.file)  # the map may give a file its date and URL
    outlet = mapped or outlets.for_host(host) or draft.outlet or draft.site_name or host or draft.fallback_outlet or draft.source
    return Article(
        id=ids.take(draft.id_hint),
        outlet=outlet,
        text=draft.text,
        title=draft.title,
        url=(meta.url if meta and meta.url else None) or draft.url,
        published=(meta.published if meta and meta.published else None) or draft.published,
        author=draft.author,
        site_name=draft.site_name,
        source=draft.source,
        fingerprint=text_fingerprint(draft.text),
        note=draft.note,
    )


_article = make_article  # the old private name

__all__ = ["LoadResult", "load_articles", "make_article", "refusal", "text_fingerprint"]
