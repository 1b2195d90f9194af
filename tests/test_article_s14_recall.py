"""Session 14 (issue #12): article recall. All sentences are self-written; each rule has a table of at least three
sentences of different shapes, near misses, and metamorphic rewrites (the same acts told in another order)."""

from __future__ import annotations

import pytest

from sitrep import extract
from sitrep.extract.components import but_breaks


def _acts(text: str, published: str = "2016-05-10") -> list[tuple[str, str | None, str | None, str | None]]:
    """(type, sub type, place, date) of every non-Diplomacy event, sorted."""
    return sorted((e.event_type, e.sub_event_type, e.location.name if e.location is not None else None, e.date)
                  for e in extract(text, published=published) if e.event_type != "Diplomacy")


def _places(text: str, published: str = "2016-05-10") -> list[str | None]:
    return sorted((e.location.name if e.location is not None else "") for e in extract(text, published=published)
                  if e.event_type != "Diplomacy")


def _dates(text: str, published: str = "2016-05-10") -> list[str | None]:
    return sorted(e.date or "" for e in extract(text, published=published) if e.event_type != "Diplomacy")


# --------------------------------------------------------------------------- 1. history of the report's own town
@pytest.mark.parametrize("text,dates", [
    # a past act at the town today's report is at, told by an act of its own: a background event of its year
    ("Jets bombed Saraqeb on Monday, killing four people. Rebels captured the town in 2015.",
     ["2015", "2016-05-09"]),
    ("A car bomb killed five people in Azaz on Sunday. IS had stormed the town in 2014.", ["2014", "2016-05-08"]),
    ("Mortars hit the old market of Homs on Monday, killing two. Rebels had stormed the old city in 2012.",
     ["2012", "2016-05-09"]),
    # metamorphic: the history told first
    ("Rebels captured Saraqeb in 2015. Jets bombed the town on Monday, killing four people.",
     ["2015", "2016-05-09"]),
])
def test_a_past_act_at_the_report_s_own_town_is_a_background_event(text: str, dates: list[str]) -> None:
    assert _dates(text) == dates, (text, _dates(text))


@pytest.mark.parametrize("text,dates", [
    # a report there that points back at it with a noun ("the attack on the town") may be that act told again
    ("IS seized Palmyra in 2015. The attack on the town killed 12 soldiers, the army said.", ["2016-05-10"]),
    ("Rebels overran Morek in 2014. The assault on the town left 20 soldiers dead, the army said.",
     ["2016-05-10"]),
])
def test_a_past_act_a_later_report_points_back_at_stays_one_event(text: str, dates: list[str]) -> None:
    assert _dates(text) == dates, (text, _dates(text))


# --------------------------------------------------------------------------- 2. each side's act at one place
@pytest.mark.parametrize("text,subs", [
    ("Regime jets bombed Jayrud on Saturday. Rebels fired missiles at an army base in Jayrud on Saturday.",
     ["Air/drone strike", "Shelling/artillery/missile attack"]),
    # metamorphic: the rebels' act told first
    ("Rebels fired missiles at an army base in Jayrud on Saturday. Regime jets bombed Jayrud on Saturday.",
     ["Air/drone strike", "Shelling/artillery/missile attack"]),
    ("Government helicopters dropped barrel bombs on Morek on Tuesday. Rebel fighters shelled army positions "
     "in Morek on Tuesday.", ["Air/drone strike", "Shelling/artillery/missile attack"]),
])
def test_two_sides_acts_at_one_place_on_one_day_are_two_events(text: str, subs: list[str]) -> None:
    got = sorted(e.sub_event_type for e in extract(text, published="2016-05-10") if e.event_type != "Diplomacy")
    assert got == subs, (text, got)


@pytest.mark.parametrize("text", [
    # two names of one side, or one toll told twice: one happening
    "U.S. forces struck an air base near Homs on Friday. The United States launched missiles at the air base near "
    "Homs on Friday.",
    "At least 43 people were killed by regime shelling in Jayrud on Saturday. Shelling by government forces killed "
    "at least 43 people in Jayrud on Saturday, activists said.",
    "Regime jets bombed Jayrud on Saturday. The army's aircraft struck Jayrud again on Saturday, a monitor said.",
])
def test_one_side_told_twice_at_one_place_stays_one_event(text: str) -> None:
    got = [e for e in extract(text, published="2016-05-10") if e.event_type != "Diplomacy"]
    assert len(got) == 1, (text, [(e.sub_event_type, e.evidence.text) for e in got])


