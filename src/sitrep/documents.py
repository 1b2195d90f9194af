"""Raw article -> Documents: HTML extraction, cleaning, splitting, publication date, ids, near-duplicates.

``prepare(raw)`` is a pure function (no store, no network): it turns one ``RawArticle`` into
zero or more ``Document`` records. An empty list means the input held no article text.

* **Cleaning** drops page furniture (``data/boilerplate.yaml`` plus general rules: lines of at
  most three characters, lines without letters), exact repeats of a line (a photo caption
  printed twice, a repeated headline) and collapses blank runs.
* **Splitting**: a file may hold several articles pasted one after another. A new article
  starts at a title-like line (short, no sentence punctuation, after a blank line, with prose
  before it) whose header shows it is a headline: the same line repeated within the next
  lines, page furniture before the body, or a dateline/byline opening the next paragraph.
  Section headings inside one article have none of these and do not split.
* **Publication date**, first rule that gives one:
  ``metadata`` (feed, CSV column, HTML meta; day precision when it has a day),
  ``dateline`` ("Washington, December 15, 2025 –", "Wed 05 Apr 2017", "Published: ..."; day),
  ``caption`` (a dated photo caption: the photo date, so month precision),
  ``inferred`` (the latest explicit date the text mentions, or the date implied by "since taking
  office N months ago" with ``data/office_terms.yaml``; never a future date, never a date in a
  forward-looking phrase; month precision, year when only a year is known), else ``unknown``.
  Scholarly papers and reports (Abstract/Introduction/References...) are not dated from their
  content: they are written any time after the events they discuss.
* **Near-duplicates**: ``signature(text)`` is a MinHash of word 5-shingles and ``NearDupIndex``
  finds, by LSH banding, an earlier document whose estimated Jaccard similarity is at least the
  threshold (default 0.7; docs/bench/ingest.md says how it was chosen on FA-KES). ``sitrep ingest``
  takes the smallest document id among near-duplicates as the original (``Pipeline._near_dup``), so
  which copy is the original does not depend on the order of arrival.
"""

from __future__ import annotations

import calendar
import datetime as dt
import email.utils
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import ftfy
import numpy as np
import yaml
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from sitrep.config import default
from sitrep.ingest.records import RawArticle
from sitrep.numwords import parse_number
from sitrep.records import DatePrecision, Document

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = [
    "DEFAULT_THRESHOLD",
    "NearDupIndex",
    "PubDate",
    "clean_lines",
    "find_explicit_dates",
    "guess_language",
    "html_to_text",
    "is_furniture",
    "is_paper",
    "mark_duplicates",
    "normalise_text",
    "parse_date_string",
    "prepare",
    "publication_date",
    "signature",
    "signature_similarity",
    "split_articles",
]

MAX_TEXT_CHARS: int = default("max_doc_chars")  # longer inputs are cut (an article is rarely above 100k characters)
MIN_ARTICLE_CHARS = 20

# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class _Boilerplate:
    exact: frozenset[str]
    pattern: re.Pattern[str] | None
    max_chars: int


def _data_text(name: str) -> str:
    return resources.files("sitrep").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _boilerplate() -> _Boilerplate:
    spec = yaml.safe_load(_data_text("boilerplate.yaml")) or {}
    exact = frozenset(_furniture_key(str(s)) for s in spec.get("exact") or ())
    pats = [str(p) for p in spec.get("patterns") or ()]
    pattern = re.compile("|".join(f"(?:{p})" for p in pats), re.I) if pats else None
    return _Boilerplate(exact, pattern, int(spec.get("max_furniture_chars", 3)))


@dataclass(frozen=True)
class _OfficeHolder:
    names: tuple[str, ...]
    office: str
    terms: tuple[dt.date, ...]


@lru_cache(maxsize=1)
def _office_terms() -> tuple[tuple[_OfficeHolder, ...], re.Pattern[str]]:
    spec = yaml.safe_load(_data_text("office_terms.yaml")) or {}
    holders = []
    for h in spec.get("holders") or ():
        terms = tuple(t if isinstance(t, dt.date) else dt.date.fromisoformat(str(t)) for t in h["terms"])
        holders.append(_OfficeHolder(tuple(str(n) for n in h["names"]), str(h.get("office", "")), terms))
    names = sorted({n for h in holders for n in h.names}, key=len, reverse=True)
    return tuple(holders), re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


def _furniture_key(line: str) -> str:
    return re.sub(r"[\s:!.?|•·\-–—]+$", "", " ".join(line.split()).casefold())


