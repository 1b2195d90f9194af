"""Full news articles: every specific happening the text reports is an event of its own (#12, recall).

Each table holds at least three different self-written sentences of one class of phrasing.
"""

from __future__ import annotations

import unicodedata

import pytest

from sitrep import extract
from sitrep.extract.date_sentences import sentence_bounds

PUBLISHED = "2016-07-23"


def _plain(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(ch))


def _violent(text: str) -> list:
    return [e for e in extract(text, published=PUBLISHED) if e.event_type != "Diplomacy"]


# --------------------------------------------------------------------------- a sentence ends at its full stop
# A report whose own sentence states no date is not dated by the next sentence ("... since 2011"): that
# year made it background history, and the event was lost.
@pytest.mark.parametrize("report,place", [
    ("The Air Force shelled rebel positions in Raqqah and Deir ez-Zor provinces as well the media outlet added.",
     "Deir ez-Zor"),
    ("Rebels shelled the Midan district of Aleppo the agency said.", "Aleppo"),
    ("Jets struck a market in Saraqeb activists said.", "Saraqib"),
    ("Government forces shelled the town of Talbiseh in Homs countryside, a monitor reported.", "Talbiseh"),
])
@pytest.mark.parametrize("background", [
    "Syria has been mired in civil war since 2011.",
    "The war has killed more than 300,000 people since 2011.",
    "The conflict erupted in 2011.",
    "The town was first besieged in 2013.",
])
def test_a_year_in_the_next_sentence_does_not_date_the_report(report: str, place: str, background: str) -> None:
    alone = _violent(report)
    assert alone, report
    followed = _violent(report + " " + background)
    assert len(followed) == len(alone)
    assert all(e.date == PUBLISHED for e in followed)
    assert any(e.location is not None and place in (e.location.name or "") for e in followed)


@pytest.mark.parametrize("text,sentence", [
    ("Rebels shelled Aleppo. The war began in 2011.", "Rebels shelled Aleppo."),
    ("A blast hit Azaz on Monday. Three people died.", "A blast hit Azaz on Monday."),
    ("Jets struck Saraqeb! Nobody was hurt.", "Jets struck Saraqeb!"),
])
def test_sentence_bounds_of_a_span_that_ends_on_its_full_stop(text: str, sentence: str) -> None:
    assert sentence_bounds(text, 0, len(sentence)) == (0, len(sentence))


# --------------------------------------------------------------------------- "another", "other", "a second"
# A sentence that opens on another act of the same kind reports a new happening, not a detail of the one
# before, even in the same city and month.
@pytest.mark.parametrize("first,second", [
    ("On Wednesday rebels fired rocket shells on the Midan neighborhood of Aleppo, killing a woman.",
     "Other rocket shells fired by rebels on the Ramouseh neighborhood injured two civilians."),
    ("A car bomb exploded in Azaz on Monday, killing 8 people.",
     "Another car bomb went off near the market in Azaz, wounding 12."),
    ("An air strike hit a bakery in Maarat al-Numan on Tuesday, killing 4.",
     "A second air strike hit a school nearby, wounding 9 children."),
    ("Mortars fell on the Old City of Damascus on Sunday, killing two.",
     "A further mortar attack struck the Bab Touma district, injuring five."),
])
def test_another_act_of_its_kind_is_an_event_of_its_own(first: str, second: str) -> None:
    events = _violent(first + " " + second)
    assert len(events) == 2
    assert events[0].fatalities is not None and events[0].fatalities >= 1
    assert events[1].fatalities in (None, 0)


@pytest.mark.parametrize("continuation", [
    "The explosion also damaged several houses.",
    "The blast was heard across the city.",
    "Three of the wounded were children.",
])
def test_a_continuation_stays_with_its_event(continuation: str) -> None:
    first = "A car bomb exploded in Azaz on Monday, killing 8 people."
    assert len(_violent(first + " " + continuation)) == 1


