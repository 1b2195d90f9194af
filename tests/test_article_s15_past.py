"""Session 15 (issue #12): specific past events an article names as background (GUIDE: events, not required).

Every sentence here is self-written. A happening known by its name ("the Boston Marathon bombing", "in revenge
for the Houla massacre") keeps the year its name gives or no date, never the story's day; a name at the place of
the story's own report is that report. An act a "since" clause opens ("on alert since gunmen attacked the Bataclan
in 2015") is a background event; a period, the onset of something going on, or a habit is none. A vow names what
is to come.
"""

from __future__ import annotations

import pytest

import sitrep
from sitrep.records import Event

VIOLENT = {"Battles", "Violence against civilians", "Explosions/Remote violence"}

LYON = "A bomb exploded in Lyon on Friday, wounding 13 people. "
DOUMA = "Jets struck a market in Douma on Monday, killing 20 people. "
HOMS = "A car bomb killed 12 people in Homs on Monday. "


def _violent(text: str, published: str = "2019-05-25") -> list[Event]:
    return [e for e in sitrep.extract(text, published=published) if e.event_type in VIOLENT]


def _the_one_with(text: str, words: str, published: str = "2019-05-25") -> Event:
    evs = [e for e in _violent(text, published) if words in e.evidence.text]
    assert len(evs) == 1, [(e.date, e.evidence.text) for e in _violent(text, published)]
    return evs[0]


# --------------------------------------------------------------------------- named happenings
@pytest.mark.parametrize("text, words", [
    ("A court in Boston on Tuesday convicted a man of lying to investigators. He had dinner with the two brothers "
     "accused of carrying out the Boston Marathon bombing.", "Boston Marathon bombing"),
    ("A court in London jailed a man on Monday. He had sheltered one of the gunmen behind the Nairobi mall attack.",
     "Nairobi mall attack"),
    (HOMS + "The group vowed to fire rockets on Alawite towns in revenge for the Houla massacre.", "Houla massacre"),
    (HOMS + "The commander said his men would shell the villages to avenge the Damascus Ghouta massacre.",
     "Ghouta massacre"),
])
def test_a_happening_known_by_its_name_is_not_dated_by_the_story(text: str, words: str) -> None:
    ev = _the_one_with(text, words)
    assert ev.date is None, (ev.date, ev.evidence.text)


def test_a_name_with_its_year_is_dated_by_that_year() -> None:
    ev = _the_one_with(DOUMA + "It was the deadliest attack since the 2013 chemical attack on Ghouta.",
                       "2013 chemical attack")
    assert (ev.date, ev.date_precision, ev.sub_event_type) == ("2013", "year", "Chemical weapon")


@pytest.mark.parametrize("text", [
    # the name at the place of the story's own report is that report
    "A suicide bomber killed 20 people in Kabul on Monday. The Kabul attack was the deadliest this year.",
    # a calendar word tells a day, no name; a possessive tells who did it
    "A suicide bomber killed 20 people in Kabul on Monday. The Monday attack was the deadliest this year.",
    "Gunmen killed six people in Mosul on Sunday. The militants' attack was condemned by the governor.",
    # a text that tells only the named happening reports it
    "Residents said about 60 people were killed in the massacre in al-Qubeir near Hama.",
])
def test_a_name_that_is_the_story_gives_no_second_event(text: str) -> None:
    evs = _violent(text)
    assert len(evs) == 1, [(e.date, e.evidence.text) for e in evs]
    assert evs[0].date is not None


# --------------------------------------------------------------------------- vows and plans
@pytest.mark.parametrize("text", [
    HOMS + "The group vowed to fire rockets on Alawite towns in revenge for the Houla massacre.",
    HOMS + "Rebel commanders pledged to shell the airport within days.",
    HOMS + "The militia swore to storm the village before the end of the month.",
])
def test_a_vow_names_what_is_to_come(text: str) -> None:
    evs = [e for e in _violent(text) if "massacre" not in e.evidence.text and "car bomb" not in e.evidence.text]
    assert evs == [], [(e.sub_event_type, e.evidence.text) for e in evs]


def test_an_act_told_of_those_a_vow_aims_at_is_reported() -> None:
    text = "The minister vowed to hunt down the gunmen who shot dead two guards in Kirkuk on Sunday."
    assert [e.date for e in _violent(text, "2016-05-04")] == ["2016-05-01"]


