"""Named areas and compass geometry: "eastern Ghouta", "the northern countryside of Aleppo" (a sector of
an admin1 area), bracketed admin names ("Kafr Nabl (Idlib)")."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from sitrep.geo.gazetteer import CORE, Entry, Gazetteer, haversine_km, load_gazetteer, norm_key
from sitrep.records import Place

from .place_recognition import _NAME, _institution_words, _Mention
from .place_scoring import _COMPASS, _COMPASS_ADJECTIVE

# ---------------------------------------------------------------------------------------- named areas
_AREA_BEFORE = re.compile(
    r"(?:\b(?:countryside|outskirts|province|governorate|desert|suburbs) of|\brural|\b" + _COMPASS + r")\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_AREA_AFTER = re.compile(r"^(?:'s|’s)?\s+(?:countryside|province|governorate|region|desert|suburbs|outskirts)\b",
                         re.IGNORECASE)


@lru_cache(maxsize=32)
def _area_pattern(countries: frozenset[str] = CORE) -> tuple[re.Pattern[str], dict[str, Entry]]:
    """One pattern for every name of the first-level divisions of ``countries`` (longest first, so that
    "Rural Damascus" wins over "Damascus"), and folded name -> admin1 entry."""
    gaz = load_gazetteer()
    by_name: dict[str, Entry] = {}
    for e in gaz.admin1.values():
        if e.country not in countries:
            continue
        for n in gaz.names(e):
            if len(n) >= 4:
                by_name.setdefault(_area_key(n), e)
    names = sorted({n for e in by_name.values() for n in gaz.names(e) if len(n) >= 4}, key=len, reverse=True)
    alts = [re.sub(r"(?:\\ |\\-|-)+", r"[\\s-]+", re.escape(n)).replace("'", "['’]?") for n in names]
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)
    return rx, by_name


def _area_key(name: str) -> str:
    return re.sub(r"[\W_]+", "", norm_key(name))


_DIRECTION_BEFORE = re.compile(
    r"\b" + _COMPASS + r"\s+(?:(?:countryside|outskirts|suburbs|parts?|reaches|areas?)\s+of\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_DIRECTION_AFTER = re.compile(r"^(?:'s|’s)?\s+" + _COMPASS + r"\s+(?:countryside|outskirts|suburbs|desert|areas?)\b",
                              re.IGNORECASE)
_BEARINGS = {"north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0, "south": 180.0,
             "southwest": 225.0, "west": 270.0, "northwest": 315.0}
_SECTOR_HALF_WIDTH = 67.5  # degrees either side: "northern" takes in the north-east and north-west too

class Area(NamedTuple):
    """A province the text names (see ``_named_areas``)."""

    start: int
    end: int
    entry: Entry  # the admin1 area
    strict: bool  # written as an area, or a name that is only a province
    direction: str | None  # the compass part named ("northern Hama"), if any


def _direction(text: str, a: int, b: int) -> str | None:
    """The compass part of a province the text names: "northern Hama", "the southern countryside of
    Idleb", "Aleppo's northwestern countryside" -> "north", "south", "northwest"."""
    m = _DIRECTION_BEFORE.search(text[max(0, a - 50):a]) or _DIRECTION_AFTER.match(text[b:b + 40])
    return m.group(1).lower().replace("-", "") if m else None


def _bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    y = math.sin(dl) * math.cos(p2)
    x = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return (math.degrees(math.atan2(y, x)) + 360.0) % 360.0


