"""Casualty figures from a sentence or clause: fatalities and injured.

``parse_count`` turns one quantity ("12", "1,200", "twenty-five", "a", "dozens") into an int;
``find_casualties`` reads the killed / wounded figures a clause states ("killed two US service
members and one American civilian, and wounded three others" -> 3 killed, 3 wounded), the
explicit zeros ("Neither injuries nor fatalities were reported", "without casualties") and
what a vague word means in ACLED's conventions (dozens -> 12, tens -> 10, hundreds -> 100, several -> 10) for
``parse_count``; a casualty figure is only one the text states, so "dozens of civilians were killed" gives no
toll (``is_vague``) unless a coder note fixes one ("unknown fatalities coded as 10").
Absurd figures ("10^30 killed", twenty digits) are rejected, never overflowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.geo.gazetteer import nation_plurals
from sitrep.numwords import NUMBER, VAGUE_PLURAL, parse_number

MAX_COUNT = 100_000  # no single incident report states more; anything larger is an error in the text

# Words that stand for a count on their own; spelled numbers are read by sitrep.numwords.
_COUNT_WORDS = {"no": 0, "single": 1, "another": 1, "both": 2}
# Vague quantities, coded as ACLED codes them ("dozens", "hundreds" ... come from sitrep.numwords).
VAGUE = {
    "several": 10, "many": 10, "numerous": 10, "a number of": 10, "an unknown number of": 10,
    "unknown number of": 10, "a few": 3, "few": 3, "some": 10, "multiple": 10, "a handful of": 3,
}

_VAGUE_RE = "|".join(re.escape(k) for k in sorted(VAGUE, key=len, reverse=True)) + "|" + VAGUE_PLURAL
# one quantity: digits (1,234 / 1.234), "twenty-five", "two hundred", "dozens of", "at least 70", "10-15"
_DIGITS = r"\d[\d,.]*(?:\s*(?:\^|e|x\s*10\^?)\s*\d+)?"
_WORDS = rf"(?:{NUMBER}|{'|'.join(_COUNT_WORDS)})\b"
QUANTITY = (
    rf"\b(?:between\s+{_DIGITS}\s+and\s+{_DIGITS}|"
    rf"(?:(?:another|a\s+further|an\s+additional)\s+(?={_DIGITS}|{NUMBER}\b))?"
    rf"(?:(?:at\s+least|more\s+than|over|about|around|nearly|almost|some|up\s+to|as\s+many\s+as|approximately|"
    rf"roughly)\s+)?"
    rf"(?:{_DIGITS}(?:\s*(?:-|to|or)\s*{_DIGITS})?|{_VAGUE_RE}|{_WORDS}))(?:\s+of(?:\s+the)?)?"
)


# what may come before a figure ("at least 70", "some 80", "another six", "a further 12"); "some" and "another"
# alone are quantities of their own
_APPROX = re.compile(r"^(?:(?:another|a further|an additional)\s+(?=\S))?"
                     r"(?:(?:at least|more than|over|about|around|nearly|almost|up to|as many as|approximately|"
                     r"roughly|some)\s+)?")


def _parse_digits(s: str) -> int | None:
    s = s.strip()
    if re.search(r"\^|e|x", s, re.I):  # 10^30, 1e9: reject
        return None
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", s):
        s = re.sub(r"[,.]", "", s)
    elif not re.fullmatch(r"\d+", s):
        s = re.split(r"[,.]", s)[0]
        if not s.isdigit():
            return None
    if len(s) > 9 or not s.isascii():
        return None  # overlong, or non-ASCII digits ("¹", "٣"): not a figure we can trust
    v = int(s)
    return v if v <= MAX_COUNT else None


def _parse_words(s: str) -> int | None:
    v = _COUNT_WORDS[s] if s in _COUNT_WORDS else parse_number(s)
    return v if v is None or v <= MAX_COUNT else None


def parse_count(text: str) -> int | None:
    """One quantity as an int: '12', '1,200', 'twenty-five', 'a', 'dozens', 'at least 70', '10-15'.

    Ranges give their lower bound (ACLED's conservative figure). None when it is not a quantity or
    is absurd (more than MAX_COUNT, exponent notation).
    """
    if not text:
        return None
    s = " ".join(text.lower().split())
    s = re.sub(r"\s+of(?:\s+the)?$", "", s)
    s = _APPROX.sub("", s)
    if s in VAGUE or f"{s} of" in VAGUE:  # "a number (of)", "a handful (of)"
        return VAGUE.get(s, VAGUE.get(f"{s} of"))
    m = re.fullmatch(rf"between\s+({_DIGITS})\s+and\s+({_DIGITS})", s)
    if m:
        s = f"{m.group(1)}-{m.group(2)}"
    m = re.fullmatch(rf"({_DIGITS})\s*(?:-|to|or)\s*({_DIGITS})", s)
    if m:
        lo, hi = _parse_digits(m.group(1)), _parse_digits(m.group(2))
        if lo is None or hi is None:
            return None
        return min(lo, hi)
    if s and s[0].isdigit():
        return _parse_digits(s)
    if s == "some":
        return VAGUE["some"]
    return _parse_words(s)


@dataclass(frozen=True, slots=True)
class Casualties:
    """Figures a clause states; None means it says nothing (not zero)."""

    fatalities: int | None = None
    injured: int | None = None
    killed_spans: tuple[tuple[int, int], ...] = ()
    injured_spans: tuple[tuple[int, int], ...] = ()
    explicit_none: bool = False  # "no casualties", "neither injuries nor fatalities"
    coded: bool = False  # an explicit coder note "... coded as N" fixed the figure


# the people of a hotel, a market, a mine or a church: civilian victims wherever the report is from (also what
# types an attack on them as violence against civilians, extract.refine)
CIVILIAN_PEOPLE = (
    r"guests?|traders?|merchants?|vendors?|shoppers?|customers?|tourists?|diners?|patients?|teachers?|pupils?|"
    r"monks?|priests?|nuns?|miners?|fishermen|fisherman|hostages?|inmates?|mourners?|"
    r"churchgoers?|worshipers?|spectators?|fans?|traveller?s?|commuters?|labou?rers?"
)
# a nation's or a faith's people counted as persons: "killed 18 Palestinians", "nine Nigerians", "12 Sudanese",
# "30 Christians", "seven Yazidis" (the nations' plurals are the gazetteer's demonyms)
_NATIONS_AND_FAITHS = (
    "|".join(r"\s+".join(map(re.escape, w.casefold().split())) for w in nation_plurals())
    + r"|christians|muslims|shiites?|shias|sunnis|alawites|yazidis|copts|hazaras|rohingyas?|tutsis|hutus|druze|"
    r"assyrians|uyghurs|uighurs|pashtuns|tuaregs|arabs|jews|hindus|sikhs|buddhists|chechens"
)
# words that may sit between a number and its noun, and the victims' nouns
_MOD = (
    r"(?:(?!(?-i:and|or|was|were|is|are|had|has|have|killed|wounded|injured|who|which|that|by|in|on|at|"
    r"as|the|to|from|after|when|while|during|number|numbers|handful|group|lot|lots|host|series|total)\b|\d|"
    # nor a count of its own ("a separate clash nearby three militants died": three, not "a")
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)\s|"
    rf"{VAGUE_PLURAL}\b)"
    r"[\w'’.\-]+\s+){0,5}?"
)  # never a count noun: "a large number of fighters" is no count of one; nor a vague plural, which is the count
# itself ("a massacre leaving dozens of civilians dead" tells no toll of one)
_PERSON = (
    # a two-word person noun before its first word alone ("a staff member and 20 civilians": the list goes on)
    r"(?:(?:staff|crew|family|party|council|team)\s+members?|civilians?|people|persons?|individuals?|members?|fighters?|militants?|soldiers?|troops?|"
    r"servicem[ae]n|service\s?members?|personnel|officers?|policem[ae]n|men|man|women|woman|"
    r"children|child|kids?|boys?|girls?|elements?|gunmen|insurgents?|rebels?|terrorists?|jihadists?|"
    r"recruits?|guards?|workers?|residents?|villagers?|farmers?|shepherds?|displaced|idps?|refugees?|"
    rf"americans?|iraqis?|syrians?|kurds?|{_NATIONS_AND_FAITHS}|leaders?|commanders?|operatives?|suspects?|others?|"
    r"interpreters?|journalists?|doctors?|volunteers?|victims?|citizens?|students?|prisoners?|"
    r"detainees?|pilgrims?|worshippers?|protesters?|demonstrators?|contractors?|staff|crew|family|"
    r"relatives|brothers?|sons?|daughters?|wife|husband|mother|father|infants?|teenagers?|youths?|"
    r"agents?|recruits?|conscripts?|volunteers?|staffers?|employees?|passengers?|drivers?|"
    r"officials?|candidates?|spies|spy|directors?|chiefs?|forces|pharmacists?|lieutenants?|colonels?|"
    r"generals?|sheikhs?|imams?|clerics?|judges?|lawyers?|nurses?|paramedics?|medics?|surgeons?|rescuers?|herders?|"
    r"firefighters?|teachers?|fishermen|labou?rers?|"
    rf"militiam[ae]n|loyalists?|defectors?|casualties|bodies|attackers?|assailants?|bombers?|{CIVILIAN_PEOPLE}|"
    r"peacekeepers?|pilots?|co-?pilots?|airm[ae]n|aircrew|crewm[ae]n|sailors?|marines?|them)\b"
)
_Q = QUANTITY
_NP = rf"(?P<q>{_Q})\s+{_MOD}{_PERSON}"
# the groups of one list of victims: "two soldiers and one civilian", "a woman and her three children as well
# as another child", "four fighters in addition to two civilians" (a kin group's possessive before its count)
_LIST_SEP = (r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|"
             r",?\s+(?:as\s+well\s+as|in\s+addition\s+to|along\s+with|together\s+with)\s+|"
             # "15 civilians and 27 fighters, with another 10 bodies yet to be identified"
             # (dead only: "with another five people missing" adds none)
             r",?\s+(?:with|plus)\s+(?=(?:another|a\s+further|an\s+additional)\s+[\w\-]+\s+(?:[\w\-]+\s+)?"
             r"(?:bodies|dead|corpses|(?:people|persons|others)\s+(?:who\s+)?(?:died|were\s+killed))\b))")
_KIN = r"(?:(?:his|her|their)\s+)?"
# one kinsman named after the first victim with no count of his own ("a woman and her child", "a farmer and his
# young son"): one more
KIN_ONE = (r"\b(?:his|her|their)\s+"
           r"(?:(?:young|little|baby|infant|eldest|youngest|teenage|pregnant|elderly|newborn)\s+)?"
           r"(?:child|son|daughter|wife|husband|mother|father|brother|sister|baby|grandson|granddaughter|nephew|niece|"
           r"cousin|uncle|aunt|grandmother|grandfather)\b")
_NP_LIST = (rf"(?:{_Q})\s+{_MOD}{_PERSON}"
            # (never the subject of a clause of its own: "killed a man and his son survived")
            rf"(?:{_LIST_SEP}(?:{_KIN}(?:{_Q})\s+{_MOD}{_PERSON}|{KIN_ONE}"
            r"(?!\s+(?:was|is|has|had|survived|escaped|remains|remained|fled)\b)))*")

_KILL_VERB = (
    r"(?:kill(?:ed|ing|s)?|claim(?:ed|ing)?\s+the\s+lives?\s+of|left\s+dead|leaving\s+dead|executed|"
    r"executing|shot\s+dead|shooting\s+dead|assassinat(?:ed|ing)|slaughter(?:ed|ing)|massacr(?:ed|ing)|"
    r"eliminat(?:ed|ing)|beheaded|beheading|murder(?:ed|ing))"
)
_KILL_NOUN = r"(?:the\s+)?(?:killing|slaying|deaths?|death|loss\s+of\s+life|martyrdom|execution|assassination)\s+of"
_DIED_WORD = (r"(?:killed|dead|died|perished|executed|shot\s+dead|slain|murdered|assassinated|martyred|"
              r"eliminated|lost\s+their\s+lives|lost\s+his\s+life|lost\s+her\s+life|"
              # "1500 people have fallen victim to the attack", "30 civilians fell victims of the shelling"
              r"(?:(?:have|has|had)\s+)?(?:fallen|fell)\s+victims?\s+(?:of|to))")
# a figure told as an estimate or a belief: "1400 are estimated to have been killed", "20 were thought to have died"
_HEDGED = (r"(?:are|were|is|was)\s+(?:estimated|believed|thought|feared|said|reported|known)\s+to\s+have\s+"
           r"(?:been\s+)?")
# "have died", "had perished", "have lost their lives" (never "have killed": that verb's subject is the killer)
_HAVE_DIED = r"(?:have|has|had)\s+(?:(?:reportedly|also|all|since|now)\s+)?(?=died|perished|lost\s)"
_DIED = (rf"(?:(?:were|was|have\s+been|had\s+been|are|got|being)\s+|{_HEDGED}|{_HAVE_DIED})?"
         rf"(?:(?:reportedly|also|all|reported|confirmed)\s+)?{_DIED_WORD}")
_INJ_VERB = r"(?:wound(?:ed|ing|s)?|injur(?:ed|ing|es)|maim(?:ed|ing))"
_INJ_NOUN = r"(?:the\s+)?(?:injury|injuries|injuring|wounding)\s+(?:of|to)"
_HURT_VERB = r"(?:wounded|injured|hurt|maimed)"
_HURT = (
    r"(?:(?:were|was|have\s+been|had\s+been|are|got|being)\s+)?(?:(?:reportedly|also|all|seriously|"
    rf"critically|lightly|slightly)\s+)?{_HURT_VERB}"
)

# not "Three civilians killed 12 others injured" (a headline: the 12 are the wounded)
_NOT_HURT = rf"(?!\s+(?:(?:were|was|are|have\s+been)\s+)?(?:injured|wounded|hurt)\b(?!\s+{_Q}))"
# a passive verb has no object: "three persons were killed, a woman among them" counts three, not one
_NOT_PASSIVE = r"(?<!\bwere\s)(?<!\bwas\s)(?<!\bbeen\s)(?<!\bbeing\s)"
# whose or how many of them the count is, before it: "killing its two pilots", "killed all four crew", "killing
# their three children", "wounding the two guards"
_WHOSE = r"(?:(?:its|their|his|her|all|all\s+of\s+the|the)\s+)?"
# the bomber who died with his victims, one of the dead: "a suicide bomber killed himself and four soldiers"
_SELF = r"(?:(?P<self>himself|herself)\s+(?:and|as\s+well\s+as|along\s+with)\s+)?"
KILLED_AFTER = re.compile(rf"{_NOT_PASSIVE}\b{_KILL_VERB}\s+{_SELF}{_WHOSE}(?P<list>{_NP_LIST}){_NOT_HURT}", re.I)
KILLED_NOUN = re.compile(rf"\b{_KILL_NOUN}\s+(?P<list>{_NP_LIST})", re.I)
# "a suicide bomber attacked the convoy, killing three.", "fighting killed 12 in Hama": a bare count right
# after the verb, closing the clause or followed by where/when
_BARE_END = (r"(?=\s*(?:[.,;)]|$|\s+(?:and|in|on|at|near|when|while|after|as|during|including|among|overnight|"
             r"others?)\b))")
KILLED_AFTER_BARE = re.compile(rf"\b(?:kill(?:ed|ing|s)|leaving)\s+(?P<q>{_Q}){_BARE_END}", re.I)
# "which led to the injury of several civilians and the death of 2": a bare count closing the clause
KILLED_NOUN_BARE = re.compile(rf"\b{_KILL_NOUN}\s+(?P<q>{_DIGITS}|{_WORDS})(?=\s*(?:[.,;)]|$))", re.I)
# what may sit between the victims and the verb ("... of the PMF", ", including a commander,"), never a new
# count ("four attackers in Haditha, three of the attackers were killed": the three)
_NO_NEW_COUNT = rf"(?!,\s*{_Q}\s)"
_OF_TAIL = (rf"(?:\s+(?:of|from|in|among)\s+(?:{_NO_NEW_COUNT}[^.;:]){{0,70}}?|"
            rf",?\s+(?:including|among\s+them|(?:most|many|all|some|several)\s+of\s+them|mostly)\s+"
            rf"(?:{_NO_NEW_COUNT}[^.;:]){{0,60}}?)?"
            r"[\s,\"\u201d\u2019']*")
_REL = r"(?:(?:who|which|that|whom)\s+(?:[\w']+\s+){0,3}?)?"
KILLED_BEFORE = re.compile(rf"\b(?P<list>{_NP_LIST}){_OF_TAIL}{_REL}{_DIED}\b", re.I)
# "12 killed", "19 more were killed", "4 martyrs": a count whose word itself says the dead; never a part of
# the dead told elsewhere ("14 of the dead were rebels", "two of the killed were medics")
_DEAD_WORD = r"(?:dead|killed|deaths|fatalities|martyrs)\b"
KILLED_BARE = re.compile(rf"\b(?P<q>{_Q})(?<!\bof)(?<!\bof\sthe)\s+(?:(?:more|people|persons|were|was)\s+){{0,2}}"
                         rf"(?:{_DEAD_WORD}|{_HEDGED}(?:killed|died)\b)", re.I)
# "claiming 12 lives", "the blast cost 30 civilian lives", "took the lives of": lives a happening ended
KILLED_LIVES = re.compile(rf"\b(?:claim(?:ed|ing|s)?|cost(?:ing|s)?|took|taking)\s+(?P<q>{_Q})\s+"
                          r"(?:(?:more|innocent|civilian|human)\s+)?lives\b", re.I)
# "the death toll rose to 126 (from 112)", "the toll stood at 40", "the death toll following Thursday's attack on
# the village reached 51", "Death Toll of Attack on Village in Hama Reaches 51": the latest figure
# "the death toll from Russian and Syrian strikes on the opposition-held town of Al-Mayadin has risen to 82": a toll
# that has risen names the happening before its verb, however long its name
DEATH_TOLL = re.compile(
    rf"\b(?:death\s+)?toll\s+(?:(?:[\w\-'’]+\s+){{0,10}}?(?:to|of|at|reache[sd]|stands\s+at|estimated|put|placed)|"
    rf"(?:[\w\-'’]+\s+){{0,20}}?(?:has|have|had)\s+(?:risen|rose|climbed|increased|jumped|grown)\s+to)\s+"
    rf"(?!(?:a|an)\s+(?!(?:hundred|thousand|dozen)\b))(?P<q>{_Q})(?!\s*(?:%|percent))",
    re.I)
# "from a previous toll of 112", "an earlier toll of", "which earlier gave a toll of 20": superseded
_EARLIER_TOLL = re.compile(
    r"\b(?:(?:previous|earlier|initial|prior|preliminary|old)|(?:earlier|previously|initially|first)\s+"
    r"(?:gave|put|reported|set|announced|published|cited|had)\s+(?:a|an|the|its)(?:\s+initial)?)\s+(?:death\s+)?$",
    re.I)
INJURED_AFTER = re.compile(rf"\b{_INJ_VERB}\s+{_WHOSE}(?P<list>{_NP_LIST})", re.I)
INJURED_NOUN = re.compile(rf"\b{_INJ_NOUN}\s+(?P<list>{_NP_LIST})", re.I)
INJURED_BEFORE = re.compile(rf"\b(?P<list>{_NP_LIST}){_OF_TAIL}{_REL}{_HURT}\b(?!\s+{_Q})", re.I)
INJURED_AFTER_BARE = re.compile(rf"\b{_INJ_VERB}\s+(?P<q>{_Q}){_BARE_END}", re.I)
_HURT_WORD = r"(?:wounded|injured|injuries)\b"
INJURED_BARE = re.compile(rf"\b(?P<q>{_Q})\s+(?:(?:people|persons|were|was)\s+)?{_HURT_WORD}", re.I)
# what each figure pattern cannot match without: the verb or noun that closes it, looked for first (one cheap scan)
# so that a clause without it is not scanned by the pattern's costly figure-first search
# (pairs, found by identity: a compiled pattern hashes and compares its whole program, tens of microseconds for these)
_NEEDS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (KILLED_BEFORE, re.compile(rf"{_DIED_WORD}\b", re.I)),
    (KILLED_BARE, re.compile(rf"{_DEAD_WORD}|\bdied\b", re.I)),
    (INJURED_BEFORE, re.compile(rf"{_HURT_VERB}\b", re.I)),
    (INJURED_BARE, re.compile(_HURT_WORD, re.I)),
)
CODED_AS = re.compile(rf"\b(?:fatalities|number)[\s,]+(?:\w+[\s,]+){{0,3}}?coded\s+(?:as|to)\s+(?P<q>{_Q})", re.I)
# ACLED coders spread an unknown total over the places of one note
SPLIT_BETWEEN = re.compile(
    r"\bsplit\s+(?:evenly\s+)?(?:between|over|among)\s+(?:the\s+)?(?P<n>\d+|two|three|four|five|six)\b", re.I
)
DISTRIBUTED = re.compile(r"\bdistributed\s+(?:the\s+)?fatalities\s+(?:over|between|among)\s+(?:the\s+)?"
                         r"(?:activities\s+in\s+|areas\s+of\s+|villages\s+of\s+)?(?P<list>[^.;()]+)", re.I)
# one victim described without a count noun: "killing a candidate", "the director ... was killed", "his death"
# "a (high / large / growing) number", "a handful": a count of many, never one victim
_NOT_ONE = r"(?!(?:(?:high|large|great|big|small|growing|huge|significant|considerable|good|whole)\s+)?" \
    r"(?:number|few|handful|dozen|couple|score|total|series|host|lot|group|toll)\b)"
ONE_KILLED = re.compile(
    r"(?:\b(?:killed|killing|assassinated|assassinating|executed|executing|shot\s+dead|the\s+killing\s+of|"
    r"the\s+(?:death|assassination|execution)\s+of)\s+(?:a|an|one)\s+" + _NOT_ONE + r"|"
    r"(?:^|[.;,]\s+|\b(?:a|an|one)\s+" + _NOT_ONE + r")(?:[\w\"“”'’\-]+\s+){0,12}?(?:was|has\s+been)\s+(?:\w+\s+)?"
    r"(?:killed|shot\s+dead|assassinated|executed|found\s+dead)|"
    # "he was killed", "she was later shot dead", "he died (of his wounds)" -- never "he was arrested", "she was
    # injured", "he was preparing a report"
    r"\b(?:he|she)\s+(?:was\s+(?:\w+\s+)?(?:killed|shot\s+dead)|died\b)|"
    r"(?:led\s+to|resulted\s+in|resulting\s+in|causing)\s+(?:his|her)\s+(?:\w+\s+)?death)",
    re.I,
)
# the people a four-digit figure may count (plural nouns: "2000 people", never "the 2013 offensive"), and the words
# of time after which it is a year all the same
_PEOPLE_AFTER_YEAR = r"(?:people|civilians|persons|children|men|women|fighters|soldiers|troops|residents|victims)\b"
_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
_TIME_BEFORE_YEAR = "(?:" + "|".join(
    rf"(?<=\b(?i:{w})\s)" for w in ("in", "since", "of", "by", "until", "from", "during", "before", "after", "year",
                               *_MONTHS.split("|"), "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
                               "Oct", "Nov", "Dec")) + ")"
_DATE_MASK = re.compile(
    # a page stamp that glues the day to its year ("Last updated at Aug 012016")
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:19|20)\d\d\b|"
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|"
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|"
    # a numeric date with hyphens ("06-01-2016", "2016-01-06"); a range ("10-15") has two parts only
    r"\b\d{1,2}-\d{1,2}-(?:\d{4}|\d{2})\b|\b\d{4}-\d{1,2}-\d{1,2}\b|"
    # a year, unless it counts the people named right after it ("killing between 1000 and 1800 people", "1900
    # civilians died"); after a month or a word of time ("in 2013 people fled", "August 2013 civilians") a year
    rf"\b(?:1[89]|20)\d\d\b(?!\s+{_PEOPLE_AFTER_YEAR})|{_TIME_BEFORE_YEAR}(?:1[89]|20)\d\d\b|"
    r"\b\d{1,2}[:/.]\d{1,2}(?:[:/.]\d{2,4})?\b",
)


def mask_dates(text: str) -> str:
    """Dates and times blanked (same length) so that 'On Apr 30, one civilian was killed' counts one."""
    return _mask(text, _DATE_MASK)
NO_CASUALTIES = re.compile(
    r"\b(?:neither\s+(?:injuries|casualties|fatalities|deaths)\s+nor\s+(?:injuries|casualties|fatalities|deaths)|"
    r"no\s+(?:reported\s+)?(?:injuries|casualties|fatalities|deaths|victims)(?:\s+(?:or|and|nor)\s+"
    r"(?:injuries|casualties|fatalities|deaths))?(?:\s+(?:were|was|have\s+been))?\s*(?:reported)?|"
    r"without\s+(?:causing\s+)?(?:any\s+)?(?:casualties|injuries|fatalities|deaths|victims)|"
    r"there\s+(?:are|were)\s+no\s+casualties|(?:no[\s-]+one|nobody)\s+was\s+(?:killed|hurt|injured)|"
    r"(?:did\s+not|didn't)\s+(?:cause|result\s+in)\s+(?:any\s+)?(?:casualties|injuries|fatalities))",
    re.I,
)
NO_FATALITIES = re.compile(
    r"\b(?:no\s+(?:reported\s+)?(?:fatalities|deaths)|without\s+(?:any\s+)?(?:fatalities|deaths)|"
    r"(?:no[\s-]+one|nobody|not\s+(?:a\s+single|one)(?:\s+[\w-]+)?)\s+(?:was|were|has\s+been|had\s+been)\s+killed)",
    re.I
)
_QTY_IN = re.compile(rf"(?P<q>{_Q})\s+{_MOD}{_PERSON}", re.I)
_KIN_ONE_IN = re.compile(KIN_ONE, re.I)


def is_vague(q: str) -> bool:
    """A quantity with no number in it ("dozens of", "several", "a number of"): ACLED would code it (dozens ->
    12), but the report states no figure, so no toll is read from it."""
    s = " ".join(q.lower().split())
    s = _APPROX.sub("", re.sub(r"\s+of(?:\s+the)?$", "", s))
    return s in VAGUE or f"{s} of" in VAGUE or re.fullmatch(VAGUE_PLURAL, s) is not None


_VAGUE_FIRST = re.compile(rf"(?:{_APPROX.pattern[1:]})?(?:{_VAGUE_RE})\b", re.I)


def tells_vague_dead(s: str) -> bool:
    """Does ``s`` tell dead by a vague word only ("dozens of militants were killed", "the raids killed scores of
    people")? No toll is read from it (:func:`is_vague`), but the report has dead the text may count further on."""
    for rx in (KILLED_BEFORE, KILLED_AFTER):
        for m in rx.finditer(s):
            if _VAGUE_FIRST.match(m.group("list")) and not re.search(r"\d", m.group("list")):
                return True
    return False


# the breakdown of a report's dead: "Among the dead were four staff and five children", "those killed included two
# women and a child", "the victims were three soldiers and a civilian"
_AMONG_DEAD = re.compile(
    rf"\b(?:among\s+(?:the\s+)?(?:dead|killed|victims|fatalities)|(?:the\s+)?(?:dead|victims|those\s+killed))"
    rf"\s+(?:were|are|included|include|was)\s+(?P<list>{_NP_LIST})", re.I)


def among_the_dead(s: str) -> int | None:
    """The dead a breakdown of a report's toll names ("Among the dead were four staff and five children" -> 9)."""
    m = _AMONG_DEAD.search(s)
    return _sum_list(m.group("list")) if m else None


def _sum_list(s: str) -> int | None:
    """The victims a list counts: "two soldiers and one civilian" -> 3; a total and its breakdown
    ("21 people, 15 civilians and 6 fighters") -> the total."""
    items: list[tuple[int, frozenset[str]]] = []
    for m in _QTY_IN.finditer(s):
        v = None if is_vague(m.group("q")) else parse_count(m.group("q"))
        if v is not None:
            items.append((v, _victims(m.group(0))))
    items += [(1, _victims(m.group(0))) for m in _KIN_ONE_IN.finditer(s)]
    if not items:
        return None
    total = sum(v for v, _ in items)
    for v, nouns in items:
        if nouns & _ANY_VICTIM and 2 * v >= total:
            return v  # the total, the rest its breakdown
    return total if total <= MAX_COUNT else None


# "both civilians and insurgents", "thousands more": no count of the dead
_NOT_A_COUNT = re.compile(rf"(?:both\s+[\w\-]+\s+and\b|(?:{_VAGUE_RE})\s+(?:more|others?)\b)", re.I)


def _spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# "also" that adds dead to a report ("two soldiers were also killed"), not a second source of it ("state
# television also reported the blast, saying four had been killed")
_ALSO_MORE = re.compile(r"\balso\b(?!\s+(?:reported|reports|said|says|told|announced|stated|confirmed|noted|cited|"
                        r"quoted|gave|put|published|broadcast|carried|covered|blamed|accused)\b)", re.I)


def adds_more(text: str) -> bool:
    """Does ``text`` (a report that follows another of the same incident) tell further dead ("also killed")?"""
    return _ALSO_MORE.search(text) is not None


# a figure that adds to one already stated: "two others", "another three", "also killed", "a further 5",
# "19 more" (never "more than 19")
_ADDITIVE = re.compile(r"\b(?:also|another|others?|additional|further|more(?!\s+than))\b", re.I)
# victims' nouns that can name any group, so a figure with one of them may restate or total the others
_ANY_VICTIM = frozenset({"people", "person", "individual", "victim", "casualtie", "bodie", "them", "dead"})
_VICTIM_WORD = re.compile(rf"{_PERSON}", re.I)


def _victims(s: str) -> frozenset[str]:
    """The victims' nouns of one figure, singular ("civilians" -> "civilian"); empty when it names none."""
    return frozenset(w.group(0).lower().rstrip("s") for w in _VICTIM_WORD.finditer(s))


# a named place after a figure: "in Saraqeb", "in neighbouring Idlib province" (not "in the crossfire", "on Monday")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_CALENDAR = rf"(?:{_MONTHS}|{_WEEKDAY})\b"
# where a clause ends: its sentence's or its semicolon's stop
_CLAUSE_STOP = re.compile(r"[.;]")


def _clause_end(text: str, pos: int) -> int:
    """The end of the clause that goes on at ``pos`` (the next full stop or semicolon, else the text's end)."""
    stop = _CLAUSE_STOP.search(text, pos)
    return stop.start() if stop else len(text)
_LOCATIVE = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?(?:(?:neighbou?ring|nearby|northern|southern|eastern|western|"
                       rf"central|rural)\s+)?(?-i:(?!{_CALENDAR})[A-Z][\w\-']+)", re.I)


# the act a figure is the toll of, named after it: "in a double suicide attack", "in the ensuing gun battle", "by a
# car bomb"
_BY_ACT = re.compile(
    r"\b(?:in|by|during)\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?(?P<act>attack|assault|bombing|blast|explosion|"
    r"strike|airstrike|air\s+strike|raid|shelling|ambush|shootout|gun\s?battle|clash|offensive|bomb)e?s?\b",
    re.I)


def _other_act(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """The figures at ``a`` and ``b`` are the tolls of two acts of the sentence: the first names its act before the
    second figure, the second an act of its own after it ("19 were killed in a suicide attack and 16 others died in
    the assault")."""
    a, b = sorted((a, b))
    here = _BY_ACT.search(text, a[1], b[0])
    if here is None:
        return False
    there = _BY_ACT.search(text, b[1], _clause_end(text, b[1]))
    return there is not None and there.group("act").lower() != here.group("act").lower()


def _elsewhere(text: str, prev_end: int, span: tuple[int, int]) -> bool:
    """The figure at ``span`` is the toll of another place of the sentence: the figure before it names its
    place, and this one names a place of its own ("30 were killed in Aleppo province and another 39 in
    neighbouring Idlib province")."""
    here = _LOCATIVE.search(text, prev_end, span[0])
    if here is None:
        return False
    there = _LOCATIVE.search(text, span[1], _clause_end(text, span[1]))
    return there is not None and there.group().split()[-1] != here.group().split()[-1]


# a province named as a figure's place: "in Aleppo province", "in the province of Idlib", "in neighbouring Hama
# governorate"
_IN_PROVINCE = re.compile(r"\b(?:in|across)\s+(?:the\s+)?(?:(?:neighbou?ring|nearby|northern|southern|eastern|western|"
                          r"central)\s+)?(?:(?:province|governorate)\s+of\s+(?P<of>(?-i:[A-Z][\w\-']+))|"
                          r"(?P<name>(?-i:[A-Z][\w\-']+)(?:\s+(?-i:[A-Z][\w\-']+))?)\s+(?:province|governorate))\b",
                          re.I)


def _by_province(text: str, prev_end: int, span: tuple[int, int]) -> bool:
    """The figures before and at ``span`` count the dead of two provinces ("30 were killed in Aleppo province and
    another 39 in neighbouring Idlib province"): province-wide tallies, the toll of no one happening. (One province
    named twice is one place: "killed 32 rebels in Daraa province ... in the southern province of Daraa".)"""
    here = _IN_PROVINCE.search(text, prev_end, span[0])
    there = _IN_PROVINCE.search(text, span[1], _clause_end(text, span[1])) if here is not None else None
    if here is None or there is None:
        return False
    def name(m: re.Match[str]) -> str:
        return (m.group("of") or m.group("name")).split()[-1]

    return name(here) != name(there)


# the span of a tally: "... since 2014", "since the conflict began", "since the start of the war", "so far this year"
_TALLY_SPAN = re.compile(
    rf"\b(?:since\s+(?:(?:early|late|mid-?)\s*)?(?:(?:{_MONTHS})\s+)?(?:1[89]|20)\d\d\b|"
    r"since\s+(?:the\s+)?(?:start|beginning|outbreak|onset)\b|"
    r"since\s+(?:the\s+)?(?:war|conflict|uprising|revolution|crisis|campaign|intervention)\s+(?:began|started|erupted)|"
    # "during the five-year conflict", "over the course of the war", "throughout the civil war"
    r"(?:during|throughout|over\s+the\s+course\s+of)\s+(?:the|this|a)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:war|conflict|uprising|revolution|crisis)\b|"
    r"since\s+(?:it|they)\s+(?:began|started|intervened|entered|joined)|"
    # a month with no year is this year's: "since April", "since mid-February", "since early March"; "since then"
    rf"since\s+(?:(?:early|late|mid-?)\s*)?(?:{_MONTHS})\b|since\s+then\b|"
    # a stretch between two months or years: "from March 2011 to June 2016", "between January and March"
    rf"(?:from|between)\s+(?:(?:early|late|mid-?)\s*)?(?:(?:{_MONTHS})\s+)?(?:(?:1[89]|20)\d\d\s+)?"
    rf"(?:to|until|till|through|and)\s+(?:(?:early|late|mid-?)\s*)?(?:(?:{_MONTHS})\b|(?:1[89]|20)\d\d\b)|"
    # since a happening that opened the period: "since a brokered ceasefire collapsed on Monday", "since rebels
    # launched an offensive on the city", "since the truce took effect"
    r"since\s+(?:[\w\-.'’]+\s+){1,8}?(?:began|begun|started|erupted|collapsed|broke\s+down|ended|launched|"
    r"took\s+effect|came\s+into\s+(?:force|effect)|intervened|seized|captured|took\s+(?:control|over))\b"
    # ... unless that happening was days ago ("since they went on the offensive on Thursday": the toll of a battle)
    rf"(?![^.;]{{0,60}}?\b(?:{_WEEKDAY}|yesterday|last\s+night|overnight)\b))", re.I)


# a superlative and the noun phrase it heads, up to the "since" it is measured from (no comma between: "the biggest
# officially acknowledged loss of life experienced by Russian forces since ...")
_SUPERLATIVE = re.compile(r"\b(?:\w+est|worst|first|most\s+\w+|biggest)\b(?:[^.;,]{0,90}|[^.;]{0,40})$", re.I)


def _tallies(raw: str) -> tuple[int, ...]:
    """Where ``raw`` names the span of a tally ("since 2014", "since the conflict began"), except after a
    superlative ("the deadliest raid since 2015", "the worst attack since the start of the truce")."""
    return tuple(m.start() for m in _TALLY_SPAN.finditer(raw)
                 if not _SUPERLATIVE.search(raw, max(0, m.start() - 110), m.start()))


# a clause that "since" opens right after another, up to the sentence's end (lower case: inside the sentence)
_SINCE_CLAUSE = re.compile(r"[ \t]+since\b[^.;!?]*")


def since_clause_end(text: str, ce: int) -> int:
    """Where the clause that "since" opens right after the clause ending at ``ce`` ends, else ``ce``: a period told
    there still measures that clause's count ("Some 10,000 civilians have died | since the militants seized the
    province in 2014": a tally)."""
    m = _SINCE_CLAUSE.match(text, ce) if ce and text[ce - 1] not in ".!?;" else None
    return m.end() if m else ce


def tally_start(text: str, start: int, end: int) -> int | None:
    """Where text[start:end] names the span of a tally (see ``_tallies``), else None."""
    found = _tallies(text[start:end])
    return start + found[0] if found else None


def _aggregate_after(text: str, end: int, tallies: tuple[int, ...]) -> bool:
    """The figure ending at ``end`` counts a tally over a span its clause names after it ("acknowledged the deaths
    of over 700 civilians in its strikes since 2014", "330,000 people have been killed since the conflict began"):
    no toll of one happening."""
    stop = _clause_end(text, end)
    # the tally's own figure is the last before its span ("killing 12 and bringing to 300 the number killed since
    # the offensive began": 300 is the tally, 12 the toll)
    return any(end <= t < stop and not re.search(r"\d", mask_dates(text[end:t]).lstrip("0123456789,."))
               for t in tallies)


# how far apart one figure told twice must be to be a restatement rather than a second group joined to the first
_RESTATED_GAP = 20


def _collect(text: str, patterns: tuple[re.Pattern[str], ...], tallies: tuple[int, ...] = ()
             ) -> tuple[int | None, list[tuple[int, int]]]:
    """The figure the clause states. Separate statements of it count once: a figure repeated ("17 civilians
    ... seventeen civilians"), a total and its breakdown ("21 people ... 15 civilians and 6 fighters"), a
    headline and its lead. They add up only when the text says so ("two others", "also") or when they
    count different groups ("three soldiers ... four rebels")."""
    total: int | None = None
    spans: list[tuple[int, int]] = []
    seen: set[str] = set()
    last: int | None = None  # the figure counted last
    for pat in patterns:
        need = next((n for p, n in _NEEDS if p is pat), None)
        if need is not None and need.search(text) is None:
            continue  # the pattern cannot match: it ends on a word the text does not have
        for m in pat.finditer(text):
            span = m.span()
            if any(_spans_overlap(span, s) for s in spans):
                continue
            listed = m.group("list") if "list" in m.groupdict() else None
            counted = listed or m.group("q")
            if _NOT_A_COUNT.match(text, m.start("list") if listed else m.start("q")):
                continue
            v = _sum_list(counted) if listed else None if is_vague(counted) else parse_count(counted)
            if v is not None and m.groupdict().get("self"):
                v += 1
            if v is None or _aggregate_after(text, span[1], tallies):
                continue
            nouns = _victims(m.group(0))
            if total is None:
                total = v
            elif spans and _other_act(text, spans[-1], span):
                if span[0] < spans[-1][0]:  # the act the clause tells first is its own
                    total, spans, seen = v, [span], set(nouns or {"people"})
                continue
            elif spans and _by_province(text, spans[-1][1], span):
                return None, []  # "30 were killed in A province and another 39 in B province": tallies
            elif spans and _elsewhere(text, spans[-1][1], span):
                continue  # "... killed in Saraqeb and another man died in Sheikh Mustafa": that place's toll
            elif _ADDITIVE.search(text, max(0, span[0] - 25), span[1]) or (
                    nouns and seen and nouns.isdisjoint(seen) and not (nouns | seen) & _ANY_VICTIM
                    and not (v == last and v > 1 and span[0] - spans[-1][1] > _RESTATED_GAP)):
                # (one figure told again further on counts one group in other words: a headline's "kill 30 Kurdish
                # fighters" and its lead's "30 members of the YPG were killed"; "5 soldiers and 5 rebels" is two, and so
                # are "killing 1 civilian ... the later death of a man")
                total = min(MAX_COUNT, total + v)
            else:
                total = max(total, v)
            spans.append(span)
            seen |= nouns or {"people"}
            last = v
    return total, spans


def _spread(text: str) -> int:
    """Over how many places a coded total is spread ("split evenly between the 2", "distributed over A, B and C")."""
    m = SPLIT_BETWEEN.search(text)
    if m:
        return parse_count(m.group("n")) or 1
    m = DISTRIBUTED.search(text)
    if m:
        items = [x for x in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("list")) if x.strip()]
        return max(1, len(items))
    return 1


# a death the clause refers to as its occasion, not one it reports: "a day after the reported execution of a
# pilot", "in retaliation for the killing of two soldiers", "after a downed pilot was killed by rebels"
_OCCASION = re.compile(
    r"\b(?:after|following|in\s+(?:retaliation|revenge|response|reprisal)\s+(?:for|to|against)|to\s+avenge)\s+"
    r"(?:(?:the|a|an|his|her|their|its)\s+)?(?:(?:reported|alleged|apparent|recent|latest|brutal)\s+)?"
    r"(?:(?:killings?|deaths?|executions?|assassinations?|murders?|beheadings?)\s+of\b[^,.;:]*|"
    # (never a saying: "after claiming 60 soldiers were killed" tells the dead)
    r"(?!(?:claiming|saying|reporting|announcing|stating|confirming|alleging|revealing)\b)"
    r"(?:(?!(?:he|she|they|it|we)\b)[\w\-’']+\s+){1,6}?(?:was|were|had\s+been)\s+(?:\w+\s+)?"
    r"(?:killed|executed|shot\s+dead|assassinated|beheaded|murdered)\b(?:\s+by\s+[^,.;:]*)?)",
    re.I)


def _mask(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` with each match of ``pattern`` blanked, keeping every offset."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


# an earlier happening the report is measured against, with its own dead: "the most serious report since the March
# 19 attack in Khan al-Assal, when at least 30 people were killed", "the deadliest bombing since the attack on the
# market in May in which 40 people died"
_SINCE_EARLIER = re.compile(
    r"\bsince\s+(?:the|a|an|that)\s+[^.;:]{0,100}?(?:\bwhen\b|\bin\s+which\b|\bthat\s+(?:killed|left)\b)[^.;:]*",
    re.I)


def without_occasions(text: str) -> str:
    """``text`` with every death it names only as an occasion ("a day after the killing of a commander") or as the
    earlier happening it is measured against ("the worst since the attack in May in which 40 died") blanked, keeping
    every offset: such a death is neither the clause's toll nor its victims."""
    return _mask(_mask(text, _OCCASION), _SINCE_EARLIER)


# the source a clause opens with ("According to a doctor, five civilians died"): a person, no victim, and no first
# item of the list that follows it
_SOURCE_OPENING = re.compile(r"\baccording\s+to\s+[^,.;:()]{1,60}?(?=,)", re.I)


# nobody, which counts no one ("no one was killed", "no-one was hurt", "not one person died", "not a single
# civilian was wounded")
_NOBODY = re.compile(r"\b(?:no|not)[\s-]+(?:a\s+single\s+)?one\b|\bnot\s+a\s+single\b", re.I)


def find_casualties(text: str) -> Casualties:
    """Killed and wounded figures stated in ``text`` (a sentence, clause or short note)."""
    tallies = _tallies(text)
    text = _mask(without_occasions(mask_dates(text)), _SOURCE_OPENING)
    told = text  # what the clause says of the dead, "no one was killed" included
    text = _mask(text, _NOBODY)
    coded = CODED_AS.search(text)
    fat: int | None
    kspans: list[tuple[int, int]]
    if coded:
        fat, kspans = parse_count(coded.group("q")), [coded.span()]
        n = _spread(text)
        if fat is not None and n > 1:
            fat = fat // n
    else:
        toll = next((t for t in DEATH_TOLL.finditer(text) if not _EARLIER_TOLL.search(text, 0, t.start())
                     and not is_vague(t.group("q"))), None)
        fat, kspans = _collect(text, (KILLED_AFTER, KILLED_NOUN, KILLED_BEFORE, KILLED_BARE, KILLED_NOUN_BARE,
                                      KILLED_AFTER_BARE, KILLED_LIVES), tallies)
        if toll:
            tv = parse_count(toll.group("q"))
            if tv is not None and (fat is None or tv > fat):
                fat, kspans = tv, [toll.span()]
    if fat is None and not NO_FATALITIES.search(told):
        one = ONE_KILLED.search(text)
        if one:
            fat, kspans = 1, [one.span()]
    inj, ispans = _collect(text, (INJURED_AFTER, INJURED_NOUN, INJURED_BEFORE, INJURED_BARE, INJURED_AFTER_BARE),
                           tallies)
    none_all = NO_CASUALTIES.search(told) is not None
    if fat is None and (none_all or NO_FATALITIES.search(told)):
        fat = 0
    if inj is None and none_all:
        inj = 0
    return Casualties(fat, inj, tuple(kspans), tuple(ispans), none_all, coded is not None)


# deaths told with a cause that is no act of violence ("two more people died from lack of food and medical care",
# "died of hunger", "succumbed to illness"): no toll of the report before them
_NOT_VIOLENT_DEATH = re.compile(
    r"\b(?:died|dying|dies|death|deaths|dead|perished|succumbed)\s+(?:\w+\s+){0,3}?(?:from|of|to|due\s+to|because\s+of)\s+"
    r"(?:(?:a|the|severe|acute)\s+)?(?:lack\s+of|shortages?\s+of|hunger|starvation|malnutrition|disease|diseases|"
    r"illness|illnesses|cold|exposure|natural\s+causes|heart\s+attacks?|dehydration|thirst)\b", re.I)


def not_violent_deaths(text: str) -> bool:
    """Does ``text`` tell deaths of a cause that is no act of violence (hunger, illness, lack of care)?"""
    return _NOT_VIOLENT_DEATH.search(text) is not None
