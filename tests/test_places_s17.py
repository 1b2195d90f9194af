"""Place of occurrence, not of reporting or of the doer (issue #12), and a place's record is no event. Every sentence
is self-written.

- A newspaper named for its place ("| Jordan Times", "the Tehran Times reported") never locates the event.
- A capital named as the doer ("backed by Moscow", "Ankara, which has intensified its shelling") is who acted.
- What happens "whenever" something is done, and what a place "has seen several rounds of", is a habit or a record,
  not one happening.
"""
from __future__ import annotations

import pytest

from sitrep.extract import extract

PUB = "2016-07-28"


def _places(text: str) -> list[str | None]:
    return [e.location.country if e.location else None
            for e in extract(text, PUB) if e.event_type != "Diplomacy"]


@pytest.mark.parametrize(("text", "country"), [
    ("Massive bomb attack kills 44 in Syrian Kurdish city | Jordan Times", "SY"),
    ("A car bomb killed 12 people in the Syrian town of Azaz on Wednesday, the Tehran Times reported.", "SY"),
    ("Militants attacked an army checkpoint near Mosul on Tuesday, killing four soldiers, the Baghdad Post said.",
     "IQ"),
    ("Rebels shelled a village near Quneitra in Syria on Monday, killing two people, according to the Jerusalem Post.",
     "SY"),
    ("Gunmen killed three police officers in the Libyan city of Sirte on Tuesday, the Cairo Daily News reported.",
     "LY"),
])
def test_a_masthead_does_not_place_the_event(text: str, country: str) -> None:
    assert _places(text) == [country]


@pytest.mark.parametrize(("text", "country"), [
    ("A suicide bomber killed 12 people in Ankara on Sunday, officials said.", "TR"),
    ("A car bomb exploded outside a police station in Baghdad on Monday, killing six people.", "IQ"),
    ("Car Bomb Kills 10 in Baghdad Market on Friday", "IQ"),
    ("Daesh Attack on Kirkuk Police Kills Four on Monday", "IQ"),
])
def test_a_place_before_a_capitalised_word_still_places_it(text: str, country: str) -> None:
    assert _places(text) == [country]


@pytest.mark.parametrize(("text", "not_country"), [
    ("The regime offensive has been backed by Moscow which stepped up its air strikes on rebel-held areas of Aleppo "
     "this week.", "RU"),
    ("Ankara, which has intensified its shelling of Kurdish positions near Afrin, said on Monday its guns had hit "
     "40 targets.", "TR"),
    ("Air strikes by Washington on an Islamic State camp in Raqqa province killed 20 militants on Tuesday.", "US"),
    ("Tehran, which has escalated its support for the army, sent fighters who attacked rebels near Aleppo on "
     "Sunday.", "IR"),
])
def test_a_capital_as_the_doer_does_not_place_the_event(text: str, not_country: str) -> None:
    got = _places(text)
    assert got and not_country not in got


@pytest.mark.parametrize("text", [
    "The camp provided fresh fighters for the group whenever it was carrying out attacks on army positions in Homs.",
    "Each time the rebels shelled the district, the army answered with air strikes on Douma.",
    "Latakia province, where the town lies, has seen several rounds of heavy fighting.",
    "The border town had seen years of shelling by both sides.",
    "The neighbourhood has witnessed repeated waves of air strikes.",
])
def test_a_habit_or_a_record_is_no_event(text: str) -> None:
    assert _places(text) == []


@pytest.mark.parametrize("text", [
    "The town saw heavy fighting on Monday as rebels attacked army positions in Homs.",
    "Rebels shelled the district of Jobar on Tuesday, and the army answered with air strikes on Douma.",
    "Latakia province saw heavy fighting on Sunday when rebels attacked the village of Kessab.",
])
def test_one_dated_happening_is_still_an_event(text: str) -> None:
    assert _places(text)


@pytest.mark.parametrize(("text", "place"), [
    ("Terrorist groups positioned in Binnish town targeted al-Fouaa with mortar shells, injuring a girl.", "Al-Fuaa"),
    ("Militants stationed in Douma fired rockets at the Abbasiyyin district of Damascus, killing two people.",
     "Damascus"),
    ("Jabhat al-Nusra terrorists entrenched in Kafr Nabudah shelled the town of Suqaylabiyah, injuring three people.",
     "Suqaylabiyah"),
    ("Rebels holed up in the town of Daraya fired mortar rounds at the Mezzeh military airport on Monday.",
     "Mezzeh military airport"),
    # the doers' position is the place where the clause names no other
    ("Terrorists positioned in Jobar were targeted by army artillery on Monday.", "Jobar"),
])
def test_where_the_doers_are_positioned_is_not_the_target(text: str, place: str) -> None:
    assert [e.location.name for e in extract(text, PUB) if e.event_type != "Diplomacy" and e.location] == [place]


