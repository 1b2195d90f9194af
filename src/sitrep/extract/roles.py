"""Actor roles: which actor mention of a clause is actor1 (the initiator) and which actor2 (the target),
from the dependency parse when a sentence has two or more actors, else from word order."""

from __future__ import annotations

import re
from typing import Any

from sitrep.extract.actors import ActorMention
from sitrep.extract.events import (
    VIOLENT,
    Hit,
)

from .candidate import _Cand
from .inputs import _SentParse, dep_of, verbal

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
# the actor is the subject of a verb of harm in the passive, or of a verb it undergoes, and the trigger follows as
# its agent, means or occasion: "two soldiers were killed by a roadside bomb", "three policemen were wounded in a
# bombing", "four soldiers died when a landmine exploded" -- the victims, as in the active "a bomb killed two soldiers"
_SUBJECT_UNDERGOES = re.compile(
    r"^\s*(?:\([^()]{1,40}\)\s*)?(?:(?:have|has|had)\s+)?(?:(?:was|were|been|being|are|is|got)\s+(?:\w+ly\s+)?"
    r"(?:killed|wounded|injured|hurt|hit|struck|targeted|attacked|ambushed|shot|abducted|kidnapped|captured|"
    r"executed|slain|massacred|bombed|shelled|murdered|beheaded|blown\s+up|maimed|burned|burnt)|"
    r"(?:" + "|".join(sorted(_UNDERGO)) + r"))\b", re.I)


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
    while not verbal(gov) and gov.head.i != gov.i and hops < 4:
        gov = gov.head
        hops += 1
    tok = head
    path: list[Any] = []
    hops = 0
    while tok.i != gov.i and tok.i != trig.i and tok.head.i != tok.i and hops < 8:
        path.append(tok)
        tok = tok.head
        hops += 1
    if tok.i == trig.i and path and not verbal(trig):
        dep = dep_of(path[-1])
        if dep in ("compound", "amod", "poss", "nmod"):
            return "A", 1
        if dep == "prep" or (len(path) >= 2 and dep_of(path[-2]) == "pobj"):
            prep = path[-1].lower_ if dep == "prep" else ""
            if prep in ("by", "from"):
                return "A", 1
            return "B", 1
        return None
    if tok.i == trig.i and verbal(trig):
        gov = trig
    if tok.i != gov.i or not path:
        return None
    top = path[-1]
    dep = dep_of(top)
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


# a headline's passive without its auxiliary: the participle right after the actor, then what it happened in or by
# ("Five soldiers killed in al-Shabaab attack", "Three policemen wounded by roadside bomb", "Two rebels killed as
# army shells town") -- not an active verb and its object ("troops killed at least 20 militants")
_HEADLINE_PASSIVE = re.compile(
    r"(?:killed|wounded|injured|hurt|abducted|kidnapped|executed|slain|shot\s+dead|beheaded|captured)\s+"
    r"(?:in|by|as|when|after|during|while|near|amid|(?:at|on)(?!\s+(?:least|most)\b))\b", re.I)
_OWN_SUBJECT_CLAUSE = re.compile(r"\b(?:(?:in|during|after|at|by|from)\s+which|where|whereby)\b", re.I)


def _role_from_order(text: str, mention: ActorMention, hit: Hit) -> str:
    if mention.start < hit.end and hit.start < mention.end:
        return "A"  # named inside the trigger phrase: "Syrian or Russian warplanes carried out", "Warplanes, likely
        # regime or Russian, conducted"
    if mention.end <= hit.start:
        gap = text[mention.end:hit.start]
        # the passive of a relative clause has a subject of its own ("Al-Shabaab claimed the attack, in which five
        # soldiers were killed"): the actor before it is no victim
        passive = re.search(r"\b(?:was|were|been|being)\s+(?:\w+\s+)?$", gap) and not _OWN_SUBJECT_CLAUSE.search(gap)
        if _VICTIM_AFTER.match(text[mention.end:hit.end]) or passive or _SUBJECT_UNDERGOES.match(gap) or (
                _HEADLINE_PASSIVE.match((gap + text[hit.start:hit.end + 12]).lstrip())):
            return "B"
        return "A"
    before = text[hit.end:mention.start]
    if _PASSIVE_BY.search(before):
        return "A"
    return "B"


# the victims told in the passive, then what happened to them with its doer: "five soldiers were killed on Tuesday
# when Al-Shabaab militants attacked Baidoa", "12 villagers died as Boko Haram fighters stormed Gwoza"
_OCCASION_OPENS = re.compile(r"[^.;:]{0,60}?\b(?:when|as|after|while)\s+(?:the\s+|an?\s+)?", re.I)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|are|is)\s+(?:\w+ly\s+)?$", re.I)


