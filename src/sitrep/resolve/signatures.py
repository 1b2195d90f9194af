"""What makes a reported happening distinctive, and whether a report is a tally rather than a happening.

A *signature* is a kind of happening or target named in a report's evidence sentence — a chemical
attack, a downed aircraft, a named massacre, an air base, an aid convoy, a wedding, a school, a
market (``data/resolve_signatures.yaml``). Reports of one happening told by different outlets keep
what made it news, even when their dates (a publication-day guess against "on Wednesday"), places
(the town against its province or the country) and tolls differ; blocking and matching use shared
signatures to look further than the plain one-day, one-town window. Some ACLED sub types name a kind
by themselves ("Chemical weapon", "Suicide bomb") whatever the wording. Only violent reports carry
signatures: a statement about a chemical attack is identified by who made it, not by the attack.

A *tally* is a cumulative count ("327 people killed in Aleppo province since the start of the
month"): it sums many happenings, so it is never merged with a report of one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    rare: bool
    triggers: tuple[str, ...]
    plain: re.Pattern[str] | None  # the cues without a name, as one case-insensitive pattern
    named: tuple[re.Pattern[str], ...]  # cues with a ``name`` group (case-sensitive)
    not_names: frozenset[str] = frozenset()
    sub_types: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def kinds() -> tuple[Kind, ...]:
    text = resources.files("sitrep.data").joinpath("resolve_signatures.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    out = []
    for name, spec in (data.get("kinds") or {}).items():
        cues = [str(c) for c in spec.get("cues") or []]
        plain = [c for c in cues if "?P<name>" not in c]
        out.append(Kind(
            name=str(name),
            rare=bool(spec.get("rare")),
            triggers=tuple(str(t).casefold() for t in spec.get("triggers") or ()),
            plain=re.compile(r"\b(?:" + "|".join(plain) + r")\b", re.IGNORECASE) if plain else None,
            named=tuple(re.compile(rf"\b(?:{c})\b") for c in cues if "?P<name>" in c),
            not_names=frozenset(str(w).casefold() for w in spec.get("not_names") or ()),
            sub_types=frozenset(spec.get("sub_types") or ()),
        ))
    return tuple(out)


@lru_cache(maxsize=1)
def _rare() -> frozenset[str]:
    return frozenset(k.name for k in kinds() if k.rare)


def is_rare(signature: str) -> bool:
    """A kind of happening seldom enough seen that it identifies one (``massacre:houla`` -> massacre)."""
    return signature.split(":", 1)[0] in _rare()


# a happening named only as the time or cause of the one reported: "a day after the chemical attack",
# "two days after jets hit the convoy", "hours after the gas attack", "in response to the chemical attack",
# "in retaliation for the massacre" -- the report tells what came after it, not the happening itself
_REFERENCE = re.compile(
    r"\b(?:(?:a|one|two|three|four|five|six|several|few|\d+)\s+(?:days?|hours?|weeks?|nights?)|days|hours|weeks|"
    r"shortly|soon|just|moments?)\s+(?:after|before)\b|\bin\s+(?:response|retaliation|reprisal|reaction)\s+(?:to|for)\b"
    # a place named by what happened there: "around Khan Sheikhun, the site of a deadly April chemical attack"
    r"|\b(?-i:[A-Z])[\w'-]+,?\s+(?:the\s+)?(?:site|scene)\s+of\b"
    # its victims cared for ("as doctors treated victims of the chemical attack"), or a kind the doer used before
    # ("has previously accused government forces of toxic gas attacks")
    r"|\btreat(?:ed|ing|s)?\s+(?:the\s+)?(?:\w+\s+)?victims\s+of\b|\b(?:previously|in the past)\b",
    re.IGNORECASE,
)


# a sentence telling what was done or said before this happening: "the inquiry has previously accused government forces
# of toxic gas attacks", "Damascus had previously denied using chemical weapons"
_DONE_BEFORE = re.compile(r"\b(?:has|have|had)\s+previously\b", re.IGNORECASE)


def _referenced_only(text: str, pattern: re.Pattern[str]) -> bool:
    """Every cue of a kind in ``text`` sits after a reference phrase (:data:`_REFERENCE`) in its clause."""
    hits = list(pattern.finditer(text))
    if not hits:
        return False
    for m in hits:
        ref = None
        for r in _REFERENCE.finditer(text, 0, m.start()):
            ref = r
        if ref is None or re.search(r"[.;:]", text[ref.end():m.start()]):
            return False
    return True


@lru_cache(maxsize=1 << 16)  # the ingest keys the reports of its candidate windows batch after batch
def signatures(text: str, sub_event_type: str | None = None) -> frozenset[str]:
    """The distinctive kinds a report names (its evidence sentence and sub type). A rare kind named only
    as the reference point of the report ("bombarded the suburbs a day after the chemical attack", "struck
    the air base in response to the gas attack") is not the report's kind, whatever its sub type says."""
    found: set[str] = set()
    folded = text.casefold()
    done_before = _DONE_BEFORE.search(text) is not None
    for k in kinds():
        if k.rare and k.plain is not None and any(t in folded for t in k.triggers) and (
                done_before or _referenced_only(text, k.plain)):
            continue
        if sub_event_type in k.sub_types:
            found.add(k.name)
        if k.triggers and not any(t in folded for t in k.triggers):
            continue
        if k.plain is not None and k.name not in found and k.plain.search(text):
            found.add(k.name)
        for pattern in k.named:
            for m in pattern.finditer(text):
                if m.group("name").casefold() not in k.not_names:
                    found.add(f"{k.name}:{m.group('name').casefold()}")
    return frozenset(found)


def kind_only_referenced(text: str, sub_event_type: str | None) -> bool:
    """The report's sub type names a rare kind ("Chemical weapon") that its sentence tells only as the reference
    point of what it reports ("19 were killed near the capital hours after a chemical attack in Khan Sheikhun",
    "a rocket hit a hospital as doctors treated victims of the chemical attack"): the sub type is no evidence of
    what the report's own happening was, so two such reports agreeing on it agree on nothing."""
    if sub_event_type is None:
        return False
    named = signatures(text, sub_event_type)
    return any(k.rare and sub_event_type in k.sub_types and k.name not in named for k in kinds())


_MONTHS = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_TALLY = re.compile(
    r"\b(?:since (?:the |an? )?(?:[\w.-]+ ){0,5}(?:began|begun|started|was launched|erupted|collapsed|broke down|"
    r"expired|took effect|came into (?:force|effect)|declared|proclaimed|launched)|"
    # part of a larger count: "the toll includes 126 people killed by shelling"
    r"(?:the|this|that) (?:death )?toll includ(?:es|ed|ing)|"
    # acts counted over days: "the air strikes which began Saturday and continued Sunday killed 45", "on Friday and
    # Saturday at least 13 civilians died"
    r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) and "
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?! (?:night|morning))|"
    r"(?:began|started) (?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\w+ \d{1,2}) and "
    r"(?:continued|went on|lasted)|"
    r"since (?:the (?:start|beginning|launch)|early|late|mid|last|yesterday|then|"
    # "since Saturday": days of counting; "since Wednesday afternoon", "since Sunday morning": hours of one happening
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?! (?:morning|afternoon|evening|night))|"
    r"january|february|march|april|may|june|july|"
    r"august|september|october|november|december|20\d\d|\d)|so far (?:this|in)|over the (?:past|last) "
    r"(?:\w+ )?(?:days|weeks|months|years)|in the (?:past|last) (?:\w+ )?(?:days|weeks|months|years)|"
    r"(?:this|last) (?:month|year) alone|death toll (?:for|in) (?:the )?(?:month|year|week)|"
    r"during (?:the month|the year|the week)|in total|in all since|cumulative|"
    r"(?:in|over|within) (?:the )?(?:two|three|four|five|six|seven|eight|nine|ten|\d+) (?:days|weeks|months)|"
    # a count between two dates or months: "between September 30 2015 and March 15 2016", "from January to March"
    rf"(?:between|from) (?:\d{{1,2}} )?{_MONTHS}(?: \d{{1,2}})?,?(?: \d{{4}})? (?:and|to|until) "
    rf"(?:\d{{1,2}} )?{_MONTHS})\b",
    re.IGNORECASE,
)


