"""Paths, folders, globs and URLs -> a list of inputs, and each input -> its reader."""

from __future__ import annotations

import glob
import io
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO

from sitrep.ingest.decode import NotText, decode
from sitrep.ingest.fetch import Fetcher, FetchError, HttpFetcher
from sitrep.ingest.readers import (
    Item,
    Limits,
    is_feed,
    parse_feed,
    read_csv,
    read_feed,
    read_json,
    read_jsonl,
    read_text,
)
from sitrep.ingest.records import IngestError, RawArticle

KIND_BY_SUFFIX: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".csv": "csv", ".tsv": "tsv",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".json": "json",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}

# Files a folder walk passes over without complaint (media next to a channel export, office
# files, archives). Named explicitly, they still get a one-line error.
SKIP_IN_FOLDERS = frozenset(
    {
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".svg", ".ico", ".mp4", ".mov",
        ".avi", ".mkv", ".webm", ".mp3", ".ogg", ".oga", ".wav", ".m4a", ".opus", ".tgs", ".zip", ".gz", ".tgz",
        ".bz2", ".xz", ".7z", ".rar", ".tar", ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt",
        ".exe", ".bin", ".db", ".sqlite", ".pyc", ".css", ".js", ".woff", ".woff2", ".ttf",
    }
)


def is_url(s: str) -> bool:
    return s.lower().startswith(("http://", "https://"))


def _walk(folder: Path) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or Path(name).suffix.lower() in SKIP_IN_FOLDERS:
                continue
            yield str(Path(root) / name)


