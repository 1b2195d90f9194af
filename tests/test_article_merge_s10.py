"""Session 10 (issue #12, precision and tolls): one report told twice in an article is one event.

All sentences and mini-articles are self-written.
"""

from __future__ import annotations

import pytest

from sitrep import extract
from sitrep.extract.dates import dated_by_saying
from sitrep.extract.events import VIOLENT
from sitrep.extract.inputs import _find_dates


def _violent(text: str, published: str) -> list:
    return [e for e in extract(text, published) if e.event_type in VIOLENT]


# --------------------------------------------------------------------------- the day of a saying
@pytest.mark.parametrize("sentence,by_saying", [
    ("Air strikes killed at least 20 fighters near the border, a monitor said on Friday.", True),
    ("Rockets hit a market in Aleppo killing five people, the Observatory told AFP on Saturday.", True),
    ("Military sources announced on Monday that 40 militants were killed in the eastern countryside.", True),
    ("Air strikes killed at least 20 fighters near the border on Thursday, a monitor said on Friday.", False),
    ("A car bomb exploded in Azaz on Tuesday killing 12 people.", False),
])
def test_a_day_told_only_as_the_day_of_a_saying_is_known_as_such(sentence: str, by_saying: bool) -> None:
    times = _find_dates(sentence, "2016-05-07")
    assert dated_by_saying(times, 0, len(sentence), sentence) is by_saying


# --------------------------------------------------------------------------- an outcome restating its act
@pytest.mark.parametrize("text,published,sub,toll", [
    ("Syrian Jets Kill Over 50 Rebels in Idlib Province\n\n12.03.2017 Get short URL Syrian jets destroyed a column of "
     "trucks near the town of Saraqeb and killed about 50 rebels according to local media. BEIRUT (Sputnik) The "
     "Syrian air force killed more than 50 rebels in a series of air raids in Idlib province local media reported "
     "Sunday. The jets destroyed a column of trucks near the town of Saraqeb and killed about 50 rebels state media "
     "reported.", "2017-03-12", "Air/drone strike", 50),
    ("Army artillery shelled the village of Kafr Nabl on Monday killing 14 civilians, activists said. In Idlib "
     "province, 14 civilians were killed in Kafr Nabl on Monday, a local council said.", "2016-02-16",
     "Shelling/artillery/missile attack", 14),
    ("A roadside bomb hit a patrol near Marib on Saturday killing eight soldiers. Eight soldiers were killed near "
     "Marib on Saturday, a military official told reporters.", "2019-05-05", "Remote explosive/landmine/IED", 8),
])
def test_a_toll_told_again_without_its_act_is_the_act_s(text: str, published: str, sub: str, toll: int) -> None:
    evs = _violent(text, published)
    assert len(evs) == 1
    assert evs[0].sub_event_type == sub  # the act's words type it, not the bare "were killed"
    assert evs[0].fatalities == toll


# --------------------------------------------------------------------------- a title restating the body
@pytest.mark.parametrize("text,published,toll,title", [
    ("Army Kills 60 Militants in Clashes East of Hama\n\nWed Jun 8 2016 Army Kills 60 Militants in Clashes East of "
     "Hama. Military sources announced on Tuesday that at least 60 militants were killed in clashes with army troops "
     "in the eastern countryside of Hama province. Reports said earlier today that the army pushed the militants "
     "back from several hills near the town of Salamiyah.", "2016-06-08", 60, "Army Kills 60"),
    ("Car bomb kills 12 in Azaz\n\nCar bomb kills 12 in Azaz. A car bomb exploded near a bus station in the town of "
     "Azaz on Tuesday killing 12 people, local officials said. Rescue workers pulled bodies from the rubble.",
     "2016-10-05", 12, "Car bomb kills 12"),
    ("Army air raids kill 15 militants in Deir ez-Zor\n\nArmy air raids kill 15 militants in Deir ez-Zor. Military "
     "sources announced on Friday that at least 15 militants were killed in air raids on their positions near the "
     "airport of Deir ez-Zor. State media gave no further details.", "2016-06-11", 15, "Army air raids kill"),
])
def test_a_title_restating_a_body_report_leaves_it_the_evidence(text: str, published: str, toll: int,
                                                               title: str) -> None:
    evs = [e for e in _violent(text, published) if e.fatalities == toll]
    assert len(evs) == 1
    assert not evs[0].evidence.text.startswith(title)


