"""Session 16 (issue #18, resolver cost): what a report's sentence says is read once per report and only when some
check asks; the answers are those of reading the sentence directly, and two reports never share one."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sitrep.records import Event
from sitrep.resolve.contradictions import quarters, reading, supported
from sitrep.resolve.incidents import build_incident
from sitrep.resolve.matching import ANOTHER, DEATHS, ONE_ATTACK, profile
from sitrep.resolve.signatures import is_tally


def _reports(text: str, published: str = "2016-05-08") -> list[Event]:
    from sitrep.extract import extract

    return [e for e in extract(text, published, source="alpha") if e.event_type != "Diplomacy"]


# self-written sentences: a toll told, a tally, one more act, quarters of a town, a toll carried by "the dead"
SENTENCES = [
    "Government warplanes bombed the town of Atareb on Monday, killing 14 people and wounding 30 others.",
    "Another shell landed in the al-Midan neighbourhood of Damascus on Tuesday, killing two children.",
    "Rocket shells hit the al-Hamadaniye and Salah-Eddin neighbourhoods of Aleppo on Sunday, wounding five people.",
    "Government shelling has killed 12 people in the town of Douma since Saturday, a monitor said.",
    "Shelling on the town of Douma on Friday and Saturday killed 13 civilians, activists said.",
    "A car bomb exploded near a market in the town of Azaz on Wednesday; 14 of the dead were fighters.",
    "A suicide bomber blew himself up at a checkpoint in Jableh on Friday, the state news agency said.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_what_a_profile_reads_when_asked_is_what_its_sentence_says(text: str) -> None:
    reports = _reports(text)
    assert reports
    for i, ev in enumerate(reports):
        p = profile(i, ev)
        t = ev.evidence.text
        assert p.tally == is_tally(t)
        assert p.toll_told == supported(ev, "fatalities")
        assert p.another == (ANOTHER.search(t) is not None)
        assert p.tells_one == (bool(ev.fatalities) or DEATHS.search(t) is not None or ONE_ATTACK.search(t) is not None)
        assert p.quarters == quarters(t)


@pytest.mark.parametrize("text", SENTENCES[:3])
def test_two_reports_of_one_sentence_never_share_a_reading(text: str) -> None:
    ev = _reports(text)[0]
    twin = replace(ev, event_id=ev.event_id + "-twin", doc_id=ev.doc_id + "-twin")
    assert reading(ev.event_id, ev.evidence.text) is reading(ev.event_id, ev.evidence.text)
    assert reading(ev.event_id, ev.evidence.text) is not reading(twin.event_id, twin.evidence.text)
    assert supported(twin, "fatalities") == supported(ev, "fatalities")


# one figure given by every report of an incident is its toll, whether or not a sentence states it (a figure carried
# over from another sentence of the page); two figures are weighed by what the sentences state
ONE_FIGURE = [
    ("Regime helicopters dropped barrel bombs on Busra al-Harir on Sunday killing nine people, a monitor said.", 9),
    ("Government warplanes bombed Maarat al-Numan on Tuesday killing 14 people near a bakery, a monitor said.", 14),
    ("Russian air strikes hit the town of Atareb on Monday killing 53 people, a monitor said.", 53),
]


@pytest.mark.parametrize(("text", "toll"), ONE_FIGURE)
def test_one_figure_given_by_every_report_is_the_toll(text: str, toll: int) -> None:
    ev = _reports(text)[0]
    assert ev.fatalities == toll
    carried = replace(ev, event_id=ev.event_id + "-b", doc_id="beta", source="beta",
                      evidence=replace(ev.evidence, text="The raid was condemned by the opposition."))
    assert not supported(carried, "fatalities")  # its sentence states no toll: the figure came from its page
    inc = build_incident([ev, carried])
    assert (inc.fatalities, inc.fatalities_low, inc.fatalities_high) == (toll, toll, toll)
    assert not any(c.field == "fatalities" for c in inc.contradictions)
    # a second figure that no sentence states yields to the one a sentence states
    other = replace(carried, event_id=ev.event_id + "-c", fatalities=toll + 40)
    inc = build_incident([ev, other])
    assert (inc.fatalities, inc.fatalities_high) == (toll, toll)
