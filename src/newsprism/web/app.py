"""``newsprism serve``: a small FastAPI app over report.json files (or a store), bound to localhost.

Pages share their templates with the static report.html (``newsprism.report.html``):
``/`` lists the stories (``?q=`` searches titles and outlets), ``/stories/{key}`` shows one.
``/api/stories`` and ``/api/stories/{key}`` give the same data as JSON.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from ..report.html import content_security_policy, render_index_page, render_story_page, story_row
from .sources import Catalog, ReportSource, StoryRef


def _security_headers(response: Response) -> None:
    response.headers["Content-Security-Policy"] = content_security_policy(static=False)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"


def _matches(row: dict[str, Any], query: str) -> bool:
    hay = " ".join([row["title"], *row["outlets"]]).casefold()
    return all(word in hay for word in query.casefold().split())


def _rows(catalog: Catalog) -> list[dict[str, Any]]:
    rows = [story_row(ref.report, ref.story, key=ref.key) for ref in catalog.stories.values()]
    # newest first; undated stories last
    rows.sort(key=lambda r: (r["last_update"] or "", r["n_articles"]), reverse=True)
    return rows


def create_app(source: str) -> FastAPI:
    """The app over ``source``: a report.json, a folder of report.json files, or a SQLite store."""
    reports = ReportSource(source)
    reports.catalog()  # fail now on a broken source, not at the first request
    app = FastAPI(title="newsprism", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.reports = reports

    @app.middleware("http")
    async def add_headers(request: Request, call_next):
        response = await call_next(request)
        _security_headers(response)
        return response

    def find(key: str) -> StoryRef:
        ref = reports.catalog().stories.get(key)
        if ref is None:
            raise HTTPException(status_code=404, detail=f"no story {key!r}")
        return ref

    @app.get("/", response_class=HTMLResponse)
    def index(q: str = "") -> HTMLResponse:
        catalog = reports.catalog()
        rows = [r for r in _rows(catalog) if _matches(r, q)] if q.strip() else _rows(catalog)
        return HTMLResponse(render_index_page(rows, query=q, skipped=catalog.skipped, source=str(reports.path.name)))

    @app.get("/stories/{key:path}", response_class=HTMLResponse)
    def story(key: str) -> HTMLResponse:
        ref = find(key)
        return HTMLResponse(render_story_page(ref.report, ref.story, key=ref.key))

    @app.get("/api/stories")
    def api_stories(q: str = "") -> JSONResponse:
        rows = _rows(reports.catalog())
        return JSONResponse([r for r in rows if _matches(r, q)] if q.strip() else rows)

    @app.get("/api/stories/{key:path}")
    def api_story(key: str) -> JSONResponse:
        ref = find(key)
        ids = set(ref.story.get("article_ids", []))
        articles = [a for a in ref.report.get("articles", []) if a.get("id") in ids]
        return JSONResponse({"story": ref.story, "articles": articles})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    return app


def serve(source: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app with uvicorn (localhost by default: the reports may hold unpublished work)."""
    import uvicorn

    uvicorn.run(create_app(source), host=host, port=port, log_level="info")
