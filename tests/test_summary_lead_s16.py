"""A lead that tells the day's strikes over unnamed places ("jets hit the opposition-held cities, killing more than
40"), before the reports of those places with their own tolls, is their summary: it gives no event of its own, nor
does a headline that restates its total lend that total to one place."""
from __future__ import annotations

import pytest

from sitrep.extract import extract


def _tolls(text: str) -> dict[str, int | None]:
    events = [e for e in extract(text, "2016-09-10") if e.event_type != "Diplomacy"]
    return {e.location.name if e.location else "?": e.fatalities for e in events}


@pytest.mark.parametrize(("text", "want"), [
    ("Air strikes in Syria kill at least 45 people\n\nJet strikes hit the opposition-held cities on Saturday, killing "
     "more than 40 people. Air strikes on a market in the city of Idlib killed 24 people on Saturday. Strikes on "
     "Aleppo killed 21 people on Saturday.", {"Idlib": 24, "Aleppo": 21}),
    ("Warplanes pounded the rebel-held cities on Saturday, killing 30 people. Jets bombed Saraqib on Saturday, "
     "killing 12 people. Jets bombed Binnish on Saturday, killing 18 people.", {"Saraqib": 12, "Binnish": 18}),
    ("Government aircraft struck several cities in the north on Saturday, killing 25 people. An air strike killed "
     "15 people in Ariha on Saturday. Another air strike killed 10 people in Maarat al-Numan on Saturday.",
     {"Ariha": 15, "Maarat al-Numan": 10}),
])
def test_the_summary_lead_gives_no_event_of_its_own(text: str, want: dict[str, int]) -> None:
    assert _tolls(text) == want
