"""Extraction as named components over one typed document state (``DocState``).

Each component declares the state fields it reads and writes; ``ORDER`` (data) is the sequence
``_extract`` runs, and ``check_order`` verifies at start-up (import) that every field a component
reads is set before it runs: by the state's constructor (``INITIAL``) or by an earlier component.
Add a component with ``@component(name, reads=..., writes=...)`` and put its name in ``ORDER``.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sitrep.extract import classifier as typer
from sitrep.extract.actors import ActorDictionary, ActorMention, load_actors
from sitrep.extract.events import (
    _DAY_STATED,
    VIOLENT,
    Hit,
    clauses,
    excluded_trigger,
    find_triggers,
    genericity,
    is_anaphoric,
    load_lexicon,
    main_hit,
    opens_period,
    prefix_type,
)
from sitrep.extract.numbers import not_violent_deaths
from sitrep.records import Document, Event, Place, PlaceMention, TimeMention

from .build import (
    _add_casualties,
    _assign_governments,
    _candidate,
    _event_places,
    agreement_between_states,
    occasion_hit,
    quote_spans,
)
from .candidate import _Cand, _sentences
from .date_sentences import is_caption
from .dates import points_back
from .emit import _FORCED, _doc_country, _split_listed, _to_event
from .inputs import (
    _actor_home,
    _document_province,
    _find_dates,
    _find_places,
    _parse_sentences_many,
    _SentParse,
    page_date,
)
from .merge import (
    ADDING,
    _drop_totals,
    _merge,
    _merge_duplicates,
    _merge_headlines,
    _merge_references,
    _merge_restatements,
    _same_place,
    _title_spans,
    headline_style,
    headline_tolls_restated,
    headlines_restating_tallies,
    toll_sources,
)


@dataclass(slots=True)
class DocState:
    """What extraction knows about one document, field by field, as the components fill it in."""

    doc: Document
    text: str
    sp: Any  # the spaCy parse of the whole text (sentences, entities), or None
    theatre: tuple[str, ...] = ()
    keep_generic: bool = False
    dic: ActorDictionary = field(default_factory=load_actors)
    sents: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[ActorMention] = field(default_factory=list)
    home: tuple[str, ...] = ()
    places: list[PlaceMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    persons: dict[str, str] = field(default_factory=dict)
    parses: dict[int, _SentParse] = field(default_factory=dict)
    parts: list[list[tuple[int, int]]] = field(default_factory=list)  # per sentence: its clauses, cut at acts
    probs: dict[tuple[int, int], Any] = field(default_factory=dict)
    cands: list[_Cand] = field(default_factory=list)
    generic_cands: list[_Cand] = field(default_factory=list)
    merged: list[_Cand] = field(default_factory=list)
    doc_country: str | None = None
    events: list[Event] = field(default_factory=list)


INITIAL = frozenset({"doc", "text", "sp", "theatre", "keep_generic", "dic"})
FIELDS = frozenset(f.name for f in dataclasses.fields(DocState))


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    run: Callable[[DocState], None]
    # the same step over several documents at once, where batching them is faster (a model pass); None: each in turn
    run_many: Callable[[list[DocState]], None] | None = None


REGISTRY: dict[str, Component] = {}


def component(name: str, *, reads: Sequence[str], writes: Sequence[str],
              many: Callable[[list[DocState]], None] | None = None,
              ) -> Callable[[Callable[[DocState], None]], Callable[[DocState], None]]:
    """Register ``fn`` as the component ``name`` (its fields must be ``DocState`` fields); ``many``: the same step
    over a batch of states, which :func:`run_batch` uses."""

    def register(fn: Callable[[DocState], None]) -> Callable[[DocState], None]:
        unknown = (set(reads) | set(writes)) - FIELDS
        if unknown:
            raise ValueError(f"component {name!r}: no DocState field {sorted(unknown)}")
        if name in REGISTRY:
            raise ValueError(f"component {name!r} registered twice")
        REGISTRY[name] = Component(name, tuple(reads), tuple(writes), fn, many)
        return fn

    return register


def check_order(order: Sequence[str], registry: dict[str, Component] | None = None) -> tuple[Component, ...]:
    """The components of ``order``; a name not registered, or a component that reads a field no earlier
    component (nor the state's constructor) writes, fails loudly."""
    registry = REGISTRY if registry is None else registry
    known = set(INITIAL)
    out: list[Component] = []
    for name in order:
        if name not in registry:
            raise ValueError(f"extraction order names {name!r}, which is not a registered component")
        comp = registry[name]
        missing = [f for f in comp.reads if f not in known]
        if missing:
            raise ValueError(f"component {name!r} reads {missing}, which no earlier component writes")
        known.update(comp.writes)
        out.append(comp)
    return tuple(out)


# words of a clause after the page's restated title that make it the lead's own report, not the title
_GLUED_LEAD_WORDS = 8


# --------------------------------------------------------------------------- the components
@component("sentences", reads=("sp", "text"), writes=("sents",))
def sentences(st: DocState) -> None:
    st.sents = _sentences(st.sp, st.text)


@component("actors", reads=("dic", "text", "theatre"), writes=("mentions", "home"))
def actors(st: DocState) -> None:
    st.mentions = st.dic.find(st.text)
    st.home = tuple(dict.fromkeys((*st.theatre, *_actor_home(st.mentions, st.theatre))))


@component("places", reads=("text", "sp", "home", "mentions"), writes=("places", "mentions"))
def places(st: DocState) -> None:
    st.places = _find_places(st.text, st.sp, st.home)
    if any(m.ambiguous for m in st.mentions):  # "SNA": the Somali or the Syrian National Army, by the country
        where = _doc_country(st.places, st.mentions)
        st.mentions = [m.in_country(where) for m in st.mentions]


@component("dates", reads=("text", "doc"), writes=("times", "doc"))
def dates(st: DocState) -> None:
    stamp = page_date(st.text, st.doc.published)
    if stamp is not None:  # the page's own stamp disagrees with the metadata: the text's date is the page's
        st.doc = dataclasses.replace(st.doc, published=stamp, published_precision="day", published_method="dateline")
    st.times = _find_dates(st.text, st.doc.published)


@component("quotes", reads=("text",), writes=("quotes",))
def quotes(st: DocState) -> None:
    st.quotes = quote_spans(st.text)


@component("persons", reads=("dic", "text"), writes=("persons",))
def persons(st: DocState) -> None:
    st.persons = st.dic.person_countries(st.text)


@component("event_places", reads=("text", "places", "mentions", "home"), writes=("places",))
def event_places(st: DocState) -> None:
    st.places = _event_places(st.text, st.places, st.mentions, st.home)


def _to_parse(st: DocState) -> list[tuple[int, int]]:
    # the parse only decides between two or more actors of a sentence; one actor is placed by word order
    text = st.text
    starts = sorted(m.start for m in st.mentions)  # actors of a sentence counted by bisection, not a rescan
    return [(a, b) for a, b in st.sents
            if bisect.bisect_left(starts, b) - bisect.bisect_left(starts, a) >= 2 and find_triggers(text, a, b)]


def _parses_many(states: list[DocState]) -> None:
    # the sentences of every document parsed in one pass (far faster than a few sentences at a time)
    for st, parsed in zip(states, _parse_sentences_many([(st.text, _to_parse(st)) for st in states]), strict=True):
        st.parses = parsed


@component("parses", reads=("text", "sents", "mentions"), writes=("parses",), many=_parses_many)
def parses(st: DocState) -> None:
    _parses_many([st])


@component("parts", reads=("text", "sents", "places"), writes=("parts",))
def sentence_parts(st: DocState) -> None:
    # the parts of each sentence that may each hold an event: its clauses, each cut where a second act at another
    # place starts (:func:`act_breaks`); found once, for the typer and the candidates alike
    st.parts = [[part for clause in clauses(st.text, ss, se) for piece in but_breaks(st.text, *clause)
                 for part in act_breaks(st.text, *piece, st.places)]
                for ss, se in st.sents]


@component("typer", reads=("text", "parts"), writes=("probs",))
def typer_probs(st: DocState) -> None:
    # the learned typer scores every clause once (batched); it adds and corrects typings below
    st.probs = typer.clause_probs(st.text, [c for parts in st.parts for c in parts])


_CAS_CONTINUATION = re.compile(
    r"\b(?:killed|killing|dead|died|deaths?|wounded|wounding|injured|injuring|casualties|fatalities|injury|"
    r"injuries)\b", re.I
)


def _picks(text: str, cs: int, ce: int, forced: Any, probs: dict[tuple[int, int], Any], *,
           outcome_of_last: bool = False) -> list[Hit]:
    """The trigger hits a clause yields: its main violent (or other) and diplomatic hits, a coded label's
    forced type, else the typer's label for a clause the rules have no trigger for -- unless the clause only
    tells the casualties of the report just before it in its sentence (``outcome_of_last``: "..., killing nine
    and wounding 12", cut at the "..."), which are that report's."""
    hits = [h for h in find_triggers(text, cs, ce) if not opens_period(text, cs, h)]
    hits = [h for h in hits if not _told_occasion(text, h, hits)]
    picks = [h for h in (main_hit([h for h in hits if h.trigger.type != "Diplomacy"], text),
                         main_hit([h for h in hits if h.trigger.type == "Diplomacy"])) if h is not None]
    if forced is not None and not any(h.trigger.type != "Diplomacy" for h in picks):
        picks.insert(0, Hit(_FORCED, cs, min(ce, cs + 1), text[cs:min(ce, cs + 1)]))
    if not picks and not outcome_of_last and (cs, ce) in probs and not excluded_trigger(text, cs, ce):
        added = typer.decide(probs[(cs, ce)], typer.labels(), None, typer.untrusted())
        if added is not None:  # an event the rules have no trigger for
            picks = [Hit(typer.model_trigger(added), cs, ce, text[cs:ce])]
    return picks


# a happening named by a pointer as the time of the clause's act ("... after the aerial strikes", "following these
# raids"): one the report has told, or tells, as its own; the act told before it is the clause's news
_KNOWN_OCCASION = re.compile(r"\b(?:after|following)\s+(?:the|these|those|this|that)\s+(?:[\w\-’']+\s+){0,2}$",
                             re.I)


def _told_occasion(text: str, hit: Hit, hits: list[Hit]) -> bool:
    """Is ``hit`` a known happening the clause sets its act after ("Rebels fired missiles at an army base after
    the aerial strikes", "troops stormed the village following these raids"), with a violent act of its own told
    before it? That act, not the pointer, types the clause. A bare casualty word before it is the pointer's
    outcome ("two were killed after the air strikes"), no act of its own; an act that is itself no report ("threats
    of further strikes following the chemical attack") leaves the pointer to tell the clause's happening."""
    if hit.trigger.type == "Diplomacy" or not _KNOWN_OCCASION.search(text, max(0, hit.start - 40), hit.start):
        return False
    return any(h.end <= hit.start and h.trigger.type in VIOLENT and h.trigger.sub != hit.trigger.sub
               and _CAS_CONTINUATION.fullmatch(h.text) is None and not genericity(text, h, (0, hit.start)).generic
               for h in hits)


# where one act of a sentence ends and another, told with its own verb, starts: "Jets struck Kafranbel, and
# rebels shelled Foua", "..., as clashes raged in Daraa" (see :func:`act_breaks`)
_ACT_JOIN = re.compile(r",?\s+(?:and|as|while|with)\s+(?:also\s+)?|,\s+(?=(?:a|an|the)?\s*\w+\s+(?:also\s+)?"
                       r"(?:hit|struck|targeted|shelled|bombed|pounded|attacked|killed|raided)\b)|" + ADDING.pattern,
                       re.I)


def _same_area(a: Place, b: Place) -> bool:
    """Are two places one area for an event: the same place, or one the province (or district) of the other
    ("Aleppo" and "Aleppo's countryside", a town and its province)?"""
    names = {a.name, a.admin1, a.admin2} - {None}
    return b.name in names or a.name in {b.admin1, b.admin2} or (a.lat, a.lon) == (b.lat, b.lon) != (None, None)


# a part that opens on its place: "and in Douma, jets bombed a market"
_PLACE_LEAD = re.compile(r"(?:in|on|at|near|around)\s+[^,;]{1,50},\s+", re.I)
# a further toll of the same strikes told by another place ("30 were killed in A and another 39 by strikes in B"):
# the figures of one report, not a second act
_FURTHER_TOLL = re.compile(r"(?:another|a\s+further|some)\s+(?:\d+|\w+)\s+(?:people\s+|civilians\s+)?"
                           r"(?:were|had|have|died)\b|(?:\d+|\w+)\s+(?:more|others)\b", re.I)
# a relative clause that describes a place of a list ("... and Homs, where shelling was reported")
_RELATIVE = re.compile(r"\b(?:where|which|who|whom|whose)\b", re.I)


def _new_act(text: str, start: int, end: int, hits: list[Hit], places: Sequence[PlaceMention]) -> bool:
    """Does text[start:end] open an act of its own: an act word before any place it names (or after a lead
    that sets its place, "in Douma, ..."), not inside a relative clause? A part that starts with a place
    continues a list of the act before it ("targeted A and the B area with bombs", "A and Homs, where ...")."""
    if not hits or _FURTHER_TOLL.match(text, start):
        return False
    first = min(h.start for h in hits)
    if _RELATIVE.search(text, start, first):
        return False
    lead = _PLACE_LEAD.match(text, start)
    if lead is not None and lead.end() <= first:
        return True
    return not any(p.place is not None and start <= p.start < first for p in places)


# "but" turning to an act of its own, told by a subject and a past verb ("troops failed to retake the town, but they
# have driven the rebels back from two villages", "the raid missed its target but the shells killed five")
_BUT_ACT = re.compile(r",?\s+but\s+(?=(?:they|it|he|she|we|(?:(?:the|its|their)\s+)?[\w\-’']+(?:\s+[\w\-’']+)?)\s+"
                      r"(?:(?:have|has|had)\s+)?(?:also\s+|since\s+|later\s+)?(?:[a-z]+ed|[a-z]+en|struck|hit|shot|"
                      r"fought|overran|seized|took|retook|stormed)\b)")


def but_breaks(text: str, cs: int, ce: int) -> list[tuple[int, int]]:
    """A clause that turns with "but" from one act to another its own subject and verb tell ("they could not
    recapture the districts rebels stormed in 2012, but they have driven them back from the towns to the south"):
    two parts, each with its own act and its own time. A turn to no act of its own ("..., but no one was hurt",
    "but the army denies it") or from no act keeps the clause whole; so does a bare casualty on either side."""
    def acts(a: int, b: int) -> bool:
        return any(h.trigger.type in VIOLENT and _CAS_CONTINUATION.fullmatch(h.text) is None
                   for h in find_triggers(text, a, b))

    out: list[tuple[int, int]] = []
    pos = cs
    for m in _BUT_ACT.finditer(text, cs, ce):
        if m.start() - pos < 15 or ce - m.end() < 15 or not acts(pos, m.start()) or not acts(m.end(), ce):
            continue
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, ce))
    return out


