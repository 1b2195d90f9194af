"""Toponyms: find place names in a text and resolve them to gazetteer entries.

``find_places(text, doc=None)`` recognises place mentions (NER GPE/LOC/FAC after the gazetteer ruler,
plus country demonyms such as "Syrian") and resolves each one in two passes: first by its own prior
(feature type, population, main vs alternate name), then again with the document's context — the
majority country of the other mentions, the admin1 areas the text names or implies, an explicit
container ("Kafr Nabl in Idlib", "Gainesville, Ga.") and the distance to the other places, and how well
each reading fits the plausible readings of the other names ("Decatur" and "DeKalb County": both in Georgia).

Precision follows ACLED's conventions: a town is a ``point``; "near X", "X countryside", "the outskirts
of X" keep X's coordinates at ``district`` precision; "X province/governorate" is the admin1 area at
``admin1`` precision; a country alone is ``country``.  A name the gazetteer does not know, or cannot
tell apart without support, falls back to the area the text names around it (never a guessed village).

``resolve_place(name, context)`` resolves one name; ``place_for_span(mentions, start, end, text)``
picks the location of an event clause from the mentions."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from sitrep.geo.gazetteer import CORE, Entry, Gazetteer, load_gazetteer, norm_key
from sitrep.records import Place, PlaceMention, haversine_km

from .place_areas import _area_place, _bracket_names, _brackets, _governing_area, _inside, _named_areas, _part_place
from .place_recognition import _collect, _Mention, _qualifier
from .place_scoring import PlaceContext, _candidates, _make_place, _rank, _readings, is_demonym, resolve_place
from .place_voting import _context, _known_abroad, _one_sense, _same_name, _theatre_context, _votes

__all__ = [
    "PlaceContext",
    "country_place",
    "document_province",
    "find_places",
    "is_demonym",
    "is_nationality",
    "place_for_span",
    "resolve_place",
]


def find_places(text: str, doc: Doc | None = None, home: Sequence[str] = ()) -> list[PlaceMention]:
    """Place mentions of ``text`` with their resolution (``doc``: the text parsed by ``get_nlp()``).

    ``home``: ISO2 codes of the countries a collection is about (e.g. ``("SY", "IQ")`` for a Syria/Iraq
    monitoring desk).  They count as if the text had named them once, which settles short notes that
    name only a village ("Regime forces shelled Barsa"); leave it empty for general news.
    """
    if not text.strip():
        return []
    gaz = load_gazetteer()
    if doc is None:
        from sitrep.extract.nlp import get_nlp

        doc = get_nlp()(text)
    mentions = _resolved_mentions(text, doc, gaz, home)
    final_votes = _votes(mentions, home)
    areas = _named_areas(text, gaz, CORE | frozenset(home))
    taken = [m.container for m in mentions if m.bracket and m.container is not None]
    areas = [x for x in areas if not any(c.start <= x.start and x.end <= c.end for c in taken)]
    strict_area = any(x.strict for x in areas)
    theatres: dict[str, frozenset[str]] = {}
    firm = _firm_countries(mentions)
    out: list[PlaceMention] = []
    for m in mentions:
        if m.bracketed:
            continue  # the district and province in brackets: the container of the place before them
        if m.bracket and m.container is not None and m.container.best is not None:
            out.append(_bracket_place(gaz, m, m.container.best))
            continue
        k = norm_key(m.text)
        if k not in theatres:
            theatres[k] = _theatre_context(final_votes, k, home) or (CORE if strict_area else frozenset())
        theatre = theatres[k]
        over = next((x for x in areas if x.strict and x.start < m.end and m.start < x.end), None)
        if over is not None and not m.demonym:
            part = _part_place(gaz, over.entry, m.text, over.direction)
            if part is not None:  # "northern Hama": the part of the province, not its capital city
                out.append(PlaceMention(mention=m.text, start=m.start, end=m.end, place=part))
                continue
            if m.best is None or m.best.admin1 != over.entry.admin1 or m.best.kind == "country":
                m.best = over.entry  # a province written as an area ("Deir-ez-Zor countryside"), split or misread
                m.qual = "province"
            gov = None
        else:
            inside = any(x.start < m.end and m.start < x.end for x in areas)  # "in Idleb and Aleppo countryside"
            gov = _governing_area(areas, text, m.start, m.end) if areas and not m.demonym and not inside else None
        area = gov.entry if gov else None
        if gov and not gov.strict and m.best is not None and m.best.country == gov.entry.country:
            area = None  # "Douma in Damascus": a known place of that country stands
        # a hand-curated place of the same country stands (Yarmouk camp "in Rural Damascus" is in Damascus)
        curated = (m.best is not None and m.best.kind == "supplement" and m.best.country == (area.country if area
                                                                                              else None)
                   and any(c.idx == m.best.idx and how != "loose" for c, how in m.cands))
        misplaced = m.best is None or (m.best.kind in ("place", "supplement", "admin2")
                                       and area is not None and m.best.admin1 != area.admin1)
        if gov is not None and area is not None and not curated and misplaced:
            # a village the gazetteer does not know in that province: the province (or the part of it the
            # text names), never a wrong village
            out.append(PlaceMention(mention=m.text, start=m.start, end=m.end,
                                    place=_area_place(gaz, gov, m.text)))
            continue
        if m.best is not None and m.best.kind in ("admin1", "country") and (m.qual or "").startswith("neighbo"):
            m.best = None  # "the Salah Eddin neighbourhood": a part of a town, never a province or a country
        if theatre and m.best is not None and m.best.kind in ("place", "supplement", "admin2") \
                and m.best.country not in theatre \
                and not _known_abroad(m):
            m.best = None  # a Syrian or Iraqi text does not name a village in Romania: leave it unresolved
        if _loose_abroad(m, firm, k):
            m.best = None  # "the district of Hamdaniyeh" in an Aleppo story is no loose spelling of an Iraqi town
        if m.weak and m.best is None and not theatre:
            continue
        found = _own_place(gaz, m)
        if found is not None:
            out.append(found)
    for named in areas:  # a province no mention covers ("in the eastern countryside of Deir Ez-Zor")
        a, b = named.start, named.end
        if named.strict and not any(x.start < b and a < x.end for x in out):
            out.append(PlaceMention(mention=text[a:b], start=a, end=b, place=_area_place(gaz, named, text[a:b])))
    out.sort(key=lambda x: x.start)
    return _city_neighbourhoods(text, _foreign_namesakes(text, _province_qualifiers(text, out)))


# the kind of an area after its name ("Bay region", "Gaza Strip", "Kaduna state")
AREA_KIND_WORDS = re.compile(r"\s+(?:region|province|state|governorate|district|county|strip|oblast|department|"
                             r"division|prefecture|territory)$", re.I)
AREA_KIND_AFTER = re.compile(r"\s+(?:region|province|state|governorate|district|county|oblast|department|"
                             r"prefecture|countryside)\b", re.I)


def area_core(name: str) -> str:
    """An area's name without its kind word ("Bay region" -> "bay", "Gaza Strip" -> "gaza")."""
    return AREA_KIND_WORDS.sub("", name.strip()).casefold()


