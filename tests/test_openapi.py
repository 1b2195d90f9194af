"""The OpenAPI document is generated from the record types and describes what every route really returns."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from sitrep.records import ActorRef, Contradiction, ContradictionValue, Event, Evidence, Incident, PersonRole, Place
from sitrep.serve.openapi import schema
from tests._outputs_data import LiveServer, build_store, palmyra_incident_id
from tests._outputs_data import http as http_request

pytest.importorskip("starlette", reason="the web extra is not installed")


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    db = tmp_path_factory.mktemp("openapi") / "sitrep.db"
    build_store(db, xss=True).close()
    with LiveServer(db) as server:
        yield server


def test_schemas_follow_the_records() -> None:
    components = schema()["components"]["schemas"]
    assert "feature" in components["Place"]["properties"]
    for name, cls in (("Event", Event), ("Incident", Incident), ("Place", Place), ("ActorRef", ActorRef),
                      ("Evidence", Evidence), ("Contradiction", Contradiction),
                      ("ContradictionValue", ContradictionValue)):
        assert set(components[name]["properties"]) == {f.name for f in dataclasses.fields(cls)}, name
    assert set(components["Person"]["properties"]) == {"person_id"} | {f.name for f in dataclasses.fields(PersonRole)}
    assert schema()["openapi"].startswith("3.1")


def _validate(doc: dict[str, Any], response_schema: dict[str, Any], body: Any) -> None:
    Draft202012Validator({**response_schema, "components": doc["components"]}).validate(body)


def test_every_route_answers_as_the_document_says(live: LiveServer) -> None:
    doc = json.loads(http_request("GET", live.url + "/openapi.json")[2])
    events = json.loads(http_request("GET", live.url + "/api/events?limit=1000")[2])["items"]
    values = {"incident_id": palmyra_incident_id(), "doc_id": events[0]["doc_id"]}
    queries = {"/api/search": "?q=Palmyra", "/api/events": "?limit=1000", "/api/incidents": "?limit=1000"}
    checked = []
    for path, ops in doc["paths"].items():
        url = path.format(**values) + queries.get(path, "")
        status, headers, body = http_request("GET", live.url + url)
        assert status == 200, (url, body[:300])
        media, spec = next(iter(ops["get"]["responses"]["200"]["content"].items()))
        assert headers["content-type"].startswith(media), url
        _validate(doc, spec["schema"], json.loads(body))
        checked.append(path)
        if "{" in path:  # an unknown id answers 404 with the Error schema
            status, _, body = http_request("GET", live.url + path.format(**{k: "nope" for k in values}))
            assert status == 404, path
            _validate(doc, {"$ref": "#/components/schemas/Error"}, json.loads(body))
    assert len(checked) == len(doc["paths"]) >= 8
    assert any(e["location"] and "feature" in e["location"] for e in events)