def is_furniture(line: str) -> bool:
    """Page furniture: share bars, comment forms, counters, font widgets ("TT", "20")."""
    s = line.strip()
    if not s:
        return False
    bp = _boilerplate()
    compact = re.sub(r"\s+", "", s)
    if len(compact) <= bp.max_chars:
        return True
    if not any(ch.isalpha() for ch in s):
        return True
    if re.fullmatch(r"(?:[A-Z]{1,2}\s*){1,3}", s) and len(compact) <= 4:
        return True
    key = _furniture_key(s)
    if key in bp.exact:
        return True
    return bool(bp.pattern and len(s) <= 300 and bp.pattern.fullmatch(s.rstrip(" .!")))


# --------------------------------------------------------------------------- dates in text

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_WEEKDAY = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|"
            r"Fri|Sat|Sun)\.?")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
# A four-digit number followed by one of these counts things ("of 2000 fighters"): not a year.
_COUNTED = (
    r"\s+(?:people|persons|fighters|civilians|troops|soldiers|militants|families|refugees|residents|children|"
    r"men|women|members|rebels|casualties|deaths|dead|killed|wounded|injured|displaced|homes|houses|buildings|"
    r"km|kilometres|kilometers|metres|meters|tons|tonnes|dollars|euros|pounds|barrels)\b"
)
_DATE_RE = re.compile(
    rf"(?P<mdy>(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}),?\s+(?P<y1>{_YEAR}))\b"
    rf"|(?P<dmy>(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH}),?\s+(?P<y2>{_YEAR}))\b"
    rf"|(?P<iso>(?P<y3>{_YEAR})-(?P<m3>0[1-9]|1[0-2])-(?P<d3>[0-3]\d))\b"
    rf"|(?P<my>(?P<m4>{_MONTH}),?\s+(?P<y4>{_YEAR}))\b"
    rf"|(?P<yr>\b(?:in|In|since|Since|during|During|of|from|after|After|early|late|mid|mid-|the|The|"
    rf"year|until|through|spring|summer|autumn|fall|winter|end)\s+(?P<y5>{_YEAR}))\b(?!-\d)(?!{_COUNTED})"
)
# Words just before a date that make it forward-looking (not evidence of the writing date).
_FUTURE_CONTEXT = re.compile(
    r"\b(?:by|until|till|before|ahead of|next|expected|scheduled|planned|plans?|due|will|deadline|"
    r"target|upcoming|set for|slated)\b[^.;]{0,25}$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class DateHit:
    start: int
    end: int
    value: str  # YYYY-MM-DD | YYYY-MM | YYYY
    precision: DatePrecision
    low: dt.date  # first day the value covers


def _mk(year: int, month: int | None, day: int | None) -> tuple[str, DatePrecision, dt.date] | None:
    try:
        if day is not None and month is not None:
            d = dt.date(year, month, day)
            return d.isoformat(), "day", d
        if month is not None:
            return f"{year:04d}-{month:02d}", "month", dt.date(year, month, 1)
        return f"{year:04d}", "year", dt.date(year, 1, 1)
    except ValueError:
        return None


def find_explicit_dates(text: str) -> list[DateHit]:
    """Calendar dates written with a year: "December 15, 2025", "15 Dec 2025", "2025-12-15",
    "March 2019", and years after a preposition ("in 2019", "the 2015 agreement")."""
    hits: list[DateHit] = []
    for m in _DATE_RE.finditer(text):
        g = m.groupdict()
        if g["mdy"]:
            made = _mk(int(g["y1"]), _MONTHS[g["m1"].rstrip(".").lower()], int(re.sub(r"\D", "", g["d1"])))
        elif g["dmy"]:
            made = _mk(int(g["y2"]), _MONTHS[g["m2"].rstrip(".").lower()], int(re.sub(r"\D", "", g["d2"])))
        elif g["iso"]:
            made = _mk(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        elif g["my"]:
            made = _mk(int(g["y4"]), _MONTHS[g["m4"].rstrip(".").lower()], None)
        else:
            made = _mk(int(g["y5"]), None, None)
        if made:
            value, precision, low = made
            start = m.start("y5") if g["yr"] else m.start()
            hits.append(DateHit(start, m.end(), value, precision, low))
    return hits


def parse_date_string(value: str | None, today: dt.date | None = None) -> tuple[str, DatePrecision] | None:
    """A metadata date as sources write it -> (ISO value, precision); None if unusable.

    ISO 8601, RFC 2822 (feeds), "4/5/2017" (month first unless the first number is above 12),
    "28.06.2021", "Wed 05 Apr 2017", "June 28, 2021", "June 2021", "2021", Unix timestamps.
    Dates before 1900 or after ``today`` are rejected as absurd.
    """
    if value is None:
        return None
    s = " ".join(str(value).split())
    if not s or len(s) > 100:
        return None
    today = today or dt.date.today()
    out = _parse_date_string(s) or _parse_date_any_language(s, today)
    if out is None:
        return None
    iso, precision = out
    low = dt.date.fromisoformat({"day": iso, "month": iso + "-01"}.get(precision, iso + "-01-01"))
    if low.year < 1900 or low > today:
        return None
    return iso, precision


def _parse_date_string(s: str) -> tuple[str, DatePrecision] | None:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?", s)
    if m:
        made = _mk(int(m[1]), int(m[2]), int(m[3]))
        return (made[0], made[1]) if made else None
    m = re.fullmatch(r"(\d{4})-(\d{2})", s) or re.fullmatch(r"(\d{4})/(\d{2})", s)
    if m:
        made = _mk(int(m[1]), int(m[2]), None)
        return (made[0], made[1]) if made else None
    if re.fullmatch(r"\d{4}", s):
        made = _mk(int(s), None, None)
        return (made[0], made[1]) if made else None
    if re.fullmatch(r"\d{9,10}(?:\.\d+)?", s):
        try:
            d = dt.datetime.fromtimestamp(float(s), tz=dt.UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
        return d.isoformat(), "day"
    m = re.fullmatch(r"(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?:\s.*)?", s)
    if m:
        a, sep, b, y = int(m[1]), m[2], int(m[3]), int(m[4])
        if sep == "." or a > 12:  # 28.06.2021 and 28/6/2021 are day first
            a, b = b, a
        made = _mk(y, a, b)
        return (made[0], made[1]) if made else None
    try:
        parsed = email.utils.parsedate_to_datetime(s)
        if parsed is not None:
            return parsed.date().isoformat(), "day"
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    hits = find_explicit_dates(s)
    if hits:
        best = max(hits, key=lambda h: ("year", "month", "day").index(h.precision) if h.precision != "week" else 0)
        return best.value, best.precision
    return None


# Languages dateparser tries for a metadata date the fast path cannot read (fewer languages, faster misses).
_DATEPARSER_LANGUAGES = ("ar", "fa", "ru", "uk", "fr", "de", "es", "tr", "he", "it", "pt", "en")


@lru_cache(maxsize=4)
def _dateparser(today: dt.date) -> DateDataParser:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=list(_DATEPARSER_LANGUAGES),
        settings={"PREFER_DATES_FROM": "past", "RELATIVE_BASE": dt.datetime.combine(today, dt.time())},
    )


def _parse_date_any_language(s: str, today: dt.date) -> tuple[str, DatePrecision] | None:
    """dateparser, for what the fast path misses ("15 décembre 2025", "١٥ ديسمبر ٢٠٢٥", "15 декабря 2025 г.")."""
    if not re.search(r"\d{4}", s):  # a year in any script's digits; relative phrases ("vor 2 Tagen") are not dates
        return None
    got = _dateparser(today).get_date_data(s)
    if got.date_obj is None:
        return None
    d = got.date_obj.date()
    if got.period == "day":
        return d.isoformat(), "day"
    if got.period == "month":
        return d.isoformat()[:7], "month"
    if got.period == "year":
        return str(d.year), "year"
    return None


# --------------------------------------------------------------------------- line classes

_SENTENCE_END = re.compile(r"[.!:;,\"”’)]\s*$")
_CAPTION_CREDIT = re.compile(r"\((?:[^()]{1,80})\)\s*$")
_CAPTION_START = re.compile(r"^(?:photo|file photo|image|picture|caption|illustration)\b\s*[:–—-]", re.I)
_DATELINE = re.compile(
    r"^(?:[A-Z][\w'’.\-]*(?:[ /][A-Z][\w'’.\-]*){0,4}(?:,\s*[A-Z][\w'’.\-]*(?:\s[A-Z][\w'’.\-]*){0,2})?"
    r"(?:,\s*[^–—\-(]{0,40})?\s*(?:\([A-Za-z .]{2,40}\)\s*)?[–—-]\s+\S)"
)
_BYLINE = re.compile(r"^(?:By|BY|Written by|Reporting by)\s+[A-Z]")
_TITLE_PREFIX = re.compile(r"^(?:title|headline)\s*:\s*", re.I)


def _norm_line(line: str) -> str:
    return " ".join(line.split()).casefold()


def _is_titlelike(line: str) -> bool:
    s = _TITLE_PREFIX.sub("", line.strip())
    if not s or is_furniture(s) or len(s) > 200:
        return False
    words = s.split()
    if not 2 <= len(words) <= 30:
        return False
    if not (s[0].isupper() or s[0].isdigit() or s[0] in "\"“'‘"):
        return False
    if _SENTENCE_END.search(s) and not s.endswith("?"):
        return False
    return not _is_caption(s)


def _is_caption(line: str) -> bool:
    s = line.strip()
    return bool(_CAPTION_START.match(s) or (_CAPTION_CREDIT.search(s) and len(s) >= 20))


def _is_dateline(line: str) -> bool:
    s = line.strip()
    return bool(_DATELINE.match(s) or _BYLINE.match(s) or _leading_date(s) is not None)


# --------------------------------------------------------------------------- splitting and cleaning


@dataclass(frozen=True, slots=True)
class Part:
    """One article found in a text: its headline (if any) and its lines (not yet cleaned)."""

    title: str | None
    lines: tuple[str, ...]


def _header_signals(lines: Sequence[str], i: int) -> bool:
    """Does the title-like line ``i`` open an article header rather than a section heading?

    Between a headline and its body, pages print captions, furniture ("TT", "20", share bars)
    and often the headline again; the body may open with a dateline or byline. A section
    heading is followed straight by body text.
    """
    key = _norm_line(lines[i])
    signal = False
    for j in range(i + 1, min(len(lines), i + 30)):
        s = lines[j].strip()
        if not s:
            continue
        if _norm_line(s) == key or is_furniture(s):
            signal = True
            continue
        if _is_caption(s):
            continue
        return signal or _is_dateline(s)  # the first body line
    return signal


def split_articles(text: str) -> list[Part]:
    """Split a text that may hold several articles; each part keeps its headline separately.

    A new article starts at a title-like line after at least 300 characters of body text that
    either follows a separator line ("-----", "* * *") or follows a blank line and has a
    headline's header (``_header_signals``).
    """
    lines = text.split("\n")
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        return []
    starts = [first]
    head = lines[first].strip()
    prose = 0 if _is_titlelike(head) or is_furniture(head) or _is_caption(head) else len(head)
    for i in range(first + 1, len(lines)):
        s = lines[i].strip()
        if not s:
            continue
        if prose >= 300 and _is_titlelike(s) and (_after_separator(lines, i) or (
                not lines[i - 1].strip() and _header_signals(lines, i))):
            starts.append(i)
            prose = 0
            continue
        if not is_furniture(s) and not _is_caption(s):
            prose += len(s)
    parts: list[Part] = []
    for k, (a, b) in enumerate(zip(starts, [*starts[1:], len(lines)], strict=True)):
        chunk = lines[a:b]
        head = lines[a].strip()
        title = None
        if _is_titlelike(head) and (k > 0 or _first_title_ok(lines, a)):
            title = _TITLE_PREFIX.sub("", head).strip()
            chunk = chunk[1:]
        parts.append(Part(title, tuple(chunk)))
    return parts


_SEPARATOR = re.compile(r"^\s*(?:[-=*_#~•·]\s*){3,}$")


def _after_separator(lines: Sequence[str], i: int) -> bool:
    """Line ``i`` follows a separator line ("-----", "* * *", "====") with only blanks between."""
    j = i - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    return j >= 0 and bool(_SEPARATOR.match(lines[j]))


def _first_title_ok(lines: Sequence[str], i: int) -> bool:
    """The first line of a text is a headline when it is marked "Title:", or a blank line, a
    caption, furniture or a dateline follows it."""
    if _TITLE_PREFIX.match(lines[i].strip()):
        return True
    nxt = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
    if nxt is None:
        return False
    return nxt > i + 1 or _is_caption(lines[nxt]) or _header_signals(lines, i)


def clean_lines(lines: Iterable[str], title: str | None = None) -> tuple[list[str], list[str]]:
    """Drop furniture, repeats of the title and of earlier lines; collapse blank runs.

    Returns (kept lines, caption lines seen) — captions stay in the text once.
    """
    title_key = _norm_line(title) if title else None
    seen: set[str] = set()
    kept: list[str] = []
    captions: list[str] = []
    for line in lines:
        s = line.strip()
        if not s:
            if kept and kept[-1] != "":
                kept.append("")
            continue
        key = _norm_line(s)
        if key == title_key or is_furniture(s):
            continue
        if _is_caption(s):
            captions.append(s)
        if key in seen:
            continue
        seen.add(key)
        kept.append(s)
    while kept and kept[-1] == "":
        kept.pop()
    return kept, captions


# --------------------------------------------------------------------------- publication date


@dataclass(frozen=True, slots=True)
class PubDate:
    value: str | None
    precision: DatePrecision
    method: str  # metadata | dateline | caption | inferred | unknown


UNKNOWN = PubDate(None, "unknown", "unknown")

_LEADING_DATE = re.compile(
    rf"^(?:(?:date of publication|publication date|published|posted|updated|last updated|date)\s*(?:on|at|:)?\s*)?"
    rf"(?:{_WEEKDAY},?\s+)?"
    rf"(?P<date>(?:{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR})|(?:{_MONTH}\s+{_DAY},?\s+{_YEAR})|(?:{_YEAR}-\d\d-\d\d)"
    rf"|(?:\d{{1,2}}([/.])\d{{1,2}}\2{_YEAR}))",
    re.I,
)
_PLACE_PREFIX = re.compile(r"^[A-Z][\w'’.\-]*(?:[ /][A-Za-z][\w'’.\-]*){0,4},\s*")


def _leading_date(line: str) -> tuple[str, DatePrecision] | None:
    """A full date opening a line, as datelines and article headers print it: after a place
    ("Washington, December 15, 2025 –"), a weekday ("Wed 05 Apr 2017") or "Published:", or
    followed by a dash, colon, bracket, time or a capitalised word ("21 Jul 2016 Dozens of ..."),
    or alone on its line; not when a sentence goes on ("December 8, 2024, marked ...")."""
    s = line.strip()
    place = _PLACE_PREFIX.match(s)
    for candidate, prefixed in ((s, False), (s[place.end():], True) if place else (s, False)):
        m = _LEADING_DATE.match(candidate)
        if not m:
            continue
        rest = candidate[m.end():]
        if not (prefixed or m.end("date") > m.start("date") > 0 or _AFTER_DATELINE.match(rest)):
            continue
        parsed = _parse_date_string(m["date"])  # numeric dates: day first unless the month is first
        if parsed and parsed[1] == "day":
            return parsed[0], "day"
    return None


_AFTER_DATELINE = re.compile(r"\s*(?:$|[–—\-:|(·•/]|\d{1,2}[:.]\d\d|GMT|UTC)|\s+[A-Z]")


_PAPER_HEADINGS = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:abstract|introduction|conclusions?|references|bibliography|works cited|"
    r"methodology|methods|literature review|keywords\s*:.*|acknowledg(?:e)?ments|executive summary|"
    r"key findings|(?:policy )?recommendations|endnotes|footnotes|notes|table of contents|contents|"
    r"about the authors?)\s*:?\s*$",
    re.I,
)
_PAPER_PHRASES = re.compile(
    r"\b(?:this (?:paper|study|thesis|dissertation|article|report|brief|analysis) "
    r"(?:examines|analy[sz]es|argues|explores|investigates|assesses|discusses|provides|contributes|offers)|"
    r"this (?:paper|study|thesis|dissertation)|the present (?:paper|study))\b",
    re.I,
)


def is_paper(lines: Sequence[str]) -> bool:
    """A scholarly paper or report rather than a news article (headings such as Abstract,
    Introduction, Conclusion, References)."""
    headings = sum(1 for ln in lines if _PAPER_HEADINGS.match(ln.strip()))
    phrases = sum(1 for ln in lines if _PAPER_PHRASES.search(ln))
    return headings >= 3 or (headings >= 1 and phrases >= 1)


_TOOK_OFFICE = re.compile(
    r"\b(?:since|after)\s+(?:taking|assuming|he took|she took|entering)\s+office\s+(?P<n>[\w-]+)\s+"
    r"(?P<unit>days?|weeks?|months?|years?)\s+ago"
    r"|\b(?P<n2>[\w-]+)\s+(?P<unit2>days?|weeks?|months?|years?)\s+(?:after\s+taking\s+office|into\s+(?:his|her)\s+"
    r"(?:presidency|term|tenure|premiership|mandate))",
    re.I,
)


def _add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _office_anchors(text: str, floor: dt.date | None, today: dt.date) -> list[DateHit]:
    """Dates implied by "<office holder> ... since taking office five months ago"."""
    holders, names_re = _office_terms()
    by_name = {n: h for h in holders for n in h.names}
    out: list[DateHit] = []
    for m in _TOOK_OFFICE.finditer(text):
        raw_n = (m["n"] or m["n2"] or "").lower()
        n = parse_number(raw_n)
        unit = (m["unit"] or m["unit2"] or "").lower().rstrip("s")
        if n is None or n > 200:
            continue
        sent_start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        names = list(names_re.finditer(text, sent_start, m.start()))
        if not names:
            continue
        holder = by_name[names[-1].group(0)]
        months = {"day": n // 30, "week": (n * 7) // 30, "month": n, "year": 12 * n}[unit]
        candidates = [_add_months(t, months) for t in holder.terms]
        candidates = [c for c in candidates if c <= today and (floor is None or c >= floor)]
        if len(holder.terms) > 1 and floor is None:
            continue  # several terms and nothing else to choose between them
        if not candidates:
            continue
        c = min(candidates)
        precision: DatePrecision = "year" if unit == "year" else "month"
        value = f"{c.year:04d}" if precision == "year" else f"{c.year:04d}-{c.month:02d}"
        out.append(DateHit(m.start(), m.end(), value, precision, c.replace(day=1)))
    return out


def _content_anchors(text: str, today: dt.date) -> list[DateHit]:
    hits = []
    for h in find_explicit_dates(text):
        if h.low > today:
            continue
        if _FUTURE_CONTEXT.search(text[max(0, h.start - 40):h.start]):
            continue
        hits.append(h)
    return hits


def _month_of(hit: DateHit) -> PubDate:
    if hit.precision == "year":
        return PubDate(hit.value[:4], "year", "inferred")
    return PubDate(hit.value[:7], "month", "inferred")


def publication_date(
    lines: Sequence[str],
    *,
    metadata: str | None = None,
    captions: Sequence[str] = (),
    today: dt.date | None = None,
) -> PubDate:
    """When the article was published, with precision and the rule that found it."""
    today = today or dt.date.today()
    meta = parse_date_string(metadata, today) if metadata else None
    head = [ln for ln in lines if ln.strip()][:4]
    dateline = next((d for d in (_leading_date(ln) for ln in head) if d and d[0] <= today.isoformat()), None)
    if meta is not None:
        if meta[1] != "day" and dateline and dateline[0].startswith(meta[0]):
            return PubDate(dateline[0], "day", "dateline")
        return PubDate(meta[0], meta[1], "metadata")
    if dateline is not None:
        return PubDate(dateline[0], "day", "dateline")
    if is_paper(lines):
        return UNKNOWN
    cap_hits = [
        h for c in captions for h in find_explicit_dates(c) if h.precision in ("day", "month") and h.low <= today
    ]
    if cap_hits:
        best = max(cap_hits, key=lambda h: h.low)
        return PubDate(best.value[:7], "month", "caption")
    text = "\n".join(lines)
    anchors = _content_anchors(text, today)
    floor = max((h.low for h in anchors), default=None)
    anchors += _office_anchors(text, floor, today)
    if not anchors:
        return UNKNOWN
    order = {"day": 0, "month": 1, "year": 2, "week": 1, "unknown": 3}
    best = max(anchors, key=lambda h: (h.low, -order[h.precision]))
    return _month_of(best)


# --------------------------------------------------------------------------- HTML


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def html_to_text(html: str, url: str | None = None) -> tuple[str, dict[str, str]]:
    """The article text of an HTML page or fragment and its metadata (title, date, sitename, url)."""
    import trafilatura

    html = _XML_ILLEGAL.sub(" ", html)  # NUL and C0 controls: lxml refuses them, no article needs them
    meta: dict[str, str] = {}
    text = ""
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # trafilatura raises many kinds of errors on broken markup
        doc = None
    if doc is not None:
        text = str(getattr(doc, "text", "") or "")
        for key in ("title", "date", "sitename", "url", "hostname"):
            value = getattr(doc, key, None)
            if value:
                meta[key] = str(value)
    fallback = _html_fragment_text(html)
    if len(text) < 0.3 * len(fallback) and len(fallback) < 20000:
        text = fallback  # a fragment (feed description) that trafilatura judged too short
    return text, meta


_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "article",
               "section", "figcaption", "pre", "td", "header", "footer"}


def _html_fragment_text(html: str) -> str:
    import lxml.html
    from lxml_html_clean import Cleaner

    try:
        root = lxml.html.fromstring(html)
        root = Cleaner(scripts=True, javascript=True, style=True, comments=True, forms=True,
                       page_structure=False).clean_html(root)
    except Exception:  # unparsable markup: strip tags crudely
        return re.sub(r"<[^>]+>", " ", html)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
    return str(root.text_content())


# --------------------------------------------------------------------------- prepare


def normalise_text(text: str, max_chars: int = MAX_TEXT_CHARS) -> str:
    """The first ``max_chars`` characters: mojibake repaired, NFC, unified newlines, no control characters or
    zero-width marks, trimmed line ends."""
    text = unicodedata.normalize("NFC", ftfy.fix_text(text[:max_chars], _FTFY))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", text)
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", text)
    text = text.replace("\u00a0", " ").replace("\t", " ")
    return "\n".join(line.rstrip() for line in text.split("\n"))


# Mojibake repair only ("regimeâ€™s" -> "regime’s"); quotes, ligatures, widths and line breaks stay as written.
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False, fix_character_width=False,
    uncurl_quotes=False, fix_line_breaks=False, remove_control_chars=False, normalization=None, explain=False,
)
_LANGUAGE_MIN_CONFIDENCE = 0.2  # below it (a few words, a headline of names) the language is "und"


