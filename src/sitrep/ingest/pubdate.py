"""Publication dates: explicit dates in text (``find_explicit_dates``), date strings in any language
(``parse_date_string``) and a document's publication date (``publication_date``: metadata, dateline, caption,
inferred)."""

from __future__ import annotations

import calendar
import datetime as dt
import email.utils
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from sitrep.numwords import parse_number
from sitrep.records import DatePrecision

if TYPE_CHECKING:
    from dateparser.date import DateDataParser



def _data_text(name: str) -> str:
    return resources.files("sitrep").joinpath("data", name).read_text(encoding="utf-8")


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
# a two-digit day glued to its year, as some page stamps print it ("Last updated at Jul 282016")
_GLUED = r"(?<=[0-3]\d)"
# A four-digit number followed by one of these counts things ("of 2000 fighters"): not a year.
_COUNTED = (
    r"\s+(?:people|persons|fighters|civilians|troops|soldiers|militants|families|refugees|residents|children|"
    r"men|women|members|rebels|casualties|deaths|dead|killed|wounded|injured|displaced|homes|houses|buildings|"
    r"km|kilometres|kilometers|metres|meters|tons|tonnes|dollars|euros|pounds|barrels)\b"
)
_DATE_RE = re.compile(
    rf"(?P<mdy>(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:,?\s+|{_GLUED})(?P<y1>{_YEAR}))\b"
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
    try:  # a parser may hand back a year of fewer than four digits ("999-01-01"): no date
        low = dt.date.fromisoformat({"day": iso, "month": iso + "-01"}.get(precision, iso + "-01-01"))
    except ValueError:
        return None
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
    rf"(?P<date>(?:{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR})|(?:{_MONTH}\s+{_DAY}(?:,?\s+|{_GLUED}){_YEAR})|(?:{_YEAR}-\d\d-\d\d)"
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
        if h.low > today or h.low.year < 1900:  # a page is not dated by history ("In 1800, ...")
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
