"""The web UI and JSON API of ``sitrep serve`` (Starlette, the ``web`` extra).

Hardening, on by default:

* binds to 127.0.0.1 unless told otherwise (see :func:`sitrep.serve.run`);
* read-only: the only write endpoint (``POST /api/documents``) exists only when a token is
  configured, and it wants ``Authorization: Bearer <token>``;
* every response carries a Content-Security-Policy without inline scripts
  (``script-src 'self'``), ``X-Content-Type-Options: nosniff``, ``X-Frame-Options: DENY`` with
  ``frame-ancestors 'none'``, ``Referrer-Policy: no-referrer`` and a restrictive permissions policy;
* the pages are static shells; ``app.js`` builds the DOM with ``textContent`` only, so article
  text can never become markup;
* every query goes through the Store interface (parameterised SQL); every parameter is validated
  here and a bad one gives a 400 JSON error, never a 500;
* request bodies over 1 MiB get 413, URLs over 4 KiB get 414, and ``limit`` is capped;
* the ``Host`` header must name this server (loopback names and the bound host, plus any the
  operator allows), else 421: a web page that rebinds its own DNS name to 127.0.0.1 (DNS
  rebinding) cannot read the database through a local browser.
"""

from __future__ import annotations

import contextlib
import gzip
import hmac
import json
import os
import re
import string
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable, Iterable, MutableMapping
from dataclasses import dataclass
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl, urlencode

from sitrep.errors import require
from sitrep.records import EVENT_TYPES, Document, Event, Incident, date_bounds
from sitrep.store.base import Query, Store

require("starlette", "web")

from starlette.applications import Starlette  # noqa: E402
from starlette.exceptions import HTTPException  # noqa: E402
from starlette.requests import Request  # noqa: E402
from starlette.responses import FileResponse, JSONResponse, Response  # noqa: E402
from starlette.routing import Mount, Route  # noqa: E402
from starlette.staticfiles import StaticFiles  # noqa: E402

__all__ = ["ApiError", "Limits", "create_app"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"
)
SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"geolocation=(), camera=(), microphone=(), interest-cohort=()"),
]
MAX_STR = 200  # longest accepted filter value (characters)


@dataclass(frozen=True, slots=True)
class Limits:
    max_body: int = 1 << 20  # bytes of a request body
    max_url: int = 4096  # bytes of path + query string
    default_limit: int = 100
    max_limit: int = 1000  # rows of a list endpoint
    map_default: int = 5000
    map_max: int = 20_000  # features of /api/map
    max_offset: int = 1_000_000


class ApiError(HTTPException):
    """A 4xx with a clear message, rendered as JSON."""


_FRONT = re.compile(r"<!-- (title|page|head|script): (.*?) -->\n")


def render_page(folder: Any, name: str) -> str:
    """A page shell: the shared ``_layout.html`` filled from the page file's front matter and body.

    A page file starts with ``<!-- title: ... -->``, ``<!-- page: ... -->`` and any number of
    ``<!-- head: <link ...> -->`` / ``<!-- script: <script ...> -->`` lines; the rest is its <main>.
    """
    text = (folder / name).read_text(encoding="utf-8")
    meta: dict[str, list[str]] = {"title": [], "page": [], "head": [], "script": []}
    pos = 0
    while m := _FRONT.match(text, pos):
        meta[m.group(1)].append(m.group(2))
        pos = m.end()
    layout = string.Template((folder / "_layout.html").read_text(encoding="utf-8"))
    return layout.substitute(
        title=meta["title"][0] if meta["title"] else "sitrep",
        page=meta["page"][0] if meta["page"] else name.removesuffix(".html"),
        head="".join(line + "\n" for line in meta["head"]),
        scripts="".join(line + "\n" for line in meta["script"]),
        main=text[pos:],
    )


def _err(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)


LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


def host_name(header: str) -> str:
    """The name in a ``Host`` header, lower case, without port or IPv6 brackets."""
    h = header.strip().lower()
    if h.startswith("["):
        return h[1 : h.find("]")] if "]" in h else h[1:]
    return h.rsplit(":", 1)[0] if h.count(":") == 1 else h


