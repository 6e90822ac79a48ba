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
    """The first hop passes the guard (a public name, pinned here), the redirect does not."""
    import newsprism.ingest.urls as urls

    target = site.add("/admin", page_maker("Secret admin page", stories["evacuation"]))
    site.add("/go", b"", status=302, headers={"Location": target})
    checked = []

    def guard(url):
        checked.append(url)
        if "/go" not in url:
            check_public_host(url)

    monkeypatch.setattr(urls, "check_public_host", guard)
    result = load_articles([site.url("/go")], allow_private_hosts=False)
    assert result.articles == []
    assert checked == [site.url("/go"), target]  # the redirect was checked too
    assert "internal address" in result.skipped[0].reason
    assert [path for path, _ in site.requests] == ["/go"]


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
