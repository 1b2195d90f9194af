"""Extraction slips that split or mix the reports of one incident (issue #18): a denial that follows the
mention it denies, readying for an act that has not happened.

Every sentence here is self-written.
"""

from __future__ import annotations

import pytest

from sitrep import extract
from sitrep.extract.numbers import find_casualties


def _violent(text: str, published: str = "2016-10-05") -> list[str]:
    return [e.sub_event_type or "" for e in extract(text, published=published) if e.event_type != "Diplomacy"]


# --------------------------------------------------------------------------- a denial after its trigger
@pytest.mark.parametrize("text", [
    "There were several cases of chemical attacks, which the government rejected as baseless.",
    "Activists reported a gas attack on Douma on Monday, but the claims were dismissed by the ministry.",
    "The opposition said jets bombed a hospital in Ariha on Sunday, a claim Damascus denies.",
    "Rebels reported a chlorine attack on Kafr Zita, which the army has denied.",
    "Local media told of air strikes on a bakery in Atareb, but the reports were swiftly rejected by Moscow.",
    # the mention's own predicate calls it untrue
    "Reports on the use of chemical weapons in the suburbs of Ghouta are totally false, state news agency SANA said.",
    "Claims that jets struck the hospital in Ariha on Sunday were baseless, the ministry said.",
    "The reports of a gas attack on Douma are fabricated, the army said.",
])
def test_a_denial_after_the_mention_negates_it(text: str) -> None:
    assert _violent(text) == []


# the sentence holds a denial, but of a role, of another matter, or of the claims as such with no word on
# the mention: the attack stands
@pytest.mark.parametrize("text,sub", [
    ("A car bomb killed four in Qamishli, and the group denied any role.", "Remote explosive/landmine/IED"),
    ("Air strikes killed 12 in Maarat al-Numan on Monday, but Russia denied carrying out raids there.",
     "Air/drone strike"),
    ("Gunmen attacked a checkpoint in Deir ez-Zor on Friday, and Damascus rejected reports of a withdrawal as "
     "false.", "Armed clash"),
    ("A suicide bomber struck a market in Azaz on Tuesday, killing 9, and the Kurdish militia rejected any "
     "involvement.", "Suicide bomb"),
    ("Jets struck a bakery in Atareb on Monday, killing 11, an attack that the Russians denied carrying out.",
     "Air/drone strike"),
    ("Jets struck a hospital in Ariha on Sunday, killing 12, and rumours of a ceasefire are false.",
     "Air/drone strike"),
    ("A car bomb killed four in Azaz on Monday; rebel claims of a regime role were false.",
     "Remote explosive/landmine/IED"),
])
def test_a_denial_of_a_role_leaves_the_attack(text: str, sub: str) -> None:
    assert _violent(text) == [sub]


# --------------------------------------------------------------------------- readying for an act to come
@pytest.mark.parametrize("text", [
    "Damascus residents were making final preparations this weekend for an attack from outside.",
    "Residents of Raqqa are bracing for an assault by the SDF.",
    "Villagers in Idlib prepared for possible air strikes after the talks collapsed.",
    "The garrison in Deir ez-Zor was getting ready for an offensive by IS fighters.",
])
def test_readying_for_an_act_is_no_event(text: str) -> None:
    assert _violent(text) == []


@pytest.mark.parametrize("text,sub", [
    ("Troops preparing for the winter were attacked by IS in Deir ez-Zor on Monday.", "Armed clash"),
    ("Soldiers bracing for the cold were killed when a car bomb exploded in Tabqa on Monday.",
     "Remote explosive/landmine/IED"),
    ("Jets struck a field hospital in Idlib on Sunday that had been preparing for an influx of wounded.",
     "Air/drone strike"),
])
def test_readying_for_something_else_leaves_the_attack(text: str, sub: str) -> None:
    assert _violent(text) == [sub]


# --------------------------------------------------------------------------- a toll stays with its own act
# a device set off where it struck and an act fired from afar are two happenings: neither takes the other's
# toll, type or evidence, however near the sentences
@pytest.mark.parametrize("text,events", [
    ("A car bomb killed four people in the Sumaria area of Damascus on Thursday. Rebels have reported a chemical "
     "attack by the army in the country.",
     [("Remote explosive/landmine/IED", 4), ("Chemical weapon", None)]),
    ("Shelling killed six in Daraa on Monday. A roadside bomb hit an army patrol in the city.",
     [("Shelling/artillery/missile attack", 6), ("Remote explosive/landmine/IED", None)]),
    ("A roadside bomb killed three soldiers near Tadef on Sunday. Government artillery pounded the village.",
     [("Remote explosive/landmine/IED", 3), ("Shelling/artillery/missile attack", None)]),
])
def test_a_toll_stays_with_its_own_kind_of_act(text: str, events: list[tuple[str, int | None]]) -> None:
    assert [(e.sub_event_type, e.fatalities) for e in extract(text, published="2016-10-05")] == events


