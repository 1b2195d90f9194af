"""Merge passes over a document's candidates: sentences that carry on one incident (``_merge``), references
to an earlier report (``_merge_references``), the same incident reported twice (``_merge_duplicates``) and
headlines restating the body (``_merge_headlines``)."""

from __future__ import annotations

import re

from sitrep.extract.actors import ActorMention
from sitrep.extract.events import (
    VIOLENT,
    is_plural_mention,
    opens_with_hour,
    picked_out,
    set_beside,
)
from sitrep.extract.numbers import QUANTITY, adds_more, among_the_dead, parse_count, tells_vague_dead
from sitrep.extract.places import precision_rank
from sitrep.records import Place, haversine_km

from .candidate import _Cand
from .inputs import _LEAD_CHARS, _span_toll


# --------------------------------------------------------------------------- merging
def _family(t: str) -> str:
    return "violent" if t in VIOLENT else t


_SUB_RANK = {
    "Suicide bomb": 9, "Chemical weapon": 9, "Government regains territory": 8,
    "Non-state actor overtakes territory": 8, "Remote explosive/landmine/IED": 7, "Grenade": 7,
    "Air/drone strike": 6, "Shelling/artillery/missile attack": 5, "Abduction/forced disappearance": 5,
    "Attack": 4, "Armed clash": 4,
}


# a nation's "strike" that names no aircraft ("the US strike", "the Israeli strikes"): typed an air strike by default
_NATION_STRIKE = re.compile(r"(?:(?!(?:Air|Drone|Aerial)\b)(?:U\.S\.|[A-Z][\w.\-]*)\s+)?[Ss]trikes?")


def _strike_of_named_weapon(other: _Cand, into: _Cand) -> bool:
    """``other`` is a bare "strike" retelling a report that names its weapon ("The United States fired 59 cruise
    missiles at the air base ... The US strike on the air base killed six"): the weapon types it, not the default."""
    return other.sub == "Air/drone strike" and into.sub == "Shelling/artillery/missile attack" \
        and _NATION_STRIKE.fullmatch(other.hit.text) is not None


def _undated(c: _Cand) -> bool:
    """The clause states no date: the value comes from the publication date (see dates.date_for_span)."""
    m = c.date_method or "undated"
    return m == "undated" or m.startswith("publication")


def _soft_date(c: _Cand) -> bool:
    return c.anaphoric or _undated(c) or "date:other-clause" in c.notes or "date:saying" in c.notes or (
        "date:vague" in c.notes) or (c.date_method or "").startswith("narrative:")


def _said_day(c: _Cand) -> bool:
    """Dated by the day something was said of it, in its own sentence and nothing softer."""
    return "date:saying" in c.notes and not (c.anaphoric or "date:other-clause" in c.notes or "date:vague" in c.notes)


def _stated_day(c: _Cand) -> bool:
    """Dated by a day its own clause names (not the day of a saying)."""
    return (c.date_method or "").startswith("sentence:") and c.precision == "day" and not (
        "date:other-clause" in c.notes or "date:saying" in c.notes)


def _dates_compatible(a: _Cand, b: _Cand) -> bool:
    if _soft_date(a) or _soft_date(b):
        return not (_year_told_apart(a, b) or _year_told_apart(b, a))
    if a.date is None or b.date is None:
        return True
    return a.date.startswith(b.date) or b.date.startswith(a.date)


def _year_told_apart(a: _Cand, b: _Cand) -> bool:
    """``a`` has only the story's day (carried on from the sentences before it) and ``b`` names in its own clause a
    date of another year ("The army repelled an attempt to storm the base. In March 2013 the region was attacked
    ..."): ``b`` is background of another year, no part of ``a``'s happening."""
    if not (a.date_method or "").startswith("narrative:") or a.anaphoric or b.anaphoric:
        return False
    if not (b.date_method or "").startswith("sentence:explicit") or "date:other-clause" in b.notes:
        return False
    return bool(a.date and b.date) and (a.date or "")[:4] != (b.date or "")[:4]


def _apart(a: _Cand, b: _Cand, text: str) -> bool:
    """Two kinds of violence each told in its own words (rocket fire on a district, then fighting on the
    city's edge; clashes in one town, a strike on a town nearby): two happenings, however near the places
    and the sentences.  A mention that refers back ("the attack") is never apart.  Two acts no one happening
    can be (a car bomb and a chemical attack, shelling and a roadside bomb) are apart even where one of them
    names no day or place of its own: neither takes the other's toll. A happening one sentence sets beside another
    in time ("The attack came a day after an air strike killed 12") is apart from it, the attack referred to too."""
    if _beside(a, b, text):
        return True
    if a.anaphoric or b.anaphoric or _outcome(a) or _outcome(b):
        return False
    if _delivered_apart(a, b):
        return True
    same_toll = a.fatalities is not None and a.fatalities == b.fatalities  # an abstract and its body
    # the report told first stands apart by a toll of its own too ("19 were killed overnight by heavy shelling"
    # before "Clashes on Monday continued ..."); a toll told after an act of another kind is that act's ("Clashes
    # raged in the town. Air strikes killed five civilians")
    return a.event_type != b.event_type and not same_toll and _own_setting(a, text, a.start < b.start) \
        and _own_setting(b, text, b.start < a.start)


def _beside(a: _Cand, b: _Cand, text: str) -> bool:
    """Does a sentence set the two reports beside each other in time (:func:`events.set_beside`), by any of their
    spans (a reference "the attack" absorbed by the first)?"""
    return any(set_beside(text, x, y) for x in ((a.start, a.end), *a.extra_spans)
               for y in ((b.start, b.end), *b.extra_spans))


# how the harm was delivered: a device set off where it struck (a car bomb, a suicide bomber, a grenade) or
# fired from afar (aircraft, artillery, rockets, a chemical munition, which aircraft or rockets carry)
DELIVERY = {
    "Remote explosive/landmine/IED": "set off", "Suicide bomb": "set off", "Grenade": "set off",
    "Air/drone strike": "fired", "Shelling/artillery/missile attack": "fired", "Chemical weapon": "fired",
}


def _delivered_apart(a: _Cand, b: _Cand) -> bool:
    """Two acts delivered in different ways, each named by its own trigger words ("car bomb", "chemical
    attack", "shelling"); a kind a model or the context gave a general word ("bombing", "explosion") may be
    a slip."""
    da, db = (DELIVERY.get(c.sub or "") if c.sub == c.hit.trigger.sub and c.hit.trigger.id not in ("model", "label")
              and not _GENERAL_ACT.search(c.hit.text) else None for c in (a, b))
    if _named_apart(a, b):
        return True  # an earlier happening known by its name and a report of the story
    if {a.hit.trigger.id, b.hit.trigger.id} & {"shootdown"} and (a.event_type, b.event_type).count(
            "Explosions/Remote violence") == 1:
        return True  # an aircraft brought down (by fire from the ground) and a strike or a blast: two acts
    return da is not None and db is not None and da != db