# --------------------------------------------------------------------------- a referring mention with its places
# "... carried out the massacre in the villages of A and B": the mention refers back to the happening and says
# where it was; each listed place is an event, not folded into the report of another place.
@pytest.mark.parametrize("text,places", [
    ("On Sunday the Nusra Front claimed responsibility for Tuesday's attacks in which 30 villagers were shot dead in "
     "Homs. The group said its militants entered the villages of Kafr Nan and Jubb al-Jarrah and carried out the "
     "massacre.", ["Kafr Nan", "Jubb al-Jarrah"]),
    ("Gunmen shot dead 12 shepherds near Palmyra on Monday. Islamic State said its fighters entered the villages of "
     "Arak and al-Sukhnah and carried out the massacre.", ["Arak", "Sukhnah"]),
    ("Militants killed 20 villagers in Raqqa province on Wednesday. The group said its men raided the villages of "
     "Tabqa and Mansoura and carried out the massacre.", ["Tabqa", "Mansoura"]),
])
def test_a_referring_mention_keeps_the_places_it_lists(text: str, places: list[str]) -> None:
    names = [e.location.name or "" for e in _violent(text) if e.location is not None]
    for place in places:
        assert any(place.lower() in n.lower() for n in names), (place, names)


# --------------------------------------------------------------------------- the next report is of another place
# Two reports in a row, each naming its own town or district: two happenings (one event per place), however
# near the places are; a sentence that names the same place again goes on with the same report.
@pytest.mark.parametrize("text,places", [
    ("On Wednesday rebels fired rocket shells on the Midan neighborhood of Aleppo, injuring four civilians. Rocket "
     "shells fell on al-Sheikh Maqsoud neighborhood, injuring three civilians.", ["Aleppo", "Sheikh Maqsoud"]),
    ("Jets struck Saraqeb on Monday, wounding six. Eight people were wounded in Binnish when shells hit the market.",
     ["Saraqib", "Binnish"]),
    ("Medics said the hospital was full. Government aircraft bombed Douma on Friday, killing three. Two children "
     "were wounded by shelling in Harasta.", ["Duma", "Harasta"]),
])
def test_a_report_of_another_town_is_an_event_of_its_own(text: str, places: list[str]) -> None:
    events = _violent(text)
    assert len(events) == 2
    names = [_plain(e.location.name or "") for e in events if e.location is not None]
    for place in places:
        assert any(_plain(place) in n for n in names), (place, names)


@pytest.mark.parametrize("continuation", [
    "The blast in Azaz also damaged a mosque.",
    "Rescuers in Azaz pulled three bodies from the rubble.",
    "Witnesses said the explosion shook the centre of Azaz.",
])
def test_the_same_town_again_goes_on_with_the_report(continuation: str) -> None:
    assert len(_violent("A car bomb exploded in Azaz on Monday, killing 8 people. " + continuation)) == 1


# --------------------------------------------------------------------------- a list of places no gazetteer knows
# "The heaviest strikes targeted the villages of A and B in Idlib province": the list names where the strikes
# fell, even names the gazetteer lacks (placed in the province the text gives) and even where the clause refers
# back to strikes told before ("the heaviest strikes"): one event per listed place, none dropped.
@pytest.mark.parametrize("text,names", [
    ("Russian jets killed 12 civilians in Idlib city on Friday. The heaviest air strikes targeted the villages of "
     "Qarmaleh and Zawiyet Hamdan in Idlib province.", ["Qarmaleh", "Zawiyet Hamdan"]),
    ("Shelling killed four people in Deir ez-Zor on Tuesday. The heaviest bombardment targeted the towns of "
     "Marrat Hasoun and Khirbet Ajouz in Deir ez-Zor province.", ["Marrat Hasoun", "Khirbet Ajouz"]),
    ("Warplanes killed five people in Idlib city on Sunday. The fiercest air raids hit the villages of Qastoun Hamra, "
     "Umm Kharzeh and Ain Sawda in Idlib province.", ["Qastoun Hamra", "Umm Kharzeh", "Ain Sawda"]),
])
def test_each_unknown_place_of_a_listed_strike_is_an_event(text: str, names: list[str]) -> None:
    found = {e.location.name for e in _violent(text) if e.location is not None}
    assert set(names) <= found, found


