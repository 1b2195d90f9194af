"""Full news articles: every toll, place and event in the output is one the text supports.

Each table holds at least three different sentences of one class of phrasing. Sentences marked
FA-KES are from the bundled sample corpus (FA-KES, CC BY 4.0, Abu Salem et al. 2019); the others
are self-written.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sitrep import extract
from sitrep.extract.events import VIOLENT
from sitrep.extract.numbers import find_casualties

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "data" / "sample" / "fakes_sample.csv"


# --------------------------------------------------------------------------- one toll per event
@pytest.mark.parametrize("text,toll", [
    # a figure repeated in headline and lead, in digits and in words, counts once
    ("17 civilians dead in air strikes on market in east Syria Monitor AFP Monday 6 Jun 2016 seventeen civilians "
     "including eight children were killed in air strikes on a market", 17),  # FA-KES
    ("Air strikes in Syria kill at least 20 Islamic State fighters Monitor US-led air strikes killed at least 20 "
     "Islamic State fighters in northeastern Syria", 20),  # FA-KES
    ("22 killed in strike on Idlib market, 22 people were killed when jets struck the market", 22),
    # a total and its breakdown are not summed
    ("An air strike killed 21 people, 15 civilians and 6 fighters were among the dead", 21),
    ("The blast killed 12 people, including eight soldiers and four civilians", 12),
    ("Twenty-one people were killed on Monday; 15 civilians and six fighters died in the shelling", 21),
    # an updated toll gives the latest
    ("At least 68 children were among the 126 people killed in the attack the Syrian Observatory for Human Rights "
     "said updating a previous toll of 112 dead.", 126),  # FA-KES
    ("The toll from the bombing in Azaz rose to 126 on Tuesday from a previous toll of 112.", 126),
    ("The death toll climbed to 40 from an earlier toll of 31, medics said.", 40),
    # a bare count right after the verb, closing the clause or followed by where/when
    ("A suicide bomber attacked a coalition convoy in Palmyra, killing three.", 3),
    ("Fighting between rebels and the army killed 12 in Hama on Monday.", 12),
    ("The blast killed at least 20 and wounded 30.", 20),
    # additions the text states
    ("Gunmen killed five soldiers and two others were killed in the crossfire", 7),
    ("killing two US service members and one American civilian", 3),
    ("The shelling killed three soldiers, and four rebels were killed in the clashes that followed", 7),
])
def test_one_toll_per_clause(text: str, toll: int) -> None:
    assert find_casualties(text).fatalities == toll


@pytest.mark.parametrize("text", [
    "Thousands more civilians killed.",  # FA-KES timeline
    "Dozens more people were killed in the weeks that followed.",
    "Hundreds more fighters died as the siege went on.",
    "It is accused by human rights groups of indiscriminately killing both civilians and insurgents.",  # FA-KES
    "The raids killed both fighters and civilians, activists said.",
    "Regime forces seize rebel-held Baba Amr in Homs city after 27 days of heavy shelling.",  # FA-KES
])
def test_no_toll_from_vague_plurals_coordination_or_durations(text: str) -> None:
    assert find_casualties(text).fatalities is None


# --------------------------------------------------------------------------- place of occurrence
@pytest.mark.parametrize("text,country", [
    ("At least 15 people were killed in fresh air strikes on rebel-held areas of Syrias Aleppo on Wednesday a "
     "monitor said.", "SY"),  # FA-KES (apostrophes lost)
    ("Air strikes killed 12 people in Douma on Monday, the UK-based Syrian Observatory for Human Rights said.", "SY"),
    ("Gunmen killed three policemen in Kirkuk on Sunday, officials told Reuters in Beirut.", "IQ"),
    ("Rocket fire killed four people in Marib on Monday, the Washington-based monitor said.", "YE"),
    ("A car bomb killed nine people in Azaz on Friday, AFP reported from Istanbul.", "SY"),
    ("BEIRUT (Reuters) - A suicide bomber killed six people at a checkpoint in Mosul on Monday.", "IQ"),
])
def test_where_a_report_comes_from_never_locates_the_event(text: str, country: str) -> None:
    events = [e for e in extract(text, published="2016-10-06") if e.event_type != "Diplomacy"]
    assert events and all(e.location is not None and e.location.country == country for e in events), \
        [(e.location, e.evidence.text) for e in events]


@pytest.mark.parametrize("text", [
    "Director of Daraa National Hospital told SANA that the bodies of 10 victims arrived at the hospital.",
    "The strike was reported by SANA and the SDF on Monday.",
    "A spokesman told AFP that the SNA had repelled the attack.",
])
def test_an_acronym_in_running_text_is_no_town(text: str) -> None:
    from sitrep.extract import parse
    from sitrep.extract.places import find_places

    assert not [m for m in find_places(text, parse(text)) if m.mention.isupper() and m.place is not None
                and m.place.precision == "point"]


# --------------------------------------------------------------------------- only specific happenings
@pytest.mark.parametrize("text", [
    "Johnson was responding to a question from Labour member of parliament Ann Clwyd who called for protests by "
    "millions of people outside Russian embassies worldwide.",  # FA-KES
    "Activists called for protests outside the embassy on Friday.",
    "The opposition urged demonstrations in every town next week.",
    '"I\'d certainly like to see demonstrations outside the Russian embassy" Johnson told MPs.',
    "Assad has rallied Syrias minorities behind his regime behind fears of a Sunni-dominated rebellion.",  # FA-KES
    "More than 200000 people have died in the conflict which began with anti-government protests in March 2011.",
    "The war, which started with peaceful protests in 2011, has killed hundreds of thousands.",
    "The uprising was sparked by protests in Daraa in March 2011.",
    "Many rebels in western Syria do not trust the YPG because they say it cooperates with Damascus rather than "
    "fighting it.",  # FA-KES
    "The group chose to negotiate instead of fighting the army.",
])
def test_called_for_background_and_counterfactual_mentions_give_no_event(text: str) -> None:
    assert [e for e in extract(text, published="2016-10-07") if e.event_type != "Diplomacy"] == []


# --------------------------------------------------------------------------- statements are statements
@pytest.mark.parametrize("text", [
    "Turkey condemned the attack that killed 1400 people in Ghouta.",
    "The UN envoy said on Monday that the strike, which killed 20 civilians, was a war crime.",
    "In a phone call on Sunday, the two presidents discussed the bombing that killed three soldiers.",
])
def test_diplomacy_never_carries_fatalities(text: str) -> None:
    assert all(e.fatalities is None for e in extract(text, published="2020-05-05") if e.event_type == "Diplomacy")


@pytest.mark.parametrize("text", [
    "Government troops shelled government troops' positions by mistake near Hama on Monday.",
    "Syrian army units clashed with Syrian army deserters near Hama on Monday.",
    "Regime forces attacked regime positions that had mutinied in Daraa on Monday.",
])
def test_a_violent_event_has_two_different_sides(text: str) -> None:
    for e in extract(text, published="2020-05-05"):
        if e.actor1 is not None and e.actor2 is not None and e.event_type != "Diplomacy":
            assert e.actor1.name != e.actor2.name


def test_no_statement_in_the_sample_corpus_carries_dead() -> None:
    with SAMPLE.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for r in rows[:60]:
        for e in extract(r["article_title"] + "\n\n" + r["article_content"]):
            assert e.event_type != "Diplomacy" or (e.fatalities is None and e.injured is None), e.evidence.text


# --------------------------------------------------------------------------- headlines
@pytest.mark.parametrize("text", [
    "Terrorist Rocket Attacks Kill 10 Civilians Injured Dozens in Daraa\n\nWed Feb 3 2016 Terrorist Rocket Attacks "
    "Kill 10 Civilians Injured Dozens in Daraa. Terrorist rocket attacks have killed 10 civilians and injured 41 "
    "others most of them women and children in Daraa city.",  # FA-KES
    "Car Bomb Kills 10 in Azaz\n\nA car bomb exploded in a market in Azaz on Monday, killing 10 people.",
    "Ten Dead as Jets Strike Douma Market\n\nWarplanes struck a market in Douma on Monday, killing 10 civilians, "
    "the Observatory said.",
])
def test_a_headline_and_its_lead_are_one_event(text: str) -> None:
    events = [e for e in extract(text, published="2016-02-03") if e.event_type != "Diplomacy"]
    assert len(events) == 1 and events[0].fatalities == 10, [(e.fatalities, e.evidence.text) for e in events]


@pytest.mark.parametrize("text", [
    "Kurdish fighters are attacking ISIS with intensive air support in the north.",
    "The town has been the scene of fierce fighting between the army and rebels.",
    "The army continued to tighten the noose around militants across the province.",
    "The district has been targeted more than once by regular government bombardment.",
    "The SDF have for months been advancing towards the city of Raqqa.",
])
def test_ongoing_and_habitual_mentions_give_no_event(text: str) -> None:
    assert [e for e in extract(text, published="2017-03-10") if e.event_type != "Diplomacy"] == []


@pytest.mark.parametrize("text,name", [
    ("Barrel bombs hit villages in rural Aleppo on Friday.", "Aleppo"),
    ("Jets struck rural Hama on Monday.", "Ḩamāh"),
    ("Regime helicopters dropped barrel bombs on rural Idlib.", "Idlib"),
])
def test_rural_province_is_the_countryside_not_the_city(text: str, name: str) -> None:
    from sitrep.extract import parse
    from sitrep.extract.places import find_places

    found = [m.place for m in find_places(text, parse(text)) if m.place is not None]
    assert found and found[-1].name == name and found[-1].precision in ("district", "admin1"), found


# --------------------------------------------------------------------------- one event per listed place
@pytest.mark.parametrize("text,names", [
    # names the gazetteer does not know are places of their own, located by what contains them
    ("Rebels shelled the towns of Nubul and Zahraa in Aleppo countryside on Monday.", {"Nubul", "Zahraa"}),
    ("17 other civilians were injured by rocket shells in Mogambo neighborhood and al-Hamdaniyeh in Aleppo.",
     {"Mogambo", "al-Hamdaniyeh"}),  # FA-KES (adapted)
    ("Warplanes struck Ferdous and areas of Der Hafir on Monday.", {"Ferdous", "Dayr Ḩāfir"}),
    # a settlement noun between the names, known places
    ("Regime forces shelled Saraqeb, Khan Sheikhoun and Kafranbel on Monday.",
     {"Saraqib", "Khan Shaykhun", "Kafranbel"}),
    ("The Air Force shelled Daesh positions in Raqqah and Deir ez-Zor provinces.", {"Ar Raqqah", "Deir ez-Zor"}),
])
def test_a_listed_action_gives_one_event_per_place(text: str, names: set[str]) -> None:
    events = [e for e in extract(text, published="2016-06-02") if e.event_type != "Diplomacy"]
    assert {e.location.name for e in events if e.location is not None} == names, [e.location for e in events]
    assert len(events) == len(names) and len({e.event_id for e in events}) == len(names)


def test_an_unknown_listed_name_is_located_no_finer_than_the_text_says() -> None:
    """A village no gazetteer knows, listed beside a known town, takes the province, never the town's point."""
    events = extract("Warplanes struck Ferdous and areas of Der Hafir on Monday.", published="2016-06-02")
    ferdous = next(e.location for e in events if e.location is not None and e.location.name == "Ferdous")
    assert ferdous.precision == "admin1" and ferdous.admin1 == "Aleppo" and ferdous.geonameid is None


