"""Event triggers and typing: from sentences and clauses to typed event candidates.

The lexicon (``sitrep/data/events.yaml``) lists trigger patterns with their ACLED event type and
sub type (or a Diplomacy sub type), a priority and a method label. For each clause of a sentence
the highest-priority trigger types the event; the typing is then refined from the actors (a
territorial advance by state forces is "Government regains territory", by anyone else "Non-state
actor overtakes territory"; a shooting of civilians is "Violence against civilians/Attack", of
fighters an "Armed clash"). Generic, aggregate, hypothetical, negated and future mentions are
recognised from cue words around the trigger and do not become events.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sitrep.extract.date_sentences import CREDIT_WORDS
from sitrep.extract.numbers import mask_dates, since_clause_end, tally_start
from sitrep.numwords import NUMBER, VAGUE_PLURAL

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "events.yaml"

VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


# the means of the two sub types fired from afar, in a sentence's words: aircraft, and guns or launchers on the ground
AIR_MEANS = (r"air ?strikes?|air ?raids?|raids?|warplanes?|war planes?|jets?|aircraft|helicopters?|drones?|bombers?|"
             r"planes?|sorties|air force|aerial|barrel bombs?|glide bombs?|guided bombs?|strafe\w*")
_GUNS = r"shell(?:s|ed|ing)?|artillery|mortars?|tank fire"  # rockets and missiles are fired from aircraft too
GROUND_MEANS = rf"{_GUNS}|rockets?|missiles?"
_MEANS_WORDS = {
    "Air/drone strike": re.compile(rf"\b(?:{AIR_MEANS})\b", re.IGNORECASE),
    "Shelling/artillery/missile attack": re.compile(rf"\b(?:{_GUNS})\b", re.IGNORECASE),
}


@functools.lru_cache(maxsize=1 << 16)
def means_named(text: str) -> frozenset[str]:
    """The sub types fired from afar whose means a sentence names: "air strikes and shelling" names both."""
    return frozenset(k for k, words in _MEANS_WORDS.items() if words.search(text))


@dataclass(frozen=True, slots=True)
class TriggerDef:
    id: str
    type: str
    sub: str | None
    priority: int
    method: str
    regex: re.Pattern[str]
    territory: bool = False
    direct: bool = False
    noun: bool = False
    context: re.Pattern[str] | None = None  # the clause must also say this (a use, its victims) for an event
    exclude_before: re.Pattern[str] | None = None  # no event where this ends right before the trigger
    exclude_after: re.Pattern[str] | None = None  # no event where this starts right after the trigger
    # how the words it can start on begin (see :func:`_openings`); None: any word, the span is always searched
    openings: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    """A trigger match at text[start:end] (document offsets)."""

    trigger: TriggerDef
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Lexicon:
    triggers: list[TriggerDef]
    prefixes: dict[str, tuple[str, str]]
    cues: dict[str, re.Pattern[str]]
    aggregate: re.Pattern[str]
    anaphora: frozenset[str]
    exclude_before: re.Pattern[str] | None = None  # for every trigger (see events.yaml exclude_before_any)
    by_id: dict[str, TriggerDef] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = {t.id: t for t in self.triggers}


def _words_re(words: list[str]) -> re.Pattern[str]:
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    # a cue word that is also a month written as one ("May") is the month, never the modal: cue words
    # are matched case-insensitively, so the capitalised month is excluded here, for every cue class
    return re.compile(rf"(?<![\w'’])(?!(?-i:{_MONTH_CUES})(?![\w]))(?:{body})(?![\w])", re.I)


# capitalised month names that spell a cue word ("may"): see _words_re
_MONTH_CUES = "May"


def _cue_re(items: list[Any]) -> re.Pattern[str]:
    """One cue class: its words and phrases (see :func:`_words_re`) and any ``{pattern: ...}`` entries,
    regular expressions for a family of phrasings a word list would spell out form by form."""
    words = _words_re([str(w) for w in items if not isinstance(w, dict)])
    patterns = [rx.pattern for w in items if isinstance(w, dict) and (rx := _data_re(w.get("pattern")))]
    if not patterns:
        return words
    listed = [words.pattern] if any(not isinstance(w, dict) for w in items) else []
    return re.compile("|".join([*listed, *(rf"\b(?:{x})(?![\w])" for x in patterns)]), re.I)


def _data_re(folded: Any) -> re.Pattern[str] | None:
    """A pattern a data file folds over several lines (YAML '>-'): the whitespace is layout only."""
    return re.compile("".join(str(folded).split()), re.I) if folded else None


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged trigger lexicon (compiled once per process)."""
    raw: dict[str, Any] = yaml.load(DATA_FILE.read_text(encoding="utf-8"), Loader=_LOADER)
    triggers = []
    for t in raw["triggers"]:
        body = "|".join(f"(?:{p})" for p in t["patterns"])
        # acronym-only alternatives (IED, RPG, SVBIED, Grad) stay case-sensitive via (?-i:...)
        rx = re.compile(rf"(?<![\w\-])(?:{body})(?![\w])", re.I)
        triggers.append(
            TriggerDef(
                id=str(t["id"]),
                type=str(t["type"]),
                sub=t.get("sub"),
                priority=int(t.get("priority", 50)),
                method=str(t.get("method") or t["id"]),
                regex=rx,
                openings=_openings(rx),
                territory=bool(t.get("territory", False)),
                direct=bool(t.get("direct", False)),
                noun=bool(t.get("noun", False)),
                context=_data_re(t.get("context")),
                exclude_before=_data_re(t.get("exclude_before")),
                exclude_after=_data_re(t.get("exclude_after")),
            )
        )
    prefixes = {str(k).lower(): (str(v[0]), str(v[1])) for k, v in (raw.get("prefixes") or {}).items()}
    cues = {k: _cue_re(v) for k, v in (raw.get("generic_cues") or {}).items()}
    return Lexicon(
        triggers=triggers,
        prefixes=prefixes,
        cues=cues,
        aggregate=_words_re([str(w) for w in raw.get("aggregate_cues") or []]),
        anaphora=frozenset(str(w).lower() for w in raw.get("anaphora") or []),
        exclude_before=_data_re(raw.get("exclude_before_any")),
    )