# words any kind of explosive act may be told in ("a twin bombing", "the explosions", "the blast")
_GENERAL_ACT = re.compile(r"\b(?:bombings?|explosions?|blasts?|bombardments?|explosives?|bombed)\b", re.I)


def _own_setting(c: _Cand, text: str, toll: bool = False) -> bool:
    """Does the report name its own day or place ("Fighting struck the southern edges of the city Wednesday
    night"), as a happening of its own does -- not a detail of the one before ("The operation was supported
    by airstrikes")?"""
    own_day = (c.date_method or "").startswith("sentence:") and "date:other-clause" not in c.notes \
        and "date:saying" not in c.notes
    mention = c.place.mention if c.place is not None else None
    # (``toll``: a toll of its own told with its act, "19 were killed overnight by heavy shelling", is a
    # happening's too)
    own_toll = toll and bool(c.fatalities) and not c.anaphoric and c.hit.trigger.id not in ("model", "label")
    return own_day or own_toll or bool(mention and mention in text[c.start:c.end])


# "13 militants were killed.", "6 were killed and 7 injured": a death told with no act of its own is what the
# act before it did
_OUTCOME_WORDS = re.compile(r"(?:(?:claimed|managed|able)\s+to\s+(?:have\s+)?)?"
                            r"(?:killed|kill|killing|kills|slain|died|dead|deaths?|lost\s+their\s+lives)", re.I)


def _outcome(c: _Cand) -> bool:
    return c.hit.trigger.id == "direct" and _OUTCOME_WORDS.fullmatch(c.hit.text.strip()) is not None


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


_STATE_TYPES = frozenset({"state forces", "external/other forces"})


def _opposed_initiators(a: _Cand, b: _Cand) -> bool:
    """Are two remote attacks (strikes, shelling, missiles) told in two sentences fired by two sides ("regime jets
    bombed Jayrud" and "rebels fired missiles at an army base in Jayrud", the same day): a state's forces and a
    group that is none? A remote attack is one-sided, so each side's is a report of its own (ACLED codes one event
    per pair of actors). A clash or a taking of ground involves both sides, so the other side named as its doer
    is the same fight; forces of two states (allies: "supported by airstrikes from US forces"), two names of one
    side, a mention with no named actor, and an initiator one parse gives as the other's target (roles are often
    swapped) never part two reports."""
    if a.sent == b.sent or a.event_type != "Explosions/Remote violence" or b.event_type != a.event_type:
        return False

    def side(m: ActorMention | None) -> bool | None:
        if m is None or m.generic or m.actor.type is None or m.actor.name.startswith("Unidentified"):
            return None
        return m.actor.type in _STATE_TYPES

    sa, sb = side(a.actor1), side(b.actor1)
    if sa is None or sb is None or sa == sb:
        return False
    swapped = {a.actor1.actor.key if a.actor1 else None} & {b.actor2.actor.key if b.actor2 else None} or \
        {b.actor1.actor.key if b.actor1 else None} & {a.actor2.actor.key if a.actor2 else None}
    return not swapped


def _absorb(into: _Cand, other: _Cand, text: str) -> None:
    """Merge a continuation of the same incident into ``into``."""
    also = adds_more(text[other.start:other.end])
    # a report that gives its dead only as a vague word ("dozens of militants were killed") and then the figure in a
    # sentence of its own ("Over 110 of them were killed in the village of X"): that sentence states the report
    vague_then_figure = into.fatalities is None and other.fatalities is not None and not other.anaphoric \
        and other.sent > max(into.sent, into.last_sent) and tells_vague_dead(text[into.start:into.end])
    if "toll:over-places" in other.notes and (into.headline or into.title) and "toll:over-places" not in into.notes:
        # a headline's toll over the lead that tells it over unnamed places ("Air strikes kill at least 45" over "jets
        # hit the opposition-held cities, killing more than 40"): that total again, no toll of one place
        into.fatalities = None
        into.notes.append("toll:over-places")
    if other.fatalities is not None:
        if into.fatalities is None and "toll:over-places" in into.notes and (other.headline or other.title):
            pass  # the headline's toll of a report told over unnamed places: their total again (as above)
        elif into.fatalities is None:
            into.fatalities = other.fatalities
            if "toll:over-places" in into.notes and other.place is not None:
                # a report told over unnamed places joined by one place's own report: the toll is that place's,
                # and so is the place (the summary's own was only a neighbour's)
                into.place = other.place
        elif other.sent > max(into.sent, into.last_sent) and not also and _restates(other, text):
            pass  # another source's figure told further down (:func:`_restates`): the report keeps its own
        elif also and other.sent != into.sent:
            into.fatalities += other.fatalities
        else:
            into.fatalities = max(into.fatalities, other.fatalities)
    if other.injured is not None:
        into.injured = other.injured if into.injured is None else max(into.injured, other.injured)
    # the more specific date, place, sub type and actors win
    rank = {"day": 3, "week": 2, "month": 1, "year": 0, "unknown": -1}
    # a day told only as the day of a saying ("a source told SANA on Wednesday that ...") still dates the report
    # better than the publication day
    # and a mention referring back that names a day of its own in its clause ("the assault forced the army to pull
    # back late on Friday") dates the happening better than the day it was said ("85 troops were killed, a monitor
    # said Saturday")
    precise_other = other.date is not None and (not _soft_date(other) or _said_day(other) and _undated(into) or (
        other.anaphoric and _stated_day(other) and "date:saying" in into.notes))
    precise_into = into.date is not None and not _soft_date(into)
    if "date:named-past" in into.notes and not ((other.date_method or "").startswith("sentence:explicit")
                                                and "date:other-clause" not in other.notes):
        precise_other = False  # a pointer at a happening known by its name: the story's day is not its day
    take_evidence = vague_then_figure
    if precise_other and (not precise_into or rank.get(other.precision, -1) > rank.get(into.precision, -1)):
        into.date, into.precision, into.date_method = other.date, other.precision, other.date_method
        into.notes = [n for n in into.notes if n != "date:saying"] + (["date:saying"] if _said_day(other) else [])
        take_evidence = True
    if _finer_place(other, into) and (into.place is None or not _weak(other) or _states_its_place(other, into, text)):
        into.place = other.place
    if into.headline and not other.headline and not other.anaphoric:
        # a headline followed by its report: the report's own words type it and are its evidence
        into.event_type, into.sub, into.method = other.event_type, other.sub, other.method
        into.headline = False
        take_evidence = True
    elif other.violent and into.violent and _SUB_RANK.get(other.sub or "", 0) > _SUB_RANK.get(into.sub or "", 0) \
            and not other.anaphoric and not _strike_of_named_weapon(other, into):
        into.event_type, into.sub, into.method = other.event_type, other.sub, other.method
        take_evidence = True
    elif _strike_of_named_weapon(into, other):
        into.event_type, into.sub, into.method = other.event_type, other.sub, other.method
    if into.title and not other.title and not other.anaphoric:
        # the page's title followed by its report: the report's words are the evidence
        into.title = False
        take_evidence = True
    if into.actor1 is None or (into.actor1.generic and other.actor1 is not None and not other.actor1.generic):
        into.actor1 = other.actor1 or into.actor1
    elif other.actor1 is not None and not other.actor1.generic and other.actor1.start < into.actor1.start:
        into.actor1 = other.actor1  # one incident told in two clauses: the perpetrator named first leads
    if into.actor2 is None or (into.actor2.generic and other.actor2 is not None and not other.actor2.generic):
        into.actor2 = other.actor2 or into.actor2
    if into.event_type == "Battles" and into.hit.trigger.id == "attack" and other.event_type == "Violence against " \
            "civilians" and (into.actor2 is None or into.actor2.actor.type == "civilians"):
        # an attack typed by its words alone, whose dead the next clause tells are civilians ("Gunmen attacked a
        # convoy ... Five passengers were killed"): violence against them, not a battle
        into.event_type, into.sub, into.method = other.event_type, other.sub, other.method
    if take_evidence and not other.anaphoric:
        into.extra_spans.append((into.start, into.end))
        into.start, into.end, into.hit = other.start, other.end, other.hit
    else:
        into.extra_spans.append((other.start, other.end))
    if other.listed and other.list_toll is not None and into.fatalities == other.list_toll:
        # a headline restating a listed action's toll ("Seven killed in rocket attacks on Idlib towns" over
        # "seven were killed in attacks on A and B"): the report is that place's of the list, told once
        into.listed, into.list_toll = True, other.list_toll
    into.last_sent = max(into.last_sent, other.sent, other.last_sent)
    into.confidence = min(0.95, max(into.confidence, other.confidence) + 0.05)
    if "merged" not in into.notes:  # a rule that fired is noted once, however often it fired
        into.notes.append("merged")


