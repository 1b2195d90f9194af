"""Bombs a state's forces dropped are air strikes by those forces; bombs set off on the ground stay IEDs. The forces
are named by their country's adjective on the weapon or aircraft ("Russian bombs", "Ethiopian airstrikes")."""
from __future__ import annotations

import pytest

from sitrep.extract import extract


def _one(text: str):
    events = [e for e in extract(text, "2020-06-10") if e.event_type != "Diplomacy"]
    assert len(events) == 1, [e.to_dict() for e in events]
    return events[0]


@pytest.mark.parametrize(("text", "actor"), [
    ("Russian bombs killed 12 civilians in Maarat al-Numan on Monday.", "Military Forces of Russia"),
    ("Israeli bombs killed five people in Gaza City on Tuesday.", "Military Forces of Israel"),
    ("Regime bombs killed five people in Douma on Tuesday.", "Military Forces of Syria (2000-2024)"),
    ("Ethiopian airstrikes killed 30 people in Mekelle on Sunday.", "Military Forces of Ethiopia (2018-)"),
])
def test_a_state_s_bombs_are_its_air_strike(text: str, actor: str) -> None:
    ev = _one(text)
    assert (ev.event_type, ev.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert ev.actor1 is not None and ev.actor1.name == actor


@pytest.mark.parametrize("text", [
    "Two bombs killed 20 people at a market in Baghdad on Friday.",
    "Bombs planted by militants killed four soldiers in Kirkuk on Monday.",
    "Car bombs killed 15 people near the mosque in Mogadishu on Friday.",
])
def test_bombs_set_off_on_the_ground_stay_explosive_devices(text: str) -> None:
    ev = _one(text)
    assert ev.sub_event_type == "Remote explosive/landmine/IED"


@pytest.mark.parametrize(("text", "actor"), [
    ("Turkish artillery shelled Kurdish positions near Afrin on Monday.", "Military Forces of Turkey"),
    ("Kenyan helicopters struck al Shabaab positions near Kismayo on Sunday.", "Military Forces of Kenya (2013-2022)"),
    ("Nigerian air strikes killed 20 militants near Maiduguri on Monday.", "Military Forces of Nigeria (2015-2023)"),
])
def test_a_country_s_aircraft_or_guns_name_its_forces(text: str, actor: str) -> None:
    ev = _one(text)
    assert ev.actor1 is not None and ev.actor1.name == actor


@pytest.mark.parametrize(("text", "sub"), [
    ("Kenyan helicopters struck al Shabaab positions near Kismayo on Sunday.", "Air/drone strike"),
    ("Government helicopters struck rebel positions near Kafr Nabl on Monday.", "Air/drone strike"),
    ("A glide bomb hit a residential building in Kharkiv on Monday, killing four people.", "Air/drone strike"),
    ("Turkish artillery shelled Kurdish positions near Afrin on Monday.", "Shelling/artillery/missile attack"),
])
def test_the_means_a_clause_names_keep_their_sub_type(text: str, sub: str) -> None:
    assert _one(text).sub_event_type == sub