# --------------------------------------------------------------------------- "since" clauses
@pytest.mark.parametrize("text, words, date", [
    (LYON + "France has been on high alert since Islamic State gunmen attacked the Bataclan concert hall in Paris "
     "in 2015, killing 90 people.", "Bataclan", "2015"),
    (DOUMA + "Residents say the town has been quiet since government forces stormed Zabadani in 2017.",
     "Zabadani", "2017"),
    (LYON + "France has been on high alert since the Islamic State group launched a series of attacks across Paris, "
     "killing 130 people.", "series of attacks", None),
])
def test_an_act_a_since_clause_opens_is_a_background_event(text: str, words: str, date: str | None) -> None:
    ev = _the_one_with(text, words)
    assert ev.date == date, (ev.date, ev.evidence.text)


@pytest.mark.parametrize("text", [
    LYON + "More than 300,000 people have been killed in Syria since the conflict began in 2011.",
    LYON + "Residents have lived in fear since jets began a series of raids on Douma, killing 30 people.",
    LYON + "Fighting has raged around Aleppo since 2012.",
    LYON + "Aleppo has been split between the army and the rebels since shortly after fighting began there in 2012.",
    LYON + "Dagestan sees frequent attacks on security forces.",
    LYON + "A friend of the attacker said he had warned police about comments on previous terrorist attacks in "
           "Britain.",
])
def test_a_period_an_onset_or_a_habit_gives_no_background_event(text: str) -> None:
    evs = [e for e in _violent(text) if "Lyon" not in e.evidence.text]
    assert evs == [], [(e.date, e.evidence.text) for e in evs]


# the same background clause told with "since", "after" and "in the wake of": the same event
@pytest.mark.parametrize("clause", [
    "Security has been tight since Islamic State gunmen attacked the Bataclan concert hall in Paris in 2015, "
    "killing 90 people.",
    "Security was tightened after Islamic State gunmen attacked the Bataclan concert hall in Paris in 2015, "
    "killing 90 people.",
    "Security was tightened in the wake of the 2015 attack by Islamic State gunmen on the Bataclan concert hall in "
    "Paris, which killed 90 people.",
])
def test_a_background_clause_gives_the_same_event_whatever_its_connector(clause: str) -> None:
    ev = _the_one_with(LYON + clause, "Bataclan")
    assert (ev.date, ev.location.name if ev.location else None, ev.fatalities) == ("2015", "Paris", 90)


@pytest.mark.parametrize("clause", [
    "Security has been tight since the Islamic State group launched a series of attacks across Paris, killing 130 "
    "people.",
    "Security was tightened after the Islamic State group launched a series of attacks across Paris, killing 130 "
    "people.",
    "Security was tightened in the wake of a series of attacks across Paris that killed 130 people.",
])
def test_a_series_that_starts_a_period_is_one_undated_event(clause: str) -> None:
    ev = _the_one_with(LYON + clause, "series of attacks")
    assert (ev.date, ev.location.name if ev.location else None, ev.fatalities) == (None, "Paris", 130)


def test_a_pointer_told_before_a_background_act_does_not_hide_it() -> None:
    # "The blast" points back at the Friday bombing told before it, not at the 2015 attack told after it
    text = ("A bomb hit a cafe in Paris on Friday, wounding three people. The blast shattered the windows of nearby "
            "shops. France has been on high alert since gunmen attacked the Bataclan concert hall in Paris in 2015, "
            "killing 90 people.")
    ev = _the_one_with(text, "Bataclan")
    assert (ev.date, ev.fatalities) == ("2015", 90)


@pytest.mark.parametrize("text", [
    "A car bomb killed 12 people in the Syrian city of Homs on Monday. The group vowed to fire rockets on Alawite "
    "towns in revenge for the Houla massacre.",
    "A car bomb killed 12 people in the Syrian city of Homs on Monday. Its commander said his men would shell Alawite "
    "villages to avenge the Tremseh massacre.",
    "Gunmen killed six people in Hama province in Syria on Sunday, in retaliation for the Damascus Ghouta massacre, a "
    "monitor said.",
])
def test_a_named_happening_is_not_placed_where_the_story_lies(text: str) -> None:
    ev = _the_one_with(text, "massacre")
    assert ev.date is None
    assert ev.location is None or ev.location.name not in ("Homs", "Hama"), ev.location


@pytest.mark.parametrize("text", [
    # a wave of raids that the clause dates is the news, not the start of a period
    "On Sunday the truce was close to collapse after a fresh wave of air raids hit Aleppo, killing two people.",
    # a place's part before the noun describes where the story's strikes fell; no name
    "A day after a massacre in Manbij, the Aleppo countryside airstrikes killed 20 people in Tokhar on Tuesday.",
    "Jets pounded Idlib on Monday. The Idlib province attack killed nine people.",
])
def test_the_story_s_own_act_is_not_taken_for_an_earlier_one(text: str) -> None:
    evs = _violent(text, "2016-07-20")
    assert all(e.date is not None for e in evs), [(e.date, e.evidence.text) for e in evs]
