"""HTML pages -> main text and metadata (trafilatura), and HTML fragments -> plain text.

The article text is trafilatura's main text with paragraphs separated by a blank line, the
same shape as a plain-text article, so sentence splitting treats both alike.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass

from ..errors import NoArticleText
from .dates import normalize_published

_BLOCK_TAGS = re.compile(r"<\s*(?:br|/p|/div|/li|/h[1-6]|/blockquote|/tr|/section|/article|p|div|li|h[1-6]|blockquote)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_DROP = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
MIN_ARTICLE_WORDS = 10


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    site_name: str | None = None
    url: str | None = None  # the canonical URL the page declares
    note: str | None = None  # how the bytes were decoded, when that was a guess or a repair


_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def count_words(text: str) -> int:
    """Words by spaces, and Chinese/Japanese/Korean by characters (about two to a word):
    a Japanese article has few spaces but is not "only 8 words"."""
    spaced = len(text.split())
    cjk = len(_CJK.findall(text))
    return spaced + (cjk + 1) // 2


def extract_page(html: str, url: str | None = None) -> Page:
    """Main text, title, date, author and site name of an article page."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,  # readers' comments are not the article
        include_tables=True,
        include_images=False,
        output_format="python",
        # dates from the page's markup and URL only: a date that a paragraph mentions is not
        # the publication date (and scanning the text for years is a third of the time)
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = _paragraphs(getattr(doc, "text", None) or "") if doc is not None else ""
    words = count_words(text)
    if words < MIN_ARTICLE_WORDS:  # a menu item or a caption is not an article
        found = f" (only {words} word{'s' if words != 1 else ''}: {text[:40]!r})" if words else ""
        raise NoArticleText(f"no article text could be extracted from the page{found}")
    return Page(
        text=text,
        title=_clean(doc.title),
        published=normalize_published(doc.date),
        author=_clean(doc.author),
        site_name=_clean(doc.sitename),
        url=_clean(doc.url),
    )


def _paragraphs(text: str) -> str:
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n\n".join(line for line in lines if line)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def fragment_to_text(fragment: str) -> str:
    """Plain text of a small HTML fragment (a feed entry's summary), one paragraph per block."""
    if "<" not in fragment and "&" not in fragment:
        return _paragraphs(fragment)
    without_code = _DROP.sub(" ", fragment)
    with_breaks = _BLOCK_TAGS.sub("\n", without_code)
    plain = html_lib.unescape(_TAG.sub("", with_breaks))
    lines = (_SPACES.sub(" ", line).strip() for line in plain.split("\n"))
    return "\n\n".join(line for line in lines if line)


def page_from_bytes(data: bytes, url: str | None = None, declared_charset: str | None = None) -> Page:
    """Decode an HTML page (HTTP or <meta> charset, else detection) and extract it."""
    from dataclasses import replace

    from .decode import declared_html_charset, decode_bytes, decode_note

    html = decode_bytes(data, declared_charset or declared_html_charset(data))
    page = extract_page(html, url)
    return replace(page, note=decode_note(html)) if decode_note(html) else page


def looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head or b"<body" in head
