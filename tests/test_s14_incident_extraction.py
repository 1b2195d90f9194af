"""Session 14 (issue #18): extraction faults that split one happening's reports into several incidents, each class
on self-written sentences extracted for real (no eval text)."""

from __future__ import annotations

import pytest

from sitrep.records import Event


def _events(text: str, published: str = "2017-04-12") -> list[Event]:
    from sitrep.extract import extract

    return [e for e in extract(text, published, source="t") if e.event_type != "Diplomacy"]


def _one(text: str, published: str = "2017-04-12") -> Event:
    evs = _events(text, published)
    assert len(evs) == 1, [(e.sub_event_type, e.evidence.text) for e in evs]
    return evs[0]


# ---------------------------------------------------------------- a sentence that goes on about its owner's story

# A sentence that opens on what the one the sentence before told of owns ("His government", "Their fighters", "Its
# troops") and names no time of its own goes on in that sentence's past year, not on the page's day.
@pytest.mark.parametrize("text, year", [
    ("In 2013 the regime signed the chemical weapons convention under heavy pressure. His government declared a "
     "large stockpile amid outrage at a sarin attack on the suburbs of Damascus.", "2013"),
    ("In 2012 rebels captured the Menagh air base after a long siege. Their fighters shelled the runway of the "
     "Kuweires air base near Aleppo killing six soldiers.", "2012"),
    ("The army retook Palmyra from the jihadists in 2016. Its troops came under a car bomb attack near the ancient "
     "city that killed 12 soldiers.", "2016"),
])
def test_a_sentence_opening_on_its_owner_goes_on_in_the_year_before(text: str, year: str) -> None:
    ev = _one(text, "2018-03-10")
    assert ev.date == year


@pytest.mark.parametrize("text, date", [
    # near misses: a sentence with a day of its own keeps it; one that opens on no owner keeps the page's day
    ("In 2013 the regime signed the chemical weapons convention. His jets bombed Douma on Tuesday killing nine.",
     "2018-03-06"),
    ("In 2013 the regime signed the chemical weapons convention under heavy pressure. Government jets bombed the "
     "suburbs of Douma killing nine.", "2018-03-10"),
])
def test_a_sentence_with_its_own_day_or_no_owner_keeps_its_date(text: str, date: str) -> None:
    assert _one(text, "2018-03-10").date == date


# ---------------------------------------------------------------- an attack made from afar on a base is no clash

@pytest.mark.parametrize("text, sub", [
    ("The US launched a cruise missile attack on a Syrian air base on Friday.", "Shelling/artillery/missile attack"),
    ("Jihadists launched a drone attack on army positions near Hama on Monday, killing two soldiers.",
     "Air/drone strike"),
    ("Rebels carried out rocket attacks on the outpost near Latakia on Sunday.", "Shelling/artillery/missile attack"),
    ("Militants staged a mortar attack on the army checkpoint outside Daraa on Monday.",
     "Shelling/artillery/missile attack"),
])
def test_an_attack_on_a_base_made_with_a_weapon_from_afar_is_no_clash(text: str, sub: str) -> None:
    ev = _one(text)
    assert ev.sub_event_type == sub


def test_an_attack_on_a_checkpoint_with_no_weapon_named_stays_a_clash() -> None:
    # near miss: the clash pattern still reads an assault on a post
    ev = _one("Gunmen launched an attack on an army checkpoint near Daraa on Monday.")
    assert ev.sub_event_type == "Armed clash"


# ---------------------------------------------------------------- a state that acts is no place

@pytest.mark.parametrize("text", [
    "The US launched a cruise missile attack on a Syrian air base on Friday.",
    "Washington launched cruise missiles at a Syrian air base on Friday.",
    "Fighting raged near Tabqa and in Deir ez-Zor on Monday. The United States fired missiles at a Syrian airfield "
    "on Friday.",
])
def test_a_state_that_fires_at_a_base_on_syrian_soil_places_nothing(text: str) -> None:
    ev = _events(text)[-1]
    assert ev.location is not None and ev.location.country == "SY" and ev.location.precision == "country"


