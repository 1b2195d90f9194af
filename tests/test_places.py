"""Toponym recognition and resolution with real sentences."""

from __future__ import annotations

from sitrep.extract.places import find_places, place_for_span, resolve_place
from sitrep.records import Place, PlaceMention


def _by_mention(text: str) -> dict[str, Place | None]:
    return {m.mention: m.place for m in find_places(text)}


def test_palmyra_resolves_to_tadmur() -> None:
    places = _by_mention("Islamic State gunmen ambushed US and Syrian troops near Palmyra on Saturday.")
    p = places["Palmyra"]
    assert p is not None and p.country == "SY" and p.admin1 == "Homs"
    assert abs(p.lat - 34.56) < 0.1 and abs(p.lon - 38.28) < 0.1  # type: ignore[operator]
    assert p.precision == "district"  # "near X": ACLED codes the town at district precision


def test_deir_ez_zor_variants_and_precision() -> None:
    for spelling in ("Deir ez-Zor", "Deir al-Zor", "Deir Ezzor"):
        places = _by_mention(f"Coalition aircraft struck a convoy in {spelling} on Tuesday.")
        p = places[spelling]
        assert p is not None and p.admin1 == "Deir ez-Zor" and p.country == "SY"


def test_sayyida_zaynab() -> None:
    places = _by_mention("A car bomb exploded near the shrine in Sayyida Zainab, south of Damascus, killing six.")
    p = places["Sayyida Zainab"]
    assert p is not None and p.admin1 == "Rural Damascus"
    assert abs(p.lat - 33.44) < 0.05  # type: ignore[operator]


def test_countryside_of_province_is_admin1() -> None:
    text = "Regime helicopters dropped barrel bombs on the countryside of Homs province."
    places = _by_mention(text)
    p = places["Homs"]
    assert p is not None and p.precision == "admin1" and p.admin1 == "Homs" and p.name == "Homs"


def test_near_oil_field() -> None:
    text = "SDF fighters clashed with IS remnants near the Al-Omar oil field in eastern Deir ez-Zor."
    places = _by_mention(text)
    p = places["Al-Omar oil field"]
    assert p is not None and p.admin1 == "Deir ez-Zor" and p.precision == "district"


def test_washington_in_us_syria_diplomacy_is_dc() -> None:
    text = ("Syrian Foreign Minister Asaad al-Shaibani met US officials in Washington on Monday to discuss "
            "lifting sanctions on Syria, the State Department said. He returned to Damascus on Wednesday.")
    places = _by_mention(text)
    w = places["Washington"]
    assert w is not None and w.country == "US" and w.admin1 == "District of Columbia"
    d = places["Damascus"]
    assert d is not None and d.country == "SY"


def test_us_local_news_uses_state_context() -> None:
    text = ("Alexandria woman charged in connection with Kelleyland fire. Chiquita Henry, 19, of Alexandria, "
            "was arrested. Both the Sheriff's Office and Rapides Parish Fire District 2 investigated. "
            "Officers from Pineville, La. assisted.")
    places = _by_mention(text)
    a = places["Alexandria"]
    assert a is not None and a.country == "US" and a.admin1 == "Louisiana"
    assert places["La."] is not None and places["La."].precision == "admin1"  # type: ignore[union-attr]


def test_gainesville_georgia() -> None:
    text = "The Gainesville man was taken to a hospital in Atlanta, Hall County sheriff's deputies in Georgia said."
    places = _by_mention(text)
    g = places["Gainesville"]
    assert g is not None and g.admin1 == "Georgia"


def test_container_disambiguates() -> None:
    places = _by_mention("Government shelling hit Kafr Nabl in Idlib, killing two children.")
    p = places["Kafr Nabl"]
    assert p is not None and p.admin1 == "Idlib" and p.precision == "point"


def test_demonym_resolves_to_country() -> None:
    places = _by_mention("Iraqi forces and Syrian rebels met on Friday.")
    assert places["Iraqi"] is not None and places["Iraqi"].country == "IQ"  # type: ignore[union-attr]


def test_offsets_point_at_the_mention() -> None:
    text = "Turkish drones struck Tal Tamr and Ain Issa overnight."
    for m in find_places(text):
        assert text[m.start:m.end] == m.mention


