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


def _two_pages(page_maker, stories) -> bytes:
    """An uncompressed WARC of two article pages, https://levant.example/a and /b."""
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    _response(writer, "https://levant.example/a", page_maker("Ceasefire collapses", stories["ceasefire"]).encode("utf-8"))
    _response(writer, "https://levant.example/b", page_maker("Evacuation begins", stories["evacuation"]).encode("utf-8"))
    return buffer.getvalue()


def test_truncated_warc_keeps_what_was_read(tmp_path, page_maker, stories):
    data = _two_pages(page_maker, stories)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: len(data) - 400])
    result = load_articles([str(path)])
    assert [a.url for a in result.articles] == ["https://levant.example/a"]
    [skipped] = result.skipped  # the damaged record is named, not silently cut short
    assert skipped.input == f"https://levant.example/b in {path}" and "cut off" in skipped.reason


def _three_pages(page_maker, stories, gzip: bool) -> bytes:
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for n, key in enumerate(("ceasefire", "evacuation", "ceasefire")):
        _response(writer, f"https://levant.example/{n}", page_maker(f"Story {n}", stories[key]).encode("utf-8"))
    return buffer.getvalue()


def test_a_cut_or_damaged_gzip_warc_gives_one_clear_line_and_keeps_the_records_before(tmp_path, page_maker, stories):
    """Issue 15: a truncated gzip WARC made warcio raise AttributeError ("[E100] ... please report it")
    or stop quietly at a partial record. Cut at every 53rd byte, and damaged in the middle: every
    record before the break is kept, and nothing is lost without a line naming the file or record."""
    data = _three_pages(page_maker, stories, gzip=True)
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(BytesIO(data))
    # a cut exactly between two gzip members leaves a whole, shorter archive: nothing to report
    # (the record ids are random, so where the members end moves from run to run)
    boundaries = {records.get_record_offset() for _ in records}
    cases = {f"cut-{cut}.warc.gz": data[:cut] for cut in range(60, len(data), 53) if cut not in boundaries}
    damaged = bytearray(data)
    damaged[len(data) - 300: len(data) - 260] = bytes(40)  # inside the last record
    cases["damaged.warc.gz"] = bytes(damaged)
    for name, body in cases.items():
        path = tmp_path / name
        path.write_bytes(body)
        result = load_articles([str(path)])
        assert all(s.code != "E100" and "please report" not in s.reason for s in result.skipped), (name, result.skipped)
        assert [a.url for a in result.articles] == [f"https://levant.example/{n}" for n in range(len(result.articles))]
        if len(result.articles) < 3:  # what was lost is said, naming the archive (or the record in it)
            assert result.skipped and all(str(path) in s.input and s.code in ("E102", "E108") for s in result.skipped), (name, result)
    damaged_result = load_articles([str(tmp_path / "damaged.warc.gz")])
    assert len(damaged_result.articles) == 2  # the two before the damage
    [line] = damaged_result.skipped
    assert "damaged" in line.reason and line.code == "E108"


def test_an_archive_without_pages_is_named_with_what_it_held(tmp_path):
    """No '[E400] ... see the skipped inputs above' with nothing above: the archive itself is skipped,
    saying what it held, and the CLI's E400 line carries that reason."""
    from typer.testing import CliRunner

    from newsprism.cli import app

    path = tmp_path / "requests.warc"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        for n in range(2):
            headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "levant.example")], is_http_request=True)
            writer.write_record(writer.create_warc_record(f"https://levant.example/{n}", "request", http_headers=headers))
    result = load_articles([str(path)])
    [skipped] = result.skipped
    assert skipped.input == str(path) and skipped.code == "E102"
    assert "no article pages (records that are not article pages were passed over: 2 request records)" in skipped.reason
    assert not result.notes  # said once, in the line
    done = CliRunner().invoke(app, ["analyze", str(path), "-o", str(tmp_path / "out"), "-q"], env={"COLUMNS": "500"})
    assert done.exit_code == 1
    [line] = [line for line in done.output.splitlines() if "E400" in line]
    assert "requests.warc: [E102] the archive holds no article pages" in line
    assert "above" not in done.output


def test_a_record_cut_inside_its_headers_is_said_never_passed_over(tmp_path, page_maker, stories):
    data = _two_pages(page_maker, stories)
    second = data.index(b"WARC/1.", 10)
    # inside the second record's WARC-Type ("WARC-Type: r"), and inside its HTTP status line
    cuts = {"warc-type": data.index(b"WARC-Type: ", second) + len("WARC-Type: r"),
            "status-line": data.index(b"HTTP/1.1 200", second) + len("HTTP")}
    for name, cut in cuts.items():
        path = tmp_path / f"{name}.warc"
        path.write_bytes(data[:cut])
        result = load_articles([str(path)])
        assert [a.url for a in result.articles] == ["https://levant.example/a"], name
        assert result.skipped and all(str(path) in s.input and s.code in ("E102", "E108") for s in result.skipped), (name, result)
        assert not any("passed over" in note for note in result.notes), (name, result.notes)