@pytest.mark.parametrize("text, name", [
    # the place of the act is still read where the clause names one
    ("The United States fired missiles at the airfield near Homs on Friday.", "Homs"),
    ("Moscow bombed the town of Saraqib on Monday.", "Saraqib"),
    ("Turkey has shelled Kurdish positions in the town of Afrin on Sunday.", "Afrin"),
])
def test_a_state_that_acts_on_a_named_town_leaves_the_town(text: str, name: str) -> None:
    ev = _one(text)
    assert ev.location is not None and ev.location.name == name


def test_a_country_where_it_happened_stays_the_place() -> None:
    # near miss: a country introduced as the place, not acting
    ev = _one("Clashes in Lebanon killed four soldiers on Monday.")
    assert ev.location is not None and ev.location.country == "LB"


# ---------------------------------------------------------------- a point of the compass between "in" and the name

@pytest.mark.parametrize("text, country", [
    ("Russia and regime strikes killed 47 people on Saturday in east Syria.", "SY"),
    ("Turkey and rebel shelling killed five civilians on Sunday in northern Iraq.", "IQ"),
    ("Iran and militia rockets killed three people on Monday in south Lebanon.", "LB"),
])
def test_in_a_part_of_a_country_is_where_not_the_state_named_first(text: str, country: str) -> None:
    ev = _one(text)
    assert ev.location is not None and ev.location.country == country


# ---------------------------------------------------------------- a country's base is where it lies

@pytest.mark.parametrize("text", [
    "The U.S. strike on the Syrian air base was the first time Washington has deliberately targeted the army.",
    "Washington has deliberately and directly targeted a Syrian airbase for the first time, officials said on "
    "Friday.",
    "The US has also reportedly hit a Syrian military airport near the desert on Friday.",
])
def test_a_strike_on_a_countrys_air_base_is_in_that_country(text: str) -> None:
    ev = _events(text)[-1]
    assert ev.location is not None and ev.location.country == "SY"


def test_a_border_named_by_its_country_does_not_outrank_the_country_named() -> None:
    # near miss: a border adjective ("southern Turkish border towns") is no base; the country the act reaches stays
    ev = _one("Army guns shelled northern Syria on Monday to hit militants who had fired rockets at southern "
              "Turkish border towns.", "2016-06-20")
    assert ev.location is not None and ev.location.country == "SY"


# ---------------------------------------------------------------- a report the page denied, told again

@pytest.mark.parametrize("text", [
    "The army denied a rebel report that its helicopters had dropped barrel bombs on the Zabadani water pumping "
    "station. Rebels said on Monday that army helicopters dropped barrel bombs on the Zabadani water pumping station.",
    "Israel denied a Palestinian report that its tanks had shelled the girls school in Beit Hanoun. Palestinian "
    "officials said on Tuesday that Israeli tanks shelled the girls school in Beit Hanoun.",
    "The coalition denied an Iraqi report that its jets had bombed a wedding party in the village of Qaim. Iraqi "
    "officials said on Sunday that coalition jets bombed a wedding party in the village of Qaim.",
])
def test_a_report_the_page_denied_before_told_again_is_no_event(text: str) -> None:
    assert _events(text, "2016-05-10") == []


@pytest.mark.parametrize("text, name", [
    # near misses: another act after a denied one, and a report after a denial of a whole kind of weapon
    ("The army denied a rebel report that its helicopters had dropped barrel bombs on the Zabadani water pumping "
     "station. Rebels said on Monday that army helicopters dropped barrel bombs on a bakery in Madaya killing six.",
     "Madaya"),
    ("The government has denied using chemical weapons. Government forces dropped chlorine on the town of Kafr Zita "
     "on Monday, killing three.", "Kafr Zita"),
])
def test_another_act_after_a_denial_stays(text: str, name: str) -> None:
    ev = _one(text, "2016-05-10")
    assert ev.location is not None and ev.location.name == name


