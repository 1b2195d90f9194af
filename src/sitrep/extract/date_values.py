"""Calendar values: an ``Anchor`` (a day, week, month or year), ISO parsing and calendar arithmetic."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

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
    def weekend(saturday: dt.date) -> Anchor:
        """The weekend that opens on ``saturday``: its two days, written as the Saturday at day precision (the
        nearest calendar value the contract has; an ISO week would add five weekdays the text rules out)."""
        return Anchor(saturday, saturday + dt.timedelta(days=1), "day")

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
