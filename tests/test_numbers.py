"""Casualty figures from real news sentences, and properties of the number parser."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.extract.numbers import MAX_COUNT, find_casualties, parse_count


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("a Saturday ambush by a Daesh gunman in the Palmyra desert, which killed two US service members and "
         "one American civilian, and wounded three others", 3, 3),
        ("an IS-linked suicide bomber attacked a coalition convoy in Palmyra, killing two US Army personnel and "
         "a civilian interpreter", 3, None),
        ("following an ambush near Palmyra that resulted in the deaths of three Americans", 3, None),
        ("US Central Command carried out airstrikes that killed 12 ISIS fighters", 12, None),
        ("the names of four members of the \u201cSayyid al-Shuhada Brigades,\u201d which it said were killed in "
         "the attack", 4, None),
        ("US forces came under missile fire in Syria today, Monday, without casualties", 0, 0),
        ("The Syrian army shelled the town. Neither injuries nor fatalities were reported.", 0, 0),
        ("which led to the killing of 1 civilian and the injury of others.", 1, None),
        # a vague quantity states no figure: no toll (ACLED's coding of it is the coder's, see coded-as below)
        ("dozens of civilians were killed in the bombardment", None, None),
        ("several soldiers were killed and many others wounded", None, None),
        ("the strikes killed a number of terrorists and injured scores of civilians", None, None),
        ("at least 70 people were killed when the market was hit", 70, None),
        ("residents blocked the road, causing clashes with the police, injuring six civilians and four police "
         "officers", None, 10),
        ("at least one civilian was killed and three others were injured when a gunman opened fire", 1, 3),
        ("killed 4 IS militants (among them a prominent leader of the group)", 4, None),
        ("Total unknown number of fatalities coded as 10.", 10, None),
        ("Three days later, another senior ISIS leader was eliminated in Deir al-Zor", 1, None),
        ("The protest ended peacefully.", None, None),
        ("Three civilians killed 12 others injured in terrorist attacks in Aleppo.", 3, 12),
    ],
)
def test_casualties_from_real_sentences(sentence: str, killed: int | None, injured: int | None) -> None:
    c = find_casualties(sentence)
    assert (c.fatalities, c.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "value"),
    [("12", 12), ("1,200", 1200), ("twenty-five", 25), ("two hundred and five", 205), ("a", 1),
     ("dozens", 12), ("tens", 10), ("hundreds", 100), ("at least 70", 70), ("10-15", 10), ("several", 10)],
)
def test_parse_count(text: str, value: int) -> None:
    assert parse_count(text) == value


@pytest.mark.parametrize("text", ["10^30", "1e30", "99999999999999999999", "1000001", "banana", ""])
def test_absurd_or_non_numbers_are_rejected(text: str) -> None:
    assert parse_count(text) is None


def test_absurd_figure_in_a_sentence_is_not_a_count() -> None:
    c = find_casualties("The statement claimed 10^30 killed in the strike.")
    assert c.fatalities is None


@given(st.integers(min_value=0, max_value=MAX_COUNT))
def test_digits_round_trip(n: int) -> None:
    assert parse_count(str(n)) == n
    assert parse_count(f"{n:,}") == n


@given(st.integers(min_value=MAX_COUNT + 1, max_value=10**40))
def test_large_numbers_are_capped_not_overflowed(n: int) -> None:
    assert parse_count(str(n)) is None


@given(st.text(max_size=200))
def test_parser_never_raises(s: str) -> None:
    v = parse_count(s)
    assert v is None or 0 <= v <= MAX_COUNT
    c = find_casualties(s)
    for x in (c.fatalities, c.injured):
        assert x is None or 0 <= x <= MAX_COUNT


@given(st.integers(min_value=2, max_value=999), st.sampled_from(["civilians", "fighters", "soldiers", "people"]))
def test_killed_figure_in_template(n: int, noun: str) -> None:
    assert find_casualties(f"The strike killed {n} {noun} in the village.").fatalities == n
    assert find_casualties(f"{n} {noun} were killed in the shelling.").fatalities == n


@pytest.mark.parametrize(("text", "killed"), [
    ("Police clashed with IS militants near the village, killing six of them.", 6),
    ("Border guards clashed with militants west of Mosul and killed 3 of them.", 3),
    ("9 IS militants, including a suicide bomber were killed by the PMF in the valley.", 9),
    ("Troops clashed with four suicide attackers in Haditha district, three of the attackers were killed.", 3),
    ("Airstrikes on the town led to the injury of several civilians and the death of 2.", 2),
])
def test_partitive_and_bare_counts(text: str, killed: int) -> None:
    assert find_casualties(text).fatalities == killed


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Rebels shot down an army helicopter on Tuesday, killing its two pilots.", 2, None),
        ("Insurgents brought down a transport plane, killing all four crew.", 4, None),
        ("The gunman broke into the house and killed their three children.", 3, None),
        ("A bomb exploded at the gate, wounding the two guards.", None, 2),
        ("The blast killed all 12 passengers on the bus.", 12, None),
    ],
)
def test_whose_or_all_before_a_count_keeps_the_count(sentence: str, killed: int | None,
                                                     injured: int | None) -> None:
    found = find_casualties(sentence)
    assert (found.fatalities, found.injured) == (killed, injured)


@pytest.mark.parametrize(("text", "killed"), [
    ("Air raids on the town killed another six people, the monitor said.", 6),
    ("Shelling on the district killed another four civilians on Monday.", 4),
    ("Air strikes on the market killed another 12 people, activists said.", 12),
    ("A car bomb at the checkpoint killed a further 12 fighters.", 12),
    ("The blast killed an additional three soldiers.", 3),
])
def test_another_n_is_n_not_one(text: str, killed: int) -> None:
    # "another six people" is six dead; only "another" alone ("another child") is one
    assert find_casualties(text).fatalities == killed


@pytest.mark.parametrize("text", [
    "Gunmen killed a farmer and another man in the village.",
    "A shell killed a woman and another child died of his wounds.",
    "One soldier was shot dead and another was killed by a sniper.",
])
def test_another_alone_still_counts_one_more(text: str) -> None:
    assert find_casualties(text).fatalities == 2


@pytest.mark.parametrize(("sentence", "killed"), [
    # "as many as N" is the figure of the report, as "up to N" is
    ("A car bomb killed as many as 20 people in Azaz on Monday.", 20),
    ("Air strikes on the market killed as many as 40 civilians on Sunday.", 40),
    ("A suicide bomber blew himself up at a checkpoint, killing as many as 15 fighters.", 15),
    ("Barrel bombs dropped on the town claimed as many as 27 lives.", 27),
    ("Activists said as many as 35 civilians were killed in the raids on the market.", 35),
    # a risen toll whose happening is named at length before its verb: the latest figure, not the part it includes
    ("The death toll from air strikes on the town of Maarat al-Numan has risen to 40 people, including 25 civilians.",
     40),
    ("The toll from Sunday's rocket attacks on the government-held districts of western Aleppo city has climbed to "
     "17, state media said.", 17),
    ("The death toll from Russian and Syrian strikes in the opposition-held town of Al-Mayadin in the east of the "
     "country has risen to 82 people including 58 civilians.", 82),
    # near misses: a toll that may reach a figure is no figure; an earlier toll is superseded
    ("The monitor said the death toll could reach as many as 200.", None),
    ("The death toll from the attack on the village rose to 51 from an earlier toll of 30.", 51),
])
def test_as_many_as_and_a_toll_risen_to(sentence: str, killed: int | None) -> None:
    assert find_casualties(sentence).fatalities == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    # a two-word person noun ("staff member", "crew members") does not end the list of victims it opens
    ("The convoy attack, which the Red Crescent says killed a staff member and around 20 civilians, halted aid.", 21),
    ("The strike on the helicopter killed two crew members and three passengers.", 5),
    ("Air strikes near Saraqib killed a family member and two nurses who came to help.", 3),
    # near misses: the noun alone, and a person of a party
    ("The raid killed a staff member of the hospital.", 1),
    ("Gunmen killed a party member and his two sons in Qamishli.", 3),
])
def test_a_two_word_person_noun_keeps_the_list_going(sentence: str, killed: int) -> None:
    assert find_casualties(sentence).fatalities == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    # a superlative measured from a start ("the biggest ... since they started operations") dates a comparison, however
    # long the noun phrase it heads: the toll stands
    ("A helicopter was shot down near the town on Monday killing all five people on board in the biggest officially "
     "acknowledged loss of life experienced by its forces since they started operations in the country.", 5),
    ("The blast killed 14 soldiers, the deadliest single attack on government forces in the province since the war "
     "began.", 14),
    ("Jets killed nine civilians in Douma, the worst toll suffered by the besieged town in a single day since the "
     "truce collapsed.", 9),
    # near miss: the superlative opens another clause; the tally's own figure is not the toll
    ("In the worst raid this month, jets killed 12 people, bringing to 300 the number of dead since the offensive "
     "began.", 12),
])
def test_a_long_superlative_before_since_keeps_the_toll(sentence: str, killed: int) -> None:
    assert find_casualties(sentence).fatalities == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    # a four-digit figure that counts the people after it is no year
    ("Activists said the shelling killed between 1000 and 1800 people in the suburbs.", 1000),
    ("Some 1900 civilians died during the siege of the old city.", 1900),
    ("The opposition accused the army of killing 2000 people in the offensive.", 2000),
    # near misses: a year after a word of time or a month stays a year
    ("In 2013 people fled the town after shelling killed 12.", 12),
    ("Since 2011 civilians have been killed across the country.", None),
    ("In August 2014 fighters overran the base, killing 9 soldiers.", 9),
])
def test_a_four_digit_figure_of_people_is_a_count(sentence: str, killed: int | None) -> None:
    assert find_casualties(sentence).fatalities == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    # victims "fallen" to a happening, and a figure told as an estimate or a belief, are its dead
    ("A total of 300 people have fallen victims of the gas attack, a doctor said.", 300),
    ("Twelve civilians fell victim to the barrel bombs dropped on the market.", 12),
    ("The strike in which more than 40 are estimated to have been killed hit a bakery.", 40),
    ("At least 25 fighters are feared to have died in the ambush near the dam.", 25),
    ("Rescuers said 17 were believed to have been killed under the rubble.", 17),
    # near misses: the wounded, and a town fallen to rebels, are no dead
    ("Three villagers are said to have been wounded in the raid.", None),
    ("He said the village had fallen to the rebels after two days.", None),
])
def test_victims_fallen_and_estimated_dead(sentence: str, killed: int | None) -> None:
    assert find_casualties(sentence).fatalities == killed
