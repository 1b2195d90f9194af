"""Events in news articles about any country (#12): which words report a happening and which only name
a weapon, a heading, a campaign rally or an action still going on.

Each table holds at least three self-written sentences about different countries.
"""

from __future__ import annotations

import pytest

from sitrep import extract
from sitrep.records import Event


def _violent_or_other(text: str, published: str = "2019-06-03") -> list[Event]:
    return [e for e in extract(text, published=published) if e.event_type != "Diplomacy"]


@pytest.mark.parametrize("text", [
    "These are precision missiles, the engineer told reporters in Ohio.",
    "The militia in Mali lays mines and booby traps along desert tracks.",
    "Colombia's army keeps its artillery at the base near Cali.",
    "Police in Manchester had been warned about the 22-year-old suicide bomber years earlier.",
    "He told friends that being a suicide bomber was honourable, a court in Oslo heard.",
    "Yemen's Houthis showed off new rockets at a parade in Sanaa on Sunday.",
])
def test_a_weapon_or_bomber_named_never_used_is_no_event(text: str) -> None:
    assert _violent_or_other(text) == []


@pytest.mark.parametrize("text,sub", [
    ("Rebels fired rockets at Kabul airport on Monday, killing two.", "Shelling/artillery/missile attack"),
    ("Mortars landed on a market in Mogadishu on Friday, wounding five.", "Shelling/artillery/missile attack"),
    ("A landmine killed two shepherds near Gao on Sunday.", "Remote explosive/landmine/IED"),
    ("An improvised explosive device struck a police truck in Maiduguri on Tuesday.",
     "Remote explosive/landmine/IED"),
    ("A suicide bomber rammed a car into a police station in Quetta on Tuesday.", "Suicide bomb"),
])
def test_a_weapon_used_is_an_event(text: str, sub: str) -> None:
    assert [e.sub_event_type for e in _violent_or_other(text)] == [sub]


@pytest.mark.parametrize("text", [
    "By the time it was over, some 21 bombs had gone off in Belfast on Friday.",
    "Two devices went off near the stadium in Kampala on Saturday.",
    "A charge went off under a bus in Jerusalem on Wednesday, wounding three.",
    "The brothers carried the bombs to the finish line in Boston before detonating them on Monday.",
])
def test_bombs_that_went_off_are_explosions(text: str) -> None:
    assert [e.event_type for e in _violent_or_other(text)] == ["Explosions/Remote violence"]


@pytest.mark.parametrize("text", [
    "Car bombs\nThe committee met in Geneva on Monday.",
    "Intro.\n==Responses and arrests==\nThe committee met in Geneva on Monday.",
    "[How a new kind of protest movement has arisen in Chile]\nThe committee met in Geneva on Monday.",
    "Air strikes\nThe committee met in Geneva on Monday.",
])
def test_a_heading_or_a_link_is_no_event(text: str) -> None:
    assert _violent_or_other(text) == []


def test_a_heading_does_not_hide_the_report_under_it() -> None:
    text = "Car bombs\nA car bomb exploded at a checkpoint in Kabul on Monday, killing five."
    events = _violent_or_other(text)
    assert len(events) == 1 and events[0].evidence.text.startswith("A car bomb"), events


@pytest.mark.parametrize("text", [
    "The Iraqi government is retaking territory near Mosul, officials say.",
    "Police are now arresting opposition supporters in Minsk.",
    "Myanmar's army is currently attacking villages in Sagaing.",
])
def test_an_action_still_going_on_is_no_event(text: str) -> None:
    assert _violent_or_other(text) == []


@pytest.mark.parametrize("text", [
    "Maduro told a campaign rally in Caracas on Monday that peace would come.",
    "The senator spoke at an election rally in Lagos on Saturday.",
    "Supporters cheered at the electoral rally in Nairobi on Sunday.",
])
def test_a_campaign_rally_is_no_protest(text: str) -> None:
    assert [e for e in _violent_or_other(text) if e.event_type == "Protests"] == []


def test_a_rally_against_something_is_a_protest() -> None:
    events = _violent_or_other("Thousands rallied in Santiago on Sunday against the pension law.")
    assert [e.event_type for e in events] == ["Protests"]


