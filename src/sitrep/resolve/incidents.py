"""Reports -> incidents: constrained clustering of matched pairs, consensus values with support.

Clustering runs over the candidate pairs (see blocking.py) whose match score reaches the threshold,
strongest pair first, in three passes: reports whose own sentence states the day form the incidents;
then each report dated only by a guess (the publication day, the narrative) or vaguely (a month)
joins the one incident it matches best (none when two match it nearly as well); then what is left
pairs up. The constraints below are checked at every merge:
- cannot-link: no two reports of the merged incident may conflict (``matching.conflict``: two
  countries, two distant towns, two stated days) — merging is single-link on matched pairs, so one
  happening told by many outlets joins through any two that match, and chains drifting over days or
  towns stop at the first report that contradicts another;
- the merged incident's day-precise dates span at most ``CORROBORATED_GAP_DAYS`` days;
- two reports from one document end up in one incident only when they match each other directly, or the page
  tells them as one happening (one distinctive kind, or the page repeating itself) and nothing keeps them apart;
- an existing incident is never split (incremental mode starts from the stored incidents).
Last, a report left alone that its document tells as part of an incident joins it (elaborations).

Consensus per field, with the support (how many reports give each value) kept in
``Incident.support``:
- date: the most supported day-precise value (ties: the earliest); ``date_low``/``date_high``
  span every report; a month-only report takes the day of a corroborating report in the same
  incident (date refinement; the method is recorded in ``support["date"]``);
- location: the most precise place with the most support;
- actor1/actor2, event type, sub type, method: the most supported value (an unidentified actor
  yields to a named one);
- fatalities/injured: ACLED's conservative rule, the lowest specific figure, with low/high, among the
  figures the reports' own sentences state (all figures when none does).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sitrep.extract.merge import DELIVERY
from sitrep.records import ActorRef, Event, Incident, Place

from .blocking import MAX_GAP_DAYS as CORROBORATED_GAP_DAYS
from .blocking import Blocking, date_interval, interval_gap, places_agree
from .camps import opposed
from .contradictions import find_contradictions, method_class, supported
from .matching import (
    GUESS_GAP_DAYS,
    MIN_TEXT,
    THRESHOLD,
    Profile,
    actor_key,
    conflict,
    dice,
    match_score,
    one_page_tells_one,
    other_town,
    profile,
    published_after,
    same_spot,
    told_elsewhere,
    typing_slip,
)
from .signatures import is_rare

if TYPE_CHECKING:
    from .index import MatchIndex

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
_PLACE_RANK = {"point": 0, "district": 1, "admin1": 2, "country": 3}


@dataclass(frozen=True, slots=True)
class ResolveResult:
    """What changed: incidents that are new or changed, and ids of stored incidents to delete."""

    incidents: list[Incident]
    removed: list[str]
    scores: dict[tuple[str, str], float] = field(default_factory=dict)  # matched pairs (event ids)


class _Clusters:
    """Union-find over report indexes, with the per-cluster facts the merge constraints need."""

    def __init__(self, profiles: Sequence[Profile]) -> None:
        self.parent = list(range(len(profiles)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(profiles))}
        self.span: dict[int, tuple[int, int] | None] = {}
        for p in profiles:
            iv = p.interval
            self.span[p.index] = iv if iv is not None and iv[0] == iv[1] else None

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        sa, sb = self.span[ra], self.span.pop(rb)
        if sa is None:
            self.span[ra] = sb
        elif sb is not None:
            self.span[ra] = (min(sa[0], sb[0]), max(sa[1], sb[1]))
        return ra


def _merged_span_ok(c: _Clusters, ra: int, rb: int) -> bool:
    sa, sb = c.span[ra], c.span[rb]
    if sa is None or sb is None:
        return True
    return max(sa[1], sb[1]) - min(sa[0], sb[0]) <= CORROBORATED_GAP_DAYS


def _compatible(c: _Clusters, ra: int, rb: int, profiles: Sequence[Profile], score: Any) -> bool:
    """No two reports of the merged incident may conflict (:func:`matching.conflict`: two countries,
    two distant towns, two stated days), and two reports of one document must match each other
    directly (or be told by the page as one happening where nothing keeps them apart: one distinctive kind, or
    the page repeating itself: :func:`matching.one_page_tells_one`). Merging is single-link on matched pairs
    under these cannot-link constraints: one happening told by many outlets joins through any two that match,
    while chains drifting over days or towns stop at the first report that contradicts another."""
    for i in c.members[ra]:
        pi = profiles[i]
        for j in c.members[rb]:
            pj = profiles[j]
            if conflict(pi, pj) or (pi.doc_id == pj.doc_id and score(i, j) < THRESHOLD
                                    and not one_page_tells_one(pi, pj)):
                return False
    return True


def cluster(
    events: Sequence[Event],
    *,
    groups: Iterable[Sequence[int]] = (),
    only_with: set[int] | None = None,
    memo: MatchIndex | None = None,
    workers: int = 1,
) -> tuple[list[list[int]], dict[tuple[str, str], float]]:
    """Cluster report indexes. ``groups``: indexes already together (stored incidents). ``memo``: the
    profiles, scores and matched pairs kept by a long-running ingest (used when every report is new
    and ``events`` are in event id order, as the ingest passes them; the result is the same). ``workers``:
    processes that profile the reports (:func:`_profiles`) and find and score the candidate pairs
    (:func:`_matched_pairs`); the result is the same."""
    if memo is not None and (only_with is not None
                             or any(a.event_id >= b.event_id for a, b in zip(events, events[1:], strict=False))):
        memo = None
    cache: dict[tuple[int, int], float] = {}
    if memo is not None:
        memo.sync(events)
        profiles = memo.profiles(events)
        sids = [memo.sid(ev.event_id) for ev in events]
        kept = memo

        def score(i: int, j: int) -> float:
            return kept.score(sids[i], sids[j])
    else:
        profiles = _profiles(events, workers)

        def score(i: int, j: int) -> float:
            k = (i, j) if i < j else (j, i)
            s = cache.get(k)
            if s is None:
                s = match_score(profiles[k[0]], profiles[k[1]])
                cache[k] = s
            return s

    c = _Clusters(profiles)
    for g in groups:
        g = list(g)
        for j in g[1:]:
            c.union(g[0], j)
    if memo is not None:
        found = memo.matched_pairs(events)
    else:
        found = _matched_pairs(events, profiles, only_with, score, workers)
    scored = sorted(found, key=lambda t: (-t[0], t[1], t[2]))
    matched: dict[tuple[str, str], float] = {}

    def merge(s: float, i: int, j: int) -> None:
        ra, rb = c.find(i), c.find(j)
        if ra != rb:
            if not _merged_span_ok(c, ra, rb) or not _compatible(c, ra, rb, profiles, score):
                return
            c.union(ra, rb)
        matched[(events[i].event_id, events[j].event_id)] = s

    # 1. reports whose own sentence states the day make the incidents
    anchored = {p.index for p in profiles if _anchored(p)}
    for s, i, j in scored:
        if i in anchored and j in anchored:
            merge(s, i, j)
    # 2. each report dated only by a guess or vaguely joins the incident it matches best
    links: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for s, i, j in scored:
        links[i].append((s, j))
        links[j].append((s, i))
    floating = sorted((i for i in links if i not in anchored), key=lambda i: (-max(s for s, _ in links[i]), i))
    ambiguous: set[int] = set()  # floating reports that two incidents match nearly as well: they stay out of both
    for i in floating:
        target = _best_incident(c, i, links[i], anchored)
        if target is not None:
            s, j = max((s, j) for s, j in links[i] if c.find(j) == target)
            merge(s, i, j)
        elif any(j in anchored and c.find(j) != c.find(i) for _, j in links[i]):
            ambiguous.add(i)
    # 3. the rest pair up among themselves as before (an ambiguous report only with other floating ones)
    for s, i, j in scored:
        if not ((i in ambiguous and j in anchored) or (j in ambiguous and i in anchored)):
            merge(s, i, j)
    _attach_elaborations(c, profiles, only_with)
    clusters = [sorted(m) for m in c.members.values()]
    clusters.sort(key=lambda m: m[0])
    return clusters, matched


PARALLEL_MIN_EVENTS = 4000  # fewer reports are profiled and paired in this process: a fork costs more than it saves


def _profiles(events: Sequence[Event], workers: int) -> list[Profile]:
    """Each report's :class:`Profile`, in order. With ``workers`` > 1 and enough reports, forked processes
    (:func:`engines.processes.forked_map`) each profile a run of the reports and send the profiles back; the
    profiles are the same."""
    if workers < 2 or len(events) < PARALLEL_MIN_EVENTS:
        return [profile(i, ev) for i, ev in enumerate(events)]
    from sitrep.engines.processes import forked_map

    return forked_map(lambda t: profile(*t), list(enumerate(events)), workers)


def _matched_pairs(events: Sequence[Event], profiles: Sequence[Profile], only_with: set[int] | None,
                   score: Callable[[int, int], float], workers: int) -> list[tuple[float, int, int]]:
    """The candidate pairs (:mod:`blocking`) whose match score reaches the threshold, as ``(score, i, j)``. With
    ``workers`` > 1 and enough reports, forked processes (:func:`engines.processes.forked_parts`) each find and
    score the pairs owned by their run of the reports (:meth:`blocking.Blocking.pairs`: every pair once) and send
    back only the matched ones; the pairs are the same."""
    blocking = Blocking(events, signatures_of=[p.signatures for p in profiles])
    if workers < 2 or len(events) < PARALLEL_MIN_EVENTS:
        return [(s, i, j) for i, j in blocking.pairs(only_with) if (s := score(i, j)) >= THRESHOLD]
    from sitrep.engines.processes import forked_parts

    def matched(k: int, n: int) -> list[tuple[float, int, int]]:
        return [(s, i, j) for i, j in blocking.pairs(only_with, part=(k, n))
                if (s := match_score(profiles[i], profiles[j])) >= THRESHOLD]

    return [t for part in forked_parts(matched, workers) for t in part]


def matched_component(events: Sequence[Event], seeds: Iterable[int]) -> set[int]:
    """Indexes of ``events`` connected to ``seeds`` through matching pairs (candidate pairs whose
    score reaches the threshold), seeds included.

    Clustering only ever joins matching reports, so each such component is clustered on its own:
    re-clustering the whole component of new reports gives the incidents a run over every report
    at once gives, whatever order the reports arrived in. The blocks are built once for ``events``;
    candidates and scores are looked up only for the reports the search reaches.
    """
    profiles: dict[int, Profile] = {}

    def prof(i: int) -> Profile:
        if i not in profiles:
            profiles[i] = profile(i, events[i])
        return profiles[i]

    blocking = Blocking(events)  # candidates looked up per report reached, not paired for all reports
    seen = {i for i in seeds if not events[i].generic}
    todo = sorted(seen)
    while todo:
        i = todo.pop()
        for j in sorted(blocking.partners(i)):
            if j not in seen and match_score(*sorted((prof(i), prof(j)), key=lambda p: p.index)) >= THRESHOLD:
                seen.add(j)
                todo.append(j)
    return seen


def _anchored(p: Profile) -> bool:
    """A report whose own sentence states the day (or that has no recorded date method)."""
    return p.interval is not None and p.interval[0] == p.interval[1] and not p.date_guess


AMBIGUOUS = 0.8  # a floating report stays out when its second-best incident is matched this nearly as well


def _best_incident(c: _Clusters, i: int, links: Sequence[tuple[float, int]], anchored: set[int]) -> int | None:
    """The incident (cluster root) of day-stated reports that report ``i`` matches best: the most
    summed match score over its members. None when no such incident matches it, or when a second
    one matches it nearly as well (``AMBIGUOUS``): a month-dated "chemical attack near Damascus"
    between two such attacks says nothing about which."""
    strength: dict[int, float] = defaultdict(float)
    for s, j in links:
        if j in anchored:
            strength[c.find(j)] += s
    strength.pop(c.find(i), None)
    if not strength:
        return None
    ranked = sorted(strength.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > 1 and ranked[1][1] >= AMBIGUOUS * ranked[0][1]:
        return None
    return ranked[0][0]


def _elaborates(p: Profile, q: Profile) -> bool:
    """Could report ``p`` be its document saying more about the happening ``q`` reports? The same
    event type, places that agree at whatever precision, some shared wording (or a shared
    distinctive kind; none needed when the sentence names no place of its own and so takes its page's:
    :func:`_takes_its_pages_place`), a day only guessed and within ``GUESS_GAP_DAYS`` of ``q``'s or
    the same stated day, no toll of its sentence's own against ``q``'s, no doer its sentence names of the side
    opposed to ``q``'s, and not another named town (:func:`matching.other_town`). A sentence that states another
    time ("in mid-July"), another kind of event, or another kind of attack told by its own means ("the strikes came
    as a car bomb wounded 37 people", "the plane came back a second time" on a page of shelling; not "the attack"
    typed as a suicide bombing on a page of a bomb blast: :func:`matching.typing_slip`) tells another happening."""
    if p.event_type != q.event_type or not places_agree(p, q) or conflict(p, q) or p.tally:
        return False
    if _delivered_apart(p, q):
        return False  # another kind of attack, each told by its own means ("the blast came as warplanes bombed ...")
    if any(is_rare(s) for s in p.signatures - q.signatures):
        return False  # "the airfield was the launch pad for a chemical attack" tells that attack, not the strike
    if other_town(p, q):
        return False  # "... and 10 were killed in air strikes on Khan Sheikhoun": the raids on another town
    if ((p.another and (p.area or q.area or not same_spot(p, q))) or told_elsewhere(p, q)
            or (opposed(p.any_camp, q.camp) and not p.signatures & q.signatures)):
        # "elsewhere ...", "another shell in Bab Touma ...", "meanwhile in the Damascus countryside ...": one more act
        # at another place or over a region (one more raid on the same town says more about its happening); a
        # bombardment by the other side ("five killed in bombardment by terrorists" on a page of regime air strikes)
        return False
    if p.interval is None or q.interval is None or p.interval[0] != p.interval[1]:
        return False
    gap = interval_gap(p.interval, q.interval)
    if gap > (GUESS_GAP_DAYS if p.date_guess else 0):
        return False
    unplaced = _takes_its_pages_place(p, q)
    if dice(p.tokens, q.tokens) < MIN_TEXT and not (p.signatures & q.signatures) and not unplaced:
        return False
    # such a sentence's toll that it does not state (carried over from the sentence before) is no toll against q's
    return (p.fatalities is None or q.fatalities is None or p.fatalities == q.fatalities
            or (unplaced and not p.toll_told))


def _delivered_apart(p: Profile, q: Profile) -> bool:
    """Two explosive acts each told by its own means, one fired from afar and one set off where it struck
    (``extract.merge.DELIVERY``): an air strike and a car bomb, unless one sentence names the other's means too
    (:func:`matching.typing_slip`)."""
    kp, kq = _delivery(p), _delivery(q)
    return (kp is not None and kq is not None and kp != kq and p.delivery_told and q.delivery_told
            and not typing_slip(p, q))


def _delivery(p: Profile) -> str | None:
    """How the act of ``p``'s sub type is delivered: "fired" from afar, "set off" where it struck, or None."""
    return DELIVERY.get(p.sub_event_type or "")


