"""Time expressions: find them in a text and resolve them to calendar values.

``find_dates(text, published)`` returns every time expression as a :class:`TimeMention` whose
``value`` is an ISO calendar value (``2025-12-13``, ``2025-W50``, ``2025-12``, ``2025``) or ``None``
when the expression has no calendar value ("now", "the 1990s", "the third quarter", "last fall").
Values are resolved against the publication date (``published``: ``YYYY-MM-DD``, ``YYYY-MM``,
``YYYY`` or ``None``) and against the narrative: the last explicit date mentioned before the
expression ("three days later", "the following day").  ``method`` records how each value was found:

- ``explicit``: the text states the date with its year ("December 15, 2025", "15/12/2025");
- ``explicit-without-year``: "On December 16", "In February" — year chosen from the publication
  date (or, when the paragraph has already named a year, from that narrative), never after the
  publication date unless the sentence points forward;
- ``relative-to-publication``: "yesterday", "last week", "two weeks ago", "this year";
- ``relative-to-narrative``: "three days later", "the following day", "that year";
- ``weekday``: "on Saturday", "a Saturday ambush" — the most recent such day on or before a
  day-precise publication date (the next one when the sentence points forward);
- ``weekday-from-narrative``: a weekday resolved against a day-precise date just stated in the text
  when the publication date is not day-precise;
- ``*-publication-month`` / ``*-publication-year``: the anchor is only month/year-precise, so the value
  is that month/year ("today, Monday" in an article known only to be from June 2021 -> ``2021-06``);
- ``reference`` (now, recently, the future), ``non-calendar`` (quarters, seasons, decades, movable
  feasts) and ``unanchored`` (relative expression with no publication date): value ``None``.

A method ending in ``+future`` marks an expression that points after the publication date or sits
in a forward-looking context ("next week", "will meet on Friday", "the upcoming summit in May"):
events must not be dated from it (see :func:`is_future` and :func:`date_for_span`).

The grammar is a set of compiled regular expressions over a lexicon in
``sitrep/data/dates.yaml``; no dateparser, no model: about a millisecond per news article.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from sitrep.numwords import NUMBER, parse_number
from sitrep.records import DatePrecision, TimeMention

__all__ = [
    "Anchor",
    "date_for_span",
    "deadline_context",
    "find_dates",
    "future_context",
    "is_future",
    "parse_iso",
    "sentence_bounds",
]

FUTURE_SUFFIX = "+future"
_PREC_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


# --------------------------------------------------------------------------- calendar values


@dataclass(frozen=True, slots=True)
class Anchor:
    """A calendar value with its extent: first and last day, and its precision."""

    first: dt.date
    last: dt.date
    precision: str  # day | week | month | year

    @property
    def value(self) -> str:
        if self.precision == "day":
            return self.first.isoformat()
        if self.precision == "week":
            y, w, _ = self.first.isocalendar()
            return f"{y:04d}-W{w:02d}"
        if self.precision == "month":
            return f"{self.first.year:04d}-{self.first.month:02d}"
        return f"{self.first.year:04d}"

    @staticmethod
    def day(d: dt.date) -> Anchor:
        return Anchor(d, d, "day")

    @staticmethod
    def week(d: dt.date) -> Anchor:
        monday = d - dt.timedelta(days=d.weekday())
        return Anchor(monday, monday + dt.timedelta(days=6), "week")

    @staticmethod
    def month(year: int, month: int) -> Anchor:
        return Anchor(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), "month")

    @staticmethod
    def year(year: int) -> Anchor:
        return Anchor(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")

    def coarsen(self, precision: str) -> Anchor:
        """The same point at a coarser precision (no-op when already as coarse)."""
        if _PREC_RANK[precision] <= _PREC_RANK[self.precision]:
            return self
        if precision == "week":
            return Anchor.week(self.first)
        if precision == "month":
            return Anchor.month(self.first.year, self.first.month)
        return Anchor.year(self.first.year)


_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_ISO_YEAR = re.compile(r"^(\d{4})$")
_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MIN_YEAR, _MAX_YEAR = 1, 9998


def parse_iso(value: str | None) -> Anchor | None:
    """``2025-12-13`` / ``2025-W50`` / ``2025-12`` / ``2025`` (a longer timestamp is read as its day)."""
    if not value:
        return None
    s = value.strip()
    try:
        m = _ISO_DAY.match(s)
        if m:
            return Anchor.day(dt.date(int(m[1]), int(m[2]), int(m[3])))
        m = _ISO_MONTH.match(s)
        if m:
            return Anchor.month(int(m[1]), int(m[2]))
        m = _ISO_YEAR.match(s)
        if m and int(m[1]) >= _MIN_YEAR:
            return Anchor.year(int(m[1]))
        m = _ISO_WEEK.match(s)
        if m:
            return Anchor.week(dt.date.fromisocalendar(int(m[1]), int(m[2]), 1))
    except (ValueError, OverflowError):
        return None
    return None


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    if not (_MIN_YEAR <= y <= _MAX_YEAR and 1 <= m <= 12):
        return None
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return dt.date(y, m, d)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def _shift(a: Anchor, unit: str, n: int) -> Anchor | None:
    """Move an anchor by n units, keeping the unit's precision; None if out of range."""
    try:
        if unit == "day":
            return Anchor.day(a.first + dt.timedelta(days=n))
        if unit == "week":
            return Anchor.week(a.first + dt.timedelta(weeks=n))
        if unit == "month":
            y, m = _add_months(a.first.year, a.first.month, n)
            return Anchor.month(y, m) if _MIN_YEAR <= y <= _MAX_YEAR else None
        y = a.first.year + n
        return Anchor.year(y) if _MIN_YEAR <= y <= _MAX_YEAR else None
    except (OverflowError, ValueError):
        return None


# --------------------------------------------------------------------------- lexicon + grammar


