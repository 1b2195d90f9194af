"""Candidate blocking: which pairs of reports are worth comparing at all.

No all-pairs comparison. Every report is put into a few *blocks* by type family and place, and
inside a block only reports whose date intervals lie close to each other are paired (a sorted
sweep over the interval start). The blocks:

- ``point``/``district`` reports: a 0.5-degree grid cell (about 50 km); a report looks at its own
  cell and the eight around it, and a pair is kept when the two places are at most ``max_km``
  apart (or share admin2 when coordinates are missing). Day-precise reports with a death toll are
  also put in a *toll block* (cell + toll), the only block swept with the wide ``MAX_GAP_DAYS``
  window (two reports of one attack six days apart, Palmyra 13 vs 19 December, agree on the toll);
- ``admin1`` reports: the province; they pair with every report located in that province;
- ``country`` reports pair only with other country-precision reports of the same country;
- reports without a place pair only with other place-less, day-precise reports of the same type
  family (and the matcher then asks for agreeing actors and wording);
- *signature blocks* (``signatures.py``: a chemical attack, a downed aircraft, a named massacre, an
  air base, an aid convoy, a school...): reports naming one distinctive kind in one country, whatever
  their place precision, swept with ``SIGNATURE_GAP_DAYS``; a pair is kept when their places agree
  loosely (:func:`places_agree`: the town inside the province, or the country, or within
  ``SIGNATURE_KM``) — one happening told at different precision.

Everywhere else the window is ``PLAIN_GAP_DAYS`` (1 day) for day-precise reports and "overlapping"
for reports dated to a week or a month. Generic mentions (``Event.generic``) never enter a block.
Undated reports and year-only dates are too vague to sweep by date: they are paired only with the
other undated/vague reports of their grid cell (at most ``undated_cap`` of them), and the matcher
asks for strong evidence before merging them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Protocol

from sitrep.records import VIOLENT_TYPES, Event, Place, date_bounds, haversine_km

from .signatures import is_rare, signatures

MAX_GAP_DAYS = 7  # two corroborating reports of one incident may give dates this far apart (Palmyra: 6)
PLAIN_GAP_DAYS = 2  # other reports at most this far apart (time zones, 'yesterday', a publication-day guess)
MAX_KM = 50.0  # ... and places this far apart
CELL_DEG = 0.5
MAX_SPAN_DAYS = 31  # widest date interval that is swept by date (a month)
YEAR_DAYS = 366  # ... except a rare happening's year, swept only in its signature blocks (``Keyed.yearly``)
SIGNATURE_GAP_DAYS = 3  # reports sharing a distinctive kind may be this far apart (a publication-day guess)
NEAR_KM = 25.0  # two towns further apart than this are two places
SIGNATURE_KM = 60.0  # ... and their places this far apart (a town and the centre of its province)


def type_family(event_type: str | None) -> str:
    """violent | unrest | strategic | diplomacy — reports of different families never merge."""
    if event_type in VIOLENT_TYPES:
        return "violent"
    if event_type in ("Protests", "Riots"):
        return "unrest"
    if event_type == "Diplomacy":
        return "diplomacy"
    return "strategic"


@lru_cache(maxsize=1 << 14)
def date_interval(value: str | None) -> tuple[int, int] | None:
    """The ordinal day interval an ISO date value covers, or None when unknown."""
    lo, hi = date_bounds(value)
    if lo is None or hi is None:
        return None
    return dt.date.fromisoformat(lo).toordinal(), dt.date.fromisoformat(hi).toordinal()


def interval_gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two intervals; 0 when they overlap."""
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


@dataclass(frozen=True, slots=True)
class Keyed:
    """What blocking needs from one report, computed once."""

    index: int
    family: str
    interval: tuple[int, int] | None  # None: undated, or vaguer than MAX_SPAN_DAYS
    level: str  # point | admin1 | country | none
    country: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    signatures: frozenset[str] = frozenset()
    # a rare happening dated only to its year ("that attack" after "sarin was used in Eastern Ghouta in 2013"):
    # it looks for, and is found by, the reports of its kind that year only (the signature blocks)
    yearly: bool = False


