"""Language resources: one definition each, each saying where it comes from."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import newsprism
from newsprism.resources import read_text, words

PACKAGE = Path(newsprism.__file__).parent
SHARED_NAMES = {n for n in vars(words) if n.isupper()}


def test_every_resource_file_says_where_it_comes_from():
    for path in sorted((PACKAGE / "resources").iterdir()):
        if path.suffix in (".txt", ".tsv"):
            assert read_text(path.name).startswith("#"), f"{path.name}: first line should say where it comes from"
        elif path.suffix == ".json":
            data = json.loads(read_text(path.name))
            assert data.get("_about") or data.get("about"), f"{path.name}: needs an _about line"


def test_no_module_defines_its_own_copy_of_a_shared_word_list():
    copies = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.parent.name == "resources":
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
            for t in targets:
                if isinstance(t, ast.Name) and t.id in SHARED_NAMES:
                    copies.append(f"{path.relative_to(PACKAGE)}: {t.id}")
    assert copies == [], "import these from newsprism.resources.words"


def test_shared_lists_are_general_words():
    assert words.MONTHS["sept"] == 9 and words.MONTH_NAMES[5] == "june"
    assert {"say", "tell", "deny"} <= words.SPEECH_VERBS and words.REPORTING_VERBS <= words.SPEECH_VERBS
    assert words.NUMBER_WORDS["ninety"] == 90 and "the" in words.STOP_WORDS