def _doer_of_the_occasion(text: str, m: ActorMention, hit: Hit, cs: int) -> bool:
    """The actor is the subject of the clause that tells how the victims of a passive trigger came to harm: it
    opens with "when/as/after/while" after the trigger and its verb follows the actor."""
    if m.start < hit.end or not _OCCASION_OPENS.fullmatch(text, hit.end, m.start):
        return False
    passive = _PASSIVE_BEFORE.search(text, max(cs, hit.start - 30), hit.start) or _HEADLINE_PASSIVE.match(
        text, hit.start)
    verb = _SUBJECT_VERB.match(text, m.end)
    return bool(passive) and verb is not None and verb.group(1) not in _REPORTING


_CONJUNCT_GAP = re.compile(r"^\)?(?:\s*\([^()]{1,40}\))?\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+|an?\s+)?$")


def _later_conjunct(text: str, m: ActorMention, agents: list[ActorMention]) -> bool:
    """A second subject joined to an earlier one ("government forces (SNA) and Abgal clan militia
    clashed", "the army, police and militias attacked"): the first named leads."""
    return any(o.end <= m.start and _CONJUNCT_GAP.match(text[o.end:m.start]) for o in agents if o is not m)


# who tells the report after it ("..., police said", "..., an army spokesman told AFP", "..., according to the
# police"): the source, not a side of the act
_SOURCE_AFTER = re.compile(
    r"\s*(?:(?:spokes(?:man|woman|person)|officials?|sources?|officers?|commanders?|statement|media\s+office)\s+)?"
    r"(?:(?:has|have|had)\s+)?(?:said|says|told|reported|reports|stated|announced|confirmed|added)\b", re.I)
_SOURCE_BEFORE = re.compile(r"\baccording\s+to\s+(?:the\s+|an?\s+)?(?:[\w\-]+\s+){0,2}$", re.I)


def _source_after_act(text: str, m: ActorMention, hit: Hit, cs: int) -> bool:
    """Not the agent of a passive told before the saying ("the execution of the pilot by Nusra Front said X":
    pages that drop their commas)."""
    if m.start < hit.end or _PASSIVE_BY.search(text, max(cs, m.start - 12), m.start):
        return False
    return _SOURCE_AFTER.match(text, m.end) is not None or _SOURCE_BEFORE.search(text, max(cs, m.start - 40),
                                                                                 m.start) is not None


# the group an act is claimed by, however its name is told ("claimed by the Daesh terror group", "claimed by the
# so-called Islamic State")
_CLAIMED_BY = re.compile(r"\b(?:claimed|carried\s+out|perpetrated)\s+by\s+(?:the\s+)?(?:so-called\s+)?$", re.I)


def _assign_roles(
    text: str, sp: _SentParse | None, cand: _Cand, mentions: list[ActorMention], clause: tuple[int, int]
) -> None:
    """Pick actor1 (initiator) and actor2 (target) among the clause's actor mentions."""
    cs, ce = clause
    inside = [m for m in mentions if m.start >= cs and m.end <= ce and not _source_after_act(text, m, cand.hit, cs)]
    if not inside:
        return
    scored: list[tuple[str, int, int, ActorMention]] = []
    for m in inside:
        role, strength = _role_from_parse(sp, m, cand.hit) or (_role_from_order(text, m, cand.hit),
                                                               3 if _clause_subject(text, m, cs) else 0)
        if _WEAPON_AFTER.match(text, m.end) and not _FOILED_BEFORE.search(text[max(cs, m.start - 40):m.start]):
            role, strength = "A", max(strength, 1)  # "an IS IED", "an IS ambush", "Russian airstrikes": the author
        if _CLAIMED_BY.search(text, max(cs, m.start - 40), m.start):
            role, strength = "A", max(strength, 3)  # "a bomb blast claimed by the Daesh terror group": its author
        if role == "B" and _doer_of_the_occasion(text, m, cand.hit, cs):
            role, strength = "A", max(strength, 2)  # "five soldiers were killed when Al-Shabaab attacked Baidoa"
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
    if not a_side and cand.hit.trigger.id in ("clash", "fighting") and len({s[3].actor.key for s in b_side}) >= 2:
        a_side = b_side[:1]  # "two soldiers were killed in clashes with rebels": both are sides of the fighting
        b_side = b_side[1:]
    if a_side:
        cand.actor1 = a_side[0][3]
    if b_side:
        for _r, _s, _d, m in b_side:
            if cand.actor1 is None or m.actor.key != cand.actor1.actor.key:
                cand.actor2 = m
                break
    if cand.actor1 is None and cand.actor2 is not None and cand.event_type in ("Strategic developments", "Diplomacy"):
        cand.actor1, cand.actor2 = cand.actor2, None