def test_resolve_place_with_qualifier() -> None:
    p = resolve_place("Raqqa", qualifier="province")
    assert p is not None and p.precision == "admin1" and p.admin1 == "Ar Raqqa"
    assert resolve_place("Xyzzyville-upon-Nowhere") is None


def test_place_for_span_prefers_the_town_in_the_clause() -> None:
    text = ("Syria's Deir ez-Zor province saw heavy fighting. On Monday, an air strike hit a market in Hajin, "
            "killing 12 civilians.")
    mentions = find_places(text)
    start = text.index("On Monday")
    p = place_for_span(mentions, start, len(text), text)
    assert p is not None and p.name == "Hajin" and p.admin1 == "Deir ez-Zor"


def test_place_for_span_falls_back_to_earlier_mention() -> None:
    text = "Fighting continued in Afrin. Two Turkish soldiers were killed."
    mentions = find_places(text)
    start = text.index("Two")
    p = place_for_span(mentions, start, len(text), text)
    assert p is not None and p.name == "Afrin"


def test_mentions_are_records() -> None:
    ms = find_places("Shelling in Idlib.")
    assert ms and isinstance(ms[0], PlaceMention)
    d = ms[0].to_dict()
    assert set(d) >= {"mention", "start", "end", "name", "lat", "lon", "geonameid", "country", "admin1"}
    assert find_places("   ") == []


def test_home_countries_settle_a_bare_village_name() -> None:
    text = "Regime helicopters dropped barrel bombs on Kafr Zita, killing a child."
    places = {m.mention: m.place for m in find_places(text, home=("SY", "IQ"))}
    p = places["Kafr Zita"]
    assert p is not None and p.country == "SY" and p.admin1 == "Hama"


def test_operation_names_are_not_places() -> None:
    text = "Operation Olive Branch forces captured a hill north of Afrin."
    mentions = {m.mention for m in find_places(text)}
    assert "Olive Branch" not in mentions and "Afrin" in mentions


def test_named_province_locates_an_unknown_village_at_admin1() -> None:
    """ACLED's convention: an unknown village in a named province is placed at that province, never elsewhere."""
    import sitrep

    events = sitrep.extract("Syrian warplanes struck the village of Um Jaloud in rural Idlib.", published="2018-04-30")
    assert events and events[0].location is not None
    loc = events[0].location
    assert (loc.admin1, loc.precision, loc.country) == ("Idlib", "admin1", "SY")
    known = sitrep.extract(
        "Unknown gunmen killed a man in Al-Bukamal, in the eastern countryside of Deir Ez-Zor.", published="2018-04-30"
    )
    assert known and known[0].location is not None
    assert known[0].location.admin1 == "Deir ez-Zor"
    assert known[0].location.precision == "point"  # a known town inside the named province keeps its point


def test_part_of_a_province_is_placed_among_its_towns() -> None:
    city = resolve_place("Hama")
    assert city is not None and city.lat is not None
    for text, mention in (("Regime forces shelled Arbain village in northern Hama.", "Arbain"),
                          ("The Syrian army shelled Dallak town in the northern countryside of Hama.", "Dallak"),
                          ("Warplanes struck Kafr Zita in Hama's northern countryside.", "Hama")):
        p = _by_mention(text)[mention]
        assert p is not None and p.name == "northern Hama" and p.admin1 == "Hama", text
        assert p.precision == "district" and p.lat is not None and p.lat > city.lat + 0.1, text
    south = _by_mention("Clashes broke out in southern Idleb.")["Idleb"]
    north = _by_mention("Clashes broke out in northern Idleb.")["Idleb"]
    assert south is not None and north is not None and south.lat is not None and north.lat is not None
    assert south.name == "southern Idlib" and south.lat < north.lat


def test_a_compass_adjective_alone_is_not_a_place() -> None:
    places = _by_mention("The commander survived an assassination attempt in the Southern countryside of Idleb.")
    assert "Southern" not in places
    p = places["Idleb"]
    assert p is not None and p.admin1 == "Idlib" and p.name == "southern Idlib"


def test_arabic_names_cut_short_by_ner_are_read_whole() -> None:
    places = _by_mention("Rebels clashed with regime forces in Tall al-Dirrah village in Hama.")
    assert "Tall" not in places  # not the town of At Tall near Damascus
    p = places["Tall al-Dirrah"]
    assert p is not None and p.admin1 == "Hama"  # unknown village: its province
    p = _by_mention("Regime forces shelled Jisr ash-Shugur which injured several civilians.")["Jisr ash-Shugur"]
    assert p is not None and p.admin1 == "Idlib" and p.precision == "point"
    p = _by_mention("Regime forces shelled a farm near Ma'arrat An Nu'man.")["Ma'arrat An Nu'man"]
    assert p is not None and p.admin1 == "Idlib"


