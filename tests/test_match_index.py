"""The ingest's long-lived index of reports (``resolve.index.MatchIndex``, issue #18) answers what the
stateless code answers over the same reports, however they arrived: the matched component around new
reports, the matched pairs a clustering uses, and so the incidents. Reports are self-written.
"""

from __future__ import annotations

import dataclasses
import random

from sitrep.records import Event, Evidence, Place
from sitrep.resolve import resolve_events
from sitrep.resolve.blocking import candidate_pairs
from sitrep.resolve.incidents import matched_component
from sitrep.resolve.index import MatchIndex
from sitrep.resolve.matching import THRESHOLD, match_score, profile

HOMS = Place("Homs", "SY", "Homs", "Homs", 34.73, 36.72, None, "point", mention="Homs")
TALBISEH = Place("Talbiseh", "SY", "Homs", "Al-Rastan", 34.84, 36.73, None, "point", mention="Talbiseh")
DARAA = Place("Daraa", "SY", "Daraa", None, None, None, None, "admin1", mention="Daraa province")
SYRIA = Place("Syria", "SY", None, None, None, None, None, "country", mention="Syria")
KIRKUK = Place("Kirkuk", "IQ", "Kirkuk", "Kirkuk", 35.47, 44.39, None, "point", mention="Kirkuk")
PLACES = [HOMS, TALBISEH, DARAA, SYRIA, KIRKUK, None]

SENTENCES = [
    ("Warplanes bombed a bakery in the town, killing 9 people.", "Explosions/Remote violence", "Air/drone strike"),
    ("Mortar rounds fell on a school, killing 9 children.", "Explosions/Remote violence",
     "Shelling/artillery/missile attack"),
    ("Residents said a gas attack left many choking.", "Explosions/Remote violence", "Chemical weapon"),
    ("Rebels and army troops fought for the hill, leaving four fighters dead.", "Battles", "Armed clash"),
    ("A roadside bomb hit a minibus, killing 9 passengers.", "Explosions/Remote violence",
     "Remote explosive/landmine/IED"),
    ("Hundreds marched against the siege in the square.", "Protests", "Peaceful protest"),
]
DATES = [("2015-06-02", "day"), ("2015-06-03", "day"), ("2015-06-05", "day"), ("2015-W23", "week"),
         ("2015-06", "month"), ("2015", "year"), (None, "unknown")]


def report(n: int, rng: random.Random) -> Event:
    text, event_type, sub = SENTENCES[rng.randrange(len(SENTENCES))]
    value, precision = DATES[rng.randrange(len(DATES))]
    doc = f"page{n // 3}"  # three reports a page: two of one page may end in one incident
    return Event(doc_id=doc, event_id=Event.make_id(doc, n, n + len(text), event_type), event_type=event_type,
                 sub_event_type=sub, date=value, date_precision=precision,  # type: ignore[arg-type]
                 evidence=Evidence(text, n, n + len(text)), location=PLACES[rng.randrange(len(PLACES))],
                 fatalities=rng.choice((None, 9, 4)), generic=rng.random() < 0.05)


def matched(events: list[Event]) -> list[tuple[float, int, int]]:
    profiles = [profile(i, ev) for i, ev in enumerate(events)]
    out = [(s, i, j) for i, j in candidate_pairs(events)
           if (s := match_score(profiles[i], profiles[j])) >= THRESHOLD]
    return sorted(out)


def by_id(events: list[Event]) -> list[Event]:
    return sorted({e.event_id: e for e in events}.values(), key=lambda e: e.event_id)


def test_component_and_pairs_as_the_stateless_code_however_the_reports_arrived() -> None:
    rng = random.Random(18)
    events = [report(n, rng) for n in range(360)]
    index = MatchIndex()
    for batch in range(8):  # pools that overlap, as consecutive ingest batches load
        pool = by_id(rng.sample(events, 150))
        index.sync(pool)
        at = {e.event_id: i for i, e in enumerate(pool)}
        seeds = [e.event_id for e in rng.sample(pool, 6)]
        want = {pool[i].event_id for i in matched_component(pool, [at[s] for s in seeds])}
        assert index.component({e.event_id: e for e in pool}, seeds) == want, batch
        assert sorted(index.matched_pairs(pool)) == matched(pool), batch
    assert len(index) > 150  # reports of earlier pools are kept and leave the answers unchanged


def test_a_rewritten_report_is_indexed_again() -> None:
    """The same event id with another place, date or toll (its document was ingested again)."""
    rng = random.Random(7)
    events = by_id([report(n, rng) for n in range(200)])
    index = MatchIndex()
    index.sync(events)
    changes = [
        lambda e: dataclasses.replace(e, location=KIRKUK if e.location != KIRKUK else HOMS),
        lambda e: dataclasses.replace(e, date="2015-06-04", date_precision="day"),
        lambda e: dataclasses.replace(e, fatalities=30),
        lambda e: dataclasses.replace(e, date=None, date_precision="unknown"),
    ]
    for k, change in enumerate(changes):
        events = by_id([change(e) if rng.random() < 0.3 else e for e in events])
        index.sync(events)
        assert sorted(index.matched_pairs(events)) == matched(events), k
        seeds = [events[i].event_id for i in (0, 50, 120)]
        want = {events[i].event_id for i in matched_component(events, [0, 50, 120])}
        assert index.component({e.event_id: e for e in events}, seeds) == want, k


def test_a_full_index_starts_again_with_the_same_answers() -> None:
    rng = random.Random(3)
    events = [report(n, rng) for n in range(300)]
    index = MatchIndex(limit=120)
    for _ in range(4):
        pool = by_id(rng.sample(events, 100))
        index.sync(pool)
        assert len(index) <= 120
        assert sorted(index.matched_pairs(pool)) == matched(pool)


def test_incidents_are_the_same_with_the_index() -> None:
    rng = random.Random(11)
    events = by_id([report(n, rng) for n in range(240)])
    index = MatchIndex()
    index.sync(events[:100])  # part of the reports seen by an earlier batch
    want = resolve_events(events)
    assert resolve_events(events, memo=index) == want
    assert resolve_events(events, memo=index) == want  # the incidents kept from the run before
    moved = [dataclasses.replace(e, fatalities=40) if n % 7 == 0 else e for n, e in enumerate(events)]
    assert resolve_events(moved, memo=index) == resolve_events(moved)  # rewritten reports: built again


def test_the_blocks_of_some_reports_kept_are_those_of_the_same_reports_keyed_again() -> None:
    """An index taking reports out keeps the blocks of the rest (``Blocking.subset``) instead of keying them
    again: the candidate pairs are the same."""
    from sitrep.resolve.blocking import Blocking

    rng = random.Random(5)
    events = [report(n, rng) for n in range(200)]
    dated = [i for i, e in enumerate(events) if not e.generic and e.date is not None]
    kept = dated[len(dated) // 3:]
    whole = Blocking(events)
    part = whole.subset([i for i in kept if i in whole.by_index])
    again = Blocking([events[i] for i in kept])
    renumber = {n: i for n, i in enumerate(kept)}
    assert sorted(part.pairs()) == sorted((renumber[a], renumber[b]) for a, b in again.pairs())
