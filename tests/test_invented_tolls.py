"""Tolls the text does not give for the event they are on (issue #12, session 14): a total kept because its parts
were placed abroad by a loose spelling, a toll taken by the next report from one placed only as "another
district", a vague report that keeps its own words as evidence over the sentence with the figure, and a part of a
report's dead told as a report of its own. Every sentence here is self-written; each table holds at least three
different sentences of one class of phrasing."""

from __future__ import annotations

import pytest

from sitrep import extract
from sitrep.extract.numbers import among_the_dead, tells_vague_dead


def _violent(text: str) -> list:
    return [e for e in extract(text, published="2016-08-10") if e.event_type != "Diplomacy"]


# --------------------------------------------------------------------------- a loose spelling abroad
@pytest.mark.parametrize("text", [
    "Rebel shells fell on government-held districts of Aleppo on Monday. Shelling on the Iskandariyeh district "
    "killed six people, state media said.",
    "Rebel rockets hit government-held parts of Homs on Sunday. A rocket on the Telkeif district killed four "
    "civilians, state media said.",
    "Mortar rounds fell on the old city of Damascus on Friday. A mortar round on the Bartelleh district killed "
    "three people, the state agency said.",
    "Mortar rounds fell on the old city of Damascus on Friday. Mortars on the district of Khanaqeen killed three "
    "people, the state agency said.",
    "Rebels fired rockets at the city of Aleppo on Sunday. Five people were killed when a rocket hit a school in "
    "the district of Hamdaniyeh.",
])
def test_a_loose_spelling_abroad_is_no_place_of_a_text_about_another_country(text: str) -> None:
    """A district the gazetteer does not know, whose spelling only loosely matches a town in Iraq, in a text whose
    other places are all in Syria: not the Iraqi town (the report stays in the Syrian city)."""
    evs = _violent(text)
    assert evs and all(e.location is not None and e.location.country == "SY" for e in evs), \
        [(e.location.name, e.location.country) if e.location else None for e in evs]


@pytest.mark.parametrize("text,country", [
    # the text names the country (or a city of it) the loose reading is in: it stands
    ("Islamic State militants shelled Telkeif north of Mosul in Iraq on Sunday, killing four civilians.", "IQ"),
    ("Militants shelled Bartelleh near Mosul on Sunday, killing four civilians.", "IQ"),
    # no other place in the text: nothing says it is elsewhere
    ("Militants shelled Telkeif on Sunday, killing four civilians.", "IQ"),
])
def test_a_loose_spelling_stands_where_the_text_is_about_its_country(text: str, country: str) -> None:
    evs = _violent(text)
    assert evs and all(e.location is not None and e.location.country == country for e in evs), \
        [(e.location.name, e.location.country) if e.location else None for e in evs]


# --------------------------------------------------------------------------- "another district", then a place named
@pytest.mark.parametrize("text,tolls", [
    ("Rebel shelling killed five people in the Midan district of Damascus on Monday. Mortar fire on another "
     "district killed two people. Government jets later struck rebel positions in Damascus.", [2, 5]),
    ("Rockets killed three civilians in the Hamidiyeh quarter of Homs on Tuesday. A shell on another "
     "neighbourhood killed one child. Regime helicopters dropped barrel bombs on Homs in the evening.", [1, 3]),
    ("A car bomb killed eight people in a village near Hama on Sunday. Shelling on a second village killed two "
     "people. Russian jets bombed rebel positions near Hama later that day.", [2, 8]),
])
def test_a_report_placed_as_another_district_keeps_its_toll(text: str, tolls: list[int]) -> None:
    """ "Mortar fire on another district killed two" is a happening of its own; the next sentence, which names a
    place in its own words ("jets struck rebel positions in Damascus"), does not go on it and take its toll
    (at the base the jets' report took the 2 and the mortar fire's words were lost in it)."""
    evs = _violent(text)
    assert sorted(e.fatalities for e in evs if e.fatalities) == tolls, [(e.fatalities, e.evidence.text) for e in evs]
    small = next(e for e in evs if e.fatalities == tolls[0])
    assert "another" in small.evidence.text or "second" in small.evidence.text, small.evidence.text