def test_loose_transliteration_where_the_sentence_puts_a_place() -> None:
    p = _by_mention("Suspected regime warplanes carried out airstrikes on Kafr Nobol, killing one man.")["Kafr Nobol"]
    assert p is not None and p.name == "Kafr Nabl" and p.admin1 == "Idlib"


def test_the_tail_of_a_group_name_is_not_a_place() -> None:
    places = _by_mention("Hayat Tahrir al-Sham clashed with Ahrar Al Sham, backed by Soqur al-Sham, in Heich.")
    assert not any(p is not None and p.name == "Damascus" for p in places.values())
    assert _by_mention("Clashes erupted in al-Bab on Monday.")["al-Bab"] is not None


def test_ambiguous_names_are_read_together() -> None:
    """Two ambiguous names settle on the readings that fit each other: the Decatur inside DeKalb County
    (Georgia), the Paris inside Henry County (Tennessee)."""
    places = _by_mention("School board members in Decatur and DeKalb County voted on Tuesday to delay the annexation.")
    assert places["Decatur"] is not None and places["Decatur"].admin1 == "Georgia"
    assert places["DeKalb County"] is not None and places["DeKalb County"].admin1 == "Georgia"
    places = _by_mention("The Paris city council and Henry County commissioners will meet Monday about the jail.")
    assert places["Paris"] is not None and places["Paris"].admin1 == "Tennessee"


def test_county_institution_names_the_county() -> None:
    """"X County Hospital" names the county, not a state or island named X."""
    places = _by_mention("The driver was taken to the Douglas County Hospital and later moved to St. Cloud Hospital.")
    p = places["Douglas County"]
    assert p is not None and p.country == "US" and p.admin1 == "Minnesota"


def test_a_list_of_counties() -> None:
    """"Barrow, Jackson and Madison counties": three counties, in the one state they share."""
    places = _by_mention("School boards in Barrow, Jackson and Madison counties changed their layoff policies.")
    for name in ("Barrow", "Jackson", "Madison"):
        p = places[name]
        assert p is not None and p.name == f"{name} County" and p.admin1 == "Georgia"


def test_state_abbreviations_and_party_affiliations() -> None:
    """A legislator's home after the party letter, and a dotted state abbreviation opening a name."""
    text = ("Rep. James Clyburn, D-S.C., added the language. Rep. Torrey Westrom, R-Elbow Lake, said the rules "
            "were stricter. The S.C. Highway Patrol is looking for leads.")
    found = find_places(text)
    states = [m for m in found if m.mention == "S.C."]
    assert len(states) == 2 and all(m.place is not None and m.place.admin1 == "South Carolina" for m in states)
    lake = next(m.place for m in found if m.mention == "Elbow Lake")
    assert lake is not None and lake.country == "US" and lake.admin1 == "Minnesota"


def test_a_county_without_towns_takes_its_state_point() -> None:
    """A county the gazetteer cannot place (no town of its own) gets its state's point, at admin1 precision."""
    p = _by_mention("Deputies in Freestone County, Texas, arrested two men on Friday.")["Freestone County"]
    assert p is not None and p.admin1 == "Texas" and p.lat is not None and p.precision == "admin1"


def test_a_longer_form_of_a_name_does_not_vote_for_it() -> None:
    """"Dublin City Council" is Dublin's own name again, not evidence that Dublin is in Ireland: the
    suburbs around it settle it."""
    text = "Dublin City Council members met on Monday. Dublin will hire a city manager from Worthington and Hilliard."
    p = _by_mention(text)["Dublin"]
    assert p is not None and p.country == "US" and p.admin1 == "Ohio"


def test_a_county_written_out_inside_a_person_span() -> None:
    """"Anderson County Sheriff Greg Taylor" (one PERSON to NER) still names Anderson County, placed by
    the town beside it."""
    text = "He was arrested two miles east of Palestine, Texas, according to Anderson County Sheriff Greg Taylor."
    p = _by_mention(text)["Anderson County"]
    assert p is not None and p.admin1 == "Texas"


