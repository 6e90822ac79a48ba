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


@functools.lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...] | None:
    """A dataclass's field names (None for any other type), looked up once per type."""
    if dataclasses.is_dataclass(cls):
        return tuple(f.name for f in dataclasses.fields(cls))
    return None


def encode(obj: Any) -> Any:
    """Dataclasses -> dicts of their fields, tuples -> lists, mappings -> dicts."""
    # by concrete type first: the abstract Mapping check and the dataclass lookup, made for each
    # of a story's values, were most of writing it (as in model.plain)
    if isinstance(obj, model.JSON_ATOMS):
        return obj
    names = _field_names(type(obj))
    if names is not None:
        return {name: encode(getattr(obj, name)) for name in names}
    if type(obj) is list or type(obj) is tuple:
        return [encode(v) for v in obj]
    if type(obj) is dict:
        return {str(k): encode(v) for k, v in obj.items()}
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
    return _decoder(hint)(data)


def _identity(data: Any) -> Any:
    return data


@functools.lru_cache(maxsize=None)  # type hints are hashable (an Annotated with a dict would not be)
def _decoder(hint: Any):
    """A function decoding values of type ``hint``, the type dispatch done once per type: a
    story holds some 300,000 values of a few dozen types, and deciding each value's type anew
    was three quarters of reading a story back (benchmarks/store_phases.py: report writing)."""
    if hint is Any:
        return _identity
    if dataclasses.is_dataclass(hint):
        return _dataclass_decoder(hint)
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        return _decoder(options[0]) if len(options) == 1 else _identity
    if origin is tuple or origin is list:
        item = _decoder(args[0] if args else Any)
        make = tuple if origin is tuple else list
        if item is _identity:
            return lambda data: None if data is None else make(data)
        return lambda data: None if data is None else make([None if v is None else item(v) for v in data])
    if origin in (dict, Mapping) or origin is getattr(typing, "Mapping", None) or _is_mapping(origin):
        value = _decoder(args[1] if len(args) == 2 else Any)
        return lambda data: None if data is None else {k: None if v is None else value(v) for k, v in data.items()}
    if hint is float:
        return lambda data: float(data) if isinstance(data, int) else data
    return _identity


def _dataclass_decoder(cls: type):
    fields: dict[str, Any] = {}  # name -> decoder, filled at the first call (a type may refer to itself)

    def decode_dataclass(data: Any) -> Any:
        if data is None:
            return None
        if not fields:
            hints = _hints(cls)
            # made whole, then published in one step: a worker with several threads may decode
            # this type in two at once, and must never see half a table (it would drop fields)
            table = {f.name: _decoder(hints[f.name]) for f in dataclasses.fields(cls)}
            fields.update(table)
        return cls(**{k: (None if v is None else fields[k](v)) for k, v in data.items() if k in fields})

    return decode_dataclass


def _is_mapping(origin: Any) -> bool:
    try:
        return origin is not None and issubclass(origin, Mapping)
    except TypeError:
        return False