# --------------------------------------------------------------------------- casualties cut from their report
@pytest.mark.parametrize("text,published,toll", [
    ("Jets carried out three strikes on rebel positions near Saraqeb killing nine... and wounding 12\" said the head "
     "of the monitor.", "2015-07-24", 9),
    ("\"Gunmen opened fire on a checkpoint in Kismayo killing four... and wounding seven\" said a police officer.",
     "2019-01-10", 4),
    ("\"Rockets fell on a residential district of Aden killing two... and injuring 11 people\" a medic said.",
     "2018-04-04", 2),
])
def test_a_clause_telling_only_its_sentence_s_casualties_is_no_event_of_its_own(text: str, published: str,
                                                                               toll: int) -> None:
    evs = _violent(text, published)
    assert len(evs) == 1
    assert evs[0].fatalities == toll


# --------------------------------------------------------------------------- a lead and the body that places it
@pytest.mark.parametrize("text,published,toll,town", [
    # the lead's total in a country or province, dated by the day it was said; the body's town and day; an
    # "also killed" count after it adds to the toll
    ("Coalition air strikes killed at least 20 Islamic State fighters in northeastern Syria near the border with "
     "Iraq a monitor said on Friday. The head of the monitor said 19 explosions were heard during the air strikes in "
     "al-Shadadi in the northeastern province of Hasaka on Thursday. One civilian was also killed in the air strikes "
     "he said.", "2015-02-13", 21, "Shaddadi"),
    ("Government shelling killed 14 rebels in northern Syria, activists said on Sunday. The shells hit rebel "
     "positions in the town of Saraqeb in Idlib province on Saturday. Two children were also killed in the "
     "shelling, the activists said.", "2016-03-06", 16, "Saraq"),
    ("Jets killed at least 9 fighters in Somalia, officials said on Tuesday. The raid struck a camp near the town "
     "of Jilib on Monday. A local farmer was also killed in the raid, residents said.", "2019-04-02", 10, "Jilib"),
])
def test_a_lead_and_the_body_that_places_it_are_one_event(text: str, published: str, toll: int, town: str) -> None:
    evs = _violent(text, published)
    assert len(evs) == 1
    assert evs[0].fatalities == toll
    assert evs[0].location is not None and town in evs[0].location.name


@pytest.mark.parametrize("text", [
    "A new attack on residential areas on Thursday caused a massacre leaving dozens of civilians dead or injured.",
    "The raid was a strike leaving scores of people dead in the market.",
    "It was an attack that left hundreds of residents dead, activists said.",
])
def test_a_vague_plural_is_no_count_of_one(text: str) -> None:
    from sitrep.extract.numbers import find_casualties

    assert find_casualties(text).fatalities is None


# --------------------------------------------------------------------------- who stands behind a force is no place
@pytest.mark.parametrize("text,published,not_place", [
    ("Israeli jets struck a base of the Damascus-backed militia in the Golan Heights on Sunday killing three "
     "fighters.", "2017-04-23", "Damascus"),
    ("Moscow-backed government forces attacked rebel positions near Khan Shaykhun on Friday.", "2019-05-11", "Moscow"),
    ("Riyadh-led coalition jets bombed a wedding party in the village of Bani Qais on Monday, killing 20 people.",
     "2018-04-24", "Riyadh"),
    ("Tehran-allied militiamen shelled the village of Tal Rifaat on Monday killing two civilians.", "2017-05-02",
     "Tehran"),
])
def test_a_name_before_backed_or_led_describes_the_force_not_the_place(text: str, published: str,
                                                                      not_place: str) -> None:
    evs = _violent(text, published)
    assert evs
    assert all(e.location is None or not e.location.name.startswith(not_place) for e in evs)


# --------------------------------------------------------------------------- an earlier version of the report
@pytest.mark.parametrize("text,published,toll", [
    ("Rockets killed 11 civilians in residential districts of Aleppo city on Friday, a police source said. Earlier "
     "the source said that 5 citizens were killed in rocket attacks on residential districts of Aleppo city.",
     "2016-10-29", 11),
    ("A car bomb killed 9 people near a mosque in Azaz on Monday, the monitor said. According to earlier media "
     "reports a car bomb went off near a mosque in Azaz.", "2016-10-04", 9),
    ("Air strikes killed 30 civilians in Jisr al-Shughur on Sunday, the Observatory said. The monitor, which "
     "earlier gave a toll of 22 in the strikes, said the dead included children.", "2016-05-02", 30),
    ("Shelling killed 12 people in the town of Douma on Tuesday, medics said. Earlier it was reported that shelling "
     "on Douma had killed 4 people.", "2017-11-15", 12),
])
def test_an_earlier_version_of_a_report_is_no_second_event(text: str, published: str, toll: int) -> None:
    evs = _violent(text, published)
    assert len(evs) == 1
    assert evs[0].fatalities == toll


