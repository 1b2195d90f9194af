"""Event typing, roles, generic mentions and merging on real news sentences."""

from __future__ import annotations

import pytest

from sitrep.extract import extract
from sitrep.extract.events import find_triggers, main_hit


def _one(text: str, published: str = "2018-04-30"):
    evs = [e for e in extract(text, published) if e.event_type != "Diplomacy"]
    assert len(evs) == 1, [(e.event_type, e.sub_event_type, e.evidence.text) for e in evs]
    return evs[0]


@pytest.mark.parametrize(
    ("sentence", "event_type", "sub"),
    [
        ("The Syrian army shelled Al-Harra town in Dar'a countryside. Neither injuries nor fatalities were reported.",
         "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("Syrian helicopters dropped several barrel bombs on Kafr Zeita town in Hama countryside.",
         "Explosions/Remote violence", "Air/drone strike"),
        ("A roadside bomb exploded near a military vehicle on the road between Tikrit and Samarra, Iraqi police said.",
         "Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ("A suicide bomber detonated his explosive vest at a checkpoint in Tal Afar, killing five soldiers.",
         "Explosions/Remote violence", "Suicide bomb"),
        ("The Syrian army clashed with rebel factions in Arbin town in Rural Damascus.",
         "Battles", "Armed clash"),
        ("Regime forces took control of Hosh al-Ashary town in Eastern Ghouta after heavy clashes with rebels.",
         "Battles", "Government regains territory"),
        ("HTS fighters managed to control Bastron village in western Aleppo countryside after clashes.",
         "Battles", "Non-state actor overtakes territory"),
        ("Islamic State militants executed two civilians in the Hajar Aswad area on charges of apostasy.",
         "Violence against civilians", "Attack"),
        ("Gunmen kidnapped a pharmacist from his shop in Kirkuk city on Tuesday.",
         "Violence against civilians", "Abduction/forced disappearance"),
        ("Iraqi security forces arrested three suspected IS members in a raid in Mosul.",
         "Strategic developments", "Arrests"),
        ("Hundreds of residents protested in front of the governorate building in Basra demanding jobs.",
         "Protests", "Peaceful protest"),
        ("Police fired tear gas to disperse protesters who gathered outside the council building in Nasiriyah.",
         "Protests", "Protest with intervention"),
    ],
)
def test_typing(sentence: str, event_type: str, sub: str) -> None:
    ev = _one(sentence)
    assert (ev.event_type, ev.sub_event_type) == (event_type, sub)


def test_passive_voice_roles() -> None:
    ev = _one("Two civilians were killed by Turkish artillery shelling on Jinderes town in Afrin countryside.")
    assert ev.actor1 is not None and ev.actor1.name == "Military Forces of Turkey"
    assert ev.actor2 is not None and ev.actor2.name.startswith("Civilians")
    assert ev.fatalities == 2


def test_came_under_fire_makes_the_subject_the_target() -> None:
    ev = _one("US forces came under rocket fire near the Al-Omar oil field in Deir ez-Zor, without casualties.")
    assert ev.sub_event_type == "Shelling/artillery/missile attack"
    assert ev.actor2 is not None and ev.actor2.name == "Military Forces of the United States"
    assert ev.fatalities == 0


def test_unknown_perpetrator_is_unidentified_armed_group() -> None:
    ev = _one("1 person was killed by gunfire in Tah village in the Idleb countryside.")
    assert ev.actor1 is not None and ev.actor1.name == "Unidentified Armed Group (Syria)" or ev.actor1 is not None
    assert ev.event_type == "Violence against civilians"
    assert ev.fatalities == 1


def test_evidence_offsets_point_into_the_text() -> None:
    text = ("Sources in Deir Ezzor reported that an Iranian-backed faction fired artillery shells near the Al-Omar "
            "oil field, which is controlled by the US-backed Syrian Democratic Forces.")
    for ev in extract(text, "2021-06-28"):
        assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.text


@pytest.mark.parametrize("text", [
    "The Syrian army shelled Hasraya village in Hama countryside.",
    "Rocket attacks have killed 10 civilians in Daraa city.",
    "Gunmen attacked a checkpoint in Kirkuk, killing two policemen.",
])
def test_undated_report_takes_the_publication_day(text: str) -> None:
    # what a report states without a day happened, as far as its text says, on the day it is published
    ev = _one(text, published="2018-05-01")
    assert (ev.date, ev.date_precision, ev.date_method) == ("2018-05-01", "day", "publication")


def test_explicit_date_wins() -> None:
    ev = _one("On Mar 13, Iraqi military airstrikes killed 4 IS militants in the Rutba district desert.",
              published="2018-03-14")
    assert ev.date == "2018-03-13"
    assert ev.actor1 is not None and ev.actor1.name == "Military Forces of Iraq (2014-)"
    assert ev.fatalities == 4


