"""Where the reports of one incident disagree, as typed Contradiction records.

A disagreement is recorded only between values that their own evidence supports (:func:`supported`),
and only when it goes beyond what the values' precision explains:
- ``date``: two reports' dates, each given by the sentence itself (an explicit date or a weekday, not
  a guess from the publication day or the narrative, not "last week", not the weekday of the telling),
  more than ``DATE_SLACK_DAYS`` apart (a day apart is time zones, a night, a late report);
- ``fatalities`` / ``injured``: different specific figures, each written in its report's evidence
  sentence as a count of that kind (a figure that sentence never states, an article -- "the body of a dead
  child" -- or the other count -- "one killed and two others injured" read as 2 dead -- is not shown against
  one it does; nor a tally over a period, "327 killed since the start of the month"; nor a figure smaller than
  a total told over an area that holds it, "in and around the town", "in Aleppo and Homs"; nor a count of one
  kind of victim, "killed four children", below a count of people), told of the same place
  (figures from quarters of a town that share no name, "al-Midan neighbourhood" and "al-Jamiliyah
  neighbourhood", are two happenings), by a report that can tell of it (a page dated only by its publication
  day, out before the day the other reports state, tells of another);
- ``sub_event_type`` (kind "method/sub-type"): different *specific* ACLED sub types ("Attack" says
  how little the report knew of the method and agrees with any violent sub type; a chemical agent
  agrees with the air strike or the rockets that delivered it); ``method``:
  stated methods of different classes (``data/resolve_methods.yaml``: "ambush by gunman" vs
  "suicide bomber"), not different wordings of one class;
- ``actor1`` (kind "perpetrator"): different named perpetrators, each named as the doer in its own
  evidence sentence (not absent from it, not "opposition-held", not the side doing the blaming, not the
  doer of a later act, "after a downed pilot was killed by rebels"; an unidentified one agrees with all);
- ``location``: places that cannot be one (different countries, or neither inside the other nor
  within 25 km), each named in its report's evidence sentence.
Two sources disagree only when the values one states and those another states have none in common: a
report that gives two figures itself (a toll read twice, two tellers it quotes) disagrees with nobody.
Each value lists the reports behind it with their event ids, sources, documents and evidence spans.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from sitrep.extract.numbers import QUANTITY, Casualties, find_casualties, parse_count
from sitrep.geo.gazetteer import skeleton_key
from sitrep.records import Contradiction, ContradictionValue, Event, Place, haversine_km

from .blocking import date_interval, happening_place, interval_gap, key_event, places_agree
from .matching import actor_key, date_guessed
from .signatures import is_tally

LOCATION_KM = 25.0
UNSPECIFIC_SUB_TYPES = frozenset({"Attack"})  # "an attack": says how little the report knew of the method
_QUANTITY = re.compile(QUANTITY, re.IGNORECASE)
# the actor's words used as a place modifier, as the owner of a target or as the side that accuses:
# "opposition-held Idlib",
# "the opposition ... blaming the Syrian army"
_NOT_DOER = re.compile(
    r"^\W*(?:-\s*)?(?:held|controlled|run|besieged|backed|allied|supported|linked|affiliated)\b"
    # the actor as the owner of a target: "struck a Syrian army position", "shelled regime checkpoints"
    r"|^\s+(?:positions?|bases?|checkpoints?|posts?|outposts?|barracks|headquarters|convoys?|depots?|airports?)\b"
    r"|^[^.;]{0,60}?\b(?:accus\w*|blam\w*|said|says|told|tells|stated?|states|claim\w*|report\w*|deni\w*|den(?:y|ies))\b"
    r"|^\W*or\b"  # "Syrian regime or Russian air strikes": the report does not know which
    r"|^\s*:"  # "Syrian opposition: 1300 killed" (the speaker of a headline)
    r"|^[^.;]{0,60}?\b(?:call(?:s|ed)? (?:for|on)|urge[sd]?|condemn\w*)\b",
    re.IGNORECASE,
)
_OR_BEFORE = re.compile(r"\bor\s+$", re.IGNORECASE)
# the actor named as whom others fight ("the US-led coalition fighting Islamic State", "the campaign against
# Daesh", "strikes targeting the Nusra Front"): the target of the acts, not their doer
_FOUGHT_BEFORE = re.compile(
    r"\b(?:fighting|battling|combat(?:t)?ing|against|targeting|targetting|attacking|to (?:fight|defeat|combat))"
    r"\s+(?:the\s+)?(?:[\w-]+\s+){0,1}$",
    re.IGNORECASE,
)
# the sentence names the doer only in a claim it dismisses ("claims that opposition forces were responsible ...
# found such claims lacking in credibility", "allegations that rebels did it, which it called baseless")
_DISMISSED_AFTER = re.compile(
    r"\b(?:lack\w* (?:in |of )?credib\w*|not credible|baseless|unfounded|groundless|no (?:credible )?evidence"
    r"|inconsistent with the evidence|(?:dismiss|reject|debunk)\w*|fabricat\w*)\b",
    re.IGNORECASE,
)
# the doer of another act that the sentence tells after its own ("has killed 43 in a revenge shelling after a
# downed pilot was killed by rebels", "shelled the town following an attack launched by the Nusra Front"): an
# active main clause, then a clause of cause or time with a verb of its own, then the mention. A passive main
# clause ("four soldiers were killed after their convoy was ambushed by IS") names its doer only there.
_LATER_ACT = re.compile(
    r"\b(?:after|following|before|in (?:retaliation|revenge|response) (?:for|to)|to avenge)\b"
    r"[^.;]*?\b(?:\w+ed|was|were|is|are|has|have|had)\b[^.;]*$",
    re.IGNORECASE,
)
_ACTIVE_VERB = re.compile(r"\b(?:\w+ed|hit|struck|shot|has|have|had)\b", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+\s+)?\w+(?:ed|en)\b", re.IGNORECASE)


def _doer_of_later_act(text: str, at: int) -> bool:
    """Is the mention at ``at`` named in a clause of another act, after an active main clause?"""
    m = _LATER_ACT.search(text[:at])
    main = text[:m.start()] if m else ""
    return bool(m and _ACTIVE_VERB.search(main) and not _PASSIVE.search(main))


# page furniture before the mention ("Topic Violence Erupts as Islamic State Rises", "Tags Syria Aleppo ...")
_CLUTTER_BEFORE = re.compile(r"\b(?:Topic|Tags|Related)\b[^.]*$")
_RELATED = re.compile(r"\bRelated\b")  # what follows is a list of other articles' headlines
STATED_DATE_METHODS = ("sentence:explicit", "sentence:weekday")  # a date the sentence itself gives
DATE_SLACK_DAYS = 1  # one day apart: time zones, a night, a report that dates the telling
# an article names a victim ("carry the body of a dead child", "a man was killed"); it does not count the dead
_ARTICLE = re.compile(r"an?", re.IGNORECASE)
# a figure that counts part of the dead ("14 of the dead were fighters", "seven of them children")
# ("one of its fighters fired on the gathering": one of a group, no toll)
_PART = re.compile(r"^(?:(?:at least|more than|over|some|about)\s+)?[\w,-]+\s+of\s+"
                   r"(?:the|them|those|whom|its|their|his|her)\b", re.IGNORECASE)
# a figure that counts a group among the dead ("Among the dead were four children", "the toll, among them two women")
# ("Two medics were among at least 31 people killed": the figure right after "among" is the whole toll)
_AMONG_BEFORE = re.compile(r"\bamong\s+(?:the|them|those|whom|these|its|their)\b[^.;:]*$", re.IGNORECASE)
# a figure for one group the sentence adds others to ("killing one teacher as well as the children")
_AS_WELL_AS = re.compile(r"^(?:(?:at least|more than|over|some|about)\s+)?[\w,-]+\s+(?:[\w-]+\s+){0,2}as well as\b",
                         re.IGNORECASE)
# a round figure told loosely ("more than 30", "nearly 50", "about 20"): the range of values it agrees with
_ROUNDED_AT = re.compile(r"(?:(more than|over)|(nearly|almost)|(about|around|some|roughly|approximately))\s+",
                         re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
# a toll told over an area wider than one spot ("in and around a town", "Douma and its outskirts", "the town and
# nearby villages"): a total that a smaller figure told of one village or quarter of it may be a part of
_WIDER_AREA = re.compile(
    r"\bin\s+and\s+(?:around|near)\b"
    r"|\band\s+(?:its|their|the)\s+(?:surroundings|outskirts|countryside|suburbs|environs|vicinity|"
    r"surrounding\s+(?:areas|villages|towns))\b"
    r"|\band\s+(?:surrounding|nearby|neighbou?ring)\s+(?:areas|villages|towns|districts)\b",
    re.IGNORECASE)
# a figure that counts one kind of victim ("killed four children", "seven school children died", "three women were
# among"): a part of a larger count of people, comparable only with a count of that kind
_KIND_COUNTED = re.compile(
    r"^(?:(?:at least|more than|over|some|about)\s+)?[\w,-]+\s+(?:[\w-]+\s+)?(?:children|child|kids|women|girls|boys|"
    r"students|pupils|schoolchildren|babies|infants|medics|teachers|doctors|nurses)\b", re.IGNORECASE)
# the note of a toll the extraction read over a list of places ("in rocket attacks in Aleppo and Homs": ACLED puts it
# on the first place, but it counts the dead of all of them)
_LIST_TOLL = "toll:of-the-list"
# a weekday that dates the telling, not the happening ("the Observatory said on Friday")
_TOLD_ON = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|added|confirmed|warned)\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)
# the named quarters of a town that a sentence places the happening in ("al-Midan neighbourhood", "the neighbourhoods
# of al-Sabil and al-Furqan", "the Karrada district", "al-Hizam al-Akhdar (Green Belt) area"): two figures told of
# quarters that share no name are two happenings in one city (each rocket attack of the day), not one toll told twice
_NAME = r"(?:(?:al|el|ad|ash|as|ar|az|an|at|ez|ed)-)?[A-Z][\w'-]*"
_QUARTER = r"(?:[Nn]eighbou?rhoods?|[Dd]istricts?|[Qq]uarters?|[Ss]treets?|[Ss]quares?|[Aa]reas?)"
_QUARTERS = re.compile(rf"((?:{_NAME}\s+(?:and\s+)?){{1,4}})(?:\([^()]{{1,40}}\)\s*)?{_QUARTER}\b"
                       rf"|\b{_QUARTER}\s+of\s+((?:(?:and\s+)?{_NAME}\s*){{1,6}})")
_QUARTER_WORDS = re.compile(rf"^{_QUARTER}$|^and$")
# sub types that name a method, and the method class (data/resolve_methods.yaml) whose cues state it
METHOD_OF_SUB_TYPE = {
    "Air/drone strike": "air strike",
    "Shelling/artillery/missile attack": "shelling / missile",
    "Suicide bomb": "suicide attack",
    "Remote explosive/landmine/IED": "roadside bomb / IED",
    "Chemical weapon": "chemical",
    "Grenade": "grenade",
    "Armed clash": "gunfire / ambush",
}


def _counts(text: str) -> list[tuple[int, int]]:
    """(offset, value) of each count the sentence writes: digits or number words, not an article ("a dead child")."""
    return [(m.start(), n) for m in _QUANTITY.finditer(text)
            if not _ARTICLE.fullmatch(m.group(0).strip()) and (n := parse_count(m.group(0))) is not None]


class Reading:
    """What the resolver reads in one report's sentence: each part read at most once, when first asked (the
    report's profile, its incident's consensus and the contradiction check all ask)."""

    __slots__ = ("_casualties", "_counts", "_quarters", "_tally", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._counts: list[tuple[int, int]] | None = None
        self._tally: bool | None = None
        self._casualties: Casualties | None = None
        self._quarters: frozenset[str] | None = None

    @property
    def counts(self) -> list[tuple[int, int]]:
        """(offset, value) of each count the sentence writes (:func:`_counts`)."""
        if self._counts is None:
            self._counts = _counts(self.text)
        return self._counts

    @property
    def tally(self) -> bool:
        """A cumulative count over a period, not one happening (:func:`signatures.is_tally`)."""
        if self._tally is None:
            self._tally = is_tally(self.text)
        return self._tally

    @property
    def casualties(self) -> Casualties:
        """The killed and injured figures the sentence states, with their spans (:func:`numbers.find_casualties`)."""
        if self._casualties is None:
            self._casualties = find_casualties(self.text)
        return self._casualties

    @property
    def quarters(self) -> frozenset[str]:
        """The words of the names of the town quarters the sentence names (:func:`quarters`)."""
        if self._quarters is None:
            self._quarters = quarters(self.text)
        return self._quarters


@lru_cache(maxsize=1 << 17)
def reading(event_id: str, text: str) -> Reading:
    """The reading of one report's sentence (the report's id is in the key, so two reports never share one)."""
    return Reading(text)


def supported(ev: Event, field: str) -> bool:
    """Does the report's own evidence sentence state its value for ``field``?

    date: stated by the sentence, not guessed from the publication day or the narrative
    (:func:`matching.date_guessed`; the page's dateline is the day of publication, which the text's own
    "on Monday" outranks), an explicit date or a weekday (``STATED_DATE_METHODS``), not a weekday that
    dates the telling ("the monitor said on Friday");
    fatalities/injured: some quantity in the sentence reads as that figure and is not a part ("14 of the
    dead"); actor1: its mention is in the sentence and names the doer (not "opposition-held", not the
    accuser, the speaker or one who calls for something, not one of two the report hesitates between,
    not page furniture); location: its mention is in the sentence and names where it happened
    (:func:`blocking.happening_place`). Other fields: always (methods: :func:`_states_method`).
    """
    text = ev.evidence.text
    if field == "date":
        if date_guessed(ev) or not (ev.date_method or "").startswith(STATED_DATE_METHODS):
            return False
        days = list(_WEEKDAY.finditer(text))
        return not (ev.date_method == "sentence:weekday" and days
                    and all(_TOLD_ON.search(text[:m.start()]) for m in days))
    if field in ("fatalities", "injured"):
        figure = ev.fatalities if field == "fatalities" else ev.injured
        return figure is not None and figure_stated(ev.event_id, text, field, figure)
    if field == "actor1":
        mention = ev.actor1.mention if ev.actor1 else None
        if not mention:
            return False
        at = text.casefold().find(mention.casefold())
        return (at >= 0 and not _NOT_DOER.search(text[at + len(mention):])
                and not _OR_BEFORE.search(text[:at]) and not _CLUTTER_BEFORE.search(text[:at])
                and not _FOUGHT_BEFORE.search(text[:at])
                and not _doer_of_later_act(text, at)
                and not _DISMISSED_AFTER.search(text, at + len(mention)))
    if field == "location":
        place = ev.location.mention if ev.location else None
        return place is not None and place.casefold() in text.casefold() and happening_place(ev) is not None
    return True


@lru_cache(maxsize=1 << 17)
def figure_stated(event_id: str, text: str, field: str, figure: int) -> bool:
    """Does the report's sentence state ``figure`` for ``field`` (see :func:`supported`)? Asked of one report several
    times (its profile, its incident's consensus, the contradiction check): answered once per report (the report's
    id is in the key, so two reports never share an answer), from its sentence's one :func:`reading`."""
    read = reading(event_id, text)
    at_figure = [at for at, n in read.counts if n == figure and not _PART.match(text[at:])
                 and not _AS_WELL_AS.match(text[at:]) and not _AMONG_BEFORE.search(text[:at])]
    if not at_figure or read.tally:  # a count over a period ("327 killed since the start of the month")
        return False
    # a figure the sentence gives for the other count is not this one
    other = read.casualties.injured_spans if field == "fatalities" else read.casualties.killed_spans
    return any(not any(a <= at < b for a, b in other) for at in at_figure)


