"""An aircraft or drone brought down is a weapon disrupted, told actively or passively, and the crew who died
with it are its outcome, not a second happening (merged-branch fix: artrec3's 'shot down' exclusion)."""

from __future__ import annotations

import pytest

from sitrep.extract import extract


def _types(text: str) -> list[tuple[str, str | None]]:
    return [(e.event_type, e.sub_event_type) for e in extract(text, "2016-11-11", source="t")]


DISRUPTED = ("Strategic developments", "Disrupted weapons use")


@pytest.mark.parametrize("text", [
    "Rebels shot down a Syrian army helicopter near Hama on Tuesday, killing its two pilots.",
    "Militants downed a military jet near Raqqa, killing the pilot.",
    "Insurgents brought down a transport plane on Monday, killing all four crew.",
    "Two pilots died when their helicopter was shot down over the countryside of Hama, state media said.",
    "A drone was shot down over the air base on Friday, the ministry said.",
    "Two Russian jets were brought down near Palmyra.",
])
def test_an_aircraft_brought_down_is_a_weapon_disrupted_active_or_passive(text: str) -> None:
    assert _types(text) == [DISRUPTED]


@pytest.mark.parametrize("text", [
    "Troops seized weapons and killed two militants near Hama.",
    "Rebels shot down a drone and killed three soldiers in Hama.",
    "Soldiers shot dead two gunmen at a checkpoint in Hama.",
])
def test_a_killing_of_its_own_beside_a_disruption_still_types_the_sentence(text: str) -> None:
    assert DISRUPTED not in _types(text)


def test_the_same_shoot_down_told_actively_and_passively_is_one_kind() -> None:
    active = _types("Rebels shot down an army helicopter near Hama on Tuesday, killing its crew.")
    passive = _types("An army helicopter was shot down by rebels near Hama on Tuesday, killing its crew.")
    assert active == passive == [DISRUPTED]
