"""Per-article extraction: one spaCy parse in, one ``ArticleAnalysis`` out.

``EXTRACTORS`` is the table of what is extracted, in order. Each extractor has one calling
convention, ``fn(doc, article, found) -> value``, where ``found`` holds what the extractors
before it produced; adding an extractor is one function and one line here.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable, Iterable, Sequence

from ..model import Article, ArticleAnalysis, Part

# field of ArticleAnalysis -> "module:function" (imported on first use)
EXTRACTORS: tuple[tuple[str, str], ...] = (
    ("mentions", "newsprism.extract.entities:extract_mentions"),
    ("quotes", "newsprism.extract.quotes:extract_quotes"),
    ("figures", "newsprism.extract.figures:extract_figures"),
    ("dates", "newsprism.extract.dates:extract_dates"),
    ("claims", "newsprism.extract.claims:extract_claims"),
    ("terms", "newsprism.extract.framing:extract_terms"),
    ("loaded_terms", "newsprism.extract.framing:extract_loaded_terms"),
    ("calls_to_action", "newsprism.extract.framing:extract_calls_to_action"),
    ("features", "newsprism.extract.framing:extract_features"),
    ("ref_mentions", "newsprism.extract.referent_mentions:extract_ref_mentions"),
)


def resolve(target: str) -> Callable[..., Any]:
    module_name, _, attr = target.partition(":")
    return getattr(importlib.import_module(module_name), attr)


def analyze_article(article: Article, doc) -> ArticleAnalysis:
    """Run every extractor over one parsed article."""
    if doc.text != article.text:
        raise ValueError(f"parse of {article.id!r} does not match its text; offsets would be wrong")
    found: dict[str, Any] = {
        "sentences": tuple(Part(s.start_char, s.end_char) for s in doc.sents if s.text.strip())
    }
    for field_name, target in EXTRACTORS:
        found[field_name] = resolve(target)(doc, article, found)
    return ArticleAnalysis(article_id=article.id, **found)


def process_batch(articles: Sequence[Article], *, batch_size: int = 16) -> list[ArticleAnalysis]:
    """Parse and extract a batch of articles. Runs unchanged in a local process or a Dask worker."""
    from ..nlp import parse

    docs: Iterable = parse((a.text for a in articles), batch_size=batch_size)
    return [analyze_article(article, doc) for article, doc in zip(articles, docs)]
