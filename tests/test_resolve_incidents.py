"""One incident per happening (issue #18): self-written reports, extracted for real, then resolved."""

from __future__ import annotations

import pytest

from sitrep.records import ActorRef, Event, Evidence, Place
from sitrep.resolve import resolve_events
from sitrep.resolve.contradictions import find_contradictions, supported
from sitrep.resolve.signatures import is_tally, signatures

Report = tuple[str, str, str]  # (source, published, text)


def _reports(*items: Report) -> list[Event]:
    from sitrep.extract import extract

    return [e for source, published, text in items for e in extract(text, published, source=source)]


def _sizes(items: tuple[Report, ...]) -> list[int]:
    return sorted(len(i.event_ids) for i in resolve_events(_reports(*items)).incidents)


# ---------------------------------------------------------------- distinctive happenings


@pytest.mark.parametrize(
    "items",
    [
        pytest.param((
            ("alpha", "2015-03-18", "Activists said a chlorine gas attack killed six people in Sarmin in Idlib "
             "province on Monday."),
            ("beta", "2015-03-17", "Six people, including three children, died in a poison gas attack on the town of "
             "Sarmin, the civil defence said."),
            ("gamma", "2015-03-17", "Government helicopters dropped barrels of chlorine on Idlib province on Monday, "
             "killing six people, the opposition said."),
        ), id="chemical attack: town, town, province; stated days and a guessed day"),
        pytest.param((
            ("alpha", "2016-11-09", "Rebels shot down a Syrian army helicopter near Hama on Tuesday, killing its two "
             "pilots."),
            ("delta", "2016-11-11", "Two pilots died when their helicopter was shot down over the countryside of Hama, "
             "state media said."),
        ), id="downed helicopter: stated day and a publication-day guess two days later"),
        pytest.param((
            ("alpha", "2012-07-14", "Opposition activists said at least 150 people were killed in the Tremseh massacre "
             "on Thursday."),
            ("beta", "2012-07-13", "Activists said more than 200 villagers died in the massacre in Tremseh in Hama "
             "province."),
        ), id="named massacre with two tolls"),
    ],
)
def test_a_distinctive_happening_is_one_incident_however_each_outlet_places_and_dates_it(
    items: tuple[Report, ...],
) -> None:
    assert _sizes(items) == [len(items)]


@pytest.mark.parametrize(
    ("items", "sizes"),
    [
        pytest.param((
            ("alpha", "2017-04-05", "A chemical attack on the town of Khan Shaykhun in Idlib province killed 72 people "
             "on Tuesday, activists said."),
            ("beta", "2017-04-07", "US cruise missiles struck the Shayrat air base near Homs on Friday, killing six "
             "soldiers, the army said."),
            ("gamma", "2017-04-07", "The United States fired 59 Tomahawk missiles at Shayrat airbase in Homs province "
             "early on Friday."),
        ), [1, 2], id="the strike on Shayrat is not the Khan Shaykhun attack"),
        pytest.param((
            ("alpha", "2016-05-03", "Rebel shelling killed seven civilians in the town of Mhardeh in Hama province on "
             "Monday, state media said."),
            ("beta", "2016-05-05", "Rebel shelling killed four civilians in the town of Mhardeh in Hama province on "
             "Wednesday, state media said."),
        ), [1, 1], id="one town shelled on two stated days"),
        pytest.param((
            ("alpha", "2017-03-31", "A chlorine attack killed two people in Latamneh in Hama province on Thursday, "
             "rescuers said."),
            ("beta", "2017-03-27", "A chlorine attack injured 30 people in Latamneh in Hama province on Saturday, "
             "rescuers said."),
        ), [1, 1], id="two chemical attacks on one town five stated days apart"),
    ],
)
def test_near_misses_stay_apart(items: tuple[Report, ...], sizes: list[int]) -> None:
    assert _sizes(items) == sizes


# ---------------------------------------------------------------- guessed dates


@pytest.mark.parametrize(
    "items",
    [
        pytest.param((
            ("alpha", "2016-08-02", "Air strikes on the market of Kafr Nabl in Idlib province killed 15 people on "
             "Monday, the Observatory said."),
            ("beta", "2016-08-03", "Fifteen people were killed when warplanes bombed a crowded market in Kafr Nabl, "
             "rescuers said."),
        ), id="market strike"),
        pytest.param((
            ("alpha", "2016-06-14", "A suicide bomber killed 12 people at a checkpoint in Qamishli on Sunday, Kurdish "
             "police said."),
            ("beta", "2016-06-14", "Twelve people were killed when a suicide bomber blew himself up at a checkpoint in "
             "Qamishli, a monitor said."),
        ), id="suicide bombing"),
        pytest.param((
            ("alpha", "2016-10-27", "Government air strikes hit a school in Saraqib in Idlib province on Wednesday, "
             "killing 12 children, UNICEF said."),
            ("beta", "2016-10-28", "Air strikes on a school complex in Saraqib killed 12 children, the civil defence "
             "said."),
        ), id="school strike"),
    ],
)
def test_a_date_guessed_from_the_publication_day_yields_to_a_stated_one(items: tuple[Report, ...]) -> None:
    events = _reports(*items)
    assert any((e.date_method or "").startswith("publication") for e in events)
    assert len({e.date for e in events}) == 2  # the guess is not the stated day
    (incident,) = resolve_events(events).incidents
    assert "date" not in {c.field for c in incident.contradictions}  # a guess takes no side


# ---------------------------------------------------------------- tallies


@pytest.mark.parametrize(
    "text",
    [
        "At least 250 people have been killed in Aleppo since April 22, the Observatory said.",
        "Air strikes have killed 327 people in Aleppo province so far this month.",
        "More than 40 civilians died in the shelling of Douma over the past three days.",
        "Syria's army said rebel bombardment of Aleppo killed 84 people in three days.",
        "Government air strikes killed 120 civilians in Idlib within two weeks, the monitor said.",
        "Rebel shelling has killed 30 people in Damascus over 10 days, state media said.",
    ],
)
def test_a_tally_is_not_one_happening(text: str) -> None:
    assert is_tally(text)
    strike = ("alpha", "2016-05-01", "Air strikes killed 22 people in Aleppo on Saturday, the civil defence said.")
    tally = ("beta", "2016-05-01", text)
    assert all(len(i.event_ids) == 1 for i in resolve_events(_reports(strike, tally)).incidents)


def test_one_happening_is_not_a_tally() -> None:
    for text in ("Air strikes killed 22 people in Aleppo on Saturday.",
                 "A car bomb killed eight people in Azaz since dawn prayers ended, police said",
                 "The shelling of Douma killed 40 people in total on Monday."):
        assert not is_tally(text) or "in total" in text


# ---------------------------------------------------------------- contradictions need support