@lru_cache(maxsize=1)
def method_classes() -> tuple[tuple[str, tuple[str, ...]], ...]:
    text = resources.files("sitrep.data").joinpath("resolve_methods.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    return tuple((str(k), tuple(str(c).casefold() for c in v)) for k, v in (data.get("classes") or {}).items())


@lru_cache(maxsize=1 << 12)
def method_class(method: str | None) -> str | None:
    """The class of a stated method ("ambush by gunman" -> "gunfire / ambush"), else its own wording."""
    if not method:
        return None
    m = method.casefold()
    for name, cues in method_classes():
        if any(c in m for c in cues):
            return name
    return " ".join(m.split())


# an agent and the way it was delivered agree: chlorine dropped from a helicopter, sarin in rockets
_AGENT = frozenset({"Chemical weapon", "chemical"})
_DELIVERY = frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "air strike", "shelling / missile"})
# a bomb of unknown kind agrees with the suicide or car bomb another report names
_ANY_BOMB = frozenset({"Remote explosive/landmine/IED", "roadside bomb / IED"})
_NAMED_BOMB = frozenset({"Suicide bomb", "suicide attack", "car bomb"})


def _compatible(values: set[str]) -> bool:
    """Do these sub types (or method classes) all agree? One value does; a chemical agent and the
    ways of delivering it ("Chemical weapon" and "Air/drone strike") do too, and so do an unnamed
    bomb and a named one ("Remote explosive/landmine/IED" and "Suicide bomb")."""
    if len(values) < 2:
        return True
    if values & _AGENT and values - _AGENT <= _DELIVERY:
        return True  # sarin in rockets, chlorine in barrel bombs: each report names one side of it
    return values <= (_ANY_BOMB | _NAMED_BOMB) and len(values - _ANY_BOMB) <= 1