# "Separately, ...", "In another incident, ...", "Elsewhere, ...": the next sentence is not a continuation;
# nor is one that opens on another act of its kind ("Other rocket shells fell on ...", "Another car bomb
# went off ...", "A second air strike hit ...")
_NEW_INCIDENT = re.compile(
    r"\W*(?:separately|elsewhere|meanwhile|in\s+(?:an)?other\s+(?:incident|attack|development)s?|in\s+a\s+separate\s+\w+"
    r"|(?:an?other|other|a\s+(?:second|third|further|separate))(?=\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:shells?|rockets?|mortars?|missiles?|bombs?|strikes?|raids?|attacks?|explosions?|blasts?|clashes)\b))\b",
    re.I,
)


# "a similar car bomb attack", "the second such attack this month", "another such raid": the clause tells another
# act of the kind told before, not the same one again
_ANOTHER_ACT = re.compile(
    r"\b(?:a\s+similar|(?:an)?other\s+such|(?:the|a)\s+(?:second|third|fourth|further)\s+such)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:attacks?|strikes?|raids?|bombings?|explosions?|blasts?|assaults?|massacres?|ambush(?:es)?|shelling)\b",
    re.I)


def _new_incident(c: _Cand, text: str) -> bool:
    """The clause opens a new strand ("Separately, ...", "Another car bomb ...") or tells an act of the same kind as
    one before ("a similar car bomb attack", "the second such attack this month")."""
    return _told_apart(c, text) or _ANOTHER_ACT.search(text, c.start, c.end) is not None


# a killing done afterwards by someone, of a captive most often ("the pilot was arrested and was subsequently killed
# by a fighter", "later executed", "a soldier they captured was later beheaded"): an act of its own, not the toll of
# the happening told before it (one who "later died" of wounds stays its toll)
_LATER_KILLING = re.compile(
    r"\b(?:subsequently|later|afterwards|then)\s+(?:(?:was|were|been)\s+)?(?:killed|executed|beheaded|shot\s+dead|"
    r"murdered)\b", re.I)


def _later_killing(a: _Cand, b: _Cand, text: str) -> bool:
    """One of two reports in different sentences tells a killing done afterwards (:data:`_LATER_KILLING`)."""
    return a.sent != b.sent and any(_LATER_KILLING.search(text, x.start, x.end) is not None for x in (a, b))


def _own_happening(c: _Cand, text: str) -> bool:
    """The report opens with the hour it happened at ("Just after 11.30pm a wave of shooting broke out ...") or
    picks one act out of a series ("The worst explosion was at the bus station, where six died"): the narrative
    moves on to a happening of its own, not a detail of the one before; a mention that refers back ("At 2pm the
    attack was still going on") still joins it."""
    return not c.anaphoric and (opens_with_hour(text, c.start) or picked_out(text, c.hit))


def toll_sources(cands: list[_Cand]) -> dict[tuple[int, int], tuple[int | None, bool]]:
    """Each candidate's own toll and whether it is a headline (or the page's title), by its span: what
    :func:`headline_tolls_restated` reads once the candidates are merged."""
    return {(c.start, c.end): (c.fatalities, c.headline or c.title) for c in cands}


def headline_tolls_restated(merged: list[_Cand], sources: dict[tuple[int, int], tuple[int | None, bool]]) -> None:
    """A report told in the body's words that has its toll only from a headline (or the page's title) it joined,
    while another report of the article tells that toll ("Air Force Targets ISIS in Deir Ezzor, 25 Killed" joined
    to a video of fighting, and further down "25 militants were killed in their failed attack"): the headline
    restates that one, and the report keeps no toll of it. A headline that stands as the report (its words are the
    evidence) keeps its toll."""
    for m in merged:
        if not m.fatalities:
            continue
        own = sources.get((m.start, m.end))
        parts = [sources[s] for s in [(m.start, m.end), *m.extra_spans] if s in sources]
        if own is None or own[1] or not any(top and toll == m.fatalities for toll, top in parts) \
                or any(not top and toll == m.fatalities for toll, top in parts):
            continue
        if any(o is not m and o.fatalities == m.fatalities for o in merged):
            m.fatalities = None
            m.notes.append("toll:headline-restates-another")


def _named_apart(prev: _Cand, c: _Cand) -> bool:
    """One of the two is an earlier happening the article names ("in revenge for the Ghouta massacre", dated by its
    name or not at all: ``components._date_named_events``) and the other a report of the story: two happenings.
    A pointer after the name ("The attack ...") is more of the named one."""
    named_p, named_c = "date:named-past" in prev.notes, "date:named-past" in c.notes
    if named_p == named_c:
        return False
    name, other = (prev, c) if named_p else (c, prev)
    return not (other.anaphoric and other.start > name.start)