# --------------------------------------------------------------------------- dead told vaguely, then the figure
@pytest.mark.parametrize("text,toll,words", [
    ("Dozens of militants were killed in army operations in Hama province on Friday. More than 60 fighters were "
     "killed in the village of Kafr Zita, a military source said.", 60, "More than 60"),
    ("Scores of people were killed when jets bombed the city of Idlib on Monday. Medics said 37 people were killed "
     "in the raids on the city's market.", 37, "37 people"),
    ("Several soldiers were killed in an ambush near Palmyra on Thursday. The army said nine soldiers were killed "
     "when militants attacked their convoy near the town.", 9, "nine soldiers"),
])
def test_a_vague_report_is_stated_by_the_sentence_with_its_figure(text: str, toll: int, words: str) -> None:
    """A report that gives its dead only as "dozens" / "scores" / "several" and then the figure in a sentence of
    its own: one report, with the figure, and the figure's sentence is its evidence (where the text says it)."""
    evs = _violent(text)
    assert len(evs) == 1 and evs[0].fatalities == toll, [(e.fatalities, e.evidence.text) for e in evs]
    assert words in evs[0].evidence.text, evs[0].evidence.text


@pytest.mark.parametrize("text,vague", [
    ("Dozens of militants were killed in army operations", True),
    ("the raids killed scores of people", True),
    ("Hundreds of fighters died in the battle", True),
    ("five people were killed in the shelling", False),
    ("killing at least 12 people", False),
    ("dozens of people were wounded", False),
])
def test_tells_vague_dead(text: str, vague: bool) -> None:
    assert tells_vague_dead(text) is vague


# --------------------------------------------------------------------------- a part of a report's dead
@pytest.mark.parametrize("text,toll", [
    ("Three children and two nurses killed in an air strike on a clinic in Idlib. An air strike destroyed a clinic "
     "in the town of Saraqeb on Sunday, killing 11 people. Among the dead were two nurses and three children.", 11),
    ("Four women and a child killed in shelling on a market in Douma. Regime shelling hit a crowded market in Douma "
     "on Saturday, killing 16 people. Those killed included four women and a child.", 16),
    ("Two soldiers and a policeman killed in a bombing in Kirkuk. A car bomb exploded at a checkpoint in Kirkuk on "
     "Monday, killing seven people. The victims were two soldiers and a policeman.", 7),
])
def test_a_part_of_a_reports_dead_is_no_report_of_its_own(text: str, toll: int) -> None:
    """A standfirst that counts only the breakdown the body gives of a larger toll ("Among the dead were ..."):
    the body's report, told by a part of its dead -- no second event with the part as its toll."""
    evs = _violent(text)
    assert [e.fatalities for e in evs] == [toll], [(e.fatalities, e.evidence.text) for e in evs]


@pytest.mark.parametrize("text,tolls", [
    # the breakdown is of another number: two happenings
    ("Two children killed in shelling on Douma. Regime shelling hit a market in Douma on Saturday, killing 16 "
     "people. Among the dead were four women and a child.", [2, 16]),
    # the first report's dead are more than the later one's: no part of it
    ("Twenty people killed in air strikes on Idlib. An air strike hit a bakery in Idlib on Sunday, killing seven "
     "people. Among the dead were two children.", [7, 20]),
    # no breakdown at all
    ("Three soldiers killed in an ambush in Deraa. Gunmen ambushed an army patrol near Deraa on Monday, killing "
     "eight soldiers.", [3, 8]),
])
def test_a_report_not_named_by_a_breakdown_stays(text: str, tolls: list[int]) -> None:
    evs = _violent(text)
    assert sorted(e.fatalities for e in evs if e.fatalities) == tolls, [(e.fatalities, e.evidence.text) for e in evs]


@pytest.mark.parametrize("text,n", [
    ("Among the dead were four nurses and five children.", 9),
    ("Those killed included two women and a child.", 3),
    ("The victims were three soldiers and a civilian.", 4),
    ("Five people were killed in the strike.", None),
])
def test_among_the_dead(text: str, n: int | None) -> None:
    assert among_the_dead(text) == n


# --------------------------------------------------------------------------- a figure credited to an office at its seat
@pytest.mark.parametrize("text,place,seat", [
    ("Rebels shelled the village of Mhardeh on Sunday. The shells killed four people, according to the health "
     "ministry in Damascus.", "Mhardeh", "Damascus"),
    ("Gunmen attacked a checkpoint near the village of Kfar Takharim on Tuesday. The attack killed three soldiers, "
     "according to the interior ministry in Damascus.", "Takh", "Damascus"),
    ("Mortars hit the town of Jableh on Friday. The mortars killed two people, according to the health directorate "
     "of Latakia.", "Jablah", "Latakia"),
    ("Jets bombed the village of Hass on Sunday. The strikes killed seven people, according to the local council in "
     "Maarat al-Numan.", None, "Maarat al-Numan"),
])
def test_a_figure_credited_to_an_office_is_not_placed_at_its_seat(text: str, place: str | None, seat: str) -> None:
    """ "according to the directorate of health in Idlib province": whose figure it is, not where the act was."""
    evs = _violent(text)
    names = [e.location.name if e.location else None for e in evs]
    assert evs and not any(n and seat in n for n in names), names
    if place is not None:
        assert any(n and place in n for n in names), names


