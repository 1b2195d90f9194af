"""sitrep: news reports about armed conflict -> a trustworthy, source-attributed event record.

    import sitrep
    events = sitrep.extract(text, published="2025-12-15")      # -> list[Event]
    db = sitrep.open("sitrep.db"); db.ingest("articles/"); db.incidents(country="SY").to_pandas()
"""

from __future__ import annotations

import importlib
import types
from typing import Any

from sitrep.api import Database, Results, open
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

__version__ = "0.1.0"

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
    "extract_text",
    "open",
    "resolve",
]


def extract_text(text: str, published: str | None = None, **meta: Any) -> list[Event]:
    """Events in one text (``published``: ISO date the relative expressions resolve against)."""
    from sitrep.extract import extract as _extract

    return _extract(text, published=published, **meta)


class _CallableModule(types.ModuleType):
    """Makes ``sitrep.extract(text, published=...)`` work while ``sitrep.extract`` stays the subpackage."""

    def __call__(self, text: str, published: str | None = None, **meta: Any) -> list[Event]:
        return extract_text(text, published=published, **meta)


def __getattr__(name: str) -> Any:
    if name == "resolve":
        return importlib.import_module("sitrep.resolve")
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")


# ``sitrep.extract`` is the subpackage and also the documented call ``sitrep.extract(text, ...)``.
_extract_module = importlib.import_module("sitrep.extract")
_extract_module.__class__ = _CallableModule