@pytest.mark.parametrize("text", [
    "The army advanced between Saraqeb and Khan Sheikhoun on Monday.",
    "Fighters moved from Nubul to Zahraa on Monday after clashes.",
    "Clashes broke out on the road between Ferdous and Der Hafir on Monday.",
])
def test_a_route_is_not_a_list(text: str) -> None:
    events = [e for e in extract(text, published="2016-06-02") if e.event_type != "Diplomacy"]
    assert len(events) <= 1, [(e.location, e.evidence.text) for e in events]


@pytest.mark.parametrize("text", [
    "Aerial bombardments were focused on Douma on Monday.",
    "Heavy aerial bombardments hit the town of Saraqeb overnight.",
    "Government bombardments killed four civilians in Douma on Monday.",
])
def test_plural_bombardments_are_strikes(text: str) -> None:
    events = [e for e in extract(text, published="2016-06-02") if e.event_type != "Diplomacy"]
    assert len(events) == 1 and events[0].event_type == "Explosions/Remote violence", events


@pytest.mark.parametrize("text", [
    "Clashes on Monday continued between regime forces and rebels around eastern Aleppo.",  # FA-KES (adapted)
    "They continue to battle for the town of Tabqa with clashes ongoing on Saturday.",  # FA-KES (adapted)
    "Fighting continued on Tuesday in the Jobar district of Damascus.",
    "Heavy fighting was ongoing in Daraa on Sunday, the Observatory said.",
])
def test_fighting_that_went_on_on_a_stated_day_is_that_days_event(text: str) -> None:
    events = [e for e in extract(text, published="2016-06-02") if e.event_type != "Diplomacy"]
    assert len(events) == 1 and events[0].date_precision == "day", events


@pytest.mark.parametrize("text", [
    "Air strikes and clashes are ongoing across the province.",
    "Clashes have continued for months around the town of Daraya.",
    "Regime forces continue to shell the town of Douma.",
])
def test_fighting_going_on_with_no_day_is_no_event(text: str) -> None:
    assert [e for e in extract(text, published="2016-06-02") if e.event_type != "Diplomacy"] == []


@pytest.mark.parametrize("text", [
    "A coalition air strike killed 15 civilians in Raqqa on Saturday. Clashes between the SDF and IS went on "
    "in Tabqa on Saturday, the Observatory said.",
    "Warplanes struck Saraqeb on Monday, killing four people. Rebels and regime forces clashed in Khan Sheikhoun "
    "on Monday.",
    "Regime artillery shelled Douma on Friday. On Friday, fighters clashed with the army in Harasta.",
])
def test_different_happenings_in_nearby_towns_on_one_day_stay_apart(text: str) -> None:
    events = [e for e in extract(text, published="2017-04-09") if e.event_type != "Diplomacy"]
    assert len({e.event_type for e in events}) == 2 and len(events) == 2, [(e.event_type, e.location) for e in events]


@pytest.mark.parametrize("text", [
    "The army continued to pound terrorist positions on Wednesday across the country.",
    "Clashes were ongoing on Monday on several fronts.",
    "The army on Tuesday continued operations against terrorists throughout the province.",
])
def test_continuing_action_spread_over_a_country_is_no_event(text: str) -> None:
    assert [e for e in extract(text, published="2016-06-02") if e.event_type != "Diplomacy"] == []


@pytest.mark.parametrize("text,speaker", [
    ("The United States has said the deaths were caused by sarin nerve gas dropped by Syrian aircraft.", "US"),
    ("Russia has said it believes poison gas had leaked from a rebel depot struck by Syrian bombs.", "RU"),
    ("Turkey has accused Kurdish fighters of shelling a village near Afrin on Monday.", "TR"),
    ("Washington blamed the air strike on a market near Idlib on Syrian government forces.", "US"),
])
def test_a_country_that_speaks_does_not_locate_the_event(text: str, speaker: str) -> None:
    events = [e for e in extract(text, published="2017-04-05") if e.event_type != "Diplomacy"]
    assert events and all(e.location is None or e.location.country != speaker for e in events), \
        [e.location for e in events]


@pytest.mark.parametrize("text,speakers", [
    ("Washington and Paris say forces loyal to President Bashar al-Assad were behind the attack in which more than "
     "1400 are estimated to have been killed.", {"Washington", "Paris"}),
    ("Ankara and Washington said Kurdish fighters shelled a village near Afrin on Monday, killing four.",
     {"Ankara", "Washington"}),
    ("London, Paris and Washington say government forces dropped barrel bombs on Daraya on Monday, killing 20.",
     {"London", "Paris", "Washington"}),
])
def test_capitals_that_speak_together_do_not_locate_the_event(text: str, speakers: set[str]) -> None:
    events = [e for e in extract(text, published="2016-08-02") if e.event_type != "Diplomacy"]
    assert events and all(e.location is None or e.location.mention not in speakers for e in events), \
        [e.location for e in events]


@pytest.mark.parametrize("text,cause", [
    ("The Khan Sheikhun strike prompted Washington to take its first direct military action against the regime with "
     "missile strikes against a central air base on Friday morning.", "Khan Sheikhun"),  # FA-KES
    ("The Ghouta massacre triggered Western air strikes on a government airfield on Friday, killing six soldiers.",
     "Ghouta"),
    ("In retaliation for the Jayrud shelling, rebels fired rockets at a nearby army base on Sunday, killing four "
     "soldiers.", "Jayrud"),
    ("Government jets bombed a market on Sunday, killing 12 people, in revenge for the Damascus bombing.", "Damascus"),
])
def test_the_place_of_the_happening_an_act_answers_does_not_locate_the_act(text: str, cause: str) -> None:
    events = [e for e in extract(text, published="2017-04-08") if e.event_type != "Diplomacy" and e.date]
    assert events and all(e.location is None or e.location.mention not in (cause, "Washington") for e in events), \
        [e.location for e in events]


@pytest.mark.parametrize("text,place", [
    ("The Jayrud shelling killed 12 people on Saturday, activists said.", "Jayrud"),
    ("After the Douma attack on Saturday, rescuers pulled 40 bodies from the rubble.", "Douma"),
    ("The Homs bombing on Monday caused widespread damage and killed 18 people.", "Homs"),
])
def test_the_place_of_a_happening_named_as_the_subject_of_its_own_outcome_locates_it(text: str, place: str) -> None:
    events = [e for e in extract(text, published="2017-04-08") if e.event_type != "Diplomacy"]
    assert any(e.location is not None and e.location.mention == place for e in events), [e.location for e in events]


@pytest.mark.parametrize("text,side,place", [
    ("BEIRUT A Russian military helicopter was shot down over Syria on Monday killing all five people on board in "
     "the single deadliest incident for Moscow since it intervened in the war.", "Moscow", "Syria"),  # FA-KES
    ("Rebels shot down a Syrian army helicopter near Saraqeb on Sunday, a setback for Damascus.", "Damascus",
     "Saraqib"),
    ("The ambush that killed three Turkish soldiers near al-Bab on Friday was the heaviest loss for Ankara in weeks.",
     "Ankara", "Al-Bab"),
    ("A Russian jet was shot down over Idlib on Tuesday, killing its pilot, in a fresh blow to Moscow.", "Moscow",
     "Idlib"),
])
def test_a_capital_named_as_the_side_a_happening_harms_does_not_locate_it(text: str, side: str, place: str) -> None:
    events = [e for e in extract(text, published="2016-08-02") if e.event_type != "Diplomacy"]
    assert events and all(e.location is not None and e.location.mention != side for e in events), \
        [e.location for e in events]
    assert any(e.location is not None and e.location.name == place for e in events), [e.location for e in events]