class Located(Protocol):
    """A report's place as blocking and matching see it."""

    @property
    def level(self) -> str: ...
    @property
    def country(self) -> str | None: ...
    @property
    def admin1(self) -> str | None: ...
    @property
    def lat(self) -> float | None: ...
    @property
    def lon(self) -> float | None: ...


def places_agree(a: Located, b: Located) -> bool:
    """Nothing says two places differ, at whatever precision each is given: one country (or none
    known), and the same province, or one of them only the country, or across a provincial border
    two towns within ``NEAR_KM`` or a town and a province within ``SIGNATURE_KM`` (Damascus and the
    Eastern Ghouta sit in two provinces a few kilometres apart; Aleppo and Saraqib do not agree)."""
    if a.country and b.country and a.country != b.country:
        return False
    if a.level in ("none", "country") or b.level in ("none", "country"):
        return True
    if a.admin1 is not None and a.admin1 == b.admin1:
        return True
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        # across a provincial border: two towns must be neighbours; a province's centre may be further
        limit = NEAR_KM if a.level == b.level == "point" else SIGNATURE_KM
        return haversine_km(a.lat, a.lon, b.lat, b.lon) <= limit
    return False


def event_signatures(ev: Event) -> frozenset[str]:
    """The distinctive kinds a report names (``signatures.py``); only violent reports carry any, and a weapon
    disrupted ("rebels shot down a helicopter"): a happening of its own, not a statement about one."""
    if ev.event_type in VIOLENT_TYPES or ev.sub_event_type == "Disrupted weapons use":
        return signatures(ev.evidence.text, ev.sub_event_type)
    return frozenset()


# a place named as the one who speaks or acts ("what the United States says was", "Washington and Paris
# say", "Moscow accused", "The United States launched"): it stands for its government, it is not where
# the happening was
_SPEAKER = re.compile(
    r"^(?:\s*(?:,|and)?\s*[A-Z][\w-]+){0,2}\s+(?:(?:has|have|had|will|would)\s+)?"
    r"(?:says?|said|accuse[sd]?|blame[sd]?|claim(?:s|ed)?(?!\s+(?:the\s+)?lives?\b)|announce[sd]?|denie[sd]|deny|warn(?:s|ed)?"
    r"|condemn(?:s|ed)?|insist(?:s|ed)?|launch(?:es|ed)?|fired|threaten(?:s|ed)?|vow(?:s|ed)?|urge[sd]?"
    r"|demand(?:s|ed)?)\b"
)


# a place named as the point a distance is measured from ("162 kilometers (101 miles) north of the capital",
# "some 60 km south-east of", "20 miles from"): the happening was that far away, not there
_DISTANCE_FROM = re.compile(
    r"\b(?P<n>\d[\d,.]*)\s*(?:-\s*)?(?P<unit>kilomet(?:re|er)s?|km|miles?)\s+(?:\([^()]{0,30}\)\s+)?"
    r"(?:(?:to the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|from|outside(?:\s+of)?|away from)"
    r"\s+(?:the\s+)?(?:(?:capital|city|town|provincial capital|village)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)


def measured_from(text: str, at: int) -> bool:
    """Is the place mentioned at ``at`` the point a distance further than ``NEAR_KM`` is measured from ("162
    kilometers north of the capital Damascus", "40 miles from Homs")? A place a few kilometres away ("about 15 km
    from Idlib city") is near enough to stand for the happening's place."""
    m = _DISTANCE_FROM.search(text, max(0, at - 80), at)
    if m is None:
        return False
    try:
        n = float(m.group("n").replace(",", ""))
    except ValueError:
        return False
    return n * (1.609 if m.group("unit").lower().startswith("mile") else 1.0) > NEAR_KM


# what introduces a place as where something happened: "in", "near", "over rebel-held", "the outskirts of"
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|over|on|onto|into|inside|around|across|throughout|of|towards?)\s+"
    r"(?:the\s+)?(?:[\w'-]+\s+){0,2}$", re.IGNORECASE)


# a town named as one end of a road ("on the Hasaka-Qamishli highway", "the Damascus-Beirut road"): the happening was
# somewhere along the road, not in that town
_ROAD_AFTER = re.compile(r"^\s?-\s?[A-Z][\w'-]*(?:\s+[a-z]{2,3})?(?:\s+[A-Z][\w'-]*)?\s+(?:road|highway|motorway)\b")
_ROAD_BEFORE = re.compile(r"[A-Z][\w'-]*\s?-\s?$")
_ROAD_NEXT = re.compile(r"^\s+(?:road|highway|motorway)\b")


