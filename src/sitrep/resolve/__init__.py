"""Cross-document resolution: reports (Events) -> Incidents with contradictions; who's who.

Public API:
- :func:`resolve_events` — whole-file (stateless) and incremental resolution;
- :func:`candidate_queries` — which stored reports an incremental run must load (the pipeline
  loads them and the incidents they belong to, then calls :func:`resolve_events`);
- :mod:`sitrep.resolve.people` — person–role–organisation records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sitrep.records import Event, Incident
from sitrep.store.base import Query

from .blocking import MAX_GAP_DAYS, MAX_SPAN_DAYS, date_interval
from .incidents import ResolveResult, build_incident, cluster, matched_component

__all__ = ["ResolveResult", "candidate_queries", "matched_component", "resolve_events"]


def resolve_events(
    events: Sequence[Event],
    existing: Sequence[Incident] = (),
    existing_events: Sequence[Event] = (),
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

    Generic/aggregate/hypothetical mentions (``Event.generic``) never form incidents.
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
    clusters, scores = cluster(pool, groups=groups, only_with=new_idx if existing or old else None)

    incidents: list[Incident] = []
    removed: list[str] = []
    for members in clusters:
        evs = [pool[i] for i in members if not pool[i].generic]
        if not evs:
            continue
        olds = sorted({incident_of[i] for i in members if i in incident_of})
        has_new = any(i in new_idx for i in members)
        if not olds:
            incidents.append(build_incident(evs))
            continue
        if len(olds) == 1 and not has_new:
            continue  # unchanged
        survivor = sorted(olds, key=lambda iid: (-len(known[iid].event_ids), iid))[0]
        removed.extend(i for i in olds if i != survivor)
        incidents.append(build_incident(evs, incident_id=survivor))
    incidents.sort(key=lambda inc: (inc.date or "", inc.incident_id))
    return ResolveResult(incidents=incidents, removed=sorted(removed), scores=scores)


def candidate_queries(events: Sequence[Event]) -> list[Query]:
    """The store queries that load every stored report a batch of new reports could match.

    One query per country in the batch (plus one without a country filter for reports with no
    country), spanning the batch's dates widened by the matching window (``MAX_GAP_DAYS``) and
    the widest interval that is swept by date (a month). Undated and generic reports need nothing
    loaded beyond that.
    """
    spans: dict[str | None, tuple[int, int]] = {}
    for ev in events:
        if ev.generic:
            continue
        iv = date_interval(ev.date)
        if iv is None or iv[1] - iv[0] + 1 > MAX_SPAN_DAYS:
            continue
        c = ev.location.country if ev.location else None
        lo, hi = spans.get(c, iv)
        spans[c] = (min(lo, iv[0]), max(hi, iv[1]))
    out = []
    for c, (lo, hi) in sorted(spans.items(), key=lambda kv: kv[0] or ""):
        out.append(
            Query(
                country=c,
                since=dt.date.fromordinal(lo - MAX_GAP_DAYS - MAX_SPAN_DAYS).isoformat(),
                until=dt.date.fromordinal(hi + MAX_GAP_DAYS).isoformat(),
            )
        )
    return out
