"""Encodings other than UTF-8, and inputs that are not text at all."""

from __future__ import annotations

import codecs

import pytest

from newsprism.errors import BinaryInput, EmptyInput, UndecodableInput
from newsprism.ingest import load_articles
from newsprism.ingest.decode import decode_bytes

FRENCH = ("Alep : l\u2019arm\u00e9e syrienne contr\u00f4le d\u00e9sormais la quasi-totalit\u00e9 de la ville. "
          "\u00ab C\u2019est la fin \u00bb, a d\u00e9clar\u00e9 un habitant du quartier de Sukkari, o\u00f9 "
          "les civils attendent l\u2019\u00e9vacuation depuis mardi.\n")


def test_cp1252_file_is_detected(tmp_path):
    assert decode_bytes(FRENCH.encode("cp1252")) == FRENCH
    path = tmp_path / "alep.txt"
    path.write_bytes(FRENCH.encode("cp1252"))
    _read_as_french(path)


def _read_as_french(path) -> None:
    """The file is read (decoded right) and then skipped as French, not analysed as English (issue 15)."""
    result = load_articles([str(path)])
    [skipped] = result.skipped
    assert not result.articles and skipped.reason.startswith("[E110] language fr: not analysed"), skipped


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_utf16_with_and_without_bom(tmp_path, encoding):
    path = tmp_path / "alep.txt"
    path.write_bytes(FRENCH.encode(encoding))
    assert decode_bytes(FRENCH.encode(encoding)) == FRENCH
    _read_as_french(path)


def test_cyrillic_code_page_is_not_read_as_cp1252():
    text = "Сирийская армия заявила, что полностью освободила восточные кварталы Алеппо от боевиков. " * 3
    assert decode_bytes(text.encode("cp1251")) == text


def test_html_meta_charset_is_honoured():
    html = '<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 \u201cAlep\u201d</p></body></html>'
    assert "Caf\u00e9 \u201cAlep\u201d" in decode_bytes(html.encode("cp1252"), "windows-1252")


def test_binary_and_undecodable_and_empty():
    with pytest.raises(BinaryInput, match="PNG"):
        decode_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(BinaryInput):
        decode_bytes(b"Aleppo report\x00\x01\x02\x03 data \x00\x00\x05" * 20)
    with pytest.raises(UndecodableInput):
        decode_bytes(bytes(range(0x80, 0x100)) * 4)
    with pytest.raises(EmptyInput):
        decode_bytes(b" \n\t\n")
    assert codecs.BOM_UTF8 not in decode_bytes(codecs.BOM_UTF8 + b"Aleppo").encode("utf-8")
