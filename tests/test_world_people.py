"""Reports from outside Syria and Iraq, in the words world news uses for their people, groups and places.

Every sentence here is self-written. Each table shows one class of phrasing that lost the event's toll, doer, place or
type before: a nation's or a faith's people counted as the dead ("killed 18 Palestinians"), a short acronym with a
capital inside ("LeT") read in an ordinary word ("Let Pa Dan"), "jihadists" as doers, a place written without its
accents ("Tillaberi" for Tillabéri), and rifles "fired on protesters" read as shelling.
"""

from __future__ import annotations

import pytest

from sitrep import extract
from sitrep.records import Event

PUBLISHED = "2020-06-10"


def _one(text: str) -> Event:
    events = [e for e in extract(text, published=PUBLISHED) if e.event_type != "Diplomacy"]
    assert len(events) == 1, (text, [(e.event_type, e.evidence.text) for e in events])
    return events[0]


# ---------------------------------------------------------------- a nation's or a faith's people counted as the dead

@pytest.mark.parametrize("text, n", [
    ("Israeli air strikes on Khan Younis killed at least 18 Palestinians overnight, the health ministry said.", 18),
    ("Air strikes on Saada killed 12 Yemenis on Monday, medics said.", 12),
    ("A suicide bomber killed 20 Afghans at a wedding hall in Kabul on Saturday.", 20),
    ("Gunmen killed nine Nigerians in a raid on a village in Kaduna state on Sunday.", 9),
    ("Militiamen killed 14 Sudanese in a market in El Geneina on Friday, witnesses said.", 14),
    ("Fighters killed seven Cameroonians in an attack near Kolofata on Tuesday.", 7),
    ("Gunmen killed 30 Christians in an attack on a church in Owo on Sunday.", 30),
    ("A car bomb killed six Shiites near a mosque in Quetta on Friday.", 6),
    ("Islamic State fighters killed 12 Yazidis near Sinjar on Monday.", 12),
])
def test_a_nations_or_faiths_people_are_the_dead(text: str, n: int) -> None:
    assert _one(text).fatalities == n


# ---------------------------------------------------------------- a mixed-case acronym matched as written

@pytest.mark.parametrize("text", [
    "Fighters attacked Let Pa Dan village on Monday, killing four civilians.",
    "Troops shelled Let Yet Kone in Sagaing region on Friday, killing three villagers.",
    "Let it be known that gunmen killed two farmers near Kupwara on Monday.",
])
def test_an_ordinary_word_is_no_mixed_case_acronym(text: str) -> None:
    ev = _one(text)
    names = {a.name for a in (ev.actor1, ev.actor2) if a is not None}
    assert not any(name.startswith("LeT") for name in names), names


@pytest.mark.parametrize("text", [
    "LeT militants attacked an army camp in Kupwara on Monday, killing two soldiers.",
    "LeT gunmen killed two policemen in Srinagar on Monday.",
    "Militants of the LeT attacked a police post in Sopore on Monday, killing one officer.",
])
def test_the_acronym_as_written_is_still_its_group(text: str) -> None:
    ev = _one(text)
    assert ev.actor1 is not None and ev.actor1.name.startswith("LeT"), ev.actor1


# ---------------------------------------------------------------- jihadists are the doers, not the troops they ambush

@pytest.mark.parametrize("text, country", [
    ("Jihadists ambushed a Malian army convoy on Sunday, killing 14 soldiers.", "Mali"),
    ("Jihadists attacked a Burkinabe army post in Djibo on Sunday, killing 14 soldiers.", "Burkina Faso"),
    ("Jihadis raided a Nigerien army base near Tillaberi on Monday, killing 20 soldiers.", "Niger"),
])
def test_jihadists_are_an_armed_group_of_the_country(text: str, country: str) -> None:
    ev = _one(text)
    assert ev.actor1 is not None and ev.actor1.name == f"Unidentified Armed Group ({country})", ev.actor1
    assert ev.actor2 is not None and ev.actor2.name.startswith(f"Military Forces of {country}"), ev.actor2