# --------------------------------------------------------------------------- 3. "but" turning to an act of its own
@pytest.mark.parametrize("text,parts", [
    ("Troops shelled the town of Morek but they have driven the rebels back from two villages nearby.", 2),
    ("Jets bombed the convoy near Ariha but the shells killed five civilians in the town.", 2),
    ("The army stormed the village of Hass on Monday but rebels recaptured it on Tuesday.", 2),
    # near misses: no act of its own after "but", or none before it
    ("Jets struck the market in Ariha on Monday but no one was hurt.", 1),
    ("Jets struck the market in Ariha on Monday but the army denied it.", 1),
    ("Residents stayed in the town but they have shelled the outskirts of Morek.", 1),
])
def test_but_turning_to_an_act_of_its_own_splits_the_clause(text: str, parts: int) -> None:
    assert len(but_breaks(text, 0, len(text))) == parts, (text, but_breaks(text, 0, len(text)))


@pytest.mark.parametrize("text,expected", [
    # the negated mention gives nothing; the act its relative clause tells is a background event of its year, the
    # act after "but" a report of its own day
    ("Troops have been unable to recapture the districts of Aleppo which rebels stormed in 2012 but they have driven "
     "rebel fighters back from two villages south of the city on Monday.",
     [("Battles", "Aleppo", "2012"), ("Battles", "Aleppo", "2016-05-09")]),
    ("Government forces have been unable to retake the eastern quarters of Deir ez-Zor which IS fighters seized in "
     "2014 but they have pushed the militants back from two farms near the airport on Sunday.",
     [("Battles", "Deir ez-Zor", "2014"), ("Battles", "Deir ez-Zor", "2016-05-08")]),
    # metamorphic: the report first, the failure after it
    ("The army has driven rebel fighters back from two villages south of Aleppo on Monday. Troops have been unable "
     "to recapture the districts of Aleppo which rebels stormed in 2012.",
     [("Battles", "Aleppo", "2012"), ("Battles", "Aleppo", "2016-05-09")]),
])
def test_an_act_beside_a_failure_is_reported(text: str, expected: list[tuple[str, str, str]]) -> None:
    got = sorted((t, p, d) for t, _s, p, d in _acts(text))
    assert got == expected, (text, got)


@pytest.mark.parametrize("text", [
    # the failure alone, or the act under it within a few words: nothing happened that the clause reports
    "Troops have been unable to recapture the districts of Aleppo, a monitor said on Monday.",
    "The army failed to storm Kafranbel, which rebels overran, a monitor said on Monday.",
    "Government forces could not retake the town, which the rebels may storm again, activists said on Monday.",
])
def test_a_failure_alone_gives_no_event(text: str) -> None:
    assert _acts(text) == [], (text, _acts(text))


# --------------------------------------------------------------------------- 4. the source's seat is no event place
@pytest.mark.parametrize("text", [
    "Chemical gas killed at least 60 people in the attack according to the directorate of health in Idlib province.",
    "Mortar fire killed four children in the attack according to the health ministry in Damascus.",
    "Three civilians were killed in the attack on Tuesday according to the police command in Hasakah.",
])
def test_the_office_a_toll_is_credited_to_does_not_place_the_event(text: str) -> None:
    got = _places(text)
    assert got and all(p not in ("Idlib", "Damascus", "Al Hasakah", "Al Ḩasakah", "Ḩasakah") for p in got), (text, got)


@pytest.mark.parametrize("text,place", [
    # a witness or a report of acts at a place is no office: the place stays
    ("Shelling killed five people on Monday, according to a doctor at a hospital in Douma.", "Dūmā"),
    ("Five people were killed on Monday according to residents in Douma.", "Dūmā"),
    ("Five people were killed in Douma on Monday according to the health ministry.", "Dūmā"),
])
def test_a_witness_or_a_report_of_acts_keeps_its_place(text: str, place: str) -> None:
    assert _places(text) == [place], (text, _places(text))