def test_places_named_in_institution_names() -> None:
    """The town an institution is named after, through descriptor words ("International", "Film") and
    when NER reads the whole name as a person."""
    places = _by_mention("He died in the arrivals area of Vancouver International Airport after ten hours.")
    assert places["Vancouver"] is not None and places["Vancouver"].country == "CA"
    places = _by_mention("The Tega Cay Fire Department responded to the call.")
    assert places["Tega Cay"] is not None and places["Tega Cay"].admin1 == "South Carolina"


def test_towns_ner_takes_for_organisations() -> None:
    """Local-news marks of a town that NER reads as an organisation: "a Crafton man", "of Canal
    Winchester, Ohio", and a county inside a sheriff's office tagged as a location."""
    places = _by_mention("A Crafton man is suing the television station over a broadcast story.")
    assert places["Crafton"] is not None and places["Crafton"].admin1 == "Pennsylvania"
    places = _by_mention("Bekelech Asefa, 26, of Canal Winchester, Ohio, faces 20 felony counts.")
    assert places["Canal Winchester"] is not None and places["Canal Winchester"].admin1 == "Ohio"
    places = _by_mention("On Thursday, Titus County Sheriff's Office (TCSO) Deputy David Robinson stopped a car.")
    assert places["Titus County"] is not None and places["Titus County"].admin1 == "Texas"


def test_part_of_a_place_and_abbreviated_compass_words() -> None:
    """"Northeast Georgia" is placed at Georgia; "W. Columbia" is West Columbia."""
    text = "The jobless rate for wider Northeast Georgia rose, the state said. Voters in W. Columbia, S.C., agreed."
    places = _by_mention(text)
    assert places["Northeast Georgia"] is not None and places["Northeast Georgia"].admin1 == "Georgia"
    assert places["Northeast Georgia"].country == "US"
    assert places["W. Columbia"] is not None and places["W. Columbia"].name == "West Columbia"


def test_affiliation_after_both_and_minnesota_dfl() -> None:
    """"both D-W. Va." and Minnesota's "DFL-Chisholm" are party-home affiliations too."""
    text = "Rep. Tony Sertich, DFL-Chisholm, spoke first. Sens. Byrd and Rockefeller, both D-W. Va., praised him."
    places = _by_mention(text)
    assert places["Chisholm"] is not None and places["Chisholm"].admin1 == "Minnesota"
    assert places["W. Va."] is not None and places["W. Va."].admin1 == "West Virginia"


def test_a_state_or_country_name_outranks_a_town_once_called_so() -> None:
    """Watervliet (New York) was once "Washington": beside Albany and Troy, "Washington" is still the
    capital, because a state or country named by its own name beats another place's old name."""
    places = _by_mention("Lawmakers in Washington and officials in Albany and Troy, New York, argued over the budget.")
    p = places["Washington"]
    assert p is not None and p.admin1 == "District of Columbia"


def test_a_country_name_is_not_a_town_whose_name_folds_to_it() -> None:
    """Iraan (Texas) folds to the key of "Iran"; next to Texan towns, "Iran" is still the country."""
    p = _by_mention("Fort Stockton and Pecos County officials met in Odessa to discuss sanctions on Iran.")["Iran"]
    assert p is not None and p.country == "IR" and p.precision == "country"


def test_one_sense_per_discourse() -> None:
    """"Alexandria police" (found with fewer candidates) is the Alexandria the rest of the text places
    in Virginia."""
    text = ("When Alexandria police found the body, they had few leads. Months later an Alexandria grand jury "
            "indicted him. He awaits a transfer to Virginia. Detectives in Alexandria worked with the Navy.")
    found = [m for m in find_places(text) if m.mention == "Alexandria"]
    assert len(found) == 3 and all(m.place is not None and m.place.admin1 == "Virginia" for m in found)


def test_people_of_a_state() -> None:
    """"Iowans", "Ohioans": the state, as a place named through its people."""
    places = _by_mention("The census will employ 8,000 Minnesotans, and Ohioans and Iowans voted on Tuesday.")
    for word, state in (("Minnesotans", "Minnesota"), ("Ohioans", "Ohio"), ("Iowans", "Iowa")):
        p = places[word]
        assert p is not None and p.admin1 == state and p.precision == "admin1"


