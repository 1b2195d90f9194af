"""Session 16 (issue #18): the error classes of the session 15 and 16 checks (docs/bench/s15-check.md,
docs/bench/s16-check.md), each on self-written sentences extracted for real: an act named as a motive, a quarter of
the city the sentence names, a province's spelling written as a city, "near the city of", and the figures that do not
disagree (a part against a total over an area, a count of one kind of victim, two pages days apart)."""

from __future__ import annotations

import pytest

from sitrep.extract import parse
from sitrep.extract.places import find_places
from sitrep.records import Event
from sitrep.resolve import resolve_events
from sitrep.resolve.contradictions import find_contradictions
from tests.test_resolve_s15 import _reports

# ---------------------------------------------------------------- an act named as the motive of another

# (published, page, the motive's act's sub type, the act it explains: its sub type and day)
_MOTIVES = {
    "revenge": ("2016-08-25",
                "Rebels fired dozens of rockets on Damascus on Thursday, killing three people. The rocket attack was "
                "apparently in revenge for airstrikes by government forces in Eastern Ghouta, which left dozens dead.",
                "Air/drone strike", ("Shelling/artillery/missile attack", "2016-08-25")),
    "retaliation": ("2016-08-25",
                    "Rebels fired mortar shells on Damascus on Monday. The shelling came in retaliation for air "
                    "strikes on Douma that killed ten people.",
                    "Air/drone strike", ("Shelling/artillery/missile attack", "2016-08-22")),
    "response": ("2016-08-25",
                 "Turkish jets struck Kurdish positions near Afrin on Sunday in response to a car bombing in Ankara "
                 "that killed 28 people.",
                 "Remote explosive/landmine/IED", ("Air/drone strike", "2016-08-21")),
}


@pytest.mark.parametrize("case", sorted(_MOTIVES))
def test_an_act_named_as_a_motive_is_not_dated_by_the_act_it_explains(case: str) -> None:
    published, page, motive_sub, (act_sub, act_day) = _MOTIVES[case]
    events = _reports("alpha", published, page)
    act = next(e for e in events if e.sub_event_type == act_sub)
    motive = next(e for e in events if e.sub_event_type == motive_sub)
    assert act.date == act_day
    assert motive.date is None and "date:motive" in motive.notes  # it came before, on a day the page does not tell


def test_a_motive_with_a_day_of_its_own_keeps_it() -> None:
    events = _reports("alpha", "2016-08-25", "Israeli aircraft hit a Syrian army post on Saturday in retaliation for "
                                             "a mortar shell that landed in the Golan Heights on Friday.")
    assert sorted(e.date for e in events if e.date) == ["2016-08-19", "2016-08-20"]
    assert not any("date:motive" in e.notes for e in events)


def test_the_motive_does_not_join_the_act_it_explains() -> None:
    published, page, motive_sub, _ = _MOTIVES["revenge"]
    events = _reports("alpha", published, page) + _reports(
        "beta", published, "Rebels fired rockets at residential areas of Damascus on Thursday, killing three people.")
    result = resolve_events(events)
    ids = {e.event_id: e for e in events}
    for inc in result.incidents:
        subs = {ids[i].sub_event_type for i in inc.event_ids}
        assert motive_sub not in subs or len(subs) == 1


# ---------------------------------------------------------------- a quarter of the city the sentence names

# a page that first tells of one city, then of a quarter "in" or "of" another city: the quarter is that city's
_QUARTERS = [
    ("Five people died in Aleppo city. Shells hit al-Qusour neighborhood in Deir Ezzor city on Monday.",
     "al-Qusour", "Deir ez-Zor"),
    ("Rockets fell on Aleppo city. A sniper shot a man in the Bab Amr neighbourhood in Homs city.",
     "Bab Amr", "Homs"),
    ("Five died in Aleppo city. Later a missile hit the Qusour neighborhood in the eastern city of Deir el-Zour.",
     "Qusour", "Deir ez-Zor"),
    ("Rockets hit Damascus on Sunday. Mortars fell on the Joura neighbourhood of the city of Deir Ezzor.",
     "Joura", "Deir ez-Zor"),
]