@pytest.mark.parametrize("text", [
    "A doctor in Aleppo said five people were killed when shells hit the market on Monday.",
    "Residents in Aleppo said jets struck the market on Monday, killing five people.",
    "A double bombing in the city of Homs has claimed the lives of 18 civilians.",
])
def test_a_place_that_only_holds_the_speaker_or_names_the_toll_still_locates(text: str) -> None:
    events = [e for e in extract(text, published="2017-04-05") if e.event_type != "Diplomacy"]
    assert events and events[0].location is not None and events[0].location.precision != "country", events


@pytest.mark.parametrize("text,method", [
    ("The Britain-based monitor says it determines what planes carried out raids according to their type location "
     "flight patterns and the munitions involved.", True),  # FA-KES
    ("The monitor says it determines whose jets carried out strikes by their type, flight path and the munitions "
     "used.", True),
    ("The Observatory identifies which aircraft carry out raids from their flight patterns, its director said.", True),
    ("The group distinguishes what planes conducted air strikes according to the sound of their engines.", True),
    ("Jets struck a market in Idlib on Monday, killing 12 people, and the monitor identified the planes as Russian.",
     False),
])
def test_how_a_monitor_tells_whose_acts_they_are_is_its_method_not_an_act(text: str, method: bool) -> None:
    from sitrep.extract.events import find_triggers, genericity

    hits = find_triggers(text, 0, len(text))
    assert hits and all((genericity(text, h, (0, len(text))).reason == "inquiry") == method for h in hits), \
        [(h.text, genericity(text, h, (0, len(text)))) for h in hits]


@pytest.mark.parametrize("text", [
    "Following the massacre the Assad regime surrendered its cache of chemical weapons under the threat of sanctions.",
    "Sarin is an organophosporus compound and a nerve agent.",  # FA-KES
    "In January 2016 the OPCW announced that all chemical weapons in Syria had been destroyed.",  # FA-KES
    "Russia has emphasized that rebels must also abide by the chemical weapons agreement.",
    "Islamic State has targeted areas of Hasaka province in the past including another city Qamishli.",  # FA-KES
])
def test_a_weapon_named_as_a_thing_or_a_past_habit_is_no_event(text: str) -> None:
    assert [e for e in extract(text, published="2017-04-05") if e.event_type != "Diplomacy"] == []


@pytest.mark.parametrize("text", [
    "Helicopters dropped barrels filled with chlorine on Saraqeb on Monday, injuring 30 people.",
    "Dozens of people suffocated after regime jets fired rockets loaded with toxic gas on Khan Sheikhoun on Tuesday.",
    "Victims of a suspected chemical attack in Idlib appeared to show symptoms of exposure to a nerve agent.",
    "Hundreds of civilians died in a sarin gas attack in Ghouta on the outskirts of Damascus in August 2013.",
])
def test_a_chemical_agent_used_on_people_is_a_chemical_attack(text: str) -> None:
    events = [e for e in extract(text, published="2017-04-05") if e.event_type != "Diplomacy"]
    assert len(events) == 1 and events[0].sub_event_type == "Chemical weapon", events


@pytest.mark.parametrize("text", [
    "The Syrian regime has killed at least 43 people in the town of Jayrud in a revenge shelling attack. Tags Syria "
    "shelling Jayrud At least 43 people have been killed by Syrian regime shelling in a rebel-held town on "
    "Saturday.",  # FA-KES (shortened)
    "A car bomb killed 20 people at a checkpoint near Azaz. Opposition officials said 20 people died when the car "
    "bomb went off at the checkpoint on Thursday.",
    "Jets killed 12 civilians in an air strike on Douma. Rescue workers said the air strike on Monday killed 12 "
    "civilians, most of them women.",
])
def test_one_attack_told_twice_with_its_toll_is_one_event(text: str) -> None:
    events = [e for e in extract(text, published="2016-07-02") if e.event_type != "Diplomacy"]
    assert len(events) == 1, [(e.fatalities, e.evidence.text) for e in events]


@pytest.mark.parametrize("text", [
    "The bombardment hit the town of Jayrud on Saturday where rebels killed a pilot they captured on Friday.",
    "The soldiers the militants had seized near Palmyra were paraded on television on Monday.",
    "Relatives of the journalists it captured in Raqqa appealed for their release on Monday.",
])
def test_people_captured_are_not_ground_taken(text: str) -> None:
    events = extract(text, published="2016-07-02")
    assert all(e.sub_event_type != "Non-state actor overtakes territory" for e in events), events


@pytest.mark.parametrize("text,published,date", [
    ("Car bomb kills 20 in Deir Ezzor\n\nSat Nov 18 2017 20 civilians killed 30 injured in car bomb attack in Deir "
     "Ezzor. 20 civilians were killed and 30 others were injured in a car bomb attack by Isis on Friday evening "
     "in Deir Ezzor.", "2017-11-18", "2017-11-17"),  # FA-KES (shortened)
    ("Bus blast in Damascus\n\n01.02.2015 A bus blast in Damascus killed at least six people. The bomb went off "
     "inside a bus in Damascus on Sunday killing six people.", "2015-02-02", "2015-02-01"),
    ("Strike on Douma market\n\nFriday 21 November 2014 10:13 Ten civilians were killed in an air strike on a "
     "market in Douma. Jets struck the market on Thursday killing ten civilians.", "2014-11-21", "2014-11-20"),
])
def test_a_page_date_stamp_does_not_date_the_event(text: str, published: str, date: str) -> None:
    events = [e for e in extract(text, published=published) if e.event_type != "Diplomacy"]
    assert [e.date for e in events] == [date], [(e.date, e.date_method, e.evidence.text) for e in events]


@pytest.mark.parametrize("text", [
    "Topic Violence Erupts as Islamic State Rises (1881) A suicide bomber blew himself up at an army outpost in "
    "Aleppo on Monday killing at least 25 soldiers.",  # FA-KES (adapted)
    "Comments (1204) Jets struck a market in Douma on Monday, killing ten civilians.",
    "Views 1532 Rebels shelled the Hamdaniyeh district of Aleppo on Monday, killing three people.",
])
def test_a_page_counter_is_no_year(text: str) -> None:
    events = [e for e in extract(text, published="2015-07-07") if e.event_type != "Diplomacy"]
    assert len(events) == 1 and events[0].date_precision == "day", events


@pytest.mark.parametrize("text", [
    "Activists said that at least 10 civilians were killed and 50 wounded in airstrikes by Russian forces on Idlib "
    "city on Friday morning.",  # FA-KES
    "At least 12 people were killed and 30 injured in air strikes on Douma on Monday.",
    "Four children died and 20 were hurt in air strikes on a school in Saraqeb on Tuesday.",
])
def test_victims_told_before_a_plural_trigger_do_not_make_it_an_aggregate(text: str) -> None:
    events = [e for e in extract(text, published="2016-07-22") if e.event_type != "Diplomacy"]
    assert len(events) == 1 and not events[0].generic, events


@pytest.mark.parametrize("text,types", [
    ("A barrage of rocket fire killed 14 people in Aleppo on Wednesday. Fighting struck the southern edges of the "
     "city on Wednesday night.", {"Explosions/Remote violence", "Battles"}),  # FA-KES (shortened)
    ("Jets bombed Douma on Monday, killing five. Clashes erupted on the edges of Douma on Monday.",
     {"Explosions/Remote violence", "Battles"}),
    ("Gunmen shot dead three civilians in Daraa on Friday. Regime artillery shelled Daraa on Friday.",
     {"Violence against civilians", "Explosions/Remote violence"}),
])
def test_two_kinds_of_violence_told_in_their_own_words_are_two_events(text: str, types: set[str]) -> None:
    events = [e for e in extract(text, published="2016-08-11") if e.event_type != "Diplomacy"]
    assert {e.event_type for e in events} == types and len(events) == 2, [(e.event_type, e.evidence.text)
                                                                          for e in events]


def test_a_mention_that_refers_back_joins_its_event() -> None:
    events = extract("Jets bombed Douma on Monday. The attack killed five civilians.", published="2016-08-11")
    assert len(events) == 1 and events[0].fatalities == 5, events


@pytest.mark.parametrize("text,sub", [
    ("A Russian air strike killed 38 civilians on Wednesday as they tried to cross the Euphrates River to escape "
     "fighting in Deir Ezzor province.", "Air/drone strike"),  # FA-KES
    ("Shelling killed four people who were fleeing clashes in Hama on Monday.", "Shelling/artillery/missile attack"),
    ("A roadside bomb killed two men who had fled the fighting in Raqqa on Sunday.",
     "Remote explosive/landmine/IED"),
])
def test_violence_people_flee_is_not_the_clauses_event(text: str, sub: str) -> None:
    events = [e for e in extract(text, published="2017-10-05") if e.event_type != "Diplomacy"]
    assert [e.sub_event_type for e in events] == [sub], events


