"""The shared sentence-embedding module: normalised rows, stable shape, meaning over words."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.errors import ConfigError
from newsprism.resources.embed import BACKENDS, backend_name, dimension, embed, similarity

WIDTH = {"static": 256, "minilm": 384}


@pytest.mark.parametrize("backend", BACKENDS)
def test_rows_are_unit_length_and_in_order(backend):
    texts = [
        "Rebel fighters and their families will leave eastern Aleppo under a deal.",
        "The central bank raised interest rates by a quarter point on Wednesday.",
    ]
    vectors = embed(texts, backend=backend)
    assert vectors.shape == (2, WIDTH[backend]) and dimension(backend) == WIDTH[backend]
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    # same text, same row, whatever else is in the batch
    alone = embed(texts[1:], backend=backend)
    assert np.allclose(alone[0], vectors[1], atol=1e-5)


@pytest.mark.parametrize("backend", BACKENDS)
def test_paraphrase_is_closer_than_unrelated_sentence(backend):
    a, b, c = embed([
        "Rebel fighters will leave the city under an agreement.",
        "Under the deal, insurgents are to be evacuated from the city.",
        "The central bank raised interest rates on Wednesday.",
    ], backend=backend)
    sims = similarity(np.stack([a]), np.stack([b, c]))[0]
    assert sims[0] > sims[1] + 0.2


def test_empty_input_and_blank_texts():
    assert embed([]).shape == (0, dimension())
    vectors = embed(["", "   ", "Aleppo fell to government forces."])
    assert not vectors[0].any() and not vectors[1].any()
    assert np.isclose(np.linalg.norm(vectors[2]), 1.0, atol=1e-5)


def test_unknown_backend_is_a_config_error(monkeypatch):
    monkeypatch.setenv("NEWSPRISM_EMBED", "bert-large")
    with pytest.raises(ConfigError):
        backend_name()
    monkeypatch.delenv("NEWSPRISM_EMBED")
    assert backend_name() == "static"


def test_repeated_texts_come_from_the_cache_unchanged():
    from newsprism.resources import embed as module

    texts = ["Rebels agreed to leave eastern Aleppo.", "The ceasefire collapsed on Wednesday."]
    first = module.embed(texts)
    assert set(texts) <= module.cached_texts()
    again = module.embed(list(reversed(texts)))
    assert (again[0] == first[1]).all() and (again[1] == first[0]).all()


def test_similarity_is_the_one_thread_product_and_leaves_the_thread_count_alone():
    """A story's similarities are the same numbers on any machine: the product on one BLAS thread
    (as on a Dask worker), whatever the process's own setting, which is left as it was."""
    from threadpoolctl import ThreadpoolController, threadpool_limits

    rows = np.random.default_rng(7).standard_normal((300, 256)).astype(np.float32)
    before = [lib["num_threads"] for lib in ThreadpoolController().select(user_api="blas").info()]
    with threadpool_limits(limits=1, user_api="blas"):
        expected = rows @ rows.T
    with threadpool_limits(limits=2, user_api="blas"):
        assert np.array_equal(similarity(rows, rows), expected)
    assert [lib["num_threads"] for lib in ThreadpoolController().select(user_api="blas").info()] == before
