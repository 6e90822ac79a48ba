"""Fetching URLs politely (timeout, size cap, a clear User-Agent) and naming them (host, slug)."""

from __future__ import annotations

import re
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Iterable, Iterator
from urllib.parse import urlsplit

from .. import __version__
from ..errors import FetchFailed, InputError, TooLargeInput
from .decode import human_size

USER_AGENT = f"newsprism/{__version__} (+https://github.com/newsprism)"
MAX_PARALLEL_FETCHES = 6
MAX_SLUG_CHARS = 90
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_NON_SLUG = re.compile(r"[^a-z0-9.]+")


def _shut(sock) -> None:
    import socket

    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def host_of(url: str) -> str:
    """The host without ``www.`` and port, lower case ("" when there is none)."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def url_slug(url: str) -> str:
    """A readable id from host and path: ``example.com-news-2016-12-13-aleppo-falls``."""
    parts = urlsplit(url)
    path = parts.path
    for suffix in (".html", ".htm", ".php", ".aspx", "/index"):
        if path.lower().endswith(suffix):
            path = path[: -len(suffix)]
    tail = _NON_SLUG.sub("-", f"{path} {parts.query}".lower().replace(".", "-")).strip("-")
    slug = host_of(url) + (f"-{tail}" if tail else "")
    if len(slug) > MAX_SLUG_CHARS:
        slug = slug[:MAX_SLUG_CHARS].rstrip("-.")
    return slug or "url"


ALLOW_PRIVATE_ENV = "NEWSPRISM_ALLOW_PRIVATE_HOSTS"  # "1": the default for callers that pass None


def private_hosts_allowed(value: bool | None) -> bool:
    """An explicit choice wins; else the environment (set by test suites with local servers)."""
    import os

    return bool(value) if value is not None else os.environ.get(ALLOW_PRIVATE_ENV, "") == "1"


def resolve(host: str, port: int) -> list[str]:
    """The addresses a host name resolves to (IP literals, ``127.1`` and ``2130706433`` included), in
    the resolver's order; FetchFailed when it does not resolve."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise FetchFailed(f"the host {host!r} could not be resolved ({exc})", hint="check the URL") from None
    return list(dict.fromkeys(info[4][0] for info in infos))


