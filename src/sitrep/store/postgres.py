"""PostgreSQL store (``--db postgresql://user@host:5432/dbname``): the SQLite store's interface and schema.

For teams: several ingest workers and readers on one database. The schema mirrors SQLite's
(migrations/postgres/, same tables and columns); full-text search is a tsvector column with a GIN
index; documents and events load in bulk with COPY into a temporary table followed by one
``INSERT ... SELECT`` (idempotent: ids come from content, existing rows are kept or replaced
exactly as the SQLite store does). Install with ``pip install 'sitrep[postgres]'`` (psycopg 3).

All SQL is parameterised; filter values never reach the SQL text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from sitrep.errors import StoreError, require
from sitrep.records import Document, Event, Incident, PersonRole
from sitrep.store.base import AddResult, Query
from sitrep.store.common import (
    ParsedEvents,
    event_row,
    filter_sql,
    incident_row,
    like,
    migrations,
    near_filter,
    record_latlon,
    window_sql,
)

T = TypeVar("T")

_DOC_FIELDS = (
    "id", "title", "source", "url", "language", "published", "published_precision", "published_method",
    "origin", "duplicate_of", "text",
)
_EVENT_FIELDS = (
    "event_id", "doc_id", "event_type", "sub_event_type", "date", "date_low", "date_high", "country", "admin1",
    "location", "lat", "lon", "actor1", "actor2", "fatalities", "source", "generic", "evidence", "data",
    "span_class",
)
_INCIDENT_FIELDS = (
    "incident_id", "event_type", "sub_event_type", "date", "date_low", "date_high", "country", "admin1",
    "location", "lat", "lon", "actor1", "actor2", "fatalities", "n_reports", "n_sources", "n_contradictions",
    "sources", "data",
)
_PEOPLE_FIELDS = ("person_id", "name", "role", "first_seen", "last_seen", "data")

# PostgreSQL caps a tsvector at 1 MB; the words of the first ~400k characters of a document are
# searchable (a long news article is ~20k characters). The document text itself is stored whole.
_FTS_MAX_CHARS = 400_000
_WORD = re.compile(r"[^\W_]+")
_LOCK_MIGRATE = 7_345_001  # pg_advisory_xact_lock key: one migrator at a time
_LOCK_WRITE = 7_345_002  # ... and one read-compute-write step (resolution, people) at a time


def fts_words(text: str | None) -> list[str]:
    """The words FTS5's unicode61 tokenizer (remove_diacritics 2) would index, case-folded.

    Both the stored tsvector and the query are built from these words with the 'simple'
    configuration (no stemming, no stop words), so a search finds what SQLite finds.
    """
    if not text:
        return []
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _WORD.findall(folded)


def fts_text(*parts: str | None) -> str:
    """The space-joined words of ``parts``, bounded for PostgreSQL's tsvector size limit."""
    words: list[str] = []
    budget = _FTS_MAX_CHARS
    for part in parts:
        if not part or budget <= 0:
            continue
        chunk = part[:budget]
        budget -= len(chunk)
        words += (w for w in fts_words(chunk) if len(w) < 256)
    return " ".join(words)


