"""Type refinement: a candidate's event type and sub type corrected from its clause (attempts, dispersed
protests, armed or civilian victims)."""

from __future__ import annotations

import re

from sitrep.extract.actors import ActorDictionary

from .candidate import _Cand
from .events import means_named
from .numbers import CIVILIAN_PEOPLE, without_occasions

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
    rf"displaced|mukhtar|citizens?|pilgrims|passers-by|infants?|teenagers?|passengers|clerics?|{CIVILIAN_PEOPLE})\b",
    re.I,
)

# an execution or beheading kills people held captive, armed or not: Violence against civilians (ACLED codes the
# killing of captured fighters and soldiers as an attack on the defenceless); not "executed an attack / a plan"
_EXECUTION = re.compile(r"(?:summarily\s+)?(?:execut(?:ed|ing|ions?)|behead(?:ed|ing|ings)?)\b", re.I)
_EXECUTED_OPERATION = re.compile(
    r"\s+(?:(?:a|an|the|their|its|his|two|three|several|\d+)\s+)?(?:[\w\-]+\s+){0,2}?"
    r"(?:attacks?|operations?|plans?|plots?|raids?|strikes?|orders?|missions?|bombings?|assaults?)\b", re.I)


def is_execution(text: str, start: int, end: int) -> bool:
    """Does the trigger text[start:end] tell of people put to death ("summarily executed", "beheaded")?"""
    return _EXECUTION.fullmatch(text, start, end) is not None and not _EXECUTED_OPERATION.match(text, end)


# the victims told before a passive trigger: "five passengers were killed", "a teacher was shot"
_PASSIVE_CIVIL = re.compile(
    _CIVIL_VICTIM.pattern + r"\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:\w+\s+)?$", re.I)
# a civilian place the attack itself names ("stormed a hotel"): its people are the victims
_CIVIL_PLACE = re.compile(
    r"\b(?:hotels?|schools?|church(?:es)?|mosques?|synagogues?|temples?|malls?|restaurants?|cafes?|bars?|"
    r"nightclubs?|clubs?|houses?|homes?|hospitals?|clinics?|banks?|markets?|bus|buses|trains?|theat(?:re|er)s?|"
    r"universit(?:y|ies)|campus|colleges?|stadiums?|concert|supermarkets?|shops?|stores?)\b",
    re.I,
)
# the object of the attack right after its verb, a civilian place or gathering ("attacked a bus", "attacked a
# crowded market", "attacked a wedding party")
_CIVIL_OBJECT = re.compile(r"\s+(?:(?:an?|the|his|her|their|its)\s+)?(?:[\w\-]+\s+){0,2}?(?:weddings?|funerals?|"
                            r"gatherings?|mourners|crowds?|" + _CIVIL_PLACE.pattern[5:], re.I)


# the crowd of a demonstration as one side of a clash: "protesters clashed with riot police", "clashes between
# demonstrators and security forces", "police clashed with stone-throwing protesters"
_CROWD = r"(?:protesters|protestors|demonstrators|rioters|marchers)"
_CROWD_BEFORE = re.compile(rf"\b{_CROWD}\b[^,;:.!?]{{0,40}}$", re.I)
_CROWD_AFTER = re.compile(rf"\s+(?:with|between|involving|against)\s+(?:\w+\s+){{0,3}}?{_CROWD}\b", re.I)


def _crowd_clash(text: str, cand: _Cand, clause: tuple[int, int]) -> bool:
    """A clash one side of which is the crowd of a demonstration (ACLED: a violent demonstration, no battle
    between armed groups): a protester actor, or the crowd named as the clash's subject or its other side."""
    if any(m is not None and m.actor.type == "protesters" for m in (cand.actor1, cand.actor2)):
        return True
    hit = cand.hit
    return _CROWD_BEFORE.search(text, max(clause[0], hit.start - 60), hit.start) is not None \
        or _CROWD_AFTER.match(text, hit.end, clause[1]) is not None


# a bombing told by the site it struck ("a bombing at a market in Kabul", "the bombing of a mosque in Quetta",
# "militants bombed a bus station"): a bomb set off there, not an air strike -- unless the clause names aircraft or a
# state's forces did it ("Russia bombed rebel positions", "the regime's bombing of a hospital")
_BOMBING_WORD = re.compile(r"bomb(?:ed|ing)", re.I)
_SITE_AFTER = re.compile(
    r"\s+(?:(?:at|in|of|on|near|outside|inside|targeting)\s+)?(?:an?|the)\s+(?:[\w\-’']+\s+){0,2}?(?:checkpoints?|"
    r"(?:bus|police|railway|train)\s+stations?|crowds?|gatherings?|weddings?|funerals?|rall(?:y|ies)|shrines?|" +
    _CIVIL_PLACE.pattern[5:], re.I)


_BOMBS_KILLED = re.compile(r"bombs\s", re.I)
# what says the bombs were set off on the ground, whoever set them ("car bombs", "planted", "roadside")
_SET_OFF_CUE = re.compile(r"\b(?:car|truck|roadside|planted|placed|hidden|booby|suicide|explosive\s+devices?|IEDs?)\b",
                          re.I)


