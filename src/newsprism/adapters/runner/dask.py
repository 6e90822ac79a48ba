"""Runs the whole analysis but story clustering on a Dask cluster.

Workers run ``newsprism.extract.process_batch`` (parse + extract) and ``pipeline.build_story``
(every story stage), the same functions the local runner runs, so results are the same; each
worker process loads spaCy and the embedding model once and keeps them. Story clustering stays
on the driver: it needs every article (and costs little next to the rest). A story is a task
(small stories are packed a few to a task); it carries its own articles and analyses only.

With no scheduler address a ``LocalCluster`` of single-threaded worker processes is started
(and stopped by ``close()``); with one, the runner connects to that cluster, whose workers
must have newsprism and its spaCy model installed.
"""

from __future__ import annotations

from collections import deque
from typing import Iterable, Iterator, Sequence

from ...errors import ConfigError
from ...extract import process_batch
from ...model import Article, ArticleAnalysis, Options, Story
from .stories import BuildStory, StoryJob, build_task, pack


class DaskRunner:
    def __init__(self, scheduler: str | None = None, n_workers: int = 2, batch_size: int = 16,
                 *, max_in_flight: int | None = None, connect_timeout: float = 20.0):
        if batch_size < 1 or n_workers < 1:
            raise ValueError("batch_size and n_workers must be at least 1")
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - dask[distributed] is a dependency
            raise ConfigError("the Dask runner needs dask.distributed",
                              hint="pip install 'dask[distributed]'") from exc
        self.batch_size = batch_size
        self.scheduler = scheduler
        self._cluster = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout=f"{connect_timeout}s")
            except (OSError, TimeoutError) as exc:
                raise ConfigError(f"could not reach the Dask scheduler at {scheduler}",
                                  hint="check --scheduler (tcp://HOST:PORT) and that the scheduler is running") from exc
        else:
            self._cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                         dashboard_address=None)
            self.client = Client(self._cluster)
        workers = max(1, len(self.client.scheduler_info().get("workers", {})) or n_workers)
        # enough batches queued to keep every worker busy, few enough to bound driver memory
        self.max_in_flight = max_in_flight or 2 * workers

    def map_articles(self, articles: Sequence[Article]) -> Iterator[ArticleAnalysis]:
        """Analyses in input order; at most ``max_in_flight`` batches are out at once."""
        window: deque = deque()
        try:
            for start in range(0, len(articles), self.batch_size):
                batch = list(articles[start : start + self.batch_size])
                window.append(self.client.submit(process_batch, batch, batch_size=self.batch_size, pure=False))
                if len(window) >= self.max_in_flight:
                    yield from self._take(window.popleft())
            while window:
                yield from self._take(window.popleft())
        finally:  # the caller stopped early or a batch failed: do not leave work running
            for future in window:
                future.cancel()

    def map_stories(self, jobs: Iterable[StoryJob], options: Options, build: BuildStory) -> Iterator[Story]:
        """``build(story_id, articles, analyses, options)`` for every job, on the workers; stories
        come back in the order they finish, with at most ``max_in_flight`` tasks out at once."""
        from distributed import as_completed

        running: set = set()
        finished = as_completed(loop=self.client.loop)  # this runner's client, not the default one
        try:
            for task in pack(jobs, self.batch_size):
                future = self.client.submit(build_task, build, task, options, pure=False)
                running.add(future)
                finished.add(future)
                if len(running) >= self.max_in_flight:
                    done = next(finished)
                    running.discard(done)
                    yield from self._take(done)
            while running:
                done = next(finished)
                running.discard(done)
                yield from self._take(done)
        finally:
            for future in running:
                future.cancel()

    @staticmethod
    def _take(future) -> list[ArticleAnalysis]:
        try:
            return future.result()
        finally:
            future.release()

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> "DaskRunner":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
