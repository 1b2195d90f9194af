"""Classes of wrong merges and false contradictions found in the checked samples of FA-KES incidents (issue #18),
each on self-written reports extracted for real."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sitrep.records import ActorRef, Event, Evidence
from sitrep.resolve import resolve_events
from sitrep.resolve.blocking import measured_from
from sitrep.resolve.contradictions import supported
from sitrep.resolve.incidents import _Clusters, _compatible, _other_toll
from sitrep.resolve.matching import ANOTHER, conflict, other_quarters, profile, told_elsewhere, two_speakers
from sitrep.resolve.signatures import is_tally, signatures


def _events(source: str, published: str, text: str) -> list[Event]:
    from sitrep.extract import extract

    return [e for e in extract(text, published, source=source) if e.event_type != "Diplomacy"]


def _event(source: str, published: str, text: str) -> Event:
    return _events(source, published, text)[0]


# ---------------------------------------------------------------- one act by each side


@pytest.mark.parametrize("a, b", [
    (("alpha", "2016-05-09", "Syrian government warplanes struck rebel-held districts of Aleppo on Sunday, killing 14 "
      "civilians, the Observatory said."),
     ("beta", "2016-05-09", "Rebels fired mortar shells at government-held districts of Aleppo on Sunday, killing nine "
      "civilians, state media said.")),
    (("alpha", "2016-03-02", "Russian jets bombed the town of Saraqib on Wednesday, killing 11 people, activists "
      "said."),
     ("beta", "2016-03-02", "Islamic State militants shelled the town of Saraqib on Wednesday, killing four people, a "
      "monitor said.")),
    (("alpha", "2017-06-20", "Turkish artillery shelled Kurdish fighters near Afrin on Tuesday, killing six, the YPG "
      "said."),
     ("beta", "2017-06-20", "The Kurdish YPG militia fired rockets at Turkish positions near Afrin on Tuesday, killing "
      "two soldiers, Ankara said.")),
])
def test_doers_of_opposed_sides_cannot_sit_in_one_incident(a: tuple[str, str, str], b: tuple[str, str, str]) -> None:
    pa, pb = profile(0, _event(*a)), profile(1, _event(*b))
    assert pa.camp and pb.camp and pa.camp != pb.camp
    assert conflict(pa, pb)
    # the cannot-link is checked over every pair of two clusters: a third report joined to one side first does not
    # carry the other side's report in with it
    clusters = _Clusters([pa, pb])
    assert not _compatible(clusters, 0, 1, [pa, pb], lambda i, j: 1.0)


def test_each_side_blamed_for_one_chemical_attack_is_one_incident_s_contradiction() -> None:
    a = _event("alpha", "2017-04-04", "Syrian government warplanes dropped sarin on Khan Sheikhun on Tuesday, killing "
               "70 people, activists said.")
    b = _event("beta", "2017-04-04", "Rebels released the sarin that killed 70 people in Khan Sheikhun on Tuesday, "
               "the army said.")
    assert not conflict(profile(0, a), profile(1, b))
    assert len(resolve_events([a, b]).incidents) == 1


# ---------------------------------------------------------------- tallies and aggregates


@pytest.mark.parametrize("text", [
    "Since Saturday at least 40 civilians have been killed in air raids on the town.",
    "Activists say coalition air strikes have killed hundreds of civilians in the province.",
    "The bombardments which began on Monday and continued on Tuesday killed 31 people in the town.",
    "The militants have killed thousands of people since they declared their state in the east.",
    "Moscow has been carrying out air strikes against rebel groups in the north for a year.",
    "A rights group said in a report that it documented 45 civilians killed by mines in the district.",
    "On Friday and Saturday at least nine civilians died in raids near the town.",
    "Some 150 people have been killed in the city since a fragile ceasefire collapsed on Monday evening.",
    "The toll includes 50 people killed by rebel shelling of the western districts.",
    "Warplanes have carried out raids that have also caused civilian casualties, the coalition admits.",
    # acts over a whole country or region
    "Syrian government air strikes on opposition-held towns across the country killed at least 32 people on Monday.",
    "Air raids across Idlib province killed 20 civilians on Tuesday, the monitor said.",
    "Regime bombardments nationwide killed 61 people on Sunday, activists said.",
    # a campaign since a time the page told before
    "Since then they have unleashed a salvo of rockets, artillery shells and car bombs on the western districts.",
    "Since then air strikes have killed 40 people in the town, the monitor said.",
    "Since then at least 25 civilians have been killed in shelling on the eastern districts.",
])
def test_tallies_and_aggregates_are_no_happening(text: str) -> None:
    assert is_tally(text)


@pytest.mark.parametrize("text", [
    "Since Wednesday afternoon 25 fighters have been killed in clashes near the town.",
    "Hundreds of people were killed in a chemical attack on the suburbs on Wednesday.",
    "The gas attack has killed hundreds of people, activists said.",
    "Air strikes on Monday killed 12 people in the town.",
    "Air strikes that have killed 12 people on Monday hit a market in the town.",
    "Rockets fired across the border hit a school in Kilis on Monday, killing two children.",
    "Shells fired across the front line killed four people in the town on Tuesday.",
    "Artillery fire across the river hit the village of Hajin on Friday, killing six civilians.",
])
def test_one_happening_is_no_tally(text: str) -> None:
    assert not is_tally(text)


def test_the_same_tally_told_by_three_outlets_forms_no_incident_of_several_sources() -> None:
    text = "Since Saturday at least 40 civilians have been killed in air raids on the town of Ariha."
    events = [e for s in ("alpha", "beta", "gamma") for e in _events(s, "2015-07-13", text)]
    assert events
    assert all(len(i.event_ids) == 1 for i in resolve_events(events).incidents)


# ---------------------------------------------------------------- two accusations by two parties


@pytest.mark.parametrize("a, b", [
    ("The opposition accused government forces of the attack on the market in Saraqib on Tuesday.",
     "The United States accused the Syrian regime of the attack on the market in Saraqib on Tuesday."),
    ("Turkey condemned the air strike on the hospital in Idlib on Monday.",
     "France condemned the air strike on the hospital in Idlib on Monday."),
    ("Britain condemned the air strike on the market in Idlib on Monday.",
     "Russia condemned the air strike on the market in Idlib on Monday."),
])
def test_two_accusations_by_two_parties_are_two_acts(a: str, b: str) -> None:
    from sitrep.extract import extract

    da = [e for e in extract(a, "2017-03-14", source="alpha") if e.event_type == "Diplomacy"]
    db = [e for e in extract(b, "2017-03-14", source="beta") if e.event_type == "Diplomacy"]
    assert da and db
    pa, pb = profile(0, da[0]), profile(1, db[0])
    assert two_speakers(pa, pb) and conflict(pa, pb)


def test_one_accusation_told_by_two_outlets_stays_one() -> None:
    from sitrep.extract import extract

    text = "The opposition accused government forces of the attack on the market in Saraqib on Tuesday."
    a = [e for e in extract(text, "2017-03-14", source="alpha") if e.event_type == "Diplomacy"][0]
    b = [e for e in extract(text, "2017-03-14", source="beta") if e.event_type == "Diplomacy"][0]
    assert not two_speakers(profile(0, a), profile(1, b))


# ---------------------------------------------------------------- places: measured from, told elsewhere, quarters


@pytest.mark.parametrize("text, place, expected", [
    ("Two car bombs went off in the city located 162 kilometers north of the capital Damascus.", "Damascus", True),
    ("Rockets hit a village some 40 miles east of Homs on Sunday.", "Homs", True),
    ("Shells struck the town 60 kilometres (35 miles) northeast of Damascus.", "Damascus", True),
    ("The hospital in the town is about 15 km from Idlib city.", "Idlib", False),  # near enough to stand for it
    ("A car bomb went off in Damascus on Sunday.", "Damascus", False),
])
def test_a_place_a_distance_is_measured_from_is_not_where_it_happened(text: str, place: str, expected: bool) -> None:
    assert measured_from(text, text.index(place)) is expected


@pytest.mark.parametrize("elsewhere, expected", [
    ("Meanwhile in the Damascus countryside nine people were injured when militants positioned in Douma fired "
     "mortar shells on Monday.", True),
    ("Militants positioned in Douma fired mortar shells on a camp in the Damascus countryside on Monday, injuring "
     "nine people.", True),
    ("In Latakia province two people were injured by rocket fire on Monday.", True),
    ("Two more people were injured by rocket fire on the town of Talbiseh in Homs province on Monday.", False),
])
def test_a_sentence_placed_in_another_province_is_no_elaboration(elsewhere: str, expected: bool) -> None:
    homs = profile(0, _event("alpha", "2016-11-07", "Militants fired 13 rocket shells on the town of Jubb al-Jarrah "
                             "in Homs province on Monday, injuring two people."))
    other = profile(1, _event("alpha", "2016-11-07", elsewhere))
    assert told_elsewhere(other, homs) is expected


@pytest.mark.parametrize("a, b, expected", [
    ("Rocket shells fired by militants on al-Hamadaniyeh neighborhood in Aleppo killed a woman on Monday.",
     "Rocket shells fired by militants on Salah Eddin neighborhood in Aleppo killed three people on Monday.", True),
    ("Mortar shells hit al-Midan neighborhood in Aleppo on Sunday, killing two civilians.",
     "Mortar shells hit al-Jamiliyeh neighborhood in Aleppo on Sunday, killing four civilians.", True),
    ("Militants shelled the Seif al-Dawla neighborhood of Aleppo on Saturday, killing four civilians.",
     "Militants shelled the al-Sheikh Maqsoud neighborhood of Aleppo on Saturday, injuring three civilians.", True),
    ("Rocket shells fired by militants on al-Hamadaniyeh neighborhood in Aleppo killed a woman on Monday.",
     "A woman was killed when rocket shells hit the Hamadaniya neighborhood of Aleppo on Monday.", False),
    ("A missile hit the Maghayir district of Aleppo on Tuesday, killing 18 civilians.",
     "A missile killed 18 civilians in the old quarter of Aleppo on Tuesday.", False),  # the city is no quarter
])
def test_two_quarters_of_one_town_are_two_attacks(a: str, b: str, expected: bool) -> None:
    pa = profile(0, _event("alpha", "2016-11-07", a))
    pb = profile(1, _event("beta", "2016-11-07", b))
    assert other_quarters(pa, pb, frozenset()) is expected


# ---------------------------------------------------------------- one more act on the page


@pytest.mark.parametrize("text, expected", [
    ("Meanwhile in the Damascus countryside nine people were injured by mortar rounds.", True),
    ("Meanwhile a rocket slammed into a hospital as doctors treated the wounded.", True),
    ("Other rocket shells fired on al-Ramouseh neighborhood injured two civilians.", True),
    ("New airstrikes hit near the clinic as the wounded were brought in.", True),
    ("Separate air strikes south of the town killed 12 people.", True),
    ("The bombardment also hit other areas of the region.", True),
    ("Syrian helicopters also attacked several villages with barrel bombs.", True),
    ("The monitor meanwhile said the toll had risen to 20.", False),
    ("Shelling killed 12 people in the town on Monday.", False),
])
def test_a_sentence_telling_one_more_act(text: str, expected: bool) -> None:
    assert (ANOTHER.search(text) is not None) is expected


# ---------------------------------------------------------------- a rare kind named only as background


@pytest.mark.parametrize("text, rare", [
    ("At least 13 civilians died in regime air strikes around Khan Sheikhun, the site of a deadly chemical attack.",
     False),
    ("A rocket slammed into a hospital as doctors treated victims of the suspected chemical attack.", False),
    ("The inquiry has previously accused government forces of toxic gas attacks.", False),
    ("Victims of a suspected chemical attack showed symptoms of a nerve agent, the WHO said.", True),
    ("Inspectors should be allowed access to the site of the alleged chemical weapons attack.", True),
])
def test_a_chemical_attack_named_only_as_background(text: str, rare: bool) -> None:
    assert ("chemical" in signatures(text)) is rare


# ---------------------------------------------------------------- who the sentence names as the doer


@pytest.mark.parametrize("text, mention, doer", [
    ("The US-led coalition fighting Islamic State bombed a bridge near Raqqa on Monday, killing five civilians.",
     "Islamic State", False),
    ("Warplanes of the campaign against Daesh bombed the bridge on Monday.", "Daesh", False),
    ("Israel struck a Syrian army position in Quneitra on Friday, killing two soldiers.", "Syrian army", False),
    ("Rebels shelled regime checkpoints near the town on Friday.", "regime", False),
    ("Islamic State militants shelled the town on Wednesday, killing four people.", "Islamic State", True),
])
def test_the_doer_is_not_whom_the_acts_target(text: str, mention: str, doer: bool) -> None:
    ev = replace(_event("alpha", "2017-10-04", text),
                 actor1=ActorRef("Islamic State (Syria)", "rebel group", "SY", mention))
    assert supported(ev, "actor1") is doer


# ---------------------------------------------------------------- an elaboration brings no other toll


@pytest.mark.parametrize("text, other", [
    ("Heavy regime bombing has killed three rescue workers in the town.", True),
    ("The bombing of the town killed seven people.", False),
    ("The bombing of the town on Friday wounded a rescue worker.", False),
])
def test_an_elaboration_brings_no_other_toll(text: str, other: bool) -> None:
    told = profile(0, _event("beta", "2017-11-17", "Seven people were killed in regime air strikes on Douma on "
                             "Friday, the Observatory said."))
    page = profile(1, _event("alpha", "2017-11-18", text))
    assert _other_toll(page, [0], [told, page]) is other


# ---------------------------------------------------------------- a sentence that names no place takes its page's

_LEAD = ("alpha", "2016-07-28", "A truck bomb blast killed at least 44 people in Qamishli on Wednesday, officials "
         "said.")
_OTHER = ("beta", "2016-07-28", "A truck bomb killed 44 people in the Syrian city of Qamishli on Wednesday, the "
          "Observatory said.")


def _told_on_the_page(lead: Event, sentence: str, source: str = "alpha", **changes: object) -> Event:
    """The report a later sentence of ``lead``'s page gives, as the extraction gives it when the sentence names no
    place: the page's place carried over, its day guessed from the publication day. Its type is read from the
    sentence itself (extracted with the page's town named, as the page's context names it)."""
    typed = _event(source, "2016-07-28", f"In Qamishli, {sentence[0].lower()}{sentence[1:]}")
    ev = replace(typed, event_id=f"{lead.event_id}-{source}-{len(sentence)}", evidence=Evidence(sentence, 400,
                 400 + len(sentence)), location=lead.location, date="2016-07-28", date_precision="day",
                 date_method="publication", fatalities=None, actor1=None, actor2=None)
    if source == lead.source:
        ev = replace(ev, doc_id=lead.doc_id)
    return replace(ev, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize("sentence, joins", [
    ("Kurdish officials said the attack was carried out by a suicide bomber driving an explosives-laden truck.", True),
    ("Witnesses said the explosion was caused by a suicide bomber who drove a truck to the gate.", True),
    ("A security source said a suicide bomber blew himself up at the entrance of the building.", True),
    ("Police said the bombing was carried out by a man who detonated an explosive belt near the market.", True),
    # one more act, or another kind of attack told by its own means, is no elaboration
    ("Fresh air strikes hit the city on Wednesday, one of them the town hall.", False),
    ("The blast came as warplanes bombed a market, killing nine people.", False),
    ("Hours later helicopters dropped barrel bombs, wounding 12 people.", False),
])
def test_a_sentence_naming_no_place_tells_its_pages_happening(sentence: str, joins: bool) -> None:
    lead, other = _event(*_LEAD), _event(*_OTHER)
    extra = _told_on_the_page(lead, sentence)
    assert lead.location is not None and lead.location.mention not in sentence
    incidents = resolve_events([lead, other, extra]).incidents
    (main,) = [i for i in incidents if lead.event_id in i.event_ids]
    assert other.event_id in main.event_ids
    assert (extra.event_id in main.event_ids) is joins


def test_a_toll_carried_over_to_such_a_sentence_is_no_toll_against_its_page() -> None:
    lead, other = _event(*_LEAD), _event(*_OTHER)
    # the sentence before gave the monitor's toll of 48; the extraction carried it over
    extra = _told_on_the_page(lead, "Kurdish officials said the attack was carried out by a suicide bomber.",
                              fatalities=48)
    (main,) = [i for i in resolve_events([lead, other, extra]).incidents if lead.event_id in i.event_ids]
    assert extra.event_id in main.event_ids
    # a toll its own sentence states is another happening's
    own = _told_on_the_page(lead, "A suicide bomber killed 12 people at the entrance of the building.", fatalities=12)
    (main,) = [i for i in resolve_events([lead, other, own]).incidents if lead.event_id in i.event_ids]
    assert own.event_id not in main.event_ids


def test_such_a_sentence_dated_to_another_day_tells_something_else() -> None:
    lead, other = _event(*_LEAD), _event(*_OTHER)
    extra = _told_on_the_page(lead, "Witnesses said the explosion was caused by a suicide bomber.",
                              date="2016-07-26", date_method="narrative:weekday")
    (main,) = [i for i in resolve_events([lead, other, extra]).incidents if lead.event_id in i.event_ids]
    assert extra.event_id not in main.event_ids


def test_two_pages_quoting_one_witness_join_the_happening_both_pages_tell() -> None:
    lead, other = _event(*_LEAD), _event(*_OTHER)
    third = _event("gamma", "2016-07-28", "A bomb attack killed 44 people in the Kurdish city of Qamishli on "
                   "Wednesday, state television said.")
    quote = "Witnesses said the explosion was caused by a suicide bomber who drove a truck to the gate."
    a, b = _told_on_the_page(lead, quote), _told_on_the_page(other, quote, source="beta")
    assert a.doc_id == lead.doc_id and b.doc_id == other.doc_id
    incidents = resolve_events([lead, other, third, a, b]).incidents
    assert [len(i.event_ids) for i in incidents] == [5]
    # two such sentences join only a larger incident: two pages' two reports each stay as they are
    assert sorted(len(i.event_ids) for i in resolve_events([lead, other, a, b]).incidents) == [2, 2]
