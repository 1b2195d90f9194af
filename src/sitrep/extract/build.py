"""Building a candidate from one trigger hit in one clause (``_candidate``): its genericity, actors, date,
place and figures; governments of diplomacy; places of events."""

from __future__ import annotations

import re

from sitrep.extract.actors import ActorDictionary, ActorMention
from sitrep.extract.date_sentences import is_future, sentence_bounds
from sitrep.extract.dates import dated_by_saying
from sitrep.extract.events import (
    Hit,
    denied,
    genericity,
    is_anaphoric,
    opens_with_hour,
    opens_with_reference,
    picked_out,
    toll_follows,
)
from sitrep.extract.numbers import QUANTITY, adds_more, find_casualties, not_violent_deaths, since_clause_end
from sitrep.records import Document, PlaceMention, TimeMention

from .candidate import _Cand
from .emit import _confidence
from .inputs import _NATIONWIDE, _aggregate_toll, _date_for_span, _place_for_span, _SentParse, _span_toll
from .refine import _refine_type
from .roles import _assign_roles
from .spans import Spans

_PAST_REPORT = re.compile(r"\b(?:[a-z]+ed|took\s+place|was|were|blew|shot|struck|hit|fell|fought|set)\b")
_REFERENCE_BEFORE = re.compile(
    r"\b(?:following|after|since|amid|in\s+the\s+wake\s+of|in\s+response\s+to|responsible\s+for|"
    r"condemned|denounced|defended|claimed|blamed)\s+(?:the\s+|(?P<indefinite>a\s+|an\s+)|this\s+)?"
    r"(?:[\w\-’']+\s+){0,3}$",
    re.I,
)
# the act's noun followed by the count of its victims: "the slaying of seven more demonstrators", "the killing of
# two journalists" -- a toll of its own, reported here (a reference names the act alone: "the killing")
# (several victims: "the targeting of a convoy", "the killing of a soldier" name the act told before)
_VICTIMS_COUNTED = re.compile(
    rf"\s+of\s+(?:at\s+least\s+|some\s+|about\s+|nearly\s+)?(?!(?:a|an|one|the)\s)(?:{QUANTITY})\s+", re.I)
# a harm told of the clause's subject right before the connector: "died after", "was killed following", "were
# wounded after" -- the act that follows is where it happened, told here
_HARMED_BEFORE = re.compile(
    r"\b(?:died|killed|slain|wounded|injured|hurt|dead|lost\s+(?:his|her|their)\s+lives?)\s+(?:\w+ly\s+)?$", re.I)
# a clause of its own after a reference: "(searches related to the attacks) after police released photos ...",
# "(phones linked to the bombing) when the army raided the house ..."
_LATER_CLAUSE = re.compile(r"\b(?:after|before|when|while|until|once)\b", re.I)
_RECENT = re.compile(r"\b(?:a|the)\s+recent\b|\brecently\b|\blatest\b", re.I)
# a massacre the page names by its place ("the Ghouta Massacre", "the Houla massacre", "the massacre of Tremseh"): a
# happening known by a name is an earlier one, and the day something is said about it is not its day
_NAMED_MASSACRE = re.compile(
    r"\b(?!(?:The|This|That|These|Those|A|An|Another|Its|His|Her|Their|Latest|Last|New|Such)\b)"
    r"(?:[A-Z][\w'’\-]+\s+){1,3}[Mm]assacres?\b|"
    r"\b[Mm]assacres?\s+(?:of|in|at)\s+(?:the\s+(?:village|town|city|district)\s+of\s+)?[A-Z][\w'’\-]+")
# the words between such a name and the act's own words when they tell it: "the Ghouta Massacre that claimed ...",
# "the Houla massacre, in which 108 were killed"
_TOLD_OF_IT = re.compile(r"[\s,]*(?:(?:that|which|in\s+which|when|where)\s+(?:[\w\-]+\s+){0,3})?$", re.I)


def named_past(text: str, hit: Hit, clause: tuple[int, int]) -> bool:
    """The act ``hit`` is a massacre the clause names by its place (:data:`_NAMED_MASSACRE`): its words are the
    name or follow it in a clause of its own."""
    for m in _NAMED_MASSACRE.finditer(text, clause[0], clause[1]):
        if m.start() <= hit.start < m.end() or (
                m.end() <= hit.start and _TOLD_OF_IT.match(text[m.end():hit.start]) is not None):
            return True
    return False


# an act known by its name: "the Boston Marathon bombing", "the Bloody Friday attacks", "the 2013 chemical attack on
# Ghouta", "the 2015 Paris attacks" -- "the", a year and/or one to three capitalised words, at most two lower-case
# words ("chemical", "suicide"), then the act's noun (see :func:`named_event`)
_NAME_BEFORE = re.compile(
    r"\b[Tt]he\s+(?P<year>(?:1[89]|20)\d\d\s+)?(?P<name>(?:[A-Z][\w'’\-]*\s+){0,3})(?:[a-z][a-z\-]+\s+){0,2}$")
# words that name when, not what: "the Friday attack", "the December bombing" is a day's report, no name
_CALENDAR_WORD = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Last|Latest|Recent|New|Previous|First|Second|Third)$")
_NAMED_NOUN = re.compile(r"(?:attacks?|bombings?|massacres?|blasts?|explosions?|shootings?|killings?|"
                         r"assaults?|ambush(?:es)?)$", re.I)
# a part of the place, not of a name: "the Aleppo countryside airstrikes", "the Idlib province attack" describe where
_PLACE_PART = re.compile(r"\b(?:countryside|province|governorate|city|area|district|town|village|outskirts|suburbs?|"
                         r"region|border|front|frontline)\b", re.I)


