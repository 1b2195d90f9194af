"""A weekday in the plural after "on" tells what is done each week, not one day's happening; a weekday's possessive
written without its apostrophe ("Tuesdays attacks") stays one day's report."""
from __future__ import annotations

import pytest

from sitrep.extract import extract


def _violent(text: str):
    return [e for e in extract(text, "2020-06-10") if e.event_type not in ("Diplomacy", "Strategic developments")]


@pytest.mark.parametrize("text", [
    "Regime forces shell the market on Tuesdays and Fridays.",
    "Government aircraft bombed the town on Fridays, when the market was full, residents said.",
    "Militants attacked the checkpoint on Mondays and Thursdays, police said.",
])
def test_a_plural_weekday_tells_a_habit(text: str) -> None:
    assert _violent(text) == []


@pytest.mark.parametrize(("text", "day"), [
    ("Al-Nusra Front claimed responsibility for Tuesdays attacks in which at least 30 villagers were killed.",
     "2020-06-09"),
    ("Regime forces shelled the market on Tuesday, killing four.", "2020-06-09"),
    ("Militants attacked the checkpoint on Monday, police said.", "2020-06-08"),
])
def test_one_weekday_tells_one_day(text: str, day: str) -> None:
    events = _violent(text)
    assert len(events) == 1 and events[0].date == day
