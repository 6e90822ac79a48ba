"""Bytes -> text: size cap, binary sniffing, encoding detection.

UTF-8 is tried first (it is what almost everything is); byte-order marks, a declared
charset (HTTP header, HTML meta) and UTF-16 without a BOM come next; charset-normalizer
decides the rest, with one correction: Western text that decodes cleanly as cp1252 is
read as cp1252 (charset-normalizer often guesses a look-alike code page for it).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import BinaryInput, EmptyInput, TooLargeInput, UndecodableInput

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# well-known binary formats, named so the user learns what the file really is
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3", "an SQLite database"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# control characters other than white space, C1 controls, lone surrogates, the replacement character
_BAD_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffd]")


def human_size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n} bytes"  # unreachable


def read_capped(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; too large or empty files raise before anything big is read."""
    size = path.stat().st_size
    if size > max_bytes:
        raise TooLargeInput(f"the file is {human_size(size)}, over the {human_size(max_bytes)} limit")
    if size == 0:
        raise EmptyInput("the file is empty")
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # it grew while we looked
        raise TooLargeInput(f"the file is over the {human_size(max_bytes)} limit")
    return data


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def binary_kind(data: bytes) -> str | None:
    """A description when the bytes are a known binary format."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


class Decoded(str):
    """Decoded text that may carry a ``note`` on how it was decoded (a guess, bad bytes)."""

    note: str | None = None


def decode_note(text: str) -> str | None:
    return getattr(text, "note", None)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode text of unknown encoding; raise BinaryInput / UndecodableInput / EmptyInput.

    The result is a ``Decoded`` str; its ``note`` says when the encoding was a guess or bad
    bytes were replaced (the reader passes it on to the article's note)."""
    if not data.strip():
        raise EmptyInput("the input holds no text" if data else "the input is empty")
    kind = binary_kind(data)
    if kind:
        raise BinaryInput(f"this is {kind}, not text")
    text, note = _decode(data, declared)
    _check_text(text)
    if not text.strip():
        raise EmptyInput("the input holds only white space")
    out = Decoded(text)
    out.note = note
    return out


MAX_BAD_UTF8 = 8  # bytes: a few broken bytes in a UTF-8 page are damage, not another encoding


def _decode(data: bytes, declared: str | None) -> tuple[str, str | None]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), None
            except UnicodeDecodeError:
                break
    # before UTF-8: ASCII in UTF-16/32 and ISO-2022 are valid UTF-8 too, NULs and escapes included
    for wide in (_utf32_without_bom(data), _utf16_without_bom(data)):
        if wide is not None:
            return wide, None
    if (b"\x1b$" in data[:8192] or b"\x1b(" in data[:8192]) and max(data[:8192]) < 0x80:  # ISO-2022 (Japanese, Korean)
        for encoding in ("iso2022_jp_2", "iso2022_kr"):
            try:
                return data.decode(encoding), f"the encoding was read as {encoding} from its escape sequences"
            except UnicodeDecodeError:
                continue
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    if declared:
        try:
            return data.decode(_codec_name(declared)), None
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; detect instead
    if b"\x00" in data[:8192]:
        raise BinaryInput("the file holds NUL bytes: it is binary data, not text")
    western = _western_cp1252(data)
    if western is not None:
        return western, "the encoding was a guess: windows-1252 (Western European); declare a charset to be sure"
    return _charset_normalizer(data)


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few broken bytes (a truncated character, one pasted Latin-1 byte) stays UTF-8:
    the bad bytes become U+FFFD and a note says so, instead of the whole page read as cp1252."""
    bad, pos, valid_multibyte = 0, 0, 0
    while pos < len(data):
        try:
            chunk = data[pos:].decode("utf-8")
            valid_multibyte += sum(1 for c in chunk if ord(c) > 127)
            break
        except UnicodeDecodeError as exc:
            good = data[pos : pos + exc.start].decode("utf-8")
            valid_multibyte += sum(1 for c in good if ord(c) > 127)
            bad += exc.end - exc.start
            pos += exc.end
            if bad > MAX_BAD_UTF8:
                return None
    if valid_multibyte < bad:  # no real UTF-8 evidence: a legacy encoding with a few high bytes
        return None
    text = data.decode("utf-8", errors="replace")
    return text, f"{bad} byte(s) were not valid UTF-8 and were replaced by U+FFFD; the rest read as UTF-8"


def _codec_name(name: str) -> str:
    name = name.strip().lower()
    # browsers read latin-1 and ascii declarations as windows-1252 (WHATWG encoding standard)
    return "cp1252" if name in {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"} else name


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NUL in every other byte of its ASCII characters."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    half = len(sample) // 2
    even_nul = sample[0::2].count(0) / half
    odd_nul = sample[1::2].count(0) / half
    for encoding, nul_here, nul_there in (("utf-16-le", odd_nul, even_nul), ("utf-16-be", even_nul, odd_nul)):
        if nul_here > 0.6 and nul_there < 0.05:  # ASCII-dominated text: nearly every other byte NUL
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


# a cp1252 symbol (¿ ³ ¹ œ Ÿ ¥ ...) inside a word, or þ/ð/ý after a lower-case letter: cp1250 or
# cp1254 text read as cp1252 (Polish ż->¿, ł->³, ą->¹; Turkish ş->þ, ğ->ð, ı->ý)
_MISREAD_1252 = re.compile("[a-zA-Z][¿³¹¼¾¶¥œŸŒŠšŽž¦ª][a-z]|[a-z][þðý][a-z]")


def _western_cp1252(data: bytes) -> str | None:
    """cp1252 when it decodes cleanly and accented letters are a minority of letters.

    Cyrillic or Greek code pages also decode as cp1252, but then almost every letter is
    non-ASCII; Western European text has only a few.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    if _MISREAD_1252.search(text):
        return None  # "zauwa¿yli", "ko³o", "geþti": Central European or Turkish bytes, not Western
    non_ascii = sum(1 for c in letters if ord(c) > 127)
    return text if non_ascii / len(letters) < 0.3 else None


