"""A count over a period is a tally, not one happening (GUIDE: "aggregates and tallies ... are not events"; issue #12:
no toll from aggregates): a period from a month of this year ("since April", "since mid-February"), one that opens
the clause ("Since then more than 300 people have been killed"), a stretch with two ends ("from March 2011 to June
2016", "between January and March") and a period the text names as such ("in that three-week period", "during
April"). Such a clause gives no event, and its figure is no toll of the act told before it. Every sentence is
self-written."""
from __future__ import annotations

import pytest

from sitrep.extract import extract

PUB = "2016-10-12"


def _violent(text: str) -> list[tuple[str | None, int | None]]:
    return [(e.sub_event_type, e.fatalities) for e in extract(text, PUB) if e.event_type != "Diplomacy"]


@pytest.mark.parametrize("text", [
    # a month with no year: this year's, so a period up to the day it was told
    "More than 300 civilians have been killed in Aleppo since April.",
    "At least 412 people have been killed in and around Kobani since mid-September, the monitor said.",
    "The district has been under heavy bombardment since early February, which has killed more than 130 civilians.",
    "Some 85 fighters have died in clashes around Deir ez-Zor since late August, the group said.",
    # the period opens the clause
    "Since then more than 300 people have been killed in bombardments of rebel-held areas, the Observatory said.",
    "Since April, 270 civilians have died in air strikes on Aleppo, the monitor said.",
    "But since June at least 60 people have been killed by shelling in Daraa, activists said.",
    # a stretch with two ends, whatever day it was told
    "In a Sunday statement the network said that 12,679 people died of torture from March 2011 to June 2016.",
    "Between January and March, government air strikes killed 900 civilians in Idlib province, the network said "
    "on Monday.",
    "The group said 2,100 people were killed in air strikes on Raqqa from June to October.",
    # a period the text names as such, and a whole month
    "But in that three-week period the militants executed 128 residents of Palmyra.",
    "Over the same period, air strikes killed 45 civilians in the town of Saraqib, the monitor said.",
    "The institute said it had documented 270 civilians killed by bombing in Aleppo during April.",
    "Rights groups counted 160 people killed by barrel bombs in Daraa throughout March.",
])
def test_a_count_over_a_period_is_no_event(text: str) -> None:
    assert [fat for _, fat in _violent(text) if fat is not None] == []


@pytest.mark.parametrize(("text", "toll"), [
    # a day of its own: a report, whatever period the clause names
    ("Since then, jets struck Aleppo on Monday, killing 12 people.", 12),
    ("Jets struck Aleppo on Monday, killing 12 people, bringing to 300 the number killed since April.", 12),
    # one happening dated by its month
    ("An earlier attack by the militants on the Shaer gas field in July left 270 people dead.", 270),
    # a superlative measures the act against a period; it is no tally
    ("The air strike on Saraqib on Tuesday, the deadliest since April, killed 23 people.", 23),
    # a day of a month, not the month
    ("A car bomb killed 14 people in Azaz during April 3 celebrations, the monitor said.", 14),
])
def test_a_report_beside_a_period_keeps_its_toll(text: str, toll: int) -> None:
    assert toll in [fat for _, fat in _violent(text)]


@pytest.mark.parametrize(("text", "kept"), [
    ("In late September the army announced an operation to recapture the rebel-held east of Aleppo. Since then "
     "more than 300 people have been killed in bombardments of rebel-held areas, according to the monitor.", 300),
    ("Rebels seized the village of Tal Hamis in May. Since then, 140 fighters have been killed in clashes around it, "
     "the group said.", 140),
    ("Regime forces began an offensive on Daraya in January. Between February and April, 75 civilians were killed in "
     "the shelling of the town, rights groups said.", 75),
])
def test_a_tally_after_an_act_is_not_its_toll(text: str, kept: int) -> None:
    assert kept not in [fat for _, fat in _violent(text)]


@pytest.mark.parametrize(("text", "day"), [
    ("Rebels shelled the Hamdaniya district of Aleppo on Tuesday, killing five people. The district has been "
     "besieged since June 2016. Jets also struck the town of Anadan, killing three people.", "2016-10-11"),
    ("Jets struck a market in Douma on Sunday. It was the worst raid on the town since the truce of February 2016. "
     "Rebels shelled the nearby town of Harasta, killing two people.", "2016-10-09"),
    ("A car bomb killed 12 people in Azaz on Monday. It was the deadliest attack to hit the town since the "
     "beginning of the conflict in March 2011. A second bomb exploded in nearby Marea, killing four people.",
     "2016-10-10"),
])
def test_the_start_of_a_period_does_not_date_the_next_report(text: str, day: str) -> None:
    # the same report without the sentence naming the period has the same days (metamorphic)
    plain = ". ".join(s for s in text.split(". ") if "since" not in s)
    for variant in (text, plain):
        dates = [e.date for e in extract(variant, PUB) if e.event_type != "Diplomacy"]
        assert len(dates) == 2 and set(dates) == {day}, variant


