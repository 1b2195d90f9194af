"""Two towns the conflict names often that the packaged gazetteer lacked: Adra (Rural Damascus), which folded into
Dar'a's GeoNames alternate 'Adraa' once doubled letters collapse, and Hass (Idlib), which matched nothing."""
from __future__ import annotations

import pytest

from sitrep.extract import extract


@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("Government forces recaptured the town of Adra on Monday, killing 12 rebels.", "Adra", "Rural Damascus"),
    ("Jets bombed Adra, killing 12 people.", "Adra", "Rural Damascus"),
    ("Russian jets hit a school in Hass, killing 22 people.", "Hass", "Idlib"),
])
def test_the_town_is_found_where_it_is(text: str, name: str, admin1: str) -> None:
    events = [e for e in extract(text, "2016-10-30") if e.event_type != "Diplomacy"]
    assert [(e.location.name, e.location.admin1) for e in events if e.location] == [(name, admin1)]
