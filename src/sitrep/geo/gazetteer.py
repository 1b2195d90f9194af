"""The gazetteer: GeoNames places, admin areas and countries plus a curated Syria/Iraq supplement.

Data files live in ``sitrep/data/gazetteer/`` (built by ``scripts/build_gazetteer.py`` from GeoNames,
CC BY 4.0, and Natural Earth, public domain; ``supplement.yaml`` and ``countries.yaml`` are written
by hand).  ``load_gazetteer()`` reads them once per process; lookups go through a normalised name key
that ignores case, diacritics, punctuation, Arabic articles (al-/el-/ad-/ash-...) and doubled letters,
with a looser consonant skeleton for Arabic transliterations inside the Middle East theatre.
"""

from __future__ import annotations

import gzip
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from sitrep.records import (
    Place,
    PlacePrecision,
    haversine_km,  # noqa: F401 - re-exported for places
)

KEY_VERSION = 2  # bump when norm_key changes; the build script stores keys computed with it

__all__ = [
    "KEY_VERSION",
    "Entry",
    "Gazetteer",
    "CORE",
    "THEATRE",
    "ruler_stoplist",
    "haversine_km",
    "load_gazetteer",
    "norm_key",
    "skeleton_key",
]


def _theatre_profile() -> dict[str, Any]:
    """``data/theatre.yaml``: the theatre sitrep is built for and its core."""
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("sitrep").joinpath("data", "theatre.yaml").read_text(encoding="utf-8"))
    return raw


_PROFILE = _theatre_profile()
# Countries whose places may be matched by the loose transliteration skeleton and whose names
# feed the entity ruler in full (the Middle East theatre sitrep is built for).
THEATRE = frozenset(str(c) for c in _PROFILE["theatre"])
# Its core: the countries whose villages, provinces and armed groups sitrep's rules know by name.
CORE = frozenset(str(c) for c in _PROFILE["core"])

_ARTICLES = frozenset({"al", "el", "ad", "ash", "as", "ar", "az", "an", "at", "ez", "ed", "es", "ul", "the"})
_SYNONYMS = {"saint": "st", "ste": "st", "sainte": "st", "mount": "mt", "fort": "ft", "port": "pt"}
_APOSTROPHES = str.maketrans("", "", "'’‘`ʼʿʾ´")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_INITIALS = re.compile(r"\b(?:[a-z]\.){2,}")
_DOUBLE = re.compile(r"(.)\1+")
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")

# GeoNames feature codes and supplement types -> (fcode, precision)
_SUPP_TYPES: dict[str, tuple[str, PlacePrecision]] = {
    "city": ("PPLA2", "point"),
    "town": ("PPL", "point"),
    "village": ("PPL", "point"),
    "neighbourhood": ("PPLX", "point"),
    "camp": ("CMP", "point"),
    "shrine": ("SHRN", "point"),
    "oilfield": ("OILF", "point"),
    "gasfield": ("GASF", "point"),
    "dam": ("DAM", "point"),
    "base": ("MILB", "point"),
    "airport": ("AIRB", "point"),
    "crossing": ("PSTB", "point"),
    "prison": ("PRN", "point"),
    "mountain": ("MT", "point"),
    "district": ("ADM2", "district"),
    "subdistrict": ("ADM3", "district"),
    "region": ("RGN", "district"),
    "desert": ("DSRT", "district"),
}


def unaccented(s: str) -> str:
    """``s`` without its accents, case kept ("Tillabéri" -> "Tillaberi")."""
    if s.isascii():
        return s
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFKD", s)
                                                if not unicodedata.combining(c)))


# the Arabic article as place names write it ("al-", "Ar", "As", "El"), in lower case: a pattern that uses it
# chooses its case
_ARABIC_ARTICLES = ("al", "ar", "as", "ad", "az", "at", "an", "ash", "el")
ARABIC_ARTICLE = "(?:" + "|".join(_ARABIC_ARTICLES) + ")"
# a capitalised Arabic article before a name of at least five letters ("Al Qamishli", "Ar-Raqqah", "As Suwayda")
_ARABIC_ARTICLE = re.compile("^(?:" + "|".join(a.capitalize() for a in _ARABIC_ARTICLES) + ")"
                             + r"[ -]([A-Z][\w'’-]{4,}(?: [A-Z][\w'’-]+)*)$")