def named_event(text: str, hit: Hit, clause: tuple[int, int], mentions: list[ActorMention],
                dic: ActorDictionary) -> tuple[str, int, int] | None:
    """The act ``hit`` names is a happening known by its name (a massacre named by its place, :func:`named_past`,
    or :data:`_NAME_BEFORE`: "carried out the Boston Marathon bombing", "since the 2015 Paris attacks"): its year
    ("2013", or "" when the name has none), else None. A name is no actor nor a demonym ("the ISIS attack", "the
    Russian strikes" tell who did it) and no calendar word alone ("the Friday attack" tells the day). With the
    year, where the name's words lie (a place among them is the happening's place)."""
    for m in _NAMED_MASSACRE.finditer(text, clause[0], clause[1]):
        if (m.start() <= hit.start < m.end() or (
                m.end() <= hit.start and _TOLD_OF_IT.match(text[m.end():hit.start]) is not None)) and (
                m.group(0)[0].islower() or re.search(r"\bthe\s+$", text[max(0, m.start() - 5):m.start()], re.I)):
            # "the Houla massacre", "the massacre of Tremseh" -- not a capitalised word opening a sentence
            # ("Civilian massacre in Syrian province took place")
            return "", m.start(), m.end()
    if not _NAMED_NOUN.search(hit.text):
        return None
    noun = hit.end - len(hit.text.split()[-1])  # the noun's own start: a trigger may hold "the ... attacks"
    nm = _NAME_BEFORE.search(text, max(clause[0], noun - 60), noun)
    if nm is None:
        return None
    words = nm.group("name").split()
    year = nm.group("year").strip() if nm.group("year") else ""
    if _PLACE_PART.search(text, nm.end("name"), noun):
        return None
    if not words:
        return (year, nm.start(), hit.end) if year else None
    if all(_CALENDAR_WORD.match(w) for w in words):
        return None
    a, b = nm.start("name"), nm.end("name")
    if any(x.start < b and a < x.end for x in mentions):
        return None
    if any(dic.demonym_country(re.sub(r"-(?:led|backed|based)$", "", w)) or re.search(r"['’]s?$", w) for w in words):
        return None  # "the Russian strikes", "the IRA's bombing of the city": who did it, no name
    return year, nm.start(), hit.end


# an earlier version of a report the article gives ("Earlier the source said that 7 were killed", "according to
# earlier media reports", "the monitor, which earlier gave a toll of 20", "Earlier it was reported that ..."): a
# restatement of a happening the article tells, not another one
_EARLIER_REPORT = re.compile(
    r"\b(?:according\s+to\s+)?earlier\s+(?:(?:media|news|press|initial)\s+)?reports?\b|"
    r"\bearlier\s+(?:(?:the|a|an|this|that|its|his|her|their)\s+)?(?:[\w\-]+\s+){0,3}?"
    r"(?:said|reported|gave|put|announced|told|stated|quoted)\b|"
    r"\bearlier\s+it\s+was\s+(?:reported|said|announced)\b",
    re.I,
)


# a happening told before, named only as the time the clause's own news came ("Following the massacre the regime
# surrendered its stockpile", "In the wake of the bombing the border was closed"): no report of it
_TIME_ANCHOR = re.compile(
    r"[\W\d]*(?:following|after|since|before|(?:in\s+)?the\s+(?:wake|aftermath)\s+of|days\s+after|weeks\s+after|months\s+after)"
    r"\s+(?:the|that|this|these|those)\s+(?:[\w\-]+\s+)?", re.I)


# a party's claim of an act ("the group claimed responsibility for the bombing", "IS said it carried out the attack",
# "the group's feed said one of its members blew himself up"): the claim retells the happening, it is no second one
# the words that make a clause the occasion of the act told before it: "the strikes were in retaliation for | the
# killing of a pilot", "shelled the village to avenge | the deaths of two soldiers" -- the dead of that occasion are
# no toll of the act referred to
_MOTIVE = (r"\b(?:in\s+(?:retaliation|revenge|response|reprisal)\s+(?:for|to|against)|to\s+avenge|"
           r"as\s+(?:revenge|retaliation|a\s+reprisal)\s+for)\s+")
_OCCASION_LEAD = re.compile(_MOTIVE + "$", re.I)
# the act a motive names ("the rocket attack was in revenge for | airstrikes by the regime on Eastern Ghouta", "shelled
# the town in retaliation for | the Israeli air strikes", "as a reprisal for | the killing of ..."): an earlier
# happening, not dated by the day of the act it explains
_MOTIVE_BEFORE = re.compile(_MOTIVE + r"(?:[\w\-’']+\s+){0,3}$", re.I)
# an act on several cities the clause does not name: "hit the opposition-held cities", "struck several cities",
# "across rebel-held cities" -- its toll is a total over them, no one happening's. Not villages or towns, which
# ACLED codes together at their area ("shelled villages in the west of the district, killing two"), nor a count of
# cities or their names, which make a list whose total ACLED puts on the first ("the cities of A and B")
_OVER_PLACES = re.compile(
    r"\b(?:on|hit|hitting|struck|striking|targeted|targeting|across|shelled|shelling|bombed|bombing|pounded|"
    r"pounding|raided)\s+(?:the\s+|several\s+|various\s+|many\s+|a\s+number\s+of\s+|dozens\s+of\s+)?"
    r"(?!(?:two|three|four|five|six|seven|eight|nine|ten|both|\d+)\b)(?:(?-i:[a-z][\w\-]*)\s+)?cities\b"
    r"(?!\s+(?:of|in|near|around)\s+(?:the\s+)?(?:al-|el-|ad-|as-)?[A-Z])")

_CLAIM = re.compile(
    r"\bclaim(?:ed|s|ing)?\s+(?:full\s+|sole\s+)?responsibility\s+for\b|"
    r"\b(?:said|says|announced|stated)\s+(?:that\s+)?(?:it|they|one\s+of\s+(?:its|their|the\s+group[’']?s?)\s+[\w\-]+)\s+"
    r"(?:had\s+)?(?:carried\s+out|was\s+behind|were\s+behind|staged|blew\s+(?:himself|herself|themselves)\s+up)\b",
    re.I,
)


def _day_of_a_later_verb(text: str, hit: Hit, times: list[TimeMention], clause: tuple[int, int]) -> bool:
    """The clause names days only after a reference ("the attacks"), each in a clause of its own that a connector
    opens after the reference ("... related to the attacks after the FBI released photos on April 18"): the day
    of that clause's verb, not of the act referred to."""
    days = [t for t in times if clause[0] <= t.start < clause[1] and t.value]
    return bool(days) and all(t.start >= hit.end and _LATER_CLAUSE.search(text, hit.end, t.start) for t in days)