def act_breaks(text: str, cs: int, ce: int, places: Sequence[PlaceMention]) -> list[tuple[int, int]]:
    """One sentence that tells acts at distinct places ("air strikes hit A, and regime forces shelled B", "a
    gunman killed two in A, as clashes raged in B"): the parts, each with its own violent act word and its own
    place, none the same area as a place of the part before it (:func:`_same_area`). A single act with several
    places ("shelled A and B", "advanced from A to B", "A and its countryside") has no second act word by a new
    place and stays whole; a part whose only act word tells casualties ("and killed three in B") stays with its
    act. Each part keeps only the toll told in it."""
    def acts(a: int, b: int, *, casualties: bool = True) -> list[Hit]:
        return [h for h in find_triggers(text, a, b) if h.trigger.type != "Diplomacy"
                and (casualties or _CAS_CONTINUATION.fullmatch(h.text) is None)]

    def at(a: int, b: int) -> list[Place]:
        return [p.place for p in places if p.place is not None and a <= p.start and p.end <= b
                and p.place.precision != "country"]

    out: list[tuple[int, int]] = []
    pos = cs
    for m in _ACT_JOIN.finditer(text, cs, ce):
        if m.start() - pos < 15 or ce - m.end() < 15:
            continue
        left, right = at(pos, m.start()), at(m.end(), ce)
        adding = ADDING.fullmatch(m.group(0)) is not None
        # a source's second statement is a report of its own, whatever words the first told its act with ("80
        # fighters were destroyed in Mayadeen, the ministry said, adding 40 were killed around Abu Kamal")
        if not left or not right or not (adding or acts(pos, m.start())):
            continue
        if not _new_act(text, m.end(), ce, acts(m.end(), ce, casualties=adding), places) \
                or any(_same_area(a, b) for a in left for b in right):
            continue
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, ce))
    return out


