"""The actor dictionary on real sentences: aliases, ACLED-style names, country and date rules."""

from __future__ import annotations

import pytest

from sitrep.extract.actors import all_aliases, canonical_actor, find_actors, load_actors


def _names(text: str, country: str | None = "SY", date: str | None = "2018-04-01") -> list[str]:
    d = load_actors()
    return [d.resolve(m.actor, country, date, mention=text[m.start:m.end]).name for m in find_actors(text)]


@pytest.mark.parametrize("alias", ["Daesh", "ISIS", "IS", "Islamic State", "the ISIS group", "ISIL"])
def test_islamic_state_aliases_resolve_to_one_actor(alias: str) -> None:
    assert _names(f"Fighters said {alias} attacked the post.") == ["Islamic State (Syria)"]
    assert _names(f"Fighters said {alias} attacked the post.", country="IQ") == ["Islamic State (Iraq)"]


def test_is_as_a_verb_is_not_islamic_state() -> None:
    assert _names("The situation is calm and it is quiet.") == []


def test_named_actor_absorbs_generic_noun() -> None:
    # "a Daesh gunman" is Islamic State, not an unidentified gunman
    assert _names("a Saturday ambush by a Daesh gunman in the Palmyra desert") == ["Islamic State (Syria)"]


def test_syrian_forces_before_and_after_december_2024() -> None:
    assert _names("The Syrian army shelled the town.", date="2018-04-30") == ["Military Forces of Syria (2000-2024)"]
    assert _names("The Syrian army shelled the town.", date="2025-02-16") == ["Military Forces of Syria (2024-)"]


def test_generic_classes_take_the_event_country() -> None:
    assert _names("Unknown gunmen shot a man in the market.", country="IQ") == [
        "Unidentified Armed Group (Iraq)", "Civilians (Iraq)"]


def test_pmf_brigades_are_separate_actors() -> None:
    text = ("In a statement, the pro-Iranian Popular Mobilization Forces mentioned the names of four members of "
            "the \u201cSayyid al-Shuhada Brigades\u201d")
    assert _names(text, country="IQ") == [
        "Military Forces of Iraq (2014-) Popular Mobilization Forces", "Kataib Sayyid al-Shuhada"]
    assert _names("Kataib Hezbollah and Hezbollah fighters", country="IQ") == ["Kataib Hezbollah", "Hezbollah"]


def test_allied_syrian_russian_forces() -> None:
    assert _names("Syrian or Russian warplanes carried out raids on Saraqab.") == [
        "Allied Syrian and/or Russian Forces"]


def test_state_generic_words_follow_the_country() -> None:
    assert _names("The army arrested two men.", country="IQ")[0] == "Military Forces of Iraq (2014-)"
    assert _names("Police dispersed the protesters.", country="IQ")[0] == "Police Forces of Iraq (2014-)"


def test_unknown_organisation_is_kept_as_written() -> None:
    ref = canonical_actor("Brigade of the Free Coast")
    assert ref.name == "Brigade of the Free Coast" and ref.type is None
    assert canonical_actor("SDF").name == "QSD: Syrian Democratic Forces"


def test_every_named_actor_has_aliases_for_the_entity_ruler() -> None:
    aliases = all_aliases()
    assert ("Daesh", "Islamic State", "rebel group") in aliases
    names = {a.name for a in load_actors().actors if a.kind == "named"}
    assert {n for _alias, n, _t in aliases} == names


# ---------------------------------------------------------------------------------- world coverage (#14)
@pytest.mark.parametrize(("text", "country", "date", "name", "typ"), [
    ("Kenyan soldiers shot two herders near the border.", "KE", "2024-05-01", "Military Forces of Kenya (2022-)",
     "state forces"),
    ("The Ethiopian army shelled the town overnight.", "ET", "2023-02-10", "Military Forces of Ethiopia (2018-)",
     "state forces"),
    ("Ugandan police arrested four opposition supporters.", "UG", "2024-01-01", "Police Forces of Uganda (1986-)",
     "state forces"),
    ("Nigerian troops repelled the attack on the base.", "NG", "2021-06-01", "Military Forces of Nigeria (2015-2023)",
     "state forces"),
    ("Kenyan troops raided the camp in Gedo.", "SO", "2024-03-03", "Military Forces of Kenya (2022-)",
     "external/other forces"),
])
def test_state_forces_from_nationality_service_and_period(text: str, country: str, date: str, name: str,
                                                           typ: str) -> None:
    d = load_actors()
    refs = [d.resolve(m.actor, country, date) for m in find_actors(text)]
    assert (refs[0].name, refs[0].type) == (name, typ)


