"""Matching rules on self-written reports, extracted for real (no shared data needed)."""

from __future__ import annotations

import pytest

from sitrep.records import Event
from sitrep.resolve import resolve_events


def _reports(*items: tuple[str, str, str]) -> list[Event]:
    """Real extraction of short self-written reports: (source, published, text)."""
    from sitrep.extract import extract

    return [e for source, published, text in items for e in extract(text, published, source=source)]


def test_neighbouring_towns_on_one_day_are_two_incidents() -> None:
    douma = ("alpha", "2017-04-03", "Government air strikes killed 16 civilians in Douma in Eastern Ghouta on Sunday, "
             "the Observatory said.")
    harasta = ("beta", "2017-04-03", "Government air strikes killed five civilians in Harasta in Eastern Ghouta on "
               "Sunday, the Observatory said.")
    douma_again = ("gamma", "2017-04-03", "Air strikes on Douma in Eastern Ghouta killed 16 civilians on Sunday, "
                   "a monitor said.")
    res = resolve_events(_reports(douma, harasta, douma_again))
    sizes = sorted(len(i.event_ids) for i in res.incidents)
    assert sizes == [1, 2]  # the two Douma reports together, Harasta alone


def test_two_days_each_stated_by_its_report_are_two_incidents() -> None:
    thursday = ("alpha", "2016-04-29", "Rebel rocket fire killed 20 civilians in Aleppo on Thursday, state media said.")
    friday = ("beta", "2016-04-29", "Rebel rocket fire injured nine civilians in Aleppo on Friday, state media said.")
    assert len(resolve_events(_reports(thursday, friday)).incidents) == 2


def test_aggregate_war_tolls_are_not_incidents() -> None:
    a = ("alpha", "2016-09-21", "More than 290,000 people have been killed since Syria's conflict first erupted in "
         "March 2011.")
    b = ("beta", "2016-09-11", "The United Nations says the war has killed more than 220,000 people.")
    assert _reports(a, b) == []


def test_the_same_toll_in_a_capital_city_on_two_stated_days_is_two_incidents() -> None:
    # the Palmyra rule (same toll, same named perpetrator, same spot) does not hold for a whole city:
    # Aleppo saw rocket attacks killing nine on many days
    monday = ("alpha", "2016-07-05", "Nusra Front rockets killed nine civilians in Aleppo on Monday, state media said.")
    monday_after = ("beta", "2016-07-12", "Nusra Front rockets killed nine civilians in Aleppo on Monday, a monitor "
                    "said.")
    events = _reports(monday, monday_after)
    assert {e.date for e in events} == {"2016-07-04", "2016-07-11"}
    assert len(resolve_events(events).incidents) == 2


def test_a_report_that_gives_two_figures_is_no_disagreement_between_sources() -> None:
    # one document with two events of the same strike (its headline toll and a later, different figure) and a
    # second document that agrees with one of them: the sources do not disagree
    from dataclasses import replace

    from sitrep.resolve.contradictions import find_contradictions

    evs = _reports(("alpha", "2016-06-06", "Air strikes on a market in Asharah killed 17 civilians on Monday."),
                   ("beta", "2016-06-06", "Air strikes on a market in Asharah killed 17 civilians on Monday, "
                                          "a monitor said."))
    assert len(evs) == 2
    twice = replace(evs[0], event_id="x2", fatalities=34)  # the same report read a second time, doubled
    fields = {c.field for c in find_contradictions([evs[0], twice, evs[1]])}
    assert "fatalities" not in fields
    # two sources that each state their own figure do disagree
    (other,) = _reports(("gamma", "2016-06-06", "Air strikes on a market in Asharah killed 12 civilians on Monday, "
                                               "activists said."))
    assert "fatalities" in {c.field for c in find_contradictions([evs[0], other])}


def test_a_sentence_naming_both_means_does_not_make_two_attacks() -> None:
    # one bombardment of a town told as "government shelling", as "air strikes and shelling" (typed as an air
    # strike) and as a shelling attack with another toll: the sub type is one choice among the means a sentence
    # names, so the air strike and the shellings are not two attacks
    shelling = ("alpha", "2016-03-12", "Two medics were among 31 people killed on Saturday in government shelling "
                "of the rebel-held town of Kafr Batna, a monitor said.")
    both = ("beta", "2016-03-12", "Hours of air strikes and shelling on Saturday killed 24 people in Kafr Batna, "
            "activists said.")
    artillery = ("gamma", "2016-03-12", "Government forces have killed at least 24 people in the town of Kafr Batna "
                 "in a revenge shelling attack, activists said.")
    events = _reports(shelling, both, artillery)
    assert len(events) == 3
    assert len(resolve_events(events).incidents) == 1


