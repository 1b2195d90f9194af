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
picks the location of an event clause from the mentions.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Doc, Span

from sitrep.extract.gazetteer import CORE, THEATRE, Entry, Gazetteer, haversine_km, load_gazetteer, norm_key
from sitrep.records import Place, PlaceMention, PlacePrecision

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
    r"suburbs?|outskirts|area|desert|region|subdistrict|camp|oil ?field|gas ?field)\b",
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
_POINT_QUALS = frozenset({"city", "town", "village", "city of", "town of", "village of", "camp"})
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
    County", "Paris" and "Tennessee"), or near each other; 0 for the same entry or unrelated ones."""
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
    return cands


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


# ---------------------------------------------------------------------------------------- finding
@dataclass
class _Mention:
    start: int
    end: int
    text: str
    label: str
    qual: str | None = None
    demonym: str | None = None  # ISO2
    cands: list[tuple[Entry, str]] = field(default_factory=list)
    best: Entry | None = None
    margin: float = 0.0
    container: _Mention | None = None
    place: Place | None = None
    weak: bool = False  # found by a settlement phrase only ("the village of X"), not by NER
    bracketed: bool = False  # the container of the mention before it: "X village (District, Region)"
    bracket: bool = False  # its container comes from such brackets


def _qualifier(text: str, start: int, end: int) -> str | None:
    after = _AFTER.match(text[end:end + 40])
    before = _BEFORE.search(text[max(0, start - 60):start])
    qa = after.group("q").lower() if after else None
    qb = " ".join(before.group("q").lower().split()) if before else None
    if qa in ("province", "governorate", "state", "region") or qb in _ADMIN1_QUALS:
        return "province" if qa != "state" else "state"  # "Hiraan region", "Bay region": the first-level area
    if qb and re.search(r"(?:kilomet|km|mile)", qb):
        return "near"
    if qb and re.match(r"(?:north|south|east|west)", qb):
        return "countryside of"
    return qa or qb


def _abbreviation_after(gaz: Gazetteer, text: str, end: int) -> tuple[str, int, int] | None:
    """A US state abbreviation right after "Town, " ("Gainesville, Ga.") -> (admin1 code, start, end)."""
    m = re.match(r",\s*((?:[A-Z][a-z]{0,4}\.)(?:\s?[A-Z][a-z]?\.)?|[A-Z]{2})(?=\W|$)", text[end:end + 12])
    if not m:
        return None
    code = gaz.abbreviations.get(m.group(1))
    if not code:
        return None
    return code, end + m.start(1), end + m.end(1)


_DATELINE = re.compile(r"(?:^|\n|[.!?:]\s+|\d{4}\s+)([A-Z][A-Z.'\- ]{2,30}?)"
                       r"(?=\s*(?:,\s*[A-Z][A-Za-z. ]{1,20})?\s*(?:\(|—|–|--|-\s|:\s|\x97))")


def _dateline(text: str, gaz: Gazetteer, found: Sequence[_Mention]) -> list[_Mention]:
    """Upper-case datelines ("BEIRUT (AP) —", "COLUMBUS, Ohio —") that NER does not see as places."""
    out: list[_Mention] = []
    for m in _DATELINE.finditer(text[:2000]):
        s, e = m.start(1), m.end(1)
        if sum(c.isalpha() for c in m.group(1)) < 3:
            continue
        if any(x.start < e and s < x.end for x in found):
            continue
        name = m.group(1).strip()
        cands = gaz.lookup(name.title(), loose=False)
        if cands:
            out.append(_Mention(s, s + len(name), text[s:s + len(name)], "GPE", cands=cands))
    return out


_DATELINE_AFTER = re.compile(r"\s*(?:,\s*[A-Z][A-Za-z. ]{1,20})?\s*(?:\(|—|–|--|-\s|:\s|\x97)")
_HOST_LABELS = frozenset({"ORG", "FAC", "EVENT"})
_OPERATION = re.compile(r"\bOperation\s+$")
_OPERATION_AFTER = re.compile(r"^\s+(?:operation|Operation|offensive)\b")
_DIRECTION_WORDS = frozenset({"North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest",
                              "Central", "Northern", "Southern", "Eastern", "Western", "Greater", "Metro"})


