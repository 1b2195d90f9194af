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
from sitrep.store.base import Store

require("starlette", "web")

from starlette.applications import Starlette  # noqa: E402
from starlette.exceptions import HTTPException  # noqa: E402
from starlette.requests import Request  # noqa: E402
from starlette.responses import FileResponse, JSONResponse, Response  # noqa: E402
from starlette.routing import Mount, Route  # noqa: E402
from starlette.staticfiles import StaticFiles  # noqa: E402

from sitrep.serve.endpoints import (  # noqa: E402
    ApiError,
    Endpoints,
)

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


@dataclass(frozen=True, slots=True)
class Limits:
    max_body: int = 1 << 20  # bytes of a request body
    max_url: int = 4096  # bytes of path + query string
    default_limit: int = 100
    max_limit: int = 1000  # rows of a list endpoint
    map_default: int = 5000
    map_max: int = 20_000  # features of /api/map
    max_offset: int = 1_000_000


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


def _cached(
    cache: ResponseCache, fn: Callable[[Request], dict[str, Any]], media_type: str = "application/json"
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


_PAGES = resources.files("sitrep") / "serve" / "templates"
_BASEMAPS = resources.files("sitrep") / "data" / "naturalearth"


def _page(name: str) -> Callable[[Request], Awaitable[Response]]:
    html = render_page(_PAGES, name).encode("utf-8")  # static shells: built once

    async def endpoint(request: Request) -> Response:
        return Response(html, media_type="text/html; charset=utf-8")

    return endpoint


def _basemap(name: str) -> Callable[[Request], Awaitable[Response]]:
    path = str(_BASEMAPS / name)

    async def endpoint(request: Request) -> Response:
        return FileResponse(
            path, media_type="application/geo+json", headers={"cache-control": "max-age=86400"}
        )

    return endpoint


async def _not_found(request: Request, exc: Exception) -> Response:
    return _err(404, "not found")


async def _http_error(request: Request, exc: Exception) -> Response:
    status = getattr(exc, "status_code", 500)
    detail = getattr(exc, "detail", "error")
    response = _err(status, str(detail))
    for k, v in (getattr(exc, "headers", None) or {}).items():
        response.headers[k] = v
    return response


async def _server_error(request: Request, exc: Exception) -> Response:
    return _err(500, "internal error")


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

    api = Endpoints(stores, limits, token, cache)

    def cached(fn: Callable[[Request], dict[str, Any]], media_type: str = "application/json"
               ) -> Callable[[Request], Response]:
        return _cached(cache, fn, media_type)

    routes = [
        Route("/", _page("index.html")),
        Route("/incident/{incident_id}", _page("incident.html")),
        Route("/document/{doc_id}", _page("document.html")),
        Route("/search", _page("search.html")),
        Route("/people", _page("people.html")),
        Route("/basemap/world.geojson", _basemap("world_110m.geojson")),
        Route("/basemap/admin1.geojson", _basemap("admin1_10m.geojson")),
        Route("/openapi.json", api.openapi),
        Route("/api/meta", cached(api.api_meta)),
        Route("/api/events", cached(api.api_events)),
        Route("/api/incidents", cached(api.api_incidents)),
        Route("/api/incidents/{incident_id}", cached(api.api_incident)),
        Route("/api/documents/{doc_id}", cached(api.api_document)),
        Route("/api/people", cached(api.api_people)),
        Route("/api/map", cached(api.api_map, "application/geo+json")),
        Route("/api/search", cached(api.api_search)),
        Mount("/static", app=StaticFiles(directory=str(resources.files("sitrep") / "serve" / "static"))),
    ]
    if token:
        routes.append(Route("/api/documents", api.api_add_document, methods=["POST"]))
    app = Starlette(
        routes=routes,
        exception_handlers={404: _not_found, HTTPException: _http_error, Exception: _server_error},
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