def _candidate(
    doc: Document, sp: _SentParse | None, text: str, hit: Hit, clause: tuple[int, int], si: int,
    forced: tuple[str, str] | None, mentions: list[ActorMention], times: list[TimeMention],
    places: list[PlaceMention], quotes: list[tuple[int, int]], dic: ActorDictionary, generic_from: int | None = None,
) -> _Cand | None:
    """The candidate ``hit`` gives in ``clause``; ``generic_from``: where the words that can make it generic start
    (an occasion's connector, see :func:`occasion_hit`), the clause's start by default."""
    cs, ce = clause
    cand = _Cand(cs, ce, si, hit, hit.trigger.type, hit.trigger.sub, hit.trigger.method)
    labelled = hit.trigger.id in ("label", "model") or (forced is not None and hit.trigger.type != "Diplomacy")
    cand.anaphoric = not labelled and not _VICTIMS_COUNTED.match(text, hit.end) and (is_anaphoric(text, hit) or (
        _refers_back(text, hit, clause) and hit.trigger.priority <= 70 and not re.search(r"(?:ed|ing)$", hit.text)
    ))
    if hit.trigger.id == "model" and forced is None and opens_with_reference(text, cs, ce):
        cand.anaphoric = True  # "The strike hit a busy street near a university": more of the strike just told
    if labelled and forced is not None:
        cand.event_type, cand.sub = forced
        cand.notes.append("prefix-label")
    if _EARLIER_REPORT.search(text, cs, ce if hit.trigger.id == "model" else hit.start):
        cand.notes.append("report:earlier")
    if _CLAIM.search(text, cs, ce if hit.trigger.id == "model" else hit.end):
        cand.notes.append("report:claim")
    _assign_roles(text, sp, cand, mentions, clause)
    if cand.actor1 is None:
        cand.actor1 = _demonym_actor(text, hit, cs, dic)
    if not labelled:
        _refine_type(text, cand, clause, dic)
    cas = find_casualties(text[cs:since_clause_end(text, ce)])
    cand.fatalities, cand.injured = cas.fatalities, cas.injured
    if cand.anaphoric and cas.fatalities is not None and picked_out(text, hit):
        cand.anaphoric = False  # "the worst explosion was at the bus station, where six died": one of a series, told
    if not_violent_deaths(text[cs:ce]):
        cand.fatalities = None  # "where two more people died from lack of food": no toll of an act
    if cas.fatalities and _OVER_PLACES.search(text, cs, ce):
        cand.fatalities = None  # "jets hit the opposition-held cities, killing 40": a total over unnamed places
        cand.notes.append("toll:over-places")
    if cand.anaphoric and _OCCASION_LEAD.search(text, max(0, cs - 40), cs):
        # a death referred to as the occasion of the act told before ("in retaliation for | the killing of a
        # pilot"): merged into that act, it would pass as its toll
        cand.fatalities = cand.injured = None
        cand.notes.append("toll:occasion")
    nxt = re.match(r"\s*[^.!?\n]{0,200}[.!?]?", text[ce:ce + 220])
    follow = find_casualties(nxt.group(0)) if nxt else cas
    figures = cas.fatalities is not None or cas.injured is not None or (
        follow.fatalities is not None or follow.injured is not None)
    saying = cand.event_type == "Diplomacy"  # a statement's day is the day of its saying
    near = None if saying else (hit.start, hit.end)
    value, precision, method = _date_for_span(times, cs, ce, text, doc.published, saying=saying, near=near)
    if method == "future" and _PAST_REPORT.search(text[cs:ce]) and not genericity(text, hit, clause).generic \
            and not any(cs <= t.start < ce and is_future(t) and t.method.startswith("relative") for t in times):
        # a past-tense report dated after its own publication: a typo in the date, not a forecast -- unless the
        # clause counts its time forward from the report ("called for a march next week", "a rally tomorrow")
        others = [t for t in times if not (cs <= t.start < ce)]
        value, precision, method = _date_for_span(others, cs, ce, text, doc.published, saying=saying, near=near)
        cand.notes.append("date:after-publication-ignored")
    motive = None if saying else _MOTIVE_BEFORE.search(text, max(0, hit.start - 80), hit.start)
    if motive is not None and not any(motive.end() <= t.start < ce and t.value for t in times):
        # the act a motive names, with no day of its own after the motive's words: it came before, on a day the
        # sentence does not tell ("the rocket attack was in revenge for airstrikes in Eastern Ghouta")
        value, precision, method = None, "unknown", "undated"
        cand.notes.append("date:motive")
    if method.startswith("narrative:") and precision == "day" and value is not None:
        # the story's day told in an earlier sentence: merging treats it as the soft month it always was,
        # the event is dated to the day when it keeps that month (emit._to_event)
        cand.story_day, value, precision = value, value[:7], "month"
    cand.date, cand.precision, cand.date_method = value, precision, method
    if doc.published_method == "dateline" and method != "sentence:explicit":
        cand.notes.append("date:page-stamp")  # told from the page's own date stamp, not the metadata's day
    in_clause = any(cs <= t.start < ce and t.value for t in times)
    if method.startswith("sentence:") and not in_clause:
        cand.notes.append("date:other-clause")
    if method.startswith("sentence:") and not saying and dated_by_saying(times, cs, ce, text):
        cand.notes.append("date:saying")  # "..., a monitor said on Friday": the report's day, not the event's
        if named_past(text, hit, clause):
            # "who on Monday blamed France for the Ghouta Massacre that claimed 1127 lives": no day of its own
            cand.date, cand.precision, cand.date_method = None, "unknown", "undated"
            cand.notes[-1] = "date:named-past"
    name = named_event(text, hit, clause, mentions, dic)
    # a name with no place of its own ("the Bloody Friday attacks") may be the story's: only an occasion ("in
    # revenge for ...") or a year tells it is an earlier happening
    placed = name is not None and (_NAMED_MASSACRE.fullmatch(text, name[1], name[2]) is not None or any(
        p.place is not None and name[1] <= p.start < name[2] for p in places))  # "the Houla massacre": by its place
    if name is not None and (placed or name[0] or generic_from is not None) \
            and (generic_from is not None or not (in_clause and method.startswith("sentence:explicit"))):
        cand.notes.append(f"named:{name[0]}")  # see components._date_named_events
        if generic_from is not None:
            # the occasion of a vow or a call ("vowed to fire rockets in revenge for the Ghouta massacre"): it had
            # happened, on no day the clause tells
            cand.date, cand.precision, cand.date_method = (name[0], "year", "named") if name[0] else (
                None, "unknown", "undated")
            method, precision = cand.date_method or "undated", cand.precision
    if _RECENT.search(text[max(cs, hit.start - 20):hit.end]):
        cand.notes.append("date:vague")
    if cand.anaphoric and in_clause and method.startswith("sentence:explicit") and precision == "day" \
            and not _day_of_a_later_verb(text, hit, times, clause):
        cand.anaphoric = False  # "since the collapse of the regime on December 8, 2024": a dated report
    cand.place = _place_for_span(places, cs, ce, text)
    if name is not None and any(n.startswith("named:") for n in cand.notes):
        named_at = next((p.place for p in reversed(places) if p.place is not None and name[1] <= p.start < name[2]),
                        None)
        if named_at is not None:  # "the Damascus Ghouta massacre", "the Boston Marathon bombing": where it happened
            cand.place = named_at
        elif not any(p.place is not None and cs <= p.start < ce for p in places):
            cand.place = None  # an earlier happening is not where the story told before it lies
    if cand.anaphoric and picked_out(text, hit) and any(p.place is not None and cs <= p.start < ce for p in places):
        cand.anaphoric = False  # "the most violent strikes targeted Idlib city and Sarmada": one of a series, placed
    if _NATIONWIDE.search(text, cs, ce):
        # "killed in army operations across the country": the country, not the town named nearby
        country = cand.place.country if cand.place is not None else None
        cand.place = next((p.place for p in places if p.place is not None and p.place.precision == "country"
                           and p.place.country == country), None)
        cand.notes.append("place:nationwide")
    # countries of foreign forces the report speaks of: a country-level place equal to one of them,
    # with no place named in the clause itself, is the force's nationality, not where it happened
    foreign = {m.actor.country for m in mentions if m.actor.type == "external/other forces"}
    foreign |= {a.actor.country for a in (cand.actor1, cand.actor2)
                if a is not None and a.actor.type == "external/other forces"}
    taken = [(a.start, a.end) for a in (cand.actor1, cand.actor2) if a is not None] + [(hit.start, hit.end)]
    own = [p for p in places if cs <= p.start < ce and not any(x <= p.start < y for x, y in taken)]
    if cand.place is not None and cand.place.precision == "country" and cand.place.country in foreign \
            and not own:
        # "A US strike", "a US military spokesman": the foreign force's nationality, not where it happened
        cand.place = None
        cand.notes.append("place:actor-nationality-dropped")
    cand.confidence = _confidence(cand)
    cand.notes.append(f"trigger:{hit.trigger.id}")
    if labelled:
        if hit.trigger.id == "model" and denied(text, *clause):
            cand.generic = "negated"
            cand.notes.append("generic:negated")
        return cand
    reason = _generic_reason(text, hit, (generic_from or cs, ce), cand, method, precision, figures, in_clause, quotes)
    if reason is None and cand.anaphoric and _TIME_ANCHOR.fullmatch(text, cs, hit.start):
        reason = "time-anchor"
    if reason is not None:
        cand.generic = reason
        cand.notes.append(f"generic:{reason}")
    return cand



