"""Shared fixtures. Evaluation data is read from ../shared (beside the repository), never copied."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# the suite's web servers listen on 127.0.0.1, which newsprism refuses by default (issue 15,
# item 5); tests of that refusal pass allow_private_hosts=False or run the CLI without this
os.environ.setdefault("NEWSPRISM_ALLOW_PRIVATE_HOSTS", "1")

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