# --------------------------------------------------------------------------- "another neighbourhood"
# The next sentence says the place is another one ("another government-held neighbourhood", "a different
# district of the city"): a happening of its own, though no gazetteer tells the two places apart.
@pytest.mark.parametrize("text", [
    "Rebel fire on the district of Midan killed 13 people on Wednesday. Rocket attacks on another government-held "
    "neighbourhood killed one person and wounded 12 others.",
    "Shells fell on Jaramana on Friday killing three civilians. Mortar rounds hit a different district of the city "
    "and injured five.",
    "Air strikes killed six people in the city of Maarat al-Numan on Monday. Strikes on another town in the "
    "province killed two children.",
])
def test_a_report_on_another_place_is_its_own_event(text: str) -> None:
    assert len(_violent(text)) == 2


@pytest.mark.parametrize("text", [
    "Rebel fire on the district of Midan killed 13 people on Wednesday. The rockets also wounded 12 others.",
    "Shells fell on Jaramana on Friday killing three civilians. The shelling also injured five.",
])
def test_a_report_that_goes_on_in_the_same_place_stays_one_event(text: str) -> None:
    assert len(_violent(text)) == 1


# --------------------------------------------------------------------------- "an area that has seen fighting"
# A relative clause that tells what a place has witnessed describes the place, it reports no battle: the
# strike or shelling the sentence reports types it.
@pytest.mark.parametrize("text,sub", [
    ("Jets struck the town of Kafranbel where four civilians were killed in an area that has witnessed fighting "
     "between rebels and the army.", "Air/drone strike"),
    ("Helicopters dropped barrel bombs on Daraya, a suburb which has seen heavy clashes for months, killing five.",
     "Air/drone strike"),
    ("Artillery shelled Talbiseh in a region that had long witnessed battles between the factions, killing two "
     "people.", "Shelling/artillery/missile attack"),
])
def test_a_place_that_has_seen_fighting_is_no_battle(text: str, sub: str) -> None:
    events = _violent(text)
    assert [e.sub_event_type for e in events] == [sub]


# "another" that describes a place the sentence names ("Saraqeb, another opposition-held city") or stands in a
# title-case heading is no cue: the usual comparison of the two places decides.
@pytest.mark.parametrize("text", [
    "Jets bombed Saraqeb on Monday, killing four. Saraqeb, another opposition-held city, was also hit on Monday.",
    "Jets bombed Binnish on Monday, killing four. Jets also bombed Binnish, another opposition-held town, on Monday.",
    "Jets bombed Saraqeb on Monday, killing four. Syrian Forces Liberate Another Village From Militants",
])
def test_another_that_describes_a_named_place_or_stands_in_a_heading_is_no_cue(text: str) -> None:
    assert len(_violent(text)) == 1


# --------------------------------------------------------------------------- repelled attacks, pressed offensives
# A battle told by its outcome in the passive ("the offensive ... was repelled") or as an advance carried on
# against a place ("pressed their offensive towards X") is an armed clash at that place.
@pytest.mark.parametrize("text,place", [
    ("An attack by the rebels on the checkpoint near Khan Tuman was repulsed on Monday.", "Khan Tuman"),
    ("The ISIS offensive on the western districts of Deir ez-Zor was repelled by the army on Friday.", "Deir ez-Zor"),
    ("A militant assault on the village of Morek had been beaten back on Thursday, the army said.", "Morek"),
    ("Army units pressed their offensive towards the town of Morek on Sunday.", "Morek"),
    ("Government troops continued their advance on the town of Kafranbel on Tuesday.", "Kafranbel"),
])
def test_a_repelled_attack_or_a_pressed_offensive_is_a_clash(text: str, place: str) -> None:
    events = _violent(text)
    assert [e.event_type for e in events] == ["Battles"], events
    assert events[0].location is not None and place in (events[0].location.name or "")


