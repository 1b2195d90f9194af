"""Tolls the text does not give, or gives and the reader missed (issues #12 and #18, session 15): dead told with
"have died", a death toll "estimated" or "put" at a figure, two figures of one sentence that are the tolls of two
acts, a death named as the occasion of a reprisal, and a toll told with its own breakdown. Every sentence here is
self-written; each table holds at least three different sentences of one class of phrasing."""

from __future__ import annotations

import pytest

from sitrep import extract
from sitrep.extract.numbers import find_casualties


def _violent(text: str) -> list:
    return [e for e in extract(text, published="2016-08-10") if e.event_type != "Diplomacy"]


# --------------------------------------------------------------------------- "have died", "had perished"
@pytest.mark.parametrize(("sentence", "killed"), [
    ("A father and his two sons have died after a shell hit their house in the old quarter.", 3),
    ("Medics said at least 44 people had died in the blast at the fuel depot.", 44),
    ("Twelve villagers have perished in the fire the gunmen set to the market.", 12),
    ("Four guards had lost their lives when the convoy was ambushed near the bridge.", 4),
    ("Nine miners have reportedly died in the collapse caused by the explosion.", 9),
])
def test_have_died_is_a_toll(sentence: str, killed: int) -> None:
    assert find_casualties(sentence).fatalities == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    # "have killed": the subject is the killer, never the dead
    ("Three gunmen have killed two traders in the market.", 2),
    ("Five rebels had killed a soldier at the checkpoint before they fled.", 1),
    ("Two drones have killed four militants near the border.", 4),
])
def test_have_killed_counts_the_object_not_the_subject(sentence: str, killed: int) -> None:
    assert find_casualties(sentence).fatalities == killed


# --------------------------------------------------------------------------- a toll estimated or put at a figure
@pytest.mark.parametrize(("sentence", "killed"), [
    ("With the death toll estimated between 200 and 400, the raid was the deadliest of the year.", 200),
    ("The toll was estimated at 35 by the local council after the bombing.", 35),
    ("Hospital staff put the death toll at 17 after the market blast.", 17),
    ("A death toll placed at 60 by the governor was disputed by residents of the shelled town.", 60),
])
def test_a_toll_estimated_or_put_at_a_figure(sentence: str, killed: int) -> None:
    assert find_casualties(sentence).fatalities == killed


# --------------------------------------------------------------------------- two acts, two tolls
@pytest.mark.parametrize(("sentence", "killed"), [
    ("Seven soldiers were killed in a car bombing and nine others died in the assault that followed.", 7),
    ("Three policemen were killed in the ambush while two more died in the clash near the bridge.", 3),
    ("Eleven were killed in a suicide attack at the gate and at least six others had died in the raid on the "
     "barracks.", 11),
])
def test_the_tolls_of_two_acts_of_a_sentence_do_not_add_up(sentence: str, killed: int) -> None:
    assert find_casualties(sentence).fatalities == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    # one act named twice, or none named: the figures still add up
    ("Two soldiers were killed in the ambush and three others were also killed in the ambush.", 5),
    ("Four civilians were killed and two others also died later in hospital.", 6),
    ("Six fighters were killed in the raid and four more were killed in the raid, the group said.", 10),
])
def test_the_tolls_of_one_act_still_add_up(sentence: str, killed: int) -> None:
    assert find_casualties(sentence).fatalities == killed


# --------------------------------------------------------------------------- the occasion of a reprisal
@pytest.mark.parametrize("text", [
    "Warplanes bombed the town of Kafr Zita on Sunday, wounding dozens. A rebel spokesman said the raids seemed to "
    "be in retaliation for the killing of a pilot whose jet crashed nearby.",
    "Army artillery shelled the village of Tal Abyad on Monday, wounding many. Residents said the shelling appeared "
    "to be in retaliation for the killing of a commander by rebels.",
    "Jets struck the town of Jisr al-Shughur on Friday, wounding scores. The strikes were in reprisal for the "
    "killing of a soldier at a checkpoint.",
    "Rockets hit the town of Nubl on Saturday, wounding ten people. The attack was in reprisal for the killing of a "
    "fighter near the town.",
])
def test_the_death_a_reprisal_avenges_is_not_its_toll(text: str) -> None:
    """The reprisal's report has no dead; the death it avenges, named by reference in a clause of its own, does
    not pass into it as its toll."""
    evs = _violent(text)
    assert evs and all(e.fatalities != 1 for e in evs), [(e.sub_event_type, e.fatalities) for e in evs]


