"""A toll told place by place ("killed five people in Douma and three in Harasta") is one event per place, each with
its own share: ACLED codes one event per location, and neither place's toll is the other's (nor their total)."""
from __future__ import annotations

import pytest

from sitrep.extract import extract


def _by_place(text: str) -> dict[str, int | None]:
    events = [e for e in extract(text, "2014-11-21") if e.event_type != "Diplomacy"]
    return {e.location.name: e.fatalities for e in events if e.location is not None}


@pytest.mark.parametrize(("text", "want"), [
    ("Shelling killed five people in Douma and three in Harasta on Friday.", {"Dūmā": 5, "Harasta": 3}),
    ("Regime shelling killed five people in Douma on Friday and three others in Harasta.",
     {"Dūmā": 5, "Harasta": 3}),
    ("Regime shelling killed eight people on Friday, five in Douma and three in Harasta.",
     {"Dūmā": 5, "Harasta": 3}),
    ("Air strikes killed 12 people in Saraqib, eight in Binnish and two in Ariha on Friday, activists said.",
     {"Saraqib": 12, "Binnish": 8, "Ariha": 2}),
    ("Regime shelling killed five people in Douma and killed three in Harasta on Friday.", {"Dūmā": 5, "Harasta": 3}),
    ("Jets pounded rebel towns on Friday, killing 12 people in Saraqib and killing at least four in Binnish.",
     {"Saraqib": 12, "Binnish": 4}),
    ("Rebel rockets killed two civilians in Fuaa, and left three dead in Kafraya on Friday.",
     {"Al-Fuaa": 2, "Kafraya": 3}),
])
def test_each_place_gets_its_share(text: str, want: dict[str, int]) -> None:
    assert _by_place(text) == want


@pytest.mark.parametrize("text", [
    "Shelling killed five people in Douma and wounded three in Harasta on Friday.",   # the second figure is no death
    "A car bomb killed five people in Azaz on Friday.",
    "Barrel bombs dropped on the towns of Al Bab and Manbij on Friday killed 35 civilians.",   # no breakdown
])
def test_no_breakdown_no_shares(text: str) -> None:
    got = _by_place(text)
    assert sum(v or 0 for v in got.values()) == next(v for v in got.values() if v is not None)


def test_metamorphic_total_first_or_not() -> None:
    a = _by_place("Shelling killed five people in Douma and three in Harasta on Friday.")
    b = _by_place("Shelling killed eight people on Friday, five in Douma and three in Harasta.")
    assert a == b
