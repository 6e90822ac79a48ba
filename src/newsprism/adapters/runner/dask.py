"""Runs per-article parsing and extraction on a Dask cluster.

Workers run ``newsprism.extract.process_batch``, the same function the local runner runs, so
the analyses are the same; each worker process loads spaCy once (``nlp.load_nlp`` is cached
per process) and keeps it. Story clustering stays on the driver: it needs every article.

With no scheduler address a ``LocalCluster`` of single-threaded worker processes is started
(and stopped by ``close()``); with one, the runner connects to that cluster, whose workers
must have newsprism and its spaCy model installed.
"""

from __future__ import annotations

from collections import deque
from typing import Iterator, Sequence

from ...errors import ConfigError
from ...extract import process_batch
from ...model import Article, ArticleAnalysis


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
