"""Stores: where articles, analyses, stories and feed state persist between runs."""

from __future__ import annotations

from pathlib import Path

from .base import FeedState, Store
from .memory import MemoryStore
from .sqlite import SQLiteStore


def open_store(path: str | Path | None) -> Store:
    """The SQLite store at ``path``; an in-memory store when ``path`` is None or ``":memory:"``."""
    if path is None or str(path) == ":memory:":
        return MemoryStore()
    return SQLiteStore(path)


__all__ = ["FeedState", "MemoryStore", "SQLiteStore", "Store", "open_store"]
