"""One toll per event, accounted for (issue #12): tolls told for a list of places, tolls of listed victim groups,
headlines that tell a listed action. Every sentence here is self-written; each table holds at least three
different sentences of one class of phrasing."""

from __future__ import annotations

import pytest

from sitrep import extract
from sitrep.extract.merge import _title_spans, in_title
from sitrep.extract.numbers import find_casualties


# --------------------------------------------------------------------------- a toll told for a list of places
@pytest.mark.parametrize("text,places", [
    ("On Tuesday seven civilians were killed in rocket attacks on the towns of Saraqeb and Binnish.",
     {"Saraqib", "Binnish"}),
    ("Regime helicopters dropped barrel bombs on the towns of Al-Bab and Manbij on Monday, killing 35 people.",
     {"Al-Bab", "Manbij"}),
    ("Russian jets struck the towns of Kafranbel and Maarat al-Numan on Sunday, killing 14 civilians.",
     {"Kafr Nabl", "Ma`arrat an Nu`man"}),
])
def test_a_list_toll_is_told_once(text: str, places: set[str]) -> None:
    """A toll given for an action on several places ("killed seven in attacks on A and B"): every place's
    event is there, and the list's total is on one of them only (as ACLED codes a list), never repeated."""
    evs = [e for e in extract(text, published="2016-05-31") if e.event_type != "Diplomacy"]
    names = {e.location.name for e in evs if e.location is not None}
    assert len(evs) >= 2 and len(names) >= 2, [(e.location, e.fatalities) for e in evs]
    assert sum(1 for e in evs if e.fatalities) == 1, [(e.location, e.fatalities) for e in evs]


@pytest.mark.parametrize("text", [
    "Shelling killed five people in the Syrian Idlib province on Monday.",
    "An air strike killed nine civilians in the Syrian Deir ez-Zor province on Tuesday.",
    "Rebels shelled the Iraqi Mosul city on Friday, killing four people.",
])
def test_a_country_and_a_place_in_it_are_no_list(text: str) -> None:
    """A demonym before a place ("the Syrian Idlib province") qualifies the place: one event, which keeps
    its toll."""
    evs = [e for e in extract(text, published="2016-05-31") if e.event_type != "Diplomacy"]
    assert len(evs) == 1, [(e.location, e.fatalities) for e in evs]
    assert evs[0].fatalities is not None


@pytest.mark.parametrize("text", [
    "35 Civilians Killed in Regime Air Raids on Rural Aleppo\n\nRegime helicopters dropped barrel bombs on the "
    "towns of Al-Bab and Manbij on Monday, killing 35 people.",
    "14 Civilians Killed in Russian Strikes on Idlib Countryside\n\nRussian jets struck the towns of Kafranbel "
    "and Maarat al-Numan on Sunday, killing 14 civilians.",
    "Seven Killed in Rocket Attacks on Idlib Towns\n\nOn Tuesday seven civilians were killed in rocket attacks on "
    "the towns of Saraqeb and Binnish.",
])
def test_a_headline_telling_a_list_joins_it(text: str) -> None:
    """A headline whose toll is the list's ("35 killed in raids on rural Aleppo" over "raids on A and B that
    killed 35") tells the listed action: it is no event of its own, and the total is told once."""
    evs = [e for e in extract(text, published="2016-05-31") if e.event_type != "Diplomacy"]
    assert sum(1 for e in evs if e.fatalities) == 1, [(e.evidence.text[:40], e.fatalities) for e in evs]
    assert len(evs) == 2, [(e.evidence.text[:40], e.location) for e in evs]


# --------------------------------------------------------------------------- listed victim groups
@pytest.mark.parametrize("text,toll", [
    ("A woman and her three children as well as another child were killed when a barrel bomb hit the village.", 5),
    ("A man and his two sons were killed when a shell hit their house.", 3),
    ("Two soldiers as well as a civilian were killed in the blast.", 3),
    ("The strike killed four fighters in addition to two civilians.", 6),
    ("Shelling killed a woman and her three children.", 4),
    ("Three policemen together with a driver were killed when the bomb went off.", 4),
    # a total and its breakdown are still not summed
    ("The raid killed 21 people, including 15 civilians and 6 fighters.", 21),
])
def test_listed_victim_groups_are_summed(text: str, toll: int) -> None:
    assert find_casualties(text).fatalities == toll


