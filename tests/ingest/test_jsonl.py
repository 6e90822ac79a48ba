"""JSON Lines: one article a line; a bad line is skipped with its number, the others kept."""

from __future__ import annotations

import gzip
import json

from newsprism.ingest import load_articles

LINES = [
    json.dumps({"id": "ap-aleppo-1", "title": "Aleppo evacuation begins", "url": "https://apnews.com/world/aleppo-1",
                "published": "2016-12-15T09:30:00Z",
                "text": "Buses carrying civilians and wounded fighters left eastern Aleppo on Thursday.\r\nThe ICRC oversaw the convoy."}),
    json.dumps({"text": "A ceasefire in Aleppo collapsed on Wednesday as shelling resumed.", "outlet": "Levant Monitor",
                "published": "December 14, 2016"}),
    "{\"text\": \"Turkey accused the Syrian government of breaking the truce\", ",  # cut off
    "",
    json.dumps({"title": "No body here"}),
    json.dumps(["Aleppo", "is", "a", "list"]),
    json.dumps({"text": "Russia said the rebels had opened fire first.", "url": "https://www.rt.com/news/aleppo",
                "published": "not a date"}),
    json.dumps({"text": 42}),
]


def test_jsonl_keeps_good_lines_and_names_bad_ones(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    result = load_articles([str(path)])
    assert [a.id for a in result.articles] == ["ap-aleppo-1", "wire-2", "wire-7"]
    first, second, third = result.articles
    assert first.text == "Buses carrying civilians and wounded fighters left eastern Aleppo on Thursday.\nThe ICRC oversaw the convoy."
    assert first.outlet == "apnews.com" and first.published == "2016-12-15T09:30:00Z"
    assert first.source == f"{path}:1"
    assert second.outlet == "Levant Monitor" and second.published == "2016-12-14"
    assert third.outlet == "rt.com" and third.published is None
    skipped = {s.input: s for s in result.skipped}
    assert set(skipped) == {f"{path}:3", f"{path}:5", f"{path}:6", f"{path}:8"}
    assert all(s.code == "E108" for s in skipped.values())
    assert "line 3 is not valid JSON" in skipped[f"{path}:3"].reason
    assert 'line 5 has no "text"' in skipped[f"{path}:5"].reason
    assert "not an object" in skipped[f"{path}:6"].reason
    assert "not a string" in skipped[f"{path}:8"].reason


def test_gzipped_jsonl_and_duplicate_ids(tmp_path):
    path = tmp_path / "crawl.jsonl.gz"
    records = [{"id": "a1", "text": "Aleppo fell to government forces on Tuesday night."},
               {"id": "a1", "text": "The evacuation of eastern Aleppo began on Thursday."}]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")
    result = load_articles([str(path)])
    assert [a.id for a in result.articles] == ["a1", "a1-2"]  # ids stay unique in one load
    assert [a.outlet for a in result.articles] == ["crawl", "crawl"]


def test_empty_jsonl_is_skipped(tmp_path):
    path = tmp_path / "nothing.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    [skipped] = load_articles([str(path)]).skipped
    assert skipped.code == "E102"


def test_a_cp1252_line_is_decoded_and_a_garbled_one_named(tmp_path):
    path = tmp_path / "export.jsonl"
    good = json.dumps({"text": "L\u2019arm\u00e9e syrienne contr\u00f4le Alep, selon l\u2019Observatoire."}, ensure_ascii=False)
    path.write_bytes(good.encode("cp1252") + b"\n" + b'{"text": "' + bytes(range(0x80, 0x100)) + b'"}\n')
    result = load_articles([str(path)])
    assert [a.text for a in result.articles] == ["L\u2019arm\u00e9e syrienne contr\u00f4le Alep, selon l\u2019Observatoire."]
    [skipped] = result.skipped
    assert skipped.input == f"{path}:2" and skipped.code == "E108" and "not UTF-8" in skipped.reason


def test_a_cut_off_gzip_jsonl_keeps_the_lines_before_and_says_so(tmp_path):
    """Issue 15: a truncated .jsonl.gz gave the generic "[E100] ... EOFError ... please report it"."""
    lines = [json.dumps({"text": f"Article {n}: the convoy left the city on Thursday, officials said. " * 3}) for n in range(200)]
    data = gzip.compress("\n".join(lines).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    result = load_articles([str(path)])
    assert 0 < len(result.articles) < 200
    [skipped] = result.skipped
    assert skipped.input == str(path) and skipped.code == "E108"
    assert skipped.reason.startswith(f"[E108] the compressed file is cut off or damaged after line {len(result.articles)}")
    assert "please report" not in skipped.reason