class Hardening:
    """Pure ASGI middleware: security headers on every response, URL and body size limits, and
    the ``Host`` check against DNS rebinding (``allowed_hosts`` None: any host)."""

    def __init__(self, app: ASGIApp, limits: Limits, allowed_hosts: frozenset[str] | None = LOOPBACK_HOSTS) -> None:
        self.app = app
        self.limits = limits
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                if scope["path"].startswith("/api/") or scope["path"] == "/openapi.json":
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        if self.allowed_hosts is not None:
            host = next((v for k, v in scope.get("headers", []) if k == b"host"), None)
            if host is not None and host_name(host.decode("latin-1")) not in self.allowed_hosts:
                await _err(421, "this server does not answer to that Host name (start it with --allow-host NAME)")(
                    scope, receive, send_with_headers
                )
                return
        url_len = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
        if url_len > self.limits.max_url:
            await _err(414, f"URL longer than {self.limits.max_url} bytes")(scope, receive, send_with_headers)
            return
        declared = None
        for k, v in scope.get("headers", []):
            if k == b"content-length":
                try:
                    declared = int(v)
                except ValueError:
                    await _err(400, "bad Content-Length")(scope, receive, send_with_headers)
                    return
        if declared is not None and declared > self.limits.max_body:
            await _err(413, f"request body larger than {self.limits.max_body} bytes")(
                scope, receive, send_with_headers
            )
            return

        received = 0
        max_body = self.limits.max_body

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > max_body:
                    raise ApiError(413, f"request body larger than {max_body} bytes")
            return message

        await self.app(scope, limited_receive, send_with_headers)


# -- parameter validation -----------------------------------------------------------------------------


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


class _Stores:
    """One store connection per thread (SQLite connections are not shared across threads)."""

    def __init__(self, url: str, opener: Callable[[str], Store]) -> None:
        self.url = url
        self.opener = opener
        self.local = threading.local()
        self.all: list[Store] = []
        self.lock = threading.Lock()

    def get(self) -> Store:
        store: Store | None = getattr(self.local, "store", None)
        if store is None:
            store = self.opener(self.url)
            self.local.store = store
            with self.lock:
                self.all.append(store)
        return store

    def close(self) -> None:
        with self.lock:
            for s in self.all:
                with contextlib.suppress(Exception):  # closing at shutdown: nothing to report
                    s.close()
            self.all.clear()


def _dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