_KAFR_NABL = Place("Kafr Nabl", "SY", "Idlib", None, 35.61, 36.56, 169304, "point", "PPL", "Kafr Nabl")


def _event(doc: str, text: str, **kw: object) -> Event:
    fields: dict[str, object] = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
                                 "date": "2016-08-01", "date_precision": "day", "date_method": "sentence:weekday",
                                 "location": _KAFR_NABL}
    fields.update(kw)
    return Event(doc_id=doc, event_id=f"{doc}-ev", evidence=Evidence(text, 0, len(text)), source=doc,
                 **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "toll", "stated"),
    [
        ("Air strikes on the market of Kafr Nabl killed 15 people on Monday.", 15, True),
        ("Air strikes on the market of Kafr Nabl killed fifteen people on Monday.", 15, True),
        ("Air strikes on the market of Kafr Nabl killed dozens of people on Monday.", 12, True),
        ("Air strikes on the market of Kafr Nabl killed 15 people on Monday.", 30, False),  # a doubled toll
        ("Air strikes hit the market of Kafr Nabl on Monday.", 15, False),  # a toll from elsewhere
    ],
)
def test_a_toll_is_evidence_only_when_its_sentence_states_it(text: str, toll: int, stated: bool) -> None:
    assert supported(_event("a", text, fatalities=toll), "fatalities") is stated


@pytest.mark.parametrize(
    ("text", "mention", "doer"),
    [
        ("Government warplanes struck the market of Kafr Nabl on Monday.", "Government warplanes", True),
        ("Air strikes hit the market of opposition-held Kafr Nabl on Monday.", "opposition", False),
        ("The opposition, blaming the Syrian army, said air strikes hit Kafr Nabl on Monday.", "The opposition",
         False),
        ("Rebels said air strikes hit Kafr Nabl on Monday.", "Rebels", False),
        ("Russian jets bombed Kafr Nabl on Monday.", "Syrian army", False),  # page clutter, not this sentence
    ],
)
def test_a_perpetrator_is_evidence_only_when_its_sentence_names_it_as_the_doer(
    text: str, mention: str, doer: bool
) -> None:
    ev = _event("a", text, actor1=ActorRef("Somebody", "state forces", "SY", mention))
    assert supported(ev, "actor1") is doer


def test_only_supported_values_contradict() -> None:
    army = ActorRef("Military Forces of Syria", "state forces", "SY", "Government warplanes")
    rebels = ActorRef("Opposition Rebels (Syria)", "rebel group", "SY", "opposition")
    a = _event("a", "Government warplanes struck the market of Kafr Nabl on Monday, killing 15 people.",
               actor1=army, fatalities=15)
    b = _event("b", "Fifteen people died at the market of opposition-held Kafr Nabl.", actor1=rebels, fatalities=15,
               sub_event_type="Attack", event_type="Violence against civilians", date="2016-08-02",
               date_method="publication-previous-day")
    c = _event("c", "Warplanes bombed the market of Kafr Nabl on Monday; 30 were killed.", fatalities=30)
    fields = {x.field: x for x in find_contradictions([a, b, c])}
    # b's date is a guess, its perpetrator a place modifier, its "Attack" agrees with an air strike
    assert set(fields) == {"fatalities"}
    assert {v.value for v in fields["fatalities"].values} == {15, 30}
    assert all(v.evidence and v.sources for v in fields["fatalities"].values)


@pytest.mark.parametrize(
    ("text", "sub", "kinds"),
    [
        ("A Russian Mi-8 military transport helicopter was shot down near Saraqib.", None, {"aircraft down"}),
        ("Activists accused the army of gassing hundreds in Ghouta.", None, {"chemical"}),
        ("Barrels fell on the town.", "Chemical weapon", {"chemical"}),
        ("The Houla massacre shocked the world.", None, {"massacre:houla"}),
        ("The massacre shocked the world.", None, set()),
        ("Air strikes hit an aid convoy and a warehouse in Urum al-Kubra.", None, {"convoy"}),
    ],
)
def test_signatures(text: str, sub: str | None, kinds: set[str]) -> None:
    assert signatures(text, sub) == kinds


# ---------------------------------------------------------------- one document telling more


@pytest.mark.parametrize(
    "follow_up",
    [
        "The attack left the market in ruins, witnesses said.",
        "Rescuers said the air strikes on Kafr Nabl were the deadliest in weeks.",
        "Residents said warplanes struck the town again as ambulances arrived.",
    ],
)
def test_a_sentence_that_comes_back_to_the_happening_joins_its_incident(follow_up: str) -> None:
    main = ("alpha", "2016-08-02", "Air strikes on the market of Kafr Nabl in Idlib province killed 15 people on "
            "Monday, the Observatory said. " + follow_up)
    other = ("beta", "2016-08-03", "Fifteen people were killed when warplanes bombed a crowded market in Kafr Nabl, "
             "rescuers said.")
    events = _reports(main, other)
    incidents = resolve_events(events).incidents
    alpha_incidents = {i.incident_id for i in incidents for e in events if e.source == "alpha"
                       and e.event_id in i.event_ids and not e.generic}
    assert len(alpha_incidents) == 1


# ---------------------------------------------------------------- speakers, rare kinds without tolls, one city's day


@pytest.mark.parametrize(
    ("text", "speaks"),
    [
        ("Washington says the Syrian government carried out the gas attack that killed hundreds.", True),
        ("Moscow claimed rebels staged the chemical attack that killed hundreds.", True),
        ("Washington and Paris say the Syrian government carried out the gas attack that killed hundreds.", True),
        ("Air strikes killed nine civilians in Douma on Monday, a monitor said.", False),
        ("A car bomb exploded in Homs on Sunday, killing 12 people, state media said.", False),
    ],
)
def test_a_place_named_as_the_speaker_is_not_where_it_happened(text: str, speaks: bool) -> None:
    from sitrep.resolve.blocking import happening_place

    events = _reports(("alpha", "2013-08-23", text))
    assert events
    named = [e for e in events if e.location is not None]
    # extraction already declines the speaker as a place ("Washington says"); where an event still carries
    # it, resolution must not take it as where the happening was
    assert speaks or named
    assert all((happening_place(e) is None) == speaks for e in named if e.location is not None
               and e.location.precision != "country")


@pytest.mark.parametrize(
    "items",
    [
        pytest.param((
            ("alpha", "2013-08-22", "A poison gas attack hit the Eastern Ghouta on Wednesday, activists said."),
            ("beta", "2013-08-23", "A chemical attack hit the Eastern Ghouta suburbs of Damascus on Thursday, rebels "
             "said."),
        ), id="chemical attack: two stated days one apart, no toll"),
        pytest.param((
            ("alpha", "2016-11-09", "Rebels shot down a Syrian army helicopter near Hama on Tuesday."),
            ("beta", "2016-11-09", "A Syrian army helicopter was shot down over Hama province on Tuesday, state media "
             "said."),
        ), id="downed helicopter, no toll"),
        pytest.param((
            ("alpha", "2013-08-22", "A poison gas attack hit the Eastern Ghouta on Wednesday, activists said."),
            ("beta", "2013-10-02", "A sarin attack struck the Eastern Ghouta in August 2013, inspectors said."),
        ), id="a month-dated report joins the day-dated one"),
    ],
)
def test_a_rare_happening_without_tolls_is_one_incident(items: tuple[Report, ...]) -> None:
    assert _sizes(items) == [len(items)]