def _alt(words: Iterable[str], *, upper: bool = False) -> str:
    """Regex alternation, longest first; with ``upper`` also the ALL-CAPS spelling."""
    forms: set[str] = set()
    for w in words:
        forms.add(w)
        if upper:
            forms.add(w.upper())
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(forms, key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class _Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    decades: dict[str, int]
    fixed_holidays: dict[str, tuple[int, int]]
    rule_holidays: dict[str, str]
    refs: dict[str, str]  # lower-cased phrase -> PRESENT | PAST | FUTURE
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    triggers: dict[str, frozenset[int]]  # lower-cased word -> indexes of the patterns it can start
    future_cue: re.Pattern[str]
    deadline: re.Pattern[str]
    ambiguous_months: frozenset[str]


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("sitrep").joinpath("data", "dates.yaml").read_text(encoding="utf-8")
    )
    full_months = {k: int(v) for k, v in raw["months"].items()}
    abbr_months = {k: int(v) for k, v in raw["month_abbreviations"].items()}
    months = {k.lower(): v for k, v in {**full_months, **abbr_months}.items()}
    weekdays_full = {k: int(v) for k, v in raw["weekdays"].items()}
    weekdays_abbr = {k: int(v) for k, v in raw["weekday_abbreviations"].items()}
    weekdays = {k.lower(): v for k, v in {**weekdays_full, **weekdays_abbr}.items()}
    ordinals = {str(k).lower(): int(v) for k, v in raw["ordinals"].items()}
    decades = {str(k).lower(): int(v) for k, v in raw["decade_words"].items()}
    fixed = {str(k).lower(): (int(v[0]), int(v[1])) for k, v in raw["fixed_holidays"].items()}
    rules = {str(k).lower(): str(v) for k, v in raw["rule_holidays"].items()}
    refs: dict[str, str] = {}
    for key, tag in (("present_ref", "PRESENT"), ("past_ref", "PAST"), ("future_ref", "FUTURE")):
        for w in raw[key]:
            refs[" ".join(str(w).lower().split())] = tag

    mon_full = _alt(full_months, upper=True)
    mon_abbr = _alt(abbr_months, upper=True)
    mon = rf"(?:{mon_full}|(?:{mon_abbr})\b\.?)"
    wd_full = _alt(weekdays_full, upper=True)
    wd_any = rf"(?:{wd_full}|(?:{_alt(weekdays_abbr, upper=True)})\b\.?)"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
    year = r"(?:1[0-9]\d\d|20\d\d)(?![\d])"
    nums = rf"{NUMBER}(?:\s+of)?|(?i:a\s+few|few|several)"  # "twenty-five", "a couple of"; vague: no value
    ords = _alt(ordinals)
    dec_words = _alt(decades)
    parts = _alt(raw["day_parts"])
    seasons = _alt(raw["seasons"])
    holidays = _alt(list(raw["fixed_holidays"]) + list(raw["rule_holidays"]) + list(raw["movable_holidays"]))
    ref_words = _alt(refs)
    i = "(?i:"  # case-insensitive group opener

    p: list[tuple[str, str]] = [
        ("iso", r"(?<![\d/.-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d/-])"),
        ("numeric", r"(?<![\d/.,-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)"),
        (
            "mdy",
            rf"(?:(?P<wd>{wd_any}),?\s+)?(?P<mon>{mon})\s*(?P<d>{day})(?!\s*(?:%|{i}percent|per\s+cent)\b))"
            rf"(?:\s*(?:-|–|{i}and|to)\s*){day}(?=,?\s+{year}))?(?:(?:,\s*|\s+)(?P<y>{year}))?",
        ),
        (
            "dmy",
            rf"(?:(?P<wd>{wd_any}),?\s+)?(?<![\d.,$])(?:{i}the)\s+)?(?P<d>{day})(?:\s*(?:-|–|{i}and|to))\s*{day})?"
            rf"(?:\s+{i}of))?\s+(?P<mon>{mon})"
            rf"(?:,?\s+(?P<y>{year}))?",
        ),
        (
            "modmon",
            rf"(?P<mod>{i}early|mid|late|the\s+(?:beginning|start|end|middle)\s+of|(?:beginning|start|end|middle)"
            rf"\s+of|mid-|end-))\s*(?P<mon>{mon_full})(?:,?\s+(?:{i}of)\s+)?(?P<y>{year}))?\b",
        ),
        ("monyear", rf"(?P<mon>{mon}),?\s+(?:{i}of)\s+)?(?P<y>{year})"),
        ("monrel", rf"(?P<mon>{mon_full})\s+(?P<rel>{i}last|this|next))\s+{i}year)\b"),
        (
            "relmon",
            rf"(?P<rel>{i}last|this\s+past|this\s+coming|this|next))\s+(?P<mon>{mon_full})\b(?!\s*\d)",
        ),
        (
            "month",
            rf"(?:(?P<prep>\b{i}in|since|of|until|till|by|from|to|through|during|before|after|on|between|and|"
            rf"or|early|late|mid|last|this|next|for|that|each|every)\s+))?\b(?P<mon>{mon_full})\b",
        ),
        (
            "modyear",
            rf"(?P<mod>{i}early|mid|late|the\s+(?:beginning|start|end|middle)\s+of|(?:beginning|start|end|middle)"
            rf"\s+of|mid-|end-))\s*(?P<y>{year})\b",
        ),
        ("halfyear", rf"{i}(?:the\s+)?(?:first|second|last|latter)\s+half\s+of)\s+(?P<y>{year})"),
        ("fiscal", rf"{i}(?:fiscal(?:\s+year)?|FY)\s*(?P<y>{year}|'\d\d)(?!\w))"),
        (
            "quarter",
            rf"{i}(?:(?:the|this|that|its|their|a|each|every)\s+|(?:{year})(?:'s)?\s+|this\s+year's\s+|last\s+year's\s+"
            rf"|next\s+year's\s+)?(?:(?:fiscal|latest|current|previous|prior|year-ago|year-earlier|same|comparable|"
            rf"corresponding|flat|recent|past|final|coming|strong|weak|fiscal-first|fiscal-second|fiscal-third|"
            rf"fiscal-fourth)[-\s]+)*(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+)?"
            rf"(?P<q>quarters?|period|half)(?:\s+of\s+(?:fiscal\s+)?(?P<y>{year}))?)\b",
        ),
        (
            "decade",
            rf"(?:{i}the)\s+)?(?:{i}early|mid|late)[\s-]+)?(?P<dec>\d{{3}}0s|'\d0s|\d0s|{i}(?:nineteen\s+)?"
            rf"(?:{dec_words})))\b",
        ),
        ("century", rf"{i}(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{ords}|this|last|next|past|previous)\s+century)\b"),
        (
            "spelled_year",
            rf"{i}(?:the\s+year\s+)?(?:(?P<c>nineteen|twenty)[\s-]+(?P<yy>(?:twenty|thirty|forty|fifty|sixty|seventy|"
            rf"eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|"
            rf"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two\s+thousand(?:\s+and)?(?:[\s-]+(?P<ty>one|two|"
            rf"three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
            rf"eighteen|nineteen|twenty))?))\b",
        ),
        ("year", rf"(?:{i}the\s+year)\s+)?(?<![\w$£€#.,/\-–])(?P<y>{year})(?![\w%/\-–]|[.,]\d)"),
        (
            "relday",
            rf"{i}(?:(?P<mod>late|early|earlier|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow)"
            rf"(?:\s+(?:{parts}))?|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
            rf"this\s+(?:morning|afternoon|evening))\b",
        ),
        (
            "weekday",
            rf"(?:(?P<rel>{i}last|next|this\s+coming|this\s+past|this|the\s+previous|the\s+following|the\s+next|"
            rf"early|late|earlier|later|on))\s+)?(?P<wd>{wd_full})\b(?:'s)?(?:\s+(?P<part>{i}{parts}))\b)?",
        ),
        ("weekend", rf"{i}(?P<rel>this|last|next|the|that|the\s+previous|the\s+following|the\s+past)\s+weekend)\b"),
        (
            "narrday",
            rf"{i}(?:the\s+(?:next|following|previous|preceding|same)|that(?:\s+same)?|earlier\s+that|"
            rf"later\s+that)\s+(?P<u>day|morning|afternoon|evening|night)|the\s+day\s+(?:before|after)(?!\s+"
            rf"(?:yesterday|tomorrow)))\b",
        ),
        (
            "relunit",
            rf"{i}(?P<rel>last|this|next|the\s+past|the\s+previous|the\s+current|the\s+coming|the\s+following|"
            rf"the\s+same|the\s+next|that|earlier\s+this|later\s+this|early\s+this|late\s+this|earlier\s+in\s+the|"
            rf"later\s+in\s+the|early\s+next|late\s+next|early\s+last|late\s+last|earlier\s+that|later\s+that|"
            rf"the\s+end\s+of\s+(?:the|this|last|next)|the\s+(?:beginning|start|middle)\s+of\s+(?:the|this|last|"
            rf"next)|the\s+end\s+of\s+the|(?:at|by)\s+the\s+end\s+of)\s+(?P<u>week|month|year|decade))\b"
            rf"(?!\s+(?:old|long)\b|-)",
        ),
        ("yearend", rf"{i}year-end|year\s+end|year's\s+end|the\s+end\s+of\s+the\s+year)\b"),
        ("yearago", rf"{i}year-(?:ago|earlier))\b"),
        (
            "ago",
            rf"{i}(?:(?:about|almost|nearly|some|more\s+than|less\s+than|over|just|only|roughly|around|barely)\s+)?"
            rf"(?P<n>\d+|{nums})\s+(?P<u>days?|weeks?|months?|years?|decades?)(?:\s+or\s+so)?\s+"
            rf"(?P<dir>ago|earlier|later|before|after|from\s+now|hence|previously))\b",
        ),
        ("holiday", rf"(?P<h>{holidays})\b"),
        (
            "season",
            rf"(?:(?P<rel>{i}last|this|next|this\s+past|early|late|the|that|mid-?))\s+)?(?P<s>{i}{seasons}))"
            rf"(?:\s+(?:{i}of)\s+)?(?P<y>{year}))?\b",
        ),
        ("ref", rf"(?<![\w-])(?P<r>{i}{ref_words}))(?![\w-])"),
    ]
    patterns = tuple((name, re.compile(rx)) for name, rx in p)
    index = {name: k for k, (name, _rx) in enumerate(patterns)}
    trig: dict[str, set[int]] = {}

    def add(words: Iterable[str], *names: str) -> None:
        for w in words:
            for tok in re.findall(r"[a-z]+|\d+", str(w).lower()):
                trig.setdefault(tok, set()).update(index[n] for n in names)

    add(months, "mdy", "dmy", "modmon", "monyear", "monrel", "relmon", "month")
    add(weekdays, "weekday", "mdy", "dmy")
    add(["today", "tonight", "yesterday", "tomorrow"], "relday")
    add(["morning", "afternoon", "evening", "night"], "relday", "narrday")
    add(["day", "days"], "narrday", "ago")
    add(["week", "weeks", "month", "months", "decade", "decades"], "relunit", "ago")
    add(["year", "years"], "relunit", "ago", "yearend", "yearago", "spelled_year", "year")
    add(["quarter", "quarters", "period", "half"], "quarter", "halfyear")
    add(["century"], "century")
    add(["weekend"], "weekend")
    add(["fiscal", "fy"], "fiscal", "quarter")
    add(raw["seasons"], "season")
    add(decades, "decade")
    add(["nineteen", "twenty", "thousand"], "spelled_year")
    add(list(raw["fixed_holidays"]) + list(raw["rule_holidays"]) + list(raw["movable_holidays"]), "holiday")
    add([t for w in refs for t in w.split() if t not in ("the", "in", "at", "a", "this", "of")], "ref")
    digits4 = {index[n] for n in ("iso", "numeric", "year", "decade", "fiscal", "modyear", "halfyear", "quarter")}
    trig["<d4>"] = digits4
    trig["<dsep>"] = {index["numeric"], index["iso"]}
    trig["<ds>"] = {index["decade"]}
    cue = re.compile(r"(?<![\w'])(?:" + _alt(raw["future_cues"]) + r")(?![\w'])", re.IGNORECASE)
    return _Lexicon(
        months=months,
        weekdays=weekdays,
        ordinals=ordinals,
        decades=decades,
        fixed_holidays=fixed,
        rule_holidays=rules,
        refs=refs,
        patterns=patterns,
        triggers={k: frozenset(v) for k, v in trig.items()},
        future_cue=cue,
        deadline=re.compile(r"(?<![\w'])(?:" + _alt(raw["deadline_prepositions"]) + r")\s+$", re.IGNORECASE),
        ambiguous_months=frozenset(str(w) for w in raw["ambiguous_months"]),
    )


