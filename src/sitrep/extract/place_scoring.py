"""Resolving one place name: the readings the gazetteer has for it (``_candidates``), their prior and their
score in a document's context (``_score``, coherence with the other names), and ``resolve_place``."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from sitrep.geo.gazetteer import CORE, Entry, Gazetteer, haversine_km, load_gazetteer
from sitrep.records import Place, PlacePrecision

_LABELS = frozenset({"GPE", "LOC", "FAC"})
_COMPASS = r"(north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
_COMPASS_ADJECTIVE = {"north": "northern", "south": "southern", "east": "eastern", "west": "western",
                      "northeast": "north-eastern", "northwest": "north-western", "southeast": "south-eastern",
                      "southwest": "south-western"}
# "Northern", "Northeastern": a direction written alone, never a place
_COMPASS_ADJECTIVES = frozenset(a.replace("-", "").capitalize() for a in _COMPASS_ADJECTIVE.values())
_COUNTRY_VOTE = 0.5  # a country named (often as an actor: "US troops") says less about where than a town
_ADMIN1_WORDS = r"province|governorate|governorates|provinces|state|region"
_AFTER = re.compile(
    r"^(?:'s)?\s+(?P<q>province|governorate|countryside|district|county|parish|state|city|town|village|"
    r"suburbs?|outskirts|area|desert|region|subdistrict|camp|oil ?field|gas ?field|neighbou?rhoods?)\b",
    re.IGNORECASE,
)
_BEFORE = re.compile(
    r"(?P<q>\bnear|\bnearby|\bclose to|\baround|\boutskirts of|\bcountryside of|\bvicinity of|\bsuburbs of|\brural|"
    r"\boutside|\bbetween|\bprovince of|\bgovernorate of|\bdistrict of|\bcounty of|\bstate of|\bcity of|\btown of|"
    r"\bvillage of|(?:kilomet(?:re|er)s?|km|miles?)\s+(?:\w+\s+)?of|"
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|"
    r"south-west)(?:ern)?\s+(?:of|countryside of|outskirts of|part of|parts of))"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_CONTAINER = re.compile(r"^(?:,\s*|\s+in\s+(?:the\s+)?|\s+\(|\s+of\s+)$", re.IGNORECASE)
_DISTRICT_WORDS = frozenset({"countryside", "district", "suburbs", "suburb", "outskirts", "area", "subdistrict",
                             "near", "nearby", "close to", "around", "outside", "countryside of", "outskirts of",
                             "vicinity of", "suburbs of", "district of", "county", "county of", "parish",
                             "between", "rural"})
_ADMIN1_QUALS = frozenset({"province", "governorate", "province of", "governorate of", "state", "state of"})
# "near the city of Deir Ezzor": the city (a seat city read from the province's spelling is placed at the precision
# of near, :func:`_seat_cities`)
_POINT_QUALS = frozenset({"city", "town", "village", "city of", "town of", "village of", "camp", "near city of",
                          "near town of", "near village of"})
_STRIP_LEAD = re.compile(r"^(?:the|downtown|central|greater|old)\s+", re.IGNORECASE)
_STRIP_TAIL = re.compile(r"(?:'s|’s)$")


@dataclass
class PlaceContext:
    """What the rest of a document says about where it is."""

    countries: dict[str, float] = field(default_factory=dict)  # ISO2 -> weight of mentions
    admin1: dict[str, float] = field(default_factory=dict)  # admin1 code -> weight
    points: list[tuple[float, float, float]] = field(default_factory=list)  # (lat, lon, weight)
    container: Entry | None = None  # an explicit container: "X, Georgia", "X in Idlib"
    others: list[list[tuple[Entry, float]]] = field(default_factory=list)  # other names' readings, plausibility

    def top_country(self, exclude: str | None = None, own: float = 0.0) -> str | None:
        best, best_w = None, 0.0
        for cc, w in self.countries.items():
            w2 = w - (own if cc == exclude else 0.0)
            if w2 > best_w:
                best, best_w = cc, w2
        return best


def is_demonym(mention: str, gaz: Gazetteer | None = None) -> bool:
    """True for a country adjective or people ("Syrian", "Iraqis") rather than a place name.

    ``gaz``: the gazetteer already loaded (callers asking about every mention of a document)."""
    return _demonym(gaz if gaz is not None else load_gazetteer(), mention)


@lru_cache(maxsize=1 << 16)
def _demonym(gaz: Gazetteer, mention: str) -> bool:
    return gaz.demonym_country(mention) is not None


# ---------------------------------------------------------------------------------------- scoring
def _prior(e: Entry, how: str) -> float:
    if e.kind == "country":
        s = 4.0
    elif e.kind == "admin1":
        s = 3.0
    elif e.kind == "admin2":
        s = 1.3
    elif e.kind == "supplement":
        s = 2.2 + (math.log10(e.population + 10) / 7 if e.population else 0.0)
    else:
        s = 0.5 + math.log10(e.population + 10) / 7 * 2.5 + 0.06 * math.log2(1 + e.n_names)
        if e.fcode == "PPLC":
            s += 0.7
        elif e.fcode == "PPLA":
            s += 0.35
        elif e.fcode == "PPLA2":
            s += 0.1
        elif e.fcode == "PPLX":
            s -= 0.5
    if e.country in CORE:
        s += 0.3  # the theatre sitrep is built for
    if e.lat is None or e.lon is None or e.seated:
        s -= 2.0  # an admin area GeoNames knows by name only (at most by its seat town): it yields to places
    if how == "alt":
        s -= 0.6
    elif how == "loose":
        s -= 1.2
    return s


def _score(e: Entry, how: str, ctx: PlaceContext | None, own_country: str | None, own_weight: float,
           qual: str | None) -> float:
    s = _prior(e, how)
    if qual in _ADMIN1_QUALS:
        s += 3.0 if e.kind == "admin1" else (-1.0 if e.kind == "country" else 0.0)
    elif qual in _POINT_QUALS:
        s += 1.0 if e.kind in ("place", "supplement") else -1.0
    elif qual in ("county", "county of", "parish", "district", "district of") and e.kind == "admin2":
        s += 1.5
    if ctx is None:
        return s
    if ctx.container is not None:
        c = ctx.container
        inside = (c.kind == "country" and e.country == c.country) or (
            c.kind == "admin1" and e.admin1 == c.admin1) or (c.kind == "admin2" and e.admin2 == c.admin2)
        if inside and e.idx != c.idx:
            s += 4.0
        elif c.kind in ("admin1", "country") and e.country == c.country:
            s += 0.5
    total = sum(w for w in ctx.countries.values() if w > 0)
    share = 1.0
    if total > 0 and e.country:
        share = max(0.0, ctx.countries.get(e.country, 0.0)) / total
        s += 1.8 * share  # the document's countries, in proportion to how much it talks about each
    if e.admin1 and e.kind != "admin1":
        w = ctx.admin1.get(e.admin1, 0.0)
        if w:
            s += min(1.8, 1.0 + 0.4 * w)
    if ctx.points and e.lat is not None and e.lon is not None and e.kind in ("place", "supplement", "admin2"):
        d = min(haversine_km(e.lat, e.lon, la, lo) for la, lo, _w in ctx.points)
        s += 1.0 if d < 50 else 0.6 if d < 200 else 0.2 if d < 600 else 0.0
    if ctx.others and e.kind != "country" and how != "loose":
        support = sum(max((_closeness(e, c) * p for c, p in r), default=0.0) for r in ctx.others)
        fit = _COHERENCE * min(_COHERENCE_CAP, support) * min(1.0, 2.0 * share)  # within the text's own countries
        s += fit if how == "name" else fit / 2  # an alternate name (Iraan, Texas, once "Iran") counts for less
    return s


_COHERENCE = 0.8  # per other name that has a reading next to this one
_COHERENCE_CAP = 3.0
_READINGS = 12  # readings of a name that count for the others: its best ones by score
_READING_GAP = 3.0  # ... within this score of its best


def _closeness(e: Entry, c: Entry) -> float:
    """How well two readings of two names fit together: one inside the other ("Decatur" in "DeKalb
    County", "Paris" and "Tennessee"), or near each other; 0 for the same entry or unrelated ones.
    Asked for the same pairs again and again over a long document's names: worked out once per pair."""
    key = (e.idx, e.id, c.idx, c.id)
    v = _CLOSENESS.get(key)
    if v is None:
        if len(_CLOSENESS) >= _CLOSENESS_MAX:
            _CLOSENESS.clear()
        v = _CLOSENESS[key] = _pair_closeness(e, c)
    return v


_CLOSENESS: dict[tuple[int, int, int, int], float] = {}
_CLOSENESS_MAX = 1 << 20


def _pair_closeness(e: Entry, c: Entry) -> float:
    if c.idx == e.idx or c.kind == "country":
        return 0.0
    if c.kind == "admin1" or e.kind == "admin1":
        return 0.5 if e.admin1 and e.admin1 == c.admin1 else 0.0
    if (c.kind == "admin2" and c.admin2 and e.admin2 == c.admin2) or (
            e.kind == "admin2" and e.admin2 and c.admin2 == e.admin2):
        return 1.0
    if e.lat is not None and e.lon is not None and c.lat is not None and c.lon is not None:
        d = haversine_km(e.lat, e.lon, c.lat, c.lon)
        if d < 40:
            return 1.0
        if d < 120:
            return 0.6
    if e.kind == "admin2" and c.kind == "admin2" and e.admin1 == c.admin1:
        return 0.6  # counties named together lie in one state (and many have no coordinates)
    return 0.0


def _readings(ranked: list[tuple[float, Entry]]) -> list[tuple[Entry, float]]:
    """A name's plausible readings with a plausibility in (0, 1] (1 for its best)."""
    if not ranked:
        return []
    top = ranked[0][0]
    return [(e, math.exp(sc - top)) for sc, e in ranked[:_READINGS] if top - sc <= _READING_GAP]


def _candidates(gaz: Gazetteer, name: str, qual: str | None = None) -> list[tuple[Entry, str]]:
    name = _STRIP_TAIL.sub("", _STRIP_LEAD.sub("", name.strip()))
    if qual in ("county", "parish", "district"):  # "Walker" + " County" -> the county first
        cands = [(e, how) for e, how in gaz.lookup(f"{name} {qual.title()}", loose=False) if e.kind == "admin2"]
        if cands:
            return cands
    short = re.sub(r"\s+(?:city|town|village|province|governorate|district|county|area|region)$", "", name,
                   flags=re.IGNORECASE)
    cands = gaz.lookup(name, loose=False)
    if not cands and short != name:  # "Bay region" is Bay before it is a loose spelling of "Al Bahah Region"
        cands = gaz.lookup(short, loose=False)
    if not cands:
        cands = gaz.lookup(name)
    if not cands and short != name:
        cands = gaz.lookup(short)
    if any(e.kind in ("country", "admin1") and how == "name" for e, how in cands):
        # "Washington" is the state or the capital, not Watervliet NY that once had the name
        cands = [(e, how) for e, how in cands if how == "name" or e.kind in ("country", "admin1")]
    if any(e.kind == "country" and how == "name" for e, how in cands):
        # "Iran" is the country, not Iraan (Texas), whose name only folds to the same key
        cands = [(e, how) for e, how in cands
                 if e.kind in ("country", "admin1") or e.name.casefold() == name.casefold()]
    if not cands:
        # a possessive whose apostrophe was lost ("Syrias Aleppo", "Iraqs Anbar", "Aleppos"): the place named
        head, _, rest = name.partition(" ")
        if head.endswith("s") and len(head) > 3 and gaz.lookup(head[:-1], loose=False):
            cands = gaz.lookup(rest, loose=False) if rest else gaz.lookup(head[:-1], loose=False)
    if not cands:  # "W. Columbia" = West Columbia
        full = _COMPASS_ABBR.sub(lambda m: _COMPASS_WORD[m.group(1)] + " ", name)
        cands = gaz.lookup(full) if full != name else []
    if not cands:  # "Northeast Georgia", "Historic Dublin": the part of a place is placed at the place
        part = _PART_LEAD.sub("", name)
        if part != name and part[:1].isupper():
            cands = gaz.lookup(part, loose=False)
    if qual in _POINT_QUALS and cands and all(e.kind == "admin1" for e, _how in cands):
        cands = cands + _seat_cities(gaz, [e for e, _how in cands], near=qual.startswith("near "))
    return cands


def _seat_cities(gaz: Gazetteer, areas: list[Entry], near: bool = False) -> list[tuple[Entry, str]]:
    """The city a province is named for, read as one of the spellings of the name the text writes as a city ("in
    Deir Ezzor city", "the town of Raqqa", "Hasakah city") where the gazetteer knows that spelling only as the
    province's: the seat town of the province's own name, never the whole province; ``near``: "near the city of
    Deir Ezzor", the city at the precision of near (the province it stood for before held what lies around it)."""
    return [(replace(e, precision="district") if near else e, "alt") for a in areas
            for e, how in gaz.lookup(a.name, loose=False)
            if how == "name" and e.kind == "place" and e.admin1 == a.admin1 and e.fcode in ("PPLA", "PPLC")]


_COMPASS_ABBR = re.compile(r"^([NSEW])\.\s*(?=[A-Z])")
_COMPASS_WORD = {"N": "North", "S": "South", "E": "East", "W": "West"}
_PART_LEAD = re.compile(r"^(?:" + _COMPASS + r"|historic|upper|lower|inner|rural|suburban|metro)\s+", re.IGNORECASE)


def _rank(gaz: Gazetteer, cands: list[tuple[Entry, str]], ctx: PlaceContext | None, own: Entry | None,
          qual: str | None) -> list[tuple[float, Entry]]:
    own_cc = own.country if own else None
    # dedupe: the same GeoNames id may come from two tables (cities15000 and the supplement)
    scored = [(_score(e, how, ctx, own_cc, 1.0, qual), e) for e, how in cands]
    scored.sort(key=lambda x: (-x[0], x[1].idx))
    return scored


def _make_place(gaz: Gazetteer, e: Entry, mention: str, qual: str | None) -> Place:
    precision: PlacePrecision = e.precision
    if qual in _DISTRICT_WORDS and precision == "point":
        precision = "district"
    place = gaz.to_place(e, mention=mention, precision=precision)
    area = gaz.admin1.get(e.admin1) if e.kind == "admin2" and e.lat is None else None
    if area is not None and area.lat is not None:
        # a county without a town in the gazetteer to place it: its state's point, at that precision
        place = replace(place, lat=area.lat, lon=area.lon, precision="admin1")
    return place


def resolve_place(name: str, context: PlaceContext | None = None, qualifier: str | None = None) -> Place | None:
    """The best gazetteer match for one place name, given what the document says (``context``) and a
    qualifier from the text around it ("province", "near", "countryside", "city")."""
    gaz = load_gazetteer()
    iso = gaz.demonym_country(name)
    if iso and iso in gaz.countries:
        return gaz.to_place(gaz.countries[iso], mention=name)
    cands = _candidates(gaz, name)
    if not cands:
        return None
    ranked = _rank(gaz, cands, context, None, qualifier)
    return _make_place(gaz, ranked[0][1], name, qualifier)
