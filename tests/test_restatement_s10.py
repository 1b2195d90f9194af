"""Session 10, round 2 (issue #12): the same happening told again further down an article -- a party's claim,
another source's toll, a quote -- is no second event, while a city round-up's districts stay events of their own.

All mini-articles are self-written.
"""

from __future__ import annotations

import pytest

from sitrep import extract
from tests.test_article_merge_s10 import _violent


@pytest.mark.parametrize("text,published,toll", [
    ("A car bomb exploded at a checkpoint in Azaz on Monday, killing nine people and wounding 20. The blast "
     "destroyed several shops near the checkpoint. The Islamic State group said it carried out the attack in Azaz.",
     "2016-05-10", 9),
    ("Gunmen stormed a hotel in Mogadishu on Friday, killing 12 people, police said. Security forces ended the siege "
     "after six hours. Al-Shabaab claimed responsibility for the assault in a statement on its radio station.",
     "2019-03-02", 12),
    ("A suicide bomber blew himself up at a crowded market in Kabul on Sunday, killing 14 shoppers. Ambulances took "
     "the wounded to the city hospital. A statement on the group's channel said one of its fighters blew himself up "
     "at the market.", "2018-04-09", 14),
])
def test_a_claim_of_the_act_is_no_second_event(text: str, published: str, toll: int) -> None:
    evs = _violent(text, published)
    assert len(evs) == 1, [(e.sub_event_type, e.fatalities, e.evidence.text) for e in evs]
    assert evs[0].fatalities == toll


@pytest.mark.parametrize("text,published,toll", [
    ("Air strikes hit the town of Saraqeb on Tuesday, killing 20 people. Rescue workers searched the rubble of a "
     "bakery for hours. According to the civil defence, 23 people were killed in Saraqeb.", "2016-02-10", 20),
    ("Shelling hit the town of Douma on Monday, killing eight civilians. Schools in the town were closed. A local "
     "doctor told reporters that 11 people were killed in the shelling.", "2015-08-18", 8),
    ("Rebels attacked an army post near Daraa on Thursday, killing 15 soldiers. The fighting lasted until dawn. "
     "The Observatory said 17 soldiers were killed in the attack.", "2017-03-11", 15),
])
def test_another_source_s_toll_told_further_down_is_no_second_event(text: str, published: str, toll: int) -> None:
    evs = _violent(text, published)
    assert len(evs) == 1, [(e.sub_event_type, e.fatalities, e.evidence.text) for e in evs]
    assert evs[0].fatalities == toll


@pytest.mark.parametrize("text,published,n", [
    ("Terrorists fired rocket shells on al-Midan neighbourhood in Aleppo city on Tuesday, killing two civilians, "
     "SANA reported. A source told SANA that three people were killed in al-Sukkari neighbourhood.", "2016-06-01", 2),
    ("Rockets fell on the Old City of Damascus on Sunday, killing four people, a police source said. The source said "
     "two more people were killed in Bab Touma by a mortar round.", "2016-03-07", 2),
    ("Terrorists fired mortar shells on al-Hamdaniyeh in Aleppo on Monday, killing three people, SANA said. "
     "Another source said two civilians were killed in sniper fire in Salah Eddin.", "2016-05-31", 2),
    ("A car bomb exploded at a checkpoint in Azaz on Monday, killing nine people. Separately, the Islamic State group "
     "said it carried out an attack on a base near Raqqa.", "2016-05-10", 2),
])
def test_a_city_round_up_s_districts_stay_events_of_their_own(text: str, published: str, n: int) -> None:
    evs = _violent(text, published)
    assert len(evs) == n, [(e.sub_event_type, e.fatalities, e.evidence.text) for e in evs]


