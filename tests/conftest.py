"""Shared fixtures. Evaluation data is read from ../shared (beside the repository), never copied."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seeds not found at {SEEDS}")
    return SEEDS


@pytest.fixture(scope="session")
def data_dir() -> Path:
    if not DATA.is_dir():
        pytest.skip(f"evaluation data not found at {DATA}")
    return DATA


@pytest.fixture(scope="session")
def nlp():
    from newsprism.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def browser_type_launch_args():
    # Debian's chromium, never a downloaded browser build
    return {
        "executable_path": "/usr/bin/chromium",
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"],
    }


@pytest.fixture(scope="session")
def seeds_report(seeds_dir):
    """The seeds analysed once per test session (the canonical example)."""
    import newsprism

    return newsprism.analyze([str(seeds_dir)])


def iter_evidence(node, article_id=None, path="$"):
    """Yield (path, article_id, start, end, text) for every offset-bearing item of a report dict.

    An item without its own article_id inherits the nearest enclosing one (outlet profiles,
    quote parts, speakers)."""
    if isinstance(node, dict):
        article_id = node.get("article_id", article_id)
        if {"start", "end"} <= node.keys() and isinstance(node.get("start"), int):
            yield path, article_id, node["start"], node["end"], node.get("text")
        for key, value in node.items():
            if key == "articles":
                continue
            yield from iter_evidence(value, article_id, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from iter_evidence(value, article_id, f"{path}[{i}]")
