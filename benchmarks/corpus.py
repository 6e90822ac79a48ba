"""Builds benchmark corpora from ../shared/data at run time (never copied into the repo)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"


def basil_articles(data: Path = DATA) -> Iterator[dict]:
    for path in sorted((data / "basil" / "articles").rglob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [" ".join(p) if isinstance(p, list) else str(p) for p in doc.get("body-paragraphs", [])]
        text = "\n\n".join(p for p in paragraphs if p.strip())
        if text.strip():
            yield {"id": f"basil-{path.stem}", "outlet": str(doc.get("source", "")).lower() or "basil",
                   "title": doc.get("title"), "published": doc.get("date"), "text": text}


def polnear_articles(data: Path = DATA) -> Iterator[dict]:
    for path in sorted((data / "polnear" / "data" / "dev" / "text").glob("*.txt")):
        yield {"id": f"polnear-{path.stem}", "outlet": "polnear", "text": path.read_text(encoding="utf-8")}


def gum_articles(data: Path = DATA) -> Iterator[dict]:
    with open(data / "gum_news" / "gum_news_docs.jsonl", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            doc = json.loads(line)
            yield {"id": f"gum-{doc.get('doc_id', n)}", "outlet": "wikinews", "text": doc["text"]}


def ecb_articles(data: Path = DATA, limit: int | None = None) -> Iterator[dict]:
    with open(data / "ecbplus" / "docs_dev.jsonl", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            doc = json.loads(line)
            sentences = doc["sentences"]
            text = "\n".join(s["text"] if isinstance(s, dict) else str(s) for s in sentences)
            yield {"id": f"ecb-{n}", "outlet": "ecbplus", "text": text}


def mixed_corpus(size: int = 300, data: Path = DATA) -> list[dict]:
    """A few hundred real news articles of several outlets and styles."""
    docs: list[dict] = []
    for source in (basil_articles(data), polnear_articles(data), gum_articles(data), ecb_articles(data)):
        for doc in source:
            docs.append(doc)
            if len(docs) >= size:
                return docs
    return docs


def write_jsonl(docs: list[dict], path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return path
