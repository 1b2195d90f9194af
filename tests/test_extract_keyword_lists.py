"""A page's keyword list glued to its lead with no stop between ("Tags Syria Raqqa Aleppo ... At least 30 people were
killed ...") is page furniture: the lead reports the same event with or without it (issue #18: a keyword list naming
three places made three events of one missile strike)."""

from __future__ import annotations

import pytest

from sitrep.extract import extract
from sitrep.extract.events import keyword_list

LEADS = [
    ("Tags Shayrat cruise missiles US Homs Idlib Khan Sheikhun ",
     "Fifty nine US cruise missiles struck a Syrian government air base in Homs province early on Friday, killing six "
     "soldiers."),
    ("Tags Syria Raqqa Aleppo Russia United Nations human rights ",
     "At least 30 people were killed by Russian air strikes on the town of al-Bab on Thursday, a monitor said."),
    ("Tags Syria Idlib regime airstrikes Kafr Takharim ",
     "Three rescue workers were killed in an air strike on Maarat al-Numan on Sunday."),
    ("Tagged Douma Harasta siege White Helmets ",
     "A barrel bomb killed nine civilians in the town of Saraqib on Monday, activists said."),
]


def _facts(text: str) -> list[tuple[object, ...]]:
    return [(e.event_type, e.sub_event_type, e.location.name if e.location else None, e.fatalities, e.date)
            for e in extract(text, "2017-04-08", source="desk") if e.event_type != "Diplomacy"]


@pytest.mark.parametrize("tags, lead", LEADS)
def test_the_lead_reports_the_same_event_with_or_without_the_keyword_list(tags: str, lead: str) -> None:
    alone = _facts(lead)
    assert len(alone) == 1
    assert _facts(tags + lead) == alone


@pytest.mark.parametrize("tags, lead", LEADS)
def test_the_keywords_are_no_part_of_the_evidence(tags: str, lead: str) -> None:
    events = [e for e in extract(tags + lead, "2017-04-08", source="desk") if e.event_type != "Diplomacy"]
    assert [e.evidence.text for e in events] == [lead]


@pytest.mark.parametrize("text, expected", [
    ("Tags Syria Aleppo Azaz Rebels Car Bomb Islamic State", True),
    ("Tags Shayrat cruise missiles US Homs Idlib Khan Sheikhun", True),
    ("Tags Syria Raqqa airstrikes Islamic State group", True),
    # a lead glued to its keywords with no opening word to cut at stays one sentence, which tells something
    ("Tags Syria Damascus Douma Airstrikes Syrian regime airstrikes on Douma killed 22 civilians", False),
    ("Regime forces shelled the town of Tags on Monday", False),
])
def test_a_keyword_list_tells_nothing(text: str, expected: bool) -> None:
    assert keyword_list(text, 0, len(text)) is expected
