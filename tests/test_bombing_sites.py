"""A bombing told by the site it struck is a bomb set off there; one by aircraft or a state's forces is an air strike
(self-written sentences from several countries)."""

from __future__ import annotations

import pytest

from sitrep import extract


@pytest.mark.parametrize("text,sub", [
    ("A bombing at a market in Kabul killed 12 people on Monday.", "Remote explosive/landmine/IED"),
    ("The bombing of a mosque in Quetta killed 20 people on Monday.", "Remote explosive/landmine/IED"),
    ("Militants bombed a bus station in Maiduguri on Monday, killing 8.", "Remote explosive/landmine/IED"),
    ("A bombing at a checkpoint in Mogadishu killed 5 soldiers on Monday.", "Remote explosive/landmine/IED"),
    # near misses: a state's forces, aircraft named, or a town bombed
    ("Russia bombed a market in Idlib on Monday, killing 12.", "Air/drone strike"),
    ("Regime bombing of a hospital in Idlib killed 5 on Monday.", "Air/drone strike"),
    ("Warplanes carried out a bombing of a market in Ariha on Monday, killing 9.", "Air/drone strike"),
    ("The bombing of Aleppo killed 20 people on Monday.", "Air/drone strike"),
])
def test_a_bombing_told_by_its_site(text: str, sub: str) -> None:
    (ev,) = extract(text, published="2020-06-10")
    assert ev.sub_event_type == sub
