"""The OpenAPI 3.1 description of the JSON API served at ``/openapi.json``.

Routes and parameters are declared here; the schemas of what the routes return (Event, Incident, Person,
Document and everything inside them, Place.feature included) are generated from the record dataclasses
with pydantic's TypeAdapter, so they cannot drift from the records.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter

from sitrep._version import __version__
from sitrep.records import EVENT_TYPES, Document, Event, Incident, PersonRole

__all__ = ["DOCUMENT_SUMMARY", "record_schemas", "schema"]

ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "message"],
            "properties": {"status": {"type": "integer"}, "message": {"type": "string"}},
        }
    },
}


def _param(
    name: str, desc: str, schema: dict[str, Any], where: str = "query", required: bool = False
) -> dict[str, Any]:
    return {"name": name, "in": where, "required": required, "description": desc, "schema": schema}


TEXT = {"type": "string", "maxLength": 200, "pattern": "^[^\\x00]*$"}
ISO_DATE = {
    "type": "string",
    "pattern": "^([0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?)?)?$",
    "example": "2025-12-13",
}
NEAR = {
    "type": "string",
    "pattern": "^-?[0-8]?[0-9](\\.[0-9]+)?,-?1?[0-7]?[0-9](\\.[0-9]+)?,[1-9][0-9]{0,3}(\\.[0-9]+)?$",
    "example": "34.56,38.28,50",
}

FILTERS = [
    _param("country", "Country: ISO code (SY) or name.", TEXT),
    _param("admin1", "Province / governorate.", TEXT),
    _param("since", "From this date (ISO: YYYY, YYYY-MM or YYYY-MM-DD), inclusive.", ISO_DATE),
    _param("until", "Up to this date (ISO), inclusive.", ISO_DATE),
    _param("type", "Event type or sub-event type.", {**TEXT, "example": next(iter(EVENT_TYPES))}),
    _param("actor", "Actor name or alias (substring).", TEXT),
    _param("near", "LAT,LON,KM: within KM of a point.", NEAR),
    _param("text", "Full-text search in the evidence.", TEXT),
    _param("source", "Outlet / source name.", TEXT),
    _param("offset", "Rows to skip.", {"type": "integer", "minimum": 0, "maximum": 1_000_000}),
]

# The record types the API returns, in the JSON their ``to_dict`` writes; their schemas come from the
# dataclasses themselves (pydantic), so a field added to a record is in the document at once.
_RECORDS: dict[str, type] = {"Event": Event, "Incident": Incident, "Document": Document, "Person": PersonRole}
# The document fields every listing of documents carries (the API's summary of a Document).
DOCUMENT_SUMMARY = ("id", "title", "source", "label", "url", "published", "published_precision", "duplicate_of")


@lru_cache(maxsize=1)
def record_schemas() -> dict[str, Any]:
    """JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the records, keyed by component name."""
    by_key, defs = TypeAdapter.json_schemas(
        [(name, "serialization", TypeAdapter(cls)) for name, cls in _RECORDS.items()],
        ref_template="#/components/schemas/{model}",
        union_format="primitive_type_array",
    )
    out: dict[str, Any] = dict(defs.get("$defs", {}))
    for (name, _mode), ref in by_key.items():  # each is a $ref to its definition under the class name
        cls_name = ref["$ref"].rsplit("/", 1)[-1]
        out[name] = out.pop(cls_name) if cls_name != name else out[name]
    # PersonRole.to_dict adds the id it derives and leaves out what is None
    person = out["Person"]
    person["properties"] = {"person_id": {"type": "string"}, **person["properties"]}
    person["required"] = ["person_id", "name"]
    doc = out.pop("Document")
    out["DocumentSummary"] = {
        "type": "object",
        "description": "A document without its text.",
        "required": ["id"],
        # ``label`` is derived (outlet, else title, else file name), not a stored field
        "properties": {k: doc["properties"].get(k, {"type": ["string", "null"]}) for k in DOCUMENT_SUMMARY},
    }
    out["DocumentDetail"] = {
        "allOf": [
            {"$ref": "#/components/schemas/DocumentSummary"},
            {
                "type": "object",
                "required": ["text", "events"],
                "properties": {
                    **{k: doc["properties"][k] for k in ("text", "language", "published_method")},
                    "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}},
                },
            },
        ]
    }
    return out


def _listing(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["count", "items"],
        "properties": {
            "count": {"type": "integer"},
            "limit": {"type": "integer"},
            "offset": {"type": "integer"},
            "items": {"type": "array", "items": item},
        },
    }


def _ok(schema: dict[str, Any], media: str = "application/json") -> dict[str, Any]:
    return {"description": "OK", "content": {media: {"schema": schema}}}


def _errors(*codes: int) -> dict[str, Any]:
    text = {
        400: "Bad parameter",
        401: "Missing or wrong token",
        404: "Not found",
        413: "Body too large",
        414: "URL too long",
    }
    return {
        str(c): {
            "description": text[c],
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        for c in codes
    }


def _get(summary: str, params: list[dict[str, Any]], ok: dict[str, Any], *codes: int) -> dict[str, Any]:
    codes = tuple(sorted({*codes, 414}))  # every URL is length-limited
    return {"get": {"summary": summary, "parameters": params, "responses": {"200": ok, **_errors(*codes)}}}


def _limit(default: int, maximum: int) -> dict[str, Any]:
    return _param(
        "limit",
        f"At most this many rows (default {default}).",
        {"type": "integer", "minimum": 1, "maximum": maximum},
    )


def _record_paths() -> dict[str, Any]:
    """The listing and single-record read endpoints."""
    ident = {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"}
    return {
        "/api/events": _get(
            "Events (one per source report)",
            [*FILTERS, _limit(100, 1000)],
            _ok(_listing({"$ref": "#/components/schemas/Event"})),
            400,
            414,
        ),
        "/api/incidents": _get(
            "Incidents (merged reports, with contradictions)",
            [*FILTERS, _limit(100, 1000)],
            _ok(_listing({"$ref": "#/components/schemas/Incident"})),
            400,
            414,
        ),
        "/api/incidents/{incident_id}": _get(
            "One incident with every report, its document and the evidence paragraph",
            [_param("incident_id", "Incident id.", ident, "path", True)],
            _ok({"$ref": "#/components/schemas/Incident"}),
            404,
            414,
        ),
        "/api/documents/{doc_id}": _get(
            "One document with its text and the events extracted from it",
            [_param("doc_id", "Document id.", ident, "path", True)],
            _ok({"$ref": "#/components/schemas/DocumentDetail"}),
            404,
        ),
        "/api/people": _get(
            "Who's who: person, role, organisation, first/last seen",
            [_param("name", "Name (substring).", TEXT), _limit(100, 1000)],
            _ok(_listing({"$ref": "#/components/schemas/Person"})),
            400,
        ),
    }


def _other_paths() -> dict[str, Any]:
    """The map, search and meta read endpoints."""
    return {
        "/api/map": _get(
            "Located incidents as a GeoJSON FeatureCollection (RFC 7946)",
            [*FILTERS, _limit(5000, 20000)],
            _ok(
                {
                    "type": "object",
                    "required": ["type", "features"],
                    "properties": {
                        "type": {"type": "string", "enum": ["FeatureCollection"]},
                        "features": {"type": "array"},
                    },
                },
                "application/geo+json",
            ),
            400,
            414,
        ),
        "/api/search": _get(
            "Full-text search over documents and incidents",
            [
                _param(
                    "q", "Words to find.", {**TEXT, "pattern": "^[^\\x00]*[^\\s\\x00][^\\x00]*$"}, required=True
                ),
                _limit(20, 1000),
            ],
            _ok(
                {
                    "type": "object",
                    "properties": {
                        "q": {"type": "string"},
                        "documents": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/DocumentSummary"},
                        },
                        "incidents": {"type": "array"},
                    },
                }
            ),
            400,
        ),
        "/api/meta": _get(
            "Filter values for the UI: types, sources, provinces, date range", [], _ok({"type": "object"})
        ),
    }


def _write_path() -> dict[str, Any]:
    """The token-protected ingest endpoint."""
    return {
        "post": {
            "summary": "Ingest one article (needs the server's token)",
            "security": [{"bearer": []}],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["text"],
                            "properties": {
                                k: {"type": "string"}
                                for k in ("text", "title", "source", "url", "published")
                            },
                        }
                    }
                },
            },
            "responses": {"201": _ok({"type": "object"}), **_errors(400, 401, 413)},
        }
    }


def schema(write: bool = False) -> dict[str, Any]:
    """The OpenAPI document; ``write`` adds the token-protected ingest endpoint."""
    paths: dict[str, Any] = {**_record_paths(), **_other_paths()}
    if write:
        paths["/api/documents"] = _write_path()
    doc: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {
            "title": "sitrep API",
            "version": __version__,
            "description": "Read-only JSON API over a sitrep database: events, incidents with their "
            "contradictions, documents, people. Article text is data: render it as text, never as HTML.",
        },
        "paths": paths,
        "components": {"schemas": {"Error": ERROR, **record_schemas()}},
    }
    if write:
        doc["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
    return doc
