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


def _fake_build(story_id, articles, analyses, options):
    from newsprism.model import Story

    return Story(id=story_id, title=f"{len(articles)}/{len(analyses)}", article_ids=tuple(a.id for a in articles))


def test_small_stories_share_a_task_and_a_big_one_is_alone():
    from newsprism.adapters.runner.stories import pack

    jobs = [(f"s{n}", [Article(id=f"a{n}-{k}", outlet="o", text="x") for k in range(size)], {})
            for n, size in enumerate([1, 2, 1, 9, 1, 1], 1)]
    tasks = [[job[0] for job in task] for task in pack(jobs, 4)]
    assert tasks == [["s1", "s2", "s3"], ["s4"], ["s5", "s6"]]


def test_map_stories_builds_every_story_with_its_own_articles_in_process():
    from newsprism.model import Options

    jobs = [("s1", [Article(id="a", outlet="o", text="x"), Article(id="b", outlet="o", text="y")], {"a": None}),
            ("s2", [Article(id="c", outlet="o", text="z")], {})]
    stories = list(LocalRunner(batch_size=2).map_stories(jobs, Options(), _fake_build))
    assert [(s.id, s.title, s.article_ids) for s in stories] == [("s1", "2/1", ("a", "b")), ("s2", "1/0", ("c",))]


def test_a_story_job_may_carry_its_analyses_as_the_store_keeps_them(seeds_dir, tmp_path):
    from newsprism.adapters.store import SQLiteStore
    from newsprism.model import Options

    article = seed_articles(seeds_dir)[0]
    analysis = next(LocalRunner().map_articles([article]))
    store = SQLiteStore(tmp_path / "s.db")
    with store.transaction():
        store.put_article(article)
        store.put_analysis(analysis)
    stored = store.get_analysis_as_stored(article.id)
    assert isinstance(stored, str)  # the driver ships the JSON the store keeps, undecoded
    seen = {}

    def build(story_id, articles, analyses, options):
        seen.update(analyses)
        return _fake_build(story_id, articles, analyses, options)

    list(LocalRunner().map_stories([("s1", [article], {article.id: stored})], Options(), build))
    assert seen == {article.id: analysis}  # the worker decoded it to the very analysis stored
    store.close()