def _with_occasions(st: DocState, picks: list[Hit], clause: tuple[int, int]) -> list[tuple[Hit, int | None]]:
    """The clause's picks, and after a pick that is generic (a call, a plan), the happening the clause names as its
    occasion ("called for protests following the slaying of two students"): the call gives no event, the slaying
    does. Each with where the words that can make it generic start (None: the clause's start)."""
    out: list[tuple[Hit, int | None]] = [(h, None) for h in picks]
    for hit in picks:
        if hit.trigger.type == "Diplomacy" or hit.trigger.id in ("label", "model"):
            continue
        gen = genericity(st.text, hit, clause)
        if gen.generic:
            hits = find_triggers(st.text, *clause)
            other = occasion_hit(st.text, hits, hit)
            if other is not None and all(other[0] != h for h in picks):
                out.append(other)
            elif other is None and gen.reason in _SCOPED_REASONS:
                earlier = _act_before(st.text, hits, hit, clause)
                if earlier is not None and all(earlier != h for h in picks):
                    out.append((earlier, None))
    return out


# what makes a mention generic by words about it alone (a modal before it, "in case of", a plan, a denial), never
# the clause as a whole (a period, an aggregate, a heading): an act told before such a mention is not generic by it
_SCOPED_REASONS = frozenset({"hypothetical", "future", "inquiry", "negated"})


