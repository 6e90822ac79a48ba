"""Issue 15, item 5: internal addresses are not fetched unless the user allows it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from newsprism.errors import FetchFailed
from newsprism.ingest import load_articles
from newsprism.ingest.urls import ALLOW_PRIVATE_ENV, check_public_host

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Ledger</title><link>http://example.org/</link>
<item><title>Admin</title><link>{link}</link><description>The first convoy of buses carrying civilians left eastern Aleppo on Thursday, officials said.</description></item>
</channel></rss>"""


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/admin", "http://127.1/admin", "http://2130706433/admin", "http://0x7f000001/",
    "http://[::1]/", "http://10.1.2.3/", "http://192.168.0.1/", "http://169.254.169.254/latest/meta-data",
    "http://localhost/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/",
])
def test_internal_addresses_are_refused(url):
    with pytest.raises(FetchFailed, match="internal address"):
        check_public_host(url)


def test_an_article_url_on_loopback_is_refused_without_the_flag(site, page_maker, stories):
    url = site.add("/admin", page_maker("Secret admin page", stories["evacuation"]))
    result = load_articles([url], allow_private_hosts=False)
    assert result.articles == [] and site.requests == []  # never even asked
    assert "internal address" in result.skipped[0].reason
    allowed = load_articles([url], allow_private_hosts=True)
    assert len(allowed.articles) == 1


def test_a_redirect_to_loopback_is_refused(site, page_maker, stories, monkeypatch):
    """The first hop passes the guard (127.0.0.1 let through here), the redirect to localhost does not."""
    from newsprism.ingest import urls

    port = site.base.rsplit(":", 1)[1]
    site.add("/admin", page_maker("Secret admin page", stories["evacuation"]))
    site.add("/go", b"", status=302, headers={"Location": f"http://localhost:{port}/admin"})
    checked = []
    real = urls.refuse_internal

    def guard(host, addresses):
        checked.append(host)
        if host != "127.0.0.1":
            real(host, addresses)

    monkeypatch.setattr(urls, "refuse_internal", guard)
    result = load_articles([site.url("/go")], allow_private_hosts=False)
    assert result.articles == []
    assert checked[-1] == "localhost" and set(checked) == {"127.0.0.1", "localhost"}  # the redirect was checked too
    assert "internal address" in result.skipped[0].reason
    assert [path for path, _ in site.requests] == ["/go"]