def _fold(s: str) -> str:
    return unaccented(s).casefold()


@lru_cache(maxsize=200_000)
def norm_key(name: str) -> str:
    """Lookup key: folded, no punctuation, no Arabic/English articles, doubled letters collapsed."""
    s = _INITIALS.sub(lambda m: m.group(0).replace(".", ""), _fold(name).translate(_APOSTROPHES))  # U.S. = US
    toks = [_SYNONYMS.get(t, t) for t in _NON_ALNUM.sub(" ", s).split()]
    kept = [t for t in toks if t not in _ARTICLES] or toks
    key = _DOUBLE.sub(r"\1", " ".join(kept))
    return _FINAL_H.sub("", key)  # Raqqah = Raqqa, Hasakah = Hasaka


_SKEL_SUBS = (("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("sh", "s"), ("ch", "s"), ("q", "k"),
              ("j", "g"), ("ph", "f"), ("z", "s"), ("c", "k"))


@lru_cache(maxsize=200_000)
def skeleton_key(name: str) -> str:
    """A loose consonant skeleton for Arabic/Kurdish transliterations (Zaynab = Zainab = Zeinab)."""
    words = []
    for w in norm_key(name).split():
        for a, b in _SKEL_SUBS:
            w = w.replace(a, b)
        w = w[0] + re.sub(r"[aeiouyhw]", "", w[1:]) if w else w
        w = "" if w in ("h", "y", "w") else w  # stray letters left of a vowel-only word
        if w and w[0] in "aeiouyw" and len(w) > 1:
            w = w[1:] if w[1] not in "aeiou" else w
        if w:
            words.append(_DOUBLE.sub(r"\1", w))
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry: a populated place, a facility, an admin area or a country."""

    idx: int  # position in Gazetteer.entries
    id: int  # GeoNames id; curated supplement entries without one get ids from 900_000_000
    name: str
    lat: float | None
    lon: float | None
    fcode: str  # GeoNames feature code (PPL, PPLA, ADM1, ADM2, PCLI, OILF, MILB, ...)
    country: str  # ISO2 ('' for none)
    admin1: str  # admin1 code 'SY.07' ('' when unknown)
    admin2: str  # admin2 code 'SY.07.170793' ('' when unknown)
    population: int
    kind: str  # country | admin1 | admin2 | place | supplement
    precision: PlacePrecision = "point"
    n_names: int = 0  # alternate names GeoNames holds: a rough measure of how well known a place is
    seated: bool = False  # a district placed at its seat town (GeoNames gives it no point of its own)

    @property
    def is_area(self) -> bool:
        """Admin areas, countries and regions (not a point on the map)."""
        return self.kind in ("country", "admin1", "admin2") or self.fcode in ("RGN", "ADM2", "ADM3", "DSRT")


def admin2_names(code: str, name: str) -> list[str]:
    """An admin2 area's names: "Tadmur District" is also "Tadmur" outside the US/UK, where a bare
    "Laurel" would be the town rather than the county."""
    short = _ADMIN2_SUFFIX.sub("", name)
    return [name, short] if short != name and code.split(".")[0] not in ("US", "GB") else [name]


def ruler_label(kind: str, fcode: str, country: str, population: int, min_population: int) -> str | None:
    """The entity label a gazetteer entry feeds the entity ruler with, or None to leave it to NER.

    Countries, admin1 areas, the whole Middle East theatre (places and districts), the supplement and
    places elsewhere above ``min_population`` are in; the rest of the world's small towns are not
    (NER finds them, the gazetteer resolves them)."""
    if kind in ("country", "admin1"):
        return "GPE"
    if kind == "supplement":
        if fcode in _FAC_CODES:
            return "FAC"
        return "LOC" if fcode in ("RGN", "DSRT", "MT") else "GPE"
    if country in THEATRE:
        return "GPE"
    if kind == "place" and population >= min_population:
        return "GPE"
    return None


_ADMIN2_SUFFIX = re.compile(r"\s+(District|County|Parish|Borough|Municipality|Department)$")
_FAC_CODES = frozenset({"OILF", "GASF", "MILB", "AIRB", "PSTB", "PRN", "DAM", "CMP", "SHRN"})
RULER_MIN_POPULATION = 15000


def ruler_stoplist(data_dir: Path | None = None) -> frozenset[str]:
    """Place names that are also common words or first names ("Of", "Mobile", "Victoria"): the ruler
    leaves them to NER, which sees the context."""
    path = (data_dir or _data_dir()) / "ruler_stop.txt"
    return frozenset(x.strip() for x in path.read_text(encoding="utf-8").splitlines()
                     if x.strip() and not x.startswith("#"))


def _data_dir() -> Path:
    return Path(str(resources.files("sitrep") / "data" / "gazetteer"))


def _read_lines(path: Path) -> list[str]:
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    return raw.decode("utf-8").split("\n")


def _f(s: str) -> float | None:
    return float(s) if s else None


def _safe_yaml(path: Path) -> Any:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader


def country_defs(directory: Path | None = None) -> dict[str, Any]:
    """``countries.yaml`` of the gazetteer in ``directory`` (the packaged one by default): per ISO2 code, the
    country's aliases, demonyms and point. Read once per folder (the gazetteer and the casualty patterns share it)."""
    return _country_defs(directory or _data_dir())


@lru_cache(maxsize=4)
def _country_defs(directory: Path) -> dict[str, Any]:
    return dict((_safe_yaml(directory / "countries.yaml") or {}).get("countries") or {})


@lru_cache(maxsize=1)
def nation_plurals() -> tuple[str, ...]:
    """The demonyms that name a nation's people as a count of persons: plurals ("Palestinians", "Yemenis",
    "Afghans") and the words in -ese that serve as their own plural ("Sudanese", "Lebanese"), longest first."""
    words = {str(w) for v in country_defs().values() for w in (v.get("demonyms") or [])}
    return tuple(sorted((w for w in words if w.endswith(("s", "ese"))), key=lambda w: (-len(w), w)))



# an admin1 name with its kind after it ("Kwara State", "Abyan Governorate", "Maidan Wardak Province"): news writes
# the name alone ("gunmen killed 11 villagers in Kwara"), so the bare name is an alternate of the area
_AREA_KIND = re.compile(r"^(?P<n>.{3,}?)\s+(?:State|Governorate|Province|Region|Oblast['’]?|Department|Division)$")


def _bare_area_name(name: str) -> str | None:
    m = _AREA_KIND.match(name)
    return m.group("n") if m else None

class Gazetteer:
    """Entries plus name indexes.  Build with ``load_gazetteer()`` (cached).

    The big GeoNames tables (admin2 areas, places) stay as raw lines and become ``Entry`` objects on
    first use; their name index is precomputed by the build script (``names.idx.gz``).  Countries,
    admin1 areas and the curated supplement are small and indexed at load.  Index values are entry
    numbers, ``~i`` (negative) when the key is an alternate name rather than the main one.
    """

    def __init__(self, data_dir: Path | None = None, user_layer: Path | None = None) -> None:
        d = data_dir or _data_dir()
        self._rows: list[str] = []  # admin2 + places, raw TSV lines (entry i < len(_rows))
        self._n_admin2 = 0
        self._cache: dict[int, Entry] = {}
        self._small: list[Entry] = []  # countries, admin1, supplement (entry i >= len(_rows))
        self._small_alts: list[list[str]] = []
        self._big_index: dict[str, str] = {}
        self._big_skeleton: dict[str, str] = {}
        self._index: dict[str, list[int]] = {}
        self._skeleton: dict[str, list[int]] = {}
        self._admin2_row: dict[str, int] = {}
        self.countries: dict[str, Entry] = {}
        self.admin1: dict[str, Entry] = {}
        self.admin1_display: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}  # folded demonym -> ISO2
        self.capitals: dict[str, str] = {}  # ISO2 -> the capital's name
        self.country_aliases: dict[str, str] = {}  # norm key -> ISO2
        self.abbreviations: dict[str, str] = {}  # state abbreviation as written ('Ga.') -> admin1 code
        self.data_dir = d
        self._abbr: frozenset[str] | None = None
        self._settlements: dict[str, list[int]] | None = None
        self._load(d)
        self.user_places = 0
        if user_layer is not None:
            self._load_user(user_layer)

    # ------------------------------------------------------------------ loading
    def _load_user(self, directory: Path) -> None:
        """The analyst's own gazetteer layer (``sitrep gazetteer import``): read after, and ranked ahead of,
        the packaged places (each one counts as a curated place)."""
        from sitrep.geo.user_gazetteer import layer_files, read_layer

        for f in layer_files(directory):
            for p in read_layer(f):
                precision: PlacePrecision = "district" if p.fcode.startswith("ADM") else "point"
                self._add_small((p.id, p.name, p.lat, p.lon, p.fcode, p.country, p.admin1, p.admin2, p.population,
                                 "supplement", precision), list(p.alternates))
                self.user_places += 1
        self._cache.clear()
        self._settlements = None

    def _load(self, d: Path) -> None:
        a2 = _read_lines(d / "admin2.tsv.gz")
        pl = _read_lines(d / "places.tsv.gz")
        self._rows = [x for x in a2[1:] if x] + [x for x in pl[1:] if x]
        self._n_admin2 = sum(1 for x in a2[1:] if x)
        self._admin2_row = {self._rows[i].split("\t", 1)[0]: i for i in range(self._n_admin2)}
        idx = _read_lines(d / "names.idx.gz")
        if idx[0] != f"keys:{KEY_VERSION}\t{len(self._rows)}":
            raise RuntimeError(f"{d / 'names.idx.gz'} is stale: run scripts/build_gazetteer.py")
        for line in idx[1:]:
            if not line:
                continue
            kind, key, ids = line.split("\t")
            (self._big_index if kind == "N" else self._big_skeleton)[key] = ids

        supp = _safe_yaml(d / "supplement.yaml") or {}
        cdefs = country_defs(d)
        for k, v in cdefs.items():
            for dem in v.get("demonyms") or []:
                self.demonyms[_fold(dem)] = k
        for line in _read_lines(d / "countries.tsv")[1:]:
            if not line:
                continue
            iso2, _iso3, name, cap, pop, gid, lat, lon, _cont = line.split("\t")[:9]
            if cap:
                self.capitals[iso2] = cap
            cdef = cdefs.get(iso2) or {}
            point = cdef.get("point")  # the conventional centre point of a large country
            la, lo = (float(point[0]), float(point[1])) if point else (_f(lat), _f(lon))
            e = self._add_small((int(gid or 0), name, la, lo, "PCLI", iso2, "", "", int(pop or 0),
                                 "country", "country"), list(cdef.get("aliases") or []))
            self.countries[iso2] = e
            for n in self.names(e):
                self.country_aliases[norm_key(n)] = iso2
        a1_extra = supp.get("admin1") or {}
        for line in _read_lines(d / "admin1.tsv")[1:]:
            if not line:
                continue
            code, name, gid, lat, lon, alts = line.split("\t")[:6]
            ex = a1_extra.get(code) or {}
            display = ex.get("name") or name
            alternates = [display, *(ex.get("aliases") or []), *(a for a in alts.split("|") if a)]
            # the bare name of "Kwara State"; not where it names a place of the country already ("Sanaa", the city of
            # "Sanaa Governorate": that place stands, and the area's loose spelling would read the agency "SANA").
            # A namesake abroad does not stand in the way ("Borno" is also a village in Italy)
            alternates += [b for a in alternates if (b := _bare_area_name(a)) and b not in alternates
                           and not any(self.entry(i if i >= 0 else ~i).country == code[:2]
                                       for i in self._ids(norm_key(b)))]
            self.admin1_display[code] = display
            point = ex.get("point")  # the conventional centre of a large province or state
            la, lo = (float(point[0]), float(point[1])) if point else (_f(lat), _f(lon))
            self.admin1[code] = self._add_small(
                (int(gid or 0), name, la, lo, "ADM1", code.split(".")[0], code, "", 0, "admin1",
                 "admin1"), [a for a in alternates if a != name])
        self._load_supplement(supp)
        for code, abbrs in (supp.get("abbreviations") or {}).items():
            for a in abbrs or ():
                self.abbreviations[str(a)] = code
        self._cache.clear()  # districts read while the supplement loaded may have a seat in it

    def _add_small(self, fields: tuple[Any, ...], alternates: list[str]) -> Entry:
        i = len(self._rows) + len(self._small)
        e = Entry(i, *fields)
        self._small.append(e)
        self._small_alts.append(alternates)
        keys: list[str] = []
        for n in (e.name, *alternates):
            k = norm_key(n)
            if k and k not in keys:
                keys.append(k)
        for j, k in enumerate(keys):
            self._index.setdefault(k, []).append(i if j == 0 else ~i)
        if e.country in THEATRE:
            for sk in {skeleton_key(n) for n in (e.name, *alternates)}:
                if sk:
                    self._skeleton.setdefault(sk, []).append(i)
        return e

    def _load_supplement(self, supp: dict[str, Any]) -> None:
        next_id = 900_000_000
        for p in supp.get("places") or []:
            cc = p.get("country", "SY") or ""
            a1 = self.admin1_code(cc, p.get("admin1"))
            a2 = self.admin2_code(a1, p.get("admin2"))
            fcode, precision = _SUPP_TYPES.get(p.get("type", "village"), ("PPL", "point"))
            gid = int(p.get("geonameid") or 0)
            if not gid:
                next_id += 1
                gid = next_id
            self._add_small((gid, p["name"], float(p["lat"]), float(p["lon"]), fcode, cc, a1, a2,
                             int(p.get("population") or 0), "supplement", precision), list(p.get("aliases") or ()))

    def admin1_code(self, country: str, name: str | None) -> str:
        if not name:
            return ""
        for e, _how in self.lookup(name, loose=False):
            if e.kind == "admin1" and e.country == country:
                return e.admin1
        return ""

    def admin2_code(self, admin1: str, name: str | None) -> str:
        if not name or not admin1:
            return ""
        for n in (name, f"{name} District"):
            for e, _how in self.lookup(n, loose=False):
                if e.kind == "admin2" and e.admin1 == admin1:
                    return e.admin2
        return ""

    # ------------------------------------------------------------------ entries
    def entry(self, i: int) -> Entry:
        """Entry number ``i`` (materialised from its table row on first use)."""
        n = len(self._rows)
        if i >= n:
            return self._small[i - n]
        e = self._cache.get(i)
        if e is None:
            r = self._rows[i].split("\t")
            if i < self._n_admin2:
                code = r[0]
                parts = code.split(".")
                lat, lon = _f(r[3]), _f(r[4])
                seated = lat is None or lon is None
                if seated:
                    lat, lon = self._seat(code, r[1])
                e = Entry(i, int(r[2] or 0), r[1], lat, lon, "ADM2", parts[0], ".".join(parts[:2]), code,
                          0, "admin2", "district", seated=seated and lat is not None)
            else:
                cc, a1, a2 = r[5], r[6], r[7]
                e = Entry(i, int(r[0]), r[1], float(r[2]), float(r[3]), r[4], cc, f"{cc}.{a1}" if a1 else "",
                          f"{cc}.{a1}.{a2}" if a2 else "", int(r[8] or 0), "place", "point",
                          r[9].count("|") + 1 if r[9] else 0)
            self._cache[i] = e
        return e

    def _seat(self, code: str, name: str) -> tuple[float | None, float | None]:
        """A district's point when GeoNames gives it none: its seat, the town of the same name in the same
        province (most districts are named after their main town: Qandala, Afgooye, Jowhar)."""
        admin1 = ".".join(code.split(".")[:2])
        best: Entry | None = None
        for n in admin2_names(code, name)[::-1]:
            for i in self._ids(norm_key(n)):
                if (i if i >= 0 else ~i) < self._n_admin2:
                    continue  # an area, not a town (and not materialised here: it may need its own seat)
                e = self.entry(i if i >= 0 else ~i)
                if e.kind in ("place", "supplement") and e.admin1 == admin1 and e.fcode.startswith("PPL") and (
                        best is None or e.population > best.population):
                    best = e
            if best is not None:
                return best.lat, best.lon
        return None, None

    def names(self, e: Entry) -> list[str]:
        """The entry's main name followed by its alternate names."""
        n = len(self._rows)
        if e.idx >= n:
            return [e.name, *self._small_alts[e.idx - n]]
        if e.idx < self._n_admin2:
            return admin2_names(e.admin2, e.name)
        alts = self._rows[e.idx].split("\t")[9]
        return [e.name, *alts.split("|")] if alts else [e.name]

    def settlements(self, admin1: str) -> list[Entry]:
        """The towns and villages the gazetteer holds in an admin1 area (GeoNames places and the curated
        supplement's populated places), for describing where in a province people live."""
        if self._settlements is None:
            by: dict[str, list[int]] = {}
            for i in range(self._n_admin2, len(self._rows)):
                r = self._rows[i].split("\t", 8)
                if r[4].startswith("PPL") and r[6]:
                    by.setdefault(f"{r[5]}.{r[6]}", []).append(i)
            n = len(self._rows)
            for j, e in enumerate(self._small):
                if e.kind == "supplement" and e.admin1 and e.fcode.startswith("PPL") and e.fcode != "PPLX":
                    by.setdefault(e.admin1, []).append(n + j)
            self._settlements = by
        seen: set[int] = set()
        out: list[Entry] = []
        for i in self._settlements.get(admin1, ()):
            e = self.entry(i)
            if e.id not in seen and e.lat is not None and e.lon is not None:
                seen.add(e.id)
                out.append(e)
        return out

    @property
    def small_entries(self) -> list[Entry]:
        """Countries, admin1 areas and supplement entries."""
        return self._small

    # ------------------------------------------------------------------ lookups
    def lookup(self, name: str, loose: bool = True) -> list[tuple[Entry, str]]:
        """(entry, how) for entries whose name has the same key: how is 'name' (main name), 'alt'
        (alternate name) or 'loose' (transliteration skeleton, tried only when nothing else matches)."""
        k = norm_key(name)
        ids = self._ids(k)
        if ids:
            return [(self.entry(i), "name") if i >= 0 else (self.entry(~i), "alt") for i in ids]
        if loose:
            s = skeleton_key(name)
            if len(s.replace(" ", "")) >= 4:
                ids = list(self._skeleton.get(s, ()))
                big = self._big_skeleton.get(s)
                if big:
                    ids += [int(x) for x in big.split(",")]
                return [(self.entry(i), "loose") for i in ids]
        return []

    def _ids(self, key: str) -> list[int]:
        """Entry numbers under a name key (``~i`` for an alternate name)."""
        ids = list(self._index.get(key, ()))
        big = self._big_index.get(key)
        if big:
            ids += [int(x) for x in big.split(",")]
        return ids

    def country_of(self, name: str) -> str | None:
        """ISO2 for a country name/alias ('U.S.', 'Britain') or demonym ('Syrian', 'Iraqis')."""
        iso = self.country_aliases.get(norm_key(name))
        if iso:
            return iso
        f = _fold(name).strip()
        return self.demonyms.get(f) or (self.demonyms.get(f[:-1]) if f.endswith("s") else None)

    def demonym_country(self, word: str) -> str | None:
        """ISO2 for a demonym only ('Syrian' -> SY); None for anything else."""
        f = _fold(word).strip()
        return self.demonyms.get(f)

    @property
    def country_abbreviations(self) -> frozenset[str]:
        """Upper-case country and union abbreviations as written ("U.S.", "UK", "EU")."""
        if self._abbr is None:
            names = [n for e in self._small if e.kind == "country" or e.fcode == "RGN" for n in self.names(e)]
            self._abbr = frozenset(n for n in names if n.replace(".", "").isupper() and 2 <= len(n) <= 6)
        return self._abbr

    def capital_of(self, iso2: str) -> list[tuple[Entry, str]]:
        """The capital city of a country as gazetteer candidates ("the Somali capital" -> Mogadishu)."""
        cap = self.capitals.get(iso2)
        if not cap:
            return []
        found = [(e, how) for e, how in self.lookup(cap, loose=False) if e.country == iso2 and e.kind != "country"]
        return sorted(found, key=lambda c: -(c[0].population or 0))[:1]

    def demonym_words(self) -> set[str]:
        """Demonyms as written in text ("Syrian", "Iraqi"), capitalised."""
        return {w[:1].upper() + w[1:] for w in self.demonyms}

    def admin1_name(self, code: str) -> str | None:
        return self.admin1_display.get(code) if code else None

    def admin2_entry(self, code: str) -> Entry | None:
        i = self._admin2_row.get(code) if code else None
        return self.entry(i) if i is not None else None

    def admin2_name(self, code: str) -> str | None:
        e = self.admin2_entry(code)
        if e is None:
            return None
        return e.name if e.country in ("US", "GB") else _ADMIN2_SUFFIX.sub("", e.name)

    def to_place(self, e: Entry, mention: str | None = None, precision: PlacePrecision | None = None) -> Place:
        """A Place record for an entry (admin names spelled the way ACLED codes them)."""
        name = e.name
        if e.kind == "admin1":
            name = self.admin1_display.get(e.admin1, e.name)
        elif e.kind == "admin2":
            name = self.admin2_name(e.admin2) or e.name
        return Place(
            name=name,
            country=e.country or None,
            admin1=self.admin1_name(e.admin1),
            admin2=self.admin2_name(e.admin2),
            lat=e.lat,
            lon=e.lon,
            geonameid=e.id or None,
            precision=precision or e.precision,
            feature=e.fcode,
            mention=mention,
        )

    def ruler_names(self) -> Iterator[tuple[str, str]]:
        """(name, label) pairs for the entity ruler (see ``ruler_label``): the prebuilt list for the
        GeoNames tables plus countries, admin1 areas and the supplement; a name written with accents also
        without them, and one with an Arabic article also without it, as English news writes them
        ("Tillabéri" -> "Tillaberi", "Al Qamishli" -> "Qamishli")."""
        stop = ruler_stoplist(self.data_dir)
        for name, label in self._ruler_names_as_written(stop):
            yield name, label
            plain = unaccented(name)
            if plain != name:
                yield plain, label
            bare = _ARABIC_ARTICLE.match(plain)
            if bare and bare.group(1) not in stop:  # "Al Qamishli" -> "Qamishli", "Ar Raqqah" -> "Raqqah"
                yield bare.group(1), label

    def _ruler_names_as_written(self, stop: frozenset[str]) -> Iterator[tuple[str, str]]:
        for line in _read_lines(self.data_dir / "ruler.tsv.gz")[1:]:
            if line:
                name, label = line.split("\t")
                yield name, label
        for e in self._small:
            lab = ruler_label(e.kind, e.fcode, e.country, e.population, RULER_MIN_POPULATION)
            if lab:
                for n in self.names(e):
                    if n not in stop:
                        yield n, lab


def load_gazetteer(data_dir: str | None = None) -> Gazetteer:
    """The gazetteer with the user's layer (``sitrep gazetteer import``), loaded once per process and layer.

    Called for every place lookup: the layer is keyed by the environment it is read from, and its path is
    only worked out (with pathlib, comparatively slow) when that changes."""
    env = os.environ
    return _load_gazetteer(data_dir, env.get("SITREP_GAZETTEER_DIR"), env.get("XDG_DATA_HOME"), env.get("HOME"))


@lru_cache(maxsize=2)
def _load_gazetteer(data_dir: str | None, *_env: str | None) -> Gazetteer:
    from sitrep.geo.user_gazetteer import user_dir

    return Gazetteer(Path(data_dir) if data_dir else None, user_dir())
