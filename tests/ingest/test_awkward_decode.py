"""Issue 15, items 2/3: the same article in many encodings decodes to the right text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsprism.ingest.decode import decode_bytes, decode_note

sys.path.insert(0, str(Path(__file__).parent / "awkward"))
from make_corpus import SAMPLES, encoded  # noqa: E402


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_each_encoding_decodes_to_the_right_text(name):
    text = decode_bytes(encoded(name))
    assert text == SAMPLES[name][0]


def test_a_few_bad_bytes_keep_utf8_and_say_so():
    data = ("Die Straße war schön, sagten die Bewohner. " * 5).encode() + b"Gr\xfc\xdfe\n"
    text = decode_bytes(data)
    assert "Straße war schön" in text and "\ufffd" in text  # not "StraÃŸe ... schÃ¶n"
    assert "not valid UTF-8" in decode_note(text)


def test_a_guess_is_noted():
    assert "guess" in decode_note(decode_bytes(SAMPLES["polish-cp1250.txt"][0].encode("cp1250")))
    assert decode_note(decode_bytes("plain UTF-8 text, ąę".encode())) is None