# A trigger pattern matches only where a word starts ("(?<![\w\-])"), and its alternatives spell out the word they
# start on ("shell(?:ed|ing|s)?", "air\s*-?\s*strikes?", "an?\s+"), so the first letters of the span's words say which
# patterns can match there at all: the others are not searched (most spans hold the first word of few triggers).
# An opening is a word's first _OPENING letters, lower case, or the whole word when it is shorter.
_OPENING = 3
_WORD_START = re.compile(r"(?<![\w\-])\w+")
_WORD_CHAR = re.compile(r"\w")


class _AnyWord(Exception):
    """The pattern can start on a word its text does not spell out (a digit class, a wildcard)."""


def _openings(rx: re.Pattern[str]) -> frozenset[str] | None:
    """The openings (see :data:`_OPENING`) of every word a trigger pattern can start a match on, read off the
    pattern's own parse; None where a match can start on a word it does not spell out, or with other than ASCII
    letters (case folding beyond ASCII is the regex engine's own)."""
    # the regex module's own parser (Python 3.11's re._parser; no public name, so looked up by name)
    sre = importlib.import_module("re._constants")
    _parser = importlib.import_module("re._parser")

    def walk(items: list[Any], word: str, depth: int = 0) -> set[str]:
        if len(word) == _OPENING:
            return {word}
        if depth > 200:
            raise _AnyWord
        if not items:  # the pattern may end inside the word: what follows is not known here
            raise _AnyWord
        (op, av), rest = items[0], items[1:]
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # takes no letters: it can only rule matches out
            return walk(rest, word, depth + 1)
        if op is sre.SUBPATTERN:
            return walk([*av[3], *rest], word, depth + 1)
        if op is sre.BRANCH:
            return {w for alt in av[1] for w in walk([*alt, *rest], word, depth + 1)}
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            if not word and list(sub) == [(sre.IN, [(sre.CATEGORY, sre.CATEGORY_SPACE)])]:
                return walk(rest, word, depth + 1)  # spaces before the first word: that word still starts one
            out = walk(rest, word, depth + 1) if lo == 0 else set()
            if hi != 0:
                again = (op, (max(0, lo - 1), hi if hi is sre.MAXREPEAT else hi - 1, sub))
                out |= walk([*sub, again, *rest], word, depth + 1)
            return out
        chars: list[str]
        if op is sre.LITERAL:
            chars = [chr(av)]
        elif op is sre.IN and all(o is sre.LITERAL for o, _ in av):
            chars = [chr(c) for _, c in av]
        elif op is sre.IN and all(o is sre.CATEGORY and c is sre.CATEGORY_SPACE for o, c in av):
            chars = [" "]
        else:
            raise _AnyWord
        out = set()
        for ch in chars:
            if _WORD_CHAR.match(ch):
                if not ch.isascii():
                    raise _AnyWord
                out |= walk(rest, word + ch.lower(), depth + 1)
            elif word:
                out.add(word)  # the word ends here
            else:
                raise _AnyWord  # a match that starts on no letter
        return out

    try:
        return frozenset(walk(list(_parser.parse(rx.pattern, rx.flags)), ""))
    except _AnyWord:
        return None


def _openings_of(text: str, start: int, end: int) -> set[str] | None:
    """The openings of the words of text[start:end] (see :data:`_OPENING`); None when one is not plain ASCII."""
    out = set()
    for m in _WORD_START.finditer(text, start, end):
        w = m.group()[:_OPENING]
        if not w.isascii():
            return None
        out.add(w.lower())
    return out


# Extraction asks for the triggers of one span of a text several times (its sentence, clause and act parts are
# looked at by several steps): the matches of a span are found once and kept for the last few thousand spans.
@functools.lru_cache(maxsize=4096)
def _matches(text: str, start: int, end: int) -> tuple[tuple[TriggerDef, int, int, bool], ...]:
    """Every trigger pattern match in text[start:end], and whether it is excluded: by the words before it, or
    because the clause lacks the context its trigger needs (a weapon named, never used)."""
    return tuple(_scan(text, start, end))


def _scan(text: str, start: int, end: int) -> Iterator[tuple[TriggerDef, int, int, bool]]:
    lex = load_lexicon()
    words = _openings_of(text, start, end)
    for t in lex.triggers:
        if words is not None and t.openings is not None and words.isdisjoint(t.openings):
            continue  # no word of the span starts as the trigger's words do: it cannot match
        unused: bool | None = None  # the context is looked for once, and only where the trigger word is found
        for m in t.regex.finditer(text, start, end):
            s, e = m.span()
            if unused is None:
                unused = t.context is not None and not t.context.search(text, start, end)
            yield t, s, e, unused or any(x is not None and x.search(text, max(start, s - 40), s)
                                         for x in (t.exclude_before, lex.exclude_before)) or (
                t.exclude_after is not None and t.exclude_after.match(text, e, end) is not None)


def excluded_trigger(text: str, start: int, end: int) -> bool:
    """Does text[start:end] hold a trigger word that its context rules out ("fled the fighting", "this photo
    captured from ...", "These are precision missiles")? The rules have read such a clause: no model may find an
    event in it instead."""
    return any(excluded for *_, excluded in _matches(text, start, end))


def find_triggers(text: str, start: int = 0, end: int | None = None) -> list[Hit]:
    """Every trigger match in text[start:end], in text order (overlaps resolved by priority)."""
    hits: list[Hit] = []
    for t, s, e, excluded in _matches(text, start, len(text) if end is None else end):
        if excluded:
            continue
        # trim trailing whitespace the pattern may have eaten
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            hits.append(Hit(t, s, e, text[s:e]))
    hits.sort(key=lambda h: (-h.trigger.priority, h.start))
    chosen: list[Hit] = []
    for h in hits:
        if any(h.start < o.end and o.start < h.end and o.trigger.priority >= h.trigger.priority for o in chosen):
            # an overlapping higher-priority trigger already covers these words
            continue
        chosen.append(h)
    chosen.sort(key=lambda h: h.start)
    return chosen


# a toll told as the outcome of an aircraft or drone brought down ("shot down a helicopter, killing its two pilots",
# "was shot down over Syria on Monday killing all five people on board"): the crew died with it, the happening
# stays the shoot-down; a killing told before it is an act of its own ("executed a pilot after his plane was shot
# down")
_OUTCOME_KILLING = re.compile(r",\s*(?:and\s+)?$")