def _merge(cands: list[_Cand], text: str) -> list[_Cand]:
    out: list[_Cand] = []
    for c in cands:
        target = None
        # sentences that tell an act no one happening with this one can be (a caption's air strike amid a
        # suicide bombing's report): the report goes on across them
        aside: set[int] = set()

        def next_to(sent: int, c: _Cand = c, aside: set[int] = aside) -> bool:
            return c.sent > sent and all(s in aside for s in range(sent + 1, c.sent))

        for prev in reversed(out):
            if _family(prev.event_type) != _family(c.event_type) or _named_apart(prev, c):
                continue
            if _delivered_apart(prev, c) and not (c.anaphoric or prev.anaphoric):
                aside.update(range(prev.sent, max(prev.sent, prev.last_sent) + 1))
                continue
            if not (_dates_compatible(prev, c) and _places_compatible(prev, c) and _actors_compatible(prev, c)) \
                    or _apart(prev, c, text):
                continue
            # clauses of one sentence were split at "while" / "in response to" / ";": separate events
            # (a next sentence with a toll of its own that differs tells another happening: "The attack came a
            # day after air strikes killed 26" after "a suicide bomber killed 15")
            later = _later_killing(prev, c, text) or (_own_happening(c, text) and c.sent != prev.sent)
            near = next_to(prev.sent) and not _new_incident(c, text) and not _moves_on(prev, c, text) \
                and not later \
                and (_tolls_compatible(prev, c) or c.sent == prev.sent or adds_more(text[c.start:c.end]))
            # the report goes on in the next sentences: it names no other place and no other toll
            # (or names the town in the province or country the report before told: "air strikes killed 20 in
            # northeastern Syria" and then "the strikes on al-Shadadi in Hasaka province on Thursday")
            goes_on = next_to(max(prev.sent, prev.last_sent)) and not _new_incident(c, text) and not later \
                and (c.place is None or _same_place(prev, c) or _part_told(prev, c, text) or _nested(prev, c)) \
                and (_tolls_compatible(prev, c) or adds_more(text[c.start:c.end])) and not _moves_on(prev, c, text)
            # a death told with no act of its own beside the act of the same sentence ("Six civilians were killed
            # while eight were injured in rocket attacks on New Aleppo"): that act's outcome
            outcome = c.sent == prev.sent and (_outcome(c) or _outcome(prev)) and not _added_elsewhere(prev, c, text)
            if c.anaphoric or ((near or outcome) and c.violent) or (goes_on and c.violent):
                target = prev
            break
        if target is not None:
            _absorb(target, c, text)
        else:
            out.append(c)
    return out


# a source's second statement: "..., the ministry said, adding that 40 fighters were killed around Abu Kamal" -- the
# dead it counts at another place are a report of that place, even told with no act word of their own (the
# sentence is cut there: ``components.act_breaks``)
ADDING = re.compile(r",?\s+adding\s+(?:that\s+)?", re.I)


def _added_elsewhere(prev: _Cand, c: _Cand, text: str) -> bool:
    """``c`` is the dead a source adds, in the sentence of ``prev``, at another place (:data:`ADDING`)."""
    return c.start >= prev.end and re.search(ADDING.pattern + "$", text[prev.end:c.start], re.I) is not None \
        and c.place is not None and prev.place is not None and not _same_place(prev, c)


# "Rockets hit another government-held neighbourhood", "a strike on a second village", "in other districts":
# the text says in so many words that the place is not the one of the report before
# (the place noun in lower case: "Forces Liberate Another Village" is a related article's title; and not right
# after a name it describes: "attacked Saraqeb, another opposition-held city" names its place, which the usual
# comparison of the two places judges)
_ANOTHER_PLACE = re.compile(
    r"\b(?i:an?other|other|a\s+(?:second|third|different|separate|nearby|neighbou?ring))\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:neighbou?rhoods?|districts?|villages?|towns?|cit(?:y|ies)|suburbs?|areas?|provinces?|regions?|camps?)\b"
)
_NAME_BEFORE = re.compile(r"[A-Z][\w\-’']+,?\s+$")


def _says_another_place(c: _Cand, text: str) -> bool:
    return not c.anaphoric and any(
        not _NAME_BEFORE.search(text, max(c.start, m.start() - 40), m.start())
        for m in _ANOTHER_PLACE.finditer(text, c.start, c.end))


def _moves_on(prev: _Cand, c: _Cand, text: str) -> bool:
    """The next sentence names, in its own words, another town or district than the report before it ("Shells
    fell on al-Sheikh Maqsoud neighborhood, injuring three." after a report on another district; "8 were
    wounded in Foua" after one in Aleppo), or says the place is another ("rockets hit another neighbourhood"): a
    happening of its own, as ACLED codes one event per place, however near the two places are."""
    if _says_another_place(c, text) or _after_unnamed_other_place(prev, c, text):
        return True
    if c.anaphoric or not (_local(prev) and _local(c)) or _same_place(prev, c):
        return False
    assert c.place is not None and prev.place is not None
    mention = c.place.mention or ""
    return bool(mention) and mention in text[c.start:c.end] and c.place.name != prev.place.name \
        and not _part_told(prev, c, text)


def _after_unnamed_other_place(prev: _Cand, c: _Cand, text: str) -> bool:
    """``prev`` is placed only as "another neighbourhood" / "a second village" (no name of its own: its place is
    the report before's town, borrowed) and ``c``, in a later sentence, names a place in its own words ("Rockets
    hit another district, killing one. Jets struck rebel positions south of Aleppo."): ``c`` is told of a place
    of its own, not of the unnamed one, so it goes on no further report of it."""
    if c.anaphoric or c.sent <= max(prev.sent, prev.last_sent) or not _says_another_place(prev, text):
        return False
    own = prev.place.mention if prev.place is not None else None
    if own and own in text[prev.start:prev.end]:
        return False
    mention = c.place.mention if c.place is not None else None
    return mention is not None and mention != "" and mention in text[c.start:c.end]


def _part_told(prev: _Cand, c: _Cand, text: str) -> bool:
    """``c`` is placed in a part of a city (places._city_neighbourhoods: "Homs - Akrameh") the report ``prev`` already
    named in one of its sentences ("the double bombing in the Akrameh neighbourhood of Homs"): the same report."""
    return c.place is not None and c.place.feature == "PPLX" and bool(c.place.mention) \
        and _told_in(prev, c.place.mention or "", text)


def _told_in(c: _Cand, words: str, text: str) -> bool:
    """Does the report ``c`` -- any sentence merged into it -- say ``words`` ("the double bombing in the Akrameh
    neighbourhood of Homs", then "explosions near the Akrameh school")?"""
    return any(words in text[a:b] for a, b in [(c.start, c.end), *c.extra_spans])