def test_an_act_on_the_office_is_at_its_seat() -> None:
    """Near miss: the act reaches the office ("a car bomb exploded outside the health directorate in Idlib")."""
    evs = _violent("A car bomb exploded outside the health directorate in Idlib on Monday, killing six people.")
    assert [e.location.name for e in evs if e.location] == ["Idlib"]


# --------------------------------------------------------------------------- the town before its area, carried on
@pytest.mark.parametrize("text,place", [
    ("The opposition condemned the attack on the town of Kafr Nabl in rural Idlib on Monday. Chemical agents were "
     "used in the attack, which killed 40 people, medics said.", "Kafr Nabl"),
    ("The UN condemned the strike on the village of Kafr Zita, Hama province on Tuesday. The missiles killed eight "
     "people, rescuers said.", "Kafr Zita"),
    ("The coalition condemned the raid on the town of Saraqeb in rural Idlib on Monday. Chlorine was used in the "
     "raid, which killed 11 people, medics said.", "Saraqib"),
])
def test_a_report_with_no_place_of_its_own_is_at_the_town_before_its_area(text: str, place: str) -> None:
    """A report told with no place of its own after "the town of X in rural Y": at X (the finer place the
    sentence before named), not at Y, the area the town lies in."""
    evs = _violent(text)
    assert evs and all(e.location is not None and place in e.location.name for e in evs), \
        [(e.location.name if e.location else None) for e in evs]


# --------------------------------------------------------------------------- an attempt beaten back
@pytest.mark.parametrize("text", [
    "The army units thwarted an attempt by the militants to penetrate into an army base in the Jabal al-Akrad "
    "region on Monday.",
    "Kurdish fighters foiled an attempt by Islamic State fighters to storm the village of Tal Tamr on Sunday.",
    "Government troops repelled an attempt by rebels to infiltrate their positions near Kafr Nabuda on Friday.",
])
def test_an_attempt_to_storm_beaten_back_is_a_battle(text: str) -> None:
    evs = _violent(text)
    assert [(e.event_type, e.sub_event_type) for e in evs] == [("Battles", "Armed clash")]


@pytest.mark.parametrize("text", [
    "Customs officers foiled an attempt to smuggle weapons across the border on Monday.",
    "Police thwarted an attempt to bomb a church in Baghdad on Friday.",
])
def test_an_attempt_at_no_assault_is_no_battle(text: str) -> None:
    assert not any(e.event_type == "Battles" for e in _violent(text))


# --------------------------------------------------------------------------- the story's day and another year
@pytest.mark.parametrize("text,dates", [
    ("Regime jets struck the town of Talbiseh on Monday, killing four people. Rebels meantime attacked an army "
     "checkpoint in northern Homs. In March 2013 northern Homs was attacked by the army.",
     ["2016-07-25", "2016-07-25", "2013-03"]),
    ("A car bomb killed six people in Qamishli on Friday. Gunmen meantime attacked a police checkpoint in Hasakah. "
     "In May 2014 Hasakah was attacked by IS militants.", ["2016-07-29", "2016-07-29", "2014-05"]),
    ("Turkish jets bombed Kurdish positions near Afrin on Sunday. Kurdish fighters meantime attacked a rebel post "
     "near Azaz. In June 2012 Azaz was attacked by rebel fighters.", ["2016-07-24", "2016-07-24", "2012-06"]),
])
def test_a_report_of_the_storys_day_is_not_one_of_another_year(text: str, dates: list[str]) -> None:
    """A report dated only by the story's day ("Rebels meantime attacked a checkpoint") and a sentence that names
    a date of another year ("In March 2013 the area was attacked"): two happenings, each with its own date (at the
    base the first two cases were one report dated 2013 / 2014)."""
    evs = extract(text, published="2016-07-30")
    assert [e.date for e in evs if e.event_type != "Diplomacy"] == dates


