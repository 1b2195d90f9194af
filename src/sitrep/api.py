"""The notebook API: ``sitrep.open(path)`` -> Database, with query methods returning Results."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sitrep.config import load_settings
from sitrep.records import Document, Event, Incident, PersonRole
from sitrep.store.base import Query, Store

T = TypeVar("T")


class Results(list[T]):
    """A list of records that can become a pandas DataFrame (pandas is optional)."""

    def to_dicts(self) -> list[dict[str, Any]]:
        return [r.to_dict() for r in self]  # type: ignore[attr-defined]

    def to_pandas(self) -> Any:
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - pandas is a dev/analysis extra
            raise ImportError("to_pandas() needs pandas: pip install pandas") from exc
        from sitrep.records import flatten

        return pd.DataFrame([flatten(d) for d in self.to_dicts()])


class Database:
    """A store plus the pipeline, for notebooks: ingest, then query with keyword filters."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def ingest(
        self, paths: str | Sequence[str], *, engine: str | None = None, mapping: dict[str, str] | None = None
    ) -> Any:
        """Ingest ``paths`` into this database with every setting (config file, SITREP_* environment);
        ``engine`` overrides the ``engine`` setting (``auto``, the default setting, is local here: the
        number of articles is not known before reading)."""
        from sitrep.engines import get_engine
        from sitrep.pipeline import Pipeline

        if isinstance(paths, str):
            paths = [paths]
        s = load_settings(engine=engine)
        eng = get_engine(s.engine, workers=s.workers or None, scheduler=s.scheduler or None)
        try:
            pipe = Pipeline.from_settings(self.store, s, eng)
            return pipe.ingest(list(paths), mapping=mapping)
        finally:
            eng.close()

    def documents(self, **filters: Any) -> Results[Document]:
        return Results(self.store.documents(Query(**filters)))

    def events(self, **filters: Any) -> Results[Event]:
        return Results(self.store.events(Query(**filters)))

    def incidents(self, **filters: Any) -> Results[Incident]:
        return Results(self.store.incidents(Query(**filters)))

    def people(self, name: str | None = None) -> Results[PersonRole]:
        return Results(self.store.people(name=name))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open(url: str | None = None) -> Database:  # noqa: A001 - the documented API name
    """Open (creating and migrating if needed) a SQLite file or a postgresql:// database."""
    from sitrep.store import open_store

    return Database(open_store(url or load_settings().db))