@pytest.mark.parametrize("text", [
    "Aleppo's provincial capital is under continued shelling by al-Nusra Front.",
    "The rebel-held district has been under constant air strikes by Russian jets.",
    "Relentless shelling of the besieged town has destroyed most of its hospitals.",
    "The group has been battling rival opposition fighters in northern Syria since early January.",
    "Government jets have been pounding the town of Douma for weeks.",
    "The strikes are meant to halt the advance of militants who have seized large swathes of territory in Iraq.",
    "The jihadists, who control vast areas of eastern Syria, have declared a caliphate.",
])
def test_a_state_of_war_is_no_event(text: str) -> None:
    assert _places(text) == []


@pytest.mark.parametrize(("text", "n"), [
    ("Shelling continued on Monday, killing five people in Douma.", 1),
    ("Continuous shelling on Monday killed five people in Douma.", 1),
    ("Jets pounded the town of Douma on Monday, killing five people.", 1),
])
def test_one_day_of_it_is_an_event(text: str, n: int) -> None:
    assert len(_places(text)) == n


@pytest.mark.parametrize(("text", "n_diplomacy"), [
    ("In a phone call with SANA reporter, local sources said that militants shelled the town of Fuaa.", 0),
    ("Speaking in a telephone call with a Reuters correspondent, a commander said rebels shelled Fuaa on Thursday.", 0),
    ("In a phone call with journalists, the governor said two people were killed by shelling in Homs.", 0),
    # a call between leaders is a meeting
    ("The Russian and Turkish presidents discussed Syria in a phone call on Thursday.", 1),
    ("The foreign minister held a telephone call with his Iranian counterpart on Monday.", 1),
])
def test_a_call_with_a_reporter_is_no_diplomacy(text: str, n_diplomacy: int) -> None:
    assert sum(e.event_type == "Diplomacy" for e in extract(text, PUB)) == n_diplomacy


@pytest.mark.parametrize(("text", "place"), [
    ("Rebel shelling on the Syrian capital Damascus killed four civilians on Sunday, a monitor said.", "Damascus"),
    ("A car bomb exploded in the Iraqi capital Baghdad on Monday, killing six people.", "Baghdad"),
    ("Gunmen attacked a hotel in the Somali capital Mogadishu on Friday, killing 15 people.", "Mogadishu"),
])
def test_a_capital_told_by_its_country_is_one_place(text: str, place: str) -> None:
    assert [e.location.name for e in extract(text, PUB) if e.location] == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("At least eight people were killed in regime shelling in Eastern Ghouta on Tuesday. The bombardment came as "
     "a fresh round of peace talks entered a second day in the Kazakh capital Astana.", "Eastern Ghouta"),
    ("A car bomb killed five soldiers in Azaz on Monday. The attack came amid talks in Moscow between Russia and "
     "Turkey.", "I‘zāz"),
    ("Gunmen killed three policemen in Arish on Sunday. The attack comes as the president visited Paris.", "Arīsh"),
])
def test_what_the_act_came_amid_does_not_place_it(text: str, place: str) -> None:
    assert [e.location.name for e in extract(text, PUB) if e.event_type != "Diplomacy" and e.location] == [place]


@pytest.mark.parametrize("text", [
    "A bomb blast claimed by the Daesh terror group killed at least 44 people on Wednesday in the city of Qamishli.",
    "A car bomb claimed by the Daesh terror group killed 12 people in Azaz on Monday.",
    "The attack was carried out by the so-called Islamic State, killing 20 people in Raqqa on Monday.",
])
def test_the_group_an_act_is_claimed_by_is_its_author(text: str) -> None:
    ev = [e for e in extract(text, PUB) if e.event_type != "Diplomacy"]
    assert [(e.actor1.name if e.actor1 else None) for e in ev] == ["Islamic State (Syria)"]
    assert all(e.actor2 is None or "Islamic State" not in e.actor2.name for e in ev)


@pytest.mark.parametrize(("text", "country"), [
    ("Syria air strike on jihadist camp kills 18. A Syrian air strike on an Islamic State training camp in the "
     "jihadist-held east killed 17 militants and a child, a monitor said. US-led strikes hit Raqqa last week.", "SY"),
    ("Iraq air strikes kill 30 militants near Mosul. US officials said they supported the raid.", "IQ"),
    ("Syria army shelling kills five in Daraa. US envoys met in Geneva on Monday.", "SY"),
])
def test_the_reports_own_country_before_its_arms_stays_a_place(text: str, country: str) -> None:
    violent = [e for e in extract(text, PUB) if e.event_type != "Diplomacy"]
    assert violent and all(e.location is not None and e.location.country == country for e in violent)