def _act_before(text: str, hits: list[Hit], generic: Hit, clause: tuple[int, int]) -> Hit | None:
    """The act a clause tells before a mention that is generic by its own words ("fighting was raging in Jobar,
    and fighters moved back in case of another chemical attack", "jets bombed the town, and troops may storm it"):
    the main violent trigger that ends before the generic one, not a casualty word, and not generic itself nor
    told after a modal or a threat of the clause ("rebels were threatening to strike the villages with missiles if
    barrel bombs were used"). The mention outranks it, but only tells what may come; the clause reports the act."""
    def act(h: Hit) -> bool:
        return h.trigger.type != "Diplomacy" and _CAS_CONTINUATION.fullmatch(h.text) is None

    best = main_hit([h for h in hits if h.end <= generic.start and act(h)], text)
    if best is None:
        # none before: an act a relative clause tells after it ("troops have been unable to retake the districts
        # which rebels stormed in 2012"), itself no mention of what may come or did not happen
        best = main_hit([h for h in hits if h.start >= generic.end and act(h) and h.trigger.type in VIOLENT
                         and not genericity(text, h, clause).generic], text)
    if best is None or opens_period(text, clause[0], best) or genericity(text, best, clause).generic \
            or load_lexicon().cues["hypothetical"].search(text, clause[0], best.start) is not None:
        return None
    return best


