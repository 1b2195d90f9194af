"""Matching rules on self-written reports, extracted for real (no shared data needed)."""

from __future__ import annotations

from sitrep.records import Event
from sitrep.resolve import resolve_events


def _reports(*items: tuple[str, str, str]) -> list[Event]:
    """Real extraction of short self-written reports: (source, published, text)."""
    from sitrep.extract import extract

    return [e for source, published, text in items for e in extract(text, published, source=source)]


def test_neighbouring_towns_on_one_day_are_two_incidents() -> None:
    douma = ("alpha", "2017-04-03", "Government air strikes killed 16 civilians in Douma in Eastern Ghouta on Sunday, "
             "the Observatory said.")
    harasta = ("beta", "2017-04-03", "Government air strikes killed five civilians in Harasta in Eastern Ghouta on "
               "Sunday, the Observatory said.")
    douma_again = ("gamma", "2017-04-03", "Air strikes on Douma in Eastern Ghouta killed 16 civilians on Sunday, "
                   "a monitor said.")
    res = resolve_events(_reports(douma, harasta, douma_again))
    sizes = sorted(len(i.event_ids) for i in res.incidents)
    assert sizes == [1, 2]  # the two Douma reports together, Harasta alone


def test_two_days_each_stated_by_its_report_are_two_incidents() -> None:
    thursday = ("alpha", "2016-04-29", "Rebel rocket fire killed 20 civilians in Aleppo on Thursday, state media said.")
    friday = ("beta", "2016-04-29", "Rebel rocket fire injured nine civilians in Aleppo on Friday, state media said.")
    assert len(resolve_events(_reports(thursday, friday)).incidents) == 2


def test_aggregate_war_tolls_are_not_incidents() -> None:
    a = ("alpha", "2016-09-21", "More than 290,000 people have been killed since Syria's conflict first erupted in "
         "March 2011.")
    b = ("beta", "2016-09-11", "The United Nations says the war has killed more than 220,000 people.")
    assert _reports(a, b) == []


def test_the_same_toll_in_a_capital_city_on_two_stated_days_is_two_incidents() -> None:
    # the Palmyra rule (same toll, same named perpetrator, same spot) does not hold for a whole city:
    # Aleppo saw rocket attacks killing nine on many days
    monday = ("alpha", "2016-07-05", "Nusra Front rockets killed nine civilians in Aleppo on Monday, state media said.")
    monday_after = ("beta", "2016-07-12", "Nusra Front rockets killed nine civilians in Aleppo on Monday, a monitor "
                    "said.")
    events = _reports(monday, monday_after)
    assert {e.date for e in events} == {"2016-07-04", "2016-07-11"}
    assert len(resolve_events(events).incidents) == 2


def test_a_report_that_gives_two_figures_is_no_disagreement_between_sources() -> None:
    # one document with two events of the same strike (its headline toll and a later, different figure) and a
    # second document that agrees with one of them: the sources do not disagree
    from dataclasses import replace

    from sitrep.resolve.contradictions import find_contradictions

    evs = _reports(("alpha", "2016-06-06", "Air strikes on a market in Asharah killed 17 civilians on Monday."),
                   ("beta", "2016-06-06", "Air strikes on a market in Asharah killed 17 civilians on Monday, "
                                          "a monitor said."))
    assert len(evs) == 2
    twice = replace(evs[0], event_id="x2", fatalities=34)  # the same report read a second time, doubled
    fields = {c.field for c in find_contradictions([evs[0], twice, evs[1]])}
    assert "fatalities" not in fields
    # two sources that each state their own figure do disagree
    (other,) = _reports(("gamma", "2016-06-06", "Air strikes on a market in Asharah killed 12 civilians on Monday, "
                                               "activists said."))
    assert "fatalities" in {c.field for c in find_contradictions([evs[0], other])}
