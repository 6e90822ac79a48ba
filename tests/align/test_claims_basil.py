"""Claims on real BASIL triplets (../shared/data/basil): the trust rules hold on outlets' own words.

The 2011 triplet on Trump's birth-certificate investigators (NYT, Fox, HuffPost) holds the two
false disputes issue 12 reported: the same quote "I always take things seriously" in two outlets,
and "17 percent" (Trump and Huckabee) set against "21 percent" (Romney), two different counts.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsprism.model import Article, Options

TRIPLET = "basil-005a2961-0c2e-4575-8eec-770ba52a08e0"


def _story(docs):
    from newsprism import pipeline

    articles = tuple(Article(id=d["id"], outlet=d["outlet"], text=d["text"], title=d.get("title")) for d in docs)
    analyses = pipeline.process_articles(articles)
    return pipeline.run_story_stages("b", articles, analyses, Options(), until="claims")["claims"]


@pytest.fixture(scope="module")
def basil_docs(data_dir):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from corpus import basil_articles

    docs = list(basil_articles(data_dir))
    assert len(docs) >= 100  # 50 triplets
    return docs


@pytest.fixture(scope="module")
def trump_claims(basil_docs):
    docs = [d for d in basil_docs if d["id"].startswith(TRIPLET)]
    assert len(docs) == 3
    return _story(docs)


def _words(claim):
    return [s.text for s in (*claim.support, *claim.contradicted_by)]


def test_the_same_quote_in_two_outlets_is_no_dispute(trump_claims):
    quoted = [c for c in trump_claims if any("I always take things seriously" in t for t in _words(c))]
    assert quoted, "the quote is a claim of two outlets"
    assert all(c.status != "disputed" for c in quoted)


def test_percentages_of_different_candidates_are_no_dispute(trump_claims):
    polls = [c for c in trump_claims if any("percent" in t for t in _words(c))]
    assert polls
    assert all(c.status != "disputed" for c in polls)


@pytest.mark.quality
@pytest.mark.slow
def test_trust_rules_on_twelve_triplets(basil_docs):
    """No claim with one article on both sides; no dispute between identical words."""
    import re

    words = lambda t: " ".join(re.findall(r"\w+", t.lower()))
    by_triplet: dict[str, list] = {}
    for d in basil_docs:
        by_triplet.setdefault(d["id"].rsplit("_", 1)[0], []).append(d)
    for key in sorted(by_triplet)[:12]:
        for claim in _story(by_triplet[key]):
            support = {s.article_id for s in claim.support}
            against = {s.article_id for s in claim.contradicted_by}
            assert not support & against, (key, claim.text)
            if claim.status == "disputed":
                assert not {words(s.text) for s in claim.support} & {words(s.text) for s in claim.contradicted_by}, (key, claim.text)
