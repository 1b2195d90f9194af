"""The Dask worker plugin (imported only when Dask distributed is installed)."""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin

from sitrep.engines import warm_worker


class WarmupPlugin(WorkerPlugin):
    """Run the warm-up hook (load the spaCy pipeline) once when a worker starts or joins."""

    idempotent = True

    def __init__(self, warmup: str | None) -> None:
        self.warmup = warmup

    def setup(self, worker: Any) -> None:
        warm_worker(self.warmup)
