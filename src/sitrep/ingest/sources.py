"""Paths, folders, globs and URLs -> a list of inputs, and each input -> its reader."""

from __future__ import annotations

import glob
import io
import os
import stat
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


def display_path(path: str) -> str:
    """``path`` as text that can be printed and stored: bytes of a file name that are not UTF-8
    (kept by Python as lone surrogates) are written as ``\\xNN`` escapes."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def not_regular(path: str) -> str | None:
    """Why ``path`` is not a regular file (a named pipe would block the reader forever), or None."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # the reader reports it (missing, permission denied, dangling link)
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    kind = ("a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    return f"skipped: {kind}, not a regular file"


def _walk(folder: Path, follow_symlinks: bool = False) -> Iterator[str | IngestError]:
    """Files under ``folder``. A link that leads out of the folder is skipped with one line unless
    ``follow_symlinks`` (links to folders are never followed: no loops)."""
    top = os.path.realpath(folder)
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or Path(name).suffix.lower() in SKIP_IN_FOLDERS:
                continue
            path = str(Path(root) / name)
            if not follow_symlinks and os.path.islink(path):
                target = os.path.realpath(path)
                if os.path.commonpath([top, target]) != top:
                    yield IngestError(display_path(path), "skipped: a link to a file outside the folder "
                                                          "(use --follow-symlinks to read it)")
                    continue
            yield path


def expand(paths: Iterable[str], *, follow_symlinks: bool = False) -> Iterator[str | IngestError]:
    """Each file behind ``paths`` (files, folders walked recursively, globs, URLs), once each.

    Inside folders, links that lead out of the folder are skipped unless ``follow_symlinks``; a
    file named on its own is read wherever it is.
    """
    seen: set[str] = set()

    def once(p: str | IngestError) -> Iterator[str | IngestError]:
        if isinstance(p, IngestError):
            yield p
            return
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
            for f in _walk(Path(p), follow_symlinks):
                yield from once(f)
        elif os.path.exists(p):
            yield from once(p)
        elif glob.has_magic(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield IngestError(p, "no files match this pattern")
            for m in matches:
                if os.path.isdir(m):
                    for f in _walk(Path(m), follow_symlinks):
                        yield from once(f)
                else:
                    yield from once(m)
        else:
            yield IngestError(display_path(p), "no such file or directory")


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
    """One local file -> its articles. Unreadable files become one IngestError.

    Named pipes, sockets and devices are skipped with one line (opening a pipe would wait for a
    writer forever). A reader that fails in an unforeseen way costs this file, never the batch.
    """
    origin = display_path(path)
    why = not_regular(path)
    if why:
        yield IngestError(origin, why)
        return
    try:
        with open(path, "rb") as fp:
            head = fp.read(4096)
            fp.seek(0)
            if not head:
                yield IngestError(origin, "empty file")
                return
            yield from read_stream(fp, origin, sniff_kind(path, head), limits, mapping)
    except IsADirectoryError:
        yield IngestError(origin, "is a directory")
    except PermissionError:
        yield IngestError(origin, "permission denied")
    except OSError as exc:
        yield IngestError(origin, f"cannot read: {exc.strerror or exc}")
    except RecursionError:
        yield IngestError(origin, "cannot read: nested too deeply")
    except Exception as exc:  # noqa: BLE001 - one bad file never stops the batch
        yield IngestError(origin, f"cannot read: {type(exc).__name__}: {exc}")


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
    try:
        if kind == "feed":
            for item in parse_feed(got.content, got.url, limits):
                if follow_links and isinstance(item, RawArticle) and item.url and is_url(item.url):
                    yield from _follow(item, fetcher)
                else:
                    yield item
            return
        yield from read_stream(io.BytesIO(got.content), got.url, kind, limits, mapping, url=got.url)
    except RecursionError:
        yield IngestError(got.url, "cannot read: nested too deeply")
    except Exception as exc:  # noqa: BLE001 - one bad URL never stops the batch
        yield IngestError(got.url, f"cannot read: {type(exc).__name__}: {exc}")


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
    follow_symlinks: bool = False,
) -> Iterator[RawArticle | IngestError]:
    """Every article behind ``paths``, in order, with one IngestError per input that failed.

    ``paths``: files, folders (recursive), glob patterns and http(s) URLs. Formats: plain text,
    HTML, CSV/TSV and JSONL/JSON records (``mapping`` such as ``{"text": "article_content"}``
    overrides the column auto-detection), RSS/Atom feeds and Telegram Desktop exports.
    ``follow_links``: for feed URLs, fetch each item's page instead of keeping its summary.
    ``follow_symlinks``: read links inside folders that lead out of the folder (skipped by default).
    Never raises on bad input.
    """
    limits = limits or Limits()
    fetcher = fetcher or HttpFetcher()
    for entry in expand(paths, follow_symlinks=follow_symlinks):
        if isinstance(entry, IngestError):
            yield entry
        elif is_url(entry):
            yield from read_url(entry, limits, mapping, fetcher, follow_links)
        else:
            yield from read_path(entry, limits, mapping)
