"""The two embedding backends side by side: speed, and the quality gates that use embeddings.

    .venv/bin/python benchmarks/embed_backends.py [--articles 100] [--summary-lines N]

Speed: the statements claim alignment and the summary embed (``core_text`` of each sentence of
``--articles`` real articles from ../shared/data), encoded cold by each backend in this process,
beside bare spaCy ``nlp.pipe`` on the same articles (the parse is the yardstick).
Quality: the NeuS summary gate (``benchmarks/summary_neus.py`` on the gate's val lines (all 307), in a
subprocess per backend with ``NEWSPRISM_EMBED`` set) against its floors in
benchmarks/floors/summary_neus.json. Story clustering does not embed; claims and framing have no
data-set gate in this tree yet, so the summary gate is the one that can tell the backends apart.
Writes benchmarks/results/embed_backends.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import mixed_corpus  # noqa: E402

BACKENDS = ("static", "minilm")  # the default first


def speed(articles: int) -> dict:
    from newsprism.align.claims import core_text
    from newsprism.resources import embed as E
    from newsprism.nlp import load_nlp

    texts = [d["text"] for d in mixed_corpus(articles)]
    nlp = load_nlp()
    list(nlp.pipe(texts[:3]))
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse_s = time.perf_counter() - t0
    sentences = [core_text(s.text) for d in docs for s in d.sents if len(s.text.split()) >= 4]
    out = {"articles": len(texts), "sentences": len(sentences), "spacy_pipe_s": round(parse_s, 2)}
    for name in BACKENDS:
        E.embed(["warm up"], backend=name)
        E.clear_cache()
        t0 = time.perf_counter()
        E.embed(sentences, backend=name)
        seconds = time.perf_counter() - t0
        out[name] = {"seconds": round(seconds, 3), "sentences_per_s": round(len(sentences) / seconds),
                     "share_of_parse": round(seconds / parse_s, 4)}
    out["static_speedup"] = round(out["minilm"]["seconds"] / out["static"]["seconds"], 1)
    return out


def summary_gate(lines: int) -> dict:
    floors = json.loads((HERE / "floors" / "summary_neus.json").read_text())["gate"]
    out: dict = {"lines": lines, "floors": {k: floors[k] for k in ("rouge2", "rougeL", "grounding")}}
    for name in BACKENDS:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "r.json"
            env = dict(os.environ, NEWSPRISM_EMBED=name)
            subprocess.run([sys.executable, str(HERE / "summary_neus.py"), "--limit", str(lines), "--sentences",
                            str(floors["summary_sentences"]), "--out", str(path)], env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            r = json.loads(path.read_text())
        ours = r["rouge"]["newsprism"]
        out[name] = {"rouge2": ours["rouge2"], "rougeL": ours["rougeL"], "grounding": r["grounding"],
                     "loaded_rate": r["neutrality"]["newsprism"]["loaded_rate"],
                     "at_floors": ours["rouge2"] >= floors["rouge2"] and ours["rougeL"] >= floors["rougeL"]
                     and r["grounding"] >= floors["grounding"]}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--summary-lines", type=int, default=None, help="default: the gate's lines")
    args = parser.parse_args()
    lines = args.summary_lines or json.loads((HERE / "floors" / "summary_neus.json").read_text())["gate"]["samples"]
    result = {"speed": speed(args.articles), "summary_gate": summary_gate(lines),
              "load_average": [round(x, 2) for x in os.getloadavg()],
              "note": "2 shared cores, loaded by other agents: compare the backends within this run",
              "when": time.strftime("%Y-%m-%dT%H:%M:%S")}
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "embed_backends.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
