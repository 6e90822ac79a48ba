"""The local runner: in-process and process-pool modes give the same analyses, in input order."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.adapters.runner import LocalRunner, make_runner
from newsprism.errors import ConfigError
from newsprism.model import Article



def seed_articles(seeds_dir: Path) -> list[Article]:
    return [Article(id=p.stem, outlet=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted(seeds_dir.glob("*.txt"))]


def test_in_process_runner_yields_one_analysis_per_article_in_order(seeds_dir):
    articles = seed_articles(seeds_dir)[:3]
    analyses = list(LocalRunner(batch_size=2).map_articles(articles))
    assert [a.article_id for a in analyses] == [a.id for a in articles]
    for article, analysis in zip(articles, analyses):
        assert analysis.sentences and all(article.text[p.start:p.end].strip() for p in analysis.sentences)
        for m in analysis.mentions:
            assert article.text[m.start:m.end] == m.text


@pytest.mark.slow
def test_process_pool_gives_the_same_analyses_as_in_process(seeds_dir):
    articles = seed_articles(seeds_dir)
    here = list(LocalRunner(batch_size=2).map_articles(articles))
    with LocalRunner(batch_size=2, processes=2) as pooled:
        there = list(pooled.map_articles(articles))
    assert there == here


def test_make_runner_by_name():
    assert isinstance(make_runner("local"), LocalRunner)
    assert make_runner("local", workers=3).processes == 3
    with pytest.raises(ConfigError):
        make_runner("spark")
    with pytest.raises(ValueError):
        LocalRunner(batch_size=0)
