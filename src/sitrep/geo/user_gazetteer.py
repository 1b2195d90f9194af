"""The user gazetteer layer: villages and places an analyst loads from GeoNames or OCHA files.

No package can ship every village of a country, but GeoNames country dumps (``SY.txt``, ``IQ.txt``,
``allCountries.txt``, with the optional ``alternateNamesV2.txt``) and the OCHA/HDX P-code gazetteers
(CSV with ``admin1Name_en`` ... ``admin4Name_ar`` and coordinates) are free to download.
``import_files`` reads them into one TSV per source in the layer directory (``user_dir()``:
``$SITREP_GAZETTEER_DIR``, else ``$XDG_DATA_HOME/sitrep/gazetteer``, else
``~/.local/share/sitrep/gazetteer``); ``load_gazetteer()`` reads the layer ahead of the packaged data, so
extraction, ``sitrep places`` and ``sitrep ingest`` find the villages.  Point the directory at a folder
beside a database (``gazetteer_dir`` in its ``sitrep.toml``) to keep a layer per database.

Layer file format (tab-separated, one header line)::

    geonameid  name  lat  lon  fcode  country  admin1  admin2  population  alternates

with ``admin1``/``admin2`` as GeoNames codes (``SY.06``, ``SY.06.12345``) and ``alternates`` joined by ``|``.
"""

from __future__ import annotations

import csv
import io
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import UsageError

__all__ = ["LAYER_HEADER", "LayerInfo", "UserPlace", "import_files", "layer_info", "remove_layer", "user_dir"]

LAYER_HEADER = ("geonameid", "name", "lat", "lon", "fcode", "country", "admin1", "admin2", "population",
                "alternates")
# GeoNames feature classes worth placing events at: populated places, spots/facilities, areas, terrain,
# admin divisions below the first level (the first level and countries are packaged already)
_CLASSES = frozenset({"P", "S", "L", "T", "A", "H", "V"})
_SKIP_CODES = frozenset({"ADM1", "ADM1H", "PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCLH", "PPLH", "PPLQ", "PPLW",
                         "ADMD", "ADMDH", "ADM2H", "ADM3H", "ADM4H", "ZN", "ZNB", "TMZ"})
# alternateNamesV2 "languages" that are not names
_NOT_NAMES = frozenset({"link", "post", "iata", "icao", "faac", "tcid", "unlc", "wkdt", "fr_1793", "phon", "piny"})
_MAX_ALTERNATES = 40
_ID_BASE = 800_000_000  # ids for places of a P-code file (no GeoNames id)


@dataclass(frozen=True, slots=True)
class UserPlace:
    """One place of the user layer."""

    id: int
    name: str
    lat: float
    lon: float
    fcode: str
    country: str
    admin1: str  # GeoNames admin1 code ('SY.06') or ''
    admin2: str  # GeoNames admin2 code or ''
    population: int
    alternates: tuple[str, ...] = ()

    def row(self) -> str:
        alts = "|".join(a.replace("|", " ").replace("\t", " ") for a in self.alternates)
        return "\t".join([str(self.id), self.name.replace("\t", " "), f"{self.lat:.5f}", f"{self.lon:.5f}",
                          self.fcode, self.country, self.admin1, self.admin2, str(self.population), alts])


@dataclass(frozen=True, slots=True)
class LayerInfo:
    name: str
    path: Path
    places: int
    source: str


def user_dir() -> Path:
    """The user gazetteer directory ($SITREP_GAZETTEER_DIR, else the XDG data directory)."""
    env = os.environ.get("SITREP_GAZETTEER_DIR")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "sitrep" / "gazetteer"


def layer_files(directory: Path | None = None) -> list[Path]:
    """The layer's TSV files, in name order."""
    d = directory if directory is not None else user_dir()
    return sorted(d.glob("*.tsv")) if d.is_dir() else []


