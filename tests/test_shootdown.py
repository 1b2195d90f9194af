"""An aircraft brought down: a manned one is a clash between armed forces (its crew killed with it the clash's
toll), an unmanned drone or missile a weapon disrupted; active, passive or headline, one kind."""

from __future__ import annotations

import pytest

from sitrep.extract import extract


def _events(text: str) -> list[tuple[str, str | None, int | None]]:
    return [(e.event_type, e.sub_event_type, e.fatalities) for e in extract(text, "2016-11-11", source="t")]


CLASH = ("Battles", "Armed clash")
DISRUPTED = ("Strategic developments", "Disrupted weapons use")


@pytest.mark.parametrize(("text", "toll"), [
    ("Rebels shot down a Syrian army helicopter near Hama on Tuesday, killing its two pilots.", 2),
    ("Militants downed a military jet near Raqqa, killing its two crew members.", 2),
    ("Insurgents brought down a transport plane near Deir ez-Zor on Monday, killing all four crew.", 4),
    ("Two pilots died when their helicopter was shot down over the countryside of Hama, state media said.", 2),
    ("5 Killed as Russian Military Chopper Shot down in Syria", 5),
])
def test_a_manned_aircraft_brought_down_is_a_clash_and_its_crew_its_toll(text: str, toll: int) -> None:
    assert _events(text) == [(*CLASH, toll)]


@pytest.mark.parametrize("text", [
    "A drone was shot down over the air base on Friday, the ministry said.",
    "Air defences shot down two drones over Hama on Friday.",
    "Troops downed a Turkish UAV near Afrin.",
])
def test_an_unmanned_drone_brought_down_is_a_weapon_disrupted(text: str) -> None:
    assert [e[:2] for e in _events(text)] == [DISRUPTED]


@pytest.mark.parametrize("text", [
    "Troops seized weapons and killed two militants near Hama.",
    "Rebels shot down a drone and killed three soldiers in Hama.",
    "Soldiers shot dead two gunmen at a checkpoint in Hama.",
])
def test_a_killing_of_its_own_beside_a_disruption_still_types_the_sentence(text: str) -> None:
    assert DISRUPTED not in [e[:2] for e in _events(text)]


def test_a_drone_brought_down_leaves_the_killing_it_caused_to_itself() -> None:
    assert [e[:2] for e in _events("Air defences shot down a drone over Hama, killing two soldiers on the ground.")] \
        == [DISRUPTED]


def test_the_same_shoot_down_told_actively_and_passively_is_one_kind() -> None:
    active = _events("Rebels shot down an army helicopter near Hama on Tuesday, killing its crew.")
    passive = _events("An army helicopter was shot down by rebels near Hama on Tuesday, killing its crew.")
    assert [e[:2] for e in active] == [e[:2] for e in passive] == [CLASH]


@pytest.mark.parametrize("text", [
    "The spokesman said al-Nusra Front had executed an air force pilot in Jayrud after his plane was shot down.",
    "Militants beheaded the captured pilot two days after his jet was downed near Raqqa.",
    "Rebels killed the pilot of a helicopter that had been shot down over Hama on Friday.",
])
def test_a_killing_told_before_the_shoot_down_is_an_act_of_its_own(text: str) -> None:
    assert CLASH not in [e[:2] for e in _events(text)]


@pytest.mark.parametrize("text", [
    "Jaish al-Islam said it had shot down the plane near Jayrud on Friday. The group said the pilot was arrested and "
    "was subsequently killed by a fighter from the Nusra Front.",
    "Militants shot down an army helicopter near Hama on Friday. Its pilot was taken prisoner and later executed by "
    "the group.",
    "Gunmen ambushed an army patrol near Raqqa on Monday. A soldier they captured was later beheaded.",
])
def test_a_captive_killed_afterwards_is_an_act_of_its_own_not_the_toll_of_the_capture(text: str) -> None:
    events = _events(text)
    assert len(events) == 2
    assert events[0][2] in (None, 0)


def test_one_who_later_died_of_wounds_stays_the_toll_of_the_happening() -> None:
    events = _events("Rebels shelled an army post near Hama on Friday, wounding three soldiers. One of them later "
                     "died in hospital.")
    assert len(events) == 1


@pytest.mark.parametrize(("text", "kind"), [
    ("All five people on board a Russian military helicopter that was shot down over Syria on Monday are believed "
     "to have died, the Kremlin said.", CLASH),
    ("Three crew members died on a plane which was brought down near Palmyra.", CLASH),
    ("A drone which was shot down over the base on Friday carried explosives.", DISRUPTED),
])
def test_an_aircraft_brought_down_told_in_a_relative_clause_is_still_brought_down(text: str,
                                                                                  kind: tuple[str, str]) -> None:
    assert [e[:2] for e in _events(text)] == [kind]
