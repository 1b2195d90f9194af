""""Strikes on <a place or target>" are air strikes told by their target, and a second one in the same sentence or the
next is a report of its own; a general, hunger or workers' strike and a missile strike are not air strikes."""
from __future__ import annotations

import pytest

from sitrep.extract import extract


def _events(text: str):
    return [e for e in extract(text, "2014-11-21") if e.event_type != "Diplomacy"]


@pytest.mark.parametrize("text", [
    "Air strikes on Saraqib killed 12 people and strikes on Binnish killed eight on Friday.",
    "Air strikes on Saraqib killed 12 people on Friday, while strikes on Binnish killed eight.",
    "Air strikes on Saraqib killed 12 people on Friday. Strikes on Binnish killed eight.",
])
def test_a_second_strike_on_another_town_is_its_own_report(text: str) -> None:
    got = {(e.location.name, e.fatalities, e.sub_event_type) for e in _events(text) if e.location is not None}
    assert got == {("Saraqib", 12, "Air/drone strike"), ("Binnish", 8, "Air/drone strike")}


@pytest.mark.parametrize("text", [
    "A strike on a market in Maarat al-Numan killed 15 people on Friday.",
    "Strikes on rebel positions near Latamneh killed 9 fighters on Friday.",
    "A strike on Kafr Nabl killed four people on Friday, activists said.",
])
def test_a_strike_on_a_target_is_an_air_strike(text: str) -> None:
    assert [e.sub_event_type for e in _events(text)] == ["Air/drone strike"]


@pytest.mark.parametrize(("text", "sub"), [
    ("Workers held a general strike on Monday in Damascus.", "Peaceful protest"),
    ("A missile strike on Shayrat airbase killed six soldiers on Friday.", "Shelling/artillery/missile attack"),
    ("Prisoners began a hunger strike on Friday in Hama.", "Other"),
])
def test_other_strikes_are_not_air_strikes(text: str, sub: str) -> None:
    assert [e.sub_event_type for e in _events(text)] == [sub]