# the occasion of a call or a plan: "called for protests following the slaying of two students", "urged calm after
# gunmen shot dead three guards", "vowed to fire rockets in revenge for the Ghouta massacre" -- the words that bring
# in what had happened, right before its trigger
_OCCASION_BEFORE = re.compile(
    r"\b(?:following|after|in\s+the\s+wake\s+of|in\s+response\s+to|amid|over|"
    r"(?:in\s+)?(?:revenge|retaliation|reprisal)\s+for|to\s+avenge)\s+(?:[\w\-’']+\s+){0,3}$", re.I)


def occasion_hit(text: str, hits: list[Hit], generic: Hit) -> tuple[Hit, int] | None:
    """The happening a generic mention (a call, a plan, a threat) names as its occasion, later in the same clause
    (:data:`_OCCASION_BEFORE`), and where its connector starts: a report of its own that the clause's generic
    trigger must not swallow, generic only by the words from its connector on."""
    best: tuple[Hit, int] | None = None
    for h in hits:
        if h.start < generic.end or h.trigger.type in ("Diplomacy", generic.trigger.type):
            continue
        m = _OCCASION_BEFORE.search(text, max(generic.end, h.start - 40), h.start)
        if m is not None and (best is None or h.trigger.priority > best[0].trigger.priority):
            best = (h, m.start())
    return best


def _refers_back(text: str, hit: Hit, clause: tuple[int, int]) -> bool:
    """The trigger names an act after a word that points back at one ("following the attack", "responsible for
    the bombing"). Not where the act comes with an indefinite article and the clause tells its harm: a death
    told just before the connector ("a man died after a gunfight with police") or the act's own toll after it
    ("responsible for a blast which injured several people") -- that act is reported here, not referred to."""
    cs, ce = clause
    lo = max(cs, hit.start - 60)
    m = _REFERENCE_BEFORE.search(text, lo, hit.start)
    if m is None:
        return False
    told_here = _HARMED_BEFORE.search(text, cs, m.start()) is not None or toll_follows(text, hit, ce)
    return not (m.group("indefinite") and told_here)


def _generic_reason(text: str, hit: Hit, clause: tuple[int, int], cand: _Cand, method: str, precision: str,
                    figures: bool, in_clause: bool, quotes: list[tuple[int, int]]) -> str | None:
    """Why a candidate is generic (not a reported happening), or None: a generic cue, an aggregate toll, a
    future date, background history, too little anchoring, a quoted claim."""
    cs, ce = clause
    gen = genericity(text, hit, clause)
    reason: str | None = None
    if gen.generic:
        reason = f"{gen.reason}"
    elif cand.event_type != "Diplomacy" and _aggregate_toll(text[cs:ce]):
        reason = "aggregate"
    elif cand.event_type != "Diplomacy" and _span_toll(text[cs:ce]) and not (
            method.startswith("sentence:") and precision == "day" and "date:saying" not in cand.notes):
        # a toll over the last days, dated at most by the day it was told: a tally; one the clause dates by its
        # own day ("stepped up raids in recent days, killing 57 when bombs fell on Al Bab at the weekend") is a report
        reason = "aggregate"
    elif method == "future":
        reason = "future-date"
    elif precision == "year" and cand.event_type != "Diplomacy" and (cand.date_method or "").startswith("sentence:") \
            and not (cand.date_method or "").endswith("publication-year"):
        # background history ("gained prominence in 2014 by seizing"); not a day or a month the sentence names
        # that only a page dated to its year leaves at the year ("on Thursday" in an article of 2018)
        reason = "year-only"
    elif _specificity(cand, figures, in_clause, text[cs:ce]) < _needed(cand):
        reason = "unanchored"
    elif hit.trigger.priority < 50 and cand.event_type != "Diplomacy" and any(
            qs <= hit.start < qe for qs, qe in quotes):
        reason = "quoted"
    return reason

