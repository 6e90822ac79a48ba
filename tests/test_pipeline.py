"""The pipeline's own decisions: stage order, story titles, errors when nothing can be read."""

from __future__ import annotations

import pytest

from newsprism import pipeline
from newsprism.errors import NoArticles
from newsprism.model import Article, ArticleAnalysis, Span


def test_story_title_prefers_the_calmest_headline():
    calm = Article(id="a", outlet="Wire", text="Government forces took the city.", title="Government retakes city")
    loud = Article(id="b", outlet="Blog", text="Butchers crushed the heroic city.", title="Butchers crush heroic city",
                   published="2016-01-01")
    analyses = {
        "a": ArticleAnalysis("a", ()),
        "b": ArticleAnalysis("b", (), loaded_terms=(Span("b", 0, 8, "Butchers"), Span("b", 24, 31, "heroic"))),
    }
    assert pipeline.story_title([loud, calm], analyses) == "Government retakes city"
    untitled = Article(id="c", outlet="X", text="First line here.\nSecond line.")
    assert pipeline.story_title([untitled]) == "First line here."


def test_seeds_story_is_not_named_by_a_partisan_headline(seeds_report):
    assert seeds_report.stories[0].title == "The Battle for Aleppo Has Entered Its Bloody End Stage"


def test_nothing_readable_raises_with_the_reasons(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(NoArticles) as info:
        pipeline.analyze([str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt")])
    assert "empty.txt" in str(info.value) and info.value.code == "E400"


def test_nothing_readable_counts_the_reasons_it_does_not_list(tmp_path):
    paths = []
    for n in range(5):
        (tmp_path / f"empty{n}.txt").write_text("")
        paths.append(str(tmp_path / f"empty{n}.txt"))
    with pytest.raises(NoArticles) as info:
        pipeline.analyze(paths)
    assert "empty0.txt" in str(info.value) and "and 2 more" in str(info.value)


def test_stories_built_as_their_articles_parse_equal_the_phased_run(seeds_dir, basil_pair):
    """``analyze_articles`` (clustering beside the parse, each story built once its members are
    in) gives the stories of parse-all-then-build, in the same order: the seeds plus two BASIL
    articles of other stories, so that several stories finish at different points of the parse."""
    from newsprism.model import Options

    loaded = pipeline.load([str(seeds_dir)])
    articles = list(loaded.articles[:2]) + basil_pair + list(loaded.articles[2:])
    options = Options()
    expected = pipeline.build_stories(articles, pipeline.process_articles(articles), options)
    got = pipeline.analyze_articles(articles, options)
    assert len(expected) >= 2
    assert [s.to_dict() for s in got] == [s.to_dict() for s in expected]
