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


def _required(path: Path, what: str) -> Path:
    # a missing ../shared is a broken checkout, never a reason to pass by skipping
    if not path.is_dir():
        pytest.fail(f"{what} not found at {path}: clone the repository beside ../shared", pytrace=False)
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _required(SEEDS, "the seed articles")


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return _required(DATA, "the evaluation data")


@pytest.fixture(scope="session")
def basil_pair(data_dir) -> list:
    """Two real BASIL articles (the first of 2014), normalised: a story apart from the seeds."""
    import json

    from newsprism.model import Article
    from newsprism.normalize import normalize_articles

    out = []
    for path in sorted((data_dir / "basil" / "articles" / "2014").glob("*.json"))[:2]:
        body = json.loads(path.read_text(encoding="utf-8"))
        text = "\n".join(" ".join(paragraph) for paragraph in body["body-paragraphs"])
        out.append(Article(id=path.stem, outlet=body["source"], text=text, title=body["title"]))
    return normalize_articles(out)


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



def pytest_sessionfinish(session, exitstatus):
    # a test that skips has not shown anything: a run with skips does not pass
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter is not None else []
    if skipped and exitstatus == 0:
        reporter.write_line(f"{len(skipped)} test(s) skipped: newsprism's suite passes only when every test runs", red=True)
        session.exitstatus = 1
