"""Runs the whole analysis but story clustering on a Dask cluster.

Workers run ``newsprism.extract.process_batch`` (parse + extract) and ``pipeline.build_story``
(every story stage), the same functions the local runner runs, so results are the same; each
worker process loads spaCy and the embedding model once and keeps them. A story is a task (small
stories are packed a few to a task) that carries its own articles only.

``map_corpus`` (what ``analyze`` uses) keeps the analyses on the workers: a parsed batch is a
future that the story tasks reading it take as input, so analyses never travel through the
driver, and a story's task starts as soon as its members' batches are parsed, while others still
parse. Story clustering reads only the text: it runs on the driver (a thread of
``pipeline.analyze_articles``) at the same time. ``map_articles`` / ``map_stories`` do the two
halves apart, for the store, which keeps the analyses.

With no scheduler address a ``LocalCluster`` of single-threaded worker processes is started
(and stopped by ``close()``); with one, the runner connects to that cluster, whose workers
must have newsprism and its spaCy model installed.
"""

from __future__ import annotations

from collections import defaultdict, deque
from typing import Iterable, Iterator, Sequence

from ...errors import ConfigError
from ...extract import process_batch
from ...model import Article, ArticleAnalysis, Options, Story
from .stories import BuildStory, Progress, Readiness, StoryJob, build_task, pack


def build_from_batches(build: BuildStory, specs: list[tuple[str, list[Article], list[str]]], options: Options,
                       batches: list[list[ArticleAnalysis]]) -> list[Story]:
    """What a worker runs for ``map_corpus``: the stories of ``specs`` (story id, articles, member
    ids), their analyses picked from the parsed batches Dask handed in."""
    analyses = {a.article_id: a for batch in batches for a in batch}
    return build_task(build, [(story_id, members_, {i: analyses[i] for i in ids if i in analyses})
                              for story_id, members_, ids in specs], options)


def only_articles(analyses: list[ArticleAnalysis], article_ids: list[str]) -> list[ArticleAnalysis]:
    """The analyses of these articles only (a worker narrows a parsed batch it keeps)."""
    keep = set(article_ids)
    return [a for a in analyses if a.article_id in keep]


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


def tapered_batches(articles: Sequence[Article], size: int, workers: int) -> list[list[Article]]:
    """Batches of ``size`` articles, but the last ``workers * size`` articles in batches a
    quarter that size. With even batches to the end, one worker parses the last batch while
    the others wait for the stories that need it; small last batches finish on every worker
    at about the same time."""
    tail_start = max(0, len(articles) - workers * size)
    batches = [list(articles[i : min(i + size, tail_start)]) for i in range(0, tail_start, size)]
    small = max(1, size // 4)
    batches += [list(articles[i : i + small]) for i in range(tail_start, len(articles), small)]
    return batches


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
        computed on the driver meanwhile), as ``map_articles`` then ``map_stories`` would, but the
        analyses stay on the workers: a batch's analyses are a future the story tasks take as
        input (Dask moves them between workers when it must), never a round trip through the
        driver. A story's task leaves as soon as the batches holding its members are parsed.
        Stories come back in the order they finish."""
        from distributed import as_completed

        size = self.batch_size
        batches = tapered_batches(articles, size, self.workers)
        batch_of = {a.id: n for n, batch in enumerate(batches) for a in batch}
        by_id = {a.id: a for a in articles}
        parsed: dict[int, object] = {}  # batch number -> future of its analyses (on a worker)
        parsing: dict = {}  # future -> batch number
        building: set = set()
        queued: deque[list[int]] = deque()  # story tasks ready to go (story indices)
        done_batches: set[int] = set()
        readiness: Readiness | None = None
        # batch number -> its articles whose stories have not left yet, and how many analyses
        # the batch's future holds now (fewer once narrowed to those)
        needed_by: dict[int, set[str]] = defaultdict(set)
        holds: dict[int, int] = {n: len(batch) for n, batch in enumerate(batches)}
        finished = as_completed(loop=self.client.loop)
        next_batch = parsed_count = 0

        def queue(stories: list[int]) -> None:
            jobs = [(n, readiness.groups[n][1]) for n in stories]
            for task in pack(((n, members, None) for n, members in jobs), size):
                queued.append([n for n, _, _ in task])

        def send(task: list[int]) -> None:
            specs, reads = [], defaultdict(list)  # batch number -> the task's articles in it
            for n in task:
                story_id, members = readiness.groups[n]
                specs.append((story_id, [by_id[i] for i in members], list(members)))
                for i in members:
                    if i in batch_of:
                        reads[batch_of[i]].append(i)
            # the task runs where most of what it reads is; from a batch it reads little of, only
            # those analyses are cut out (on the batch's worker) and move, not the whole batch
            inputs = [parsed[m] if 2 * len(ids) > holds[m] or len(reads) == 1
                      else self.client.submit(only_articles, parsed[m], ids, pure=False, priority=1)
                      for m, ids in sorted(reads.items())]
            # before any batch still queued to parse: a built story frees its analyses
            future = self.client.submit(build_from_batches, build, specs, options, inputs, pure=False, priority=1)
            building.add(future)
            finished.add(future)
            touched = set()
            for n in task:
                for i in readiness.groups[n][1]:
                    if i in batch_of:
                        needed_by[batch_of[i]].discard(i)
                        touched.add(batch_of[i])
            for m in sorted(touched):
                if not needed_by[m]:  # every story reading the batch has left: let it go
                    parsed.pop(m, None)
                elif m in done_batches and 2 * len(needed_by[m]) <= holds[m]:
                    # a story still open (its last member not parsed yet) would pin the whole
                    # batch on its worker: keep only the analyses still to be read
                    parsed[m] = self.client.submit(only_articles, parsed[m], sorted(needed_by[m]), pure=False,
                                                   priority=1)
                    holds[m] = len(needed_by[m])

        try:
            while True:
                while next_batch < len(batches) and len(parsing) < self.max_in_flight:
                    # the batch in the task itself (not _put): where a scattered batch lands decides
                    # where it is parsed, and the parse is what must stay balanced; only texts stay
                    future = self.client.submit(process_batch, batches[next_batch], batch_size=size, pure=False)
                    parsing[future] = next_batch
                    parsed[next_batch] = future
                    finished.add(future)
                    next_batch += 1
                all_parsed = not parsing and next_batch >= len(batches)
                if readiness is None and (grouping.done() or all_parsed):
                    readiness = Readiness(grouping.result(), batch_of, done_batches)
                    for _, members in readiness.groups:
                        for i in members:
                            if i in batch_of:
                                needed_by[batch_of[i]].add(i)
                    queue(readiness.ready_now)
                if readiness is not None and all_parsed:
                    queue(readiness.left_over())
                while queued and len(building) < self.max_in_flight:
                    send(queued.popleft())
                if not parsing and not building and not queued and all_parsed:
                    return
                future = next(finished)
                if future in parsing:
                    number = parsing.pop(future)
                    if future.status != "finished":
                        future.result()  # raises the batch's error here
                    parsed_count += len(batches[number])
                    if progress:
                        progress("parse", parsed_count, len(articles))
                    done_batches.add(number)
                    if readiness is not None:
                        queue(readiness.done(number))
                else:
                    building.discard(future)
                    yield from self._take(future)
        finally:  # the caller stopped early or a task failed: do not leave work running
            for future in [*parsing, *building]:
                future.cancel()
            parsed.clear()

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