# --------------------------------------------------------------------------- a weapon brought down, no one shot
# "shot down a drone" read as a shooting (Violence against civilians / Attack): the 'direct' trigger's "shot"
# outranked the disrupted-weapons trigger. (A manned aircraft brought down is an armed clash: tests/test_shootdown.py)
@pytest.mark.parametrize("text", [
    "On Thursday Jaish al-Islam said it had shot down a government drone near the village of Hazrama in eastern"
    " Ghouta.",
    "Air defences were shooting down two drones over the Hmeimim airbase in Latakia on Wednesday night.",
    "Insurgents brought down a surveillance drone over the town of Marea on Friday.",
])
def test_a_drone_shot_down_is_disrupted_weapons_use(text: str) -> None:
    events = _violent(text)
    assert events, text
    assert all((e.event_type, e.sub_event_type) == ("Strategic developments", "Disrupted weapons use")
               for e in events), [(e.event_type, e.sub_event_type) for e in events]


@pytest.mark.parametrize("text", [
    "On Monday a sniper shot a man dead in the town of Daraa.",
    "Gunmen shot two teachers outside a school in Jisr al-Shughur on Friday.",
    "A policeman was shot in the town of Azaz on Sunday.",
])
def test_a_person_shot_is_still_an_attack(text: str) -> None:
    assert any(e.event_type == "Violence against civilians" for e in _violent(text))


