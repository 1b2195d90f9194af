"""The store interface: SQLite (default) and PostgreSQL implement it the same way."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol, TypeVar, runtime_checkable

from sitrep.records import Document, Event, Incident, PersonRole

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Query:
    """Filters shared by every query command, export and the web API."""

    country: str | None = None  # ISO2 ("SY") or name ("Syria")
    admin1: str | None = None
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    type: str | None = None  # event_type or sub_event_type
    actor: str | None = None  # substring of actor1/actor2 name or mention
    near: tuple[float, float, float] | None = None  # lat, lon, km
    text: str | None = None  # full-text query over evidence / document text
    source: str | None = None
    incident_id: str | None = None
    doc_id: str | None = None  # events of one document / incidents that include it
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True, slots=True)
class AddResult:
    inserted: tuple[str, ...]  # ids of new documents
    existing: tuple[str, ...]  # ids already in the store (idempotent re-ingest)


@runtime_checkable
class Store(Protocol):
    """What the pipeline, the query commands, exports and the web UI need from storage."""

    url: str

    # documents
    def add_documents(
        self, docs: Iterable[Document], signatures: dict[str, bytes] | None = None, events: Iterable[Event] = ()
    ) -> AddResult:
        """Store new documents (``events``: theirs, written in the same transaction)."""
        ...
    def has_documents(self, ids: Iterable[str]) -> set[str]: ...
    def get_document(self, doc_id: str) -> Document | None: ...
    def documents(self, q: Query = Query()) -> list[Document]: ...
    def iter_documents(self, batch: int = 500) -> Iterator[Document]: ...
    def count_documents(self) -> int: ...
    def document_shingles(self) -> Iterator[tuple[str, bytes]]: ...
    def demote_document(self, doc_id: str, original: str) -> list[str]:
        """Make a stored original a near-duplicate of ``original`` (its own copies follow): its events,
        the incidents holding them (their other events become unresolved) and its person mentions
        go. Returns the surnames of the removed person mentions."""
        ...

    # events and incidents
    def add_events(self, events: Iterable[Event]) -> int: ...
    def events(self, q: Query = Query()) -> list[Event]: ...
    def get_events(self, event_ids: Iterable[str]) -> list[Event]: ...
    def events_in_window(self, since: str, until: str, country: str | None = None) -> list[Event]: ...
    def unresolved_events(self, *, recent: bool = False) -> list[Event]:
        """Stored non-generic events that belong to no incident (a run killed before its resolution step).
        ``recent``: only those stored since this store's last call found every earlier one resolved (its first
        call reads them all): a check each ingest can afford however large the store grows."""
        ...
    def replace_incidents(self, incidents: Iterable[Incident], removed: Iterable[str] = ()) -> None: ...
    def incidents(self, q: Query = Query()) -> list[Incident]: ...
    def get_incident(self, incident_id: str) -> Incident | None: ...
    def get_incidents(self, incident_ids: Iterable[str]) -> list[Incident]:
        """The stored incidents of ``incident_ids`` (those there are), in that order."""
        ...
    def incident_for_events(self, event_ids: Iterable[str]) -> dict[str, str]: ...

    # people
    def replace_people(self, people: Iterable[PersonRole], removed: Iterable[str] = ()) -> None:
        """Upsert merged person-roles; delete the person_ids in ``removed``."""
        ...
    def people(self, name: str | None = None, limit: int | None = None) -> list[PersonRole]: ...
    def add_person_mentions(self, mentions: Iterable[tuple[str, PersonRole]]) -> None:
        """Store per-document person-role records, each under a surname: ``(surname, record)``."""
        ...
    def person_mentions(self, surnames: Iterable[str]) -> list[PersonRole]:
        """The per-document records stored under any of ``surnames`` (each once)."""
        ...

    # one writer at a time
    def exclusive(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` (reads and writes through this store) as one transaction that no other
        writer interleaves with: read-compute-write steps see and replace the latest state."""
        ...

    def others_wrote(self) -> bool:
        """Whether a connection other than this store's own may have committed a write since the last
        call (True at the first call, and wherever the store cannot tell): what this process keeps
        between transactions about the stored reports (the ingest's match index) is then rebuilt."""
        ...

    # bookkeeping for watch/resume
    def seen_sources(self) -> dict[str, str]: ...
    def mark_source(self, key: str, fingerprint: str) -> None: ...

    def stats(self) -> dict[str, int]: ...
    def close(self) -> None: ...
