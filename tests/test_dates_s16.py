"""Dating rules of session 16, each a class of phrasing:

- a part of a year that has no calendar value of its own ("the summer of 2012", "the first quarter of 2013") dates
  the event to its year, as "in 2012" does; the time expression itself keeps its null value (TIMEX: a season is not
  a calendar date);
- a photo caption's date ("... Syria August 6 2016 (AFP photo)") is the photo's: the story's "the following day"
  does not count from it;
- "the attack came a day after jets struck X": what follows "N days after" happened N days before the story's
  event, not on its day.
"""
from __future__ import annotations

import pytest

from sitrep.extract import extract
from sitrep.extract.dates import find_dates

LEAD = "Jets bombed the town of Saraqib on Saturday, killing nine people. "


def _violent(text: str, published: str):
    return [e for e in extract(text, published) if e.event_type not in ("Diplomacy",)]


def _dated(text: str, published: str, words: str) -> str | None:
    hits = [e for e in _violent(text, published) if words in e.evidence.text]
    assert len(hits) == 1, [(e.evidence.text, e.date) for e in _violent(text, published)]
    return hits[0].date


@pytest.mark.parametrize(("tail", "year"), [
    ("Rebels stormed the eastern parts of Aleppo in the summer of 2012.", "2012"),
    ("Rebels seized the town of Qusayr in the spring of 2013.", "2013"),
    ("Government forces shelled the town of Rastan in the winter of 2012, killing 40 people.", "2012"),
    ("Rebels seized the town of Qusayr in the first quarter of 2013.", "2013"),
    ("Rebels stormed the eastern parts of Aleppo in summer 2012.", "2012"),
])
def test_a_season_of_a_year_dates_to_that_year(tail: str, year: str) -> None:
    assert _dated(LEAD + tail, "2014-03-01", tail.split()[1]) == year


@pytest.mark.parametrize(("season", "plain"), [
    ("in the summer of 2012", "in 2012"),
    ("in the autumn of 2012", "in 2012"),
    ("in the spring of 2013", "in 2013"),
])
def test_metamorphic_season_and_year_give_the_same_event(season: str, plain: str) -> None:
    a = _dated(LEAD + f"Rebels seized the town of Qusayr {season}.", "2014-03-01", "Qusayr")
    b = _dated(LEAD + f"Rebels seized the town of Qusayr {plain}.", "2014-03-01", "Qusayr")
    assert a == b == plain[-4:]


@pytest.mark.parametrize("text", [
    "Smoke rose over Homs in the summer of 2012.",
    "Sales fell in the first quarter of 2014.",
    "the winter of 2012",
])
def test_the_time_expression_of_a_season_keeps_no_calendar_value(text: str) -> None:
    found = find_dates(text, "2014-03-01")
    assert found and all(m.value is None for m in found)


def test_a_season_after_the_report_is_not_its_year() -> None:
    events = _violent(LEAD + "Rebels will attack the town of Qusayr in the spring of 2015.", "2014-03-01")
    assert all(e.date != "2015" for e in events)


@pytest.mark.parametrize("caption", [
    "A rescue worker carries a child after an air strike on a hospital in Idlib Syria August 6 2016 (AFP photo)",
    "A man walks past a damaged building in Aleppo Syria July 30 2016 (Reuters photo)",
    "Smoke rises over the city of Homs Syria August 2 2016 (TRT World and Agencies)",
])
def test_a_caption_date_is_not_the_story_day(caption: str) -> None:
    text = LEAD + caption + " The following day, rebels shelled the town of Fuaa, killing two people."
    assert _dated(text, "2016-08-15", "Fuaa") == "2016-08-14"   # the day after Saturday 13 August


@pytest.mark.parametrize(("text", "words", "day"), [
    ("Rebels shelled the western districts of Aleppo on Thursday, killing five people. The shelling came a day "
     "after jets struck a market in Idlib, killing 12 people.", "market", "2016-09-21"),
    ("A car bomb killed 10 people in Azaz on Thursday. The attack comes one week after a suicide bomber blew "
     "himself up at a border crossing in Idlib, killing 20 people.", "suicide", "2016-09-15"),
    ("Rebels fired rockets at western Aleppo on Thursday, killing three children. The attack came two days after "
     "Russian jets hit a school in Saraqib, killing 22 people.", "school", "2016-09-20"),
    ("A suicide attack near the Atmeh camp in Idlib killed at least 15 people on Thursday. The attack in Idlib came "
     "a day after heavy air strikes by Russian and regime warplanes killed 26 people in the province.", "26",
     "2016-09-21"),
])
def test_what_came_n_days_before_the_story_is_dated_before_it(text: str, words: str, day: str) -> None:
    assert _dated(text, "2016-09-22", words) == day


def test_the_story_event_itself_keeps_its_day() -> None:
    text = ("Rebels shelled the western districts of Aleppo on Thursday, killing five people. The shelling came a day "
            "after jets struck a market in Idlib, killing 12 people.")
    assert _dated(text, "2016-09-22", "western districts") == "2016-09-22"


KHAN = "Jets dropped chemical bombs on Khan Sheikhoun at dawn today, killing at least 100 people. "


@pytest.mark.parametrize("tail", [
    "On Tuesday the Coalition said that videos of the aftermath of the attack show a crime similar to the one the "
    "regime committed in eastern Ghouta in the summer of 2013.",
    "On Tuesday the Coalition said that videos of the aftermath of the attack show a crime similar to the one the "
    "regime committed in eastern Ghouta in 2013.",
    "Activists said the attack was like the one the regime carried out in eastern Ghouta in the summer of 2013.",
    "Rescuers said the attack was comparable to the gassing the regime carried out near Damascus in 2013.",
])
def test_a_compared_happening_does_not_date_the_story(tail: str) -> None:
    """The time of the happening a comparison brings in ("similar to the one ... in 2013") is not the time of the
    attack the sentence is about: no event of the story is moved to that year."""
    events = _violent(KHAN + tail, "2017-04-04")
    assert [e.date for e in events] == ["2017-04-04"]