def road_end(text: str, at: int, mention: str) -> bool:
    """Is the place mentioned at ``at`` named as one end of a road ("Hasaka-Qamishli highway")?"""
    after = text[at + len(mention):]
    if _ROAD_AFTER.match(after):
        return True  # "Hasaka-Qamishli road" named at Hasaka
    return bool(_ROAD_BEFORE.search(text, max(0, at - 40), at) and _ROAD_NEXT.match(after))  # ... at Qamishli


def happening_place(ev: Event) -> Place | None:
    """The report's place as evidence of where the happening was: None when the sentence names it
    only as the speaker or the one who acts (:data:`_SPEAKER`), or when a report of a rare kind (a
    chemical attack, a downed aircraft) takes its place from elsewhere in the document (the sentence
    does not name it) or from a national capital its sentence names other than as a place (no "in",
    "near", "over" before it: "a helicopter was shot down ... the deadliest incident for Moscow"): such a
    report is mostly a later statement about the happening, placed by where the news was told (the UN,
    Washington, a dateline) or by the government concerned, not by where it happened."""
    loc = ev.location
    if loc is None or not loc.mention:
        return loc
    at = ev.evidence.text.find(loc.mention)
    if at >= 0 and _SPEAKER.match(ev.evidence.text[at + len(loc.mention):]):
        return None
    if at >= 0 and measured_from(ev.evidence.text, at):
        return None  # "the city located 162 kilometers north of the capital Damascus": measured from, not at
    if at >= 0 and loc.admin1 and road_end(ev.evidence.text, at, loc.mention):
        # "near al-Sanabel hall on the Hasaka-Qamishli road": along the road, in the province of the town it leaves
        return replace(loc, name=loc.admin1, admin2=None, lat=None, lon=None, geonameid=None, precision="admin1",
                       feature=None)
    rare = any(is_rare(s) for s in event_signatures(ev))
    if at < 0 and rare:
        return None
    if rare and loc.feature == "PPLC" and not _LOCATIVE_BEFORE.search(ev.evidence.text, max(0, at - 40), at):
        return None  # "the deadliest incident for Moscow", "Washington's response": a capital named as its government
    return loc


def rare_of_a_year(ev: Event, sigs: frozenset[str] | None = None) -> bool:
    """A report of a rare happening (a chemical attack, a named massacre) dated only to its year: swept by date in
    its signature blocks (``Keyed.yearly``), not left with the undated reports."""
    iv = date_interval(ev.date)
    if iv is None or not MAX_SPAN_DAYS < iv[1] - iv[0] + 1 <= YEAR_DAYS:
        return False
    return any(is_rare(s) for s in (event_signatures(ev) if sigs is None else sigs))


def swept_interval(ev: Event, sigs: frozenset[str] | None = None) -> tuple[int, int] | None:
    """The days a report is swept by date over (first and last ordinal), or None when it pairs only with the
    undated reports: undated, or vaguer than a month unless a rare happening of a year (:func:`rare_of_a_year`).
    The one rule of what is dated for batch blocking (:func:`key_event`), the stream's order
    (:func:`sitrep.resolve.time_key`), the store's ingest (:func:`sitrep.resolve.candidate_queries`) and its
    long-lived index (:class:`sitrep.resolve.index.MatchIndex`), so the two paths pair the same reports."""
    return swept_date(ev.date, lambda: rare_of_a_year(ev, sigs))


def swept_date(date: str | None, rare: Callable[[], bool]) -> tuple[int, int] | None:
    """:func:`swept_interval` of a report dated ``date``; ``rare`` (asked only of a date vaguer than a month) tells
    whether it is a rare happening of a year."""
    iv = date_interval(date)
    if iv is None or (iv[1] - iv[0] + 1 > MAX_SPAN_DAYS and not rare()):
        return None
    return iv