# ---------------------------------------------------------------- a place written without its accents

@pytest.mark.parametrize("text, country, admin1", [
    ("Gunmen stormed a village near Tillaberi on Monday, killing 20 civilians.", "NE", "Tillabéri Region"),
    ("Gunmen killed five police officers in Culiacan on Monday.", "MX", "Sinaloa"),
    ("Gunmen killed six miners near Bogande on Monday.", "BF", "Est"),
])
def test_a_place_written_without_its_accents_is_found(text: str, country: str, admin1: str) -> None:
    ev = _one(text)
    assert ev.location is not None and ev.location.country == country and ev.location.admin1 == admin1, ev.location


# ---------------------------------------------------------------- rifles fired on a crowd are no shelling

@pytest.mark.parametrize("text", [
    "Police fired on protesters in Bogota on Monday, killing two.",
    "Soldiers fired on demonstrators in Khartoum on Monday, killing three.",
    "Security forces fired at a rally in Conakry on Tuesday, killing two protesters.",
])
def test_firing_on_protesters_is_force_against_them(text: str) -> None:
    ev = _one(text)
    assert (ev.event_type, ev.sub_event_type) == ("Protests", "Excessive force against protesters"), text


@pytest.mark.parametrize("text", [
    "Regime forces fired on Douma with rockets on Monday, killing two.",
    "Rebels fired on army positions in Daraa on Monday.",
    "Warships fired on the port of Hodeidah on Sunday, killing three.",
])
def test_firing_on_a_place_is_still_shelling(text: str) -> None:
    assert _one(text).sub_event_type == "Shelling/artillery/missile attack", text


# ---------------------------------------------------------------- a vehicle bomb counted as a bombing

@pytest.mark.parametrize("text", [
    "A car bombing killed 20 people in Mogadishu on Saturday.",
    "Twenty people died in a car bombing in Baghdad on Saturday.",
    "At least 12 people were killed on Friday in a car bombing near a market in Azaz.",
    "A roadside bombing killed three soldiers in Kandahar on Saturday.",
    "A motorcycle bombing killed four people in a market in Maiduguri on Saturday.",
])
def test_a_vehicle_or_roadside_bombing_is_an_explosive_device(text: str) -> None:
    assert _one(text).sub_event_type == "Remote explosive/landmine/IED", text


# ---------------------------------------------------------------- a weekday's happening without its apostrophe

@pytest.mark.parametrize("text, day", [
    ("On Sunday the armed group that holds the hills above the valley claimed responsibility for Tuesdays attacks in "
     "which at least 30 villagers were shot dead in Homs.", "2020-06-09"),
    ("Mondays car bombing in Mogadishu killed 20 people, police said on Wednesday.", "2020-06-08"),
    ("Officials of the provincial government said on Tuesday that Saturdays air strikes on Saada killed 14 "
     "civilians.", "2020-06-06"),
    ("The Islamic State group said on Monday it carried out Fridays suicide bombing at a mosque in Kunduz, which "
     "killed 46 people.", "2020-06-05"),
])
def test_a_weekdays_happening_is_dated_to_that_weekday(text: str, day: str) -> None:
    assert _one(text).date == day, text


def test_a_habit_on_weekdays_is_no_day() -> None:
    from sitrep.extract.dates import find_dates

    assert not find_dates("Rebels shell the market on Tuesdays and Fridays, residents said.", PUBLISHED)


# ---------------------------------------------------------------- the claimant of an attack with a relative passive

