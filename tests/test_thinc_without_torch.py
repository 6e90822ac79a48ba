"""Parsing never imports PyTorch (thinc's probe for it cost every worker ~200 MB), while the
backends that need torch still import it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = """
import json, sys
import newsprism
from newsprism.nlp import parse_one
doc = parse_one("Rebels left the city on Tuesday, the army said.")
after_parse = "torch" in sys.modules
import torch  # what the MiniLM and NLI backends do
print(json.dumps({"tokens": len(doc), "torch_after_parse": after_parse, "torch_later": torch.zeros(2).tolist()}))
"""


def run_probe(**env) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True,
                         env={**os.environ, **env})
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_parsing_leaves_torch_unimported_and_importable():
    probe = run_probe()
    assert probe == {"tokens": 11, "torch_after_parse": False, "torch_later": [0.0, 0.0]}


def test_the_opt_out_lets_thinc_import_torch():
    assert run_probe(NEWSPRISM_THINC_TORCH="1")["torch_after_parse"] is True
