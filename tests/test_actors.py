"""The actor dictionary on real sentences: aliases, ACLED-style names, country and date rules."""

from __future__ import annotations

import pytest

from sitrep.extract.actors import all_aliases, canonical_actor, find_actors, load_actors


def _names(text: str, country: str | None = "SY", date: str | None = "2018-04-01") -> list[str]:
    d = load_actors()
    return [d.resolve(m.actor, country, date).name for m in find_actors(text)]


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
