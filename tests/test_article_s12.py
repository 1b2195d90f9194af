"""Session 12 (issue #12): evidence spans at the clause that states the event, tolls of one happening told twice,
and recall. All sentences are self-written.
"""

from __future__ import annotations

import pytest

from sitrep import extract
from tests.test_article_merge_s10 import _violent


# --------------------------------------------------------------------------- evidence at the clause of the act
@pytest.mark.parametrize("text,published,evidence", [
    ("The minister vowed to hunt down the militants who beheaded a police officer in Mosul on Sunday.",
     "2016-05-04", "the militants who beheaded a police officer in Mosul on Sunday."),
    ("The governor promised to punish the gunmen who shot dead four shepherds near Tal Afar on Friday.",
     "2017-03-12", "the gunmen who shot dead four shepherds near Tal Afar on Friday."),
    ("The opposition praised the fighters who shelled an army checkpoint near Hama on Sunday.",
     "2011-04-13", "the fighters who shelled an army checkpoint near Hama on Sunday."),
])
def test_the_act_of_doers_named_as_an_object_starts_at_its_doers(text: str, published: str, evidence: str) -> None:
    evs = _violent(text, published)
    assert [e.evidence.text for e in evs] == [evidence], [(e.sub_event_type, e.evidence.text) for e in evs]


@pytest.mark.parametrize("text,published,evidence", [
    ("Gunmen killed three farmers in Hama on Monday but the army has ignored similar attacks for months.",
     "2016-05-04", "Gunmen killed three farmers in Hama on Monday"),
    ("Jets struck a market in Ariha on Friday, killing 12 people, but the ministry insists that its planes "
     "never fly over the town.", "2019-05-04", "Jets struck a market in Ariha on Friday, killing 12 people"),
    ("Militants stormed a checkpoint near Baiji on Tuesday but they were driven out within the hour, the army "
     "said.", "2015-06-04", "Militants stormed a checkpoint near Baiji on Tuesday"),
])
def test_a_clause_turned_on_by_but_is_no_part_of_the_evidence(text: str, published: str, evidence: str) -> None:
    evs = _violent(text, published)
    assert evs and evs[0].evidence.text == evidence, [(e.sub_event_type, e.evidence.text) for e in evs]


@pytest.mark.parametrize("text,published,toll", [
    ("A car bomb exploded near a checkpoint in Azaz on Monday but killed nobody.", "2016-05-04", 0),
    ("Jets bombed a bakery in Ariha on Friday, but no one was hurt.", "2019-05-04", 0),
    ("A mortar shell hit a school in Jobar on Sunday but the pupils were spared.", "2016-05-04", None),
])
def test_a_but_that_tells_the_act_s_casualties_stays_in_the_evidence(text: str, published: str,
                                                                     toll: int | None) -> None:
    evs = _violent(text, published)
    assert len(evs) == 1 and evs[0].evidence.text == text, [(e.sub_event_type, e.evidence.text) for e in evs]


# --------------------------------------------------------------------------- a past act dated by its year
def _background(text: str, lead: str = "On Monday, jets bombed Ariha. ") -> list[tuple[str, str | None]]:
    return sorted((e.event_type, e.date) for e in extract(lead + text, published="2020-05-06")
                  if e.event_type != "Diplomacy" and not (e.location is not None and e.location.name == "Ariha"))


@pytest.mark.parametrize("text,expected", [
    ("Regime forces recaptured Saraqeb in 2019.", [("Battles", "2019")]),
    ("In 2017, a car bomb killed 40 people in Azaz.", [("Explosions/Remote violence", "2017")]),
    ("In 2016, an air strike killed 12 people at a market in Kafranbel.", [("Explosions/Remote violence", "2016")]),
    ("Jets also bombed Saraqeb, which rebels seized from the army in 2015.", [("Battles", "2015")]),
])
def test_a_past_act_at_a_town_dated_by_its_year_is_a_background_event(text: str,
                                                                     expected: list[tuple[str, str]]) -> None:
    assert _background(text) == expected, (text, _background(text))


@pytest.mark.parametrize("text", [
    # a period, the start of the war, a deal, the manner of a career: no event
    "The city of Aleppo has been ravaged by fighting since 2012.",
    "Several aircraft have been shot down over Idlib since 2011.",
    "The war began in 2011 when troops fired on protesters in Daraa.",
    "The uprising started in 2011 after police shot protesters in Homs.",
    "Syria agreed to destroy its chemical weapons in 2013.",
    "In 2014, the group gained prominence by seizing Mosul.",
    "The faction rose to fame in 2013 through attacks in Raqqa.",
])
def test_a_period_or_a_career_dated_by_its_year_is_no_event(text: str) -> None:
    assert _background(text) == [], (text, _background(text))


