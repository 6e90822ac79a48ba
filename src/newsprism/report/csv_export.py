"""CSV exports for spreadsheets: claims.csv, quotes.csv, figures.csv, naming.csv.

One row per item and outlet, each with the article id, character offsets into the article's
text and the article's URL, so every row can be checked against report.json. Works on the
report contract (dicts), like the other writers, for ``--format csv`` and the web app's
downloads alike.

Files are UTF-8 with a byte-order mark (spreadsheets then read accents right). A cell that
starts with ``= + - @`` (or a tab or carriage return) gets a leading ``'`` so a spreadsheet
shows it as text instead of running it as a formula (article text is untrusted).
"""

from __future__ import annotations

import csv
import io
from typing import Any, Iterable, Iterator, Mapping

Dict = Mapping[str, Any]

TABLES = ("claims", "quotes", "figures", "naming")
FILE_NAMES = {name: f"{name}.csv" for name in TABLES}

_HEADERS = {
    "claims": ["story_id", "story_title", "claim_id", "status", "claim", "outlet", "article_id", "role", "start", "end", "words", "url", "corrected"],
    "quotes": ["story_id", "story_title", "quote_id", "outlet", "article_id", "speaker", "direct", "start", "end", "words", "also_in", "url", "corrected"],
    "figures": ["story_id", "story_title", "figure_id", "what", "status", "outlet", "article_id", "value", "value_max", "qualifier", "start", "end", "words", "url", "corrected"],
    "naming": ["story_id", "story_title", "referent", "outlet", "article_id", "term", "start", "end", "url", "corrected"],
}


def header(table: str) -> list[str]:
    return list(_HEADERS[table])


def _safe(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _yes(value: Any) -> str:
    return "yes" if value else ""


def rows(data: Dict, table: str, story_ids: Iterable[str] | None = None) -> Iterator[list[Any]]:
    """The rows of one table for the report (or only the stories named)."""
    articles = {a.get("id"): a for a in data.get("articles") or []}
    wanted = set(story_ids) if story_ids is not None else None
    for story in data.get("stories") or []:
        if wanted is not None and str(story.get("id")) not in wanted:
            continue
        yield from _ROWS[table](story, articles)


def _base(story: Dict) -> list[Any]:
    return [story.get("id"), story.get("title")]


def _where(articles: Mapping[str, Dict], aid: Any) -> tuple[str, str]:
    a = articles.get(aid) or {}
    return a.get("outlet") or str(aid), a.get("url") or ""


def _claims(story: Dict, articles: Mapping[str, Dict]) -> Iterator[list[Any]]:
    for c in story.get("claims") or []:
        for role, spans in (("reports", c.get("support") or []), ("contradicts", c.get("contradicted_by") or [])):
            for ev in spans:
                outlet, url = _where(articles, ev.get("article_id"))
                yield _base(story) + [c.get("id"), c.get("status"), c.get("text"), outlet, ev.get("article_id"), role,
                                      ev.get("start"), ev.get("end"), ev.get("text"), url, _yes(c.get("corrected"))]


def _quotes(story: Dict, articles: Mapping[str, Dict]) -> Iterator[list[Any]]:
    for q in story.get("quotes") or []:
        outlet, url = _where(articles, q.get("article_id"))
        speaker = (q.get("speaker") or {}).get("name") or ""
        yield _base(story) + [q.get("id"), outlet, q.get("article_id"), speaker, _yes(q.get("direct")), q.get("start"), q.get("end"),
                              q.get("text"), " ".join(q.get("also_in") or []), url, _yes(q.get("corrected"))]


def _figures(story: Dict, articles: Mapping[str, Dict]) -> Iterator[list[Any]]:
    for f in story.get("figures") or []:
        for v in f.get("values") or []:
            outlet, url = _where(articles, v.get("article_id"))
            yield _base(story) + [f.get("id"), f.get("what"), f.get("status"), outlet, v.get("article_id"), v.get("value"),
                                  v.get("value_max"), v.get("qualifier"), v.get("start"), v.get("end"), v.get("text"), url,
                                  _yes(f.get("corrected"))]


def _naming(story: Dict, articles: Mapping[str, Dict]) -> Iterator[list[Any]]:
    for row in story.get("framing") or []:
        evidence = list(row.get("evidence") or [])
        for aid, terms in sorted((row.get("terms") or {}).items()):
            outlet, url = _where(articles, aid)
            for term in terms or []:
                ev = next((e for e in evidence if e.get("article_id") == aid and (e.get("text") or "").casefold() == str(term).casefold()), {})
                yield _base(story) + [row.get("referent"), outlet, aid, term, ev.get("start", ""), ev.get("end", ""), url,
                                      _yes(row.get("corrected"))]


_ROWS = {"claims": _claims, "quotes": _quotes, "figures": _figures, "naming": _naming}


def render_csv(data: Dict, table: str, story_ids: Iterable[str] | None = None) -> str:
    """One table as CSV text (with a byte-order mark)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header(table))
    for row in rows(data, table, story_ids):
        writer.writerow([_safe("" if v is None else v) for v in row])
    return "\ufeff" + buffer.getvalue()