@lru_cache(maxsize=1)
def _language_identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True, min_confidence=_LANGUAGE_MIN_CONFIDENCE)


def guess_language(text: str) -> str:
    """ISO 639 code from py3langid (its model ships inside the package), or "und" when unsure."""
    sample = text[:1000]  # enough for the identifier (the cost grows with the length: 0.3 ms/doc here)
    if not any(c.isalpha() for c in sample):
        return "und"
    lang, _confidence = _language_identifier().classify(sample)
    return "und" if lang in ("und", "zxx") else str(lang)


def prepare(raw: RawArticle, *, today: dt.date | None = None, max_chars: int = MAX_TEXT_CHARS) -> list[Document]:
    """RawArticle -> its Documents (usually one; several when the text holds several articles).

    Returns an empty list when no article text is left after extraction and cleaning.
    """
    text = raw.text
    title, source, url, published = raw.title, raw.source, raw.url, raw.published
    if raw.is_html:
        text, meta = html_to_text(text, raw.url)
        title = title or meta.get("title")
        source = source or meta.get("sitename") or meta.get("hostname")
        url = url or meta.get("url")
        published = published or meta.get("date")
    text = normalise_text(text, max_chars)
    parts = split_articles(text)
    if len(parts) > 1 and raw.title:
        # a title given by the source names the first article only
        parts[0] = replace(parts[0], title=parts[0].title or raw.title)
    docs: list[Document] = []
    for k, part in enumerate(parts):
        part_lines = part.lines
        part_title = part.title
        if len(parts) == 1 and title:
            # the source named the title: a different headline-like first line stays in the text
            if part.title and _norm_line(part.title) != _norm_line(title):
                part_lines = (part.title, *part.lines)
            part_title = title
        lines, captions = clean_lines(part_lines, part_title)
        body = "\n".join(lines).strip()
        if len(body) < MIN_ARTICLE_CHARS:
            continue
        pub = publication_date(lines, metadata=published, captions=captions, today=today)
        origin = raw.origin if len(parts) == 1 else f"{raw.origin}#part{k + 1}"
        docs.append(
            Document.create(
                body,
                title=part_title,
                source=source,
                url=url,
                language=raw.language or guess_language(body),
                published=pub.value,
                published_precision=pub.precision,
                published_method=pub.method,
                origin=origin,
            )
        )
    return docs


