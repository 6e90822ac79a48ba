"""Runs the per-article work (parse + extract) and the per-story work (``pipeline.build_story``)
on this machine: in this process, or in a pool of worker processes (each loads spaCy and the
embedding model once and keeps them)."""

from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Iterable, Iterator, Sequence

from ...extract import process_batch
from ...model import Article, ArticleAnalysis, Options, Story
from .stories import BuildStory, Progress, StoryJob, build_task, jobs_as_parsed, pack


class LocalRunner:
    """The default runner. ``processes=1`` (the default) works in this process; more spreads
    batches over that many worker processes. Results come back in input order either way."""

    def __init__(self, batch_size: int = 16, processes: int = 1):
        if batch_size < 1 or processes < 1:
            raise ValueError("batch_size and processes must be at least 1")
        self.batch_size = batch_size
        self.processes = processes
        self._pool: ProcessPoolExecutor | None = None

    def map_articles(self, articles: Sequence[Article]) -> Iterator[ArticleAnalysis]:
        batches = (articles[i : i + self.batch_size] for i in range(0, len(articles), self.batch_size))
        if self.processes == 1:
            for batch in batches:
                yield from process_batch(batch, batch_size=self.batch_size)
            return
        pool = self._ensure_pool()
        # a bounded window of batches in flight: memory stays flat however long the input
        window: deque[Future] = deque()
        for batch in batches:
            window.append(pool.submit(process_batch, batch, batch_size=self.batch_size))
            if len(window) >= 2 * self.processes:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()

    def map_stories(self, jobs: Iterable[StoryJob], options: Options, build: BuildStory) -> Iterator[Story]:
        """``build(story_id, articles, analyses, options)`` for every job; stories come back in
        the order they finish (in this process: job order)."""
        tasks = pack(jobs, self.batch_size)
        if self.processes == 1:
            for task in tasks:
                yield from build_task(build, task, options)
            return
        pool = self._ensure_pool()
        running: set[Future] = set()
        try:
            for task in tasks:
                running.add(pool.submit(build_task, build, task, options))
                if len(running) >= 2 * self.processes:
                    done, running = wait(running, return_when=FIRST_COMPLETED)
                    for future in done:
                        yield from future.result()
            while running:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    yield from future.result()
        finally:
            for future in running:
                future.cancel()

    def map_corpus(self, articles: Sequence[Article], grouping, options: Options, build: BuildStory,
                   progress: Progress | None = None) -> Iterator[Story]:
        """Parse every article and build every story of ``grouping`` (a future of the stories),
        each story as soon as its members are parsed; stories come back in the order they finish."""
        return self.map_stories(jobs_as_parsed(articles, self.map_articles(articles), grouping, progress), options, build)

    def _ensure_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn, not fork: the parent may hold threads (torch, BLAS) that fork would copy locked
            self._pool = ProcessPoolExecutor(self.processes, mp_context=multiprocessing.get_context("spawn"))
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def __enter__(self) -> "LocalRunner":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