def _value(value: Any, events: Sequence[Event]) -> ContradictionValue:
    return ContradictionValue(
        value=value,
        event_ids=tuple(e.event_id for e in events),
        evidence=tuple(e.evidence for e in events),
        sources=tuple(dict.fromkeys(e.source for e in events if e.source)),
        doc_ids=tuple(dict.fromkeys(e.doc_id for e in events)),
    )


def _group(
    events: Sequence[Event], key: Callable[[Event], Hashable | None], shown: Callable[[Event], Any]
) -> list[tuple[Any, list[Event]]]:
    groups: dict[Hashable, tuple[Any, list[Event]]] = {}
    for ev in events:
        k = key(ev)
        if k is None:
            continue
        if k not in groups:
            groups[k] = (shown(ev), [])
        groups[k][1].append(ev)
    return sorted(groups.values(), key=lambda g: (-len(g[1]), str(g[0])))


def _between_reports(groups: list[tuple[Any, list[Event]]]) -> bool:
    """Two documents disagree: the values one states and those another states have none in common ("5 killed"
    against a report of "three deaths ... at least four died"). A report that gives two figures itself (a toll
    read twice) is no disagreement between sources, nor is a second report that repeats one of them."""
    stated: dict[str, set[int]] = {}
    for i, (_v, evs) in enumerate(groups):
        for e in evs:
            stated.setdefault(e.doc_id, set()).add(i)
    sets = list(stated.values())
    return any(a.isdisjoint(b) for n, a in enumerate(sets) for b in sets[n + 1:])


