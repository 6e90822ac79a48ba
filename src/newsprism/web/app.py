"""``newsprism serve``: a small FastAPI app over report.json files (or a store), bound to localhost.

Pages share their templates with the static report.html (``newsprism.report.html``):
``/`` lists the stories (``?q=`` searches titles, outlets, article texts, speakers, entities and
naming; ``outlet``, ``since``, ``until``, ``disputes`` filter; ``sort`` orders by date or size),
``/stories/{key}`` shows one (``?a=&b=`` compares two of its articles),
``/stories/{key}/claims.csv`` (quotes, figures, naming) downloads its CSV tables.
``/api/stories`` and ``/api/stories/{key}`` give the same data as JSON.
A missing story answers an HTML page with a link back (the JSON API answers JSON).
Corrections by a person (``POST /stories/{key}/corrections``, over a store) need the token
``serve`` prints at start.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict
from threading import Lock
from typing import TYPE_CHECKING, Any, Callable
from urllib.parse import parse_qs, quote

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from ..report.csv_export import TABLES, render_csv
from ..report.html import content_security_policy, render_index_page, render_not_found, render_story_page
from .sources import Catalog, ReportSource, StoryRef

if TYPE_CHECKING:  # imported with the store, when a store is served
    from .store_catalog import StoreCatalog

SORTS = {
    "date": lambda r: (r["last_update"] or "", r["n_articles"]),  # newest first
    "size": lambda r: (r["n_articles"], r["last_update"] or ""),  # biggest first
    "disputes": lambda r: (r["disputes"], r["n_articles"]),
}
RENDER_CACHE_SIZE = 64  # rendered story pages kept (per story version and comparison)
INDEX_CACHE_SIZE = 2  # story lists kept: apart from the pages, so rendering pages never evicts one


def _security_headers(response: Response) -> None:
    response.headers["Content-Security-Policy"] = content_security_policy(static=False)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"


class _Index:
    """The story list of one catalog: rows and search texts, built once per catalog version.
    Pages are taken one at a time and dropped: a store's stories are read as they come."""

    def __init__(self, catalog: Catalog | StoreCatalog):
        self.rows: list[dict[str, Any]] = []
        self.hay: dict[str, str] = {}
        for page in catalog.pages():
            self.rows.append(page.row())
            self.hay[page.key] = page.search_text()
        self.outlets = sorted({o for r in self.rows for o in r["outlets"]}, key=str.casefold)

    def select(self, *, q: str = "", outlet: str = "", since: str = "", until: str = "", disputes: bool = False,
               sort: str = "date") -> list[dict[str, Any]]:
        words = q.casefold().split()
        out = []
        for r in self.rows:
            if words and not all(w in self.hay[r["key"]] for w in words):
                continue
            if outlet and outlet not in r["outlets"]:
                continue
            # a story is in a date range when its coverage overlaps it; undated stories drop out of a range
            if since and not (r["last_update"] and r["last_update"][:10] >= since):
                continue
            if until and not (r["first_published"] and r["first_published"][:10] <= until):
                continue
            if disputes and not r["disputes"]:
                continue
            out.append(r)
        out.sort(key=SORTS.get(sort, SORTS["date"]), reverse=True)
        return out


class _Cache:
    """Small LRU of rendered pages; keys carry the catalog version, so an update is never stale."""

    def __init__(self, size: int = RENDER_CACHE_SIZE):
        self.size, self.items, self.lock = size, OrderedDict(), Lock()
        self.hits = self.misses = 0

    def get(self, key: tuple, make: Callable[[], Any]) -> Any:
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                self.hits += 1
                return self.items[key]
        value = make()
        with self.lock:
            self.misses += 1
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return value


class _Page:
    """A rendered page kept as bytes, and gzipped once: a story page carries its articles' full text
    (820 KB for the five seed articles), so sending it, not making it, is what a request costs."""

    def __init__(self, html: str):
        import gzip

        self.body = html.encode("utf-8")
        self.gzipped = gzip.compress(self.body, compresslevel=6, mtime=0)

    def response(self, accept_encoding: str) -> Response:
        headers = {"Vary": "Accept-Encoding"}
        if "gzip" in accept_encoding.lower():
            headers["Content-Encoding"] = "gzip"
            return Response(self.gzipped, media_type="text/html; charset=utf-8", headers=headers)
        return Response(self.body, media_type="text/html; charset=utf-8", headers=headers)