@pytest.mark.parametrize("text", [
    "Capturing drones with net-casting UAVs is one option considered by the British army.",
    "Kurdish fighters captured tanks left behind near Kirkuk on Friday.",
    "Soldiers seized weapons and ammunition near Gao on Monday.",
])
def test_things_captured_are_not_ground_taken(text: str) -> None:
    assert all(e.event_type != "Battles" for e in _violent_or_other(text))


@pytest.mark.parametrize("text,sub", [
    ("On 3 May 2021 in Kabul, a suicide bomber blew himself up, killing six soldiers. ==Victims==\nAll six of the "
     "soldiers killed were Afghans.\nMore about the day.", "Suicide bomb"),
    ("A car bomb exploded at a market in Mogadishu on Monday, killing 12 people. Police cordoned off the area.\nAll 12 "
     "of those killed were traders, officials said.", "Remote explosive/landmine/IED"),
    ("Gunmen opened fire on a bus near Bamako on Friday, killing five. The army sealed off the road.\nThe five killed "
     "included two foreigners.", "Attack"),
])
def test_a_first_line_of_two_sentences_is_the_lead_not_a_title(text: str, sub: str) -> None:
    """The report keeps its own words and type; a title (one sentence, a line of its own) would give them up."""
    events = _violent_or_other(text, published="2021-05-04")
    assert events and events[0].sub_event_type == sub and events[0].evidence.text.startswith(text[:20]), events


@pytest.mark.parametrize("text", [
    "Gunmen opened fire on a bus near Bamako on Friday, killing five.",
    "Soldiers fired shots at a crowd in Lagos on Tuesday, wounding two.",
    "A policeman opened fire on worshippers at a mosque in Karachi on Sunday.",
])
def test_guns_opening_fire_are_no_shelling(text: str) -> None:
    events = _violent_or_other(text)
    assert events and all(e.sub_event_type != "Shelling/artillery/missile attack" for e in events), events


@pytest.mark.parametrize("text", [
    "Militants fired rockets at Sderot on Monday.",
    "Army tanks opened fire on the village of Tal Rifaat on Monday.",
    "Warships fired on the port of Hodeidah on Thursday.",
])
def test_heavy_weapons_firing_is_shelling(text: str) -> None:
    assert [e.sub_event_type for e in _violent_or_other(text)] == ["Shelling/artillery/missile attack"]


@pytest.mark.parametrize("text", [
    "Gunmen stormed a hotel in Bamako on Friday, killing five guests.",
    "Gunmen stormed a school in Kaduna state on Monday.",
    "Militants stormed the church in Cabo Delgado on Sunday and killed the priest.",
])
def test_gunmen_storming_a_civilian_building_attack_the_people_inside(text: str) -> None:
    assert [(e.event_type, e.sub_event_type) for e in _violent_or_other(text)] == [
        ("Violence against civilians", "Attack")]


@pytest.mark.parametrize("text", [
    "Rebels took 12 aid workers hostage near Goma on Wednesday.",
    "Gunmen seized dozens of hostages at a gas plant in In Amenas on Wednesday.",
    "The hostage-taking at a school in Beslan began on Wednesday morning.",
])
def test_hostages_taken_are_abductions(text: str) -> None:
    assert [e.sub_event_type for e in _violent_or_other(text)] == ["Abduction/forced disappearance"]


@pytest.mark.parametrize("text,sub", [
    ("A mob lynched two men accused of theft in Dhaka on Monday.", "Mob violence"),
    ("Villagers lynched a suspected kidnapper in Puebla on Saturday.", "Mob violence"),
    ("Suspected jihadists set ablaze 20 houses in a village in Burkina Faso on Saturday.",
     "Looting/property destruction"),
    ("Herders set the farms alight near Jos on Tuesday.", "Looting/property destruction"),
])
def test_lynching_and_setting_ablaze(text: str, sub: str) -> None:
    assert [e.sub_event_type for e in _violent_or_other(text)] == [sub]


@pytest.mark.parametrize("text", [
    "Police fired tear gas at protesters in Caracas on Monday.",
    "Riot police fired water cannon on demonstrators in Santiago on Friday.",
    "Security forces fired rubber bullets at protesters in Baghdad on Sunday.",
])
def test_crowd_control_fired_at_protesters_is_no_shelling(text: str) -> None:
    events = _violent_or_other(text)
    assert [e.event_type for e in events] == ["Protests"], events