@lru_cache(maxsize=256)
def _sector_point(admin1: str, direction: str) -> tuple[float, float] | None:
    """Where the towns of one part of a province lie ("northern Hama"): the mean position, weighted by
    log population, of the province's settlements whose bearing from the province's own settlement
    centre falls within the compass sector.  None when the gazetteer knows too few of them."""
    towns = load_gazetteer().settlements(admin1)
    if len(towns) < 4:
        return None
    points = [(e.lat, e.lon, e.population) for e in towns if e.lat is not None and e.lon is not None]
    clat = sum(p[0] for p in points) / len(points)
    clon = sum(p[1] for p in points) / len(points)
    want = _BEARINGS[direction]
    picked: list[tuple[float, float, float]] = []
    for lat, lon, population in points:
        if haversine_km(clat, clon, lat, lon) < 3.0:
            continue
        off = abs(_bearing(clat, clon, lat, lon) - want) % 360.0
        if min(off, 360.0 - off) <= _SECTOR_HALF_WIDTH:
            picked.append((lat, lon, math.log10(population + 10)))
    if len(picked) < 2:
        return None
    w = sum(x[2] for x in picked)
    return round(sum(x[0] * x[2] for x in picked) / w, 4), round(sum(x[1] * x[2] for x in picked) / w, 4)


def _part_place(gaz: Gazetteer, e: Entry, mention: str, direction: str | None) -> Place | None:
    """The part of a province the text names ("northern Hama"): the centre of that part's towns at
    district precision, as ACLED codes a part of a region; None without a direction or enough towns."""
    sector = _sector_point(e.admin1, direction) if direction else None
    if sector is None or direction is None:
        return None
    province = gaz.admin1_name(e.admin1) or e.name
    return Place(name=f"{_COMPASS_ADJECTIVE[direction]} {province}", country=e.country or None, admin1=province,
                 lat=sector[0], lon=sector[1], precision="district", feature="RGN", mention=mention)


def _area_place(gaz: Gazetteer, area: Area, mention: str) -> Place:
    """A province the text names as the location, or the part of it the text names."""
    return (_part_place(gaz, area.entry, mention, area.direction)
            or gaz.to_place(area.entry, mention=mention, precision="admin1"))


def _named_areas(text: str, gaz: Gazetteer, countries: frozenset[str] = CORE) -> list[Area]:
    """Provinces the text names: (start, end, admin1 entry, strict, direction).  Strict for a province
    written as an area ("Dar'a countryside", "the countryside of Deir ez-Zor", "southern Idlib", "rural
    Hama", "Anbar province") or a name that is only a province ("Rural Damascus"); not strict for a name
    that is also its capital ("in Dar'a", ", Kirkuk"), which then only overrules an unknown or foreign
    village.  ``direction`` is the compass part the text names ("northern Hama"), if any."""
    rx, by_name = _area_pattern(countries)
    out: list[Area] = []
    for m in rx.finditer(text):
        a, b = m.span()
        name = m.group(0)
        if not any(ch.isupper() for ch in name):
            continue
        e = by_name.get(_area_key(name))
        if e is None:
            continue
        qualified = bool(_AREA_BEFORE.search(text[max(0, a - 40):a]) or _AREA_AFTER.match(text[b:b + 30])
                         or _DIRECTION_AFTER.match(text[b:b + 40]))
        strict = qualified or not any(c.kind in ("place", "supplement", "admin2") and c.country == e.country
                                      for c, _how in gaz.lookup(name, loose=False))
        out.append(Area(a, b, e, strict, _direction(text, a, b) if qualified else None))
    return out


_SENTENCE_END = re.compile(r"[.!?;]\s")


def _governing_area(areas: Sequence[Area], text: str, start: int, end: int) -> Area | None:
    """The province a mention sits in by the text: the first named area after it in the same sentence
    ("Tah village in the Idleb countryside"), else the last one before it in that sentence."""
    for area in areas:
        if area.start >= end and area.start - end <= 120 and not _SENTENCE_END.search(text[end:area.start]):
            return area
    for area in reversed(areas):
        if area.end <= start and start - area.end <= 120 and not _SENTENCE_END.search(text[area.end:start]):
            return area
    return None


