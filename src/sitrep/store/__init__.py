"""Storage behind one interface: SQLite by default, PostgreSQL for teams."""

from __future__ import annotations

from sitrep.store.base import AddResult, Query, Store

__all__ = ["AddResult", "Query", "Store", "open_store"]


def open_store(url: str, *, create: bool = True) -> Store:
    """Open (and migrate) a store: a file path -> SQLite, ``postgresql://...`` -> PostgreSQL.

    ``create=False`` (queries) refuses a SQLite file that does not exist instead of creating an empty one.
    """
    if not create:
        require_existing(url)
    if url.startswith(("postgresql://", "postgres://")):
        from sitrep.store.postgres import PostgresStore

        return PostgresStore(url)
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///") :]
    from sitrep.store.sqlite import SQLiteStore

    return SQLiteStore(url)


def require_existing(url: str) -> None:
    """Raise StoreError when ``url`` names a SQLite database file that does not exist."""
    from pathlib import Path

    from sitrep.errors import StoreError

    if url.startswith(("postgresql://", "postgres://")):
        return
    path = url.removeprefix("sqlite:///")
    if path != ":memory:" and not Path(path).is_file():
        raise StoreError(
            f"no database at {path}: give --db (or SITREP_DB), or create one with `sitrep ingest` or `sitrep demo`"
        )
