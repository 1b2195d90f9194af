"""The only network code in sitrep: fetch one http(s) URL with a size cap and a timeout.

A fetcher is anything with ``fetch(url) -> Fetched``; ``HttpFetcher`` (standard library only)
is the default. Tests point it at a real HTTP server on loopback.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Protocol

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


@dataclass(frozen=True, slots=True)
class HttpFetcher:
    """GET over http(s) with urllib: redirects followed, body capped at ``max_bytes``."""

    timeout: float = 20.0
    max_bytes: int = 20_000_000
    user_agent: str = f"sitrep/{__version__} (conflict news ingest)"

    def fetch(self, url: str) -> Fetched:
        if not url.lower().startswith(("http://", "https://")):
            raise FetchError("only http:// and https:// URLs can be fetched")
        req = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept": "*/*"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310 (scheme checked above)
                body = resp.read(self.max_bytes + 1)
                if len(body) > self.max_bytes:
                    raise FetchError(f"response larger than {self.max_bytes / 1e6:.0f} MB")
                ctype = (resp.headers.get_content_type() or "").lower()
                if not resp.headers.get("Content-Type"):
                    ctype = ""
                return Fetched(url=resp.geturl(), content=body, content_type=ctype)
        except urllib.error.HTTPError as exc:
            raise FetchError(f"HTTP {exc.code} {exc.reason}") from exc
        except urllib.error.URLError as exc:
            raise FetchError(f"cannot connect: {exc.reason}") from exc
        except TimeoutError as exc:
            raise FetchError(f"timed out after {self.timeout:g} s") from exc
        except OSError as exc:
            raise FetchError(f"network error: {exc}") from exc