def _brought_down(h: Hit) -> bool:
    return h.trigger.id == "shootdown" or h.trigger.id == "disrupted" and "down" in h.text.lower()


def opens_period(text: str, start: int, hit: Hit) -> bool:
    """Is the hit the act that opened a period its clause counts from ("for the first time since rebels captured
    it", "killed since rebels launched an offensive on the city")? Its start, not a report: it neither types the
    clause nor gives an event of its own. ``start``: where the clause starts."""
    m = _SINCE_SUBJECT.search(text, max(start, hit.start - 45), hit.start)
    # a clause with its verb ("since rebels captured it"), neither a named happening ("since the collapse of the
    # regime on 8 December") nor an act given its own time ("since July when troops seized the road"): past events
    return m is not None and _PAST_VERB.search(text, m.start() + 5, hit.end) is not None \
        and re.search(r"\bwhen\b", text[m.start():hit.start], re.I) is None


def main_hit(hits: list[Hit], text: str | None = None) -> Hit | None:
    """The trigger that types a clause: highest priority, earliest on ties; a killing told as the outcome of an
    aircraft or drone brought down earlier in the clause leaves the clause to the shoot-down."""
    if not hits:
        return None
    best = max(hits, key=lambda h: (h.trigger.priority, -h.start))
    said = best.text.lower()
    if text is not None and best.trigger.direct and said.startswith("kill"):
        downed = [h for h in hits if _brought_down(h) and h.end <= best.start
                  and (said.startswith("killing") or _OUTCOME_KILLING.search(text, h.end, best.start))]
        if downed:
            return downed[-1]
    return best


def prefix_type(text: str, start: int, end: int) -> tuple[str, str] | None:
    """An ACLED-style category label opening the clause ("Agreement: ...")."""
    m = re.match(r"\s*([A-Za-z][A-Za-z /\-]{2,40}):\s", text[start:end])
    if not m:
        return None
    return load_lexicon().prefixes.get(m.group(1).strip().lower())


_CLAUSE_BREAK = re.compile(
    r";\s+|,?\s+while\s+|,\s+whereas\s+|,?\s+(?:apparently\s+)?in\s+(?:response|retaliation)\s+to\s+|"
    r",?\s+(?:apparently\s+)?in\s+retaliation\s+for\s+|\.\s+|"
    # "and" opening a time of its own: a second happening told in the same sentence ("In August 2013 a chemical
    # attack killed dozens, and the year before 49 were killed in Houla"; "... and two days later ...", "... and
    # in May 2012 ...", "... and on 3 June ...")
    r",?\s+and\s+(?:then\s+)?(?=(?:the|a|one|two|three|four|five|six|\d+)\s+(?:year|month|week|day|night)s?\s+"
    r"(?:before|earlier|after|later)\b|(?:in|on)\s+(?:(?:\d{1,2}\s+)?(?-i:January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b|\d{4}\b))|"
    # "since" opening a clause of its own that names its year: a happening of the past the sentence goes back to
    # ("the rocket struck a district where loyalists have held out since rebels seized the east in 2012")
    r"\s+since\s+(?=(?:the\s+)?[\w\-]+\s+(?:[\w\-]+\s+)?(?-i:[a-z]+ed)\b[^,.;]{0,60}\bin\s+\d{4}\b)|"
    # what the act "came as" or "came amid": another happening, the setting ("The bombardment came as peace talks
    # entered a second day in the Kazakh capital Astana"), whose places are not the act's
    r",?\s+(?:came|comes|come)\s+(?=(?:as|amid|while|just\s+as|ahead\s+of)\s)",
    re.I,
)


# page furniture glued to the sentence after it, with no stop between: a photo credit ("... on Monday (AFP photo)
# BEIRUT Thirteen civilians ...", "Jets seen at the air base June 18 2016 (TRT World and Agencies) The death toll
# ..."), or a title-case headline of a related article whose last word runs into the sentence's capitalised article
# ("Russian Military Delivers Aid to Hama The Air Force shelled ...")
CREDIT = re.compile(rf"\s*\((?:[\w\-]+\s+){{0,3}}(?:{CREDIT_WORDS})\)\s*", re.I)
_GLUED_START = re.compile(r"(?<=[\w’'])(\s+)(?-i:The|A|An|At\s+least)\s+(?=\w)")
_TITLE_WORD = re.compile(r"[\w’'\-]+")
_TITLE_SMALL = frozenset({"of", "to", "in", "on", "for", "and", "the", "a", "an", "at", "by", "with", "over", "as",
                          "from", "into", "after", "near"})


def _title_run(text: str, start: int, pos: int) -> bool:
    """Do the words before ``pos`` read as a title: its last four words that are not small words all capitalised
    or figures (the headline "35 Civilians Killed in Regime Air Raids on Rural Aleppo"), the last of them too?"""
    words = _TITLE_WORD.findall(text, start, pos)
    if len(words) < 4 or not (words[-1][0].isupper() or words[-1][0].isdigit()):
        return False
    big = [w for w in words if w.lower() not in _TITLE_SMALL][-4:]
    return len(big) == 4 and all(w[0].isupper() or w[0].isdigit() for w in big)


# a happening set beside another in time ("The attack in Idlib came a day after air strikes killed 26 people"): the
# other is a report of its own, with its own dead (a short subject before it is enough)
_SEQUEL = re.compile(
    r"\s+(?:came|comes|occurred|happened|followed|took\s+place)\s+(?:just\s+|only\s+)?(?:(?:(?:a|one|two|three|four|"
    r"five|six|several|a\s+few|\d+)\s+)?(?:days?|hours?|weeks?|months?|nights?)\s+)?(?:after|before)\s+", re.I)


# a page's keyword list glued to its lead with no stop between ("Tags Shayrat cruise missiles US Homs Idlib Khan
# Sheikhun Fifty nine US cruise missiles struck ...", "Tags Syria Raqqa Aleppo Russia ... At least 30 people ..."):
# the lead starts at the first word that opens a report -- a count, "at least", an article -- and the places and
# groups listed before it are the page's topics, not the report's
_KEYWORDS_MARK = re.compile(r"\W*(?-i:Tags|Tagged|Topics|Keywords)\b:?")
_LEAD_OPENER = re.compile(
    r"\s+(?=(?:(?-i:At\s+least|More\s+than|Nearly|Almost|Some|About|Around|Up\s+to|The|A|An)"
    rf"|(?=[A-Z\d])(?:{NUMBER}|{VAGUE_PLURAL}|\d+))\s)")