_PLACE_CUE = re.compile(
    r"\b(?:in|on|near|at|of|around|outside|into|towards?)\s+(?:the\s+)?(?:[A-Z][\w'’\-]+\s+){1,4}"
    r"(?:village|town|city|area|countryside|province|governorate|district|neighbou?rhood|camp|desert|"
    r"countryside|outskirts|airbase|base|checkpoint|oil\s+field|crossing|border)s?\b|"
    r"\b(?:in|on|near|at|outside|between|from)\s+(?:the\s+)?(?:[A-Z][\w'’\-]+)(?:\s+[A-Z][\w'’\-]+)*",
)


def _assign_governments(
    text: str, cand: _Cand, clause: tuple[int, int], dic: ActorDictionary, persons: dict[str, str]
) -> None:
    """Diplomacy is between governments: "Syrian Foreign Minister Asaad al-Shaibani" -> Government of Syria."""
    govs = dic.governments(text, clause[0], clause[1], persons)
    isos: list[tuple[str, str]] = []
    for _pos, iso, mention in govs:
        if iso not in [i for i, _m in isos]:
            isos.append((iso, mention))
    named1 = cand.actor1 is not None and not cand.actor1.generic and cand.actor1.actor.type != "civilians"
    if not isos:
        return
    if not named1:
        cand.actor1 = None
        cand.actor1_ref = dic.government(isos[0][0], isos[0][1])
        rest = isos[1:]
    else:
        rest = [x for x in isos if cand.actor1 is None or x[0] != cand.actor1.actor.country]
    if (cand.actor2 is None or cand.actor2.generic) and rest:
        cand.actor2 = None
        cand.actor2_ref = dic.government(rest[0][0], rest[0][1])


# an agreement between states, or between a state and an international body ("Turkey and Russia signed an agreement
# on a buffer zone", "an accord reached with the Syrian government when two U.N. envoys went to Damascus", "agreement
# on the plan was reached after U.S. and Russian diplomats met"): Diplomacy. A truce, a swap or a deal that names an
# armed group as a party ("a ceasefire agreement", "a peace deal with the rebels") is a Strategic development.
_INTERNATIONAL = re.compile(
    r"\bU\.?N\b\.?|\bUnited\s+Nations\b|\bSecurity\s+Council\b|\bEuropean\s+Union\b|\bArab\s+League\b|"
    r"\bNATO\b|\bOPCW\b")
_FIGHTERS_DEAL = re.compile(
    r"\b(?:ceasefire|cease-fire|truce|reconciliation|surrender|evacuation|prisoners?|swap|hostages?|peace|"
    r"rebels?|militants?|insurgents?|fighters|militias?|factions?|tribes?|tribal)\b", re.I)


def _state_word(word: str, dic: ActorDictionary) -> str | None:
    """The country a word names as a demonym ("Russian", "U.S.") or by its name, possessive or not ("Syria's",
    "Syrias" -- the corpus drops apostrophes)."""
    iso = dic.demonym_country(word)
    if iso is not None:
        return iso
    for name in (word, re.sub(r"(?:['’]s|s)$", "", word)):
        iso = dic.government_names.get(name.lower())
        if iso is not None and (dic.country_name(iso) or "").lower() == name.lower():
            return iso
    return None


def agreement_between_states(text: str, cand: _Cand, clause: tuple[int, int], mentions: list[ActorMention],
                             places: list[PlaceMention], dic: ActorDictionary, persons: dict[str, str]) -> bool:
    """An Agreement candidate whose parties are governments or international bodies, no armed group among them:
    the states are those the clause names as governments, countries or demonyms ("U.S. and Russian diplomats")."""
    cs, ce = clause
    if cand.sub != "Agreement" or _FIGHTERS_DEAL.search(text, cs, ce):
        return False
    if any(cs <= m.start < ce and m.actor.type in ("group", "militia") for m in mentions):
        return False
    states = {iso for _pos, iso, _m in dic.governments(text, cs, ce, persons)}
    states |= {p.place.country for p in places if cs <= p.start < ce and p.place is not None
               and p.place.precision == "country" and p.place.country}
    states |= {iso for w in re.findall(r"\b[A-Z][\w.’']+", text[cs:ce]) if (iso := _state_word(w, dic))}
    return len(states) >= 2 or (len(states) == 1 and _INTERNATIONAL.search(text, cs, ce) is not None)


_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z'’.\-]+(?:[ /,]+[A-Z][A-Za-z'’.\-]+){0,4})(?:,\s+\w+\.?\s+\d{1,2}(?:,\s+\d{4})?)?\s*[–—-]+\s",
    re.M
)


_BORDER_AFTER = re.compile(r"\s+(?:border|borders|frontier|border\s+crossing)\b", re.I)
# where a monitor, agency or speaker is based or speaks from: "the UK-based Observatory", "the Observatory, based
# in Britain", "told Reuters in Beirut", "said in Washington", "reported from Istanbul", "speaking at a news
# conference in Geneva"; and who stands behind a force ("the Damascus-backed National Defense Forces", "US-led air
# strikes", "Tehran-allied militias"): a name before such a compound describes an actor, never where it acted
_BASED_AFTER = re.compile(
    r"\s*-\s*(?:based|headquartered|backed|led|allied|aligned|affiliated|funded|sponsored|supported|armed|trained)\b",
    re.I)