def create_app(source: str, *, token: str | None = None) -> FastAPI:
    """The app over ``source``: a report.json, a folder of report.json files, or a SQLite store.

    ``token``: what a write (a correction) must carry; a fresh random one when not given.
    """
    reports = ReportSource(source)
    reports.catalog()  # fail now on a broken source, not at the first request
    app = FastAPI(title="newsprism", docs_url=None, redoc_url=None, openapi_url=None,
                  on_shutdown=[reports.close])  # a store's connection
    app.state.reports = reports
    app.state.token = token or secrets.token_urlsafe(18)
    cache = _Cache()
    app.state.render_cache = cache
    indexes = _Cache(INDEX_CACHE_SIZE)  # a store's list is a pass over every story: not evicted by pages
    app.state.index_cache = indexes
    index_lock = Lock()  # one list built at a time: a reload of the page while a store's list is made waits for it

    @app.middleware("http")
    async def add_headers(request: Request, call_next):
        response = await call_next(request)
        _security_headers(response)
        return response

    @app.exception_handler(HTTPException)
    async def not_found(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return HTMLResponse(render_not_found(str(exc.detail), status=exc.status_code), status_code=exc.status_code)

    def index_of(catalog: Catalog | StoreCatalog) -> _Index:
        with index_lock:
            return indexes.get(("index", catalog.version), lambda: _Index(catalog))

    def load(catalog: Catalog | StoreCatalog, key: str) -> StoryRef:
        ref = catalog.get(key)  # a store's story is read now
        if ref is None:
            raise HTTPException(status_code=404, detail=f"There is no story {key!r} here.")
        return ref

    def find(key: str) -> tuple[Catalog | StoreCatalog, StoryRef]:
        catalog = reports.catalog()
        return catalog, load(catalog, key)

    @app.get("/", response_class=HTMLResponse)
    def index(q: str = "", outlet: str = "", since: str = "", until: str = "", disputes: str = "", sort: str = "date") -> HTMLResponse:
        catalog = reports.catalog()
        idx = index_of(catalog)
        filters = {"q": q, "outlet": outlet, "since": since, "until": until, "disputes": bool(disputes), "sort": sort}
        rows = idx.select(**filters)
        return HTMLResponse(render_index_page(rows, query=q, skipped=catalog.skipped, source=str(reports.path.name),
                                              filters=filters, outlets=idx.outlets, total=len(idx.rows)))

    for table in TABLES:
        def download(key: str, table: str = table) -> Response:
            _, ref = find(key)
            text = render_csv(ref.report, table, [str(ref.story.get("id"))])
            name = f"{_file_safe(ref.key)}-{table}.csv"
            return Response(text, media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{name}"'})

        app.add_api_route(f"/stories/{{key:path}}/{table}.csv", download, methods=["GET"])

    @app.post("/stories/{key:path}/corrections")
    async def correct(key: str, request: Request) -> Response:
        # a plain urlencoded form, read without python-multipart
        form = {k: v[0] for k, v in parse_qs((await request.body()).decode("utf-8", "replace"), keep_blank_values=True).items()}
        if not secrets.compare_digest(form.get("token", "").encode(), app.state.token.encode()):
            raise HTTPException(status_code=403, detail="A correction needs the token newsprism serve printed when it started.")
        _, ref = find(key)
        try:
            reports.add_correction(story_id=str(ref.story.get("id")), action=form.get("action", ""),
                                   target=form.get("target", ""), value=form.get("value", ""))
        except ValueError as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from None
        return RedirectResponse("/stories/" + quote(ref.key, safe=""), status_code=303)

    @app.get("/stories/{key:path}", response_class=HTMLResponse)
    def story(request: Request, key: str, a: str = "", b: str = "") -> Response:
        catalog = reports.catalog()
        pair = (a, b) if a and b else None

        def render() -> _Page:  # the story is read only when its page is not cached
            ref = load(catalog, key)
            return _Page(render_story_page(ref.report, ref.story, key=ref.key, pair=pair,
                                           downloads=True, corrections=reports.writable))

        page = cache.get(("story", catalog.version, key, pair, reports.writable), render)
        return page.response(request.headers.get("accept-encoding", ""))

    @app.get("/api/stories")
    def api_stories(q: str = "", outlet: str = "", since: str = "", until: str = "", disputes: str = "", sort: str = "date") -> JSONResponse:
        idx = index_of(reports.catalog())
        return JSONResponse(idx.select(q=q, outlet=outlet, since=since, until=until, disputes=bool(disputes), sort=sort))

    @app.get("/api/stories/{key:path}")
    def api_story(key: str) -> JSONResponse:
        _, ref = find(key)
        ids = set(ref.story.get("article_ids", []))
        articles = [a for a in ref.report.get("articles", []) if a.get("id") in ids]
        return JSONResponse({"story": ref.story, "articles": articles})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    return app


def _file_safe(key: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "-" for c in key)[:80] or "story"


def serve(source: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app with uvicorn (localhost by default: the reports may hold unpublished work).
    Prints the token a correction needs."""
    import uvicorn

    app = create_app(source)
    print(f"newsprism: serving {source} on http://{host}:{port}/")
    print(f"newsprism: corrections need this token (type it in the correction form): {app.state.token}", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
