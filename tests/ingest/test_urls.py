"""Article URLs from a local server: User-Agent, redirects, failures, the size cap, timeouts."""

from __future__ import annotations

import socket

from newsprism import __version__
from newsprism.ingest import load_articles
from newsprism.ingest.urls import USER_AGENT, host_of, url_slug


def test_article_url_is_fetched_with_our_user_agent(site, page_maker, stories):
    url = site.add("/world/aleppo-evacuation.html", page_maker("Aleppo evacuation begins", stories["evacuation"]))
    result = load_articles([url])
    assert result.skipped == []
    [article] = result.articles
    assert article.url == url and article.source == url
    assert article.id == "127.0.0.1-world-aleppo-evacuation"
    assert article.title == "Aleppo evacuation begins"
    assert stories["evacuation"][0] in article.text
    [(_, headers)] = site.requests
    assert headers["User-Agent"] == USER_AGENT == f"newsprism/{__version__} (+https://github.com/newsprism)"


def test_redirect_is_followed_and_final_url_kept(site, page_maker, stories):
    final = site.add("/2016/12/ceasefire", page_maker("Ceasefire collapses", stories["ceasefire"]))
    short = site.add("/s/abc", b"", status=301, headers={"Location": final})
    [article] = load_articles([short]).articles
    assert article.url == final
    assert article.source == short
    assert stories["ceasefire"][1] in article.text


def test_failing_urls_are_skipped_with_the_reason(site, page_maker, stories):
    good = site.add("/ok", page_maker("Aleppo evacuation begins", stories["evacuation"]))
    missing = site.url("/gone")
    huge = site.add("/huge", b"<p>" + b"Aleppo " * 2000 + b"</p>", chunks=200)  # ~3 MB, no Content-Length
    slow = site.add("/slow", page_maker("Late news", stories["ceasefire"]), delay=2.5)
    image = site.add("/photo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        refused = f"http://127.0.0.1:{s.getsockname()[1]}/story"
    result = load_articles([missing, good, huge, slow, image, refused], max_bytes=1_000_000, timeout=1.0)
    assert [a.url for a in result.articles] == [good]
    reasons = {s.input: (s.code, s.reason) for s in result.skipped}
    assert reasons[missing][0] == "E107" and "HTTP 404" in reasons[missing][1]
    assert reasons[huge][0] == "E106" and "stopped reading" in reasons[huge][1]
    assert reasons[slow][0] == "E107" and "no answer within 1 s" in reasons[slow][1]
    assert reasons[image][0] == "E105" and "image/png" in reasons[image][1]
    assert reasons[refused][0] == "E107"
    assert len(result.skipped) == 5


def test_declared_content_length_over_the_cap_is_refused_before_reading(site):
    big = site.add("/big", b"<p>" + b"x" * 5000 + b"</p>")
    [skipped] = load_articles([big], max_bytes=1000).skipped
    assert skipped.code == "E106" and "5.0 KB" in skipped.reason


def test_plain_text_url(site):
    text = "Aleppo Evacuation Resumes\n\nBuses left the last rebel-held districts on Thursday, officials said.\n"
    url = site.add("/wire/aleppo.txt", text, content_type="text/plain; charset=utf-8")
    [article] = load_articles([url]).articles
    assert article.text == text and article.title == "Aleppo Evacuation Resumes"


def test_host_and_slug():
    assert host_of("https://www.Reuters.com/article/us-syria") == "reuters.com"
    assert url_slug("https://www.slate.com/blogs/the_slatest/2016/12/13/aleppo.html") == "slate.com-blogs-the-slatest-2016-12-13-aleppo"
    assert url_slug("https://example.org/") == "example.org"
    assert url_slug("https://example.org/story?id=42") == "example.org-story-id-42"
    assert len(url_slug("https://example.org/" + "a-very-long-path/" * 20)) <= 90