def test_an_air_strike_and_a_shelling_each_told_by_its_means_stay_two() -> None:
    raid = ("alpha", "2016-03-12", "Warplanes bombed Kafr Batna on Saturday, killing 24 people, a monitor said.")
    guns = ("beta", "2016-03-12", "Army artillery pounded Kafr Batna on Saturday, killing six people, activists "
            "said.")
    mortars = ("gamma", "2016-03-12", "Mortar fire hit Kafr Batna on Saturday, killing six people, state media said.")
    events = _reports(raid, guns, mortars)
    assert len(events) == 3
    assert sorted(len(i.event_ids) for i in resolve_events(events).incidents) == [1, 2]


def test_a_dateline_dates_the_page_not_the_happening() -> None:
    # the agency's dateline glued into the text ("AFP Sunday 3 Jul 2016") is the publication day: the
    # shelling the page tells may be the day before, as another outlet's "on Saturday" says
    sunday = ("alpha", "2016-07-03", "21 killed in army shelling of rebel town Monitor AFP Sunday 3 Jul 2016 Fierce "
              "shelling of the town of Kafr Batna killed 21 people, a monitor said.")
    saturday = ("beta", "2016-07-02", "Army shelling killed 17 people in the town of Kafr Batna on Saturday, "
                "activists said.")
    monday = ("gamma", "2016-07-04", "Syria army shelling kills 25 in rebel town Reuters Monday 4 Jul 2016 "
              "Government shelling killed 25 people in Kafr Batna, a monitor said.")
    events = _reports(sunday, saturday, monday)
    assert len(events) == 3
    assert len(resolve_events(events).incidents) == 1


def test_one_weekday_told_against_publication_days_a_week_apart_is_one_happening() -> None:
    # a page whose publication day is a week off puts "on Wednesday" on the Wednesday before: the same large
    # toll for the same town (not a capital city) makes it one happening; another toll that week stays apart
    alpha = ("alpha", "2016-05-19", "A car bomb killed 27 people in the town of Azaz on Wednesday, a monitor said.")
    beta = ("beta", "2016-05-12", "A massive bomb blast killed at least 27 people and wounded dozens in Azaz on "
            "Wednesday.")
    gamma = ("gamma", "2016-05-19", "A truck bomb killed 27 people on Wednesday in the border town of Azaz, "
             "activists said.")
    delta = ("delta", "2016-05-12", "A car bomb killed nine people in the town of Azaz on Wednesday, a monitor said.")
    events = _reports(alpha, beta, gamma, delta)
    assert len(events) == 4
    assert sorted(len(i.event_ids) for i in resolve_events(events).incidents) == [1, 3]


def test_one_page_recounting_its_toll_in_parts_tells_one_happening() -> None:
    # "more than 50 killed on Thursday", then "the attack killed 15 civilians and 27 fighters": the page tells
    # the toll again in other terms, for the same place, in a sentence that states no day of its own
    pages = [
        ("alpha", "2017-06-02", "Islamic State fighters killed more than 50 people in an attack on two villages in "
         "Hama province on Thursday, a monitor said. The Observatory said the attack killed 15 civilians and 27 "
         "fighters."),
        ("beta", "2016-05-17", "A car bomb killed at least 30 people in the town of Azaz on Monday, a monitor said. "
         "Medics said the car bomb had killed 12 civilians and 14 fighters."),
        ("gamma", "2016-08-09", "Air strikes killed 40 people in the town of Atareb on Monday, a monitor said. "
         "Rescuers said the air strikes killed 22 civilians and 11 rebels."),
    ]
    for page in pages:
        events = _reports(page)
        assert len(events) == 2
        assert len(resolve_events(events).incidents) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("A bombing in the town of Manbij on Tuesday killed 30 people and left dozens wounded, a monitor said.",
         "A huge blast ripped through a crowded street in Manbij on Tuesday, killing 22 people, state television "
         "said."),
        ("Bombing killed 25 people in the town of Jarablus on Friday, a monitor said.",
         "Explosions rocked the town of Jarablus on Friday, killing 19 people, activists said."),
        ("A deadly bombing struck the town of Azaz on Sunday, killing 40 people, the Observatory said.",
         "A huge blast ripped through the market street of Azaz on Sunday, killing 33 people, rescuers said."),
    ],
)
def test_two_explosions_told_in_general_words_are_not_two_kinds_of_attack(first: str, second: str) -> None:
    # neither sentence says how its explosion was delivered: "a bombing" typed as an air strike and "a blast"
    # typed as a planted bomb are two typing guesses about one explosion, not an air strike and a bombing
    events = _reports(("alpha", "2016-08-10", first), ("beta", "2016-08-10", second))
    assert len(events) == 2 and len({e.sub_event_type for e in events}) == 2
    assert len(resolve_events(events).incidents) == 1


