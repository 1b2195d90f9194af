"""One reader per input format. Each takes a binary stream and yields RawArticle | IngestError.

Readers never raise on bad input: a file, row, line or item that cannot be read becomes an
IngestError with a one-line reason and the rest goes on. Row-oriented formats (CSV, JSONL)
are streamed; formats that must be parsed whole (JSON, XML feeds) are size-capped first.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import IO, Any

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from sitrep.ingest.decode import NotText, decode, detect_encoding
from sitrep.ingest.records import IngestError, RawArticle

Item = RawArticle | IngestError

FIELDS = ("text", "title", "published", "source", "url", "id", "language")

# Column / key names recognised without a mapping, best first (compared after normalising
# case and punctuation: "Article Content" == "article_content").
AUTO_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article_content", "article_text", "article", "full_text",
             "fulltext", "story", "message", "content_text", "description", "summary"),
    "title": ("title", "article_title", "headline", "heading", "head", "subject"),
    "published": ("published", "date", "published_at", "publication_date", "pubdate", "pub_date",
                  "publish_date", "date_published", "datetime", "timestamp", "created_at", "time"),
    "source": ("source", "outlet", "publisher", "source_name", "site", "site_name", "sitename",
               "newspaper", "channel", "feed"),
    "url": ("url", "link", "href", "article_url", "source_url", "permalink"),
    "id": ("id", "unit_id", "doc_id", "article_id", "guid", "uid", "uuid"),
    "language": ("language", "lang"),
}

_HTML_HINT = re.compile(r"<(?:p|div|br|html|body|article|span|a|h[1-6]|ul|li|table)\b[^>]*>", re.I)


@dataclass(frozen=True, slots=True)
class Limits:
    """Size caps that keep one huge or hostile input from exhausting memory or time."""

    max_file_bytes: int = 5_000_000  # a file that is one article (text, HTML)
    max_parsed_bytes: int = 256_000_000  # a file parsed whole (JSON, RSS/Atom)
    max_article_chars: int = 1_000_000  # one article inside a table, feed or export


def looks_like_html(text: str) -> bool:
    return bool(_HTML_HINT.search(text[:4000]))


def _show_columns(columns: list[str] | list[Any]) -> str:
    shown = [repr(str(c))[1:-1][:40] for c in columns[:20]]
    return ", ".join(shown) + (f" (+{len(columns) - 20} more)" if len(columns) > 20 else "") or "(none)"


def _norm_key(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", name.strip().casefold()).strip("_")


def resolve_mapping(columns: list[str], mapping: Mapping[str, str] | None = None) -> dict[str, str]:
    """field -> column name. Explicit ``mapping`` entries win; the rest is matched by name."""
    mapping = dict(mapping or {})
    unknown = sorted(set(mapping) - set(FIELDS))
    if unknown:
        raise ValueError(f"unknown mapping field(s) {', '.join(unknown)}; known: {', '.join(FIELDS)}")
    by_norm = {_norm_key(c): c for c in reversed(columns)}
    out: dict[str, str] = {}
    for fld in FIELDS:
        if fld in mapping:
            col = mapping[fld]
            if "." not in col and col not in columns and _norm_key(col) not in by_norm:
                raise ValueError(f"mapping {fld}={col}: no such column (columns: {_show_columns(columns)})")
            out[fld] = col if ("." in col or col in columns) else by_norm[_norm_key(col)]
            continue
        taken = set(out.values()) | set(mapping.values())
        for cand in AUTO_COLUMNS[fld]:
            found = by_norm.get(cand)
            if found is not None and found not in taken:
                out[fld] = found
                break
    return out


def _lookup(record: Mapping[str, Any], col: str) -> Any:
    if col in record:
        return record[col]
    cur: Any = record
    for part in col.split("."):  # dotted path into nested JSON
        if not isinstance(cur, Mapping) or part not in cur:
            return None
        cur = cur[part]
    return cur


MAX_VALUE_DEPTH = 16  # lists / objects inside one field ("text": [["..."]]): deeper is not an article


class TooDeep(ValueError):
    """A record value nested deeper than MAX_VALUE_DEPTH."""


def _as_text(value: Any, depth: int = 0) -> str | None:
    if value is None:
        return None
    if depth > MAX_VALUE_DEPTH:
        raise TooDeep(f"a value is nested more than {MAX_VALUE_DEPTH} levels deep")
    if isinstance(value, str):
        s = value
    elif isinstance(value, list):
        s = "\n".join(x for x in (_as_text(v, depth + 1) for v in value) if x)
    elif isinstance(value, dict):
        s = _as_text(value.get("text") or value.get("value") or value.get("name"), depth + 1) or ""
    else:
        s = str(value)
    s = s.strip()
    return s or None


def record_to_article(
    record: Mapping[str, Any], cols: Mapping[str, str], origin: str, position: str, limits: Limits
) -> Item:
    """One CSV row / JSON record -> RawArticle (or IngestError when it has no usable text).

    ``origin`` is the file or URL; the article's origin is ``origin#ID`` when the record has an
    id, else ``origin#POSITION`` (``row5``, ``line12``, ``3``).
    """
    try:
        got = {fld: _as_text(_lookup(record, col)) for fld, col in cols.items()}
    except TooDeep as exc:
        return IngestError(f"{origin}#{position}", str(exc))
    where = f"{origin}#{got.get('id') or position}"
    text = got.get("text")
    if not text:
        return IngestError(f"{origin}#{position}", "no text in this record")
    if len(text) > limits.max_article_chars:
        return IngestError(where, f"text of {len(text):,} characters exceeds the {limits.max_article_chars:,} cap")
    used = set(cols.values())
    extra: dict[str, str] = {}
    for k, val in record.items():
        if k in used:
            continue
        try:
            v = _as_text(val)
        except TooDeep:
            continue  # an odd extra field: dropped, the article stays
        if v:
            extra[str(k)] = v
    return RawArticle(
        text=text,
        origin=where,
        title=got.get("title"),
        source=got.get("source"),
        url=got.get("url"),
        published=got.get("published"),
        is_html=looks_like_html(text),
        language=got.get("language"),
        extra=extra,
    )


def _text_stream(fp: IO[bytes], origin: str) -> tuple[IO[str] | None, IngestError | None]:
    head = fp.read(262144)
    if not head:
        return None, IngestError(origin, "empty file")
    try:
        enc = detect_encoding(head)
    except NotText as exc:
        return None, IngestError(origin, f"not text: {exc}")
    rest = io.BufferedReader(_Prepend(head, fp))
    return io.TextIOWrapper(rest, encoding=enc, errors="replace", newline=""), None


class _Prepend(io.RawIOBase):
    """A raw stream that yields ``head`` and then the rest of ``fp`` (no seeking needed)."""

    def __init__(self, head: bytes, fp: IO[bytes]) -> None:
        self._head = head
        self._fp = fp

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if self._head:
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        chunk = self._fp.read(len(b))
        n = len(chunk)
        b[:n] = chunk
        return n


# --------------------------------------------------------------------------- plain text, HTML


def read_text(
    fp: IO[bytes], origin: str, limits: Limits, *, is_html: bool = False, url: str | None = None
) -> Iterator[Item]:
    data = fp.read(limits.max_file_bytes + 1)
    if not data:
        yield IngestError(origin, "empty file")
        return
    if len(data) > limits.max_file_bytes:
        yield IngestError(
            origin,
            f"larger than {limits.max_file_bytes / 1e6:.0f} MB: too big for one article "
            "(split it, or use JSONL/CSV for many articles)",
        )
        return
    try:
        text, _enc = decode(data)
    except NotText as exc:
        yield IngestError(origin, f"not text: {exc}")
        return
    if not text.strip():
        yield IngestError(origin, "no text (only whitespace)")
        return
    if is_html and not looks_like_html(text) and "<" not in text[:2000]:
        is_html = False
    yield RawArticle(text=text, origin=origin, url=url, is_html=is_html)


# --------------------------------------------------------------------------- CSV and JSONL


def read_csv(fp: IO[bytes], origin: str, limits: Limits, mapping: Mapping[str, str] | None = None,
             *, delimiter: str | None = None) -> Iterator[Item]:
    stream, err = _text_stream(fp, origin)
    if err or stream is None:
        yield err or IngestError(origin, "unreadable")
        return
    lines = BoundedLines(stream, line_limit(limits))
    csv.field_size_limit(line_limit(limits))
    first = next(iter(lines), "")
    if delimiter is None:
        counts = {d: first.count(d) for d in (",", "\t", ";", "|")}
        delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    source = _chain_first(first, lines)
    reader = csv.reader(source, delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        yield IngestError(origin, f"not a CSV file: {exc or 'no header row'}")
        return
    try:
        cols = resolve_mapping(header, mapping)
    except ValueError as exc:
        yield IngestError(origin, str(exc))
        return
    if "text" not in cols:
        yield IngestError(origin, f"no text column among {_show_columns(header)}; pass a mapping such as text=COLUMN")
        return
    row_no = 1
    failures = 0  # malformed rows in a row
    total_failures = 0
    while True:
        yield from lines.drain_errors(origin)
        if failures >= MAX_BAD_ROWS_IN_A_ROW or total_failures >= MAX_BAD_ROWS:
            n = MAX_BAD_ROWS_IN_A_ROW if failures >= MAX_BAD_ROWS_IN_A_ROW else MAX_BAD_ROWS
            yield IngestError(origin, f"gave up after {n} malformed rows")
            break
        try:
            row = next(reader)
        except StopIteration:
            yield from lines.drain_errors(origin)
            break
        except csv.Error as exc:
            row_no += 1
            what = f"malformed CSV: {exc}"
            if "end of data" in str(exc):
                what = "truncated row (a quoted field never closes)"
            elif "field larger than field limit" in str(exc):
                # the reader stopped inside a huge quoted field: read through to where it closes, so
                # its lines are one error, not one "row" each, and the rows after it are kept
                skipped = _skip_open_field(source)
                what = (f"a field larger than {line_limit(limits):,} characters "
                        f"(skipped, with {skipped:,} more lines of it)")
            yield IngestError(f"{origin}#row{row_no}", what)
            failures += 1
            total_failures += 1
            continue
        row_no += 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            yield IngestError(f"{origin}#row{row_no}", f"truncated row ({len(row)} of {len(header)} columns)")
            failures += 1
            total_failures += 1
            continue
        failures = 0
        yield record_to_article(dict(zip(header, row, strict=False)), cols, origin, f"row{row_no}", limits)


MAX_BAD_ROWS_IN_A_ROW = 100  # a CSV file whose rows keep failing is not the CSV it claims to be
MAX_BAD_ROWS = 1000


def _skip_open_field(lines: Iterator[str]) -> int:
    """Consume ``lines`` up to the end of the record whose quoted field is open (a quote not
    doubled closes it; a quote outside a field opens the next). Returns the lines consumed."""
    in_quote = True
    n = 0
    for line in lines:
        n += 1
        i = 0
        while (j := line.find('"', i)) >= 0:
            if in_quote and line.startswith('"', j + 1):
                i = j + 2  # a doubled quote inside the field
                continue
            in_quote = not in_quote
            i = j + 1
        if not in_quote:
            break
    return n


def _chain_first(first: str, rest: Iterable[str]) -> Iterator[str]:
    yield first
    yield from rest


def line_limit(limits: Limits) -> int:
    """The longest physical line read: room for one capped article with JSON escapes or CSV quoting."""
    return 8 * limits.max_article_chars + 65_536


class BoundedLines:
    """Lines of a text stream, never holding more than ``limit`` characters of one line in memory.

    A longer line is skipped (read through in chunks) and noted; ``drain_errors`` turns the notes
    into one IngestError each, so a huge record costs one error, not the machine's memory.
    """

    def __init__(self, stream: IO[str], limit: int) -> None:
        self.stream = stream
        self.limit = limit
        self.line_no = 0
        self.skipped: list[int] = []

    def __iter__(self) -> Iterator[str]:
        while True:
            line = self.stream.readline(self.limit)
            if not line:
                return
            self.line_no += 1
            if len(line) >= self.limit and not line.endswith("\n"):
                while True:  # read through the rest of the oversized line
                    rest = self.stream.readline(self.limit)
                    if not rest or rest.endswith("\n"):
                        break
                self.skipped.append(self.line_no)
                continue
            yield line

    def drain_errors(self, origin: str) -> Iterator[IngestError]:
        for n in self.skipped:
            yield IngestError(f"{origin}#line{n}", f"record larger than {self.limit:,} characters (skipped)")
        self.skipped.clear()


def read_jsonl(fp: IO[bytes], origin: str, limits: Limits, mapping: Mapping[str, str] | None = None) -> Iterator[Item]:
    stream, err = _text_stream(fp, origin)
    if err or stream is None:
        yield err or IngestError(origin, "unreadable")
        return
    cache: dict[tuple[str, ...], dict[str, str]] = {}
    lines = BoundedLines(stream, line_limit(limits))
    for line in lines:
        yield from lines.drain_errors(origin)
        line_no = lines.line_no
        if not line.strip():
            continue
        where = f"{origin}#line{line_no}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        except RecursionError:
            yield IngestError(where, "invalid JSON (nested too deeply)")
            continue
        if not isinstance(rec, dict):
            yield IngestError(where, f"expected a JSON object per line, got {type(rec).__name__}")
            continue
        yield from _records([rec], origin, limits, mapping, cache, [f"line{line_no}"])
    yield from lines.drain_errors(origin)


def _records(records: list[Any], origin: str, limits: Limits, mapping: Mapping[str, str] | None,
             cache: dict[tuple[str, ...], dict[str, str]], positions: list[str] | None = None) -> Iterator[Item]:
    for i, rec in enumerate(records):
        position = positions[i] if positions else str(i + 1)
        if not isinstance(rec, dict):
            yield IngestError(f"{origin}#{position}", f"expected a JSON object, got {type(rec).__name__}")
            continue
        key = tuple(rec)
        if key not in cache:
            try:
                cache[key] = resolve_mapping(list(rec), mapping)
            except ValueError as exc:
                yield IngestError(f"{origin}#{position}", str(exc))
                continue
        cols = cache[key]
        if "text" not in cols:
            yield IngestError(f"{origin}#{position}",
                              f"no text field among {_show_columns(list(rec))}; pass a mapping such as text=KEY")
            continue
        yield record_to_article(rec, cols, origin, position, limits)


# --------------------------------------------------------------------------- JSON (records or Telegram)


def read_json(fp: IO[bytes], origin: str, limits: Limits, mapping: Mapping[str, str] | None = None) -> Iterator[Item]:
    data = fp.read(limits.max_parsed_bytes + 1)
    if not data.strip():
        yield IngestError(origin, "empty file")
        return
    if len(data) > limits.max_parsed_bytes:
        yield IngestError(origin, f"JSON file larger than {limits.max_parsed_bytes / 1e6:.0f} MB; use JSONL")
        return
    try:
        text, _ = decode(data)
        doc = json.loads(text)
    except NotText as exc:
        yield IngestError(origin, f"not text: {exc}")
        return
    except json.JSONDecodeError as exc:
        yield IngestError(origin, f"invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")
        return
    except RecursionError:
        yield IngestError(origin, "invalid JSON (nested too deeply)")
        return
    if isinstance(doc, dict) and "messages" in doc:
        yield from telegram_messages(doc, origin, limits)
        return
    records: Any = doc
    if isinstance(doc, dict):
        for key in ("articles", "items", "documents", "data", "results", "records"):
            if isinstance(doc.get(key), list):
                records = doc[key]
                break
        else:
            records = [doc]
    if not isinstance(records, list):
        yield IngestError(origin, "JSON holds neither a list of articles nor a Telegram export")
        return
    yield from _records(records, origin, limits, mapping, {})


def telegram_text(value: Any) -> str:
    """Telegram Desktop writes ``text`` as a string or a list of strings and entity objects."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts: list[str] = []
        for part in value:
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, dict) and isinstance(part.get("text"), str):
                parts.append(part["text"])
        return "".join(parts)
    return ""