@component("candidates", reads=("doc", "text", "sents", "parses", "mentions", "times", "places", "quotes", "dic",
                                "persons", "parts", "probs"), writes=("cands", "generic_cands"))
def candidates(st: DocState) -> None:
    text, cands = st.text, st.cands
    titles = _title_spans(text)
    for si, (ss, se) in enumerate(st.sents):
        # a photo caption tells what the photo shows ("Russian jets are seen at the air base"): an act only in its
        # own words ("... runs near an ambulance after an air strike on a hospital"), never a guess of the model
        caption = is_caption(text, ss, se)
        forced = prefix_type(text, ss, se) if si == 0 else None
        for cs, ce in st.parts[si]:
            casualties = _CAS_CONTINUATION.search(text[cs:ce]) is not None \
                and not not_violent_deaths(text[cs:ce])
            picks = _picks(text, cs, ce, forced, st.probs,
                           outcome_of_last=casualties and bool(cands) and cands[-1].sent == si)
            if not picks:
                if cands and max(cands[-1].sent, cands[-1].last_sent) >= si - 1 and casualties:
                    _add_casualties(cands[-1], text, cs, ce)
                    cands[-1].last_sent = si
                continue
            for hit, generic_from in _with_occasions(st, picks, (cs, ce)):
                cand = _candidate(st.doc, st.parses.get(ss), text, hit, (cs, ce), si, forced, st.mentions, st.times,
                                  st.places, st.quotes, st.dic, generic_from)
                if cand is not None and (cand.event_type == "Diplomacy" or cand.sub == "Agreement"):
                    if agreement_between_states(text, cand, (cs, ce), st.mentions, st.places, st.dic, st.persons):
                        cand.event_type, cand.sub = "Diplomacy", "agree"
                        cand.notes.append("agreement:between-states")
                    _assign_governments(text, cand, (cs, ce), st.dic, st.persons)
                if forced is not None and hit.trigger.type != "Diplomacy":
                    forced = None
                if cand is None or (caption and hit.trigger.id == "model"):
                    continue
                cand.headline = headline_style(text[cs:ce])
                # the restated title, not a lead glued to it with no stop ("... Damascan Suburb Town Thirty civilians
                # were killed on Saturday in ...": the body's own words after the title make it the report)
                cand.title = any(a < ce and cs < b and len(text[b:ce].split()) < _GLUED_LEAD_WORDS for a, b in titles)
                typer.review(cand, st.probs.get((cs, ce)), text[cs:ce])
                if not cand.generic and _denied_before(cand, st.generic_cands, text):
                    cand.generic = "negated"
                    cand.notes.append("generic:denied-before")
                if cand.generic:
                    st.generic_cands.append(cand)
                else:
                    _take_antecedent(cand, st.generic_cands, text, ss, se)
                    cands.extend(_split_listed(cand, st.places, text))


# the words of an act that tell it apart from another act of its kind: not these, nor any word under four letters
_COMMON = frozenset({"that", "this", "with", "from", "which", "were", "been", "have", "their", "they", "there",
    "said", "says", "about", "after", "before", "later", "earlier", "also", "into", "over", "under", "than", "when",
    "where", "while", "would", "could", "other", "another", "report", "reports", "reported", "according", "denied",
    "denies", "deny", "claim", "claims", "claimed", "carried", "out", "struck", "strike", "strikes", "attack",
    "attacks", "accused", "accuses", "using", "used", "killed", "killing", "forces", "government", "regime", "army",
    "rebels", "civilians", "people", "syrian"})


