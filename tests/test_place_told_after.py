"""A sentence that refers back to its happening to say where it was refines the report's place."""
from __future__ import annotations

import pytest

from sitrep.extract import extract


@pytest.mark.parametrize(("text", "town"), [
    ("Gunmen killed eight villagers in northern Burkina Faso on Sunday. The attack took place near Djibo, a "
     "security source said.", "Djibo"),
    ("Gunmen killed 12 farmers in Borno state on Saturday. The attack occurred in the village of Gwoza, residents "
     "said.", "Gwoza"),
    ("Al Shabaab fighters ambushed a convoy in southern Somalia on Monday, killing five soldiers. The ambush happened "
     "outside Kismayo.", "Kismayo"),
])
def test_the_place_a_later_sentence_gives_its_happening_is_the_report_s(text: str, town: str) -> None:
    events = [e for e in extract(text, "2020-06-10") if e.event_type != "Diplomacy"]
    assert len(events) == 1 and events[0].location is not None and events[0].location.name == town
    assert events[0].fatalities is not None


@pytest.mark.parametrize("text", [
    # another province's town named by a sentence that refers back is no refinement
    "Gunmen killed 12 farmers in Borno state on Saturday. The attack took place a week after clashes in Kaduna.",
    "Gunmen killed 12 farmers in Borno state on Saturday. It happened as troops were redeployed to Kano.",
])
def test_a_place_outside_the_report_s_province_does_not_move_it(text: str) -> None:
    events = [e for e in extract(text, "2020-06-10") if e.event_type != "Diplomacy" and e.fatalities == 12]
    assert events and events[0].location is not None and events[0].location.admin1 == "Borno State"
