"""Session 11 (issue #12, precision): mentions that are no event of their own -- a toll over a stretch of days,
a happening named only as the object of a call or a demand, an agreement between governments.

All sentences and mini-articles are self-written.
"""

from __future__ import annotations

import pytest

from sitrep import extract
from tests.test_article_merge_s10 import _violent


# --------------------------------------------------------------------------- a toll over a stretch of days
@pytest.mark.parametrize("text,published", [
    ("Government air strikes have killed 45 fighters in the southern countryside of Daraa in the last 72 hours, "
     "a military source said on Friday.", "2019-05-04"),
    ("At least 60 civilians were killed by shelling in Aleppo over the past three days, the health directorate "
     "said.", "2016-08-20"),
    ("More than 80 people died in July alone in artillery fire on Taiz, local officials told reporters on "
     "Thursday.", "2018-08-03"),
    ("Over 50 militants were killed in different parts of Hama province by army raids, sources said on Friday.",
     "2017-10-14"),
    ("Nearly 200 civilians have been killed in March bombardment of the eastern suburbs, a monitor said.",
     "2018-04-02"),
])
def test_a_toll_over_a_stretch_of_days_is_a_tally_not_an_event(text: str, published: str) -> None:
    assert _violent(text, published) == []


@pytest.mark.parametrize("text,published,toll", [
    ("The army has stepped up raids on Idlib in recent days, killing at least 30 people when jets bombed a market "
     "in Ariha on Saturday.", "2019-05-04", 30),
    ("Clashes in Tal Afar killed nine soldiers in the past 24 hours, the army said on Friday.", "2019-05-04", 9),
    ("Air strikes killed 12 people in Saraqeb on Friday, the Observatory said.", "2019-05-04", 12),
])
def test_a_report_with_its_own_day_or_one_day_s_count_stays_an_event(text: str, published: str, toll: int) -> None:
    evs = _violent(text, published)
    assert len(evs) == 1, [(e.sub_event_type, e.fatalities, e.evidence.text) for e in evs]
    assert evs[0].fatalities == toll


# --------------------------------------------------------------------------- agreements between states
def _kinds(text: str, published: str) -> list[tuple[str, str | None]]:
    return [(e.event_type, e.sub_event_type) for e in extract(text, published)]


@pytest.mark.parametrize("text,published", [
    ("The announcement followed an accord reached with the Syrian government when two U.N. envoys went to Damascus "
     "last week.", "2013-08-01"),
    ("Jordan and Syria reached an agreement on Sunday to reopen the Nasib border crossing.", "2018-10-16"),
    ("Turkey and Russia signed an agreement on Monday to set up a buffer zone in Idlib.", "2018-09-20"),
    ("Iraq and Iran signed an accord in Baghdad on Tuesday on the return of displaced families.", "2019-02-14"),
    ("An agreement on the handover of the border crossing was reached between Jordans foreign ministry and Syrias "
     "government on Sunday.", "2018-10-16"),
])
def test_an_agreement_between_states_is_diplomacy(text: str, published: str) -> None:
    assert _kinds(text, published) == [("Diplomacy", "agree")]


@pytest.mark.parametrize("text,published", [
    ("Rebels and the army reached a ceasefire agreement in Daraa on Sunday.", "2018-07-02"),
    ("The government signed a peace deal with the rebels in Juba on Friday.", "2018-09-15"),
    ("Al-Shabaab and clan elders struck a deal in Baidoa on Sunday.", "2019-03-05"),
])
def test_a_deal_with_fighters_stays_a_strategic_development(text: str, published: str) -> None:
    assert _kinds(text, published) == [("Strategic developments", "Agreement")]


# --------------------------------------------------------------------------- the act named in a call for action
@pytest.mark.parametrize("text,published", [
    ("The opposition called upon the UN Security Council to re-open the file of the Houla massacre and bring the "
     "perpetrators to justice.", "2016-08-24"),
    ("The council called for the implementation of a resolution which covers the use of chlorine gas.",
     "2016-08-24"),
    ("The minister urged Moscow to halt the air strikes on Idlib.", "2019-05-10"),
    ("Rights groups demanded an end to the shelling of Douma.", "2018-02-21"),
])
def test_an_act_named_in_a_call_for_action_is_no_report(text: str, published: str) -> None:
    assert _violent(text, published) == []


@pytest.mark.parametrize("text,published,toll", [
    ("Activists called for protests after the massacre in Houla on Friday that killed 108 people.", "2012-05-28",
     108),
    ("Syrian jets bombed a market in Douma on Sunday, killing 30 people, and the opposition urged the UN to act.",
     "2016-08-22", 30),
    ("Rebels shelled the army post in Kafr Nabl on Monday, killing four soldiers, and the governor called for "
     "calm.", "2017-03-09", 4),
])
def test_a_report_beside_or_before_a_call_stays_an_event(text: str, published: str, toll: int) -> None:
    evs = _violent(text, published)
    assert len(evs) == 1, [(e.sub_event_type, e.fatalities, e.evidence.text) for e in evs]
    assert evs[0].fatalities == toll


# --------------------------------------------------------------------------- what the doers must answer for
@pytest.mark.parametrize("text,published", [
    ("Urgent measures need to be taken to ensure that those who ordered and executed the attack are held "
     "accountable, the Coalition said.", "2017-04-05"),
    ("The perpetrators of the bombing in Azaz must be brought to justice, the minister said.", "2016-05-10"),
    ("Whoever shot the two guards in Mosul will be punished, the governor said.", "2017-03-09"),
])
def test_the_act_the_doers_must_answer_for_is_no_report(text: str, published: str) -> None:
    assert _violent(text, published) == []


