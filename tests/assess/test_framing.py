"""compare_framing on the five Aleppo seeds: per referent, which outlet chose which words."""

from __future__ import annotations

import pytest

from newsprism.assess.framing import compare_framing


@pytest.fixture(scope="module")
def rows(seed_ctx):
    return compare_framing(seed_ctx)


def _row_with(rows, words: str):
    for row in rows:
        if any(words in t for terms in row.terms.values() for t in terms):
            return row
    raise AssertionError(f"no framing row holds {words!r}: {[r.referent for r in rows]}")


def _terms(row, prefix: str) -> list[str]:
    return [t for aid, terms in row.terms.items() if aid.startswith(prefix) for t in terms]


def test_rebels_are_named_per_outlet(rows):
    row = _row_with(rows, "rebel groups")
    assert "rebel groups" in _terms(row, "000")
    assert "rebels" in _terms(row, "004")
    assert len(row.terms) >= 4


def test_government_side_is_one_referent(rows):
    row = _row_with(rows, "the Syrian government")
    assert "the Syrian army" in _terms(row, "004")
    assert len(row.terms) >= 4
    # the rebel names never sit in the government row
    assert not any("rebel" in t for terms in row.terms.values() for t in terms)


def test_terrorist_and_jihadist_labels_meet(rows):
    row = _row_with(rows, "terrorist groups")
    assert "jihadists groups" in _terms(row, "003")


def test_stance_prefix_splits_referents(rows):
    for row in rows:
        words = {t.lower() for terms in row.terms.values() for t in terms}
        assert not ({"anti-government forces"} <= words and {"government forces", "pro-government forces"} & words)


def test_outcome_wording_per_outlet(rows):
    row = _row_with(rows, "claimed victory")
    assert "claimed victory" in _terms(row, "000")
    assert any("fall of Aleppo" in t for t in _terms(row, "003"))
    assert len(row.terms) >= 4


def test_evidence_points_at_exact_words(rows, seed_ctx):
    texts = {a.id: a.text for a in seed_ctx.articles}
    assert rows
    for row in rows:
        assert row.referent
        assert len(row.terms) >= 2
        for span in row.evidence:
            assert texts[span.article_id][span.start : span.end] == span.text


def test_duplicates_count_once(seed_ctx):
    from dataclasses import replace

    first = seed_ctx.articles[0]
    copy = replace(first, id="copy", duplicate_of=first.id)
    analyses = dict(seed_ctx.analyses)
    analyses["copy"] = replace(seed_ctx.analyses[first.id], article_id="copy",
                               terms=tuple(replace(t, article_id="copy") for t in seed_ctx.analyses[first.id].terms))
    ctx = replace(seed_ctx, articles=seed_ctx.articles + (copy,), analyses=analyses)
    assert all("copy" not in row.terms for row in compare_framing(ctx))
