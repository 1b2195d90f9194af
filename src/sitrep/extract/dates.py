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
``sitrep/data/dates.yaml``; no dateparser, no model: about a millisecond per news article."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from sitrep.numwords import parse_number
from sitrep.records import DatePrecision, TimeMention

from .date_grammar import _alt, _data, _Lexicon, _lexicon, forward_cues
from .date_resolution import _HANDLERS, _State
from .date_sentences import (
    _REPORTED,
    _paragraph_start,
    deadline_context,
    future_context,
    in_caption,
    is_future,
    sentence_bounds,
)
from .date_values import FUTURE_SUFFIX, Anchor, _shift, parse_iso

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
        if val is not None and not res.future and res.method != "reference" and not in_caption(text, s):
            # a photo caption's day is the photo's, not the story's: the story's "a day after" does not count from it
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
    w0, w1 = max(sentence_start, start - 60), min(end, start + 80)
    cues = forward_cues(text, w0, w1)
    if not cues:
        return False
    return not _REPORTED.search(text, cues[-1].end(), w1)


_DATELINE_TAIL = re.compile(r"\s*(?:\(\w+\)\s*)?[-\u2013\u2014:|/]")


@functools.lru_cache(maxsize=1)
def _byline() -> re.Pattern[str]:
    """An agency's credit ending right before a date (``byline_agencies`` in dates.yaml), case as printed."""
    agencies = _alt(_data("dates.yaml")["byline_agencies"])
    return re.compile(rf"(?<![\w\-])(?:{agencies})\s*[|/,\-\u2013\u2014]?\s*$")


def in_byline(text: str, mt: TimeMention) -> bool:
    """A day printed right after an agency's credit ("... convoy attack AFP Tuesday 20 Sep 2016 The air raid ...",
    "Reuters | 3 October 2016"): the page's byline."""
    return mt.precision == "day" and _byline().search(text, max(0, mt.start - 40), mt.start) is not None


def _is_dateline(text: str, mt: TimeMention) -> bool:
    """A date in a dateline ("Beirut, March 12, 2024 - ...") or in an agency's byline glued into the text ("...
    convoy attack AFP Tuesday 20 Sep 2016 The air raid ...") dates the report, not the event."""
    if in_byline(text, mt):
        return True
    line_start = text.rfind("\n", 0, mt.start) + 1
    head = text[line_start : mt.start]
    if len(head) > 60 or any(p in head for p in ".!?"):
        return False
    tail = _DATELINE_TAIL.match(text, mt.end)
    # a line that opens with a bare date and a colon is an entry of a timeline ("3 May 2020: militants attacked
    # ..."), dated by it; a dateline names its place first ("Beirut, 3 May 2020: ...")
    return tail is not None and not (tail.group(0).strip() == ":" and not head.strip())


# a demonstrative that points at a happening told before ("that attack", "that massacre"): the distal "that"
_THAT_HAPPENING = re.compile(
    r"\bthat\s+(?:\w+\s+)?(?:attack|massacre|incident|bombing|strike|assault|raid|shelling|explosion|blast)\b", re.I
)
# ... or a sentence that opens on what the sentence before told, named by a distal demonstrative ("That agreement
# came after hundreds were killed ...", "That deal followed the gas attack ..."): it stays in that sentence's time
_THAT_OPENING = re.compile(
    r"[\W_]*That\s+(?!(?:is|was|were|are|has|had|would|will|could|can|may|might|should|must|did|does|said|says|"
    r"day|night|morning|afternoon|evening|week|month|year|same)\b)[a-z]+\s+[a-z]")


# ... or a sentence whose subject is owned by the one the sentence before told of, named by a possessive pronoun
# ("His government declared its stockpile ...", "Their convoy was hit ...", "Its forces shelled ..."): it goes on
# about that sentence's time
_OWNER_OPENING = re.compile(r"[\W_]*(?:His|Her|Its|Their)\s+(?!own\b)[a-z]+\b")


def goes_on(text: str, lo: int, hi: int) -> bool:
    """The sentence ``text[lo:hi]`` opens on what the one the sentence before told of owns ("His government"):
    the story of that sentence goes on."""
    return _OWNER_OPENING.match(text, lo, hi) is not None


def points_back(text: str, lo: int, hi: int) -> bool:
    """The sentence ``text[lo:hi]`` points back at what the sentence before it told ("that attack", "That deal came
    after ..."): it is told in that sentence's time."""
    return bool(_THAT_HAPPENING.search(text, lo, hi) or _THAT_OPENING.match(text, lo, hi))