def _act_words(text: str, c: _Cand) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z\-]{3,}", text[c.start:c.end].lower()) if w not in _COMMON}


def _denied_before(cand: _Cand, generic: list[_Cand], text: str) -> bool:
    """An act the page denied before ("The coalition denied an army report that it had hit poison gas supplies
    in an air strike"), told again as a party's word ("The army said that an air strike by the coalition hit
    poison gas supplies"): the same claim, denied, not a report of a happening. Same sub type, and at least five
    words that tell the act apart shared with the denied one (a topic's words -- "chemical weapons", "government
    forces" -- are not enough: a charge denied in general leaves every report of the kind standing)."""
    if not cand.violent:
        return False
    words = _act_words(text, cand)
    return any(g.generic == "negated" and g.sub == cand.sub and g.end <= cand.start
               and len(words & _act_words(text, g)) >= 5 for g in generic)


def _take_antecedent(cand: _Cand, generic: list[_Cand], text: str, ss: int, se: int) -> None:
    """An attack told by a pointer at the sentence before ("UN investigators established that sarin was used in
    Eastern Ghouta in 2013. The United States accused Damascus of that attack, which killed 1429") is the
    happening that sentence told as background (a year-only report, left out as generic): it takes that
    happening's weapon (an explosive or chemical one) and its place when its own sentence names no weapon
    ("attack") and no place but a capital standing for its government, or none."""
    if cand.sub != "Attack" or not cand.violent or not generic or not points_back(text, ss, se):
        return
    ante = generic[-1]
    if (ante.sent != cand.sent - 1 or ante.generic != "year-only" or ante.event_type != "Explosions/Remote violence"
            or ante.sub is None):
        return
    cand.event_type, cand.sub = ante.event_type, ante.sub
    own = cand.place
    if ante.place is not None and (own is None or own.feature == "PPLC" or own.precision == "country"):
        cand.place = ante.place
    cand.notes.append("type:antecedent")
    ante.notes.append("antecedent:taken")


def _date_named_events(cands: list[_Cand]) -> None:
    """A happening the article names ("the brothers accused of carrying out the Boston Marathon bombing", "in
    revenge for the Ghouta massacre") with no time in its own clause is an earlier one: not dated by the story's
    day nor the page's, but by the year its name gives, or not at all -- unless a report of the article's own lies
    at its place (then the name is that report's: "the Kabul attack" in a report of a bombing in Kabul), or the text
    tells nothing else (then it is the report: "200 villagers died in the massacre in Tremseh"). Such a
    name is no pointer at the report told before it: an event of its own (GUIDE: background, not required)."""
    def named(c: _Cand) -> str | None:
        return next((n[6:] for n in c.notes if n.startswith("named:")), None)

    for c in cands:
        year = named(c)
        story = [o for o in cands if o is not c and not o.generic and named(o) is None]
        # a note that tells only the named happening ("200 villagers died in the massacre in Tremseh") reports it
        if year is None or c.generic or not story or any(o.violent and _same_place(o, c) for o in story):
            continue
        c.date, c.precision, c.date_method = (year, "year", "named") if year else (None, "unknown", "undated")
        c.story_day, c.anaphoric = None, False  # a name, no pointer at the story told before it
        c.notes.append("date:named-past")


@component("merge", reads=("cands", "generic_cands", "text"), writes=("merged",))
def merge(st: DocState) -> None:
    _date_named_events(st.cands)
    headlines_restating_tallies(st.cands, st.generic_cands, st.text)
    # each candidate's own toll, read before merging joins headlines to body reports (headline_tolls_restated)
    sources = toll_sources(st.cands)
    merged = _merge(st.cands, st.text)
    merged = _merge_references(merged, st.text)
    merged = _merge_restatements(_merge_duplicates(merged, st.text), st.text)
    st.merged = _drop_totals(_merge_headlines(merged, st.text), st.text)
    headline_tolls_restated(st.merged, sources)


@component("confidence", reads=("merged", "probs"), writes=("merged",))
def confidence(st: DocState) -> None:
    for c in st.merged:  # the calibrated probability of the event's typing for its evidence clause
        p = typer.prob_of(st.probs.get((c.start, c.end)), c.event_type, c.sub)
        if p is not None:
            c.confidence = round(p, 3)


@component("place_fallback", reads=("merged", "places", "mentions", "home"), writes=("merged", "doc_country"))
def place_fallback(st: DocState) -> None:
    st.doc_country = _fill_places(st.merged, st.places, st.mentions, st.home)