# "the biggest loss of life for Russian forces since they started operations", "the deadliest attack since
# the war began": a superlative measures one happening against the period, it does not count over it
_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:biggest|largest|deadliest|worst|heaviest|bloodiest|most (?:deadly|serious|lethal))\b"
    r"(?![^.;]*\b(?:days?|weeks?|months?|years?)\b)[^.;\d]{0,80}$",
    re.IGNORECASE,
)


_ACT_WORDS = ("strikes", "raids", "attacks", "bombings", "bombardments", "shells", "rockets", "barrel bombs")
_MANY_WORDS = ("hundreds", "thousands")
_ACTS = rf"(?:(?:air ?)?(?:{'|'.join(_ACT_WORDS)}))"  # "air strikes", "airstrikes", "air raids" ...
_MANY = rf"(?:{'|'.join(_MANY_WORDS)}|tens of thousands)"
# every branch of _AGGREGATE spells one of these words: a sentence with none of them (most) needs no regex search
_AGGREGATE_CUES = (*_ACT_WORDS, *_MANY_WORDS, "report")
# many acts that together have killed a mass ("coalition strikes ... have killed hundreds of civilians", "thousands
# of people have been killed in regime air raids", "the bombardments have left hundreds dead"): an aggregate of
# a campaign, not one happening
_AGGREGATE = re.compile(
    rf"\b{_ACTS}\b[^.;]{{0,80}}?\b(?:have|has)\s+(?:(?:also|now|so far|already)\s+)?(?:killed|left)\s+"
    rf"(?:(?:more than|over|at least|some|many)\s+)?{_MANY}\b"
    rf"|\b{_MANY}\s+(?:of\s+)?(?:\w+\s+){{0,2}}(?:have|has)\s+(?:\w+\s+)?(?:been killed|died)\s+"
    rf"(?:\w+\s+){{0,4}}?(?:in|by|from|under)\s+(?:\w+\s+){{0,4}}?{_ACTS}\b"
    # what the acts of a campaign have done, told in a relative clause with no figure: "has carried out air strikes
    # that have also caused civilian casualties", "raids which have killed civilians"
    rf"|\b{_ACTS}\s+(?:that|which)\s+(?:have|has)\s+(?:also\s+|now\s+)?(?:caused|killed|left)\b(?![^.;]{{0,40}}\d)"
    # a campaign told as going on: "Moscow has been carrying out air strikes in support of its ally"
    rf"|\b(?:has|have) been (?:carrying out|conducting|staging|launching|waging) (?:\w+\s+){{0,2}}{_ACTS}\b"
    # acts over a whole country or region ("air strikes on opposition-held towns across the country killed 32"): many
    # happenings; not "rockets fired across the border"
    rf"|\b{_ACTS}\b[^.;]{{0,60}}?\b(?:across (?:the )?(?:country|nation|syria|iraq|yemen|region|provinces?|"
    rf"(?:north|south|east|west)(?:east|west)?)|across \w+ province|nationwide)\b"
    # a report's count of many ("a rights group says in a report that it collected the names of 69 civilians killed")
    rf"|\breport\b[^.;]{{0,80}}\b(?:documented|recorded|collected|counted|compiled)\b"
    # a doer (not one act) that has killed a mass: "IS has killed hundreds of people since ...", "the regime has killed
    # thousands"; "the attack has killed hundreds" is one happening
    rf"|(?<!attack )(?<!strike )(?<!bombing )(?<!massacre )(?<!explosion )(?<!blast )(?<!raid )"
    rf"\b(?:has|have)\s+(?:\w+\s+)?killed\s+(?:(?:more than|over|at least|some)\s+)?{_MANY}\b",
    re.IGNORECASE,
)


def is_tally(text: str) -> bool:
    """A cumulative count over a period rather than one happening ("... killed since March", "since Saturday at
    least 68 have been killed"), or an aggregate of many acts (:data:`_AGGREGATE`); a "since ..." that only
    measures a superlative ("the deadliest attack since the war began") is not."""
    low = text.casefold()
    if any(cue in low for cue in _AGGREGATE_CUES) and _AGGREGATE.search(text):
        return True
    return any(not (m.group(0).lower().startswith("since") and _SUPERLATIVE_BEFORE.search(text, 0, m.start()))
               for m in _TALLY.finditer(text))
