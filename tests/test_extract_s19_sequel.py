"""A happening a sentence sets beside another in time ("The attack came a day after an air strike on Monday killed
12") -- session 19, issue #18:

- when the earlier happening names its own day, that day dates it (not the story's day less the gap);
- it is its own report: neither the attack referred to nor the story's report takes its toll, and it is not merged
  into them.
"""
from __future__ import annotations

import pytest

from sitrep.extract import extract


def _violent(text: str, published: str = "2016-09-21"):
    return [e for e in extract(text, published, source="desk") if e.event_type != "Diplomacy"]


@pytest.mark.parametrize(("text", "words", "day"), [
    ("The attack on the clinic came a day after a deadly air strike on Monday killed 12 aid workers near Aleppo.",
     "12 aid workers", "2016-09-19"),
    ("The shelling came two days after an air strike on a market in Idlib killed 26 people on Sunday.",
     "26 people", "2016-09-18"),
    ("The bombing came a week after rebels shelled the town of Mhardeh on 3 May 2016, killing nine people.",
     "nine people", "2016-05-03"),
    ("The raid comes three days after government forces shelled the village of Kafr Nabl on Sunday, killing four.",
     "Kafr Nabl", "2016-09-18"),
])
def test_the_earlier_happening_keeps_the_day_it_names(text: str, words: str, day: str) -> None:
    hits = [e for e in _violent(text) if words in e.evidence.text]
    assert len(hits) == 1
    assert hits[0].date == day


@pytest.mark.parametrize(("lead", "tail", "lead_toll", "tail_toll"), [
    ("Air strikes levelled the clinic in Khan Tuman on Tuesday, killing four medics.",
     "The attack came a day after all aid convoys were suspended after a deadly air strike on Monday killed 12 aid "
     "workers near Aleppo.", 4, 12),
    ("Government jets bombed a market in Douma on Wednesday, killing nine civilians.",
     "The raid came two days after air strikes on the town of Harasta on Monday killed 17 people.", 9, 17),
    ("A car bomb exploded in the centre of Azaz on Thursday, killing 10 people.",
     "The bombing came a week after a suicide attack on a checkpoint near Jarablus on Thursday killed 20 fighters.",
     10, 20),
])
def test_the_earlier_happening_is_a_report_of_its_own(lead: str, tail: str, lead_toll: int, tail_toll: int) -> None:
    events = _violent(lead + " " + tail, "2016-09-22")
    assert sorted(e.fatalities for e in events) == sorted([lead_toll, tail_toll])
    assert [e.fatalities for e in events if e.evidence.text in lead] == [lead_toll]


@pytest.mark.parametrize(("text", "toll"), [
    ("Air strikes levelled the clinic in Khan Tuman on Tuesday, killing four medics.", 4),
    ("Three firefighters were killed when a second strike hit the burning building.", 3),
    ("The shell killed two teachers and a surgeon at the school.", 3),
])
def test_the_dead_named_by_their_work_are_counted(text: str, toll: int) -> None:
    from sitrep.extract.numbers import find_casualties

    assert find_casualties(text).fatalities == toll