def _takes_its_pages_place(p: Profile, q: Profile) -> bool:
    """``p``'s sentence names no place of its own, so it tells of the happening its page places ("Kurdish officials
    said the attack was carried out by a suicide bomber", "a few seconds later there was an enormous explosion") --
    unless it tells one more act ("fresh air strikes against the city on Wednesday"), another sub type told by its own
    means (:func:`matching.typing_slip`; a device set off where it struck may be told as a car bomb or a suicide
    bomber), or is dated to another day than ``q``'s."""
    set_off = _delivery(p) == _delivery(q) == "set off"
    if p.place_named or p.another or not (p.sub_event_type == q.sub_event_type or set_off or typing_slip(p, q)):
        return False  # nor "the plane came back a second time" on a page of shelling: two means, two acts
    # its page's day, or the day its page came out after ``q``'s ("- Air raids kill thousands -" dated by the narrative
    # to the day before a barrel bomb killed eight tells something else)
    return p.interval == q.interval or published_after(p, q)


def _attach_elaborations(c: _Clusters, profiles: Sequence[Profile], only_with: set[int] | None) -> None:
    """Reports that their documents tell as part of an incident join that incident.

    Articles come back to their subject in sentences that match nothing on their own ("The attack
    left 12 people killed", "Syria denied it had used chemical weapons"). Such a report joins the
    incident that holds another report of its document when that report's place and date agree
    (:func:`_elaborates`: a sentence naming no place of its own, such as "the attack was carried out by a
    suicide bomber", takes its page's, so it needs no wording in common) and no report of the incident conflicts
    with it — and only when exactly one
    incident of its document qualifies (a document telling two happenings gives no answer). A few such
    reports of several documents may have matched each other first (two outlets quoting one witness: "a
    few seconds later there was an enormous explosion"): the small incident they make joins the larger one
    when each of its reports elaborates that one incident, and only that one, in its own document.
    """
    by_doc: dict[str, list[int]] = defaultdict(list)
    for p in profiles:
        by_doc[p.doc_id].append(p.index)
    roots = sorted({c.find(i) for idxs in by_doc.values() if len(idxs) > 1 for i in idxs})
    for root in roots:
        ri = c.find(root)
        members = list(c.members[ri])
        if len(members) > MAX_ELABORATION or (only_with is not None and not any(i in only_with for i in members)):
            continue
        target = _elaborated(c, ri, members, profiles, by_doc)
        if target is not None and _merged_span_ok(c, ri, target) and _compatible(
                c, ri, target, profiles, lambda a, b: THRESHOLD):
            c.union(ri, target)