# --------------------------------------------------------------------------- a title's whole toll over the lead's part
@pytest.mark.parametrize("text,published,toll", [
    ("13 citizens killed in attacks on residential neighborhoods in Hama\n\n13 citizens killed in attacks on "
     "residential neighborhoods in Hama. A police source said militants fired rocket shells on the neighborhoods of "
     "Hama city killing 6 citizens. Earlier the source said 7 citizens were killed in the attacks.", "2016-10-28",
     13),
    ("15 killed in rocket attacks on residential areas in Homs\n\n15 killed in rocket attacks on residential areas "
     "in Homs. A police source said rocket shells fired by militants on the Akrama district of Homs killed 8 "
     "citizens on Monday. The toll later rose, the source added.", "2016-05-03", 15),
    ("20 dead in air strikes on Idlib town\n\n20 dead in air strikes on Idlib town. Air strikes hit the market of "
     "the town of Maarrat al-Numan in Idlib province killing 12 people, rescue workers said.", "2016-04-20", 20),
])
def test_a_title_s_whole_toll_over_the_lead_s_part_is_one_event(text: str, published: str, toll: int) -> None:
    evs = _violent(text, published)
    assert len(evs) == 1
    assert evs[0].fatalities == toll


# --------------------------------------------------------------------------- the day a referring mention names
@pytest.mark.parametrize("text,published,day", [
    ("At least 40 soldiers were killed as militants advanced on an army base in the province of Hama, a monitor said "
     "Saturday. The monitor said the assault forced the troops to pull back late on Friday.", "2015-06-06",
     "2015-06-05"),
    ("Twelve fighters were killed near the town of Tabqa, local media reported Sunday. The clashes erupted on "
     "Saturday night east of the town, according to a news agency.", "2017-04-09", "2017-04-08"),
    ("At least 25 people died when rebels stormed the village of Zara, activists said on Thursday. The attack began "
     "at dawn on Wednesday, they said.", "2016-05-12", "2016-05-11"),
])
def test_a_referring_mention_s_own_day_dates_a_report_told_on_the_day_of_saying(text: str, published: str,
                                                                               day: str) -> None:
    evs = _violent(text, published)
    assert len(evs) == 1
    assert evs[0].date == day


# --------------------------------------------------------------------------- where a monitor is based
@pytest.mark.parametrize("text,published", [
    ("Shelling killed four civilians on Monday, the Syrian Observatory for Human Rights, based in Britain, said.",
     "2016-02-02"),
    ("Gunmen killed two soldiers on Tuesday, a rights group headquartered in London said.", "2017-03-08"),
    ("An air strike killed nine people on Friday, said the monitor, based in Coventry, which tracks the war.",
     "2016-06-11"),
])
def test_where_a_monitor_is_based_never_places_the_event(text: str, published: str) -> None:
    evs = _violent(text, published)
    assert len(evs) == 1
    assert evs[0].location is None or evs[0].location.country != "GB"


@pytest.mark.parametrize("text,published", [
    ("Air strikes killed 30 civilians in Jisr al-Shughur on Sunday, the Observatory said. The monitor, which earlier "
     "gave a toll of 22 in the strikes, said the dead included children.", "2016-05-02"),
    ("A Russian air strike killed 38 civilians on Wednesday near the river in Deir Ezzor province a monitor said. The "
     "monitor which earlier gave a toll of 20 in the strikes said the dead included a family.", "2017-10-05"),
    ("Shelling killed 12 people in the town of Douma on Tuesday, medics said. The medics, who earlier reported 4 "
     "dead in the shelling, said more bodies were found.", "2017-11-15"),
])
def test_a_monitor_s_earlier_toll_is_no_second_event(text: str, published: str) -> None:
    assert len(_violent(text, published)) == 1


# --------------------------------------------------------------------------- a since-clause with its own year
@pytest.mark.parametrize("text,published,sub", [
    ("The Saturday evening rocket struck the Shahba district in the west of Aleppo where loyalist forces have held "
     "out since rebels seized the east in 2012, the monitor said.", "2015-07-26", "Shelling/artillery/missile attack"),
    ("A car bomb exploded on Monday near a checkpoint in Azaz, a town the rebels have held since they captured it in "
     "2013.", "2016-10-04", "Remote explosive/landmine/IED"),
    ("Jets bombed the market of Douma on Friday, a suburb besieged since government forces encircled it in 2013.",
     "2017-11-18", "Air/drone strike"),
])
def test_a_past_happening_in_a_since_clause_leaves_the_report_its_own_act(text: str, published: str,
                                                                          sub: str) -> None:
    evs = [e for e in _violent(text, published) if e.date is not None and e.date.startswith(published[:7])]
    assert len(evs) == 1
    assert evs[0].sub_event_type == sub