# ---------------------------------------------------------------- "the year before" on a page without commas

@pytest.mark.parametrize("text, date", [
    ("In August 2013 a chemical attack on rebel areas near Damascus killed dozens of children and the year before "
     "49 children were killed in the Houla massacre in Homs province.", "2012"),
    ("A barrel bomb hit the market of Douma in March 2016 and the week before 12 people were killed in shelling on "
     "the town of Harasta.", "2016-03"),
    ("Rebels shelled the town of Nubl in June 2014 and the year before 15 people were killed in a car bombing in the "
     "town of Azaz.", "2013"),
])
def test_the_year_before_followed_by_its_clause_counts_from_the_story(text: str, date: str) -> None:
    ev = [e for e in _events(text, "2017-10-01") if e.fatalities][-1]
    assert ev.date == date


def test_the_year_before_a_noun_is_counted_from_that_noun() -> None:
    # near miss: "the year before the war" names no year of the story
    from sitrep.extract.dates import find_dates

    assert find_dates("The year before the war a bomb killed three people in Homs.", "2017-10-01") == []


# ---------------------------------------------------------------- a record of acts done before and again

@pytest.mark.parametrize("text", [
    "DAESH has previously targeted Qamishli and the provincial capital Hasaka city with bombs.",
    "The army has repeatedly shelled the villages of the Ghab plain with rockets.",
    "Jets have previously struck the market of Ariha, killing dozens.",
])
def test_what_was_done_previously_or_repeatedly_is_no_event(text: str) -> None:
    assert _events(text, "2016-07-27") == []


def test_an_act_of_the_day_after_what_was_done_before_stays() -> None:
    # near miss: the past perfect of an earlier act leaves the day's report standing
    ev = _one("Jets struck the market of Ariha on Monday after they had previously bombed its hospital.", "2016-07-27")
    assert ev.location is not None and ev.location.name == "Ariha"


# ---------------------------------------------------------------- strikes none carried out

@pytest.mark.parametrize("text", [
    "The army carried out no air strikes on the town of Douma on Monday.",
    "The air force conducted no raids on Saraqib on Tuesday, the ministry said.",
    "The army carried out no shelling of the town of Harasta on Monday.",
])
def test_strikes_none_carried_out_are_no_event(text: str) -> None:
    assert _events(text, "2017-04-13") == []


def test_a_strike_that_left_nothing_standing_stays() -> None:
    # near miss: "no" after the act tells its outcome, not its absence
    assert len(_events("Jets struck Idlib on Sunday, leaving no shelter standing.", "2017-04-13")) == 1


# ---------------------------------------------------------------- a nation's strike retelling named missiles

@pytest.mark.parametrize("text", [
    "The United States fired 59 cruise missiles at the Shayrat air base in Homs on Friday. The US strike on the air "
    "base killed six soldiers.",
    "Israel fired rockets at an army post near Quneitra on Sunday. The Israeli strike on the post wounded two "
    "soldiers.",
    "American warships launched missiles at the Hamdan airfield near Sanaa on Monday. The US strike on the airfield "
    "destroyed three jets.",
])
def test_a_nations_strike_retelling_named_missiles_stays_a_missile_attack(text: str) -> None:
    ev = _one(text, "2017-04-08")
    assert ev.sub_event_type == "Shelling/artillery/missile attack"


def test_aircraft_named_after_shelling_make_it_an_air_strike() -> None:
    # near miss: jets named in their own words still type the report an air strike
    ev = _one("Artillery shelled the village of Kafr Nabl on Monday. Russian jets then struck the village, killing "
              "four.", "2017-04-08")
    assert ev.sub_event_type == "Air/drone strike"