@pytest.mark.parametrize(
    "page",
    [
        "An air strike on a bakery in the town of Saraqib killed nine people on Monday, a monitor said. A second air "
        "strike hit a bakery in Saraqib on Monday, wounding five people.",
        "A car bomb killed 12 people near a school in the town of Azaz on Tuesday, a monitor said. Another car bomb "
        "exploded near a school in Azaz on Tuesday, wounding four people.",
        "Air strikes on a market in the town of Maarat al-Numan killed 20 people on Wednesday, a monitor said. In a "
        "separate attack, air strikes hit a market in Maarat al-Numan on Wednesday, wounding six people.",
    ],
)
def test_a_page_telling_one_more_act_of_a_kind_tells_two_happenings(page: str) -> None:
    # "another car bomb", "a second air strike", "in a separate attack": the page tells one more act of the same
    # kind at the same place and day, not its subject again (unless it gives the same toll)
    events = _reports(("alpha", "2016-08-02", page))
    assert len(events) == 2
    assert len(resolve_events(events).incidents) == 2


@pytest.mark.parametrize(
    ("city", "town"),
    [("Aleppo", "Saraqib"), ("Damascus", "Douma"), ("Homs", "Rastan")],
)
def test_a_page_of_saturday_is_no_report_of_wednesday_in_a_capital_city(city: str, town: str) -> None:
    # a publication day (here the page's dateline) bounds the happening from above: in a town, a page of Saturday
    # may tell Wednesday's raid with the same toll; a provincial or national capital sees raids with like tolls
    # on many days
    saturday = ("alpha", "2016-07-16", "Air raids kill 18 civilians in {0} Monitor AFP Saturday 16 Jul 2016 Air raids "
                "on rebel-held districts of {0} killed 18 civilians, a monitor said.")
    wednesday = ("beta", "2016-07-14", "At least 18 people were killed in government air strikes on {0} on "
                 "Wednesday, activists said.")
    for place, incidents in ((city, 2), (town, 1)):
        events = _reports(*((s, p, t.format(place)) for s, p, t in (saturday, wednesday)))
        assert len(events) == 2
        assert len(resolve_events(events).incidents) == incidents, place


@pytest.mark.parametrize("sentence,kind", [
    ("The group said one of its fighters opened fire on the guards before blowing himself up.", "suicide bombing"),
    ("Witnesses said the attacker blows himself up as the convoy passes.", "suicide bombing"),
    ("The man had blown himself up at the gate of the police station.", "suicide bombing"),
    ("Thirty guests died when a bomber struck a hall for weddings near the village.", "wedding"),
    ("Militants have repeatedly targeted weddings in the province.", "wedding"),
])
def test_a_distinctive_kind_is_named_in_its_other_word_forms(sentence: str, kind: str) -> None:
    from sitrep.resolve.signatures import signatures

    assert kind in signatures(sentence)


@pytest.mark.parametrize("claim,other_day", [
    ("The Islamic State group said one of its fighters had fired on a gathering of Kurdish fighters in Tall Tamr "
     "on Monday before blowing himself up.", False),
    ("Jihadists claimed that their fighter had opened fire on the guests in Tall Tamr on Monday before blowing "
     "himself up.", False),
    ("A suicide bomber blew himself up at a Kurdish checkpoint in Tall Tamr on Sunday, killing two guards.", True),
])
def test_a_claim_told_by_blowing_himself_up_is_the_suicide_bombing_of_that_day(claim: str, other_day: bool) -> None:
    # the claim names no bomb ("fired on ... before blowing himself up", typed as fire from afar) but names the
    # suicide bombing the other outlet reports that day; a suicide bombing of the day before stays another happening
    wedding = ("alpha", "2016-10-04", "A suicide bomber killed 22 people at a wedding party in the village of Tall "
               "Tamr on Monday, medics said.")
    sizes = sorted(len(i.event_ids) for i in resolve_events(_reports(wedding, ("beta", "2016-10-04", claim))).incidents)
    assert sizes == ([1, 1] if other_day else [2])


_SARAQIB = ("beta", "2016-08-02", "Rebels shot down a Russian helicopter near Saraqib in Idlib province on Monday, "
            "killing the five crew.")