@lru_cache(maxsize=1)
def _institution_words() -> frozenset[str]:
    path = load_gazetteer().data_dir / "institution_words.txt"
    return frozenset(x.strip() for x in path.read_text(encoding="utf-8").splitlines()
                     if x.strip() and not x.startswith("#"))


def _place_inside(gaz: Gazetteer, ent: Span, text: str) -> _Mention | None:
    """The place an institution is named after: "the Richmond Police Department" -> Richmond,
    "Kentucky National Guard" -> Kentucky, "the Russian Museum" -> Russian (a demonym).

    ``text`` is the document's text (``ent.doc.text`` would rebuild it from every token: quadratic
    over a long document)."""
    toks = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    if not toks:
        return None
    if toks[0].text in gaz.country_abbreviations:  # "U.S. Census", "EU": the country or union itself
        t0 = toks[0]
        return _Mention(t0.idx, t0.idx + len(t0), t0.text, "GPE")
    code = _state_code(gaz, toks[0].text) if "." in toks[0].text and len(toks) > 1 else None
    if code in gaz.admin1:  # "the S.C. Highway Patrol", "N.J. Transit": the state
        t0 = toks[0]
        return _Mention(t0.idx, t0.idx + len(t0), t0.text, "GPE", cands=[(gaz.admin1[code], "name")])
    if len(toks) > 1:  # "Syrian troops", "Iraqi forces": the demonym
        iso = gaz.demonym_country(toks[0].text)
        if iso:
            return _Mention(toks[0].idx, toks[0].idx + len(toks[0]), toks[0].text, "NORP", demonym=iso)
    if toks[0].text in _DIRECTION_WORDS and len(toks) > 2:  # "Northeast Texas Community College"
        toks = toks[1:]
    for n in (2, 1):  # a state or country opening the name: "Texas Parks & Wildlife Department"
        if len(toks) > n and toks[n].text in ("County", "Parish"):
            continue  # "Douglas County Hospital": the county below, not a state or country named Douglas
        if len(toks) > n and all(t.is_title for t in toks[:n]):
            s, e = toks[0].idx, toks[n - 1].idx + len(toks[n - 1])
            cands = [(c, how) for c, how in gaz.lookup(text[s:e], loose=False)
                     if how == "name" and c.kind in ("admin1", "country")]
            if cands:
                return _Mention(s, e, text[s:e], "GPE", cands=cands)
    words = _institution_words()
    for n in (3, 2, 1):
        if len(toks) <= n or toks[n].text not in words:
            continue
        head = toks[:n + 1] if toks[n].text in ("County", "Parish") else toks[:n]  # "Laurel County Court"
        if head[0].text in words or not all(t.is_title or t.is_upper for t in head):
            continue
        s, e = head[0].idx, head[-1].idx + len(head[-1])
        name = text[s:e]
        iso = gaz.demonym_country(name)
        if iso:
            return _Mention(s, e, name, "NORP", demonym=iso)
        cands = [(c, how) for c, how in gaz.lookup(name, loose=False) if how == "name"]
        if cands:
            return _Mention(s, e, name, "GPE", cands=cands)
    return None


_SETTLEMENT = (r"(?:village|town|city|area|neighbou?rhood|district|subdistrict|countryside|outskirts|vicinity|camp|"
               r"township|suburb|countryside)")
_NAME = r"((?:al-|el-|ad-|ar-|as-|ash-|az-)?[A-Z][\w'’]*(?:[ -](?:(?:al|el|ad|ar|as|ash|az)-)?[A-Z][\w'’]*){0,3})"
_SETTLEMENT_OF = re.compile(r"\b" + _SETTLEMENT + r" of (?:the )?" + _NAME)
_NAME_SETTLEMENT = re.compile(_NAME + r" " + _SETTLEMENT + r"\b")


_ARTICLE = r"(?i:al|el|ash|esh|ad|ar|as|az|an|at|ez|es|ed)"  # the Arabic article as transliterated
_ARTICLE_NEXT = re.compile(r"^(?:[ -]" + _ARTICLE + r"-|[ -](?:al|el|Al|El) )[A-Z][\w'’]+")
_ARTICLE_LAST = re.compile(r"(?:^|\s)" + _ARTICLE + r"$")
_NEXT_WORD = re.compile(r"^ [A-Z][\w'’]+")


