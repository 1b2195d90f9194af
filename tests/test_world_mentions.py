"""Events in news articles about any country (#12), session 10: acts the clause reports though a connector
introduces them ("died after a gunfight"), referring mentions that name a place of their own, the happening
a call or a plan names as its occasion, and caption labels that are no places.

Each table holds at least three self-written sentences about different countries.
"""

from __future__ import annotations

import pytest

from sitrep import extract
from sitrep.extract import parse
from sitrep.records import Event


def _violent(text: str, published: str = "2019-06-03") -> list[Event]:
    return [e for e in extract(text, published=published)
            if e.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")]


# --------------------------------------------------------------------------- an act brought in by a connector
# "X died after a gunfight", "were wounded following an ambush", "responsible for a blast which injured five":
# the act comes with an indefinite article and the clause tells its harm -- reported here, not referred back to
# (a reference would join the report before it, whatever its place)
@pytest.mark.parametrize("first,second,place", [
    ("Gunmen stormed a bar in Kano on Friday night, killing nine people.",
     "A policeman died after a gunfight with the gang in Kaduna on Sunday.", "Kaduna"),
    ("Militants shelled a village near Maiduguri on Monday, killing four.",
     "Two herders were wounded following an ambush by bandits in Gusau on Thursday.", "Gusau"),
    ("A car bomb killed six soldiers in Mogadishu on Monday.",
     "A trader was killed after a grenade attack on a shop in Kismayo on Wednesday.", "Kismayo"),
    ("A bomb exploded outside a bank in Bergen on Tuesday.",
     "Police in Oslo are hunting a man believed to be responsible for a Friday blast which injured five people.",
     "Oslo"),
])
def test_an_act_the_clause_tells_the_harm_of_is_reported_not_referred_to(first: str, second: str,
                                                                          place: str) -> None:
    events = _violent(f"{first} {second}")
    assert len(events) == 2
    later = [e for e in events if e.evidence.start > len(first)]
    assert len(later) == 1 and later[0].location is not None and later[0].location.name == place


@pytest.mark.parametrize("first,second", [
    ("A bomb exploded outside a bank in Bergen on Tuesday, wounding two.",
     "Officials met on Wednesday after a blast in the city."),
    ("Gunmen stormed a bar in Kano on Friday night, killing nine people.",
     "The governor visited the wounded after the attack."),
    ("Rebels ambushed an army convoy near Beni on Monday, killing five soldiers.",
     "The army sent reinforcements following an ambush in the area."),
])
def test_an_act_named_without_its_harm_still_refers_back(first: str, second: str) -> None:
    assert len(_violent(f"{first} {second}")) == 1


# --------------------------------------------------------------------------- a referring mention placed elsewhere
# "the planner of Thursday's bombing near the port in Kismayo": a reference to an act at that place, which never
# joins the report of a place the two cannot share
@pytest.mark.parametrize("first,second,place", [
    ("Gunmen killed four guards at a bank in Lagos on Monday.",
     "Police are questioning the driver of Friday's attack at a market in Abuja.", "Abuja"),
    ("A car bomb killed six soldiers in Mogadishu on Monday.",
     "Investigators named the planner of Thursday's bombing near the port in Kismayo.", "Kismayo"),
    ("Rebels shelled a village near Goma on Sunday, killing three.",
     "Witnesses described the assault on a clinic in Bunia on Tuesday.", "Bunia"),
])
def test_a_referring_mention_with_a_place_of_its_own_keeps_it(first: str, second: str, place: str) -> None:
    events = _violent(f"{first} {second}")
    assert place in {e.location.name for e in events if e.location is not None}
    assert len(events) == 2


# --------------------------------------------------------------------------- the occasion of a call or a plan
# "called for protests following the slaying of two journalists": the call is no event, the slaying is one
@pytest.mark.parametrize("text,etype", [
    ("Activists in Minsk called for protests following the slaying of two journalists on Tuesday.",
     "Violence against civilians"),
    ("Opposition leaders in Kinshasa called for demonstrations in the wake of the killing of three students by "
     "soldiers on Sunday.", "Violence against civilians"),
    ("Unions in Santiago urged members to march on Thursday after police shot dead a student near the campus.",
     None),
    ("Farmers in Punjab plan protests next week following a police raid on their camp on Monday.", None),
])
def test_the_occasion_of_a_call_is_a_report(text: str, etype: str | None) -> None:
    events = _violent(text)
    assert len(events) == 1
    if etype is not None:
        assert events[0].event_type == etype


@pytest.mark.parametrize("text", [
    "Activists in Minsk called for protests following the elections.",
    "Rebels in Idlib may launch attacks on army positions after the talks in Astana.",
    "The opposition in Caracas called for a strike following the arrest of its leader.",
])
def test_a_call_with_no_violent_occasion_gives_no_violent_event(text: str) -> None:
    assert _violent(text) == []


@pytest.mark.parametrize("text", [
    "The slaying of a judge in Guatemala City on Friday shocked the country.",
    "Monday's slaying of a radio host in Cebu City was condemned by press groups.",
    "A string of slayings of shopkeepers in Karachi last month went unsolved.",
])
def test_a_slaying_is_a_killing(text: str) -> None:
    events = extract(text, published="2019-06-03")
    assert all(e.event_type == "Violence against civilians" for e in events if e.event_type != "Diplomacy")
    if "string of" not in text:
        assert [e.event_type for e in _violent(text)] == ["Violence against civilians"]


# --------------------------------------------------------------------------- a caption label is no dateline
@pytest.mark.parametrize("text,place", [
    ("FILE - Firefighters work at the scene of a blast in Kano, Nigeria, March 3, 2018.", "Kano"),
    ("FILE - Police stand guard outside a church in Colombo, Sri Lanka, April 21, 2019.", "Colombo"),
    ("PHOTO - Soldiers patrol a street in Bamako, Mali, after an attack on Sunday.", "Bamako"),
])
def test_a_caption_label_is_no_place(text: str, place: str) -> None:
    from sitrep.extract.places import find_places

    found = [m for m in find_places(text, parse(text)) if m.place is not None]
    assert text.split()[0] not in {m.mention for m in found}
    assert place in {m.place.name for m in found if m.place is not None}


# --------------------------------------------------------------------------- a page dated only by its year
# "on Thursday" in an article known only to be of 2018 resolves no finer than the year; the sentence still names a
# day of its own, it is no background history (a year the sentence states is: "In 2014, gunmen ...")
@pytest.mark.parametrize("text,etype", [
    ("Gunmen shot dead a mayor in Acapulco on Thursday.", "Violence against civilians"),
    ("A car bomb exploded outside a police station in Diyarbakir this month.", "Explosions/Remote violence"),
    ("Soldiers clashed with separatists near Bamenda on Sunday.", "Battles"),
])
def test_a_day_on_a_page_dated_by_its_year_is_a_report(text: str, etype: str) -> None:
    assert [e.event_type for e in _violent(text, published="2018")] == [etype]


@pytest.mark.parametrize("text", [
    "In 2014, gunmen shot dead a mayor in Acapulco.",
    "A car bomb exploded outside a police station in Diyarbakir in 2016.",
    "In 2012, soldiers clashed with separatists near Bamenda.",
])
def test_a_year_the_sentence_states_stays_background(text: str) -> None:
    assert _violent(text, published="2018") == []


# --------------------------------------------------------------------------- a killing with its victims counted
# "the slaying of seven more demonstrators": the noun refers to nothing told before, it tells its own toll
@pytest.mark.parametrize("first,second,place", [
    ("Police fired on a march in Harare on Monday, wounding ten.",
     "Unions called a strike after the killing of four more students in Bulawayo on Wednesday.", "Bulawayo"),
    ("Gunmen attacked a bus near Mombasa on Friday, killing two.",
     "Churches closed following the slaying of three civilians in Garissa on Sunday.", "Garissa"),
    ("Soldiers clashed with rebels near Bunia on Monday, killing five.",
     "Aid groups left after the killing of 30 villagers in Beni on Thursday.", "Beni"),
])
def test_a_killing_whose_victims_are_counted_is_its_own_report(first: str, second: str, place: str) -> None:
    later = [e for e in _violent(f"{first} {second}") if e.evidence.start > len(first)]
    assert [e.location.name if e.location else None for e in later] == [place]


# --------------------------------------------------------------------------- sanctions are no attack
@pytest.mark.parametrize("text", [
    "On Wednesday, the administration in Washington targeted 13 more officials in Caracas, alleging corruption.",
    "The EU targeted five banks in Moscow with asset freezes on Monday.",
    "London targeted two companies in Yangon accused of supplying the army, officials said on Friday.",
])
def test_officials_targeted_with_sanctions_are_no_attack(text: str) -> None:
    assert _violent(text) == []


@pytest.mark.parametrize("text", [
    "Gunmen targeted two officials in Kabul on Monday, killing both.",
    "A drone targeted senior officials of the group in Idlib on Sunday.",
    "Militants targeted a convoy of officials near Peshawar on Tuesday.",
])
def test_officials_targeted_by_violence_are_still_attacked(text: str) -> None:
    assert len(_violent(text)) == 1


# --------------------------------------------------------------------------- a report that opens with its own hour
# "Just after 11.30pm a wave of shooting broke out ...", "In the afternoon, a bomb went off ...": the narrative moves
# on to a happening of its own; a mention that refers back ("At 11pm the attack was still going on") joins
@pytest.mark.parametrize("first,second", [
    ("A policeman was shot dead at a checkpoint in Peshawar on Friday.",
     "Shortly after 9 pm, gunmen opened fire on a wedding party in the city."),
    ("A man was stabbed to death in a market in Kano on Monday.",
     "At around 11.30pm, gunmen shot two traders in the same market."),
    ("Troops clashed with rebels near Bamenda on Saturday morning.",
     "Just before 8pm, separatists attacked a police station in Bamenda."),
    ("Gunmen shot dead a farmer near Jos on Sunday.",
     "In the afternoon, gunmen killed two herders near the town."),
])
def test_a_report_opening_with_its_own_hour_is_a_happening_of_its_own(first: str, second: str) -> None:
    events = _violent(f"{first} {second}")
    assert len(events) == 2
    assert len([e for e in events if e.evidence.start > len(first)]) == 1


@pytest.mark.parametrize("first,second", [
    ("Gunmen stormed a hotel in Mogadishu on Friday, killing nine.", "At 11pm the attack was still going on."),
    ("Militants shelled a market in Aleppo on Monday, killing six.", "In the afternoon, the shelling resumed."),
    ("A car bomb exploded near a mosque in Kabul on Friday.", "Later that day the blast was claimed by a local group."),
])
def test_a_mention_at_a_later_hour_that_refers_back_joins_the_report(first: str, second: str) -> None:
    assert len(_violent(f"{first} {second}")) == 1


# --------------------------------------------------------------------------- one act picked out of a series
# "The worst explosion was at the bus station, where six died": a member of the series with its own toll, a
# happening of its own; "the deadliest attack this year" with no toll of its own still refers back
@pytest.mark.parametrize("first,second,toll", [
    ("Several bombs went off across Kampala on Tuesday.",
     "The worst explosion was at a bus park in the city centre, where at least eight people died.", 8),
    ("Blasts hit four markets in Quetta on Friday.",
     "The deadliest blast was at a market near the railway station, where 11 people were killed.", 11),
    ("Suicide bombers struck three churches near Colombo on Sunday.",
     "The deadliest attack was at a church in Negombo, where more than 100 people died.", 100),
])
def test_the_worst_of_a_series_with_its_own_toll_is_its_own_report(first: str, second: str, toll: int) -> None:
    events = _violent(f"{first} {second}")
    assert len(events) == 2
    assert [e.fatalities for e in events if e.evidence.start > len(first)] == [toll]


@pytest.mark.parametrize("first,second", [
    ("A suicide bomber killed 20 people at a market in Kabul on Monday.",
     "The attack was the deadliest in the city this year."),
    ("Gunmen killed 12 villagers near Mopti on Sunday.", "It was the worst attack in the region this year."),
    ("Jets struck a hospital in Idlib on Tuesday, killing nine.",
     "The deadliest strike of the month drew condemnation from aid groups."),
])
def test_the_worst_attack_with_no_toll_of_its_own_refers_back(first: str, second: str) -> None:
    assert len(_violent(f"{first} {second}")) == 1
