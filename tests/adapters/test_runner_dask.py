"""The Dask runner on a 2-worker LocalCluster: the same analyses and the same stories as the
local run (story clustering stays on the driver, so splitting the work cannot change it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism import incremental, pipeline
from newsprism.adapters.store import MemoryStore
from newsprism.adapters.runner.local import LocalRunner
from newsprism.model import Article, Options
from newsprism.normalize import normalize_articles




def seed_articles(seeds_dir: Path) -> list[Article]:
    articles = [Article(id=p.stem, outlet=p.stem, text=p.read_text(encoding="utf-8"), published="2016-12-13")
                for p in sorted(seeds_dir.glob("*.txt"))]
    return normalize_articles(articles)


@pytest.mark.slow
def test_two_dask_workers_give_the_local_runs_analyses_and_stories(seeds_dir, basil_pair):
    from newsprism.adapters.runner.dask import DaskRunner

    seeds, others = seed_articles(seeds_dir), basil_pair
    # tasks of two articles: the seeds' story (five) is parsed in parts that Dask brings to its
    # build on one worker; the BASIL pair is parsed and built in a task of its own
    articles = [seeds[0], others[0], seeds[1], others[1], *seeds[2:]]
    local = pipeline.process_articles(articles, runner=LocalRunner(batch_size=2))
    with DaskRunner(n_workers=2, batch_size=2) as runner:
        assert len(runner.client.scheduler_info()["workers"]) == 2
        streamed = list(runner.map_articles(articles))
        on_dask = pipeline.process_articles(articles, runner=runner)
        # the story stages run on the workers, one task per story (or a few small ones)
        options = Options()
        stories_on_dask = pipeline.build_stories(articles, on_dask, options, runner=runner)
        # what analyze runs: stories parsed and built where they are parsed
        streamed_stories = pipeline.analyze_articles(articles, options, runner=runner)
        # a store's update: its dirty stories read from the store job by job as the workers take them
        dask_store = MemoryStore()
        incremental.ingest_articles(dask_store, articles, runner=runner)
        # the workers keep glibc's malloc thresholds (Dask's trim setting slows the parse)
        trim = runner.client.run(lambda: __import__("os").environ.get("MALLOC_TRIM_THRESHOLD_"))
    assert [a.article_id for a in streamed] == [a.id for a in articles]  # input order
    assert on_dask == local
    for article in articles:
        for quote in on_dask[article.id].quotes:
            assert article.text[quote.start:quote.end] == quote.text or quote.parts
    expected = [s.to_dict() for s in pipeline.build_stories(articles, local, options)]
    assert [s.to_dict() for s in stories_on_dask] == expected
    assert [s.to_dict() for s in streamed_stories] == expected
    assert set(trim.values()) == {None}
    local_store = MemoryStore()
    incremental.ingest_articles(local_store, articles, runner=LocalRunner(batch_size=2))
    assert dask_store.dirty_stories() == [] and len(dask_store.story_ids()) >= 2
    assert (incremental.report_from_store(dask_store).to_dict() == incremental.report_from_store(local_store).to_dict())


def test_the_parse_goes_story_by_story_largest_first_and_the_last_tasks_are_smaller():
    from newsprism.adapters.runner.dask import corpus_plan

    sizes = [1, 20, 3, 3, 2, 1, 4, 1, 1, 2, 1, 1]
    groups = [(f"s{n}", [f"a{n}-{k}" for k in range(size)]) for n, size in enumerate(sizes)]
    units = corpus_plan(groups, 8, workers=1)
    tasks = [task for unit in units for task in unit]
    # every article parsed once, each story's members together, in one task or (too big) in parts
    assert sorted(i for t in tasks for i in t.members) == sorted(i for _, m in groups for i in m)
    # the 20-article story first, in parts of 8 (its build is a task of its own)
    assert [(t.part_of, len(t.members)) for t in units[0]] == [(1, 8), (1, 8), (1, 4)]
    # then whole stories, largest first, packed up to 8 articles; the last 8 articles in tasks of 2
    whole = [[sizes[n] for n in t.stories] for t in tasks if t.part_of is None]
    assert whole == [[4, 3], [3, 2], [2], [1, 1], [1, 1], [1, 1]]
    assert corpus_plan([], 8, workers=2) == []
    # a task holds about 8 articles' worth of text: four long pieces do not share one task
    singles = [(f"t{n}", [f"b{n}"]) for n in range(16)]
    lengths = {f"b{n}": 1000 if n < 4 else 100 for n in range(16)}  # 8 * 5,200 / 16 = 2,600 chars a task
    first = corpus_plan(singles, 8, workers=1, lengths=lengths)[0][0]
    assert first.members == ("b0", "b1")


def test_an_unreachable_scheduler_is_a_clear_error():
    from newsprism.adapters.runner.dask import DaskRunner
    from newsprism.errors import ConfigError

    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ConfigError) as info:
        DaskRunner(scheduler=f"tcp://127.0.0.1:{port}", connect_timeout=2)
    assert "--scheduler" in info.value.hint
