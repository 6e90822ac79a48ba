"""The token rows hold what spaCy's tokens give, though each word and label is looked up once."""

from __future__ import annotations

from newsprism.extract.framing_style import _plain_lemma, quote_regions, token_rows


def test_rows_equal_the_tokens_attributes(nlp, seeds_dir):
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    texts.append("“I said ‘No’,” he wrote:  3.5 million DON'T count...\n\nThe U.S. and Mr. O'Neil’s 1990s.")
    for doc in nlp.pipe(texts * 2):  # the second round reads the cached words
        quotes = quote_regions(doc.text)
        rows = token_rows(doc, quotes)
        assert len(rows) == len(doc)
        for t, r in zip(doc, rows):
            own = not any(s <= t.idx < e for s, e in quotes)
            assert r == (t.i, t.idx, t.text, t.lower_, _plain_lemma(t.lemma_.lower()), t.pos_, t.tag_, t.dep_, t.ent_type_, t.is_alpha,
                         t.like_num, bool(t.whitespace_), own, t.is_punct, t.is_space, t.is_stop, t.head.i)


def test_a_contraction_with_a_curly_apostrophe_has_the_lemma_of_a_straight_one(nlp):
    # spaCy lemmatises "'re" as "be" but leaves "’re" as it is, a content verb of its own
    for text in ("“We’re the ones who are offering a plan,” he said.", "\"We're the ones who are offering a plan,\" he said."):
        doc = nlp(text)
        rows = token_rows(doc, quote_regions(doc.text))
        assert [r.lemma for r in rows if r.lower in ("’re", "'re")] == ["be"]


def _scan_every_character(text: str) -> list[tuple[int, int]]:
    """``quote_regions`` as a plain scan of every character (what the regex jump must equal)."""
    from newsprism.extract.framing_style import MAX_QUOTE_CHARS, OPEN_CLOSE

    regions, i, n = [], 0, len(text)
    while i < n:
        close = OPEN_CLOSE.get(text[i])
        end = -1 if close is None else text.find(close, i + 1, min(n, i + 1 + MAX_QUOTE_CHARS))
        if end < 0:
            i += 1
            continue
        if end > i + 1:
            regions.append((i + 1, end))
        i = end + 1
    return regions


def test_quote_regions_equal_a_scan_of_every_character(seeds_dir):
    import random

    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    rnd = random.Random(3)
    texts += ["".join(rnd.choice('ab "“”«»„\n') for _ in range(rnd.randrange(40))) for _ in range(3000)]
    for text in texts:
        assert quote_regions(text) == _scan_every_character(text)