MAX_ELABORATION = 3  # the most reports of an incident that may be elaborations of a larger one


def _elaborated(c: _Clusters, ri: int, members: Sequence[int], profiles: Sequence[Profile],
                by_doc: dict[str, list[int]]) -> int | None:
    """The one larger incident that every report of incident ``ri`` elaborates in its own document, or None."""
    target: int | None = None
    for i in members:
        p = profiles[i]
        found = {c.find(j) for j in by_doc[p.doc_id] if j != i and _elaborates(p, profiles[j])} - {ri}
        found = {t for t in found if len(c.members[t]) > max(1, len(members))
                 and not _other_toll(p, c.members[t], profiles)}
        if len(found) != 1 or (target is not None and found != {target}):
            return None
        target = found.pop()
    return target


def _other_toll(p: Profile, members: Sequence[int], profiles: Sequence[Profile]) -> bool:
    """A death toll ``p``'s sentence states against one another report of the incident states ("heavy bombing has
    killed three emergency workers" on a page joined to "seven people were killed in Douma"), and that none of them
    states: an elaboration is its page saying more about the happening, so it brings no new toll."""
    if not p.toll_told:
        return False
    told = {profiles[m].fatalities for m in members if profiles[m].toll_told}
    return bool(told) and p.fatalities not in told