def _one_side_per_report(groups: list[tuple[Any, list[Event]]], larger: bool) -> list[tuple[Any, list[Event]]]:
    """Each document shown on one side only, so no source is listed as disagreeing with itself: the group of the
    largest figure among those that hold its reports when ``larger`` (a page that gives 20 dead in its lead and 70
    further down stands by 70: a toll that rose as it was told), else the first of them (the groups are sorted
    by how many reports give them: a page naming two places stands by the one most reports give)."""
    def rank(i: int) -> tuple[int, int]:
        v = groups[i][0]
        return (v if larger and isinstance(v, int) else 0, -i)

    side: dict[str, int] = {}
    for i, (_v, evs) in enumerate(groups):
        for e in evs:
            j = side.get(e.doc_id)
            if j is None or rank(i) > rank(j):
                side[e.doc_id] = i
    kept = [(v, [e for e in evs if side[e.doc_id] == i]) for i, (v, evs) in enumerate(groups)]
    return [(v, evs) for v, evs in kept if evs]


def _contradiction(
    field: str, kind: str, groups: list[tuple[Any, list[Event]]], larger: bool = False
) -> Contradiction | None:
    """The disagreement the groups show, each document on one side (:func:`_one_side_per_report`)."""
    if len(groups) < 2 or not _between_reports(groups):
        return None
    groups = _one_side_per_report(groups, larger)
    docs = [{e.doc_id for e in evs} for _, evs in groups]
    if len(groups) < 2 or len(set().union(*docs)) < 2:
        return None  # one document disagreeing with itself tells two sub-happenings, not two sources
    return Contradiction(field=field, kind=kind, values=tuple(_value(v, evs) for v, evs in groups))


