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
