"""sitrep: news reports about armed conflict -> a trustworthy, source-attributed event record.

    import sitrep
    events = sitrep.extract(text, published="2025-12-15")      # -> list[Event]
    db = sitrep.open("sitrep.db"); db.ingest("articles/"); db.incidents(country="SY").to_pandas()
"""

from __future__ import annotations

import importlib
import types
from typing import TYPE_CHECKING, Any

from sitrep._version import __version__
from sitrep.records import (
    ActorRef,
    Contradiction,
    ContradictionValue,
    Document,
    Event,
    Evidence,
    Incident,
    PersonRole,
    Place,
)

if TYPE_CHECKING:
    from sitrep.api import Database, Results, open

__all__ = [
    "ActorRef",
    "Contradiction",
    "ContradictionValue",
    "Database",
    "Document",
    "Event",
    "Evidence",
    "Incident",
    "PersonRole",
    "Place",
    "Results",
    "__version__",
    "extract_text",
    "open",
    "resolve",
]

# loaded on first use, so that ``import sitrep.records`` (or the CLI's --help) loads no extraction module
_LAZY = {"Database": "sitrep.api", "Results": "sitrep.api", "open": "sitrep.api"}


def extract_text(text: str, published: str | None = None, **meta: Any) -> list[Event]:
    """Events in one text (``published``: ISO date the relative expressions resolve against)."""
    from sitrep.extract import extract as _extract

    return _extract(text, published=published, **meta)


class CallableModule(types.ModuleType):
    """Makes ``sitrep.extract(text, published=...)`` work while ``sitrep.extract`` stays the subpackage
    (the subpackage takes this class when it is imported)."""

    def __call__(self, text: str, published: str | None = None, **meta: Any) -> list[Event]:
        return extract_text(text, published=published, **meta)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    if name in ("resolve", "extract"):
        return importlib.import_module(f"sitrep.{name}")
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")