def expand(paths: Iterable[str]) -> Iterator[str | IngestError]:
    """Each file behind ``paths`` (files, folders walked recursively, globs, URLs), once each."""
    seen: set[str] = set()

    def once(p: str) -> Iterator[str]:
        key = p if is_url(p) else os.path.realpath(p)
        if key not in seen:
            seen.add(key)
            yield p

    for raw in paths:
        p = str(raw)
        if is_url(p):
            yield from once(p)
        elif "://" in p:
            yield IngestError(p, "unsupported URL scheme (only http:// and https://)")
        elif os.path.isdir(p):
            for f in _walk(Path(p)):
                yield from once(f)
        elif os.path.exists(p):
            yield from once(p)
        elif glob.has_magic(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield IngestError(p, "no files match this pattern")
            for m in matches:
                if os.path.isdir(m):
                    for f in _walk(Path(m)):
                        yield from once(f)
                elif os.path.isfile(m):
                    yield from once(m)
        else:
            yield IngestError(p, "no such file or directory")


def sniff_kind(name: str, head: bytes, content_type: str = "") -> str:
    """text | html | csv | tsv | jsonl | json | feed, from the name, the media type and the first bytes."""
    ct = content_type
    if ct in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return "feed"
    if ct in ("text/html", "application/xhtml+xml"):
        return "html"
    if ct in ("application/json",):
        return "json"
    if ct in ("application/x-ndjson", "application/jsonl", "application/jsonlines"):
        return "jsonl"
    if ct == "text/csv":
        return "csv"
    suffix = Path(name.split("?", 1)[0]).suffix.lower()
    kind = KIND_BY_SUFFIX.get(suffix)
    if kind == "feed" and not is_feed(head):
        kind = "text" if not head.lstrip().startswith(b"<") else "feed"
    if kind:
        return kind
    h = head[:2048].lstrip().lower()
    if ct in ("application/xml", "text/xml") or is_feed(head):
        return "feed"
    if h.startswith((b"<!doctype html", b"<html")) or b"<body" in h:
        return "html"
    if h.startswith((b"{", b"[")):
        first_line = h.split(b"\n", 1)[0].strip()
        return "jsonl" if first_line.endswith(b"}") and h.count(b"\n") > 0 else "json"
    return "text"


def read_stream(
    fp: IO[bytes], origin: str, kind: str, limits: Limits, mapping: Mapping[str, str] | None, url: str | None = None
) -> Iterator[Item]:
    if kind in ("text", "html"):
        yield from read_text(fp, origin, limits, is_html=kind == "html", url=url)
    elif kind in ("csv", "tsv"):
        yield from read_csv(fp, origin, limits, mapping, delimiter="\t" if kind == "tsv" else None)
    elif kind == "jsonl":
        yield from read_jsonl(fp, origin, limits, mapping)
    elif kind == "json":
        yield from read_json(fp, origin, limits, mapping)
    elif kind == "feed":
        yield from read_feed(fp, origin, limits)
    else:  # pragma: no cover - sniff_kind returns only the kinds above
        yield IngestError(origin, f"unknown input kind {kind!r}")


def read_path(path: str, limits: Limits, mapping: Mapping[str, str] | None) -> Iterator[Item]:
    """One local file -> its articles. Unreadable files become one IngestError."""
    try:
        with open(path, "rb") as fp:
            head = fp.read(4096)
            fp.seek(0)
            if not head:
                yield IngestError(path, "empty file")
                return
            yield from read_stream(fp, path, sniff_kind(path, head), limits, mapping)
    except IsADirectoryError:
        yield IngestError(path, "is a directory")
    except PermissionError:
        yield IngestError(path, "permission denied")
    except OSError as exc:
        yield IngestError(path, f"cannot read: {exc.strerror or exc}")


def read_url(
    url: str, limits: Limits, mapping: Mapping[str, str] | None, fetcher: Fetcher, follow_links: bool
) -> Iterator[Item]:
    """One URL: a page, a feed (optionally fetching each item's page) or a data file."""
    try:
        got = fetcher.fetch(url)
    except FetchError as exc:
        yield IngestError(url, str(exc))
        return
    if not got.content.strip():
        yield IngestError(url, "empty response")
        return
    kind = sniff_kind(got.url, got.content[:4096], got.content_type)
    if kind == "feed":
        for item in parse_feed(got.content, got.url, limits):
            if follow_links and isinstance(item, RawArticle) and item.url and is_url(item.url):
                yield from _follow(item, fetcher)
            else:
                yield item
        return
    yield from read_stream(io.BytesIO(got.content), got.url, kind, limits, mapping, url=got.url)


def _follow(item: RawArticle, fetcher: Fetcher) -> Iterator[Item]:
    """Replace a feed item by the page it links to, keeping the feed's title, date and outlet."""
    assert item.url is not None
    try:
        page = fetcher.fetch(item.url)
    except FetchError as exc:
        yield IngestError(item.url, f"{exc} (kept the feed summary instead)")
        yield item
        return
    try:
        html, _enc = decode(page.content)
    except NotText as exc:
        yield IngestError(page.url, f"not a web page: {exc} (kept the feed summary instead)")
        yield item
        return
    yield RawArticle(
        text=html if html.strip() else item.text,
        origin=page.url,
        title=item.title,
        source=item.source,
        url=page.url,
        published=item.published,
        is_html=True,
        extra=dict(item.extra),
    )


def iter_raw(
    paths: Iterable[str],
    *,
    mapping: Mapping[str, str] | None = None,
    limits: Limits | None = None,
    fetcher: Fetcher | None = None,
    follow_links: bool = False,
) -> Iterator[RawArticle | IngestError]:
    """Every article behind ``paths``, in order, with one IngestError per input that failed.

    ``paths``: files, folders (recursive), glob patterns and http(s) URLs. Formats: plain text,
    HTML, CSV/TSV and JSONL/JSON records (``mapping`` such as ``{"text": "article_content"}``
    overrides the column auto-detection), RSS/Atom feeds and Telegram Desktop exports.
    ``follow_links``: for feed URLs, fetch each item's page instead of keeping its summary.
    Never raises on bad input.
    """
    limits = limits or Limits()
    fetcher = fetcher or HttpFetcher()
    for entry in expand(paths):
        if isinstance(entry, IngestError):
            yield entry
        elif is_url(entry):
            yield from read_url(entry, limits, mapping, fetcher, follow_links)
        else:
            yield from read_path(entry, limits, mapping)