@component("events", reads=("doc", "text", "merged", "generic_cands", "dic", "doc_country", "places", "keep_generic"),
           writes=("events",))
def events(st: DocState) -> None:
    st.events = [_to_event(st.doc, c, st.dic, st.doc_country, st.places)
                 for c in sorted(st.merged + _background_acts(st.merged, st.generic_cands, st.text),
                                 key=lambda c: c.start)]
    if st.keep_generic:
        st.events += [_to_event(st.doc, c, st.dic, st.doc_country, st.places, generic=True) for c in st.generic_cands]


# a period the act spans ("ravaged by fighting since 2012", "by 2015 the group had been driven out"), the start of
# the whole war ("the war began in 2011 when troops fired on protesters"), or an act told as the manner of a career
# ("gained prominence by seizing Mosul", "rose to fame through attacks in Maiduguri"): history, not a happening
_NO_HAPPENING = re.compile(r"\bsince\b|\bby\s+(?:the\s+(?:end|middle|start)\s+of\s+)?(?:\w+\s+)?\d{4}\b|"
                           r"\b(?:war|conflict|crisis|uprising|revolution|revolt|unrest)\b[^.;]{0,30}?"
                           r"\b(?:began|begun|started|erupted|broke\s+out)\b", re.I)
_MANNER_BEFORE = re.compile(r"\b(?:by|through|via)\s+(?:\w+\s+){0,2}$", re.I)
# "since" opening the act's own words, not a time: "on high alert since gunmen attacked the Bataclan in 2015", "the
# deadliest since the 2013 chemical attack on Ghouta" -- the act is the happening a period starts from, a past act
_SINCE_ACT = re.compile(
    r"\bsince\s+(?!(?:the\s+|its\s+|their\s+)?(?:start|beginning|outbreak|onset|end|early|late|mid|then|last|"
    r"first|this|that|these|those|\d|January|February|March|April|May|June|July|August|September|October|November|"
    r"December|spring|summer|autumn|fall|winter|war|conflict|crisis|uprising|revolution|revolt|unrest|fighting)\b)",
    re.I)
# the start of something that goes on, not one act: "since rebels began shelling the town", "since fighting surged",
# "since shortly after fighting began there in 2012"
_ONSET = re.compile(r"\b(?:began|begun|started|starting|intensified|escalated|surged|resumed|erupted|broke\s+out)\b",
                    re.I)


def _since_act(text: str, c: _Cand) -> int | None:
    """Where the "since" starts that opens ``c``'s own act (:data:`_SINCE_ACT`) in its clause, or None."""
    last = None
    for m in re.finditer(r"\bsince\b", text[c.start:c.hit.start], re.I):
        last = c.start + m.start()
    if last is None or _SINCE_ACT.match(text, last) is None or _ONSET.search(text, last, min(c.end, c.hit.end + 30)):
        return None
    return last


# a clause a time connector opens: "after the group launched a series of attacks across Paris, killing 130"
_OPENED_BY = re.compile(r"\b(?:since|after|following|in\s+the\s+(?:wake|aftermath)\s+of)\s+", re.I)


def _opened_act(text: str, c: _Cand) -> bool:
    """Is ``c``'s act told in a clause "since", "after", "following" or "in the wake of" opens, no time nor the onset
    of something going on (:data:`_SINCE_ACT`, :data:`_ONSET`): the happening a time is counted from."""
    last = None
    for m in _OPENED_BY.finditer(text, c.start, c.hit.start):
        last = m
    if last is None or _ONSET.search(text, last.start(), min(c.end, c.hit.end + 30)):
        return False
    if not last.group(0).lower().startswith("since") and _DAY_STATED.search(text, c.start, c.end):
        return False  # "On Sunday the truce was hanging by a thread after a fresh wave of raids hit Aleppo": news
    return _SINCE_ACT.match("since " + text[last.end():c.hit.start]) is not None


def _no_happening(text: str, c: _Cand) -> bool:
    """A period the act spans, the start of the war, ... (:data:`_NO_HAPPENING`) -- not the "since" that opens
    the act itself (:func:`_since_act`)."""
    since = _since_act(text, c)
    return any(m.start() != since for m in _NO_HAPPENING.finditer(text, c.start, c.end))


def _named_site(p: Place) -> bool:
    """A place a past act can be told at: a town (``point``), or an area the gazetteer names as one ("Eastern
    Ghouta", "the Golan Heights") -- not a province, a country, nor a part of a city told by its direction
    ("eastern Aleppo", which no gazetteer entry names)."""
    return p.precision == "point" or p.precision == "district" and p.geonameid is not None


