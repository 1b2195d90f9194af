"""One sentence that tells acts at distinct places gives one event per (type, place), each with only the toll
the text ties to it; a single act told with several places stays one report (issue #12)."""

from __future__ import annotations

import pytest

from sitrep import extract


def _violent(text: str) -> list[tuple[str, str, int | None]]:
    return sorted(((e.event_type, (e.location.admin1 or "") if e.location else "", e.fatalities)
                   for e in extract(text, published="2020-05-06") if e.event_type != "Diplomacy"),
                  key=lambda t: (t[1], t[0]))


@pytest.mark.parametrize("text, expected", [
    ("On Monday, Russian warplanes struck Kafranbel, killing six civilians, and regime forces shelled Douma, "
     "killing three.",
     [("Explosions/Remote violence", "Idlib", 6), ("Explosions/Remote violence", "Rural Damascus", 3)]),
    ("On Tuesday, gunmen killed two farmers in Saraqeb, as fierce clashes raged in Daraa.",
     [("Battles", "Dar'a", None), ("Violence against civilians", "Idlib", 2)]),
    ("On Sunday, a car bomb exploded in Azaz, killing 12 people, while jets bombed Ariha, killing four.",
     [("Explosions/Remote violence", "Aleppo", 12), ("Explosions/Remote violence", "Idlib", 4)]),
    ("On Monday, a roadside bomb killed five soldiers in Mosul, and gunmen attacked a checkpoint in Kirkuk.",
     [("Explosions/Remote violence", "Ninewa", 5), ("Battles", "Kirkuk", None)]),
])
def test_acts_at_distinct_places_are_events_of_their_own(text: str, expected: list[tuple[str, str, int | None]]) \
        -> None:
    got = [(t, a.replace("’", "'"), n) for t, a, n in _violent(text)]
    assert sorted(got, key=lambda t: t[1]) == sorted(expected, key=lambda t: t[1]), (text, got)


@pytest.mark.parametrize("text, n", [
    # a route, a place and its countryside, a place and its province: one act
    ("On Monday, rebels advanced from Khan Touman to Zerbeh and killed ten soldiers.", 10),
    ("On Monday, warplanes struck Aleppo and its countryside, killing nine people.", 9),
    ("On Monday, regime forces shelled Saraqeb in Idlib province, killing four civilians and wounding ten.", 4),
    # a list of places the act names after its verb, and a further toll of the same strikes (one report, its
    # figures summed)
    ("On Monday, jets targeted the town of Kafranbel and the Ariha area with barrel bombs, killing seven.", 7),
    ("On Monday, 30 people were killed in strikes on Saraqeb and another 12 were killed in Ariha.", 42),
])
def test_one_act_with_several_places_keeps_one_toll(text: str, n: int) -> None:
    # the toll is told once: on one event, never copied to a second
    tolls = [t for _, _, t in _violent(text)]
    assert tolls.count(n) == 1 and all(t is None or t == n for t in tolls), (text, _violent(text))