def _nested(a: _Cand, b: _Cand) -> bool:
    """One report's place is a country or province the other's town or district lies in."""
    if a.place is None or b.place is None or a.listed or b.listed:
        return False
    coarse, fine = (a.place, b.place) if precision_rank(a.place) > precision_rank(b.place) else (b.place, a.place)
    if precision_rank(coarse) == 3:
        return bool(coarse.country) and coarse.country == fine.country
    return precision_rank(coarse) == 2 and bool(coarse.admin1) and coarse.admin1 == fine.admin1 \
        and coarse.country == fine.country


def _other_province(a: _Cand, b: _Cand) -> bool:
    """Two towns or districts in two different provinces ("8 wounded in Foua in Idleb" after shelling on Aleppo,
    45 km away): near enough to be one place by distance, never one incident's place."""
    return _local(a) and _local(b) and a.place is not None and b.place is not None \
        and bool(a.place.admin1 and b.place.admin1) and a.place.admin1 != b.place.admin1


def _contains(a: _Cand, b: _Cand) -> bool:
    """Dates where one contains the other (2025-12 and 2025-12-19) and neither is soft."""
    def firm(c: _Cand) -> bool:
        return c.date is not None and not _undated(c) and not c.anaphoric \
            and "date:other-clause" not in c.notes and "date:saying" not in c.notes

    if not (firm(a) and firm(b)) or a.date is None or b.date is None:
        return False
    return a.date.startswith(b.date) or b.date.startswith(a.date)


_WORD = re.compile(r"[\w'’\-]+")
_RETOLD_WORDS = 6  # a run of this many words, the act's word among them, told again


def _retold_in_same_words(a: _Cand, b: _Cand, text: str) -> bool:
    """Two reports of one type on dates that do not disagree, one of them told again in the other's own words, the
    act among them ("Terrorists executed militants and members of their families who tried to lay down arms" in the
    lead, "... executed militants and members of their families who tried to ..." quoted from the bulletin further
    down): one happening, whose toll one of them gives."""
    if (a.event_type, a.sub) != (b.event_type, b.sub) or not _dates_compatible(a, b):
        return False
    if (a.fatalities is None) == (b.fatalities is None) or a.anaphoric or b.anaphoric:
        return False

    def runs(c: _Cand) -> set[tuple[str, ...]]:
        out: set[tuple[str, ...]] = set()
        for x, y in [(c.start, c.end), *c.extra_spans]:
            words = [m.group(0).lower() for m in _WORD.finditer(text, x, y)]
            out |= {tuple(words[i:i + _RETOLD_WORDS]) for i in range(len(words) - _RETOLD_WORDS + 1)}
        return out

    acts = {w.lower() for c in (a, b) for w in _WORD.findall(c.hit.text)}
    return any(acts & set(run) for run in runs(a) & runs(b))


def _same_toll(a: _Cand, b: _Cand) -> bool:
    """Two reports of one kind of attack with the same toll of several dead, on dates that do not
    disagree: "killed at least 43 people in Jayrud" and "at least 43 people have been killed by shelling"."""
    return a.fatalities is not None and a.fatalities >= 2 and a.fatalities == b.fatalities \
        and ((a.event_type, a.sub) == (b.event_type, b.sub) or _outcome(a) or _outcome(b)) and _dates_compatible(a, b)


# a settlement or area named by its kind ("the village of Shalaf", "Jabal al-Zawiya region", "Kafr Zita town"): a
# place of the report's own, whether the gazetteer knows it or not
_SETTLEMENT = re.compile(
    r"\b(?:village|town|city|region|area|district|neighbou?rhood|hamlet)\s+of\s+((?:(?:al|el|ad|as|ash|ar|an)-)?[A-Z][\w'’\-]+)"
    r"|\b((?:(?:al|el|ad|as|ash|ar|an)-)?[A-Z][\w'’\-]+(?:\s+(?:(?:al|el|ad|as|ash|ar|an)-)?[A-Z][\w'’\-]+)?)\s+"
    r"(?:village|town|region|area|district|neighbou?rhood|hamlet)\b")


def _settlements(c: _Cand, text: str) -> set[str]:
    return {m.group(1) or m.group(2) for a, b in [(c.start, c.end), *c.extra_spans]
            for m in _SETTLEMENT.finditer(text, a, b)}


def _settlements_apart(a: _Cand, b: _Cand, text: str) -> bool:
    """Each report names a settlement or area of its own by its kind ("an army base in Jabal al-Rahmalia region",
    "operations in the village of Shalaf"), and neither says the other's name: two places, however the gazetteer
    places them (both, unknown to it, in the province around them)."""
    sa, sb = _settlements(a, text), _settlements(b, text)
    if not sa or not sb:
        return False
    told_a = " ".join(text[x:y] for x, y in [(a.start, a.end), *a.extra_spans])
    told_b = " ".join(text[x:y] for x, y in [(b.start, b.end), *b.extra_spans])
    return not any(n in told_b for n in sa) and not any(n in told_a for n in sb)


def _merge_duplicates(cands: list[_Cand], text: str) -> list[_Cand]:
    """The same incident reported twice in one document (abstract and body, recap and detail)."""
    out: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (_soft_date(c), -_RANK.get(c.precision, -1), c.start)):
        twin = None
        for o in ([] if _new_incident(c, text) else out):
            if _family(o.event_type) != _family(c.event_type) or _delivered_apart(o, c) and "date:named-past" in (
                    *o.notes, *c.notes) or not (
                    _contains(o, c) or _same_toll(o, c) or _retold_in_same_words(o, c, text)):
                continue
            if o.place is None or c.place is None or not _places_compatible(o, c) or (
                    c.violent and o.violent and _opposed_initiators(o, c) and not _same_toll(o, c)):
                continue  # each side's act at the place: a report of its own
            if _later_killing(o, c, text):
                continue  # a captive killed afterwards: an act of its own
            if _own_happening(max(o, c, key=lambda x: x.start), text) and o.sent != c.sent and not _same_toll(o, c):
                continue  # the later report opens with its own hour or picks out one act: another happening
            if _apart(o, c, text) or (not _same_toll(o, c) and (_moves_on(o, c, text) and (
                    _moves_on(c, o, text) or _other_province(o, c)) or
                                                                  _says_another_place(o, text) or
                                                                  _says_another_place(c, text))):
                continue  # two kinds of violence, two towns / districts each named in its own report, or "another"
            if c.violent and not (o.fatalities is None or c.fatalities is None or o.fatalities == c.fatalities):
                continue
            if _settlements_apart(o, c, text):
                continue  # "an army base in Jabal X region", "the village of Y": two places, known or not
            if not c.violent and (o.event_type, o.sub) != (c.event_type, c.sub):
                continue
            twin = o
            break
        if twin is None:
            out.append(c)
            continue
        if (twin.headline or twin.title) and not (c.headline or c.title) and twin.fatalities is not None \
                and twin.fatalities == c.fatalities:
            # a title restating the body's report, toll and all: the report keeps its words as evidence and type,
            # and is no headline any more (a headline joins the body's reports, and would carry this one's toll
            # along to another)
            out[out.index(twin)] = c
            twin, c = c, twin
            if c.date is not None and not _soft_date(c) and _soft_date(twin):
                twin.date, twin.precision, twin.date_method = c.date, c.precision, c.date_method
        # keep the more precise report's evidence; fill what it lacks from the other
        if _outcome(twin) and not _outcome(c) and c.violent:
            # "100 militants were killed" restating "the air force killed 100 militants": the act's words type it
            twin.event_type, twin.sub, twin.method = c.event_type, c.sub, c.method
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


