"""Entities merged across the outlets of a story."""

from __future__ import annotations

import pytest

from newsprism.align.entities import merge_entities
from newsprism.extract.entities import extract_mentions
from newsprism.model import Article, ArticleAnalysis, Mention, StoryContext


@pytest.fixture(scope="module")
def seed_entities(seeds_dir, nlp):
    articles, analyses = [], {}
    for path in sorted(seeds_dir.glob("*.txt")):
        article = Article(id=path.stem, outlet=path.stem[:3], text=path.read_text(encoding="utf-8").replace("\r\n", "\n"))
        articles.append(article)
        analyses[article.id] = ArticleAnalysis(article.id, (), mentions=extract_mentions(nlp(article.text), article, {}))
    return merge_entities(StoryContext("s1", tuple(articles), analyses)), {a.id: a for a in articles}


def _entity_of(entities, text):
    found = [e for e in entities if any(m.text == text for m in e.mentions)]
    assert len(found) == 1, (text, [e.name for e in found])
    return found[0]


@pytest.mark.parametrize(
    "forms,name",
    [
        (("Zeid Ra’ad al-Hussein", "Zeid Ra’ad Al Hussein"), "Zeid Ra’ad al-Hussein"),
        (("Sergei Lavrov", "Sergey Lavrov"), None),
        (("Assad", "Bashar al-Assad", "Bashar Al-Assad"), "Bashar al-Assad"),
        (("UN", "U.N.", "United Nations"), "United Nations"),
        (("Churkin", "Vitaly Churkin"), "Vitaly Churkin"),
        (("ISIS", "Daesh"), "Islamic State"),  # the neutral name, not one side's label
        (("Al-Qaeda", "al-Qaida"), None),
        (("US", "U.S.", "United States"), "United States"),
    ],
)
def test_seed_alias_pairs_are_merged(seed_entities, forms, name):
    entities, _ = seed_entities
    merged = {_entity_of(entities, f).id for f in forms}
    assert len(merged) == 1
    entity = _entity_of(entities, forms[0])
    if name:
        assert entity.name == name
    assert set(forms) <= {entity.name, *entity.aliases}


def test_entity_ids_types_and_evidence(seed_entities):
    entities, articles = seed_entities
    assert [e.id for e in entities] == [f"s1/e{n}" for n in range(1, len(entities) + 1)]
    assert _entity_of(entities, "Churkin").type == "PERSON"
    assert _entity_of(entities, "Aleppo").type == "GPE"
    for e in entities:
        for m in e.mentions:
            assert articles[m.article_id].text[m.start : m.end] == m.text


def test_sorted_by_salience(seed_entities):
    entities, _ = seed_entities
    keys = [(len({m.article_id for m in e.mentions}), len(e.mentions)) for e in entities]
    assert keys == sorted(keys, reverse=True)
    assert entities[0].name == "Aleppo"


def _ctx(*texts_and_labels):
    """One article per (text, label) list; mentions point at real words of a real sentence."""
    articles, analyses = [], {}
    for n, (text, names) in enumerate(texts_and_labels):
        article = Article(id=f"a{n}", outlet=f"o{n}", text=text)
        mentions = []
        for name, label in names:
            start = text.index(name)
            mentions.append(Mention(article.id, start, start + len(name), name, label))
        articles.append(article)
        analyses[article.id] = ArticleAnalysis(article.id, (), mentions=tuple(mentions))
    return StoryContext("s9", tuple(articles), analyses)


def test_people_sharing_a_name_stay_apart():
    ctx = _ctx(
        ("Bashar al-Assad met Bashar Jaafari in Damascus.", [("Bashar al-Assad", "PERSON"), ("Bashar Jaafari", "PERSON"), ("Damascus", "GPE")]),
        ("Michael Jordan visited Jordan, then Mike Pence and Karen Pence flew home. Pence spoke.",
         [("Michael Jordan", "PERSON"), ("Jordan,", "GPE"), ("Mike Pence", "PERSON"), ("Karen Pence", "PERSON"), ("Pence spoke", "PERSON")]),
    )
    names = sorted(e.name for e in merge_entities(ctx))
    assert "Bashar al-Assad" in names and "Bashar Jaafari" in names
    assert "Michael Jordan" in names and "Jordan," in names
    # "Pence" alone could be either of two people: it is left on its own, not guessed
    assert "Mike Pence" in names and "Karen Pence" in names and "Pence spoke" in names


def test_no_mentions_no_entities():
    assert merge_entities(_ctx(("Nothing named here.", []))) == ()