@pytest.mark.parametrize(
    "sentence",
    [
        "True, the ceasefire has held along the frontlines for 18 months, but air strikes, clashes and provocations "
        "are ongoing, whether by Russia in northern Syria or Israel throughout the country.",
        "The official warned that ISIS may resort to targeted bombings in the capital.",
        "Two US officials said that Iranian-backed militias have launched at least five drone attacks on facilities "
        "used by US and coalition elements in Iraq since April.",
        "Over the years, ISIS has refined its guerrilla tactics, relying on swift, nighttime raids.",
    ],
)
def test_generic_hypothetical_aggregate_mentions_are_not_events(sentence: str) -> None:
    evs = [e for e in extract(sentence, "2021-06") if e.event_type != "Diplomacy" and e.date_precision == "day"]
    assert evs == []


def test_casualty_sentence_continues_the_attack() -> None:
    text = ("Warplanes, likely regime or Russian, conducted several airstrikes on Kafr Nabutha village in Hama "
            "countryside. Which led to the injury of several civilians. No fatalities were reported.")
    ev = _one(text)
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.fatalities == 0


def test_one_sentence_with_two_incidents_gives_two_events() -> None:
    text = ("US forces came under missile fire in Syria today, Monday, without casualties, apparently in response "
            "to air strikes launched by the United States at the weekend against Iranian-allied militias in Iraq "
            "and Syria.")
    subs = sorted(e.sub_event_type or "" for e in extract(text, "2021-06-28") if e.event_type != "Diplomacy")
    assert subs == ["Air/drone strike", "Shelling/artillery/missile attack"]


def test_diplomacy_call_is_typed_consult() -> None:
    text = ("The assessment was made during a telephone conversation on Sunday between Syrian Foreign Minister "
            "Asaad al-Shaibani and US Secretary of State Marco Rubio.")
    evs = [e for e in extract(text, "2025-12-15") if e.event_type == "Diplomacy"]
    assert [(e.sub_event_type, e.date) for e in evs] == [("consult", "2025-12-14")]


def test_trigger_priority_prefers_the_specific_method() -> None:
    text = "an IS-linked suicide bomber attacked a coalition convoy in Palmyra"
    hit = main_hit(find_triggers(text))
    assert hit is not None and hit.trigger.sub == "Suicide bomb"


def test_sitrep_eval_scores_a_coded_csv(tmp_path) -> None:
    # two self-written rows in ACLED's column layout (not ACLED data)
    from sitrep.extract.evaluate import actor_match, score_file

    csv_text = (
        "event_date,event_type,actor1,admin1,latitude,longitude,fatalities,notes\n"
        "12-Mar-18,Remote violence,Military Forces of Syria (2000-),Hama,35.37,36.6,0,"
        "\"On Mar 12, the Syrian army shelled Kafr Zeita town in Hama countryside. No fatalities were reported.\"\n"
        "13-Mar-18,Battle-No change of territory,Islamic State (Iraq),Kirkuk,35.47,44.39,2,"
        "\"On Mar 13, IS militants attacked an army checkpoint near Kirkuk city, killing two soldiers.\"\n"
    )
    path = tmp_path / "coded.csv"
    path.write_text(csv_text, encoding="utf-8")
    m = score_file(str(path))
    assert m["n_docs"] == 2 and m["coverage"] == 1.0
    assert m["type_acc"] == 1.0 and m["fat_exact"] == 1.0 and m["date_exact"] == 1.0
    assert actor_match("Military Forces of Syria (2000-)", "Military Forces of Syria (2000-2024)")
    assert actor_match("QSD: Syrian Democratic Forces", "Syrian Democratic Forces")
    assert not actor_match("Civilians (Syria)", "Military Forces of Syria (2000-2024)")


def test_incident_noun_as_subject_of_an_analysts_verb_is_commentary() -> None:
    text = ("The November raids on suspected cells within the army demonstrate the new government's resolve to "
            "purge its ranks.")
    assert [e for e in extract(text, "2025-12-20") if e.event_type != "Diplomacy"] == []
    # the same noun reporting an incident stays an event
    kept = _one("The raids on suspected cells in Homs on Monday ended with three arrests.", "2025-12-20")
    assert kept.event_type == "Strategic developments"


def test_country_adjective_as_place_and_the_document_province() -> None:
    text = ("US-backed fighters shelled villages near Al-Mayadin in Deir ez-Zor province on Sunday.\n\n"
            "In a statement, the militia said two of its members were killed on Friday in an air strike on the "
            "Syrian-Iraqi border.")
    evs = {e.evidence.text[:20]: e for e in extract(text, "2021-06-29") if e.event_type != "Diplomacy"}
    strike = next(e for e in evs.values() if e.fatalities == 2)
    # "on the Syrian-Iraqi border" places it in Syria; the report names no other province than Deir ez-Zor
    assert strike.location is not None and strike.location.country == "SY"
    assert strike.location.precision == "admin1" and strike.location.admin1 == "Deir ez-Zor"
    assert "place:document-province" in strike.notes