def key_event(index: int, ev: Event, sigs: frozenset[str] = frozenset()) -> Keyed:
    iv = swept_interval(ev, sigs)
    yearly = iv is not None and iv[1] - iv[0] + 1 > MAX_SPAN_DAYS
    loc = happening_place(ev)
    if loc is None or not (loc.country or loc.admin1 or loc.lat is not None):
        level = "none"
    elif loc.precision == "country" or (loc.admin1 is None and loc.lat is None):
        level = "country"
    elif loc.precision == "admin1" or loc.lat is None and loc.admin2 is None:
        level = "admin1"
    else:
        level = "point"
    return Keyed(
        index=index,
        family=type_family(ev.event_type),
        interval=iv,
        level=level,
        country=loc.country if loc else None,
        admin1=_norm(loc.admin1) if loc else None,
        admin2=_norm(loc.admin2) if loc else None,
        lat=loc.lat if loc else None,
        lon=loc.lon if loc else None,
        signatures=sigs,
        yearly=yearly,
    )


def _norm(s: str | None) -> str | None:
    return " ".join(s.casefold().replace("-", " ").split()) if s else None


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEG), math.floor(lon / CELL_DEG)


def places_compatible(a: Keyed, b: Keyed, max_km: float = MAX_KM) -> bool:
    """Could two located reports be about one place (given their precisions)?"""
    if a.level == "none" or b.level == "none":
        return a.level == b.level
    if a.country and b.country and a.country != b.country:
        return False
    if a.level == "country" or b.level == "country":
        return a.level == b.level
    if a.level == "admin1" or b.level == "admin1":
        return a.admin1 is not None and a.admin1 == b.admin1
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        return haversine_km(a.lat, a.lon, b.lat, b.lon) <= max_km
    return a.admin2 is not None and a.admin2 == b.admin2


class _Sweep:
    """Reports of one block sorted by interval start, for date-window look-ups.

    Day-dated reports and vaguer ones (a week, a month) are kept apart: only the vaguer ones need the
    look-back of ``MAX_SPAN_DAYS`` (a month that started before the day), so a day looks back a few
    days among days and a month among the few vaguer reports — the cost per report stays the same as
    the reports per day grow.
    """

    def __init__(self) -> None:
        self.days: list[tuple[int, int]] = []  # (day ordinal, report index)
        self.spans: list[tuple[int, int]] = []  # (first day ordinal, report index) of vaguer reports
        self.years: list[tuple[int, int]] = []  # ... of the rare reports dated only to a year (signature blocks)
        self.undated: list[int] = []
        self.finished = False  # sorted: a report added from now on is inserted in its place

    def _list(self, k: Keyed) -> tuple[list[tuple[int, int]], tuple[int, int]] | None:
        if k.interval is None:
            return None
        items = self.days if k.interval[0] == k.interval[1] else self.years if k.yearly else self.spans
        return items, (k.interval[0], k.index)

    def add(self, k: Keyed) -> None:
        where = self._list(k)
        if where is None:
            self.undated.append(k.index)
        elif self.finished:
            bisect.insort(where[0], where[1])
        else:
            where[0].append(where[1])

    def remove(self, k: Keyed) -> None:
        where = self._list(k)
        if where is None:
            self.undated.remove(k.index)
        else:
            del where[0][bisect.bisect_left(where[0], where[1])]

    def finish(self) -> None:
        self.days.sort()
        self.spans.sort()
        self.years.sort()
        self.finished = True

    def near(self, iv: tuple[int, int], max_gap: int) -> Iterable[int]:
        """Reports whose interval may lie within ``max_gap`` days of ``iv`` (the caller checks)."""
        for items, back in ((self.days, max_gap), (self.spans, max_gap + MAX_SPAN_DAYS),
                            (self.years, max_gap + YEAR_DAYS)):
            if not items:
                continue
            lo = bisect.bisect_left(items, (iv[0] - back, -1))
            hi = bisect.bisect_right(items, (iv[1] + max_gap, 1 << 62))
            for _, j in items[lo:hi]:
                yield j


Block = tuple[object, ...]


