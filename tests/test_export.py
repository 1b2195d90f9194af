"""Exports on a real SQLite store: JSONL, ACLED CSV (loaded in pandas), GeoJSON (JSON Schema)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.export import (
    ACLED_COLUMNS,
    acled_row,
    export,
    export_text,
    feature_collection,
    interaction_code,
)
from sitrep.records import Event, Incident
from sitrep.store.base import Query, Store
from tests._outputs_data import build_store, palmyra_incident_id

# RFC 7946 FeatureCollection of Point features (or null geometry), coordinates [lon, lat]
GEOJSON_SCHEMA = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "geometry", "properties"],
                "properties": {
                    "type": {"const": "Feature"},
                    "id": {"type": ["string", "number"]},
                    "properties": {"type": ["object", "null"]},
                    "geometry": {
                        "oneOf": [
                            {"type": "null"},
                            {
                                "type": "object",
                                "required": ["type", "coordinates"],
                                "properties": {
                                    "type": {"const": "Point"},
                                    "coordinates": {
                                        "type": "array",
                                        "minItems": 2,
                                        "maxItems": 3,
                                        "prefixItems": [
                                            {"type": "number", "minimum": -180, "maximum": 180},
                                            {"type": "number", "minimum": -90, "maximum": 90},
                                        ],
                                        "items": {"type": "number"},
                                    },
                                },
                            },
                        ]
                    },
                },
            },
        },
    },
}


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = build_store(tmp_path / "sitrep.db")
    yield s
    s.close()


def test_acled_csv_loads_in_pandas_with_the_acled_columns_and_dtypes(store: Store) -> None:
    pd = pytest.importorskip("pandas")
    text = export_text(store, "acled-csv")
    df = pd.read_csv(io.StringIO(text), keep_default_na=False, na_values=[""])
    assert tuple(df.columns) == ACLED_COLUMNS
    assert len(df) == len(store.incidents())  # one row per incident
    for col in ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
                "fatalities", "timestamp"):
        assert pd.api.types.is_integer_dtype(df[col]), col
    for col in ("latitude", "longitude"):
        assert pd.api.types.is_float_dtype(df[col]), col
    assert pd.to_datetime(df["event_date"], format="%Y-%m-%d").notna().all()
    assert df["time_precision"].between(1, 3).all()
    assert df["geo_precision"].between(1, 3).all()

    palmyra = df[df["event_id_cnty"] == "SYR" + palmyra_incident_id().upper()].iloc[0]
    assert palmyra["country"] == "Syria" and palmyra["iso"] == 760 and palmyra["region"] == "Middle East"
    assert palmyra["source"] == "The Europe Today; Research paper"  # sources joined as ACLED does
    assert palmyra["fatalities"] == 3
    assert palmyra["interaction"] == 28  # rebel group (2) vs external/other forces (8)
    assert (palmyra["latitude"], palmyra["longitude"]) == (34.56, 38.28)
    assert "2025-12-13" in palmyra["notes"] and "2025-12-19" in palmyra["notes"]
    assert "contradiction: date" in palmyra["tags"]


def test_acled_conventions() -> None:
    assert interaction_code(1, 7) == 17
    assert interaction_code(7, 1) == 17
    assert interaction_code(2, 0) == 20
    assert interaction_code(0, 0) == 0
    inc = Incident("x1", ("e",), ("d",), "Diplomacy", "consult", "2025-12", "month")
    row = acled_row(inc, timestamp=0)
    assert row["event_type"] == "Strategic developments" and row["sub_event_type"] == "Other"
    assert row["tags"] == "diplomacy: consult"
    assert row["event_date"] == "2025-12-01" and row["time_precision"] == 3
    assert row["fatalities"] == 0 and row["latitude"] is None


def test_geojson_export_validates_and_uses_lon_lat(store: Store) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    fc = json.loads(export_text(store, "geojson"))
    jsonschema.Draft202012Validator(GEOJSON_SCHEMA).validate(fc)
    by_id = {f["id"]: f for f in fc["features"]}
    palmyra = by_id[palmyra_incident_id()]
    assert palmyra["geometry"]["coordinates"] == [38.28, 34.56]
    assert palmyra["properties"]["contradictions"] == ["date", "sub_event_type"]
    events_fc = json.loads(export_text(store, "geojson", what="events"))
    jsonschema.Draft202012Validator(GEOJSON_SCHEMA).validate(events_fc)
    assert len(events_fc["features"]) == len(store.events())
    # a feature without a point still validates (geometry null), and located_only drops it
    assert any(f["geometry"] is None for f in fc["features"])
    assert all(f["geometry"] for f in feature_collection(store.incidents(), located_only=True)["features"])


def test_jsonl_round_trips_and_filters(store: Store) -> None:
    lines = export_text(store, "jsonl", what="events").splitlines()
    assert [Event.from_dict(json.loads(x)).event_id for x in lines] == [e.event_id for e in store.events()]
    incs = [Incident.from_dict(json.loads(x)) for x in export_text(store, "jsonl").splitlines()]
    palmyra = next(i for i in incs if i.incident_id == palmyra_incident_id())
    assert {v.value for v in palmyra.contradictions[0].values} == {"2025-12-13", "2025-12-19"}
    only = export_text(store, "jsonl", Query(source="Research paper"), "events").splitlines()
    assert len(only) == 1 and json.loads(only[0])["sub_event_type"] == "Suicide bomb"
    with pytest.raises(ValueError, match="unknown export format"):
        export(store, io.StringIO(), "xml")


def test_export_command_writes_files(tmp_path: Path, store: Store) -> None:
    from sitrep.cli import main

    db = str(tmp_path / "sitrep.db")
    out = tmp_path / "out.csv"
    r = CliRunner().invoke(main, ["export", "--db", db, "--format", "acled-csv", "--country", "SY", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8").splitlines()[0] == ",".join(ACLED_COLUMNS)
    r = CliRunner().invoke(main, ["export", "--db", db, "--format", "geojson", "--what", "events"])
    assert r.exit_code == 0 and json.loads(r.stdout)["type"] == "FeatureCollection"
    r = CliRunner().invoke(main, ["export", "--db", db, "--format", "xml"])
    assert r.exit_code == 2


# -- CSV formula injection (issue 17): cells a spreadsheet would run as formulas --------------------------
FORMULA_SOURCES = ('=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
                   "-2+3+cmd|' /C calc'!A0", "\tTabbed Wire", "\rReturn Wire")


def test_every_csv_writer_neutralises_formula_cells(tmp_path: Path) -> None:
    import csv as csv_mod

    from tests.test_crash_safety import no_traceback, run_sitrep

    texts = [
        "Government forces shelled Douma on 3 March 2018, killing 5 civilians, activists said.",
        "Clashes between the SDF and Islamic State fighters near Hajin on 4 March 2018 left 7 fighters dead.",
        "Turkish artillery shelled Tal Rifaat on 6 March 2018, killing 3 civilians, a monitor said.",
        "An IED exploded in Manbij on 7 March 2018, killing 2 members of the SDF, activists said.",
        "Regime helicopters dropped barrel bombs on Kafr Zita on 8 March 2018, killing 4 civilians.",
        "Islamic State fighters attacked an army post near Palmyra on 11 March 2018, killing 5 soldiers.",
    ]
    src = tmp_path / "evil.jsonl"
    src.write_text("".join(json.dumps({"id": f"e{i}", "text": t, "source": s, "title": s}) + "\n"
                           for i, (t, s) in enumerate(zip(texts, FORMULA_SOURCES, strict=True))))
    db = str(tmp_path / "evil.db")
    proc = run_sitrep("ingest", str(src), "--db", db, "-q")
    no_traceback(proc.stderr)
    assert proc.returncode == 0, proc.stderr[-2000:]
    outputs = {"export acled-csv": run_sitrep("export", "--db", db, "--format", "acled-csv").stdout}
    for cmd in ("events", "incidents", "conflicts", "documents", "people"):
        r = run_sitrep(cmd, "--db", db, "--format", "csv")
        no_traceback(r.stderr)
        assert r.returncode == 0, (cmd, r.stderr[-1000:])
        outputs[cmd] = r.stdout
    seen_quoted = set()
    for name, text in outputs.items():
        rows = list(csv_mod.reader(io.StringIO(text)))
        for row in rows:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)
                if cell.startswith("'") and cell[1:].startswith(("=", "+", "-", "@", "\t", "\r")):
                    seen_quoted.add(name)
        if name in ("export acled-csv", "events", "incidents", "documents"):
            assert name in seen_quoted, (name, text[:500])
    assert "'=HYPERLINK(" in outputs["events"] and "'=HYPERLINK(" in outputs["export acled-csv"]


def test_csv_safe_keeps_numbers_and_ordinary_text() -> None:
    from sitrep.export import csv_safe

    assert csv_safe(-3.5) == -3.5 and csv_safe(-7) == -7 and csv_safe(None) is None
    assert csv_safe("Reuters") == "Reuters" and csv_safe("") == ""
    assert [csv_safe(s)[0] for s in FORMULA_SOURCES] == ["'"] * len(FORMULA_SOURCES)