def _arabic_end(text: str, start: int, end: int) -> int:
    """The end of an Arabic place name NER cut short: "Tall" + " al-Dirrah", "Jisr" + " ash-Shugur",
    "Ma'arrat An" + " Nu'man"."""
    m = _ARTICLE_NEXT.match(text[end:end + 40])
    if m:
        return end + m.end()
    if _ARTICLE_LAST.search(text[start:end]):
        m = _NEXT_WORD.match(text[end:end + 30])
        if m:
            return end + m.end()
    return end


_ARTICLE_LED = re.compile(_ARTICLE + r"[- ]")
_NAME_BEFORE = re.compile(r"(?<![.!?] )\b[A-Z][\w'’]+ $")
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|on|at|near|of|from|towards?|into|around|between|shelled|struck|targeted|bombed|raided|hit|captured|"
    r"stormed|attacked|besieged|entered|seized|recaptured|regained|took|reached|and)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _theatre_names(text: str, doc: Doc, gaz: Gazetteer, found: Sequence[_Mention]) -> list[_Mention]:
    """Syrian and Iraqi names NER mislabels ("Hamouriya" as a PERSON, "Kafr Laha" as a WORK_OF_ART) and
    names introduced as settlements ("the village of X", "X countryside"): places when the gazetteer
    knows them in the theatre, or, for a named settlement, an unresolved toponym (the area around it
    then locates it)."""
    taken = [(m.start, m.end) for m in found]
    out: list[_Mention] = []

    def free(a: int, b: int) -> bool:
        return not any(x < b and a < y for x, y in taken)

    for ent in doc.ents:
        if ent.label_ in ("PERSON", "NORP", "WORK_OF_ART", "ORG", "PRODUCT") and free(ent.start_char, ent.end_char):
            a, b = ent.start_char, _arabic_end(text, ent.start_char, ent.end_char)
            name = text[a:b]
            # a loose transliteration ("Kafr Nobol" = Kafr Nabl) only where the sentence puts a place
            locative = bool(_LOCATIVE_BEFORE.search(text[max(0, a - 40):a]))
            cands = [(e, how) for e, how in gaz.lookup(name) if e.country in THEATRE
                     and (how != "loose" or (locative and e.country in CORE))]
            if cands and not gaz.demonym_country(name) and free(a, b):
                out.append(_Mention(a, b, name, "GPE", cands=cands))
                taken.append((a, b))
    for rx in (_SETTLEMENT_OF, _NAME_SETTLEMENT):
        for m in rx.finditer(text):
            a, b = m.span(1)
            if not free(a, b) or m.group(1) in _institution_words() or m.group(1) in _COMPASS_ADJECTIVES:
                continue
            out.append(_Mention(a, b, m.group(1), "GPE", weak=True))
            taken.append((a, b))
    return out


def _repeats(text: str, doc: Doc, found: Sequence[_Mention]) -> list[_Mention]:
    """One sense per discourse: a name tagged as a place once is a place wherever else the text writes
    it ("Rodeo Gainesville", "the Texas Forestry Service"), except inside a person's full name."""
    names = {m.text for m in found if not m.demonym and len(m.text) >= 4 and m.text[0].isupper()}
    if not names:
        return []
    blocked = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
    taken = [(m.start, m.end) for m in found]
    out: list[_Mention] = []
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                         + r")(?![\w-])")
    for m in pattern.finditer(text):
        a, b = m.span()
        if any(x < b and a < y for x, y in taken) or any(x < b and a < y for x, y in blocked):
            continue
        out.append(_Mention(a, b, m.group(0), "GPE"))
        taken.append((a, b))
    return out


_LIST_NAME = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?"
_COUNTY_LIST = re.compile(r"(?<![\w-])((?:" + _LIST_NAME + r"(?:,? and |,? or |, ))+" + _LIST_NAME
                          + r") (counties|parishes)\b")
_LIST_SEP = re.compile(r",? and |,? or |, ")


