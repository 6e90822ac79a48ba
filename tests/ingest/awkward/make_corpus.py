"""Write the awkward-input corpus (issue 15) into a folder: every file made here, nothing copied.

Encodings (the same article in many code pages, with and without BOMs, UTF-8 with a few bad
bytes), feeds in UTF-16/32 and with hostile links, markup-like names, binary and empty files,
broken JSONL/WARC/gzip, an XML entity bomb, deeply nested HTML, a quote-heavy long text.
``SAMPLES`` maps each encoding case to the text it must decode to.
Run: python tests/ingest/awkward/make_corpus.py OUT_DIR
"""

from __future__ import annotations

import codecs
import gzip
import json
import sys
from pathlib import Path

from languages import NON_ENGLISH
from quote_heavy import quote_heavy_text

ENGLISH = ("The first convoy of buses carrying civilians and wounded fighters left the city on Thursday, "
           "the Red Cross said, under a ceasefire deal. Officials said about 200 civilians had been moved.\n")
POLISH = "Mieszkańcy zauważyli, że żołnierze opuścili miasto. Świadkowie mówią o łzach i ciszy na ulicach Łodzi. " * 3
TURKISH = "Şehirde yaşayanlar ağır bir sessizliğin çöktüğünü söyledi. Işıklar söndü ve İstanbul'da göç başladı. " * 3
RUSSIAN = "Жители города сообщили, что колонна автобусов покинула восточные районы утром в четверг. " * 3
GREEK = "Οι κάτοικοι της πόλης είπαν ότι η πρώτη φάλαγγα λεωφορείων έφυγε το πρωί της Πέμπτης. " * 3
JAPANESE = "木曜日の朝、市民と負傷者を乗せたバスの最初の車列が東部地区を出発したと赤十字が発表した。" * 3
KOREAN = "목요일 아침 민간인과 부상자를 태운 첫 버스 행렬이 동부 지역을 떠났다고 적십자가 밝혔다. " * 3
CHINESE = "星期四早上，载有平民和伤员的第一批巴士车队离开了城市东部，红十字会说。" * 3
WESTERN = "Les habitants ont déclaré que le premier convoi a quitté la ville jeudi matin. Ça a été très dur. " * 3

# file name -> (text, encoding, add a BOM)
SAMPLES: dict[str, tuple[str, str, bool]] = {
    "polish-cp1250.txt": (POLISH, "cp1250", False),
    "polish-iso8859-2.txt": (POLISH, "iso8859_2", False),
    "turkish-cp1254.txt": (TURKISH, "cp1254", False),
    "russian-cp1251.txt": (RUSSIAN, "cp1251", False),
    "russian-koi8r.txt": (RUSSIAN, "koi8_r", False),
    "greek-iso8859-7.txt": (GREEK, "iso8859_7", False),
    "french-cp1252.txt": (WESTERN, "cp1252", False),
    "japanese-shift-jis.txt": (JAPANESE, "shift_jis", False),
    "japanese-euc-jp.txt": (JAPANESE, "euc_jp", False),
    "japanese-iso2022.txt": (JAPANESE, "iso2022_jp", False),
    "korean-euc-kr.txt": (KOREAN, "euc_kr", False),
    "chinese-gb18030.txt": (CHINESE, "gb18030", False),
    "english-utf16le-bom.txt": (ENGLISH * 3, "utf-16-le", True),
    "english-utf16be-nobom.txt": (ENGLISH * 3, "utf-16-be", False),
    "english-utf32le-bom.txt": (ENGLISH * 3, "utf-32-le", True),
    "english-utf32le-nobom.txt": (ENGLISH * 3, "utf-32-le", False),
    "english-utf8-bom.txt": (ENGLISH * 3, "utf-8", True),
}
BOMS = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-32-le": codecs.BOM_UTF32_LE, "utf-8": codecs.BOM_UTF8}

FEED = """<?xml version="1.0" encoding="{enc}"?>
<rss version="2.0"><channel><title>Ledger</title><link>http://example.org/</link>
<item><title>Convoy leaves</title><link>{link}</link><description>{text}</description></item>
</channel></rss>"""


def encoded(name: str) -> bytes:
    text, encoding, bom = SAMPLES[name]
    return (BOMS.get(encoding, b"") if bom else b"") + text.encode(encoding)


