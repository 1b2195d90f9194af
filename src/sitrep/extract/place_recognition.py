"""Recognising place mentions in a text (``_collect``): NER entities, datelines, names after settlement
words, theatre names, repeats, county lists, possessives and party affiliations."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from sitrep.geo.gazetteer import ARABIC_ARTICLE, CORE, THEATRE, Entry, Gazetteer, load_gazetteer
from sitrep.records import Place

from .place_scoring import _ADMIN1_QUALS, _AFTER, _BEFORE, _COMPASS_ADJECTIVES, _CONTAINER, _LABELS, _candidates
from .spans import Spans


# ---------------------------------------------------------------------------------------- finding
@dataclass
class _Mention:
    start: int
    end: int
    text: str
    label: str
    qual: str | None = None
    demonym: str | None = None  # ISO2
    cands: list[tuple[Entry, str]] = field(default_factory=list)
    best: Entry | None = None
    margin: float = 0.0
    container: _Mention | None = None
    place: Place | None = None
    weak: bool = False  # found by a settlement phrase only ("the village of X"), not by NER
    bracketed: bool = False  # the container of the mention before it: "X village (District, Region)"
    bracket: bool = False  # its container comes from such brackets


# a settlement said to lie in the name: "a village in Syrian Hama", "two towns in Idlib" -- the name is the area
# that holds it (the province), not the city of that name
_SETTLEMENT_IN = re.compile(r"\b(?:villages?|towns?|hamlets?)\s+in\s+(?:the\s+)?(?:[\w'-]+\s+)?$", re.IGNORECASE)


# "near | the city of X", "outside | the town of X": the settlement named, as the place near which it happened
_NEAR_SETTLEMENT = re.compile(r"\b(?:near|close\s+to|around|outside|outskirts\s+of|vicinity\s+of)\s+(?:the\s+)?$",
                              re.IGNORECASE)


def _qualifier(text: str, start: int, end: int) -> str | None:
    after = _AFTER.match(text[end:end + 40])
    window = text[max(0, start - 60):start]
    before = _BEFORE.search(window)
    qa = after.group("q").lower() if after else None
    qb = " ".join(before.group("q").lower().split()) if before else None
    if before is not None and qb in ("city of", "town of", "village of") \
            and _NEAR_SETTLEMENT.search(window, 0, before.start()):
        qb = f"near {qb}"
    if qa in ("province", "governorate", "state", "region") or qb in _ADMIN1_QUALS:
        return "province" if qa != "state" else "state"  # "Hiraan region", "Bay region": the first-level area
    if qa is None and qb is None and _SETTLEMENT_IN.search(text, max(0, start - 40), start):
        return "province"
    if qb and re.search(r"(?:kilomet|km|mile)", qb):
        return "near"
    if qb and re.match(r"(?:north|south|east|west)", qb):
        return "countryside of"
    return qa or qb


def _abbreviation_after(gaz: Gazetteer, text: str, end: int) -> tuple[str, int, int] | None:
    """A US state abbreviation right after "Town, " ("Gainesville, Ga.") -> (admin1 code, start, end)."""
    m = re.match(r",\s*((?:[A-Z][a-z]{0,4}\.)(?:\s?[A-Z][a-z]?\.)?|[A-Z]{2})(?=\W|$)", text[end:end + 12])
    if not m:
        return None
    code = gaz.abbreviations.get(m.group(1))
    if not code:
        return None
    return code, end + m.start(1), end + m.end(1)


_DATELINE = re.compile(r"(?:^|\n|[.!?:]\s+|\d{4}\s+)([A-Z][A-Z.'\- ]{2,30}?)"
                       r"(?=\s*(?:,\s*[A-Z][A-Za-z. ]{1,20})?\s*(?:\(|—|–|--|-\s|:\s|\x97))")


# words a caption or a teaser opens with in capitals ("FILE - ...", "WATCH: ...", "PHOTO: ..."), never a dateline
_CAPTION_LABELS = frozenset({"FILE", "FILES", "PHOTO", "PHOTOS", "VIDEO", "WATCH", "UPDATE", "UPDATED", "BREAKING",
                             "EXCLUSIVE", "LISTEN", "READ", "ANALYSIS", "OPINION", "EDITORIAL", "CORRECTION", "LIVE",
                             "AUDIO"})


def _dateline(text: str, gaz: Gazetteer, found: Sequence[_Mention]) -> list[_Mention]:
    """Upper-case datelines ("BEIRUT (AP) —", "COLUMBUS, Ohio —") that NER does not see as places."""
    out: list[_Mention] = []
    for m in _DATELINE.finditer(text[:2000]):
        s, e = m.start(1), m.end(1)
        if sum(c.isalpha() for c in m.group(1)) < 3:
            continue
        if any(x.start < e and s < x.end for x in found):
            continue
        name = m.group(1).strip()
        if name in _CAPTION_LABELS:
            continue  # "FILE - Police stand guard ...": a caption's label, not a dateline
        cands = gaz.lookup(name.title(), loose=False)
        if cands:
            out.append(_Mention(s, s + len(name), text[s:s + len(name)], "GPE", cands=cands))
    return out


_DATELINE_AFTER = re.compile(r"\s*(?:,\s*[A-Z][A-Za-z. ]{1,20})?\s*(?:\(|—|–|--|-\s|:\s|\x97)")
_HOST_LABELS = frozenset({"ORG", "FAC", "EVENT"})
_OPERATION = re.compile(r"\bOperation\s+$")
_OPERATION_AFTER = re.compile(r"^\s+(?:operation|Operation|offensive)\b")
_DIRECTION_WORDS = frozenset({"North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest",
                              "Central", "Northern", "Southern", "Eastern", "Western", "Greater", "Metro"})


@lru_cache(maxsize=1)
def _institution_words() -> frozenset[str]:
    path = load_gazetteer().data_dir / "institution_words.txt"
    return frozenset(x.strip() for x in path.read_text(encoding="utf-8").splitlines()
                     if x.strip() and not x.startswith("#"))


def _place_inside(gaz: Gazetteer, ent: Span, text: str) -> _Mention | None:
    """The place an institution is named after: "the Richmond Police Department" -> Richmond,
    "Kentucky National Guard" -> Kentucky, "the Russian Museum" -> Russian (a demonym).

    ``text`` is the document's text (``ent.doc.text`` would rebuild it from every token: quadratic
    over a long document)."""
    toks = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    if not toks:
        return None
    if toks[0].text in gaz.country_abbreviations:  # "U.S. Census", "EU": the country or union itself
        t0 = toks[0]
        return _Mention(t0.idx, t0.idx + len(t0), t0.text, "GPE")
    code = _state_code(gaz, toks[0].text) if "." in toks[0].text and len(toks) > 1 else None
    if code in gaz.admin1:  # "the S.C. Highway Patrol", "N.J. Transit": the state
        t0 = toks[0]
        return _Mention(t0.idx, t0.idx + len(t0), t0.text, "GPE", cands=[(gaz.admin1[code], "name")])
    if len(toks) > 1:  # "Syrian troops", "Iraqi forces": the demonym
        iso = gaz.demonym_country(toks[0].text)
        if iso:
            return _Mention(toks[0].idx, toks[0].idx + len(toks[0]), toks[0].text, "NORP", demonym=iso)
    if toks[0].text in _DIRECTION_WORDS and len(toks) > 2:  # "Northeast Texas Community College"
        toks = toks[1:]
    for n in (2, 1):  # a state or country opening the name: "Texas Parks & Wildlife Department"
        if len(toks) > n and toks[n].text in ("County", "Parish"):
            continue  # "Douglas County Hospital": the county below, not a state or country named Douglas
        if len(toks) > n and all(t.is_title for t in toks[:n]):
            s, e = toks[0].idx, toks[n - 1].idx + len(toks[n - 1])
            cands = [(c, how) for c, how in gaz.lookup(text[s:e], loose=False)
                     if how == "name" and c.kind in ("admin1", "country")]
            if cands:
                return _Mention(s, e, text[s:e], "GPE", cands=cands)
    words = _institution_words()
    for n in (3, 2, 1):
        if len(toks) <= n or toks[n].text not in words:
            continue
        head = toks[:n + 1] if toks[n].text in ("County", "Parish") else toks[:n]  # "Laurel County Court"
        if head[0].text in words or not all(t.is_title or t.is_upper for t in head):
            continue
        s, e = head[0].idx, head[-1].idx + len(head[-1])
        name = text[s:e]
        iso = gaz.demonym_country(name)
        if iso:
            return _Mention(s, e, name, "NORP", demonym=iso)
        cands = [(c, how) for c, how in gaz.lookup(name, loose=False) if how == "name"]
        if cands:
            return _Mention(s, e, name, "GPE", cands=cands)
    return None


_SETTLEMENT = (r"(?:village|town|city|area|neighbou?rhood|district|subdistrict|countryside|outskirts|vicinity|camp|"
               r"township|suburb|countryside)")
_NAME = r"((?:al-|el-|ad-|ar-|as-|ash-|az-)?[A-Z][\w'’]*(?:[ -](?:(?:al|el|ad|ar|as|ash|az)-)?[A-Z][\w'’]*){0,3})"
_SETTLEMENT_OF = re.compile(r"\b" + _SETTLEMENT + r" of (?:the )?" + _NAME)
_NAME_SETTLEMENT = re.compile(_NAME + r" " + _SETTLEMENT + r"\b")
# "the towns of Al Bab and Kafr Hamra", "the villages of X, Y and Z": every name of the list is a settlement
_SETTLEMENTS_OF = re.compile(r"\b(?:villages|towns|cities|areas|neighbou?rhoods|districts|subdistricts|camps|suburbs)"
                             r" of (?:the )?(" + _NAME[1:-1] + r"(?:(?:, (?:and )?| and )" + _NAME[1:-1] + r")+)")
_LIST_MEMBER = re.compile(r"(?:^|, (?:and )?| and |,? as well as )" + _NAME)
# "shells fell on al-Foaa and Kafrya in Idleb countryside", "regained Tal Hamra as well as Zor Qsayaa in Hama
# countryside": names listed where an act happened, the area they lie in named right after the list
_LISTED_IN_AREA = re.compile(
    r"\b(?:on|in|at|near|targeted|targeting|shelled|struck|hit|bombed|raided|regained|seized|captured|"
    r"recaptured|entered|stormed)\s+(?:the\s+)?(" + _NAME[1:-1] + r"(?:(?:, (?:and )?| and |,? as well as )"
    + _NAME[1:-1] + r")+)\s+in\s+(?:the\s+)?(?:[a-z]+ern\s+)?(?:[A-Z][\w'’\-]+\s+){1,2}"
    r"(?:countryside|province|governorate|region)\b")


def _listed_settlements(text: str) -> Iterator[tuple[int, int, str]]:
    """The names of the lists of settlements in ``text`` (offsets and name)."""
    for rx in (_SETTLEMENTS_OF, _LISTED_IN_AREA):
        for m in rx.finditer(text):
            base = m.start(1)
            for n in _LIST_MEMBER.finditer(m.group(1)):
                yield base + n.start(1), base + n.end(1), n.group(1)


_ARTICLE = r"(?i:al|el|ash|esh|ad|ar|as|az|an|at|ez|es|ed)"  # the Arabic article as transliterated
_ARTICLE_NEXT = re.compile(r"^(?:[ -]" + _ARTICLE + r"-|[ -](?:al|el|Al|El) )[A-Z][\w'’]+")
_ARTICLE_LAST = re.compile(r"(?:^|\s)" + _ARTICLE + r"$")
_NEXT_WORD = re.compile(r"^ [A-Z][\w'’]+")


def _arabic_end(text: str, start: int, end: int) -> int:
    """The end of an Arabic place name NER cut short: "Tall" + " al-Dirrah", "Jisr" + " ash-Shugur",
    "Ma'arrat An" + " Nu'man"."""
    m = _ARTICLE_NEXT.match(text[end:end + 40])
    if m:
        return end + m.end()
    if _ARTICLE_LAST.search(text[start:end]):
        m = _NEXT_WORD.match(text[end:end + 30])
        if m:
            return end + m.end()
    return end


_ARTICLE_LED = re.compile(_ARTICLE + r"[- ]")
_NAME_BEFORE = re.compile(r"(?<![.!?] )\b[A-Z][\w'’]+ $")
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|on|at|near|of|from|towards?|into|around|between|shelled|struck|targeted|bombed|raided|hit|captured|"
    r"stormed|attacked|besieged|entered|seized|recaptured|regained|took|reached|and)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


_RUN_WORD = re.compile(r"(?:(?:al|el|ad|ar|as|ash|az)-)?[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*")


def _run_members(gaz: Gazetteer, text: str, a: int, b: int) -> list[_Mention]:
    """The places of a run of names listed with no commas, that NER read as one name the gazetteer does not
    know ("the towns of Kafranbel Ariha", "in Binnish Taftanaz"): split at the word where the last part (and
    the first, if it can be) is a settlement of the theatre by its own name, not a loose spelling. A first
    part the gazetteer does not know, of two words or more, stays a toponym of its own, unresolved ("Tal Minnis
    Sarmada"); a single unknown first word is a prefix of the name ("Al Bab"), and the run is left whole."""
    words = [(a + m.start(), a + m.end()) for m in _RUN_WORD.finditer(text[a:b])]
    if len(words) < 2 or text[a:b].count(" ") != len(words) - 1:
        return []

    def known(s: int, e: int) -> list[tuple[Entry, str]]:
        return [(x, how) for x, how in gaz.lookup(text[s:e], loose=False)
                if x.country in THEATRE and how == "name" and x.kind in ("place", "supplement")]

    for i in range(1, len(words)):  # the longest known last part first
        tail = known(words[i][0], b)
        head = known(a, words[i - 1][1])
        if not tail or (i == 1 and not head):  # "Al Bab", "Tal Rifaat": a prefix word is no name of its own
            continue
        end = words[i - 1][1]
        return [_Mention(a, end, text[a:end], "GPE", cands=head, weak=not head),
                _Mention(words[i][0], b, text[words[i][0]:b], "GPE", cands=tail)]
    return []


# what joins the last name of a list to the place before it, and what may follow that last name
_LIST_JOIN_BEFORE = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+|,?\s+as\s+well\s+as\s+)$")
_LIST_END_AFTER = re.compile(r"\s+(?:in|near|on|at|of)\s|\s*[.;]|\s*$|,\s+(?:in|near)\s")