# one act told in two ways stays one event: a chemical munition fired from aircraft or rockets, a car bomb
# driven by a suicide bomber
@pytest.mark.parametrize("text,sub,toll", [
    ("Warplanes struck Saraqib on Monday, killing 12. The jets dropped chlorine-filled barrels on the town.",
     "Chemical weapon", 12),
    ("A car bomb exploded in Azaz on Tuesday, killing 9. The suicide bomber drove the vehicle into a checkpoint.",
     "Suicide bomb", 9),
    ("Rockets hit a neighbourhood of Aleppo on Monday, killing 5. Residents said the shells carried toxic gas.",
     "Chemical weapon", 5),
])
def test_one_act_told_two_ways_stays_one(text: str, sub: str, toll: int) -> None:
    assert [(e.sub_event_type, e.fatalities) for e in extract(text, published="2016-10-05")] == [(sub, toll)]


def test_a_report_goes_on_across_another_kind_of_act() -> None:
    # a caption's air strike between a suicide bombing's lead and its body does not split the bombing
    text = ("A suicide attack near the Atmeh camp in Idlib killed at least 15 people on Monday. Photo: an airstrike "
            "on a hospital in the town of Maarat al-Numan. The suicide bomber detonated an explosive vest on a bus "
            "carrying fighters.")
    events = [(e.sub_event_type, e.fatalities) for e in extract(text, published="2016-08-16")]
    assert events.count(("Suicide bomb", 15)) == 1 and [s for s, _ in events].count("Suicide bomb") == 1


# --------------------------------------------------------------------------- two happenings in one sentence
# "and" opening a time of its own starts a second happening: each keeps its own place, type and toll
@pytest.mark.parametrize("text,published,events", [
    ("In August 2013 a chemical attack on rebel areas in the outskirts of Damascus killed dozens of children and "
     "the year before 49 children were killed in a massacre in Houla.", "2014-10-03",
     [("Chemical weapon", "Damascus", None), ("Attack", "Al-Houla", 49)]),
    ("A car bomb killed five people in Azaz on Monday, and two days later jets struck a market in Marea, "
     "killing 9.", "2016-10-12",
     [("Remote explosive/landmine/IED", "I‘zāz", 5), ("Air/drone strike", "Marea", 9)]),
    ("Rebels shelled a school in Aleppo in October 2016, and in May 2015 a barrel bomb killed 20 in Jisr "
     "al-Shughur.", "2017-01-05",
     [("Shelling/artillery/missile attack", "Aleppo", None), ("Air/drone strike", "Jisr al-Shughur", 20)]),
])
def test_and_with_a_time_of_its_own_starts_a_second_happening(
        text: str, published: str, events: list[tuple[str, str, int | None]]) -> None:
    got = [(e.sub_event_type, e.location.name if e.location else None, e.fatalities)
           for e in extract(text, published=published)]
    assert got == events


def test_and_without_a_time_of_its_own_stays_one_clause() -> None:
    text = "Jets struck a market in Idlib on Monday and the strikes continued for two days later that week."
    assert len(extract(text, published="2016-10-12")) == 1


# --------------------------------------------------------------------------- a past happening pointed back at
# "that attack" after a sentence that gives it a past year: the year, not the later article's publication day
@pytest.mark.parametrize("text,published,year", [
    ("UN investigators established that sarin gas was used in Eastern Ghouta in 2013. The United States accused "
     "Damascus of that attack which it estimates killed 1429 people.", "2016-08-11", "2013"),
    ("A car bomb ripped through a market in Azaz in 2014. Rebels blamed IS for that bombing, which killed 40 "
     "people.", "2016-03-02", "2014"),
    ("Government forces besieged Houla in 2012. Activists said that massacre killed 108 villagers.", "2015-05-25",
     "2012"),
])
def test_that_attack_takes_the_year_told_before(text: str, published: str, year: str) -> None:
    assert [e.date for e in extract(text, published=published) if e.event_type != "Diplomacy"] == [year]


