"""A contradiction is between sources: each document is shown on one side only, whatever it told twice."""

from __future__ import annotations

import pytest

from sitrep.records import Event, Evidence, Place
from sitrep.resolve.contradictions import find_contradictions

_KAFR_NABL = Place("Kafr Nabl", "SY", "Idlib", None, 35.61, 36.56, 169304, "point", "PPL", "Kafr Nabl")


def _event(doc: str, n: int, text: str, **kw: object) -> Event:
    fields: dict[str, object] = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
                                 "date": "2016-08-01", "date_precision": "day", "date_method": "sentence:weekday",
                                 "location": _KAFR_NABL}
    fields.update(kw)
    return Event(doc_id=doc, event_id=f"{doc}-{n}", evidence=Evidence(text, 0, len(text)), source=doc,
                 **fields)  # type: ignore[arg-type]


def _sides(events: list[Event], field: str) -> dict[object, set[str]]:
    found = {c.field: c for c in find_contradictions(events)}
    return {v.value: set(v.doc_ids) for v in found[field].values} if field in found else {}


@pytest.mark.parametrize(
    ("first", "later", "rival", "stands_by"),
    [
        (20, 70, 50, 70),     # a lead's early toll, the body's updated one; another outlet's figure
        (200, 213, 150, 213),
        (9, 12, 30, 12),
        (70, 20, 50, 70),     # told the other way round: the page still stands by its larger figure
    ],
)
def test_a_page_with_two_tolls_stands_by_its_larger_one(first: int, later: int, rival: int, stands_by: int) -> None:
    a1 = _event("a", 1, f"Air strikes on the market of Kafr Nabl killed {first} people on Monday.",
                fatalities=first)
    a2 = _event("a", 2, f"The toll from Monday's air strikes on Kafr Nabl rose to {later} dead.", fatalities=later)
    b = _event("b", 1, f"Warplanes bombed the market of Kafr Nabl on Monday; {rival} were killed.", fatalities=rival)
    sides = _sides([a1, a2, b], "fatalities")
    assert sides == {stands_by: {"a"}, rival: {"b"}}
    assert all(sum(doc in docs for docs in sides.values()) == 1 for doc in ("a", "b"))


@pytest.mark.parametrize(("first", "later", "rival"), [(58, 50, 50), (20, 70, 20), (200, 213, 213)])
def test_a_second_source_repeating_one_of_a_pages_figures_is_no_disagreement(first: int, later: int,
                                                                               rival: int) -> None:
    a1 = _event("a", 1, f"Air strikes on the market of Kafr Nabl killed {first} people on Monday.",
                fatalities=first)
    a2 = _event("a", 2, f"The toll from Monday's air strikes on Kafr Nabl rose to {later} dead.", fatalities=later)
    b = _event("b", 1, f"Warplanes bombed the market of Kafr Nabl on Monday; {rival} were killed.", fatalities=rival)
    assert _sides([a1, a2, b], "fatalities") == {}


def test_a_page_with_two_dates_stands_on_the_side_most_reports_give() -> None:
    a1 = _event("a", 1, "Warplanes struck Kafr Nabl on 1 August 2016.", date="2016-08-01",
                date_method="sentence:explicit")
    a2 = _event("a", 2, "Warplanes struck Kafr Nabl on 10 August 2016.", date="2016-08-10",
                date_method="sentence:explicit")
    b = _event("b", 1, "Jets bombed Kafr Nabl on 10 August 2016.", date="2016-08-10", date_method="sentence:explicit")
    c = _event("c", 1, "Jets bombed Kafr Nabl on 20 August 2016.", date="2016-08-20", date_method="sentence:explicit")
    sides = _sides([a1, a2, b, c], "date")
    assert sides == {"2016-08-10": {"a", "b"}, "2016-08-20": {"c"}}
