"""A local web server on 127.0.0.1 for ingest tests: pages and feeds, never the internet."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (timeouts)
    chunks: int = 0  # send the body this many times without a Content-Length (size cap)


class LocalSite:
    """Routes by path; records every request's path and headers."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.base = ""

    def add(self, path: str, body: bytes | str = b"", **options) -> str:
        self.routes[path] = Route(body.encode("utf-8") if isinstance(body, str) else body, **options)
        return self.url(path)

    def url(self, path: str) -> str:
        return self.base + path


def _handler(site: LocalSite):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # keep test output quiet
            pass

        def do_GET(self) -> None:
            site.requests.append((self.path, dict(self.headers.items())))
            route = site.routes.get(self.path)
            if route is None:
                route = Route(b"<html><body><p>Not found</p></body></html>", status=404)
            if route.delay:
                time.sleep(route.delay)
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            for name, value in route.headers.items():
                self.send_header(name, value)
            if route.chunks:
                self.send_header("Connection", "close")
                self.end_headers()
                try:
                    for _ in range(route.chunks):
                        self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading: that is the point
                self.close_connection = True
                return
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)

    return Handler


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a client that gave up (timeout, size cap) is what several tests want


@pytest.fixture
def site():
    local = LocalSite()
    server = _QuietServer(("127.0.0.1", 0), _handler(local))
    local.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield local
    finally:
        server.shutdown()
        server.server_close()


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{title}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published}">
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a>
<a href="/subscribe">Subscribe now and save 50%</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<main><article>
<h1>{title}</h1>
<p class="byline">By {author}</p>
{paragraphs}
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Celebrity chef opens a new restaurant downtown</a></li>
<li><a href="/b">Ten tips for winter gardening</a></li></ul></aside>
<footer><p>Copyright 2016 {site}. All rights reserved.</p><p><a href="/privacy">Privacy policy</a></p></footer>
</body></html>
"""

EVACUATION = [
    "The first convoy of buses carrying civilians and wounded fighters left eastern Aleppo on Thursday, "
    "the International Committee of the Red Cross said, under a ceasefire deal brokered by Russia and Turkey.",
    "\u201cThis is a very delicate operation,\u201d said Robert Mardini, the ICRC\u2019s regional director for the "
    "Near and Middle East. He said about 200 civilians, including children, had been moved in the first hours.",
    "The Syrian government said 4,000 rebels and their families would leave the city. Opposition officials "
    "put the number of people still trapped at 50,000 or more.",
    "The United Nations envoy Staffan de Mistura warned that the operation could collapse if fighting resumed.",
]

CEASEFIRE = [
    "A ceasefire in Aleppo collapsed on Wednesday morning as shelling resumed over the last rebel-held districts, "
    "delaying the evacuation of thousands of civilians.",
    "Residents said government aircraft struck the Sukkari neighbourhood shortly after dawn. Turkey accused the "
    "Syrian government of breaking the agreement, while Moscow blamed the rebels for opening fire first.",
    "Aid agencies said buses that had been waiting since before sunrise left the crossing point empty.",
]


def make_page(title: str, paragraphs: list[str], *, site: str = "The Daily Ledger", author: str = "Hannah Weiss",
              published: str = "2016-12-15T09:30:00Z") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return PAGE.format(title=title, site=site, author=author, published=published, paragraphs=body)


@pytest.fixture
def page_maker():
    return make_page


@pytest.fixture
def stories():
    return {"evacuation": EVACUATION, "ceasefire": CEASEFIRE}
