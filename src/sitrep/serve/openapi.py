"""The OpenAPI 3.0 description of the JSON API served at ``/openapi.json``."""

from __future__ import annotations

from typing import Any

from sitrep._version import __version__
from sitrep.records import EVENT_TYPES

__all__ = ["schema"]

_NULL_STR = {"type": "string", "nullable": True}
_NULL_INT = {"type": "integer", "nullable": True}
_NULL_NUM = {"type": "number", "nullable": True}

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
) -> dict:
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

PLACE = {
    "type": "object",
    "nullable": True,
    "properties": {
        "name": {"type": "string"},
        "admin1": _NULL_STR,
        "admin2": _NULL_STR,
        "country": _NULL_STR,
        "lat": _NULL_NUM,
        "lon": _NULL_NUM,
        "geonameid": _NULL_INT,
        "precision": {"type": "string", "enum": ["point", "district", "admin1", "country"]},
        "mention": _NULL_STR,
    },
}
ACTOR = {
    "type": "object",
    "nullable": True,
    "properties": {"name": {"type": "string"}, "type": _NULL_STR, "country": _NULL_STR, "mention": _NULL_STR},
}
EVIDENCE = {
    "type": "object",
    "required": ["text", "start", "end"],
    "properties": {"text": {"type": "string"}, "start": {"type": "integer"}, "end": {"type": "integer"}},
}
EVENT = {
    "type": "object",
    "required": ["doc_id", "event_id", "event_type", "date", "date_precision", "evidence"],
    "properties": {
        "doc_id": {"type": "string"},
        "event_id": {"type": "string"},
        "event_type": {"type": "string"},
        "sub_event_type": _NULL_STR,
        "date": _NULL_STR,
        "date_precision": {"type": "string"},
        "date_method": _NULL_STR,
        "actor1": ACTOR,
        "actor2": ACTOR,
        "location": PLACE,
        "fatalities": _NULL_INT,
        "injured": _NULL_INT,
        "method": _NULL_STR,
        "confidence": {"type": "number"},
        "evidence": EVIDENCE,
        "source": _NULL_STR,
        "generic": {"type": "boolean"},
        "notes": {"type": "array", "items": {"type": "string"}},
    },
}
CONTRADICTION = {
    "type": "object",
    "required": ["field", "values"],
    "properties": {
        "field": {"type": "string"},
        "kind": {"type": "string"},
        "values": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "value": {},
                    "event_ids": {"type": "array", "items": {"type": "string"}},
                    "evidence": {"type": "array", "items": EVIDENCE},
                    "sources": {"type": "array", "items": {"type": "string"}},
                    "doc_ids": {"type": "array", "items": {"type": "string"}},
                },
            },
        },
    },
}
INCIDENT = {
    "type": "object",
    "required": ["incident_id", "event_ids", "doc_ids", "event_type", "contradictions"],
    "properties": {
        "incident_id": {"type": "string"},
        "event_ids": {"type": "array", "items": {"type": "string"}},
        "doc_ids": {"type": "array", "items": {"type": "string"}},
        "date": _NULL_STR,
        "date_precision": {"type": "string"},
        "date_low": _NULL_STR,
        "date_high": _NULL_STR,
        "location": PLACE,
        "event_type": {"type": "string"},
        "sub_event_type": _NULL_STR,
        "actor1": ACTOR,
        "actor2": ACTOR,
        "fatalities": _NULL_INT,
        "fatalities_low": _NULL_INT,
        "fatalities_high": _NULL_INT,
        "injured": _NULL_INT,
        "method": _NULL_STR,
        "sources": {"type": "array", "items": {"type": "string"}},
        "contradictions": {"type": "array", "items": CONTRADICTION},
        "support": {"type": "object"},
    },
}
DOC_SUMMARY = {
    "type": "object",
    "required": ["id"],
    "properties": {
        "id": {"type": "string"},
        "title": _NULL_STR,
        "source": _NULL_STR,
        "url": _NULL_STR,
        "published": _NULL_STR,
        "published_precision": {"type": "string"},
        "duplicate_of": _NULL_STR,
    },
}
PERSON = {
    "type": "object",
    "required": ["person_id", "name"],
    "properties": {
        "person_id": {"type": "string"},
        "name": {"type": "string"},
        "role": {"type": "string"},
        "organisation": {"type": "string"},
        "country": {"type": "string"},
        "first_seen": {"type": "string"},
        "last_seen": {"type": "string"},
        "aliases": {"type": "array", "items": {"type": "string"}},
        "doc_ids": {"type": "array", "items": {"type": "string"}},
        "sources": {"type": "array", "items": {"type": "string"}},
        "evidence": {"type": "array", "items": EVIDENCE},
    },
}


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


def schema(write: bool = False) -> dict[str, Any]:
    """The OpenAPI document; ``write`` adds the token-protected ingest endpoint."""

    def limit(default: int, maximum: int) -> dict[str, Any]:
        return _param(
            "limit",
            f"At most this many rows (default {default}).",
            {"type": "integer", "minimum": 1, "maximum": maximum},
        )

    ident = {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"}
    paths: dict[str, Any] = {
        "/api/events": _get(
            "Events (one per source report)",
            [*FILTERS, limit(100, 1000)],
            _ok(_listing({"$ref": "#/components/schemas/Event"})),
            400,
            414,
        ),
        "/api/incidents": _get(
            "Incidents (merged reports, with contradictions)",
            [*FILTERS, limit(100, 1000)],
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
            _ok(
                {
                    "allOf": [
                        {"$ref": "#/components/schemas/DocumentSummary"},
                        {
                            "type": "object",
                            "properties": {"text": {"type": "string"}, "events": {"type": "array"}},
                        },
                    ]
                }
            ),
            404,
        ),
        "/api/people": _get(
            "Who's who: person, role, organisation, first/last seen",
            [_param("name", "Name (substring).", TEXT), limit(100, 1000)],
            _ok(_listing({"$ref": "#/components/schemas/Person"})),
            400,
        ),
        "/api/map": _get(
            "Located incidents as a GeoJSON FeatureCollection (RFC 7946)",
            [*FILTERS, limit(5000, 20000)],
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
                limit(20, 1000),
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
    if write:
        paths["/api/documents"] = {
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
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {
            "title": "sitrep API",
            "version": __version__,
            "description": "Read-only JSON API over a sitrep database: events, incidents with their "
            "contradictions, documents, people. Article text is data: render it as text, never as HTML.",
        },
        "paths": paths,
        "components": {
            "schemas": {
                "Error": ERROR,
                "Event": EVENT,
                "Incident": INCIDENT,
                "DocumentSummary": DOC_SUMMARY,
                "Person": PERSON,
            }
        },
    }
    if write:
        doc["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
    return doc
