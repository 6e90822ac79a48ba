"""Quote finding stays near-linear in text length (issue 15, item 1): a quote-heavy text with a
giant run-on paragraph once took minutes (quadratic scans in attribution and mark pairing)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from newsprism.extract.entities import extract_mentions
from newsprism.extract.quotes import extract_quotes
from newsprism.model import Article

AWKWARD = Path(__file__).resolve().parents[1] / "ingest" / "awkward"
sys.path.insert(0, str(AWKWARD))
from quote_heavy import quote_heavy_text  # noqa: E402


def test_quote_marks_on_300_kb_finish_in_seconds():
    # a child process with a hard limit: a hang fails the test instead of stalling the suite
    code = (
        f"import sys; sys.path.insert(0, {str(AWKWARD)!r}); from quote_heavy import quote_heavy_text; "
        "from newsprism.extract.quote_marks import find_quoted; "
        "print(len(find_quoted(quote_heavy_text(240_000, dump_chars=60_000))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 5000


def _quote_work(nlp, n_chars: int) -> int:
    """Function calls (Python and C) made while attributing quotes: a count of the work done,
    the same on every run and on any machine, unlike a time."""
    text = quote_heavy_text(n_chars, dump_chars=n_chars // 4)
    article = Article(id="t", outlet="t", text=text)
    doc = nlp(text)
    mentions = extract_mentions(doc, article, {})
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        quotes = extract_quotes(doc, article, {"mentions": mentions})
    finally:
        sys.setprofile(None)
    assert quotes and all(text[q.start : q.end].startswith(q.text[:10]) for q in quotes)
    return calls


def test_attribution_grows_linearly_not_quadratically(nlp):
    # 4x the text: linear work is ~4x the calls, the old quadratic code ~16x; 9x separates them
    small, large = _quote_work(nlp, 20_000), _quote_work(nlp, 80_000)
    assert large / small < 9, (small, large)
