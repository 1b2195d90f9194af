"""Cross-document resolution: reports (Events) -> Incidents with contradictions; who's who.

Public API:
- :func:`resolve_events` — whole-file (stateless) and incremental resolution;
- :func:`resolve_stream` — stateless resolution of an input of any size, read in time order
  (:func:`time_key`) and resolved chunk by chunk with the incremental path, so memory holds one
  chunk and the incidents still open, and time grows with the input;
- :func:`candidate_queries` — which stored reports an incremental run must load (the pipeline
  loads them and the incidents they belong to, then calls :func:`resolve_events`);
- :mod:`sitrep.resolve.people` — person–role–organisation records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any

from sitrep.records import Event, Incident
from sitrep.store.base import Query

from .blocking import MAX_GAP_DAYS, MAX_SPAN_DAYS, date_interval, rare_of_a_year, swept_date, swept_interval
from .incidents import PARALLEL_MIN_EVENTS, ResolveResult, build_incident, cluster, matched_component
from .index import MatchIndex

__all__ = [
    "MatchIndex", "ResolveResult", "candidate_queries", "matched_component", "record_time_key", "resolve_events",
    "resolve_stream", "time_key",
]

CHUNK_EVENTS = 20_000  # reports resolved at a time by resolve_stream


def resolve_events(
    events: Sequence[Event],
    existing: Sequence[Incident] = (),
    existing_events: Sequence[Event] = (),
    memo: MatchIndex | None = None,
    workers: int = 1,
) -> ResolveResult:
    """Merge reports into incidents.

    Stateless mode (``existing`` empty): every non-generic report ends in exactly one incident and
    all incidents are returned; ids are content hashes of the member event ids.

    Incremental mode: ``existing`` are stored incidents near the new reports and
    ``existing_events`` their reports plus any other stored reports in the window (see
    :func:`candidate_queries`). New reports attach to existing incidents or form new ones; two
    existing incidents bridged by a new report are merged (the larger keeps its id, the other
    id is in ``removed``). Only new or changed incidents are returned; stored incidents are never
    split. Reports already stored (same event_id) are not added twice.

    Generic/aggregate/hypothetical mentions (``Event.generic``) never form incidents. ``memo``: the
    reports a long-running ingest keeps keyed and paired (:class:`sitrep.resolve.index.MatchIndex`);
    the result is the same with or without it. ``workers``: processes that profile the reports, find and score the
    candidate pairs and build the incidents (the result is the same).
    """
    old: dict[str, Event] = {e.event_id: e for e in existing_events}
    stored_ids = {eid for inc in existing for eid in inc.event_ids}
    for e in events:  # a report that already belongs to a stored incident is not new (a re-run)
        if e.event_id in stored_ids:
            old.setdefault(e.event_id, e)
    new = [e for e in dict((e.event_id, e) for e in events).values() if e.event_id not in old]
    pool = list(old.values()) + new
    index = {e.event_id: i for i, e in enumerate(pool)}
    incident_of: dict[int, str] = {}
    groups: list[list[int]] = []
    known: dict[str, Incident] = {}
    for inc in existing:
        members = [index[eid] for eid in inc.event_ids if eid in index]
        if not members:
            continue
        known[inc.incident_id] = inc
        groups.append(members)
        for m in members:
            incident_of[m] = inc.incident_id
    new_idx = set(range(len(old), len(pool)))
    clusters, scores = cluster(pool, groups=groups, only_with=new_idx if existing or old else None, memo=memo,
                               workers=workers)

    built: list[tuple[list[Event], str | None]] = []  # each incident to build: its reports and its kept id
    removed: list[str] = []
    for members in clusters:
        evs = [pool[i] for i in members if not pool[i].generic]
        if not evs:
            continue
        olds = sorted({incident_of[i] for i in members if i in incident_of})
        has_new = any(i in new_idx for i in members)
        if not olds:
            built.append((evs, None))
            continue
        if len(olds) == 1 and not has_new:
            continue  # unchanged
        survivor = sorted(olds, key=lambda iid: (-len(known[iid].event_ids), iid))[0]
        removed.extend(i for i in olds if i != survivor)
        built.append((evs, survivor))
    incidents = _built(built, memo, workers)
    incidents.sort(key=lambda inc: (inc.date or "", inc.incident_id))
    return ResolveResult(incidents=incidents, removed=sorted(removed), scores=scores)


def _built(todo: Sequence[tuple[list[Event], str | None]], memo: MatchIndex | None, workers: int) -> list[Incident]:
    """The incidents of ``todo`` (reports, kept id or None for a new incident), in order. A long-running ingest's
    ``memo`` builds new incidents from what it keeps; otherwise, with ``workers`` > 1 and enough reports, forked
    processes (:func:`engines.processes.forked_map`) each build a run of them; the incidents are the same."""
    def one(evs: list[Event], iid: str | None) -> Incident:
        return memo.incident(evs) if memo is not None and iid is None else build_incident(evs, incident_id=iid)

    if memo is not None or workers < 2 or sum(len(evs) for evs, _ in todo) < PARALLEL_MIN_EVENTS:
        return [one(evs, iid) for evs, iid in todo]
    from sitrep.engines.processes import forked_map

    return forked_map(lambda t: one(*t), todo, workers)


def candidate_queries(events: Sequence[Event]) -> list[Query]:
    """The store queries that load every stored report a batch of new reports could match.

    Per country in the batch (plus no country, for reports without one), each report's interval is
    widened by the matching window (``MAX_GAP_DAYS``) and the widest interval that is swept by date
    (a month); overlapping windows are merged and each merged window is one query. A batch whose
    reports span years (a feed or a folder in no time order) thus loads the weeks around its reports,
    not every stored incident of those years. Undated and generic reports need nothing loaded; a rare
    happening dated only to its year loads that year, where batch resolution meets it with the reports of its
    kind (:func:`blocking.swept_interval`: the one rule of both paths).
    """
    windows: dict[str | None, list[tuple[int, int]]] = {}
    for ev in events:
        if ev.generic:
            continue
        iv = swept_interval(ev)
        if iv is None:
            continue
        c = ev.location.country if ev.location else None
        windows.setdefault(c, []).append((iv[0] - MAX_GAP_DAYS - MAX_SPAN_DAYS, iv[1] + MAX_GAP_DAYS))
    out = []
    for c, spans in sorted(windows.items(), key=lambda kv: kv[0] or ""):
        merged: list[list[int]] = []
        for lo, hi in sorted(spans):
            if merged and lo <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        for lo, hi in merged:
            out.append(Query(country=c, since=dt.date.fromordinal(lo).isoformat(),
                             until=dt.date.fromordinal(hi).isoformat()))
    return out


def time_key(ev: Event) -> tuple[int, int]:
    """Where a report sorts for :func:`resolve_stream`: dated reports by the first day they may mean;
    undated ones, and ones vaguer than a month (they pair only with each other), last; a rare happening dated only
    to its year (:func:`blocking.rare_of_a_year`) by the first day of its year, to meet the reports of that year."""
    return _stream_key(swept_interval(ev))


def record_time_key(record: Mapping[str, Any]) -> tuple[int, int]:
    """:func:`time_key` of the report a JSON record (``Event.to_dict``) holds, building the report only when its
    date is vaguer than a month (a rare happening of a year sorts by its year) or no date string."""
    date = record.get("date")
    if date is not None and not isinstance(date, str):
        return time_key(Event.from_dict(dict(record)))
    return _stream_key(swept_date(date, lambda: rare_of_a_year(Event.from_dict(dict(record)))))


def _stream_key(iv: tuple[int, int] | None) -> tuple[int, int]:
    return (1, 0) if iv is None else (0, iv[0])


def resolve_stream(events: Iterable[Event], chunk_size: int = CHUNK_EVENTS, workers: int = 1) -> Iterator[Incident]:
    """Stateless resolution of ``events`` given in :func:`time_key` order, yielding every incident once.

    The reports are taken ``chunk_size`` at a time and resolved against the incidents still *open*
    (their latest possible day within ``MAX_GAP_DAYS`` of the chunk's first day) with the incremental
    path of :func:`resolve_events` — the path the store's ingest takes. An incident closes, and is
    yielded, when the chunks have moved past it; the undated reports come last and meet only each
    other. Memory holds one chunk and the open incidents; time grows with the input. An input that
    fits in one chunk gives exactly what ``resolve_events(events)`` gives. Ids are content hashes of
    the member event ids, as in stateless mode. ``workers``: see :func:`resolve_events`.
    """
    open_incidents: dict[str, Incident] = {}
    open_events: dict[str, Event] = {}

    def close(before: int | None) -> Iterator[Incident]:
        for iid in list(open_incidents):
            inc = open_incidents[iid]
            hi = date_interval(inc.date_high)
            if before is None or (hi is not None and hi[1] + MAX_GAP_DAYS < before):
                del open_incidents[iid]
                for eid in inc.event_ids:
                    open_events.pop(eid, None)
                yield replace(inc, incident_id=Incident.make_id(inc.event_ids))

    def flush(chunk: list[Event]) -> Iterator[Incident]:
        undated, first = time_key(chunk[0])
        yield from close(None if undated else first)
        result = resolve_events(chunk, existing=list(open_incidents.values()),
                                existing_events=list(open_events.values()), workers=workers)
        for iid in result.removed:
            open_incidents.pop(iid, None)
        by_id = {e.event_id: e for e in chunk}
        for inc in result.incidents:
            open_incidents[inc.incident_id] = inc
            for eid in inc.event_ids:
                if eid in by_id:
                    open_events[eid] = by_id[eid]

    chunk: list[Event] = []
    for ev in events:
        if chunk and (len(chunk) >= chunk_size or time_key(ev)[0] != time_key(chunk[0])[0]):
            yield from flush(chunk)
            chunk = []
        chunk.append(ev)
    if chunk:
        yield from flush(chunk)
    yield from close(None)