def three_page_warc() -> bytes:
    """Three HTML responses, each its own gzip member (as crawlers write them), by warcio's writer."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for n in range(3):
        body = f"<html><head><title>Convoy {n}</title></head><body><article><p>{ENGLISH * 4}</p></article></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"http://example.org/news/{n}", "response", payload=BytesIO(body),
                                                      http_headers=headers))
    return buffer.getvalue()


def requests_only_warc() -> bytes:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for n in range(2):
        headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record(f"http://example.org/{n}", "request", http_headers=headers))
    return buffer.getvalue()


def write_corpus(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {name: encoded(name) for name in SAMPLES}
    broken = (ENGLISH * 3).replace("said", "sa\u00efd").encode("utf-8")
    files["english-utf8-2-bad-bytes.txt"] = broken.replace("sa\u00efd".encode(), b"sa\xefd", 2)
    files["german-utf8-1-latin1-byte.txt"] = ("Die Straße war schön und ruhig, sagten die Bewohner. " * 5).encode() + b" Gr\xfc\xdfe\n"
    for enc, bom in (("utf-16", b""), ("utf-32", b"")):
        files[f"feed-{enc}.xml"] = bom + FEED.format(enc=enc, link="http://127.0.0.1:9/news/[/i]", text=ENGLISH).encode(enc)
    files["feed-markup-link.xml"] = FEED.format(enc="utf-8", link="http://127.0.0.1:9/news/[/i]", text=ENGLISH).encode()
    files["feed-no-entries.xml"] = b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>'
    files["feed-entity-bomb.xml"] = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
                                     + b"".join(f'<!ENTITY {c}{"&" + p + ";" * 1}'.encode() for c, p in ())
                                     + b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
                                     + b'<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>'
                                     + b'<rss version="2.0"><channel><title>&e;</title><item><title>&e;</title>'
                                     + b"<description>&e;</description></item></channel></rss>")
    files["empty.txt"] = b""
    files["whitespace.txt"] = b" \n\t\n " * 50
    files["nul-bytes.txt"] = b"abc\x00\x01\x02" * 500
    files["image-named.txt"] = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    files["broken.jsonl"] = b'{"text": "ok but short"}\n[1, 2]\n{"text": 1e999}\n{"text": \n"just a string"\n{}\n'
    files["broken.jsonl.gz"] = gzip.compress(b'{"text": "' + ENGLISH.encode() + b'"}\n')[:40]
    files["truncated.warc.gz"] = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 100\r\n\r\nHTTP/1.1 200")[:-8]
    files["not-a-warc.warc"] = b"WARC/1.0\r\nthis is not a record\r\n"
    warc = three_page_warc()
    files["cut-80pc.warc.gz"] = warc[: len(warc) * 4 // 5]  # the last record cut part way
    files["damaged-middle.warc.gz"] = warc[: len(warc) // 2] + bytes(64) + warc[len(warc) // 2 + 64:]
    files["requests-only.warc"] = requests_only_warc()
    for code in ("de", "tr", "zh"):
        files[f"news-{code}.txt"] = (NON_ENGLISH[code] + "\n") .encode("utf-8")
    files["nested.html"] = b"<html><body>" + b"<div>" * 20000 + ENGLISH.encode() * 3 + b"</div>" * 20000 + b"</body></html>"
    files["no-text.html"] = b"<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    files["japanese-page.html"] = (f"<html><head><meta charset='shift_jis'><title>車列</title></head><body><article>"
                                   f"<p>{JAPANESE}</p><p>{JAPANESE}</p></article></body></html>").encode("shift_jis")
    files["quote-heavy-60k.txt"] = quote_heavy_text(48_000, dump_chars=12_000).encode()
    files["one-long-line.txt"] = (("word " * 20 + "'it's' \"x\" ") * 800).encode()
    written = []
    for name, data in sorted(files.items()):
        path = out / name
        path.write_bytes(data)
        written.append(path)
    odd = out / "[" / "x].xyz"  # a path holding "[/x].xyz"
    odd.parent.mkdir(exist_ok=True)
    odd.write_text("not a format newsprism reads")
    written.append(odd)
    (out / "[bold]red.txt").write_text(ENGLISH * 3)
    written.append(out / "[bold]red.txt")
    return written


if __name__ == "__main__":
    paths = write_corpus(Path(sys.argv[1]))
    print(json.dumps([str(p) for p in paths], indent=1))