class Blocking:
    """The blocks of a set of reports, built once: which reports each one is paired with.

    A report *finds* the reports of the blocks it looks in (:meth:`found_by`); a pair is a candidate
    when either of its reports finds the other (the windows and the undated cap are the finder's, so
    the relation is not symmetric). :meth:`pairs` gives every candidate pair (what
    :func:`candidate_pairs` returns); :meth:`partners` the candidates of one report, looked up from both
    sides without pairing the rest — what a search of the component around a few reports needs
    (:func:`sitrep.resolve.incidents.matched_component`: its cost grows with that component, not with
    every report loaded around it).
    """

    def __init__(
        self,
        events: Sequence[Event],
        *,
        max_gap_days: int = MAX_GAP_DAYS,
        plain_gap_days: int = PLAIN_GAP_DAYS,
        max_km: float = MAX_KM,
        undated_cap: int = 200,
        signatures_of: Sequence[frozenset[str]] | None = None,
    ) -> None:
        sigs = signatures_of if signatures_of is not None else [event_signatures(ev) for ev in events]
        self.keyed = [key_event(i, ev, sigs[i]) for i, ev in enumerate(events) if not ev.generic]
        self.by_index = {k.index: k for k in self.keyed}
        self.toll = {i: ev.fatalities for i, ev in enumerate(events)}
        self.max_gap_days, self.plain_gap_days = max_gap_days, plain_gap_days
        self.max_km, self.undated_cap = max_km, undated_cap
        self.blocks: dict[Block, _Sweep] = defaultdict(_Sweep)
        self.sig_countries: dict[tuple[str, str], set[str | None]] = defaultdict(set)
        for k in self.keyed:
            self._file(k)
        for sweep in self.blocks.values():
            sweep.finish()
        self._finders: dict[Block, dict[tuple[int, bool], _Sweep]] | None = None  # built on first use

    def subset(self, indexes: Sequence[int]) -> Blocking:
        """The blocks of the reports ``indexes`` alone, their keys reused (a long-lived index taking reports out:
        nothing is keyed again)."""
        out = Blocking((), max_gap_days=self.max_gap_days, plain_gap_days=self.plain_gap_days, max_km=self.max_km,
                       undated_cap=self.undated_cap)
        for i in indexes:
            k = self.by_index[i]
            out.keyed.append(k)
            out.by_index[i] = k
            out.toll[i] = self.toll[i]
            out._file(k)
        for sweep in out.blocks.values():
            sweep.finish()
        return out

    def _file(self, k: Keyed) -> None:
        for block in self._member_of(k):
            self.blocks[block].add(k)
        if k.interval is not None:
            for sig in k.signatures:
                self.sig_countries[(k.family, sig)].add(k.country)

    def add(self, index: int, ev: Event, sigs: frozenset[str]) -> None:
        """Put one more report in the blocks (a long-lived index: :class:`sitrep.resolve.index.MatchIndex`).
        Reports not swept by date (:func:`swept_interval`) are not taken: their look-ups depend on which others are
        present (``undated_cap``), so they are paired among the reports at hand (:class:`Blocking` of those). A rare
        happening of a year is taken: it is swept by date in its signature blocks, as in a batch."""
        k = key_event(index, ev, sigs)
        if ev.generic or k.interval is None or index in self.by_index:
            raise ValueError(f"report {index} cannot be added")
        self.keyed.append(k)  # order no longer matters: look-ups go through by_index and the blocks
        self.by_index[index] = k
        self.toll[index] = ev.fatalities
        for block in self._member_of(k):
            if block not in self.blocks:
                self.blocks[block].finish()  # a new block: kept sorted from its first report
        self._file(k)
        if self._finders is not None:
            self._add_finder(k)

    def remove(self, index: int) -> None:
        """Take a report added with :meth:`add` out of the blocks (its stored version changed)."""
        k = self.by_index.pop(index)
        self.keyed.remove(k)
        for block in self._member_of(k):
            self.blocks[block].remove(k)
        if self._finders is not None:
            for block, window, loose in self._finder_of(k):
                self._finders[block][(window, loose)].remove(k)
        del self.toll[index]

    def _finder_of(self, k: Keyed) -> list[tuple[Block, int, bool]]:
        """The blocks a report looks in, as the reverse index files it: a report without a country
        looks in the signature blocks of every country, filed once under the country ``"*"``."""
        out = [b for b in self._looks_in(k) if not (b[0][0] == "sig" and k.country is None)]
        if k.interval is not None and k.country is None:
            out += [(("sig", k.family, "*", sig), SIGNATURE_GAP_DAYS if k.interval[0] == k.interval[1] else 0, True)
                    for sig in k.signatures]
        return out

    def _add_finder(self, k: Keyed) -> None:
        assert self._finders is not None
        for block, window, loose in self._finder_of(k):
            sweep = self._finders[block].get((window, loose))
            if sweep is None:
                sweep = self._finders[block][(window, loose)] = _Sweep()
                sweep.finish()
            sweep.add(k)

    def _member_of(self, k: Keyed) -> list[Block]:
        """The blocks a report is put in."""
        day = k.interval is not None and k.interval[0] == k.interval[1]
        out: list[Block] = []
        if k.yearly:
            pass  # only in its signature blocks
        elif k.level == "point":
            if k.lat is not None and k.lon is not None:
                cell = _cell(k.lat, k.lon)
                out.append(("cell", k.family, cell))
                toll = self.toll.get(k.index)
                if day and toll:
                    out.append(("toll", k.family, cell, toll))
            elif k.admin2:
                out.append(("a2", k.family, k.country, k.admin2))
            if k.admin1:
                out.append(("a1all", k.family, k.country, k.admin1))
        elif k.level == "admin1":
            out.append(("a1all", k.family, k.country, k.admin1))
            out.append(("a1lvl", k.family, k.country, k.admin1))
        elif k.level == "country":
            out.append(("ctry", k.family, k.country))
        elif day:
            out.append(("none", k.family))
        if k.interval is not None:
            out += [("sig", k.family, k.country, sig) for sig in k.signatures]
        return out

    def _looks_in(self, k: Keyed) -> list[tuple[Block, int, bool]]:
        """The blocks a report looks in: (block, window in days, whether places need only agree loosely)."""
        day = k.interval is not None and k.interval[0] == k.interval[1]
        window = self.plain_gap_days if day else 0
        out: list[tuple[Block, int, bool]] = []
        if k.yearly:
            pass  # only in the signature blocks of its kinds
        elif k.level == "point":
            if k.lat is not None and k.lon is not None:
                cy, cx = _cell(k.lat, k.lon)
                toll = self.toll.get(k.index)
                for dy in (-1, 0, 1):
                    for dx in (-1, 0, 1):
                        out.append((("cell", k.family, (cy + dy, cx + dx)), window, False))
                        if day and toll:
                            out.append((("toll", k.family, (cy + dy, cx + dx), toll), self.max_gap_days, False))
            elif k.admin2:
                out.append((("a2", k.family, k.country, k.admin2), window, False))
            if k.admin1 and k.interval is not None:
                out.append((("a1lvl", k.family, k.country, k.admin1), window, False))
        elif k.level == "admin1" and k.interval is not None:
            out.append((("a1all", k.family, k.country, k.admin1), window, False))
        elif k.level == "country" and day:
            out.append((("ctry", k.family, k.country), window, False))
        elif k.level == "none" and day:
            out.append((("none", k.family), window, False))
        if k.interval is not None:
            for sig in k.signatures:
                # a report with no country looks in every country's block; the others in their own and in
                # the no-country one
                countries = self.sig_countries[(k.family, sig)] if k.country is None else (k.country, None)
                for c in countries:
                    out.append((("sig", k.family, c, sig), SIGNATURE_GAP_DAYS if day else 0, True))
        return out

    def _pairs(self, k: Keyed, o: Keyed, window: int, loose: bool) -> bool:
        """Whether ``k``, looking with ``window`` in a block holding ``o``, finds it."""
        if o.index == k.index or (o.interval is None) != (k.interval is None):
            return False
        if k.interval is not None and o.interval is not None and interval_gap(k.interval, o.interval) > window:
            return False
        return places_agree(k, o) if loose else places_compatible(k, o, self.max_km)

    def found_by(self, i: int) -> set[int]:
        """The reports report ``i`` finds in the blocks it looks in."""
        k = self.by_index.get(i)
        if k is None:
            return set()
        out: set[int] = set()
        for block, window, loose in self._looks_in(k):
            sweep = self.blocks.get(block)
            if sweep is None:
                continue
            others = sweep.near(k.interval, window) if k.interval is not None else sweep.undated[: self.undated_cap]
            out.update(j for j in others if j not in out and self._pairs(k, self.by_index[j], window, loose))
        return out

    def finders_of(self, i: int) -> set[int]:
        """The reports that find report ``i`` (the reverse of :meth:`found_by`)."""
        o = self.by_index.get(i)
        if o is None:
            return set()
        if self._finders is None:  # per block, the reports that look in it, by how they look
            self._finders = defaultdict(dict)
            for k in self.keyed:
                for block, window, loose in self._finder_of(k):
                    self._finders[block].setdefault((window, loose), _Sweep()).add(k)
            for by_way in self._finders.values():
                for sweep in by_way.values():
                    sweep.finish()
        out: set[int] = set()
        for block in self._member_of(o):
            ways: list[tuple[tuple[int, bool], _Sweep]] = list(self._finders.get(block, {}).items())
            if block[0] == "sig":  # and the reports without a country that look in every country's block
                ways.extend(self._finders.get(("sig", block[1], "*", block[3]), {}).items())
            for (window, loose), finders in ways:
                if o.interval is not None:
                    candidates: Iterable[int] = finders.near(o.interval, window)
                elif o.index in self.blocks[block].undated[: self.undated_cap]:
                    candidates = finders.undated
                else:
                    continue
                out.update(j for j in candidates if self._pairs(self.by_index[j], o, window, loose))
        return out

    def partners(self, i: int) -> set[int]:
        """Every report that forms a candidate pair with report ``i``."""
        return self.found_by(i) | self.finders_of(i)

    def pairs(self, only_with: set[int] | None = None, part: tuple[int, int] = (0, 1)) -> set[tuple[int, int]]:
        """Candidate index pairs (i < j); ``only_with``: those that reports in it find. ``part`` ``(k, n)``: the pairs
        owned by the ``k``-th of ``n`` runs of consecutive indexes (the resolver's reports come in time order, so few
        pairs cross two runs): a pair inside a run is the run's; a pair across two runs is owned by the lower report's
        run when that report finds the other, else by the higher's. The ``n`` parts hold every pair exactly once."""
        out: set[tuple[int, int]] = set()
        k_part, n_parts = part
        size = max(self.by_index, default=-1) + 1
        lo, hi = k_part * size // n_parts, (k_part + 1) * size // n_parts
        for k in self.keyed:
            i = k.index
            if (only_with is not None and i not in only_with) or not lo <= i < hi:
                continue  # pairs among existing reports were decided before
            for j in self.found_by(i):
                if i < j:
                    out.add((i, j))
                elif j >= lo or not ((only_with is None or j in only_with) and self.finds(j, i)):
                    out.add((j, i))
        return out

    def finds(self, i: int, j: int) -> bool:
        """Does report ``i``, looking in its blocks, find report ``j`` (``j in found_by(i)``, without the rest)?"""
        k, o = self.by_index.get(i), self.by_index.get(j)
        if k is None or o is None or i == j:
            return False
        member = set(self._member_of(o))
        for block, window, loose in self._looks_in(k):
            if block not in member:
                continue
            if k.interval is None and j not in self.blocks[block].undated[: self.undated_cap]:
                continue
            if self._pairs(k, o, window, loose):
                return True
        return False


def candidate_pairs(
    events: Sequence[Event],
    *,
    only_with: set[int] | None = None,
    max_gap_days: int = MAX_GAP_DAYS,
    plain_gap_days: int = PLAIN_GAP_DAYS,
    max_km: float = MAX_KM,
    undated_cap: int = 200,
    signatures_of: Sequence[frozenset[str]] | None = None,
) -> set[tuple[int, int]]:
    """Index pairs (i < j) of reports that may describe one incident.

    Day-precise reports are swept with a window of ``plain_gap_days``; the wide window
    (``max_gap_days``) is used only inside *toll blocks* (the same grid cell and the same specific
    death toll), the only pairs the matcher lets bridge several days. Reports dated vaguer than a
    day pair only with reports whose interval overlaps theirs, and only when located (province or
    better). ``only_with``: when given, keep only pairs with at least one index in it (incremental
    mode: the new reports against each other and against the loaded existing ones).
    ``signatures_of``: each report's signatures when the caller has them already.
    """
    return Blocking(
        events, max_gap_days=max_gap_days, plain_gap_days=plain_gap_days, max_km=max_km,
        undated_cap=undated_cap, signatures_of=signatures_of,
    ).pairs(only_with)