def redact(url: str) -> str:
    """The URL without its password (for messages and ``store.url``)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "postgresql://..."
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)[-1]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc}"))


def _clean(value: Any) -> Any:
    """PostgreSQL text cannot hold NUL; it becomes U+FFFD (same length, so offsets stay valid)."""
    if isinstance(value, str) and "\x00" in value:
        return value.replace("\x00", "\ufffd")
    return value


class PostgresStore:
    """Store on a PostgreSQL server (13 or newer); one connection, explicit transactions."""

    def __init__(self, url: str, *, connect_timeout: int = 10) -> None:
        psycopg: Any = require("psycopg", "postgres")
        self._psycopg = psycopg
        self.url = redact(url)
        self._parsed = ParsedEvents()  # the events of recent candidate windows
        self._resolved_below = 0  # every event with a smaller seq was resolved at the last unresolved_events()
        try:
            self.conn: Any = psycopg.connect(url, autocommit=True, connect_timeout=connect_timeout)
        except psycopg.Error as exc:
            msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"cannot connect to {self.url}: {msg}") from exc
        try:
            self._migrate()
        except psycopg.Error as exc:
            self.conn.close()
            raise StoreError(f"cannot migrate {self.url}: {exc}") from exc

    # -- plumbing ---------------------------------------------------------------------------
    def _migrate(self) -> None:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_MIGRATE,))
            self.conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)")
            done = {r[0] for r in self.conn.execute("SELECT version FROM schema_version")}
            for version, sql in migrations("postgres"):
                if version in done:
                    continue
                self.conn.execute(sql)
                self.conn.execute("INSERT INTO schema_version(version) VALUES (%s)", (version,))

    def exclusive(self, fn: Callable[[], T]) -> T:
        """One transaction holding the writers' advisory lock (nested writes become savepoints)."""

        def run() -> T:
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_WRITE,))
            return fn()

        return self._write(run)

    def _write(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` in one transaction; database errors become StoreError."""
        try:
            with self.conn.transaction():
                return fn()
        except self._psycopg.Error as exc:
            raise StoreError(f"database {self.url}: {exc}") from exc

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        try:
            return list(self.conn.execute(sql, params).fetchall())
        except self._psycopg.Error as exc:
            raise StoreError(f"database {self.url}: {exc}") from exc

    def others_wrote(self) -> bool:
        return True  # no per-connection change counter here: kept state is rebuilt every time

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _copy_stage(self, name: str, like: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Create a temporary table shaped like ``like`` (plus ``fts``) and COPY ``rows`` into it.

        One left by an earlier write of the same (still open, ``exclusive``) transaction goes first."""
        self.conn.execute(f"DROP TABLE IF EXISTS pg_temp.{name}")
        self.conn.execute(
            f"CREATE TEMP TABLE {name} (LIKE {like} INCLUDING DEFAULTS, fts TEXT) ON COMMIT DROP"
        )
        with self.conn.cursor().copy(f"COPY {name} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    # -- documents --------------------------------------------------------------------------
    def add_documents(
        self, docs: Iterable[Document], signatures: dict[str, bytes] | None = None, events: Iterable[Event] = ()
    ) -> AddResult:
        docs = list(docs)
        staged_events = self._event_rows(events)
        if not docs:
            if staged_events:
                self._write(lambda: self._insert_events(staged_events))
            return AddResult((), ())
        signatures = signatures or {}
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        columns = (*_DOC_FIELDS, "signature", "ingested_at", "fts")

        def rows() -> Iterator[tuple[Any, ...]]:
            for d in docs:
                values = tuple(_clean(getattr(d, f)) for f in _DOC_FIELDS)
                yield (*values, signatures.get(d.id), now, fts_text(d.title, d.text))

        def run() -> set[str]:
            if staged_events:  # same transaction: never a document without its events
                self._insert_events(staged_events)
            self._copy_stage("stage_documents", "documents", columns, rows())
            cols = ", ".join(columns[:-1])
            cur = self.conn.execute(
                f"INSERT INTO documents ({cols}, tsv) "
                f"SELECT {cols}, to_tsvector('simple', fts) FROM stage_documents ORDER BY seq "
                "ON CONFLICT (id) DO NOTHING RETURNING id"
            )
            return {r[0] for r in cur.fetchall()}

        new = self._write(run)
        inserted, existing = [], []
        for d in docs:
            if d.id in new:
                inserted.append(d.id)
                new.discard(d.id)
            else:
                existing.append(d.id)
        return AddResult(tuple(inserted), tuple(existing))

    def has_documents(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        if not ids:
            return set()
        return {r[0] for r in self._rows("SELECT id FROM documents WHERE id = ANY(%s)", (ids,))}

    def get_document(self, doc_id: str) -> Document | None:
        rows = self._rows(f"SELECT {', '.join(_DOC_FIELDS)} FROM documents WHERE id = %s", (doc_id,))
        return _document(rows[0]) if rows else None

    def documents(self, q: Query = Query()) -> list[Document]:
        where: list[str] = []
        params: list[Any] = []
        if q.text:
            words = fts_words(q.text)[:32]
            if not words:
                return []
            where.append("d.tsv @@ plainto_tsquery('simple', %s)")
            params.append(" ".join(words))
        if q.since:
            where.append("(d.published IS NOT NULL AND d.published >= substr(%s, 1, length(d.published)))")
            params.append(q.since)
        if q.until:
            where.append("(d.published IS NOT NULL AND d.published <= %s)")
            params.append(q.until)
        if q.source:
            where.append("lower(d.source) = lower(%s)")
            params.append(q.source)
        sql = f"SELECT {', '.join('d.' + c for c in _DOC_FIELDS)} FROM documents d"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY d.published IS NULL, d.published DESC, d.id LIMIT %s OFFSET %s"
        params += [q.limit, q.offset]
        return [_document(r) for r in self._rows(sql, params)]

    def iter_documents(self, batch: int = 500) -> Iterator[Document]:
        last = ""
        while True:
            rows = self._rows(
                f"SELECT {', '.join(_DOC_FIELDS)} FROM documents WHERE id > %s ORDER BY id LIMIT %s", (last, batch)
            )
            if not rows:
                return
            for r in rows:
                yield _document(r)
            last = rows[-1][0]

    def count_documents(self) -> int:
        return int(self._rows("SELECT count(*) FROM documents")[0][0])

    def demote_document(self, doc_id: str, original: str) -> list[str]:
        def run() -> list[str]:
            self.conn.execute("UPDATE documents SET duplicate_of = %s WHERE id = %s OR duplicate_of = %s",
                              (original, doc_id, doc_id))
            incs = [r[0] for r in self.conn.execute(
                "SELECT DISTINCT ie.incident_id FROM incident_events ie JOIN events e ON e.event_id = ie.event_id "
                "WHERE e.doc_id = %s", (doc_id,)).fetchall()]
            if incs:
                self.conn.execute("DELETE FROM incidents WHERE incident_id = ANY(%s)", (incs,))
                self.conn.execute("DELETE FROM incident_events WHERE incident_id = ANY(%s)", (incs,))
            self.conn.execute("DELETE FROM events WHERE doc_id = %s", (doc_id,))
            surnames = sorted(r[0] for r in self.conn.execute(
                "SELECT DISTINCT surname FROM person_mentions WHERE doc_id = %s", (doc_id,)).fetchall())
            self.conn.execute("DELETE FROM person_mentions WHERE doc_id = %s", (doc_id,))
            return surnames

        return self._write(run)

    def document_shingles(self) -> Iterator[tuple[str, bytes]]:
        rows = self._rows(
            "SELECT id, signature FROM documents WHERE signature IS NOT NULL AND duplicate_of IS NULL ORDER BY seq"
        )
        for r in rows:
            yield r[0], bytes(r[1])

    # -- events -----------------------------------------------------------------------------
    def add_events(self, events: Iterable[Event]) -> int:
        staged = self._event_rows(events)
        if not staged:
            return 0
        return self._write(lambda: self._insert_events(staged))

    @staticmethod
    def _event_rows(events: Iterable[Event]) -> list[tuple[Any, ...]]:
        staged: dict[str, tuple[Any, ...]] = {}
        for e in events:  # the last report of an id wins, as with INSERT OR REPLACE
            row = tuple(_clean(v) for v in event_row(e))
            staged.pop(e.event_id, None)
            staged[e.event_id] = (*row, fts_text(row[17], row[12], row[13], row[9]))
        return list(staged.values())

    def _insert_events(self, staged: list[tuple[Any, ...]]) -> int:
        columns = (*_EVENT_FIELDS, "fts")
        cols = ", ".join(_EVENT_FIELDS)
        self._copy_stage("stage_events", "events", columns, staged)
        self.conn.execute("DELETE FROM events WHERE event_id IN (SELECT event_id FROM stage_events)")
        cur = self.conn.execute(
            f"INSERT INTO events ({cols}, tsv) "
            f"SELECT {cols}, to_tsvector('simple', fts) FROM stage_events ORDER BY seq"
        )
        return int(cur.rowcount)

    def events(self, q: Query = Query()) -> list[Event]:
        sql, params = _filtered("events", "e", q)
        if sql is None:
            return []
        rows = self._rows(sql, params)
        return near_filter([Event.from_dict(json.loads(r[0])) for r in rows], q, record_latlon)

    def get_events(self, event_ids: Iterable[str]) -> list[Event]:
        ids = list(event_ids)
        if not ids:
            return []
        rows = self._rows("SELECT data FROM events WHERE event_id = ANY(%s)", (ids,))
        out = [Event.from_dict(json.loads(r[0])) for r in rows]
        order = {e: i for i, e in enumerate(ids)}
        return sorted(out, key=lambda e: order.get(e.event_id, 0))

    def events_in_window(self, since: str, until: str, country: str | None = None) -> list[Event]:
        """Non-generic events of ``country`` (None: any) whose date range overlaps [since, until]
        (candidates for incremental resolution); the cost follows the window, not the store's size."""
        sql, params = window_sql("%s", country, since, until)
        return [self._parsed.get(r[0], r[1]) for r in self._rows(sql, params)]

    def unresolved_events(self, *, recent: bool = False) -> list[Event]:
        start = self._resolved_below if recent else 0
        top = int(self._rows("SELECT coalesce(max(seq), 0) FROM events")[0][0])
        rows = self._rows(
            "SELECT seq, data FROM events e WHERE seq >= %s AND generic = 0 AND NOT EXISTS "
            "(SELECT 1 FROM incident_events ie WHERE ie.event_id = e.event_id) ORDER BY seq",
            (start,),
        )
        self._resolved_below = int(rows[0][0]) if rows else top + 1
        return [Event.from_dict(json.loads(r[1])) for r in rows]

    # -- incidents --------------------------------------------------------------------------
    def replace_incidents(self, incidents: Iterable[Incident], removed: Iterable[str] = ()) -> None:
        incidents = list(incidents)
        removed = list(removed)
        ids = [i.incident_id for i in incidents]
        rows = [tuple(_clean(v) for v in incident_row(i)) for i in incidents]
        links: dict[str, str] = {}
        for inc in incidents:
            for e in inc.event_ids:
                links[e] = inc.incident_id
        marks = ", ".join(["%s"] * len(_INCIDENT_FIELDS))

        def run() -> None:
            gone = removed + ids
            if gone:
                self.conn.execute("DELETE FROM incidents WHERE incident_id = ANY(%s)", (gone,))
                self.conn.execute("DELETE FROM incident_events WHERE incident_id = ANY(%s)", (gone,))
            if links:
                self.conn.execute("DELETE FROM incident_events WHERE event_id = ANY(%s)", (list(links),))
            with self.conn.cursor() as cur:
                cur.executemany(f"INSERT INTO incidents ({', '.join(_INCIDENT_FIELDS)}) VALUES ({marks})", rows)
                cur.executemany(
                    "INSERT INTO incident_events (event_id, incident_id) VALUES (%s, %s)", list(links.items())
                )

        self._write(run)

    def incidents(self, q: Query = Query()) -> list[Incident]:
        sql, params = _filtered("incidents", "i", q)
        if sql is None:
            return []
        rows = self._rows(sql, params)
        return near_filter([Incident.from_dict(json.loads(r[0])) for r in rows], q, record_latlon)

    def get_incident(self, incident_id: str) -> Incident | None:
        rows = self._rows("SELECT data FROM incidents WHERE incident_id = %s", (incident_id,))
        return Incident.from_dict(json.loads(rows[0][0])) if rows else None

    def get_incidents(self, incident_ids: Iterable[str]) -> list[Incident]:
        ids = list(incident_ids)
        if not ids:
            return []
        rows = self._rows("SELECT incident_id, data FROM incidents WHERE incident_id = ANY(%s)", (ids,))
        found = {r[0]: Incident.from_dict(json.loads(r[1])) for r in rows}
        return [found[i] for i in ids if i in found]

    def incident_for_events(self, event_ids: Iterable[str]) -> dict[str, str]:
        ids = list(event_ids)
        if not ids:
            return {}
        rows = self._rows("SELECT event_id, incident_id FROM incident_events WHERE event_id = ANY(%s)", (ids,))
        return {r[0]: r[1] for r in rows}

    # -- people -----------------------------------------------------------------------------
    def replace_people(self, people: Iterable[PersonRole], removed: Iterable[str] = ()) -> None:
        rows: dict[str, tuple[Any, ...]] = {}
        for p in people:
            data = json.dumps(p.to_dict(), ensure_ascii=False)
            rows[p.person_id] = tuple(_clean(v) for v in (p.person_id, p.name, p.role, p.first_seen, p.last_seen, data))
        gone = list(removed)
        if not rows and not gone:
            return
        marks = ", ".join(["%s"] * len(_PEOPLE_FIELDS))
        updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in _PEOPLE_FIELDS[1:])

        def run() -> None:
            if gone:
                self.conn.execute("DELETE FROM people WHERE person_id = ANY(%s)", (gone,))
            if rows:
                with self.conn.cursor() as cur:
                    cur.executemany(
                        f"INSERT INTO people ({', '.join(_PEOPLE_FIELDS)}) VALUES ({marks}) "
                        f"ON CONFLICT (person_id) DO UPDATE SET {updates}",
                        list(rows.values()),
                    )

        self._write(run)

    def add_person_mentions(self, mentions: Iterable[tuple[str, PersonRole]]) -> None:
        rows = [(_clean(sur), p.doc_ids[0] if p.doc_ids else "", p.person_id,
                 _clean(json.dumps(p.to_dict(), ensure_ascii=False))) for sur, p in mentions]
        if not rows:
            return

        def run() -> None:
            with self.conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO person_mentions (surname, doc_id, person_id, data) VALUES (%s, %s, %s, %s) "
                    "ON CONFLICT DO NOTHING",
                    rows,
                )

        self._write(run)

    def person_mentions(self, surnames: Iterable[str]) -> list[PersonRole]:
        names = sorted(set(surnames))
        if not names:
            return []
        seen: dict[tuple[str, str], PersonRole] = {}
        for r in self._rows("SELECT doc_id, person_id, data FROM person_mentions WHERE surname = ANY(%s)", (names,)):
            seen.setdefault((r[0], r[1]), PersonRole.from_dict(json.loads(r[2])))
        return list(seen.values())

    def people(self, name: str | None = None, limit: int | None = None) -> list[PersonRole]:
        sql = "SELECT data FROM people"
        params: list[Any] = []
        if name:
            sql += " WHERE lower(name) LIKE lower(%s) ESCAPE '\\' OR lower(data) LIKE lower(%s) ESCAPE '\\'"
            params += [like(name), like(name)]
        sql += " ORDER BY last_seen IS NULL, last_seen DESC, name COLLATE \"C\" LIMIT %s"
        params.append(limit)
        return [PersonRole.from_dict(json.loads(r[0])) for r in self._rows(sql, params)]

    # -- bookkeeping ------------------------------------------------------------------------
    def seen_sources(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self._rows("SELECT key, fingerprint FROM sources_seen")}

    def mark_source(self, key: str, fingerprint: str) -> None:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self._write(
            lambda: self.conn.execute(
                "INSERT INTO sources_seen (key, fingerprint, seen_at) VALUES (%s, %s, %s) "
                "ON CONFLICT (key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, seen_at = EXCLUDED.seen_at",
                (_clean(key), fingerprint, now),
            )
        )

    def stats(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "events", "incidents", "people"):
            out[table] = int(self._rows(f"SELECT count(*) FROM {table}")[0][0])
        out["duplicates"] = int(self._rows("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL")[0][0])
        out["contradictions"] = int(
            self._rows("SELECT coalesce(sum(n_contradictions), 0) FROM incidents")[0][0]
        )
        return out


def _document(row: Sequence[Any]) -> Document:
    return Document(**dict(zip(_DOC_FIELDS, row, strict=True)))


def _text_filter(table: str, alias: str, text: str) -> tuple[str, list[Any], str] | None:
    """tsvector search over the same words SQLite's FTS5 indexes."""
    words = fts_words(text)[:32]
    if not words:
        return None
    if table == "events":
        return f"{alias}.tsv @@ plainto_tsquery('simple', %s)", [" ".join(words)], ""
    return (
        f"{alias}.incident_id IN (SELECT ie.incident_id FROM incident_events ie JOIN events e2 "
        "ON e2.event_id = ie.event_id WHERE e2.tsv @@ plainto_tsquery('simple', %s))",
        [" ".join(words)],
        "",
    )


def _filtered(table: str, alias: str, q: Query) -> tuple[str | None, list[Any]]:
    """SELECT data with the Query's filters (the shared builder, PostgreSQL placeholders)."""
    built = filter_sql(table, alias, q, "%s", _text_filter)
    if built is None:
        return None, []
    where, params, _join = built
    sql = f"SELECT {alias}.data FROM {table} {alias}{where}"
    sql += f" ORDER BY {alias}.date_low IS NULL, {alias}.date_low DESC, {alias}.seq"
    if not q.near:
        sql += " LIMIT %s OFFSET %s"
        params += [q.limit, q.offset]
    return sql, params
