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
    # batches of two, the last four articles one to a batch (the tail is tapered), mix the
    # stories: the seeds' story reads one article of the first batch (cut out on its worker)
    articles = [seeds[0], others[0], seeds[1], others[1], *seeds[2:]]
    local = pipeline.process_articles(articles, runner=LocalRunner(batch_size=2))
    with DaskRunner(n_workers=2, batch_size=2) as runner:
        assert len(runner.client.scheduler_info()["workers"]) == 2
        streamed = list(runner.map_articles(articles))
        on_dask = pipeline.process_articles(articles, runner=runner)
        # the story stages run on the workers, one task per story (or a few small ones)
        options = Options()
        stories_on_dask = pipeline.build_stories(articles, on_dask, options, runner=runner)
        # what analyze runs: the analyses stay on the workers, each story task takes the parsed
        # batches it reads (three batches of two here, on two workers: some move between them)
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


def test_the_last_batches_are_smaller_so_the_workers_finish_together():
    from newsprism.adapters.runner.dask import tapered_batches

    articles = [Article(id=f"a{n}", outlet="o", text="Text.") for n in range(45)]
    batches = tapered_batches(articles, 8, workers=2)
    assert [a.id for batch in batches for a in batch] == [a.id for a in articles]  # all, in order
    # 29 articles in batches of 8 (the last one cut at the tail), then 16 in batches of 2
    assert [len(b) for b in batches] == [8, 8, 8, 5] + [2] * 8
    assert [len(b) for b in tapered_batches(articles[:5], 8, workers=2)] == [2, 2, 1]
    assert [len(b) for b in tapered_batches(articles[:3], 2, workers=1)] == [1, 1, 1]
    assert tapered_batches([], 8, workers=2) == []


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
