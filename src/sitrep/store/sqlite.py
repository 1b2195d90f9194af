"""SQLite store: WAL, FTS5 search, schema under migrations, idempotent upserts.

All SQL here is parameterised; filter values never reach the SQL text.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from sitrep.errors import StoreError
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

_DOC_COLUMNS = (
    "id, title, source, url, language, published, published_precision, published_method, origin, "
    "duplicate_of, text"
)


def fts_query(text: str) -> str:
    """Turn user words into a safe FTS5 query: every word quoted, all must match."""
    words = [w for w in "".join(c if c.isalnum() else " " for c in text).split() if w]
    return " ".join(f'"{w}"' for w in words[:32])


class SQLiteStore:
    """The default store: one SQLite file (WAL mode, so readers never block the writer)."""

    def __init__(self, path: str | Path, *, timeout: float = 60.0) -> None:
        self.path = str(path)
        self.url = self.path
        self._parsed = ParsedEvents()  # the events of recent candidate windows
        self._depth = 0  # open write transactions on this connection (0 or 1)
        self._data_version: int | None = None  # PRAGMA data_version at the last others_wrote()
        self._resolved_below = 0  # every event with a smaller rowid was resolved at the last unresolved_events()
        if self.path != ":memory:":
            parent = Path(self.path).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(f"cannot create database {self.path}: folder {parent} does not exist")
        try:
            self.conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
            self._set_wal(timeout)
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=OFF")
            # REPLACE must fire the delete triggers that keep the FTS5 indexes in step
            self.conn.execute("PRAGMA recursive_triggers=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc

    # -- plumbing ---------------------------------------------------------------------------
    def _set_wal(self, timeout: float) -> None:
        """Switch a new file to WAL, retrying while another process does the same.

        Two processes creating one file at once both hold a shared lock in rollback mode and both
        want the exclusive one: SQLite answers one of them "database is locked" at once, without
        calling the busy handler (it would deadlock), so the wait is done here."""
        delay, waited = 0.02, 0.0
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if not _busy(exc) or waited >= timeout:
                    raise
            time.sleep(delay)
            waited += delay
            delay = min(delay * 1.5, 0.5)

    def _migrate(self) -> None:
        def run() -> None:
            self.conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)")
            done = {r[0] for r in self.conn.execute("SELECT version FROM schema_version")}
            for version, sql in migrations("sqlite"):
                if version in done:
                    continue
                for statement in _split_sql(sql):
                    self.conn.execute(statement)
                self.conn.execute("INSERT INTO schema_version(version) VALUES (?)", (version,))

        self._write(run)

    def exclusive(self, fn: Callable[[], T]) -> T:
        return self._write(fn)

    def _write(self, fn: Callable[[], T]) -> T:
        """Run fn in one IMMEDIATE transaction, retrying while another writer holds the lock.

        Inside a transaction already open on this connection (``exclusive``), fn runs in it under a
        savepoint, so a write that fails leaves nothing of itself behind (the caller may go on)."""
        if self._depth:
            self.conn.execute("SAVEPOINT nested_write")
            try:
                nested = fn()
            except BaseException:
                self.conn.execute("ROLLBACK TO nested_write")
                self.conn.execute("RELEASE nested_write")
                raise
            self.conn.execute("RELEASE nested_write")
            return nested
        delay = 0.05
        for attempt in range(200):
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if _busy(exc):
                    time.sleep(delay)
                    delay = min(delay * 1.5, 1.0)
                    continue
                raise StoreError(f"database {self.path}: {exc}") from exc
            self._depth += 1
            try:
                result = fn()
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            finally:
                self._depth -= 1
            try:
                self.conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:  # pragma: no cover - commit contention
                self.conn.execute("ROLLBACK")
                if attempt < 199 and _busy(exc):
                    time.sleep(delay)
                    continue
                raise StoreError(f"database {self.path}: {exc}") from exc
            return result
        raise StoreError(f"database {self.path} stayed locked by another process")

    def others_wrote(self) -> bool:
        # data_version changes when another connection commits, never for this connection's own writes
        version = int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        changed = version != self._data_version
        self._data_version = version
        return changed

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- documents --------------------------------------------------------------------------
    def add_documents(
        self, docs: Iterable[Document], signatures: dict[str, bytes] | None = None, events: Iterable[Event] = ()
    ) -> AddResult:
        docs = list(docs)
        signatures = signatures or {}
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        event_rows = [event_row(e) for e in events]

        def run() -> AddResult:
            self._insert_events(event_rows)  # same transaction: never a document without its events
            inserted: list[str] = []
            existing: list[str] = []
            for d in docs:
                cur = self.conn.execute(
                    "INSERT OR IGNORE INTO documents (id, title, source, url, language, published, "
                    "published_precision, published_method, origin, duplicate_of, text, signature, ingested_at) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        d.id, d.title, d.source, d.url, d.language, d.published, d.published_precision,
                        d.published_method, d.origin, d.duplicate_of, d.text, signatures.get(d.id), now,
                    ),
                )
                (inserted if cur.rowcount else existing).append(d.id)
            return AddResult(tuple(inserted), tuple(existing))

        return self._write(run)

    def has_documents(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.conn.execute(f"SELECT id FROM documents WHERE id IN ({marks})", chunk))
        return found

    def get_document(self, doc_id: str) -> Document | None:
        row = self.conn.execute(f"SELECT {_DOC_COLUMNS} FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return Document(**dict(row)) if row else None

    def documents(self, q: Query = Query()) -> list[Document]:
        where: list[str] = []
        params: list[Any] = []
        join = ""
        if q.text:
            match = fts_query(q.text)
            if not match:
                return []
            join = "JOIN documents_fts f ON f.rowid = d.rowid"
            where.append("documents_fts MATCH ?")
            params.append(match)
        if q.since:
            where.append("(d.published IS NOT NULL AND d.published >= substr(?, 1, length(d.published)))")
            params.append(q.since)
        if q.until:
            where.append("(d.published IS NOT NULL AND d.published <= ?)")
            params.append(q.until)
        if q.source:
            where.append("lower(d.source) = lower(?)")
            params.append(q.source)
        sql = f"SELECT {', '.join('d.' + c.strip() for c in _DOC_COLUMNS.split(','))} FROM documents d {join}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY d.published IS NULL, d.published DESC, d.id"
        sql += " LIMIT ? OFFSET ?"
        params += [q.limit if q.limit is not None else -1, q.offset]
        return [Document(**dict(r)) for r in self.conn.execute(sql, params)]

    def iter_documents(self, batch: int = 500) -> Iterator[Document]:
        last = ""
        while True:
            rows = self.conn.execute(
                f"SELECT {_DOC_COLUMNS} FROM documents WHERE id > ? ORDER BY id LIMIT ?", (last, batch)
            ).fetchall()
            if not rows:
                return
            for r in rows:
                yield Document(**dict(r))
            last = rows[-1]["id"]

    def count_documents(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def demote_document(self, doc_id: str, original: str) -> list[str]:
        def run() -> list[str]:
            self.conn.execute("UPDATE documents SET duplicate_of = ? WHERE id = ? OR duplicate_of = ?",
                              (original, doc_id, doc_id))
            incs = [r[0] for r in self.conn.execute(
                "SELECT DISTINCT ie.incident_id FROM incident_events ie JOIN events e ON e.event_id = ie.event_id "
                "WHERE e.doc_id = ?", (doc_id,))]
            for iid in incs:
                self.conn.execute("DELETE FROM incidents WHERE incident_id = ?", (iid,))
                self.conn.execute("DELETE FROM incident_events WHERE incident_id = ?", (iid,))
            self.conn.execute("DELETE FROM events WHERE doc_id = ?", (doc_id,))
            surnames = sorted(r[0] for r in self.conn.execute(
                "SELECT DISTINCT surname FROM person_mentions WHERE doc_id = ?", (doc_id,)))
            self.conn.execute("DELETE FROM person_mentions WHERE doc_id = ?", (doc_id,))
            return surnames

        return self._write(run)

    def document_shingles(self) -> Iterator[tuple[str, bytes]]:
        for r in self.conn.execute(
            "SELECT id, signature FROM documents WHERE signature IS NOT NULL AND duplicate_of IS NULL"
        ):
            yield r[0], bytes(r[1])

    # -- events -----------------------------------------------------------------------------
    def add_events(self, events: Iterable[Event]) -> int:
        rows = [event_row(e) for e in events]
        return self._write(lambda: self._insert_events(rows))

    def _insert_events(self, rows: list[tuple[Any, ...]]) -> int:
        n = 0
        for row in rows:
            cur = self.conn.execute(
                "INSERT OR REPLACE INTO events (event_id, doc_id, event_type, sub_event_type, date, date_low, "
                "date_high, country, admin1, location, lat, lon, actor1, actor2, fatalities, source, generic, "
                "evidence, data, span_class) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                row,
            )
            n += cur.rowcount
        return n

    def events(self, q: Query = Query()) -> list[Event]:
        sql, params = _filtered("events", "e", q)
        if sql is None:
            return []
        rows = self.conn.execute(sql, params).fetchall()
        return near_filter([Event.from_dict(json.loads(r["data"])) for r in rows], q, record_latlon)

    def get_events(self, event_ids: Iterable[str]) -> list[Event]:
        ids = list(event_ids)
        out: list[Event] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            out += [
                Event.from_dict(json.loads(r[0]))
                for r in self.conn.execute(f"SELECT data FROM events WHERE event_id IN ({marks})", chunk)
            ]
        order = {e: i for i, e in enumerate(ids)}
        return sorted(out, key=lambda e: order.get(e.event_id, 0))

    def events_in_window(self, since: str, until: str, country: str | None = None) -> list[Event]:
        """Non-generic events of ``country`` (None: any) whose date range overlaps [since, until]
        (candidates for incremental resolution); the cost follows the window, not the store's size."""
        sql, params = window_sql("?", country, since, until)
        return [self._parsed.get(r[0], r[1]) for r in self.conn.execute(sql, params).fetchall()]

    def unresolved_events(self, *, recent: bool = False) -> list[Event]:
        start = self._resolved_below if recent else 0
        top = int(self.conn.execute("SELECT coalesce(max(rowid), 0) FROM events").fetchone()[0])
        rows = self.conn.execute(
            "SELECT rowid, data FROM events e WHERE rowid >= ? AND generic = 0 AND NOT EXISTS "
            "(SELECT 1 FROM incident_events ie WHERE ie.event_id = e.event_id) ORDER BY rowid", (start,)
        ).fetchall()
        self._resolved_below = int(rows[0][0]) if rows else top + 1
        return [Event.from_dict(json.loads(r[1])) for r in rows]

    # -- incidents --------------------------------------------------------------------------
    def replace_incidents(self, incidents: Iterable[Incident], removed: Iterable[str] = ()) -> None:
        incidents = list(incidents)
        removed = list(removed)

        def run() -> None:
            for iid in removed:
                self.conn.execute("DELETE FROM incidents WHERE incident_id = ?", (iid,))
                self.conn.execute("DELETE FROM incident_events WHERE incident_id = ?", (iid,))
            for inc in incidents:
                self.conn.execute("DELETE FROM incident_events WHERE incident_id = ?", (inc.incident_id,))
                self.conn.execute("INSERT OR REPLACE INTO incidents VALUES (" + ",".join("?" * 19) + ")",
                                  incident_row(inc))
                self.conn.executemany(
                    "INSERT OR REPLACE INTO incident_events (event_id, incident_id) VALUES (?, ?)",
                    [(e, inc.incident_id) for e in inc.event_ids],
                )

        self._write(run)

    def incidents(self, q: Query = Query()) -> list[Incident]:
        sql, params = _filtered("incidents", "i", q)
        if sql is None:
            return []
        rows = self.conn.execute(sql, params).fetchall()
        return near_filter([Incident.from_dict(json.loads(r["data"])) for r in rows], q, record_latlon)

    def get_incident(self, incident_id: str) -> Incident | None:
        row = self.conn.execute("SELECT data FROM incidents WHERE incident_id = ?", (incident_id,)).fetchone()
        return Incident.from_dict(json.loads(row[0])) if row else None

    def get_incidents(self, incident_ids: Iterable[str]) -> list[Incident]:
        ids = list(incident_ids)
        found: dict[str, Incident] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT incident_id, data FROM incidents WHERE incident_id IN ({marks})"
            for r in self.conn.execute(sql, chunk):
                found[r[0]] = Incident.from_dict(json.loads(r[1]))
        return [found[i] for i in ids if i in found]

    def incident_for_events(self, event_ids: Iterable[str]) -> dict[str, str]:
        ids = list(event_ids)
        out: dict[str, str] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            out.update(
                (r[0], r[1])
                for r in self.conn.execute(
                    f"SELECT event_id, incident_id FROM incident_events WHERE event_id IN ({marks})", chunk
                )
            )
        return out

    # -- people -----------------------------------------------------------------------------
    def replace_people(self, people: Iterable[PersonRole], removed: Iterable[str] = ()) -> None:
        rows = [
            (p.person_id, p.name, p.role, p.first_seen, p.last_seen, json.dumps(p.to_dict(), ensure_ascii=False))
            for p in people
        ]
        gone = [(pid,) for pid in removed]

        def run() -> None:
            self.conn.executemany("DELETE FROM people WHERE person_id = ?", gone)
            self.conn.executemany("INSERT OR REPLACE INTO people VALUES (?,?,?,?,?,?)", rows)

        self._write(run)

    def add_person_mentions(self, mentions: Iterable[tuple[str, PersonRole]]) -> None:
        rows = [(sur, p.doc_ids[0] if p.doc_ids else "", p.person_id, json.dumps(p.to_dict(), ensure_ascii=False))
                for sur, p in mentions]
        self._write(lambda: self.conn.executemany("INSERT OR IGNORE INTO person_mentions VALUES (?,?,?,?)", rows))

    def person_mentions(self, surnames: Iterable[str]) -> list[PersonRole]:
        names = sorted(set(surnames))
        seen: dict[tuple[str, str], PersonRole] = {}
        for i in range(0, len(names), 500):
            chunk = names[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                f"SELECT doc_id, person_id, data FROM person_mentions WHERE surname IN ({marks})", chunk
            ):
                seen.setdefault((r[0], r[1]), PersonRole.from_dict(json.loads(r[2])))
        return list(seen.values())

    def people(self, name: str | None = None, limit: int | None = None) -> list[PersonRole]:
        sql = "SELECT data FROM people"
        params: list[Any] = []
        if name:
            sql += " WHERE lower(name) LIKE lower(?) ESCAPE '\\' OR lower(data) LIKE lower(?) ESCAPE '\\'"
            params += [like(name), like(name)]
        sql += " ORDER BY last_seen IS NULL, last_seen DESC, name LIMIT ?"
        params.append(limit if limit is not None else -1)
        return [PersonRole.from_dict(json.loads(r[0])) for r in self.conn.execute(sql, params)]

    # -- bookkeeping ------------------------------------------------------------------------
    def seen_sources(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT key, fingerprint FROM sources_seen")}

    def mark_source(self, key: str, fingerprint: str) -> None:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self._write(
            lambda: self.conn.execute(
                "INSERT OR REPLACE INTO sources_seen (key, fingerprint, seen_at) VALUES (?,?,?)",
                (key, fingerprint, now),
            )
        )

    def stats(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "events", "incidents", "people"):
            out[table] = int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        out["duplicates"] = int(
            self.conn.execute("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL").fetchone()[0]
        )
        out["contradictions"] = int(
            self.conn.execute("SELECT coalesce(sum(n_contradictions), 0) FROM incidents").fetchone()[0]
        )
        return out


# -- helpers shared by events and incidents ----------------------------------------------------
def _busy(exc: sqlite3.OperationalError) -> bool:
    """Whether an error is another connection holding the lock (worth waiting for)."""
    return "locked" in str(exc) or "busy" in str(exc)


def _split_sql(sql: str) -> list[str]:
    """Split a migration script into statements (triggers hold ';' inside BEGIN ... END)."""
    out, buf, depth = [], [], 0
    for line in sql.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("--"):
            continue
        buf.append(line)
        upper = stripped.upper()
        if upper.endswith("BEGIN"):
            depth += 1
        if upper.startswith("END;"):
            depth -= 1
        if stripped.endswith(";") and depth == 0:
            out.append("\n".join(buf))
            buf = []
    if buf:
        out.append("\n".join(buf))
    return out


def _text_filter(table: str, alias: str, text: str) -> tuple[str, list[Any], str] | None:
    """FTS5: events through their own index, incidents through their events' index."""
    match = fts_query(text)
    if not match:
        return None
    if table == "events":
        return "events_fts MATCH ?", [match], f"JOIN events_fts f ON f.rowid = {alias}.rowid"
    return (
        f"{alias}.incident_id IN (SELECT ie.incident_id FROM incident_events ie JOIN events e2 "
        "ON e2.event_id = ie.event_id JOIN events_fts f ON f.rowid = e2.rowid WHERE events_fts MATCH ?)",
        [match],
        "",
    )


def _filtered(table: str, alias: str, q: Query) -> tuple[str | None, list[Any]]:
    built = filter_sql(table, alias, q, "?", _text_filter)
    if built is None:
        return None, []
    where, params, join = built
    sql = f"SELECT {alias}.data FROM {table} {alias} {join}{where}"
    sql += f" ORDER BY {alias}.date_low IS NULL, {alias}.date_low DESC, {alias}.rowid"
    if not q.near:
        sql += " LIMIT ? OFFSET ?"
        params += [q.limit if q.limit is not None else -1, q.offset]
    return sql, params