@pytest.mark.parametrize(("text", "name"), [
    ("Hawadle clan militia clashed with Al Shabaab near the village.", "Hawiye-Hawadle Sub-Clan Militia (Somalia)"),
    ("Hawiye-Abgal sub-clan militia attacked a farm.", "Hawiye-Abgal Sub-Clan Militia (Somalia)"),
    ("A Marehan clan militia shot a trader.", "Darod-Marehan Sub-Clan Militia (Somalia)"),
    ("Darod clan militias took over the well.", "Darod Clan Militia (Somalia)"),
    ("An Ogaden clan militia raided the camp.", "Darod-Ogaden Sub-Clan Militia (Somalia)"),
    ("The Shanta Calemood clan militia burned a house.", "Shanta Calemood Clan Militia (Somalia)"),
])
def test_clan_militias_are_named_by_their_clan(text: str, name: str) -> None:
    assert _names(text, country="SO", date="2025-05-01")[0] == name


@pytest.mark.parametrize(("text", "country", "name"), [
    ("Government security forces (SNA) clashed with the militants.", "SO", "Military Forces of Somalia (2022-)"),
    ("SNA fighters shelled a village near Afrin.", "SY", "SNA: Syrian National Army"),
    ("The SNA took control of the road.", "SO", "Military Forces of Somalia (2022-)"),
])
def test_an_alias_two_actors_share_is_read_by_the_report_country(text: str, country: str, name: str) -> None:
    d = load_actors()
    ms = [m.in_country(country) for m in find_actors(text) if m.ambiguous]
    assert ms and d.resolve(ms[0].actor, country, "2025-05-01").name == name


@pytest.mark.parametrize(("text", "country", "date", "name"), [
    ("Al-Shabaab fighters attacked the base.", "SO", "2025-01-01", "Al Shabaab"),
    ("Houthi forces fired a missile at the ship.", "YE", "2024-01-12", "Houthis (Ansar Allah)"),
    ("RSF fighters looted the market in El Fasher.", "SD", "2024-06-01", "RSF: Rapid Support Forces"),
    ("M23 rebels seized the town of Sake.", "CD", "2024-02-01", "M23: March 23 Movement"),
    ("JNIM militants ambushed a convoy.", "ML", "2024-07-01", "JNIM: Group for Support of Islam and Muslims"),
    ("The Arakan Army captured the border post.", "MM", "2024-12-08", "AA: Arakan Army"),
    ("AMISOM troops withdrew from the base.", "SO", "2021-05-01",
     "AMISOM: African Union Mission in Somalia (2007-2022)"),
    ("African Union troops withdrew from the base.", "SO", "2023-05-01",
     "ATMIS: African Union Transition Mission in Somalia (2022-2024)"),
    ("African Union troops withdrew from the base.", "SO", "2025-05-01",
     "AUSSOM: African Union Support and Stabilisation Mission in Somalia (2025-)"),
    ("UNIFIL peacekeepers were hit near the Blue Line.", "LB", "2024-10-10",
     "UNIFIL: United Nations Interim Force in Lebanon"),
    ("Daesh claimed the attack.", "SO", "2025-01-01", "Islamic State Somalia Province"),
    ("Puntland Dervish Force clashed with the militants.", "SO", "2025-01-01",
     "Military Forces of Somalia (2022-) Puntland Dervish Force"),
])
def test_world_actors_by_alias_country_and_date(text: str, country: str, date: str, name: str) -> None:
    assert _names(text, country=country, date=date)[0] == name


def test_unidentified_classes_carry_any_country() -> None:
    assert _names("Unknown gunmen shot a man.", country="SO", date="2025-01-01") == [
        "Unidentified Armed Group (Somalia)", "Civilians (Somalia)"]
    assert _names("Protesters blocked the road.", country="KE", date="2025-01-01") == ["Protesters (Kenya)"]