# a word that tells something happen ("struck", "was killed", "has accused"): a keyword list has none
_FINITE = re.compile(r"\b(?:[a-z]{3,}ed|was|were|has|have|had|is|are|killed|struck|hit|said|says|left)\b")


def _keywords_glued(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The separator between a keyword list opening the sentence and the lead glued after it (:data:`_LEAD_OPENER`),
    when the list before it tells nothing (:data:`_FINITE`)."""
    m = _KEYWORDS_MARK.match(text, start)
    if m is None:
        return []
    lead = _LEAD_OPENER.search(text, m.end(), min(end, m.end() + 300))
    if lead is None or _FINITE.search(text, m.end(), lead.start()):
        return []
    return [lead.span()]


def keyword_list(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a page's keyword list: wholly capitalised keywords (:data:`_KEYWORD_LIST`), or keywords cut
    off the lead glued after them (:func:`_keywords_glued`), telling nothing (:data:`_FINITE`)?"""
    return _KEYWORD_LIST.fullmatch(text, start, end) is not None or (
        _KEYWORDS_MARK.match(text, start) is not None and _FINITE.search(text, start, end) is None)


_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def set_beside(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Are the clauses ``a`` and ``b`` (spans) two happenings one sentence sets beside each other in time ("The attack
    came a day after an air strike on Monday killed 12", :data:`_SEQUEL` between them, no sentence end)?"""
    lo, hi = min(a[1], b[1]), max(a[0], b[0])
    return lo <= hi and _SENTENCE_END.search(text, lo, hi) is None and _SEQUEL.search(text, lo, hi) is not None


def _glued(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The separators (spans) between page furniture and the sentence glued after it, and between a happening
    and another it is set beside in time (:data:`_SEQUEL`)."""
    out = [m.span() for m in CREDIT.finditer(text, start, end)] + _keywords_glued(text, start, end)
    out += [m.span() for m in _SEQUEL.finditer(text, start, end)]
    out += [m.span(1) for m in _GLUED_START.finditer(text, start, end) if _title_run(text, start, m.start(1))]
    return out


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a sentence into clauses at ';', 'while', 'in response to' (each may hold one event), where it turns
    from a habit to one dated instance of it (:func:`_instance_breaks`), and off page furniture glued before it
    (see :func:`_glued`)."""
    out: list[tuple[int, int]] = []
    pos = start
    breaks = sorted([m.span() for m in _CLAUSE_BREAK.finditer(text, start, end)] + _glued(text, start, end)
                    + _instance_breaks(text, start, end))
    sequel = {m.start() for m in _SEQUEL.finditer(text, start, end)}
    for a, b in breaks:
        if a - pos >= (5 if a in sequel else 25) and end - b >= 25:
            out.append((pos, a))
            pos = b
    out.append((pos, end))
    return [(s, e) for s, e in (_strip(text, s, e) for s, e in out) if e > s]


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;"):
        e -= 1
    return s, e


# The part of a clause that states its event: a statement that cites the event ("the Coalition said the regime
# still exploits the campaign to commit massacres, citing the death of 35 civilians in barrel bomb attacks"), a
# cause or a remark added after it ("executed 70 of its own members who tried to leave due to recent advances of
# the army", "... the sources said, adding ..."), or a preparation going on beside it ("Fighting struck the city
# on Wednesday night as both sides gear up for a major battle") is no part of the event's evidence.
_EVIDENCE_FROM = re.compile(r"\b(?:citing|referring\s+to|in\s+reference\s+to)\s+", re.I)
_EVIDENCE_UNTIL = re.compile(
    r",?\s+(?:due\s+to|owing\s+to|adding)\b|"
    r",?\s+(?:as|while)\s+(?=(?:[\w\-’']+\s+){1,8}?(?:gear(?:s|ed|ing)?\s+up|prepar(?:e|es|ed|ing)|"
    r"brac(?:e|es|ed|ing)|mass(?:es|ed|ing)?\s+(?:troops|forces|fighters))\b)",
    re.I)
# the least a trimmed evidence span keeps
_EVIDENCE_MIN = 20
# The doers of an act named as the object of another verb ("rushed to punish the gunmen who killed ...", "vowed to
# hunt down the militants who beheaded ..."): the act's words start at its doers, not at the verb aimed at them.
_DOERS_BEFORE = re.compile(r"\b(?:the|those|these)\s+(?:[\w\-’']+\s+){0,3}?who\s+(?:had\s+|have\s+|has\s+)?$", re.I)
# A clause of its own turned on by "but" ("... killed three farmers on Monday but the army has ignored ...", "...
# but insists on ignoring ..."): a subject of at most three words, or none, and a finite verb.
_BUT_CLAUSE = re.compile(
    r",?\s+but\s+(?:also\s+|still\s+|then\s+)?(?:(?:the|it|they|he|she|we|its|their|his|her|this|that|[A-Z][\w\-’']*)"
    r"(?:\s+[\w\-’']+){0,2}?\s+)?(?:\w+(?:s|ed)|is|are|was|were|has|have|had|did|does|do|will|would|could|can|"
    r"kept|keep|went|took|gave|made|said|told|saw|won|left)\b")
# ... unless it goes on to tell a casualty of the act ("... but killed nobody", "but no one was hurt")
_BUT_CASUALTY = re.compile(r"\s+but\s+(?:\S+\s+){0,3}?(?:kill|wound|injur|hurt|die|dead|spar|casualt|harm)\w*\b", re.I)


def evidence_span(text: str, start: int, end: int, hit: Hit) -> tuple[int, int]:
    """The evidence for the event a trigger found in text[start:end]: the clause less what a citing statement
    puts before the event's words and less a cause, a remark or a preparation told after them (see
    :data:`_EVIDENCE_FROM`, :data:`_EVIDENCE_UNTIL`). A cut that would leave fewer than ``_EVIDENCE_MIN``
    characters is not made."""
    if not start <= hit.start < hit.end <= end:
        return start, end
    s, e = start, end
    for m in _EVIDENCE_FROM.finditer(text, start, hit.start):
        if end - m.start() >= _EVIDENCE_MIN:
            s = m.start()
    window = max(s, hit.start - 60)
    doers = _DOERS_BEFORE.search(text[window:hit.start])
    if doers is not None and window + doers.start() - s >= _EVIDENCE_MIN:
        s = window + doers.start()
    until = _EVIDENCE_UNTIL.search(text, hit.end, end)
    if until is not None and until.start() - s >= _EVIDENCE_MIN:
        e = until.start()
    turn = _but_clause(text, hit.end, e)
    if turn is not None and turn - s >= _EVIDENCE_MIN:
        e = turn
    return _strip(text, s, e)


def _but_clause(text: str, start: int, end: int) -> int | None:
    """Where a clause of its own begins with "but" after the event's words (:data:`_BUT_CLAUSE`), unless what
    follows tells a casualty of the act."""
    for m in _BUT_CLAUSE.finditer(text, start, end):
        if not _BUT_CASUALTY.match(text, m.start(), end):
            return m.start()
    return None


@dataclass(frozen=True, slots=True)
class Genericity:
    generic: bool
    reason: str | None = None


_PLURAL_NOUN = re.compile(
    r"\b(?:attacks|strikes|airstrikes|raids|clashes|bombings|assaults|operations|shellings|explosions|arrests)\b",
    re.I,
)
# a number that counts the trigger noun itself ("at least five drone attacks", "dozens of air strikes"), not
# victims told before it ("50 wounded in airstrikes")
# "since" and the subject of the verb that follows: "since rebels", "since the army"
_SINCE_SUBJECT = re.compile(r"\bsince\s+(?:[\w\-.'’]+\s+){0,4}$", re.I)
_PAST_VERB = re.compile(r"\b(?:\w+ed|began|begun|took|retook|broke|struck|hit|shot|fought|overran|won|fell|seized|"
                        r"went|came|swept|stormed|entered)\b", re.I)
# a turn to another subject inside a clause ("... who killed the journalist but ignores that warplanes have killed
# thousands")
_CONTRAST = re.compile(r"\b(?:but|while|whereas|although|though|yet)\b", re.I)
# the dead of a whole campaign told actively ("coalition strikes have killed hundreds of civilians"): a tally of the
# act it follows
_ACTIVE_TALLY = re.compile(
    r"\b(?:have|has)\s+(?:(?:now|reportedly|already)\s+)?killed\s+(?:(?:many|several|tens\s+of)\s+)?"
    r"(?:hundreds|thousands|millions)\b", re.I)
# a tally's stretch with two ends ("from March 2011 to June 2016", "between January and March")
_STRETCH = re.compile(r"(?:from|between)\b", re.I)
# what may come before a period that opens a clause ("But since then", "And since April,")
_CLAUSE_OPENING = re.compile(r"[\s\"'“‘(]*(?:(?:but|and|yet|so)\s+)?", re.I)
# a count of people anywhere in a clause (a tally's figure)
_TALLY_FIGURE = re.compile(
    r"\b(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|"
    r"dozens|scores|hundreds|thousands)\b", re.I)
_NUM_BEFORE = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens|several|numerous|many|multiple|hundreds)\s+"
    r"(?:(?!(?:killed|wounded|injured|dead|died|hurt|in|by|on|from|during|after|at)\b)[\w\-]+\s+){0,3}$",
    re.I,
)


# asked twice for most (hit, clause) pairs (whether the clause names an occasion, then the candidate's own reason):
# answered once, kept for the last few thousand pairs (a pure function of its arguments)
@functools.lru_cache(maxsize=4096)
def genericity(text: str, hit: Hit, clause: tuple[int, int]) -> Genericity:
    """Is the trigger a generic / aggregate / hypothetical / future / negated mention?"""
    lex = load_lexicon()
    cs, ce = clause
    before = text[max(cs, hit.start - 70):hit.start]
    after = text[hit.end:min(ce, hit.end + 40)]
    window = before + " " + hit.text + " " + after
    # hypothetical / future: a modal or intention word shortly before the trigger
    near_before = text[max(cs, hit.start - 45):hit.start]
    if lex.cues["hypothetical"].search(near_before) or _anticipated(text, hit, cs) or _in_condition(text, hit, cs):
        return Genericity(True, "hypothetical")
    day = _DAY_STATED.search(text, cs, ce) is not None
    # the origin of a conflict governs its whole clause ("the conflict began when forces loyal to ... launched a
    # crackdown on protests in March 2011"), unless the clause names the day of a report of its own
    if lex.cues["background"].search(near_before) or (not day and lex.cues["background"].search(text, cs, hit.start)):
        return Genericity(True, "background")
    if not day and lex.cues["period"].search(text, hit.end, ce):
        return Genericity(True, "ongoing")
    if any(not _PUNCT.search(near_before, m.end()) for m in lex.cues["inquiry"].finditer(near_before)):
        return Genericity(True, "inquiry")
    if not day and not toll_follows(text, hit, ce) and any(
            not _PUNCT.search(near_before, m.end()) and not _INDEFINITE.match(near_before, m.end())
            for m in lex.cues["attribution"].finditer(near_before)):
        # who answers for a known act; one the clause introduces ("responsible for a blast") or tells the toll of
        # ("... for the bombing that killed 20") is reported there
        return Genericity(True, "attribution")
    answer = lex.cues["answerable"].search(text, hit.end, ce)
    if answer is not None and not day and not _KILLED_COUNT.search(text, cs, ce) \
            and not _SAID_BETWEEN.search(text, hit.end, answer.start()):
        return Genericity(True, "attribution")
    nominal = hit.trigger.noun or not re.search(r"(?:ed|ing)$", hit.text, re.I)
    named = nominal or _DETERMINER_BEFORE.search(text, max(cs, hit.start - 12), hit.start) is not None
    if named and not day and hit.trigger.type != "Diplomacy" and any(not _PUNCT.search(text, m.end(), hit.start)
                                   for m in lex.cues["requested"].finditer(text, cs, hit.start)):
        return Genericity(True, "hypothetical")  # the act named in a call for action: its topic
    if lex.cues["purpose"].search(text[hit.end:min(ce, hit.end + 40)]):
        return Genericity(True, "hypothetical")
    if lex.cues["future"].search(window):
        return Genericity(True, "future")
    # a negation just before the verb of a trigger of several words counts as one before it ("jets did not strike",
    # "the air force has not carried out"; not "warplanes, which had not been seen for weeks, struck")
    if lex.cues["negated"].search(near_before) or lex.cues["negated"].search(hit.text[-25:]) \
            or lex.cues["negated"].search(near_before[-12:] + hit.text[:25]) \
            or _denied_after(text, hit, ce) or _denied_before(text, hit, cs):
        return Genericity(True, "negated")
    if lex.cues["ongoing"].search(window) or lex.cues["ongoing"].search(text[cs:hit.start]) or (
            hit.text.lower().endswith("ing") and _PROGRESSIVE.search(text, max(cs, hit.start - 30), hit.start)):
        return Genericity(True, "ongoing")
    near = near_before + " " + hit.text + " " + after  # the day or hour of these acts, not of another verb
    if (lex.cues["collective"].search(window) or lex.cues["collective"].search(text[cs:hit.start])) \
            and not (_DAY_STATED.search(near) or _CLOCK.search(near)):
        return Genericity(True, "collective")
    if heading(text, cs, ce, hit) or keyword_list(text, cs, ce):
        return Genericity(True, "heading")
    if _PHOTO_CREDIT.search(text, max(cs, hit.start - 160), hit.start) or _TWEET_LINK.search(text, hit.end, ce):
        return Genericity(True, "caption")
    if (lex.cues["continuing"].search(window) or lex.cues["continuing"].search(text[cs:hit.start])) \
            and (not _DAY_STATED.search(text, cs, ce) or lex.cues["broad"].search(text, cs, ce)):
        return Genericity(True, "ongoing")
    if nominal and (_SUBJECT_START.search(text[cs:hit.start]) or _REPORTED_SUBJECT.search(text, cs, hit.start)):
        for cue in ("commentary", "evaluation"):
            verb = lex.cues[cue].search(text, hit.end, min(ce, hit.end + 100))
            if verb is not None and not _PUNCT.search(text, hit.end, verb.start()):
                return Genericity(True, "commentary")
    times = _TIMES.search(text, cs, ce)
    if times and (not _DAY_STATED.search(text, cs, ce) or _SINCE.match(text, times.end(), ce)):
        # "has used chemical weapons 136 times since 2013"; a count since a start is a tally even where the
        # clause names the day it was told ("the monitor said on Monday jets had struck 30 times since January")
        return Genericity(True, "aggregate")
    # (the period may open a clause of its own: "More than 320,000 people have been killed and millions displaced
    # since Syria's war started in 2011" still measures this clause's count)
    since = tally_start(text, hit.end, ce) or tally_start(text, ce, since_clause_end(text, ce))
    if since is not None and _counted_over(text, since, (cs, since), cs, ce):
        # dead counted over a period the clause opens after the act ("213 civilians have been killed by air strikes
        # since the ceasefire collapsed"): a tally, unless the act has a day of its own before it
        return Genericity(True, "aggregate")
    active = _ACTIVE_TALLY.search(text, hit.end, min(ce, hit.end + 80))
    if active is not None and not _CONTRAST.search(text, hit.end, active.start()):
        # "coalition strikes in support of the operation have killed hundreds of civilians": the act's whole count
        return Genericity(True, "aggregate")
    lead = _CLAUSE_OPENING.match(text, cs, hit.start)
    if lead is not None and tally_start(text, lead.end(), hit.start) == lead.end() \
            and _counted_over(text, lead.end(), (lead.end(), ce), lead.end(), ce):
        # the period opens the clause: "Since then more than 300 people have been killed in bombardments", "Since
        # April, 270 civilians have died in air strikes on the city"
        return Genericity(True, "aggregate")
    plural = _PLURAL_NOUN.search(hit.text) is not None
    # (a page stamp's digits, "Jul 282016 DAMASCUS Air strikes ...", count no strikes)
    if plural and _NUM_BEFORE.search(mask_dates(text[max(cs, hit.start - 40):hit.start])) \
            and lex.aggregate.search(text[cs:ce]):
        return Genericity(True, "aggregate")
    return Genericity(False)


def _counted_over(text: str, period: int, day_in: tuple[int, int], figures_from: int, ce: int) -> bool:
    """A count of people in ``text[figures_from:ce]`` told over the period named at ``period``: a tally, unless
    ``day_in`` states a day of the act's own. A stretch with two ends ("died of torture from March 2011 to June
    2016") is one whatever day the count was told on."""
    return (not _DAY_STATED.search(text, *day_in) or _STRETCH.match(text, period) is not None) \
        and _TALLY_FIGURE.search(mask_dates(text[figures_from:ce])) is not None


# one instance singled out of a habit or a series: "has been targeted more than once, including on June 19 when
# ...", "regularly attacks rebels, most recently on Tuesday, when ..."
_INSTANCE = re.compile(r"\b(?:including|among\s+them|among\s+which|most\s+recently|the\s+latest\s+(?:on|in|being))\b",
                       re.I)


def _instance_breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where a sentence turns from a habit to one dated instance of it ("The market has been targeted more than
    once, including on June 19 when ...", "Convoys are regularly ambushed, most recently on Sunday when ..."): the
    marker, with a habit's cue before it and a stated day right after it. The instance is a clause of its own."""
    ongoing = load_lexicon().cues["ongoing"]
    out = []
    for m in _INSTANCE.finditer(text, start, end):
        day = _DAY_STATED.search(text, m.end(), end)
        if day is not None and day.start() - m.end() <= 40 and ongoing.search(text, start, m.start()) is not None:
            out.append(m.span())
    return out


# the clause names the day of the action: a weekday, a dated day, or a day relative to the report
_DAY_STATED = re.compile(
    r"\b(?:on\s+)?(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
    r"\b(?:yesterday|today|tonight|overnight|this\s+(?:morning|afternoon|evening)|last\s+night)\b|"
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?-i:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b|\b(?-i:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{1,2}(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{3})",
    re.I,
)
# an hour of the day: "just after 11.30pm", "at 14:05", "at 9 a.m." -- one occasion
_CLOCK = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\b\.?|(?-i:GMT|UTC)\b)|\b\d{1,2}:\d{2}\b", re.I)
# a sentence led by the hour of what it tells: "Just after 11.30pm ...", "At around 9 a.m., ...", "Shortly before 22:00"
_HOUR_LEAD = re.compile(r"\W*(?:(?:just|shortly|soon|sometime|some\s+time)\s+)?(?:(?:after|before|at|around|about|by|"
                        r"until|from)\s+)?(?:(?:around|about|roughly|approximately)\s+)?(?=\d)", re.I)


# or with the part of the day: "In the afternoon, ...", "At dawn ...", "Later that night ..."
_DAYPART_LEAD = re.compile(r"\W*(?:(?:early|late)\s+)?(?:in\s+the\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening)|"
                           r"at\s+(?:dawn|dusk|noon|midday|midnight|nightfall|daybreak)|later\s+that\s+"
                           r"(?:day|night|evening|morning|afternoon))\b", re.I)


def opens_with_hour(text: str, start: int) -> bool:
    """Does the text at ``start`` open with the hour or the part of the day its report happened at
    (:data:`_HOUR_LEAD`, :data:`_DAYPART_LEAD`)?"""
    m = _HOUR_LEAD.match(text, start)
    return (m is not None and _CLOCK.match(text, m.end()) is not None) or _DAYPART_LEAD.match(text, start) is not None
# "the government is retaking territory", "rebels are still shelling the town": an action going on now
_PROGRESSIVE = re.compile(r"\b(?:is|are|am)\s+(?:now\s+|still\s+|currently\s+|again\s+)?$", re.I)
# a section heading or a link to another page: "==Responses and arrests==", "[How a protest movement arose]"
_MARKED_HEADING = re.compile(r"\s*(?:=+[^=\n]+=+|\[[^\]\n]+\])\s*")
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")


# a page's keyword list ("Tags Syria Aleppo Azaz Rebels Car Bomb Islamic State"): page furniture, no report
# a photographer's credit, an agency in capitals and a name ("REUTERS Hosam Katan", "AFP / Omar Haj Kadour",
# "EPA/Mohammed Badra"), before a picture's caption ("... A rebel fighter attends a demonstration in Aleppo"): the
# caption shows a scene, it reports no happening of its own
_PHOTO_CREDIT = re.compile(
    r"(?-i:\b(?:REUTERS|AFP|AP|EPA|GETTY\s+IMAGES|ANADOLU))\s*(?:PHOTO\s*)?[/|]?\s*"
    r"(?-i:[A-Z][a-z]+(?:[\s\-][A-Z][a-z]+){1,2})\s+(?-i:(?:A|An|The|[A-Z][a-z]+)\b)")
# an embedded tweet's picture link, which closes the tweet's text ("Inside the bus targeted this morning
# pic.twitter.com/xyz Carol Malouf (@carolmalouf)"): the tweet shows what the report tells
_TWEET_LINK = re.compile(r"\bpic\.twitter\.com", re.I)
_KEYWORD_LIST = re.compile(r"\W*(?:Tags|Tagged|Topics|Keywords)\b:?(?:[\s,|/]+[A-Z0-9][\w\-’'.]*)+\W*")


def heading(text: str, start: int, end: int, hit: Hit) -> bool:
    """Is text[start:end] a whole line that is a heading, not a report: marked as one (wiki '== ... ==', a
    bracketed link) or a label that is the trigger's noun phrase alone ("Car bombs", "Air strikes") -- no
    verb, no place, no figure."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    if _WORD.search(text, ls, start) or _WORD.search(text, end, le):
        return False  # the clause is not the whole line (a sentence splitter may cut a bracket off it)
    if _MARKED_HEADING.fullmatch(text, ls, le):
        return True
    line = text[ls:le]
    rest = text[ls:hit.start] + " " + text[hit.end:le]
    return not re.search(r"\d", line) and not line.rstrip().endswith((".", "!", "?", ":")) \
        and len(_WORD.findall(rest)) == 0 and len(_WORD.findall(hit.text)) <= 3


# a count of times an action was done, over a period no day pins down ("shelled the town 40 times this year")
_INDEFINITE = re.compile(r"\s*(?:a|an|one)\s", re.I)
_TOLL_AFTER = re.compile(r"\b(?:which|that)\s+(?:\w+\s+){0,2}?(?:killed|injured|wounded|left|claimed)\b", re.I)


def toll_follows(text: str, hit: Hit, clause_end: int) -> bool:
    """A relative clause right after the trigger tells the act's harm ("a blast which injured several people", "the
    bombing that killed 20"): the clause reports the act, it does not only name it."""
    return _TOLL_AFTER.search(text, hit.end, min(clause_end, hit.end + 60)) is not None
# a figure of the dead or hurt anywhere in the clause ("killed 12 people", "at least 30 dead"): the act's own report
_KILLED_COUNT = re.compile(
    r"\b(?:killed|killing|kills|wounded|wounding|injured|injuring|dead|died|lives)\b.{0,25}?\b(?:\d+|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|dozens?|scores?|hundreds?)\b|\b(?:\d+|dozens|scores|hundreds)\s+(?:of\s+)?(?:[\w\-]+\s+){0,2}?"
    r"(?:killed|dead|died|wounded|injured)\b", re.I)
# a determiner right before a trigger in -ing or -ed makes it a noun ("an end to the shelling of Douma")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|this|that|these|those)\s+$", re.I)
# a saying verb between the act and what follows: "..., and the governor said those responsible would be punished"
_SAID_BETWEEN = re.compile(r"\b(?:said|says|told|vowed|vows|added|promised|pledged|warned|stated)\b", re.I)
_SINCE = re.compile(r"\s+since\b", re.I)
_TIMES = re.compile(r"\b(?:\d[\d,]*|dozens\s+of|hundreds\s+of|scores\s+of|several|many|numerous|multiple)\s+times\b",
                    re.I)
# a noun trigger opening its clause ("The December arrests ..."), then the rest of its noun phrase
_SUBJECT_START = re.compile(r"^\W*(?:(?:the|these|those|this|that|such|its|their)\s+)?(?:[\w\-’']+\s+){0,3}$", re.I)
# a noun trigger opening the clause reported after a saying verb ("the Pentagon said that the airstrike ...")
_REPORTED_SUBJECT = re.compile(
    r"\b(?:said|says|stated|states|insisted|insists|admitted|admits|acknowledged|acknowledges|argued|argues|"
    r"maintained|maintains|added|conceded|concedes)\s+(?:that\s+)?(?:the|these|those|this|its|their)\s+"
    r"(?:[\w\-’']+\s+){0,3}$", re.I)
_PUNCT = re.compile(r"[,;:.!?]")
# a clause that opens with a condition, after a quotation mark or not: "If the talks fail, ...", "“Unless ..."
_CONDITION_OPENS = re.compile(r"[\s\"“‘']*(?:if|unless)\s", re.I)


def _in_condition(text: str, hit: Hit, cs: int) -> bool:
    """The trigger stands in the condition a clause opens with, however long ("If the government ratifies its
    offer to help investigate the plans of the August 4 attack, I would accept it"): no punctuation closes the
    condition before it."""
    m = _CONDITION_OPENS.match(text, cs, hit.start)
    return m is not None and not _PUNCT.search(text, m.end(), hit.start)
# a determiner before an incident noun, or a day's possessive, with or without its apostrophe ("Tuesday's bombing",
# "Tuesdays attack", "yesterday's blast" -- the corpus drops apostrophes): the noun names a known happening
_DET_BEFORE = re.compile(
    r"(?:\b(?:the|this|that|its|their)|\b(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)['’]?s|"
    r"\b(?:yesterday|today|last\s+night)['’]s)\s+(?:[\w\-’']+\s+){0,2}$", re.I)


# the words between a 'for' and the act it names ("for [a possible] attack"): a determiner or a modifier, no verb
_FOR_OBJECT = re.compile(r"\s*(?:(?!(?:was|were|is|are|been|being|had|has|have|and|but)\s)[\w\-’']+\s+){0,2}", re.I)


def _anticipated(text: str, hit: Hit, clause_start: int) -> bool:
    """Readying for the act this trigger names (cue class ``anticipated``: "bracing for an assault", "made
    preparations this weekend for an attack"): the act has not happened. Its 'for' may fall inside a noun
    trigger that opens with a determiner earlier in the phrase."""
    for m in load_lexicon().cues["anticipated"].finditer(text, max(clause_start, hit.start - 45), hit.end):
        if m.end() > hit.start or _FOR_OBJECT.fullmatch(text, m.end(), hit.start):
            return True
    return False


# how far after the trigger's words a denial of it may start (the rest of its noun phrase: "chemical attacks by
# militants in the country rejected the claims as baseless")
_DENIAL_REACH = 80


def _denied_after(text: str, hit: Hit, clause_end: int) -> bool:
    """A denial later in the clause that governs this mention (cue class ``negated_after``): it starts within
    reach of the trigger and no other trigger stands between them (that one is what it denies)."""
    m = load_lexicon().cues["negated_after"].search(text, hit.end, clause_end)
    return m is not None and m.start() - hit.end <= _DENIAL_REACH and not find_triggers(text, hit.end, m.start())


def _denied_before(text: str, hit: Hit, clause_start: int) -> bool:
    """A denied report or claim earlier in the clause whose content holds this mention (cue class
    ``denied_report``): no stop and no 'but' stands between them."""
    return any(not _PUNCT.search(text, m.end(), hit.start) and not _BUT.search(text, m.end(), hit.start)
               for m in load_lexicon().cues["denied_report"].finditer(text, clause_start, hit.start))


_BUT = re.compile(r"\b(?:but|yet|however)\b", re.I)


def denied(text: str, start: int, end: int) -> bool:
    """Does text[start:end] deny or negate what it tells ("refuted claims about ...", "did not")? For a clause
    only the model typed: with no trigger word to measure from, a denial anywhere in it counts."""
    return load_lexicon().cues["negated"].search(text, start, end) is not None


def is_anaphoric(text: str, hit: Hit) -> bool:
    """'the attack', 'this incident', 'the targeting': a noun that refers back to an incident already reported."""
    words = re.findall(r"[\w’']+", hit.text.lower())
    if not words or words[-1] not in load_lexicon().anaphora:
        return False
    if not hit.trigger.noun and len(words) > 1:
        return False  # "foiling of a planned attack": a report of its own
    if words[0] in ("the", "this", "that", "its", "their"):
        return True
    return _DET_BEFORE.search(text[max(0, hit.start - 40):hit.start]) is not None


def opens_with_reference(text: str, start: int, end: int) -> bool:
    """The clause's subject is a definite noun for an incident already reported ("The strike hit a busy street near a
    university", "The blast also damaged a mosque", "This attack came days after ..."): what it tells goes on about
    that incident. For a clause that only the model typed, with no trigger word to ask :func:`is_anaphoric`."""
    m = _OPENING_NOUN.match(text, start, end)
    return m is not None and m.group(1).lower() in load_lexicon().anaphora


_OPENING_NOUN = re.compile(r"\W*(?:the|this|that)\s+(?:(?:deadly|latest|same|suicide|air|missile|drone|car|"
                           r"bomb|rocket)\s+)?(\w+)\b", re.I)


# one act picked out of several by a superlative: "the worst explosion", "the deadliest of the attacks"
_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:the|its|their)\s+(?:single\s+)?(?:worst|deadliest|biggest|largest|bloodiest|heaviest|strongest|"
    r"fiercest|most\s+(?:serious|devastating|powerful|lethal|violent|intense|fierce))\s+(?:(?:of\s+the|one)\s+)?$",
    re.I)


def picked_out(text: str, hit: Hit) -> bool:
    """Is the trigger's act one picked out of several by a superlative ("The worst explosion was at the bus
    station, where six died")? Told with its own place or toll it is a happening of its own, not the series."""
    noun = hit.start + len(hit.text) - len(hit.text.split()[-1]) if hit.text.split() else hit.start
    return _SUPERLATIVE_BEFORE.search(text, max(0, hit.start - 40), noun) is not None  # the noun phrase may hold it


def is_plural_mention(hit: Hit) -> bool:
    return bool(_PLURAL_NOUN.search(hit.text)) and not hit.text.lower().startswith(("the ", "this "))
