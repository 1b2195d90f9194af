"""The only network code in sitrep: fetch one http(s) URL with a size cap and a deadline.

A fetcher is anything with ``fetch(url) -> Fetched``; ``HttpFetcher`` (standard library only)
is the default. Tests point it at a real HTTP server on loopback.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any, Protocol

from sitrep._version import __version__


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # final URL after redirects
    content: bytes
    content_type: str  # media type without parameters, lower case ("" if the server sent none)


class FetchError(Exception):
    """A URL could not be fetched; the message is one line for the user."""


class Fetcher(Protocol):
    def fetch(self, url: str) -> Fetched: ...


class _Deadline:
    """Shuts down every socket of one fetch when its time is up, wherever the fetch is blocked
    (connecting, reading headers, reading a body that arrives one byte at a time)."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._socks:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._socks.append(sock)
            if self.expired:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        self._timer.cancel()


def _watched(base: type[http.client.HTTPConnection], deadline: _Deadline) -> Any:
    class Connection(base):  # type: ignore[valid-type,misc]
        def connect(self) -> None:
            super().connect()
            deadline.watch(self.sock)

    return Connection


class _HttpHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_watched(http.client.HTTPConnection, self.deadline), req)


class _HttpsHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_watched(http.client.HTTPSConnection, self.deadline), req,
                            context=getattr(self, "_context", None))


@dataclass(frozen=True, slots=True)
class HttpFetcher:
    """GET over http(s) with urllib: redirects followed, body capped at ``max_bytes``.

    ``timeout`` is the deadline of the whole fetch (connection, redirects, headers and body), not
    only of each read: a server that drips a byte every few seconds is cut off at ``timeout``.
    """

    timeout: float = 20.0
    max_bytes: int = 20_000_000
    user_agent: str = f"sitrep/{__version__} (conflict news ingest)"

    def fetch(self, url: str) -> Fetched:
        if not url.lower().startswith(("http://", "https://")):
            raise FetchError("only http:// and https:// URLs can be fetched")
        req = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept": "*/*"})
        deadline = _Deadline(self.timeout)
        opener = urllib.request.build_opener(_HttpHandler(deadline), _HttpsHandler(deadline))
        timed_out = FetchError(f"timed out after {self.timeout:g} s")
        try:
            with opener.open(req, timeout=self.timeout) as resp:
                body = resp.read(self.max_bytes + 1)
                if deadline.expired:
                    raise timed_out
                if len(body) > self.max_bytes:
                    raise FetchError(f"response larger than {self.max_bytes / 1e6:.0f} MB")
                ctype = (resp.headers.get_content_type() or "").lower()
                if not resp.headers.get("Content-Type"):
                    ctype = ""
                return Fetched(url=resp.geturl(), content=body, content_type=ctype)
        except urllib.error.HTTPError as exc:
            raise FetchError(f"HTTP {exc.code} {exc.reason}") from exc
        except urllib.error.URLError as exc:
            if deadline.expired:
                raise timed_out from exc
            raise FetchError(f"cannot connect: {exc.reason}") from exc
        except TimeoutError as exc:
            raise timed_out from exc
        except (OSError, http.client.HTTPException) as exc:
            if deadline.expired:
                raise timed_out from exc
            raise FetchError(f"network error: {exc}") from exc
        finally:
            deadline.cancel()