def test_world_actor_file_is_not_copied_from_coded_data() -> None:
    from sitrep.extract.actors import WORLD_FILE

    head = WORLD_FILE.read_text(encoding="utf-8")[:1200]
    assert "general public knowledge" in head and "Nothing here was copied" in head


@pytest.mark.parametrize(("text", "actor1"), [
    ("Government security forces (SNA) and Abgal clan militia clashed with Al Shabaab in Jiilaale village.",
     "Military Forces of Somalia (2022-)"),
    ("Kenyan troops and Ogaden clan militia attacked Al-Shabaab positions near the border.",
     "Military Forces of Kenya (2022-)"),
    ("US forces, in coordination with government security forces (NISA), conducted an airstrike on Al Shabaab.",
     "Military Forces of the United States"),
    ("Ethiopian troops, in cooperation with the Somali National Army, shelled Al-Shabaab bases.",
     "Military Forces of Ethiopia (2018-)"),
])
def test_the_first_named_of_joint_forces_is_actor1(text: str, actor1: str) -> None:
    from sitrep.extract import extract

    events = [e for e in extract(f"On 28 June 2025, {text}", published="2025-06-29")
              if e.event_type != "Diplomacy"]
    assert events and events[0].actor1 is not None and events[0].actor1.name == actor1


@pytest.mark.parametrize(("text", "name"), [
    ("AUSSOM UPDF forces shelled the militants' base.", "AUSSOM: African Union Support and Stabilisation Mission"),
    ("AUSSOM Ethiopian troops repulsed the attack.", "AUSSOM: African Union Support and Stabilisation Mission"),
    ("MONUSCO Indian peacekeepers returned fire.", "MONUSCO: United Nations Organization Stabilization Mission"),
])
def test_a_national_contingent_belongs_to_the_mission_before_it(text: str, name: str) -> None:
    names = _names(text, country="SO", date="2025-07-01")
    assert names[0].startswith(name) and not any(n.startswith("Military Forces") for n in names)


@pytest.mark.parametrize(("text", "country", "name"), [
    ("Rebels attacked an army post near Goma, killing five soldiers.", "CD",
     "Unidentified Armed Group (Democratic Republic of Congo)"),
    ("Insurgents ambushed a patrol near Gao, killing three soldiers.", "ML", "Unidentified Armed Group (Mali)"),
    ("Jihadist groups raided a village in the north of the country.", "BF",
     "Unidentified Armed Group (Burkina Faso)"),
    ("Armed opposition fighters seized two checkpoints overnight.", "MM", "Unidentified Armed Group (Myanmar)"),
    # the Syrian opposition keeps its name at home and where a mention names it
    ("Rebels shelled the town of Kafr Nabl, killing two civilians.", "SY", "Opposition Rebels (Syria)"),
    ("Syrian rebels clashed with Hezbollah fighters near Arsal.", "LB", "Opposition Rebels (Syria)"),
    ("Fighters of the Syrian opposition crossed the border at dawn.", "TR", "Opposition Rebels (Syria)"),
])
def test_common_noun_rebels_belong_to_the_event_country(text: str, country: str, name: str) -> None:
    # "rebels", "insurgents", "the opposition" outside Syria are not the Syrian opposition
    assert _names(text, country=country, date="2020-03-01")[0] == name


@pytest.mark.parametrize(("text", "country"), [
    ("Rebels attacked an army post near Goma in North Kivu on Monday, killing five soldiers.", "CD"),
    ("Insurgents ambushed a patrol near Gao in northern Mali on Tuesday, killing three soldiers.", "ML"),
    ("Rebels stormed a police station in Rakhine State, Myanmar, on Sunday, killing four officers.", "MM"),
])
def test_extracted_events_outside_syria_name_no_syrian_rebels(text: str, country: str) -> None:
    from sitrep.documents import Document
    from sitrep.extract import extract_document

    events = extract_document(Document(id="r", text=text, published="2020-03-10"))
    assert events and events[0].location.country == country
    names = {a.name for e in events for a in (e.actor1, e.actor2) if a is not None}
    assert not any("Syria" in n for n in names), names
