"""The only orchestrator: sources -> documents -> events -> incidents -> store.

Stages are pure, module-level functions (picklable), so the same stage list runs in-process,
on a process pool or on a Dask cluster. State (dedup index, store writes, incremental
resolution) lives here, in the driver, never inside a stage.

Crash safety: for every batch the documents and their events are written in one transaction
(a document whose values the store refuses is written alone and reported, without its events).
A document is in the store only with its events and an event only with its document, so an
interrupted run simply re-processes the documents that did not land (events are upserts by
content id).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from sitrep.config import Settings, default
from sitrep.engines import Engine, get_engine
from sitrep.records import Document, Event, PersonRole, date_bounds
from sitrep.store.base import Query, Store

if TYPE_CHECKING:
    from sitrep.resolve import MatchIndex

STAGES: tuple[tuple[str, str, str], ...] = (
    # (stage, reads, writes) — checked by tests/test_stages.py against the functions below
    ("prepare", "RawArticle", "Document"),
    ("extract", "Document", "Event, PersonRole"),
    ("resolve", "Event", "Incident"),
)


@dataclass(frozen=True, slots=True)
class Prepared:
    """What the prepare stage yields for one raw article."""

    origin: str
    documents: tuple[Document, ...]
    signatures: tuple[bytes, ...]
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Extracted:
    """What the extract stage yields for one document."""

    doc_id: str
    events: tuple[Event, ...]
    people: tuple[PersonRole, ...]
    error: str | None = None


@dataclass
class IngestReport:
    """Counts and per-input errors of one ingest run."""

    inputs: int = 0
    documents_new: int = 0
    documents_existing: int = 0
    near_duplicates: int = 0
    events: int = 0
    incidents_changed: int = 0
    people: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)

    def to_dict(self) -> dict[str, Any]:
        return {
            "inputs": self.inputs,
            "documents_new": self.documents_new,
            "documents_existing": self.documents_existing,
            "near_duplicates": self.near_duplicates,
            "events": self.events,
            "incidents_changed": self.incidents_changed,
            "people": self.people,
            "failed": self.failed,
            "errors": [{"input": o, "error": m} for o, m in self.errors],
        }


# -- pure stages --------------------------------------------------------------------------------
def stage_prepare(raw: Any, max_chars: int | None = None) -> Prepared:
    """RawArticle -> cleaned, split, dated Documents with their near-duplicate signatures."""
    from sitrep.documents import MAX_TEXT_CHARS, prepare, signature

    origin = str(getattr(raw, "origin", "") or "")
    try:
        docs = tuple(prepare(raw, max_chars=max_chars or MAX_TEXT_CHARS))
        if not docs:
            return Prepared(origin, (), (), error="no article text left after extraction and cleaning")
        return Prepared(origin, docs, tuple(signature(d.text) for d in docs))
    except Exception as exc:  # one bad article never stops the batch
        return Prepared(origin, (), (), error=f"{type(exc).__name__}: {exc}")


def stage_extract(doc: Document, theatre: tuple[str, ...] = ()) -> Extracted:
    """Document -> Events (one per report) and person-role mentions (``theatre``: the desk's countries)."""
    from sitrep.extract import document_sections

    try:
        events: list[Event] = []
        people: list[PersonRole] = []
        parts = document_sections(doc)  # one part, unless the document is very long
        for part_events, part_people in _section_results(parts, theatre):
            events += part_events
            people += part_people
        events = [e if e.source else replace(e, source=doc.label) for e in events]
        return Extracted(doc.id, tuple(events), tuple(people))
    except Exception as exc:
        return Extracted(doc.id, (), (), error=f"{type(exc).__name__}: {exc}")


# A report long enough to be cut into this many sections or more is extracted on the machine's cores
# section by section (each worker loads spaCy once, ~2-3 s, so shorter reports stay in one process).
PARALLEL_SECTIONS = 4


def extract_section(task: tuple[Document, int, tuple[str, ...]]) -> tuple[list[Event], list[PersonRole]]:
    """One section of a long document -> its events and person roles, on the document's offsets."""
    from sitrep.extract import extract_document, parse, shift_event
    from sitrep.resolve.people import extract_people, shift_person

    part, offset, theatre = task
    parsed = parse(part.text)  # one spaCy parse serves events and people
    events = [shift_event(e, offset) for e in extract_document(part, nlp_doc=parsed, theatre=theatre)]
    people = [shift_person(p, offset) for p in extract_people(part, nlp_doc=parsed)] if parsed is not None else []
    return events, people


def _section_results(parts: list[tuple[Document, int]],
                     theatre: tuple[str, ...]) -> list[tuple[list[Event], list[PersonRole]]]:
    """The sections' results in document order: in this process, or -- for a very long report, when this
    is the main process of a machine with two or more cores -- on a small process pool (the same results:
    each section is extracted on its own either way)."""
    import multiprocessing as mp

    from sitrep.engines import default_workers

    tasks = [(part, offset, theatre) for part, offset in parts]
    workers = min(default_workers(), len(tasks))
    if len(tasks) < PARALLEL_SECTIONS or workers < 2 or mp.parent_process() is not None:
        return [extract_section(t) for t in tasks]
    from concurrent.futures import ProcessPoolExecutor

    # this process takes the first share itself while workers - 1 others take the rest: one spaCy copy fewer
    share = -(-len(tasks) // workers)
    with ProcessPoolExecutor(max_workers=workers - 1, mp_context=mp.get_context("spawn")) as pool:
        rest = pool.map(extract_section, tasks[share:])
        mine = [extract_section(t) for t in tasks[:share]]
        return mine + list(rest)


def _batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# -- the driver ---------------------------------------------------------------------------------
class Pipeline:
    """Runs ingest against a store with one engine; keeps the run's near-duplicate index."""

    def __init__(
        self,
        store: Store,
        engine: Engine | None = None,
        *,
        batch_size: int = default("batch_size"),
        resolve: bool = default("resolve"),
        near_dup_threshold: float | None = None,
        max_doc_chars: int | None = None,
        progress: Callable[[int, str], None] | None = None,
        theatre: Sequence[str] = (),
    ) -> None:
        self.store = store
        self.theatre = tuple(theatre)
        self.engine = engine or get_engine("local")
        self.batch_size = max(1, batch_size)
        self.max_doc_chars = max_doc_chars
        self.resolve = resolve
        self.progress = progress
        from sitrep.documents import DEFAULT_THRESHOLD

        self.threshold = near_dup_threshold if near_dup_threshold is not None else DEFAULT_THRESHOLD
        self._load_index()
        self._memo: MatchIndex | None = None  # the stored reports resolution has keyed (issue #18)

    def _load_index(self) -> None:
        """The near-duplicate index of the stored originals, and the document count it was read at
        (counted first: a document stored meanwhile makes the count stale, never the index short)."""
        from sitrep.documents import NearDupIndex

        self._doc_count = self.store.count_documents()
        self.index = NearDupIndex(threshold=self.threshold)
        for doc_id, sig in self.store.document_shingles():
            self.index.add(doc_id, sig)

    def _near_dup(self, doc_id: str, sig: bytes) -> tuple[str | None, list[str]]:
        """``(original, copies)``: among near-duplicates the document with the smallest id is the
        original, whichever arrived first, so the choice does not depend on the order of arrival or
        on another ingest running at the same time. ``original``: the indexed document this one is
        a copy of (None when it is an original); ``copies``: indexed originals that become its copies."""
        found = [m for m in self.index.matches(sig) if m != doc_id]
        if found and found[0] < doc_id:
            return found[0], []
        return None, found


    @classmethod
    def from_settings(
        cls,
        store: Store,
        settings: Settings | None = None,
        engine: Engine | None = None,
        *,
        resolve: bool = True,
        progress: Callable[[int, str], None] | None = None,
    ) -> Pipeline:
        """The one way entry points build a pipeline: every ingest setting from ``settings`` (default:
        ``load_settings()``: defaults < config file < SITREP_* environment); ``resolve`` False turns
        resolution off even where the settings turn it on; ``engine`` None: the local engine."""
        from sitrep.config import load_settings

        s = settings if settings is not None else load_settings()
        return cls(
            store,
            engine,
            batch_size=s.batch_size,
            resolve=resolve and s.resolve,
            near_dup_threshold=s.near_dup_threshold,
            max_doc_chars=s.max_doc_chars,
            progress=progress,
            theatre=s.theatre_codes,
        )
    def ingest(
        self, paths: Sequence[str], *, mapping: dict[str, str] | None = None, follow_symlinks: bool = False
    ) -> IngestReport:
        """Read every path, store new documents, their events and incidents.

        ``follow_symlinks``: read links inside folders that lead out of the folder (skipped by default).
        """
        from sitrep.ingest import IngestError, iter_raw

        report = IngestReport()
        self.resume()

        def raw_items() -> Iterator[Any]:
            for item in iter_raw(paths, mapping=mapping, follow_symlinks=follow_symlinks):
                report.inputs += 1
                if isinstance(item, IngestError):
                    report.errors.append((item.origin, item.message))
                    self._tick(1, item.origin)
                    continue
                yield item

        for raws in _batched(raw_items(), self.batch_size):
            self._ingest_batch(raws, report)
        return report

    def resume(self) -> int:
        """Resolve stored events that no incident holds (a run killed before its resolution step)."""
        if not self.resolve:
            return 0
        pending = self.store.unresolved_events(recent=True)
        return self._resolve(pending) if pending else 0

    def ingest_raw(self, raws: Iterable[Any]) -> IngestReport:
        """Ingest already-read RawArticles (used by watch and tests)."""
        report = IngestReport()
        self.resume()
        for batch in _batched(raws, self.batch_size):
            report.inputs += len(batch)
            self._ingest_batch(batch, report)
        return report

    def _tick(self, n: int, label: str) -> None:
        if self.progress:
            self.progress(n, label)

    def _ingest_batch(self, raws: list[Any], report: IngestReport) -> None:
        stage = functools.partial(stage_prepare, max_chars=self.max_doc_chars)
        prepared: list[Prepared] = list(self.engine.map(stage, raws, chunksize=8))
        fresh: list[Document] = []
        sigs: dict[str, bytes] = {}
        batch_ids: set[str] = set()
        for p in prepared:
            self._tick(1, p.origin)
            if p.error:
                report.errors.append((p.origin, p.error))
                continue
            ids = [d.id for d in p.documents]
            known = self.store.has_documents(ids)
            for doc, sig in zip(p.documents, p.signatures, strict=True):
                if doc.id in known or doc.id in batch_ids:
                    report.documents_existing += 1
                    continue
                batch_ids.add(doc.id)
                original, _copies = self._near_dup(doc.id, sig)  # decided for good under the lock
                if original is not None:
                    doc = replace(doc, duplicate_of=original)
                else:
                    self.index.add(doc.id, sig)
                sigs[doc.id] = sig
                fresh.append(doc)
        to_extract = [d for d in fresh if d.duplicate_of is None]
        extract_stage: Callable[[Document], Extracted] = (
            functools.partial(stage_extract, theatre=self.theatre) if self.theatre else stage_extract
        )
        results: list[Extracted] = list(self.engine.map(extract_stage, to_extract, chunksize=4))
        done: dict[str, Extracted] = {}
        origins = {d.id: d.origin or d.id for d in fresh}
        for r in results:
            if r.error:
                report.errors.append((origins.get(r.doc_id, r.doc_id), r.error))
                continue
            done[r.doc_id] = r
        stored, demoted, surnames = self.store.exclusive(lambda: self._settle(fresh, done, sigs, report))
        events = [e for d in stored if d.duplicate_of is None for e in done[d.id].events]
        people = [p for d in stored if d.duplicate_of is None for p in done[d.id].people]
        report.events += len(events)
        if people or surnames:
            report.people += self._merge_people(people, surnames, demoted)
        if self.resolve and demoted:  # the other reports of the incidents demoted documents were in
            events += self.store.unresolved_events()
        if self.resolve and events:
            report.incidents_changed += self._resolve(events)

    def _settle(self, fresh: list[Document], done: dict[str, Extracted], sigs: dict[str, bytes],
                report: IngestReport) -> tuple[list[Document], set[str], set[str]]:
        """Under the writer lock: decide each document's near-duplicate status against every stored
        original (another ingest may have stored some since), demote stored originals that a new
        document with a smaller id copies, and store the documents with their events.

        Returns the documents stored, the stored documents demoted to copies and the surnames of
        the person mentions these lost."""
        if self.store.count_documents() != self._doc_count:  # another process wrote: read its originals
            self._load_index()
        known = self.store.has_documents([d.id for d in fresh])
        keep: list[Document] = []
        batch = {d.id for d in fresh}
        demoted: set[str] = set()
        surnames: set[str] = set()
        for doc in sorted(fresh, key=lambda d: d.id):  # smaller ids first: they are the originals
            if doc.id in known:  # stored by another ingest meanwhile, with its events
                report.documents_existing += 1
                continue
            original, copies = self._near_dup(doc.id, sigs[doc.id])
            if original is not None:
                self.index.remove(doc.id)
                report.near_duplicates += 1
                keep.append(replace(doc, duplicate_of=original))
                continue
            doc = replace(doc, duplicate_of=None)
            if doc.id not in done:  # thought a copy before the lock, but its original was demoted since
                got = stage_extract(doc, self.theatre)
                if got.error:
                    report.errors.append((doc.origin or doc.id, got.error))
                    continue
                done[doc.id] = got
            self.index.add(doc.id, sigs[doc.id])
            for c in copies:
                self.index.remove(c)
                if c not in batch:  # a stored original (this batch's own come later, as copies)
                    surnames.update(self.store.demote_document(c, doc.id))
                    demoted.add(c)
                    report.near_duplicates += 1
            keep.append(doc)
        stored = self._store(keep, done, sigs, report)
        self._doc_count = self.store.count_documents()
        return stored, demoted, surnames

    def _store(
        self, docs: list[Document], done: dict[str, Extracted], sigs: dict[str, bytes], report: IngestReport
    ) -> list[Document]:
        """Write documents with their events, atomically; return the documents stored.

        The whole batch goes in one transaction. When a value the store cannot hold (a lone
        surrogate, an integer out of range) makes that fail, each document is written on its own
        and the one that fails is reported, without its events: never an event without its document.
        """

        def write(part: list[Document]) -> None:
            evs = [e for d in part if d.duplicate_of is None and d.id in done for e in done[d.id].events]
            added = self.store.add_documents(part, signatures={d.id: sigs[d.id] for d in part}, events=evs)
            report.documents_new += len(added.inserted)
            report.documents_existing += len(added.existing)

        if not docs:
            return []
        try:
            write(docs)
            return docs
        except (ValueError, OverflowError):  # UnicodeEncodeError is a ValueError
            pass
        stored: list[Document] = []
        for d in docs:
            try:
                write([d])
            except (ValueError, OverflowError) as exc:
                report.errors.append((d.origin or d.id, f"cannot store this document: {type(exc).__name__}: {exc}"))
                continue
            stored.append(d)
        return stored

    def _merge_people(self, people: list[PersonRole], surnames: Iterable[str] = (),
                      dropped: Iterable[str] = ()) -> int:
        """Store the documents' person-role records and recompute the people of their surnames
        (and of ``surnames``, those of records that documents ``dropped``, now copies, lost).

        The people of a surname are merged from every stored record of that surname, in a fixed
        order, under the store's writer lock: the result depends on which documents are stored,
        never on the order they arrived in or on another ingest running at the same time.
        """
        from sitrep.resolve.people import merge_people, name_surname, person_surnames

        def run() -> None:
            self.store.add_person_mentions((sur, p) for p in people for sur in sorted(person_surnames(p)))
            names: set[str] = set()
            todo = set(surnames).union(*(person_surnames(p) for p in people))
            records: dict[tuple[tuple[str, ...], str], PersonRole] = {}
            while todo:  # records link surnames through their aliases: take every surname they name
                names |= todo
                got = self.store.person_mentions(todo)
                for r in got:
                    records.setdefault((r.doc_ids, r.person_id), r)
                todo = set().union(*(person_surnames(r) for r in got)) - names
            stored = [p for p in self.store.people() if name_surname(p.name) in names]
            covered = {d for r in records.values() for d in r.doc_ids} | set(dropped)
            # people stored before per-document records were kept (older databases) stay inputs
            legacy = [p for p in stored if not set(p.doc_ids) <= covered]
            merged = merge_people(sorted([*records.values(), *legacy], key=_canonical))
            keep = {m.person_id for m in merged}
            self.store.replace_people(merged, removed=[p.person_id for p in stored if p.person_id not in keep])

        self.store.exclusive(run)
        return len(people)

    def _resolve(self, events: list[Event]) -> int:
        """Re-cluster the reports connected to the new ones (and only those) under the writer lock.

        The pool is every stored report the new ones could match (``candidate_queries``), widened
        until it holds the whole component of matching reports around them; the component's stored
        incidents are replaced by a fresh clustering of it, in a fixed (event id) order. So the
        incidents depend on which reports are stored, not on the order or the interleaving of the
        ingests that brought them (two concurrent ingests end where a sequential one ends).
        """
        try:
            return self.store.exclusive(lambda: self._resolve_locked(events))
        except BaseException:
            self._memo = None  # its state may be half-updated: the next batch builds it again
            raise

    def _resolve_locked(self, events: list[Event]) -> int:
        from sitrep.resolve import MatchIndex, candidate_queries, resolve_events

        # the match index is kept across batches while no other connection has written to the store: one
        # kept while another ingest wrote (ingest3) held reports that ingest had since demoted or re-resolved,
        # and two concurrent ingests then ended apart from a sequential one (tests/test_concurrency.py)
        if self.store.others_wrote() or self._memo is None:
            self._memo = MatchIndex()
        memo = self._memo

        new = {e.event_id: e for e in events if not e.generic}
        if not new:
            return 0
        pool: dict[str, Event] = dict(new)
        loaded: list[Query] = []
        component = set(new)
        while True:
            wanted = [q for q in candidate_queries([pool[i] for i in component])
                      if not any(_covers(done, q) for done in loaded)]
            if not wanted:
                break
            for q in wanted:
                for e in self.store.events_in_window(q.since or "", q.until or "", q.country):
                    pool.setdefault(e.event_id, e)
                loaded.append(q)
            memo.sync(pool.values())  # only the reports this widening added are keyed and paired
            component = memo.component(pool, new)
        # the stored incidents of the component (each lies inside it: incidents only join matches)
        old = sorted(set(self.store.incident_for_events(sorted(component)).values()))
        stored = {inc.incident_id: inc for inc in self.store.get_incidents(old)}
        missing = [eid for inc in stored.values() for eid in inc.event_ids if eid not in component]
        for e in self.store.get_events(missing):
            pool[e.event_id] = e
            component.add(e.event_id)
        result = resolve_events(sorted((pool[i] for i in component), key=lambda e: e.event_id), memo=memo)
        # a re-clustered incident equal to the stored one is left as it is: only the changed ones are written
        same = {inc.incident_id for inc in result.incidents if stored.get(inc.incident_id) == inc}
        self.store.replace_incidents([inc for inc in result.incidents if inc.incident_id not in same],
                                     removed=[iid for iid in old if iid not in same])
        return len(result.incidents)


def _canonical(p: PersonRole) -> str:
    import json

    return json.dumps(p.to_dict(), sort_keys=True, ensure_ascii=False)


def _covers(done: Query, q: Query) -> bool:
    """Whether the events ``done`` loaded include every event ``q`` asks for."""
    return (done.country == q.country and (done.since or "") <= (q.since or "")
            and (done.until or "9999") >= (q.until or "9999"))


def rebuild_incidents(store: Store) -> int:
    """Resolve every stored event from scratch (``sitrep resolve --db``): a repair, not the normal path."""
    from sitrep.resolve import resolve_events

    events = store.events(Query())
    old = [i.incident_id for i in store.incidents(Query())]
    result = resolve_events(events)
    store.replace_incidents(result.incidents, removed=old)
    return len(result.incidents)


def document_from_record(rec: dict[str, Any]) -> Document:
    """A batch-command input line {"id","text","published"?,...} -> Document (validated here, at the edge)."""
    from sitrep.errors import InputError

    if not isinstance(rec, dict):
        raise InputError("each line must be a JSON object")
    text = rec.get("text")
    if not isinstance(text, str):
        raise InputError("missing string field 'text'")
    doc_id = str(rec.get("id") or "") or None
    published = rec.get("published")
    precision = "unknown"
    if published is not None:
        published = str(published)[:10]
        low, _ = date_bounds(published)
        if low is None:
            raise InputError(f"'published' is not an ISO date: {published!r}")
        precision = {10: "day", 7: "month", 4: "year"}.get(len(published), "unknown")
    from sitrep.records import content_id

    return Document(
        id=doc_id or content_id(text),
        text=text,
        title=rec.get("title"),
        source=rec.get("source"),
        url=rec.get("url"),
        published=published,
        published_precision=precision,  # type: ignore[arg-type]
        published_method="metadata" if published else None,
    )


def record_theatre(rec: dict[str, Any]) -> tuple[str, ...]:
    """The desk countries a batch-command line carries ("theatre": ["SO", "KE"] or "SO,KE"), checked here."""
    from sitrep.errors import InputError

    value = rec.get("theatre") or ()
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)) or not all(isinstance(x, str) for x in items):
        raise InputError("'theatre' must be a list of ISO2 country codes")
    codes = tuple(x.strip().upper() for x in items if x.strip())
    if any(len(c) != 2 or not c.isalpha() for c in codes):
        raise InputError(f"'theatre' must hold ISO2 country codes, not {value!r}")
    return codes


