""""Eliminated" is how a ministry says killed: an air strike only where aircraft do it; troops who eliminated
fighters fought them (the same event as "killed"), and a civilian eliminated by gunmen is an attack."""
from __future__ import annotations

import pytest

from sitrep.extract import extract


def _one(text: str):
    events = [e for e in extract(text, "2017-04-09") if e.event_type != "Diplomacy"]
    assert len(events) == 1, [(e.sub_event_type, e.evidence.text) for e in events]
    return events[0]


@pytest.mark.parametrize("text", [
    "Kurdish-led Syrian Democratic Forces (SDF) eliminated 12 Islamic State militants near the northern town of "
    "Al Tabqah, media reported Sunday.",
    "Iraqi troops eliminated 20 Daesh terrorists near Mosul on Saturday.",
    "Government forces eliminated 15 militants in the outskirts of Deir ez-Zor on Saturday.",
])
def test_ground_forces_that_eliminated_fighters_fought_them(text: str) -> None:
    ev = _one(text)
    assert (ev.event_type, ev.sub_event_type) == ("Battles", "Armed clash")
    assert _one(text.replace("eliminated", "killed")).sub_event_type == ev.sub_event_type  # metamorphic


@pytest.mark.parametrize("text", [
    "Russian aviation eliminated 30 militants near Palmyra on Saturday.",
    "Syrian government warplanes eliminated 20 terrorists in the outskirts of Deir ez-Zor on Saturday.",
    "The Russian Aerospace Forces eliminated 40 militants near Palmyra on Saturday, the ministry said.",
])
def test_aircraft_that_eliminated_fighters_struck_from_the_air(text: str) -> None:
    assert _one(text).sub_event_type == "Air/drone strike"


def test_a_civilian_eliminated_by_gunmen_is_an_attack() -> None:
    assert _one("Gunmen eliminated a village elder in Hama on Saturday.").sub_event_type == "Attack"