# --------------------------------------------------------------------------- a toll told with its breakdown
@pytest.mark.parametrize(("text", "toll"), [
    ("The toll from air raids on the town of Douma has risen to 33 people including 20 children, medics said on "
     "Monday. \"Four air raids on the town of Douma killed 20 children\" a medic said. The medics added that 13 "
     "other people were killed without saying who they were.", 33),
    ("The death toll from Russian strikes on the town of Binnish has risen to 25 people including 15 women, a "
     "monitor said on Friday. \"Three Russian air strikes on the town of Binnish killed 15 women\" the monitor said. "
     "It added that ten other people were killed, without saying whether they were civilians.", 25),
    ("The death toll from air strikes on the village of Hass has risen to 48 people, among them 30 civilians, "
     "activists said on Sunday. \"Jets struck the village of Hass twice, killing 30 civilians\" an activist said. "
     "The activists added that 18 other people were killed but gave no details.", 48),
])
def test_a_toll_told_with_its_breakdown_is_no_total_of_several_reports(text: str, toll: int) -> None:
    """A toll that names a part of its own dead, each part told further down as a report of its own: the toll of
    one happening, kept (not dropped as the total of the reports after it)."""
    evs = _violent(text)
    assert toll in [e.fatalities for e in evs], [(e.sub_event_type, e.fatalities) for e in evs]


# --------------------------------------------------------------------------- province-wide tallies
@pytest.mark.parametrize("sentence", [
    "Twelve people were killed in Hama province and another 20 people were killed in Homs province, the monitor said.",
    "The monitor said 14 civilians died in Daraa province and nine civilians died in Quneitra province.",
    "Air strikes killed 25 people in Idlib province and another 16 people were killed in the province of Hama.",
])
def test_tolls_of_two_provinces_are_tallies(sentence: str) -> None:
    assert find_casualties(sentence).fatalities is None


@pytest.mark.parametrize(("sentence", "killed"), [
    # two places that are no provinces, or one province: a toll, the first place's
    ("Five people were killed in Saraqeb and another man died in Sheikh Mustafa.", 5),
    ("Six people were killed in the town of Ariha in Idlib province and four others in the town.", 6),
    ("Air strikes killed 18 people in Aleppo province on Sunday, the monitor said.", 18),
    ("Troops killed 32 rebels in Daraa province ambush. Troops killed 32 rebels in an ambush in the southern "
     "province of Daraa on Sunday.", 32),
])
def test_a_toll_of_one_province_or_of_towns_stays(sentence: str, killed: int) -> None:
    assert find_casualties(sentence).fatalities == killed


# --------------------------------------------------------------------------- a total over unnamed cities
@pytest.mark.parametrize("text", [
    "Jets pounded the rebel-held cities of the north on Sunday, killing 25 people.",
    "Government shelling struck several cities in the south on Monday, killing 14 civilians.",
    "Air strikes on opposition-held cities killed more than 60 people on Saturday.",
])
def test_a_toll_over_unnamed_cities_is_no_events(text: str) -> None:
    evs = _violent(text)
    assert all(e.fatalities is None for e in evs), [(e.sub_event_type, e.fatalities) for e in evs]


@pytest.mark.parametrize(("text", "toll"), [
    # villages of one area, a count of cities, or their names: ACLED puts the total on the (first) place
    ("Army artillery shelled villages in the west of Afrin district on Monday, killing two civilians.", 2),
    ("Air strikes on two cities in Idlib province killed 30 people on Sunday.", 30),
    ("Jets bombed the cities of Idlib and Ariha on Tuesday, killing 17 people.", 17),
])
def test_a_toll_over_villages_or_named_cities_stays(text: str, toll: int) -> None:
    evs = _violent(text)
    assert toll in [e.fatalities for e in evs], [(e.sub_event_type, e.fatalities) for e in evs]


# --------------------------------------------------------------------------- a headline restating a tally
@pytest.mark.parametrize("text", [
    "Over 200 Militants Killed in Army Offensive in Deir ez-Zor\n\nOver 200 militants have been killed in army air "
    "raids on their positions across Deir ez-Zor province in the last 72 hours, military sources said on Friday.",
    "80 Rebels Killed in Hama Campaign\n\nAt least 80 rebels have been killed in government strikes on the "
    "countryside of Hama province over the past three days, the monitor said on Monday.",
    "150 Fighters Killed in Daraa\n\nFierce clashes around the city of Daraa have killed about 150 fighters in the "
    "past four days, according to media reports.",
])
def test_a_headline_restating_a_tally_over_days_is_no_toll(text: str) -> None:
    evs = _violent(text)
    assert all(e.fatalities is None for e in evs), [(e.sub_event_type, e.fatalities) for e in evs]


@pytest.mark.parametrize(("text", "toll"), [
    # the body tells the headline's dead on one day: a toll
    ("30 Militants Killed in Army Offensive in Deir ez-Zor\n\nThirty militants were killed on Monday when army "
     "jets struck their positions near the town of Mayadin, military sources said.", 30),
    ("Nine Rebels Killed in Hama\n\nNine rebels were killed on Sunday in clashes with the army near the town of "
     "Morek in Hama province, the monitor said.", 9),
    ("A Commander Killed in Daraa Offensive\n\nA rebel commander was killed on Friday in the army's offensive on "
     "the town of Nawa in Daraa province, the monitor said.", 1),
])
def test_a_headline_restating_a_days_toll_keeps_it(text: str, toll: int) -> None:
    evs = _violent(text)
    assert toll in [e.fatalities for e in evs], [(e.sub_event_type, e.fatalities) for e in evs]