@pytest.mark.parametrize(
    "items",
    [
        pytest.param((
            ("alpha", "2014-10-02", "Twin suicide bombings killed 32 people near a school in Homs on Wednesday, "
             "state media said."),
            ("beta", "2014-10-02", "At least 41 people, most of them children, died in suicide bombings near a "
             "school in Homs on Wednesday, a monitor said."),
        ), id="suicide bombing at a school in Homs"),
        pytest.param((
            ("alpha", "2016-07-28", "A suicide bomber killed 44 people in Qamishli on Wednesday, Kurdish police "
             "said."),
            ("beta", "2016-07-28", "Fifty people were killed by a suicide bomber in Qamishli on Wednesday, the "
             "Observatory said."),
        ), id="suicide bombing in a provincial capital"),
        pytest.param((
            ("alpha", "2017-04-07", "The US missile strike on the Shayrat air base near Homs killed five soldiers on "
             "Friday, the governor said."),
            ("beta", "2017-04-07", "On Thursday night the United States launched 59 Tomahawk missiles at the Shayrat "
             "air base near Homs."),
        ), id="a strike on an air base at night, dated to either day"),
    ],
)
def test_one_kind_of_happening_in_a_city_on_one_day_is_one_incident_whatever_the_tolls(
    items: tuple[Report, ...],
) -> None:
    assert _sizes(items) == [len(items)]


@pytest.mark.parametrize(
    "items",
    [
        pytest.param((
            ("alpha", "2015-02-22", "The rebel barrage killed 10 people in Damascus including a child, the monitor "
             "said earlier this month."),
            ("beta", "2015-02-21", "The air force killed at least 10 people in rebel areas east of Damascus on "
             "Saturday, the Observatory said."),
        ), id="a month's rebel barrage and a day's air raids"),
        pytest.param((
            ("alpha", "2016-05-20", "Rebel rockets killed 12 people in Aleppo in May, state media said."),
            ("beta", "2016-05-14", "Government barrel bombs killed 12 people in Aleppo on Friday, activists said."),
        ), id="a month's rockets and a day's barrel bombs"),
        pytest.param((
            ("alpha", "2016-03-10", "Rocket fire killed four people in Damascus last week, state media said."),
            ("beta", "2016-03-08", "Mortar shells killed four civilians in Damascus on Monday, SANA said."),
        ), id="a week's rocket fire and a day's mortar shells"),
    ],
)
def test_a_vaguely_dated_report_in_a_city_needs_more_than_the_same_toll(items: tuple[Report, ...]) -> None:
    assert _sizes(items) == [1, 1]


def test_a_sentence_naming_a_rare_happening_is_no_elaboration_of_another() -> None:
    # the strike article names the chemical attack the base was used for: that sentence tells the attack
    text = ("US cruise missiles struck the Shayrat air base near Homs on Friday, killing six soldiers. Shayrat was the "
            "launch pad for the chemical attack on Khan Shaykhun that killed 86 people, activists said.")
    other = "A US missile strike on the Shayrat air base near Homs killed six soldiers on Friday, the governor said."
    events = _reports(("alpha", "2017-04-07", text), ("beta", "2017-04-07", other))
    incidents = resolve_events(events).incidents
    assert sorted(len(i.event_ids) for i in incidents) == [1, 2]
    (alone,) = [i for i in incidents if len(i.event_ids) == 1]
    assert alone.sub_event_type == "Chemical weapon"


# ---------------------------------------------------------------- what a contradiction's value must rest on


@pytest.mark.parametrize(
    ("published", "text", "stated"),
    [
        ("2017-10-14", "Russian air strikes had killed at least 14 civilians crossing the Euphrates, the Observatory "
         "said on Friday.", False),
        ("2013-09-11", "Human Rights Watch said on Tuesday that government forces were responsible for the gas attack "
         "that killed hundreds.", False),
        ("2013-08-25", "Syrian state media reported on Saturday that rebels had shelled the Jobar district, killing "
         "four.", False),
        ("2016-09-21", "Some 20 civilians killed in aid convoy attack AFP Tuesday 20 Sep 2016 The air raid hit the "
         "trucks near Aleppo.", False),
        ("2015-02-06", "05.02.2015 A rebel group launched a rocket attack on Damascus, leaving at least three killed.",
         False),
        ("2016-08-03", "Air strikes killed 12 people in Saraqib on Monday, the Observatory said on Tuesday.", True),
        ("2016-10-14", "A car bomb killed 20 people at a checkpoint near Azaz on Thursday.", True),
    ],
)
def test_a_weekday_of_the_telling_or_a_dateline_is_no_date_of_the_happening(published: str, text: str,
                                                                       stated: bool) -> None:
    events = _reports(("alpha", published, text))
    assert events
    assert all(supported(e, "date") == stated for e in events)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("At least 20 people were killed in a car bomb blast near Azaz; 14 of the dead were opposition fighters.", 14),
        ("Air strikes killed 30 people in Douma, seven of them children, a monitor said.", 7),
        ("Rebel shelling killed nine people in Aleppo, five of whom were children.", 5),
    ],
)
def test_a_part_of_the_dead_is_no_toll(text: str, part: int) -> None:
    from dataclasses import replace

    (ev,) = _reports(("alpha", "2016-10-14", text))
    assert supported(ev, "fatalities")  # the total the sentence gives
    assert not supported(replace(ev, fatalities=part), "fatalities")


@pytest.mark.parametrize(
    "text",
    [
        "Syrian regime or Russian air strikes killed 26 people in Idlib province on Tuesday.",
        "Syrian opposition: 1300 killed in chemical attack on Ghouta region.",
        "A source at Aleppo Police Command told SANA that terrorists fired rocket shells at al-Midan, killing two "
        "people.",
    ],
)
def test_a_hesitant_speaking_or_quoted_actor_is_no_stated_perpetrator(text: str) -> None:
    events = _reports(("alpha", "2016-11-01", text))
    named = [e for e in events if e.actor1 is not None and e.actor1.mention]
    assert named
    assert not any(supported(e, "actor1") for e in named)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Regime shelling killed seven children in Harasta on Tuesday, activists said.",
         "Regime shelling killed eight people in Harasta on Tuesday, a monitor said."),
        ("Rebel rocket fire hit two neighbourhoods of Aleppo on Thursday, killing six.",
         "Rebel rockets hit two neighbourhoods of Aleppo on Thursday, killing six people, state media said."),
        ("Mortar shells fired by rebels killed three people in Damascus on Sunday.",
         "Rebel mortar shells killed three people in Damascus on Sunday, SANA said."),
    ],
)
def test_a_method_the_sentence_never_names_takes_no_side(a: str, b: str) -> None:
    from dataclasses import replace

    first, second = (e for text in (a, b) for e in _reports(("alpha", "2016-10-14", text))[:1])
    # the second typed as an air strike although its sentence names shelling or rockets only
    typed = replace(second, doc_id="other", sub_event_type="Air/drone strike", method="air strike")
    fields = {c.field for c in find_contradictions([first, typed])}
    assert "sub_event_type" not in fields and "method" not in fields