@pytest.mark.parametrize("text", [
    "Syria and its ally Russia deny Damascus carried out any such chemical attack.",  # FA-KES
    "Moscow denies its jets bombed the hospital in Idlib.",
    "The army refuted claims of an attack on its base near Palmyra.",
])
def test_a_denied_attack_is_no_event(text: str) -> None:
    assert [e for e in extract(text, published="2017-04-13") if e.event_type != "Diplomacy"] == []


@pytest.mark.parametrize("text", [
    "\"The air force has not carried out any strikes near the town of Khan Sheikhun,\" the ministry said.",
    "Turkish jets did not strike any targets near Afrin, the defence ministry said.",
    "Coalition warplanes never bombed the bridge in Raqqa, a spokesman said.",
    "Government helicopters have not dropped any barrel bombs on Daraa this week, the minister claimed.",
])
def test_a_negation_inside_a_trigger_of_several_words_is_no_event(text: str) -> None:
    # the negation sits between the subject and the verb the trigger spans ("jets did not strike")
    assert [e for e in extract(text, published="2017-04-13") if e.event_type != "Diplomacy"] == []


def test_the_same_report_affirmed_keeps_its_event() -> None:
    events = extract("Turkish jets struck targets near Afrin on Monday, killing five fighters.", published="2017-04-13")
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Air/drone strike", 5)]


@pytest.mark.parametrize("text", [
    "One mother and her child have died after an aerial bomb targeted their home near Aleppo on Monday.",
    "Three schools were targeted by Russian aircrafts earlier this morning in the town of Darkush.",  # FA-KES (adapted)
    "The regime's air force also carried out a massacre against civilians in the town of Darkush on Tuesday.",
    "The helicopter killed at least 57 civilians when it dropped container bombs on the town of Al-Bab on Monday.",
    "An air strike on Tuesday by a U.S.-led coalition fighting Daesh mistakenly killed 18 fighters near Tabqa.",
])
def test_what_falls_from_the_air_is_an_air_strike(text: str) -> None:
    events = [e for e in extract(text, published="2016-06-02") if e.event_type != "Diplomacy"]
    assert [e.sub_event_type for e in events] == ["Air/drone strike"], events


@pytest.mark.parametrize("text", [
    "At Oxford Street bus station, four bus workers and two soldiers were killed when a car bomb exploded.",
    "Police in the city of Lyon were searching for a man believed to be responsible for a blast which injured "
    "several people.",
    "A suicide bomber blew himself up at a checkpoint outside Mogadishu, killing six soldiers.",
])
def test_a_report_dated_only_by_its_year_of_publication_keeps_its_event(text: str) -> None:
    """A page whose date is known only to the year: what it reports happened that year, not background."""
    events = [e for e in extract(text, published="1997") if e.event_type != "Diplomacy"]
    assert len(events) == 1 and events[0].date == "1997" and not events[0].generic, events


@pytest.mark.parametrize("text", [
    "The group gained prominence in 2014 by seizing large parts of Iraq.",
    "Rebels captured the city in 2012 before losing it four years later.",
    "The army bombed the town in 2013, residents recall.",
])
def test_a_year_stated_in_the_sentence_is_background(text: str) -> None:
    assert [e for e in extract(text, published="2017-04-05") if e.event_type != "Diplomacy"] == []


@pytest.mark.parametrize("text", [
    "The attack, which killed two US soldiers and a civilian interpreter, underscores the group's threat. On "
    "December 19, 2025, a suicide bomber attacked a coalition convoy in Palmyra, killing three.",
    "Gunmen killed 12 people at a market in Mogadishu, officials said. On Tuesday, a car bomb exploded at the "
    "Mogadishu market, killing 12 people.",
    "Fighting that killed seven soldiers near Hajin was reported by the army. A roadside bomb struck the patrol near "
    "Hajin on Sunday, killing seven soldiers.",
])
def test_an_abstract_and_its_body_with_one_toll_are_one_event(text: str) -> None:
    events = [e for e in extract(text, published="2025-12-22") if e.event_type != "Diplomacy"]
    assert len(events) == 1, [(e.event_type, e.fatalities, e.evidence.text) for e in events]


@pytest.mark.parametrize("text", [
    "He claimed that at least 6000 ISIS militants have been killed on this front.",  # FA-KES
    "The Syrian army have repelled 7 waves of attacks in the southwestern parts of Aleppo in the last 10 days "
    "killing over 2200 militants.",  # FA-KES (adapted)
    "More than 1,500 fighters have died in the offensive so far, the monitor said.",
])
def test_a_tally_over_a_front_or_a_period_is_no_event(text: str) -> None:
    assert [e for e in extract(text, published="2016-08-13") if e.event_type != "Diplomacy"] == []


@pytest.mark.parametrize("text,words", [
    ("Chemical attack claims over 1000 lives in Syria\n\nA total of 1500 people have fallen victims of the chemical "
     "attack in Ghouta, a Kurdish politician said.", "A total of 1500 people"),
    ("Car bomb kills 20 in Azaz\n\nA car bomb killed 20 people at a checkpoint in Azaz on Thursday.",
     "A car bomb killed 20 people"),
    ("Suicide bombing hits wedding in Hasakah\n\nAt least 20 people were killed when a suicide bomber struck a "
     "wedding in Tall Tawil on Monday.", "At least 20 people were killed"),
])
def test_the_report_not_the_title_is_the_evidence(text: str, words: str) -> None:
    events = [e for e in extract(text, published="2016-10-04") if e.event_type != "Diplomacy"]
    assert len(events) == 1 and events[0].evidence.text.startswith(words), [e.evidence.text for e in events]


# --------------------------------------------------------------------------- a headline's toll
@pytest.mark.parametrize("text,place_word", [
    # the headline's news is the lead's; a strike told further down, on another day and with no toll of its
    # own, is another happening and never takes the headline's toll
    ("Drone strike kills 4 militants in Marib\n\nFour militants died in Marib on Sunday, tribal sources said. "
     "The militants were travelling in a car. The area has seen fighting for months. Residents said they feared "
     "more raids. On Saturday a drone strike hit a farm near Sirwah, residents said.", "Sirwah"),
    ("Shelling kills 6 in Idlib village\n\nSix civilians died in the village of Kafr Nabl on Monday, rescuers "
     "said. Most of them were women. Rescuers searched the rubble for hours. The village had been calm for "
     "weeks. On Sunday artillery shelled the outskirts of Saraqib, activists said.", "Saraqib"),
    ("Air raid kills 12 in Raqqa province\n\nTwelve people lost their lives in Tabqa on Friday, a monitor said. "
     "Many of them were children. The monitor gave no further details. The town is held by the militants. On "
     "Thursday warplanes bombed a bridge near Mansoura, the monitor said.", "Mansoura"),
    ("Mortar attack kills 3 in Aden\n\nThree people died in the Crater district of Aden on Wednesday, medics "
     "said. Two of them were children. Medics said the toll could rise. The district has been tense for days. "
     "On Tuesday mortar rounds fell near the port of Mukalla, residents said.", "Mukalla"),
])
def test_a_headline_toll_stays_with_the_lead(text: str, place_word: str) -> None:
    events = extract(text, published="2016-05-10")
    later = [e for e in events if place_word in e.evidence.text]
    assert later and all(e.fatalities is None for e in later), [(e.evidence.text, e.fatalities) for e in events]


# --------------------------------------------------------------------------- counts of times, captions
@pytest.mark.parametrize("text", [
    "The regime has used chemical weapons 136 times since the 2013 agreement, rights groups said.",
    "Militants have attacked the pipeline near Kirkuk 14 times this year.",
    "Government jets bombed the hospital in Kafr Nabl dozens of times over the past two years.",
    "Israeli warplanes have struck targets in Syria hundreds of times since 2017.",
])
def test_a_count_of_times_over_a_period_is_no_event(text: str) -> None:
    assert [e for e in extract(text, published="2016-05-10") if e.event_type != "Diplomacy"] == []


def test_a_count_of_times_on_a_stated_day_keeps_its_event() -> None:
    events = extract("Army artillery shelled the village of Kafr Zita three times on Monday, activists said.",
                     published="2016-05-10")
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]


@pytest.mark.parametrize("text", [
    "This photo captured from the town of Nusaybin shows the border crossing.",
    "A picture taken in Aleppo shows a damaged building.",
    "Footage shot near Idlib shows the road to the town.",
    "The video captured by residents in Douma shows the market.",
])
def test_a_cameras_capture_is_no_event(text: str) -> None:
    assert [e for e in extract(text, published="2016-05-10") if e.event_type != "Diplomacy"] == []


# --------------------------------------------------------------------------- "a number" is no count of one
@pytest.mark.parametrize("text", [
    "This was the first time the villages were entered and such a high number was killed, the group said.",
    "The raid ended with a large number killed on both sides.",
    "The army said a growing number of militants were killed in the fighting.",
    "Troops killed a large number of fighters near the dam.",
    "Rebels said a group of soldiers were killed near the base.",
])
def test_a_number_or_a_group_is_no_toll_of_one(text: str) -> None:
    assert find_casualties(text).fatalities is None


@pytest.mark.parametrize("text", [
    "A teacher was killed when the shell hit the school.",
    "Gunmen killed a policeman in Kirkuk.",
    "The sniper shot dead a shepherd near the border.",
])
def test_one_named_victim_is_still_one(text: str) -> None:
    assert find_casualties(text).fatalities == 1


