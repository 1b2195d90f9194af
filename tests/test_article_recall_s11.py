"""Issue #12, recall on full articles (session 11): a run of place names listed without commas gives one event
per place, and a headline that names two forces jointly is the body's report by either of them."""

from __future__ import annotations

import pytest

from sitrep import extract


def _places(text: str) -> list[str]:
    return sorted(e.location.name for e in extract(text, published="2020-05-06")
                  if e.event_type != "Diplomacy" and e.location is not None)


@pytest.mark.parametrize("text, expected", [
    # the run's last name is a known town; the unknown words before it are a place of their own
    ("On Monday, regime forces shelled the villages of Abu Dali Sarmada and Binnish.",
     ["Abu Dali", "Binnish", "Sarmada"]),
    ("On Monday, warplanes bombed the towns of Kafranbel Ariha and Saraqeb.", ["Ariha", "Kafranbel", "Saraqib"]),
    ("Gunmen attacked the villages of Umm Jurn Sarmin and Taftanaz on Monday.", ["Sarmin", "Taftanaz", "Umm Jurn"]),
])
def test_a_run_of_places_without_commas_is_one_event_per_place(text: str, expected: list[str]) -> None:
    assert _places(text) == expected, (text, _places(text))


@pytest.mark.parametrize("text", [
    # a prefix word is part of the name, not a place of its own
    "On Monday, Turkish drones struck Tal Rifaat, killing four civilians.",
    "On Monday, jets bombed Al Bab, killing six civilians.",
    "On Monday, rebels shelled Jisr al-Shughur, killing two soldiers.",
])
def test_a_name_with_a_prefix_word_stays_one_place(text: str) -> None:
    assert len(_places(text)) == 1, (text, _places(text))


@pytest.mark.parametrize("text, toll, actor", [
    ("Dozens Killed in Russian & Regime Airstrikes on Ariha\n\nAt least 12 civilians were killed in airstrikes by "
     "Russian forces on Ariha on Tuesday, activists said.", 12, "Military Forces of Russia"),
    ("Dozens Killed in Iraqi & US Airstrikes on Hawija\n\nAt least 15 militants were killed in airstrikes by Iraqi "
     "jets on Hawija on Tuesday, officials said.", 15, "Military Forces of Iraq"),
    ("Dozens Dead in Turkish and Russian Strikes on Tal Rifaat\n\nAt least 11 people were killed in strikes by "
     "Turkish drones on Tal Rifaat on Tuesday, a monitor said.", 11, "Military Forces of Turkey"),
])
def test_a_headline_naming_two_forces_is_the_report_of_either(text: str, toll: int, actor: str) -> None:
    evs = [e for e in extract(text, published="2020-05-06") if e.event_type != "Diplomacy"]
    assert len(evs) == 1, [(e.evidence.text, e.fatalities) for e in evs]
    assert evs[0].fatalities == toll
    assert evs[0].actor1 is not None and evs[0].actor1.name.startswith(actor)


def _tolls(text: str) -> list[tuple[str, int | None]]:
    return sorted((e.location.name if e.location else "", e.fatalities)
                  for e in extract(text, published="2020-05-06") if e.event_type != "Diplomacy")


@pytest.mark.parametrize("text, tolls", [
    ("On Monday shelling killed four civilians in Douma, the monitor said, adding that two children were killed in "
     "Harasta.", [2, 4]),
    ("On Monday a car bomb killed six people in Tikrit, police said, adding that three soldiers were killed in "
     "Baiji.", [3, 6]),
    ("On Monday air strikes killed nine people in Ariha, the Observatory said, adding that a child was killed in "
     "Saraqeb.", [1, 9]),
])
def test_the_dead_a_source_adds_at_another_place_are_a_report_of_that_place(text: str, tolls: list[int]) -> None:
    got = _tolls(text)
    assert sorted(n for _, n in got) == tolls and len({name for name, _ in got}) == 2, (text, got)


@pytest.mark.parametrize("text, toll", [
    # the added dead are of the same place: one report, its toll told once
    ("On Monday air strikes killed nine people in Ariha, the Observatory said, adding that three children were "
     "killed in the town.", 9),
    ("On Monday shelling killed four civilians in Douma, the monitor said, adding that two children were among the "
     "dead.", 4),
    ("On Monday a car bomb killed six people in Tikrit, police said, adding that two of the dead were soldiers.", 6),
])
def test_the_dead_a_source_adds_at_the_same_place_stay_in_its_report(text: str, toll: int) -> None:
    assert [n for _, n in _tolls(text)] == [toll], (text, _tolls(text))


@pytest.mark.parametrize("text, expected", [
    # the last name of a list, one the gazetteer does not know, joined by "and" / "as well as" to a known town
    ("On Monday, jets bombed Ariha, Sarmin and Mazraat Hamdan in Idlib countryside.",
     ["Ariha", "Mazraat Hamdan", "Sarmin"]),
    ("On Monday, rebels shelled Saraqeb Khan Sheikhoun Maarat al-Numan and Tal Bazzam in Idlib countryside.",
     ["Khan Shaykhun", "Maarat al-Numan", "Saraqib", "Tal Bazzam"]),
    ("On Monday, jets bombed Ariha and Sarmin as well as Umm Sharshouh.", ["Ariha", "Sarmin", "Umm Sharshouh"]),
])
def test_an_unknown_last_name_of_a_list_of_towns_is_a_place_of_its_own(text: str, expected: list[str]) -> None:
    assert _places(text) == expected, (text, _places(text))


@pytest.mark.parametrize("text", [
    # a person named after a place is no place of the list
    "On Monday, jets bombed Ariha and Abu Omar said the strikes had stopped.",
    "On Monday, a doctor in Sarmin and Ahmad Hassan were killed in an air strike.",
    "Shelling killed three people in Douma and Hamza Ali, a local activist, said more were wounded.",
])
def test_a_person_named_after_a_place_is_no_place(text: str) -> None:
    assert len(_places(text)) == 1, (text, _places(text))