@pytest.mark.parametrize("text,published,expected", [
    # the happening a later report at its place points back at ("the attack on the town"), or a later "that
    # attack" tells again: one event
    ("IS seized Palmyra in 2015. The attack on the town killed 12 soldiers, the army said.", "2016-10-05",
     ["2016-10-05"]),
    # the history of the report's own place, told by an act of its own, is a background event beside today's
    # report (GUIDE; s14: was one event -- the gold codes "rebels seized the east in 2012" beside a rocket on Aleppo)
    ("Rebels overran Khan Touman in 2016. Jets bombed the town on Friday, killing six people.", "2019-03-04",
     ["2016", "2019-03-01"]),
    ("UN investigators established that sarin was used in Eastern Ghouta in 2013. The United States accused "
     "Damascus of that attack, which it says killed 1429 people.", "2016-08-11", ["2013"]),
    # a note that tells only a past act: no report for it to be the background of
    ("In 2014, gunmen shot dead a mayor in Acapulco.", "2018-05-02", []),
])
def test_a_past_act_the_article_tells_again_or_alone_is_no_background_event(text: str, published: str,
                                                                           expected: list[str]) -> None:
    got = [e.date for e in extract(text, published=published) if e.event_type != "Diplomacy"]
    assert got == expected, (text, got)


# --------------------------------------------------------------------------- a headline restating another report
def _tolls(text: str, published: str) -> list[tuple[str, int | None]]:
    return sorted(((e.evidence.text[:26], e.fatalities) for e in extract(text, published=published)
                   if e.event_type != "Diplomacy"), key=lambda t: t[0])


@pytest.mark.parametrize("text,published,expected", [
    # the headline's toll is the one a later report tells, not the first report's it joins
    ("Army Pounds IS in Deir Ezzor, 30 Militants Killed\n\nSat 7 May 2016 A video released on Friday shows heavy "
     "fighting between the army and IS militants in the city of Deir Ezzor. Jets struck IS positions near the airport "
     "on Saturday. An IS attack on army posts in the Sinaah district was repelled on Saturday, the army said. At "
     "least 30 militants were killed in the failed attack, it added.", "2016-05-07",
     [("An IS attack on army posts", 30), ("Jets struck IS positions n", None), ("Sat 7 May 2016 A video rel", None)]),
    ("Troops Pound IS Near Palmyra, 40 Militants Killed\n\nFri 11 Mar 2016 Footage released on Thursday shows heavy "
     "clashes between troops and IS militants in the city of Palmyra. Helicopters struck IS positions near the oil "
     "fields on Friday. An IS assault on army posts in the village of Jazal was repelled on Friday, the army said. At "
     "least 40 militants were killed in the failed assault, a military source added.", "2016-03-11",
     [("An IS assault on army post", 40), ("Fri 11 Mar 2016 Footage re", None), ("Helicopters struck IS posi", None)]),
    ("Troops Hit IS in Deir Ezzor, 19 Militants Killed\n\nThu 8 Sep 2016 Footage released on Wednesday shows heavy "
     "clashes between troops and IS militants in the city of Deir Ezzor. Jets struck IS positions near the airport on "
     "Thursday. An IS attack on army posts in the Jbeileh district was repelled on Thursday, the army said. At least "
     "19 militants were killed in the failed attack, it added.", "2016-09-08",
     [("An IS attack on army posts", 19), ("Jets struck IS positions n", None), ("Thu 8 Sep 2016 Footage rel", None)]),
])
def test_a_headline_toll_another_report_tells_is_no_toll_of_the_report_it_joins(
        text: str, published: str, expected: list[tuple[str, int | None]]) -> None:
    assert _tolls(text, published) == expected


@pytest.mark.parametrize("text,published,expected", [
    # the headline's toll is the toll of the one report that tells it, or of the report it stands above
    ("Suicide Attack Kills 15 in Qamishli\n\nTue 5 Jul 2016 Clashes broke out between Kurdish forces and IS fighters "
     "in Qamishli on Tuesday. A suicide bomber blew himself up at a checkpoint in the city's west on Tuesday. Fifteen "
     "people were killed in the blast, a monitor said.", "2016-07-05",
     [("A suicide bomber blew hims", 15), ("Tue 5 Jul 2016 Clashes bro", None)]),
    ("Jets Hit Idlib, 22 Civilians Killed\n\nMon 6 Feb 2017 A video posted on Monday shows smoke rising over the city "
     "of Idlib. Warplanes bombed a market in Idlib city on Monday. Twenty-two civilians died in the market strike, "
     "rescuers said.", "2017-02-06", [("Warplanes bombed a market ", 22)]),
    ("Army Pounds Rebels in Daraa, 22 Fighters Killed\n\nSat 10 Jun 2017 A video released on Friday shows heavy "
     "fighting between the army and rebels in the city of Daraa. Jets struck rebel positions near the border crossing "
     "on Saturday. A rebel assault on army posts in the Manshiyeh district was repelled on Saturday, the army said. At "
     "least 22 fighters were killed in the failed assault, it added.", "2017-06-10",
     [("A rebel assault on army po", 22), ("A video released on Friday", None), ("Jets struck rebel position", None)]),
    ("Car Bomb Kills 14 in Azaz\n\nA car bomb exploded near a checkpoint in Azaz on Monday. Rescuers pulled bodies "
     "from the rubble. Shelling hit the town of Marea on Monday, killing two.", "2016-05-04",
     [("A car bomb exploded near a", 14), ("Shelling hit the town of M", 2)]),
])
def test_a_headline_toll_of_its_own_report_stays(text: str, published: str,
                                                 expected: list[tuple[str, int | None]]) -> None:
    assert _tolls(text, published) == expected
