"""The tree over token rows answers as spaCy's tokens and spans do, on real articles."""

from __future__ import annotations

import random

from newsprism.extract.framing_style import token_rows
from newsprism.extract.row_tree import Tree, children, noun_chunks, span_root, subtree, tree_of


def _docs(nlp, seeds_dir):
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    # non-projective and fragmentary parses, and a lone punctuation span
    texts.append("A hearing is scheduled on the issue today. Who did you say that she met with yesterday? -- ... !")
    return list(nlp.pipe(texts))


def test_children_and_subtree_match_spacy(nlp, seeds_dir):
    for doc in _docs(nlp, seeds_dir):
        rows = token_rows(doc, [])
        kids = children(rows)
        for tok in doc:
            assert kids[tok.i] == [c.i for c in tok.children]
            assert subtree(kids, tok.i) == [t.i for t in tok.subtree]


def test_noun_chunks_and_span_roots_match_spacy(nlp, seeds_dir):
    rnd = random.Random(7)
    for doc in _docs(nlp, seeds_dir):
        rows = token_rows(doc, [])
        kids = children(rows)
        assert noun_chunks(doc, rows) == [(c.start, c.end) for c in doc.noun_chunks]
        spans = [(c.start, c.end) for c in doc.noun_chunks] + [(s.start, s.end) for s in doc.sents]
        for _ in range(400):
            a = rnd.randrange(len(doc))
            spans.append((a, min(len(doc), a + rnd.randrange(1, 10))))
        for start, end in spans:
            assert span_root(rows, kids, start, end) == doc[start:end].root.i


def test_shared_tree_holds_children_and_chunk_heads(nlp, seeds_dir):
    """The ``token_tree`` working value: one tree per article, read by every extractor that walks it."""
    for doc in _docs(nlp, seeds_dir):
        rows = token_rows(doc, [])
        tree = Tree(doc, rows)
        assert tree.kids == children(rows) and tree.starts == [t.idx for t in doc]
        assert tree.noun_chunks() == [(c.start, c.end, c.root.i) for c in doc.noun_chunks]
        assert tree_of(doc, {"token_tree": tree}) is tree
        built = tree_of(doc, {"token_rows": rows})  # an extractor called on its own
        assert built.rows is rows and built.kids == tree.kids
        assert tree_of(doc, {}).rows == rows


def test_empty_doc_has_no_rows(nlp):
    doc = nlp("")
    assert token_rows(doc, []) == () and Tree(doc, ()).noun_chunks() == []
