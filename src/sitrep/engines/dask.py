"""Dask distributed engine (``--engine dask [--scheduler tcp://host:8786]``).

Without a scheduler address it starts a ``LocalCluster`` of ``workers`` single-threaded worker
processes on loopback (its status page also binds to loopback, on a free port); with one it joins
that cluster, whose workers must have the same sitrep version installed. The stage function
(module-level, pickled by reference) and one chunk of items travel in each task; at most a few
chunks per worker are in flight and results are yielded in input order. A worker plugin loads
the spaCy pipeline once per worker, including workers that join later.

Install with ``pip install 'sitrep[dask]'``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from sitrep.engines import DEFAULT_WARMUP, chunked, default_workers, ordered_window, run_chunk
from sitrep.errors import require

T = TypeVar("T")
R = TypeVar("R")


def _import_distributed() -> Any:
    """dask.distributed, or MissingExtraError saying ``pip install 'sitrep[dask]'``."""
    return require("distributed", "dask")


class DaskEngine:
    """Runs a stage on a Dask cluster (local unless ``scheduler`` is given); results in input order."""

    name = "dask"

    def __init__(
        self,
        workers: int | None = None,
        *,
        scheduler: str | None = None,
        warmup: str | None = DEFAULT_WARMUP,
        in_flight_per_worker: int = 4,
    ) -> None:
        distributed = _import_distributed()
        self.scheduler = scheduler
        self._cluster: Any = None
        if scheduler:
            self._client = distributed.Client(scheduler, timeout="30s")
            n = len(self._client.scheduler_info().get("workers", {}))
            self.workers = workers or max(1, n)
        else:
            self.workers = workers or default_workers()
            import dask

            # The workers' statistical profiler samples every 10 ms; on one-thread workers running
            # CPU-bound stages that is a sizeable share of a core, and nobody reads the profile.
            with dask.config.set({"distributed.worker.profile.enabled": False}):
                self._cluster = distributed.LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address="127.0.0.1:0",  # status page on loopback, any free port
                    silence_logs=logging.ERROR,
                )
            self._client = distributed.Client(self._cluster)
        if warmup:
            from sitrep.engines._dask_plugin import WarmupPlugin

            self._client.register_plugin(WarmupPlugin(warmup), name="sitrep-warmup")
        self.in_flight = max(2, self.workers * in_flight_per_worker)

    @property
    def client(self) -> Any:
        return self._client

    def worker_pids(self) -> list[int]:
        """Process ids of the workers (for memory measurements on a local cluster)."""
        import os

        pids = self._client.run(os.getpid)
        return sorted(int(p) for p in pids.values())

    def map(self, fn: Callable[[T], R], items: Iterable[T], *, chunksize: int = 16) -> Iterator[R]:
        client = self._client

        def submit(chunk: list[T]) -> Any:
            return client.submit(run_chunk, fn, chunk, pure=False)

        def result(fut: Any) -> list[R]:
            out: list[R] = fut.result()
            fut.release()
            return out

        return ordered_window(submit, result, chunked(items, chunksize), self.in_flight)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
