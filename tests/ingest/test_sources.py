"""Folders, ids and every kind of bad input in one batch: the batch goes on, nothing is dropped."""

from __future__ import annotations

import json

from newsprism.ingest import load_articles

ALEPPO = "Government forces took the last rebel-held districts of eastern Aleppo on Tuesday.\n"
EVACUATION = "The evacuation of civilians from eastern Aleppo began on Thursday morning.\n"


def test_folders_recursive_with_duplicate_stems_and_hidden_files(tmp_path):
    root = tmp_path / "coverage"
    (root / "reuters").mkdir(parents=True)
    (root / "slate" / "2016").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "reuters" / "aleppo.txt").write_text(ALEPPO, encoding="utf-8")
    (root / "slate" / "2016" / "aleppo.txt").write_text(EVACUATION, encoding="utf-8")
    (root / "slate" / "2016" / "evacuation.txt").write_text(EVACUATION, encoding="utf-8")
    (root / ".cache" / "aleppo.txt").write_text(ALEPPO, encoding="utf-8")
    (root / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    calls = []
    result = load_articles([str(root)], progress=lambda stage, done, total: calls.append((stage, done, total)))
    assert result.skipped == []
    assert [a.id for a in result.articles] == ["reuters/aleppo", "slate/2016/aleppo", "evacuation"]
    assert [a.outlet for a in result.articles] == ["aleppo", "aleppo", "evacuation"]
    assert result.articles[0].source == f"{root}/reuters/aleppo.txt"
    assert calls == [("read", 0, 3), ("read", 1, 3), ("read", 2, 3), ("read", 3, 3)]


def test_same_stem_in_two_files_given_directly_and_a_file_given_twice(tmp_path):
    for outlet, text in (("reuters", ALEPPO), ("slate", EVACUATION)):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "story.txt").write_text(text, encoding="utf-8")
    first, second = str(tmp_path / "reuters" / "story.txt"), str(tmp_path / "slate" / "story.txt")
    result = load_articles([first, second, first, str(tmp_path)])
    assert [a.id for a in result.articles] == ["reuters/story", "slate/story"]  # each file read once


def test_two_folders_with_the_same_file_name_at_their_top(tmp_path):
    for outlet, text in (("reuters", ALEPPO), ("slate", EVACUATION)):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "story.txt").write_text(text, encoding="utf-8")
    result = load_articles([str(tmp_path / "reuters"), str(tmp_path / "slate")])
    assert [a.id for a in result.articles] == ["reuters/story", "slate/story"]


def test_every_bad_input_is_named_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ALEPPO, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n ", encoding="utf-8")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    undecodable = tmp_path / "garbled.txt"
    undecodable.write_bytes(bytes(range(0x80, 0x100)) * 8)
    unsupported = tmp_path / "notes.docx"
    unsupported.write_bytes(b"PK\x03\x04 not really a document")
    big = tmp_path / "big.txt"
    big.write_text(ALEPPO * 200, encoding="utf-8")
    no_text = tmp_path / "menu.html"
    no_text.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    bad_jsonl = tmp_path / "lines.jsonl"
    bad_jsonl.write_text(json.dumps({"text": EVACUATION}) + "\n{oops\n", encoding="utf-8")
    empty_folder = tmp_path / "nothing-here"
    empty_folder.mkdir()
    missing = tmp_path / "missing.txt"
    inputs = [str(p) for p in (missing, good, empty, blank, binary, undecodable, unsupported, big, no_text, bad_jsonl, empty_folder)]
    result = load_articles(inputs, max_bytes=5000)
    assert [a.id for a in result.articles] == ["good", "lines-1"]
    codes = {s.input: s.code for s in result.skipped}
    assert codes == {
        str(missing): "E101",
        str(empty): "E102",
        str(blank): "E102",
        str(binary): "E103",
        str(undecodable): "E104",
        str(unsupported): "E105",
        str(big): "E106",
        str(no_text): "E109",
        f"{bad_jsonl}:2": "E108",
        str(empty_folder): "E102",
    }
    for skipped in result.skipped:  # one readable line: [code] what is wrong -- what to do
        assert skipped.reason.startswith(f"[{skipped.code}] ") and " -- " in skipped.reason and "\n" not in skipped.reason
    assert "PDF" in dict((s.input, s.reason) for s in result.skipped)[str(binary)]


def test_file_without_extension_is_sniffed(tmp_path, page_maker, stories):
    (tmp_path / "README").write_text("Aleppo Timeline\n\nDecember 13, 2016: the ceasefire is announced.\n", encoding="utf-8")
    (tmp_path / "saved-page").write_text(page_maker("Aleppo evacuation begins", stories["evacuation"]), encoding="utf-8")
    result = load_articles([str(tmp_path)])
    by_id = {a.id: a for a in result.articles}
    assert by_id["README"].title == "Aleppo Timeline"
    assert by_id["saved-page"].site_name == "The Daily Ledger"


def test_linked_folder_is_followed_once_and_a_pipe_is_named(tmp_path):
    import os

    root = tmp_path / "coverage"
    (root / "wire").mkdir(parents=True)
    (root / "wire" / "aleppo.txt").write_text(ALEPPO, encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "evacuation.txt").write_text(EVACUATION, encoding="utf-8")
    (root / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (root / "wire" / "loop").symlink_to(root, target_is_directory=True)  # a link loop
    os.mkfifo(root / "feed.txt")
    result = load_articles([str(root)])
    assert [a.id for a in result.articles] == ["evacuation", "aleppo"]
    [skipped] = result.skipped
    assert skipped.input == f"{root}/feed.txt" and skipped.code == "E105" and "not a regular file" in skipped.reason


def test_web_address_without_scheme_gets_a_hint(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    [skipped] = load_articles(["www.reuters.com/article/us-mideast-crisis-syria-aleppo"]).skipped
    assert skipped.code == "E101" and "https://www.reuters.com/article/us-mideast-crisis-syria-aleppo" in skipped.reason