@pytest.mark.parametrize("text, doer", [
    ("Al-Shabaab claimed responsibility for the attack, in which five soldiers were killed near Afgoye on Monday.",
     "Al Shabaab"),
    ("On Sunday Al-Nusra Front claimed responsibility for Tuesdays attacks in which at least 30 villagers were shot "
     "dead in Homs.", "Al Nusra Front"),
    ("The Taliban claimed the ambush near Ghazni in which nine policemen were killed on Monday.", "Taliban"),
    ("Boko Haram claimed responsibility for the raid, in which 20 farmers were killed near Maiduguri on Monday.",
     "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
])
def test_the_claimant_is_the_doer_not_the_victim(text: str, doer: str) -> None:
    ev = _one(text)
    assert ev.actor1 is not None and ev.actor1.name == doer, ev.actor1
    assert ev.actor2 is None or ev.actor2.name != doer, ev.actor2


# ---------------------------------------------------------------- the source a sentence opens with is no victim

@pytest.mark.parametrize("text, n", [
    ("According to an officer, five soldiers died on Tuesday after militants stormed a military base near Baidoa.", 5),
    ("According to a doctor, five civilians died on Tuesday when shells hit a market in Idlib.", 5),
    ("According to two medics, three children were killed when a mortar hit a school in Aleppo on Tuesday.", 3),
])
def test_the_source_a_sentence_opens_with_is_not_counted(text: str, n: int) -> None:
    assert _one(text).fatalities == n, text


# ---------------------------------------------------------------- a headline's passive without its auxiliary

@pytest.mark.parametrize("text, victim", [
    ("Five soldiers killed in al-Shabaab attack near Baidoa", "Military Forces of Somalia"),
    ("Three policemen killed in Taliban attack in Kunduz", "Police Forces of Afghanistan"),
    ("Six soldiers killed by roadside bomb near Gao", "Military Forces of Mali"),
])
def test_the_counted_subject_of_a_headline_passive_is_the_victim(text: str, victim: str) -> None:
    ev = _one(text)
    assert ev.event_type != "Violence against civilians", (text, ev.event_type)
    assert ev.actor2 is not None and ev.actor2.name.startswith(victim), (text, ev.actor2)


def test_an_active_verb_before_at_least_keeps_its_subject_the_doer() -> None:
    ev = _one("Troops killed at least 20 militants near Baidoa on Monday.")
    assert ev.actor1 is not None and ev.actor1.name.startswith("Military Forces of Somalia"), ev.actor1


# ---------------------------------------------------------------- bombs dropped from the air and lines blown up

@pytest.mark.parametrize("text", [
    "Glide bombs hit the centre of Kostiantynivka on Sunday, killing three.",
    "Russian guided bombs struck a school in Kharkiv on Sunday, killing two.",
    "Two guided bombs slammed into an apartment block in Sumy on Sunday, killing five.",
])
def test_a_glide_or_guided_bomb_is_remote_violence(text: str) -> None:
    assert _one(text).event_type == "Explosions/Remote violence", text


@pytest.mark.parametrize("text", [
    "ELN rebels blew up a section of the Cano Limon pipeline in Arauca on Tuesday.",
    "Militants blew up a bridge near Gao on Tuesday.",
    "Saboteurs blew up two power pylons near Kharkiv on Tuesday.",
])
def test_a_line_or_crossing_blown_up_is_an_explosive_device(text: str) -> None:
    assert _one(text).sub_event_type == "Remote explosive/landmine/IED", text


def test_houses_blown_up_stay_property_destroyed() -> None:
    assert _one("Militants blew up three houses in Gao on Tuesday.").sub_event_type == "Looting/property destruction"


# ---------------------------------------------------------------- a capital named by its people

@pytest.mark.parametrize("text, city", [
    ("A bomb exploded at a restaurant in the Somali capital on Tuesday, killing seven.", "Mogadishu"),
    ("Gunmen attacked a hotel in the Malian capital on Tuesday, killing five.", "Bamako"),
    ("A bomb exploded at a restaurant in the Afghan capital on Tuesday, killing seven.", "Kabul"),
    ("Rockets hit the Ukrainian capital on Tuesday, killing two.", "Kyiv"),
])
def test_a_capital_named_by_its_people_is_that_city(text: str, city: str) -> None:
    ev = _one(text)
    assert ev.location is not None and ev.location.name == city, ev.location


# ---------------------------------------------------------------- a town and its province after a comma: one place

@pytest.mark.parametrize("text, town", [
    ("Al-Shabaab militants killed 5 soldiers in an attack on Baidoa, Bay region, on Tuesday.", "Baidoa"),
    ("Israeli forces killed 3 Palestinians in shelling on Rafah, Gaza, on Tuesday.", "Rafaḩ"),
    ("Gunmen killed seven worshippers in an attack on Beni, North Kivu, on Tuesday.", "Beni"),
])
def test_a_town_then_its_province_is_one_place(text: str, town: str) -> None:
    ev = _one(text)
    assert ev.location is not None and ev.location.name == town, ev.location


def test_a_list_whose_middle_name_is_a_province_city_keeps_it() -> None:
    events = extract("Warplanes struck Saraqib, Idlib and Ariha on Tuesday, killing 9.", published=PUBLISHED)
    assert [e.location.name for e in events if e.location] == ["Saraqib", "Idlib", "Ariha"]


# ---------------------------------------------------------------- victims in the passive, then the doer of their end

@pytest.mark.parametrize("text, doer", [
    ("5 soldiers were killed on Tuesday when Al-Shabaab militants attacked Baidoa in Bay region, officials said.",
     "Al Shabaab"),
    ("12 villagers were killed on Tuesday when Boko Haram fighters attacked Gwoza in Borno state, officials said.",
     "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
    ("23 civilians were killed on Tuesday when ADF rebels attacked Beni, officials said.",
     "ADF: Allied Democratic Forces"),
])
def test_the_subject_of_the_when_clause_is_the_doer(text: str, doer: str) -> None:
    ev = _one(text)
    assert ev.actor1 is not None and ev.actor1.name == doer, ev.actor1


# ---------------------------------------------------------------- nobody killed counts no one

@pytest.mark.parametrize("text", [
    "Militants attacked a checkpoint near Gao on Tuesday; no one was killed, the army said.",
    "A rocket hit a school in Kharkiv on Tuesday but no-one was killed.",
    "A mortar hit a market in Aden on Tuesday; not one person was killed.",
    "Gunmen attacked a bus near Gao on Tuesday, but nobody was killed.",
])
def test_nobody_killed_is_a_toll_of_zero(text: str) -> None:
    assert _one(text).fatalities == 0, text


# ---------------------------------------------------------------- an act called for later is no event

@pytest.mark.parametrize("text", [
    "Protesters called for a march on the parliament in Nairobi next week.",
    "Protesters demanded a sit-in outside the parliament in Accra tomorrow.",
    "Protesters announced a strike in Lagos next month.",
])
def test_a_protest_set_for_later_is_no_event(text: str) -> None:
    assert [e for e in extract(text, published=PUBLISHED) if e.event_type != "Diplomacy"] == []


def test_a_past_act_with_a_mistyped_later_date_stays_an_event() -> None:
    assert _one("Gunmen attacked a bus near Gao on June 14, killing three.").fatalities == 3


# ---------------------------------------------------------------- an arrest for a plan is an arrest of that day

@pytest.mark.parametrize("text, place", [
    ("Police arrested three men suspected of planning a bombing in Mombasa on Tuesday.", "Mombasa"),
    ("Police detained two students accused of planning a protest in Tehran on Tuesday.", "Tehran"),
    ("Security forces arrested a man on suspicion of planning an attack on a church in Lagos on Tuesday.", "Lagos"),
])
def test_an_arrest_over_a_plan_is_dated_and_kept(text: str, place: str) -> None:
    arrests = [e for e in extract(text, published=PUBLISHED) if e.sub_event_type == "Arrests"]
    assert len(arrests) == 1 and arrests[0].date == "2020-06-09", text
    assert arrests[0].location is not None and arrests[0].location.name == place


def test_a_plan_of_ones_own_still_points_forward() -> None:
    assert [e for e in extract("Rebels are planning an offensive on Goma on Tuesday.", published=PUBLISHED)
            if e.event_type != "Diplomacy"] == []


# ---------------------------------------------------------------- a village stormed and its people shot: an attack

@pytest.mark.parametrize("text", [
    "Gunmen stormed a village in Zamfara on Sunday, shooting residents and setting homes on fire.",
    "Jihadists stormed the village of Solhan overnight, killing 160 residents.",
    "Bandits stormed Kadisau village in Zamfara on Tuesday and killed 12 villagers.",
])
def test_a_raid_that_kills_the_villagers_is_an_attack_on_civilians(text: str) -> None:
    ev = _one(text)
    assert (ev.event_type, ev.sub_event_type) == ("Violence against civilians", "Attack"), text


@pytest.mark.parametrize("text", [
    "Rebels stormed the town of Rubaya on Tuesday and took control of it after clashes with the army.",
    "Regime forces stormed the village of Kafr Nabudah on Tuesday.",
])
def test_a_town_stormed_and_held_is_territory(text: str) -> None:
    assert "territory" in (_one(text).sub_event_type or ""), text


# ---------------------------------------------------------------- "The strike hit ...": more of the strike just told

_TWO_SIDES = [
    ("Russian strike on Ukraine's Sumy kills 9, injures dozens\n\nKYIV, June 9 (Reuters) - A Russian missile"
     ' strike on the centre of the northeastern Ukrainian city of Sumy killed nine people and injured 35 o'
     'n Sunday, regional officials said.\n\nThe strike hit a busy street near a university as people were he'
     'ading to church, the regional military administration said on Telegram. Among the dead were two chil'
     "dren.\n\nRussia's defence ministry did not comment. Moscow denies targeting civilians in the war, whic"
     "h it launched in February 2022.\n\nSeparately, Ukrainian drones attacked an oil depot in Russia's Brya"
     "nsk region overnight, the region's governor said, adding that no one was hurt.\n\nUkraine's air force "
     'said Russia launched 48 drones and four missiles overnight, of which 40 drones were shot down.'),
    ("BEIRUT, June 9 - An Israeli air strike on the southern Lebanese city of Tyre killed four people on Sunday, "
     "officials said.\n\nThe strike hit a busy street near a school as people were heading to the market.\n\n"
     "Israel's army did not comment. Israeli officials deny targeting civilians.\n\nSeparately, Hezbollah drones "
     "attacked an army post in Israel's Galilee region overnight, the Israeli army said."),
    ("DAMASCUS, June 9 - A Turkish drone strike on the Syrian town of Qamishli killed three people on Sunday, "
     "officials said.\n\nThe strike hit a busy street near a bakery as people were queueing for bread.\n\n"
     "Turkey's defence ministry did not comment. Ankara denies targeting civilians.\n\nSeparately, Kurdish fighters "
     "attacked a Turkish army post in Turkey's Sanliurfa province overnight, the Turkish governor said."),
]


@pytest.mark.parametrize("text", _TWO_SIDES)
def test_a_sentence_about_the_strike_just_told_is_no_second_event(text: str) -> None:
    events = [e for e in extract(text, published="2025-06-09") if e.event_type != "Diplomacy"]
    assert not any(e.evidence.text.startswith("The strike hit") for e in events), [
        (e.location.name if e.location else None, e.evidence.text[:40]) for e in events]


# ---------------------------------------------------------------- a timeline entry is dated by its date

@pytest.mark.parametrize("text", [
    "2020-05-03: militants attacked a police post in Garissa, killing two officers.",
    "3 May 2020: militants attacked a police post in Garissa, killing two officers.",
    "May 3, 2020: Militants attacked a police post in Garissa, killing two officers.",
])
def test_a_line_opening_with_a_date_and_a_colon_is_dated_by_it(text: str) -> None:
    assert _one(text).date == "2020-05-03", text


# ---------------------------------------------------------------- a name written without its Arabic article

@pytest.mark.parametrize("text, mention", [
    ("Turkish drones killed seven Kurds near Qamishli on Friday.", "Qamishli"),
    ("Regime helicopters dropped barrel bombs on Rastan on Friday.", "Rastan"),
    ("Turkish drones killed seven Kurds near Malikiyah on Friday.", "Malikiyah"),
])
def test_a_place_written_without_its_article_is_found(text: str, mention: str) -> None:
    from sitrep.extract.places import find_places

    assert any(m.mention == mention and m.place is not None and m.place.country == "SY" for m in find_places(text))


# ---------------------------------------------------------------- a bomb told by what it did; the bomber among the dead

@pytest.mark.parametrize("text", [
    "A bomb killed a policeman and two civilians in Quetta on Tuesday.",
    "A powerful bomb ripped through a market in Maiduguri on Tuesday, killing nine.",
    "The bomb struck a minibus near Jalalabad on Tuesday, killing five passengers.",
])
def test_a_bomb_that_killed_is_an_explosive_device(text: str) -> None:
    assert _one(text).sub_event_type == "Remote explosive/landmine/IED", text


def test_a_barrel_bomb_that_killed_stays_an_air_strike() -> None:
    assert _one("A barrel bomb killed six people in Daraya on Tuesday.").sub_event_type == "Air/drone strike"


@pytest.mark.parametrize("text, n", [
    ("A suicide bomber killed himself and four soldiers at a checkpoint in Mogadishu on Tuesday.", 5),
    ("A female suicide bomber blew herself up in a market in Maiduguri on Tuesday, killing herself and six "
     "shoppers.", 7),
    ("The attacker detonated his vest at the gate in Kabul on Tuesday, killing himself as well as three guards.", 4),
])
def test_the_bomber_killed_with_the_victims_is_counted(text: str, n: int) -> None:
    assert _one(text).fatalities == n, text


# ---------------------------------------------------------------- hundreds or thousands who have been killed: a tally

@pytest.mark.parametrize("text", [
    "Burkina Faso has been battling an insurgency that spread from Mali in 2015. Thousands have been killed and more "
    "than two million people displaced.",
    "Hundreds of people have been killed in Tigray since November.",
    "Tens of thousands of civilians have died in the fighting in Darfur.",
])
def test_a_war_tally_in_the_perfect_is_no_event(text: str) -> None:
    assert [e for e in extract(text, published="2024-03-04") if e.event_type != "Diplomacy"] == []


def test_hundreds_killed_in_one_attack_of_a_day_stay_an_event() -> None:
    assert len([e for e in extract("Hundreds of people were killed in the attack on Solhan on Friday.",
                                   published="2024-03-04") if e.event_type != "Diplomacy"]) == 1


# ---------------------------------------------------------------- an Arabic article cut off its name is no place

@pytest.mark.parametrize("text", [
    "The Syrian army shelled Ar-Rastan city in the northern countryside of Homs on Tuesday. No one was hurt.",
    "Clashes took place between rebels and regime forces in the Al-Raba 'I checkpoint area near Adwan in western "
    "Dar'a on Tuesday.",
    "Regime helicopters dropped barrel bombs on Ar-Rastan and Talbiseh on Tuesday.",
])
def test_an_article_alone_is_no_place(text: str) -> None:
    events = [e for e in extract(text, published=PUBLISHED) if e.event_type != "Diplomacy"]
    assert events and all(e.location is None or not e.location.name.endswith("-") for e in events), [
        e.location.name if e.location else None for e in events]


# ---------------------------------------------------------------- the earlier happening a report is measured against

@pytest.mark.parametrize("text", [
    "Wednesdays claim of the chemical attack if confirmed would be the most serious report since the March 19 claim "
    "of the attack in Khan al-Assal when at least 30 people were reported killed.",
    "A car bomb exploded in a market in Baghdad on Monday, the deadliest bombing in the city since the attack on the "
    "market in May in which 40 people died.",
    "The air strike on Saada on Monday was the worst since the shelling of the school in January that killed 12 "
    "children.",
])
def test_the_dead_of_an_earlier_happening_are_not_the_toll(text: str) -> None:
    assert all(e.fatalities is None for e in extract(text, published=PUBLISHED)), text