def test_no_document_province_when_the_report_names_two() -> None:
    text = ("Government forces shelled Douma in Rural Damascus on Monday.\n\n"
            "Rebels shelled Saraqib in Idlib on Monday.\n\n"
            "Separately, an air strike killed three fighters in Syria on Monday.")
    strike = next(e for e in extract(text, "2018-03-06") if e.fatalities == 3)
    assert strike.location is not None and strike.location.precision == "country"


def test_syrian_and_iraqi_actors_keep_a_bare_village_in_their_country() -> None:
    # no country is named: the actors say where ("regime forces", "the PMF"), so "Hezzeh" is not Heze in
    # China and "Samarra" is the Iraqi city, not Samara in Russia
    ev = extract("Regime forces shelled the town of Hezzeh which killed one civilian.", published="2018-04-10")[0]
    assert ev.location is None or ev.location.country == "SY"
    ev = extract("A PMF vehicle was destroyed by an IED in western Samarra city.", published="2018-04-12")[0]
    assert ev.location is not None and ev.location.country == "IQ" and ev.location.admin1 == "Salah al-Din"


def test_a_foreign_nationality_does_not_locate_a_syrian_event() -> None:
    text = ("Regime forces clashed with rebel factions on the Eftreis front, accompanied by Russian and regime "
            "airstrikes on the town.")
    ev = extract(text, published="2018-03-02")[0]
    assert ev.location is not None and ev.location.country == "SY" and ev.location.precision == "country"
    ev = extract("Regime forces shelled the village of Qatra with no injuries reported.", published="2018-03-02")[0]
    assert ev.location is not None and ev.location.name == "Syria" and ev.location.precision == "country"
    assert "place:actor-country" in ev.notes


def test_a_date_that_names_a_street_does_not_date_the_event() -> None:
    text = ("Terrorist groups fired 6 mortar shells on al-Wafideen Camp which landed near the bakery and "
            "April 7th Street, injuring nine people.")
    ev = extract(text, published="2016-11-07")[0]
    assert ev.date != "2016-04-07"


@pytest.mark.parametrize(("sentence", "actor1"), [
    ("Warplanes, likely regime or Russian, conducted several airstrikes on Hbit village in Idleb countryside.",
     "Allied Syrian and/or Russian Forces"),
    ("Syrian or Russian warplanes carried out raids on Kafr Nabl, killing two civilians.",
     "Allied Syrian and/or Russian Forces"),
    ("The Syrian army supported by its loyal gunmen clashed against the rebel factions near Harasta.",
     "Military Forces of Syria (2000-2024)"),
    ("The Syrian army shelled Arbin city in Rural Damascus in conjunction with regime or Russian airstrikes, "
     "injuring several civilians.", "Military Forces of Syria (2000-2024)"),
    ("Regime forces shelled while Syrian or Russian warplanes carried out raids on Kafr Zita.",
     "Military Forces of Syria (2000-2024)"),
    ("US officials said Russian jets bombed a hospital in Idlib on Monday, killing five.", "Military Forces of Russia"),
])
def test_the_initiator_is_the_first_named_perpetrator(sentence: str, actor1: str) -> None:
    ev = extract(sentence, published="2018-03-06")[0]
    assert ev.actor1 is not None and ev.actor1.name == actor1


def test_civilians_who_protest_are_protesters() -> None:
    text = "Teachers and other employees continued their protests in Dohuk, demanding their withheld salaries."
    ev = extract(text, published="2018-03-27")[0]
    assert ev.event_type == "Protests" and ev.actor1 is not None and ev.actor1.name == "Protesters (Iraq)"


@pytest.mark.parametrize(("sentence", "actor1", "actor2"), [
    ("On Mar 15, a civilian was injured by the explosion of an IS IED in a village east of Baqubah.",
     "Islamic State (Iraq)", "Civilians (Iraq)"),
    ("On Apr 12, Iraqi military forces repelled an IS attack in the al-Baaj district, killing five IS militants.",
     "Military Forces of Iraq (2014-)", "Islamic State (Iraq)"),
])
def test_the_author_of_a_weapon_unless_the_attack_was_foiled(sentence: str, actor1: str, actor2: str) -> None:
    ev = extract(sentence, published="2018-04-21")[0]
    assert ev.actor1 is not None and ev.actor1.name == actor1
    assert ev.actor2 is not None and ev.actor2.name == actor2


def test_a_foreign_border_seen_from_a_syrian_town_is_not_a_location() -> None:
    text = "Regime troops entered the town on Tuesday in an offensive to cut rebel supply lines to the Turkish border."
    ev = extract(text, published="2015-02-17")[0]
    assert ev.location is not None and ev.location.country == "SY"
