"""Candidate pairs of claims, at a cost that grows with the story, not with its square.

Comparing every claim of a story with every other one costs n² (a story of 200 articles holds
some 6,000 sentences: 18 million pairs, each embedded and checked). Claim alignment only needs
the pairs that could state the same thing, so each claim keeps its ``k`` best partners in other
articles by a cheap score: idf-weighted word overlap (a sparse dot product), raised when the two
sentences share a resolved event, a figure or a date (the blocking keys). Only claims that end
up in a candidate pair are embedded; everything downstream (agreement, disputes, grouping)
looks at these pairs alone.

The sparse products are done in row blocks of ``BLOCK`` claims, so memory stays
``BLOCK * n`` floats; the work left is a sparse product and a top-k per row.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Hashable, Sequence

import numpy as np
from scipy import sparse

# Set by hand, not tuned (checked on ECB+ coref_dev topics 1-11, where a claim has at most ~20
# articles retelling it): partners kept per claim; the cheap score below which two claims have too
# little in common to compare; what a shared resolved event / figure / date / act adds to it.
NEIGHBOURS = 12
MIN_CHEAP = 0.12
KEY_BONUS = 0.25
BLOCK = 512

WORD_RE = re.compile(r"[A-Za-z]+|\d[\d,.]*")
LOWER_WORD_RE = re.compile(r"[a-z]+|\d[\d,.]*")  # WORD_RE on a lower-cased ASCII text
STOP = frozenset("the a an of and or in on at to for by with from their its his her this that".split())
FUNCTION_WORDS = frozenset(
    "are was were been being has have had will would could should may might can not also "
    "than then there here what which who whom whose when where while this these those they "
    "them some many much more most other such into onto over under about after before said "
    "says say told according".split()
)


def content_words(text: str) -> set[str]:
    """Lower-cased content words, plural -s dropped: a cheap, parse-free bag of what is said."""
    out = set()
    # an ASCII text is lower-cased once (the same words: only A-Z change); other texts word by
    # word, as a non-ASCII letter may lower-case to an ASCII one ("K" the kelvin sign)
    words = LOWER_WORD_RE.findall(text.lower()) if text.isascii() else [w.lower() for w in WORD_RE.findall(text)]
    for w in words:
        w = w.rstrip(".,")
        if w in STOP or w in FUNCTION_WORDS or len(w) < 3 and not w[0].isdigit():
            continue
        out.add(w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w)
    return out


@functools.lru_cache(maxsize=32768)
def _bag(text: str) -> tuple[str, ...]:
    """``content_words`` in order, remembered: claim alignment and the summary weigh the same
    sentences."""
    return tuple(sorted(content_words(text)))


def tfidf(texts: Sequence[str]) -> sparse.csr_matrix:
    """Rows: idf-weighted, L2-normalised content-word sets; idf over the given (story's) texts."""
    bags = [_bag(t) for t in texts]
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, bag in enumerate(bags):
        for w in bag:
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
    n = len(bags)
    matrix = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, max(len(vocab), 1)))
    df = np.asarray((matrix > 0).sum(axis=0)).ravel()
    idf = (np.log((1 + n) / (1 + df)) + 1.0).astype(np.float32)
    matrix = matrix.multiply(idf[None, :]).tocsr()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms).dot(matrix).tocsr().astype(np.float32)


def incidence(keys: Sequence[frozenset[Hashable]]) -> sparse.csr_matrix:
    """Rows: claims, columns: blocking keys (events, figures, dates) they hold."""
    index: dict[Hashable, int] = {}
    rows, cols = [], []
    for i, ks in enumerate(keys):
        for k in sorted(ks, key=repr):
            rows.append(i)
            cols.append(index.setdefault(k, len(index)))
    return sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(keys), max(len(index), 1)))


def candidate_pairs(lexical: sparse.csr_matrix, keys: sparse.csr_matrix, groups: Sequence[str],
                    k: int = NEIGHBOURS, floor: float = MIN_CHEAP) -> dict[tuple[int, int], float]:
    """(i, j) with i < j -> word-overlap cosine, for each claim's ``k`` best partners from other
    ``groups`` (articles) by word overlap plus ``KEY_BONUS`` for shared blocking keys."""
    n = lexical.shape[0]
    group_ids = np.unique(np.asarray(groups), return_inverse=True)[1]
    pairs: dict[tuple[int, int], float] = {}
    lex_t, keys_t = lexical.T.tocsc(), (keys > 0).astype(np.float32).T.tocsc()
    for lo in range(0, n, BLOCK):
        hi = min(n, lo + BLOCK)
        lex = (lexical[lo:hi] @ lex_t).toarray()
        cheap = lex + KEY_BONUS * ((keys[lo:hi] > 0).astype(np.float32) @ keys_t).toarray().clip(0, 1)
        cheap[group_ids[lo:hi, None] == group_ids[None, :]] = -1.0  # same article: never a pair
        take = min(k, n - 1)
        if take <= 0:
            continue
        best = np.argpartition(-cheap, take - 1, axis=1)[:, :take] if take < n else np.tile(np.arange(n), (hi - lo, 1))
        # every row's partners at once, in the order a row-by-row loop would write them
        local = np.repeat(np.arange(hi - lo), best.shape[1])
        i, j = local + lo, best.ravel()
        keep = (j != i) & (cheap[local, j] >= floor)
        local, i, j = local[keep], i[keep], j[keep]
        for a, b, value in zip(np.minimum(i, j).tolist(), np.maximum(i, j).tolist(), lex[local, j].tolist()):
            pairs[(a, b)] = value
    return pairs