def _county_lists(text: str, gaz: Gazetteer) -> list[_Mention]:
    """The names of a list of counties ("Barrow, Jackson and Madison counties"): each one the county of
    that name, whatever NER made of it (a person, a city, nothing)."""
    out: list[_Mention] = []
    for m in _COUNTY_LIST.finditer(text):
        unit = "County" if m.group(2) == "counties" else "Parish"
        pos = m.start(1)
        for name in _LIST_SEP.split(m.group(1)):
            a = text.index(name, pos)
            pos = a + len(name)
            cands = [(e, how) for e, how in gaz.lookup(f"{name} {unit}", loose=False) if e.kind == "admin2"]
            if cands:
                out.append(_Mention(a, a + len(name), name, "GPE", cands=cands))
    return out


_NAMED_COUNTY = re.compile(r"\b((?:St\. )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) (County|Parish)\b")


def _named_counties(text: str, gaz: Gazetteer, found: Sequence[_Mention]) -> list[_Mention]:
    """"X County" / "X Parish" written out, wherever NER put it ("according to Anderson County Sheriff
    Greg Taylor" read as one PERSON): the county, when the gazetteer has one of that name."""
    out: list[_Mention] = []
    for m in _NAMED_COUNTY.finditer(text):
        a, b = m.span()
        if any(x.start < b and a < x.end for x in found):
            continue
        words = m.group(1).split(" ")
        for k in range(len(words)):  # "Greg Taylor Anderson County" -> "Anderson County"
            name = " ".join(words[k:])
            if name in ("The", "A") or name in _institution_words():
                continue
            start = b - len(name) - len(m.group(2)) - 1
            cands = [(e, how) for e, how in gaz.lookup(f"{name} {m.group(2)}", loose=False)
                     if e.kind == "admin2" and how == "name"]
            if cands:
                out.append(_Mention(start, b, text[start:b], "GPE", cands=cands))
                break
    return out


_RESIDENT = re.compile(r"\s+(?:man|woman|men|women|boy|girl|teen|teenager|couple|resident|residents|native|"
                       r"family|homeowner)\b")
_STATE_AFTER = re.compile(r",\s*([A-Z][\w.]*(?: [A-Z][\w.]*)?)")


def _possessive_place(gaz: Gazetteer, ent: Span) -> _Mention | None:
    """ "Syrias Aleppo", "Iraqs Anbar" that NER took for a person: a country's possessive whose apostrophe
    was lost, then a place of it."""
    if len(ent) < 2 or not ent[0].text.endswith("s") or len(ent[0].text) < 4:
        return None
    if not any(c.kind in ("country", "admin1") for c, how in gaz.lookup(ent[0].text[:-1], loose=False)
               if how == "name"):
        return None
    s = ent[1].idx
    name = ent.text[s - ent.start_char:]
    cands = gaz.lookup(name, loose=False)
    return _Mention(s, ent.end_char, name, "GPE", cands=cands) if cands else None


def _local_name(text: str, gaz: Gazetteer, ent: Span) -> _Mention | None:
    """A town NER took for something else, where local news marks it as a town: "a Crafton man",
    "Meadow Grove residents", "of Canal Winchester, Ohio" (a town of that name in that state)."""
    if ent.label_ not in ("ORG", "PERSON", "NORP", "FAC", "WORK_OF_ART", "PRODUCT") or not ent.text[:1].isupper():
        return None
    s, e = ent.start_char, ent.end_char
    name = ent.text
    if name.startswith(("the ", "The ")):
        s, name = s + 4, name[4:]
    st = _STATE_AFTER.match(text, e)
    code = None
    if st:
        code = _state_code(gaz, st.group(1)) or next(
            (c.admin1 for c, how in gaz.lookup(st.group(1), loose=False) if c.kind == "admin1" and how == "name"), None)
    if code:
        cands = [(c, how) for c, how in gaz.lookup(name, loose=False) if c.admin1 == code and c.kind != "admin1"]
    elif _RESIDENT.match(text, e):
        cands = [(c, how) for c, how in gaz.lookup(name, loose=False) if c.kind == "place" and how == "name"]
    else:
        return None
    return _Mention(s, e, name, "GPE", cands=cands) if cands else None