_SPOKEN_FROM = re.compile(
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )"
    r"\b(?:said|says|say|told|tells|tell|telling|reported|reports|reporting|announced|announces|stated|states|"
    r"added|speaking|spoke|wrote|writes|quoted|briefed|briefing|statement|conference|interview|remarks|"
    r"based|headquartered|(?P<office>correspondent|bureau|office|headquarters))"
    r"(?:\s+(?!(?:that|when|after|as|where|which|who|and|but)\b)[\w'’\-]+){0,3}?\s+(?:in|from|at)\s+(?:the\s+)?$",
    re.I,
)
# the office a figure is credited to, at its seat: "according to the directorate of health in Idlib province", "the
# toll given by the health ministry in Gaza", "according to the local council of Douma" -- whose the figure is, not
# where the act was (an act on the office is :data:`_ACT_REACHES`)
_CREDITED_OFFICE = re.compile(
    r"\b(?:according\s+to|given\s+by|issued\s+by|released\s+by|figures?\s+from|toll\s+from)\s+(?:the\s+)?"
    r"(?:[\w'’\-]+\s+){0,3}?(?:directorate|ministry|department|council|authority|authorities|office|committee|"
    r"administration|governorate|command|agency)(?:\s+(?:of|for)\s+[\w'’\-]+(?:\s+[\w'’\-]+)?)?"
    r"\s+(?:in|of|at)\s+(?:the\s+)?$", re.I)
_ACT_REACHES = re.compile(
    r"\b(?:attack\w*|storm\w*|bomb\w*|hit|struck|target\w*|raid\w*|shell\w*|stormed|seized|torched|burned|"
    r"near|outside|inside|into|at|on|against)\s+(?:(?:the|a|an|its|their)\s+)?(?:[\w'’\-]+\s+){0,3}$", re.I)
# an agency dateline: "BEIRUT (Reuters)", "MOSCOW (Sputnik)", "Damascus, Syria (AP)", with the day before the
# agency ("BEIRUT, June 9 (AFP)", "KABUL, Afghanistan, March 3, 2020 (Reuters)")
_AGENCY_AFTER = re.compile(r"(?:\s*,\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)?"
                           r"(?:\s*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*\((?:[A-Z][\w.\- ]{1,25})\)")


# "Russia has said ...", "Moscow denied ...", "Washington blamed ...": a country or capital as the speaker, alone or
# with others ("Washington and Paris say ...", "Ankara, Berlin and London said ...")
_SPEAKER_AFTER = re.compile(
    r"(?:\s*(?:,|,?\s+and)\s+[A-Z][\w'’\-]+){0,3}"
    r"\s+(?:(?:has|have|had)\s+(?:also\s+|long\s+|repeatedly\s+)?|also\s+|previously\s+|repeatedly\s+)?"
    r"(?:said|says|say|accused|accuses|accuse|blamed|blames|blame|believes|believe|denied|denies|deny|insisted|insists|insist|"
    r"maintained|maintains|warned|warns|stated|states|announced|condemned|condemns|rejected|rejects|"
    # an outlet named for a place ("Lebanese TV channel Al-Mayadin reported")
    r"reported|reports|quoted|quotes)\b",
    re.I,
)


# where a group is outlawed or listed ("Islamic State (outlawed in Russia)", "a group banned in many countries"):
# a legal status, never where anything happened
_OUTLAWED_IN = re.compile(
    r"\b(?:outlawed|banned|prohibited|illegal|proscribed|blacklisted|designated\s+(?:as\s+)?(?:an?\s+)?terrorists?"
    r"(?:\s+\w+)?)\s+in\s+(?:the\s+)?$", re.I)


# a news outlet named for its place or country ("the Al-Mayadin channel", "Lebanese TV", "Syrian state television"),
# and a newspaper's masthead, capitalised as a title is ("| Jordan Times", "the Tehran Times reported")
_OUTLET_AFTER = re.compile(
    r"\s+(?:(?:state|state-run|official|private|pan-arab)\s+)?(?:TV|television|channel|radio|newspaper|daily|"
    r"news\s+agency|news\s+website)\b|"
    r"(?-i:\s+(?:Times|Post|Herald|Tribune|Gazette|Observer|Chronicle|Telegraph|Journal|Mail|Express)\b)", re.I)


# a place in the possessive naming its rulers or their friends ("Damascus's ally Russia", "Moscow's forces", "Tehran's
# proxies", with the apostrophe lost: "Damascuss ally"): who acts, not where ("Aleppo's government-held districts" is
# a place)
_RULERS_AFTER = re.compile(
    r"(?:(?:['’]?s)?\s+(?:(?:main|key|closest|chief|regional|foreign)\s+)?(?:ally|allies|backers?|patrons?|prox(?:y|ies))|"
    r"['’]?s\s+(?:government|regime|rulers|forces|troops|militias?|warplanes|jets|air\s+force))\b(?!-)", re.I)
# a country's name before its arms or agents ("US strikes", "UK jets", "Russia warplanes"): a nationality
_ARMS_AFTER = re.compile(
    r"(?:\s+|-)(?:air\s*strikes?|airstrikes?|strikes?|raids?|air\s+raids?|forces|troops|soldiers|jets|warplanes|"
    r"drones?|aircraft|bombers|missiles?|bombing|shelling|artillery|special\s+forces|marines|navy|air\s+force)\b", re.I)
# where the doers are ("terrorist groups positioned in Binnish town targeted al-Fouaa", "militants stationed in Douma
# fired rockets at Damascus"): where the fire came from, the place of the act only where the clause names no other
_POSITIONED_BEFORE = re.compile(
    r"\b(?:positioned|stationed|entrenched|holed\s+up|deployed|based|hiding)\s+(?:in|at|inside)\s+(?:the\s+)?"
    r"(?:(?:town|village|city|neighbou?rhood|district|area|suburb)\s+of\s+)?$", re.I)


def _targeted_from(text: str, p: PlaceMention, places: list[PlaceMention]) -> bool:
    """``p`` is where the doers are positioned (:data:`_POSITIONED_BEFORE`) and the sentence goes on to name the place
    they hit (not the province that holds their own: "positioned in Daraya town in Damascus Countryside"); where it
    names none the gazetteer knows, their position is the nearest place told."""
    if not _POSITIONED_BEFORE.search(text, max(0, p.start - 40), p.start):
        return False
    end = sentence_bounds(text, p.start, p.end)[1]
    own = p.place.admin1 if p.place is not None else None
    return any(q.place is not None and p.end < q.start < end and q.place.precision != "country"
               and not (q.place.precision == "admin1" and q.place.admin1 == own) for q in places)


