"""Store fixtures: every store test runs against SQLite and against a real PostgreSQL server.

PostgreSQL comes from ``SITREP_TEST_PG`` (``source scripts/ci_postgres.sh`` starts a server on
loopback and sets it; CI does). Each test gets its own schema, dropped afterwards, so tests
never see each other's rows. Imported by tests/conftest.py.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest

from sitrep.store import Store, open_store

PG_ENV = "SITREP_TEST_PG"
PG_SKIP = f"{PG_ENV} is not set: `source scripts/ci_postgres.sh` starts PostgreSQL on loopback and sets it"

STORE_BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def pg_base_url() -> str:
    """The test server's URL, or skip the test with the reason."""
    url = os.environ.get(PG_ENV, "")
    if not url:
        pytest.skip(PG_SKIP)
    pytest.importorskip("psycopg", reason="psycopg is not installed: pip install 'sitrep[postgres]'")
    return url


def with_search_path(url: str, schema: str) -> str:
    """The URL with ``options=-csearch_path=<schema>`` added (libpq connection option)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "options"]
    query.append(("options", f"-csearch_path={schema}"))
    return urlunsplit(parts._replace(query=urlencode(query)))


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh, empty schema (dropped after the test)."""
    import psycopg

    base = pg_base_url()
    schema = f"sitrep_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield with_search_path(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@pytest.fixture(params=STORE_BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: object) -> Iterator[str]:
    """A URL for an empty store of each backend: a SQLite file path or a postgresql:// URL."""
    if request.param == "sqlite":
        yield str(tmp_path / "sitrep.db")  # type: ignore[operator]
    else:
        yield request.getfixturevalue("pg_url")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An open, migrated, empty store of each backend."""
    s = open_store(store_url)
    try:
        yield s
    finally:
        s.close()
