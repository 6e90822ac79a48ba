"""Exact and near duplicates: the same agency story republished with small edits counts once.

Exact copies share a fingerprint (canonical text hash). Near copies are found with MinHash
LSH over word 5-gram shingles, then confirmed on the real shingle sets: Jaccard similarity
(small edits anywhere) or containment (a shortened copy: one text almost wholly inside the
other). Every copy points at the *first* copy: earliest published, then input order.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Sequence

from datasketch import MinHash, MinHashLSH

from .clean import _WORD, canonical_text, fingerprint_of_canonical, shingles


@dataclass(frozen=True)
class DedupConfig:
    shingle_size: int = 5
    num_perm: int = 128
    lsh_threshold: float = 0.3  # recall-oriented (a half-length copy has Jaccard 0.5); confirmed below
    min_jaccard: float = 0.7  # same story, small edits
    min_containment: float = 0.9  # a trimmed copy: shorter text mostly inside the longer
    min_shingles: int = 20  # texts shorter than this only match exactly


def _order_key(published: str | None, position: int) -> tuple[int, str, int]:
    # undated articles come after dated ones; ISO strings sort chronologically
    return (0 if published else 1, published or "", position)


def find_duplicates(texts: Sequence[str], published: Sequence[str | None] | None = None,
                    config: DedupConfig = DedupConfig()) -> list[int | None]:
    """For each text, the index of the first copy it duplicates, or None for an original."""
    published = list(published) if published is not None else [None] * len(texts)
    order = sorted(range(len(texts)), key=lambda i: _order_key(published[i], i))
    original: list[int | None] = [None] * len(texts)
    by_fingerprint: dict[str, int] = {}
    lsh = MinHashLSH(threshold=config.lsh_threshold, num_perm=config.num_perm,
                     params=_lsh_params(config.lsh_threshold, config.num_perm))
    kept_shingles: dict[int, set[str]] = {}

    for i in order:  # earliest first, so a copy always finds its original already indexed
        canonical = canonical_text(texts[i])  # once: the fingerprint and the words both read it
        fingerprint = fingerprint_of_canonical(canonical)
        if fingerprint in by_fingerprint:
            original[i] = by_fingerprint[fingerprint]
            continue
        by_fingerprint[fingerprint] = i
        grams = shingles(_WORD.findall(canonical), config.shingle_size)
        if len(grams) < config.min_shingles:
            continue
        signature = MinHash(num_perm=config.num_perm, permutations=_permutations(config.num_perm), scheme=_SCHEME)
        signature.update_batch([g.encode("utf-8") for g in grams])
        match = _best_match(grams, (int(k) for k in lsh.query(signature)), kept_shingles, config)
        if match is not None:
            original[i] = original[match] if original[match] is not None else match
            continue
        lsh.insert(str(i), signature)
        kept_shingles[i] = grams
    return original


_SCHEME = MinHash().scheme  # datasketch's default permutation scheme


@functools.lru_cache(maxsize=4)
def _permutations(num_perm: int):
    """A MinHash's permutations depend only on its size and seed: drawn once per process, not
    per article (the same numbers ``MinHash(num_perm)`` draws itself)."""
    return MinHash(num_perm=num_perm).permutations


@functools.lru_cache(maxsize=4)
def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """The bands and rows ``MinHashLSH`` would choose for these settings (a numerical
    integration it would otherwise redo for every corpus)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def _best_match(grams: set[str], candidates, kept: dict[int, set[str]], config: DedupConfig) -> int | None:
    best, best_score = None, 0.0
    for j in candidates:
        other = kept[j]
        common = len(grams & other)
        jaccard = common / len(grams | other)
        containment = common / min(len(grams), len(other))
        if jaccard >= config.min_jaccard or containment >= config.min_containment:
            score = max(jaccard, containment)
            if score > best_score or (score == best_score and best is not None and j < best):
                best, best_score = j, score
    return best
