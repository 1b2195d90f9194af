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