def _listed_after(gaz: Gazetteer, text: str, a: int, b: int, found: Sequence[_Mention]) -> bool:
    """Is text[a:b] (a name the gazetteer does not know, NER read as a person or a group) the last member of a
    list of places of the theatre ("in Saraqeb, Khan Sheikhoun and Jabal al-Arbaeen in Idleb countryside", "the
    towns of Ariha as well as Kherbat Hajam.")? Then it is a place the text lists, though unresolved."""
    join = _LIST_JOIN_BEFORE.search(text, max(0, a - 20), a)
    if join is None or not _LIST_END_AFTER.match(text, b):
        return False
    return any(m.end == join.start() and any(e.country in THEATRE for e, _how in m.cands or _candidates(gaz, m.text))
               for m in found)


def _theatre_names(text: str, doc: Doc, gaz: Gazetteer, found: Sequence[_Mention]) -> list[_Mention]:
    """Syrian and Iraqi names NER mislabels ("Hamouriya" as a PERSON, "Kafr Laha" as a WORK_OF_ART) and
    names introduced as settlements ("the village of X", "X countryside"): places when the gazetteer
    knows them in the theatre, or, for a named settlement, an unresolved toponym (the area around it
    then locates it)."""
    taken = Spans((m.start, m.end) for m in found)
    out: list[_Mention] = []
    free = taken.free

    for ent in doc.ents:
        if _BARE_ARTICLE.fullmatch(ent.text):
            continue  # "Ar-" cut off "Ar-Rastan" by the tagger
        if ent.label_ in ("PERSON", "NORP", "WORK_OF_ART", "ORG", "PRODUCT") and free(ent.start_char, ent.end_char):
            a, b = ent.start_char, _arabic_end(text, ent.start_char, ent.end_char)
            name = text[a:b]
            # a loose transliteration ("Kafr Nobol" = Kafr Nabl) only where the sentence puts a place
            locative = bool(_LOCATIVE_BEFORE.search(text[max(0, a - 40):a]))
            cands = [(e, how) for e, how in gaz.lookup(name) if e.country in THEATRE
                     and (how != "loose" or (locative and e.country in CORE))]
            if cands and not gaz.demonym_country(name) and free(a, b):
                out.append(_Mention(a, b, name, "GPE", cands=cands))
                taken.add(a, b)
            elif not cands and free(a, b):
                members = _run_members(gaz, text, a, b) if locative else []
                for m in members:
                    out.append(m)
                    taken.add(m.start, m.end)
                if not members and _listed_after(gaz, text, a, b, found):
                    out.append(_Mention(a, b, name, "GPE", weak=True))
                    taken.add(a, b)
    named = [(*m.span(1), m.group(1)) for rx in (_SETTLEMENT_OF, _NAME_SETTLEMENT) for m in rx.finditer(text)]
    for a, b, name in [*named, *_listed_settlements(text)]:
        if not free(a, b) or name in _institution_words() or name in _COMPASS_ADJECTIVES:
            continue
        out.append(_Mention(a, b, name, "GPE", weak=True))
        taken.add(a, b)
    return out