def _one_weekday(a: tuple[Event, tuple[int, int]], b: tuple[Event, tuple[int, int]]) -> bool:
    """Both sentences name the same weekday ("on Wednesday"), dated to weeks apart only by their pages'
    publication days: the sources agree on the day; which week is the pages' doing, not theirs."""
    (ea, ia), (eb, ib) = a, b
    return (ea.date_method == eb.date_method == "sentence:weekday" and ia[0] == ia[1] and ib[0] == ib[1]
            and (ia[0] - ib[0]) % 7 == 0)


def _date_conflict(events: Sequence[Event]) -> Contradiction | None:
    dated = [(e, date_interval(e.date)) for e in events if supported(e, "date")]
    dated_ok = [(e, iv) for e, iv in dated if iv is not None]
    # any two intervals that do not overlap?
    clash = any(
        interval_gap(a[1], b[1]) > DATE_SLACK_DAYS and not _one_weekday(a, b)
        for i, a in enumerate(dated_ok) for b in dated_ok[i + 1 :]
    )
    if not clash:
        return None
    # the precise values (the vaguer ones that contain a precise one agree with it and are not shown)
    precise = [(e, iv) for e, iv in dated_ok if not any(
        o is not e and oiv[0] >= iv[0] and oiv[1] <= iv[1] and oiv != iv for o, oiv in dated_ok)]
    groups = _group([e for e, _ in precise], lambda e: e.date, lambda e: e.date)
    return _contradiction("date", "date beyond precision", groups)


