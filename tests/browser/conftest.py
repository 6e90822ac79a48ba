"""Browser-test fixtures: the seed and hostile reports as files and behind a live app."""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path

import pytest

import html_fixture_report

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
STORE_TOKEN = "browser-test-token"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def seed_report(seeds_dir):
    return html_fixture_report.build_seed_report(seeds_dir)


@pytest.fixture(scope="session")
def hostile_report():
    return html_fixture_report.build_hostile_report()


@pytest.fixture(scope="session")
def report_files(seed_report, hostile_report, tmp_path_factory) -> dict[str, Path]:
    from newsprism.report import write_reports

    root = tmp_path_factory.mktemp("browser-reports")
    out = {}
    for name, report in (("aleppo", seed_report), ("hostile", hostile_report)):
        write_reports(report, root / name, formats=("html",))
        (root / name / "report.json").write_text(json.dumps(report.to_dict(), ensure_ascii=False), encoding="utf-8")
        out[name] = root / name / "report.html"
    out["root"] = root
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_app(report_files):
    """The web app on 127.0.0.1 (a free port), run by uvicorn in a thread."""
    import uvicorn

    from newsprism.web.app import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(str(report_files["root"])), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def store_app(seeds_dir, tmp_path_factory):
    """The seeds analysed into a SQLite store by the real pipeline, served with a known token."""
    import uvicorn

    from newsprism.adapters.store import open_store
    from newsprism.incremental import update_store
    from newsprism.web.app import create_app

    db = tmp_path_factory.mktemp("store") / "news.db"
    with open_store(db) as store:
        update_store(store, sorted(str(p) for p in seeds_dir.glob("*.txt")))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(str(db), token=STORE_TOKEN), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", db, STORE_TOKEN
    server.should_exit = True
    thread.join(timeout=10)


class Watch:
    """Console errors, page errors and dialogs seen by a page."""

    def __init__(self, page):
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def open_page(browser):
    """Open a page at a viewport size, watching its console; closed after the test."""
    contexts = []

    def _open(width: int = 1280, height: int = 900):
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        return page, Watch(page)

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def real_report(seeds_dir):
    """The real pipeline's report on the seeds (a broken import fails the tests, never skips them)."""
    import newsprism

    return newsprism.analyze(sorted(str(p) for p in seeds_dir.glob("*.txt")))