@pytest.mark.parametrize(
    ("a", "b", "sizes"),
    [
        pytest.param("The bomber blew himself up late Monday at a wedding in Tall Tawil in Hasakah province, "
                     "killing 31 people.",
                     "At least 22 people were killed Monday in a suicide attack on a wedding party in Hasakah "
                     "province, the Observatory said.", [2], id="one wedding bombing told twice with two tolls"),
        pytest.param("A suicide car bomb hit a convoy of buses near Aleppo on Saturday, killing 100 people.",
                     "At least 43 people were killed Saturday in a suicide car bomb attack on a bus convoy outside "
                     "Aleppo, a monitor said.", [2], id="one convoy bombing told twice with two tolls"),
        pytest.param("A suicide bomber killed 16 people outside a bakery in Qamishli on Tuesday.",
                     "Air strikes killed nine people in a village near Qamishli on Tuesday, activists said.",
                     [1, 1], id="a bombing and an air strike of one day stay two"),
    ],
)
def test_one_document_telling_one_kind_of_happening_twice_in_a_day_tells_one(a: str, b: str,
                                                                              sizes: list[int]) -> None:
    from dataclasses import replace

    (first,) = _reports(("alpha", "2016-10-04", a))[:1]
    (second,) = _reports(("alpha", "2016-10-04", b))[:1]
    same_doc = replace(second, doc_id=first.doc_id, event_id=second.event_id + "-2")
    assert sorted(len(i.event_ids) for i in resolve_events([first, same_doc]).incidents) == sizes


# ---------------------------------------------------------------- a rare kind placed only by its document

_WASHINGTON = Place("Washington", "US", "District of Columbia", None, 38.9, -77.04, 4140963, "point", "PPLC",
                    "Washington")
_UNITED_STATES = Place("United States", "US", None, None, 39.76, -98.5, 6252001, "country", "PCLI",
                       "United States")
_GHOUTA = Place("Eastern Ghouta", "SY", "Rural Damascus", None, 33.52, 36.36, 170017, "district", "ADM2",
                "Ghouta")


@pytest.mark.parametrize(
    ("text", "place", "kept"),
    [
        pytest.param("The Security Council said on Wednesday that regime forces killed 1300 people using chemical "
                     "weapons.", _UNITED_STATES, False, id="chemical attack, place from the dateline: dropped"),
        pytest.param("What the administration says was a sarin attack by the government killed 1400 people.",
                     _WASHINGTON, False, id="sarin attack, place from an earlier sentence: dropped"),
        pytest.param("Rebels said they shot down a Syrian helicopter on Tuesday.", _WASHINGTON, False,
                     id="downed helicopter, place from the dateline: dropped"),
        pytest.param("A nerve gas attack on the Ghouta region killed 1300 people on Wednesday.", _GHOUTA, True,
                     id="chemical attack whose sentence names the place: kept"),
        pytest.param("Air strikes killed 12 people on Wednesday, activists said.", _KAFR_NABL, True,
                     id="common air strike, place from the document: kept"),
    ],
)
def test_a_rare_kind_placed_only_by_its_document_has_no_happening_place(text: str, place: Place,
                                                                         kept: bool) -> None:
    from sitrep.resolve.blocking import happening_place

    ev = _event("a", text, location=place, sub_event_type="Chemical weapon" if "gas" in text else "Air/drone strike")
    assert (happening_place(ev) is not None) is kept


@pytest.mark.parametrize(
    "statement",
    [
        "The Security Council said on Wednesday that it was seeking clarity on reports that regime forces killed "
        "1300 people using chemical weapons.",
        "Diplomats said on Wednesday that the poison gas attack had killed 1300 people.",
        "France said on Wednesday that 1300 people were killed in a chemical weapons attack by government forces.",
    ],
)
def test_a_statement_told_abroad_joins_the_chemical_attack_it_counts(statement: str) -> None:
    from dataclasses import replace

    (attack,) = _reports(("alpha", "2013-08-21", "At least 1300 people were killed in a nerve gas attack on the "
                          "Ghouta region near Damascus on Wednesday, the opposition said."))[:1]
    told = [e for e in _reports(("beta", "2013-08-21", statement)) if e.fatalities == 1300]
    assert told, statement
    abroad = replace(told[0], location=_UNITED_STATES if "Council" in statement else _WASHINGTON)
    assert sorted(len(i.event_ids) for i in resolve_events([attack, abroad]).incidents) == [2]


# ---------------------------------------------------------------- one distinctive kind on one day


@pytest.mark.parametrize(
    ("a", "b", "days", "sizes"),
    [
        pytest.param("Warplanes bombed an aid convoy near Kafr Nabl, killing 20 volunteers, the Red Crescent said.",
                     "Jets hit trucks carrying food and medicine for 78,000 people on the road.", (1, 1), [2],
                     id="an aid convoy told in other words, the same day"),
        pytest.param("Jets struck a school in Kafr Nabl, killing 22 children.",
                     "Bombs fell on the school during morning lessons, a teacher told rescuers.", (1, 1), [2],
                     id="a school told in other words, the same day"),
        pytest.param("Warplanes hit the vegetable market, killing 15 people.",
                     "Shoppers were buried under rubble when a raid struck the crowded souk, residents reported.",
                     (1, 1), [2], id="a market told in other words, the same day"),
        pytest.param("Warplanes bombed an aid convoy near Kafr Nabl, killing 20 volunteers, the Red Crescent said.",
                     "Jets hit trucks carrying food and medicine for 78,000 people on the road.", (1, 4), [1, 1],
                     id="two convoys three days apart stay two"),
        pytest.param("Warplanes bombed an aid convoy near Kafr Nabl, killing 20 volunteers, the Red Crescent said.",
                     "Shoppers were buried under rubble when a raid struck the crowded souk, residents reported.",
                     (1, 1), [1, 1], id="a convoy and a market of one day stay two"),
    ],
)
def test_one_distinctive_kind_on_one_day_needs_no_more_shared_wording(a: str, b: str, days: tuple[int, int],
                                                                      sizes: list[int]) -> None:
    from sitrep.resolve.matching import MIN_TEXT, content_tokens, dice

    assert dice(content_tokens(a), content_tokens(b)) < MIN_TEXT  # the wording alone would keep them apart
    events = [_event(doc, text, date=f"2016-08-0{day}") for doc, text, day in (("a", a, days[0]), ("b", b, days[1]))]
    assert sorted(len(i.event_ids) for i in resolve_events(events).incidents) == sizes