_SENTENCE_THEN_MORE = re.compile(r"[a-z0-9][.!?][\"”’']?\s+\S")


def _title_spans(text: str) -> list[tuple[int, int]]:
    """The page's title -- its first line, when a line of its own -- and where the lead restates it
    ("Title\n\n15 Aug 2016 Title. Body ..."): headlines, whatever their capitalisation."""
    end = text.find("\n")
    title = text[:end].strip() if end > 0 else ""
    if not (20 <= len(title) <= 250) or not text[end:].strip() or _SENTENCE_THEN_MORE.search(title):
        return []  # a line that ends a sentence and goes on is the lead's paragraph, not a one-sentence title
    out = [(text.find(title), text.find(title) + len(title))]
    again = text.find(title, end)
    if 0 <= again < _LEAD_CHARS:
        out.append((again, again + len(title)))
    return out


def headline_style(span: str) -> bool:
    """Written as a title ("Syrian Airstrikes Kill Over 100 Daesh Fighters in Hama Province"): nearly every
    word of four letters or more capitalised. Prose capitalises names only."""
    words = _TITLE_WORD.findall(span)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


# a sentence that refers back to its happening to say where it was ("The attack took place near Djibo", "The
# ambush happened outside Kismayo", "the raid occurred in the village of X")
_PLACE_TOLD = re.compile(r"\b(?:took\s+place|happened|occurred|unfolded|was\s+carried\s+out)\s+(?:\w+\s+){0,3}?"
                         r"(?:in|at|near|outside|on|around)\b", re.I)


def _states_its_place(other: _Cand, into: _Cand, text: str) -> bool:
    """Does ``other``, a mention referring back, tell where ``into``'s happening was, within what ``into`` already
    says (the same country, and the same province unless ``into`` names only the country)?"""
    a, b = other.place, into.place
    if a is None or b is None or a.country != b.country or not _PLACE_TOLD.search(text, other.start, other.end):
        return False
    return b.precision == "country" or (bool(a.admin1) and a.admin1 == b.admin1)


def _finer_place(a: _Cand, b: _Cand) -> bool:
    """``a`` names a finer place than ``b`` (a town over its province over its country)."""
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


def _floor_exceeded(h: _Cand, b: _Cand, text: str) -> bool:
    """The headline tells its toll as a floor ("claims over 1000 lives", "More than 40 killed") and the body's report
    counts more: one count, told more exactly by the body."""
    return h.fatalities is not None and b.fatalities is not None and b.fatalities > h.fatalities and re.search(
        rf"\b(?:over|more\s+than|at\s+least|upwards\s+of)\s+{h.fatalities}\b", text[h.start:h.end], re.I) is not None


def _same_month(a: _Cand, b: _Cand) -> bool:
    return a.date is None or b.date is None or a.date[:7] == b.date[:7]


def _merge_headlines(cands: list[_Cand], text: str) -> list[_Cand]:
    """A headline restates the report the body tells: it joins the first compatible report of the body, which
    keeps its own evidence and takes from the headline only what it lacks. A headline near the top with no
    such report is the report; one further down (a related-article link, a photo caption) is page furniture."""
    body = [c for c in cands if not (c.headline or c.title)]
    out = list(body)
    tops = [max(c.sent, c.last_sent) for c in cands if (c.headline or c.title) and c.start < _LEAD_CHARS]
    lead_end = max(tops, default=-1) + 2  # the last sentence of the lead: the top headlines and two more
    told = {b.fatalities for b in body if b.fatalities}
    for h in cands:
        if not (h.headline or h.title):
            continue

        summed = _sums_the_body(h, body)

        def total(b: _Cand, h: _Cand = h, summed: bool = summed) -> bool:
            # "13 killed in attacks on Aleppo" over the lead's report of 6 (and an earlier 7): the headline's
            # toll of deaths, told with no act of its own or with the lead's own kind of act, is the report's
            # whole (or updated) toll -- unless
            # the body's reports add up to it (then it is their total, :func:`_sums_the_body`)
            return h.fatalities is not None and b.fatalities is not None and h.fatalities > b.fatalities \
                and (_outcome(h) or (h.event_type, h.sub) == (b.event_type, b.sub)) and b.sent <= lead_end \
                and not b.listed and not summed

        fits = [b for b in body if _family(b.event_type) == _family(h.event_type) and _dates_compatible(b, h)
                and (_places_compatible(b, h) or _lists_within(b, h)) and _actors_compatible(b, h)
                and (_tolls_compatible(b, h) or total(b) or (b.sent <= lead_end and _floor_exceeded(h, b, text)))
                and not _delivered_apart(b, h)
                and (h.headline or _same_month(b, h))]  # a title tells the news, not the background
        # the report of the same kind first ("Air strikes kill 45" is the air strike the body tells, not the
        # clashes it also mentions), then any report of the family
        twin = min(fits, key=lambda b: ((b.event_type, b.sub) != (h.event_type, h.sub), b.event_type != h.event_type,
                                        b.start), default=None)
        if twin is not None:
            if total(twin):
                twin.fatalities = h.fatalities
            if twin.fatalities is None and twin.event_type == h.event_type and _headline_toll_fits(h, twin, lead_end,
                                                                                                told):
                twin.fatalities = h.fatalities
            if twin.injured is None and twin.event_type == h.event_type:
                twin.injured = h.injured
            if _finer_place(h, twin) and twin.place is None:
                twin.place = h.place
            if twin.date is None or (_soft_date(twin) and h.date is not None and not _soft_date(h)):
                twin.date, twin.precision, twin.date_method = h.date, h.precision, h.date_method
            twin.actor1 = twin.actor1 or h.actor1
            twin.actor2 = twin.actor2 or h.actor2
            twin.extra_spans.append((h.start, h.end))
            twin.notes.append("merged-headline")
        elif h.start < _LEAD_CHARS and not summed:
            out.append(h)
    out.sort(key=lambda c: c.start)
    return out