@pytest.mark.parametrize("text", [
    "Insurgents seized the police school in Kunduz on Tuesday.",
    "Rebels captured the hospital on the edge of Aleppo on Monday.",
    "Militia fighters overran the university campus in Khartoum on Sunday.",
])
def test_a_building_seized_or_captured_is_ground_taken(text: str) -> None:
    assert [e.sub_event_type for e in _violent_or_other(text)] == ["Non-state actor overtakes territory"]


@pytest.mark.parametrize("text", [
    "Five passengers were killed when gunmen opened fire on a bus near Bamako on Monday.",
    "Twelve worshippers were shot dead in a mosque in Kano on Friday.",
    "A teacher was shot by militants in Quetta on Tuesday.",
])
def test_civilian_victims_told_before_a_passive_make_violence_against_civilians(text: str) -> None:
    assert [e.event_type for e in _violent_or_other(text)] == ["Violence against civilians"]


# --------------------------------------------------------------------------- the occasion's dead are not the victims
# "..., a day after the killing of a commander": the death named as the occasion neither counts nor types the act
# (its victims are the passengers, villagers or worshippers the clause itself names).
@pytest.mark.parametrize("text,toll", [
    ("Gunmen opened fire on a bus near Bamako, killing 5 passengers on Monday, a day after the killing of a local "
     "commander.", 5),
    ("Militants attacked a village near Diffa on Sunday, killing 7 villagers, in retaliation for the killing of two "
     "fighters.", 7),
    ("Gunmen opened fire on worshippers at a mosque in Kano on Friday, killing 9 people, after a militia leader was "
     "killed by soldiers.", 9),
])
def test_the_dead_of_the_occasion_do_not_type_the_attack(text: str, toll: int) -> None:
    events = [e for e in extract(text, published="2020-05-06") if e.event_type != "Diplomacy"]
    assert [(e.event_type, e.fatalities) for e in events] == [("Violence against civilians", toll)], events


# --------------------------------------------------------------------------- the victims' nouns of world news
# "killing 9 guests", "12 traders were killed": the people of a hotel, a market, a mine or a church are counted
# like any other victims, whatever country the report is from.
@pytest.mark.parametrize("text,toll", [
    ("Gunmen stormed a hotel in Mogadishu on Saturday, killing 9 guests.", 9),
    ("A bomb ripped through a market in Maiduguri on Tuesday, killing 12 traders.", 12),
    ("Militants attacked a gold mine near Djibo on Monday, killing 14 miners.", 14),
    ("Seven churchgoers were killed when gunmen opened fire on a church in Owo on Sunday.", 7),
])
def test_the_people_of_a_hotel_a_market_or_a_mine_are_counted(text: str, toll: int) -> None:
    events = [e for e in extract(text, published="2020-05-06") if e.event_type != "Diplomacy"]
    assert [e.fatalities for e in events] == [toll], events


# --------------------------------------------------------------------------- acts read from their own words
# The learned typer may add an event the rules have no trigger for, but not an abduction or a rape: those acts are
# told in their own words ("kidnapped", "raped"), which the rules read; who the victims were is no such word.
@pytest.mark.parametrize("text", [
    "Three women and a girl were hurt in Mopti on Sunday.",
    "Five women and a teenage girl were among those hurt in Juba.",
    "There were eight women, a 10-year-old girl and four men injured in Lille.",
])
def test_women_and_girls_among_the_hurt_are_no_sexual_violence(text: str) -> None:
    assert all(e.sub_event_type not in ("Sexual violence", "Abduction/forced disappearance")
               for e in _violent_or_other(text)), _violent_or_other(text)


# --------------------------------------------------------------------------- many acts on one occasion
# "a wave of", "a series of", "a spate of": many acts, a generic mention unless the clause names the day or the
# hour they came -- then they are that occasion's report.
@pytest.mark.parametrize("text,etype", [
    ("Just after 11.30pm a wave of shooting broke out in the Catholic areas of Belfast.", "Violence against civilians"),
    ("A series of car bombs went off across Baghdad on Tuesday, killing 20.", "Explosions/Remote violence"),
    ("A spate of explosions rocked Maiduguri at 6 a.m., police said.", "Explosions/Remote violence"),
    ("Nigerian fighter jets in a series of sorties on Sunday struck camps near Lake Chad.",
     "Explosions/Remote violence"),
])
def test_many_acts_of_one_day_or_hour_are_a_report(text: str, etype: str) -> None:
    assert [e.event_type for e in _violent_or_other(text)] == [etype]


