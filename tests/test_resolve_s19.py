"""Session 19 resolution rules (issue #18), each on self-written reports extracted for real."""

from __future__ import annotations

import pytest

from sitrep.records import Event
from sitrep.resolve import resolve_events
from sitrep.resolve.contradictions import supported
from sitrep.resolve.matching import _quoted_relative_day, date_guessed


def _events(source: str, published: str, text: str) -> list[Event]:
    from sitrep.extract import extract

    return [e for e in extract(text, published, source=source) if e.event_type != "Diplomacy"]


# ---------------------------------------------------------------- a quoted speaker's "today"

QUOTED_TODAY = [
    '"Warplanes from the coalition carried out four air strikes today against Syrian forces near the air base," the '
    'army said in a statement.',
    '"This morning at 6:30 warplanes targeted the town with gas," said the head of the provincial health authority.',
    "The command said it had opened an inquiry into reports \"that a strike today near the town may have killed "
    "civilians\".",
    '"Tonight the militants shelled the village again," a local official told reporters.',
]
NOT_QUOTED = [
    "Warplanes struck the town today, killing nine people, activists said.",
    'Moscow yesterday hit out at the minister, dismissing his comments as "hysteria".',
    "Government forces shelled the village this morning, the monitor said.",
]


@pytest.mark.parametrize("text", QUOTED_TODAY)
def test_a_day_word_inside_a_quote_is_the_speakers_day(text: str) -> None:
    assert _quoted_relative_day(text)


@pytest.mark.parametrize("text", NOT_QUOTED)
def test_a_day_word_the_reporter_writes_is_the_pages_day(text: str) -> None:
    assert not _quoted_relative_day(text)


def test_a_quoted_today_dates_the_report_only_as_a_guess() -> None:
    evs = _events("alpha", "2016-09-18", QUOTED_TODAY[0])
    assert evs and evs[0].date == "2016-09-18" and evs[0].date_method == "sentence:relative-to-publication"
    assert date_guessed(evs[0]) and not supported(evs[0], "date")
    told = _events("beta", "2016-09-18", "Warplanes struck the town today, killing nine people, activists said.")
    assert told and not date_guessed(told[0])


def test_a_page_quoting_the_statement_of_the_day_before_tells_one_happening() -> None:
    # the lead dates the strikes by their weekday; the statement quoted further down, issued that evening, says
    # "today": published the next day, the page's "today" would be a second day, and so a second happening
    text = ("US-led coalition aircraft killed 62 Syrian soldiers in four air strikes near the Deir Ezzor air base on "
            "Saturday, Russia said. "
            '"Warplanes from the international coalition carried out four air strikes today against Syrian forces '
            'near the Deir Ezzor air base, killing 62 soldiers," the army said in a statement.')
    evs = _events("alpha", "2016-09-18", text)
    assert len(evs) == 2 and {e.date for e in evs} == {"2016-09-17", "2016-09-18"}
    incidents = resolve_events(evs).incidents
    assert len(incidents) == 1
    assert incidents[0].date == "2016-09-17"
    assert not any(c.field == "date" for c in incidents[0].contradictions)