def test_a_lead_total_of_listed_groups_is_no_event() -> None:
    """A lead whose toll sums the body's reports, each told as a list of victim groups, is their total."""
    text = ("Thirteen civilians were killed in air raids on Aleppo province on Wednesday, a monitor said. "
            "A woman and her three children as well as another child were killed when helicopters dropped a barrel "
            "bomb on the village of Tadef. Eight civilians including three children were killed when warplanes "
            "struck the town of Darat Izza.")
    tolls = sorted(e.fatalities or 0 for e in extract(text, published="2015-07-15") if e.event_type != "Diplomacy")
    assert 13 not in tolls and 5 in tolls and 8 in tolls, tolls


# --------------------------------------------------------------------------- the dead an act was the occasion of
_REPORT_THEN_OCCASION = [
    ("Rebels fired rockets at the army base in Jurin on Tuesday. A rebel commander said the rockets were fired in "
     "response to the execution of two prisoners by the army.", "Shelling/artillery/missile attack"),
    ("Army jets bombed the town of Jayrud on Saturday. A rebel spokesman said the raids seemed to be in retaliation "
     "for the killing of a pilot who parachuted down near the town after his plane crashed.", "Air/drone strike"),
    ("Militants stormed a checkpoint in Arish on Friday. The attack was in reprisal for the deaths of four fighters "
     "in an army raid last week.", None),
    ("Government forces shelled the village of Kafr Nabl on Monday. The shelling came in retaliation for the "
     "killing of three soldiers at a checkpoint near the village.", "Shelling/artillery/missile attack"),
]


@pytest.mark.parametrize("text,sub", _REPORT_THEN_OCCASION)
def test_the_dead_of_an_acts_occasion_are_no_toll_of_it(text: str, sub: str | None) -> None:
    """A clause cut off after "in retaliation for", "in response to", "in reprisal for" tells the happening the act
    answered: its dead are no toll of the act, which is still reported (with no toll rather than a wrong one)."""
    evs = [e for e in extract(text, published="2016-07-02") if e.event_type != "Diplomacy"]
    assert evs, text
    assert all(not e.fatalities for e in evs), [(e.sub_event_type, e.fatalities) for e in evs]
    if sub is not None:
        assert any(e.sub_event_type == sub for e in evs), [e.sub_event_type for e in evs]


@pytest.mark.parametrize("text,toll", [
    # the act's own dead, told before its occasion
    ("Rebels fired rockets at the army base in Jurin on Tuesday, killing two soldiers, in response to the shelling "
     "of their positions.", 2),
    # the next sentence tells the act's own dead
    ("Government forces shelled the village of Kafr Nabl on Monday. The shelling killed three civilians at a "
     "checkpoint near the village.", 3),
    ("Army jets bombed the town of Jayrud on Saturday. Five civilians were also killed in the raids, rescuers "
     "said.", 5),
])
def test_an_acts_own_dead_beside_its_occasion_stay_its_toll(text: str, toll: int) -> None:
    evs = [e for e in extract(text, published="2016-07-02") if e.event_type != "Diplomacy"]
    assert [e.fatalities for e in evs if e.fatalities] == [toll], [(e.sub_event_type, e.fatalities) for e in evs]


# --------------------------------------------------------------------------- the lead glued to the restated title
_GLUED_LEADS = [
    ("Eleven killed in shelling on Douma market\n\nPosted on 3 May 2016 by Example News Eleven killed in shelling on "
     "Douma market Eleven civilians were killed on Tuesday when artillery shelled a crowded market in Douma.",
     "Eleven civilians"),
    ("Air raids kill 17 in Idlib village\n\nAir raids kill 17 in Idlib village Wire Service Friday 6 May 2016 "
     "Warplanes struck the village of Kafr Takharim on Friday killing 17 people including four children.",
     "Wire Service"),
    ("Car bomb kills nine in Azaz\n\nPublished 9 May 2016 Car bomb kills nine in Azaz A car bomb exploded near a "
     "mosque in the border town of Azaz on Monday killing nine people a monitor said.", "A car bomb"),
]


@pytest.mark.parametrize("text,lead", _GLUED_LEADS)
def test_a_lead_glued_to_the_restated_title_is_no_title(text: str, lead: str) -> None:
    """A clause that restates the title and goes on, with no stop, into the lead's own sentence is the lead's report
    (its toll the report's, kept wherever the title's twin is), not the title."""
    titles = _title_spans(text)
    start = text.index("\n\n") + 2
    assert len(titles) == 2 and in_title(text, 0, text.index("\n"), titles)
    assert not in_title(text, start, len(text), titles), text[start:]
    assert text.index(lead, start) >= titles[1][1]