def _repeats(text: str, doc: Doc, found: Sequence[_Mention]) -> list[_Mention]:
    """One sense per discourse: a name tagged as a place once is a place wherever else the text writes
    it ("Rodeo Gainesville", "the Texas Forestry Service"), except inside a person's full name."""
    names = {m.text for m in found if not m.demonym and len(m.text) >= 4 and m.text[0].isupper()}
    if not names:
        return []
    blocked = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
    taken = [(m.start, m.end) for m in found]
    out: list[_Mention] = []
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                         + r")(?![\w-])")
    for m in pattern.finditer(text):
        a, b = m.span()
        if any(x < b and a < y for x, y in taken) or any(x < b and a < y for x, y in blocked):
            continue
        out.append(_Mention(a, b, m.group(0), "GPE"))
        taken.append((a, b))
    return out


_LIST_NAME = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?"
_COUNTY_LIST = re.compile(r"(?<![\w-])((?:" + _LIST_NAME + r"(?:,? and |,? or |, ))+" + _LIST_NAME
                          + r") (counties|parishes)\b")
_LIST_SEP = re.compile(r",? and |,? or |, ")


def _county_lists(text: str, gaz: Gazetteer) -> list[_Mention]:
    """The names of a list of counties ("Barrow, Jackson and Madison counties"): each one the county of
    that name, whatever NER made of it (a person, a city, nothing)."""
    out: list[_Mention] = []
    for m in _COUNTY_LIST.finditer(text):
        unit = "County" if m.group(2) == "counties" else "Parish"
        pos = m.start(1)
        for name in _LIST_SEP.split(m.group(1)):
            a = text.index(name, pos)
            pos = a + len(name)
            cands = [(e, how) for e, how in gaz.lookup(f"{name} {unit}", loose=False) if e.kind == "admin2"]
            if cands:
                out.append(_Mention(a, a + len(name), name, "GPE", cands=cands))
    return out


