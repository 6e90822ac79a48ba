"""Loaders for the referent resources: ``event_frames.json`` (event words of one frame) and
``referent_roles.json`` (role nouns of states and armed actors). Both files say where they
come from; this module only reads them once."""

from __future__ import annotations

import json
from functools import lru_cache

from . import read_text


@lru_cache(maxsize=1)
def _event_frames() -> dict:
    return json.loads(read_text("event_frames.json"))


@lru_cache(maxsize=1)
def frames() -> dict[str, str]:
    """lemma -> frame name."""
    return {lemma: frame for frame, lemmas in sorted(_event_frames()["frames"].items()) for lemma in lemmas}


def frame_of(lemma: str) -> str | None:
    return frames().get(lemma)


@lru_cache(maxsize=1)
def patient_only() -> frozenset[str]:
    """Frame words with other senses in news ("hit a record", "kept the crowd back"): they join
    others of their frame only through what they are done to."""
    return frozenset(_event_frames().get("patient_only", ()))


@lru_cache(maxsize=1)
def second_senses() -> dict[str, tuple[str, ...]]:
    """lemma -> the frames it also names in another sense ("strike": impact; "capture": arrest)."""
    out: dict[str, list[str]] = {}
    for frame, lemmas in sorted(_event_frames().get("second_senses", {}).items()):
        for lemma in lemmas:
            out.setdefault(lemma, []).append(frame)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _neutral() -> dict[str, str]:
    return dict(_event_frames().get("neutral", {}))


def neutral_name(frame: str) -> str | None:
    """The frame's plain name for its happening ("conquering" -> "capture")."""
    return _neutral().get(frame)


@lru_cache(maxsize=1)
def roles() -> dict:
    data = json.loads(read_text("referent_roles.json"))
    return {k: (tuple(v) if isinstance(v, list) else v) for k, v in data.items() if not k.startswith("_")}