_IN_BEFORE = re.compile(r"\b(?:in|at|from|of|near|inside|outside)\s+(?:the\s+)?$", re.I)
# a place naming an earlier happening that the sentence's act answers: "The Khan Sheikhun strike prompted Washington
# to ...", "The Ghouta massacre triggered Western air strikes", "in retaliation for the Jayrud shelling": where
# the cause was, not where the answer struck
_CAUSE_AFTER = re.compile(
    r"\s+(?:[\w'’\-]+\s+){0,2}?(?:strikes?|attacks?|massacres?|shelling|bombings?|raids?|assaults?)\s+"
    r"(?:(?:has|had|have)\s+)?(?:prompted|triggered|sparked|provoked|spurred)\b", re.I)
# a state moved to act by it ("prompted Washington to take military action", "forced Ankara to send troops"): the doer
_MOVED_BEFORE = re.compile(r"\b(?:prompted|forced|pushed|drove|spurred|led|provoked)\s+(?:the\s+)?$", re.I)
_TO_ACT_AFTER = re.compile(r"\s+to\s+[a-z]")
_ANSWERS_BEFORE = re.compile(
    r"\bin\s+(?:retaliation|response|revenge|reprisal)\s+(?:for|to)\s+(?:(?:the|an?)\s+)?(?:[\w'’\-]+\s+){0,2}$",
    re.I)
# a place named as the side a happening harms or helps ("the single deadliest incident for Moscow", "a blow to
# Damascus", "the heaviest loss for Ankara in weeks", "a victory for Tehran"): whose loss it is, not where it was
_FOR_SIDE_BEFORE = re.compile(
    r"\b(?:blows?|setbacks?|loss(?:es)?|incidents?|victory|victories|defeats?|embarrassment|humiliation|boost|"
    r"success|gains?)\s+(?:for|to)\s+$", re.I)
# a state named as the doer of an act ("air strikes launched by Russia", "strikes carried out by Turkey", "shelling
# by Israel"): who acted, not where
_BY_STATE = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
# ... or as the subject of the act ("The United States launched cruise missiles at a Syrian air base", "Russia
# bombed the town", "Washington fired missiles at the airfield", "Turkey has shelled Kurdish positions", "Washington
# has deliberately and directly targeted the government"): who acted
_STATE_ACTS_AFTER = re.compile(
    r"(?:,?\s+(?:which|that|who))?\s+(?:(?:has|have|had)\s+)?(?:(?:also|again|then|\w+ly)\s+(?:and\s+)?){0,3}(?:launched|fired|bombed|bombarded|struck|shelled|"
    r"pounded|raided|targeted|attacked|hit|dropped|carried\s+out|conducted|staged|stepped\s+up|intensified|escalated|"
    r"resumed|sent\s+(?:\w+\s+)?(?:missiles|jets|"
    r"warplanes|drones|bombers))\b")


# the acts of a report a source is cited for ("according to reports of shelling in Idlib"): the place is theirs
_SOURCE_ACT = re.compile(r"\baccording\s+to\s+.*\b(?:attacks?|strikes?|raids?|shelling|bombing|clashes|fighting|"
                         r"killings?|explosions?|blasts?|battles?|offensive|assault)\b", re.I)


def reporting_place(text: str, start: int, end: int) -> bool:
    """The place names where the report comes from, or who speaks ("Russia has said"), not where the event
    happened."""
    if _BASED_AFTER.match(text, end) or _AGENCY_AFTER.match(text, end):
        return True
    if _OUTLAWED_IN.search(text, max(0, start - 50), start) or _OUTLET_AFTER.match(text, end):
        return True
    if _SPEAKER_AFTER.match(text, end) and not _IN_BEFORE.search(text, max(0, start - 12), start):
        return True  # the subject who speaks; "a doctor in Aleppo said" is still a doctor in Aleppo
    if _CREDITED_OFFICE.search(text, max(0, start - 90), start) and not _SOURCE_ACT.search(
            text, max(0, start - 90), start):
        return True
    m = _SPOKEN_FROM.search(text, max(0, start - 70), start)
    # an office the act itself reaches ("attacked the mayor's office in Kirkuk", "a car bomb near the governor's
    # headquarters in Mosul") is where it happened, not where a report comes from
    return m is not None and not (m.group("office") and _ACT_REACHES.search(text, max(0, m.start() - 60), m.start()))


def _event_places(text: str, places: list[PlaceMention], mentions: list[ActorMention],
                  home: tuple[str, ...] = ()) -> list[PlaceMention]:
    """Toponyms that can locate an event: not a dateline ("WASHINGTON/Damascus –"), not where the report
    comes from (``reporting_place``), not inside an actor
    name ("US forces", "the Syrian army": nationality, not location), and, in a report whose own actors
    place it in Syria or Iraq (``home``), not a foreign nationality ("Russian and regime airstrikes") nor a
    foreign border seen from there ("supply lines to the Turkish border")."""
    from sitrep.extract.places import is_demonym, is_nationality

    datelines = [m.span() for m in _DATELINE.finditer(text)]
    actors = Spans((m.start, m.end) for m in mentions)
    out, rulers = [], []
    for p in places:
        if any(s <= p.start < e for s, e in datelines):
            continue
        if actors.covers(p.start):
            continue
        if reporting_place(text, p.start, p.end):
            continue
        if _CAUSE_AFTER.match(text, p.end) or _ANSWERS_BEFORE.search(text, max(0, p.start - 60), p.start):
            continue  # the place of the happening the act answers
        if p.place is not None and (p.place.precision == "country" or p.place.feature == "PPLC") \
                and _MOVED_BEFORE.search(text, max(0, p.start - 20), p.start) and _TO_ACT_AFTER.match(text, p.end):
            continue  # a state moved to act ("prompted Washington to strike"): the doer
        if _RULERS_AFTER.match(text, p.end) or _FOR_SIDE_BEFORE.search(text, max(0, p.start - 30), p.start) \
                or _targeted_from(text, p, places):
            rulers.append(p)  # a place only where the clause names no other
            continue
        if p.place is not None and (p.place.precision == "country" or p.place.feature == "PPLC") \
                and not is_demonym(p.mention) and _BY_STATE.search(text, max(0, p.start - 8), p.start):
            # a state or its capital as the doer ("strikes by Israel", "backed by Moscow"; "by Syrian aircraft"
            # names the aircraft's nation)
            continue
        if p.place is not None and (p.place.precision == "country" or p.place.feature == "PPLC") \
                and not is_demonym(p.mention) and _STATE_ACTS_AFTER.match(text, p.end) \
                and not _IN_BEFORE.search(text, max(0, p.start - 12), p.start):
            continue  # a state or its capital as the subject ("The US launched missiles at an air base")
        if p.place is not None and p.place.precision == "country" and p.place.country not in home \
                and not is_demonym(p.mention) and _ARMS_AFTER.match(text, p.end) \
                and not _IN_BEFORE.search(text, max(0, p.start - 12), p.start):
            # a foreign country's name used as a nationality ("further US strikes", "UK jets"): who, not where (the
            # report's own country stays a place: "Syria air strike on jihadist camp kills 18")
            continue
        if home and p.place is not None and p.place.country not in home and (
                is_nationality(p, text) or (is_demonym(p.mention) and _BORDER_AFTER.match(text, p.end))):
            continue  # "Russian airstrikes", or "the Turkish border" seen from a Syrian town
        out.append(p)
    return out or rulers