def telegram_messages(doc: dict[str, Any], origin: str, limits: Limits) -> Iterator[Item]:
    """A Telegram Desktop channel export (``result.json``): one article per text message."""
    messages = doc.get("messages")
    if not isinstance(messages, list):
        yield IngestError(origin, "not a Telegram export: 'messages' is not a list")
        return
    channel = doc.get("name") if isinstance(doc.get("name"), str) else None
    username = doc.get("username") if isinstance(doc.get("username"), str) else None
    for i, msg in enumerate(messages, 1):
        if not isinstance(msg, dict):
            yield IngestError(f"{origin}#{i}", "message is not an object")
            continue
        if msg.get("type", "message") != "message":
            continue  # service messages: joins, pins, title changes
        text = telegram_text(msg.get("text"))
        if not text.strip() and "text_entities" in msg:
            text = telegram_text(msg.get("text_entities"))
        msg_id = msg.get("id", i)
        where = f"{origin}#{msg_id}"
        if not text.strip():
            continue  # a photo or sticker without a caption carries no report
        if len(text) > limits.max_article_chars:
            yield IngestError(where, f"message of {len(text):,} characters exceeds the cap")
            continue
        date = msg.get("date")
        extra = {k: str(msg[k]) for k in ("id", "views", "forwarded_from", "reply_to_message_id") if k in msg}
        yield RawArticle(
            text=text.strip(),
            origin=where,
            source=channel or (str(msg["from"]) if isinstance(msg.get("from"), str) else None),
            url=f"https://t.me/{username}/{msg_id}" if username else None,
            published=date if isinstance(date, str) else None,
            extra=extra,
        )