_NAMED_COUNTY = re.compile(r"\b((?:St\. )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) (County|Parish)\b")


def _named_counties(text: str, gaz: Gazetteer, found: Sequence[_Mention]) -> list[_Mention]:
    """"X County" / "X Parish" written out, wherever NER put it ("according to Anderson County Sheriff
    Greg Taylor" read as one PERSON): the county, when the gazetteer has one of that name."""
    out: list[_Mention] = []
    for m in _NAMED_COUNTY.finditer(text):
        a, b = m.span()
        if any(x.start < b and a < x.end for x in found):
            continue
        words = m.group(1).split(" ")
        for k in range(len(words)):  # "Greg Taylor Anderson County" -> "Anderson County"
            name = " ".join(words[k:])
            if name in ("The", "A") or name in _institution_words():
                continue
            start = b - len(name) - len(m.group(2)) - 1
            cands = [(e, how) for e, how in gaz.lookup(f"{name} {m.group(2)}", loose=False)
                     if e.kind == "admin2" and how == "name"]
            if cands:
                out.append(_Mention(start, b, text[start:b], "GPE", cands=cands))
                break
    return out


_RESIDENT = re.compile(r"\s+(?:man|woman|men|women|boy|girl|teen|teenager|couple|resident|residents|native|"
                       r"family|homeowner)\b")
