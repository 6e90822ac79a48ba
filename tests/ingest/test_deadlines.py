"""Issue 15, items 6 and 7: a deadline for the whole fetch, and the size cap on decompressed bytes."""

from __future__ import annotations

import gzip
import socket
import threading
import time

import pytest

from newsprism.errors import FetchFailed, TooLargeInput
from newsprism.ingest.urls import Fetcher

HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"


@pytest.fixture
def trickle():
    """A raw server on 127.0.0.1 that sends the headers (mode 'headers') or the body (mode
    'body') one byte every 0.1 s: each read succeeds, only a total deadline stops it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    stop = threading.Event()

    def serve():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            threading.Thread(target=_drip, args=(conn, stop), daemon=True).start()

    def _drip(conn, stop):
        try:
            request = conn.recv(4096).decode("latin-1")
            slow_head = " /headers " in request
            if not slow_head:
                conn.sendall(HEAD)
            for byte in (HEAD if slow_head else b"x" * 100000):
                if stop.is_set():
                    break
                conn.sendall(bytes([byte]))
                time.sleep(0.1)
        except OSError:
            pass
        finally:
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join(2)
    server.close()


@pytest.mark.parametrize("path", ["/headers", "/body"])
def test_a_trickling_server_meets_the_total_deadline(trickle, path):
    started = time.monotonic()
    with Fetcher(timeout=1.0, allow_private_hosts=True) as fetcher:
        with pytest.raises(FetchFailed, match="no answer within 1 s"):
            fetcher.fetch(trickle + path)
    assert time.monotonic() - started < 4.0  # was 45-51 s with a per-read timeout only


def test_a_gzip_bomb_stops_at_the_cap_on_decompressed_bytes(site):
    bomb = gzip.compress(b"\0" * 50_000_000, compresslevel=9)  # ~50 KB on the wire, 50 MB inside
    assert len(bomb) < 100_000
    url = site.add("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    with Fetcher(timeout=20, max_bytes=1_000_000, allow_private_hosts=True) as fetcher:
        with pytest.raises(TooLargeInput, match="decompressed"):
            fetcher.fetch(url)
