"""Issue 15: every awkward file through the CLI, each under a time limit: analysed or one clear
[Ennn] line; no hang, no traceback. The corpus is generated (tests/ingest/awkward/make_corpus.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

AWKWARD = Path(__file__).parent / "awkward"
PER_FILE_SECONDS = 90  # generous: a 2-core machine shared with other work; hangs were 400 s+


def test_every_awkward_file_is_analysed_or_refused_clearly(tmp_path):
    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(AWKWARD / "make_corpus.py"), str(corpus)], check=True, cwd=AWKWARD,
                   capture_output=True, timeout=60)
    env = dict(os.environ)
    done = subprocess.run([sys.executable, str(AWKWARD / "run_corpus.py"), str(corpus), str(tmp_path / "out"),
                           str(PER_FILE_SECONDS)], capture_output=True, text=True, timeout=1500, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    (tmp_path / "result.json").write_text(done.stdout, encoding="utf-8")  # kept by pytest for a look afterwards
    bad = [r for r in result["files"] if r["outcome"] in ("hang", "crash")]
    assert not bad, bad
    assert result["tried"] >= 45 and result["analysed"] + result["clear"] == result["tried"]
    outcome = {r["file"]: r for r in result["files"]}
    # what must be read (the encodings, UTF-16/32 feeds, a markup-like name) and what must be refused
    for name in ("english-utf16be-nobom.txt", "english-utf32le-nobom.txt", "english-utf8-2-bad-bytes.txt",
                 "feed-utf-16.xml", "feed-utf-32.xml", "feed-markup-link.xml", "[bold]red.txt", "quote-heavy-60k.txt"):
        assert outcome[name]["outcome"] == "analysed", outcome[name]
    # decoded right, then skipped as not English with one line naming the language
    for name, code in (("polish-cp1250.txt", "pl"), ("turkish-cp1254.txt", "tr"), ("japanese-iso2022.txt", "ja"),
                       ("japanese-page.html", "ja"), ("korean-euc-kr.txt", "ko"), ("russian-koi8r.txt", "ru"),
                       ("news-de.txt", "de"), ("news-tr.txt", "tr"), ("news-zh.txt", "zh")):
        assert outcome[name]["outcome"] == "clear", outcome[name]
        assert any(f"language {code}: not analysed" in line for line in outcome[name]["lines"]), outcome[name]
    for name in ("empty.txt", "nul-bytes.txt", "image-named.txt", "x].xyz"):
        assert outcome[name]["outcome"] == "clear", outcome[name]
    # broken archives: one line naming what is wrong, the records before the break kept; no generic E100
    assert outcome["cut-80pc.warc.gz"]["outcome"] == "analysed", outcome["cut-80pc.warc.gz"]
    assert any("cut off" in line for line in outcome["cut-80pc.warc.gz"]["lines"])
    assert any("holds no article pages" in line for line in outcome["requests-only.warc"]["lines"])
    assert any("compressed file is cut off" in line for line in outcome["broken.jsonl.gz"]["lines"])
    assert outcome["feed-entity-bomb.xml"]["seconds"] < 20 and any(
        "entity-expansion bomb" in line for line in outcome["feed-entity-bomb.xml"]["lines"])
    assert not [r for r in result["files"] if any("E100" in line or "please report" in line for line in r.get("lines", []))]