def _lists_within(b: _Cand, h: _Cand) -> bool:
    """``b`` is one place of a listed action that the headline tells as a whole ("35 killed in raids on rural
    Aleppo" over "raids that killed 35 on the towns of Al-Bab and Kafr Hamra"): the list's toll is the
    headline's, or the headline names the province (or country) the place lies in."""
    if not b.listed or b.place is None or h.place is None:
        return False
    if b.list_toll is not None and b.list_toll == h.fatalities:
        return True
    if precision_rank(h.place) < 2:
        return False
    if precision_rank(h.place) == 3:
        return h.place.country == b.place.country
    return bool(h.place.admin1) and h.place.admin1 == b.place.admin1


def headlines_restating_tallies(cands: list[_Cand], generic: list[_Cand], text: str) -> None:
    """A headline or title whose toll is the toll of a tally over a stretch of days the body tells ("Over 100
    Militants Killed in Army Offensive" over "Over 100 militants have been killed ... in the last 48 hours"): that
    tally told short, no toll of one happening (the body's report, generic, gives no event)."""
    tallies = {g.fatalities for g in generic if g.fatalities and _span_toll(text[g.start:g.end])}
    for c in cands:
        if (c.headline or c.title) and c.fatalities in tallies:
            c.fatalities = None
            c.notes.append("toll:headline-restates-a-tally")


def _drop_totals(cands: list[_Cand], text: str = "") -> list[_Cand]:
    """A report whose toll is the sum of two or more reports told after it, each in a place it covers, on a day it
    allows ("Thirteen civilians were killed in air raids on Aleppo province" before "five were killed in Taduf" and
    "eight ... in Daret Izza") tells their total, no happening of its own: the reports that follow carry it."""
    out = []
    for c in cands:
        if c.violent and not c.listed and c.fatalities and c.fatalities >= 2:
            later = [b for b in cands if b is not c and b.start > c.end and b.sent > c.sent
                     and _dates_compatible(b, c) and _places_compatible(b, c)]
            if _sums_the_body(c, later) and not _breaks_down(c, later, text):
                c.notes.append("total-of-later-reports")
                continue
            if any(_names_part_of(c, b, text) for b in later):
                c.notes.append("part-of-a-later-report")
                continue
        out.append(c)
    return out


# a toll told with its own breakdown: "82 people, including 58 civilians", "40 dead, among them 12 children"
_BREAKDOWN = re.compile(rf"\b(?:including|among\s+them|of\s+whom|of\s+them)\s+(?P<q>{QUANTITY})", re.I)


def _breaks_down(c: _Cand, later: list[_Cand], text: str) -> bool:
    """``c`` names as a part of its own dead the toll of a report told after it ("the toll has risen to 82 people,
    including 58 civilians" before "the raids killed 58 civilians" and "24 others were killed"): one happening's
    toll, told part by part further down, not a total over several happenings."""
    parts = {parse_count(m.group("q")) for m in _BREAKDOWN.finditer(text, c.start, c.end)}
    return any(b.fatalities in parts for b in later if b.fatalities)


def _names_part_of(c: _Cand, b: _Cand, text: str) -> bool:
    """``c`` counts as its dead just the breakdown that the later report ``b`` gives of its own, larger toll ("Five
    children and four staff killed by air strikes on a hospital" before "strikes destroyed the hospital, killing 13
    ... Among the dead were four staff and five children"): the same happening, told by a part of its dead."""
    if _family(b.event_type) != _family(c.event_type) or not b.fatalities or not c.fatalities \
            or b.fatalities <= c.fatalities:
        return False
    end = max([b.end, *(y for _x, y in b.extra_spans)])
    after = re.match(r"\s*[^.!?\n]*", text[end:end + 300])  # the sentence after the report, which may name them
    spans = [(b.start, b.end), *b.extra_spans, (end, end + (after.end() if after else 0))]
    return any(among_the_dead(text[x:y]) == c.fatalities for x, y in spans)


def _sums_the_body(h: _Cand, body: list[_Cand]) -> bool:
    """A headline whose toll is the sum of two or more reports of the body ("Nine killed in attacks on Aleppo"
    over "six civilians were killed ..." and "... killing three persons") tells their total, no happening of
    its own: the body's reports carry it."""
    if not h.fatalities:
        return False
    tolls = [b.fatalities for b in body if b.fatalities and _family(b.event_type) == _family(h.event_type)]
    sums: set[tuple[int, int]] = {(0, 0)}  # (sum, how many reports)
    for t in tolls[:12]:
        sums |= {(v + t, n + 1) for v, n in sums if v + t <= h.fatalities}
    return any(v == h.fatalities and n >= 2 for v, n in sums)


def _headline_toll_fits(h: _Cand, twin: _Cand, lead_end: int, told: set[int]) -> bool:
    """The headline's toll is its twin's only when the body does not tell that toll of a report of its own
    ("Strike kills 3" over "... killing three fighters" and, further down, "a strike on Friday caused material
    damage") and the twin is in the lead, as the headline's news is: a report further down with no toll of its
    own is another happening the article goes on to. Nor is it one place's of a listed action ("35 killed in
    raids on rural Aleppo" over "raids on the towns of A and B"): the toll is the list's together. Nor is it the toll of
    a report whose own toll was a total over unnamed places ("jets hit the opposition-held cities, killing more than
    40" under "Air strikes kill at least 45"): the headline tells that total again, no toll of one place."""
    return h.fatalities is not None and h.fatalities not in told and twin.sent <= lead_end and not twin.listed \
        and "toll:over-places" not in twin.notes


def _weak(c: _Cand) -> bool:
    """A mention that refers to an incident rather than reporting one: it joins a fuller report."""
    return c.anaphoric or "date:vague" in c.notes or "report:earlier" in c.notes or (
        is_plural_mention(c.hit) and c.fatalities is None and "date:other-clause" not in c.notes
        and not (c.date_method or "").startswith("sentence:") and not _local(c))


def _local(c: _Cand) -> bool:
    """Located at a town or district (a country or province alone does not pin a report down)."""
    return c.place is not None and c.place.precision in ("point", "district")


def _told_apart(c: _Cand, text: str) -> bool:
    """A mention worded as a reference ("their bombing", "the attacks") in a sentence that opens a new strand
    ("Separately, ...", "Elsewhere, ...", "In another incident, ..."): it refers to nothing told before it, so it
    joins only a report of a place that agrees with its own."""
    return _NEW_INCIDENT.match(text, c.start) is not None


# the place named right after the act's noun, in its own phrase: "the attack in the heart of London", "the
# blast at a market in Kano", "Saturday's bombing near the stadium in Lahore"
_PLACE_OF_ACT = re.compile(r"\s+(?:in|at|on|near|outside|inside)\s+(?:(?:the|a|an)\s+)?(?:[\w\-’']+\s+){0,4}?$")


