"""A page's own date stamp that disagrees with the metadata's publication day (issue #18): relative dates are
told from the stamp, and the events say so. Self-written pages."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep import extract
from sitrep.extract.inputs import page_date


@pytest.mark.parametrize("text,published,date", [
    # a lead stamp with its weekday, the metadata two years off
    ("Car bomb kills four\n\nThu Sep 5 2013 Car bomb kills four in Damascus. A car bomb killed four people in the "
     "Sumaria area of Damascus on Wednesday.", "2011-02-02", "2013-09-04"),
    # "Published ..." a week before the metadata
    ("Jets strike Idlib\n\nPublished October 4 2016 Jets struck a market in Idlib on Sunday, killing 12.",
     "2016-10-11", "2016-10-02"),
    # a stamp with a clock and a time zone
    ("Gas attack\n\nAugust 22 2013 1849 UTC+3 Activists said a gas attack killed hundreds in Ghouta on Wednesday.",
     "2013-08-30", "2013-08-21"),
    # a day-first stamp with its weekday, and "yesterday"
    ("Homs blasts\n\nWed 01 Oct 2014 Twin bombs killed 41 children near a school in Homs yesterday.",
     "2014-10-05", "2014-09-30"),
    # "Last updated at ..."
    ("Qamishli\n\nLast updated at Jul 28 2016 A roadside bomb killed 44 in Qamishli on Wednesday.",
     "2016-08-03", "2016-07-27"),
])
def test_relative_dates_are_told_from_the_page_stamp(text: str, published: str, date: str) -> None:
    events = extract(text, published=published)
    assert [e.date for e in events] == [date]
    assert all("date:page-stamp" in e.notes for e in events)


@pytest.mark.parametrize("text,published", [
    # the stamp agrees with the metadata within a day
    ("Jets strike Idlib\n\nPublished October 4 2016 Jets struck a market in Idlib on Sunday, killing 12.",
     "2016-10-05"),
    # a date inside the body is the event's, not the page's
    ("Jets strike Idlib\n\nJets struck a market in Idlib on 2 October 2016, killing 12, activists said.",
     "2016-10-11"),
    # no day in the metadata to disagree with
    ("Jets strike Idlib\n\nPublished October 4 2016 Jets struck a market in Idlib on Sunday, killing 12.", "2016"),
])
def test_no_page_stamp_to_prefer(text: str, published: str) -> None:
    assert page_date(text, published) is None
    assert all("date:page-stamp" not in e.notes for e in extract(text, published=published))


@pytest.mark.parametrize("text,published,date", [
    # "Last updated at" with the day glued to the year, the metadata a week off
    ("Qamishli\n\nLast updated at Jul 282016 A roadside bomb killed 44 in Qamishli on Wednesday.",
     "2016-08-03", "2016-07-27"),
    # "Updated" with the glued stamp, "yesterday"
    ("Hama\n\nUpdated Mar 052015 Rebels shelled Hama yesterday, killing three.", "2015-03-19", "2015-03-04"),
    # the glued stamp before a capitalised dateline place
    ("Idlib raids\n\nLast updated at Apr 092017 BEIRUT At least 15 civilians were killed in air strikes on Idlib "
     "on Saturday.", "2017-04-20", "2017-04-08"),
])
def test_relative_dates_are_told_from_a_glued_page_stamp(text: str, published: str, date: str) -> None:
    events = extract(text, published=published)
    assert [e.date for e in events] == [date]
    assert all("date:page-stamp" in e.notes for e in events)


@pytest.mark.parametrize("lines,date", [
    (["Qamishli blast", "Last updated at Jul 282016 A roadside bomb killed 44 in Qamishli."], "2016-07-28"),
    (["Idlib raids", "Updated Apr 092017 BEIRUT At least 15 civilians were killed."], "2017-04-09"),
    (["Aleppo", "Posted on Dec 312014 Rebels shelled the old city on Tuesday."], "2014-12-31"),
])
def test_ingest_reads_a_glued_page_stamp_as_the_dateline(lines: list[str], date: str) -> None:
    from sitrep.ingest.pubdate import publication_date

    pub = publication_date(lines, today=dt.date(2020, 1, 1))
    assert (pub.value, pub.precision, pub.method) == (date, "day", "dateline")


@pytest.mark.parametrize("text,published,toll", [
    ("Helicopter downed\n\nLast updated at Aug 012016 BEIRUT A Russian military helicopter was shot down over Syria "
     "on Monday killing all five people on board in the deadliest incident for Moscow since it intervened in the "
     "war.", "2016-08-19", 5),
    ("Idlib raids\n\nLast updated at Jul 282016 DAMASCUS Air strikes killed 12 civilians in Idlib on Wednesday, the "
     "heaviest toll since the truce began.", "2016-08-03", 12),
    ("Aleppo shelling\n\nPublished Oct 042016 ALEPPO Shelling killed four children in the old city on Monday, the "
     "worst day of the war for the district.", "2016-10-11", 4),
])
def test_a_glued_page_stamp_is_no_big_count_that_makes_the_report_a_war_tally(text: str, published: str,
                                                                             toll: int) -> None:
    events = [e for e in extract(text, published) if e.fatalities is not None]
    assert [e.fatalities for e in events] == [toll]


@pytest.mark.parametrize("text", [
    "Syrian government air strikes on Tuesday killed at least 39 people in two main battlegrounds in the north of "
    "the country, a monitor said.",
    "Shelling killed 20 civilians across three provinces on Monday, the monitor said.",
    "Clashes on several fronts in Hama and Idlib killed 50 fighters on Friday.",
])
def test_a_toll_summed_over_several_provinces_or_fronts_is_a_total_not_an_event(text: str) -> None:
    assert [e.fatalities for e in extract(text, "2015-01-20") if e.fatalities] == []


@pytest.mark.parametrize("text", [
    "Air strikes hit two villages in Idlib on Monday, killing 12 people.",
    "Shelling killed 20 civilians in the provincial capital on Monday.",
    "Clashes on the southern front near Daraa killed 14 fighters on Friday.",
])
def test_a_toll_in_one_front_or_unnamed_villages_stays_an_event(text: str) -> None:
    assert [e.fatalities for e in extract(text, "2015-01-20") if e.fatalities]


@pytest.mark.parametrize("text,published,date", [
    # an agency credit glued before the page's day, the metadata three weeks off
    ("Jets kill 30 in eastern town\n\nJets kill 30 in eastern town Monitor AFP Saturday 14 May 2016 Air strikes "
     "killed 30 people on Friday in the town of Mayadin, a monitor said.", "2016-04-23", "2016-05-13"),
    # "Reuters |" before the day, "yesterday"
    ("Rebels shell Hama\n\nRebels shell Hama Reuters | 3 March 2015 Rebel shelling killed four people in Hama "
     "yesterday.", "2015-03-21", "2015-03-02"),
    # the credit written out, the metadata a week ahead of the page
    ("Car bomb in Azaz\n\nCar bomb in Azaz Agence France-Presse Tuesday 9 Feb 2016 A car bomb killed eight people "
     "in Azaz on Monday.", "2016-02-16", "2016-02-08"),
])
def test_relative_dates_are_told_from_an_agency_byline(text: str, published: str, date: str) -> None:
    events = extract(text, published=published)
    assert [e.date for e in events] == [date]
    assert all("date:page-stamp" in e.notes for e in events)


@pytest.mark.parametrize("text,published", [
    # the byline agrees with the metadata
    ("Jets kill 30\n\nJets kill 30 Monitor AFP Saturday 14 May 2016 Air strikes killed 30 people on Friday in "
     "Mayadin.", "2016-05-14"),
    # a date after a speaker who is no agency: the event's day, not the page's
    ("Jets kill 30\n\nThe monitor said on Saturday 14 May 2016 air strikes killed 30 people in Mayadin.",
     "2016-04-23"),
    # an agency's credit far down the page, not in its lead
    ("Jets kill 30\n\n" + "Air strikes killed 30 people in Mayadin on Friday, a monitor said. " * 12
     + "AFP Saturday 14 May 2016", "2016-04-23"),
])
def test_no_agency_byline_to_prefer(text: str, published: str) -> None:
    assert page_date(text, published) is None