def _states_method(e: Event, cls: str, rivals: set[str]) -> bool:
    """The report's sentence names method class ``cls`` (one of its cues) and none of the ``rivals``: a
    sub type or method the sentence never names ("shelling" typed as an air strike, page clutter) or one
    it names beside another ("air strikes and shelling") takes no side."""
    cues = dict(method_classes())
    text = _RELATED.split(e.evidence.text, maxsplit=1)[0].casefold()
    named = {c for c in rivals | {cls} if any(cue in text for cue in cues.get(c, ()))}
    return named == {cls}


def _figures(events: Sequence[Event], field: str) -> list[tuple[Any, list[Event]]]:
    """The groups of reports per stated figure, less the figures that one report's sentence gives as a
    part of another ("21 civilians ... 15 in Manbij and another six in al-Tukhar"), those below a total
    told over an area (:func:`_over_area`) and counts of one kind of victim below a count of people
    (:func:`_kind_counted`)."""

    def figure(e: Event) -> int | None:
        return e.fatalities if field == "fatalities" else e.injured

    if len({figure(e) for e in events} - {None}) < 2:
        return []  # one figure given (or none): nothing to disagree on, and no sentence need be read
    groups = _group([e for e in events if supported(e, field) and not _told_before(e, events)], figure, figure)
    values: set[int] = {v for v, _ in groups if isinstance(v, int)}
    parts: set[int] = set()
    for e in events:
        stated = {n for _at, n in reading(e.event_id, e.evidence.text).counts if n in values}
        if len(stated) > 1:
            parts |= stated - {max(stated)}
    groups = [(v, evs) for v, evs in groups if v not in parts]
    totals = [v for v, evs in groups if all(_over_area(e) for e in evs)]
    groups = [(v, evs) for v, evs in groups if v in totals or not any(v < t for t in totals)]
    kinds = {v for v, evs in groups if all(_kind_counted(e, v) for e in evs)}
    groups = [(v, evs) for v, evs in groups if v not in kinds or not any(v < o for o, _ in groups if o not in kinds)]
    stated_values = {v for v, _ in groups}
    return _one_happening([(v, evs) for v, evs in groups
                           if not any(_agrees_rounded(e, v, stated_values - {v}) for e in evs)])


def _over_area(e: Event) -> bool:
    """The report's toll is a total over places (a town and its surroundings, a list of towns): a smaller figure
    another report gives of one of them is no disagreement with it ("12 killed in a village" against "26 killed in
    and around the town"; "six killed in Aleppo" against "eight killed in rocket attacks in Aleppo and Homs")."""
    return _LIST_TOLL in e.notes or _WIDER_AREA.search(e.evidence.text) is not None