def refuse_internal(host: str, addresses: list[str]) -> None:
    """FetchFailed when any address is loopback, private, link-local or otherwise not global."""
    import ipaddress

    for text in addresses:
        address = ipaddress.ip_address(text.split("%")[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if not address.is_global or address.is_multicast:
            raise FetchFailed(f"refused: {host} is an internal address ({address})",
                              hint="newsprism fetches only public hosts; pass --allow-private-hosts to read local ones")


def check_public_host(url: str) -> None:
    """Refuse URLs whose host resolves to a loopback, private, link-local or otherwise internal
    address (``127.1``, ``2130706433``, ``10.0.0.5``, ``[::1]``, ``169.254.169.254``): a feed
    must not make newsprism read the user's own network. Checked after DNS, on every request."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    refuse_internal(host, resolve(host, parts.port or (443 if parts.scheme == "https" else 80)))


class PinnedBackend:
    """httpcore's network backend, resolving each host once: the addresses that were checked are the
    ones connected to (no DNS-rebinding window between the check and the connection). The Host
    header and TLS's server name still come from the URL: httpcore takes them from the request's
    origin, not from the address given here."""

    def __init__(self, guard: bool):
        import httpcore

        self.guard = guard
        self._inner = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options=None):
        import httpcore

        addresses = resolve(host, port)
        if self.guard:
            refuse_internal(host, addresses)
        failure: Exception = httpcore.ConnectError(f"no address for {host}")
        for address in addresses:  # as socket.create_connection would: each address in turn
            try:
                return self._inner.connect_tcp(address, port, timeout=timeout, local_address=local_address,
                                               socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        raise failure

    def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options=None):
        return self._inner.connect_unix_socket(path, timeout=timeout, socket_options=socket_options)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def pinned_transport(guard: bool, verify=True):
    """httpx's own transport (one connection per request) on a PinnedBackend. httpx 0.28 has no
    parameter for the backend: it is set on the transport's connection pool; a test fetching a name
    that resolves to 127.0.0.1 fails if this ever stops taking effect."""
    import httpx

    transport = httpx.HTTPTransport(limits=httpx.Limits(max_keepalive_connections=0), verify=verify)
    transport._pool._network_backend = PinnedBackend(guard)
    return transport


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked
    final_url: str  # after redirects
    content_type: str  # media type only, lower case ("text/html")
    charset: str | None
    body: bytes
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names


class Fetcher:
    """One HTTP client for a load: redirects followed, bodies streamed and cut at ``max_bytes``."""

    def __init__(self, *, timeout: float = 20.0, max_bytes: int = 20_000_000, allow_private_hosts: bool | None = None):
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.allow_private_hosts = private_hosts_allowed(allow_private_hosts)
        self._client = None
        self._pool: ThreadPoolExecutor | None = None

    def _http(self):
        if self._client is None:
            import httpx

            self._client = httpx.Client(
                follow_redirects=True,
                timeout=httpx.Timeout(self.timeout),
                headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"},
                max_redirects=10,
                # one connection per fetch (the deadline watchdog may shut its socket down), each to the
                # address that was checked when private hosts are refused
                transport=pinned_transport(guard=not self.allow_private_hosts),
                # checked before each request too (the first and every redirect): with a proxy from the
                # environment, the proxy resolves the name and this is the only check
                event_hooks={"request": [self._guard]},
            )
        return self._client

    def _guard(self, request) -> None:
        if not self.allow_private_hosts:
            check_public_host(str(request.url))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def fetch(self, url: str, *, headers: dict[str, str] | None = None, not_modified_ok: bool = False,
              error_status_ok: bool = False) -> Fetched:
        """The response body, or FetchFailed / TooLargeInput saying what went wrong.

        ``timeout`` is a deadline for the whole fetch (redirects, slow headers, a body sent a
        byte at a time), not only per read; the size cap counts decompressed bytes as they
        stream. With ``not_modified_ok`` a 304, with ``error_status_ok`` any non-2xx answer, comes
        back as a Fetched with an empty body (its status and headers say what happened)."""
        import httpx

        sockets: list = []
        expired = threading.Event()

        def trace(event: str, info: dict) -> None:
            if event == "connection.connect_tcp.complete":
                sock = info["return_value"].get_extra_info("socket")
                if sock is not None:
                    sockets.append(sock)

        def stop() -> None:  # the deadline passed: unblock whatever read is waiting
            expired.set()
            for sock in list(sockets):
                _shut(sock)

        deadline = time.monotonic() + self.timeout
        watchdog = threading.Timer(self.timeout, stop)
        watchdog.daemon = True
        watchdog.start()
        try:
            return self._fetch(url, headers, not_modified_ok, error_status_ok, trace, deadline, expired)
        finally:
            watchdog.cancel()

    def _late(self) -> FetchFailed:
        return FetchFailed(f"no answer within {self.timeout:g} s (the whole fetch)", hint="try again later, or raise the limit with --timeout")

    def _fetch(self, url, headers, not_modified_ok, error_status_ok, trace, deadline, expired) -> Fetched:
        import httpx

        try:
            with self._http().stream("GET", url, headers=headers, extensions={"trace": trace}) as response:
                if response.status_code == 304 and not_modified_ok or not 200 <= response.status_code < 300 and error_status_ok:
                    return Fetched(url, str(response.url), "", None, b"", response.status_code, {k.lower(): v for k, v in response.headers.items()})
                if not 200 <= response.status_code < 300:
                    phrase = response.reason_phrase or ""
                    raise FetchFailed(f"the server answered HTTP {response.status_code} {phrase}".rstrip())
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise TooLargeInput(f"the response is {human_size(int(declared))}, over the {human_size(self.max_bytes)} limit")
                body = bytearray()
                for chunk in response.iter_bytes():  # decoded chunks: a gzip bomb meets the cap too
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise TooLargeInput(f"the response is over the {human_size(self.max_bytes)} limit (decompressed); stopped reading")
                    if time.monotonic() > deadline:
                        raise self._late()
                content_type = response.headers.get("content-type", "")
                charset = _CHARSET.search(content_type)
                return Fetched(
                    url=url,
                    final_url=str(response.url),
                    content_type=content_type.split(";")[0].strip().lower(),
                    charset=charset.group(1) if charset else None,
                    body=bytes(body),
                    status=response.status_code,
                    headers={k.lower(): v for k, v in response.headers.items()},
                )
        except InputError:
            raise
        except httpx.TimeoutException:
            raise self._late() from None
        except httpx.TooManyRedirects:
            raise FetchFailed("too many redirects") from None
        except httpx.InvalidURL as exc:
            raise FetchFailed(f"not a valid URL ({exc})", hint="check the URL") from None
        except httpx.HTTPError as exc:
            if expired.is_set():  # the watchdog cut the connection at the deadline
                raise self._late() from None
            raise FetchFailed(f"could not fetch: {exc or type(exc).__name__}") from None

    def attempt(self, url: str) -> Fetched | InputError:
        """``fetch``, with the failure returned instead of raised (for work in threads)."""
        try:
            return self.fetch(url)
        except InputError as exc:
            return exc

    def prefetch(self, urls: Iterable[str]) -> dict[str, Future]:
        """Start fetching a few URLs at a time in the background; read each with ``.result()``."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=MAX_PARALLEL_FETCHES, thread_name_prefix="newsprism-fetch")
        return {url: self._pool.submit(self.attempt, url) for url in dict.fromkeys(urls)}

    def fetch_many(self, urls: Iterable[str]) -> Iterator[tuple[str, Fetched | InputError]]:
        """Fetch several URLs at once (a few at a time), yielding results in the given order."""
        urls = list(dict.fromkeys(urls))
        if len(urls) <= 1:
            for url in urls:
                yield url, self.attempt(url)
            return
        futures = self.prefetch(urls)
        for url in urls:
            yield url, futures[url].result()