@pytest.mark.parametrize("text", [
    # the restated title ends with a stop, or the clause ends with it: the title
    "Car bomb kills nine in Azaz\n\nPublished 9 May 2016. Car bomb kills nine in Azaz. A car bomb exploded in Azaz.",
    "Air raids kill 17 in Idlib village\n\nAir raids kill 17 in Idlib village",
    # a credit of two words after it is no sentence of its own
    "Air raids kill 17 in Idlib village\n\nAir raids kill 17 in Idlib village Wire Service.",
])
def test_a_restated_title_alone_is_the_title(text: str) -> None:
    titles = _title_spans(text)
    assert len(titles) == 2
    end = text.find(".", titles[1][1])  # the restated title's sentence
    assert in_title(text, titles[1][0], end if end > 0 else len(text), titles)


# --------------------------------------------------------------------------- a place named for its rulers
@pytest.mark.parametrize("text,place", [
    ("Air strikes on a market killed 29 civilians in a town in northern Syria on Monday. The monitor said it was not "
     "clear whether the strikes on rebel-held Atareb had been carried out by Syrian warplanes or those of Damascus's "
     "ally Russia.", "Atarib"),
    ("Rockets hit the town of Kafr Nabl on Sunday killing six people, and rebels blamed the attack on Damascus's main "
     "allies.", "Kafr Nabl"),
    ("A car bomb killed five people in Azaz on Friday, and Kurdish officials blamed the bombing on Ankara's proxies.",
     "I‘zāz"),
    ("Shelling killed four people in Binnish on Friday, a monitor said, blaming Tehran's militias in the area.",
     "Binnish"),
])
def test_a_place_named_for_its_rulers_is_not_where_it_happened(text: str, place: str) -> None:
    """ "Damascus's ally Russia", "Ankara's proxies", "Tehran's militias": the capital names who acts, not where (no
    event placed there, nor a second event made of the blame)."""
    evs = [e for e in extract(text, published="2017-11-14") if e.event_type != "Diplomacy"]
    assert evs and all(e.location is not None and place in e.location.name for e in evs), \
        [(e.location.name if e.location else None) for e in evs]


@pytest.mark.parametrize("text,place", [
    # the place's own districts, or a government-held part of it: where it happened
    ("Rebel rockets hit Aleppo's western districts on Tuesday, killing four people.", "Aleppo"),
    ("Rebel shells hit Damascus's old city on Sunday, killing three people.", "Damascus"),
    ("Rebel shells hit the government-held districts of Damascus on Sunday, killing three people.", "Damascus"),
])
def test_a_places_own_districts_stay_where_it_happened(text: str, place: str) -> None:
    evs = [e for e in extract(text, published="2017-11-14") if e.event_type != "Diplomacy"]
    assert evs and all(e.location is not None and place in e.location.name for e in evs), \
        [(e.location.name if e.location else None) for e in evs]


# --------------------------------------------------------------------------- a kinsman with no count
@pytest.mark.parametrize("text,toll", [
    ("One mother and her child were killed after a barrel bomb hit their home.", 2),
    ("A woman and her child were killed when a shell hit their house.", 2),
    ("A man and his young son were shot dead at a checkpoint near the town.", 2),
    ("The strike killed a farmer and his wife.", 2),
    ("One civilian and his wife were killed and their son was wounded.", 2),
])
def test_a_kinsman_named_with_no_count_is_one_more(text: str, toll: int) -> None:
    """ "a woman and her child", "a man and his son": the kinsman named after the first victim is one more victim."""
    assert find_casualties(text).fatalities == toll


@pytest.mark.parametrize("text,toll,injured", [
    # the kinsman is the subject of a clause of his own: not one of the dead
    ("A sniper killed one man and his son survived.", 1, None),
    ("Rebels killed a soldier and his brother was wounded.", 1, None),
    # the kinsman has a count of his own, or the list is a total's breakdown
    ("A woman and her three children were killed.", 4, None),
    ("Four people, a woman and her daughter among them, were killed.", 4, None),
    ("A woman and her husband were wounded.", None, 2),
])
def test_a_kinsman_of_another_clause_or_a_doer_is_no_more_dead(text: str, toll: int | None,
                                                                injured: int | None) -> None:
    c = find_casualties(text)
    assert (c.fatalities, c.injured) == (toll, injured)
