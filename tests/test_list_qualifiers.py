"""A list of places whose members carry their province ("A, Idlib province, and B") is still one event per place."""
from __future__ import annotations

import pytest

from sitrep.extract import extract


@pytest.mark.parametrize(("text", "towns"), [
    ("Regime forces shelled Kafr Nabl, Idlib province, and Maarat al-Numan on Monday.",
     {"Kafr Nabl", "Maarat al-Numan"}),
    ("Jihadists attacked army posts in Djibo, Sahel region, and Arbinda, Sahel region, on Sunday.",
     {"Djibo", "Aribinda"}),
    ("Government aircraft bombed Saraqib, Idlib province, and Khan Shaykhun on Tuesday.",
     {"Saraqib", "Khan Shaykhun"}),
    ("Al Shabaab fighters attacked Baidoa, Bay region, and Burhakaba on Tuesday.", {"Baidoa", "Buurhakaba"}),
])
def test_a_member_s_province_inside_a_list_does_not_end_it(text: str, towns: set[str]) -> None:
    events = [e for e in extract(text, "2020-06-10") if e.event_type != "Diplomacy"]
    assert {e.location.name for e in events if e.location is not None} == towns


def test_a_town_and_its_province_alone_are_one_place() -> None:
    events = [e for e in extract("Al Shabaab fighters attacked Baidoa, Bay region, on Tuesday.", "2020-06-10")
              if e.event_type != "Diplomacy"]
    assert [e.location.name for e in events if e.location is not None] == ["Baidoa"]


@pytest.mark.parametrize(("text", "towns"), [
    ("Regime aircraft bombed Saraqib, Idlib and Ariha on Monday.", {"Saraqib", "Idlib", "Ariha"}),
    ("Regime forces shelled Kafr Nabl, Idlib, and Ariha on Monday.", {"Kafr Nabl", "Idlib", "Ariha"}),
    ("Rebels shelled Hama, Homs and Salamiyah on Monday.", {"Ḩamāh", "Homs", "Al-Salamiyah"}),
])
def test_a_province_s_city_in_a_list_without_its_kind_word_is_a_member(text: str, towns: set[str]) -> None:
    events = [e for e in extract(text, "2020-06-10") if e.event_type != "Diplomacy"]
    assert {e.location.name for e in events if e.location is not None} == towns