_STATE_AFTER = re.compile(r",\s*([A-Z][\w.]*(?: [A-Z][\w.]*)?)")


def _possessive_place(gaz: Gazetteer, ent: Span) -> _Mention | None:
    """ "Syrias Aleppo", "Iraqs Anbar" that NER took for a person: a country's possessive whose apostrophe
    was lost, then a place of it."""
    if len(ent) < 2 or not ent[0].text.endswith("s") or len(ent[0].text) < 4:
        return None
    if not any(c.kind in ("country", "admin1") for c, how in gaz.lookup(ent[0].text[:-1], loose=False)
               if how == "name"):
        return None
    s = ent[1].idx
    name = ent.text[s - ent.start_char:]
    cands = gaz.lookup(name, loose=False)
    return _Mention(s, ent.end_char, name, "GPE", cands=cands) if cands else None


def _local_name(text: str, gaz: Gazetteer, ent: Span) -> _Mention | None:
    """A town NER took for something else, where local news marks it as a town: "a Crafton man",
    "Meadow Grove residents", "of Canal Winchester, Ohio" (a town of that name in that state)."""
    if ent.label_ not in ("ORG", "PERSON", "NORP", "FAC", "WORK_OF_ART", "PRODUCT") or not ent.text[:1].isupper():
        return None
    s, e = ent.start_char, ent.end_char
    name = ent.text
    if name.startswith(("the ", "The ")):
        s, name = s + 4, name[4:]
    st = _STATE_AFTER.match(text, e)
    code = None
    if st:
        code = _state_code(gaz, st.group(1)) or next(
            (c.admin1 for c, how in gaz.lookup(st.group(1), loose=False) if c.kind == "admin1" and how == "name"), None)
    if code:
        cands = [(c, how) for c, how in gaz.lookup(name, loose=False) if c.admin1 == code and c.kind != "admin1"]
    elif _RESIDENT.match(text, e):
        cands = [(c, how) for c, how in gaz.lookup(name, loose=False) if c.kind == "place" and how == "name"]
    else:
        return None
    return _Mention(s, e, name, "GPE", cands=cands) if cands else None