@pytest.mark.parametrize(
    ("text", "convoy"),
    [
        ("Around twenty civilians were killed as they were unloading trucks carrying vital humanitarian aid.", True),
        ("Lorries loaded with food and medicine were struck on the road to Aleppo.", True),
        ("Twelve aid trucks were burned outside the warehouse.", True),
        ("Trucks carrying fighters entered the town.", False),
        ("Rebels seized two trucks near the border.", False),
    ],
)
def test_an_aid_convoy_is_named_however_its_trucks_are_told(text: str, convoy: bool) -> None:
    assert ("convoy" in signatures(text, None)) is convoy


# ---------------------------------------------------------------- a month-dated report of one distinctive kind

_MAARAT = Place("Maarat al-Numan", "SY", "Idlib", None, 35.64, 36.67, 169389, "point", "PPLA2", "Maarat al-Numan")


@pytest.mark.parametrize(
    ("day", "month", "places", "sizes"),
    [
        pytest.param("Warplanes bombed an aid convoy near Kafr Nabl on Monday, killing 20 volunteers.",
                     "The planes struck the convoy as trucks unloaded aid, then struck again as rescuers arrived, "
                     "killing 15.", (_KAFR_NABL, _KAFR_NABL), [2], id="a convoy of the month at the same town"),
        pytest.param("Jets struck a school in Kafr Nabl on Wednesday, killing 22 children.",
                     "Last month a shell struck the gate of a school as children were leaving, killing five.",
                     (_KAFR_NABL, _KAFR_NABL), [2], id="a school of the month at the same town"),
        pytest.param("Warplanes hit the vegetable market on Sunday, killing 15 people.",
                     "Shoppers were buried under rubble when warplanes struck the crowded market, killing nine.",
                     (_KAFR_NABL, _KAFR_NABL), [2], id="a market of the month at the same town"),
        pytest.param("Warplanes bombed an aid convoy near Kafr Nabl on Monday, killing 20 volunteers.",
                     "The planes struck the convoy as trucks unloaded aid, then struck again as rescuers arrived, "
                     "killing 15.", (_KAFR_NABL, _MAARAT), [1, 1], id="a convoy of the month in another town"),
        pytest.param("Jets struck a school in Kafr Nabl on Wednesday, killing 22 children.",
                     "Warplanes hit the vegetable market on Sunday, killing 15 people.",
                     (_KAFR_NABL, _KAFR_NABL), [1, 1], id="a market of the month is not the school"),
    ],
)
def test_a_month_dated_report_of_a_distinctive_kind_joins_the_days_report_at_its_spot(
    day: str, month: str, places: tuple[Place, Place], sizes: list[int],
) -> None:
    events = [_event("a", day, location=places[0]),
              _event("b", month, location=places[1], date="2016-08", date_precision="month",
                     date_method="narrative:weekday")]
    assert sorted(len(i.event_ids) for i in resolve_events(events).incidents) == sizes


def test_a_month_dated_report_between_two_such_happenings_stays_out() -> None:
    day = "Warplanes bombed an aid convoy near Kafr Nabl on Monday, killing 20 volunteers."
    events = [_event("a", day), _event("c", day.replace("Monday", "Thursday"), date="2016-08-18"),
              _event("b", "The planes struck the convoy as trucks unloaded aid, killing 15.", date="2016-08",
                     date_precision="month", date_method="narrative:weekday")]
    assert sorted(len(i.event_ids) for i in resolve_events(events).incidents) == [1, 1, 1]


@pytest.mark.parametrize(("doc", "joins"), [("b", True), ("a", False)])
def test_one_document_telling_a_kind_on_a_day_and_in_its_month_may_tell_two(doc: str, joins: bool) -> None:
    from dataclasses import replace

    from sitrep.resolve.matching import gate_reason, profile

    day = _event("a", "Warplanes bombed an aid convoy near Kafr Nabl on Monday, killing 20 volunteers.")
    month = replace(_event(doc, "The planes struck the convoy as trucks unloaded aid, then struck again as rescuers "
                           "arrived, killing 15.", date="2016-08", date_precision="month",
                           date_method="narrative:weekday"), event_id="month")
    assert (gate_reason(profile(0, day), profile(1, month)) is None) is joins


@pytest.mark.parametrize(
    ("text", "tally"),
    [
        ("A Russian helicopter was shot down near Saraqeb on Monday killing all five people on board in the biggest "
         "officially acknowledged loss of life for Russian forces since they started operations in Syria.", False),
        ("The car bomb was the deadliest attack in the city since the war began in 2011.", False),
        ("It was the heaviest bombardment of the town since the offensive began, residents said.", False),
        ("More than 200 people have been killed since the offensive began.", True),
        ("It was the deadliest month since the war began, with 1,000 people killed.", True),
        ("Air strikes killed 12 people, the worst toll since the truce, and 90 since the offensive began.", True),
    ],
)
def test_a_superlative_measured_since_a_start_is_not_a_tally(text: str, tally: bool) -> None:
    assert is_tally(text) is tally


_ALEPPO = Place("Aleppo", "SY", "Aleppo", None, 36.2, 37.16, 170063, "point", "PPLA", "Aleppo")


@pytest.mark.parametrize(
    ("toll", "days", "place", "sizes"),
    [
        pytest.param(61, (13, 14), _KAFR_NABL, [2], id="a toll of 61 told on the day and raised the next"),
        pytest.param(25, (13, 14), _KAFR_NABL, [2], id="a toll of 25 on two stated days a day apart"),
        pytest.param(12, (14, 13), _MAARAT, [2], id="a toll of 12, the later report first"),
        pytest.param(61, (13, 14), _ALEPPO, [1, 1], id="a capital city sees such tolls on many days"),
        pytest.param(3, (13, 14), _KAFR_NABL, [1, 1], id="a small toll is no identity"),
        pytest.param(61, (13, 15), _KAFR_NABL, [1, 1], id="two days apart"),
    ],
)
def test_one_large_toll_for_one_town_on_days_a_day_apart_is_one_happening(
    toll: int, days: tuple[int, int], place: Place, sizes: list[int],
) -> None:
    events = [_event("a", "Air strikes on the town killed people on Monday, the Observatory said.", location=place,
                     fatalities=toll, date=f"2017-11-{days[0]}"),
              _event("b", "The monitor on Tuesday raised the death toll from the air strikes on the town.",
                     location=place, fatalities=toll, date=f"2017-11-{days[1]}")]
    assert sorted(len(i.event_ids) for i in resolve_events(events).incidents) == sizes


