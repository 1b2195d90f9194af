"""sitrep: news reports about armed conflict -> a trustworthy, source-attributed event record."""

from __future__ import annotations

__version__ = "0.1.0"