def _fake_dns(monkeypatch, answers: list[str]) -> list[str]:
    """``rebind.test`` resolves to the next of ``answers`` at each lookup (the last one from then on), as
    a DNS-rebinding server does; other names resolve as usual. Returns the lookups' answers."""
    import socket

    real = socket.getaddrinfo
    given: list[str] = []

    def getaddrinfo(host, port, *args, **kwargs):
        if host != "rebind.test":
            return real(host, port, *args, **kwargs)
        given.append(answers[min(len(given), len(answers) - 1)])
        return real(given[-1], port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return given


def test_a_name_resolving_to_loopback_is_refused_and_never_connected(site, page_maker, stories, monkeypatch):
    port = site.base.rsplit(":", 1)[1]
    site.add("/admin", page_maker("Secret admin page", stories["evacuation"]))
    _fake_dns(monkeypatch, ["127.0.0.1"])
    result = load_articles([f"http://rebind.test:{port}/admin"], allow_private_hosts=False)
    assert result.articles == [] and site.requests == []
    assert "rebind.test is an internal address (127.0.0.1)" in result.skipped[0].reason


def test_dns_rebinding_cannot_swap_the_checked_address(site, page_maker, stories, monkeypatch):
    """Issue 15: the guard resolved the name, then httpx resolved it again: a name that answers a
    public address first and 127.0.0.1 next reached the local server. Now the address connected to is
    the one checked, from the connection's own lookup."""
    port = site.base.rsplit(":", 1)[1]
    site.add("/admin", page_maker("Secret admin page", stories["evacuation"]))
    given = _fake_dns(monkeypatch, ["1.1.1.1", "127.0.0.1"])
    result = load_articles([f"http://rebind.test:{port}/admin"], allow_private_hosts=False)
    assert result.articles == [] and site.requests == []  # the old code fetched the secret page here
    assert given == ["1.1.1.1", "127.0.0.1"]
    assert "rebind.test is an internal address (127.0.0.1)" in result.skipped[0].reason


def test_the_connection_goes_to_the_checked_address_not_the_name(site, monkeypatch):
    import httpcore

    connected: list[str] = []

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        connected.append(host)  # the public address has no server here (and no internet): fail as it would
        raise httpcore.ConnectError("no route to host (test)")

    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", connect_tcp)
    _fake_dns(monkeypatch, ["1.1.1.1"])
    result = load_articles(["http://rebind.test:8080/admin"], allow_private_hosts=False)
    assert result.articles == [] and "could not fetch" in result.skipped[0].reason
    assert connected == ["1.1.1.1"]  # by address: no second lookup that could answer otherwise


def test_pinned_connections_keep_the_host_header(site, page_maker, stories, monkeypatch):
    """Allowed private hosts: the name is resolved once and connected by address; the server still
    sees the name in Host (and TLS would send it as the server name: httpcore takes both from the URL)."""
    port = site.base.rsplit(":", 1)[1]
    site.add("/story", page_maker("Convoy leaves", stories["evacuation"]))
    given = _fake_dns(monkeypatch, ["127.0.0.1"])
    result = load_articles([f"http://rebind.test:{port}/story"], allow_private_hosts=True)
    assert len(result.articles) == 1 and given == ["127.0.0.1"]  # one lookup, no second one in httpx
    [(path, headers)] = site.requests
    assert path == "/story" and headers["Host"] == f"rebind.test:{port}"


def test_a_feed_pointing_at_loopback_via_the_cli(site, page_maker, stories, tmp_path):
    """The CLI without --allow-private-hosts: the entry on 127.1 is skipped with one line."""
    site.add("/admin", page_maker("Secret admin page", stories["evacuation"]))
    port = site.base.rsplit(":", 1)[1]
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED.format(link=f"http://127.1:{port}/admin"))
    env = {k: v for k, v in os.environ.items() if k != ALLOW_PRIVATE_ENV}
    done = subprocess.run([sys.executable, "-m", "newsprism", "analyze", str(feed), "-o", str(tmp_path / "out"), "-q"],
                          capture_output=True, text=True, timeout=120, env=env)
    # the entry falls back to the feed's own summary, with a note saying why the page was not used
    assert done.returncode == 0, done.stderr
    assert "internal address" in done.stderr and "Traceback" not in done.stderr
    assert site.requests == []


def _self_signed(folder, name: str):
    """A key and a self-signed certificate for ``name``, valid for two days (PEM files)."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    key_path, cert_path = folder / "key.pem", folder / "cert.pem"
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


def test_pinned_tls_connections_verify_and_name_the_host(tmp_path, monkeypatch):
    """TLS over a pinned connection: the certificate is checked against the URL's name (not the
    address connected to), and the server receives that name as SNI."""
    import ssl
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    import httpx

    from newsprism.ingest.urls import pinned_transport

    key, cert = _self_signed(tmp_path, "rebind.test")
    names: list[str | None] = []
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)
    server_context.sni_callback = lambda sock, name, ctx: names.append(name)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            body = self.headers["Host"].encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = server_context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        _fake_dns(monkeypatch, ["127.0.0.1"])
        client_context = ssl.create_default_context(cafile=str(cert))
        with httpx.Client(transport=pinned_transport(guard=False, verify=client_context)) as client:
            response = client.get(f"https://rebind.test:{port}/")
        assert response.text == f"rebind.test:{port}" and names == ["rebind.test"]
    finally:
        server.shutdown()
        server.server_close()