@pytest.mark.parametrize("text,published,sub,toll", [
    ("At Least 12 Children Killed in Attack on Saraqeb\n\nThe attack on Saraqeb claimed the lives of at least 12 "
     "children, a charity said in a statement on Thursday. On Tuesday a chemical attack on Saraqeb killed 60 people, "
     "activists said.", "2017-04-07", "Chemical weapon", 60),
    ("Twenty people were killed in Douma, rescuers told reporters on Tuesday. Government jets bombed a crowded market "
     "in Douma on Monday, killing 25 people.", "2015-08-19", "Air/drone strike", 25),
    ("At least 18 people died in the attack on Jisr al-Shughur, a medical charity said on Wednesday. On Monday a car "
     "bomb exploded outside a hospital in Jisr al-Shughur, killing 22 people.", "2016-05-12",
     "Remote explosive/landmine/IED", 22),
])
def test_a_report_in_general_words_is_the_one_act_the_article_tells_of_its_place(text: str, published: str, sub: str,
                                                                                  toll: int) -> None:
    evs = _violent(text, published)
    assert len(evs) == 1, [(e.sub_event_type, e.fatalities, e.evidence.text) for e in evs]
    assert evs[0].sub_event_type == sub and evs[0].fatalities == toll


@pytest.mark.parametrize("text,published,n", [
    # two acts told in their own words at the place: the general report may be either, or one of its own
    ("Seven people were killed in Aleppo, SANA said on Wednesday. Terrorists fired rocket shells on al-Midan "
     "neighbourhood in Aleppo on Tuesday, killing two civilians. A car bomb exploded in al-Sukkari neighbourhood "
     "in Aleppo on Tuesday, killing three.", "2016-06-01", 3),
    # the general report's toll is larger than the act's: more than that act
    ("Twelve people were killed in Douma, rescuers told reporters on Tuesday. Government jets bombed a market in "
     "Douma on Monday, killing five people.", "2015-08-19", 2),
    # the act is in another town
    ("Twenty people were killed in Douma, rescuers told reporters on Tuesday. Government jets bombed a market in "
     "Saraqeb on Monday, killing 25 people.", "2015-08-19", 2),
])
def test_a_general_report_beside_several_acts_or_a_smaller_one_stays_its_own(text: str, published: str,
                                                                             n: int) -> None:
    evs = _violent(text, published)
    assert len(evs) == n, [(e.sub_event_type, e.fatalities, e.evidence.text) for e in evs]


@pytest.mark.parametrize("text,published", [
    ("Following the massacre, the United Nations sent monitors to Damascus on Monday.", "2012-07-15"),
    ("After the bombing, Turkey closed the border crossing near Kilis.", "2016-05-10"),
    ("Since the shelling, hundreds of families have left Foua for camps near Idlib.", "2019-03-02"),
    ("Following the massacre, the regime surrendered its stockpile under the threat of the use of force by the "
     "United States.", "2016-08-24"),
])
def test_a_happening_named_only_as_the_time_of_the_news_is_no_report(text: str, published: str) -> None:
    assert _violent(text, published) == []


@pytest.mark.parametrize("text,published,toll", [
    ("A car bomb killed 12 people in Azaz on Monday. After the bombing, Turkey closed the border crossing near Kilis.",
     "2016-05-10", 12),
    ("Government forces killed 40 villagers in Tremseh on Friday. Following the massacre, the United Nations sent "
     "monitors to Damascus.", "2012-07-15", 40),
    ("Rebels shelled Foua on Friday, killing three. After the shelling, the army sent reinforcements from Hama.",
     "2016-05-10", 3),
])
def test_the_report_a_time_anchor_names_stays_one_event(text: str, published: str, toll: int) -> None:
    evs = _violent(text, published)
    assert [e.fatalities for e in evs] == [toll]


@pytest.mark.parametrize("text", [
    "The government surrendered its cache of chemical weapons under the threat of the use of force.",
    "Inspectors from the Organisation for the Prohibition of Chemical Weapons launched an investigation in Douma.",
    "The regime handed over all of its chemical weapons after the use of force was threatened.",
    "The deal set out the removal of the declared chemical weapons, which were used in 2013.",
])
def test_chemical_weapons_as_a_stock_are_no_attack(text: str) -> None:
    assert [e for e in extract(text, "2016-05-10") if e.sub_event_type == "Chemical weapon"] == []
