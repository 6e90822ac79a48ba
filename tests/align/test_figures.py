"""Figures reconciled across the seed outlets and across hand-built values."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsprism.align.figures import compatible, reconcile_figures, status_of
from newsprism.extract.dates import extract_dates
from newsprism.extract.figures import extract_figures
from newsprism.model import Article, ArticleAnalysis, FigureValue, Part, StoryContext


def analyse(nlp, article: Article) -> ArticleAnalysis:
    doc = nlp(article.text)
    return ArticleAnalysis(
        article.id,
        tuple(Part(s.start_char, s.end_char) for s in doc.sents),
        figures=extract_figures(doc, article, {}),
        dates=extract_dates(doc, article, {}),
    )


@pytest.fixture(scope="module")
def seed_story(nlp, seeds_dir):
    articles = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        published = "2016-12-12" if text.lstrip().startswith("date 2016-12-12") else None
        articles.append(Article(path.stem, path.stem[:3], text, published=published))
    return tuple(articles), {a.id: analyse(nlp, a) for a in articles}


def check_evidence(figures, articles):
    texts = {a.id: a.text for a in articles}
    for figure in figures:
        for v in figure.values:
            assert texts[v.article_id][v.start:v.end] == v.text


def test_82_vs_79_civilians_is_disputed_across_the_seeds(seed_story):
    articles, analyses = seed_story
    figures = reconcile_figures(StoryContext("s1", articles, analyses))
    check_evidence(figures, articles)
    dispute = next(f for f in figures if any(v.value == 79 for v in f.values))
    assert dispute.status == "disputed"
    by_article = {v.article_id[:3]: v for v in dispute.values}
    assert set(by_article) == {"000", "001", "002", "003"}
    assert by_article["002"].value == 79 and by_article["002"].text == "79"
    assert {by_article[k].value for k in ("000", "001", "003")} == {82}  # kept as written, never averaged
    assert figures[0] is dispute  # disputed figures come first
    assert dispute.id.startswith("s1/f") and "civilians" in dispute.what


def test_13_children_is_agreed_and_single_figures_follow(seed_story):
    articles, analyses = seed_story
    figures = reconcile_figures(StoryContext("s1", articles, analyses))
    children = next(f for f in figures if any(v.head == "child" for v in f.values))
    assert children.status == "agreed"
    assert {v.article_id[:3] for v in children.values} == {"000", "003"}
    statuses = [f.status for f in figures]
    assert statuses == sorted(statuses, key=["disputed", "agreed", "single"].index)
    assert [f.id for f in figures] == [f"s1/f{n}" for n in range(1, len(figures) + 1)]
    fighters = next(f for f in figures if f.what == "rebel fighters")
    assert fighters.status == "single" and fighters.values[0].value == 1500
    killed = next(f for f in figures if any(v.text == "1,134" for v in f.values))
    assert len(killed.values) == 1  # 1,134 killed since Nov. 15 is another count than 82 executed


def test_wire_copies_count_once(seed_story, nlp):
    articles, analyses = seed_story
    original = next(a for a in articles if a.id.startswith("003"))
    copy = dataclasses.replace(original, id="003_copy", outlet="copy", duplicate_of=original.id)
    with_copy = dict(analyses)
    with_copy[copy.id] = analyse(nlp, copy)
    figures = reconcile_figures(StoryContext("s1", articles + (copy,), with_copy))
    assert all(v.article_id != "003_copy" for f in figures for v in f.values)
    only_003 = StoryContext("s2", (original, copy), with_copy)
    assert all(f.status == "single" for f in reconcile_figures(only_003))


def value(article_id: str, v: float, qualifier: str | None = None, vmax: float | None = None, **kw) -> FigureValue:
    text = str(int(v))
    return FigureValue(article_id, v, qualifier, text, 0, len(text), value_max=vmax, **kw)


def test_compatible_values():
    assert compatible(value("a", 82, "at least"), value("b", 82))
    assert not compatible(value("a", 82, "at least"), value("b", 79))
    assert compatible(value("a", 10_000, vmax=13_000), value("b", 12_000, "around"))
    assert not compatible(value("a", 100, "at least"), value("b", 500, "at least"))
    assert compatible(value("a", 600, "nearly"), value("b", 580))
    assert status_of([value("a", 5), value("a", 5)]) == "single"


def test_hand_built_story_groups_by_what_is_counted(nlp):
    texts = {
        "x": "At least 40 protesters were arrested on Sunday. Police said 300 officers were deployed.",
        "y": "Police arrested 46 protesters, and 12 journalists were detained.",
        "z": "Some 300 police officers were deployed in the capital, and 40 protesters were arrested.",
    }
    articles = tuple(Article(k, k, t) for k, t in texts.items())
    analyses = {a.id: analyse(nlp, a) for a in articles}
    figures = reconcile_figures(StoryContext("s", articles, analyses))
    check_evidence(figures, articles)
    arrested = next(f for f in figures if any(v.head == "protester" for v in f.values))
    assert arrested.status == "disputed"
    assert sorted(v.value for v in arrested.values) == [40, 40, 46]
    officers = next(f for f in figures if any(v.head == "officer" for v in f.values))
    assert officers.status == "agreed" and {v.article_id for v in officers.values} == {"x", "z"}
    journalists = next(f for f in figures if any(v.head == "journalist" for v in f.values))
    assert journalists.status == "single"