# ------------------------------------------------------------------------------ consensus


def _ranked(values: Iterable[Any]) -> list[tuple[Any, int]]:
    given = [v for v in values if v is not None]
    if len(given) < 2:
        return [(v, 1) for v in given]  # (most incidents have one report)
    counts = Counter(given)
    return sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))


def _support(values: Iterable[Any]) -> dict[str, int]:
    return {str(k): n for k, n in _ranked(values)}


def _consensus_date(events: Sequence[Event]) -> tuple[str | None, str, str | None, str | None, dict[str, Any]]:
    dated: list[tuple[Event, tuple[int, int]]] = []
    for e in events:
        iv = date_interval(e.date)
        if iv is not None:
            dated.append((e, iv))
    if not dated:
        return None, "unknown", None, None, {}
    best_rank = min(_PRECISION_RANK.get(e.date_precision, 4) for e, _ in dated)
    best = [e for e, _ in dated if _PRECISION_RANK.get(e.date_precision, 4) == best_rank]
    counts = Counter(e.date for e in best)
    date = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[0][0]
    chosen = next(e for e in best if e.date == date)
    lo = min(iv[0] for _, iv in dated)
    hi = max(iv[1] for _, iv in dated)
    support: dict[str, Any] = {"values": _support(e.date for e, _ in dated)}
    # date refinement: vaguer reports whose interval contains the chosen precise date
    iv_chosen = date_interval(date)
    refined = [
        e.event_id
        for e, iv in dated
        if iv_chosen is not None
        and _PRECISION_RANK.get(e.date_precision, 4) > best_rank
        and iv[0] <= iv_chosen[0]
        and iv_chosen[1] <= iv[1]
    ]
    if refined:
        support["method"] = "refined from corroborating report"
        support["refined_event_ids"] = refined
        support["from_event_id"] = chosen.event_id
    else:
        support["method"] = chosen.date_method or "report"
    return (
        date,
        chosen.date_precision,
        dt.date.fromordinal(lo).isoformat(),
        dt.date.fromordinal(hi).isoformat(),
        support,
    )


