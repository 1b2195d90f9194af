"""The user gazetteer layer: GeoNames dumps and OCHA P-code CSVs imported, then used by extraction.

Fixtures (tests/fixtures/gazetteer/, written for these tests in the real formats): ``SY_sample.txt`` (the
19-column GeoNames dump format), ``alternateNames_sample.txt`` (alternateNamesV2), ``IQ_pcodes_sample.csv``
(an HDX admin4 P-code table with English and Arabic names).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.errors import UsageError
from sitrep.geo.gazetteer import Gazetteer, load_gazetteer
from sitrep.geo.user_gazetteer import import_files, layer_info, read_file, remove_layer

FIX = Path(__file__).parent / "fixtures" / "gazetteer"
REPORT = "On 3 March 2025, unidentified gunmen killed two civilians in Kafr Shams."


def test_geonames_dump_is_read_with_admin_codes_and_alternate_names() -> None:
    places = {p.name: p for p in read_file(FIX / "SY_sample.txt", FIX / "alternateNames_sample.txt")}
    assert set(places) == {"Kafr Shams", "Umm Batinah", "Jamlah", "Tall al-Harah"}  # the historic place left out
    assert (places["Kafr Shams"].lat, places["Kafr Shams"].admin1) == (33.1194, "SY.06")
    assert "Jamleh" in places["Jamlah"].alternates  # from alternateNamesV2
    assert "Kafr Shems" not in places["Kafr Shams"].alternates  # a historic name there is not a spelling
    assert not any(a.startswith("http") for p in places.values() for a in p.alternates)


def test_pcode_csv_is_read_at_its_finest_level_in_the_packaged_provinces() -> None:
    places = {p.name: p for p in read_file(FIX / "IQ_pcodes_sample.csv")}
    assert set(places) == {"Tal Abta", "Kharabat Sultan", "Albu Hayat"}
    assert places["Tal Abta"].country == "IQ" and places["Tal Abta"].admin1 == load_gazetteer().admin1_code(
        "IQ", "Ninewa")
    assert "تل عبطة" in places["Tal Abta"].alternates and places["Tal Abta"].fcode == "PPL"


def test_a_file_in_neither_format_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("just some words\n", encoding="utf-8")
    with pytest.raises(UsageError):
        import_files([bad], directory=tmp_path / "layer")


def test_layer_import_list_remove_and_lookup(tmp_path: Path) -> None:
    layer = tmp_path / "layer"
    assert not [e for e, _how in load_gazetteer().lookup("Kafr Shams") if e.country == "SY"]  # not packaged
    import_files([FIX / "SY_sample.txt", FIX / "IQ_pcodes_sample.csv"], directory=layer)
    assert {(i.name, i.places) for i in layer_info(layer)} == {("SY_sample", 4), ("IQ_pcodes_sample", 3)}
    gaz = Gazetteer(user_layer=layer)
    hits = [e for e, _how in gaz.lookup("Kfar Shams") if e.country == "SY"]
    assert hits and (hits[0].lat, hits[0].lon, hits[0].admin1) == (33.1194, 36.1103, "SY.06")
    remove_layer("SY_sample", layer)
    assert [i.name for i in layer_info(layer)] == ["IQ_pcodes_sample"]
    with pytest.raises(UsageError):
        remove_layer("SY_sample", layer)


def _sitrep(args: list[str], env: dict[str, str], cwd: Path, stdin: str | None = None) -> str:
    proc = subprocess.run([sys.executable, "-m", "sitrep", *args], input=stdin, capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_imported_village_is_placed_by_extract_and_ingest(tmp_path: Path) -> None:
    env = dict(os.environ, SITREP_GAZETTEER_DIR=str(tmp_path / "gaz"), SITREP_ENGINE="local")
    doc = json.dumps({"id": "r1", "text": REPORT, "published": "2025-03-04"}) + "\n"

    before = [json.loads(x) for x in _sitrep(["extract", "-"], env, tmp_path, doc).splitlines()]
    assert before and all((e["location"] or {}).get("name") != "Kafr Shams" for e in before)

    out = _sitrep(["gazetteer", "import", str(FIX / "SY_sample.txt"), "--alternate-names",
                   str(FIX / "alternateNames_sample.txt")], env, tmp_path)
    assert "SY_sample: 4 places" in out
    listed = json.loads(_sitrep(["gazetteer", "list", "--format", "json"], env, tmp_path))
    assert [(x["name"], x["places"]) for x in listed] == [("SY_sample", 4)]

    events = [json.loads(x) for x in _sitrep(["extract", "-"], env, tmp_path, doc).splitlines()]
    loc = events[0]["location"]
    assert (loc["name"], loc["lat"], loc["lon"], loc["admin1"], loc["precision"]) == (
        "Kafr Shams", 33.1194, 36.1103, "Dar'a", "point")

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "report.txt").write_text(REPORT, encoding="utf-8")
    db = str(tmp_path / "s.db")
    _sitrep(["ingest", str(tmp_path / "in"), "--db", db, "--quiet"], env, tmp_path)
    stored = json.loads(_sitrep(["events", "--db", db, "--format", "json"], env, tmp_path))
    loc = stored[0]["location"]
    assert (loc["name"], loc["lat"], loc["lon"], loc["admin1"], loc["precision"]) == (
        "Kafr Shams", 33.1194, 36.1103, "Dar'a", "point")

    _sitrep(["gazetteer", "remove", "SY_sample"], env, tmp_path)
    assert json.loads(_sitrep(["gazetteer", "list", "--format", "json"], env, tmp_path)) == []