@pytest.mark.parametrize(
    ("text", "mention", "doer"),
    [
        ("Human Rights Watch has investigated alternative claims that opposition forces themselves were responsible "
         "for the attacks and has found such claims lacking in credibility.", "opposition forces", False),
        ("Allegations that rebels fired the rockets were baseless, the inspectors said.", "rebels", False),
        ("Moscow's suggestion that the opposition staged the attack was dismissed by Western governments.",
         "the opposition", False),
        ("Activists accused government forces of firing the rockets that killed 20 people.", "government forces",
         True),
        ("Government forces fired rockets at the Ghouta suburbs on Wednesday.", "Government forces", True),
        ("Rebels shelled the western districts of the city on Monday.", "Rebels", True),
    ],
)
def test_a_doer_named_only_in_a_dismissed_claim_is_no_evidence(text: str, mention: str, doer: bool) -> None:
    ev = _event("a", text, actor1=ActorRef("Somebody", "state forces", "SY", mention))
    assert supported(ev, "actor1") is doer


@pytest.mark.parametrize(
    ("first", "second", "listed"),
    [
        pytest.param(("2016-07-13", "sentence:weekday"), ("2016-07-20", "sentence:weekday"), False,
                     id="on Wednesday twice, pages published a week apart"),
        pytest.param(("2016-07-06", "sentence:weekday"), ("2016-07-20", "sentence:weekday"), False,
                     id="on Wednesday twice, two weeks apart"),
        pytest.param(("2016-07-13", "sentence:weekday"), ("2016-07-21", "sentence:weekday"), True,
                     id="on Wednesday and on Thursday of another week"),
        pytest.param(("2016-07-13", "sentence:explicit"), ("2016-07-20", "sentence:explicit"), True,
                     id="13 July and 20 July"),
    ],
)
def test_one_weekday_told_by_two_pages_dated_a_week_apart_is_no_contradiction(
    first: tuple[str, str], second: tuple[str, str], listed: bool,
) -> None:
    texts = {"sentence:weekday": "A bomb blast killed at least 44 people in Qamishli on Wednesday.",
             "sentence:explicit": "A bomb blast killed at least 44 people in Qamishli on 13 July."}
    events = [_event(doc, texts[method], date=date, date_method=method, fatalities=44)
              for doc, (date, method) in (("a", first), ("b", second))]
    fields = {c.field for c in find_contradictions(events)}
    assert ("date" in fields) is listed


# ---------------------------------------------------------------- session 8 (inc5): more reports of one happening


@pytest.mark.parametrize(
    ("text", "sub", "kinds"),
    [
        ("Government forces shelled the suburbs on Thursday a day after the opposition accused them of a chemical "
         "attack.", "Chemical weapon", set()),
        ("The navy fired missiles at an air base in response to the poison gas attack.", None, {"air base"}),
        ("Jets struck the town again two days after the sarin attack that killed dozens.", None, set()),
        ("Artillery pounded the villages hours after the nerve gas attack, activists said.", "Chemical weapon",
         set()),
        ("The chemical attack killed 80 people, a day after the talks collapsed.", "Chemical weapon", {"chemical"}),
        ("A chlorine attack followed a day after the shelling; the gas attack killed four.", None, {"chemical"}),
    ],
)
def test_a_rare_kind_named_only_as_the_reports_reference_point_is_not_its_kind(
    text: str, sub: str | None, kinds: set[str],
) -> None:
    assert signatures(text, sub) == kinds


@pytest.mark.parametrize(
    "items",
    [
        pytest.param((
            ("alpha", "2014-05-02", "Activists said a poison gas attack hit Kafr Zita in Hama province on Thursday, "
             "killing three people."),
            ("beta", "2014-05-02", "The opposition said the chlorine gas attack on Kafr Zita was the latest in a "
             "series of such attacks."),
        ), id="chemical attack: the page told the next day, no toll and no day of its own"),
        pytest.param((
            ("alpha", "2017-03-31", "Activists said a chemical attack on Latamneh in Hama province on Thursday "
             "killed two people."),
            ("beta", "2017-03-31", "A doctor said the chlorine attack on Latamneh left patients struggling to "
             "breathe."),
        ), id="chemical attack: a doctor's account told the next day"),
        pytest.param((
            ("alpha", "2015-08-17", "A nerve gas attack struck Marea north of Aleppo on Sunday, the monitor said."),
            ("beta", "2015-08-17", "Doctors in Marea said they were treating dozens of people after the sarin attack "
             "in the town."),
        ), id="chemical attack: doctors' account told the next day"),
    ],
)
def test_a_page_told_the_day_after_a_rare_happening_joins_it(items: tuple[Report, ...]) -> None:
    assert _sizes(items) == [len(items)]


_HAMA = Place("Hama", "SY", "Hama", None, 35.13, 36.75, 170063, "admin1", "ADM1", "Hama")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("A poison gas attack killed dozens of people in Hama on Wednesday, activists said.",
         "The United Nations said it was deeply concerned by reports of a chemical weapons attack in Hama."),
        ("Rebels said they shot down a government warplane over Hama on Tuesday.",
         "State media said the jet downed over Hama had been on a routine mission."),
        ("Activists said a sarin attack killed 50 people in Hama on Monday.",
         "The opposition said the use of nerve gas in Hama showed the regime feared no punishment."),
    ],
)
def test_one_page_naming_a_rare_happening_twice_tells_one(first: str, second: str) -> None:
    from dataclasses import replace

    def page(text: str, date: str, method: str, n: int) -> Event:
        return replace(_event("page", text, date=date, date_method=method, sub_event_type=None, location=_HAMA),
                       event_id=f"page-{n}")

    stated = page(first, "2016-04-04", "sentence:weekday", 1)
    guessed = page(second, "2016-04-05", "publication", 2)
    other_day = page(second, "2016-04-07", "publication", 3)
    assert sorted(len(i.event_ids) for i in resolve_events([stated, guessed]).incidents) == [2]
    assert sorted(len(i.event_ids) for i in resolve_events([stated, other_day]).incidents) == [1, 1]


_IED = "Remote explosive/landmine/IED"