def _state_doer(cand: _Cand) -> bool:
    """A state's forces (its own, or a foreign state's named by country) are the candidate's doer."""
    a1 = cand.actor1.actor if cand.actor1 is not None else None
    return a1 is not None and (a1.type == "state forces" or a1.kind.startswith("state")
                               or (a1.type == "external/other forces" and a1.country is not None))


def _bombing_at_a_site(text: str, cand: _Cand, ctext: str) -> bool:
    if not _BOMBING_WORD.fullmatch(cand.hit.text) or "Air/drone strike" in means_named(ctext):
        return False
    a1 = cand.actor1.actor if cand.actor1 is not None else None
    if a1 is not None and (a1.type in ("state forces", "external/other forces") or a1.kind.startswith("state")):
        return False
    return _SITE_AFTER.match(text, cand.hit.end) is not None


# a raid told by its entry ("stormed", "raided"), not by a capture ("seized", "took control")
_RAID_ON_PEOPLE = re.compile(r"(?:stormed|storming|raided|raiding)\b", re.I)
# the clause goes on to the people harmed: "..., killing 160 residents", "and shot villagers", "shooting residents"
_HARMED_CIVILIANS = re.compile(
    r"\b(?:kill(?:ed|ing)|shoot(?:ing)?|shot|massacr(?:ed|ing)|slaughter(?:ed|ing)|abduct(?:ed|ing)|kidnapp(?:ed|ing)|"
    r"burn(?:ed|ing|t))\s+(?:\w+\s+){0,4}?" + _CIVIL_VICTIM.pattern, re.I)
# the raiders stay: a capture told in the same clause ("stormed the town and took control of it")
_HELD = re.compile(r"\b(?:took|taken|taking|seized|seizing|gained|gaining)\s+(?:full\s+)?control|\bcaptur(?:ed|ing)\b",
                   re.I)


def _refine_type(text: str, cand: _Cand, clause: tuple[int, int], dic: ActorDictionary) -> None:
    t = cand.hit.trigger
    cs, ce = clause
    ctext = text[cs:ce]
    if t.territory:
        if _ATTEMPT.search(text[max(cs, cand.hit.start - 40):cand.hit.start]):
            cand.event_type, cand.sub, cand.method = "Battles", "Armed clash", "armed clash"
            cand.notes.append("territory:attempt")
        elif _RAID_ON_PEOPLE.match(text, cand.hit.start) and _HARMED_CIVILIANS.search(text, cand.hit.end, ce) \
                and not _HELD.search(text, cand.hit.end, ce):
            # armed men who stormed a village and shot its people attacked them; no territory changed hands
            cand.event_type, cand.sub, cand.method = "Violence against civilians", "Attack", "attack"
            cand.notes.append("territory:raid-on-civilians")
        else:
            cand.sub = "Government regains territory" if _state_doer(cand) else "Non-state actor overtakes territory"
    elif t.direct or t.id == "attack":
        victim = cand.actor2.actor if cand.actor2 else None
        after = without_occasions(text[cand.hit.start:ce])  # not the victims of the occasion it names
        if is_execution(text, cand.hit.start, cand.hit.end):
            civil = True  # "more than 50 soldiers were summarily executed": captives, whoever they were
        elif victim is not None and victim.type == "civilians" or _PASSIVE_CIVIL.search(
                text, max(cs, cand.hit.start - 60), cand.hit.start):
            civil = True  # "five passengers were killed when gunmen opened fire": the victims told first
        elif victim is not None or _ARMED_VICTIM.search(after) and not _CIVIL_VICTIM.search(after[:40]):
            civil = False
        elif _CIVIL_VICTIM.search(after) or _CIVIL_VICTIM.search(ctext) or _CIVIL_PLACE.search(cand.hit.text) \
                or _CIVIL_OBJECT.match(text, cand.hit.end):
            civil = True  # civilians named, or the place attacked is theirs ("gunmen stormed a school", "hit a bus")
        else:
            civil = t.direct
        if civil:
            cand.event_type, cand.sub = "Violence against civilians", "Attack"
        else:
            cand.event_type, cand.sub = "Battles", "Armed clash"
    elif t.id == "ied" and _BOMBS_KILLED.match(cand.hit.text) and _state_doer(cand) \
            and not _SET_OFF_CUE.search(ctext):
        # "Russian bombs killed 12 civilians", "regime bombs killed five": a state's bombs are dropped from the air
        cand.sub, cand.method = "Air/drone strike", "air strike"
        cand.notes.append("bombs:state")
    elif t.id == "air" and _bombing_at_a_site(text, cand, ctext):
        cand.sub, cand.method = "Remote explosive/landmine/IED", "explosive device"
        cand.notes.append("bombing:site")
    elif t.id == "clash" and _crowd_clash(text, cand, clause):
        cand.event_type, cand.sub = "Riots", "Violent demonstration"
    elif t.type == "Protests":
        if _PROTESTER_KILLED.search(ctext):
            cand.sub = "Excessive force against protesters"
        elif _DISPERSED.search(ctext):
            cand.sub = "Protest with intervention"
    elif t.type == "Riots" and re.search(r"\b(?:mob|lynch(?:ed|ing|ings)?)\b", ctext, re.I):
        cand.sub = "Mob violence"
