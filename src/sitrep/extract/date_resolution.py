"""Resolution: one handler per grammar pattern turns a match into a calendar value against the publication
date and the narrative (``_HANDLERS``)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from sitrep.numwords import parse_number

from .date_grammar import _lexicon
from .date_sentences import _paragraph_start, deadline_context, future_context, sentence_bounds
from .date_values import _MAX_YEAR, _MIN_YEAR, _PREC_RANK, Anchor, _safe_date, _shift

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


def _relative_month(y: int, mo: int, pub: Anchor) -> _Res | None:
    """Month ``mo`` of year ``y``, told relative to the publication ``pub`` (in the future when after it)."""
    if not _MIN_YEAR <= y <= _MAX_YEAR:
        return None
    val = Anchor.month(y, mo)
    return _Res(val, "relative-to-publication", val.first > pub.last)


def _h_monrel(m: re.Match[str], st: _State) -> _Res | None:
    mo = _month_of(m["mon"])
    if mo is None:
        return None
    if st.pub is None:
        return _Res(None, "unanchored")
    rel = m["rel"].lower()
    y = st.pub.first.year + {"last": -1, "this": 0, "next": 1}[rel]
    return _relative_month(y, mo, st.pub)


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
    return _relative_month(y, mo, st.pub)


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
        return _Res(Anchor.weekend(sat), f"{method}-weekend", True)
    sat = ref - dt.timedelta(days=(ref.weekday() - 5) % 7)  # the Saturday on or before the reference day
    if n < 0 and ref.weekday() >= 5:
        sat -= dt.timedelta(weeks=1)
    return _Res(Anchor.weekend(sat), f"{method}-weekend", False)


def _h_narrday(m: re.Match[str], st: _State) -> _Res | None:
    s = " ".join(m.group().lower().split())
    if re.match(r"the (?:next|following)|the day after", s):
        n = 1
    elif re.match(r"the (?:previous|preceding)|the day before", s):
        n = -1
    else:
        n = 0
    return _relative(st, "day", n, base="narrative")


def _h_narrunit(m: re.Match[str], st: _State) -> _Res | None:
    """"the year before", "the week after": one unit from the narrative's date."""
    n = -1 if m["dir"].lower() in ("before", "earlier") else 1
    return _relative(st, m["u"].lower(), n, base="narrative")


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
    "mdy_glued": _h_mdy,
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
    "narrunit": _h_narrunit,
    "relunit": _h_relunit,
    "yearend": _h_yearend,
    "yearago": _h_yearago,
    "ago": _h_ago,
    "holiday": _h_holiday,
    "season": _h_season,
    "ref": _h_ref,
}