def _consensus_place(events: Sequence[Event]) -> tuple[Place | None, dict[str, int]]:
    places = [e.location for e in events if e.location is not None]
    if not places:
        return None, {}
    keyed = [(p.geonameid if p.geonameid is not None else p.name.casefold(), p) for p in places]
    counts = Counter(k for k, _ in keyed)
    best = min(
        keyed,
        key=lambda kp: (_PLACE_RANK.get(kp[1].precision, 4), -counts[kp[0]], str(kp[0])),
    )[1]
    return best, _support(p.name for p in places)


def _consensus_actor(refs: Sequence[ActorRef | None]) -> tuple[ActorRef | None, dict[str, int]]:
    named = [r for r in refs if r is not None]
    if not named:
        return None, {}
    known = [r for r in named if actor_key(r.name) is not None] or named
    ranked = _ranked(r.name for r in known)
    name = ranked[0][0]
    return next(r for r in known if r.name == name), _support(r.name for r in named)


def _told_figures(events: Sequence[Event], field: str) -> list[int]:
    """The figures for ``field`` that the consensus counts: those its reports' own sentences state
    (:func:`contradictions.supported`: not a figure carried over from another sentence, not a part such as
    "14 of the dead", not a tally over a period); every report's figure when no sentence states one. Reports that all
    give one figure need no reading: that figure is the consensus either way."""
    given = [(e, v) for e in events if (v := getattr(e, field)) is not None]
    if len({v for _, v in given}) < 2:
        return [v for _, v in given]
    return [v for e, v in given if supported(e, field)] or [v for _, v in given]