def _admin1_people(gaz: Gazetteer, word: str) -> list[tuple[Entry, str]]:
    """The state or province of its people ("Iowans", "Ohioans", "Ontarians"): the admin1 area whose
    name is the word less -ns/-ans/-n/-an."""
    for suffix in ("ans", "ns", "an", "n"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            cands = [(e, how) for e, how in gaz.lookup(word[:-len(suffix)], loose=False)
                     if e.kind == "admin1" and how == "name"]
            if cands:
                return cands
    return []


def _state_code(gaz: Gazetteer, t: str) -> str | None:
    """The admin1 code of a US state abbreviation however it is spaced or stopped ("W. Va.", "N.Y")."""
    code = gaz.abbreviations.get(t) or gaz.abbreviations.get(re.sub(r"\.\s+", ".", t))
    return code or (gaz.abbreviations.get(t + ".") if not t.endswith(".") else None)


_AFFILIATION = re.compile(r"(?:,\s|\(|\bboth\s)(?:[DRI]|DFL)-"  # party letter (DFL: Minnesota's Democrats)
                          r"(?:((?:[A-Z][a-z]{0,4}\.\s?){1,2})|([A-Z][\w'’]+(?: [A-Z][\w'’]+)?))(?=[,.;)]|\s)")


def _affiliations(text: str, gaz: Gazetteer) -> list[_Mention]:
    """The home of a US legislator after the party letter ("Rep. Jim Clyburn, D-S.C.", "Sen. Ann Lee
    (R-Elbow Lake)"): the state, or a US town or county of that name."""
    out: list[_Mention] = []
    for m in _AFFILIATION.finditer(text):
        if m.group(1):
            a, b = m.span(1)
            name = text[a:b].rstrip()
            code = _state_code(gaz, name)
            if code in gaz.admin1:
                out.append(_Mention(a, a + len(name), name, "GPE", cands=[(gaz.admin1[code], "name")]))
            continue
        a, b = m.span(2)
        name = m.group(2)
        cands = [(e, how) for e, how in gaz.lookup(name, loose=False) + gaz.lookup(f"{name} County", loose=False)
                 if e.country == "US" and e.kind in ("place", "admin2", "admin1")]
        if cands:
            out.append(_Mention(a, b, name, "GPE", cands=cands))
    return out


def _collect(text: str, doc: Doc, gaz: Gazetteer) -> list[_Mention]:
    out: list[_Mention] = []
    taken = 0
    for ent in doc.ents:
        label = ent.label_
        s, e = ent.start_char, ent.end_char
        if label in _LABELS:
            e = _arabic_end(text, s, e)
        t = text[s:e]
        if label == "NORP":
            iso = gaz.demonym_country(t)
            if iso:
                out.append(_Mention(s, e, t, label, demonym=iso))
            else:
                state = _admin1_people(gaz, t)
                if state:
                    out.append(_Mention(s, e, t, "GPE", cands=state))
            continue
        host = label in _HOST_LABELS or (label == "PERSON" and len(ent) > 1 and ent[-1].text in _institution_words())
        if host and not (label == "FAC" and _candidates(gaz, ent.text)):  # PERSON: "the Tega Cay Fire Department"
            inner = _place_inside(gaz, ent, text) or _local_name(text, gaz, ent)
            if inner is not None:
                out.append(inner)
            continue
        if label not in _LABELS:
            local = _possessive_place(gaz, ent) or _local_name(text, gaz, ent)
            if local is not None:
                out.append(local)
            continue
        if any(x.text in _institution_words() for x in ent[1:]) and not _candidates(gaz, ent.text):
            inner = _place_inside(gaz, ent, text)  # "Titus County Sheriff's Office" tagged as a LOC
            if inner is not None:
                out.append(inner)
            continue
        iso = gaz.demonym_country(ent.text)
        if iso:  # "Sri Lankan" tagged as GPE
            out.append(_Mention(s, e, ent.text, "NORP", demonym=iso))
            continue
        # trim a leading "the" and a trailing possessive
        m = re.match(r"(?:the|The)\s+", t)
        if m and s + m.end() < e:
            s += m.end()
        if text[e - 2:e] in ("'s", "’s"):
            e -= 2
        t = text[s:e].strip()
        if not t or not t[0].isupper() and t[:3].lower() not in ("al-", "el-", "ad-", "ar-", "as-", "az-"):
            continue
        if s < taken:  # an abbreviation already taken ("Pineville, La.")
            continue

        if t in _COMPASS_ADJECTIVES:  # "the Southern countryside of Idleb": a direction, not a place
            continue
        if _OPERATION.search(text[max(0, s - 12):s]) or _OPERATION_AFTER.match(text[e:e + 12]):
            continue  # "Operation Olive Branch", "the Euphrates Shield operation": names, not places
        if ", " in t and label == "GPE":  # "Washington, D.C.", "Gainesville, Ga.": two places
            first, rest = t.split(", ", 1)
            code = gaz.abbreviations.get(rest.strip())
            r_cands = [(gaz.admin1[code], "name")] if code in gaz.admin1 else _candidates(gaz, rest)
            if r_cands and _candidates(gaz, first):
                out.append(_Mention(s, s + len(first), first, label))
                rs = s + len(first) + 2
                out.append(_Mention(rs, rs + len(rest), rest, label, cands=r_cands))
                continue
        code = _state_code(gaz, t) if text[max(0, s - 2):s].strip() == "," or "." in t else None
        out.append(_Mention(s, e, t, label, cands=[(gaz.admin1[code], "name")] if code in gaz.admin1 else []))
        ab = _abbreviation_after(gaz, text, e)
        if ab and ab[0] in gaz.admin1:
            out.append(_Mention(ab[1], ab[2], text[ab[1]:ab[2]], "GPE", cands=[(gaz.admin1[ab[0]], "name")]))
            taken = ab[2]
    # a surname of a person the text names ("Barack Obama ... Obama said") is not a place
    surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and 1 < len(ent) <= 3
                and _possessive_place(gaz, ent) is None}
    out = [m for m in out if m.demonym or m.text not in surnames or m.label != "GPE" or " " in m.text]
    counties = _county_lists(text, gaz) + _affiliations(text, gaz)
    out = [m for m in out if not any(c.start < m.end and m.start < c.end for c in counties)] + counties
    out += _named_counties(text, gaz, out)
    out += _dateline(text, gaz, out)
    out += _theatre_names(text, doc, gaz, out)
    out += _repeats(text, doc, out)
    # an acronym in running text ("told SANA", "the SDF") is an agency or a group, not a town whose name
    # folds to it; a country or province written in capitals ("UAE", "US") and a dateline stay
    out = [m for m in out if not (m.text.isalpha() and m.text.isupper() and len(m.text) <= 5) or any(
        c.kind in ("country", "admin1") for c, _how in (m.cands or _candidates(gaz, m.text)))
        or _DATELINE_AFTER.match(text, m.end)]
    # "Ahrar al-Sham", "Soqur al-Sham": an article-led tail of a longer name is not a place (al-Sham is Damascus)
    out = [m for m in out if not (_ARTICLE_LED.match(m.text) and _NAME_BEFORE.search(text, 0, m.start))]
    out.sort(key=lambda m: m.start)
    # explicit containers: "X, Y" and "X in Y" where Y follows X directly
    for m1, m2 in zip(out, out[1:], strict=False):
        if m2.start - m1.end <= 8 and _CONTAINER.match(text[m1.end:m2.start]):
            m1.container = m2
    return out