# ---------------------------------------------------------------------------------- world coverage (#14)
import pytest  # noqa: E402

from sitrep.extract import extract  # noqa: E402
from sitrep.geo.gazetteer import load_gazetteer  # noqa: E402


@pytest.mark.parametrize(("text", "mention", "admin1", "precision", "near"), [
    # an unknown village in brackets' district: the district (its seat town), at district precision
    ("Fighters stormed Guriceel Yar village (Bulo Burto, Hiraan) at dawn.", "Guriceel Yar", "Hiraan", "district",
     (3.85, 45.57)),
    ("Two farmers were shot near Dhagax Jiif (Afgooye, Lower Shabelle) on Monday.", "Dhagax Jiif",
     "Lower Shabelle", "district", (2.14, 45.12)),
    ("A mortar landed in Qaryo Dheere town (Qoryooley, Lower Shabelle).", "Qaryo Dheere", "Lower Shabelle",
     "district", (1.79, 44.53)),
    # a known town inside the district in brackets keeps its own point
    ("Gunmen attacked a checkpoint in Afgooye town (Afgooye, Lower Shabelle).", "Afgooye", "Lower Shabelle",
     "point", (2.14, 45.12)),
    # the district in brackets also outranks a wrong province written beside it
    ("Militants gathered in Bur Xaaji village (Jilib, Middle Shabelle).", "Bur Xaaji", "Middle Juba", None, None),
])
def test_district_and_province_in_brackets_contain_the_place(text: str, mention: str, admin1: str,
                                                             precision: str | None,
                                                             near: tuple[float, float] | None) -> None:
    p = {m.mention: m.place for m in find_places(text, home=("SO",))}[mention]
    assert p is not None and p.country == "SO" and p.admin1 == admin1
    if precision:
        assert p.precision == precision
    if near:
        assert abs(p.lat - near[0]) < 0.2 and abs(p.lon - near[1]) < 0.2  # type: ignore[operator]


def test_bracketed_area_names_are_not_places_of_their_own() -> None:
    text = "Soldiers clashed with militants in Ceel Qooxle village (Balcad, Middle Shabelle)."
    assert [m.mention for m in find_places(text, home=("SO",))] == ["Ceel Qooxle"]


def test_one_name_in_brackets_outside_a_theatre_is_left_alone() -> None:
    places = _by_mention("Restrictions were placed on horses in New South Wales (NSW) this week.")
    assert places["New South Wales"] is not None and places["New South Wales"].country == "AU"


def test_districts_without_a_point_take_their_seat_town() -> None:
    gaz = load_gazetteer()
    for name, admin1 in (("Afgooye", "SO.14"), ("Qoryooley", "SO.14"), ("Bossaso", "SO.03")):
        area = next(e for e, _how in gaz.lookup(name) if e.kind == "admin2" and e.admin1 == admin1)
        town = next(e for e, _how in gaz.lookup(name) if e.kind in ("place", "supplement") and e.admin1 == admin1)
        assert (area.lat, area.lon) == (town.lat, town.lon) and area.seated


@pytest.mark.parametrize("text", [
    "Al Shabaab fighters attacked a base in the Hiraan region on Tuesday.",
    "Al-Shabaab militants ambushed a convoy in Hiraan region, officials said.",
    "The Somali army said it killed 12 Al Shabaab fighters in the Hiraan region.",
])
def test_a_region_named_as_an_area_beyond_syria_and_iraq(text: str) -> None:
    events = extract(text, published="2025-03-02")
    assert events and events[0].location is not None
    assert (events[0].location.admin1, events[0].location.precision) == ("Hiraan", "admin1")


def test_the_desk_theatre_settles_a_bare_village() -> None:
    text = "Gunmen killed two traders at a market in Afgooye on Monday."
    events = extract_document_with(text, ("SO",))
    assert events[0].location is not None and events[0].location.country == "SO"
    assert events[0].actor1 is not None and events[0].actor1.name == "Unidentified Armed Group (Somalia)"


def extract_document_with(text: str, theatre: tuple[str, ...]) -> list:  # type: ignore[type-arg]
    from sitrep.extract import extract_document
    from sitrep.records import Document

    return extract_document(Document.create(text, published="2025-03-04", published_precision="day"),
                            theatre=theatre)