@pytest.mark.parametrize(("text", "toll"), [
    # the period opens a clause of its own ("since" + a clause that names its year): it still measures the count
    ("On Tuesday at least 58 people were killed in a chemical attack on the town of Khan Sheikhun. More than 320000 "
     "people have been killed and millions displaced since Syrias war started in 2011 with the repression of "
     "protests.", 58),
    ("A car bomb killed 12 people in Azaz on Monday. Some 10000 civilians have died since the militants seized the "
     "province in 2014 with the help of foreign fighters.", 12),
    ("Jets struck the town of Saraqib on Monday, killing seven people. At least 400000 people have been killed since "
     "the uprising began in 2011 with peaceful protests.", 7),
])
def test_a_period_opening_its_own_clause_still_makes_a_tally(text: str, toll: int) -> None:
    got = _violent(text)
    assert (None, toll) not in got and [fat for _, fat in got if fat is not None] == [toll]
    assert all(e.date is None or not e.date.startswith("2011") for e in extract(text, PUB))


@pytest.mark.parametrize(("text", "country"), [
    ("The regime has vowed to fight on despite threats of further US strikes following the chemical attack.", "US"),
    ("Activists said the raid was the deadliest since UK jets joined the campaign, killing six people on Monday.",
     "GB"),
    ("Residents said further Turkey strikes followed the bombing, which killed 12 people on Monday.", "TR"),
])
def test_a_country_before_its_arms_is_no_place(text: str, country: str) -> None:
    assert all(e.location is None or e.location.country != country for e in extract(text, PUB))


LEAD = "Jets struck the town of Douma in Eastern Ghouta on Thursday, killing ten people. "


@pytest.mark.parametrize("text", [
    # how often acts of the kind come
    "High death tolls from air force attacks are not rare.",
    "Suicide bombings are common in the city.",
    "Such raids are a daily occurrence in the besieged suburb of Harasta.",
    # a trend
    "Despite the deal there has been an uptick in government bombardment of the area in recent days.",
    "Residents reported an increase in air strikes on the town of Harasta.",
    "There has been an escalation in shelling on the district of Jobar since the truce collapsed.",
    # the act a warning is against
    "Moscow warns against new US missile strikes on Syria.",
    "Aid groups are warning against an offensive on the besieged district of Jobar.",
    "The opposition warned against any attack on the town of Idlib.",
    # the act an inquiry is of
    "We demand a thorough investigation of the alleged chemical attack on the city of Khan Shaikhoun, the minister "
    "said.",
    "The UN called for a probe of the strike on the hospital in Aleppo.",
    "An inquiry of the bombing of the convoy near Harasta is under way.",
    # how the war began
    "Syrias conflict broke out in March 2011 with anti-government protests.",
    "The war started in 2011 with peaceful demonstrations against the government in Deraa.",
    "The uprising began in March 2011 as peaceful protests against Assad in Homs.",
    # the dead of a whole campaign, told actively
    "But activists say government strikes have killed hundreds of civilians in the area.",
    "Government air strikes have killed thousands of people in rebel areas of Damascus province.",
    "The bombing of Harasta has reportedly killed hundreds of people.",
])
def test_a_habit_a_trend_a_warning_an_inquiry_or_an_origin_adds_no_event(text: str) -> None:
    got = [(e.date, e.fatalities) for e in extract(LEAD + text, "2015-02-06")
           if e.event_type not in ("Diplomacy", "Strategic developments")]
    assert got == [("2015-02-05", 10)]


@pytest.mark.parametrize(("text", "toll"), [
    # a page's title, restated, then its lead in other words: one figure, one group
    ("Twin blasts kill 30 Kurdish fighters in Syria Monitor  Twin blasts kill 30 Kurdish fighters in Syria Monitor "
     "AFP Monday 6 Oct 2014 \"At least 30 members of the YPG and asayesh were killed when two suicide bombers "
     "detonated their trucks at the northern entrance to Hasakeh\" the monitor told AFP.", 30),
    ("Car bomb kills 12 soldiers in Homs Monitor  Car bomb kills 12 soldiers in Homs Monitor AFP Monday 2 Mar 2015 "
     "\"At least 12 members of the security forces were killed when a car bomb exploded at a checkpoint in Homs\" "
     "the monitor told AFP.", 12),
    ("Ambush kills 9 rebels near Daraa  Ambush kills 9 rebels near Daraa AFP Monday 2 Mar 2015 \"Nine members of the "
     "Southern Front were killed when gunmen ambushed their convoy near Daraa\" the monitor said.", 9),
    # two groups joined in one phrase still add up
    ("Clashes killed 5 soldiers and 5 rebels near Hama on Monday.", 10),
])
def test_one_figure_restated_in_other_words_counts_once(text: str, toll: int) -> None:
    assert [fat for _, fat in _violent(text) if fat is not None] == [toll]


@pytest.mark.parametrize(("text", "toll"), [
    # a count inside the words after "a" is the count: "a separate clash nearby three militants died"
    ("Fighting killed three soldiers near Hama on Monday, while in a separate clash nearby three militants died.", 3),
    ("Rebels shelled Mhardeh on Monday, and a separate attack left four soldiers dead near Hama.", 4),
    ("In a second raid on the village two children were killed, the monitor said on Monday.", 2),
])
def test_a_count_is_not_swallowed_by_the_article_before_it(text: str, toll: int) -> None:
    assert toll in [fat for _, fat in _violent(text)]


@pytest.mark.parametrize("text", [
    # a threat with its time between: what is threatened is not done
    "Syrias military threatened last week to shoot down any Turkish warplane that enters Syrian air space.",
    "Government forces threatened on Sunday to storm the town of Madaya.",
    "The rebels threatened again to attack the town of Mhardeh.",
])
def test_a_threat_with_its_time_between_is_not_done(text: str) -> None:
    assert _violent(text) == []