def _one_sense(mentions: Sequence[_Mention]) -> None:
    """One sense per discourse: the unqualified mentions of a name take the reading most of them have
    (one placed by a container, "Alexandria, Va.", counts three times), so that "Alexandria police",
    found with fewer candidates, is the Alexandria the rest of the text is about."""
    tally: dict[str, Counter[int]] = {}
    by_idx: dict[int, Entry] = {}
    for m in mentions:
        if m.best is None or m.demonym or m.qual is not None:
            continue
        w = 3 if m.container is not None and m.container.best is not None else 1
        tally.setdefault(norm_key(m.text), Counter())[m.best.idx] += w
        by_idx[m.best.idx] = m.best
    for m in mentions:
        t = tally.get(norm_key(m.text))
        if t is None or m.best is None or m.demonym or m.qual is not None or m.container is not None:
            continue
        m.best = by_idx[t.most_common(1)[0][0]]


def _votes(mentions: Sequence[_Mention], home: Sequence[str] = ()
           ) -> dict[str, tuple[str | None, str | None, float, Entry | None]]:
    """One vote per distinct name (a name repeated ten times is still one piece of evidence):
    key -> (country, admin1 code, weight, entry).  ``home`` countries vote as if named once."""
    votes: dict[str, tuple[str | None, str | None, float, Entry | None]] = {
        f"@home:{cc}": (cc, None, 1.0, None) for cc in home
    }
    for m in mentions:
        k = norm_key(m.text)
        if m.demonym:
            v: tuple[str | None, str | None, float, Entry | None] = (m.demonym, None, 0.5, None)
        elif m.best is not None:
            e = m.best
            w = 1.0 if m.margin >= 1.0 else 0.5
            if e.kind == "country":
                w = min(w, _COUNTRY_VOTE)
            a1 = e.admin1 if e.kind != "country" else None
            v = (e.country or None, a1, w, e)
        else:
            continue
        if k not in votes or v[2] > votes[k][2]:
            votes[k] = v
    return votes