def extract_record(rec: dict[str, Any]) -> list[Event]:
    """Stateless extraction of one batch-command line; offsets index into the line's own text.

    When the line carries no ``published`` date, the document is prepared as ingest would
    (cleaned, split into articles, dated from dateline/caption/content) and each part's events
    are mapped back to offsets in the original text.
    """
    from sitrep.extract import extract_document

    doc = document_from_record(rec)
    if doc.published is not None:
        return [e if e.source else replace(e, source=doc.label)
                for e in extract_document(doc, theatre=record_theatre(rec))]
    from sitrep.documents import prepare
    from sitrep.ingest import RawArticle

    raw = RawArticle(text=doc.text, title=doc.title, source=doc.source, url=doc.url, origin=doc.id)
    out: list[Event] = []
    cursor = 0
    for part in prepare(raw):
        for ev in extract_document(part, theatre=record_theatre(rec)):
            out.append(_rebase(ev, doc, part, cursor))
        last = doc.text.find(part.text[-200:].strip()[-60:], cursor) if part.text else -1
        cursor = max(cursor, last)
    return out


def _rebase(ev: Event, doc: Document, part: Document, cursor: int) -> Event:
    """Move an event from a prepared part back onto the original document's id and offsets."""
    text = ev.evidence.text
    pos = doc.text.find(text, max(0, cursor - 200))
    if pos < 0:
        pos = doc.text.find(text)
    evidence = ev.evidence
    if pos >= 0:
        evidence = replace(evidence, start=pos, end=pos + len(text))
    return replace(
        ev,
        doc_id=doc.id,
        event_id=Event.make_id(doc.id, evidence.start, evidence.end, ev.event_type + (ev.sub_event_type or "")),
        evidence=evidence,
        source=ev.source or doc.label,
    )


def today() -> str:
    return dt.date.today().isoformat()
