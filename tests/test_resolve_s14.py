"""Session 14 (issue #18): a massacre named by its place with the word in quotes is still that massacre."""

from __future__ import annotations

import pytest

from sitrep.resolve.signatures import signatures


@pytest.mark.parametrize("text, sig", [
    ('the year before 49 children were killed in the Houla "massacre" in Homs province.', "massacre:houla"),
    ("Rebels blamed the army for the Tremseh “massacre” in which 200 died.", "massacre:tremseh"),
    ("Officials called it the Qubeir 'massacre' after 78 were found dead.", "massacre:qubeir"),
])
def test_a_massacre_named_with_the_word_in_quotes_is_that_massacre(text: str, sig: str) -> None:
    assert sig in signatures(text, "Attack")


def test_a_massacre_named_by_no_place_is_none() -> None:
    # near miss: a quoted word after no name names nothing
    assert not any(s.startswith("massacre:") for s in signatures('The "massacre" left 30 dead.', "Attack"))


def test_the_year_of_a_quoted_massacre_goes_back_to_it() -> None:
    # end to end: a later page's year-dated mention of the quoted massacre joins the day-dated report of it
    from sitrep.extract import extract
    from sitrep.resolve import resolve_events

    events = [e for src, pub, text in (
        ("alpha", "2012-05-27", "Government forces killed 108 people in a massacre in Houla on May 25 2012, "
                                "monitors said."),
        ("beta", "2014-10-01", "In August 2013 a chemical attack near Damascus killed dozens of children and the "
                               'year before 49 children were killed in the Houla "massacre" in Homs province.'),
    ) for e in extract(text, pub, source=src) if e.event_type != "Diplomacy"]
    houla = [e for e in events if e.location is not None and "Houla" in e.location.name]
    assert len(houla) == 2
    incidents = resolve_events(events).incidents
    assert any({e.event_id for e in houla} <= set(i.event_ids) for i in incidents)