@pytest.mark.parametrize("first,second,sizes", [
    # a capital named as its government ("for Moscow", "between Ankara and Moscow", "from Washington to Damascus")
    # is no place of the downing: the report joins the one that says where
    (("alpha", "2016-08-02", "A Russian military helicopter was shot down over Syria on Monday, killing all five "
      "people on board in the deadliest single loss for Moscow since its intervention."), _SARAQIB, [2]),
    (("alpha", "2015-11-25", "A Russian warplane was shot down near the Syrian border on Tuesday, the worst incident "
      "between Ankara and Moscow in decades."),
     ("beta", "2015-11-25", "Turkish jets shot down a Russian warplane over Latakia province on Tuesday, a monitor "
      "said."), [2]),
    (("alpha", "2017-06-19", "A Syrian warplane was shot down over Syria on Sunday, a direct challenge from "
      "Washington to Damascus."),
     ("beta", "2017-06-19", "A US jet shot down a Syrian warplane near Raqqa on Sunday, the coalition said."), [2]),
    # near misses: a capital named as the place ("near Damascus") stays a place; another day stays another downing
    (("alpha", "2016-08-02", "Rebels shot down a helicopter near Damascus on Monday, killing five, a monitor "
      "said."), _SARAQIB, [1, 1]),
    (("alpha", "2016-08-02", "A Russian military helicopter was shot down over Syria on Monday, killing all five "
      "people on board in the deadliest single loss for Moscow since its intervention."),
     ("beta", "2016-08-05", "Rebels shot down a Syrian warplane near Hama on Thursday, a monitor said."), [1, 1]),
])
def test_a_capital_named_as_its_government_is_no_place_of_a_rare_happening(
        first: tuple[str, str, str], second: tuple[str, str, str], sizes: list[int]) -> None:
    assert sorted(len(i.event_ids) for i in resolve_events(_reports(first, second)).incidents) == sizes


_GAS_DAY = (("alpha", "2013-08-21", "Rockets carrying sarin struck Zamalka in Eastern Ghouta on Wednesday, killing "
             "hundreds of people, activists said."),
            ("beta", "2013-08-22", "A nerve gas attack on Eastern Ghouta on Wednesday killed at least 600 people, the "
             "opposition said."))


def _violent_sizes(*items: tuple[str, str, str]) -> list[int]:
    events = _reports(*items)
    violent = {e.event_id for e in events if e.event_type != "Diplomacy"}
    return sorted(len(i.event_ids) for i in resolve_events(events).incidents if violent & set(i.event_ids))


@pytest.mark.parametrize("later,sizes", [
    # a later article going back to the attack gives its year only, in the sentence it points back at
    (("gamma", "2016-08-11", "Inspectors established that sarin was used near Damascus in 2013. Washington blamed "
      "the regime for that gas attack, which killed hundreds of civilians in Eastern Ghouta."), [3]),
    (("gamma", "2017-04-15", "The regime handed over its chemical arsenal in 2013 under a deal with Washington. That "
      "deal came after hundreds of people were killed in chemical weapons strikes east of Damascus."), [3]),
    (("gamma", "2015-03-02", "The opposition says the regime gassed the Damascus suburbs in 2013. That sarin attack "
      "killed more than a thousand civilians in Eastern Ghouta."), [3]),
    # near misses: another year, another province, another rare kind
    (("gamma", "2016-08-11", "Inspectors established that sarin was used near Damascus in 2014. Washington blamed "
      "the regime for that gas attack, which killed dozens of civilians in Eastern Ghouta."), [1, 2]),
    (("gamma", "2016-08-11", "Inspectors established that sarin was used in Idlib in 2013. Washington blamed the "
      "regime for that gas attack, which killed dozens of civilians in Khan Shaykhun."), [1, 2]),
    (("gamma", "2016-08-11", "Rebels fought the army in Eastern Ghouta in 2013. That fighting ended when rebels shot "
      "down a helicopter over Eastern Ghouta, killing its crew."), [1, 2]),
])
def test_a_rare_happening_told_later_by_its_year_joins_the_one_of_that_year(
        later: tuple[str, str, str], sizes: list[int]) -> None:
    assert _violent_sizes(*_GAS_DAY, later) == sizes


def test_a_rare_happening_told_later_by_its_year_joins_it_in_the_stream_too() -> None:
    """``sitrep resolve`` streams the reports in time order: the year-dated report sorts by its year, not with the
    undated ones (which meet only each other)."""
    from sitrep.resolve import resolve_stream, time_key

    later = ("gamma", "2017-04-15", "The regime handed over its chemical arsenal in 2013 under a deal with Washington. "
             "That deal came after hundreds of people were killed in chemical weapons strikes east of Damascus.")
    events = [e for e in _reports(*_GAS_DAY, later) if e.event_type != "Diplomacy"]
    incidents = list(resolve_stream(sorted(events, key=time_key)))
    assert sorted(len(i.event_ids) for i in incidents) == [3]