_BRACKETS = re.compile(
    r"(?:\s+(?:village|town|city|area|district|neighbou?rhood|camp|locality|settlement|IDP\s+camp))?\s*"
    r"\((?P<a>[A-Z][^(),;]{1,40}?)(?:\s*,\s*(?P<b>[A-Z][^(),;]{1,40}?))?\s*\)")


_NAME_BRACKETS = re.compile(_NAME + r"(?=" + _BRACKETS.pattern.replace("(?P<a>", "(?:").replace("(?P<b>", "(?:")
                            + r")")


def _bracket_names(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Names NER missed right before a district and province in brackets ("near Dhagax Jiif (Afgooye, Lower
    Shabelle)"): toponyms by that context (``_brackets`` then places them)."""
    out: list[_Mention] = []
    for m in _NAME_BRACKETS.finditer(text):
        b = _BRACKETS.match(text, m.end(1))
        if b is None or not b.group("b"):
            continue  # one name in brackets ("(NSW)", "(AFP)") does not make the words before it a place
        a, e = m.span(1)
        if any(x.start < e and a < x.end for x in mentions) or m.group(1) in _institution_words():
            continue
        out.append(_Mention(a, e, m.group(1), "GPE", weak=True))
    return out


def _admin_entry(gaz: Gazetteer, name: str, kind: str, within: Entry | None, countries: Sequence[str]
                 ) -> Entry | None:
    """The admin area of ``kind`` a bracket names: inside ``within`` (the province after it), else in one of
    the ``countries`` the document is about, else the only one of that name."""
    name = _BRACKET_SUFFIX.sub("", name.strip())
    found = [e for n in (name, f"{name} District") for e, _how in gaz.lookup(n, loose=False) if e.kind == kind]
    if within is not None:
        found = [e for e in found if e.admin1 == within.admin1]
    elif countries:
        found = [e for e in found if e.country in countries] or (found if len(found) == 1 else [])
    return found[0] if len(found) == 1 or (found and within is not None) else None


_BRACKET_SUFFIX = re.compile(r"\s+(?:district|region|province|governorate|state|county)$", re.IGNORECASE)


def _brackets(text: str, gaz: Gazetteer, mentions: list[_Mention], countries: Sequence[str]) -> None:
    """"Galcad village (Bulo Burto, Hiraan)", "Qurac (Qandala, Bari)", "Yaqshid (Banadir)": the district and
    province in brackets after a place are its container; the names inside are not event places of their own."""
    for m in mentions:
        if m.demonym or m.bracketed:
            continue
        b = _BRACKETS.match(text, m.end)
        if b is None:
            continue
        a_name, b_name = b.group("a"), b.group("b")
        if not countries and not b_name:
            continue  # "New South Wales (NSW)", "Tortí (Panamá Province)": one name in brackets says little outside
            # a desk's theatre
        province = _admin_entry(gaz, b_name, "admin1", None, countries) if b_name else None
        area = _admin_entry(gaz, a_name, "admin2", province, countries) if province is not None or not b_name else None
        if area is None and b_name:  # a district written with the wrong province: the district stands
            area = _admin_entry(gaz, a_name, "admin2", None, countries)
            province = None if area is not None else province
        if area is None and not b_name:
            area = _admin_entry(gaz, a_name, "admin1", None, countries)
        area = area or province
        if area is None or (countries and area.country not in countries):
            continue
        m.container = _Mention(b.start("a"), b.end(), text[b.start("a"):b.end()], "GPE", cands=[(area, "name")],
                               best=area)
        m.bracket = True
        for o in mentions:
            if o is not m and b.start("a") <= o.start and o.end <= b.end():
                o.bracketed = True


def _inside(e: Entry, area: Entry) -> bool:
    """``e`` lies in the admin area (a town GeoNames gives no district counts by its province)."""
    if area.kind == "admin2" and e.admin2:
        return e.admin2 == area.admin2
    return bool(e.admin1) and e.admin1 == area.admin1