# --------------------------------------------------------------------------- "he was ..." is no death
@pytest.mark.parametrize(("sentence", "killed"), [
    ("She was injured in the blast.", None),
    ("He was arrested at the checkpoint.", None),
    ("The doctor said he was preserving samples for analysis.", None),
    ("He was killed in the blast.", 1),
    ("She died of her wounds in hospital.", 1),
    ("He was later shot dead by troops.", 1),
])
def test_he_was_tells_a_death_only_with_a_death_word(sentence: str, killed: int | None) -> None:
    assert find_casualties(sentence).fatalities == killed


# --------------------------------------------------------------------------- a tally over the war
@pytest.mark.parametrize("sentence", [
    "The monitoring group said at least 60000 people have died in government jails during the five-year conflict.",
    "More than 500 civilians have been killed throughout the civil war in the province.",
    "Over 300 fighters were killed over the course of the war, the group said.",
])
def test_dead_counted_over_a_war_are_a_tally(sentence: str) -> None:
    assert find_casualties(sentence).fatalities is None


# --------------------------------------------------------------------------- a toll told, then another act
@pytest.mark.parametrize(("text", "tolls"), [
    ("A mother and her son have died after a barrel bomb hit their home in Tariq al-Bab in Aleppo. At least 15 "
     "people were killed overnight by heavy shelling, the monitor said. Clashes on Monday continued between "
     "troops and rebels around the city.", [2, 15]),
    ("A man and his daughter have died after a jet struck their house in Douma. Eleven people were killed "
     "overnight by rocket fire on the town, medics said. Fighting on Tuesday raged between the army and rebels "
     "on the edge of the town.", [2, 11]),
    ("Two brothers have died after a drone struck their car near Hazano. At least nine people were killed overnight "
     "by artillery fire on the town, activists said. Clashes on Sunday broke out between rebels and the army "
     "around the town.", [2, 9]),
])
def test_an_act_told_after_a_toll_of_another_kind_is_a_report_of_its_own(text: str, tolls: list[int]) -> None:
    """A report that tells its toll in its own words, then an act of another kind on its own day: the act is no
    part of that report (its type and its evidence stay its own)."""
    evs = _violent(text)
    assert any(e.event_type == "Battles" and e.fatalities is None for e in evs), \
        [(e.event_type, e.fatalities) for e in evs]
    assert all(t in [e.fatalities for e in evs] for t in tolls), [(e.event_type, e.fatalities) for e in evs]


@pytest.mark.parametrize(("text", "toll"), [
    # an act, then a toll told in another kind's words: that act's toll (ACLED's notes)
    ("Troops clashed with rebels in the town of Arbin on Monday. Air strikes killed five civilians.", 5),
    ("Regime forces clashed with rebels in the town of Harasta. Shelling killed three women.", 3),
    ("Rebels fought the army in the village of Latamna on Friday. Helicopters killed six fighters.", 6),
])
def test_a_toll_after_an_act_of_another_kind_is_that_acts(text: str, toll: int) -> None:
    evs = _violent(text)
    assert evs and evs[0].fatalities == toll, [(e.event_type, e.fatalities) for e in evs]


# --------------------------------------------------------------------------- one more group of dead in a list
@pytest.mark.parametrize(("sentence", "killed"), [
    ("The raid killed four soldiers and two civilians, with another three bodies still unidentified.", 9),
    ("Shelling killed six children, plus a further two people who died in hospital.", 8),
    ("Gunmen killed three guards with another two dead found in the car park.", 5),
    # none dead: no more
    ("The bombing killed 12 fighters with another five people missing.", 12),
])
def test_another_group_of_dead_joins_the_list(sentence: str, killed: int) -> None:
    assert find_casualties(sentence).fatalities == killed


# --------------------------------------------------------------------------- confirmed dead
@pytest.mark.parametrize(("sentence", "killed"), [
    ("The monitor said more than 30 people have been confirmed dead in the town.", 30),
    ("Nine fighters were confirmed killed in the ambush, the group said.", 9),
    ("At least 14 civilians are confirmed dead after the blast.", 14),
])
def test_confirmed_dead_is_a_toll(sentence: str, killed: int) -> None:
    assert find_casualties(sentence).fatalities == killed


# --------------------------------------------------------------------------- a saying is no occasion
@pytest.mark.parametrize(("sentence", "killed"), [
    ("Moscow called a meeting after claiming 30 soldiers were killed by the strike.", 30),
    ("The ministry protested after saying 12 civilians were killed in the raid.", 12),
    ("The council met after reporting that eight people were killed by the shelling.", 8),
])
def test_dead_told_after_a_saying_are_a_toll(sentence: str, killed: int) -> None:
    assert find_casualties(sentence).fatalities == killed


@pytest.mark.parametrize("sentence", [
    "The army shelled the town after two soldiers were killed by a sniper.",
    "Jets struck the village after a pilot was killed by rebels.",
    "Troops stormed the camp following the killing of three guards.",
])
def test_dead_named_as_an_occasion_are_still_no_toll(sentence: str) -> None:
    assert find_casualties(sentence).fatalities is None
