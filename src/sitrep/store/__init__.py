"""Storage behind one interface: SQLite by default, PostgreSQL for teams."""

from __future__ import annotations

from sitrep.store.base import AddResult, Query, Store

__all__ = ["AddResult", "Query", "Store", "open_store"]


def open_store(url: str) -> Store:
    """Open (and migrate) a store: a file path -> SQLite, ``postgresql://...`` -> PostgreSQL."""
    if url.startswith(("postgresql://", "postgres://")):
        from sitrep.store.postgres import PostgresStore

        return PostgresStore(url)
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///") :]
    from sitrep.store.sqlite import SQLiteStore

    return SQLiteStore(url)