@pytest.mark.parametrize("text", [
    "Kabul has seen a wave of attacks on schools.",
    "A string of kidnappings has hit travellers on the Abuja road.",
    "The group carried out a series of bombings in Lahore.",
])
def test_many_acts_on_no_stated_day_stay_generic(text: str) -> None:
    assert _violent_or_other(text) == []


# --------------------------------------------------------------------------- a reward's terms
# "a reward for information leading to the capture / arrest of ..." names a capture or an arrest wished for.
@pytest.mark.parametrize("text", [
    "Police offered a reward for information leading to the capture of Abu Karim, a commander wanted in Kano.",
    "The US offered 5 million dollars for information leading to the arrest of the group's leader in Mali.",
    "Police in Quito are offering money for information that leads to the arrest of the bombers.",
])
def test_a_reward_for_a_capture_is_no_capture(text: str) -> None:
    assert _violent_or_other(text) == []


def test_a_capture_that_happened_is_still_one() -> None:
    events = _violent_or_other("The fighting led to the capture of the town of Kidal on Monday.")
    assert [e.event_type for e in events] == ["Battles"], events


@pytest.mark.parametrize("text", [
    "The health ministry in Mekelle said on Monday that hospitals were struggling to treat the many wounded from a "
    "relentless wave of air strikes that left at least 40 civilians dead.",
    "The mayor of Kharkiv on Sunday opened shelters for the thousands of residents fleeing a brutal series of missile "
    "strikes that have killed 60 people.",
    "Aid groups in Gao warned on Friday of food shortages among families displaced by a spate of raids on villages "
    "across the region.",
])
def test_the_day_of_another_verb_does_not_date_many_acts(text: str) -> None:
    assert _violent_or_other(text) == []


# --------------------------------------------------------------------------- kept in hospital
# "detained in hospital" is British usage for patients kept in for treatment, not an arrest.
@pytest.mark.parametrize("text", [
    "Six of the injured were detained in hospital in Nairobi on Tuesday.",
    "Two firefighters were detained overnight in hospital in Lyon on Saturday.",
    "The wounded driver was detained in a hospital in Kano on Monday.",
])
def test_detained_in_hospital_is_no_arrest(text: str) -> None:
    assert _violent_or_other(text) == []


def test_detained_by_police_is_still_an_arrest() -> None:
    events = _violent_or_other("Police detained two suspects in Kano on Monday.")
    assert [e.sub_event_type for e in events] == ["Arrests"]


# --------------------------------------------------------------------------- a year-dated history stays background
# (a rule keeping year-dated past violence in a town was tried this session and dropped: incidents pair recall fell)
@pytest.mark.parametrize("text", [
    "In 2014, the group gained prominence by seizing Mosul.",
    "The group rose to fame in 2015 through attacks in Maiduguri.",
    "In 2012, protests spread across Mali.",
])
def test_a_history_told_by_its_manner_or_a_country_is_no_event(text: str) -> None:
    assert _violent_or_other(text) == []


@pytest.mark.parametrize("text", [
    "Last year he was filmed arguing with police during a London protest.",
    "In 2019 she spoke at a Lagos rally against fuel prices.",
    "He was seen in 2016 at a Kabul demonstration, the court heard.",
])
def test_a_past_protest_of_that_year_is_no_event(text: str) -> None:
    assert _violent_or_other(text) == []


@pytest.mark.parametrize("text", [
    "In 2013, Syria agreed to give up its chemical weapons under a deal brokered in Geneva.",
    "In 2017, the government and rebels agreed to a ceasefire in Homs.",
    "In 2015, the militia handed over the town of Sirte to the council.",
])
def test_a_past_agreement_in_a_town_is_only_background(text: str) -> None:
    # the exception above is for past violence; agreements and handovers told by their year stay background
    assert [e for e in _violent_or_other(text) if e.event_type == "Strategic developments"] == []