# --------------------------------------------------------------------------- RSS / Atom

_NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "rss1": "http://purl.org/rss/1.0/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child_text(el: Any, *names: str) -> str | None:
    """Text of the first child whose local name (or ns:name) is in ``names``."""
    for name in names:
        if ":" in name:
            prefix, local = name.split(":", 1)
            found = el.find(f"{{{_NS[prefix]}}}{local}")
        else:
            allowed = {name, f"{{{_NS['atom']}}}{name}", f"{{{_NS['rss1']}}}{name}"}
            found = next((child for child in el if child.tag in allowed), None)
        if found is not None:
            if len(found) and found.get("type") == "xhtml":
                value = "".join(SafeET.tostring(c, encoding="unicode") for c in found)
            else:
                value = "".join(found.itertext())
            if value and value.strip():
                return value.strip()
    return None


def is_feed(head: bytes) -> bool:
    h = head[:2048].lstrip().lower()
    return h.startswith(b"<?xml") and (b"<rss" in h or b"<feed" in h or b"<rdf:rdf" in h) or \
        h.startswith((b"<rss", b"<feed", b"<rdf:rdf"))


def read_feed(fp: IO[bytes], origin: str, limits: Limits) -> Iterator[Item]:
    data = fp.read(limits.max_parsed_bytes + 1)
    if not data.strip():
        yield IngestError(origin, "empty file")
        return
    if len(data) > limits.max_parsed_bytes:
        yield IngestError(origin, f"feed larger than {limits.max_parsed_bytes / 1e6:.0f} MB")
        return
    yield from parse_feed(data, origin, limits)