# --------------------------------------------------------------------------- a toll given earlier is superseded
@pytest.mark.parametrize("text,toll", [
    ("The monitor, which earlier gave a toll of 20 in the strikes, said the dead included a family.", None),
    ("The ministry, which had initially put the death toll at 12, said 15 people were killed.", 15),
    ("Officials previously gave a death toll of 30 for the bombing.", None),
    ("Medics first reported a toll of 6; by evening nine people had been killed.", 9),
])
def test_a_toll_given_earlier_is_not_the_toll(text: str, toll: int | None) -> None:
    assert find_casualties(text).fatalities == toll


# --------------------------------------------------------------------------- wounded and no death told
@pytest.mark.parametrize("text,fat", [
    ("A mortar shell fell on a school in Daraa on Monday, injuring five children.", 0),
    ("Three policemen were wounded when a roadside bomb hit their patrol in Kirkuk on Sunday.", 0),
    ("Rockets fired by rebels hit a market in Latakia on Tuesday and wounded 12 people, state media said.", 0),
    # a death told without a figure, or no wounded counted: the toll stays unknown
    ("Shelling on Idlib on Monday left dozens killed and 30 wounded.", None),
    ("A car bomb exploded in Azaz on Friday, causing casualties among 20 wounded.", None),
    ("Jets struck the town of Kafr Nabl on Monday, activists said.", None),
])
def test_wounded_with_no_death_told_is_a_toll_of_zero(text: str, fat: int | None) -> None:
    events = [e for e in extract(text, published="2016-05-10") if e.event_type != "Diplomacy"]
    assert events and all(e.fatalities == fat for e in events), [(e.evidence.text, e.fatalities) for e in events]


# --------------------------------------------------------------------------- lists of settlements
@pytest.mark.parametrize("text,names", [
    ("Regime helicopters dropped barrel bombs on the towns of Al Bab and Kafr Hamra in rural Aleppo on Friday.",
     {"Al-Bab", "Kafr Hamra"}),
    ("Militant strongholds near the villages of Muhasan and Bouleel came under bombardment by Syrian jets on "
     "Saturday.", {"Muhasan", "Bouleel"}),
    ("Army artillery shelled the villages of Kafr Zita, Latmin and Morek in Hama countryside on Monday.",
     {"Kafr Zita", "Al-Latamneh", "Morek"}),  # Latmin: the gazetteer's Al-Latamneh
])
def test_every_name_of_a_list_of_settlements_is_a_place_of_the_action(text: str, names: set[str]) -> None:
    events = [e for e in extract(text, published="2016-05-10") if e.event_type != "Diplomacy"]
    assert {e.location.name for e in events if e.location is not None} >= names, \
        [(e.location.name if e.location else None) for e in events]


# --------------------------------------------------------------------------- "regained" a place
@pytest.mark.parametrize("text,n", [
    ("The army regained Morek town and the areas of Latmin as well as Kafr Zita in Hama countryside on Tuesday.", 3),
    ("Government troops regained the village of Kafr Nabl from rebels on Monday.", 1),
    ("Loyalist forces regained Tadmur on Sunday after heavy fighting.", 1),
    ("The wounded soldier regained consciousness in hospital on Sunday.", 0),
    ("The party regained its popularity in Hama after the vote.", 0),
])
def test_regaining_a_place_is_a_territorial_event(text: str, n: int) -> None:
    events = [e for e in extract(text, published="2016-05-10") if e.event_type != "Diplomacy"]
    assert len(events) == n and all(e.event_type == "Battles" for e in events), \
        [(e.sub_event_type, e.location.name if e.location else None) for e in events]


# --------------------------------------------------------------------------- reports dismissed, or only the model's
@pytest.mark.parametrize("text", [
    "Officials dismissed reports that militants had seized the town of Baiji on Sunday.",
    "The ministry rejected allegations that its troops had stormed the village of Kafr Nabl on Friday.",
    "The army refuted rebel claims about winning back a key district near Deir ez-Zor and stressed its full "
    "control over the province.",
    "The defence ministry denied reports that its jets had struck a market in Maarat al-Numan on Monday.",
])
def test_a_dismissed_report_is_no_event(text: str) -> None:
    assert [e for e in extract(text, published="2016-05-07") if e.event_type != "Diplomacy"] == []


# --------------------------------------------------------------------------- how a war began; what a group "is doing"
@pytest.mark.parametrize("text", [
    "The war began when security forces fired on protesters in Daraa in March 2011.",
    "The conflict started when troops shelled the old city of Homs in 2012.",
    "The crisis erupted when police arrested students in Daraa in March 2011.",
    "Extremists in Syria announced they are targeting members of the Alawite community.",
    "Militants said they are killing anyone who works with the army in Anbar.",
    "The group is targeting Kurdish fighters across the north, a spokesman said.",
])
def test_how_a_war_began_and_what_a_group_is_doing_are_no_events(text: str) -> None:
    assert [e for e in extract(text, published="2016-05-10") if e.event_type != "Diplomacy"] == []


def test_what_broke_out_when_an_attack_came_is_one_event() -> None:
    events = extract("Clashes broke out when rebels attacked an army checkpoint in Daraa on Monday.",
                     published="2016-05-10")
    assert [e.sub_event_type for e in events] == ["Armed clash"]


# A denial with its article ("rejected the claims", "dismissed the reports"): no event, like the bare form.
@pytest.mark.parametrize("text", [
    "The Syrian government rejected the claims of a chemical attack by the army in Douma as baseless.",
    "The ministry dismissed the reports that its jets bombed a hospital in Idlib, calling them fabricated.",
    "Russia rejected the allegations that its aircraft struck a market in Ariha on Monday.",
    "The army denied the allegations that its helicopters dropped barrel bombs on Daraya last week.",
])
def test_a_denial_with_its_article_gives_no_event(text: str) -> None:
    assert [e for e in extract(text, published="2016-10-05") if e.event_type != "Diplomacy"] == []


# --------------------------------------------------------------------------- the day of a saying
@pytest.mark.parametrize("text,date", [
    ("Russia was on Monday accused of dropping incendiary bombs on central Idlib late Sunday night.", "2016-08-07"),
    ("Five people were killed in an air strike on a market in Douma on Saturday, a monitor said on Sunday.",
     "2016-08-06"),
    ("Rebel shells struck the Hamdaniyeh district of Aleppo on Friday, the Observatory told AFP Monday.",
     "2016-08-05"),
    ("Jets bombed a bakery in Maarat al-Numan on Thursday, the civil defence said in a statement on Saturday.",
     "2016-08-04"),
])
def test_the_day_of_a_saying_does_not_date_what_is_said(text: str, date: str) -> None:
    events = [e for e in extract(text, published="2016-08-08") if e.event_type != "Diplomacy"]
    assert [e.date for e in events] == [date], [(e.date, e.date_method, e.evidence.text) for e in events]


@pytest.mark.parametrize("text,said", [
    ("The Observatory said on Friday that five people were killed in an air strike on Douma.", True),
    ("Three soldiers were killed in an ambush near Palmyra, the army reported Thursday.", True),
    ("Government forces were on Tuesday accused of shelling Kafr Zita.", True),
    ("The strike on Thursday killed 12 people, the group said.", False),
    ("Gunmen were on Tuesday shelling the town of Kafr Zita.", False),
    ("The army told residents of the town to leave by Thursday.", False),
])
def test_which_days_are_the_days_of_a_saying(text: str, said: bool) -> None:
    from sitrep.extract.dates import find_dates, said_on

    days = [m for m in find_dates(text, "2016-08-08") if m.value]
    assert len(days) == 1 and said_on(text, days[0], 0) is said


# --------------------------------------------------------------------------- words that count the dead
@pytest.mark.parametrize("text,toll", [
    # "some N" is N, as "at least N" is
    ("Some 80 people were killed and 200 injured in a chemical attack in Idlib province.", 80),
    ("Activists said some 14 fighters died in the clashes near Tal Rifaat.", 14),
    ("The air raids killed some 35 civilians in rural Aleppo.", 35),
    # martyrs are the dead; lives claimed or cost are the dead
    ("Twin suicide blasts targeted a checkpoint near Damascus claiming 4 martyrs and 13 injured.", 4),
    ("A motorcycle bomb went off near a mosque in Latakia leaving 5 martyrs.", 5),
    ("The shelling of the Hamdaniyeh district left three martyrs and ten wounded.", 3),
    ("The car bomb claimed 12 lives in the market of Azaz.", 12),
    ("The strike cost 30 civilian lives, the civil defence said.", 30),
    ("The fighting took 40 lives on both sides.", 40),
    # a gloss between the victims and their verb: "most of them ...", "mostly ..."
    ("Over 110 fighters most of them foreigners were killed in the army's operations near Shalaf.", 110),
    ("At least 20 people, many of them children, died when the shell hit the school.", 20),
    ("Sixteen civilians mostly women were killed in the air strike on the market.", 16),
    # "N more were killed": a count of its own
    ("19 more were killed in a double suicide attack on the base.", 19),
    ("Three more were killed when a second bomb went off.", 3),
    ("Another two were killed in the crossfire and five more were killed in the shelling.", 7),
])
def test_words_that_count_the_dead(text: str, toll: int) -> None:
    assert find_casualties(text).fatalities == toll