@pytest.mark.parametrize(("text", "mention"), [
    ("Militants fired on a convoy travelling between Afgooye and Marka on Sunday.", "Afgooye"),
    ("An IED exploded on the road between Baidoa and Diinsoor.", "Baidoa"),
    ("Fighting was reported between Kismayo and Jamaame on Friday.", "Kismayo"),
])
def test_between_two_towns_is_near_the_first(text: str, mention: str) -> None:
    p = {m.mention: m.place for m in find_places(text, home=("SO",))}[mention]
    assert p is not None and p.country == "SO" and p.precision == "district"


@pytest.mark.parametrize(("text", "admin1"), [
    ("Floods displaced families across the Bay region last week.", "Bay"),
    ("Troops deployed to the Gedo region on Friday.", "Gedo"),
    ("Aid convoys reached the Mudug region.", "Mudug"),
])
def test_x_region_is_the_first_level_area(text: str, admin1: str) -> None:
    places = [m.place for m in find_places(text) if m.place is not None and m.place.admin1 == admin1]
    assert places and places[0].precision == "admin1"


@pytest.mark.parametrize("text,name,precision", [
    # a settlement said to lie in a name that is both a city and its province: the province holds it
    ("Militants attacked a village in Syrian Hama on Thursday, killing 20 people.", "Hama", "admin1"),
    ("Jets struck a town in Aleppo on Monday, killing 12.", "Aleppo", "admin1"),
    ("Gunmen raided two villages in Homs overnight, killing nine.", "Homs", "admin1"),
    # near misses: a market or a neighbourhood in the city is in the city; a named town keeps its own name
    ("Jets struck a market in Aleppo on Monday, killing 12.", "Aleppo", "point"),
    ("Shelling hit a neighbourhood in Homs on Monday, killing three.", "Homs", "point"),
    ("Rebels shelled the town of Mhardeh in Hama on Monday, killing three.", "Mhardeh", "point"),
])
def test_a_village_in_a_city_named_like_its_province_lies_in_the_province(text: str, name: str,
                                                                           precision: str) -> None:
    from sitrep import extract

    (ev,) = extract(text, "2017-05-18")
    assert ev.location is not None
    assert (ev.location.admin1 if precision == "admin1" else ev.location.name, ev.location.precision) == (
        name, precision)


@pytest.mark.parametrize("text,name,admin1", [
    # a part of a city named before the city ("the X neighbourhood of City") lies in that city, not at a namesake
    # town of another province the gazetteer knows
    ("Three children were killed in a rocket attack on a school in the Shahba neighbourhood of Aleppo on Thursday.",
     "Aleppo", "Aleppo"),
    ("Mortar rounds hit the Shahba quarter of Aleppo on Sunday, killing two people.", "Aleppo", "Aleppo"),
    ("A car bomb exploded in the Shahba neighbourhood of the city of Aleppo on Friday, killing four.", "Aleppo",
     "Aleppo"),
    # near misses: a part the gazetteer knows by the city keeps its own place; a town named alone keeps its own
    ("Rebels shelled the Jobar neighbourhood of Damascus on Monday, killing four people.", "Damascus", "Damascus"),
    ("Jets struck the town of Shahba in Sweida province on Monday, killing three.", "Shahbā", "As Sweida"),
])
def test_a_neighbourhood_of_a_city_lies_in_that_city(text: str, name: str, admin1: str) -> None:
    from sitrep import extract

    (ev,) = [e for e in extract(text, "2016-10-28") if e.event_type != "Diplomacy"]
    assert ev.location is not None
    assert (ev.location.name, ev.location.admin1) == (name, admin1)


def test_a_neighbourhood_the_gazetteer_knows_by_its_city_stays_itself() -> None:
    by_name = {m.mention: m.place for m in find_places("Rebels shelled the Jobar neighbourhood of Damascus on Monday.",
                                                       home=("SY",))}
    assert by_name["Jobar"] is not None and by_name["Jobar"].name == "Jobar"
    shahba = {m.mention: m.place for m in find_places("Rockets hit the Shahba neighbourhood of Aleppo.",
                                                      home=("SY",))}["Shahba"]
    assert shahba is not None and (shahba.name, shahba.admin1) == ("Aleppo - Shahba", "Aleppo")