def _province_qualifiers(text: str, out: list[PlaceMention]) -> list[PlaceMention]:
    """A name that tells where the town before it lies and is the name of that town's province ("Rafah in Gaza",
    "Hpakant, Kachin state", "Kafr Nabl, Idlib province") is the province, not its namesake city: the town stays the
    finer place. A bare comma before a name that goes on a list ("Saraqib, Idlib and Ariha") lists the city."""
    for i in range(1, len(out)):
        prev, pm = out[i - 1], out[i]
        a, b = prev.place, pm.place
        if a is None or b is None or b.precision != "point" or not a.admin1 or a.precision != "point" \
                or b.country != a.country or area_core(pm.mention) != area_core(a.admin1) \
                or _QUALIFIER_GAP.fullmatch(text, prev.end, pm.start) is None \
                or _LIST_JOIN_BEFORE.search(text, max(0, prev.start - 12), prev.start):
            continue
        kind_word = AREA_KIND_AFTER.match(text, pm.end) is not None
        if not kind_word and not _IN_OF.search(text, prev.end, pm.start) and i + 1 < len(out) \
                and _LIST_CONTINUES.match(text, pm.end):
            continue
        province = province_place(a.country, a.admin1)
        if province is not None:
            out[i] = PlaceMention(mention=pm.mention, start=pm.start, end=pm.end,
                                  place=dataclasses.replace(province, mention=pm.mention))
    return out


