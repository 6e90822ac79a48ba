"""Error analysis of the referents on MEANTIME / ECB+: which links are wrong, which are missed.

    PYTHONPATH=src .venv/bin/python benchmarks/coref_errors.py [--data ecbplus] [--topics N] [--half a|b] [--examples 3]

Every union the resolver makes is logged with its evidence (``why``); replaying the unions
attributes each pair of found gold mentions that ends up in one referent to the union that
joined it. Printed, per data set and mention kind (entity / event):
- wrong links: pairs we join that gold keeps apart, by ``why`` (with right links for scale);
- missed links: pairs gold joins and the same-head-lemma baseline joins but we do not, by
  kind of mention (name / description / event) and by what the two sides are.
Counts are pairs of gold mentions (a big wrong merge counts quadratically, as MUC/B3 feel it).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import coref_eval  # noqa: E402


def _instrumented_topic(docs):
    """run_topic with every union logged as (a, b, why)."""
    from newsprism.align import referents as R

    log: list[tuple] = []
    orig = R._UF.union
    orig_h = R._happenings
    seen = {}
    fine: dict = {}

    def happenings(mentions, uf, *args):
        if args:  # the finer partition of event words
            fine.update(orig_h(mentions, uf, *args))
            return fine
        seen.update(orig_h(mentions, uf))
        return seen

    def union(self, a, b, why):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            log.append((a, b, why))
        return orig(self, a, b, why)

    R._UF.union = union
    R._happenings = happenings
    try:
        analyses, heads, referents = coref_eval.run_topic(docs)
    finally:
        R._UF.union = orig
        R._happenings = orig_h
    return analyses, heads, referents, log, (seen, fine)


def _kind_of(m) -> str:
    if m.kind == "event":
        return "event"
    return "name" if m.label else "desc"


def analyse_topic(docs, gold, out, examples):
    analyses, heads, referents, log, (happ, fine) = _instrumented_topic(docs)
    key_of = {}  # (doc, start, end) of our mention -> key (doc, index)
    by_head = defaultdict(list)
    for aid, a in analyses.items():
        for n, m in enumerate(a.ref_mentions):
            key_of[(aid, m.start, m.end)] = (aid, n)
            by_head[(aid, m.head_start)].append(m)
    rows = []
    for d in docs:
        for g in gold.get(d["doc_id"], []):
            h = coref_eval._gold_head(g, heads[d["doc_id"]])
            lemma, _ = heads[d["doc_id"]].get(h, (g["text"].lower(), "X"))[:2]
            ours = [m for m in by_head.get((d["doc_id"], h), []) if m.start <= h < m.end]
            if not ours:
                ours = [m for m in analyses[d["doc_id"]].ref_mentions if (m.start, m.end) == (g["start"], g["end"])]
            if not ours:
                continue
            k = key_of[(d["doc_id"], ours[0].start, ours[0].end)]
            rows.append({"kind": g["kind"], "chain": g["chain"], "key": k, "lemma": lemma, "m": ours[0], "doc": d["doc_id"]})
    # replay the unions over the gold rows
    members = defaultdict(list)
    for n, r in enumerate(rows):
        members[r["key"]].append(n)
    parent = {}

    def find(x):
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    comp = defaultdict(list)  # root -> row indices
    for k, ns in members.items():
        comp[k] = list(ns)
    for a, b, why in log:
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        why0 = why
        for i in comp.get(ra, ()):
            for j in comp.get(rb, ()):
                x, y = rows[i], rows[j]
                if x["kind"] != y["kind"]:
                    continue
                good = x["chain"] == y["chain"]
                out["links"][(x["kind"], why0, good)] += 1
                if not good and len(out["ex_wrong"][(x["kind"], why0)]) < examples:
                    out["ex_wrong"][(x["kind"], why0)].append(f'{x["doc"]}:{x["m"].text!r} ~ {y["doc"]}:{y["m"].text!r}')
        parent[rb] = ra
        comp[ra] = comp.get(ra, []) + comp.pop(rb, [])
    # missed links that head lemma gets
    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            x, y = rows[i], rows[j]
            if x["kind"] != y["kind"] or x["chain"] != y["chain"]:
                continue
            together = find(x["key"]) == find(y["key"])
            if together:
                continue
            same_lemma = x["lemma"] == y["lemma"]
            pair = "+".join(sorted((_kind_of(x["m"]), _kind_of(y["m"]))))
            cross = "cross-doc" if x["doc"] != y["doc"] else "in-doc"
            why = "other"
            if same_lemma:
                mx, my = x["m"], y["m"]
                if mx.head != my.head:
                    why = "lemma:our heads differ"
                elif mx.kind != my.kind:
                    why = "lemma:kind differs"
                elif happ and happ.get(x["doc"], x["doc"]) != happ.get(y["doc"], y["doc"]):
                    why = "lemma:happening"
                elif "event" in (mx.kind, my.kind) and fine and fine.get(x["doc"], x["doc"]) != fine.get(y["doc"], y["doc"]):
                    why = "lemma:event happening"
                elif mx.mods and my.mods and not set(mx.mods) & set(my.mods):
                    why = "lemma:mods differ"
                elif mx.label or my.label:
                    why = "lemma:name"
                else:
                    why = "lemma:bound/other"
            tag = (x["kind"], pair, cross, why)
            out["missed"][tag] += 1
            if len(out["ex_missed"][tag]) < examples:
                out["ex_missed"][tag].append(f'{x["doc"]}:{x["m"].text!r}[{x["m"].head}] ~ {y["doc"]}:{y["m"].text!r}[{y["m"].head}]')
    # wrong links head lemma also makes vs not: the pairs head lemma gets right that we get wrong
    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            x, y = rows[i], rows[j]
            if x["kind"] != y["kind"] or x["chain"] == y["chain"]:
                continue
            if find(x["key"]) == find(y["key"]):
                out["wrong_lemma_too"][(x["kind"], x["lemma"] == y["lemma"])] += 1
    for i in range(len(rows)):  # pair counts: ours and head lemma, right and wrong
        for j in range(i + 1, len(rows)):
            x, y = rows[i], rows[j]
            if x["kind"] != y["kind"]:
                continue
            good = x["chain"] == y["chain"]
            out["pairs"][(x["kind"], "gold", good)] += good
            out["pairs"][(x["kind"], "ours", good)] += find(x["key"]) == find(y["key"])
            out["pairs"][(x["kind"], "lemma", good)] += x["lemma"] == y["lemma"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="both", choices=["both", *coref_eval.SETS])
    ap.add_argument("--topics", type=int, default=None)
    ap.add_argument("--half", choices=["a", "b"], default=None)
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--only", default=None, help="comma-separated topic names: only these")
    args = ap.parse_args(argv)
    for name in (["meantime", "ecbplus"] if args.data == "both" else [args.data]):
        groups, gold = coref_eval.load(name, args.topics, args.half)
        out = {"links": Counter(), "missed": Counter(), "ex_wrong": defaultdict(list), "ex_missed": defaultdict(list), "wrong_lemma_too": Counter(), "pairs": Counter()}
        for topic, docs in groups:
            if args.only and topic not in args.only.split(","):
                continue
            analyse_topic(docs, gold, out, args.examples)
        print(f"=== {name}")
        for kind in ("entity", "event"):
            print(f"--- {kind}: links by why (wrong / right)")
            whys = sorted({w for (k, w, _) in out["links"] if k == kind}, key=lambda w: -out["links"][(kind, w, False)])
            for w in whys:
                print(f"  {w:22s} wrong {out['links'][(kind, w, False)]:7d}  right {out['links'][(kind, w, True)]:7d}")
                for e in out["ex_wrong"][(kind, w)]:
                    print("      x", e)
            print(f"  wrong pairs with same lemma / other: {out['wrong_lemma_too'][(kind, True)]} / {out['wrong_lemma_too'][(kind, False)]}")
            P = out["pairs"]
            print(f"  pairs: gold {P[(kind, 'gold', True)]}; ours right {P[(kind, 'ours', True)]} wrong {P[(kind, 'ours', False)]}; "
                  f"head lemma right {P[(kind, 'lemma', True)]} wrong {P[(kind, 'lemma', False)]}")
            print(f"--- {kind}: missed gold pairs (by mention kinds, doc, same lemma?)")
            for tag, c in sorted(((t, c) for t, c in out["missed"].items() if t[0] == kind), key=lambda tc: -tc[1]):
                print(f"  {'/'.join(tag[1:]):32s} {c:7d}")
                for e in out["ex_missed"][tag]:
                    print("      -", e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
