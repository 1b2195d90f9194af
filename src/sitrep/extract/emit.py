"""Candidate -> Event: confidence, the document's country, one event per listed place, actor references
and the method."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from sitrep.extract.actors import ActorDef, ActorDictionary, ActorMention
from sitrep.extract.events import (
    VIOLENT,
    TriggerDef,
    evidence_span,
)
from sitrep.geo.gazetteer import CORE
from sitrep.numwords import NUMBER, parse_number
from sitrep.records import ActorRef, Document, Event, Evidence, Place, PlaceMention

from .candidate import _Cand
from .inputs import _actor_home
from .merge import _place_key
from .places import AREA_KIND_AFTER, AREA_KIND_WORDS, area_core, province_place

_FORCED = TriggerDef(id="label", type="Strategic developments", sub="Other", priority=100, method="coded label",
                     regex=re.compile(r"^"))


def _confidence(c: _Cand) -> float:
    score = 0.45
    if c.actor1 is not None:
        score += 0.12
    if c.actor2 is not None:
        score += 0.08
    if c.fatalities is not None:
        score += 0.08
    if c.date_method and c.date_method.startswith("sentence"):
        score += 0.1
    if c.place is not None:
        score += 0.1
    if c.hit.trigger.priority < 35:
        score -= 0.1
    return max(0.05, min(0.95, score))


def _doc_country(places: list[PlaceMention], mentions: list[ActorMention]) -> str | None:
    c: Counter[str] = Counter()
    for p in places:
        if p.place is not None and p.place.country:
            c[p.place.country] += 2 if p.place.country in CORE else 1
    for cc in _actor_home(mentions):  # the report's own armed actors: Al Shabaab in Somalia, the PMF in Iraq
        c[cc] += 1
    return c.most_common(1)[0][0] if c else None


# what may stand between two places of one list: "Saraqeb, Khan Sheikhoun and Maarat al-Numan" (FA-KES drops
# the commas: "Saraqeb Khan Sheikhoun Maarat al-Numan and Jabal al-Arbaeen"), "Idlib city as well as the towns of X"
_SETTLEMENT_NOUN = r"(?:cit(?:y|ies)|towns?|villages?|neighbou?rhoods?|districts?|areas?|camps?|suburbs?)"
_LIST_GAP = re.compile(
    rf"(?:\s+{_SETTLEMENT_NOUN})?\s*(?:(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|,?\s+as\s+well\s+as\s+)"
    rf"(?:the\s+)?(?:{_SETTLEMENT_NOUN}\s+(?:of\s+)?)?"
    # the next member told by the area around it, the comma dropped or kept ("the neighbourhood of A(,) the area
    # around the town of B"); not "A, the vicinity of B" nor "A area the outskirts of B", which tell where A lies
    rf"|,?\s+the\s+areas?\s+around\s+(?:the\s+)?(?:{_SETTLEMENT_NOUN}\s+of\s+)?)?\s*",
    re.I,
)
_BETWEEN = re.compile(r"\b(?:between|from)\s+(?:the\s+)?(?:[\w'’\-]+\s+){0,3}$", re.I)
_PLACE_CLASS = {"point": "town", "district": "town", "admin1": "province"}


def _listed_places(c: _Cand, places: list[PlaceMention], text: str) -> list[Place]:
    """The places of a list that locates one clause's action ("shelled Saraqeb, Khan Sheikhoun and Kafranbel",
    "in Raqqa and Deir ez-Zor provinces"): ACLED codes one event per place. Not a route ("between X and Y",
    "from X to Y").  A listed name the gazetteer does not know ("the villages of Massudiyeh and Jab al-Jerah
    in Homs province", "Ferdous and areas of Der Hafir") is still a place of its own, located no finer than
    what the text tells of it (``_unknown_member``)."""
    if c.place is None or c.event_type == "Diplomacy" or c.place.precision not in _PLACE_CLASS:
        return []
    kind = _PLACE_CLASS[c.place.precision]
    inner = sorted((p for p in places if c.start <= p.start and p.end <= c.end), key=lambda p: p.start)
    # a member's province named after it inside the list ("Kafr Nabl, Idlib province, and Maarat al-Numan", "Djibo,
    # Sahel region, and Arbinda"): where that member lies, neither a member nor a break of the list
    # (its kind word written: "struck Saraqib, Idlib and Ariha" lists the city of Idlib)
    quals = {id(q): prev for prev, q in zip(inner, inner[1:], strict=False)
             if _its_province(prev, q, text) and (_area_end(q, text) > q.end or _has_kind_word(q.mention))}
    same = [p for p in inner if id(p) not in quals and (
        _unnamed(p) or (p.place is not None and _PLACE_CLASS.get(p.place.precision) == kind))]
    run: list[PlaceMention] = []
    ends: list[PlaceMention | None] = [*same, None]
    for p in ends:
        if p is not None and run and (_LIST_GAP.fullmatch(text, run[-1].end, p.start) or any(
                prev is run[-1] and q.start < p.start and _LIST_GAP.fullmatch(text, _area_end(q, text), p.start)
                for q in inner if (prev := quals.get(id(q))) is not None)):
            run.append(p)
            continue
        listed = _run_places(c, run, text)
        if listed:
            return listed
        run = [p] if p is not None else []
    return []


# what opens a list of places an action is located at: a locative word, or a settlement noun and "of"
_LIST_LEAD = re.compile(
    r"(?:\b(?:in|on|at|near|around|targeted|targeting|struck|hit|shelled|bombed|entered|stormed|regained|"
    r"seized|captured|recaptured)|\b(?:towns?|villages?|cities|areas?|neighbou?rhoods?|districts?|suburbs?)\s+of)"
    r"\s+(?:the\s+)?$", re.I)


def _run_places(c: _Cand, run: list[PlaceMention], text: str) -> list[Place]:
    """The places of one run of listed mentions, when the run is a list that locates ``c``. A demonym before a
    name ("the Syrian Idlib province") qualifies the name: no member of a list."""
    from sitrep.geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    run = _named_twice([m for m in run if gaz.demonym_country(m.mention) is None], text)
    if len(run) >= 2 and _its_province(run[-2], run[-1], text):
        run = run[:-1]  # the last name is where the one before it lies, not a member ("on Baidoa, Bay region")
    known = [m for m in run if not _unnamed(m)]
    unknown = [m for m in run if _unnamed(m)]
    if len(run) < 2 or _BETWEEN.search(text, max(0, run[0].start - 40), run[0].start):
        return []
    assert c.place is not None
    # the event's place is one of the list's members: a known one, or an unknown name the place step put in
    # the province the text names after the list ("the villages of A and B in Idlib province" -> A, Idlib)
    inside = c.place in [m.place for m in known] or bool(c.place.mention) and c.place.mention in [
        m.mention for m in unknown]
    if unknown and not _LIST_LEAD.search(text, max(0, run[0].start - 40), run[0].start):
        return []  # unresolved names are listed places only where the text lists them as where it happened
    if not inside and not (unknown and _after_list(c, run, text)):
        return []
    out: dict[tuple[int | None, str], Place] = {}
    for m in run:
        place = m.place if m in known else _unknown_member(m, c.place, inside)
        if place is not None:
            out.setdefault(_place_key(place), place)
    return list(out.values()) if len(out) >= 2 else []


# a capital told by its country before its name ("the Syrian capital Damascus", "the Kazakh capital Astana"): one place
# named twice, no list
_CAPITAL_TOLD = re.compile(r"(?i)\bcapital$")


def _named_twice(run: list[PlaceMention], text: str) -> list[PlaceMention]:
    return [m for i, m in enumerate(run)
            if not (i + 1 < len(run) and _CAPITAL_TOLD.search(m.mention) and not text[m.end:run[i + 1].start].strip())]


def _its_province(prev: PlaceMention, m: PlaceMention, text: str) -> bool:
    """``m`` names, after a bare comma, the province that holds the place before it ("an attack on Baidoa, Bay
    region, on Tuesday", "shelling on Rafah, Gaza"): where that place is, not another place of a list. Asked of a
    list's last name only: "struck Saraqib, Idlib and Ariha" lists the city of Idlib."""
    if prev.place is None or not prev.place.admin1 or not re.fullmatch(r"\s*,\s*", text[prev.end:m.start]):
        return False

    return area_core(m.mention) == area_core(prev.place.admin1)


def _has_kind_word(name: str) -> bool:
    return AREA_KIND_WORDS.search(name) is not None


def _area_end(m: PlaceMention, text: str) -> int:
    """Where an area's name ends, its kind word included ("Sahel region", "Idlib province")."""
    k = AREA_KIND_AFTER.match(text, m.end)
    return k.end() if k else m.end


def _unnamed(m: PlaceMention) -> bool:
    """A mention no gazetteer entry is named by: unresolved, or placed by the area around it ("the village
    of Nubul in Aleppo countryside" -> Aleppo province)."""
    if m.place is None:
        return True
    if m.place.geonameid is None:  # a named area ("eastern Ghouta"), or a name placed in one ("Nubbul" ->
        return not _names_overlap(m.place.name, m.mention)  # "northern Aleppo"): unnamed unless it names it
    from sitrep.geo.gazetteer import load_gazetteer

    return all(e.id != m.place.geonameid for e, _how in load_gazetteer().lookup(m.mention))


def _names_overlap(a: str, b: str) -> bool:
    a, b = a.casefold(), b.casefold()
    return a in b or b in a


def _after_list(c: _Cand, run: list[PlaceMention], text: str) -> bool:
    """Is the event's place named right after the list ("on al-Foaa and Kafrya in Idleb countryside")?"""
    mention = c.place.mention if c.place is not None else None
    if not mention:
        return False
    tail = text[run[-1].end:min(c.end, run[-1].end + 40)]
    return re.match(rf"\s*(?:,\s*)?(?:in|of|near|outside)\s+(?:the\s+)?(?:\w+\s+){{0,2}}?{re.escape(mention)}",
                    tail, re.I) is not None


def _unknown_member(m: PlaceMention, anchor: Place, inside: bool) -> Place | None:
    """A listed name no gazetteer entry matches, placed by what contains it: the area the place step put it in
    ("the neighbourhood of Al-Rashideen ... west Aleppo" -> western Aleppo), the place the list lies in ("... in
    Homs province"), or, in a list of known towns, their province -- never a neighbour's point."""
    if m.place is not None and m.place.precision == "district" and m.place.geonameid is None:
        return dataclasses.replace(m.place, name=m.mention, mention=m.mention, feature=None)
    if inside:
        if anchor.precision in ("admin1", "country"):
            return dataclasses.replace(anchor, name=m.mention, mention=m.mention, geonameid=None, feature=None)
        province = province_place(anchor.country, anchor.admin1)
        if province is None:
            return None
        anchor = province
    return dataclasses.replace(anchor, name=m.mention, mention=m.mention, geonameid=None, feature=None)


# a toll told for one place of several ("killed five people in Douma and three in Harasta", "12 in Saraqib, eight in
# Binnish and two in Ariha"): the figure, a few words ("people", "others", "more", "were killed"), then "in <place>"
_SHARE_BEFORE = re.compile(
    rf"(?:\b(?P<n>\d{{1,4}}|{NUMBER})\s+)(?:(?!in\b|and\b)[\w\-’']+\s+){{0,4}}?(?:in|at)\s+"
    r"(?:the\s+)?(?:(?:towns?|villages?|city|district|neighbou?rhood|area)\s+of\s+)?$", re.I)
_SHARE_GAP = re.compile(r"\s*(?:(?:early\s+|late\s+)?on\s+[A-Z]\w+\s*)?(?:,\s*(?:and\s+)?|\s*\band\s+|;\s*)"
                        r"(?:(?:also\s+)?(?:killed|killing|left)\s+(?:(?:at\s+least|another)\s+)?)?")


def _toll_shares(c: _Cand, places: list[PlaceMention], text: str) -> list[tuple[Place, int]]:
    """The clause's toll told place by place ("shelling killed five people in Douma and three in Harasta"): each
    place with its own figure, when two or more follow one another and the clause's toll is the first share or
    their sum (a total told before its breakdown: "killed eight people, five in Douma and three in Harasta")."""
    if c.fatalities is None or c.event_type == "Diplomacy":
        return []
    shares: list[tuple[int, Place, int]] = []  # (where the place's mention ends, the place, its figure)
    for p in sorted((p for p in places if c.start <= p.start and p.end <= c.end), key=lambda p: p.start):
        m = _SHARE_BEFORE.search(text, max(c.start, p.start - 60), p.start)
        n = parse_number(m["n"]) if m is not None else None
        if m is None or n is None or p.place is None or p.place.precision not in _PLACE_CLASS:
            continue
        if shares and not _SHARE_GAP.fullmatch(text, shares[-1][0], m.start()):
            if len(shares) >= 2:
                break
            shares = []
        shares.append((p.end, p.place, n))
    if len(shares) < 2 or len({place.name for _, place, _ in shares}) < len(shares) \
            or c.fatalities not in (shares[0][2], sum(n for *_, n in shares)):
        return []
    return [(place, n) for _, place, n in shares]


def _split_listed(c: _Cand, places: list[PlaceMention], text: str) -> list[_Cand]:
    """One candidate per place of a listed action; the toll, which the text gives for them all, stays with
    the first (as ACLED codes a list: the total on one event, none on the others) and is kept as the list's
    (``list_toll``): a headline restating it tells the list, not an event of its own. A toll the text breaks down
    place by place (:func:`_toll_shares`) gives each place its own share."""
    shares = _toll_shares(c, places, text)
    if shares:
        total = sum(n for _, n in shares)
        notes = [*c.notes, "place:listed", "toll:shared-out"]
        return [dataclasses.replace(c, place=place, listed=True, notes=notes, list_toll=total, extra_spans=[],
                                    fatalities=n, injured=c.injured if i == 0 else None)
                for i, (place, n) in enumerate(shares)]
    listed = _listed_places(c, places, text)
    if not listed:
        return [c]
    notes = [*c.notes, "place:listed"] + (["toll:of-the-list"] if c.fatalities is not None else [])
    return [dataclasses.replace(c, place=place, listed=True, notes=notes, list_toll=c.fatalities, extra_spans=[],
                                fatalities=c.fatalities if i == 0 else None, injured=c.injured if i == 0 else None)
            for i, place in enumerate(listed)]


def _listed_key(c: _Cand) -> str:
    """What tells apart the events of one listed clause (they share its evidence)."""
    return f"@{c.place.name}" if c.listed and c.place is not None else ""


# any word that tells of a death, however vague ("dozens killed", "casualties", "a massacre")
_DEATH_WORD = re.compile(r"\b(?:kill\w*|dead|died|dies|deaths?|fatalit\w*|casualt\w*|lives|life|martyr\w*|"
                         r"massacre\w*|bod(?:y|ies)|slain|perish\w*|toll|executed|shot)\b", re.I)


def _to_event(
    doc: Document, c: _Cand, dic: ActorDictionary, doc_country: str | None, places: list[PlaceMention],
    generic: bool = False,
) -> Event:
    text = doc.text
    country = (c.place.country if c.place is not None else None) or doc_country
    date, precision, date_method = c.date, c.precision, c.date_method
    if c.story_day and date == c.story_day[:7] and (date_method or "").startswith("narrative:"):
        date, precision = c.story_day, "day"
    if generic:
        date, precision = None, "unknown"
    a1 = c.actor1_ref or _ref(dic, c.actor1, country, date, text)
    a2 = c.actor2_ref or _ref(dic, c.actor2, country, date, text)
    if a1 is not None and c.actor1 is not None and c.actor1.actor.type == "civilians" \
            and c.event_type in ("Protests", "Riots"):
        a1 = None  # "teachers protested", "residents took to the streets": they protest as protesters
    if a1 is None and c.event_type in VIOLENT:
        a1 = dic.resolve(_UNIDENTIFIED(dic), country, date, mention=None)
    elif a1 is None and c.event_type == "Protests":
        a1 = dic.resolve(_BY_NAME(dic, "Protesters ({country})"), country, date, mention=None)
    elif a1 is None and c.event_type == "Riots":
        a1 = dic.resolve(_BY_NAME(dic, "Rioters ({country})"), country, date, mention=None)
    if a1 is not None and a2 is not None and a1.name == a2.name and not _INFIGHTING.search(text, c.start, c.end):
        a2 = None  # one actor on both sides is a role slip unless the text speaks of infighting
    if a2 is None and c.event_type == "Violence against civilians":
        a2 = dic.resolve(_BY_NAME(dic, "Civilians ({country})"), country, date, mention=None)
    # a statement is not the happening it speaks of: its dead belong to that event
    fatalities, injured = (None, None) if c.event_type == "Diplomacy" else (c.fatalities, c.injured)
    if fatalities is None and injured and not any(_DEATH_WORD.search(text, s, e)
                                                  for s, e in [(c.start, c.end), *c.extra_spans]):
        fatalities = 0  # the wounded are counted and no death is told: nobody died
    es, ee = evidence_span(text, c.start, c.end, c.hit)
    ev = Evidence(text=text[es:ee], start=es, end=ee)
    sub = c.sub
    return Event(
        doc_id=doc.id,
        event_id=Event.make_id(doc.id, c.start, c.end, c.event_type + (sub or "") + _listed_key(c)),
        event_type=c.event_type,
        sub_event_type=sub,
        date=date,
        date_precision=precision if date else "unknown",  # type: ignore[arg-type]
        date_method=date_method,
        evidence=ev,
        actor1=a1,
        actor2=a2,
        location=c.place,
        fatalities=fatalities,
        injured=injured,
        method=_method(c, text),
        confidence=c.confidence,
        source=doc.source,
        generic=generic,
        notes=tuple(dict.fromkeys(c.notes)),  # each rule once
    )


_INFIGHTING = re.compile(
    r"\b(?:infighting|in-fighting|internecine|among\s+themselves|between\s+rival|rival\s+(?:factions|groups|"
    r"wings|militias|units)|turned\s+on\s+each\s+other|internal\s+(?:clashes|fighting|feud))\b", re.I)


def _method(c: _Cand, text: str) -> str:
    h = c.hit.text.lower()
    if c.sub == "Suicide bomb":
        return "suicide bomber"
    if c.hit.trigger.id == "clash" and "ambush" in h:
        gunman = re.search(r"\bgunm[ae]n\b", text[c.start:c.end], re.I)
        return "ambush by gunman" if gunman else "ambush"
    if "barrel" in h:
        return "barrel bombs"
    if "drone" in h or "uav" in h:
        return "drone strike"
    return c.method


def _ref(dic: ActorDictionary, m: ActorMention | None, country: str | None, date: str | None, text: str
         ) -> ActorRef | None:
    if m is None:
        return None
    return dic.resolve(m.actor, country, date, mention=text[m.start:m.end])


def _UNIDENTIFIED(dic: ActorDictionary) -> ActorDef:
    return _BY_NAME(dic, "Unidentified Armed Group ({country})")


def _BY_NAME(dic: ActorDictionary, name: str) -> ActorDef:
    a = dic.by_name.get(name)
    if a is None:
        raise KeyError(f"actors.yaml lacks {name!r}")
    return a