@pytest.mark.parametrize("text", [
    "Some of the fighters were killed in the clashes.",
    "Some dozens of people were killed, activists said.",
    "The campaign has saved many lives in the besieged town.",
])
def test_some_alone_is_no_figure(text: str) -> None:
    assert find_casualties(text).fatalities is None


# --------------------------------------------------------------------------- a headline total is no event's toll
@pytest.mark.parametrize("text,tolls", [
    ("Air strikes kill 30 across Syria\n\nJets struck a market in Douma on Monday, killing 12 people. In Idlib an air "
     "strike on Saraqeb killed 10 civilians on Monday. A raid on Mayadin killed eight fighters on Monday.",
     [8, 10, 12]),
    # a page that restates its title in the lead, as news sites do
    ("Nine killed in rocket attacks on Aleppo\n\n15 August 2016 Nine killed in rocket attacks on Aleppo. Six "
     "civilians were killed when rocket shells hit the Hamdaniyeh district on Monday. In Idlib rocket shells fired "
     "on Saraqeb killed three people on Monday.", [3, 6]),
    ("Shelling kills 15 in Hama and Homs\n\nTue 16 Aug 2016 Shelling kills 15 in Hama and Homs. Army shelling killed "
     "11 people in Kafr Zita on Tuesday. In Homs province shelling on Talbiseh killed four civilians on Tuesday.",
     [4, 11]),
])
def test_a_headline_total_of_body_reports_is_no_event(text: str, tolls: list[int]) -> None:
    events = [e for e in extract(text, published="2016-08-16") if e.event_type != "Diplomacy"]
    assert sorted(e.fatalities or 0 for e in events) == tolls, [(e.fatalities, e.evidence.text) for e in events]


# --------------------------------------------------------------------------- one sentence, two places, two tolls
@pytest.mark.parametrize("text,toll", [
    ("Eleven civilians were killed in Saraqib and another man died in Sheikh Mustafa, the group said.", 11),
    # (two provinces' figures are tallies, no toll: tests/test_tolls_s15.py, session 15)
    ("The monitor said 30 people were killed in Aleppo and another 39 were killed in neighbouring Idlib.", 30),
    ("Four soldiers were killed at Kuweires and two more soldiers were killed near Deir Hafer.", 4),
    # the same place, or no named place: the figures add up
    ("Jets killed three people in Douma and two more were killed in the second raid.", 5),
    ("Two fighters were killed in Daraa on Monday and another three were killed in Daraa on Tuesday.", 5),
])
def test_a_second_place_with_its_own_toll_is_not_added(text: str, toll: int) -> None:
    assert find_casualties(text).fatalities == toll


# --------------------------------------------------------------------------- a death named as the occasion
@pytest.mark.parametrize("text,toll", [
    ("Thirty civilians were killed on Saturday in air strikes on Jayrud a day after the reported execution of a "
     "pilot, a monitor said.", 30),
    ("The strikes seemed to be in retaliation for the killing of a pilot who ejected near the town.", None),
    ("Jets killed 12 people in Douma following the assassination of a general in Damascus.", 12),
    ("The army shelled the town of Jayrud after a downed pilot was killed by rebels.", None),
    ("Militants stormed the checkpoint to avenge the deaths of three of their commanders.", None),
    # a figure of the clause's own after an occasion still counts
    ("After the blast, 12 people were killed in the stampede that followed.", 12),
])
def test_a_death_named_as_the_occasion_is_not_the_toll(text: str, toll: int | None) -> None:
    assert find_casualties(text).fatalities == toll


# --------------------------------------------------------------------------- a part of the dead is no toll
@pytest.mark.parametrize("text,toll", [
    ("The Syrian Observatory for Human Rights said at least 14 of the dead were rebels.", None),
    ("At least two of the killed in Jayrud were medical staff, the monitor said.", None),
    ("Six of the dead were children and two were women.", None),
    ("The blast killed 20 people; 14 of the dead were rebels.", 20),
])
def test_a_part_of_the_dead_is_no_toll(text: str, toll: int | None) -> None:
    assert find_casualties(text).fatalities == toll


# --------------------------------------------------------------------------- a tally over a span is no toll
@pytest.mark.parametrize("text,toll", [
    ("Last month the coalition acknowledged the deaths of over 700 civilians in its strikes since 2014.", None),
    ("More than 330 people have been killed in the town since the conflict began in March 2011.", None),
    ("Russian strikes have killed 3,800 civilians since it intervened in September 2015.", None),
    ("Government shelling has killed 95 people in Douma since the start of the siege.", None),
    # a superlative's "since" dates the comparison, not a tally
    ("Jets killed 12 people in Douma on Monday, the deadliest raid since 2015.", 12),
    ("The strike killed 30 people, the highest toll since March 2016 in the province.", 30),
])
def test_a_tally_over_a_span_is_no_toll(text: str, toll: int | None) -> None:
    assert find_casualties(text).fatalities == toll


# --------------------------------------------------------------------------- a death beside the act that caused it
@pytest.mark.parametrize("text,toll", [
    ("Six civilians were killed while eight others were injured in rocket attacks on the Midan district of Aleppo "
     "on Monday.", 6),
    ("Three soldiers were killed while rebels shelled an army checkpoint near Kafr Zita on Tuesday.", 3),
    ("Twelve people died while government jets bombed the market of Maarat al-Numan on Friday.", 12),
])
def test_a_death_beside_the_act_of_its_sentence_is_that_acts_outcome(text: str, toll: int) -> None:
    events = [e for e in extract(text, published="2016-08-15") if e.event_type != "Diplomacy"]
    assert [(e.event_type, e.fatalities) for e in events] == [("Explosions/Remote violence", toll)], \
        [(e.event_type, e.fatalities, e.evidence.text) for e in events]


# --------------------------------------------------------------------------- a second source is no further dead
@pytest.mark.parametrize("text,toll", [
    ("At least five people were killed in a bomb blast in Hama on Thursday, a monitor said. State television also "
     "reported the blast, saying four people had been killed.", 5),
    ("A car bomb killed 12 people in Azaz on Monday. The rebel group also said that ten people died in the blast.", 12),
    ("Jets struck the market of Douma on Friday, killing nine civilians. The civil defence also confirmed seven dead "
     "in the strike.", 9),
    # "also" that tells of further dead still adds
    ("Jets struck the market of Douma on Friday, killing nine civilians. Two rescuers were also killed in the strike.",
     11),
])
def test_a_second_source_of_the_toll_adds_no_dead(text: str, toll: int) -> None:
    events = [e for e in extract(text, published="2016-08-15") if e.event_type != "Diplomacy"]
    assert [e.fatalities for e in events] == [toll], [(e.fatalities, e.evidence.text) for e in events]


# --------------------------------------------------------------------------- "the toll to a reporter" is no toll
@pytest.mark.parametrize("text,toll", [
    ("A police source confirmed the death toll to an AFP correspondent and said the bomber blew himself up.", None),
    ("The governor gave the toll to a local radio station on Monday.", None),
    ("Medics reported the toll to a Reuters reporter at the hospital gate.", None),
    # an article before a number word is still the number
    ("The death toll from the bombing rose to a hundred on Sunday.", 100),
    ("The toll climbed to a dozen overnight.", 12),
    ("The toll stood at one, the monitor said.", 1),
])
def test_the_toll_told_to_someone_is_no_figure(text: str, toll: int | None) -> None:
    assert find_casualties(text).fatalities == toll


# --------------------------------------------------------------------------- a long stretch of time: no happening
@pytest.mark.parametrize("text", [
    "Sarin and chlorine, which are thought to have been used in the past in the province, are banned by treaty.",
    "The Kurdish-led militia has been the main force fighting the jihadists, capturing large areas from them over "
    "the past two years.",
    "Rebel groups shelled government districts of the city with improvised rockets over the last three years.",
    "Government jets have bombed the hospitals of the province in recent months, the charity says.",
])
def test_a_mention_spanning_years_or_months_is_no_event(text: str) -> None:
    events = [e for e in extract(text, published="2016-08-15") if e.event_type != "Diplomacy"]
    assert events == [], [(e.event_type, e.evidence.text) for e in events]


@pytest.mark.parametrize("text", [
    "Air strikes killed 12 people in the town of Saraqib in the past 24 hours, the monitor said.",
    "Rebels shelled the Hamdaniyeh district of Aleppo on Monday, killing four, the worst attack in the past year.",
    "Jets bombed the market of Douma on Friday, in the past a target of many raids, killing nine.",
])
def test_a_dated_report_or_a_short_span_keeps_its_event(text: str) -> None:
    events = [e for e in extract(text, published="2016-08-15") if e.event_type != "Diplomacy"]
    assert len(events) == 1, [(e.event_type, e.evidence.text) for e in events]


# --------------------------------------------------------------------------- the origin of the war is background
@pytest.mark.parametrize("text", [
    "The war began when security forces loyal to the president opened fire on peaceful demonstrations in Deraa in "
    "March 2011.",
    "The conflict erupted when the army launched a crackdown on pro-democracy protests across the south in April 2011.",
    "The uprising started when police arrested and tortured a group of teenagers over graffiti in February 2011.",
])
def test_the_origin_of_the_conflict_is_no_event(text: str) -> None:
    events = [e for e in extract(text, published="2016-08-15") if e.event_type != "Diplomacy"]
    assert events == [], [(e.event_type, e.evidence.text) for e in events]


