"""Lossless JSON encoding of the model's dataclasses, for the store.

``model.plain`` is the report view (some ``to_dict`` methods drop fields, such as a mention's
label); the store needs every field back, so this codec walks the dataclass fields itself and
rebuilds the objects from their type hints. Fields added later with a default still decode
old rows; unknown keys (a field since removed) are ignored.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from typing import Any, Mapping

from ... import model


def encode(obj: Any) -> Any:
    """Dataclasses -> dicts of their fields, tuples -> lists, mappings -> dicts."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: encode(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Mapping):
        return {str(k): encode(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [encode(v) for v in obj]
    return obj


def dumps(obj: Any) -> str:
    return json.dumps(encode(obj), ensure_ascii=False, separators=(",", ":"))


def loads(cls: type, text: str) -> Any:
    return decode(cls, json.loads(text))


@functools.lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def decode(hint: Any, data: Any) -> Any:
    """Rebuild a value of type ``hint`` from its encoded form."""
    if data is None or hint is Any:
        return data
    if dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        names = {f.name for f in dataclasses.fields(hint)}
        return hint(**{k: decode(hints[k], v) for k, v in data.items() if k in names})
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        return decode(options[0], data) if len(options) == 1 else data
    if origin is tuple:
        item = args[0] if args else Any
        return tuple(decode(item, v) for v in data)
    if origin in (list,):
        return [decode(args[0] if args else Any, v) for v in data]
    if origin in (dict, Mapping) or origin is getattr(typing, "Mapping", None) or _is_mapping(origin):
        value = args[1] if len(args) == 2 else Any
        return {k: decode(value, v) for k, v in data.items()}
    if hint is float and isinstance(data, int):
        return float(data)
    return data


def _is_mapping(origin: Any) -> bool:
    try:
        return origin is not None and issubclass(origin, Mapping)
    except TypeError:
        return False