def _same_name(k: str, skip: str) -> bool:
    """Two keys of one name, as far as its votes go: the same, or one the other plus words ("dublin" and
    "dublin city"), which would otherwise vote for itself."""
    return k == skip or k.startswith(skip + " ") or skip.startswith(k + " ")


def _context(votes: dict[str, tuple[str | None, str | None, float, Entry | None]], skip: str) -> PlaceContext:
    ctx = PlaceContext()
    for k, (cc, a1, w, e) in votes.items():
        if _same_name(k, skip):
            continue
        if cc:
            ctx.countries[cc] = ctx.countries.get(cc, 0.0) + w
        if a1 and e is not None:
            aw = w if e.kind == "admin1" else (0.5 * w if w >= 1.0 else 0.0)
            if aw:
                ctx.admin1[a1] = ctx.admin1.get(a1, 0.0) + aw
        if (e is not None and e.kind in ("place", "supplement") and e.lat is not None and e.lon is not None
                and w >= 1.0):
            ctx.points.append((e.lat, e.lon, w))
    return ctx


def _known_abroad(m: _Mention) -> bool:
    """A place outside a Syrian/Iraqi document's countries that it may still name without naming its
    country: a large city written with its own main name ("Tehran", "Beirut"), not a village or a
    spelling variant ("Riyad" for a village near Kirkuk is not Riyadh)."""
    e = m.best
    if e is None:
        return False
    how = next((h for c, h in m.cands if c.idx == e.idx), "loose")
    if e.population < 100_000 or how == "loose":
        return False
    major = e.fcode in ("PPLC", "PPLA") or e.n_names >= 25
    return major and (how == "name" or e.fcode == "PPLC")


def _theatre_context(votes: dict[str, tuple[str | None, str | None, float, Entry | None]], skip: str = "",
                     home: Sequence[str] = ()) -> frozenset[str]:
    """For a document mostly about its theatre (Syria and Iraq, plus the ``home`` countries its own armed
    actors or the collection's profile name), by the votes of its other names than ``skip``: the countries
    its villages may lie in, the theatre and any country it names; empty for any other document."""
    theatre = CORE | frozenset(home)
    w: dict[str, float] = {}
    named: set[str] = set()  # countries the text names outright ("US officials", "Washington ... Syria")
    for k, (cc, _a1, weight, e) in votes.items():
        if cc and k != skip:
            w[cc] = w.get(cc, 0.0) + weight
            if e is None or e.kind == "country":
                named.add(cc)
    total = sum(w.values())
    core = sum(w.get(cc, 0.0) for cc in theatre)
    if total <= 0 or core / total < 0.6:
        return frozenset()
    return theatre | named


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
    final_votes = _votes(mentions, home)
    areas = _named_areas(text, gaz, CORE | frozenset(home))
    taken = [m.container for m in mentions if m.bracket and m.container is not None]
    areas = [x for x in areas if not any(c.start <= x.start and x.end <= c.end for c in taken)]
    strict_area = any(x.strict for x in areas)
    theatres: dict[str, frozenset[str]] = {}
    out: list[PlaceMention] = []
    for m in mentions:
        if m.bracketed:
            continue  # the district and province in brackets: the container of the place before them
        if m.bracket and m.container is not None and m.container.best is not None:
            box = m.container.best
            if m.best is None or not _inside(m.best, box):
                m.best = None  # a village the gazetteer does not know in that district: the district, not a namesake
            found = (_make_place(gaz, m.best, m.text, m.qual) if m.best is not None
                     else _make_place(gaz, box, m.text, "countryside of" if box.kind == "admin2" else "province"))
            out.append(PlaceMention(mention=m.text, start=m.start, end=m.end, place=found))
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
        if theatre and m.best is not None and m.best.kind in ("place", "supplement", "admin2") \
                and m.best.country not in theatre \
                and not _known_abroad(m):
            m.best = None  # a Syrian or Iraqi text does not name a village in Romania: leave it unresolved
        if m.weak and m.best is None and not theatre:
            continue
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
            continue
        out.append(PlaceMention(mention=m.text, start=m.start, end=m.end, place=place))
    for named in areas:  # a province no mention covers ("in the eastern countryside of Deir Ez-Zor")
        a, b = named.start, named.end
        if named.strict and not any(x.start < b and a < x.end for x in out):
            out.append(PlaceMention(mention=text[a:b], start=a, end=b, place=_area_place(gaz, named, text[a:b])))
    out.sort(key=lambda x: x.start)
    return out


