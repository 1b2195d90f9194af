"""Events in news articles about any country (#12), session 13: a referring mention looks only a few sentences
ahead for the report it names, and an infinitive ("the resources to attack the virus") is no attack noun.

Each table holds at least three self-written sentences about different countries.
"""

from __future__ import annotations

import pytest

from sitrep import extract
from sitrep.records import Event

# sentences that tell no happening, to put a report far below the lead
_FILLER = (" Schools in the city reopened last week. Traders said business was slow. The weather stayed dry."
           " Bus fares rose again. A new bridge is being built over the river. ")


def _violent(text: str, published: str = "2019-06-03") -> list[Event]:
    return [e for e in extract(text, published=published)
            if e.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")]


# --------------------------------------------------------------------------- a reference far above a report
# An article about the aftermath of an attack it never tells ("the ringleader of Saturday's attack in Nairobi
# was known to police"): the lead's reference is the article's one mention of that act. A report of the same
# place far down the article (police raids two days later) is another happening, which the reference must not
# join -- it would take the act away with it.
@pytest.mark.parametrize("lead,later", [
    ("The ringleader of Saturday's attack on a hotel in Nairobi was known to police.",
     "Residents later heard gunshots in Nairobi as police raided three houses."),
    ("Questions mounted over the gunman behind Friday's attack at a market in Kano.",
     "Soldiers clashed with bandits near Kano, residents said."),
    ("Investigators are tracing the men behind Tuesday's bombing outside a bank in Peshawar.",
     "A bomb went off near a police station in Peshawar, wounding two officers."),
])
def test_a_reference_far_above_a_report_stays_its_own_event(lead: str, later: str) -> None:
    text = f"{lead}{_FILLER}{later}"
    events = _violent(text)
    assert len(events) == 2
    assert any(e.evidence.start < len(lead) for e in events)


# near misses: the report follows the reference closely (a lead that names the act, the body that tells it),
# so the two are one happening
@pytest.mark.parametrize("lead,later", [
    ("The death toll from Saturday's attack on a hotel in Nairobi rose on Sunday.",
     "Gunmen stormed the hotel in Nairobi on Saturday, killing 14 guests."),
    ("Residents mourned the victims of Friday's attack at a market in Kano.",
     "Gunmen opened fire on shoppers at the market in Kano on Friday, killing nine."),
    ("Police questioned witnesses of Tuesday's bombing outside a bank in Peshawar.",
     "A bomb exploded outside the bank in Peshawar on Tuesday, killing three people."),
])
def test_a_reference_just_above_its_report_joins_it(lead: str, later: str) -> None:
    assert len(_violent(f"{lead} {later}")) == 1


# --------------------------------------------------------------------------- an infinitive is no attack noun
@pytest.mark.parametrize("text", [
    "The ministry shifted the allocation of funds to attack the epidemic in Lagos on Monday.",
    "Doctors in Caracas asked for the resources to attack the outbreak of measles.",
    "The plan to assault the problem of traffic in Nairobi was unveiled on Tuesday.",
])
def test_an_infinitive_after_a_noun_is_no_attack(text: str) -> None:
    assert _violent(text) == []


@pytest.mark.parametrize("text", [
    "The attack on the convoy near Kandahar killed four soldiers on Monday.",
    "Gunmen carried out an assault on a police post in Borno on Monday.",
    "Aid groups condemned the response to attacks on clinics in Darfur after gunmen killed two nurses on Monday.",
])
def test_an_attack_noun_is_still_an_attack(text: str) -> None:
    assert len(_violent(text)) >= 1


# --------------------------------------------------------------------------- a day told of a later verb
# "searches related to the attacks after the FBI released photos on April 18": the day is the release's, told in
# a clause a connector opens after the reference; the reference stays a reference and joins the report
@pytest.mark.parametrize("first,second", [
    ("Gunmen killed seven villagers near Maiduguri on June 2, 2019.",
     "Police traced money used in the attack after a bank reported the transfers on June 5, 2019."),
    ("A bomb exploded at a bus stop in Nairobi on May 1, 2018, killing three.",
     "Detectives studied footage of the blast before the suspect handed himself in on May 4, 2018."),
    ("A suicide bomber killed nine worshippers at a mosque in Peshawar on March 4, 2022.",
     "Relatives of the victims of the bombing spoke to reporters when the funerals were held on March 6, 2022."),
])
def test_a_day_of_a_later_clause_does_not_date_a_reference(first: str, second: str) -> None:
    assert len(_violent(f"{first} {second}")) == 1


# near misses: a day in the reference's own phrase ("the attack on May 4 at a church"), or before it, dates it
@pytest.mark.parametrize("first,second", [
    ("A bomb exploded at a bus stop in Nairobi on May 1, 2018, killing three.",
     "The attack on May 4, 2018 at a church in Mombasa killed two."),
    ("Gunmen killed seven villagers near Maiduguri on June 2, 2019.",
     "On June 5, 2019, the attack on a market in Kano killed four traders."),
    ("A suicide bomber killed nine worshippers at a mosque in Peshawar on March 4, 2022.",
     "The bombing of a bus in Quetta on March 6, 2022 wounded eleven passengers."),
])
def test_a_day_of_the_references_own_phrase_dates_it(first: str, second: str) -> None:
    assert len(_violent(f"{first} {second}")) == 2


# --------------------------------------------------------------------------- the condition a clause opens with
# "If the government agrees to investigate ... the March 3 bombing in Lahore, we would welcome it": an act named
# inside the condition, however far from the "if", is no report
@pytest.mark.parametrize("text", [
    "If the government agrees to investigate the links between the ministers and the plans of the March 3 bombing"
    " in Lahore, we would welcome it.",
    "\"Unless the army withdraws its troops from the border region around Kandahar and stops the air strikes, talks"
    " will fail,\" he said.",
    "If the commission of inquiry set up by parliament in Nairobi finds that police shot the protesters, the"
    " officers will be charged.",
])
def test_an_act_in_the_condition_a_clause_opens_with_is_no_report(text: str) -> None:
    assert _violent(text) == []


# near misses: the condition closed before the act, or an "if" inside the clause after the act is told
@pytest.mark.parametrize("text", [
    "The army shelled the town of Idlib on Monday, killing five, even if officials denied it.",
    "Unless otherwise stated, the figures come from the ministry, which said militants attacked a base in Borno on"
    " Monday, killing four soldiers.",
    "When gunmen stormed a hotel in Mogadishu on Friday, they killed nine guests.",
])
def test_an_act_outside_a_condition_is_reported(text: str) -> None:
    assert len(_violent(text)) == 1


# --------------------------------------------------------------------------- a clash of a crowd with the police
# a clash one side of which is the crowd of a demonstration is a violent demonstration (Riots), not a battle
@pytest.mark.parametrize("text", [
    "Protesters clashed with riot police in Santiago, who fired tear gas and water cannon.",
    "Demonstrators clashed with security forces in Baghdad on Friday, leaving two dead.",
    "Police clashed with stone-throwing protesters in Algiers on Friday.",
    "Clashes between demonstrators and soldiers in Khartoum left three people injured.",
])
def test_a_clash_of_protesters_is_a_violent_demonstration(text: str) -> None:
    events = extract(text, published="2019-06-03")
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Riots", "Violent demonstration")]


# near misses: armed groups on both sides; protesters only as the victims of the armed men the troops fought
@pytest.mark.parametrize("text", [
    "Rebels clashed with government troops near Beni on Monday.",
    "Soldiers clashed with gunmen who had attacked protesters in Kaduna on Sunday.",
    "Clashes between the army and militants killed 12, including two protesters, in Sinai.",
])
def test_a_clash_of_armed_groups_stays_a_battle(text: str) -> None:
    assert [e.event_type for e in _violent(text)] == ["Battles"]


# the same doer named in the lead's reference and in the report further down (after a paragraph of reactions):
# one happening, however far apart
@pytest.mark.parametrize("lead,later", [
    ("Officials said a recent al-Shabaab attack targeting Kenyan forces was meant to derail the talks.",
     "The talks followed a Saturday ambush by al-Shabaab fighters near Mandera, which killed four Kenyan soldiers."),
    ("Leaders said the latest Boko Haram attack on the army was a sign of the group's reach.",
     "The meeting followed a Sunday raid by Boko Haram fighters on an army base near Monguno that killed six "
     "soldiers."),
    ("Ministers said a recent Taliban attack on Afghan forces would not stop the talks.",
     "The call followed a Friday assault by Taliban fighters on a checkpoint in Kunduz that killed five policemen."),
])
def test_a_reference_and_its_report_by_the_same_doer_join_far_apart(lead: str, later: str) -> None:
    events = _violent(f"{lead}{_FILLER}{later}")
    assert len(events) == 1, [(e.sub_event_type, e.evidence.text[:60]) for e in events]