# --------------------------------------------------------------------------- two settlements, each its report's
@pytest.mark.parametrize("text,n", [
    ("Rebels killed a regime officer in heavy clashes in Deraa province on Tuesday. The officer was killed in the "
     "Lajat region of eastern Deraa. The rebels meantime repelled an attempt by the troops to advance on Tal Sukkar "
     "area in western Deraa. The troops have tried to reach the border for weeks. Earlier this month scores of "
     "soldiers were killed in rebel attacks in Deraa province on Friday. More than 15 soldiers were killed in the "
     "town of Busr al-Harir activists said on Saturday.", 3),
    ("Troops killed an IS commander in heavy clashes in Homs province on Monday. The commander was killed in the "
     "Jazal region of eastern Homs. The troops meantime foiled an attempt by the militants to storm Wadi Abyad area "
     "in eastern Homs. The militants have tried to reach the oil fields for weeks. Earlier this month dozens of "
     "militants were killed in army operations in Homs province on Friday. At least 25 militants were killed in the "
     "village of Umm Sahrij state media said on Saturday.", 3),
])
def test_an_attempt_beaten_back_at_one_area_is_not_the_toll_told_of_another(text: str, n: int) -> None:
    """The attempt beaten back at one named area and the dead told of a named village elsewhere in the province:
    two reports (the attempt keeps no toll), though the gazetteer knows neither place."""
    evs = _violent(text)
    assert len(evs) == n, [(e.fatalities, e.evidence.text[:50]) for e in evs]
    attempt = next(e for e in evs if "attempt" in e.evidence.text)
    assert attempt.fatalities is None


# --------------------------------------------------------------------------- a neighbourhood of the city it names
@pytest.mark.parametrize("text,place", [
    ("Militants keep violating the truce in the provinces of Aleppo and Damascus, the centre said. In Aleppos Bani "
     "Zeid neighborhood militants executed 12 men who tried to surrender, the centre said.", "Aleppo - Bani Zeid"),
    ("Militants keep violating the truce in the provinces of Homs and Damascus, the centre said. In Homss Mreijeh "
     "neighborhood militants executed seven men who tried to surrender, the centre said.", "Homs - Mreijeh"),
    ("Militants keep violating the truce in the provinces of Latakia and Aleppo, the centre said. In Latakias Raml "
     "neighborhood militants executed four men who tried to surrender, the centre said.", "Latakia - Raml"),
])
def test_a_neighbourhood_named_in_the_possessive_is_of_that_city(text: str, place: str) -> None:
    """ "In Aleppo's X neighborhood" with the apostrophe lost ("Aleppos"): a part of Aleppo, not of the last city
    the text named (at the base: "Damascus - In Aleppos Bani Zeid")."""
    evs = _violent(text)
    assert [e.location.name for e in evs if e.location] == [place]


# --------------------------------------------------------------------------- one happening retold in the same words
@pytest.mark.parametrize("text,toll", [
    ("August 12 2016 Militants executed fighters and members of their families who tried to hand over their weapons "
     "to the army. Armed groups keep breaking the truce in the provinces of Aleppo and Idlib the centre said in its "
     "daily bulletin on Friday. Thus according to the bulletin militants executed 18 fighters and members of their "
     "families. \"In Aleppos Bustan al-Qasr neighborhood militants executed fighters and members of their families who "
     "tried to hand over their weapons to the army. In all 18 people were killed\" the centre said.", 18),
    ("August 12 2016 Gunmen shot dead farmers and members of their families who tried to return to their fields near "
     "Morek. Armed groups keep breaking the truce the centre said in its daily bulletin on Friday. Thus according to "
     "the bulletin gunmen shot dead nine farmers and members of their families. \"Near Morek gunmen shot dead farmers "
     "and members of their families who tried to return to their fields. In all nine people were killed\" the centre "
     "said.", 9),
    ("August 12 2016 Jihadists executed villagers and members of their families who tried to flee the town of Kafr "
     "Nabuda. Armed groups keep breaking the truce the centre said in its daily bulletin on Friday. Thus according to "
     "the bulletin jihadists executed 14 villagers and members of their families. \"In Kafr Nabuda jihadists executed "
     "villagers and members of their families who tried to flee the town. In all 14 people were killed\" the centre "
     "said.", 14),
])
def test_a_happening_retold_in_the_same_words_is_one_report(text: str, toll: int) -> None:
    """The lead tells the act with no toll; a bulletin further down tells it again in the same words, act and all,
    with its dead: one report with that toll (at the base: an untolled report and a tolled one)."""
    evs = _violent(text)
    assert [e.fatalities for e in evs] == [toll], [(e.fatalities, e.evidence.text[:50]) for e in evs]


def test_the_same_words_on_another_day_are_another_report() -> None:
    """Near miss: the same words on two days the text names: two happenings."""
    evs = _violent("Jets bombed a crowded market in the town of Saraqeb on Monday. Rescuers worked through the night. "
                   "Jets bombed a crowded market in the town of Saraqeb again on Thursday, killing 11 people.")
    assert sorted((e.date, e.fatalities) for e in evs) == [("2016-08-04", 11), ("2016-08-08", None)], \
        [(e.date, e.fatalities) for e in evs]