def _specificity(c: _Cand, figures: bool, date_in_clause: bool, clause_text: str = "") -> float:
    score = 0.0
    if date_in_clause or opens_with_hour(clause_text, 0):  # a day, or the hour the sentence opens with
        score += 1
    if c.place is not None or _PLACE_CUE.search(clause_text):
        score += 1
    if figures:
        score += 1
    if c.actor1 is not None and not c.actor1.generic:
        score += 0.5
    if c.actor2 is not None and not c.actor2.generic:
        score += 0.5
    return score


def _needed(c: _Cand) -> float:
    if c.anaphoric:
        return 0.0  # kept for merging into the incident it refers to; dropped later if it finds none
    if c.event_type == "Diplomacy":
        return 0.5
    if c.event_type == "Strategic developments" and c.hit.trigger.priority >= 44:
        return 1.0
    if c.hit.trigger.priority >= 55:
        return 0.5
    if (c.violent or c.event_type in ("Protests", "Riots")) and c.hit.trigger.priority >= 45:
        return 1.0
    return 1.5


def _add_casualties(prev: _Cand, text: str, cs: int, ce: int) -> None:
    cas = find_casualties(text[cs:since_clause_end(text, ce)])
    if prev.violent and cas.fatalities is not None:
        also = adds_more(text[cs:ce])
        if prev.fatalities is None or cas.coded:
            prev.fatalities = cas.fatalities
        elif also:
            prev.fatalities += cas.fatalities
        else:
            prev.fatalities = max(prev.fatalities, cas.fatalities)
    if prev.violent and cas.injured is not None:
        prev.injured = cas.injured if prev.injured is None else max(prev.injured, cas.injured)
    prev.extra_spans.append((cs, ce))


_QUOTE_MARK = re.compile(r"[“\"”]")


def quote_spans(text: str, open_tail: bool = False) -> list[tuple[int, int]]:
    """The spans of the quotations in ``text`` (15 characters or more between quotation marks). ``open_tail``: a
    quotation opened and not closed before the end (a sentence cut inside a quote) runs to the end."""
    spans = [m.span() for m in re.finditer(r"[“\"][^”\"\n]{15,}[”\"]", text)]
    if open_tail:
        after = [m.start() for m in _QUOTE_MARK.finditer(text, spans[-1][1] if spans else 0)]
        if len(after) % 2:
            spans.append((after[-1], len(text)))
    return spans


_DEMONYM_BEFORE = re.compile(
    r"((?:[A-Z][\w.\-]*\s+)?[A-Z][\w.\-]*)\s+(?:(?:air|military|drone|naval|army|artillery)\s+)?$")
# a demonym joined to the one before the act: "Russian and regime", "Syrian or Russian", "US & Iraqi"
_JOINED_DEMONYM = re.compile(r"\b([A-Za-z][\w.\-]*)\s*(?:,\s*|\s+and\s+|\s+or\s+|\s*&\s*|\s*/\s*)$", re.I)


def _state_of(word: str, dic: ActorDictionary) -> str | None:
    """The state a word before an act names, by the actor dictionary or any country's name or demonym in the
    gazetteer ("Kenya", "Ethiopian", "Britain"). "Palestinian" names a people whose armed groups are no state's
    forces ("Palestinian rocket fire"): no state."""
    iso = _state_word(word, dic)
    if iso is None:
        from sitrep.geo.gazetteer import load_gazetteer

        iso = load_gazetteer().country_of(word)
    return None if iso == "PS" else iso


def _demonym_actor(text: str, hit: Hit, cs: int, dic: ActorDictionary) -> ActorMention | None:
    """'Russian airstrikes', 'a US strike': the country's armed forces as the initiator."""
    inside = re.match(r"([A-Z][\w.\-]*)\s", hit.text)  # the trigger itself opens with it ("US strike")
    if inside and dic.demonym_country(inside.group(1)):
        word, start = inside.group(1), hit.start
    else:
        m = _DEMONYM_BEFORE.search(text[max(cs, hit.start - 30):hit.start])
        if not m:
            return None
        word, start = m.group(1), max(cs, hit.start - 30) + m.start(1)
        if " " in word and not _state_of(word, dic):  # a two-word name ("United States") or the last word
            last = word.split()[-1]
            word, start = last, start + len(word) - len(last)
    iso = _state_of(word, dic)
    actor = dic.military_of(iso) if iso else None
    if actor is None:
        return None
    joint = _JOINED_DEMONYM.search(text, max(cs, start - 30), start)
    if joint and dic.demonym_country(joint.group(1)) not in (None, iso):
        return None  # "Russian & regime airstrikes", "US or Iraqi strikes": two forces, no one initiator
    return ActorMention(start, start + len(word), word, actor)