# a sentence opening on what the sentence before told ("That deal came after ..."): it stays in that sentence's year,
# not the date an earlier paragraph gave ("fighting since September 2015")
@pytest.mark.parametrize("text,published,year", [
    ("Russia has backed the army since September 2015. The regime handed over its chemical arsenal in 2013 under a "
     "deal with Washington. That deal came after hundreds of people were killed in gas attacks east of Damascus.",
     "2017-04-15", "2013"),
    ("Rebels and the army agreed a truce in the old city of Homs in 2014. That truce followed months of shelling "
     "that killed 300 people in the old city.", "2016-05-02", "2014"),
    ("The two sides signed an accord in Aleppo in 2012. That accord collapsed after a car bomb killed 20 people at a "
     "checkpoint in the city.", "2015-06-10", "2012"),
])
def test_a_sentence_opening_on_that_thing_stays_in_its_year(text: str, published: str, year: str) -> None:
    assert {e.date for e in extract(text, published=published) if e.event_type != "Diplomacy"} == {year}


@pytest.mark.parametrize("text,published,date", [
    # "That is why", "That night": no pointer at a thing told before
    ("The war began in 2011. That is why air strikes killed five people in Idlib on Monday.", "2016-10-05",
     "2016-10-03"),
    ("The truce was signed in 2014. That same day a car bomb killed eight people in Homs.", "2014-05-03",
     "2014-05-03"),
])
def test_that_without_a_thing_pointed_at_keeps_the_report_day(text: str, published: str, date: str) -> None:
    assert [e.date for e in extract(text, published=published) if e.event_type != "Diplomacy"] == [date]


# "that attack" pointing at a happening the sentence before told as background: that happening's weapon and place
@pytest.mark.parametrize("text,published,sub,place", [
    ("UN investigators established that sarin was used in Eastern Ghouta in 2013. The United States accused Damascus "
     "of that attack, which it says killed 1429 people.", "2016-08-11", "Chemical weapon", "Eastern Ghouta"),
    ("Inspectors found that chlorine was dropped on Sarmin in 2015. Washington blamed Damascus for that attack, which "
     "killed six people.", "2017-01-10", "Chemical weapon", "Sarmin"),
    ("Investigators said a car bomb went off in the market of Azaz in 2014. Turkey blamed Damascus for that attack, "
     "which killed 40 people.", "2016-03-02", "Remote explosive/landmine/IED", "Azaz"),
])
def test_that_attack_is_the_happening_told_before(text: str, published: str, sub: str, place: str) -> None:
    (ev,) = [e for e in extract(text, published=published) if e.event_type != "Diplomacy"]
    assert ev.sub_event_type == sub
    assert ev.location is not None and place.casefold() in (ev.location.mention or "").casefold()


@pytest.mark.parametrize("text,published", [
    # the happening before is no weapon's (a raid on a village): "that attack" keeps its own words
    ("Gunmen stormed a village near Hama in 2012. Activists said that attack killed 30 people.", "2015-01-10"),
    # no pointer back: this article's own attack
    ("UN investigators established that sarin was used in Eastern Ghouta in 2013. Gunmen attacked a checkpoint in "
     "Homs on Monday, killing four soldiers.", "2016-08-11"),
])
def test_an_attack_not_pointing_at_a_weapon_told_before_keeps_its_type(text: str, published: str) -> None:
    # the past act told before may be an event of its own, dated by its year (a background event at a named area,
    # s13); the article's own attack keeps its own type
    own = [e for e in extract(text, published=published) if "background:dated-by-year" not in e.notes]
    assert own and all(e.sub_event_type != "Chemical weapon" and "type:antecedent" not in e.notes for e in own)


@pytest.mark.parametrize("text,date", [
    # a background year, then a report with no pointer back: the report's own day
    ("The war began in 2011. Air strikes killed five people in Idlib on Monday.", "2016-10-03"),
    # "the attack" is this article's own report, not one told before
    ("IS seized Palmyra in 2015. The attack on the town killed 12 soldiers, the army said.", "2016-10-05"),
])
def test_a_background_year_does_not_date_the_report(text: str, date: str) -> None:
    assert [e.date for e in extract(text, published="2016-10-05")] == [date]


# --------------------------------------------------------------------------- a toll that reached a figure
@pytest.mark.parametrize("text,toll", [
    ("The death toll following the IS attack on the village of Aqarib reached 51 people", 51),
    ("Death Toll of IS Attack on Village in Hama Reaches 51", 51),
    ("The toll from Monday's strike on the market in Atareb reached 61 on Tuesday", 61),
])
def test_a_toll_that_reached_a_figure(text: str, toll: int) -> None:
    assert find_casualties(text).fatalities == toll


def test_a_toll_on_something_else_is_no_figure() -> None:
    text = "The war has taken a heavy toll on the economy of the country since 2011."
    assert find_casualties(text).fatalities is None