def _placed_act(c: _Cand, text: str) -> bool:
    """A referring mention that names where its act was in the act's own phrase (:data:`_PLACE_OF_ACT`): it refers
    to an act at that place, never to a report of a place the two cannot share."""
    mention = c.place.mention if c.place is not None else None
    if not mention:
        return False
    at = text.find(mention, c.hit.end, min(c.end, c.hit.end + 60))
    return at >= 0 and _PLACE_OF_ACT.fullmatch(text, c.hit.end, at) is not None


# a reference looks this many sentences ahead for the report it names ("Saturday's attack ..." in the lead, the
# attack told in the next sentences); a report further down is another happening the article goes on to -- unless
# both name the same doer ("a recent Daesh attack targeting American forces" in the lead, "a Saturday ambush by a
# Daesh gunman" after a paragraph of reactions)
_AHEAD = 5


def _same_named_doer(a: _Cand, b: _Cand) -> bool:
    return a.actor1 is not None and b.actor1 is not None and not a.actor1.generic and not b.actor1.generic \
        and a.actor1.actor.key == b.actor1.actor.key


def _merge_references(cands: list[_Cand], text: str) -> list[_Cand]:
    """Attach weak / referring mentions to the fullest compatible report of the same document. A referring
    mention that lists places of its own ("carried out the massacre in the villages of A and B") tells where
    the happening was: it joins no report of another place, and stays an event of each place it names, even one
    no gazetteer knows and placed no finer than its province."""
    strong = [c for c in cands if not _weak(c)]
    out: list[_Cand] = list(strong)
    for c in cands:
        if not _weak(c):
            continue
        best = None
        for s in strong:
            if _family(s.event_type) != _family(c.event_type) or _delivered_apart(s, c) or _beside(s, c, text):
                continue
            if s.sent - c.sent > _AHEAD and not _same_named_doer(s, c):
                continue
            if (_dates_compatible(s, c) and _actors_compatible(s, c)
                    and (_places_compatible(s, c) or not c.listed and not _placed_act(c, text) and (
                        c.anaphoric and not _told_apart(c, text) or "date:vague" in c.notes))
                    and (best is None or abs(s.sent - c.sent) < abs(best.sent - c.sent))):
                best = s
        if best is not None:
            _absorb(best, c, text)
        elif c.fatalities is not None or (c.date_method or "").startswith("sentence:") or _local(c) or c.listed or (
                c.place is not None and not is_plural_mention(c.hit)):
            out.append(c)
    out.sort(key=lambda c: c.start)
    return out


# who tells it: "according to the monitor", "the agency reported", "a source told AFP", "the ministry put the toll at"
_ATTRIBUTED = re.compile(
    r"\baccording\s+to\b|\b(?:said|says|reported|reports|told|stated|announced|claimed|cited|quoted)\b|"
    r"\bput\s+the\s+(?:death\s+)?toll\b", re.I)
# a place named in the clause's own words ("in al-Midan", "on Kafr Nabl", "near Tal Rifaat")
_PLACE_WORDS = re.compile(
    r"\b(?:in|on|at|near|into|outside)\s+(?:the\s+)?((?:(?:al|el|ad|as|ash|ar|an)-)?[A-Z][\w’'\-]+)")


def _restates(c: _Cand, text: str) -> bool:
    """A report told again further down: a party's claim of the act ("IS said it carried out the attack"), or an
    attributed retelling with no act of its own -- a toll ("a source told the agency 30 were killed") or a
    reference ("the attack", "the strikes") -- that names no day of its own."""
    if "report:claim" in c.notes:
        return True
    return (_outcome(c) or c.anaphoric) and not _stated_day(c) \
        and _ATTRIBUTED.search(text, c.start, c.end) is not None


def _new_place_named(c: _Cand, o: _Cand, text: str) -> bool:
    """The retelling names a place in its own words the report it would restate never told ("two were killed in
    al-Midan" after shelling on another district): another happening, in a city round-up above all, whose
    districts the gazetteer may not know. A country or province the report's place lies in is no other place."""
    coarse = c.place.mention or "" if c.place is not None and not _local(c) else ""
    return any(not _told_in(o, m.group(1), text) and m.group(1) not in coarse
               for m in _PLACE_WORDS.finditer(text, c.start, c.end))


def _merge_restatements(cands: list[_Cand], text: str) -> list[_Cand]:
    """The same happening told again further down the article (:func:`_restates`) joins the report it retells:
    of the same family, before it, on a date and with actors that agree, at the same place, one the report names
    or one around it, with no word that it is another ("another attack", "in a second village"). The report keeps
    its own toll; the retelling's figure stays in its evidence."""
    out: list[_Cand] = []
    gone: set[int] = set()
    for c in cands:
        other = _new_incident(c, text) or _says_another_place(c, text)  # "another attack", "in a second village"
        target = None if other else _the_act_told(c, cands)
        if target is not None and id(target) in gone:
            target = None
        if target is None and not other and c.violent and _restates(c, text):
            for o in reversed(out):
                if o.start >= c.start or _family(o.event_type) != _family(c.event_type) or not o.violent:
                    continue
                if _delivered_apart(o, c) or not (_dates_compatible(o, c) and _actors_compatible(o, c)):
                    continue
                if c.place is not None and not (_same_place(o, c) or _nested(o, c) or _part_told(o, c, text)):
                    continue
                if _moves_on(o, c, text) or _new_place_named(c, o, text) or _later_killing(o, c, text):
                    continue
                target = o
                break
        if target is None:
            out.append(c)
            continue
        _absorb(target, c, text)
        gone.add(id(c))
        if "merged-restatement" not in target.notes:
            target.notes.append("merged-restatement")
    return out


def _the_act_told(c: _Cand, cands: list[_Cand]) -> _Cand | None:
    """A report told only in general words -- deaths or "the attack", no act of its own -- dated by no day of its
    own ("At least 27 children were killed in the Idlib attack, UNICEF said on Thursday"), at the place where the
    article tells one act in its own words on its own day ("On Tuesday 80 people were killed in a chemical attack
    in Idlib"): the report tells that act. Only where the act is the one violent report of the place -- in a round-up
    of several acts the general report may be any of them, or one of its own."""
    if not c.violent or c.hit.trigger.id not in ("direct", "attack") or c.place is None or _stated_day(c) \
            or not _soft_date(c):
        return None
    acts = [o for o in cands if o is not c and o.violent and o.hit.trigger.id not in ("direct", "attack")
            and (_same_place(o, c) or _nested(o, c))]
    if len(acts) != 1:
        return None
    o = acts[0]
    if DELIVERY.get(o.sub or "") is None or not _stated_day(o) \
            or not (_dates_compatible(o, c) and _actors_compatible(o, c)) \
            or (c.fatalities or 0) > (o.fatalities or 0):
        return None
    return o
