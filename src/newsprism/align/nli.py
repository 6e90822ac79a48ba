"""An optional, stronger judge of claim pairs: a natural-language-inference cross-encoder.

Off by default. A user who has an NLI cross-encoder on disk (for instance a copy of
cross-encoder/nli-deberta-v3-base) points newsprism at the folder with the option
``Options.nli_model`` or the environment variable ``NEWSPRISM_NLI_MODEL``. Nothing is ever
fetched from a hub: the loader reads a local path only and refuses anything else.

Any object with ``predict(pairs) -> list[dict[label, probability]]`` (labels
``contradiction``, ``entailment``, ``neutral``) can serve, so tests and other backends plug in
without this module.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Mapping, Protocol, Sequence

from ..errors import ConfigError

ENV_NLI_MODEL = "NEWSPRISM_NLI_MODEL"
LABELS = ("contradiction", "entailment", "neutral")


class NLIModel(Protocol):
    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[Mapping[str, float]]:
        """For each (premise, hypothesis): the probability of each label."""
        ...


class CrossEncoderNLI:
    """A sentence-transformers CrossEncoder read from a local folder."""

    def __init__(self, path: Path):
        from sentence_transformers import CrossEncoder

        self.model = CrossEncoder(str(path), device="cpu", local_files_only=True)
        config = getattr(self.model, "config", None) or getattr(getattr(self.model, "model", None), "config", None)
        id2label = getattr(config, "id2label", None) or {}
        # label order differs between models: read it from the model's own config
        self.labels = [str(id2label.get(i, LABELS[i] if i < 3 else i)).lower() for i in range(len(id2label) or 3)]

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[Mapping[str, float]]:
        if not pairs:
            return []
        probs = self.model.predict(list(pairs), apply_softmax=True, show_progress_bar=False)
        return [dict(zip(self.labels, map(float, row))) for row in probs]


def nli_path(option: str | None = None) -> Path | None:
    """The configured local model folder, or None when NLI is off."""
    value = option or os.environ.get(ENV_NLI_MODEL)
    if not value:
        return None
    path = Path(value).expanduser()
    if not path.is_dir():
        raise ConfigError(
            f"NLI model folder {value!r} not found",
            hint="give the local folder of a downloaded cross-encoder; newsprism never fetches models",
        )
    return path.resolve()


@functools.lru_cache(maxsize=2)
def _load(path: Path) -> NLIModel:
    return CrossEncoderNLI(path)


def load_nli(option: str | None = None) -> NLIModel | None:
    """The NLI model named by the option or ``NEWSPRISM_NLI_MODEL``; None when neither is set."""
    path = nli_path(option)
    return _load(path) if path is not None else None
