"""Metamorphic tests: the same report rewritten must give the same event.

Base reports are self-written (several countries, types and victims). Each rewrite changes only how
the report is told: the date lead (all twelve month names, day-month and month-day order, weekdays),
a monitor or agency attribution before or after ("…, the UK-based Observatory said"), a headline
above the report, numbers in words, active or passive voice. Every rewrite must keep exactly one
event with the base's type, its place and its toll.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

import pytest

from sitrep import extract


@dataclass(frozen=True)
class Base:
    active: str  # "<actor> <verb> <target/place>"; the toll clause follows
    toll: str  # "killing {n} civilians"
    passive: str  # "{n} civilians were killed when ..."
    n: int
    event_type: str
    admin1: str
    country: str
    headline: str

    def clause(self, n: str | None = None) -> str:
        return f"{self.active}, {self.toll.format(n=n or self.n)}"


BASES = [
    Base("regime forces shelled Saraqeb in Idlib province", "killing {n} civilians",
         "{n} civilians were killed when regime forces shelled Saraqeb in Idlib province", 4,
         "Explosions/Remote violence", "Idlib", "SY", "Regime Shelling of Saraqeb"),
    Base("a car bomb exploded in a market in Azaz", "killing {n} people",
         "{n} people were killed when a car bomb exploded in a market in Azaz", 12,
         "Explosions/Remote violence", "Aleppo", "SY", "Car Bomb in Azaz Market"),
    Base("Russian warplanes struck Douma", "killing {n} civilians",
         "{n} civilians were killed when Russian warplanes struck Douma", 9,
         "Explosions/Remote violence", "Rural Damascus", "SY", "Russian Air Strikes on Douma"),
    Base("gunmen attacked a bus in Kirkuk", "killing {n} civilians",
         "{n} civilians were killed when gunmen attacked a bus in Kirkuk", 5,
         "Violence against civilians", "Kirkuk", "IQ", "Gunmen Attack Bus in Kirkuk"),
    Base("a suicide bomber blew himself up at a checkpoint in Mosul", "killing {n} people",
         "{n} people were killed when a suicide bomber blew himself up at a checkpoint in Mosul", 6,
         "Explosions/Remote violence", "Ninewa", "IQ", "Suicide Bombing at Mosul Checkpoint"),
    Base("al-Shabaab militants attacked an army base in Baidoa", "killing {n} soldiers",
         "{n} soldiers were killed when al-Shabaab militants attacked an army base in Baidoa", 7,
         "Battles", "Bay", "SO", "Al-Shabaab Militants Storm Army Base in Baidoa"),
    Base("Houthi fighters fired missiles at Marib city", "killing {n} people",
         "{n} people were killed when Houthi fighters fired missiles at Marib city", 3,
         "Explosions/Remote violence", "Ma'rib", "YE", "Houthi Missiles Hit Marib"),
    Base("gunmen opened fire on a bus near Bamako", "killing {n} passengers",
         "{n} passengers were killed when gunmen opened fire on a bus near Bamako", 5,
         "Violence against civilians", "Bamako", "ML", "Gunmen Open Fire on Bus near Bamako"),
    Base("gunmen stormed a hotel in Ouagadougou", "killing {n} people",
         "{n} people were killed when gunmen stormed a hotel in Ouagadougou", 9,
         "Violence against civilians", "Centre", "BF", "Gunmen Storm Hotel in Ouagadougou"),
]
WORDS = {3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 9: "nine", 12: "twelve"}
ATTRIBUTIONS = [
    "the UK-based Syrian Observatory for Human Rights said",
    "a Britain-based war monitor reported",
    "local officials told Reuters in Beirut",
    "the Washington-based Institute for the Study of War said",
    "AFP reported from Istanbul",
]
MONTHS = list(calendar.month_name)[1:]
DATE_LEADS = ["On 3 {m} 2020, {c}.", "On {m} 3, 2020, {c}.", "{C} on 3 {m} 2020.", "{C} on {m} 3."]


def _cap(s: str) -> str:
    return s[0].upper() + s[1:]


def _check(text: str, published: str, base: Base) -> None:
    events = [e for e in extract(text, published=published) if e.event_type != "Diplomacy"]
    assert len(events) == 1, (text, [(e.event_type, e.evidence.text) for e in events])
    ev = events[0]
    assert ev.event_type == base.event_type, (text, ev.event_type)
    assert ev.fatalities == base.n, (text, ev.fatalities)
    assert ev.location is not None and ev.location.country == base.country, (text, ev.location)
    assert (ev.location.admin1 or "").replace("’", "'") == base.admin1, (text, ev.location)


@pytest.mark.parametrize("base", BASES, ids=lambda b: b.headline)
@pytest.mark.parametrize("month", range(1, 13), ids=lambda m: MONTHS[m - 1])
def test_every_month_name_keeps_the_event(base: Base, month: int) -> None:
    name = MONTHS[month - 1]
    for form in DATE_LEADS:
        text = form.format(m=name, c=base.clause(), C=_cap(base.clause()))
        _check(text, f"2020-{month:02d}-05", base)
        ev = [e for e in extract(text, published=f"2020-{month:02d}-05") if e.event_type != "Diplomacy"][0]
        assert ev.date == f"2020-{month:02d}-03", (text, ev.date)


@pytest.mark.parametrize("base", BASES, ids=lambda b: b.headline)
@pytest.mark.parametrize("weekday", list(calendar.day_name))
def test_weekday_leads_keep_the_event(base: Base, weekday: str) -> None:
    _check(f"On {weekday}, {base.clause()}.", "2020-05-10", base)


@pytest.mark.parametrize("base", BASES, ids=lambda b: b.headline)
@pytest.mark.parametrize("attribution", ATTRIBUTIONS)
def test_where_a_monitor_or_agency_is_based_does_not_move_the_event(base: Base, attribution: str) -> None:
    _check(f"{_cap(base.clause())} on Monday, {attribution}.", "2020-05-06", base)
    _check(f"{_cap(attribution)} that {base.clause()} on Monday.", "2020-05-06", base)


@pytest.mark.parametrize("base", BASES, ids=lambda b: b.headline)
def test_numbers_in_words_and_the_passive_keep_the_toll(base: Base) -> None:
    _check(f"{_cap(base.clause(WORDS[base.n]))} on Monday.", "2020-05-06", base)
    _check(f"{_cap(base.passive.format(n=base.n))} on Monday.", "2020-05-06", base)
    _check(f"{_cap(base.passive.format(n=WORDS[base.n]))} on Monday.", "2020-05-06", base)


@pytest.mark.parametrize("base", BASES, ids=lambda b: b.headline)
def test_a_headline_and_its_lead_are_one_event_with_one_toll(base: Base) -> None:
    _check(f"{base.headline} Kills {base.n}\n\n{_cap(base.clause())} on Monday.", "2020-05-06", base)
    _check(f"{base.headline} Leaves {WORDS[base.n].capitalize()} Dead\n\n{_cap(base.clause())} on Monday, "
           f"{ATTRIBUTIONS[0]}.", "2020-05-06", base)
    _check(f"{_cap(base.clause())} on Monday. The death toll stood at {base.n}, {ATTRIBUTIONS[1]}.",
           "2020-05-06", base)


@pytest.mark.parametrize("base", BASES, ids=lambda b: b.headline)
def test_the_day_of_the_saying_does_not_date_the_event(base: Base) -> None:
    for text in (f"{_cap(base.clause())} on Monday, {ATTRIBUTIONS[0]} on Tuesday.",
                 f"{_cap(base.clause())} on Monday, {ATTRIBUTIONS[2]} Tuesday."):
        _check(text, "2020-05-06", base)
        ev = [e for e in extract(text, published="2020-05-06") if e.event_type != "Diplomacy"][0]
        assert ev.date == "2020-05-04", (text, ev.date)


@pytest.mark.parametrize("base", BASES, ids=lambda b: b.headline)
@pytest.mark.parametrize("toll", ["claiming {n} lives", "leaving {n} martyrs", "killing some {n} people"])
def test_other_words_for_the_dead_keep_the_toll(base: Base, toll: str) -> None:
    # the toll and the place; the victims' noun, which these words drop, may type the event
    text = f"{_cap(base.active)} on Monday, {toll.format(n=base.n)}."
    events = [e for e in extract(text, published="2020-05-06") if e.event_type != "Diplomacy"]
    assert [e.fatalities for e in events] == [base.n], (text, events)
    assert events[0].location is not None and events[0].location.country == base.country, (text, events[0].location)


@pytest.mark.parametrize("base", BASES, ids=lambda b: b.headline)
def test_an_occasion_or_a_comparison_adds_no_dead(base: Base) -> None:
    _check(f"{_cap(base.clause())} on Monday, a day after the killing of a local commander.", "2020-05-06", base)
    _check(f"{_cap(base.clause())} on Monday, the deadliest attack since 2015.", "2020-05-06", base)


@pytest.mark.parametrize("base", BASES, ids=lambda b: b.headline)
@pytest.mark.parametrize("habit", ["The area has been targeted more than once before, including",
                                   "Such attacks happen frequently there, most recently"])
def test_a_dated_instance_of_a_habit_keeps_the_event(base: Base, habit: str) -> None:
    # the habit is generic; the instance it singles out, with its own day, is the event, dated to that day
    text = f"{habit} on Monday when {base.passive.format(n=base.n)}."
    _check(text, "2020-05-06", base)
    ev = [e for e in extract(text, published="2020-05-06") if e.event_type != "Diplomacy"][0]
    assert ev.date == "2020-05-04", (text, ev.date)


@pytest.mark.parametrize("base", BASES, ids=lambda b: b.headline)
def test_a_cause_told_with_due_to_keeps_the_date(base: Base) -> None:
    # "due to" + a noun phrase is a cause, not a plan ("due to visit"): the report stays dated
    text = f"{_cap(base.clause())}, due to the lack of shelters in the area."
    _check(text, "2020-05-06", base)
    ev = [e for e in extract(text, published="2020-05-06") if e.event_type != "Diplomacy"][0]
    assert ev.date == "2020-05-06", (text, ev.date)



# an act at another place of the base's country, in another province
ELSEWHERE = {"SY": "fierce clashes raged in Daraa", "IQ": "gunmen attacked a checkpoint in Basra",
             "SO": "clashes erupted in Kismayo", "YE": "jets bombed Taiz", "ML": "gunmen attacked a convoy near Gao",
             "BF": "militants attacked a police post in Djibo"}


@pytest.mark.parametrize("base", BASES, ids=lambda b: b.headline)
@pytest.mark.parametrize("join", [", and", ", as", ", while"])
def test_a_second_act_elsewhere_in_the_sentence_is_its_own_event(base: Base, join: str) -> None:
    # the base report keeps its type, place and toll; the act at another place is a second event with no toll
    text = f"{_cap(base.clause())} on Monday{join} {ELSEWHERE[base.country]}."
    events = [e for e in extract(text, published="2020-05-06") if e.event_type != "Diplomacy"]
    mine = [e for e in events if e.location is not None and e.location.country == base.country
            and (e.location.admin1 or "").replace("’", "'") == base.admin1]
    rest = [e for e in events if e not in mine]
    assert [(e.event_type, e.fatalities) for e in mine] == [(base.event_type, base.n)], (text, events)
    assert len(rest) == 1 and rest[0].fatalities is None, (text, events)


# --------------------------------------------------------------------------- who did it to whom
# The same act told actively, passively, or with the victims first ("two soldiers died when ...") keeps its type
# and its two sides: the victims are never the initiator because they open the sentence.
SIDES = [
    ("Remote explosive/landmine/IED", "Unidentified Armed Group (Afghanistan)", "Military Forces of Afghanistan", [
        "A roadside bomb killed two soldiers in Kandahar on Monday.",
        "Two soldiers were killed by a roadside bomb in Kandahar on Monday.",
        "Two soldiers died when a roadside bomb exploded in Kandahar on Monday.",
    ]),
    ("Remote explosive/landmine/IED", "Unidentified Armed Group (Syria)", "Military Forces of Syria", [
        "A landmine killed four Syrian soldiers near Palmyra on Monday.",
        "Four Syrian soldiers were killed by a landmine near Palmyra on Monday.",
        "Four Syrian soldiers died when a landmine exploded near Palmyra on Monday.",
    ]),
    ("Remote explosive/landmine/IED", "Unidentified Armed Group (Iraq)", "Police Forces of Iraq", [
        "A car bomb wounded three policemen in Baquba on Monday.",
        "Three policemen were wounded in a car bomb attack in Baquba on Monday.",
        "Three policemen were wounded when a car bomb exploded in Baquba on Monday.",
    ]),
    ("Air/drone strike", "Military Forces of Syria", "Civilians (Syria)", [
        "Syrian warplanes killed 12 civilians in Ariha on Monday.",
        "Syrian warplanes struck Ariha on Monday, killing 12 civilians.",
        "12 civilians were killed when Syrian warplanes struck Ariha on Monday.",
        "Syrian aircraft killed 12 civilians in Ariha on Monday, the UK-based Syrian Observatory said.",
    ]),
    ("Armed clash", "Military Forces of Syria", "Opposition Rebels (Syria)", [
        "Two soldiers were killed in clashes with rebels near Hama on Monday.",
        "Soldiers clashed with rebels near Hama on Monday, leaving two soldiers dead.",
    ]),
    ("Armed clash", "Police Forces of Afghanistan", "Taliban", [
        "Three policemen were wounded in clashes with Taliban fighters in Kunduz on Monday.",
        "Policemen clashed with Taliban fighters in Kunduz on Monday, wounding three policemen.",
    ]),
]


@pytest.mark.parametrize(("sub", "actor1", "actor2", "texts"), SIDES, ids=lambda x: x if isinstance(x, str) else "")
def test_the_victims_told_first_are_not_the_initiator(sub: str, actor1: str, actor2: str, texts: list[str]) -> None:
    for text in texts:
        events = extract(text, published="2020-06-10")
        assert len(events) == 1, (text, events)
        ev = events[0]
        assert ev.sub_event_type == sub, (text, ev.sub_event_type)
        names = {ev.actor1.name if ev.actor1 else "", ev.actor2.name if ev.actor2 else ""}
        assert any(n.startswith(actor1) for n in names) and any(n.startswith(actor2) for n in names), (text, names)
        assert ev.actor1 is not None and ev.actor1.name.startswith(actor1) or sub == "Armed clash", (text, names)


# the aircraft or the state named as the doer: its forces strike from the air ("Syrian warplanes killed", "Britain
# carried out air strikes"); a people's name or a person who handles a drone is no state's air force
DOERS = [
    ("Government helicopters killed 8 people in Kafr Nabl on Monday.", "Air/drone strike", "Military Forces of Syria"),
    ("A drone killed three fighters near Marib on Monday.", "Air/drone strike", "Unidentified Armed Group (Yemen)"),
    ("Russian jets killed 20 people in Idlib on Monday.", "Air/drone strike", "Military Forces of Russia"),
    ("Regime helicopters reportedly killed five people in Daraya on Monday.", "Air/drone strike",
     "Military Forces of Syria"),
    ("The United States bombed an ISIS hideout near Raqqa on Monday.", "Air/drone strike",
     "Military Forces of the United States"),
    ("Britain carried out air strikes near Mosul on Monday.", "Air/drone strike",
     "Military Forces of the United Kingdom"),
    ("Kenyan airstrikes killed 30 al-Shabaab fighters in Gedo on Monday.", "Air/drone strike",
     "Military Forces of Kenya"),
    ("Ethiopia launched drone strikes near Mekelle on Monday.", "Air/drone strike", "Military Forces of Ethiopia"),
    ("French troops killed ten militants near Gao on Monday.", "Armed clash", "Military Forces of France"),
    # near misses
    ("Gunmen killed the drone operator in Marib on Monday.", "Attack", "Unidentified Armed Group (Yemen)"),
    ("Palestinian rocket fire hit Sderot on Monday.", "Shelling/artillery/missile attack", "Unidentified Armed Group"),
    ("Rebels were reported to have shelled Hama on Monday.", "Shelling/artillery/missile attack",
     "Opposition Rebels (Syria)"),
]


@pytest.mark.parametrize(("text", "sub", "actor1"), DOERS)
def test_the_aircraft_or_state_named_as_the_doer(text: str, sub: str, actor1: str) -> None:
    events = extract(text, published="2020-06-10")
    assert len(events) == 1, (text, events)
    assert events[0].sub_event_type == sub, (text, events[0].sub_event_type)
    assert events[0].actor1 is not None and events[0].actor1.name.startswith(actor1), (text, events[0].actor1)


def test_helicopters_carrying_the_wounded_or_a_tally_of_warplanes_are_no_strike() -> None:
    assert extract("Helicopters carrying wounded soldiers landed in Hama on Monday.", published="2020-06-10") == []
    tally = "The regime's warplanes have killed thousands of civilians since 2011."
    assert extract(tally, published="2020-06-10") == []