# ---------------------------------------------------------------------------------------- events
_PRECISION_RANK = {"point": 0, "district": 1, "admin1": 2, "country": 3}


def precision_rank(p: Place) -> int:
    """How coarse a place is: 0 a town (point), 1 a district, 2 a province, 3 a country."""
    return _PRECISION_RANK.get(p.precision, 3)


_LOCATIVE_AFTER = re.compile(
    r"(?:\s*[-–/]\s*[A-Z][\w’']+|\s+and\s+[A-Z][\w’']+)?\s+(?:border|borders|frontier|territory|territories|soil|"
    r"airspace|coast|coastline|desert|countryside|waters|side\s+of\s+the\s+border)\b"
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
    inside = [m for m in real if m.start >= start and m.end <= end]

    def key(m: PlaceMention) -> tuple[int, int]:
        p = m.place
        assert p is not None
        pre = text[max(0, m.start - 12):m.start].lower()
        prep = 0 if re.search(r"\b(?:in|at|near|of|on|outside|around|from|into|to)\s+(?:the\s+)?$", pre) else 1
        return (_PRECISION_RANK.get(p.precision, 3), prep)

    if inside:
        return min(inside, key=key).place
    # "on the Syrian-Iraqi border", "on Turkish soil": a country adjective that names where, not who
    locative = [m for m in mentions if m.place is not None and m.start >= start and m.end <= end
                and is_demonym(m.mention, gaz) and _LOCATIVE_AFTER.match(text, m.end)]
    if locative:
        return locative[0].place
    # the nearest place named shortly before, in the same paragraph; a country only where it is named as a
    # location ("in Syria"), not as an actor ("a ceasefire announced by Russia")
    before = [m for m in real if m.end <= start and start - m.end <= _CARRY_CHARS and "\n\n" not in text[m.end:start]
              and (m.place is not None and m.place.precision != "country" or _NAMED_AS_LOCATION.search(
                  text, max(0, m.start - 12), m.start))]
    if before:
        return before[-1].place
    areas = Counter(m.place.name for m in real if m.place is not None)
    if areas:
        name = areas.most_common(1)[0][0]
        return next(m.place for m in real if m.place is not None and m.place.name == name)
    # only a country adjective ("Turkish troops"): the country, at country precision
    dem = [m for m in mentions if m.place is not None and m.start >= start and m.end <= end]
    return dem[0].place if dem else None


def document_province(mentions: Sequence[PlaceMention], country: str) -> Place | None:
    """The province of ``country`` a document is about, when every town, district or province of that
    country it names lies in one province (a report from Deir ez-Zor that also says "in Syria"); None
    when it names none or several."""
    names = {m.place.admin1 for m in mentions if m.place is not None and m.place.country == country
             and m.place.precision != "country"}
    if len(names) != 1 or None in names:
        return None
    gaz = load_gazetteer()
    name = names.pop()
    for code, e in gaz.admin1.items():
        if e.country == country and gaz.admin1_name(code) == name:
            return gaz.to_place(e, precision="admin1")
    return None
