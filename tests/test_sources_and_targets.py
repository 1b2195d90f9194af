"""Who tells a report is no side of it; what an attack reaches types it and places it (self-written sentences)."""

from __future__ import annotations

import pytest

from sitrep import extract


def _one(text: str) -> tuple[str, str | None, str | None, str | None]:
    (ev,) = [e for e in extract(text, published="2020-06-10") if e.event_type != "Diplomacy"]
    return (ev.sub_event_type or "", ev.actor2.name if ev.actor2 else None,
            ev.location.name if ev.location else None, ev.actor1.name if ev.actor1 else None)


@pytest.mark.parametrize("text", [
    # the source told after the report ("police said", "according to police", "an army spokesman said")
    "Gunmen killed five passengers in Kirkuk on Monday, police said.",
    "Gunmen killed five passengers in Kirkuk on Monday, according to police.",
    "Gunmen killed five passengers in Kirkuk on Monday, an army spokesman said.",
    "Gunmen killed five passengers in Kirkuk on Monday, security officials told AFP.",
])
def test_the_source_after_the_report_is_no_side_of_it(text: str) -> None:
    sub, actor2, place, _a1 = _one(text)
    assert (sub, actor2, place) == ("Attack", "Civilians (Iraq)", "Kirkuk")


@pytest.mark.parametrize("text,actor1,actor2", [
    # near misses: the victims named in the report stay its target; the speaker who says it acted stays the doer
    ("Five soldiers were killed in Kirkuk on Monday, the army said.", "Unidentified Armed Group (Iraq)",
     "Military Forces of Iraq"),
    ("The army said it killed 20 militants near Kirkuk on Monday.", "Military Forces of Iraq",
     "Unidentified Armed Group (Iraq)"),
    ("Rebels shelled Hama on Monday, killing three soldiers, the army said.", "Opposition Rebels (Syria)",
     "Military Forces of Syria"),
])
def test_the_victims_and_a_speaking_doer_keep_their_sides(text: str, actor1: str, actor2: str) -> None:
    _sub, a2, _place, a1 = _one(text)
    assert a1 is not None and a1.startswith(actor1) and a2 is not None and a2.startswith(actor2), (a1, a2)


@pytest.mark.parametrize("text", [
    # an attack on a civilian place or gathering, its dead told in the next sentence: violence against civilians
    "Gunmen attacked a bus in Kirkuk early on Monday. Five passengers were killed, police said.",
    "Gunmen attacked a bus in Kirkuk on Monday, officials said. At least 5 passengers died.",
    "Gunmen attacked a wedding party in Kirkuk on Monday. Five guests were killed.",
    "Gunmen attacked a market in Kirkuk on Monday. The attack killed five civilians.",
])
def test_an_attack_whose_victims_are_civilians_is_violence_against_them(text: str) -> None:
    sub, actor2, place, _a1 = _one(text)
    assert (sub, actor2, place) == ("Attack", "Civilians (Iraq)", "Kirkuk")


@pytest.mark.parametrize("text,actor2", [
    # near misses: an attack on forces stays a battle
    ("Gunmen attacked an army patrol in Kirkuk on Monday. Five soldiers were killed.", "Military Forces of Iraq"),
    ("Gunmen attacked a police station in Kirkuk on Monday. Five policemen were killed.", "Police Forces of Iraq"),
])
def test_an_attack_on_forces_stays_a_battle(text: str, actor2: str) -> None:
    sub, a2, _place, _a1 = _one(text)
    assert sub == "Armed clash" and a2 is not None and a2.startswith(actor2)


@pytest.mark.parametrize("text,place", [
    # an office the act reaches is where it happened
    ("Gunmen attacked the mayor's office in Kirkuk on Monday. Five people were killed.", "Kirkuk"),
    ("A car bomb exploded near the governor's headquarters in Kirkuk on Monday.", "Kirkuk"),
    ("A rocket hit the party's office in Erbil on Monday.", "Erbil"),
    # near misses: a reporter's bureau or office is where the report comes from
    ("Shelling killed five people on Monday, Reuters' bureau in Beirut reported.", None),
    ("Shelling killed five people on Monday, the news agency said from its office in Beirut.", None),
])
def test_an_office_the_act_reaches_is_its_place(text: str, place: str | None) -> None:
    assert _one(text)[2] == place


@pytest.mark.parametrize("text,sub,toll,place", [
    # the page's title restated and glued to the lead with no stop: the lead is the report, not the title (it does
    # not join a later happening of the page)
    ("Air Strikes Kill 20 in Ariha\n\nTuesday 9 June 2020 Air Strikes Kill 20 in Ariha Twenty civilians were killed "
     "on Monday in air strikes on the town of Ariha in Idlib province activists said. Rebels said they shelled army "
     "posts near Saraqeb in response.", "Air/drone strike", 20, "Ariha"),
    ("Shelling Kills 9 in Douma\n\nPosted on March 3 2018 by Staff Shelling Kills 9 in Douma Nine civilians were "
     "killed on Saturday when regime forces shelled Douma activists said. Rebels fired mortars at Damascus later in "
     "the day.", "Shelling/artillery/missile attack", 9, "Dūmā"),
    ("Car Bomb Kills 12 in Azaz Market\n\nPosted on June 9 2020 by Local News Car Bomb Kills 12 in Azaz Market A car "
     "bomb exploded in a market in Azaz on Monday killing 12 people a monitor said. The Observatory said scores were "
     "also wounded in shelling of nearby Afrin.", "Remote explosive/landmine/IED", 12, "I‘zāz"),
    # near miss: a restated title ended by its stop stays the title of the report after it
    ("Suicide Bomber Kills 30 at Peshawar Mosque\n\nFriday 5 March 2021 Suicide Bomber Kills 30 at Peshawar Mosque A "
     "suicide bomber blew himself up in a mosque in Peshawar on Friday killing 30 worshippers police said. Separately, "
     "gunmen shot dead two policemen in Quetta.", "Suicide bomb", 30, "Peshawar"),
])
def test_a_lead_glued_to_the_restated_title_is_the_report(text: str, sub: str, toll: int, place: str) -> None:
    events = extract(text, published="2021-03-06")
    first = [e for e in events if e.fatalities == toll]
    assert len(first) == 1, [(e.sub_event_type, e.fatalities, e.evidence.text[:60]) for e in events]
    assert (first[0].sub_event_type, first[0].location.name if first[0].location else None) == (sub, place)
    assert len(events) == 2