# --------------------------------------------------------------------------- a way of waging war
@pytest.mark.parametrize("text,published,n", [
    ("Both sides are accused of indiscriminate bombing in the city, where civilian casualties have been high.",
     "2016-08-01", 0),
    ("Rebels have indiscriminately shelled government-held districts of the city, residents say.", "2016-08-01", 0),
    ("Government forces are accused of indiscriminate shelling of rebel-held neighbourhoods.", "2016-08-01", 0),
    ("Army helicopters dropped barrel bombs indiscriminately on the town of Daraya on Monday, killing six people.",
     "2016-08-02", 1),
])
def test_indiscriminate_fire_is_a_practice_unless_its_day_is_told(text: str, published: str, n: int) -> None:
    assert len(_violent(text, published)) == n


# --------------------------------------------------------------------------- where a group is outlawed
@pytest.mark.parametrize("text,published,country", [
    ("Fighters of a group banned in Turkey ambushed a patrol on Sunday, killing two soldiers, officials said.",
     "2017-08-14", "TR"),
    ("Jabhat al-Nusra, a group designated as a terrorist organization in the United States, shelled a village on "
     "Monday.", "2016-04-05", "US"),
    ("Militants of a movement proscribed in Britain attacked a police post on Tuesday, wounding three officers.",
     "2018-02-07", "GB"),
])
def test_where_a_group_is_outlawed_is_no_place_of_its_acts(text: str, published: str, country: str) -> None:
    evs = _violent(text, published)
    assert evs
    assert all(e.location is None or e.location.country != country for e in evs)


# --------------------------------------------------------------------------- a chemical agent told by what it is
@pytest.mark.parametrize("text,published,n", [
    ("Chemical substances were used in the attack on the town of Khan Sheikhoun on Tuesday, which left at least 70 "
     "people dead.", "2017-04-05", 1),
    ("Toxic chemicals were released when a shell hit a house in the village of Talmenes on Monday, injuring 20 "
     "residents.", "2014-04-22", 1),
    ("Doctors said poisonous substances dropped on the town of Kafr Zita on Friday killed two children.", "2014-04-12",
     1),
    ("The plant stored toxic chemicals for the textile industry.", "2014-04-12", 0),
])
def test_a_chemical_agent_told_by_what_it_is_types_the_attack(text: str, published: str, n: int) -> None:
    evs = _violent(text, published)
    assert len(evs) == n
    assert all(e.sub_event_type == "Chemical weapon" for e in evs)


# --------------------------------------------------------------------------- an outlet named for a place
@pytest.mark.parametrize("text,published,not_place", [
    ("Two car bombs went off near a school on Wednesday killing 18 people, Lebanese TV channel Al-Mayadin reported.",
     "2014-10-02", "Al May"),
    ("A roadside bomb killed three soldiers on Tuesday, the Al-Mayadin channel quoted a military source as saying.",
     "2016-02-03", "Al May"),
    ("Two car bombs went off near a school on Wednesday killing 18 people, Lebanese TV channel Al-Mayadin reported.",
     "2014-10-02", "Leban"),
    ("A roadside bomb killed three soldiers on Tuesday, the Al-Mayadin news website said.", "2016-02-03", "Al May"),
])
def test_an_outlet_named_for_a_place_never_places_the_event(text: str, published: str, not_place: str) -> None:
    evs = _violent(text, published)
    assert len(evs) == 1
    assert evs[0].location is None or not evs[0].location.name.startswith(not_place)


# --------------------------------------------------------------------------- deaths of no act of violence
@pytest.mark.parametrize("text,published,toll", [
    ("A man died after regime shelling on the Yarmuk camp on Wednesday. The fighting has halted aid deliveries to the "
     "camp, where two more people died from lack of food and medical care.", "2014-03-06", 1),
    ("Shelling killed three civilians in the besieged town of Madaya on Monday. Residents said five others died of "
     "hunger in the town this week.", "2016-01-12", 3),
    ("A rocket killed a child in the camp on Sunday. Four elderly residents have died due to the cold since the siege "
     "began, aid workers said.", "2015-01-19", 1),
])
def test_deaths_of_hunger_or_illness_are_no_toll_of_the_act(text: str, published: str, toll: int) -> None:
    evs = _violent(text, published)
    assert evs
    assert evs[0].fatalities == toll
    assert all((e.fatalities or 0) <= toll for e in evs)


# --------------------------------------------------------------------------- a page's keyword list
@pytest.mark.parametrize("text,published,n", [
    ("A car bomb killed 20 people in Azaz on Thursday, local sources said. Tags Syria Aleppo Azaz Rebels Car Bomb "
     "Islamic State", "2016-10-13", 1),
    ("Jets struck a market in Idlib on Monday killing nine people. Topics: Syria, Idlib, Air Strikes, Russia",
     "2016-05-03", 1),
    ("Tags Iraq Mosul Suicide Bombing Islamic State", "2016-11-02", 0),
])
def test_a_page_s_keyword_list_is_no_report(text: str, published: str, n: int) -> None:
    assert len(_violent(text, published)) == n
