"""Pairwise matching: how likely two reports describe the same real-world incident.

Each report is reduced once to a :class:`Profile` (token set of its evidence sentence, actor keys,
figures, method class, date interval, place). :func:`match_score` compares two profiles:

1. **Gates** (hard "no"): different type family; incompatible places; reports dated only to a
   week or a month (or undated) unless they are located to a province or better, of one type and
   agree on the toll or the wording; dates more than one day
   apart unless the reports *corroborate* each other (the same specific death toll, the same named
   perpetrator and places within 10 km or the same place id) — that is how two reports six days apart
   (Palmyra, 13 vs 19 December) can still be one incident while two air strikes on one town on
   different days are not; two reports from one document unless it plainly repeats itself (the same
   type and the same spot or death toll, and dates that agree); place-less reports without a shared
   named actor; meetings/calls whose named participants differ.
2. **Score** in [0, 1]: a weighted sum of evidence-text similarity (token-set Dice over content
   words, see ``data/resolve_stopwords.txt``), date closeness, place closeness, type agreement,
   actor agreement and figure agreement. Pairs at or above :data:`THRESHOLD` match.

The text similarity is lexical (a bag of stemmed content words), not a sentence embedding: the
embedding model needs a tokenizer vocabulary that no installed package ships, and the lexical
measure is fast enough for the 20,000-report benchmark. How the threshold was chosen is written in
docs/bench/resolve.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from sitrep.extract.build import quote_spans
from sitrep.extract.events import AIR_MEANS, GROUND_MEANS, means_named
from sitrep.extract.merge import DELIVERY
from sitrep.geo.gazetteer import skeleton_key
from sitrep.records import Event, haversine_km

from .blocking import MAX_GAP_DAYS as CORROBORATED_GAP_DAYS
from .blocking import (
    NEAR_KM,
    PLAIN_GAP_DAYS,
    SIGNATURE_GAP_DAYS,
    SIGNATURE_KM,
    date_interval,
    event_signatures,
    happening_place,
    interval_gap,
    places_agree,
    type_family,
)
from .camps import CAMP, doer_camp, opposed
from .signatures import is_rare, kind_only_referenced

THRESHOLD = 0.6

WEIGHTS = {"text": 0.30, "date": 0.15, "place": 0.10, "type": 0.20, "actors": 0.10, "figures": 0.15}
CORROBORATION_BONUS = 0.2  # same specific toll, same named perpetrator, same spot
SIGNATURE_BONUS = 0.25  # both name the same distinctive happening (a chemical attack, an aid convoy...)
GUESS_GAP_DAYS = PLAIN_GAP_DAYS  # a date guessed from the publication day may be this far from the real one

_TOKEN = re.compile(r"[a-z0-9]+")
_UNKNOWN_ACTOR = re.compile(r"^(unidentified|unknown)\b")
_PAREN = re.compile(r"\s*\([^)]*\)")
_VICTIM_PREFIXES = ("civilians", "protesters", "refugees")
DIFFERENT_TOWNS_KM = NEAR_KM
CITY_TEXT = 0.7  # wording two reports placed only "in Aleppo" must share when their tolls differ
NEIGHBOUR_TOWNS_KM = 2.0  # two named towns further apart than this are two places unless the reports corroborate
_CITY_FEATURES = frozenset({"PPLC", "PPLA"})  # GeoNames: national and provincial capitals
_STATED = ("sentence:explicit", "sentence:weekday", "sentence:relative")
NIGHT = re.compile(
    r"\b(?:overnight|night|nightfall|midnight|pre-dawn|predawn|before dawn|at dawn|early hours|late (?:on )?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    re.IGNORECASE,
)
# a word telling that people died ("killed hundreds", "the dead", "claimed the lives of", "its victims", "the deadly
# sarin attack")
DEATHS = re.compile(r"\b(?:kill(?:ed|ing|s)?|dead(?:l(?:y|ier|iest))?|deaths?|died|dying|lives|victims|casualties|"
                    r"massacred?|gassed|suffocated)\b", re.IGNORECASE)
# one happening named as such, by a singular noun of attack with what sets it apart ("after a chemical weapon attack
# in East Ghouta", "the sarin attack on Eastern Ghouta", "a deadly chlorine bombing"), not a bare "the attack" that
# points back at the report's own story, nor a charge of use ("had used chemical weapons in Aleppo")
ONE_ATTACK = re.compile(r"\b(?:an?|the|that)\s+(?!(?:same|other|latest|last|first|previous)\b)(?:[\w-]+\s+){1,3}?"
                        r"(?:attack|massacre|bombing|strike|raid)\b(?!-)", re.IGNORECASE)
MIN_TEXT = 0.2  # reports from two documents must share at least this much wording (token-set Dice)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# a full date among the first words of the evidence, not introduced by a preposition: the page's dateline
# ("AFP Tuesday 20 Sep 2016 Some 20 civilians killed ...", "05.02.2015 A Syrian rebel group ...")
DATELINE = re.compile(
    r"^\W*(?:[\w.'()-]+\s+){0,12}?(?<!\bon )(?<!\bOn )(?<!\bsince )(?<!\bin )(?<!\bby )"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{4})\b"
)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    text = resources.files("sitrep.data").joinpath("resolve_stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1 << 16)  # a word's stem, whatever sentence it is in
def _stem(tok: str) -> str:
    """A word without its inflection, so that its forms agree: "strikes" and "strike", "villages" and "village",
    "houses" and "house", "marches" and "march", "witnesses" and "witness", "bodies" and "body" (an -es is a
    plural ending only after ss, x, z, ch or sh; otherwise only the -s goes)."""
    if tok.endswith("es") and len(tok) >= 5 and tok[:-2].endswith(("ss", "x", "z", "ch", "sh")):
        return tok[:-2]
    if tok.endswith("ies") and len(tok) >= 5:
        return tok[:-3] + "y"  # "bodies", "casualties", "cities"
    if tok.endswith("ss"):
        return tok  # "witness", "loss": no plural -s
    for suf in ("ings", "ing", "ed", "s"):
        if tok.endswith(suf) and len(tok) - len(suf) >= 4:
            return tok[: -len(suf)]
    return tok


def content_tokens(text: str) -> frozenset[str]:
    """Stemmed content words of an evidence sentence."""
    stop = stopwords()
    return frozenset(_stem(t) for t in _TOKEN.findall(text.casefold()) if t not in stop and len(t) > 1)


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2.0 * len(a & b) / (len(a) + len(b))


def actor_key(name: str | None) -> str | None:
    """A comparable actor name; None for unknown/unidentified actors (they agree with anyone)."""
    if not name:
        return None
    key = _PAREN.sub("", name).casefold().strip()
    if not key or _UNKNOWN_ACTOR.match(key):
        return None
    return key


@dataclass(frozen=True, slots=True)
class Profile:
    """What matching needs from one report."""

    index: int
    event_id: str
    doc_id: str
    source: str | None
    family: str
    event_type: str
    sub_event_type: str | None
    interval: tuple[int, int] | None
    precision: str
    tokens: frozenset[str]
    actor1: str | None
    actors: frozenset[str]
    named: frozenset[str]  # actors that identify an incident (civilians do not)
    fatalities: int | None
    place_id: int | None
    lat: float | None
    lon: float | None
    place_level: str
    admin1: str | None
    country: str | None
    admin2: str | None = None
    area: bool = False  # a district-precision place ("the Palmyra desert"): an area, not a town
    stated_day: bool = False  # the report's own sentence states the day ("on Sunday", "on 4 April")
    city: bool = False  # a capital city (Aleppo, Damascus): many attacks a day, so the place alone tells little
    date_guess: bool = False  # the date is not stated by the report's sentence (publication day, narrative)
    signatures: frozenset[str] = frozenset()  # distinctive kinds named (signatures.py)
    tally: bool = False  # a cumulative count over a period, not one happening
    night: bool = False  # the sentence places it at night ("overnight", "late on Monday"): its day may be either
    delivery: frozenset[str] = frozenset()  # ways of delivery its sentence names ("fired", "set off")
    delivery_told: bool = True  # the sentence names how its sub type was delivered (aircraft, shells, a car bomb)
    armed: bool = False  # the sentence names a weapon of close range (guns, knives, an execution)
    weekday: bool = False  # its day is a weekday name ("on Wednesday") counted back from the publication day
    means: frozenset[str] = frozenset()  # sub types whose means its sentence names ("shelling", "air strikes")
    camp: str | None = None  # the side of the war of the doer its sentence names (camps.py)
    any_camp: str | None = None  # the side of its perpetrator, however the report came by it
    told_admin1: str | None = None  # the province of the place the sentence names, even as the doer's seat
    told_at: tuple[float, float] | None = None  # that place's coordinates
    # its sub type names a rare kind its sentence tells only as a reference ("hours after the chemical attack")
    kind_referenced: bool = False
    place_named: bool = True  # its sentence names its place (not a place carried over from its page: "in the town")
    text: str = field(default="", compare=False, repr=False)  # its evidence sentence

    @property
    def level(self) -> str:
        return self.place_level

    # what only some pairs ask of a report's sentence is read when first asked, once per report (the caches are
    # keyed by the report's id)

    @property
    def toll_told(self) -> bool:
        """Its sentence states its death toll (not a figure carried over from another sentence:
        :func:`contradictions.supported`)."""
        from .contradictions import figure_stated  # contradictions imports this module

        return self.fatalities is not None and figure_stated(self.event_id, self.text, "fatalities", self.fatalities)

    @property
    def another(self) -> bool:
        """The sentence tells its act as one more ("another shell", "shelling also hit": :data:`ANOTHER`)."""
        return sentence_says(self.event_id, self.text, ANOTHER)

    @property
    def tells_one(self) -> bool:
        """Its sentence tells of people killed (a toll or a word of death) or names one attack."""
        return (bool(self.fatalities) or sentence_says(self.event_id, self.text, DEATHS)
                or sentence_says(self.event_id, self.text, ONE_ATTACK))

    @property
    def quarters(self) -> frozenset[str]:
        """The quarters of a town its sentence names (:func:`contradictions.quarters`)."""
        from .contradictions import reading  # contradictions imports this module

        return reading(self.event_id, self.text).quarters


@lru_cache(maxsize=1 << 17)
def sentence_says(event_id: str, text: str, pattern: re.Pattern[str]) -> bool:
    """Does report ``event_id``'s sentence ``text`` hold a match of ``pattern``? Asked once per report (its id is in
    the key, so two reports never share an answer)."""
    return pattern.search(text) is not None


def profile(index: int, ev: Event) -> Profile:
    from .contradictions import reading  # contradictions imports this module

    read = reading(ev.event_id, ev.evidence.text)  # what profile, consensus and contradictions read, read once
    loc = happening_place(ev)
    a1 = actor_key(ev.actor1.name if ev.actor1 else None)
    guess = date_guessed(ev)
    a2 = actor_key(ev.actor2.name if ev.actor2 else None)
    if loc is None:
        level = "none"
    elif loc.precision == "country" or (loc.admin1 is None and loc.lat is None):
        level = "country"
    elif loc.precision == "admin1":
        level = "admin1"
    else:
        level = "point"
    return Profile(
        index=index,
        event_id=ev.event_id,
        doc_id=ev.doc_id,
        source=ev.source,
        family=type_family(ev.event_type),
        event_type=ev.event_type,
        sub_event_type=ev.sub_event_type,
        interval=date_interval(ev.date),
        precision=ev.date_precision,
        tokens=content_tokens(ev.evidence.text),
        actor1=a1,
        actors=frozenset(a for a in (a1, a2) if a),
        named=frozenset(a for a in (a1, a2) if a and not a.startswith(_VICTIM_PREFIXES)),
        fatalities=ev.fatalities,
        place_id=loc.geonameid if loc else None,
        lat=loc.lat if loc else None,
        lon=loc.lon if loc else None,
        place_level=level,
        admin2=(loc.admin2 or "").casefold() or None if loc else None,
        area=loc is not None and loc.precision == "district",
        admin1=(loc.admin1 or "").casefold() or None if loc else None,
        country=loc.country if loc else None,
        stated_day=not guess and ev.date_precision == "day" and (ev.date_method or "").startswith(_STATED),
        city=loc is not None and loc.precision == "point" and (loc.feature or "") in _CITY_FEATURES,
        date_guess=guess,
        signatures=event_signatures(ev),
        tally=read.tally,
        night=bool(NIGHT.search(ev.evidence.text)),
        delivery=(named := delivery_named(ev.evidence.text)),
        delivery_told=delivery_told(ev.sub_event_type, named),
        armed=_armed(ev.evidence.text),
        weekday=ev.date_precision == "day" and ev.date_method == "sentence:weekday",
        means=means_named(ev.evidence.text),
        camp=doer_camp(ev),
        any_camp=CAMP.get(ev.actor1.name) if ev.actor1 else None,
        kind_referenced=kind_only_referenced(ev.evidence.text, ev.sub_event_type),
        place_named=_place_named(ev),
        told_admin1=(ev.location.admin1 or "").casefold() or None if ev.location else None,
        told_at=(ev.location.lat, ev.location.lon) if ev.location and ev.location.lat is not None
        and ev.location.lon is not None else None,
        text=ev.evidence.text,
    )


# how an explosive act was delivered, in the words of its sentence (the classes of ``extract.merge.DELIVERY``):
# fired from afar (aircraft, artillery, rockets) or set off where it struck (a car bomb, a mine, a suicide bomber)
# (the means of the two sub types fired from afar: ``extract.events.AIR_MEANS``, ``GROUND_MEANS``)
_DELIVERY_WORDS = {
    "fired": re.compile(rf"\b(?:{AIR_MEANS}|{GROUND_MEANS}|bombard\w*)\b", re.IGNORECASE),
    "set off": re.compile(
        r"\b(?:car[- ]bombs?|truck[- ]bombs?|ieds?|roadside|landmines?|mines?|suicide|explosive devices?|"
        r"booby[- ]trapped|vbieds?|grenades?|explosives?|rigged|planted|detonat\w*|"
        r"(?:blew|blow|blows|blowing|blown) (?:him|her|them)sel\w+ up)\b",
        re.IGNORECASE),
}


@lru_cache(maxsize=1 << 16)  # replicated and re-resolved reports share their sentences
def delivery_named(text: str) -> frozenset[str]:
    """The ways of delivering an explosive act that a sentence names ("fired", "set off")."""
    return frozenset(k for k, words in _DELIVERY_WORDS.items() if words.search(text))


def delivery_told(sub_event_type: str | None, named: frozenset[str]) -> bool:
    """Does the sentence name how the act of its sub type was delivered? "A bomb blast killed 48" typed
    as an air strike names no aircraft: its sub type is a typing guess, not a second kind of attack."""
    if sub_event_type in _NAMED_BY_ITSELF:
        return True
    kind = DELIVERY.get(sub_event_type or "")
    return kind is None or kind in named


_NAMED_BY_ITSELF = frozenset({"Chemical weapon", "Grenade"})

_ACTS = (r"(?:shells?|shelling|(?:air ?)?strikes?|air ?raids?|raids?|(?:car |truck |roadside )?bombs?|bombings?|"
         r"attacks?|explosions?|blasts?|rockets?|missiles?|mortars?|barrel bombs?|massacres?|bombardments?|"
         r"helicopters?|warplanes?|jets?)")
_HITS = r"(?:hit|struck|killed|targeted|wounded|injured|landed|fell|shelled|bombed|pounded|attacked)"
# a sentence that tells its act as one more besides the page's subject: "another shell in Harasta ...", "a second
# car bomb", "in a separate attack", "in a similar terrorist rocket attack", "other rocket shells fired on ...", "new
# airstrikes hit near the clinic", "more rocket shells later hit",
# "elsewhere ...", "meanwhile in the countryside ...", "the bombardment also hit other areas", "shelling also hit
# near a school"
ANOTHER = re.compile(
    rf"\b(?:another|a second|a third|a further|(?:a )?separate|a similar|one more|other|new|fresh|more)\s+"
    rf"(?:\w+\s+){{0,2}}{_ACTS}\b|"
    rf"\b(?:separately|elsewhere)\b|\bmeanwhile,?\s+(?:in|at|on|near)\s|^\W*meanwhile\b|\b{_ACTS}\s+(?:\w+\s+){{0,4}}?also\s+{_HITS}\b",
    re.IGNORECASE)  # named by the agent or the weapon, not the delivery


def typing_slip(a: Profile, b: Profile) -> bool:
    """Two sub types that may differ only by a typing guess: one report's sentence names no way its sub type
    was delivered ("a bomb blast", "the explosion") and the other's is a device set off where it struck (a
    car bomb, a suicide bomber) -- an explosion told in general words may be that device. Nor do they when
    one sentence names the means of the other's sub type ("government shelling" typed as an air strike, "air
    strikes and shelling"): its sub type is one choice among the means it names; nor when neither sentence names
    how its act was delivered (two guesses). An air strike against a
    shelling, each told by its own means, is not: two attacks."""
    if not (a.delivery_told or b.delivery_told):
        return True  # two explosions told in general words ("a bomb blast", "the blasts"): both sub types are guesses
    return any((not x.delivery_told and y.delivery_told and DELIVERY.get(y.sub_event_type or "") == "set off")
               or y.sub_event_type in x.means for x, y in ((a, b), (b, a)))


# a day told relative to the speaker's own day; inside quotation marks ("... four air strikes today," the army said in
# a statement) it is the day the words were spoken, which the page dates only as its publication day (or before)
_SPEAKERS_DAY = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening)|yesterday|last night)\b",
                           re.IGNORECASE)


def _quoted_relative_day(text: str) -> bool:
    """Every day word relative to "now" (:data:`_SPEAKERS_DAY`) in the sentence sits inside a quotation
    (:func:`extract.build.quote_spans`; one left open runs to the sentence's end)."""
    days = [m.start() for m in _SPEAKERS_DAY.finditer(text)]
    if not days:
        return False
    spans = quote_spans(text, open_tail=True)
    return all(any(lo < d < hi for lo, hi in spans) for d in days)


def date_guessed(ev: Event) -> bool:
    """The report's date was guessed (from the publication day or the narrative's last date), not
    stated by its own sentence (``date_method`` ``sentence:*``), or the sentence's date is the page's
    dateline (:data:`DATELINE`: "43 killed in army shelling AFP Sunday 3 Jul 2016 Fierce shelling ..." is
    dated by its publication day, which may be the day after), or the sentence's only day is that of a saying about
    the happening (``date:saying``: "the toll has risen to 61, a monitor said on Tuesday" -- the day of the report,
    which bounds the happening from above as a publication day does), or the sentence's day is told relative to
    a quoted speaker's "today" (:func:`_quoted_relative_day`). A report with no recorded method (built by hand, or
    stored before methods were kept) is taken at its word."""
    if ev.date is None or ev.date_method is None:
        return False
    return not ev.date_method.startswith("sentence:") or "date:saying" in ev.notes or (
        ev.date_method == "sentence:explicit" and DATELINE.match(ev.evidence.text) is not None) or (
        ev.date_method == "sentence:relative-to-publication" and _quoted_relative_day(ev.evidence.text))


def _distance(a: Profile, b: Profile) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def same_spot(a: Profile, b: Profile) -> bool:
    """Both placed at one town (the same place id, or within 10 km; an area holding the town)."""
    if a.place_level != "point" or b.place_level != "point":
        return False
    if a.place_id is not None and a.place_id == b.place_id:
        return True
    d = _distance(a, b)
    if a.area or b.area:
        # a town inside a district-level area ("Palmyra" in "the Palmyra desert")
        return (a.admin2 is not None and a.admin2 == b.admin2) or (d is not None and d <= 30.0)
    return d is not None and d <= 10.0


def _place_named(ev: Event) -> bool:
    """Does the report's sentence name its place? Not when the place was carried over from the page ("a market in
    the town", "the raids killed 12 people" after a sentence naming the town)."""
    loc = ev.location
    if loc is None:
        return True
    return bool(loc.mention) and (loc.mention or "").casefold() in ev.evidence.text.casefold()


def other_quarters(a: Profile, b: Profile, shared: frozenset[str]) -> bool:
    """Two reports of one province whose sentences each name quarters of a town, none in common ("rocket shells
    on al-Hamadaniye neighborhood", "rocket shells on Salah-Eddin neighborhood"): two attacks on one city, unless
    both name one distinctive happening."""
    if shared or a.admin1 is None or a.admin1 != b.admin1 or same_town_toll(a, b):
        return False
    town = frozenset(skeleton_key(a.admin1).split())  # "the old quarter of Aleppo" names the city, not a quarter
    qa, qb = a.quarters - town, b.quarters - town
    return bool(qa) and bool(qb) and qa.isdisjoint(qb)


def told_elsewhere(p: Profile, q: Profile) -> bool:
    """``p``'s sentence names a place in another province than ``q``'s, further than ``SIGNATURE_KM`` from it,
    even where it names that place only as the doer's seat ("terrorists positioned in the Eastern Ghouta fired
    mortar shells", told on a page about shelling in Homs province): nothing links the two places."""
    if p.told_admin1 is None or q.admin1 is None or p.told_admin1 == q.admin1:
        return False
    if p.told_at is None or q.lat is None or q.lon is None:
        return True
    return haversine_km(p.told_at[0], p.told_at[1], q.lat, q.lon) > SIGNATURE_KM


def other_town(a: Profile, b: Profile) -> bool:
    """Two named towns (not areas) further apart than ``NEIGHBOUR_TOWNS_KM``: on one page, two raids."""
    if a.place_level != "point" or b.place_level != "point" or a.area or b.area or a.place_id == b.place_id:
        return False
    d = _distance(a, b)
    return d is not None and d > NEIGHBOUR_TOWNS_KM


def corroborates(a: Profile, b: Profile) -> bool:
    """The same specific toll, the same named perpetrator and the same spot: strong evidence of identity.
    A capital city is not a spot: Aleppo sees rocket attacks killing nine on many days."""
    return (
        a.fatalities is not None
        and a.fatalities > 0
        and a.fatalities == b.fatalities
        and a.actor1 is not None
        and a.actor1 == b.actor1
        and a.actor1 in a.named
        and not (a.city or b.city)
        and same_spot(a, b)
    )


def same_document_repeat(a: Profile, b: Profile) -> bool:
    """Two reports from one document are one incident only when the document plainly repeats itself:
    the same type and sub type, no two different named perpetrators, and the same death toll, or the
    same spot told in similar words (a city-level place alone does not tell two raids apart) or by a
    sentence that states no day of its own and no other toll."""
    if a.event_type != b.event_type:
        return False
    if a.sub_event_type and b.sub_event_type and a.sub_event_type != b.sub_event_type:
        return False
    if a.actor1 and b.actor1 and a.actor1 != b.actor1:
        return False
    same_toll = a.fatalities is not None and a.fatalities > 0 and a.fatalities == b.fatalities
    # a sentence stating no day of its own about the same kind of strike or bombing at the same town (not a
    # city, where a page tells many raids) says more about the happening the page dates ("Russia bombed a
    # market in the town"); fighting goes on from day to day, so clashes are not told again this way
    told_again = (a.date_guess != b.date_guess and a.event_type == "Explosions/Remote violence"
                  and not (a.city or b.city) and (a.fatalities is None or b.fatalities is None))
    # a toll told again in other terms ("more than 50 killed on Thursday", then "the attack killed 15 civilians
    # and 27 fighters") by a sentence stating no day of its own, for the same place (not a city)
    recounted = (a.date_guess != b.date_guess and not (a.city or b.city) and a.place_id is not None
                 and a.place_id == b.place_id and _figure_score(a, b) == REVISED)
    if a.another or b.another:
        # "another shell in Harasta", "a second car bomb": one more act, unless both sentences state the same toll
        return same_toll and a.toll_told and b.toll_told
    # told again by a sentence that states neither a day nor a place of its own ("40 civilians were killed when jets
    # fired missiles on a market in the town"): it takes both from its page, so its carried place, wherever the
    # extraction put it in the province, is no second town
    unplaced = told_again and places_agree(a, b) and any(
        x.date_guess and not x.place_named and y.place_named for x, y in ((a, b), (b, a)))
    return same_toll or recounted or unplaced or (same_spot(a, b) and (told_again or dice(a.tokens, b.tokens) >= 0.3))


def _place_score(a: Profile, b: Profile) -> float:
    if a.place_level == "none" and b.place_level == "none":
        return 0.3
    if same_spot(a, b):
        return 1.0
    d = _distance(a, b)
    if a.place_level == "point" and b.place_level == "point" and d is not None:
        return max(0.0, 0.8 - d / 60.0)
    if a.place_level == b.place_level == "country":
        return 0.3
    if (a.admin1 and a.admin1 == b.admin1) or places_agree(a, b):
        return 0.5  # the same area told at two precisions (a town and its province or country)
    return 0.2


def _date_score(a: Profile, b: Profile) -> float:
    if a.interval is None or b.interval is None:
        return 0.2
    gap = interval_gap(a.interval, b.interval)
    # one weekday told against two publication days a week apart; a later count told on a later day (toll_risen)
    if gap == 0 or week_shifted(a, b) or toll_risen(a, b):
        if gap or (a.interval == b.interval and a.interval[0] == a.interval[1]):
            return 1.0
        return 0.7  # compatible within the stated precision
    return 0.6 * max(0.0, 1.0 - gap / (CORROBORATED_GAP_DAYS + 1))


def _type_score(a: Profile, b: Profile) -> float:
    if a.sub_event_type and a.sub_event_type == b.sub_event_type and not (a.kind_referenced or b.kind_referenced):
        return 1.0  # (a sub type taken from a happening the sentence only refers to says nothing of its own)
    if any(_unnamed_attack(x) and y.event_type == "Explosions/Remote violence" for x, y in ((a, b), (b, a))):
        return 0.35  # "a double terrorist attack killed 18": an attack that names no weapon may be the bombing
    if a.event_type == b.event_type:
        # a sub type its sentence does not support ("a bomb blast" typed as an air strike) neither agrees nor differs
        return 0.7 if typing_slip(a, b) else 0.35
    return 0.0


def _unnamed_attack(p: Profile) -> bool:
    """A report typed only as an attack on people whose sentence names no weapon nor how it was delivered."""
    return p.sub_event_type == "Attack" and not p.delivery and not p.armed


@lru_cache(maxsize=1 << 16)
def _armed(text: str) -> bool:
    return _CLOSE_RANGE.search(text) is not None


# weapons of an attack at close range: a shooting, a stabbing, an execution is no bombing
_CLOSE_RANGE = re.compile(
    r"\b(?:guns?|gunm[ae]n|gunfire|gunshots?|shot|shoot\w*|opened fire|fired on|snipers?|rifles?|stabb\w*|knives|knife|"
    r"execut\w*|behead\w*|slit|hanged|tortur\w*)\b", re.IGNORECASE)


def _actor_score(a: Profile, b: Profile) -> float:
    if not a.actors or not b.actors:
        return 0.4
    inter = len(a.actors & b.actors)
    if inter == 0:
        return 0.0
    score = inter / len(a.actors | b.actors)
    if a.actor1 and a.actor1 == b.actor1:
        score = max(score, 0.8)
    return min(1.0, score + 0.2)


REVISED = 0.5  # the figure score of two large tolls of one happening told at two times or in two ways


def _figure_score(a: Profile, b: Profile) -> float:
    fa, fb = a.fatalities, b.fatalities
    if fa is None or fb is None:
        return 0.4
    if fa == fb:
        return 1.0 if fa > 0 else 0.6
    lo, hi = min(fa, fb), max(fa, fb)
    if lo >= 10 and lo / hi >= 0.5:
        return REVISED  # large tolls revised upwards between reports (58 -> 86 -> 100)
    return 0.0


def _vague(iv: tuple[int, int] | None) -> bool:
    return iv is None or iv[1] > iv[0]


def _shared_signatures(a: Profile, b: Profile) -> frozenset[str]:
    """The distinctive kinds two reports share, where a kind can tell one happening from another.

    A common kind (a school, a market) counts where both reports are dated to the day ("a school strike
    in August" could be any of several) and placed in a province or better; a rare kind (a chemical
    attack) at any place precision and with dates as vague as a month, but only when both count its
    victims, or both sentences state days at most one apart (a later article's statement dated by its
    publication day tells no day of the happening), or one is dated only to its week or month, the
    other's sentence states its day and both are placed in a province or better (it joins the one such
    happening it matches; two guesses never meet through a vague report), or both are dated to days at most
    one apart and either one page names the kind twice (its own sentences, guesses included, tell one
    happening) or one is a page's publication day the day after the other's stated day — reports of
    the happening itself, not a statement about chemical weapons, a denial or a later raid on "the
    town of the chemical attack".
    """
    shared = a.signatures & b.signatures
    if not shared or a.interval is None or b.interval is None:
        return frozenset()
    days = not (_vague(a.interval) or _vague(b.interval))
    located = not ({a.place_level, b.place_level} & {"none", "country"})
    # a rare kind named by both sentences: reports that count its victims, or reports of days at most
    # one apart (not a statement about chemical weapons a week later, nor a raid on "the town of the attack")
    gap = interval_gap(a.interval, b.interval)
    rare_ok = (_within_month(a, b) or _year_of_stated_day(a, b)) and (
        bool(a.fatalities and b.fatalities)
        or (a.stated_day and b.stated_day and gap <= 1)
        or (not days and located and (a.stated_day or b.stated_day))
        # one page naming the kind twice on days at most one apart (its own guesses included) tells one
        # happening; a page told the day after a stated day reports the happening of that day
        or (days and gap <= 1 and (a.doc_id == b.doc_id or published_after(a, b) or published_after(b, a))))
    # a common kind: both dated to the day, or, between two documents, one dated only to its week or
    # month whose sentence names the kind at the same spot as the other's on a stated day, with the same
    # type ("the convoy struck last month in Urum al-Kubra" and "warplanes bombed the convoy on Monday";
    # the clustering leaves it out when two such happenings of the month match it)
    one_vague = (a.doc_id != b.doc_id and _within_month(a, b) and _vague(a.interval) != _vague(b.interval)
                 and a.event_type == b.event_type and (a.stated_day or b.stated_day) and same_spot(a, b))
    return frozenset(s for s in shared if (rare_ok if is_rare(s) else located and (days or one_vague)))


def _same_day(a: Profile, b: Profile, shared: frozenset[str]) -> bool:
    """Two reports of one distinctive kind (a suicide bombing, a wedding, a market) on one day: in a
    city that sees many attacks a day, few are of the same kind (their tolls may still differ), and one
    document telling two such reports of one day tells one happening. A night ("on Thursday night",
    "overnight") may be dated to either of its days. A rare kind only one of them names is another
    happening."""
    if not shared or _vague(a.interval) or _vague(b.interval) or a.interval is None or b.interval is None:
        return False
    if a.doc_id == b.doc_id and (a.another or b.another):
        return False  # the page tells one more act of the kind ("another shell ... landed near a school")
    if any(is_rare(s) for s in a.signatures ^ b.signatures):
        return False  # "the air base was the launch pad for the chemical attack" is not the strike on it
    return interval_gap(a.interval, b.interval) <= (1 if a.night or b.night else 0)


def _in_its_province(a: Profile, b: Profile) -> bool:
    """One report placed only in the province that holds the other's town, both of one sub type."""
    return (a.sub_event_type is not None and a.sub_event_type == b.sub_event_type
            and {a.place_level, b.place_level} == {"admin1", "point"} and a.admin1 is not None and a.admin1 == b.admin1)


def _within_month(a: Profile, b: Profile) -> bool:
    """Both dated to a month or better (a rare happening "in August 2013" is the one of that month
    when nothing else of its kind is near: the clustering leaves a vague report out when two match)."""
    return all(p.interval is not None and p.interval[1] - p.interval[0] < 31 for p in (a, b))


def _year_of_stated_day(a: Profile, b: Profile) -> bool:
    """One report dated only to a year ("that attack" told after "sarin was used in Eastern Ghouta in 2013"), the
    other's sentence stating a day of that year: a later article going back to a rare happening names its year,
    seldom its day. The clustering leaves such a report out when two happenings of its kind that year match it.
    The year's report must tell the happening's dead ("the gas attack that killed hundreds") or name it as one
    attack ("joined the convention after a chemical weapon attack in East Ghouta"): a bare charge that a side used
    a weapon somewhere in a year ("rebels had used chemical weapons in Aleppo last year") may mean any of its uses
    that year, not the one this corpus happens to hold."""
    return any(x.precision == "year" and x.tells_one and y.stated_day and x.interval is not None
               and y.interval is not None and interval_gap(x.interval, y.interval) == 0 for x, y in ((a, b), (b, a)))


def date_window(a: Profile, b: Profile, shared: frozenset[str]) -> int:
    """How many days apart two day-dated reports of one happening may be.

    Both days stated by their own sentences: the same day, or one day when the happening straddles
    midnight (a sentence says "overnight", "late on Thursday") or is rare enough (a chemical attack,
    a downed aircraft) that time zones explain the rest. One day only guessed from the publication
    date or the narrative: ``GUESS_GAP_DAYS`` (a report of a rare happening ``SIGNATURE_GAP_DAYS``):
    a guess is not evidence against a stated day.
    """
    if a.stated_day and b.stated_day:
        if week_shifted(a, b) and same_town_toll(a, b):
            return WEEK
        return 1 if a.night or b.night or any(is_rare(s) for s in shared) or same_town_toll(a, b) else 0
    if any(is_rare(s) for s in shared):
        return SIGNATURE_GAP_DAYS
    if (published_after(a, b) or published_after(b, a)) and not (a.city or b.city):
        # a publication day bounds the happening from above; in a capital city that sees attacks with like tolls
        # on many days, a page of Saturday is no report of Wednesday's raid
        return SIGNATURE_GAP_DAYS
    return GUESS_GAP_DAYS


LARGE_TOLL = 10  # a death toll this large, told for one town on days a day apart, is one happening's
WEEK = 7


def week_shifted(a: Profile, b: Profile) -> bool:
    """Two reports of one town (not a capital city) each dated by a weekday name counted back from its page's
    publication day ("on Wednesday"), exactly a week apart, whose tolls do not disagree: a page whose
    publication day is a week off puts "on Wednesday" on the Wednesday before. Such days are no evidence of
    two happenings (no cannot-link); one large toll for the town (:func:`same_town_toll`) makes them one."""
    return (a.weekday and b.weekday and a.interval is not None and b.interval is not None
            and interval_gap(a.interval, b.interval) == WEEK and not (a.city or b.city) and same_spot(a, b)
            and _figure_score(a, b) > 0)


def same_town_toll(a: Profile, b: Profile) -> bool:
    """One large death toll for one town (not a capital city, where many attacks happen a day): a later
    report ("the monitor on Tuesday raised the toll to 61") may date it by the day it was told."""
    return (a.fatalities is not None and a.fatalities >= LARGE_TOLL and a.fatalities == b.fatalities
            and not (a.city or b.city) and same_spot(a, b))


def toll_risen(a: Profile, b: Profile) -> bool:
    """One report's day only bounds the happening from above (its publication day, the day a monitor spoke: "the
    toll from the strikes on Al Quriyah has risen to 82, the Observatory said on Sunday") and falls after the
    other's stated day ("strikes killed 47 on Saturday"), and its toll is the larger of two large tolls of one
    order (:data:`REVISED`): a later count of the same dead, which rises as bodies are found, not a second
    happening. A smaller later toll is no such count."""
    return any(published_after(x, y) and x.fatalities is not None and y.fatalities is not None
               and x.fatalities > y.fatalities and _figure_score(x, y) == REVISED for x, y in ((a, b), (b, a)))


def published_after(a: Profile, b: Profile) -> bool:
    """``a``'s day is only its publication day and falls after ``b``'s stated day: a publication day
    bounds the happening from above (news of a Tuesday raid may come out on Friday)."""
    return (a.date_guess and b.stated_day and a.interval is not None and b.interval is not None
            and a.interval[0] > b.interval[1])


def towns_km(a: Profile, b: Profile, shared: frozenset[str]) -> float:
    """How far apart two point places may be and still be one happening's: ``DIFFERENT_TOWNS_KM``, or
    ``SIGNATURE_KM`` when the two name one distinctive happening and it is rare or one of them is
    placed only at a provincial or national capital (an air base "near the city of Homs")."""
    if shared and (a.city or b.city or any(is_rare(s) for s in shared)):
        return SIGNATURE_KM
    return DIFFERENT_TOWNS_KM


def gate(a: Profile, b: Profile) -> bool:
    """False when the two reports cannot be one incident, whatever else agrees."""
    return gate_reason(a, b) is None


def gate_reason(a: Profile, b: Profile) -> str | None:
    """Why two reports cannot be one incident (the first gate that closes), or None when they may be."""
    if a.family != b.family:
        return "different type families"
    if (a.interval is None) != (b.interval is None):
        return "an undated report is compared only with other undated ones"
    if a.tally or b.tally:
        return "a tally over a period is not one happening"
    text = dice(a.tokens, b.tokens)
    shared = len(a.named & b.named)
    same_toll = a.fatalities is not None and a.fatalities == b.fatalities
    sig = _shared_signatures(a, b)
    rare = any(is_rare(x) for x in sig)
    if sig and not places_agree(a, b):
        return "the places of two distinctive reports disagree"
    if a.place_level == b.place_level == "point" and not (a.area or b.area):
        d = _distance(a, b)
        if d is not None and d > towns_km(a, b, sig) and a.place_id != b.place_id:
            return "two named towns this far apart are two places"
        if (d is not None and d > NEIGHBOUR_TOWNS_KM and a.place_id != b.place_id and not same_toll
                and text < 0.9 and towns_km(a, b, sig) == DIFFERENT_TOWNS_KM):
            return "neighbouring towns on one day: two raids unless the reports agree"
    if a.interval is not None and b.interval is not None:
        gap = interval_gap(a.interval, b.interval)
        if a.doc_id == b.doc_id and gap > (1 if a.night or b.night else 0) and not (a.date_guess or b.date_guess):
            # a night ("late on Thursday", "overnight") is told by either of its days: "late Thursday" in
            # Washington is early Friday where the missiles struck
            return "one document stating two different dates describes two happenings"
        if gap > date_window(a, b, sig) and not (gap <= CORROBORATED_GAP_DAYS and corroborates(a, b)):
            return "dates too far apart for what the reports share"
        if gap > 0 and not same_toll and text < 0.5 and not sig and not toll_risen(a, b):
            return "days apart, different tolls, different words: nothing says it is one happening"
    if (_vague(a.interval) or _vague(b.interval)) and not sig:
        # a week, a month or no date: a located report that agrees on the type and on the toll or the wording
        if a.interval is None and not (same_spot(a, b) and same_toll and text >= 0.5):
            return "undated reports must agree on the spot, the toll and the words"
        if a.event_type != b.event_type or {a.place_level, b.place_level} & {"none", "country"}:
            return "a vaguely dated report needs the same type and a province or better"
        if not (same_toll or text >= 0.45) or not (shared or text >= 0.5):
            return "a vaguely dated report needs the same toll or wording"
    if a.doc_id == b.doc_id and not (same_document_repeat(a, b) or (rare and not (a.another or b.another))
                                     or _same_day(a, b, sig)):
        return "one document tells two happenings unless it repeats itself"
    if rare:
        return None  # a rare happening in agreeing places and dates: tolls and types may differ
    if a.fatalities is not None and b.fatalities is not None and a.fatalities != b.fatalities and not sig:
        lo, hi = sorted((a.fatalities, b.fatalities))
        if not (lo >= 10 and lo / hi >= 0.5) and text < 0.4:
            return "different small tolls: two incidents unless the wording says otherwise"
    if ((a.city or b.city) and a.doc_id != b.doc_id and text < CITY_TEXT and not _same_day(a, b, sig)
            and (not same_toll or _vague(a.interval) or _vague(b.interval))):
        return "a city sees many attacks a day: the toll (of a report of that day) or the wording must agree"
    if a.doc_id != b.doc_id and text < MIN_TEXT and not (_same_day(a, b, sig)
                                                          and (same_spot(a, b) or _in_its_province(a, b))):
        # one distinctive kind (an aid convoy, a school) on one day at one spot (or in the province that holds
        # the other's town, told in one sub type) is what they share
        return "two reports of one incident share some content words"
    if a.place_level == "country" and b.place_level == "country" and text < 0.4 and not same_toll:
        return "'in Syria' says nothing about where: the wording or the toll must agree"
    levels = {a.place_level, b.place_level}
    if "country" in levels and levels & {"point", "admin1"} and not same_toll and text < 0.5:
        return "a nationwide report and one town's: one only if the toll or the wording agrees"
    if (a.family == "violent" and a.event_type == b.event_type == "Explosions/Remote violence"
            and a.sub_event_type and b.sub_event_type and a.sub_event_type != b.sub_event_type
            and not corroborates(a, b) and text < 0.5 and not sig and not typing_slip(a, b)):
        return "an air strike and a shelling the same day: two attacks unless the reports corroborate"
    if a.place_level == "none" or b.place_level == "none":
        if a.place_level != b.place_level or not shared:
            return "place-less reports need a shared named actor"
        if a.family != "diplomacy" and (a.event_type != b.event_type or text < 0.4):
            return "place-less reports need the same type and wording"
    if a.family == "diplomacy" and (not shared or shared < min(2, len(a.actors), len(b.actors))):
        return "a meeting or call is identified by who took part"
    if two_speakers(a, b):
        return "two accusations or statements by two parties are two acts"
    if one_act_each(a, b, sig):
        return "doers of opposed sides: one act by each side"
    if other_quarters(a, b, sig):
        return "two quarters of one town, none in common: two attacks"
    return None


def conflict(a: Profile, b: Profile) -> bool:
    """Two reports that cannot sit in one incident even through others (cannot-link): two different
    countries, places that cannot be one (:func:`blocking.places_agree`: two provinces that are not
    neighbours), two towns further apart than :func:`towns_km`, or two days each stated by its own
    report and further apart than :func:`date_window` allows (unless the two corroborate each other)."""
    if (a.country and b.country and a.country != b.country) or not places_agree(a, b):
        return True
    shared = _shared_signatures(a, b)
    if a.place_level == b.place_level == "point" and not (a.area or b.area) and a.place_id != b.place_id:
        d = _distance(a, b)
        if d is not None and d > towns_km(a, b, shared):
            return True
    if one_act_each(a, b, shared) or other_quarters(a, b, shared) or two_speakers(a, b):
        return True  # one act by each side, two quarters of a town, two parties speaking: never one incident
    if a.stated_day and b.stated_day and a.interval is not None and b.interval is not None:
        gap = interval_gap(a.interval, b.interval)
        return gap > max(1, date_window(a, b, shared)) and not corroborates(a, b) and not week_shifted(a, b)
    return False


ONE_SIDED_VIOLENCE = frozenset({"Explosions/Remote violence", "Violence against civilians"})


def one_act_each(a: Profile, b: Profile, shared: frozenset[str]) -> bool:
    """Two reports of one-sided violence (a strike, a shelling, an attack on civilians; not a battle, which each
    side's report tells with itself as the doer) whose sentences name doers of opposed camps (:mod:`camps`), and
    no distinctive happening both name (where each side blaming the other is the contradiction to show)."""
    return (a.event_type in ONE_SIDED_VIOLENCE and b.event_type in ONE_SIDED_VIOLENCE and not shared
            and opposed(a.camp, b.camp))


# Diplomacy acts that one party makes on its own (an accusation, a threat, a statement): identified by who made it
ONE_SIDED = frozenset({"threaten", "accuse/condemn", "sanction", "request", "statement"})


def two_speakers(a: Profile, b: Profile) -> bool:
    """Two one-sided Diplomacy acts (:data:`ONE_SIDED`) whose makers are two different named parties: "the
    opposition accused the army of the attack" and "the United States accused the regime" are two accusations,
    however alike their words. A meeting or an agreement (two parties, told from either side) is not one."""
    return (a.family == b.family == "diplomacy" and a.sub_event_type in ONE_SIDED and b.sub_event_type in ONE_SIDED
            and a.actor1 is not None and b.actor1 is not None and a.actor1 != b.actor1)


def one_page_tells_one(a: Profile, b: Profile) -> bool:
    """Two reports of one page where nothing keeps them apart (:func:`gate`) that the page tells as one
    happening, however differently it types, counts or words it: both name one distinctive kind (an air base, a
    chemical attack: "the missile strike on the air base killed four children", "59 cruise missiles hit the
    airfield late Thursday"), or the page plainly repeats itself (:func:`same_document_repeat`: "a twin bombing
    struck the town on Wednesday killing 44", then "a truck loaded with explosives blew up on the edge of the
    town" in a sentence with no day or toll of its own). Such a pair may sit in one incident through other
    pages' reports even when its own score falls short of the threshold."""
    return (a.doc_id == b.doc_id and not (a.another or b.another)
            and bool(_shared_signatures(a, b) or same_document_repeat(a, b)) and gate(a, b))


def match_score(a: Profile, b: Profile) -> float:
    """0 when gated out, else the weighted agreement in [0, 1]."""
    if not gate(a, b):
        return 0.0
    sig = bool(_shared_signatures(a, b))
    # reports of one distinctive happening may name its type and toll differently: that is a
    # contradiction to show, not a reason to split, so neither counts against the pair
    score = (
        WEIGHTS["text"] * dice(a.tokens, b.tokens)
        + WEIGHTS["date"] * _date_score(a, b)
        + WEIGHTS["place"] * _place_score(a, b)
        + WEIGHTS["type"] * (max(_type_score(a, b), 0.5) if sig else _type_score(a, b))
        + WEIGHTS["actors"] * _actor_score(a, b)
        + WEIGHTS["figures"] * (max(_figure_score(a, b), 0.4) if sig else _figure_score(a, b))
    )
    if corroborates(a, b):
        score += CORROBORATION_BONUS
    if sig:
        score += SIGNATURE_BONUS
    return round(min(score, 1.0), 4)