@pytest.mark.parametrize("text,sub,date", [
    # a photo caption glued to the next sentence with no stop: its date is the photo's, and it reports nothing
    ("Smoke rises over the town in Syria June 18 2016 (TRT World and Agencies) Air strikes on the town of Al-Mayadin "
     "killed 40 people, a monitor said.", "Air/drone strike", "2016-06-26"),
    ("Children walk past a ruined building near Azaz March 3 2016 (AFP Photo) A car bomb killed nine people in the "
     "town of Azaz, activists said.", "Remote explosive/landmine/IED", "2016-06-26"),
    ("Rescuers search the rubble in Idlib May 2 2016 (Anadolu Agency photo) Government shelling killed seven people "
     "in the town of Saraqib, a monitor said.", "Shelling/artillery/missile attack", "2016-06-26"),
    ("Russian jets are seen at an air base in Syria June 18 2016 (Reuters and Agencies) Rebel rockets killed five "
     "people in the town of Nubl, state media said.", "Shelling/artillery/missile attack", "2016-06-26"),
    # near miss: a date the story's own sentence states stays
    ("Smoke rises over the town (AFP photo) Air strikes on the town of Al-Mayadin on June 24 killed 40 people, a "
     "monitor said.", "Air/drone strike", "2016-06-24"),
])
def test_a_photo_caption_neither_dates_nor_tells_the_story(text: str, sub: str, date: str) -> None:
    events = [e for e in extract(text, "2016-06-26") if e.event_type != "Diplomacy"]
    assert [(e.sub_event_type, e.date) for e in events] == [(sub, date)]


def test_a_caption_that_tells_an_act_in_its_own_words_keeps_it() -> None:
    text = ("A rescuer runs near an ambulance after an air strike on a hospital in the town of Kafr Nabl June 6 2016 "
            "(AFP photo) Heavy shelling killed 12 people in the town of Maarat al-Numan, a monitor said.")
    events = [e for e in extract(text, "2016-06-08") if e.event_type != "Diplomacy"]
    assert sorted((e.sub_event_type, e.date) for e in events) == [
        ("Air/drone strike", "2016-06-06"), ("Shelling/artillery/missile attack", "2016-06-08")]


@pytest.mark.parametrize("text,saying", [
    # a day right before the reporting verb of its subject is the day of the report, not of what it tells
    ("A war monitor on Tuesday raised the death toll from air strikes on a market in the town of Atareb to 61.", True),
    ("The Observatory on Sunday raised the toll from the car bomb in Azaz to 44.", True),
    ("Rescuers on Friday updated the death toll from the shelling of Douma to 19.", True),
    ("Turkey on Monday accused Russian jets of bombing a market in Atareb.", True),
    # near misses: a day of the act itself
    ("Government forces on Friday raised the flag over the town of Deir Hafer after shelling it.", False),
    ("On Tuesday rebels shelled the town of Nubl, killing five.", False),
])
def test_the_day_a_toll_is_told_is_the_day_of_a_saying(text: str, saying: bool) -> None:
    events = [e for e in extract(text, "2017-11-15") if e.event_type != "Diplomacy"]
    assert events and all(("date:saying" in e.notes) == saying for e in events)


@pytest.mark.parametrize("text,toll", [
    # a massacre the page names by its place, told inside a later statement: the day of the statement is not its day
    ("The coalition condemned the envoy who on Monday blamed the rebels for the Tremseh Massacre that claimed the "
     "lives of over 200 civilians.", 200),
    ("The opposition on Friday accused the army of the Houla massacre, in which 108 people were killed.", 108),
    ("Rebels on Thursday blamed foreign militias for the massacre of Qubeir which killed 78 villagers.", 78),
])
def test_a_named_massacre_inside_a_statement_has_no_day_of_the_statement(text: str, toll: int) -> None:
    events = [e for e in extract(text, "2016-08-24") if e.event_type != "Diplomacy"]
    assert [(e.date, e.fatalities) for e in events] == [(None, toll)]
    assert "date:named-past" in events[0].notes


@pytest.mark.parametrize("text,date", [
    # near misses: an unnamed massacre told by a monitor keeps the day of the saying as its bound; a named one
    # whose own sentence states its day keeps that day
    ("Government forces killed 30 villagers in a massacre in the countryside, a monitor said on Tuesday.",
     "2016-08-23"),
    ("Militias on May 25 carried out the Houla massacre that claimed 108 lives, the opposition said on Friday.",
     "2016-05-25"),
])
def test_an_unnamed_massacre_or_one_with_its_own_day_keeps_its_date(text: str, date: str) -> None:
    events = [e for e in extract(text, "2016-08-24") if e.event_type != "Diplomacy"]
    assert [e.date for e in events] == [date]
