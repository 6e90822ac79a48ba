"""The token rows hold what spaCy's tokens give, though each word and label is looked up once."""

from __future__ import annotations

from newsprism.extract.framing_style import quote_regions, token_rows


def test_rows_equal_the_tokens_attributes(nlp, seeds_dir):
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    texts.append("“I said ‘No’,” he wrote:  3.5 million DON'T count...\n\nThe U.S. and Mr. O'Neil’s 1990s.")
    for doc in nlp.pipe(texts * 2):  # the second round reads the cached words
        quotes = quote_regions(doc.text)
        rows = token_rows(doc, quotes)
        assert len(rows) == len(doc)
        for t, r in zip(doc, rows):
            own = not any(s <= t.idx < e for s, e in quotes)
            assert r == (t.i, t.idx, t.text, t.lower_, t.lemma_.lower(), t.pos_, t.tag_, t.dep_, t.ent_type_, t.is_alpha,
                         t.like_num, bool(t.whitespace_), own, t.is_punct, t.is_space, t.is_stop, t.head.i)