def build_incident(events: Sequence[Event], incident_id: str | None = None) -> Incident:
    """One incident from its reports: consensus values, support and contradictions."""
    events = sorted(events, key=lambda e: e.event_id)
    ids = tuple(e.event_id for e in events)
    date, precision, lo, hi, date_support = _consensus_date(events)
    place, place_support = _consensus_place(events)
    a1, a1_support = _consensus_actor([e.actor1 for e in events])
    a2, a2_support = _consensus_actor([e.actor2 for e in events])
    etype = _ranked(e.event_type for e in sorted(events, key=lambda e: -e.confidence))[0][0]
    subs = [e.sub_event_type for e in events if e.event_type == etype]
    sub = _ranked(subs)[0][0] if any(subs) else None
    methods = _ranked(e.method for e in events)
    fat = _told_figures(events, "fatalities")
    inj = _told_figures(events, "injured")
    support: dict[str, Any] = {
        "reports": len(events),
        "date": date_support,
        "location": place_support,
        "actor1": a1_support,
        "actor2": a2_support,
        "event_type": _support(e.event_type for e in events),
        "sub_event_type": _support(e.sub_event_type for e in events),
        "method": _support(method_class(e.method) for e in events),
        "fatalities": {e.event_id: e.fatalities for e in events if e.fatalities is not None},
        "injured": {e.event_id: e.injured for e in events if e.injured is not None},
    }
    return Incident(
        incident_id=incident_id or Incident.make_id(ids),
        event_ids=ids,
        doc_ids=tuple(sorted(set(e.doc_id for e in events))),
        event_type=etype,
        sub_event_type=sub,
        date=date,
        date_precision=precision,  # type: ignore[arg-type]
        date_low=lo,
        date_high=hi,
        location=place,
        actor1=a1,
        actor2=a2,
        fatalities=min(fat) if fat else None,
        fatalities_low=min(fat) if fat else None,
        fatalities_high=max(fat) if fat else None,
        injured=min(inj) if inj else None,
        method=methods[0][0] if methods else None,
        sources=tuple(sorted(set(e.source for e in events if e.source))),
        contradictions=find_contradictions(events),
        support=support,
    )