# --------------------------------------------------------------------------- sentences


_SENT_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n|\n(?=\s*[A-Z\"“])")
_ABBREV_END = re.compile(
    r"(?:\b[A-Z]|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Maj|"
    r"Rep|Sen|Gov|Prof|No|U\.S|U\.N|Inc|Corp|Co|Ltd|vs|etc|Jr|Sr))\.$"
)


def sentence_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The (start, end) of the sentence holding ``text[start:end]`` (a light, abbreviation-aware split)."""
    end = start if end is None else end
    lo = 0
    for m in _SENT_END.finditer(text, max(0, start - 600), min(len(text), start + 2)):
        if m.end() > start:
            break
        if m.group().startswith(".") and _ABBREV_END.search(text, max(0, m.start() - 6), m.start() + 1):
            continue
        lo = m.end()
    hi = len(text)
    for m in _SENT_END.finditer(text, end, min(len(text), end + 1200)):
        if m.group().startswith(".") and _ABBREV_END.search(text, max(0, m.start() - 6), m.start() + 1):
            continue
        hi = m.start() + 1
        break
    return lo, hi


def _paragraph_start(text: str, pos: int) -> int:
    k = text.rfind("\n", 0, pos)
    return 0 if k < 0 else k + 1


_REPORTED = re.compile(r"\b(?:said|says|told|tells|announced|reported|added|stated|confirmed|noted|wrote)\b",
                       re.IGNORECASE)


def future_context(text: str, start: int, end: int | None = None, reach: int = 60) -> bool:
    """Whether the clause just before ``text[start:end]`` points forward (will, expected to, upcoming, next...).

    Only cue words within ``reach`` characters of the expression, in the same sentence and not followed
    by a reporting verb ("will ..., he said Friday"), count.
    """
    lex = _lexicon()
    if deadline_context(text, start):
        return True
    lo, _ = sentence_bounds(text, start, end)
    window = text[max(lo, start - reach) : start]
    cut = max(window.rfind(";"), window.rfind(" while "), window.rfind(" but "))
    if cut >= 0:
        window = window[cut + 1 :]  # a cue in an earlier, different clause does not count
    cues = [c for c in lex.future_cue.finditer(window) if c.group() != "May"]  # the month, not the modal
    if not cues:
        return False
    last = cues[-1]
    return not _REPORTED.search(window, last.end())


def deadline_context(text: str, start: int) -> bool:
    """A deadline or target right before the expression: "by Jan. 14", "until Tuesday", "effective June 1"."""
    return bool(_lexicon().deadline.search(text, max(0, start - 16), start))


def is_future(m: TimeMention) -> bool:
    """True for an expression that points after the publication date or sits in a forward-looking clause."""
    return m.method.endswith(FUTURE_SUFFIX)


# --------------------------------------------------------------------------- resolution


@dataclass(slots=True)
class _State:
    """What the resolver knows while reading the text in order."""

    text: str
    pub: Anchor | None
    narr: Anchor | None = None  # last resolved calendar value (day/week/month) from the narrative
    narr_day: Anchor | None = None  # last day-precise value
    narr_year_pos: int = -1  # offset of the last explicit date with a year
    narr_year_anchor: Anchor | None = None


@dataclass(frozen=True, slots=True)
class _Res:
    value: Anchor | None
    method: str
    future: bool = False


_Handler = Callable[[re.Match[str], _State], "_Res | None"]


def _month_of(word: str) -> int | None:
    return _lexicon().months.get(word.rstrip(".").lower())


def _year_of(s: str) -> int:
    s = s.lstrip("'")
    y = int(s)
    if len(s) == 2:
        y += 2000 if y < 50 else 1900
    return y


def _day_of(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _anchor_for(st: _State, m: re.Match[str], *, allow_narrative: bool = True) -> tuple[Anchor | None, str]:
    """Anchor for a date without a year: an explicit year stated earlier in this paragraph, else publication."""
    na = st.narr_year_anchor
    if (allow_narrative and na is not None and st.narr_year_pos >= _paragraph_start(st.text, m.start())
            and (st.pub is None or (st.pub.precision == "year" and na.first <= st.pub.last))):
        return na, "narrative"
    if st.pub is not None:
        return st.pub, "publication"
    if st.narr_year_anchor is not None:
        return st.narr_year_anchor, "narrative"
    return None, ""


def _pick_year(
    make: Callable[[int], Anchor | None], anchor: Anchor, future: bool, pub: Anchor | None, grace: int = 90,
    deadline: bool = False,
) -> tuple[Anchor | None, bool]:
    """Among the anchor's year and its neighbours, the candidate closest to the anchor.

    A candidate after the publication date is allowed only in a forward-looking clause, or within
    90 days of a day-precise publication date (deadlines, scheduled meetings); a past-tense report
    of "December 16" in an April article is the December before.
    Returns (value, points_after_publication).
    """
    best: tuple[int, Anchor] | None = None
    for y in (anchor.first.year - 1, anchor.first.year, anchor.first.year + 1):
        cand = make(y)
        if cand is None:
            continue
        if deadline and pub is not None and (pub.first - cand.last).days > 31:
            continue  # "by Jan. 14": the coming Jan. 14 (or one just past)
        if (pub is not None and cand.first > pub.last and not future
                and (pub.precision != "day" or (cand.first - pub.last).days > grace)):
            continue
        if cand.last < anchor.first:
            dist = (anchor.first - cand.last).days
        elif cand.first > anchor.last:
            dist = (cand.first - anchor.last).days
        else:
            dist = 0
        if best is None or dist < best[0]:
            best = (dist, cand)
    if best is None:
        return None, False
    val = best[1]
    return val, bool(pub is not None and val.first > pub.last)


def _explicit_day(st: _State, m: re.Match[str], y: int | None, mo: int, d: int) -> _Res | None:
    if y is not None:
        date = _safe_date(y, mo, d)
        return _Res(Anchor.day(date), "explicit") if date else None
    if _safe_date(2000, mo, d) is None:  # 2000 is a leap year: accepts Feb 29
        return None
    anchor, _src = _anchor_for(st, m)
    pos = m.start("mon") if "mon" in m.re.groupindex else m.start()
    fut = future_context(st.text, pos)
    if anchor is None:
        return _Res(None, "unanchored")

    def make(yy: int) -> Anchor | None:
        date = _safe_date(yy, mo, d)
        return Anchor.day(date) if date else None

    val, after = _pick_year(make, anchor, fut, st.pub, deadline=deadline_context(st.text, pos))
    return _Res(val, "explicit-without-year", fut or after)


def _h_iso(m: re.Match[str], st: _State) -> _Res | None:
    return _explicit_day(st, m, int(m["y"]), int(m["m"]), int(m["d"]))


def _h_numeric(m: re.Match[str], st: _State) -> _Res | None:
    a, b, y = int(m["a"]), int(m["b"]), _year_of(m["y"])
    if m["sep"] == "." and len(m["y"]) == 2:
        return None  # 1.5.12 is more often a version or a score than a date
    # day/month (most of the world) unless only month/day is valid
    if b <= 12 and _safe_date(y, b, a):
        return _explicit_day(st, m, y, b, a)
    if a <= 12 and _safe_date(y, a, b):
        return _explicit_day(st, m, y, a, b)
    return None


def _h_mdy(m: re.Match[str], st: _State) -> _Res | None:
    mo = _month_of(m["mon"])
    if mo is None:
        return None
    y = int(m["y"]) if m["y"] else None
    return _explicit_day(st, m, y, mo, _day_of(m["d"]))


_h_dmy = _h_mdy


def _month_res(st: _State, m: re.Match[str], mo: int, y: int | None) -> _Res | None:
    if y is not None:
        return _Res(Anchor.month(y, mo), "explicit")
    anchor, _src = _anchor_for(st, m)
    if anchor is None:
        return _Res(None, "unanchored")
    pos = m.start("mon")
    fut = future_context(st.text, pos)
    val, after = _pick_year(lambda yy: Anchor.month(yy, mo) if _MIN_YEAR <= yy <= _MAX_YEAR else None,
                            anchor, fut, st.pub, grace=0, deadline=deadline_context(st.text, pos))
    return _Res(val, "explicit-without-year", fut or after)


def _h_modmon(m: re.Match[str], st: _State) -> _Res | None:
    mo = _month_of(m["mon"])
    return None if mo is None else _month_res(st, m, mo, int(m["y"]) if m["y"] else None)


def _h_monyear(m: re.Match[str], st: _State) -> _Res | None:
    mo = _month_of(m["mon"])
    return None if mo is None else _month_res(st, m, mo, int(m["y"]))


def _h_month(m: re.Match[str], st: _State) -> _Res | None:
    word = m["mon"]
    prep = (m["prep"] or "").strip().lower()
    if word.title() in _lexicon().ambiguous_months and not prep:
        return None
    if word == word.upper() and len(word) > 3 and st.text[max(0, m.start() - 2) : m.start()].isupper():
        return None  # inside an all-caps heading: too unsure
    mo = _month_of(word)
    return None if mo is None else _month_res(st, m, mo, None)


def _h_monrel(m: re.Match[str], st: _State) -> _Res | None:
    mo = _month_of(m["mon"])
    if mo is None:
        return None
    if st.pub is None:
        return _Res(None, "unanchored")
    rel = m["rel"].lower()
    y = st.pub.first.year + {"last": -1, "this": 0, "next": 1}[rel]
    if not _MIN_YEAR <= y <= _MAX_YEAR:
        return None
    val = Anchor.month(y, mo)
    return _Res(val, "relative-to-publication", val.first > st.pub.last)


def _h_relmon(m: re.Match[str], st: _State) -> _Res | None:
    """'last April' = the latest April before the publication month; 'next May' the first after it."""
    mo = _month_of(m["mon"])
    if mo is None:
        return None
    if st.pub is None:
        return _Res(None, "unanchored")
    rel = " ".join(m["rel"].lower().split())
    py, pm = st.pub.first.year, st.pub.first.month
    if rel in ("last", "this past"):
        y = py if mo < pm else py - 1
    elif rel in ("next", "this coming"):
        y = py if mo > pm else py + 1
    else:  # this
        y = py
    if not _MIN_YEAR <= y <= _MAX_YEAR:
        return None
    val = Anchor.month(y, mo)
    return _Res(val, "relative-to-publication", val.first > st.pub.last)


def _h_year(m: re.Match[str], st: _State) -> _Res | None:
    y = int(m["y"])
    before = st.text[max(0, m.start() - 14) : m.start()].lower()
    after = st.text[m.end() : m.end() + 16].lower()
    if re.search(r"(?:no\.|number|resolution|article|flight|route|code|room|page|pp\.|vol\.|model|level|act)\s*$",
                 before):
        return None
    if re.match(r"\s*(?:%|percent|per cent|people|persons|troops|soldiers|fighters|men|women|children|civilians|"
                r"families|refugees|killed|dead|deaths|tons|tonnes|km|kilometres|kilometers|miles|metres|meters|"
                r"feet|barrels|dollars|euros|pounds|points|votes|cases|members|units|rockets|missiles|homes|"
                r"houses|buildings|hectares|sq|square|mw|kg|calories|acres)\b", after):
        return None
    if y < 1600 and not re.search(r"(?:in|since|of|from|until|by|year|around|circa|c\.)\s*$", before):
        return None
    fut = st.pub is not None and Anchor.year(y).first > st.pub.last
    return _Res(Anchor.year(y), "explicit", fut)


def _h_modyear(m: re.Match[str], st: _State) -> _Res | None:
    y = int(m["y"])
    fut = st.pub is not None and Anchor.year(y).first > st.pub.last
    return _Res(Anchor.year(y), "explicit", fut)


def _h_fiscal(m: re.Match[str], st: _State) -> _Res | None:
    y = _year_of(m["y"])
    return _Res(Anchor.year(y), "explicit", st.pub is not None and Anchor.year(y).first > st.pub.last)


def _h_noncal(m: re.Match[str], st: _State) -> _Res | None:
    return _Res(None, "non-calendar")


def _h_quarter(m: re.Match[str], st: _State) -> _Res | None:
    s = m.group().lower()
    q = m["q"].lower()
    if q in ("period", "half") and not (m["ord"] or re.search(
            r"year-ago|year-earlier|latest|comparable|corresponding|same|\d{4}", s)):
        return None
    if q == "half" and not m["ord"]:
        return None
    if q.startswith("quarter"):
        if re.match(r"(?:a|each|every)\s+quarter", s) and not m["ord"]:
            return None  # "a quarter of the population"
        if not m["ord"] and not re.search(r"\b(?:the|this|that|its|their|fiscal|latest|current|year-ago|"
                                           r"year-earlier|same|comparable|\d{4})", s):
            return None
        rest = st.text[m.end() : m.end() + 8].lower()
        if not m["ord"] and not m["y"] and rest.startswith((" of ", " in ")):
            return None  # "the Christian quarter of Damascus"
        if not m["ord"] and re.match(r"the\s+quarter$", s) and not _finance_context(st.text, m.start()):
            return None
    return _Res(None, "non-calendar")


def _finance_context(text: str, pos: int) -> bool:
    lo, hi = sentence_bounds(text, pos)
    return bool(re.search(r"\b(?:earnings|profit|revenue|sales|income|net|share|loss|quarter|fiscal|dividend)",
                          text[lo:hi], re.IGNORECASE))


def _h_decade(m: re.Match[str], st: _State) -> _Res | None:
    return _Res(None, "non-calendar")


def _h_spelled_year(m: re.Match[str], st: _State) -> _Res | None:
    if m["c"]:
        century = 1900 if m["c"].lower() == "nineteen" else 2000
        yy = parse_number(m["yy"]) or 0
        if not 10 <= yy <= 99:
            return None
        y = century + yy
    else:
        y = 2000 + ((parse_number(m["ty"]) or 0) if m["ty"] else 0)
    return _Res(Anchor.year(y), "explicit", st.pub is not None and Anchor.year(y).first > st.pub.last)


def _relative(st: _State, unit: str, n: int, *, base: str = "publication") -> _Res:
    """A value n units from the publication date (or the narrative), at the coarser of unit/anchor precision."""
    if base == "narrative":
        anchor = st.narr_day if unit == "day" else (st.narr or st.narr_day)
        if anchor is None:
            if n != 0:
                return _Res(None, "unanchored")  # "the following day" after an undated event
            anchor, base = st.pub, "publication"  # "that day", "that year": the article's own time
    else:
        anchor = st.pub
    if anchor is None:
        return _Res(None, "unanchored")
    method = f"relative-to-{base}"
    if _PREC_RANK[anchor.precision] > _PREC_RANK[unit]:
        # the anchor is coarser than the unit ("yesterday" in an article known only to the month):
        # the anchor's own month/year is all that can be said
        return _Res(anchor, f"{method}-{anchor.precision}", n > 0)
    val = _shift(anchor.coarsen(unit), unit, n)
    if base == "publication":
        return _Res(val, method, n > 0)
    return _Res(val, method, bool(val and st.pub and val.first > st.pub.last))


def _h_relday(m: re.Match[str], st: _State) -> _Res | None:
    s = " ".join(m.group().lower().split())
    if "day before yesterday" in s:
        n = -2
    elif "day after tomorrow" in s:
        n = 2
    elif m["w"]:
        n = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m["w"].lower()]
    else:
        n = 0
    return _relative(st, "day", n)


_PAST_AFTER = re.compile(r"[^.;!?]{0,60}?\b(?:had|was|were|did|been)\b", re.IGNORECASE)


def _weekday_res(st: _State, m: re.Match[str], wd: int, rel: str) -> _Res:
    fut = rel in ("next", "this coming") or (rel not in ("last", "this past", "the previous") and
                                              future_context(st.text, m.start()))
    if fut and rel not in ("next", "this coming") and _PAST_AFTER.match(st.text, m.end()):
        fut = False  # "By Friday all but one of the villages had been evacuated"
    if rel in ("the previous", "the following", "the next"):
        anchor = st.narr_day or st.pub
        base = "weekday-from-narrative"
    else:
        anchor, base = st.pub, "weekday"
    if anchor is not None and anchor.precision != "day" and st.narr_day is not None and not fut:
        nd = st.narr_day
        if (st.pub is None or st.pub.first <= nd.first <= st.pub.last) and m.start() - st.narr_year_pos < 3000:
            anchor, base = nd, "weekday-from-narrative"
    if anchor is None:
        if st.narr_day is not None:
            anchor, base = st.narr_day, "weekday-from-narrative"
        else:
            return _Res(None, "unanchored")
    if anchor.precision != "day":
        return _Res(anchor, f"{base}-publication-{anchor.precision}", fut)
    ref = anchor.first
    delta = (wd - ref.weekday()) % 7
    if rel in ("next", "the following", "the next"):
        target = ref + dt.timedelta(days=delta or 7)
    elif rel in ("last", "the previous", "this past"):
        target = ref - dt.timedelta(days=((ref.weekday() - wd) % 7) or 7)
    elif fut:
        target = ref + dt.timedelta(days=delta)
    else:
        target = ref - dt.timedelta(days=(ref.weekday() - wd) % 7)
    return _Res(Anchor.day(target), base, fut or bool(st.pub and target > st.pub.last))


def _h_weekday(m: re.Match[str], st: _State) -> _Res | None:
    wd = _lexicon().weekdays.get(m["wd"].lower())
    if wd is None:
        return None
    rel = " ".join((m["rel"] or "").lower().split())
    if rel in ("on", "early", "late", "earlier", "later"):
        rel = ""
    return _weekday_res(st, m, wd, rel)


def _h_weekend(m: re.Match[str], st: _State) -> _Res | None:
    rel = " ".join(m["rel"].lower().split())
    if rel == "the following":
        base, method, n = st.narr_day or st.pub, "relative-to-narrative", 1
    else:
        base, method = st.pub, "relative-to-publication"
        n = {"next": 1, "last": -1, "the previous": -1, "the past": -1}.get(rel, 0)
    if base is None:
        return _Res(None, "unanchored")
    if base.precision != "day":
        return _Res(base, f"{method}-{base.precision}", n > 0)
    ref = base.first
    if n == 0 and future_context(st.text, m.start()):
        n = 1
    if n > 0:  # the next Saturday (today when it is Saturday and the clause points forward)
        sat = ref + dt.timedelta(days=(5 - ref.weekday()) % 7 or (7 if rel == "next" else 0))
        return _Res(Anchor.week(sat), method, True)
    sat = ref - dt.timedelta(days=(ref.weekday() - 5) % 7)  # the Saturday on or before the reference day
    if n < 0 and ref.weekday() >= 5:
        sat -= dt.timedelta(weeks=1)
    return _Res(Anchor.week(sat), method, False)


def _h_narrday(m: re.Match[str], st: _State) -> _Res | None:
    s = " ".join(m.group().lower().split())
    if re.match(r"the (?:next|following)|the day after", s):
        n = 1
    elif re.match(r"the (?:previous|preceding)|the day before", s):
        n = -1
    else:
        n = 0
    return _relative(st, "day", n, base="narrative")


_REL_N = {
    "last": -1, "this": 0, "next": 1, "the past": -1, "the previous": -1, "the current": 0, "the coming": 1,
    "the following": 1, "the same": 0, "the next": 1, "that": 0, "earlier this": 0, "later this": 0,
    "early this": 0, "late this": 0, "earlier in the": 0, "later in the": 0, "early next": 1, "late next": 1,
    "early last": -1, "late last": -1, "earlier that": 0, "later that": 0,
}


def _h_relunit(m: re.Match[str], st: _State) -> _Res | None:
    rel = " ".join(m["rel"].lower().split())
    unit = m["u"].lower()
    if unit == "decade":
        return _Res(None, "non-calendar")
    narrative = rel in ("the following", "the same", "that", "earlier that", "later that", "the previous") or (
        rel == "the next" and unit != "week")
    if rel.startswith(("the end of", "the beginning of", "the start of", "the middle of", "at the end", "by the end")):
        tail = rel.rsplit(" ", 1)[-1]
        return _relative(st, unit, {"last": -1, "next": 1}.get(tail, 0))
    shift = _REL_N.get(rel)
    if shift is None:
        return None
    n = shift
    if rel in ("the past", "the coming") and unit == "week":
        return _Res(None, "reference", rel == "the coming")
    res = _relative(st, unit, n, base="narrative" if narrative else "publication")
    if rel in ("the coming",):
        return _Res(res.value, res.method, True)
    return res


def _h_yearend(m: re.Match[str], st: _State) -> _Res | None:
    if st.pub is None:
        return _Res(None, "unanchored")
    val = _shift(st.pub.coarsen("year"), "year", 0)
    return _Res(val, "relative-to-publication", False)


def _h_yearago(m: re.Match[str], st: _State) -> _Res | None:
    if _quarter_context(st.text, m.start()):
        return _Res(None, "non-calendar")
    return _relative(st, "year", -1)


def _quarter_context(text: str, pos: int) -> bool:
    """A financial-results sentence, where "a year ago" means the year-ago quarter (no calendar value)."""
    lo, hi = sentence_bounds(text, pos)
    return bool(re.search(r"\bquarter|\bperiod\b|cents a share|a share\b|net income|\bnet\b|revenue|\bsales\b|"
                          r"earnings|profit", text[lo:hi], re.IGNORECASE))


def _h_ago(m: re.Match[str], st: _State) -> _Res | None:
    word = " ".join(m["n"].lower().split())
    if word in ("few", "a few", "several", "some"):
        return _Res(None, "reference")  # "several years ago": past, no calendar value
    n = parse_number(word)
    if n is None:
        return None
    unit = m["u"].lower().rstrip("s")
    direction = " ".join(m["dir"].lower().split())
    if unit == "decade":
        return _Res(None, "non-calendar")
    if unit == "year" and n == 1 and direction in ("ago", "earlier") and _quarter_context(st.text, m.start()):
        return _Res(None, "non-calendar")
    if direction in ("ago", "previously"):
        return _relative(st, unit, -n)
    if direction in ("from now", "hence"):
        return _relative(st, unit, n)
    sign = -1 if direction in ("earlier", "before") else 1
    if direction == "earlier" and st.narr is None:
        return _relative(st, unit, sign * n)  # "a year earlier" with no date stated: from publication
    if st.narr is None and st.narr_day is None:
        return _Res(None, "unanchored")  # "three days later" / "four days after X" with no date to count from
    res = _relative(st, unit, sign * n, base="narrative")
    if (res.value is not None and st.pub is not None and st.pub.precision == "day" and res.value.first > st.pub.last
            and not future_context(st.text, m.start())):
        return _Res(None, "unanchored")  # counting from the narrative lands after publication: wrong anchor
    return res


def _nth_weekday(y: int, month: int, wd: int, nth: int) -> dt.date:
    first = dt.date(y, month, 1)
    return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (nth - 1))


def _h_holiday(m: re.Match[str], st: _State) -> _Res | None:
    lex = _lexicon()
    key = " ".join(m["h"].lower().split())
    anchor = st.pub or st.narr
    if key in lex.fixed_holidays or key in lex.rule_holidays:
        if anchor is None:
            return _Res(None, "unanchored")
        fut = future_context(st.text, m.start())

        def make(y: int) -> Anchor | None:
            if not _MIN_YEAR <= y <= _MAX_YEAR:
                return None
            if key in lex.fixed_holidays:
                mo, d = lex.fixed_holidays[key]
                date = _safe_date(y, mo, d)
            elif lex.rule_holidays[key] == "thanksgiving":
                date = _nth_weekday(y, 11, 3, 4)
            else:  # US election day: the Tuesday after the first Monday of November
                date = _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1)
            return Anchor.day(date) if date else None

        val, after = _pick_year(make, anchor, fut, st.pub)
        return _Res(val, "explicit-without-year", fut or after)
    return _Res(None, "non-calendar")


def _h_season(m: re.Match[str], st: _State) -> _Res | None:
    rel = (m["rel"] or "").lower()
    s = m["s"].lower()
    if not rel and not m["y"]:
        return None
    if s == "fall" and (not m["y"] and rel in ("the", "that", "")):
        return None  # "the fall of Aleppo"
    if s == "fall" and m["y"] and st.text[m.start("s") : m.start("s") + 1].islower() and not rel:
        return None
    return _Res(None, "non-calendar")


def _h_ref(m: re.Match[str], st: _State) -> _Res | None:
    tag = _lexicon().refs.get(" ".join(m["r"].lower().split()))
    if tag is None:
        return None
    return _Res(None, "reference", tag == "FUTURE")


_HANDLERS: dict[str, _Handler] = {
    "iso": _h_iso,
    "numeric": _h_numeric,
    "mdy": _h_mdy,
    "dmy": _h_dmy,
    "modmon": _h_modmon,
    "monyear": _h_monyear,
    "monrel": _h_monrel,
    "relmon": _h_relmon,
    "month": _h_month,
    "modyear": _h_modyear,
    "halfyear": _h_noncal,
    "fiscal": _h_fiscal,
    "quarter": _h_quarter,
    "decade": _h_decade,
    "century": _h_noncal,
    "spelled_year": _h_spelled_year,
    "year": _h_year,
    "relday": _h_relday,
    "weekday": _h_weekday,
    "weekend": _h_weekend,
    "narrday": _h_narrday,
    "relunit": _h_relunit,
    "yearend": _h_yearend,
    "yearago": _h_yearago,
    "ago": _h_ago,
    "holiday": _h_holiday,
    "season": _h_season,
    "ref": _h_ref,
}

# words kept out of a mention's span (TimeML spans start at the time word, not the preposition)
_LEAD_STRIP = re.compile(r"^(?:(?:in|since|of|until|till|by|from|to|through|during|before|after|on|between|and|or|"
                         r"for|that|each|every)\s+)", re.IGNORECASE)


def _span(name: str, m: re.Match[str]) -> tuple[int, int]:
    s, e = m.span()
    if name == "month":
        return m.span("mon")
    if name == "weekday" and m["rel"] and m["rel"].lower() == "on":
        return m.start("wd"), e
    lead = _LEAD_STRIP.match(m.group())
    if lead and name not in ("ago",):
        s += lead.end()
    return s, e


_TITLE_WORD = re.compile(r"[A-Z][\w'’.-]*$")


def _in_title(text: str, s: int, e: int) -> bool:
    """A capitalised relative expression inside a name: "The Europe Today", ABC's "This Week"."""
    words = text[s:e].split()
    if not all(w[:1].isupper() for w in words) or text[s:e].isupper():
        return False
    before = text[max(0, s - 40) : s].rstrip(" \t")
    if not before or before[-1] in ".!?:\n" or before.endswith(("“", '"', "(")) and len(words) == 1:
        return False
    if before.endswith(("“", '"')):
        return True  # a quoted title: "This Week"
    return bool(_TITLE_WORD.search(before))


def _to_precision(p: str) -> DatePrecision:
    if p == "day":
        return "day"
    if p == "week":
        return "week"
    if p == "month":
        return "month"
    if p == "year":
        return "year"
    return "unknown"


_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_PAD = 48


def _windows(text: str, lex: _Lexicon) -> list[tuple[int, tuple[int, int]]]:
    """(pattern index, (start, end)) text windows worth scanning: around the words that can start a match.

    Running ~30 patterns over the whole text costs ~10 ms per article; over these windows ~1 ms.
    """
    per: dict[int, list[tuple[int, int]]] = {}
    trig = lex.triggers
    n = len(text)
    for tm in _TOKEN.finditer(text):
        w = tm.group()
        if w[0].isdigit():
            nxt = text[tm.end() : tm.end() + 1]
            if len(w) == 4:
                key = "<d4>"
            elif nxt and nxt in "/.-":
                key = "<dsep>"
            elif nxt in ("s", "'"):
                key = "<ds>"
            else:
                continue
            hit = trig.get(key)
        else:
            hit = trig.get(w.lower())
        if not hit:
            continue
        ws = max(0, tm.start() - _PAD)
        sp = text.rfind(" ", 0, ws)
        ws = 0 if sp < 0 or ws == 0 else sp + 1
        we = min(n, tm.end() + _PAD)
        sp = text.find(" ", we)
        we = n if sp < 0 else sp
        for k in hit:
            lst = per.setdefault(k, [])
            if lst and ws <= lst[-1][1]:
                lst[-1] = (lst[-1][0], max(we, lst[-1][1]))
            else:
                lst.append((ws, we))
    return [(k, span) for k in sorted(per) for span in per[k]]


def find_dates(text: str, published: str | None = None) -> list[TimeMention]:
    """Every time expression in ``text`` with its calendar value resolved against ``published``."""
    if not text:
        return []
    lex = _lexicon()
    cands: list[tuple[int, int, int, str, re.Match[str]]] = []
    for order, (ws, we) in _windows(text, lex):
        name, rx = lex.patterns[order]
        for m in rx.finditer(text, ws, we):
            if m.end() <= m.start():
                continue
            s, e = _span(name, m)
            if e > s:
                cands.append((s, e, order, name, m))
    # longest first; on equal length the earlier pattern (more specific) wins
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    cands = list({(c[0], c[1], c[2]): c for c in cands}.values())
    taken = bytearray(len(text))  # 1 where a longer mention already lies
    chosen: list[tuple[int, int, str, re.Match[str]]] = []
    for s, e, _order, name, m in cands:
        if taken.find(1, s, e) >= 0:
            continue
        taken[s:e] = b"\x01" * (e - s)
        chosen.append((s, e, name, m))
    chosen.sort(key=lambda c: c[0])

    st = _State(text=text, pub=parse_iso(published))
    out: list[TimeMention] = []
    for s, e, name, m in chosen:
        if name in ("relday", "relunit", "ref") and _in_title(text, s, e):
            continue
        try:
            res = _HANDLERS[name](m, st)
        except (ValueError, OverflowError, KeyError):
            res = None
        if res is None:
            continue
        val = res.value
        method = res.method + (FUTURE_SUFFIX if res.future else "")
        out.append(
            TimeMention(
                mention=text[s:e],
                start=s,
                end=e,
                value=val.value if val else None,
                precision=_to_precision(val.precision) if val else "unknown",
                method=method,
            )
        )
        if val is not None and not res.future and res.method != "reference":
            if val.precision in ("day", "week", "month"):
                st.narr = val
            if val.precision == "day":
                st.narr_day = val
            if res.method == "explicit" and name not in ("year", "fiscal", "spelled_year"):
                st.narr_year_anchor, st.narr_year_pos = val, s
    return out


# --------------------------------------------------------------------------- dating an event


def _clause_points_forward(text: str, start: int, end: int, sentence_start: int) -> bool:
    """A modal or future cue early in the clause itself: "ISIS may increasingly resort to attacks"."""
    lex = _lexicon()
    window = text[max(sentence_start, start - 60) : min(end, start + 80)]
    cues = [c for c in lex.future_cue.finditer(window) if c.group() != "May"]
    if not cues:
        return False
    return not _REPORTED.search(window, cues[-1].end())


_DATELINE_TAIL = re.compile(r"\s*(?:\(\w+\)\s*)?[-\u2013\u2014:|/]")


def _is_dateline(text: str, mt: TimeMention) -> bool:
    """A date in a dateline ("Beirut, March 12, 2024 - ...") dates the report, not the event."""
    line_start = text.rfind("\n", 0, mt.start) + 1
    head = text[line_start : mt.start]
    if len(head) > 60 or any(p in head for p in ".!?"):
        return False
    return bool(_DATELINE_TAIL.match(text, mt.end))


def date_for_span(
    mentions: Sequence[TimeMention],
    start: int,
    end: int,
    text: str,
    published: str | None,
    *,
    undated_lag_days: int = 0,
) -> tuple[str | None, str, str]:
    """The date that governs the clause ``text[start:end]`` (an event trigger or its sentence).

    Order: a dated expression in the same sentence (nearest to the span); else the narrative's
    current date — the last dated expression earlier in the same paragraph, kept only to the month;
    else the publication date.  A clause that points forward ("will visit ... next week") is not
    dated at all.  An undated report of a past event in an article with a day-precise publication
    date is the publication day itself: what a report states without a day happened, as far as its text
    says, on the day it is published ("today" in a news lead). ``undated_lag_days`` > 0 dates it that
    many days earlier instead, for a corpus whose reports are known to run a fixed lag behind.

    Returns (value, precision, method); method is ``sentence:<how>``, ``narrative:<how>``,
    ``publication``, ``publication-previous-day``, ``future`` (not dated: forward-looking) or
    ``undated``.
    """
    lo, hi = sentence_bounds(text, start, end)
    best: tuple[int, TimeMention] | None = None
    near_future = False
    for mt in mentions:
        if mt.end <= lo or mt.start >= hi:
            continue
        dist = 0 if (mt.start < end and start < mt.end) else min(abs(mt.start - end), abs(start - mt.end))
        if is_future(mt):
            near_future = near_future or dist <= 40
            continue
        if mt.value is None or _is_dateline(text, mt):
            continue
        if best is None or dist < best[0]:
            best = (dist, mt)
    if near_future and (best is None or future_context(text, start)):
        return None, "unknown", "future"
    if best is not None:
        mt = best[1]
        return mt.value, mt.precision, f"sentence:{mt.method}"
    if future_context(text, start) or _clause_points_forward(text, start, end, lo):
        return None, "unknown", "future"
    pub = parse_iso(published)
    para = _paragraph_start(text, lo)
    for mt in reversed(mentions):
        if mt.start >= lo or mt.start < para:
            continue
        if is_future(mt) or mt.value is None or mt.precision not in ("day", "week", "month"):
            continue
        if pub is not None and mt.value == pub.value:
            continue  # the dateline / header restating the publication date is not the narrative
        a = parse_iso(mt.value)
        if a is None:
            continue
        a = a.coarsen("month")
        return a.value, _to_precision(a.precision), f"narrative:{mt.method}"
    if pub is None:
        return None, "unknown", "undated"
    if pub.precision == "day" and undated_lag_days:
        prev = _shift(pub, "day", -undated_lag_days)
        if prev is not None:
            return prev.value, "day", "publication-previous-day"
    return pub.value, _to_precision(pub.precision), "publication"