_VERB_FORM = re.compile(r"(?:ed|ing)$", re.I)  # "killing", "attacked": a verb, no noun pointing back


def _background_acts(merged: list[_Cand], generic: list[_Cand], text: str) -> list[_Cand]:
    """Specific past acts the article tells as background, dated only by their year ("rebels seized the town of
    Saraqeb in 2012", "Daraya, which fell to regime forces last year"): events of their own (GUIDE), dated to that
    year -- told beside a report of the article's own, not the whole of a note. Left out as year-only history,
    each comes back unless it is a violent act at a named place (:func:`_named_site`) with no period or start of the
    war in its clause and not the manner of a career, and the article does not tell it again: no later "that
    attack" took it as its antecedent, no report of the article lies in its year, and none told after it that
    points back ("the attack on the town") lies at its place. A report of today at the same town is no retelling of
    its history ("a rocket struck a district of Aleppo where loyalists have held out since rebels seized the east in
    2012"). An act a "since" (or "after") clause opens, told as many acts with a toll of their own ("on alert since
    IS launched a series of attacks across Paris, killing 130"), is one such happening, on no day the text tells
    (:func:`_opened_act`)."""
    if not any(c.violent for c in merged):
        return []
    out: list[_Cand] = []
    for c in generic:
        # many acts told as one, as the start of a period, with a toll of their own: "France has been on alert since
        # IS launched a series of attacks across Paris, killing 130" -- one happening, on no day the text tells
        started = c.generic == "collective" and c.fatalities is not None and _opened_act(text, c)
        if not (c.generic == "year-only" or started) or not c.violent or c.place is None \
                or not _named_site(c.place) or "antecedent:taken" in c.notes:
            continue
        if c.generic == "year-only" and (c.date is None or c.precision != "year"):
            continue
        if _no_happening(text, c) or _MANNER_BEFORE.search(text, max(c.start, c.hit.start - 30), c.hit.start):
            continue
        if any((not started and (m.date or "").startswith(c.date or "?")) or (
               _same_place(c, m) and m.start > c.start and any(is_anaphoric(text, h) and not _VERB_FORM.search(h.text)
                                                               for h in find_triggers(text, m.start, m.end)))
               for m in merged):
            continue
        if started:
            out.append(dataclasses.replace(c, generic=None, date=None, precision="unknown", date_method="undated",
                                           story_day=None, notes=[*c.notes, "background:undated"]))
        else:
            out.append(dataclasses.replace(c, generic=None, notes=[*c.notes, "background:dated-by-year"]))
    return out


def _fill_places(merged: list[_Cand], places: list[PlaceMention], mentions: list[ActorMention],
                 home: tuple[str, ...]) -> str | None:
    """Events without a place get the document's country (or the one its own forces say); a country-level
    place becomes the one province the report otherwise names. Returns the document's country."""
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
                and "place:nationwide" not in c.notes and "date:named-past" not in c.notes:
            # (an earlier happening known by its name lies in no province of the story's)
            # "in Syria" in a report that otherwise names only places of one province: that province
            if c.place.country not in provinces:
                provinces[c.place.country] = _document_province(places, c.place.country)
            province = provinces[c.place.country]
            if province is not None:
                c.place = province
                c.notes.append("place:document-province")
    return doc_country


# The extraction order (data): checked when this module is imported.
ORDER: tuple[str, ...] = (
    "sentences", "actors", "places", "dates", "quotes", "persons", "event_places", "parses", "parts", "typer",
    "candidates", "merge", "confidence", "place_fallback", "events",
)
PIPELINE: tuple[Component, ...] = check_order(ORDER)


def run(doc: Document, sp: Any, keep_generic: bool = False, theatre: tuple[str, ...] = ()) -> list[Event]:
    """The events of one document: every component of ``PIPELINE`` in turn over its state."""
    return run_batch([(doc, sp)], keep_generic=keep_generic, theatre=theatre)[0]


def run_batch(items: Sequence[tuple[Document, Any]], keep_generic: bool = False, theatre: tuple[str, ...] = ()
              ) -> list[list[Event]]:
    """The events of each ``(document, spaCy parse)``: every component of ``PIPELINE`` in turn over all their
    states (a component with a batched form runs once over them all). Each document's events are those
    :func:`run` gives it alone: no state is shared between documents."""
    states = [DocState(doc=doc, text=doc.text, sp=sp, theatre=theatre, keep_generic=keep_generic)
              for doc, sp in items]
    for comp in PIPELINE:
        if comp.run_many is not None:
            comp.run_many(states)
        else:
            for st in states:
                comp.run(st)
    return [st.events for st in states]