@pytest.mark.parametrize("text,country", [
    # a state named as the doer of an act ("by Russia") is who acted, not where: it never places the event there
    ("On Sunday a monitor said at least 82 people were killed during airstrikes launched by Russia.", None),
    ("At least 12 civilians were killed in air strikes carried out by Turkey on Sunday, a monitor said.", None),
    ("Eight people were killed in strikes by Israel on Saturday, the monitor said.", None),
    ("Eight people were killed in strikes by Israel on Saturday near Damascus, the monitor said.", "SY"),
    # near misses: a place of the act still places it, a doer named by its demonym too
    ("Turkish jets bombed Afrin on Sunday, killing nine.", "SY"),
    ("A bomb exploded in Turkey on Sunday, killing four people.", "TR"),
    ("Five people were killed near Idlib on Monday by Syrian aircraft, the monitor said.", "SY"),
])
def test_a_state_named_as_the_doer_is_not_the_place(text: str, country: str | None) -> None:
    from sitrep import extract

    (ev,) = [e for e in extract(text, "2016-10-28") if e.event_type != "Diplomacy"]
    assert (ev.location.country if ev.location is not None else None) == country


@pytest.mark.parametrize("text,name,country", [
    # a province or state written without its kind ("Kwara" for "Kwara State"): the area, not nothing
    ("Gunmen killed 11 villagers in Kwara on Monday.", "Kwara State", "NG"),
    ("Bandits killed nine farmers in Zamfara on Monday.", "Zamfara State", "NG"),
    ("Herders attacked a village in Benue on Monday, killing seven people.", "Benue State", "NG"),
    ("An air strike killed five people in Abyan on Monday.", "Abyan Governorate", "YE"),
    ("Gunmen killed 12 villagers in Borno on Monday.", "Borno State", "NG"),  # a namesake village abroad (Italy)
    # near misses: a city of the same name stays the city
    ("Gunmen killed 11 villagers in Kaduna on Monday.", "Kaduna", "NG"),
    ("An air strike killed five people in Ibb on Monday.", "Ibb", "YE"),
])
def test_an_area_named_without_its_kind(text: str, name: str, country: str) -> None:
    from sitrep import extract

    (ev,) = extract(text, "2020-06-10")
    assert ev.location is not None and (ev.location.name, ev.location.country) == (name, country)


@pytest.mark.parametrize("text,name", [
    # a bureau's dateline with its day before the agency is where the report comes from
    ("BEIRUT, June 9 (AFP) — Militants ambushed a police patrol near Maiduguri on Monday, killing 8 officers.",
     "Maiduguri"),
    ("KABUL, Afghanistan, June 9, 2020 (Reuters) - Troops clashed with rebels near Beni on Monday, killing 7.",
     "Beni"),
    ("NAIROBI, June 9 (Reuters) - Gunmen attacked a bus near Mandera on Monday, killing 5 passengers.", "Mandera"),
    ("BEIRUT, June 9 (AFP) — Shelling killed five people on Monday.", None),
    # near miss: the dateline's city named again in the body is the place
    ("BEIRUT, June 9 (AFP) — A car bomb exploded in Beirut on Monday, killing five people.", "Beirut"),
])
def test_a_bureau_dateline_with_its_day_is_not_the_place(text: str, name: str | None) -> None:
    from sitrep import extract

    (ev,) = [e for e in extract(text, "2020-06-10") if e.event_type != "Diplomacy"]
    assert (ev.location.name if ev.location is not None else None) == name


@pytest.mark.parametrize("text,name,country", [
    # "rebels" or "insurgents" alone (the packaged dictionary reads them as Syria's by default) name no country:
    # they give the text no home, and a town it names abroad stands
    ("Troops clashed with rebels near Beni on Monday, killing 7.", "Beni", "CD"),
    ("Rebels attacked a village near Butembo on Monday.", "Butembo", "CD"),
    ("Rebels attacked a village near Kalehe on Monday.", "Kalehe", "CD"),
    # near misses: a place of the theatre named beside it, and a Syrian force's village, stay in Syria
    ("Rebels shelled Qatra near Aleppo on Monday.", "Aleppo", "SY"),
    ("Regime forces shelled Latamneh on Monday.", "Al-Latamneh", "SY"),
])
def test_rebels_read_by_default_give_no_home_that_vetoes_a_town_abroad(text: str, name: str, country: str) -> None:
    from sitrep import extract

    (ev,) = extract(text, "2020-06-10")
    assert ev.location is not None and (ev.location.name, ev.location.country) == (name, country)