def store_version(db: str) -> Callable[[], Hashable]:
    """A cheap token that changes whenever the database does.

    SQLite: the size and modification time of the database file and its write-ahead log (every
    commit appends to the WAL). Other stores: a 5-second clock, so cached answers are at most
    that stale.
    """
    if db.startswith(("postgresql://", "postgres://")) or db == ":memory:":
        return lambda: int(time.monotonic() // 5)
    path = db[len("sqlite:///") :] if db.startswith("sqlite:///") else db

    def version() -> Hashable:
        out: list[int] = []
        for p in (path, path + "-wal"):
            try:
                st = os.stat(p)
            except OSError:
                out += [0, 0]
                continue
            out += [st.st_mtime_ns, st.st_size]
        return tuple(out)

    return version


class ResponseCache:
    """Response bodies by request, dropped as soon as the database changes (read-mostly UI).

    One computation per key at a time (concurrent requests for the same key wait for the first);
    bounded in entries and bytes; large bodies are not kept.
    """

    def __init__(
        self,
        version: Callable[[], Hashable],
        max_entries: int = 512,
        max_bytes: int = 64 << 20,
        max_item: int = 8 << 20,
    ) -> None:
        self.version = version
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.max_item = max_item
        self.items: OrderedDict[str, bytes] = OrderedDict()
        self.size = 0
        self.seen: Hashable = None
        self.lock = threading.Lock()
        self.key_locks: dict[str, threading.Lock] = {}

    def clear(self) -> None:
        with self.lock:
            self.items.clear()
            self.size = 0
            self.seen = None

    def _lookup(self, key: str) -> bytes | None:
        with self.lock:
            now = self.version()
            if now != self.seen:
                self.items.clear()
                self.size = 0
                self.seen = now
            body = self.items.get(key)
            if body is not None:
                self.items.move_to_end(key)
            return body

    def get(self, key: str, compute: Callable[[], bytes]) -> bytes:
        body = self._lookup(key)
        if body is not None:
            return body
        with self.lock:
            key_lock = self.key_locks.setdefault(key, threading.Lock())
        with key_lock:
            body = self._lookup(key)
            if body is None:
                seen = self.seen
                body = compute()
                with self.lock:
                    if len(body) <= self.max_item and self.seen == seen:
                        self.items[key] = body
                        self.size += len(body)
                        while len(self.items) > self.max_entries or self.size > self.max_bytes:
                            _, old = self.items.popitem(last=False)
                            self.size -= len(old)
        with self.lock:
            if len(self.key_locks) > 4 * self.max_entries:
                self.key_locks.clear()
        return body


def cache_key(path: str, query: str) -> str:
    """One key per distinct answer: parameters sorted by name, repeated ones kept in their order
    (``?text=Raqqa&text=Idlib`` and its reverse are different queries: the last value counts)."""
    pairs = parse_qsl(query, keep_blank_values=True)
    return path + "?" + urlencode(sorted(pairs, key=lambda kv: kv[0]))


def create_app(
    db: str,
    *,
    token: str | None = None,
    limits: Limits | None = None,
    opener: Callable[[str], Store] | None = None,
    allowed_hosts: Iterable[str] | None = (),
) -> ASGIApp:
    """The ASGI app serving the UI and the JSON API over the store at ``db``.

    ``allowed_hosts``: ``Host`` names answered besides localhost, 127.0.0.1 and ::1 (``"*"``
    among them, or None: any).
    """
    from sitrep.store import open_store

    limits = limits or Limits()
    stores = _Stores(db, opener or open_store)
    stores.get()  # open (and migrate) once now, so a bad path fails at start-up
    cache = ResponseCache(version=store_version(db))

    def q(request: Request) -> Query:
        return query_from_request(request, limits.default_limit, limits.max_limit, limits.max_offset)

    def cached(
        fn: Callable[[Request], dict[str, Any]], media_type: str = "application/json"
    ) -> Callable[[Request], Response]:
        """A sync endpoint whose JSON body is cached until the database changes."""

        def endpoint(request: Request) -> Response:
            key = cache_key(request.url.path, request.url.query)
            body = cache.get(key, lambda: _dumps(fn(request)))
            headers = {"vary": "accept-encoding"}
            if len(body) > 2048 and "gzip" in request.headers.get("accept-encoding", ""):
                body = cache.get(key + "#gzip", lambda: gzip.compress(body, compresslevel=5, mtime=0))
                headers["content-encoding"] = "gzip"
            return Response(body, media_type=media_type, headers=headers)

        return endpoint

    def listing(items: list[dict[str, Any]], query: Query) -> dict[str, Any]:
        return {"count": len(items), "limit": query.limit, "offset": query.offset, "items": items}

    # -- API endpoints (sync: Starlette runs them in its thread pool) -------------------------------
    def api_events(request: Request) -> dict[str, Any]:
        query = q(request)
        return listing([e.to_dict() for e in stores.get().events(query)], query)

    def api_incidents(request: Request) -> dict[str, Any]:
        query = q(request)
        return listing([i.to_dict() for i in stores.get().incidents(query)], query)

    def api_incident(request: Request) -> dict[str, Any]:
        store = stores.get()
        inc = store.get_incident(_ident(request.path_params["incident_id"]))
        if inc is None:
            raise ApiError(404, "no such incident")
        return incident_detail(store, inc)

    def api_document(request: Request) -> dict[str, Any]:
        store = stores.get()
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

    def api_people(request: Request) -> dict[str, Any]:
        name = _str(request, "name")
        limit = _int(request, "limit", limits.default_limit, 1, limits.max_limit)
        people = stores.get().people(name=name, limit=limit)
        return {"count": len(people), "limit": limit, "items": [p.to_dict() for p in people]}

    def api_map(request: Request) -> dict[str, Any]:
        from sitrep.export import feature_collection

        query = query_from_request(request, limits.map_default, limits.map_max, limits.max_offset)
        return feature_collection(stores.get().incidents(query), located_only=True)

    def api_search(request: Request) -> dict[str, Any]:
        text = _str(request, "q")
        if text is None:
            raise ApiError(400, "q: a search text is required")
        limit = _int(request, "limit", 20, 1, limits.max_limit)
        store = stores.get()
        docs = store.documents(Query(text=text, limit=limit))
        incidents = store.incidents(Query(text=text, limit=limit))
        return {
            "q": text,
            "documents": [_doc_summary(d) | {"snippet": _snippet(d.text, text)} for d in docs],
            "incidents": [incident_summary(i) for i in incidents],
        }

    def api_meta(request: Request) -> dict[str, Any]:
        return build_meta(stores.get(), token is not None)

    async def api_add_document(request: Request) -> JSONResponse:
        auth = request.headers.get("authorization", "")
        if not token or not hmac.compare_digest(auth.encode(), f"Bearer {token}".encode()):
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

        report = await run_in_threadpool(ingest_text, stores.get, payload["text"], fields)
        cache.clear()
        return JSONResponse(report, status_code=201)

    def openapi(request: Request) -> JSONResponse:
        from sitrep.serve.openapi import schema

        return JSONResponse(schema(write=token is not None))

    pages = resources.files("sitrep") / "serve" / "templates"
    basemaps = resources.files("sitrep") / "data" / "naturalearth"

    def page(name: str) -> Callable[[Request], Awaitable[Response]]:
        html = render_page(pages, name).encode("utf-8")  # static shells: built once

        async def endpoint(request: Request) -> Response:
            return Response(html, media_type="text/html; charset=utf-8")

        return endpoint

    def basemap(name: str) -> Callable[[Request], Awaitable[Response]]:
        path = str(basemaps / name)

        async def endpoint(request: Request) -> Response:
            return FileResponse(
                path, media_type="application/geo+json", headers={"cache-control": "max-age=86400"}
            )

        return endpoint

    async def not_found(request: Request, exc: Exception) -> Response:
        return _err(404, "not found")

    async def http_error(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 500)
        detail = getattr(exc, "detail", "error")
        response = _err(status, str(detail))
        for k, v in (getattr(exc, "headers", None) or {}).items():
            response.headers[k] = v
        return response

    async def server_error(request: Request, exc: Exception) -> Response:
        return _err(500, "internal error")

    routes = [
        Route("/", page("index.html")),
        Route("/incident/{incident_id}", page("incident.html")),
        Route("/document/{doc_id}", page("document.html")),
        Route("/search", page("search.html")),
        Route("/people", page("people.html")),
        Route("/basemap/world.geojson", basemap("world_110m.geojson")),
        Route("/basemap/admin1.geojson", basemap("admin1_10m.geojson")),
        Route("/openapi.json", openapi),
        Route("/api/meta", cached(api_meta)),
        Route("/api/events", cached(api_events)),
        Route("/api/incidents", cached(api_incidents)),
        Route("/api/incidents/{incident_id}", cached(api_incident)),
        Route("/api/documents/{doc_id}", cached(api_document)),
        Route("/api/people", cached(api_people)),
        Route("/api/map", cached(api_map, "application/geo+json")),
        Route("/api/search", cached(api_search)),
        Mount("/static", app=StaticFiles(directory=str(resources.files("sitrep") / "serve" / "static"))),
    ]
    if token:
        routes.append(Route("/api/documents", api_add_document, methods=["POST"]))
    app = Starlette(
        routes=routes,
        exception_handlers={404: not_found, HTTPException: http_error, Exception: server_error},
        lifespan=_lifespan(stores),
    )
    hosts = None if allowed_hosts is None else [host_name(h) for h in allowed_hosts if h.strip()]
    allowed = None if hosts is None or "*" in hosts else LOOPBACK_HOSTS | frozenset(hosts)
    return Hardening(app, limits, allowed)


def _lifespan(stores: _Stores) -> Callable[[Any], Any]:
    @contextlib.asynccontextmanager
    async def lifespan(app: Any) -> Any:
        yield
        stores.close()

    return lifespan


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
    report = Pipeline(get_store()).ingest_raw([raw])
    return {
        "documents_new": report.documents_new,
        "documents_existing": report.documents_existing,
        "events": report.events,
        "errors": [{"origin": o, "message": m} for o, m in report.errors],
    }