# --------------------------------------------------------------------------- near-duplicates

NUM_PERM = 128
SHINGLE = 5
# Estimated Jaccard similarity above which a text is linked to an earlier one as its copy. On
# FA-KES every pair at or above 0.7 is the same wire text; between 0.5 and 0.7 outlets' versions
# start to differ in figures (updated tolls) that resolution must see (docs/bench/ingest.md).
DEFAULT_THRESHOLD: float = default("near_dup_threshold")
_SIG_MAGIC = b"SMH2"
_MAX32 = np.uint32(0xFFFFFFFF)


@lru_cache(maxsize=1)
def _perm() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20251215)
    a = rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)  # odd multipliers
    b = rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
    return a, b


_ROLL = np.uint64(0x9E3779B97F4A7C15)  # odd multiplier that combines token hashes into a shingle hash


def _shingle_hashes(text: str) -> np.ndarray:
    """64-bit hashes of the distinct word 5-shingles of the case-folded text.

    Each distinct token is hashed once (BLAKE2b, stable across processes); a shingle's hash is
    a polynomial of its tokens' hashes, computed for all shingles at once.
    """
    tokens = re.findall(r"\w+", text.casefold())
    if not tokens:
        return np.empty(0, dtype=np.uint64)
    vocab: dict[str, int] = {}
    ids = np.fromiter((vocab.setdefault(t, len(vocab)) for t in tokens), dtype=np.int64, count=len(tokens))
    table = np.fromiter(
        (int.from_bytes(hashlib.blake2b(t.encode("utf-8"), digest_size=8).digest(), "little") for t in vocab),
        dtype=np.uint64,
        count=len(vocab),
    )
    th = table[ids]
    k = min(SHINGLE, len(tokens))
    n = len(tokens) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    for j in range(k):
        h = h * _ROLL + th[j:j + n]
    return np.unique(h)


