"""One self-contained HTML report, and the pages the web app serves, from the same templates.

Everything works on the report contract (``Report.to_dict()``), so a static report, a folder of
report.json files and a store all render the same way. Safety rules:
- every string from an article goes through Jinja autoescape; the inline script builds DOM with
  ``textContent`` only;
- report data is embedded as JSON in ``<script type="application/json">`` with ``< > &`` and
  U+2028/2029 escaped;
- only http(s) URLs become links (``rel="noopener noreferrer"``), anything else is shown as text;
- a strict Content-Security-Policy (``default-src 'none'``) allows only the inline style and
  script whose SHA-256 hashes it names, so injected markup could not run even if it got through.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

from jinja2 import Environment, FileSystemLoader, Undefined
from markupsafe import Markup

from ..model import Report
from .html_view import StoryPage, articles_index, segment  # noqa: F401  (segment: part of this module's API)

TEMPLATES = Path(__file__).parent / "templates"
FAVICON = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M8 1 15 14H1z' fill='%23335'/%3E%3C/svg%3E"

# highlight classes shown in article texts: css class -> legend label
HIGHLIGHTS = {"q": "quotes", "ld": "loaded terms", "cta": "calls to action", "fg": "figures"}

Dict = Mapping[str, Any]


# ---------------------------------------------------------------- public entry points


def render_html(report: Report) -> str:
    """The whole report as one self-contained HTML page: story list, then every story."""
    return render_report_dict(report.to_dict())


def render_report_dict(data: Dict) -> str:
    return "".join(report_html_chunks(data))


def report_html_chunks(data: Dict) -> Iterator[str]:
    """The self-contained report page, piece by piece, in two passes over the stories: the
    first makes the story list and each article's column label, the second each story's
    section. A story's page (its texts cut into runs) lives only while it is written, so a
    report of 10,000 articles is written in the memory of one story, not of all of them."""
    stories = data.get("stories") or []
    by_id = articles_index(data)
    rows: list[dict[str, Any]] = []
    labels: dict[Any, str] = {}
    for n, story in enumerate(stories):
        page = StoryPage(data, story, key=str(story.get("id", n)), articles_by_id=by_id)
        rows.append(page.row())
        labels.update(page.labels)
    pages = (StoryPage(data, story, key=str(story.get("id", n)), articles_by_id=by_id) for n, story in enumerate(stories))
    return _render(
        "report.html.j2",
        title=_report_title(data, rows),
        rows=rows,
        stories=pages,
        story_href=lambda key: "#story-" + key,
        skipped=list(data.get("skipped") or []),
        version=data.get("newsprism_version", ""),
        data={"articles": _articles_json(by_id, labels)},
        static=True,
        chunks=True,
    )


def render_index_page(rows: Sequence[Dict], *, query: str = "", skipped: Sequence[Dict] = (), source: str = "",
                      filters: Mapping[str, Any] | None = None, outlets: Sequence[str] = (), total: int | None = None) -> str:
    """The web app's searchable, filterable story list (rows from :meth:`StoryPage.row`)."""
    return _render(
        "index.html.j2",
        title="newsprism: stories",
        rows=list(rows),
        query=query,
        filters=dict(filters or {"q": query}),
        outlets=list(outlets),
        total=len(rows) if total is None else total,
        story_href=lambda key: "/stories/" + _url_quote(key),
        skipped=list(skipped),
        source=source,
        data={"articles": {}},
        static=False,
    )


def render_story_page(data: Dict, story: Dict, *, key: str, pair: tuple[str, str] | None = None,
                      downloads: bool = False, corrections: bool = False) -> str:
    """The web app's page for one story of a report dict (``pair``: two article ids to compare)."""
    page = StoryPage(data, story, key=key)
    page.selected_pair = pair
    return _render(
        "story.html.j2",
        title=page.title,
        page=page,
        story_href=lambda k: "/stories/" + _url_quote(k),
        downloads=downloads,
        corrections=corrections,
        csv_tables=("claims", "quotes", "figures", "naming"),
        data={"articles": _articles_json({a["id"]: a for a in page.articles}, page.labels)},
        static=False,
    )


def render_not_found(message: str, *, status: int = 404) -> str:
    """A page for a missing story (or a refused write), with a link back to the list."""
    return _render("not_found.html.j2", title=f"newsprism: {status}", message=message, status=status,
                   data={"articles": {}}, static=False)


def story_row(data: Dict, story: Dict, *, key: str) -> dict[str, Any]:
    """The story-list entry: title, outlets, number of articles, last update."""
    return StoryPage(data, story, key=key).row()


# ---------------------------------------------------------------- rendering plumbing


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every template, whatever its extension
        undefined=Undefined,  # a report from an older version may lack optional fields
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.do"],
    )
    env.filters["safe_url"] = safe_url
    env.filters["num"] = _format_number
    return env


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str]:
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    js = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    return css, js


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(*, static: bool) -> str:
    css, js = _assets()
    policy = [
        "default-src 'none'",
        f"script-src {_csp_hash(js)}",
        f"style-src {_csp_hash(css)}",
        "img-src data:",
        "base-uri 'none'",
        "form-action " + ("'none'" if static else "'self'"),
    ]
    return "; ".join(policy)


def _render(template: str, *, chunks: bool = False, **context: Any) -> Any:
    """The page as one string, or (``chunks``) as an iterator of its pieces."""
    css, js = _assets()
    compiled = _environment().get_template(template)
    return (compiled.generate if chunks else compiled.render)(
        css=Markup(css),
        js=Markup(js),
        csp=content_security_policy(static=context["static"]),
        favicon=FAVICON,
        highlights=HIGHLIGHTS,
        data_json=Markup(json_for_script(context.pop("data"))),
        **context,
    )


def json_for_script(value: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">`` (no ``</script>``, no U+2028)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


_SAFE_URL = re.compile(r"^https?://[^\s\"'<>]+$", re.IGNORECASE)


def safe_url(url: Any) -> str | None:
    """The URL if it is plain http(s), else None (shown as text, never linked)."""
    if isinstance(url, str) and _SAFE_URL.match(url.strip()):
        return url.strip()
    return None


def _url_quote(key: str) -> str:
    from urllib.parse import quote

    return quote(key, safe="")


def _format_number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _report_title(data: Dict, rows: Sequence[Dict]) -> str:
    if len(rows) == 1:
        return f"newsprism: {rows[0]['title']}"
    return f"newsprism: {len(rows)} stories from {len(data.get('articles', []))} articles"


def _articles_json(articles_by_id: Mapping[Any, Dict], labels: Mapping[Any, str]) -> dict[str, Any]:
    """What the script needs to show a cited passage: the outlet, column label and text of each
    article the pages show (``labels``: article id -> its column label, in page order)."""
    out: dict[str, Any] = {}
    for aid, label in labels.items():
        a = articles_by_id[aid]
        out[a["id"]] = {"outlet": a.get("outlet", ""), "label": label, "text": a.get("text", "")}
    return out


# ---------------------------------------------------------------- helpers used by the web app


def looks_like_report(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("stories"), list) and isinstance(value.get("articles"), list)