# --------------------------------------------------------------------------- page furniture glued to a sentence
@pytest.mark.parametrize("text,start,day", [
    # a photo credit closes a caption that runs into the next sentence
    ("A boy walks past rubble in Idlib on Sunday (Reuters photo) BEIRUT Jets killed nine people in the town of "
     "Saraqib on Tuesday, a monitor said.", "BEIRUT Jets killed", "2016-08-09"),
    ("Smoke rises over the old city on Friday (AFP file photo) Rebel shelling killed four civilians in the "
     "Hamdaniyeh district of Aleppo on Wednesday.", "Rebel shelling", "2016-08-10"),
    # a related article's title-case headline runs into the sentence's capitalised article
    ("Related Army Delivers Five Tonnes of Flour to Besieged Deir Ez-Zor The Air Force bombed positions of the "
     "jihadists near the town of Palmyra on Thursday.", "The Air Force bombed", "2016-08-11"),
    ("Read More Turkish Tanks Cross Border Into Northern Syria A car bomb killed six people at a checkpoint in Azaz "
     "on Monday.", "A car bomb killed", "2016-08-08"),
    ("Tags Syria Idlib Rebels Car Bomb Islamic State At least 20 people were killed in a car bomb blast at a "
     "checkpoint near Atmeh on Thursday.", "At least 20 people", "2016-08-11"),
])
def test_glued_page_furniture_is_cut_off_the_report(text: str, start: str, day: str) -> None:
    events = [e for e in extract(text, published="2016-08-13") if start in e.evidence.text]
    assert events, [(e.event_type, e.evidence.text) for e in extract(text, published="2016-08-13")]
    assert all(e.evidence.text.startswith(start) and e.date == day for e in events), \
        [(e.date, e.evidence.text) for e in events]


@pytest.mark.parametrize("text", [
    # a title ends only where a run of capitalised words meets a capitalised article
    "Fighters of the Free Syrian Army said a mortar round killed two children in Daraa on Monday.",
    "The monitor said The Guardian had misreported the toll of the strike on Douma on Monday.",
    "Syrian Observatory head Rami Abdel Rahman said jets killed five people in Saraqib on Monday.",
])
def test_an_ordinary_sentence_stays_one_clause(text: str) -> None:
    from sitrep.extract.events import clauses
    assert clauses(text, 0, len(text)) == [(0, len(text))]


# --------------------------------------------------------------------------- the topic of an inquiry is no event
@pytest.mark.parametrize("text", [
    "Inspectors will travel to the country to investigate two sites where gas attacks have been reported.",
    "The ministry said it was looking into the reported use of chlorine gas in the town of Saraqib.",
    "The Security Council will discuss who is responsible for the chemical attacks in the province.",
    "The resolution allows measures in case of renewed chemical weapons attacks by any party.",
])
def test_an_act_under_inquiry_is_no_event(text: str) -> None:
    events = [e for e in extract(text, published="2016-08-13") if e.event_type != "Diplomacy"]
    assert events == [], [(e.event_type, e.evidence.text) for e in events]


@pytest.mark.parametrize("text", [
    "Investigators said the car bomb killed 12 people in Azaz on Monday.",
    "Police are investigating, after a car bomb killed 12 people in Azaz on Monday.",
    "After discussing the truce, rebels shelled the army checkpoint of Kafr Zita on Monday.",
])
def test_an_inquiry_beside_a_report_keeps_it(text: str) -> None:
    events = [e for e in extract(text, published="2016-08-13") if e.event_type != "Diplomacy"]
    assert len(events) == 1, [(e.event_type, e.evidence.text) for e in events]


# --------------------------------------------------------------------------- a denied report holds no event
@pytest.mark.parametrize("text", [
    "Meanwhile the coalition previously denied an army report that it had carried out an air strike on a depot near "
    "the city of Mayadin.",
    "Moscow dismissed as propaganda the claims of local activists that its warplanes had bombed the main market of "
    "Douma.",
    "The ministry rejected reports published by opposition websites that government helicopters had dropped barrel "
    "bombs on Daraya.",
])
def test_the_content_of_a_denied_report_is_no_event(text: str) -> None:
    events = [e for e in extract(text, published="2016-08-13") if e.event_type != "Diplomacy"]
    assert events == [], [(e.event_type, e.evidence.text) for e in events]


# --------------------------------------------------------------------------- another happening set beside it in time
@pytest.mark.parametrize("text,tolls", [
    ("A suicide bomber blew himself up at a checkpoint near Atmeh on Monday, killing 15 people. The attack came a day "
     "after air strikes by government jets killed 26 people in the province.", [15, 26]),
    ("A car bomb killed nine people in the centre of Azaz on Tuesday. The blast happened hours after rebel shelling "
     "killed four civilians in the town of Tal Rifaat.", [9, 4]),
    ("Jets bombed the market of Saraqib on Friday, killing 12 people. The raid came two days after a barrel bomb "
     "attack killed seven people in the town of Binnish.", [12, 7]),
])
def test_a_happening_set_beside_another_in_time_keeps_its_own_toll(text: str, tolls: list[int]) -> None:
    events = [e for e in extract(text, published="2016-08-16") if e.event_type != "Diplomacy"]
    assert sorted(e.fatalities or 0 for e in events) == sorted(tolls), \
        [(e.fatalities, e.evidence.text) for e in events]


# --------------------------------------------------------------------------- a passive verb has no object; dates
@pytest.mark.parametrize("text,toll", [
    ("Three persons were killed a woman among them and four others got injured in the shelling.", 3),
    ("Five soldiers were killed, a colonel among them, when the convoy was ambushed.", 5),
    ("Twelve people have been killed a child among them in the raid on the market.", 12),
    # an active verb keeps its object (the woman and her son: two, ``numbers.KIN_ONE``)
    ("The strike killed a woman and her son near the bakery.", 2),
    ("After IS killed 40 guards at the gas field, the army withdrew.", 40),
])
def test_a_passive_kill_verb_takes_no_object_as_its_toll(text: str, toll: int) -> None:
    assert find_casualties(text).fatalities == toll


@pytest.mark.parametrize("text,toll", [
    ("06-01-2016 8 Civilians Killed in Mortar Attacks on Damascus", 8),
    ("2016-01-06 Five people were killed in shelling on the old city.", 5),
    ("On 12-03-16 four soldiers were killed in an ambush near Palmyra.", 4),
    # a range is still a count
    ("Between 10-15 people were killed in the raid.", 10),
])
def test_a_numeric_date_with_hyphens_is_no_count(text: str, toll: int) -> None:
    assert find_casualties(text).fatalities == toll


# --------------------------------------------------------------------------- a lead total over the reports that follow
@pytest.mark.parametrize("text,tolls", [
    ("Thirteen civilians were killed in air raids by government jets on Aleppo province on Wednesday, a monitor said. "
     "Five civilians were killed when helicopters dropped a barrel bomb on the village of Taduf. Eight civilians were "
     "killed when warplanes struck the village of Daret Izza.", [5, 8]),
    ("Rebel shelling killed nine people in Aleppo city on Monday. Six civilians died when rockets hit the Sheikh "
     "Maqsoud district. Three more were killed in the Bustan al-Qasr district by mortar rounds.", [3, 6]),
    ("At least 20 people were killed in car bomb attacks in Idlib province on Sunday. A car bomb killed 12 people at a "
     "checkpoint in Sarmada. Another car bomb killed eight people near the market of Atmeh.", [8, 12]),
])
def test_a_total_over_the_reports_that_follow_is_no_event(text: str, tolls: list[int]) -> None:
    events = [e for e in extract(text, published="2016-08-15") if e.event_type != "Diplomacy"]
    assert sorted(e.fatalities or 0 for e in events) == tolls, [(e.fatalities, e.evidence.text) for e in events]


# --------------------------------------------------------------------------- session 9: statements about a known act
@pytest.mark.parametrize("text", [
    "Investigators found evidence pointing to the army's direct responsibility for the chemical attack on eastern "
    "Ghouta.",
    "Rights groups say the air force was responsible for the barrel bomb attacks on Aleppo.",
    "Activists hold the regime responsible for the massacre of civilians in Houla.",
    "The report found the militia accountable for the shelling of the Yarmouk camp.",
    "The opposition wants those responsible for the massacre in Houla to face trial.",
])
def test_who_answers_for_an_act_is_no_report_of_it(text: str) -> None:
    assert [e for e in extract(text, published="2016-05-10") if e.event_type != "Diplomacy"] == []


@pytest.mark.parametrize("text", [
    "Islamic State claimed responsibility for the suicide bombing in Baghdad on Monday that killed 20 people.",
    "The army was responsible for the shelling of Douma on Tuesday that killed 12 people, the monitor said.",
    "The group claimed responsibility for the car bomb that killed five soldiers in Azaz.",
])
def test_a_claimed_or_dated_act_stays_an_event(text: str) -> None:
    assert [e for e in extract(text, published="2016-05-10") if e.event_type in VIOLENT]


@pytest.mark.parametrize("text", [
    'Last week the Pentagon stated that the airstrikes on the army positions were an "unintentional error."',
    "The Pentagon said that the air strike on the convoy was a mistake.",
    "The coalition admitted that the air strike on the Syrian army positions near the airport was a mistake.",
    "Officials insisted that the shelling of the border post was deliberate.",
    "Washington maintains that the strike on the air base was legitimate.",
])
def test_an_act_judged_in_a_statement_is_no_new_event(text: str) -> None:
    assert [e for e in extract(text, published="2016-05-10") if e.event_type != "Diplomacy"] == []