@pytest.mark.parametrize("text, quarter, city", _QUARTERS)
def test_a_quarter_is_looked_up_in_the_city_the_sentence_names(text: str, quarter: str, city: str) -> None:
    found = {p.mention: p.place for p in find_places(text, parse(text))}
    place = found[quarter]
    assert place is not None and place.admin1 == city and place.precision in ("point", "district")


def test_a_quarter_named_without_its_city_stays_in_the_city_told_before() -> None:
    text = "Rockets fell on Aleppo city. Later the Salah al-Din neighborhood was shelled."
    found = {p.mention: p.place for p in find_places(text, parse(text))}
    assert found["Salah al-Din"] is not None and found["Salah al-Din"].name == "Aleppo - Salah al-Din"


# ---------------------------------------------------------------- a province's spelling written as a city

@pytest.mark.parametrize("text", [
    "ISIS shelled Deir Ezzor city on Monday.",
    "Shells fell on the city of Deir Ezzor on Monday.",
    "Two died as ISIS shelled Deir Ezzor city's al-Joura neighbourhood.",
])
def test_a_province_spelling_written_as_a_city_is_the_city(text: str) -> None:
    place = next(p.place for p in find_places(text, parse(text)) if p.mention == "Deir Ezzor")
    assert place is not None and place.precision == "point" and place.feature == "PPLA"


def test_a_province_spelling_without_city_stays_the_province() -> None:
    text = "Shells fell on Deir Ezzor province on Monday."
    place = next(p.place for p in find_places(text, parse(text)) if p.mention == "Deir Ezzor")
    assert place is not None and place.precision == "admin1"


# ---------------------------------------------------------------- a figure of one place against a total over an area

# (published, the total over an area, a smaller figure of one place in it)
_TOTALS = {
    "in and around": ("2017-04-25",
                      "Air strikes in and around the town of Kafr Nabl in Idlib province on Tuesday killed 26 people, "
                      "a monitor said.",
                      "Air strikes on the village of Hass near Kafr Nabl in Idlib province on Tuesday killed 12 "
                      "people, a monitor said."),
    "its outskirts": ("2016-03-08",
                      "Government shelling on Douma and its outskirts killed 20 people on Tuesday, activists said.",
                      "Government shelling on Douma killed eight people on Tuesday, activists said."),
    "nearby villages": ("2016-05-10",
                        "Barrel bombs on Saraqeb and nearby villages killed 31 people on Tuesday, a monitor said.",
                        "Barrel bombs on Saraqeb killed 17 people on Tuesday, a monitor said."),
    "two cities": ("2016-08-25",
                   "Eight civilians were killed on Thursday in terrorist rocket attacks in Aleppo and Homs.",
                   "Six civilians were killed on Thursday when rebels fired rockets on Aleppo."),
}


def _first(source: str, published: str, text: str) -> Event:
    return _reports(source, published, text)[0]


@pytest.mark.parametrize("case", sorted(_TOTALS))
def test_a_part_is_no_disagreement_with_a_total_over_its_area(case: str) -> None:
    published, total, part = _TOTALS[case]
    a, b = _first("alpha", published, total), _first("beta", published, part)
    assert a.fatalities is not None and b.fatalities is not None and b.fatalities < a.fatalities
    assert not [c for c in find_contradictions([a, b]) if c.field == "fatalities"]


@pytest.mark.parametrize("total, other", [
    # two totals over the same area disagree; two figures of one town with no area word disagree
    ("Air strikes in and around the town of Kafr Nabl in Idlib province on Tuesday killed 26 people, a monitor said.",
     "Air strikes in and around the town of Kafr Nabl in Idlib province on Tuesday killed 40 people, rescuers said."),
    ("Air strikes on the town of Kafr Nabl in Idlib province on Tuesday killed 26 people, a monitor said.",
     "Air strikes on the town of Kafr Nabl in Idlib province on Tuesday killed 12 people, rescuers said."),
    # a figure larger than the area's total is no part of it
    ("Government shelling on Douma and its outskirts killed 20 people on Tuesday, activists said.",
     "Government shelling on Douma killed 35 people on Tuesday, activists said."),
])
def test_figures_that_cannot_be_part_and_total_still_disagree(total: str, other: str) -> None:
    a, b = _first("alpha", "2017-04-25", total), _first("beta", "2017-04-25", other)
    assert [c.field for c in find_contradictions([a, b])] == ["fatalities"]


