"""newsprism: compare how news outlets cover the same event, every statement traceable to exact words."""

__version__ = "0.1.0"

from .model import (  # noqa: E402
    Article,
    ArticleAnalysis,
    Claim,
    Entity,
    Figure,
    Mention,
    Options,
    Quote,
    Report,
    Span,
    Story,
)


def analyze(inputs, **options):
    """Analyse files, folders, URLs or feeds; returns a :class:`Report` (see ``Report.to_dict``)."""
    from .pipeline import analyze as _analyze

    return _analyze(inputs, **options)


def load_articles(inputs, **options):
    """Read inputs into articles without analysing them; returns (articles, skipped)."""
    from .ingest import load_articles as _load

    return _load(list(inputs) if not isinstance(inputs, str) else [inputs], **options)


__all__ = sorted([
    "Article",
    "ArticleAnalysis",
    "Claim",
    "Entity",
    "Figure",
    "Mention",
    "Options",
    "Quote",
    "Report",
    "Span",
    "Story",
    "__version__",
    "analyze",
    "load_articles",
])