@pytest.mark.parametrize("text,published,toll", [
    ("A car bomb killed 12 people in Azaz, and the governor said those responsible would be brought to justice.",
     "2016-05-10", 12),
    ("Gunmen shot dead two guards in Mosul on Monday and the governor vowed they would face justice.", "2017-03-09",
     2),
    ("The bombing of the bus station in Homs killed 14 people and its perpetrators will be punished, the army "
     "said.", "2016-02-22", 14),
])
def test_a_report_with_its_toll_or_day_stays_an_event(text: str, published: str, toll: int) -> None:
    evs = _violent(text, published)
    assert len(evs) == 1, [(e.sub_event_type, e.fatalities, e.evidence.text) for e in evs]
    assert evs[0].fatalities == toll


# --------------------------------------------------------------------------- a picture's caption
@pytest.mark.parametrize("text,published", [
    ("REUTERS Hosam Katan A rebel fighter attends a demonstration in the Al-Sakhour neighbourhood of Aleppo.",
     "2015-06-10"),
    ("AFP / Omar Haj Kadour Men carry a wounded child after an air strike on Saraqeb.", "2015-06-10"),
    ("EPA/Mohammed Badra Smoke rises after shelling on Douma.", "2018-02-21"),
])
def test_a_caption_after_a_photographer_s_credit_is_no_report(text: str, published: str) -> None:
    assert [e for e in extract(text, published) if e.event_type != "Diplomacy"] == []


@pytest.mark.parametrize("text,published,toll", [
    ("Air strikes killed 12 people in Saraqeb on Friday, AFP said.", "2015-06-06", 12),
    ("REUTERS reported that a car bomb killed nine people in Azaz on Monday.", "2016-05-10", 9),
    ("A suicide bomber killed 14 people at a market in Kabul on Sunday, AP reported.", "2018-04-09", 14),
])
def test_an_agency_named_as_the_source_keeps_the_report(text: str, published: str, toll: int) -> None:
    evs = _violent(text, published)
    assert len(evs) == 1, [(e.sub_event_type, e.fatalities, e.evidence.text) for e in evs]
    assert evs[0].fatalities == toll


@pytest.mark.parametrize("text,published", [
    ("Smoke rises over the market hit this morning by a car bomb in Azaz pic.twitter.com/aB3dE5 Jane Roe (janeroe) "
     "10 May 2016", "2016-05-10"),
    ("Rescuers pull a child from the rubble after the air strike on Saraqeb pic.twitter.com/xY7zQ John Doe (jdoe)",
     "2016-02-10"),
    ("The shelled school in Douma today pic.twitter.com/Kk2LmN Local Council (douma_lc) 21 Feb 2018",
     "2018-02-21"),
])
def test_an_embedded_tweet_is_no_report(text: str, published: str) -> None:
    assert _violent(text, published) == []


def test_the_report_beside_an_embedded_tweet_stays_one_event() -> None:
    text = ("A bus blast in the centre of Homs killed at least seven people on Sunday, police said. Inside the bus "
            "targeted this morning by a bomber in Homs pic.twitter.com/Qw3Er5 Ann Lee (annlee) 3 March 2016")
    evs = _violent(text, "2016-03-06")
    assert len(evs) == 1, [(e.sub_event_type, e.fatalities, e.evidence.text) for e in evs]
    assert evs[0].fatalities == 7


# --------------------------------------------------------------------------- a day's possessive names a known act
@pytest.mark.parametrize("text,published,toll", [
    ("Jets bombed a cattle market in the town of Tal Hamis on Tuesday, killing 27 people. The town lies in Hasakeh "
     "province. It is held by the Islamic State group. Tuesdays bombing was especially deadly because it struck a "
     "market.", "2015-01-20", 27),
    ("A car bomb exploded near a mosque in Azaz on Friday, killing nine people. Azaz lies near the Turkish border. "
     "Rebels hold the town. Friday's blast was the deadliest there this year.", "2016-05-07", 9),
    ("Gunmen stormed a hotel in Mogadishu on Sunday, killing 12 people. The hotel is popular with officials. "
     "Security was tight in the capital. Sundays attack was claimed by al-Shabaab.", "2019-03-04", 12),
])
def test_a_day_s_possessive_names_the_act_told_before(text: str, published: str, toll: int) -> None:
    evs = _violent(text, published)
    assert len(evs) == 1, [(e.sub_event_type, e.fatalities, e.evidence.text) for e in evs]
    assert evs[0].fatalities == toll


# --------------------------------------------------------------------------- an offensive pressed on to take a place
@pytest.mark.parametrize("text,published", [
    ("U.S.-backed Kurdish forces pressed ahead with their offensive to take the town of Manbij on Wednesday.",
     "2016-07-27"),
    ("The army pressed forward with its advance to retake the town of Qaryatayn on Monday.", "2016-03-29"),
    ("The blast came as government forces pushed on with their offensive to capture the town of Deir Hafer.",
     "2017-03-10"),
])
def test_an_offensive_pressed_on_to_take_a_place_is_a_battle(text: str, published: str) -> None:
    assert any(e.event_type == "Battles" for e in extract(text, published))
