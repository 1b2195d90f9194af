"""A local pool of worker processes (``--engine processes``).

Items are cut into chunks; each chunk goes to a worker with the stage function (pickled by
reference, so it must be a module-level function) and comes back as a list. At most a few chunks
per worker are in flight, and results are yielded in input order. Workers are started with the
``spawn`` method (no inherited locks or threads from the parent, e.g. a progress bar) and each
loads the spaCy pipeline once, in its initializer, before its first chunk.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from sitrep.engines import DEFAULT_WARMUP, chunked, default_workers, ordered_window, run_chunk, warm_worker

T = TypeVar("T")
R = TypeVar("R")


class ProcessEngine:
    """Runs a stage on ``workers`` local processes; results in input order."""

    name = "processes"

    def __init__(
        self,
        workers: int | None = None,
        *,
        warmup: str | None = DEFAULT_WARMUP,
        start_method: str = "spawn",
        in_flight_per_worker: int = 4,
    ) -> None:
        self.workers = workers or default_workers()
        self.warmup = warmup
        self.start_method = start_method
        self.in_flight = max(2, self.workers * in_flight_per_worker)
        self._pool: ProcessPoolExecutor | None = None

    @property
    def pool(self) -> ProcessPoolExecutor:
        """The executor, started on first use and reused by every later ``map``."""
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context(self.start_method),
                initializer=warm_worker,
                initargs=(self.warmup,),
            )
        return self._pool

    def worker_pids(self) -> list[int]:
        """Process ids of the running workers (for memory measurements)."""
        procs = getattr(self._pool, "_processes", None) or {}
        return sorted(procs)

    def map(self, fn: Callable[[T], R], items: Iterable[T], *, chunksize: int = 16) -> Iterator[R]:
        pool = self.pool

        def submit(chunk: list[T]) -> Future[list[R]]:
            return pool.submit(run_chunk, fn, chunk)

        def result(fut: Future[list[R]]) -> list[R]:
            return fut.result()

        return ordered_window(submit, result, chunked(items, chunksize), self.in_flight)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> ProcessEngine:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def forked_parts(work: Callable[[int, int], R], parts: int) -> list[R]:
    """``[work(0, parts), ..., work(parts - 1, parts)]``, parts 1.. computed in forked children while part 0 is
    computed here: for in-memory work too short-lived for a pool (the resolver's pairs of one chunk, whose profiles
    the children share copy-on-write instead of receiving them pickled). Each child sends its part back pickled.
    Where ``fork`` is unavailable, or a child fails, that part is computed here: the result is the same either
    way, only slower."""
    if parts < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [work(k, parts) for k in range(parts)]
    ctx = multiprocessing.get_context("fork")
    # the objects alive now go to the collector's permanent generation: no collection in a child or here walks them
    # (and writes their headers), so the children share their pages instead of copying them
    gc.freeze()
    try:
        children: list[tuple[int, Any, Any]] = []
        for k in range(1, parts):
            receive, send = ctx.Pipe(duplex=False)
            child = ctx.Process(target=_send_part, args=(work, k, parts, send), daemon=True)
            child.start()
            send.close()
            children.append((k, child, receive))
        out: list[R] = [work(0, parts)]
        for k, child, receive in children:
            try:
                ok, value = receive.recv()
            except (EOFError, OSError):
                ok, value = False, None
            receive.close()
            child.join()
            out.append(value if ok else work(k, parts))
        return out
    finally:
        gc.unfreeze()


def forked_map(fn: Callable[[T], R], items: Sequence[T], parts: int) -> list[R]:
    """``[fn(x) for x in items]``, the items cut into ``parts`` runs of consecutive items computed by
    :func:`forked_parts` (the children share ``items`` copy-on-write; each sends its run's results back pickled)."""
    def run(k: int, n: int) -> list[R]:
        return [fn(x) for x in items[k * len(items) // n:(k + 1) * len(items) // n]]

    return [r for part in forked_parts(run, parts) for r in part]


def _send_part(work: Callable[[int, int], Any], k: int, parts: int, send: Any) -> None:
    gc.disable()  # a short-lived child: a collection would only copy the parent's pages it walks
    try:
        send.send((True, work(k, parts)))
    except Exception:  # noqa: BLE001 - the parent computes the part itself
        send.send((False, None))
    finally:
        send.close()
