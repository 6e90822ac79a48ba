"""Runners decide where the per-article work (parse + extract) and the per-story work (every
story stage) run: here, or on a Dask cluster."""

from __future__ import annotations

from .local import LocalRunner

RUNNER_NAMES = ("local", "dask")


def make_runner(name: str = "local", *, scheduler: str | None = None, workers: int | None = None,
                batch_size: int = 16):
    """A runner by name: ``local`` (``workers`` processes, 1 = this process) or ``dask``
    (``scheduler`` address, else a local cluster of ``workers`` processes). Close it when done."""
    from ...errors import ConfigError

    if scheduler and name == "local":  # a scheduler address only means something to Dask
        name = "dask"
    if name == "local":
        return LocalRunner(batch_size=batch_size, processes=workers or 1)
    if name == "dask":
        from .dask import DaskRunner

        return DaskRunner(scheduler=scheduler, n_workers=workers or 2, batch_size=batch_size)
    raise ConfigError(f"unknown runner {name!r}", hint=f"use one of {', '.join(RUNNER_NAMES)}")


__all__ = ["LocalRunner", "RUNNER_NAMES", "make_runner"]
