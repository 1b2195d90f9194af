"""The reports a long-running ingest has seen, keyed, profiled and paired once (issue #18).

Each ingest batch loads the stored reports around its new ones and re-clusters the component of
matching reports they join (``Pipeline._resolve_locked``). Consecutive batches load mostly the same
reports, so building the blocks, the matching profiles and the match scores of every report again
for each batch (and each widening round) made the cost follow the reports per day, not the batch.
:class:`MatchIndex` keeps them between batches, by event id, for as long as the report is unchanged
(the same object, or an equal one: a rewritten report is taken out and put in again):

- dated reports sit in one :class:`~sitrep.resolve.blocking.Blocking`, grown report by report, and
  each keeps its *match neighbours* — the candidates (``Blocking.partners``) whose match score reaches
  the threshold; adding a report looks up its candidates once and links both sides;
- undated reports and ones vaguer than a month (but a rare happening of a year, swept by date in its
  signature blocks as in a batch) pair only with each other, under a cap per block that depends on
  which of them are at hand, so they are blocked afresh among the reports at hand (they are few);
- scores are kept per pair, oriented as the caller orders the two reports (by event id).

Answers are those of the stateless code over the same reports: :meth:`component` is
:func:`sitrep.resolve.incidents.matched_component` of the reports given, and :meth:`matched_pairs`
the candidate pairs of :func:`sitrep.resolve.blocking.candidate_pairs` that reach the threshold.
Holds at most ``limit`` reports: when full, it keeps the reports asked about and the ones added last.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence

from sitrep.records import Event, Incident

from .blocking import Blocking, swept_interval
from .incidents import build_incident
from .matching import THRESHOLD, Profile, match_score, profile


def _vague(ev: Event, sigs: frozenset[str] | None = None) -> bool:
    """Not swept by date (:func:`~sitrep.resolve.blocking.swept_interval`): blocked only among the reports at hand."""
    return swept_interval(ev, sigs) is None


class MatchIndex:
    """Blocks, profiles, scores and match neighbours of the reports seen, kept across calls."""

    def __init__(self, limit: int = 100_000) -> None:
        self.limit = limit
        self._clear()

    def _clear(self) -> None:
        self._sid: dict[str, int] = {}  # event id -> the report's number in this index
        self._event: dict[int, Event] = {}
        self._profile: dict[int, Profile] = {}
        self._blocking = Blocking(())
        self._near: dict[int, set[int]] = {}  # dated report -> its match neighbours
        self._unswept: set[int] = set()  # the non-generic reports not swept by date
        self._scores: dict[tuple[int, int], float] = {}
        self._incidents: dict[tuple[str | None, tuple[int, ...]], Incident] = {}
        self._next = 0

    def __len__(self) -> int:
        return len(self._sid)

    # -- keeping the reports ------------------------------------------------------------------
    def sync(self, events: Iterable[Event]) -> None:
        """Index the reports not seen yet, and again those whose content changed."""
        events = list(events)
        fresh: dict[str, Event] = {}
        for ev in events:
            sid = self._sid.get(ev.event_id)
            if sid is not None:
                old = self._event[sid]
                if old is ev or old == ev:
                    continue
                self._remove(sid)
            fresh[ev.event_id] = ev
        if not fresh:
            return
        if len(self._sid) + len(fresh) > self.limit:
            self._evict({self._sid[e.event_id] for e in events if e.event_id not in fresh})
        added: list[int] = []
        for ev in fresh.values():
            sid = self._next
            self._next += 1
            self._sid[ev.event_id] = sid
            self._event[sid] = ev
            p = self._profile[sid] = profile(sid, ev)
            if ev.generic:
                continue
            if _vague(ev, p.signatures):
                self._unswept.add(sid)
            else:
                self._blocking.add(sid, ev, p.signatures)
                self._near[sid] = set()
                added.append(sid)
        for sid in added:  # after every fresh report is in the blocks: pairs among them are found too
            for j in self._blocking.partners(sid):
                if j not in self._near[sid] and self.score(sid, j) >= THRESHOLD:
                    self._near[sid].add(j)
                    self._near[j].add(sid)

    def _evict(self, needed: set[int]) -> None:
        """Keep ``needed`` and the reports added last, up to half the limit; the pairs among the kept
        reports stay as they were (a pair depends on its two reports only), so nothing is paired again, and the kept
        reports keep their numbers and their keys in the blocks, so nothing is keyed again."""
        recent = sorted(self._event, reverse=True)[: max(0, self.limit // 2 - len(needed))]
        kept = needed.union(recent)
        events, profiles, near = self._event, self._profile, self._near
        order = sorted(kept, key=lambda s: (s not in near, s))  # dated first
        self._sid = {events[s].event_id: s for s in order}
        self._event = {s: events[s] for s in order}
        self._profile = {s: profiles[s] for s in order}
        self._blocking = self._blocking.subset([s for s in order if s in near])
        self._near = {s: {j for j in near[s] if j in kept} for s in order if s in near}
        self._unswept = {s for s in self._unswept if s in kept}
        self._scores = {(a, b): v for (a, b), v in self._scores.items() if a in kept and b in kept}
        self._incidents = {}

    def _remove(self, sid: int) -> None:
        ev = self._event.pop(sid)
        del self._sid[ev.event_id], self._profile[sid]
        self._unswept.discard(sid)
        near = self._near.pop(sid, None)
        if near is not None:
            self._blocking.remove(sid)
            for j in near:
                self._near[j].discard(sid)

    # -- answers --------------------------------------------------------------------------------
    def score(self, a: int, b: int) -> float:
        """``match_score`` of two indexed reports, the one with the smaller event id first (the order
        of the callers' reports: the ingest orders its pool by event id)."""
        if self._profile[b].event_id < self._profile[a].event_id:
            a, b = b, a
        s = self._scores.get((a, b))
        if s is None:
            s = self._scores[(a, b)] = match_score(self._profile[a], self._profile[b])
        return s

    def profiles(self, events: Sequence[Event]) -> list[Profile]:
        """The profiles of ``events`` (indexed), numbered by their position in ``events``."""
        out = []
        for i, ev in enumerate(events):
            p = self._profile[self._sid[ev.event_id]]
            out.append(p if p.index == i else dataclasses.replace(p, index=i))
        return out

    def incident(self, events: Sequence[Event], incident_id: str | None = None) -> Incident:
        """``build_incident(events, incident_id)``, kept while its reports are unchanged: re-clustering
        a component gives mostly the incidents it gave for the batch before."""
        key = []
        for ev in events:
            sid = self._sid.get(ev.event_id)
            if sid is None or not (self._event[sid] is ev or self._event[sid] == ev):
                return build_incident(events, incident_id)
            key.append(sid)
        k = (incident_id, tuple(sorted(key)))  # a rewritten report has a new number: its incidents are built again
        inc = self._incidents.get(k)
        if inc is None:
            if len(self._incidents) >= self.limit:
                self._incidents.clear()
            inc = self._incidents[k] = build_incident(events, incident_id)
        return inc

    def sid(self, event_id: str) -> int:
        return self._sid[event_id]

    def _vague_blocking(self, events: Iterable[Event]) -> tuple[list[int], Blocking]:
        """The reports among ``events`` not swept by date, by event id, and their blocks (the
        blocks of all ``events`` pair them only with each other, capped in event id order)."""
        vague = sorted((ev for ev in events if self._sid[ev.event_id] in self._unswept), key=lambda e: e.event_id)
        sids = [self._sid[ev.event_id] for ev in vague]
        return sids, Blocking(vague, signatures_of=[self._profile[s].signatures for s in sids])

    def component(self, pool: Mapping[str, Event], seeds: Iterable[str]) -> set[str]:
        """Event ids of the reports of ``pool`` (all indexed) connected to ``seeds`` through matching
        candidate pairs among the reports of ``pool``, seeds included (generic seeds left out)."""
        members = {self._sid[e] for e in pool}
        seen = {self._sid[e] for e in seeds if not pool[e].generic}
        todo = sorted(seen)
        vague: tuple[list[int], dict[int, int], Blocking] | None = None
        while todo:
            i = todo.pop()
            near = self._near.get(i)
            if near is not None:
                reached = near & members
            else:  # undated: its candidates among the undated reports of the pool
                if vague is None:
                    sids, blocking = self._vague_blocking(pool.values())
                    vague = sids, {s: n for n, s in enumerate(sids)}, blocking
                sids, at, blocking = vague
                reached = {sids[j] for j in blocking.partners(at[i]) if self.score(i, sids[j]) >= THRESHOLD}
            for j in reached - seen:
                seen.add(j)
                todo.append(j)
        return {self._event[i].event_id for i in seen}

    def matched_pairs(self, events: Sequence[Event]) -> list[tuple[float, int, int]]:
        """``(score, i, j)``, i < j positions in ``events`` (indexed, in event id order), for every
        candidate pair of ``events`` (``candidate_pairs(events)``) whose score reaches the threshold."""
        at = {self._sid[ev.event_id]: i for i, ev in enumerate(events)}
        out = []
        for s, i in at.items():
            for t in self._near.get(s, ()):
                j = at.get(t)
                if j is not None and i < j:
                    out.append((self.score(s, t), i, j))
        sids, blocking = self._vague_blocking(events)
        for a, b in blocking.pairs():
            score = self.score(sids[a], sids[b])
            if score >= THRESHOLD:
                i, j = sorted((at[sids[a]], at[sids[b]]))
                out.append((score, i, j))
        return out