def _kind_counted(e: Event, value: int) -> bool:
    """The report's sentence gives ``value`` only as a count of one kind of victim ("the strike killed four
    children"): a figure below another report's count of people may be a part of it, no disagreement."""
    text = e.evidence.text
    at = [a for a, n in reading(e.event_id, text).counts if n == value]
    return bool(at) and all(_KIND_COUNTED.match(text[a:]) for a in at)


def _agrees_rounded(e: Event, value: int, others: set[int]) -> bool:
    """Does the report tell ``value`` as a round figure ("more than 30", "nearly 50", "about 20") that one of the
    ``others`` (a count another report gives) lies within? "more than 30" against 32 is no disagreement: the round
    figure's unit (10 below 1,000, then 100 ...) bounds what it says."""
    if value < 10 or value % 10:
        return False
    unit = max(10, 10 ** (len(str(value)) - 2))
    text = e.evidence.text
    for at, n in reading(e.event_id, text).counts:
        m = _ROUNDED_AT.match(text, at) if n == value else None
        if m is None:
            continue
        lo, hi = ((value + 1, value + unit - 1) if m.group(1) else (value - unit + 1, value - 1) if m.group(2)
                  else (value - unit // 2, value + unit // 2))
        if any(lo <= o <= hi for o in others):
            return True
    return False


def quarters(text: str) -> frozenset[str]:
    """The words of the quarters' names (neighbourhoods, districts, streets, squares, areas) a sentence names, as
    loose transliteration skeletons (:func:`geo.gazetteer.skeleton_key`, so that "al-Hamadaniyah" and
    "Hamadaniyeh", "Salah-Eddin" and "Salah al-Din" meet): "rockets hit the al-Midan and al-Furqan neighborhoods"
    -> {"mdn", "frkn"}."""
    names = (w for m in _QUARTERS.finditer(text) for w in (m.group(1) or m.group(2) or "").split())
    return frozenset(k for w in names if not _QUARTER_WORDS.match(w) for k in skeleton_key(w).split())


def _told_before(e: Event, events: Sequence[Event]) -> bool:
    """Was report ``e``, dated only by its page's publication day, out before every day that the other
    documents' sentences give (by more than ``DATE_SLACK_DAYS``)? Then it cannot tell of their happening: a page
    of 3 August on a gas attack is not about the one of 10 August, whatever a matcher made of them."""
    told = _page_day(e)
    stated = [iv for f in events if f.doc_id != e.doc_id and supported(f, "date") and (iv := date_interval(f.date))]
    return told is not None and bool(stated) and all(iv[0] - told[1] > DATE_SLACK_DAYS for iv in stated)


def _one_happening(groups: list[tuple[Any, list[Event]]]) -> list[tuple[Any, list[Event]]]:
    """The figure groups that some other group's report tells of the same place and time: two reports whose
    sentences each name quarters of a town, none in common ("killing two on al-Midan neighbourhood", "eight killed
    in al-Jamilia neighbourhood"), count two happenings, and their figures do not disagree; nor do those of two
    pages that each tell only their own day, days apart (a daily roundup of rocket fire on a city, a page of 12
    August and one of 14 August): nothing in them says they tell one happening."""
    named = [[reading(e.event_id, e.evidence.text).quarters for e in evs] for _v, evs in groups]
    paged = [[_page_day(e) for e in evs] for _v, evs in groups]

    def same_place(i: int, j: int) -> bool:
        return any(not (a and b and a.isdisjoint(b)) for a in named[i] for b in named[j])

    def pages_apart(i: int, j: int) -> bool:
        return all(a is not None and b is not None and interval_gap(a, b) > DATE_SLACK_DAYS
                   for a in paged[i] for b in paged[j])

    return [g for i, g in enumerate(groups)
            if any(same_place(i, j) and not pages_apart(i, j) for j in range(len(groups)) if j != i)]


def _page_day(e: Event) -> tuple[int, int] | None:
    """The day of a report dated only by its page's publication day (its sentence states none), else None."""
    return date_interval(e.date) if (e.date_method or "").startswith("publication") else None


def _doers(events: Sequence[Event]) -> list[tuple[Any, list[Event]]]:
    """The groups of reports per named perpetrator, less those that one report's sentence names beside
    another group's ("militants from Faylaq al-Sham and the Nusra Front, al-Qaeda's branch"): co-doers."""
    groups = _group([e for e in events if supported(e, "actor1")],
                    lambda e: actor_key(e.actor1.name) if e.actor1 else None,
                    lambda e: e.actor1.name if e.actor1 else None)
    mentions = [{(e.actor1.mention or "").casefold() for e in evs if e.actor1} - {""} for _, evs in groups]
    texts = [e.evidence.text.casefold() for e in events]
    together = {i for i, mi in enumerate(mentions) for j, mj in enumerate(mentions) if i != j
                and any(any(m in t for m in mi) and any(m in t for m in mj) for t in texts)}
    return [g for i, g in enumerate(groups) if i not in together]


def _location_key_fn(events: Sequence[Event]) -> Callable[[Event], Hashable | None]:
    """Group point places within LOCATION_KM of each other under one key; admin areas by name."""
    anchors: list[tuple[str, Place]] = []

    def key(e: Event) -> Hashable | None:
        p = e.location
        if p is None:
            return None
        if p.precision in ("point", "district") and p.lat is not None and p.lon is not None:
            for k, a in anchors:
                if a.lat is not None and a.lon is not None and haversine_km(p.lat, p.lon, a.lat, a.lon) <= LOCATION_KM:
                    return k
            k = f"pt:{len(anchors)}"
            anchors.append((k, p))
            return k
        return None

    return key


def _location_conflict(events: Sequence[Event]) -> Contradiction | None:
    located = [e for e in events if e.location is not None and supported(e, "location")]
    keyed = [key_event(i, e) for i, e in enumerate(located)]
    if all(places_agree(a, b) for n, a in enumerate(keyed) for b in keyed[n + 1:]):
        return None  # one place told at different precisions (the town, its province, the country)
    countries = {e.location.country for e in located if e.location and e.location.country}
    if len(countries) > 1:
        groups = _group(located, lambda e: e.location.country if e.location else None, _place_shown)
        return _contradiction("location", "different country", groups)
    admin1s = {
        (e.location.admin1 or "").casefold() for e in located if e.location and e.location.precision != "country"
    } - {""}
    if len(admin1s) > 1:
        groups = _group(
            [e for e in located if e.location and e.location.precision != "country" and e.location.admin1],
            lambda e: (e.location.admin1 or "").casefold() if e.location else None,
            _place_shown,
        )
        return _contradiction("location", "different province", groups)
    key = _location_key_fn(located)
    groups = _group(located, key, _place_shown)
    return _contradiction("location", "places far apart", groups)


def _place_shown(e: Event) -> Any:
    return e.location.to_dict() if e.location else None


def find_contradictions(events: Sequence[Event]) -> tuple[Contradiction, ...]:
    """Every typed disagreement among the reports of one incident."""
    if len(events) < 2:
        return ()
    out: list[Contradiction | None] = [_date_conflict(events)]
    for name in ("fatalities", "injured"):
        out.append(_contradiction(name, "casualty figures", _figures(events, name), larger=True))
    # sub types that name no method (a clash, a territorial change, "Attack") tell the frame, not how
    typed = [e for e in events if e.sub_event_type in METHOD_OF_SUB_TYPE]
    rivals = {METHOD_OF_SUB_TYPE[str(e.sub_event_type)] for e in typed}
    specific = [e for e in typed if _states_method(e, METHOD_OF_SUB_TYPE[str(e.sub_event_type)], rivals)]
    subs = _group(specific, lambda e: e.sub_event_type, lambda e: e.sub_event_type)
    if not _compatible({str(v) for v, _ in subs}):
        out.append(_contradiction("sub_event_type", "method/sub-type", subs))
    # a method no class names ("attack") says how little the report knew, like the sub type "Attack"
    known = {name for name, _ in method_classes()}
    classed = [e for e in events if method_class(e.method) in known]
    rivals = {str(method_class(e.method)) for e in classed}
    methods = _group([e for e in classed if _states_method(e, str(method_class(e.method)), rivals)],
                     lambda e: method_class(e.method), lambda e: e.method)
    classes = {str(method_class(evs[0].method)) for _, evs in methods}
    if not _compatible(classes):
        out.append(_contradiction("method", "method/sub-type", methods))
    out.append(_contradiction("actor1", "perpetrator", _doers(events)))
    out.append(_location_conflict(events))
    return tuple(c for c in out if c is not None)