def signature(text: str) -> bytes:
    """MinHash signature of the text's word 5-shingles (case-folded): 4-byte tag, shingle count,
    128 × uint32. Stable across processes and machines (stored in the database)."""
    x = _shingle_hashes(text)
    sig = np.full(NUM_PERM, _MAX32, dtype=np.uint32)
    if len(x):
        a, b = _perm()
        for i in range(0, len(x), 4096):  # bounded memory on very long texts
            block = x[i:i + 4096]
            h = ((a[:, None] * block[None, :] + b[:, None]) >> np.uint64(32)).astype(np.uint32)
            sig = np.minimum(sig, h.min(axis=1))
    return _SIG_MAGIC + len(x).to_bytes(4, "little") + sig.astype("<u4").tobytes()


def _unpack(sig: bytes) -> np.ndarray | None:
    if len(sig) != 8 + 4 * NUM_PERM or not sig.startswith(_SIG_MAGIC) or sig[4:8] == b"\0\0\0\0":
        return None
    return np.frombuffer(sig, dtype="<u4", offset=8)


def signature_similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets (0 when either is unusable)."""
    va, vb = _unpack(a), _unpack(b)
    if va is None or vb is None:
        return 0.0
    return float(np.mean(va == vb))


class NearDupIndex:
    """LSH index over MinHash signatures: ``query`` finds an earlier near-duplicate's id.

    32 bands of 4 rows: a pair with Jaccard 0.5 becomes a candidate with probability 0.87,
    0.6 with 0.99, 0.7 with 1.00; candidates are then checked against ``threshold`` on all
    128 values (the standard error of that estimate is about 0.04).
    """

    BANDS = 32
    ROWS = NUM_PERM // BANDS

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        self._sigs: dict[str, np.ndarray] = {}
        self._order: dict[str, int] = {}
        self._buckets: dict[tuple[int, bytes], list[str]] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def _bands(self, v: np.ndarray) -> Iterator[tuple[int, bytes]]:
        for band in range(self.BANDS):
            yield band, v[band * self.ROWS:(band + 1) * self.ROWS].tobytes()

    def add(self, doc_id: str, sig: bytes) -> bool:
        """Index an original document; False when the signature is unusable or already there."""
        v = _unpack(sig)
        if v is None or doc_id in self._sigs:
            return False
        self._sigs[doc_id] = v
        self._order[doc_id] = len(self._order)
        for key in self._bands(v):
            self._buckets.setdefault(key, []).append(doc_id)
        return True

    def remove(self, doc_id: str) -> None:
        """Forget a document (it is no longer an original)."""
        v = self._sigs.pop(doc_id, None)
        if v is None:
            return
        self._order.pop(doc_id, None)
        for key in self._bands(v):
            ids = self._buckets.get(key)
            if ids is not None and doc_id in ids:
                ids.remove(doc_id)

    def _similar(self, sig: bytes) -> list[tuple[float, str]]:
        v = _unpack(sig)
        if v is None:
            return []
        candidates: set[str] = set()
        for key in self._bands(v):
            candidates.update(self._buckets.get(key, ()))
        out = [(float(np.mean(self._sigs[cid] == v)), cid) for cid in candidates]
        return [(sim, cid) for sim, cid in out if sim >= self.threshold]

    def query(self, sig: bytes) -> str | None:
        """The id of the most similar indexed document at or above the threshold, else None."""
        best = max(((sim, -self._order[cid], cid) for sim, cid in self._similar(sig)), default=None)
        return best[2] if best is not None else None

    def matches(self, sig: bytes) -> list[str]:
        """The ids of every indexed document at or above the threshold, in id order."""
        return sorted(cid for _sim, cid in self._similar(sig))


def mark_duplicates(docs: Iterable[Document], index: NearDupIndex) -> Iterator[tuple[Document, bytes]]:
    """Set ``duplicate_of`` on near-duplicates of earlier documents; index the originals."""
    for doc in docs:
        sig = signature(doc.text)
        original = index.query(sig)
        if original is not None and original != doc.id:
            yield replace(doc, duplicate_of=original), sig
        else:
            index.add(doc.id, sig)
            yield doc, sig