_LIST_CONTINUES = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?[A-Z]")


# "the Burkina Faso village of Solhan", "Mali's town of Tessit": a country named right before a town to say where it is
_COUNTRY_OF_TOWN = re.compile(r"(?:'s|’s)?\s+(?:(?:border|frontier|northern|southern|eastern|western|central|remote|"
                              r"rural|small|mining|market|desert)\s+)?(?:village|town|city|district|region|"
                              r"locality|commune|hamlet)\s+of\s+$", re.I)


_SPEAKER_AFTER = re.compile(r"\s+(?:has\s+|had\s+)?(?:said|says|reported|reports|told|announced|claimed|claims|"
                            r"accused|accuses|denied|denies|confirmed|confirms|warned|warns|insisted)\b", re.I)
_POSSESSIVE_AFTER = re.compile(r"(?:'s|’s)\b")
_IN_OF = re.compile(r"\b(?:in|of)\b", re.I)
_LIST_GAP = re.compile(r"\s*(?:,|\band\b|&)\s*(?:and\s+)?(?:the\s+)?", re.I)


def _foreign_namesakes(text: str, out: list[PlaceMention]) -> list[PlaceMention]:
    """A town the text itself places in a country or province ("Solhan, Burkina Faso", "Solhan in northern Burkina
    Faso", "the Burkina Faso village of Solhan") but that the gazetteer only knows abroad (a Turkish Solhan) is not that
    namesake: the mention stands for the area the text names (the village itself is unknown). Country adjectives
    ("in Aleppo, Russian jets ...") name who acts, not where, and qualify nothing."""
    for i, pm in enumerate(out):
        p = pm.place
        if p is None or p.precision in ("admin1", "country") or not p.country:
            continue
        area: PlaceMention | None = None
        nxt = out[i + 1] if i + 1 < len(out) else None
        if (nxt is not None and nxt.place is not None and nxt.place.precision in ("admin1", "country")
                and nxt.start - pm.end <= 30 and not is_nationality(nxt, text)
                and not _LIST_JOIN_BEFORE.search(text, max(0, pm.start - 12), pm.start)
                and _QUALIFIER_GAP.fullmatch(text, pm.end, nxt.start) is not None
                and not _SPEAKER_AFTER.match(text, nxt.end)
                and not (_POSSESSIVE_AFTER.match(text, nxt.end) and not _IN_OF.search(text, pm.end, nxt.start))):
            # "Solhan, Burkina Faso", "Solhan in northern Burkina Faso", "Solhan, in Burkina Faso's Yagha province";
            # not a speaker ("Tal Abyad, Turkey said", "Tal Abyad, Turkey's defence ministry said")
            area = nxt
        prev = out[i - 1] if i > 0 else None
        if (area is None and prev is not None and prev.place is not None and prev.place.precision == "country"
                and pm.start - prev.end <= 40 and _COUNTRY_OF_TOWN.fullmatch(text, prev.end, pm.start) is not None):
            area = prev  # "the Burkina Faso village of Solhan"
        if (area is not None and area is nxt and i + 2 < len(out)
                and _LIST_GAP.fullmatch(text, area.end, out[i + 2].start)):
            area = None  # "New York City, Long Island, New York, Pennsylvania": a list of places, not a qualifier
        if area is not None and area.place is not None and area.place.precision == "admin1" and not any(
                o.place is not None and o.place.precision == "country" and o.place.country == area.place.country
                and not is_nationality(o, text) for o in out):
            area = None  # a province of a country the text never names ("in South West England" is no region abroad)
        if area is not None and area.place is not None and area.place.country != p.country:
            out[i] = PlaceMention(mention=pm.mention, start=pm.start, end=pm.end, place=area.place)
    return out