# --------------------------------------------------------------------------- descriptions, not acts
@pytest.mark.parametrize("text", [
    "A soldier walks near destroyed buildings in Hasakeh on Monday.",
    "Footage showed people running amid wrecked or burnt cars in the town.",
    "Children play among the destroyed homes of Homs.",
    "Shells fell on the government controlled area of Hamdaniyeh in Aleppo on Monday.",
    "Mortars hit the opposition controlled town of Douma on Friday.",
    "The army moved infantry fighting vehicles to the outskirts of Hama.",
    "Men of fighting age were barred from leaving the town.",
    "The militants dug fighting positions along the river near Tabqa.",
    "Images of the captured pilot were released by the group on Friday.",
    "Rebels paraded captured soldiers through the streets of Idlib on Monday.",
])
def test_a_described_scene_or_thing_is_no_property_destruction_territory_or_battle(text: str) -> None:
    events = extract(text, published="2016-05-10")
    assert not [e for e in events if e.event_type in ("Strategic developments", "Battles")], \
        [(e.event_type, e.sub_event_type, e.evidence.text) for e in events]


@pytest.mark.parametrize("text,sub", [
    ("Militants burned houses in the village of Tal Tamr on Monday.", "Looting/property destruction"),
    ("Rebels captured the town of Morek on Monday.", "Non-state actor overtakes territory"),
    ("Government forces controlled the town of Morek on Monday.", "Government regains territory"),
    ("The army controlled Otaya town in Rural Damascus on Monday.", "Government regains territory"),
    ("HTS controlled Al-Ameriyah village in Idleb countryside on Monday.", "Non-state actor overtakes territory"),
    ("Heavy fighting broke out near Tabqa on Monday.", "Armed clash"),
])
def test_the_acts_themselves_stay_events(text: str, sub: str) -> None:
    assert [e.sub_event_type for e in extract(text, published="2016-05-10") if e.event_type != "Diplomacy"] == [sub]


# --------------------------------------------------------------------------- counts since a start
@pytest.mark.parametrize("text", [
    "Wednesday 24 August 2016 Syrian Coalition: Assad Used Chemical Weapons 136 Times since Ghouta Massacre.",
    "On Monday, the monitor said government jets had bombed the town of Kafr Nabl 30 times since January.",
    "Rebels said on Tuesday that the army had shelled the camp near Daraa 12 times since the truce began.",
])
def test_a_count_of_times_since_a_start_is_a_tally_even_on_a_stated_day(text: str) -> None:
    assert [e for e in extract(text, published="2016-08-24") if e.event_type != "Diplomacy"] == []


# --------------------------------------------------------------------------- executions
@pytest.mark.parametrize("text", [
    "Islamic State executed 20 of its own fighters in Raqqa on Monday for fleeing the front.",
    "The militants beheaded two captured soldiers near Palmyra on Sunday.",
    "More than 50 troops were summarily executed at the base on Friday.",
])
def test_an_execution_is_violence_against_civilians(text: str) -> None:
    events = [e for e in extract(text, published="2016-05-10") if e.event_type != "Diplomacy"]
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Violence against civilians", "Attack")]


# --------------------------------------------------------------------------- the event's own words as evidence
@pytest.mark.parametrize("text,kept,left_out", [
    ("The Coalition said that the regime still exploits the campaign to commit more massacres citing the death of "
     "35 civilians in barrel bomb attacks on the town of Al Bab on Friday.", "barrel bomb attacks", "exploits"),
    ("The Observatory said the group executed 70 of its own members in Raqqa on Saturday due to recent advances "
     "of the army near the city.", "executed 70", "advances"),
    ("Fighting struck the southern edges of Aleppo on Wednesday night as rebels and regime forces gear up for a "
     "major battle.", "Fighting struck", "gear up"),
    ("Jets struck a market in Douma on Monday killing 10 civilians, the monitor said, adding that the regime "
     "wants to punish the town.", "Jets struck", "punish"),
    ("Rocket fire killed four people in Aleppo on Sunday as government troops prepared an assault on the "
     "eastern districts.", "Rocket fire", "assault"),
])
def test_the_evidence_leaves_out_a_citing_statement_a_cause_or_a_preparation(text: str, kept: str,
                                                                              left_out: str) -> None:
    events = [e for e in extract(text, published="2016-05-10") if e.event_type in VIOLENT]
    assert events and all(kept in e.evidence.text and left_out not in e.evidence.text
                          and text[e.evidence.start:e.evidence.end] == e.evidence.text for e in events), \
        [e.evidence.text for e in events]


@pytest.mark.parametrize("text", [
    "The monitor said that 213 civilians have been killed by air strikes and shelling on opposition areas of the "
    "city since a brokered ceasefire collapsed in the spring.",
    "At least 90 people have been killed in air strikes on Idlib since rebels launched an offensive on the city.",
    "Some 40 civilians have died in shelling on Douma since the truce collapsed last week.",
    "Dozens of fighters have been killed in clashes around the dam since the army launched its assault.",
])
def test_dead_counted_since_a_happening_are_a_tally(text: str) -> None:
    # "since <a happening>" opens the period a tally counts over, like "since 2011"; its act is no event either
    assert [e for e in extract(text, published="2016-09-20") if e.event_type != "Diplomacy"] == []


@pytest.mark.parametrize("text,sub,toll", [
    ("Warplanes bombed Kafr Nabl on Tuesday for the first time since rebels captured it, killing four civilians.",
     "Air/drone strike", 4),
    ("Jets pounded Saraqeb on Sunday, the heaviest raids since government forces retook the town, killing nine "
     "people.", "Air/drone strike", 9),
    ("Jets struck the market in Ariha on Monday, killing 12 people and bringing to 300 the number killed since the "
     "offensive began.", "Air/drone strike", 12),
    ("An air strike on Ariha on Monday killed 12 people, the deadliest raid since the truce took effect.",
     "Air/drone strike", 12),
    # a battle's toll since an act of a few days ago is that battle's
    ("The army has killed over 200 militants in southwestern Aleppo since it went on the offensive on Thursday.",
     "Armed clash", 200),
])
def test_a_dated_act_keeps_its_type_and_toll_beside_a_since_clause(text: str, sub: str, toll: int) -> None:
    events = [e for e in extract(text, published="2016-09-20") if e.event_type != "Diplomacy"]
    assert [(e.sub_event_type, e.fatalities) for e in events] == [(sub, toll)]


@pytest.mark.parametrize("text", [
    "Residents of Raqqa said they feared being caught in air strikes or shelling when they ventured to the river.",
    "Families in Douma said they were afraid of shelling whenever they left their basements.",
    "Farmers near Hama stay indoors for fear of air strikes, an aid worker said.",
    "Parents said they were worried about bombing near the schools of Idlib.",
])
def test_what_people_dread_is_no_event(text: str) -> None:
    assert [e for e in extract(text, published="2017-10-01") if e.event_type != "Diplomacy"] == []


def test_feared_dead_after_a_strike_keeps_the_strike() -> None:
    events = extract("Dozens are feared dead after an air strike on a market in Ariha on Monday.",
                     published="2017-10-03")
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


@pytest.mark.parametrize("text,date", [
    ("Since the collapse of the Assad government on December 8, 2024, the group has stepped up its propaganda.",
     "2024-12-08"),
    ("Since the bombing of the market in Ariha on 3 May 2016, traders have stayed away.", "2016-05-03"),
    ("Since the massacre in Houla on 25 May 2012, the village has been empty.", "2012-05-25"),
])
def test_a_named_happening_after_since_keeps_its_own_event_and_date(text: str, date: str) -> None:
    # "since <a happening named by its noun, with its day>" is a past event of its own, not a clause opening a tally
    assert [e.date for e in extract(text, published="2026-12-01")] == [date]


@pytest.mark.parametrize("text,toll", [
    # a headline that tells its toll as a floor ("over 40", "more than 20", "at least 100") restates the lead's
    # report that counts more: one report, with the body's count
    ("Over 40 killed in air strikes on Idlib market\n\nAir strikes on a market in Idlib killed 46 people on Sunday.",
     46),
    ("More than 20 dead in car bomb in Azaz\n\nA car bomb killed 23 people at a checkpoint in Azaz on Thursday.", 23),
    ("Gas attack kills at least 100 in Khan Sheikhoun\n\nA toxic gas attack on the town of Khan Sheikhoun killed 172 "
     "people on Tuesday, doctors said.", 172),
])
def test_a_headline_toll_told_as_a_floor_is_the_lead_report(text: str, toll: int) -> None:
    events = [e for e in extract(text, published="2016-08-24") if e.event_type != "Diplomacy"]
    assert [e.fatalities for e in events] == [toll]


def test_a_headline_floor_the_body_does_not_reach_stays_apart() -> None:
    # near miss: "over 40" over a body report of 12 in another town is not that report
    text = "Over 40 killed in air strikes on Idlib\n\nShelling killed 12 people in the town of Azaz on Sunday."
    events = [e for e in extract(text, published="2016-08-24") if e.event_type != "Diplomacy"]
    assert sorted(e.fatalities or 0 for e in events) == [12, 40]