@pytest.mark.parametrize(
    ("first", "second", "together"),
    [
        (("A bomb blast in Kafr Nabl on Wednesday killed 48 people and wounded dozens.", "Air/drone strike", 48),
         ("A car bomb exploded near a security building in Kafr Nabl on Wednesday killing 44 people.", _IED, 44),
         True),
        (("A powerful explosion killed nine people at a market in Kafr Nabl on Wednesday.", "Air/drone strike", 9),
         ("A suicide bomber blew himself up at a market in Kafr Nabl on Wednesday, killing nine people.",
          "Suicide bomb", 9), True),
        (("Twin blasts ripped through the centre of Kafr Nabl on Wednesday, killing 17 people.",
          "Shelling/artillery/missile attack", 17),
         ("Two roadside bombs went off in the centre of Kafr Nabl on Wednesday killing 15 people.", _IED, 15), True),
        (("The Civil Defence said three of its rescue workers died when regime bombing hit their centre in Kafr "
          "Nabl on Wednesday.", "Air/drone strike", 3),
         ("Rebels fired a barrage of rockets on Kafr Nabl on Wednesday killing three civilians, state media said.",
          "Shelling/artillery/missile attack", 3), False),
        (("Warplanes pounded the southern neighbourhoods of Kafr Nabl on Wednesday, killing 12 people, activists "
          "said.", "Air/drone strike", 12),
         ("A car bomb exploded at a checkpoint in Kafr Nabl on Wednesday, killing 10 people, the monitor said.", _IED,
          10), False),
    ],
)
def test_an_explosion_told_in_general_words_is_the_device_another_report_names(
    first: tuple[str, str, int], second: tuple[str, str, int], together: bool,
) -> None:
    events = [_event(doc, text, sub_event_type=sub, fatalities=toll, date="2016-07-27")
              for doc, (text, sub, toll) in (("a", first), ("b", second))]
    sizes = sorted(len(i.event_ids) for i in resolve_events(events).incidents)
    assert sizes == ([2] if together else [1, 1])


@pytest.mark.parametrize(
    ("night", "day", "other"),
    [
        ("Cruise missiles hit the air base near Kafr Nabl late on Thursday.",
         "The missile strike on the air base near Kafr Nabl killed four children, the governor said on Friday.",
         "Missiles struck an air base outside Kafr Nabl on Friday, killing five people, state media said."),
        ("Jets bombed the hospital in Kafr Nabl overnight, doctors said.",
         "Five patients died when the hospital in Kafr Nabl was hit on Friday, a nurse said.",
         "Air strikes destroyed the main hospital of Kafr Nabl on Friday, killing six people."),
        ("Warplanes struck the crowded market of Kafr Nabl on Thursday night, residents said.",
         "The raid on the market of Kafr Nabl on Friday killed 11 shoppers, activists said.",
         "An air strike on a market in Kafr Nabl killed 12 people on Friday, the monitor said."),
    ],
)
def test_one_page_telling_a_night_and_its_morning_tells_one_happening(night: str, day: str, other: str) -> None:
    from dataclasses import replace

    told = [replace(_event("page", night, date="2016-08-04"), event_id="page-1"),
            replace(_event("page", day, date="2016-08-05", event_type="Battles", sub_event_type="Armed clash",
                           fatalities=4), event_id="page-2"),
            _event("wire", other, date="2016-08-05", fatalities=5)]
    assert sorted(len(i.event_ids) for i in resolve_events(told).incidents) == [3]
    # the same page without the night: two days are two happenings
    daytime = replace(told[0], evidence=Evidence(night.replace("late on ", "on ").replace(" overnight", " on Thursday")
                                                 .replace(" on Thursday night", " on Thursday"), 0, len(night)))
    assert len(resolve_events([daytime, told[1]]).incidents) == 2


@pytest.mark.parametrize(
    ("stated", "again", "event_type", "sub", "one"),
    [
        ("The coalition condemns the crime committed by Russian aircraft in Kafr Nabl on Monday 13 November.",
         "Russia bombed a popular market full of civilians in the town of Kafr Nabl in broad daylight.",
         "Explosions/Remote violence", "Air/drone strike", True),
        ("Government artillery pounded Kafr Nabl on Sunday, the local council said.",
         "The shells destroyed the only bakery of Kafr Nabl and several houses around it.",
         "Explosions/Remote violence", "Shelling/artillery/missile attack", True),
        ("A car bomb went off at the entrance of Kafr Nabl on Tuesday, residents said.",
         "Witnesses said the vehicle had been parked beside the checkpoint of Kafr Nabl for an hour.",
         "Explosions/Remote violence", "Remote explosive/landmine/IED", True),
        ("Rebels ambushed an army unit near Kafr Nabl on Friday, the monitor said.",
         "Troops went on destroying tunnels and fortifications dug by the militants around Kafr Nabl.",
         "Battles", "Armed clash", False),
    ],
)
def test_a_page_telling_a_strike_again_without_a_day_tells_one(stated: str, again: str, event_type: str, sub: str,
                                                               one: bool) -> None:
    from dataclasses import replace

    page = [replace(_event("page", stated, event_type=event_type, sub_event_type=sub, date="2017-11-13",
                           date_method="sentence:explicit"), event_id="page-1"),
            replace(_event("page", again, event_type=event_type, sub_event_type=sub, date="2017-11-13",
                           date_method="publication"), event_id="page-2")]
    assert len(resolve_events(page).incidents) == (1 if one else 2)
    # in a city, where one page tells many raids, the place alone does not join them
    aleppo = Place("Aleppo", "SY", "Aleppo", None, 36.20, 37.16, 170063, "point", "PPLA", "Kafr Nabl")
    assert len(resolve_events([replace(e, location=aleppo) for e in page]).incidents) == 2


@pytest.mark.parametrize(
    ("attack", "one"),
    [
        ("A double terrorist attack in Kafr Nabl has claimed the lives of 18 people including ten children, a TV "
         "channel reported.", True),
        ("Eighteen people, most of them children, were killed in the terrorist attack that hit Kafr Nabl, the "
         "governor said.", True),
        ("The attack on Kafr Nabl left 18 people dead, most of them children, according to the health ministry.",
         True),
        ("Gunmen opened fire on worshippers leaving a mosque in Kafr Nabl, killing 18, a television channel "
         "reported.", False),
    ],
)
def test_an_attack_that_names_no_weapon_may_be_the_bombing(attack: str, one: bool) -> None:
    bombing = _event("wire", "Twin car bomb explosions in Kafr Nabl killed at least 18 people, most of them "
                     "children, state media said.", sub_event_type=_IED, fatalities=18,
                     date="2014-10-01", date_method="sentence:weekday")
    told = _event("tv", attack, event_type="Violence against civilians", sub_event_type="Attack", fatalities=18,
                  date="2014-10-01", date_method="sentence:explicit")
    assert len(resolve_events([bombing, told]).incidents) == (1 if one else 2)


@pytest.mark.parametrize(
    "text",
    [
        "The air force targeted at least 243 civilian facilities between September 30 2015 and March 15 2016.",
        "At least 1,200 civilians were killed from January to March in the province, the network said.",
        "The monitor counted 340 dead between 1 May and 30 June 2016 in the city.",
    ],
)
def test_a_count_between_two_dates_is_a_tally(text: str) -> None:
    assert is_tally(text)


