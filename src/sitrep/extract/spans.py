"""Text spans already taken, asked whether a position or a new span meets one of them: sorted once, then a
bisection per question instead of a scan of every span (a long report has thousands of mentions)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Spans:
    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.spans = sorted(spans)
        self.longest = max((b - a for a, b in self.spans), default=0)

    def add(self, a: int, b: int) -> None:
        bisect.insort(self.spans, (a, b))
        self.longest = max(self.longest, b - a)

    def free(self, a: int, b: int) -> bool:
        """Does no span overlap ``[a, b)``?  Only spans starting within the longest span's length before
        ``a`` can reach into it."""
        lo = bisect.bisect_left(self.spans, (a - self.longest, -1))
        hi = bisect.bisect_left(self.spans, (b, -1))
        return not any(x < b and a < y for x, y in self.spans[lo:hi])

    def covers(self, pos: int) -> bool:
        """Does a span hold ``pos``?"""
        return not self.free(pos, pos + 1)