# a sentence that opens on what came after the day told before it
_AFTERWARDS = re.compile(
    r"[\W_]*(?:in\s+(?:response|retaliation|reprisal)|later|afterwards?|subsequently|since\s+then|after\s+that|"
    r"then|(?:in\s+)?the\s+(?:following|next)\s+(?:days|weeks|months)|following\s+(?:this|that|the))\b",
    re.IGNORECASE)


# a sentence that opens on another strand of the news ("Meanwhile", "Elsewhere", "In another development"): told on
# the day of the report, not on the day of the background the sentence before it went back to
_NEW_STRAND = re.compile(
    r"[\W_]*(?:meanwhile|elsewhere|in\s+other\s+news|in\s+another\s+development|"
    r"in\s+a\s+(?:separate|different|related|relevant)\s+(?:development|context))\b",
    re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _speech_cues() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Cues before and after a time expression that make it the day of a saying: "a monitor said (in a
    statement) on Friday", "told AFP Saturday", "was on Monday accused" (``speech_verbs`` in dates.yaml); and the
    speech verbs alone."""
    raw = _data("dates.yaml")
    verbs, media = _alt(raw["speech_verbs"]), _alt(raw["speech_media"])
    before = re.compile(
        rf"(?:\b(?:{verbs})(?:\s+in\s+(?:a|an|its|his|her|their|the)\s+(?:[\w\-]+\s+)?(?:{media}))?|"
        r"\b(?:told|informed)\s+(?:the\s+)?(?:(?!(?:the|a|an|that|it|this)\b)[\w\-.’']+\s+){0,2}[\w\-.’']+|"
        r"\b(?:was|were|is|are|has\s+been|have\s+been))"
        r"\s+(?:on\s+)?(?:(?:late|early)\s+)?$", re.IGNORECASE)
    after = re.compile(rf"\s*(?:(?:morning|afternoon|evening|night)\s+)?(?:{verbs})\b", re.IGNORECASE)
    return before, after, re.compile(rf"\b(?:{verbs})\b", re.IGNORECASE)


def said_on(text: str, mt: TimeMention, lo: int) -> bool:
    """``mt`` is the day of a saying, not of what is said: right after a reporting verb ("the Observatory said
    on Friday", "told reporters Saturday", "reported Thursday") or between a passive's auxiliary and its
    verb ("Russia was on Monday accused of ..."), or right before the reporting verb of its subject ("a monitor on
    Tuesday raised the death toll to 61", "Turkey on Monday accused ...")."""
    before, after, _verbs = _speech_cues()
    m = before.search(text, max(lo, mt.start - 60), mt.start)
    if m is None:
        return re.search(r"(?i)\bon\s+$", text[max(lo, mt.start - 4):mt.start]) is not None and bool(
            after.match(text, mt.end))
    if re.match(r"(?i)(?:was|were|is|are|has|have)\b", m.group()):
        return bool(after.match(text, mt.end))
    return True


def _said_before(text: str, mt: TimeMention, near: tuple[int, int] | None) -> bool:
    """``mt`` comes before a reporting verb that comes before the event's words ``near`` ("On Friday rebels said
    they had shelled ...", "On Thursday the ministry condemned the air strikes ..."): the day of the saying."""
    if near is None or mt.end > near[0] or near[0] - mt.end > 80:
        return False
    verbs = _speech_cues()[2]
    return verbs.search(text, mt.end, near[0]) is not None


# a comparison opens a clause about another happening: its time expressions do not date the words before it
_COMPARED = re.compile(r"(?i)\b(?:similar\s+to|like\s+(?:the|that|those)\s+(?:one|ones|attacks?|massacres?)\b|"
                       r"reminiscent\s+of|akin\s+to|comparable\s+to|identical\s+to|the\s+same\s+as)")
_SAID_PENALTY = 10_000  # the day of the saying: only when nothing else in the sentence dates the event
# the start of a period ("the deadliest attack since the beginning of the conflict in March 2011", "besieged since
# June 2016"): when something began, not the day the story goes on about
_SINCE_BEFORE = re.compile(r"(?i)\bsince\b[^.;:!?]{0,80}$")


def _period_start(text: str, mt: TimeMention) -> bool:
    """``mt`` dates when a long period began: a month or a year with "since" before it in its clause. A day is
    the story's own ("killed 200 since they went on the offensive on Thursday": the battle the article tells)."""
    return mt.precision != "day" and _SINCE_BEFORE.search(text, max(0, mt.start - 90), mt.start) is not None


def _sentence_pick(mentions: Sequence[TimeMention], start: int, end: int, text: str, saying: bool,
                   near: tuple[int, int] | None = None) -> tuple[tuple[float, TimeMention] | None, bool]:
    """The dated expression of the sentence that governs ``text[start:end]`` as ``(distance, mention)``
    (nearest first, and of two inside the span the one by the event's words ``near``; a day of a saying,
    :func:`said_on` / :func:`_said_before`, only when no other), and whether a forward-looking expression stands
    near the span."""
    lo, hi = sentence_bounds(text, start, end)
    best: tuple[float, TimeMention] | None = None
    near_future = False
    for mt in mentions:
        if mt.end <= lo or mt.start >= hi:
            continue
        dist: float = 0 if (mt.start < end and start < mt.end) else min(abs(mt.start - end), abs(start - mt.end))
        if dist == 0 and near is not None and not (mt.start < near[1] and near[0] < mt.end):
            dist = min(abs(mt.start - near[1]), abs(near[0] - mt.end)) / 10_000  # still before any outside
        if is_future(mt):
            near_future = near_future or dist <= 40
            continue
        if mt.value is None or _is_dateline(text, mt):
            continue
        if near is not None and near[1] <= mt.start and _COMPARED.search(text, near[1], mt.start):
            continue  # "the attack shows a crime similar to the one committed in Ghouta in 2013": the other one's date
        if not saying and (said_on(text, mt, lo) or _said_before(text, mt, near)):
            dist += _SAID_PENALTY
        if best is None or dist < best[0]:
            best = (dist, mt)
    return best, near_future


def dated_by_saying(mentions: Sequence[TimeMention], start: int, end: int, text: str) -> bool:
    """The sentence dates ``text[start:end]`` only by the day something was said about it ("killed at least 20,
    a monitor said on Friday"): the day of the report, which the happening may well precede."""
    best, _ = _sentence_pick(mentions, start, end, text, False)
    return best is not None and best[0] >= _SAID_PENALTY


_NAMED_YEAR = re.compile(r"(?<![\w'-])(1[89]\d\d|20\d\d)(?![\w'])")


def _year_named(mt: TimeMention, pub: Anchor | None) -> TimeMention:
    """A part of a year that has no calendar value of its own ("the summer of 2012", "the first quarter of
    2014", "Ramadan 2016") still tells the year of what it dates: that year, unless it lies after the report.
    The mention itself keeps its null value (a season is not a calendar date); only the event's date uses it."""
    if mt.value is not None or mt.method != "non-calendar":
        return mt
    years = _NAMED_YEAR.findall(mt.mention)
    if len(set(years)) != 1 or (pub is not None and years[0] > pub.value[:4]):
        return mt
    return TimeMention(mt.mention, mt.start, mt.end, years[0], "year", "non-calendar-year")


_CAME_AFTER = re.compile(
    r"(?i)\b(?:came|comes|come|coming|happened|occurred|took\s+place)\s+(?:just\s+|only\s+|barely\s+)?$")
_SPAN_AFTER = re.compile(r"(?i)(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
                         r"(?P<u>day|week|month)s?\s+after$")


def _came_after(mentions: Sequence[TimeMention], text: str, lo: int, hi: int, near: tuple[int, int] | None,
                published: str | None) -> tuple[str | None, str, str] | None:
    """"The attack came a day after jets struck a market in Idlib": the happening told after "N days after" was N
    days before the one the sentence opens on (the story's, dated as any sentence without a day of its own), not on
    its day, unless it names a day of its own after the expression.  ``near`` (the event's words) must follow the
    expression."""
    if near is None:
        return None
    for mt in mentions:
        m = _SPAN_AFTER.fullmatch(mt.mention)
        if m is None or mt.value is not None or not (lo <= mt.start and mt.end <= near[0] < hi) \
                or not _CAME_AFTER.search(text, max(lo, mt.start - 30), mt.start):
            continue
        n = 1 if m["n"].lower() in ("a", "an") else parse_number(m["n"])
        if not n:
            return None
        rest = [t for t in mentions if t is not mt]
        if any(t.value is not None and mt.end <= t.start < hi for t in rest):
            return None  # the earlier happening names its own day ("... a day after an air strike on Monday killed 12")
        value, precision, method = date_for_span(rest, lo, mt.start, text, published)
        a = parse_iso(value) if value else None
        if a is None or method == "future":
            return None
        unit = m["u"].lower()
        moved = _shift(a, "day", -7 * n if unit == "week" else -n) if unit != "month" and a.precision == "day" \
            else _shift(a.coarsen("month"), "month", -n if unit == "month" else 0)
        if moved is None:
            return None
        return moved.value, _to_precision(moved.precision), f"before-story:{method}"
    return None


def date_for_span(
    mentions: Sequence[TimeMention],
    start: int,
    end: int,
    text: str,
    published: str | None,
    *,
    undated_lag_days: int = 0,
    saying: bool = False,
    near: tuple[int, int] | None = None,
) -> tuple[str | None, str, str]:
    """The date that governs the clause ``text[start:end]`` (an event trigger or its sentence).

    Order: a dated expression in the same sentence (nearest to the span); else the narrative's
    current date — the last dated expression earlier in the same paragraph: its day when it names one
    (the story goes on about the day its lead named, unless the sentence has a vague time of its own:
    "weeks after", "recently"), else its month;
    else the publication date.  A clause that points forward ("will visit ... next week") is not
    dated at all.  An undated report of a past event in an article with a day-precise publication
    date is the publication day itself: what a report states without a day happened, as far as its text
    says, on the day it is published ("today" in a news lead). ``undated_lag_days`` > 0 dates it that
    many days earlier instead, for a corpus whose reports are known to run a fixed lag behind.
    The day of a saying ("..., a monitor said on Friday", :func:`said_on`) dates what is said only when
    nothing else in the sentence does (a clause that is itself the saying, ``saying``, is dated by it).
    ``near`` (the event's own words, inside the span): of two days the span names ("On Thursday the ministry
    condemned the air strikes on December 7"), the one nearer these words dates it.

    Returns (value, precision, method); method is ``sentence:<how>``, ``narrative:<how>``,
    ``publication``, ``publication-previous-day``, ``future`` (not dated: forward-looking) or
    ``undated``.
    """
    pub = parse_iso(published)
    lo, hi = sentence_bounds(text, start, end)
    before_story = _came_after(mentions, text, lo, hi, near, published)
    if before_story is not None:
        return before_story
    # a season's year dates its own sentence only; the narrative carries calendar dates
    best, near_future = _sentence_pick([_year_named(mt, pub) for mt in mentions], start, end, text, saying, near)
    if near_future and (best is None or future_context(text, start)):
        return None, "unknown", "future"
    if best is not None:
        mt = best[1]
        return mt.value, mt.precision, f"sentence:{mt.method}"
    if future_context(text, start) or _clause_points_forward(text, start, end, lo):
        return None, "unknown", "future"
    para = _paragraph_start(text, lo)
    # a sentence with a time of its own that has no calendar value ("less than two weeks after", "in recent
    # days") is not told on the story's day; any other sentence is, until the text names another day
    # and neither is one that tells what came after it ("In response, ...", "Later, ...")
    own_time = any(lo <= mt.start < hi and mt.value is None for mt in mentions) or bool(
        _AFTERWARDS.match(text, lo, hi))
    # "... sarin was used in Eastern Ghouta in 2013. The US accused Damascus of that attack, which killed 1429":
    # a clause that points back at a past happening takes the year the sentence before gives it
    back_from = sentence_bounds(text, lo - 2, lo - 1)[0] if lo > 1 and (
        points_back(text, lo, hi) or goes_on(text, lo, hi)) else hi
    if _NEW_STRAND.match(text, lo, hi):
        para = lo  # no narrative to carry: the report's own day
    for mt in reversed(mentions):
        if mt.start >= lo or mt.start < para:
            continue
        if mt.precision == "year" and mt.start >= back_from and mt.value is not None and pub is not None \
                and not is_future(mt) and mt.value[:4] < pub.value[:4]:
            return mt.value, "year", f"narrative:{mt.method}"
        if is_future(mt) or mt.value is None or mt.precision not in ("day", "week", "month"):
            continue
        if in_caption(text, mt.start) or _period_start(text, mt):
            continue  # a photo's date is not the story's, nor is the start of a period
        if pub is not None and mt.value == pub.value:
            if mt.method == "explicit":
                continue  # the dateline / header restating the publication date is not the narrative
            break  # the story's last day is the publication day ("on Wednesday" in a Wednesday report)
        a = parse_iso(mt.value)
        if a is None:
            continue
        if a.precision != "day" or own_time:
            a = a.coarsen("month")
        return a.value, _to_precision(a.precision), f"narrative:{mt.method}"
    if pub is None:
        return None, "unknown", "undated"
    if pub.precision == "day" and undated_lag_days:
        prev = _shift(pub, "day", -undated_lag_days)
        if prev is not None:
            return prev.value, "day", "publication-previous-day"
    return pub.value, _to_precision(pub.precision), "publication"