# --------------------------------------------------------------------------- 5. the town an area qualifies
@pytest.mark.parametrize("text,place", [
    ("The Coalition condemned the crime the regime committed in the town of Kafranbel in rural Idlib at dawn. "
     "Chemical substances were used in the attack which killed 20 people.", "Kafranbel"),
    ("The Coalition condemned the crime the regime committed in the town of Sarmada in the countryside of Idlib on "
     "Monday. Chemical gas was used in the attack which killed 20 people.", "Sarmada"),
    ("The Coalition condemned the crime the regime committed in Douma, in Damascus countryside on Monday. Chemical "
     "gas was used in the attack which killed 20 people.", "Dūmā"),
])
def test_a_place_carried_from_the_sentence_before_is_the_town_its_area_qualifies(text: str, place: str) -> None:
    got = [e.location.name for e in extract(text, published="2016-05-10")
           if e.event_type != "Diplomacy" and e.location is not None]
    assert got == [place], (text, got)


# --------------------------------------------------------------------------- 6. a source's second statement
@pytest.mark.parametrize("text,places", [
    ("Up to 60 militants were destroyed near Palmyra the ministry said adding that 30 fighters were killed around "
     "Qaryatayn.", ["Al Qaryatayn", "Tadmur"]),
    ("A weapons depot and 40 fighters were hit near Palmyra, the ministry said, adding that 25 militants were killed "
     "around Qaryatayn.", ["Al Qaryatayn", "Tadmur"]),
    # metamorphic: the places swapped
    ("Up to 60 militants were destroyed near Qaryatayn the ministry said adding that 30 fighters were killed around "
     "Palmyra.", ["Al Qaryatayn", "Tadmur"]),
])
def test_a_toll_a_source_adds_at_another_place_is_a_report_of_its_own(text: str, places: list[str]) -> None:
    assert _places(text) == places, (text, _places(text))


# --------------------------------------------------------------------------- 7. fighters "destroyed"
@pytest.mark.parametrize("text", [
    "Russian jets destroyed 45 terrorists near Palmyra on Tuesday, the ministry said.",
    "More than 70 militants have been destroyed in strikes on Deir ez-Zor, the defence ministry said on Friday.",
    "Up to 80 fighters including nine foreigners were destroyed near Mayadeen on Monday, the ministry said.",
])
def test_fighters_destroyed_is_an_air_strike(text: str) -> None:
    got = [(t, s) for t, s, _p, _d in _acts(text)]
    assert got == [("Explosions/Remote violence", "Air/drone strike")], (text, got)


@pytest.mark.parametrize("text", [
    "About 80 houses were destroyed in the floods near Idlib on Monday.",
    "Troops destroyed 12 vehicles near Palmyra on Tuesday.",
    "The fighters have destroyed the bridge near Raqqa, residents said on Monday.",
])
def test_things_destroyed_are_no_air_strike(text: str) -> None:
    assert all(s != "Air/drone strike" for _t, s, _p, _d in _acts(text)), (text, _acts(text))


# --------------------------------------------------------------------------- 8. one act picked out, with places
@pytest.mark.parametrize("text,places", [
    ("Jets killed 10 people in Idlib city on Friday. The most violent airstrikes targeted Idlib city as well as the "
     "towns of Binnish and Sarmada.", ["Binnish", "Idlib", "Idlib", "Sarmada"]),
    ("Jets killed 10 people in Idlib city on Friday. The heaviest airstrikes targeted Idlib city and the town of "
     "Sarmada.", ["Idlib", "Idlib", "Sarmada"]),
    ("Shelling killed six people in Douma on Sunday. The fiercest shelling hit Douma and Harasta.",
     ["Dūmā", "Dūmā", "Harasta"]),
])
def test_an_act_picked_out_by_a_superlative_with_its_places_is_a_report(text: str, places: list[str]) -> None:
    assert _places(text) == places, (text, _places(text))


