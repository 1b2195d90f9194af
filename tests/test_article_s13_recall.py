"""Session 13 (issue #12): article recall. All sentences are self-written.
"""

from __future__ import annotations

import pytest

from sitrep import extract
from tests.test_article_merge_s10 import _violent


def _acts(text: str, published: str = "2020-06-10") -> list[tuple[str, str | None, str | None]]:
    return sorted((e.event_type, e.sub_event_type, e.location.name if e.location is not None else None)
                  for e in _violent(text, published))


# --------------------------------------------------------------------------- an act told before a generic mention
@pytest.mark.parametrize("text,expected", [
    # the clause's highest trigger is hypothetical by its own words; the act told before it is reported
    ("A commander said scattered fighting was taking place along the Jobar axis and that his men moved back in "
     "case of another chemical attack.", [("Battles", "Armed clash", "Jobar")]),
    ("Regime helicopters dropped barrel bombs on Kafranbel on Sunday, and activists warned the army could use "
     "chemical weapons next.", [("Explosions/Remote violence", "Air/drone strike", "Kafranbel")]),
    ("Rebels clashed with troops near Morek on Tuesday to prevent a suicide bombing at the base.",
     [("Battles", "Armed clash", "Morek")]),
    ("Gunmen shot dead two shepherds near Hama on Monday, and the army may try to capture the village.",
     [("Violence against civilians", "Attack", "Ḩamāh")]),
])
def test_an_act_told_before_a_mention_generic_by_its_own_words_is_reported(
        text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _acts(text) == expected, (text, _acts(text))


@pytest.mark.parametrize("text", [
    # every act of the clause is hypothetical, future, or fled from: no event
    "Residents fled Saraqeb on Monday in case of a chemical attack.",
    "Clashes could erupt near Morek if the rebels try to capture the town.",
    "Jets would bomb Ariha before troops try to storm the town.",
    "The fighting in Daraa has stopped, and the army will not seize the town.",
    # an act under a threat told before the generic mention is no report either
    "Rebels were threatening to shell two villages with rockets if the army used barrel bombs again.",
    "The militants warned they would storm the prison with suicide bombers unless the chemical attacks stopped.",
])
def test_a_clause_generic_throughout_gives_no_event(text: str) -> None:
    assert _acts(text) == [], (text, _acts(text))


# --------------------------------------------------------------------------- a past act at a named area
def _background(text: str, lead: str = "On Monday, jets bombed Ariha. ") -> list[tuple[str, str | None, str]]:
    return sorted((e.event_type, e.date, e.location.name) for e in extract(lead + text, published="2020-05-06")
                  if e.event_type != "Diplomacy" and e.location is not None and e.location.name != "Ariha")


@pytest.mark.parametrize("text,expected", [
    ("Regime forces recaptured Eastern Ghouta in 2018.", [("Battles", "2018", "Eastern Ghouta")]),
    ("In 2014, Israeli jets struck targets in the Golan Heights.",
     [("Explosions/Remote violence", "2014", "Golan Heights")]),
    ("Jets bombed the Jobar district in 2017, killing ten.", [("Explosions/Remote violence", "2017", "Jobar")]),
    ("In 2013 the country joined the treaty after a chemical weapon attack in East Ghouta.",
     [("Explosions/Remote violence", "2013", "Eastern Ghouta")]),
])
def test_a_past_act_at_a_named_area_dated_by_its_year_is_a_background_event(
        text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _background(text) == expected, (text, _background(text))


@pytest.mark.parametrize("text", [
    # a part of a city told by its direction, a province: no named site
    "In 2012, rebels seized eastern Aleppo.",
    "Fighting ravaged western Aleppo in 2016.",
    "In 2013, gunmen attacked a checkpoint in Idlib province.",
])
def test_a_past_act_at_no_named_site_is_no_background_event(text: str) -> None:
    assert _background(text) == [], (text, _background(text))


# --------------------------------------------------------------------------- fighters driven from ground
@pytest.mark.parametrize("text,sub,place", [
    ("In November the Nusra Front expelled Western-backed rebels from their positions in Idlib.",
     "Non-state actor overtakes territory", "Idlib"),
    ("Kurdish fighters drove IS militants out of the town of Tal Abyad on Sunday.",
     "Non-state actor overtakes territory", "Tal Abyad"),
    ("The army pushed the rebels back from the villages south of Aleppo on Tuesday.",
     "Government regains territory", "Aleppo"),
])
def test_fighters_driven_from_ground_is_a_territorial_event(text: str, sub: str, place: str) -> None:
    assert _acts(text) == [("Battles", sub, place)], (text, _acts(text))


@pytest.mark.parametrize("text", [
    # an envoy expelled, residents driven from homes, a vow: no battle
    "The government expelled the ambassador from the country on Monday.",
    "Militants forced residents from their homes in Tal Abyad on Sunday.",
    "The army vowed to drive the rebels out of Idlib.",
])
def test_people_sent_away_or_a_vow_is_no_territorial_event(text: str) -> None:
    assert _acts(text) == [], (text, _acts(text))


# --------------------------------------------------------------------------- a battle told by the enemy's losses
@pytest.mark.parametrize("text,place", [
    ("The Syrian ground forces, for their part, inflicted major casualties on the terrorists near Palmyra on Friday.",
     "Tadmur"),
    ("Army units inflicted heavy losses upon the militants in the village of Kafr Nabuda on Sunday.", "Kafr Nabudah"),
    ("Rebels said they had inflicted heavy losses on government forces near Morek on Monday.", "Morek"),
])
def test_losses_inflicted_on_fighters_is_an_armed_clash(text: str, place: str) -> None:
    assert _acts(text) == [("Battles", "Armed clash", place)], (text, _acts(text))


@pytest.mark.parametrize("text", [
    # aircraft that inflict losses strike from the air; losses of no fighters are no battle
    "Russian jets inflicted heavy losses on the militants near Palmyra on Friday.",
    "The sanctions inflicted heavy losses on the economy.",
    "The floods inflicted major losses on farmers in Hama on Monday.",
])
def test_losses_inflicted_by_aircraft_or_on_no_fighters_is_no_clash(text: str) -> None:
    assert _acts(text) == [], (text, _acts(text))
