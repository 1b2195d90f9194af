"""Engines run a pure stage function over batches of items: in-process, process pool, Dask.

Every engine returns results in input order, so output is identical whichever runs it::

    with get_engine("processes", workers=2) as engine:
        events = list(engine.map(extract_document, documents))

``local`` runs in this process (no start-up cost); ``processes`` is a local pool of worker
processes (:mod:`sitrep.engines.processes`); ``dask`` ships the stage function and document
batches to a Dask distributed cluster, a ``LocalCluster`` unless ``scheduler`` names one
(:mod:`sitrep.engines.dask`); ``auto`` (the default setting) is ``processes`` for a job big
enough to repay the workers' start-up on a machine with two or more cores, else ``local``
(:func:`resolve_engine_name`). Stage functions must be module-level (picklable) and pure.
"""

from __future__ import annotations

import importlib
import itertools
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

ENGINE_NAMES = ("auto", "local", "processes", "dask")

# ``auto`` starts a process pool only for jobs of at least this many documents: below that the
# workers' start-up (spawn, imports, spaCy load in each) costs about what the second core saves.
# `sitrep extract` on 2 cores, whole command: 50 FA-KES articles 5.2 s local vs 7.3 s pool, 100
# 7.9 vs 5.9, 200 13.2 vs 8.5; 200 short ACLED notes ~3 s either way, 400 4.5 vs 3.6.
AUTO_MIN_ITEMS = 200

# Called once in every worker process before it runs any stage (a dotted "module:function").
# The spaCy pipeline is the expensive part of a worker; loading it up front keeps the first batch
# from paying for it and lets ``warm_worker`` fail early when the model is missing.
DEFAULT_WARMUP = "sitrep.extract.nlp:get_nlp"


class Engine(Protocol):
    name: str
    workers: int

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any], *, chunksize: int = 16) -> Iterator[Any]:
        """Apply ``fn`` to every item; yield results in input order."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Engine: ...

    def __exit__(self, *exc: object) -> None: ...


class LocalEngine:
    """Runs everything in this process (no start-up cost)."""

    name = "local"
    workers = 1

    def map(self, fn: Callable[[T], R], items: Iterable[T], *, chunksize: int = 16) -> Iterator[R]:
        for item in items:
            yield fn(item)

    def close(self) -> None:
        return None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def default_workers() -> int:
    """The CPUs this process may use (affinity-aware), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def resolve_engine_name(
    name: str, n_items: int | None, *, workers: int | None = None, cores: int | None = None
) -> str:
    """The engine ``name`` stands for: itself, or for ``auto`` ``processes`` or ``local``.

    ``auto`` is ``processes`` when the job has at least :data:`AUTO_MIN_ITEMS` items (``n_items``;
    None = unknown, e.g. the articles of a folder or feed not read yet), this process may use two
    or more cores (``cores``, default :func:`default_workers`) and ``workers`` (None = one per
    core) asks for two or more; otherwise ``local``. Any other name is returned as is, so an
    explicit engine always wins.
    """
    if name != "auto":
        return name
    cores = default_workers() if cores is None else cores
    pool = workers if workers is not None else cores
    if n_items is not None and n_items >= AUTO_MIN_ITEMS and cores >= 2 and pool >= 2:
        return "processes"
    return "local"


# What the BLAS libraries numpy may load (OpenBLAS, MKL, an OpenMP build) read, once, when numpy loads: the size of
# their thread pool.
BLAS_THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_blas_thread() -> None:
    """Ask numpy's BLAS for one thread in this process, unless the environment already sizes its pool.

    sitrep runs one process per core (the ``processes`` engine), so a BLAS pool in each would only make the processes
    fight for the cores, and an idle pool's threads spin: on 2 cores, extraction with a 2-thread OpenBLAS took about
    1.5x the CPU time of one thread. Effective only before numpy loads (the command line calls it on start-up, a
    worker before its warm-up); spawned workers inherit it.
    """
    for var in BLAS_THREAD_VARS:
        os.environ.setdefault(var, "1")


def warm_worker(warmup: str | None = DEFAULT_WARMUP) -> None:
    """Run the warm-up hook ``module:function`` in a worker; a missing module is not an error.

    The hook loads shared, read-only state (the spaCy pipeline) once per worker process; the worker's BLAS gets
    one thread first (:func:`one_blas_thread`).
    """
    one_blas_thread()
    if not warmup:
        return
    module_name, _, func_name = warmup.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return
    try:
        getattr(module, func_name or "main")()
    except Exception as exc:  # the stage itself will raise the real error with its context
        logging.getLogger(__name__).warning("worker warm-up %s failed: %s", warmup, exc)


def run_chunk(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    """What a worker runs: the stage over one chunk of items, in order."""
    return [fn(item) for item in chunk]


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Split an iterable lazily into lists of ``size`` items (the last may be shorter)."""
    if size < 1:
        raise ValueError("chunksize must be >= 1")
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def ordered_window(
    submit: Callable[[list[T]], Any],
    result: Callable[[Any], list[R]],
    chunks: Iterable[list[T]],
    in_flight: int,
) -> Iterator[R]:
    """Keep at most ``in_flight`` chunks submitted; yield their results in submission order.

    Bounds memory on long inputs (a feed that never ends, 300k documents) while keeping every
    worker busy; the order of results never depends on which worker finished first.
    """
    pending: deque[Any] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= in_flight:
            yield from result(pending.popleft())
    while pending:
        yield from result(pending.popleft())


def get_engine(
    name: str = "local",
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    warmup: str | None = DEFAULT_WARMUP,
    n_items: int | None = None,
) -> Engine:
    """Build an engine by name: ``auto`` | ``local`` | ``processes`` | ``dask``.

    ``workers`` defaults to the usable CPUs; ``scheduler`` (``tcp://host:8786``) makes the Dask
    engine join an existing cluster instead of starting a local one; ``warmup`` is the
    ``module:function`` each worker runs once before its first chunk (None to skip); ``n_items``
    is the job's size (None = unknown), which ``auto`` decides by (:func:`resolve_engine_name`).
    """
    if workers is not None and workers < 1:
        raise ValueError("workers must be >= 1")
    if scheduler and name != "dask":
        raise ValueError("--scheduler only applies to --engine dask")
    if name not in ENGINE_NAMES:
        raise ValueError(f"unknown engine {name!r} (choose {', '.join(ENGINE_NAMES)})")
    name = resolve_engine_name(name, n_items, workers=workers)
    if name == "local":
        return LocalEngine()
    if name == "processes":
        from sitrep.engines.processes import ProcessEngine

        return ProcessEngine(workers=workers, warmup=warmup)
    if name == "dask":
        from sitrep.engines.dask import DaskEngine

        return DaskEngine(workers=workers, scheduler=scheduler, warmup=warmup)
    raise ValueError(f"unknown engine {name!r} (choose {', '.join(ENGINE_NAMES)})")


__all__ = [
    "AUTO_MIN_ITEMS",
    "BLAS_THREAD_VARS",
    "DEFAULT_WARMUP",
    "ENGINE_NAMES",
    "Engine",
    "LocalEngine",
    "chunked",
    "default_workers",
    "get_engine",
    "one_blas_thread",
    "ordered_window",
    "resolve_engine_name",
    "run_chunk",
    "warm_worker",
]