# -------------------------------------------------------- a count of one kind of victim against a count of people

@pytest.mark.parametrize("kind, people", [
    ("The US missile strike on the airbase killed four children, a source told the agency on Friday.",
     "The US missile strike on the airbase killed five people and injured seven, the governor said on Friday."),
    ("At least seven Syrian children were killed in regime shelling of the town of Jisreen on Tuesday.",
     "Eight people were killed in regime shelling of the town of Jisreen on Tuesday, the monitor said."),
    ("Three women died when a rocket hit the market in Douma on Tuesday, rescuers said.",
     "Six civilians died when a rocket hit the market in Douma on Tuesday, the monitor said."),
])
def test_a_count_of_one_kind_of_victim_is_no_disagreement_with_a_larger_count_of_people(kind: str, people: str) -> None:
    a, b = _first("alpha", "2017-10-31", kind), _first("beta", "2017-10-31", people)
    assert a.fatalities is not None and b.fatalities is not None and a.fatalities < b.fatalities
    assert not [c for c in find_contradictions([a, b]) if c.field == "fatalities"]


@pytest.mark.parametrize("one, other", [
    # two counts of the same kind disagree; a count of a kind larger than the count of people cannot be a part of it
    ("At least three children were killed in a rocket attack on a school in Aleppo on Thursday, state media said.",
     "A rocket attack on a school in Aleppo on Thursday killed at least six children, state media said."),
    ("At least nine children were killed in regime shelling of the town of Jisreen on Tuesday.",
     "Five people were killed in regime shelling of the town of Jisreen on Tuesday, the monitor said."),
])
def test_counts_of_one_kind_that_cannot_be_parts_still_disagree(one: str, other: str) -> None:
    a, b = _first("alpha", "2016-10-27", one), _first("beta", "2016-10-27", other)
    assert [c.field for c in find_contradictions([a, b])] == ["fatalities"]


# -------------------------------------------------------- two pages that each tell only their own day, days apart

# (text of the earlier page, text of the later one): each sentence states no day, so each is dated by its page
_DAILY = [
    ("Terrorists fired rocket shells at residential neighborhoods in Aleppo city, killing one civilian and injuring "
     "four others.",
     "One civilian was killed and three others were injured by rocket shells fired by terrorists on residential "
     "neighborhoods in Aleppo city."),
    ("Mortar shells fired by terrorists on Homs city killed two civilians and injured six others, a police source "
     "said.",
     "Two civilians were killed and nine others were injured when terrorists fired mortar shells on Homs city, a "
     "police source said."),
    ("Terrorists targeted residential areas in Latakia city with rockets, killing three civilians, a police source "
     "said.",
     "Rockets fired by terrorists on residential areas in Latakia city killed five civilians, a police source "
     "said."),
]


def _field_values(a: Event, b: Event) -> list[str]:
    return [c.field for c in find_contradictions([a, b]) if c.field in ("fatalities", "injured")]


@pytest.mark.parametrize("first, second", _DAILY)
def test_two_pages_each_dated_by_its_own_day_days_apart_do_not_disagree(first: str, second: str) -> None:
    a, b = _first("alpha", "2016-08-12", first), _first("beta", "2016-08-14", second)
    assert a.date_method == b.date_method == "publication" and a.date != b.date
    assert not _field_values(a, b)
    # the same pages a day apart (a report of the night, a late page) do
    c = _first("beta", "2016-08-13", second)
    assert _field_values(a, c)


@pytest.mark.parametrize("text", [
    "The bombers targeted the Syrian army troops near the city of Deir Ezzor on September 17.",
    "Jets struck an army convoy outside the city of Deir Ezzor on Monday.",
    "Shells fell close to the town of Deir Ezzor on Sunday, killing two.",
])
def test_near_a_province_spelling_written_as_a_city_is_the_city_at_the_precision_of_near(text: str) -> None:
    place = next(p.place for p in find_places(text, parse(text)) if p.mention == "Deir Ezzor")
    assert place is not None and place.precision == "district" and place.feature == "PPLA"


def test_near_a_town_the_gazetteer_knows_stays_the_town() -> None:
    text = "Jets struck a convoy near the town of Saraqib on Monday."
    place = next(p.place for p in find_places(text, parse(text)) if p.mention == "Saraqib")
    assert place is not None and place.precision == "point"