def read_layer(path: Path) -> Iterator[UserPlace]:
    """The places of one layer file."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(("#", "geonameid\t")) or not line.strip():
                continue
            r = line.rstrip("\n").split("\t")
            if len(r) < len(LAYER_HEADER):
                continue
            yield UserPlace(int(r[0]), r[1], float(r[2]), float(r[3]), r[4], r[5], r[6], r[7], int(r[8] or 0),
                            tuple(a for a in r[9].split("|") if a))


# ------------------------------------------------------------------------------------------ readers
def _is_geonames(first: str) -> bool:
    cols = first.rstrip("\n").split("\t")
    return len(cols) >= 15 and cols[0].isdigit() and len(cols[8]) in (0, 2)


def _alternate_names(path: Path, ids: set[int]) -> dict[int, list[str]]:
    """geonameid -> names from an alternateNamesV2 file (historic names and codes left out)."""
    out: dict[int, list[str]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            r = line.rstrip("\n").split("\t")
            if len(r) < 4 or not r[1].isdigit():
                continue
            gid = int(r[1])
            if gid not in ids or r[2] in _NOT_NAMES or (len(r) > 7 and r[7] == "1"):
                continue
            out.setdefault(gid, []).append(r[3])
    return out


def read_geonames(path: Path, alternates: Path | None = None) -> list[UserPlace]:
    """Places of a GeoNames dump (the 19-column ``allCountries`` format: ``SY.txt``, ``cities500.txt``...)."""
    out: list[UserPlace] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            r = line.rstrip("\n").split("\t")
            if len(r) < 15:
                raise UsageError(f"{path}:{n}: not a GeoNames dump line ({len(r)} columns, 19 expected)")
            fclass, fcode, cc = r[6], r[7], r[8]
            if fclass not in _CLASSES or fcode in _SKIP_CODES or not r[4] or not r[5]:
                continue
            a1 = f"{cc}.{r[10]}" if r[10] and r[10] != "00" else ""
            a2 = f"{a1}.{r[11]}" if a1 and r[11] else ""
            alts = tuple(a for a in dict.fromkeys(x.strip() for x in r[3].split(",")) if a and a != r[1])
            if r[2] and r[2] != r[1] and r[2] not in alts:
                alts = (r[2], *alts)
            out.append(UserPlace(int(r[0]), r[1], float(r[4]), float(r[5]), fcode or "PPL", cc, a1, a2,
                                 int(r[14] or 0), alts[:_MAX_ALTERNATES]))
    if alternates is not None:
        extra = _alternate_names(alternates, {p.id for p in out})
        out = [p if p.id not in extra else UserPlace(
            p.id, p.name, p.lat, p.lon, p.fcode, p.country, p.admin1, p.admin2, p.population,
            tuple(dict.fromkeys((*p.alternates, *(a for a in extra[p.id] if a != p.name))))[:_MAX_ALTERNATES])
            for p in out]
    return out


_PCODE_NAME = re.compile(r"^adm(?:in)?(\d)_?name(?:_?(en|ar|fr|ku|local|ref))?$", re.I)
_LAT = ("latitude", "lat", "y", "latitude_y", "lat_y")
_LON = ("longitude", "lon", "long", "lng", "x", "longitude_x", "lon_x")


def read_pcodes(path: Path) -> list[UserPlace]:
    """Places of an OCHA/HDX P-code gazetteer CSV: the finest admin level named on each row (admin4 =
    community or village, admin3 = sub-district, admin2 = district) with its coordinates, its English
    name first and the others (Arabic, local) as alternates, placed in the packaged admin1 area of the
    same name."""
    from sitrep.geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    cols = {c.strip().lower(): c for c in reader.fieldnames or ()}
    levels: dict[int, list[tuple[str, str]]] = {}
    for low, col in cols.items():
        m = _PCODE_NAME.match(low)
        if m:
            levels.setdefault(int(m.group(1)), []).append(((m.group(2) or "en").lower(), col))
    lat_col = next((cols[c] for c in _LAT if c in cols), None)
    lon_col = next((cols[c] for c in _LON if c in cols), None)
    if not levels or lat_col is None or lon_col is None:
        raise UsageError(f"{path}: not a P-code gazetteer (admin<N>Name_en columns and latitude/longitude needed)")
    country_col = next((cols[c] for c in ("admin0pcode", "adm0_pcode", "iso2", "country_code") if c in cols), None)
    out: list[UserPlace] = []
    for i, row in enumerate(reader):  # noqa: B007 - i names rows without a P-code
        level = max((lv for lv, names in levels.items() if lv > 0 and any((row.get(c) or "").strip()
                                                                           for _l, c in names)), default=0)
        if level < 2:
            continue
        names = sorted(levels[level], key=lambda x: x[0] != "en")
        written = [(row.get(c) or "").strip() for _lang, c in names]
        written = [w for w in written if w]
        try:
            lat, lon = float(row[lat_col]), float(row[lon_col])
        except (TypeError, ValueError):
            continue
        cc = (row.get(country_col) or "").strip()[:2].upper() if country_col else ""
        a1_name = next(((row.get(c) or "").strip() for lang, c in levels.get(1, []) if lang == "en"), "")
        a1 = gaz.admin1_code(cc, a1_name) if a1_name else ""
        cc = cc or (a1.split(".")[0] if a1 else "")
        a2_name = next(((row.get(c) or "").strip() for lang, c in levels.get(2, []) if lang == "en"), "")
        a2 = gaz.admin2_code(a1, a2_name) if a2_name and a1 else ""
        fcode = "PPL" if level >= 4 else f"ADM{level}"
        pcode = next(((row.get(cols[c]) or "").strip() for c in (f"admin{level}pcode", f"adm{level}_pcode")
                      if c in cols), "") or f"{path.name}:{i}:{written[0]}"
        gid = _ID_BASE + zlib.crc32(pcode.encode("utf-8")) % 100_000_000  # stable across re-imports
        out.append(UserPlace(gid, written[0], lat, lon, fcode, cc, a1, a2, 0, tuple(written[1:])))
    return out


def read_file(path: Path, alternates: Path | None = None) -> list[UserPlace]:
    """A GeoNames dump or a P-code CSV, told apart by their first line."""
    with open(path, encoding="utf-8-sig") as fh:
        first = fh.readline()
    if _is_geonames(first):
        return read_geonames(path, alternates)
    if "," in first or ";" in first:
        return read_pcodes(path)
    raise UsageError(f"{path}: neither a GeoNames dump nor a P-code CSV")


# ------------------------------------------------------------------------------------------- layer
def _layer_name(path: Path) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", path.name.rsplit(".", 1)[0]) or "places"


def import_files(paths: Iterable[Path], alternates: Path | None = None, directory: Path | None = None,
                 name: str | None = None) -> list[LayerInfo]:
    """Read each file into its own layer file (``<stem>.tsv``, replaced on re-import); the layer's info."""
    d = directory if directory is not None else user_dir()
    d.mkdir(parents=True, exist_ok=True)
    done: list[LayerInfo] = []
    for path in paths:
        if not path.is_file():
            raise UsageError(f"{path}: no such file")
        places = read_file(path, alternates)
        target = d / f"{name or _layer_name(path)}.tsv"
        tmp = target.with_suffix(".tsv.tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(f"# source: {path.resolve()}\n")
            fh.write("\t".join(LAYER_HEADER) + "\n")
            for p in places:
                fh.write(p.row() + "\n")
        tmp.replace(target)
        done.append(LayerInfo(target.stem, target, len(places), str(path.resolve())))
    return done


def layer_info(directory: Path | None = None) -> list[LayerInfo]:
    """The imported layers: name, file, number of places, source file."""
    out: list[LayerInfo] = []
    for f in layer_files(directory):
        with open(f, encoding="utf-8") as fh:
            first = fh.readline()
            n = sum(1 for line in fh if line.strip() and not line.startswith("geonameid\t"))
        source = first[len("# source: "):].strip() if first.startswith("# source: ") else ""
        out.append(LayerInfo(f.stem, f, n, source))
    return out


def remove_layer(name: str, directory: Path | None = None) -> Path:
    """Delete one imported layer by name; the file removed."""
    for f in layer_files(directory):
        if f.stem == name:
            f.unlink()
            return f
    raise UsageError(f"no gazetteer layer named {name!r} (see `sitrep gazetteer list`)")
