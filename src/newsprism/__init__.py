"""newsprism: compare how news outlets cover the same event, every statement traceable to exact words."""

__version__ = "0.1.0"

from .thinc_without_torch import install as _keep_torch_out_of_thinc  # noqa: E402

_keep_torch_out_of_thinc()  # before anything imports spaCy (saves ~200 MB a process)

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
