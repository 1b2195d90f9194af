"""Candidate look-ups per report (``resolve.blocking.Blocking``): the same pairs as pairing every report.

The ingest path searches the component around a batch's reports with :meth:`Blocking.partners` instead
of pairing every report it loaded (issue #18: the cost follows the component, not the store). A report
finds others with its own window and cap, so a pair may be found from one side only; ``partners`` must
give both sides. Reports are self-written.
"""

from __future__ import annotations

import itertools
import random

import pytest

from sitrep.records import Event, Evidence, Place
from sitrep.resolve.blocking import Blocking, candidate_pairs
from sitrep.resolve.incidents import matched_component

ALEPPO = Place("Aleppo", "SY", "Aleppo", "Jabal Saman", 36.20, 37.16, None, "point", mention="Aleppo")
ATAREB = Place("Atareb", "SY", "Aleppo", "Jabal Saman", 36.14, 36.83, None, "point", mention="Atareb")
IDLIB = Place("Idlib", "SY", "Idlib", None, None, None, None, "admin1", mention="Idlib province")
SYRIA = Place("Syria", "SY", None, None, None, None, None, "country", mention="Syria")
MOSUL = Place("Mosul", "IQ", "Nineveh", "Mosul", 36.34, 43.13, None, "point", mention="Mosul")
NOWHERE = None

SENTENCES = [
    "An air strike on the market killed 12 people, rescuers said.",
    "Shelling hit a residential district, killing 12 civilians.",
    "A chemical attack on the town left dozens dead.",
    "Clashes between government forces and rebels killed five fighters.",
    "A car bomb exploded near a checkpoint, killing 12.",
    "Gunmen attacked a convoy carrying aid on the road.",
]
TYPES = [
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Chemical weapon"),
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Violence against civilians", "Attack"),
]
# a day, days two and three apart (the plain and the signature windows), a week, a month, a year, none
DATES = [("2016-03-14", "day"), ("2016-03-16", "day"), ("2016-03-17", "day"), ("2016-W11", "week"),
         ("2016-03", "month"), ("2016", "year"), (None, "unknown")]
PLACES = [ALEPPO, ATAREB, IDLIB, SYRIA, MOSUL, NOWHERE]


def report(n: int, sentence: int, date: int, place: int, toll: int | None) -> Event:
    text = SENTENCES[sentence]
    event_type, sub = TYPES[sentence]
    value, precision = DATES[date]
    doc = f"doc{n}"
    return Event(doc_id=doc, event_id=Event.make_id(doc, 0, len(text), event_type), event_type=event_type,
                 sub_event_type=sub, date=value, date_precision=precision,  # type: ignore[arg-type]
                 evidence=Evidence(text, 0, len(text)), location=PLACES[place], fatalities=toll)


def every_kind() -> list[Event]:
    """One report of every sentence x date x place, with and without a toll."""
    out = []
    for n, (s, d, p, t) in enumerate(itertools.product(range(len(SENTENCES)), range(len(DATES)),
                                                       range(len(PLACES)), (None, 12))):
        out.append(report(n, s, d, p, t))
    return out


def adjacency(pairs: set[tuple[int, int]]) -> dict[int, set[int]]:
    adj: dict[int, set[int]] = {}
    for i, j in pairs:
        adj.setdefault(i, set()).add(j)
        adj.setdefault(j, set()).add(i)
    return adj


@pytest.mark.parametrize("cap", [200, 3])  # 3: the undated cap cuts the undated reports of a block
def test_partners_are_the_pairs_of_every_report(cap: int) -> None:
    events = every_kind()
    index = Blocking(events, undated_cap=cap)
    pairs = index.pairs()
    assert pairs == candidate_pairs(events, undated_cap=cap)
    adj = adjacency(pairs)
    for i in range(len(events)):
        assert index.partners(i) == adj.get(i, set()), events[i]
    # the table holds pairs that only one side finds, so the reverse look-up is exercised
    one_sided = [(i, j) for i, j in pairs if (j in index.found_by(i)) != (i in index.found_by(j))]
    assert one_sided


def test_one_sided_pairs_of_each_kind() -> None:
    """A day finds a week or a month two days off with its wider window; a country-level day finds a
    month in that country; the month never looks. Both show up as partners of the month."""
    day = report(0, 3, 1, 0, None)  # clashes in Aleppo on 16 March
    week = report(1, 3, 3, 0, None)  # clashes in Aleppo in week 11 (14-20 March)
    country_day = report(2, 3, 0, 3, None)  # clashes in Syria on 14 March
    country_month = report(3, 3, 4, 3, None)  # clashes in Syria in March
    index = Blocking([day, week, country_day, country_month])
    assert 3 in index.found_by(2) and 2 not in index.found_by(3)
    assert index.partners(3) == {2} and 3 in index.partners(2)
    assert index.partners(1) >= {0}


def test_matched_component_is_the_component_of_all_pairs() -> None:
    rng = random.Random(18)
    events = [report(n, rng.randrange(len(SENTENCES)), rng.randrange(len(DATES)), rng.randrange(len(PLACES)),
                     rng.choice((None, 12, 5))) for n in range(300)]
    adj = adjacency(candidate_pairs(events))
    for seed in range(0, 300, 37):
        got = matched_component(events, [seed])
        assert seed in got or events[seed].generic
        # every report reached is a candidate partner of another reached one (or the seed)
        assert all(i == seed or adj.get(i, set()) & got for i in got)
