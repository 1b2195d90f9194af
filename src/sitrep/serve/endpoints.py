"""The JSON API endpoints of ``sitrep serve`` (``Endpoints``: one method per route, over the store of
the app) and the request parameters and response shapes they share."""

from __future__ import annotations

import hmac
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sitrep.errors import require
from sitrep.records import EVENT_TYPES, Document, Event, Incident, date_bounds
from sitrep.store.base import Query, Store

if TYPE_CHECKING:
    from sitrep.serve.app import Limits, ResponseCache, _Stores

require("starlette", "web")

from starlette.exceptions import HTTPException  # noqa: E402
from starlette.requests import Request  # noqa: E402
from starlette.responses import JSONResponse  # noqa: E402

MAX_STR = 200  # longest accepted filter value (characters)


class ApiError(HTTPException):
    """A 4xx with a clear message, rendered as JSON."""


def _str(request: Request, name: str) -> str | None:
    value = request.query_params.get(name)
    if value is None or value.strip() == "":
        return None
    if len(value) > MAX_STR:
        raise ApiError(400, f"{name}: longer than {MAX_STR} characters")
    if "\x00" in value:
        raise ApiError(400, f"{name}: contains a NUL character")
    return value.strip()


def _int(request: Request, name: str, default: int, lo: int, hi: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(400, f"{name}: expected an integer, got {raw[:40]!r}") from None
    if not lo <= value <= hi:
        raise ApiError(400, f"{name}: must be between {lo} and {hi}")
    return value


def _date(request: Request, name: str) -> str | None:
    value = _str(request, name)
    if value is None:
        return None
    if date_bounds(value)[0] is None:
        raise ApiError(400, f"{name}: {value[:40]!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def _near(request: Request) -> tuple[float, float, float] | None:
    value = _str(request, "near")
    if value is None:
        return None
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError:
        raise ApiError(400, "near: expected LAT,LON,KM, e.g. 34.56,38.28,50") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km <= 20_000):
        raise ApiError(400, "near: LAT in [-90,90], LON in [-180,180], KM in (0, 20000]")
    return lat, lon, km


def query_from_request(request: Request, default_limit: int, max_limit: int, max_offset: int) -> Query:
    """The shared filters from a request's query string, validated."""
    return Query(
        country=_str(request, "country"),
        admin1=_str(request, "admin1"),
        since=_date(request, "since"),
        until=_date(request, "until"),
        type=_str(request, "type"),
        actor=_str(request, "actor"),
        near=_near(request),
        text=_str(request, "text"),
        source=_str(request, "source"),
        limit=_int(request, "limit", default_limit, 1, max_limit),
        offset=_int(request, "offset", 0, 0, max_offset),
    )


def _ident(value: str) -> str:
    if not value or len(value) > 64 or not all(c.isalnum() or c in "-_" for c in value):
        raise ApiError(404, "no such record")
    return value


# -- JSON shapes --------------------------------------------------------------------------------------


def _doc_summary(doc: Document) -> dict[str, Any]:
    from sitrep.serve.openapi import DOCUMENT_SUMMARY

    return {k: getattr(doc, k) for k in DOCUMENT_SUMMARY}


def _excerpt(text: str, start: int, end: int, room: int = 700) -> dict[str, Any]:
    """The paragraph around a span (at most ``room`` characters either side, cut at a word with "…").

    ``start``/``end`` index the span in the returned ``text``; ``offset`` is where its first character
    after a leading "…" lies in the document.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    lo = text.rfind("\n", max(0, start - room), start)
    cut_lo = lo < 0 and start - room > 0
    lo = max(0, start - room) if lo < 0 else lo + 1
    if cut_lo:
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    hi = text.find("\n", end, end + room)
    cut_hi = hi < 0 and end + room < len(text)
    hi = min(len(text), end + room) if hi < 0 else hi
    if cut_hi:
        space = text.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    lead = "…" if cut_lo else ""
    body = lead + text[lo:hi] + ("…" if cut_hi else "")
    return {"text": body, "offset": lo, "start": start - lo + len(lead), "end": end - lo + len(lead)}


def _snippet(text: str, query: str, room: int = 160) -> str:
    low = text.casefold()
    pos = -1
    for word in query.split():
        pos = low.find(word.casefold().strip('"'))
        if pos >= 0:
            break
    pos = max(0, pos)
    lo = max(0, pos - room // 2)
    return (
        ("…" if lo else "") + " ".join(text[lo : lo + room].split()) + ("…" if lo + room < len(text) else "")
    )




class Endpoints:
    """The API endpoints over one app's store (sync ones: Starlette runs them in its thread pool)."""

    def __init__(self, stores: _Stores, limits: Limits, token: str | None, cache: ResponseCache) -> None:
        self.stores, self.limits, self.token, self.cache = stores, limits, token, cache

    def q(self, request: Request) -> Query:
        return query_from_request(request, self.limits.default_limit, self.limits.max_limit, self.limits.max_offset)

    def listing(self, items: list[dict[str, Any]], query: Query) -> dict[str, Any]:
        return {"count": len(items), "limit": query.limit, "offset": query.offset, "items": items}

    def api_events(self, request: Request) -> dict[str, Any]:
        query = self.q(request)
        return self.listing([e.to_dict() for e in self.stores.get().events(query)], query)

    def api_incidents(self, request: Request) -> dict[str, Any]:
        query = self.q(request)
        return self.listing([i.to_dict() for i in self.stores.get().incidents(query)], query)

    def api_incident(self, request: Request) -> dict[str, Any]:
        store = self.stores.get()
        inc = store.get_incident(_ident(request.path_params["incident_id"]))
        if inc is None:
            raise ApiError(404, "no such incident")
        return incident_detail(store, inc)

    def api_document(self, request: Request) -> dict[str, Any]:
        store = self.stores.get()
        doc = store.get_document(_ident(request.path_params["doc_id"]))
        if doc is None:
            raise ApiError(404, "no such document")
        events = document_events(store, doc)
        links = store.incident_for_events(e.event_id for e in events)
        return _doc_summary(doc) | {
            "text": doc.text,
            "language": doc.language,
            "published_method": doc.published_method,
            "events": [e.to_dict() | {"incident_id": links.get(e.event_id)} for e in events],
        }

    def api_people(self, request: Request) -> dict[str, Any]:
        name = _str(request, "name")
        limit = _int(request, "limit", self.limits.default_limit, 1, self.limits.max_limit)
        people = self.stores.get().people(name=name, limit=limit)
        return {"count": len(people), "limit": limit, "items": [p.to_dict() for p in people]}

    def api_map(self, request: Request) -> dict[str, Any]:
        from sitrep.export import feature_collection

        query = query_from_request(request, self.limits.map_default, self.limits.map_max, self.limits.max_offset)
        return feature_collection(self.stores.get().incidents(query), located_only=True)

    def api_search(self, request: Request) -> dict[str, Any]:
        text = _str(request, "q")
        if text is None:
            raise ApiError(400, "q: a search text is required")
        limit = _int(request, "limit", 20, 1, self.limits.max_limit)
        store = self.stores.get()
        docs = store.documents(Query(text=text, limit=limit))
        incidents = store.incidents(Query(text=text, limit=limit))
        return {
            "q": text,
            "documents": [_doc_summary(d) | {"snippet": _snippet(d.text, text)} for d in docs],
            "incidents": [incident_summary(i) for i in incidents],
        }

    def api_meta(self, request: Request) -> dict[str, Any]:
        return build_meta(self.stores.get(), self.token is not None)

    async def api_add_document(self, request: Request) -> JSONResponse:
        auth = request.headers.get("authorization", "")
        if not self.token or not hmac.compare_digest(auth.encode(), f"Bearer {self.token}".encode()):
            raise ApiError(401, "a valid 'Authorization: Bearer <token>' header is required")
        try:
            payload = json.loads(await request.body())
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise ApiError(400, "the body must be a JSON object") from None
        except RecursionError:
            raise ApiError(400, "the body is nested too deeply to be an article") from None
        if (
            not isinstance(payload, dict)
            or not isinstance(payload.get("text"), str)
            or not payload["text"].strip()
        ):
            raise ApiError(400, "the body must be a JSON object with a non-empty 'text'")
        fields = {k: payload.get(k) for k in ("title", "source", "url", "published")}
        if any(v is not None and not isinstance(v, str) for v in fields.values()):
            raise ApiError(400, "title, source, url and published must be strings")
        from starlette.concurrency import run_in_threadpool

        report = await run_in_threadpool(ingest_text, self.stores.get, payload["text"], fields)
        self.cache.clear()
        return JSONResponse(report, status_code=201)

    def openapi(self, request: Request) -> JSONResponse:
        from sitrep.serve.openapi import schema

        return JSONResponse(schema(write=self.token is not None))


# -- shapes shared by the endpoints -------------------------------------------------------------------


def incident_summary(inc: Incident) -> dict[str, Any]:
    loc = inc.location
    return {
        "incident_id": inc.incident_id,
        "date": inc.date,
        "date_precision": inc.date_precision,
        "event_type": inc.event_type,
        "sub_event_type": inc.sub_event_type,
        "place": loc.name if loc else None,
        "admin1": loc.admin1 if loc else None,
        "country": loc.country if loc else None,
        "fatalities": inc.fatalities,
        "sources": list(inc.sources),
        "contradictions": [c.field for c in inc.contradictions],
    }


def incident_detail(store: Store, inc: Incident) -> dict[str, Any]:
    """An incident with each report, its document and the paragraph around its evidence."""
    reports = []
    for ev in store.get_events(inc.event_ids):
        doc = store.get_document(ev.doc_id)
        reports.append(
            {
                "event": ev.to_dict(),
                "document": _doc_summary(doc) if doc else None,
                "excerpt": _excerpt(doc.text, ev.evidence.start, ev.evidence.end) if doc else None,
            }
        )
    return inc.to_dict() | {"reports": reports}


def document_events(store: Store, doc: Document, cap: int = 5000) -> list[Event]:
    """The events extracted from one document.

    Uses a ``doc_id`` filter when the store's Query has one; otherwise narrows by the document's
    outlet and keeps the document's own events (bounded by ``cap``).
    """
    if "doc_id" in Query.__dataclass_fields__:
        by_doc: dict[str, Any] = {"doc_id": doc.id, "limit": cap}
        events = store.events(Query(**by_doc))
    elif doc.source:
        events = store.events(Query(source=doc.source, limit=cap))
    else:
        events = store.events(Query(limit=cap))
    return sorted((e for e in events if e.doc_id == doc.id), key=lambda e: e.evidence.start)


def build_meta(store: Store, writable: bool) -> dict[str, Any]:
    """What the UI needs to build its filters: types, sources, provinces, the date range."""
    from sitrep.brief_svg import TYPE_COLOURS
    from sitrep.export import country_info

    incidents = store.incidents(Query(limit=100_000))
    sources: dict[str, int] = {}
    admin1: dict[str, int] = {}
    countries: dict[str, int] = {}
    dates = []
    for i in incidents:
        for s in i.sources:
            sources[s] = sources.get(s, 0) + 1
        if i.location and i.location.admin1:
            admin1[i.location.admin1] = admin1.get(i.location.admin1, 0) + 1
        if i.location and i.location.country:
            countries[i.location.country] = countries.get(i.location.country, 0) + 1
        lo, hi = (i.date_low or date_bounds(i.date)[0]), (i.date_high or date_bounds(i.date)[1])
        if lo:
            dates.append(lo)
        if hi:
            dates.append(hi)
    return {
        "stats": store.stats(),
        "event_types": {k: list(v) for k, v in EVENT_TYPES.items()},
        "colours": TYPE_COLOURS,
        "sources": sorted(sources, key=lambda s: (-sources[s], s))[:200],
        "admin1": sorted(admin1)[:500],
        "countries": [
            {"code": c, "name": country_info(c)["name"] or c, "count": n}
            for c, n in sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))[:100]
        ],
        # the slider's span: every incident's dates, first to last
        "date_min": min(dates, default=None),
        "date_max": max(dates, default=None),
        "writable": writable,
    }


def ingest_text(get_store: Callable[[], Store], text: str, fields: dict[str, Any]) -> dict[str, Any]:
    """Ingest one posted article through the normal pipeline (the write endpoint, token only)."""
    from sitrep.ingest.records import RawArticle
    from sitrep.pipeline import Pipeline

    raw = RawArticle(text=text, origin="api", **{k: v for k, v in fields.items() if v})
    report = Pipeline.from_settings(get_store()).ingest_raw([raw])
    return {
        "documents_new": report.documents_new,
        "documents_existing": report.documents_existing,
        "events": report.events,
        "errors": [{"origin": o, "message": m} for o, m in report.errors],
    }