_LATER_BY_YEAR = [
    ("gamma", "2016-08-11", "Inspectors established that sarin was used near Damascus in 2013. Washington blamed the "
     "regime for that gas attack, which killed hundreds of civilians in Eastern Ghouta."),
    ("gamma", "2017-04-15", "The regime handed over its chemical arsenal in 2013 under a deal with Washington. That "
     "deal came after hundreds of people were killed in chemical weapons strikes east of Damascus."),
    ("gamma", "2015-03-02", "The opposition says the regime gassed the Damascus suburbs in 2013. That sarin attack "
     "killed more than a thousand civilians in Eastern Ghouta."),
]


@pytest.mark.parametrize("later", _LATER_BY_YEAR)
@pytest.mark.parametrize("first", [True, False], ids=["year-report-first", "year-report-last"])
def test_the_store_ingest_joins_a_rare_happening_told_by_its_year_as_batch_resolve_does(
        tmp_path: object, later: tuple[str, str, str], first: bool) -> None:
    """The store's ingest (one article a batch, the incremental path) ends where batch ``resolve`` ends: the
    year-dated report loads its year's reports, and a dated report ingested after it finds it stored."""
    from pathlib import Path

    from sitrep.ingest import RawArticle
    from sitrep.pipeline import Pipeline
    from sitrep.store import open_store
    from sitrep.store.base import Query

    items = [later, *_GAS_DAY] if first else [*_GAS_DAY, later]
    raws = [RawArticle(text=text, origin=f"{n}.txt", source=source, published=published)
            for n, (source, published, text) in enumerate(items)]
    store = open_store(str(Path(str(tmp_path)) / "s.db"))
    try:
        Pipeline(store, batch_size=1).ingest_raw(raws)
        events = store.events(Query())
        violent = {e.event_id for e in events if e.event_type != "Diplomacy"}
        stored = sorted(len(i.event_ids) for i in store.incidents(Query()) if violent & set(i.event_ids))
        batch = sorted(len(i.event_ids) for i in resolve_events(events).incidents if violent & set(i.event_ids))
    finally:
        store.close()
    assert stored == batch == [3]


def test_a_year_told_later_joins_neither_of_two_attacks_of_that_year() -> None:
    """Two chemical attacks near Damascus in one year: a report giving only the year says nothing of which."""
    other = (("delta", "2013-04-14", "A chlorine attack on Jobar in Eastern Ghouta on Sunday killed 30 people, "
              "activists said."),
             ("epsilon", "2013-04-15", "Poison gas fired on Jobar in Eastern Ghouta on Sunday killed 30, a monitor "
              "said."))
    later = ("gamma", "2016-08-11", "Inspectors established that sarin was used near Damascus in 2013. Washington "
             "blamed the regime for that gas attack, which killed hundreds of civilians in Eastern Ghouta.")
    assert _violent_sizes(*_GAS_DAY, *other, later) == [1, 2, 2]


_MARKET_MONDAY = ("alpha", "2017-11-14", "Air strikes on a market in the town of Atareb on Monday killed 61 people, a "
                  "monitor said.")


@pytest.mark.parametrize("later,sizes", [
    # a report dated only by the day a toll was told ("raised the toll on Tuesday", "... a monitor said on Thursday")
    # is the report's day, which the strike precedes: no stated day of the strike against Monday's
    (("beta", "2017-11-15", "A war monitor on Tuesday raised the death toll from the air strikes on the market in the "
      "town of Atareb to 61."), [2]),
    (("beta", "2017-11-17", "The death toll from air strikes on the market in the town of Atareb has risen to 61, a "
      "monitor said on Thursday."), [2]),
    (("beta", "2017-11-16", "The Observatory on Wednesday updated the death toll from the air strikes on the Atareb "
      "market to 61."), [2]),
    # near miss: a strike the sentence itself dates to another day, with its own toll, stays another incident
    (("beta", "2017-11-17", "Air strikes on the town of Atareb on Thursday killed nine people, a monitor said."),
     [1, 1]),
])
def test_a_day_a_toll_was_told_is_no_day_of_the_strike(later: tuple[str, str, str], sizes: list[int]) -> None:
    assert _violent_sizes(_MARKET_MONDAY, later) == sizes