# --------------------------------------------------------------------------- executions of captives
# ACLED codes the killing of people held captive as Violence against civilians, fighters and soldiers included;
# "three captured fighters" is no territory taken.
@pytest.mark.parametrize("text", [
    "On Friday more than 30 soldiers were summarily executed by Islamic State militants near Tabqa.",
    "Nusra militants executed 12 fighters and members of their families in the town of Saraqeb on Tuesday.",
    "Islamic State beheaded three captured Kurdish fighters in Manbij on Sunday.",
    "The group executed a captured air force pilot in the town of Jayrud on Thursday.",
])
def test_an_execution_of_captives_is_violence_against_civilians(text: str) -> None:
    events = _violent(text)
    assert events, text
    assert all((e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack") for e in events), \
        [(e.event_type, e.sub_event_type) for e in events]


@pytest.mark.parametrize("text,sub", [
    ("Militants executed an attack on an army checkpoint near Hama on Monday.", "Armed clash"),
    ("Rebels captured Kurdish villages near Afrin on Sunday.", "Non-state actor overtakes territory"),
    ("Islamic State captured the town of Marea on Sunday killing 20 fighters.", "Non-state actor overtakes territory"),
])
def test_an_executed_operation_or_captured_ground_is_no_execution(text: str, sub: str) -> None:
    events = _violent(text)
    assert any(e.event_type == "Battles" and e.sub_event_type == sub for e in events), \
        [(e.event_type, e.sub_event_type) for e in events]


# --------------------------------------------------------------------------- names listed before their area
# "on al-Foaa and Kafrya in Idleb countryside": names no gazetteer knows, listed where the act happened with
# the area they lie in named right after the list, are places of their own (one event each), not lost.
@pytest.mark.parametrize("text,names", [
    ("On Tuesday the army shelled Kafr Ruma and Hass in Idlib countryside killing four people.",
     {"Kafr Ruma", "Hass"}),
    ("The Syrian army regained Tal Khattab as well as Zor Qsayaa in Hama countryside on Monday.",
     {"Tal Khattab", "Zor Qsayaa"}),
    ("Jets struck Ein Tarma, Zamalka and Hazeh in Damascus countryside on Sunday.",
     {"Ain Tarma", "Zamalka", "Hazeh"}),
    ("On Friday five people were wounded by rocket shells on Nubbul and al-Zahraa in northern Aleppo"
     " countryside.", {"Nubbul", "al-Zahraa"}),
])
def test_names_listed_before_their_area_are_places_of_their_own(text: str, names: set[str]) -> None:
    events = _violent(text)
    got = {_plain(e.location.name) for e in events if e.location is not None}
    assert {_plain(n) for n in names} <= got, got


# --------------------------------------------------------------------------- a town of another province
# A later report of a town in another province, within 60 km of the report before it, was absorbed as its
# duplicate when that report's own sentence named no place ("Other shells ... on the Ramouseh area").
@pytest.mark.parametrize("text,town", [
    ("Rockets hit Aleppo on Wednesday killing a woman. Other shells fired by militants on the Ramouseh area injured"
     " two civilians. Local sources said rocket shells fell on Foua injuring eight people.", "Fuaa"),
    ("Government jets struck Hama on Monday killing three people. Other rockets hit the eastern districts wounding"
     " four. Residents said mortar shells fell on Rastan wounding six people.", "Rastan"),
    ("Militants shelled Damascus on Sunday killing two people. Other mortar rounds hit the old city injuring five."
     " Activists said rocket fire hit Douma injuring nine people.", "Duma"),
])
def test_a_town_of_another_province_is_no_duplicate(text: str, town: str) -> None:
    events = _violent(text)
    assert len(events) == 3, [(e.location.name if e.location else None) for e in events]
    assert any(e.location is not None and _plain(town) in _plain(e.location.name) for e in events)


# --------------------------------------------------------------------------- one dated instance of a habit
# "The town has been shelled more than once, including on June 19 when ...": the habit is generic, the instance
# it singles out with its own day is a happening (and its evidence is the instance, not the habit).
@pytest.mark.parametrize("text,day,toll", [
    ("The market has been targeted more than once before, including on June 19 when at least six people were "
     "killed in a car bomb attack in Azaz.", "2016-06-19", 6),
    ("The group has regularly targeted rival factions with bombs, including a July 4 attack at a checkpoint near "
     "Sarmada that killed 11 fighters.", "2016-07-04", 11),
    ("The road to the airport is frequently the scene of ambushes, most recently on Tuesday when gunmen killed nine "
     "travellers near Kafr Nabl.", "2016-07-19", 9),
    ("Convoys on the highway are regularly ambushed, among them on Sunday when a roadside bomb near Atareb killed "
     "four soldiers.", "2016-07-17", 4),
])
def test_a_dated_instance_of_a_habit_is_an_event(text: str, day: str, toll: int) -> None:
    events = _violent(text)
    assert [e.date for e in events] == [day], (text, events)
    assert events[0].fatalities == toll
    habit = text[:text.index(",")] if "," in text else text[:text.index(" including")]
    assert habit not in events[0].evidence.text  # the instance is the evidence, not the habit


@pytest.mark.parametrize("text", [
    "The market has been targeted more than once, including by rockets fired from the hills.",
    "Government jets frequently strike the town, including its hospitals and schools.",
    "The group regularly attacks checkpoints, including in Sarmada and Atmeh.",
])
def test_a_habit_with_undated_examples_stays_generic(text: str) -> None:
    assert _violent(text) == [], text


# --------------------------------------------------------------------------- "due to" names a cause
# "injured due to a rocket attack": a cause, not a plan ("due to visit"): the report is dated, not a forecast.
@pytest.mark.parametrize("text", [
    "In Aleppo city four citizens were injured due to a terrorist rocket attack on al-Neel Street.",
    "Two children died due to heavy shelling on the village of Kafr Zita.",
    "Three fighters were killed due to clashes with the army near Morek.",
    "A woman was wounded due to shelling on the town of Douma.",
])
def test_due_to_a_cause_does_not_make_the_report_a_forecast(text: str) -> None:
    events = _violent(text)
    assert len(events) == 1, (text, events)
    assert events[0].date == PUBLISHED


@pytest.mark.parametrize("text", [
    "The envoy is due to visit Aleppo next week to discuss the truce.",
    "Talks are due to resume in Geneva on Monday.",
    "The army is due to begin an assault on the town on Friday.",
])
def test_due_to_a_plan_is_still_a_forecast(text: str) -> None:
    assert _violent(text) == [], text


# --------------------------------------------------------------------------- a reference set apart
# "Separately, planes intensified their bombing of Aleppo": a mention worded as a reference ("their bombing") in a
# sentence that opens a new strand is no reference to the report of another town before it.
@pytest.mark.parametrize("second,place", [
    ("Separately Russian and Syrian planes intensified their bombing on Saturday of a rebel-held area of Aleppo.",
     "Aleppo"),
    ("Elsewhere the attacks on Deir ez-Zor continued, activists said.", "Deir ez-Zor"),
    ("In another development the shelling of Saraqeb resumed on Saturday, activists said.", "Saraqib"),
])
def test_a_reference_set_apart_is_its_own_event(second: str, place: str) -> None:
    first = "Thirty civilians were killed on Saturday in air strikes on the town of Jayrud near Damascus."
    events = _violent(first + " " + second)
    places = [_plain(e.location.name or "") for e in events if e.location is not None]
    assert len(events) == 2, events
    assert any(_plain(place) in p for p in places), places


def test_a_reference_with_no_place_of_its_own_still_joins_the_report() -> None:
    text = ("Thirty civilians were killed on Saturday in air strikes on the town of Jayrud near Damascus. "
            "The attack destroyed a school, rebels said.")
    assert len(_violent(text)) == 1


# --------------------------------------------------------------------------- the day nearer the event's words
# "On Thursday the ministry condemned the air strikes on Raqqa on December 7 that killed 18": of two days in one
# clause, the one by the event's own words dates the event; the statement keeps the day of its saying.
@pytest.mark.parametrize("text,day", [
    ("On Thursday the Foreign Ministry condemned the coalition air strikes on Raqqa on July 7 that left 18 civilians "
     "dead.", "2016-07-07"),
    ("On Friday rebels said they had shelled the army barracks in Wadi al-Deif on July 12, killing five soldiers.",
     "2016-07-12"),
    ("The council on Wednesday denounced the barrel bomb attack on Daraya on July 9 that killed 11 people.",
     "2016-07-09"),
])
def test_the_day_by_the_events_words_dates_it(text: str, day: str) -> None:
    events = _violent(text)
    assert [e.date for e in events] == [day], (text, events)


# --------------------------------------------------------------------------- "a similar attack"
# "This is the second such attack this month: on July 4 a similar car bomb ...": another act of the kind told
# before, never merged into it (nor given its toll).
@pytest.mark.parametrize("second", [
    "It was the second such attack this month after a car bomb on July 4 hit the same market.",
    "On July 4 a similar car bomb attack targeted displaced families in the same area.",
    "Another such bombing struck the town's bus station on July 9, activists said.",
])
def test_a_similar_act_is_another_event(second: str) -> None:
    first = "A car bomb killed 20 civilians at a market in Azaz on Friday, a monitor said."
    events = _violent(first + " " + second)
    assert len(events) == 2, events
    assert sorted(e.fatalities or 0 for e in events) == [0, 20], events


# --------------------------------------------------------------------------- "Damascus Countryside"
# The capital is a province of its own; "Damascus Countryside" (SANA's name for Rif Dimashq) is Rural Damascus. A
# town placed "in Damascus Countryside" is that town, not the city's province, and its report is not the city's.
@pytest.mark.parametrize("text,place", [
    ("Four civilians were injured by a mortar round that fell on Daraya town in Damascus Countryside.", "Darayya"),
    ("Army units killed 12 terrorists in Douma in Damascus Countryside.", "Duma"),
    ("Rocket shells fired by terrorists hit the town of Jaramana in the Countryside of Damascus, injuring three.",
     "Jaramana"),
])
def test_damascus_countryside_is_rural_damascus(text: str, place: str) -> None:
    events = _violent(text)
    assert len(events) == 1, events
    loc = events[0].location
    assert loc is not None and loc.admin1 == "Rural Damascus" and loc.precision == "point", loc
    assert _plain(place)[:4] in _plain(loc.name or ""), loc


def test_a_town_in_damascus_countryside_is_not_the_citys_report() -> None:
    text = ("Eight people were killed on Wednesday in mortar attacks on residential neighborhoods in Damascus city. "
            "Later four civilians were injured by a mortar round that fell on Daraya town in Damascus Countryside.")
    events = _violent(text)
    assert len(events) == 2, events
    assert {e.location.admin1 for e in events if e.location} == {"Damascus", "Rural Damascus"}


# --------------------------------------------------------------------------- neighbourhoods of the city
# "17 were injured in Mogambo neighborhood" in a report of Aleppo city: that part of the city ("Aleppo - Mogambo",
# at the city's point), not the province nor a namesake abroad; two neighbourhoods are two events.
@pytest.mark.parametrize("text,city,parts", [
    ("Rocket shells hit residential areas of Aleppo city on Wednesday. Terrorists targeted al-Qatirji neighborhood "
     "killing a woman. Rocket shells also fell on Zahraa Khalidiya neighborhood injuring eleven civilians.", "Aleppo",
     ["qatirji", "zahraa khalidiya"]),
    ("Mortar rounds fell on Homs city on Monday. Two children were killed by a mortar round in Wadi Dahab Jadid "
     "neighbourhood. Another mortar round hit Karm Shamsiyeh neighbourhood, wounding three people.", "Homs",
     ["wadi dahab jadid", "karm shamsiyeh"]),
    ("A car bomb exploded in Latakia city on Sunday. Five people died when a rocket hit the neighbourhood of Raml "
     "Shamali Jadid. Other rockets fell on Sleibeh Qadima neighbourhood, injuring four.", "Latakia",
     ["raml shamali jadid", "sleibeh qadima"]),
])
def test_a_named_neighbourhood_is_a_part_of_the_city(text: str, city: str, parts: list[str]) -> None:
    events = _violent(text)
    names = [_plain(e.location.name or "") for e in events if e.location is not None]
    for part in parts:
        hit = [n for n in names if part in n]
        assert hit and all(_plain(city) in n for n in hit), (part, names)
    assert all(e.location is None or e.location.country == "SY" for e in events), names


@pytest.mark.parametrize("text", [
    "Twin car bombs killed 18 people in Homs on Wednesday. The bombing hit the Akrameh neighbourhood of Homs. "
    "Two explosions near the Akrameh school caused deaths and injuries, state television said.",
    "A car bomb killed nine people in Qamishli on Monday. The blast hit the Wusta neighbourhood of Qamishli. "
    "The explosion near the Wusta market destroyed several shops, police said.",
    "Shelling killed six people in Hama on Friday. Shells fell on the Arbaeen neighbourhood of Hama. "
    "Residents near the Arbaeen mosque said the shells came from the north.",
])
def test_a_part_the_report_already_named_does_not_start_a_new_event(text: str) -> None:
    assert len(_violent(text)) == 1, _violent(text)


# --------------------------------------------------------------------------- habits told with "every now and then"
@pytest.mark.parametrize("text", [
    "Terrorists target residential districts of Damascus with mortar shells every now and then.",
    "From time to time rebels shell the villages of Nubl and Zahraa.",
    "Government helicopters drop barrel bombs on Daraya every now and then, residents say.",
])
def test_a_habit_told_every_now_and_then_is_no_event(text: str) -> None:
    assert _violent(text) == [], text