def _admin1_people(gaz: Gazetteer, word: str) -> list[tuple[Entry, str]]:
    """The state or province of its people ("Iowans", "Ohioans", "Ontarians"): the admin1 area whose
    name is the word less -ns/-ans/-n/-an."""
    for suffix in ("ans", "ns", "an", "n"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            cands = [(e, how) for e, how in gaz.lookup(word[:-len(suffix)], loose=False)
                     if e.kind == "admin1" and how == "name"]
            if cands:
                return cands
    return []


def _state_code(gaz: Gazetteer, t: str) -> str | None:
    """The admin1 code of a US state abbreviation however it is spaced or stopped ("W. Va.", "N.Y")."""
    code = gaz.abbreviations.get(t) or gaz.abbreviations.get(re.sub(r"\.\s+", ".", t))
    return code or (gaz.abbreviations.get(t + ".") if not t.endswith(".") else None)


_AFFILIATION = re.compile(r"(?:,\s|\(|\bboth\s)(?:[DRI]|DFL)-"  # party letter (DFL: Minnesota's Democrats)
                          r"(?:((?:[A-Z][a-z]{0,4}\.\s?){1,2})|([A-Z][\w'’]+(?: [A-Z][\w'’]+)?))(?=[,.;)]|\s)")


def _affiliations(text: str, gaz: Gazetteer) -> list[_Mention]:
    """The home of a US legislator after the party letter ("Rep. Jim Clyburn, D-S.C.", "Sen. Ann Lee
    (R-Elbow Lake)"): the state, or a US town or county of that name."""
    out: list[_Mention] = []
    for m in _AFFILIATION.finditer(text):
        if m.group(1):
            a, b = m.span(1)
            name = text[a:b].rstrip()
            code = _state_code(gaz, name)
            if code in gaz.admin1:
                out.append(_Mention(a, a + len(name), name, "GPE", cands=[(gaz.admin1[code], "name")]))
            continue
        a, b = m.span(2)
        name = m.group(2)
        cands = [(e, how) for e, how in gaz.lookup(name, loose=False) + gaz.lookup(f"{name} County", loose=False)
                 if e.country == "US" and e.kind in ("place", "admin2", "admin1")]
        if cands:
            out.append(_Mention(a, b, name, "GPE", cands=cands))
    return out


def _place_then_area(gaz: Gazetteer, t: str) -> tuple[str, str, list[tuple[Entry, str]]] | None:
    """A name the gazetteer does not know that is a known place followed by its province or country with the
    comma lost ("Azaz Aleppo", "Saraqeb Idlib", "Mosul Iraq") -> (place, area, the area's candidates)."""
    words = t.split(" ")
    if len(words) < 2 or _candidates(gaz, t):
        return None
    for k in range(len(words) - 1, 0, -1):
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        area = [(c, how) for c, how in _candidates(gaz, tail) if c.kind in ("admin1", "country")]
        if area and _candidates(gaz, head):
            return head, tail, area
    return None


_CAPITAL_AFTER = re.compile(r"\s+capital\b(?!\s+(?:of|region|territory|district|punishment))")


# an Arabic article alone, hyphen and all ("Ar-", "Al-", "el-"): never a name of its own
_BARE_ARTICLE = re.compile(rf"(?:the\s+)?{ARABIC_ARTICLE}-?", re.I)


def _demonym_mention(gaz: Gazetteer, text: str, s: int, e: int, iso: str) -> _Mention:
    """A people's name ("Syrian", "Somali"): the country it names, or with "capital" after it ("in the Somali
    capital") that country's capital city."""
    cap = _CAPITAL_AFTER.match(text, e)
    capital = gaz.capital_of(iso) if cap else []
    if cap and capital:
        return _Mention(s, cap.end(), text[s:cap.end()], "GPE", cands=capital)
    return _Mention(s, e, text[s:e], "NORP", demonym=iso)


def _collect(text: str, doc: Doc, gaz: Gazetteer) -> list[_Mention]:
    out: list[_Mention] = []
    taken = 0
    for ent in doc.ents:
        label = ent.label_
        s, e = ent.start_char, ent.end_char
        if _BARE_ARTICLE.fullmatch(ent.text):
            continue  # "Ar-" cut off "Ar-Rastan" by the tagger: the name is the entity after it
        if label in _LABELS:
            e = _arabic_end(text, s, e)
        t = text[s:e]
        if label == "NORP":
            iso = gaz.demonym_country(t)
            if iso:
                out.append(_demonym_mention(gaz, text, s, e, iso))
            else:
                state = _admin1_people(gaz, t)
                if state:
                    out.append(_Mention(s, e, t, "GPE", cands=state))
            continue
        host = label in _HOST_LABELS or (label == "PERSON" and len(ent) > 1 and ent[-1].text in _institution_words())
        if host and not (label == "FAC" and _candidates(gaz, ent.text)):  # PERSON: "the Tega Cay Fire Department"
            inner = _place_inside(gaz, ent, text) or _local_name(text, gaz, ent)
            if inner is not None:
                out.append(inner)
            continue
        if label not in _LABELS:
            local = _possessive_place(gaz, ent) or _local_name(text, gaz, ent)
            if local is not None:
                out.append(local)
            continue
        if any(x.text in _institution_words() for x in ent[1:]) and not _candidates(gaz, ent.text):
            inner = _place_inside(gaz, ent, text)  # "Titus County Sheriff's Office" tagged as a LOC
            if inner is not None:
                out.append(inner)
            continue
        iso = gaz.demonym_country(ent.text)
        if iso:  # "Sri Lankan" tagged as GPE
            out.append(_demonym_mention(gaz, text, s, e, iso))
            continue
        # trim a leading "the" and a trailing possessive
        m = re.match(r"(?:the|The)\s+", t)
        if m and s + m.end() < e:
            s += m.end()
        if text[e - 2:e] in ("'s", "’s"):
            e -= 2
        t = text[s:e].strip()
        if not t or not t[0].isupper() and t[:3].lower() not in ("al-", "el-", "ad-", "ar-", "as-", "az-"):
            continue
        if s < taken:  # an abbreviation already taken ("Pineville, La.")
            continue

        if t in _COMPASS_ADJECTIVES:  # "the Southern countryside of Idleb": a direction, not a place
            continue
        if _OPERATION.search(text[max(0, s - 12):s]) or _OPERATION_AFTER.match(text[e:e + 12]):
            continue  # "Operation Olive Branch", "the Euphrates Shield operation": names, not places
        if ", " in t and label == "GPE":  # "Washington, D.C.", "Gainesville, Ga.": two places
            first, rest = t.split(", ", 1)
            code = gaz.abbreviations.get(rest.strip())
            r_cands = [(gaz.admin1[code], "name")] if code in gaz.admin1 else _candidates(gaz, rest)
            if r_cands and _candidates(gaz, first):
                out.append(_Mention(s, s + len(first), first, label))
                rs = s + len(first) + 2
                out.append(_Mention(rs, rs + len(rest), rest, label, cands=r_cands))
                continue
        pair = _place_then_area(gaz, t)
        if pair is not None:  # "in Azaz Aleppo province": a town and its province with the comma lost
            k = len(pair[0])
            out.append(_Mention(s, s + k, pair[0], label))
            rs = s + len(t) - len(pair[1])
            out.append(_Mention(rs, rs + len(pair[1]), pair[1], label, cands=pair[2]))
            continue
        code = _state_code(gaz, t) if text[max(0, s - 2):s].strip() == "," or "." in t else None
        out.append(_Mention(s, e, t, label, cands=[(gaz.admin1[code], "name")] if code in gaz.admin1 else []))
        ab = _abbreviation_after(gaz, text, e)
        if ab and ab[0] in gaz.admin1:
            out.append(_Mention(ab[1], ab[2], text[ab[1]:ab[2]], "GPE", cands=[(gaz.admin1[ab[0]], "name")]))
            taken = ab[2]
    return _filtered(text, doc, gaz, out)


def _filtered(text: str, doc: Doc, gaz: Gazetteer, out: list[_Mention]) -> list[_Mention]:
    """Entity mentions less surnames, acronyms and name tails, plus the mentions other rules find; containers set."""
    # a surname of a person the text names ("Barack Obama ... Obama said") is not a place
    surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and 1 < len(ent) <= 3
                and _possessive_place(gaz, ent) is None}
    out = [m for m in out if m.demonym or m.text not in surnames or m.label != "GPE" or " " in m.text]
    counties = _county_lists(text, gaz) + _affiliations(text, gaz)
    out = [m for m in out if not any(c.start < m.end and m.start < c.end for c in counties)] + counties
    out += _named_counties(text, gaz, out)
    out += _dateline(text, gaz, out)
    out += _theatre_names(text, doc, gaz, out)
    out += _repeats(text, doc, out)
    # an acronym in running text ("told SANA", "the SDF") is an agency or a group, not a town whose name
    # folds to it; a country or province written in capitals ("UAE", "US") and a dateline stay
    out = [m for m in out if not (m.text.isalpha() and m.text.isupper() and len(m.text) <= 5) or any(
        c.kind in ("country", "admin1") for c, _how in (m.cands or _candidates(gaz, m.text)))
        or _DATELINE_AFTER.match(text, m.end)]
    # "Ahrar al-Sham", "Soqur al-Sham": an article-led tail of a longer name is not a place (al-Sham is Damascus)
    out = [m for m in out if not (_ARTICLE_LED.match(m.text) and _NAME_BEFORE.search(text, 0, m.start))]
    out.sort(key=lambda m: m.start)
    # explicit containers: "X, Y" and "X in Y" where Y follows X directly
    for m1, m2 in zip(out, out[1:], strict=False):
        if m2.start - m1.end <= 8 and _CONTAINER.match(text[m1.end:m2.start]):
            m1.container = m2
    return out