def _firm_countries(mentions: Sequence[_Mention]) -> dict[str, str]:
    """The country of each province or large town named by its own spelling (a name or an alternate name, not a
    loose transliteration; not a village, whose namesakes abroad are many, nor a country or a demonym, which name
    actors as often as places): name key -> ISO2."""
    out: dict[str, str] = {}
    for m in mentions:
        if m.demonym or m.best is None or m.best.kind == "country":
            continue  # "Turkish forces", "Turkey shelled ...": who acts, as often as where
        e = m.best
        major = e.kind == "admin1" or e.population >= 100_000 or e.fcode in ("PPLC", "PPLA")
        if e.country and major and any(c.idx == e.idx and how != "loose" for c, how in m.cands):
            out[norm_key(m.text)] = e.country
    return out


def _loose_abroad(m: _Mention, firm: dict[str, str], k: str) -> bool:
    """A town or district read only by a loose transliteration ("Hamdaniyeh" -> the Iraqi Hamdaniya) in a
    country none of the text's other names read by their own spelling is in, while they do place the text in
    some country: the spelling is a namesake's, not the place the text is about (a part of its own town the
    gazetteer does not know)."""
    e = m.best
    if e is None or m.demonym or e.kind not in ("place", "supplement", "admin2"):
        return False
    if not any(c.idx == e.idx for c, _how in m.cands) or any(
            c.idx == e.idx and how != "loose" for c, how in m.cands):
        return False
    others = {cc for k2, cc in firm.items() if not _same_name(k2, k)}
    return bool(others) and e.country not in others


_CITY_FEATURES = frozenset({"PPLC", "PPLA", "PPLA2"})
_NEIGHBOURHOOD = re.compile(r"\s+(?:neighbou?rhood|quarter)\b", re.I)
_NEIGHBOURHOOD_OF = re.compile(r"\b(?:neighbou?rhood|quarter)\s+of\s+(?:the\s+)?$", re.I)
# "the Shahba neighbourhood of Aleppo", "the Midan quarter of the city of Damascus", "al-Qusour neighborhood in Deir
# Ezzor city", "the Qusour neighborhood in the eastern city of Deir el-Zour": the city named after its part
_NEIGHBOURHOOD_OF_CITY = re.compile(
    r"\s+(?:neighbou?rhood|quarter)\s+(?:of|in)\s+(?:the\s+)?(?:(?:[a-z]+\s+)?(?:city|town)\s+of\s+)?$", re.I)
_PART_KM = 20.0  # a part of a city the gazetteer knows lies this near the city's point
_PARAGRAPH = re.compile(r"\n\s*\n")
_DETERMINERS = frozenset({"the", "this", "that", "its", "their", "a", "an", "one", "another", "each", "every"})
_CITY_REACH = 1200  # characters: the city's report a neighbourhood belongs to is told not far before it