# --------------------------------------------------------------------------- 9. a shoot-down beside a strike
@pytest.mark.parametrize("text", [
    "Jets bombed the town of Jayrud on Friday. Rebels said they shot down a plane near Jayrud on Friday.",
    # metamorphic: the shoot-down first
    "Rebels said they shot down a plane near Jayrud on Friday. Jets bombed the town of Jayrud on Friday.",
    "Rebels said they shot down a helicopter near Morek on Tuesday. Regime helicopters dropped barrel bombs on Morek "
    "on Tuesday.",
    "Regime jets bombed Jayrud. Syrian state media said the crash was due to a fault while the rebel group Jaish "
    "al-Islam said it had shot down the plane.",
])
def test_an_aircraft_shot_down_and_a_strike_are_two_events(text: str) -> None:
    got = sorted(e.event_type for e in extract(text, published="2016-05-10") if e.event_type != "Diplomacy")
    assert got == ["Battles", "Explosions/Remote violence"], (text, got)


# --------------------------------------------------------------------------- 10. a place occupied in a year
@pytest.mark.parametrize("text,published,year", [
    ("Israel occupied the Golan Heights in the 1967 war and annexed it later. Rockets fell on the Golan Heights on "
     "Monday.", "2016-05-10", "1967"),
    ("Turkish forces occupied Afrin in 2018. Shells hit Afrin on Monday, killing three.", "2019-05-10", "2018"),
    ("IS occupied Palmyra in May 2015. Jets struck Palmyra on Monday, killing eight militants.", "2016-05-10",
     "2015"),
])
def test_a_named_place_occupied_in_a_year_is_a_past_act(text: str, published: str, year: str) -> None:
    assert any(d.startswith(year) for d in _dates(text, published)), (text, _dates(text, published))


@pytest.mark.parametrize("text", [
    # the adjective: who holds a place, no taking of it
    "The town lies next to the occupied Golan Heights and was shelled on Monday.",
    "Jets struck the Israeli-occupied part of Quneitra on Monday.",
    "Shells fell near the occupied Golan Heights in 2016 reports said on Monday.",
])
def test_an_occupied_place_is_no_taking(text: str) -> None:
    assert all(t != "Battles" for t, _s, _p, _d in _acts(text)), (text, _acts(text))


# --------------------------------------------------------------------------- 11. a list member told by its area
@pytest.mark.parametrize("text,n", [
    ("Shells hit the village of Tell Abyad, the area around the town of Suluk on Monday.", 2),
    ("Jets targeted the town of Binnish the area around the town of Sarmada with cluster bombs on Monday.", 2),
    ("Shells hit the village of Morek, the areas around Kafr Nabudah and Hass on Monday.", 3),
    # near misses: the vicinity or the outskirts of a town tell where the place before lies
    ("Gunmen opened fire on a bus in the Binnish area the vicinity of Sarmada village on Monday.", 1),
    ("Shells hit the village of Tell Abyad, the outskirts of Suluk on Monday.", 1),
])
def test_a_list_member_told_by_the_area_around_it_is_a_place_of_the_list(text: str, n: int) -> None:
    assert len(_places(text)) == n, (text, _places(text))


# --------------------------------------------------------------------------- 12. a threat of strikes is no strike
@pytest.mark.parametrize("text", [
    "Residents of Idlib live under threats of further US strikes, a spokesman said on Monday.",
    "The threat of Turkish shelling on Afrin kept farmers away from their fields on Monday.",
    "Officials in Homs spoke on Monday of threats of new air strikes on the city.",
])
def test_a_threat_of_strikes_is_no_event(text: str) -> None:
    assert _acts(text) == [], (text, _acts(text))


@pytest.mark.parametrize("text,sub", [
    # the act told before "after the <happening told elsewhere>" types the clause ...
    ("Rebels stormed the village of Kafr Nabudah on Monday after the shelling, a monitor said.",
     "Non-state actor overtakes territory"),
    ("Gunmen shot dead two farmers in Ariha on Monday following these raids, residents said.", "Attack"),
    # ... but not a threat told before it: the happening pointed at is the clause's news
    ("The regime pressed on despite threats of further US strikes following the chemical attack on Khan Sheikhoun "
     "on Tuesday.", "Chemical weapon"),
])
def test_the_act_before_a_known_happening_types_the_clause(text: str, sub: str) -> None:
    got = [s for _t, s, _p, _d in _acts(text)]
    assert got == [sub], (text, got)
