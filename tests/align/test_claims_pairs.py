"""Candidate pairs of claims: bounded per claim, never within one article, only paired claims embedded."""

from __future__ import annotations

from newsprism.align.claim_pairs import candidate_pairs, incidence, tfidf

WORDS = ["harbour", "bridge", "council", "budget", "storm", "flood", "mayor", "vote", "strike", "school", "hospital", "rail", "airport", "court", "ruling", "police", "arrest", "river", "fire", "factory", "election", "tax", "port", "ferry", "union"]


def _texts(n_articles: int, per_article: int) -> tuple[list[str], list[str]]:
    texts, groups = [], []
    for a in range(n_articles):
        for s in range(per_article):
            # sentence s of every article retells the same statement; article a adds one word
            words = [WORDS[(s * 3 + k) % len(WORDS)] for k in range(4)] + [f"w{a}x{s}"]
            texts.append(" ".join(words))
            groups.append(f"a{a}")
    return texts, groups


def test_pairs_grow_linearly_and_stay_across_articles():
    sizes = []
    for n_articles in (10, 40):
        texts, groups = _texts(n_articles, 12)
        pairs = candidate_pairs(tfidf(texts), incidence([frozenset()] * len(texts)), groups, k=6)
        assert all(groups[i] != groups[j] and i < j for i, j in pairs)
        assert len(pairs) <= 6 * len(texts)
        sizes.append(len(pairs) / len(texts))
    assert sizes[1] <= 6  # at most k pairs per claim, however large the story: linear in its size


def test_a_retold_sentence_finds_its_copy():
    texts, groups = _texts(5, 8)
    pairs = candidate_pairs(tfidf(texts), incidence([frozenset()] * len(texts)), groups, k=3)
    # sentence 2 of article 0 and sentence 2 of article 1 say the same
    assert (2, 8 + 2) in pairs and pairs[(2, 10)] > 0.5


def test_shared_blocking_keys_bring_pairs_without_shared_words():
    texts = ["alpha beta gamma delta", "epsilon zeta eta theta", "iota kappa lambda sigma"]
    keys = incidence([frozenset({"event:r1"}), frozenset({"event:r1"}), frozenset()])
    pairs = candidate_pairs(tfidf(texts), keys, ["a", "b", "c"], k=1)
    assert (0, 1) in pairs and (0, 2) not in pairs and (1, 2) not in pairs


def test_only_paired_claims_are_embedded(nlp, monkeypatch):
    from newsprism.align.claims import align_claims
    from newsprism.extract.claims import extract_claims
    from newsprism.model import Article, ArticleAnalysis, Part, StoryContext
    from newsprism.resources import embed as embed_module

    seen: list[str] = []
    original = embed_module.embed

    def spy(texts, **kw):
        seen.extend(texts)
        return original(texts, **kw)

    monkeypatch.setattr(embed_module, "embed", spy)
    a = Article(id="a", outlet="A", text="Heavy rain flooded the main highway north of the capital on Sunday, police said.\n"
                                          "The orchestra rehearsed a new symphony by a young composer for the festival.")
    b = Article(id="b", outlet="B", text="Heavy rain flooded the main highway north of the capital on Sunday, officials said.")
    analyses = {}
    for article in (a, b):
        doc = nlp(article.text)
        analyses[article.id] = ArticleAnalysis(article.id, tuple(Part(s.start_char, s.end_char) for s in doc.sents),
                                               claims=extract_claims(doc, article, {}))
    claims = align_claims(StoryContext("s", (a, b), analyses))
    assert any(c.status == "agreed" for c in claims)
    assert not any("orchestra" in t for t in seen)
    assert any("Heavy rain" in t for t in seen)