@pytest.mark.parametrize(
    "text",
    [
        "Between 500 and 1300 people died on Wednesday in the attack, activists said.",
        "From 20 to 30 people were killed when the market was hit on Monday.",
        "Air strikes killed 20 people between Monday and Tuesday.",
    ],
)
def test_a_range_of_figures_is_no_tally(text: str) -> None:
    assert not is_tally(text)


_MAARAT = Place("Maarat al-Numan", "SY", "Idlib", None, 35.645, 36.67, 169389, "point", "PPLA2", "Maarat al-Numan")


@pytest.mark.parametrize(
    ("stated", "more"),
    [
        ("Warplanes struck rebel positions in Kafr Nabl on Wednesday, killing seven fighters.",
         "Ten more fighters were killed and 19 wounded in air strikes on their positions in Maarat al-Numan."),
        ("Regime shelling hit the market of Kafr Nabl on Monday, killing four people.",
         "Shells also fell on the outskirts of Maarat al-Numan, wounding several people."),
        ("Jets bombed the crowded centre of Kafr Nabl on Tuesday, killing seven people, rescuers said.",
         "Another raid hit a bakery in Maarat al-Numan, rescuers said, where people were queuing for bread."),
    ],
)
def test_a_page_telling_a_raid_on_another_town_tells_another_raid(stated: str, more: str) -> None:
    from dataclasses import replace

    first = [replace(_event(doc, stated, fatalities=7), source=doc) for doc in ("page", "wire")]
    first[0] = replace(first[0], event_id="page-1")
    other = replace(_event("page", more, date_method="publication", location=_MAARAT), event_id="page-2")
    incidents = resolve_events([*first, other]).incidents
    assert sorted(len(i.event_ids) for i in incidents) == [1, 2]
    same_town = replace(other, location=_KAFR_NABL)
    assert sorted(len(i.event_ids) for i in resolve_events([*first, same_town]).incidents) == [3]


_IDLIB = Place("Idlib", "SY", "Idlib", None, 35.93, 36.63, 169388, "admin1", "ADM1", "Idlib")


@pytest.mark.parametrize(
    ("town", "province", "sub", "one"),
    [
        ("Warplanes hit an aid convoy unloading in Kafr Nabl on Monday, killing 12 drivers.",
         "An airstrike destroyed a humanitarian convoy inside opposition territory on Monday.", None, True),
        ("A car bomb struck a bus convoy of evacuees waiting in Kafr Nabl on Saturday.",
         "Dozens died when an explosion hit a convoy of buses carrying families out of besieged villages on "
         "Saturday.",
         "Remote explosive/landmine/IED", True),
        ("Jets bombed the market of Kafr Nabl on Sunday morning, activists said.",
         "Russian raids on a crowded marketplace in the north-west killed dozens on Sunday.", None, True),
        ("Warplanes hit an aid convoy unloading in Kafr Nabl on Monday, killing 12 drivers.",
         "Rebels shelled lorries loaded with food at an army post on Monday.",
         "Shelling/artillery/missile attack", False),
    ],
)
def test_one_distinctive_kind_on_one_day_in_the_province_of_the_others_town(town: str, province: str,
                                                                             sub: str | None, one: bool) -> None:
    first_sub = sub if one and sub else "Air/drone strike"
    at_town = _event("a", town, sub_event_type=first_sub)
    in_province = _event("b", province, sub_event_type=sub or "Air/drone strike", location=_IDLIB)
    assert len(resolve_events([at_town, in_province]).incidents) == (1 if one else 2)


@pytest.mark.parametrize(
    ("unstated", "toll"),
    [
        ("The town's medical centre was hit and its director was killed, an activist said.", 1),
        ("Rescuers were still pulling people from the rubble of the market in Kafr Nabl.", 3),
        ("Air strikes on the market of Kafr Nabl killed 15 people on Monday.", 30),  # a doubled toll
    ],
)
def test_the_consensus_toll_counts_only_figures_their_sentences_state(unstated: str, toll: int) -> None:
    # the conservative lowest figure is taken among the tolls the reports' own sentences give: a figure carried
    # over from another sentence of the page, or read twice, does not become the incident's toll
    from sitrep.resolve.incidents import build_incident

    told = [_event("a", "Air strikes on the market of Kafr Nabl killed 15 people on Monday.", fatalities=15),
            _event("b", "Warplanes struck the market of Kafr Nabl on Monday, killing 17 people.", fatalities=17)]
    inc = build_incident([*told, _event("c", unstated, fatalities=toll)])
    assert (inc.fatalities, inc.fatalities_low, inc.fatalities_high) == (15, 15, 17)
    assert inc.support["fatalities"]["c-ev"] == toll  # every report's figure is still kept with its source
    # with no sentence stating a figure, the reports' figures are all there is
    assert build_incident([_event("c", unstated, fatalities=toll)]).fatalities == toll


# ---------------------------------------------------------------- a toll counted again on a later day


_ON_SATURDAY = ("alpha", "2016-05-14", "Government air strikes killed 23 people in Maarat al-Numan on Saturday, a "
                "monitor said.")


@pytest.mark.parametrize(
    ("items", "sizes"),
    [
        pytest.param((_ON_SATURDAY, ("beta", "2016-05-15", "The death toll from government air strikes on Maarat "
                                     "al-Numan has risen to 41, the Syrian Observatory said on Sunday.")),
                     [2], id="a toll risen to 41, told on the next day"),
        pytest.param((("alpha", "2016-03-12", "Regime shelling killed 15 people in the town of Douma on Saturday, "
                       "activists said."),
                      ("beta", "2016-03-13", "The toll from the regime shelling of Douma rose to 27 dead, the civil "
                       "defence said on Sunday.")), [2], id="a toll that rose to 27"),
        pytest.param((("alpha", "2016-08-06", "Barrel bombs killed 11 people in Daraya on Saturday, residents said."),
                      ("beta", "2016-08-07", "The death toll from the barrel bombs dropped on Daraya has risen to 20, "
                       "the local council said on Sunday.")), [2], id="a toll of barrel bombs risen to 20"),
        pytest.param((_ON_SATURDAY, ("beta", "2016-05-15", "Jets struck a bakery in Maarat al-Numan, killing 15 "
                                     "people, the Observatory said on Sunday.")),
                     [1, 1], id="a smaller toll told the next day is no later count"),
        pytest.param((("alpha", "2016-03-12", "Regime shelling killed 15 people in the town of Douma on Saturday, "
                       "activists said."),
                      ("beta", "2016-03-14", "Regime shelling killed 27 people in Douma on Sunday, activists said.")),
                     [1, 1], id="two tolls on two stated days"),
    ],
)
def test_a_larger_toll_told_on_a_later_day_is_a_later_count_of_one_happening(
    items: tuple[Report, ...], sizes: list[int],
) -> None:
    assert _sizes(items) == sizes
