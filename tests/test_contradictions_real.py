"""Only real disagreements are listed (issue #18): each value supported by its own evidence sentence, about one
happening, between two sources. Self-written reports, extracted for real (no shared data needed)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from sitrep.records import ActorRef, Event
from sitrep.resolve.contradictions import find_contradictions, quarters, supported


def _report(text: str, source: str = "alpha", published: str = "2016-06-06") -> Event:
    """The one event a self-written sentence gives, extracted for real."""
    from sitrep.extract import extract

    events = [e for e in extract(text, published, source=source) if e.fatalities is not None or e.injured is not None]
    assert len(events) == 1, [e.to_dict() for e in events]
    return events[0]


def _fields(*events: Event) -> set[str]:
    return {c.field for c in find_contradictions(events)}


# a figure the sentence gives for the other count: (sentence, field, the misread value, the value it does state)
OTHER_COUNT = [
    ("One man was killed and three others were injured when a shell hit the market in Hodeidah on Monday.",
     "fatalities", 3, 1),
    ("Militants killed one soldier and wounded four police officers in an attack on a checkpoint in Arish on Monday.",
     "fatalities", 4, 1),
    ("Two civilians were killed five wounded in the rocket attack on Kidal on Monday.", "fatalities", 5, 2),
    ("Six people were killed and two injured when a mortar round hit a bus in Mosul on Monday.", "injured", 6, 2),
]


@pytest.mark.parametrize(("text", "field", "misread", "stated"), OTHER_COUNT)
def test_a_figure_the_sentence_gives_for_the_other_count_is_not_support(
    text: str, field: str, misread: int, stated: int
) -> None:
    ev = _report(text)
    assert getattr(ev, field) == stated and supported(ev, field)
    wrong = replace(ev, **{field: misread})
    assert not supported(wrong, field)
    # against another source that states the misread figure, nothing is listed
    other = replace(_report(text, source="beta"), event_id="other", doc_id="other", **{field: misread})
    assert field not in _fields(wrong, replace(other, evidence=replace(other.evidence, text=f"{misread} {field}")))


# an article names a victim, it does not count the dead or the wounded: (sentence, field)
ARTICLE = [
    ("Rescuers carry the body of a dead girl from the rubble after an air strike on Saraqib on Monday.", "fatalities"),
    ("A woman mourns over the body of a child killed in the shelling of Taiz on Monday.", "fatalities"),
    ("A boy wounded in the air strike on Marib is treated at a field hospital on Monday.", "injured"),
]


@pytest.mark.parametrize(("text", "field"), ARTICLE)
def test_an_article_is_not_a_stated_figure(text: str, field: str) -> None:
    ev = _report(text)
    assert getattr(ev, field) == 1 and not supported(ev, field)
    toll = _report("The air strike on the market killed 12 people and wounded 20 on Monday, a monitor said.", "beta")
    assert field not in _fields(ev, toll)


def test_a_number_word_one_is_a_stated_figure() -> None:
    one = _report("One civilian was killed when a shell hit the market in Taiz on Monday.")
    assert one.fatalities == 1 and supported(one, "fatalities")
    three = _report("Three civilians were killed when a shell hit the market in Taiz on Monday.", "beta")
    assert "fatalities" in _fields(one, three)


# the doer of another act the sentence tells after its own: (sentence, the mention taken as the doer)
OTHER_ACT = [
    ("The army has killed at least 30 people in a revenge shelling of Kafr Nabl after a helicopter was shot down "
     "by rebels.", "rebels"),
    ("Government forces shelled the village of Tal Rifaat killing 12 after a checkpoint was attacked by Kurdish "
     "fighters.", "Kurdish fighters"),
    ("Air strikes killed 20 people in Jisr al-Shughour on Sunday in retaliation for a raid that was carried out by "
     "the Nusra Front.", "the Nusra Front"),
]


def _as_doer(ev: Event, mention: str) -> Event:
    return replace(ev, actor1=ActorRef(name=f"Actor {mention}", type="rebel group", mention=mention))


@pytest.mark.parametrize(("text", "mention"), OTHER_ACT)
def test_the_doer_of_another_act_is_not_the_perpetrator(text: str, mention: str) -> None:
    ev = _as_doer(_report(text), mention)
    assert not supported(ev, "actor1")
    army = _report("Government forces shelled the town on Sunday killing 30 people, a monitor said.", "beta")
    army = replace(army, actor1=ActorRef(name="Military Forces", type="state forces", mention="Government forces"))
    assert "actor1" not in _fields(ev, army)


@pytest.mark.parametrize("text", [
    "Rebels shelled the town of Mhardeh killing nine civilians on Monday after the army had advanced.",
    "After the army had advanced rebels shelled the town of Mhardeh killing nine civilians on Monday.",
    "Rebels who had been driven out of the town shelled Mhardeh on Monday killing nine civilians.",
    "Nine soldiers were killed on Monday after their convoy was ambushed by rebels near Mhardeh.",
])
def test_the_doer_of_the_act_itself_is_still_the_perpetrator(text: str) -> None:
    assert supported(_as_doer(_report(text), "rebels" if "rebels" in text else "Rebels"), "actor1")


# two figures told of quarters of one city that share no name: two happenings, not one toll told twice
QUARTERS = [
    ("Rockets fired by militants on al-Midan neighbourhood killed two civilians on Monday.",
     "Eight people were killed when shells hit the al-Jamiliyah neighbourhood on Monday."),
    ("A car bomb killed 12 people in the Karrada district of Baghdad on Friday.",
     "A car bomb killed five people in the Sadr City district of Baghdad on Friday."),
    ("Mortar shells hit the Hodan district of Mogadishu on Sunday killing three people.",
     "Mortars killed seven people in the Wadajir district of Mogadishu on Sunday."),
    ("Rocket shells fell on the al-Salihiyah area of Damascus on Tuesday killing four people.",
     "Six people were killed when rockets hit the Bab Touma (Old City) area of Damascus on Tuesday."),
]


@pytest.mark.parametrize(("a", "b"), QUARTERS)
def test_figures_from_quarters_with_no_name_in_common_do_not_disagree(a: str, b: str) -> None:
    ea, eb = _report(a), _report(b, "beta")
    assert ea.fatalities != eb.fatalities and quarters(a) and quarters(b) and quarters(a).isdisjoint(quarters(b))
    assert "fatalities" not in _fields(ea, eb)


@pytest.mark.parametrize(("a", "b"), [
    ("A car bomb killed 12 people in the Karrada district of Baghdad on Friday.",
     "A car bomb killed 15 people in the Karrada district of Baghdad on Friday."),
    ("A car bomb killed 12 people in the Karrada district of Baghdad on Friday.",
     "A car bomb killed 15 people in Baghdad on Friday."),
    ("Rockets fired on the neighbourhoods of al-Midan and al-Furqan killed two civilians on Monday.",
     "Rockets fired on al-Furqan neighbourhood killed four civilians on Monday."),
    ("A rocket shell hit al-Hamadaniyah neighbourhood on Monday killing three civilians.",
     "Five civilians were killed when a shell hit the Hamadaniyeh neighborhood on Monday."),
])
def test_figures_from_one_quarter_or_an_unnamed_one_disagree(a: str, b: str) -> None:
    assert "fatalities" in _fields(_report(a), _report(b, "beta"))


def test_quarters_of_a_sentence() -> None:
    assert quarters("rockets hit the al-Midan and al-Furqan neighborhoods") == quarters("the Meidan and Furqan areas")
    assert len(quarters("shells landed on the neighbourhoods of al-Sabil and al-Midan in the city")) == 2
    assert quarters("a bomb went off in the Karrada district") == quarters("a bomb went off in Karada district")
    assert quarters("in the Salah-Eddin neighbourhood") == quarters("in the Salah al-Din district")
    assert quarters("shells hit the eastern neighbourhoods of the city") == frozenset()


def test_sources_disagree_when_the_figures_they_state_have_none_in_common() -> None:
    three = _report("Three people were killed when a chlorine barrel fell on the Zubdiya quarter on Wednesday.")
    four = replace(_report("At least four people died when a chlorine barrel fell on Aleppo on Wednesday."),
                   event_id="a2", doc_id=three.doc_id)
    five = _report("A gas attack on Aleppo killed five civilians on Wednesday.", "beta")
    # one report gives 3 and 4 (two tellers it quotes); another gives 5: they disagree
    assert "fatalities" in _fields(three, four, five)
    # a second report that gives 3 and 4 too agrees with the first
    three_b = replace(three, event_id="b1", doc_id="b", source="beta")
    four_b = replace(four, event_id="b2", doc_id="b", source="beta")
    assert "fatalities" not in _fields(three, four, three_b, four_b)
    # a second report that repeats one of the first report's figures does not disagree with it
    assert "fatalities" not in _fields(three, four, three_b)


# a page dated only by its publication day, out before the day another report's sentence gives, and that report
TOLD_BEFORE = [
    (("A gas attack on Aleppo killed five civilians, militia members said.", "2016-08-03"),
     ("Chlorine dropped on Aleppo on Wednesday killed four people, rescuers said.", "2016-08-11")),
    (("Mortar fire on the market in Mosul killed seven people, police said.", "2017-03-01"),
     ("Mortar fire on the market in Mosul on Friday killed nine people, police said.", "2017-03-11")),
    (("A car bomb in Kabul killed 12 people, officials said.", "2018-05-02"),
     ("A car bomb in Kabul on 9 May killed 15 people, officials said.", "2018-05-10")),
]


@pytest.mark.parametrize(("early", "late"), TOLD_BEFORE)
def test_a_page_out_before_the_stated_day_tells_another_happening(
    early: tuple[str, str], late: tuple[str, str]
) -> None:
    before = _report(early[0], "alpha", early[1])
    stated = _report(late[0], "beta", late[1])
    assert before.date_method == "publication" and supported(stated, "date")
    assert "fatalities" not in _fields(before, stated)
    # the same page published after the stated day may well tell of it: the figures disagree
    after = _report(early[0], "alpha", late[1])
    assert "fatalities" in _fields(after, stated)


@pytest.mark.parametrize("tally", [
    "Government air strikes have killed 327 people in Aleppo province since the start of the month, the monitor said.",
    "Air strikes killed 45 civilians in Aleppo province over the past three days, the monitor said.",
    "Rebel shelling has killed 60 people in western Aleppo so far this month, state media said.",
])
def test_a_tally_over_a_period_is_no_figure_of_one_happening(tally: str) -> None:
    from sitrep.extract import extract

    # the extraction gives a period's tally no toll (or, for a toll over the last days, no event at all: a tally,
    # s11-prec); a tally toll that reached an event is still no evidence
    totals = extract(tally, "2016-10-20", source="alpha")
    day = _report("Government air strikes killed 12 people in Aleppo province on Monday, the monitor said.", "beta",
                  "2016-10-20")
    assert all(t.fatalities is None or not supported(t, "fatalities") for t in totals) and supported(day, "fatalities")
    forged = [replace(t, fatalities=int(re.findall(r"\d+", tally)[0])) for t in totals]
    assert not any(supported(t, "fatalities") for t in forged)
    if forged:
        assert "fatalities" not in _fields(*forged, day)


# a figure that counts one group of the dead: (sentence with the group's figure, that figure)
SUBGROUP = [
    ("The air strike on the market in Maarat al-Numan killed people on Monday; among the dead were four children.", 4),
    ("Shelling hit the school in Taiz on Monday, and among the killed civilians there are three women.", 3),
    ("The car bomb in Azaz on Monday killed at least one teacher as well as the pupils waiting outside.", 1),
    ("A rocket hit the bus in Marib on Monday, killing two soldiers as well as several passengers.", 2),
    # one of a group, named as the doer or the victim, is no toll
    ("The group said in a statement that one of its fighters had fired on the gathering before blowing himself up.",
     1),
    ("Two of their members were among those who opened fire on the checkpoint on Monday.", 2),
    ("Three of his bodyguards were wounded when the car bomb went off on Monday.", 3),
]


@pytest.mark.parametrize(("text", "part"), SUBGROUP)
def test_a_figure_for_one_group_of_the_dead_is_not_the_toll(text: str, part: int) -> None:
    ev = replace(_report("The air strike on the market killed 12 people on Monday, a monitor said."),
                 fatalities=part)
    ev = replace(ev, evidence=replace(ev.evidence, text=text))
    assert not supported(ev, "fatalities")


# a round figure told loosely and a count inside the range it tells: (loose sentence, its figure, the count)
ROUNDED = [
    ("More than 30 people were wounded when a car bomb exploded in Azaz on Monday.", "injured", 30, 32),
    ("Nearly 50 people were killed in the air strikes on the market in Douma on Monday.", "fatalities", 50, 47),
    ("About 20 people were killed when shells hit the market in Taiz on Monday.", "fatalities", 20, 22),
]


@pytest.mark.parametrize(("text", "field", "loose", "count"), ROUNDED)
def test_a_round_figure_agrees_with_a_count_within_its_range(text: str, field: str, loose: int, count: int) -> None:
    a = _report(text)
    assert getattr(a, field) == loose and supported(a, field)
    kind = "wounded" if field == "injured" else "killed"
    b = replace(_report(f"The attack on Monday left {count} people {kind}, the monitor said.", "beta"),
                event_id="b", doc_id="b")
    assert field not in _fields(a, b)
    # a count outside the range is a disagreement ("more than 30" against 62)
    c = replace(b, **{field: count + 40})
    c = replace(c, evidence=replace(c.evidence, text=f"The attack on Monday left {count + 40} people {kind}."))
    assert field in _fields(a, c)
