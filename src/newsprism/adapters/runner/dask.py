"""Runs the whole analysis but story clustering on a Dask cluster.

Workers run ``newsprism.extract.process_batch`` (parse + extract) and ``pipeline.build_story``
(every story stage), the same functions the local runner runs, so results are the same; each
worker process loads spaCy and the embedding model once and keeps them. A story is a task (small
stories are packed a few to a task) that carries its own articles only.

``map_corpus`` (what ``analyze`` uses) parses in story order: story clustering reads only the
text and runs first, on the driver; then a task parses whole stories and builds them on the
worker it runs on, so analyses never travel (a story bigger than a batch is parsed in parts that
Dask brings together for its build). ``map_articles`` / ``map_stories`` do the two halves
apart, for the store, which keeps the analyses.

With no scheduler address a ``LocalCluster`` of single-threaded worker processes is started
(and stopped by ``close()``); with one, the runner connects to that cluster, whose workers
must have newsprism and its spaCy model installed.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping, Sequence

from ...errors import ConfigError
from ...extract import process_batch
from ...model import Article, ArticleAnalysis, Options, Story
from .stories import BuildStory, Progress, StoryJob, build_task, pack


# A cluster we start ourselves has no dashboard (dashboard_address=None), so its housekeeping
# can be slower: the stack sampler for the dashboard's profile (every 10 ms in each worker), the
# event-loop watchdog tick (every 20 ms in the scheduler, each nanny and each worker), the
# nannies' memory poll (every 100 ms) and the system monitor (500 ms). Idle, a 2-worker cluster
# spent 1.1 CPU-seconds in 15 s on these with the defaults and 0.2 s with these values
# (benchmarks/scale_dask.py measures the 2-vs-1 worker speed-up they serve): on two cores shared
# by driver and workers, that is time taken from the parse.
QUIET_LOCAL_CLUSTER = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}


def parse_and_build(build: BuildStory, articles: list[Article], stories: list[tuple[str, list[str]]],
                    options: Options, batch_size: int) -> list[Story]:
    """What a worker runs for ``map_corpus``: parse + extract these articles, then build the
    stories they make up (story id, member ids). The analyses never leave the worker."""
    analyses = {a.article_id: a for a in process_batch(articles, batch_size=batch_size)}
    return _build(build, articles, stories, options, analyses)


def build_from_batches(build: BuildStory, articles: list[Article], stories: list[tuple[str, list[str]]],
                       options: Options, batches: list[list[ArticleAnalysis]]) -> list[Story]:
    """A story too big for one batch: built from the parsed batches Dask handed in."""
    return _build(build, articles, stories, options, {a.article_id: a for batch in batches for a in batch})


def _build(build: BuildStory, articles: list[Article], stories: list[tuple[str, list[str]]], options: Options,
           analyses: dict[str, ArticleAnalysis]) -> list[Story]:
    by_id = {a.id: a for a in articles}
    return build_task(build, [(story_id, [by_id[i] for i in ids], {i: analyses[i] for i in ids if i in analyses})
                              for story_id, ids in stories], options)


@dataclass(frozen=True)
class CorpusTask:
    """One task of ``map_corpus``: the stories (indices into the groups) whose articles it parses
    and builds, or, for a story bigger than a batch, one ``part`` of its articles to parse."""

    stories: tuple[int, ...]
    members: tuple[str, ...]  # the article ids it parses, story by story
    part_of: int | None = None  # a part of this story (its build is a task of its own)


def corpus_plan(groups: Sequence[tuple[str, Sequence[str]]], size: int, workers: int,
                lengths: Mapping[str, int] | None = None) -> list[list[CorpusTask]]:
    """The parse in story order: each unit is a list of tasks, the unit's stories built once
    all of it is parsed. Stories go largest first, so the longest work starts first; stories of
    up to ``size`` articles are packed whole into one task, which parses and builds them where
    it runs (no analysis moves between workers); a bigger story is parsed in parts of ``size``
    and built by a task of its own.

    A task holds at most ``size`` articles and about ``size`` articles' worth of text
    (``lengths``: characters per article; the parse's time and memory follow the text, and the
    stories left for last, one article each, are often the long pieces no other outlet
    matched). The last ``workers`` tasks' worth go in tasks a quarter that size, so the workers
    finish together rather than one waiting for another's last batch."""
    lengths = lengths or {}
    order = sorted(range(len(groups)), key=lambda n: (-len(groups[n][1]), n))
    units: list[list[CorpusTask]] = []
    small: list[int] = []
    for n in order:
        members = tuple(groups[n][1])
        if len(members) > size:
            units.append([CorpusTask((n,), members[i : i + size], part_of=n) for i in range(0, len(members), size)])
        else:
            small.append(n)
    text = {n: sum(lengths.get(i, 1) for i in groups[n][1]) for n in small}
    count = sum(len(groups[n][1]) for n in small)
    budget = max(1, size * sum(text.values()) // max(count, 1))  # characters in a full task
    left = sum(text.values())
    task: list[int] = []
    held = held_text = 0
    for n in small:
        members = len(groups[n][1])
        tail = left <= workers * budget
        most, most_text = (max(1, size // 4), max(1, budget // 4)) if tail else (size, budget)
        if task and (held + members > most or held_text + text[n] > most_text):
            units.append([CorpusTask(tuple(task), tuple(i for m in task for i in groups[m][1]))])
            task, held, held_text = [], 0, 0
        task.append(n)
        held += members
        held_text += text[n]
        left -= text[n]
    if task:
        units.append([CorpusTask(tuple(task), tuple(i for m in task for i in groups[m][1]))])
    return units


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
            import dask

            # Dask starts workers with MALLOC_TRIM_THRESHOLD_=65536 (give freed memory back to the
            # OS at once), which also turns off glibc's adaptive malloc thresholds: spaCy's parse
            # allocates so much that it then runs about 15% slower (200 articles: 10.0 s against
            # 8.6 s with glibc's defaults in one process; README, Scale)
            with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
                                  **QUIET_LOCAL_CLUSTER}):
                self._cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                             dashboard_address=None)
            self.client = Client(self._cluster)
        workers = max(1, len(self.client.scheduler_info().get("workers", {})) or n_workers)
        self.workers = workers
        # enough batches queued to keep every worker busy, few enough to bound driver memory
        self.max_in_flight = max_in_flight or 2 * workers

    def _put(self, data):
        """``data`` on a worker, as a future a task takes instead of the value itself. A value
        put in a task's arguments stayed in this process after the task had finished (Dask
        2026.8, scheduler in-process): every article batch, and every analysis a store rebuild
        sent, so the driver grew with the corpus (a rebuild of 300 stories: 544 MB, 106 MB
        scattered)."""
        return self.client.scatter([data], hash=False)[0]

    def map_articles(self, articles: Sequence[Article]) -> Iterator[ArticleAnalysis]:
        """Analyses in input order; at most ``max_in_flight`` batches are out at once."""
        window: deque = deque()
        try:
            for start in range(0, len(articles), self.batch_size):
                batch = list(articles[start : start + self.batch_size])
                window.append(self.client.submit(process_batch, self._put(batch), batch_size=self.batch_size, pure=False))
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
                future = self.client.submit(build_task, build, self._put(task), options, pure=False)
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

    def map_corpus(self, articles: Sequence[Article], grouping, options: Options, build: BuildStory,
                   progress: Progress | None = None) -> Iterator[Story]:
        """Parse every article and build every story of ``grouping`` (a future of the stories,
        computed on the driver), as ``map_articles`` then ``map_stories`` would, but parsed in
        story order (``corpus_plan``): a task parses whole stories and builds them where it runs,
        so analyses never travel (only a story bigger than a batch is parsed in parts, which
        Dask brings together for its build). The parse waits for the clustering, which reads
        only the text and costs about 1/60 of a parse per article. Stories come back in the
        order they finish."""
        from distributed import as_completed

        groups = grouping.result()
        by_id = {a.id: a for a in articles}
        units = deque(corpus_plan(groups, self.batch_size, self.workers, {a.id: len(a.text) for a in articles}))
        finished = as_completed(loop=self.client.loop)
        running: dict = {}  # future -> articles it parses (0 for a build of parts)
        parts: set = set()  # parse-only futures: their build tasks hold them, we only count them
        parsed = 0

        def specs(stories: tuple[int, ...]) -> list[tuple[str, list[str]]]:
            return [(groups[n][0], list(groups[n][1])) for n in stories]

        def submit(unit: list[CorpusTask]) -> None:
            if unit[0].part_of is None:
                task = unit[0]
                future = self.client.submit(parse_and_build, build, [by_id[i] for i in task.members], specs(task.stories),
                                            options, self.batch_size, pure=False)
                running[future] = len(task.members)
                finished.add(future)
                return
            parsing = []
            for part in unit:
                future = self.client.submit(process_batch, [by_id[i] for i in part.members],
                                            batch_size=self.batch_size, pure=False)
                running[future] = len(part.members)
                finished.add(future)
                parsing.append(future)
            parts.update(parsing)
            story = unit[0].part_of
            members = [by_id[i] for i in groups[story][1]]
            # before any batch still queued to parse: a built story frees its parts' analyses
            future = self.client.submit(build_from_batches, build, members, specs((story,)), options, parsing,
                                        pure=False, priority=1)
            running[future] = 0
            finished.add(future)

        try:
            while units or running:
                while units and len(running) < self.max_in_flight:
                    submit(units.popleft())
                future = next(finished)
                count = running.pop(future)
                if future.status != "finished":
                    future.result()  # raises the task's error here
                parsed += count
                if count and progress:
                    progress("parse", parsed, len(articles))
                if future in parts:
                    parts.discard(future)
                    future.release()  # its build task holds it
                else:
                    yield from self._take(future)
        finally:  # the caller stopped early or a task failed: do not leave work running
            for future in running:
                future.cancel()
            parts.clear()

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
