"""WARC input, written here with warcio's own WARCWriter: HTML responses become articles."""

from __future__ import annotations

from io import BytesIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.ingest import load_articles


def _response(writer, url: str, body: bytes, content_type: str = "text/html; charset=utf-8", status: str = "200 OK"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers))


def test_warc_html_responses_become_articles(tmp_path, page_maker, stories):
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
        _response(writer, "https://www.dailyledger.example/world/aleppo-evacuation",
                  page_maker("Aleppo evacuation begins as rebels withdraw", stories["evacuation"]).encode("utf-8"))
        _response(writer, "https://levant.example/news/ceasefire-collapses",
                  page_maker("Ceasefire collapses", stories["ceasefire"], site="Levant Monitor").encode("cp1252"),
                  content_type="text/html; charset=windows-1252")
        _response(writer, "https://www.dailyledger.example/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
        _response(writer, "https://www.dailyledger.example/old", b"", status="301 Moved Permanently")
        _response(writer, "https://www.dailyledger.example/tags", b"<html><body><a href='/'>Home</a></body></html>")
    result = load_articles([str(path)])
    assert [a.id for a in result.articles] == ["dailyledger.example-world-aleppo-evacuation", "levant.example-news-ceasefire-collapses"]
    ledger, levant = result.articles
    assert ledger.url == "https://www.dailyledger.example/world/aleppo-evacuation"
    assert ledger.outlet == "The Daily Ledger" and ledger.title == "Aleppo evacuation begins as rebels withdraw"
    assert stories["evacuation"][1] in ledger.text
    assert levant.outlet == "Levant Monitor" and stories["ceasefire"][0] in levant.text
    # an HTML page without article text is named; images and redirects are counted in a note
    [skipped] = result.skipped
    assert skipped.input == f"https://www.dailyledger.example/tags in {path}" and skipped.code == "E109"
    [note] = result.notes
    assert "image/png" in note and "HTTP 301" in note and "warcinfo" in note


def test_truncated_warc_keeps_what_was_read(tmp_path, page_maker, stories):
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    _response(writer, "https://levant.example/a", page_maker("Ceasefire collapses", stories["ceasefire"]).encode("utf-8"))
    _response(writer, "https://levant.example/b", page_maker("Evacuation begins", stories["evacuation"]).encode("utf-8"))
    data = buffer.getvalue()
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: len(data) - 400])
    result = load_articles([str(path)])
    assert [a.url for a in result.articles] == ["https://levant.example/a"]
    [skipped] = result.skipped  # the damaged record is named, not silently cut short
    assert skipped.input == f"https://levant.example/b in {path}" and "cut off" in skipped.reason