def parse_feed(data: bytes, origin: str, limits: Limits) -> Iterator[Item]:
    try:
        root = SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        yield IngestError(origin, f"refused unsafe XML ({type(exc).__name__}: entity declarations or "
                                  "external references are not allowed in feeds)")
        return
    except SafeET.ParseError as exc:
        yield IngestError(origin, f"invalid XML ({exc})")
        return
    root_name = _local(root.tag).lower()
    if root_name == "rss":
        channel = root.find("channel")
        if channel is None:
            yield IngestError(origin, "RSS feed without a <channel>")
            return
        feed_title = _child_text(channel, "title")
        entries = channel.findall("item")
    elif root_name == "feed":
        feed_title = _child_text(root, "title")
        entries = root.findall(f"{{{_NS['atom']}}}entry") or root.findall("entry")
    elif root_name == "rdf":
        channel = root.find(f"{{{_NS['rss1']}}}channel")
        feed_title = _child_text(channel, "title") if channel is not None else None
        entries = root.findall(f"{{{_NS['rss1']}}}item")
    else:
        yield IngestError(origin, f"XML root <{_local(root.tag)}> is not an RSS or Atom feed")
        return
    for i, entry in enumerate(entries, 1):
        title = _child_text(entry, "title")
        link = _entry_link(entry)
        guid = _child_text(entry, "guid", "id")
        body = _child_text(entry, "content:encoded", "content", "description", "summary")
        published = _child_text(entry, "pubDate", "published", "dc:date", "updated", "date")
        where = f"{origin}#{guid or link or i}"
        text = body or title
        if not text:
            yield IngestError(where, "feed item has neither content, description nor title")
            continue
        if len(text) > limits.max_article_chars:
            yield IngestError(where, f"item of {len(text):,} characters exceeds the cap")
            continue
        source = _child_text(entry, "source") or feed_title
        yield RawArticle(
            text=text,
            origin=where,
            title=title,
            source=source,
            url=link,
            published=published,
            is_html=looks_like_html(text),
            extra={"feed_item": "1", **({"guid": guid} if guid else {})},
        )


def _entry_link(entry: Any) -> str | None:
    for child in entry:
        if _local(child.tag) != "link":
            continue
        href = child.get("href")
        if href and child.get("rel", "alternate") == "alternate":
            return str(href).strip()
        if not href and child.text and child.text.strip():
            return str(child.text).strip()
    return None