# the code pages text in these languages is really written in (the ISO and Windows pages of
# each script; WHATWG Encoding Standard's legacy single-byte list): charset-normalizer often
# ranks a look-alike page first (iso8859_3/10 for Polish, iso8859_10 for Turkish)
USUAL_ENCODINGS = {
    "Polish": ("iso8859_2", "cp1250"), "Czech": ("iso8859_2", "cp1250"), "Slovak": ("iso8859_2", "cp1250"),
    "Hungarian": ("iso8859_2", "cp1250"), "Croatian": ("iso8859_2", "cp1250"), "Slovene": ("iso8859_2", "cp1250"),
    "Romanian": ("iso8859_16", "iso8859_2", "cp1250"), "Turkish": ("iso8859_9", "cp1254"),
    "Russian": ("cp1251", "koi8_r", "iso8859_5"), "Ukrainian": ("cp1251", "koi8_u"), "Bulgarian": ("cp1251",),
    "Greek": ("iso8859_7", "cp1253"), "Baltic": ("iso8859_13", "cp1257"),
}


def _usual_for_language(results):
    """Of charset-normalizer's plausible readings, the usual code page of the language found."""
    if not results:
        return None
    usual = USUAL_ENCODINGS.get(results[0].language or "", ())
    fits = [r for r in results if r.encoding in usual and r.chaos <= 0.2]
    return min(fits, key=lambda r: (round(r.chaos, 2), usual.index(r.encoding))) if fits else None


def _charset_normalizer(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    best = _usual_for_language(results) or (results[0] if results else None)
    if best is None:
        raise UndecodableInput("the bytes are not UTF-8 and no text encoding fits them")
    confidence = max(0.0, 1.0 - best.chaos)
    language = f", language {best.language}" if best.language and best.language != "Unknown" else ""
    return str(best), f"the encoding was a guess: {best.encoding} ({confidence:.0%} confidence{language}); declare a charset to be sure"


def _utf32_without_bom(data: bytes) -> str | None:
    """UTF-32 without a BOM: three NUL bytes of every four for ASCII characters."""
    sample = data[:8192]
    if len(sample) < 8 or len(data) % 4:
        return None
    quarter = len(sample) // 4
    for encoding, text_at in (("utf-32-le", 0), ("utf-32-be", 3)):
        others = [i for i in range(4) if i != text_at]
        if all(sample[i::4].count(0) / quarter > 0.9 for i in others[:2]) and sample[text_at::4].count(0) / quarter < 0.1:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _check_text(text: str) -> None:
    """Decoded text full of control characters is binary data that happened to decode."""
    sample = text[:20000]
    bad = len(_BAD_CHARS.findall(sample))
    if bad > max(3, len(sample) * 0.01):
        raise BinaryInput(f"{bad} control or invalid characters in the first {len(sample)}: this is binary data, not text")