def _city_neighbourhoods(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """A neighbourhood the text names ("in Mogambo neighborhood", "the neighbourhood of al-Ramouseh") in a report
    of a city told before it in the paragraph ("... in Aleppo city. ... al-Hamadaniyeh neighborhood"): a part of
    that city, "Aleppo - Mogambo" at the city's point, when the gazetteer knows no place of that country by its
    name (it is unknown, a province, or a namesake abroad) -- never a village abroad nor the whole province."""
    out: list[PlaceMention] = []
    city: PlaceMention | None = None
    parts: dict[str, Place] = {}  # a neighbourhood named once is that part of the city wherever it is named again
    for n, pm in enumerate(places):
        p = pm.place
        key = _part_key(pm.mention)
        after = places[n + 1] if n + 1 < len(places) else None
        of_city = (after is not None and _is_city(after.place) and pm.end <= after.start
                   and _NEIGHBOURHOOD_OF_CITY.match(text[pm.end:after.start]) is not None)
        if of_city:
            city = after  # the city named right after its part: "the Shahba neighbourhood of Aleppo"
        if key in parts and (p is None or p.precision in ("admin1", "country") or p.country != parts[key].country):
            out.append(dataclasses.replace(pm, place=dataclasses.replace(parts[key], mention=pm.mention)))
            continue
        if city is not None and _PARAGRAPH.search(text, city.end, pm.start):
            city = None
        named = bool(_NEIGHBOURHOOD.match(text, pm.end) or _NEIGHBOURHOOD_OF.search(text, max(0, pm.start - 30),
                                                                                       pm.start))
        owner = _possessive_city(pm) if named else None
        if owner is not None:
            # "In Aleppo's Qaryat al-Ansari neighborhood" (the apostrophe lost: "Aleppos"): the city it names
            city, pm = owner, dataclasses.replace(pm, mention=pm.mention[owner.end - pm.start:].strip())
        if named and city is not None and city.place is not None and pm.mention != city.mention \
                and pm.mention.split()[0].lower() not in _DETERMINERS \
                and pm.start - city.end <= _CITY_REACH:
            c = city.place
            # a place of the city's country the gazetteer knows at a point stands ("Jobar neighborhood"); of the city
            # the text names as its whole ("the Shahba neighbourhood of Aleppo"), only where it lies by that city (not
            # a namesake town in another province)
            known = p is not None and p.precision in ("point", "district") and p.country == c.country and (
                not of_city or (_near(p, c) if None not in (p.lat, p.lon, c.lat, c.lon) else p.admin1 == c.admin1))
            if not known:
                part = Place(name=f"{c.name} - {pm.mention}", country=c.country, admin1=c.admin1, admin2=c.admin2,
                             lat=c.lat, lon=c.lon, precision="district", feature="PPLX", mention=pm.mention)
                parts[_part_key(pm.mention)] = part
                pm = dataclasses.replace(pm, place=part)
        elif _is_city(p) and not named:
            city = pm
        out.append(pm)
    return out


_POSSESSIVE_CITY = re.compile(r"(?:[Ii]n\s+)?(?P<city>[A-Z][\w\-]+?)(?:['’]s|s)\s+(?=[A-Z])")


def _possessive_city(pm: PlaceMention) -> PlaceMention | None:
    """The city a neighbourhood's mention opens with in the possessive ("Aleppos Qaryat al-Ansari", "Homs's
    Waer"): that city, as a mention of its own (its end: where the neighbourhood's own name starts)."""
    m = _POSSESSIVE_CITY.match(pm.mention)
    if m is None:
        return None
    place = resolve_place(m.group("city"))
    if not _is_city(place):
        return None
    return PlaceMention(mention=m.group("city"), start=pm.start + m.start("city"), end=pm.start + m.end(),
                        place=place)


def _is_city(p: Place | None) -> bool:
    return p is not None and p.precision == "point" and p.feature in _CITY_FEATURES


def _near(p: Place, city: Place) -> bool:
    assert p.lat is not None and p.lon is not None and city.lat is not None and city.lon is not None
    return haversine_km(p.lat, p.lon, city.lat, city.lon) <= _PART_KM


def _part_key(name: str) -> str:
    """A neighbourhood's name without its article ("al- Mogambo" = "Mogambo")."""
    return re.sub(r"^(?:al|el)-?\s*", "", norm_key(name))


def _resolved_mentions(text: str, doc: Doc, gaz: Gazetteer, home: Sequence[str]) -> list[_Mention]:
    """The text's place mentions, each resolved on its own (pass 1), then twice with the document's context."""
    mentions = _collect(text, doc, gaz)
    mentions = sorted(mentions + _bracket_names(text, mentions), key=lambda m: m.start)
    for m in mentions:
        if m.demonym:
            continue
        m.qual = _qualifier(text, m.start, m.end)
        if not m.cands:
            m.cands = _candidates(gaz, m.text, m.qual)
    _brackets(text, gaz, mentions, home)
    # pass 1: each mention on its own
    readings: dict[str, list[tuple[Entry, float]]] = {}
    for m in mentions:
        if m.cands:
            ranked = _rank(gaz, m.cands, None, None, m.qual)
            m.best = ranked[0][1]
            m.margin = ranked[0][0] - ranked[1][0] if len(ranked) > 1 else 5.0
            readings.setdefault(norm_key(m.text), _readings(ranked))
    # pass 2 (twice): with the document's context, less the votes of the mention's own name
    for _ in range(2):
        votes = _votes(mentions, home)
        contexts: dict[str, PlaceContext] = {}
        new: dict[str, list[tuple[Entry, float]]] = {}
        # a name said again with the same candidates, qualifier and container ranks the same: once per pass
        ranks: dict[tuple[object, ...], list[tuple[float, Entry]]] = {}
        for m in mentions:
            if not m.cands:
                continue
            k = norm_key(m.text)
            if k not in contexts:
                contexts[k] = _context(votes, k)
                contexts[k].others = [r for k2, r in readings.items() if not _same_name(k2, k)]
            local = contexts[k]
            box = m.container.best if m.container is not None else None
            if box is not None:
                local = PlaceContext(local.countries, local.admin1, local.points, box, local.others)
            memo = (k, m.qual, id(box), tuple((id(e), how) for e, how in m.cands))
            if memo not in ranks:
                ranks[memo] = _rank(gaz, m.cands, local, None, m.qual)
            ranked = ranks[memo]
            m.best = ranked[0][1]
            m.margin = ranked[0][0] - ranked[1][0] if len(ranked) > 1 else 5.0
            new.setdefault(k, _readings(ranked))
        readings = new
    _one_sense(mentions)
    return mentions


def _bracket_place(gaz: Gazetteer, m: _Mention, box: Entry) -> PlaceMention:
    """"Kafr Nabl (Maarat al-Numan, Idlib)": the place if the gazetteer has it in that district, else the district."""
    if m.best is None or not _inside(m.best, box):
        m.best = None  # a village the gazetteer does not know in that district: the district, not a namesake
    found = (_make_place(gaz, m.best, m.text, m.qual) if m.best is not None
             else _make_place(gaz, box, m.text, "countryside of" if box.kind == "admin2" else "province"))
    return PlaceMention(mention=m.text, start=m.start, end=m.end, place=found)


def _own_place(gaz: Gazetteer, m: _Mention) -> PlaceMention | None:
    """A mention's place from its own reading (a demonym's country, its best entry, its container); None: left out."""
    if m.demonym:
        c = gaz.countries.get(m.demonym)
        place = gaz.to_place(c, mention=m.text) if c else None
    elif m.best is not None:
        place = _make_place(gaz, m.best, m.text, m.qual)
    elif m.container is not None and m.container.best is not None:
        # unknown name in a known area ("Kafr Xyz in Idlib"): the area, at its own precision
        place = _make_place(gaz, m.container.best, m.text, "countryside of")
    elif m.label == "GPE":
        place = None
    else:
        return None
    return PlaceMention(mention=m.text, start=m.start, end=m.end, place=place)


# ---------------------------------------------------------------------------------------- events
_PRECISION_RANK = {"point": 0, "district": 1, "admin1": 2, "country": 3}


def precision_rank(p: Place) -> int:
    """How coarse a place is: 0 a town (point), 1 a district, 2 a province, 3 a country."""
    return _PRECISION_RANK.get(p.precision, 3)


# a base of the country's own forces, on its soil ("a Syrian air base", "the Syrian airfield")
_BASE_AFTER = re.compile(r"\s+(?:military\s+)?(?:air\s*base|airbase|air\s*field|military\s+airport)\b")
_LOCATIVE_AFTER = re.compile(
    r"(?:\s*[-–/]\s*[A-Z][\w’']+|\s+and\s+[A-Z][\w’']+)?\s+(?:border|borders|frontier|territory|territories|soil|"
    r"airspace|coast|coastline|desert|countryside|waters|side\s+of\s+the\s+border)\b|" + _BASE_AFTER.pattern
)


def country_place(iso2: str) -> Place | None:
    """A country as a place, at country precision."""
    gaz = load_gazetteer()
    e = gaz.countries.get(iso2)
    return gaz.to_place(e) if e is not None else None


def is_nationality(m: PlaceMention, text: str) -> bool:
    """A country adjective that qualifies who ("Russian and regime airstrikes", "a Turkish border guard"),
    not where ("on the Turkish-Syrian border", "on Iraqi soil")."""
    return is_demonym(m.mention) and not _LOCATIVE_AFTER.match(text, m.end)


_NAMED_AS_LOCATION = re.compile(r"\b(?:in|at|near|across|inside|throughout|of|into|outside)\s+(?:the\s+)?$", re.I)
# how far back a place named before an event's clause may still locate it
_CARRY_CHARS = 400


# a preposition of place right before a name, a point of the compass between them too ("in east Syria", "in the
# northern Aleppo countryside", "near south-western Hama")
_PREP_BEFORE = re.compile(
    r"\b(?:in|at|near|of|on|outside|around|from|into|to)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?$")


def place_for_span(mentions: Sequence[PlaceMention], start: int, end: int, text: str) -> Place | None:
    """The location of an event stated in ``text[start:end]``.

    The finest resolved place mentioned inside the span wins (a town over its province over its
    country), preferring one introduced by "in/at/near/of"; with nothing inside, a country adjective used
    as a place inside it ("on the Syrian-Iraqi border"), the nearest place mentioned before the span in
    the same paragraph, then the document's most mentioned place; a
    country adjective ("Turkish soldiers") only as a last resort, since it usually names an actor.
    """
    gaz = load_gazetteer()
    real = [m for m in mentions if m.place is not None and not is_demonym(m.mention, gaz)]
    # "on the Syrian-Iraqi border", "on Turkish soil": a country adjective that names where, not who -- and a base
    # of its forces as good as a country introduced by "in" ("The U.S. strike on the Syrian air base": Syria, not
    # the United States)
    locative = [m for m in mentions if m.place is not None and m.start >= start and m.end <= end
                and is_demonym(m.mention, gaz) and _LOCATIVE_AFTER.match(text, m.end)]
    inside = [m for m in real if m.start >= start and m.end <= end] + locative

    def key(m: PlaceMention) -> tuple[int, int]:
        p = m.place
        assert p is not None
        pre = text[max(0, m.start - 30):m.start].lower()
        prep = 0 if (_BASE_AFTER.match(text, m.end) if m in locative else _PREP_BEFORE.search(pre)) else 1
        return (_PRECISION_RANK.get(p.precision, 3), prep)

    if inside:
        # "shelled Douma in Damascus", "a market in Jobar of Damascus": the town the city after it qualifies
        inside = [m for m in inside if not any(_town_of_city(t, m, text) for t in inside)]
        return min(inside, key=key).place
    # the nearest place named shortly before, in the same paragraph; a country only where it is named as a
    # location ("in Syria"), not as an actor ("a ceasefire announced by Russia")
    before = [m for m in real if m.end <= start and start - m.end <= _CARRY_CHARS and "\n\n" not in text[m.end:start]
              and (m.place is not None and m.place.precision != "country" or _NAMED_AS_LOCATION.search(
                  text, max(0, m.start - 12), m.start))]
    if before:
        last = before[-1]
        # "in the town of Khan Sheikhoun in rural Idlib", and a report told in the next sentence with no place of its
        # own ("... Khan Sheikhoun in rural Idlib. Chemical agents were used in the attack"): the town the area
        # qualifies, not the area
        if len(before) > 1 and _qualified_by(before[-2], last, text):
            return before[-2].place
        return last.place
    areas = Counter(m.place.name for m in real if m.place is not None)
    if areas:
        name = areas.most_common(1)[0][0]
        return next(m.place for m in real if m.place is not None and m.place.name == name)
    # only a country adjective ("Turkish troops"): the country, at country precision
    dem = [m for m in mentions if m.place is not None and m.start >= start and m.end <= end]
    return dem[0].place if dem else None


def _town_of_city(town: PlaceMention, city: PlaceMention, text: str) -> bool:
    """Is ``city`` named right after ``town`` with "in"/"of" to say where the town is ("Douma in Damascus"): both
    points, the town within reach of the city (``_PART_KM`` x 2.5), not the last name of a list?"""
    a, b = town.place, city.place
    if a is None or b is None or a.precision != "point" or b.precision != "point" or town is city \
            or a.lat is None or a.lon is None or b.lat is None or b.lon is None or city.start <= town.end:
        return False
    if city.start - town.end > 30 or not _IN_OF.search(text, town.end, city.start) \
            or _QUALIFIER_GAP.fullmatch(text, town.end, city.start) is None \
            or _LIST_JOIN_BEFORE.search(text, max(0, town.start - 12), town.start):
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= 2.5 * _PART_KM


_LIST_JOIN_BEFORE = re.compile(r"(?:,|\band|\bor|&)\s+(?:the\s+)?$", re.I)
# "X in (the) Y", "X, in Y", "X of Y", "X, Y": the name after a town that names the area it lies in
_QUALIFIER_GAP = re.compile(r"(?:,\s*(?:(?:in|of)\s+)?|\s+(?:in|of)\s+)(?:the\s+)?(?:(?:rural|countryside\s+of|"
                            r"outskirts\s+of|province\s+of|northern|southern|eastern|western|central)\s+)?", re.I)


def _qualified_by(town: PlaceMention, area: PlaceMention, text: str) -> bool:
    """Is ``area`` named right after ``town`` to tell where the town lies ("Khan Sheikhoun in rural Idlib", "Douma,
    in Damascus countryside", "Douma, Rural Damascus"): a coarser place of the same province? Not the last town of a
    list ("the villages of A and B in Homs province"): the area tells where they all lie."""
    a, b = town.place, area.place
    if a is None or b is None or _PRECISION_RANK.get(a.precision, 3) >= _PRECISION_RANK.get(b.precision, 3):
        return False
    if area.start - town.end > 30 or _LIST_JOIN_BEFORE.search(text, max(0, town.start - 12), town.start):
        return False
    return bool(a.admin1) and a.admin1 == b.admin1 and a.country == b.country \
        and _QUALIFIER_GAP.fullmatch(text, town.end, area.start) is not None


def document_province(mentions: Sequence[PlaceMention], country: str) -> Place | None:
    """The province of ``country`` a document is about, when every town, district or province of that
    country it names lies in one province (a report from Deir ez-Zor that also says "in Syria"); None
    when it names none or several."""
    names = {m.place.admin1 for m in mentions if m.place is not None and m.place.country == country
             and m.place.precision != "country"}
    if len(names) != 1 or None in names:
        return None
    return province_place(country, names.pop())


def province_place(country: str | None, admin1: str | None) -> Place | None:
    """The province called ``admin1`` in ``country`` as a place, at admin1 precision."""
    if not country or not admin1:
        return None
    gaz = load_gazetteer()
    for code, e in gaz.admin1.items():
        if e.country == country and gaz.admin1_name(code) == admin1:
            return gaz.to_place(e, precision="admin1")
    return None
