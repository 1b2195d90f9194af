"""An agency's byline glued into the text ("... AFP Tuesday 20 Sep 2016 The air raid ...") dates the page, not the
event: no event takes that date as one its sentence states."""

from __future__ import annotations

import pytest

from sitrep.extract import extract
from sitrep.resolve.contradictions import supported


@pytest.mark.parametrize(
    ("published", "text"),
    [
        ("2016-09-21", "Some 20 civilians killed in aid convoy attack AFP Tuesday 20 Sep 2016 The air raid hit the "
         "trucks near Aleppo."),
        ("2016-10-04", "Car bomb kills five in Azaz Reuters | Monday 3 October 2016 A car bomb exploded at a "
         "checkpoint in Azaz, killing five people."),
        ("2015-03-13", "Regime shelling hits Douma AP 12 March 2015 Government shelling killed seven civilians in "
         "Douma."),
        ("2016-08-05", "Jets bomb Saraqib Anadolu Agency - 4 August 2016 Air strikes killed 12 people in Saraqib."),
    ],
)
def test_a_byline_date_is_not_the_day_of_the_happening(published: str, text: str) -> None:
    events = extract(text, published, source="alpha")
    assert events
    assert all(e.date_method is not None and not e.date_method.startswith("sentence:") for e in events)
    assert not any(supported(e, "date") for e in events)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Air strikes killed 12 people in Saraqib on 3 August 2016, the Observatory told AFP.", "2016-08-03"),
        ("A car bomb killed five people in Azaz on 3 October 2016, Reuters reported.", "2016-10-03"),
        ("Government shelling killed seven civilians in Douma on 12 March 2015, according to AP.", "2015-03-12"),
    ],
)
def test_an_agency_named_after_a_dated_report_leaves_its_date(text: str, day: str) -> None:
    (event,) = extract(text, "2016-12-01", source="alpha")
    assert event.date == day and supported(event, "date")
