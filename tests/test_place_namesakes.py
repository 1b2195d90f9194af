"""A town the text places in a country or province, but that the gazetteer only knows abroad, is not the namesake."""
from __future__ import annotations

import pytest

from sitrep.extract.places import find_places


def _where(text: str, mention: str) -> tuple[str | None, str | None]:
    m = next(m for m in find_places(text) if m.mention == mention)
    return (m.place.country, m.place.precision) if m.place is not None else (None, None)


@pytest.mark.parametrize("text", [
    "Gunmen killed 30 villagers in Solhan, Burkina Faso, on Friday.",
    "Gunmen killed 30 villagers in Solhan in northern Burkina Faso on Friday.",
    "Gunmen killed 30 villagers in the Burkina Faso village of Solhan on Friday.",
    "Gunmen killed 30 villagers in Solhan, in Burkina Faso's Yagha province, on Friday.",
    "Soldiers were ambushed near Solhan, Burkina Faso late on Saturday.",
])
def test_a_town_the_text_places_in_another_country_is_not_the_foreign_namesake(text):
    assert _where(text, "Solhan") == ("BF", "country")


@pytest.mark.parametrize("text, mention, country", [
    ("Militants attacked a church in Kaya, Burkina Faso, on Sunday, killing five worshippers.", "Kaya", "BF"),
    ("Regime forces shelled Douma, Syria on Monday.", "Douma", "SY"),
    ("In Aleppo, Russian jets bombed a market.", "Aleppo", "SY"),          # a country adjective names who acts
    ("Fighting in Tal Abyad, Turkey said, killed five.", "Tal Abyad", "SY"),  # a speaker, not where
    ("Clashes in Tal Abyad, Turkey's defence ministry said.", "Tal Abyad", "SY"),
])
def test_a_town_in_the_named_country_or_followed_by_a_speaker_keeps_its_place(text, mention, country):
    c, precision = _where(text, mention)
    assert c == country and precision == "point"


@pytest.mark.parametrize(("text", "town", "province"), [
    ("Israeli forces shelled Rafah in Gaza on Tuesday, killing three Palestinians.", "Rafah", "Gaza Strip"),
    ("Israeli forces killed three Palestinians in shelling on Rafah, Gaza, on Tuesday.", "Rafah", "Gaza Strip"),
    ("Regime forces shelled Kafr Nabl, Idlib province, on Monday.", "Kafr Nabl", "Idlib"),
    ("Regime helicopters dropped barrel bombs on Saraqib in Idlib on Monday.", "Saraqib", "Idlib"),
])
def test_a_town_s_province_named_after_it_is_the_province_not_its_city(text, town, province):
    places = {m.mention: m.place for m in find_places(text)}
    name = next(k for k in places if province.split()[0] in k)
    assert places[name] is not None and places[name].precision == "admin1"
    assert places[town] is not None and places[town].precision == "point"


def test_a_province_s_city_that_goes_on_a_list_is_the_city():
    places = {m.mention: m.place for m in find_places("Regime aircraft bombed Saraqib, Idlib and Ariha on Monday.")}
    assert places["Idlib"] is not None and places["Idlib"].precision == "point"


@pytest.mark.parametrize(("text", "town"), [
    ("Regime forces shelled Douma in Damascus on Monday.", "Dūmā"),
    ("Rockets hit Jobar in Damascus on Monday, killing two people.", "Jobar"),
    ("Government aircraft bombed Harasta in Damascus on Monday.", "Harasta"),
])
def test_a_town_the_city_after_it_qualifies_is_the_event_s_place(text, town):
    from sitrep.extract import extract

    events = [e for e in extract(text, "2020-06-10") if e.event_type != "Diplomacy"]
    assert [e.location.name for e in events if e.location is not None] == [town]
