"""Who's who: person – role – organisation records with first/last seen in document time.

:func:`extract_people` reads one document. A person is found where news text ties a name to a
title (the titles, organisations and country qualifiers are data: ``data/roles.yaml``):
- title before the name: "Syrian Foreign Minister Asaad al-Shaibani", "US Secretary of State
  Marco Rubio", "UN special envoy to Syria Geir Pedersen", "White House press secretary Jen
  Psaki", "Iranian Foreign Ministry spokesman Saeed Khatibzadeh", "Jordan's King Abdullah II";
- apposition before the name: "the spokesman of Iran's Foreign Ministry, Saeed Khatibzadeh";
- apposition after the name: "Orabi Orabi, a researcher at the Dimensions Center" (the name must
  be a PERSON entity of the shared spaCy pipeline, :func:`sitrep.extract.nlp.get_nlp`).
A lower-case title counts only with a qualifier, organisation or complement next to it ("press
secretary" after "White House"). A name found after a title must not be tagged as a place,
organisation or group by the NER, and a one-word name must be a PERSON entity or the surname of a
full name in the document. Later short mentions in the same document ("Blinken", "Secretary
Rubio", "President al-Sharaa") attach to the full name. A bare title ("President Joe Biden")
takes its country from, in order: another mention of the same person with a qualifier; an
unnamed qualified use of the same title in the document ("the US president"); the previous
qualified title in the same sentence when they are coordinated ("... Israeli Foreign Minister
Yair Lapid visited Moscow and ahead of Prime Minister Naftali Bennett's visit"), not when a verb
of meeting/speaking links them.

:func:`merge_people` joins the records of many documents: spelling variants of one person
(Ahmad/Ahmed al-Sharaa, Antony/Anthony Blinken: the same surname and the same consonant skeleton
of the given name) become one person with aliases; first/last seen are the earliest and latest
publication dates of the documents (document time, not event time).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from sitrep.records import Document, Evidence, PersonRole

MAX_EVIDENCE = 8


@dataclass(frozen=True, slots=True)
class RoleLexicon:
    titles: dict[str, str]  # written form (casefolded) -> canonical title
    complement_titles: frozenset[str]
    orgs: dict[str, str]  # written form -> canonical organisation
    government_orgs: frozenset[str]
    org_country: dict[str, str]
    country_forms: dict[str, str]  # written form -> ISO2
    country_names: dict[str, str]  # ISO2 -> name
    honorifics: tuple[str, ...]
    particles: frozenset[str]
    not_name_words: frozenset[str]
    generic_titles: frozenset[str]
    verbs_after_names: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> RoleLexicon:
    text = resources.files("sitrep.data").joinpath("roles.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    titles: dict[str, str] = {}
    complement: set[str] = set()
    for canon, spec in data["titles"].items():
        for form in spec.get("forms") or []:
            titles[str(form).casefold()] = str(canon)
        if spec.get("complement"):
            complement.add(str(canon))
    orgs = {str(f): str(canon) for canon, forms in data["organisations"].items() for f in forms}
    cforms = {str(f): str(code) for code, spec in data["countries"].items() for f in spec["forms"]}
    return RoleLexicon(
        titles=titles,
        complement_titles=frozenset(complement),
        orgs=orgs,
        government_orgs=frozenset(str(o) for o in data.get("government_organisations") or ()),
        org_country={str(k): str(v) for k, v in (data.get("organisation_countries") or {}).items()},
        country_forms=cforms,
        country_names={str(code): str(spec["name"]) for code, spec in data["countries"].items()},
        honorifics=tuple(str(h) for h in data.get("honorifics") or ()),
        particles=frozenset(str(p).casefold().rstrip("-") for p in data.get("particles") or ()),
        not_name_words=frozenset(str(w).casefold() for w in data.get("not_name_words") or ()),
        generic_titles=frozenset(str(t) for t in data.get("generic_titles") or ()),
        verbs_after_names=frozenset(str(w).casefold() for w in data.get("verbs_after_names") or ()),
    )


def _alt(forms: Iterable[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


_APOS = "'\u2019"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lx = lexicon()
    quals = _alt(lx.country_forms)
    orgs = _alt(lx.orgs)
    titles = _alt(lx.titles)
    hons = _alt(lx.honorifics)
    parts = _alt(p for p in lx.particles)
    word = rf"[A-Z][\w]*(?:-[A-Za-z]\w*|[{_APOS}][A-Z]\w*)*"
    name_tok = rf"(?:(?:(?i:{parts})[- ])?{word})"
    name = rf"(?:(?:al|el)-)?{word}(?:\s+{name_tok}){{0,5}}(?:\s+[IVX]{{1,4}}\b)?"
    comp = rf"(?:the\s+)?[A-Z][\w.]*(?:[{_APOS}]s)?(?:\s+(?:of\s+)?[A-Z][\w.]*(?:[{_APOS}]s)?){{0,4}}?"
    comp_greedy = comp.removesuffix("?")
    before = re.compile(
        rf"(?<![\w-])(?:(?P<q>{quals})(?:[{_APOS}]s)?\s+)?(?:(?P<o>{orgs})\s+)?"
        rf"(?P<t>(?i:{titles}))(?![\w-])"
        rf"(?:\s+(?:for|to|of|on|at)\s+(?P<ca>{comp_greedy}),\s+"  # "the spokesman of X, NAME"
        rf"|(?:\s+(?:for|to|of|on|at)\s+(?P<c>{comp}))?\s+)"  # "special envoy to Syria NAME"
        rf"(?:(?:{hons})\s+)*(?P<name>{name})"
    )
    after = re.compile(
        rf",\s+(?:the|a|an)\s+(?:(?P<q>{quals})(?:[{_APOS}]s)?\s+)?(?:(?P<o>{orgs})\s+)?"
        rf"(?P<t>(?i:{titles}|researcher|analyst|expert|official|professor))(?![\w-])"
        rf"(?:\s+(?:for|to|of|at|with)\s+(?P<c>{comp_greedy}))?"
    )
    unnamed = re.compile(rf"\b(?:the|a)\s+(?P<q>{quals})\s+(?P<t>(?i:{titles}))\b(?!\s+[A-Z])")
    return before, after, unnamed


_ORG_LIKE = {"ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "DATE", "TIME"}
_LINK_VERBS = re.compile(
    r"\b(met|meet|meets|meeting|with|told|tell|tells|call|called|calls|phoned|spoke|speaks|said|says|"
    r"urged|asked|received|hosted|from|by|against|to)\b",
    re.I,
)


def _skeleton(word: str) -> str:
    w = word.casefold()
    for a, b in (("th", "t"), ("ph", "f"), ("kh", "k"), ("dh", "d"), ("ou", "u"), ("ee", "i"), ("oo", "u")):
        w = w.replace(a, b)
    if not w:
        return w
    body = re.sub(r"[aeiouy]", "", w[1:])
    out = w[0] + body
    return re.sub(r"(.)\1+", r"\1", out)


def name_key(name: str) -> str:
    """A comparable form: case-folded, honorifics dropped, al-/Al/el- unified, possessive removed."""
    lx = lexicon()
    s = re.sub(rf"[{_APOS}]s$", "", name.strip())
    toks = s.split()
    hons = {h.casefold() for h in lx.honorifics}
    while toks and toks[0].casefold() in hons:
        toks = toks[1:]
    s = " ".join(toks).casefold()
    s = re.sub(r"\b(al|el)[- ]", "al-", s)
    return " ".join(s.split())


def _surname(key: str) -> str:
    toks = key.split()
    last = toks[-1] if toks else ""
    if re.fullmatch(r"[ivx]+", last) and len(toks) > 1:
        last = toks[-2]
    return last.removeprefix("al-")


def person_surnames(p: PersonRole) -> set[str]:
    """The surname keys of a record's name and aliases (``merge_people`` compares names only
    within one surname, so the people of one surname can be merged on their own)."""
    return {_surname(name_key(n)) for n in (p.name, *p.aliases)}


def name_surname(name: str) -> str:
    return _surname(name_key(name))


def same_person(a: str, b: str) -> bool:
    """Spelling variants of one full name: the same surname and, word for word, the same given-name skeleton
    (Ahmad/Ahmed al-Sharaa) or a one-letter slip (Staffa/Staffan de Mistura); or a shorter full name that
    ends the longer one (Tayyip Erdogan / Recep Tayyip Erdogan), unless a patronymic joins them
    ("Zayed al-Nahyan" is the father in "Abdullah bin Zayed al-Nahyan")."""
    ka, kb = name_key(a), name_key(b)
    if ka == kb:
        return True
    ta, tb = ka.split(), kb.split()
    sa, sb = _surname(ka), _surname(kb)
    if sa != sb and sa.removesuffix("s") == sb.removesuffix("s"):
        # a possessive that lost its apostrophe: "Bashar al-Assads"
        ta, tb = [*ta[:-1], ta[-1].removesuffix("s")], [*tb[:-1], tb[-1].removesuffix("s")]
        sa = sb = sa.removesuffix("s")
    if sa != sb or min(len(ta), len(tb)) < 2:
        return False
    if len(ta) != len(tb):
        short, long_ = sorted((ta, tb), key=len)
        head = long_[: len(long_) - len(short)]
        return (
            short[0] not in lexicon().particles
            and head[-1] not in _PATRONYMIC
            and all(_same_word(x, y) for x, y in zip(short, long_[len(head) :], strict=True))
        )
    return all(_same_word(x, y) for x, y in zip(ta, tb, strict=True))


_PATRONYMIC = frozenset({"bin", "ibn", "bint", "ben", "abu", "ould"})


def _slip(name: str, others: Iterable[str]) -> bool:
    """True when ``name`` is another name with one word's last letter dropped ("Staffa de Mistura")."""
    words = name.split()
    for other in others:
        ow = other.split()
        if len(ow) == len(words) and other != name and all(
            a == b or (len(b) == len(a) + 1 and b.startswith(a)) for a, b in zip(words, ow, strict=True)
        ):
            return True
    return False


def _same_word(x: str, y: str) -> bool:
    """One name word in two spellings: the same consonant skeleton, or one letter dropped at the end."""
    x, y = x.removeprefix("al-"), y.removeprefix("al-")
    if _skeleton(x) == _skeleton(y):
        return True
    short, long_ = sorted((x, y), key=len)
    return len(short) >= 5 and len(long_) == len(short) + 1 and long_.startswith(short)


@dataclass
class _Mention:
    name: str
    start: int
    end: int
    title: str | None
    complement: str | None
    org: str | None
    country: str | None
    qualified: bool
    span: tuple[int, int]


def _strip_honorifics(name: str) -> str:
    lx = lexicon()
    toks = name.split()
    hons = {h.casefold() for h in lx.honorifics}
    while len(toks) > 1 and toks[0].casefold() in hons:
        toks = toks[1:]
    return " ".join(toks)


def _parse_complement(c: str | None) -> tuple[str | None, str | None]:
    """(country, organisation) named in an "of X" complement ("Iran's Foreign Ministry")."""
    if not c:
        return None, None
    lx = lexicon()
    country = org = None
    for form, code in sorted(lx.country_forms.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"(?<![\w]){re.escape(form)}(?![\w])", c):
            country = code
            break
    for form, canon in sorted(lx.orgs.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"(?<![\w]){re.escape(form)}(?![\w])", c):
            org = canon
            break
    return country, org


def _entity_labels(nlp_doc: Any) -> list[tuple[int, int, str]]:
    return [(e.start_char, e.end_char, e.label_) for e in nlp_doc.ents]


def _overlaps(spans: Sequence[tuple[int, int, str]], start: int, end: int, labels: set[str]) -> bool:
    return any(s < end and start < e and lab in labels for s, e, lab in spans)


def _starts_within(spans: Sequence[tuple[int, int, str]], start: int, end: int, labels: set[str]) -> bool:
    return any(start <= s < end and lab in labels for s, _, lab in spans)


def _name_span(text: str, start: int, end: int, ents: Sequence[tuple[int, int, str]]) -> tuple[int, int]:
    """The person's name inside the words after a title: honorifics dropped, a PERSON entity that starts
    inside preferred, a place/organisation after two name words cut, a trailing country word dropped."""
    lx = lexicon()
    stripped = _strip_honorifics(text[start:end])
    if stripped:
        start += text[start:end].index(stripped.split()[0])
    end = start + len(_trim_name(text[start:end], start, ents))
    for s, e, lab in sorted(ents):
        if lab == "PERSON" and start < s < end and e <= end + 3:
            start = s
            break
    while True:  # "Mohammad al-Shaar Syrias" (a possessive that lost its apostrophe)
        words = text[start:end].split()
        last = words[-1] if words else ""
        if len(words) <= 2 or not (last in lx.country_forms or last.removesuffix("s") in lx.country_forms):
            break
        end = start + text[start:end].rstrip().rfind(last) - 1
        end = start + len(text[start:end].rstrip())
    return start, end


def _trim_name(name: str, start: int, ents: Sequence[tuple[int, int, str]]) -> str:
    """Cut a name where a place/organisation starts after two name words ("Joe Biden Washington")."""
    end = start + len(name)
    for s, _e, lab in sorted(ents):
        if lab in _ORG_LIKE and start < s < end and len(name[: s - start].split()) >= 2:
            name = name[: s - start].rstrip()
            end = start + len(name)
    return name


# small words a title-case headline leaves in lower case
_HEADLINE_SMALL = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "vs"}


def _is_name(name: str) -> bool:
    """False for words that are not a person's name: an organisation or headline word from the data
    ("Civil Defense", "Jabhat al-Nusra", "Russian MoD Says"), a country word first ("Russian ..."), or a
    function word inside ("Warns Against New US Missile")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    lx = lexicon()
    words = name.split()
    if not words or words[0] in lx.country_forms:
        return False
    if any(w.casefold().strip(".,") in lx.not_name_words for w in words):
        return False
    return not any(w.casefold() in STOP_WORDS and w.casefold() not in lx.particles for w in words[:-1])


def _headline_line(text: str, pos: int) -> bool:
    """True when ``pos`` lies in a run of title-case headlines ("Related: ... - Ambassador Russian MoD Says US
    Missile Attack on Syrian Airbase Prepared Long Ago"): nearly every word around it capitalised."""
    start = max(text.rfind("\n", 0, pos) + 1, pos - 100)
    end = text.find("\n", pos)
    end = min(len(text) if end < 0 else end, pos + 100)
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*", text[start:end]) if w.casefold() not in _HEADLINE_SMALL]
    if len(words) < 10:
        return False
    return sum(1 for w in words if w[0].isupper()) >= 0.8 * len(words)


def _lost_possessive(text: str, start: int, end: int) -> int:
    """The end of a name without a possessive that lost its apostrophe ("President Bashar al-Assads forces",
    "Prime Minister Theresa Mays governing party"): the last word ends in "s" and the next word is a lower-case
    word that is not a verb or function word of the data ("Laurent Fabius said", "Boris who")."""
    words = text[start:end].split()
    last = words[-1] if words else ""
    if len(words) < 2 or len(last) < 4 or not last.endswith("s") or last.endswith(("ss", "us", "is")):
        return end
    nxt = re.match(r"\s+([a-z][\w-]*)", text[end:])
    if nxt is None:
        return end
    word = nxt.group(1)
    if word in lexicon().verbs_after_names or word.endswith(("ed", "ly")):
        return end
    return end - 1


def _find_mentions(
    text: str, ents: Sequence[tuple[int, int, str]]
) -> list[_Mention]:
    lx = lexicon()
    before, after, _ = _patterns()
    out: list[_Mention] = []
    for m in before.finditer(text):
        title_text = m.group("t")
        qualified = bool(m.group("q") or m.group("o") or m.group("c") or m.group("ca"))
        if not qualified and not title_text[:1].isupper():
            continue
        comp_text = m.group("ca") or m.group("c")
        nstart, nend = _name_span(text, m.start("name"), m.end("name"), ents)
        nend = _lost_possessive(text, nstart, nend)
        name = text[nstart:nend]
        if nstart > m.start("name") and comp_text:
            # "President of the Syrian Coalition Anas Abdah": the words before the person are the complement's
            comp_text = f"{comp_text} {text[m.start('name'):nstart].strip()}"
        if not name or _starts_within(ents, nstart, nstart + 1, _ORG_LIKE) and not _overlaps(
            ents, nstart, nend, {"PERSON"}
        ):
            continue  # the words after the title are a place or an organisation, not a name
        if not _is_name(name) or _headline_line(text, m.start()):
            continue  # "head of the Health Emergencies Programme", a headline's "Ambassador Russian MoD Says"
        canon = lx.titles[title_text.casefold()]
        ccountry, corg = _parse_complement(comp_text)
        org = lx.orgs.get(m.group("o") or "") or (corg if canon not in lx.complement_titles else None)
        country = lx.country_forms.get(m.group("q") or "") or (
            ccountry if canon not in lx.complement_titles else None
        )
        if org and not country:
            country = lx.org_country.get(org)
        complement = comp_text if canon in lx.complement_titles else None
        out.append(
            _Mention(name, nstart, nend, canon, complement, org, country, qualified, (m.start(), nend))
        )
    taken = [(mm.start, mm.end) for mm in out]
    for s, e, lab in ents:
        if lab != "PERSON" or any(a < e and s < b for a, b in taken):
            continue
        am = after.match(text, e)
        if am is None or not _is_name(text[s:e]) or _headline_line(text, s):
            continue
        t = am.group("t")
        canon = lx.titles.get(t.casefold(), t.capitalize())
        ccountry, corg = _parse_complement(am.group("c"))
        org = lx.orgs.get(am.group("o") or "") or corg
        if org is None and am.group("c") and canon not in lx.titles.values():
            org = re.sub(r"^the\s+", "", am.group("c"))
        country = lx.country_forms.get(am.group("q") or "") or ccountry
        out.append(_Mention(text[s:e], s, e, canon, None, org, country, True, (s, am.end())))
    out.sort(key=lambda mm: mm.start)
    return out


def _role(title: str, complement: str | None) -> str:
    if complement:
        return f"{title} for {re.sub(r'^the ', '', complement)}"
    return title


def shift_person(p: PersonRole, offset: int) -> PersonRole:
    """A person-role found in a section of a long document, moved onto the document's offsets."""
    if not offset:
        return p
    return replace(p, evidence=tuple(replace(e, start=e.start + offset, end=e.end + offset) for e in p.evidence))


def extract_people(doc: Document, nlp_doc: Any = None) -> list[PersonRole]:
    """Person–role records stated in one document (one per person and role).

    ``nlp_doc``: the spaCy Doc of ``doc.text`` when the caller already has it; otherwise the shared
    pipeline of :func:`sitrep.extract.nlp.get_nlp` parses the text.
    """
    text = doc.text
    if nlp_doc is None:
        from sitrep.extract.nlp import get_nlp

        nlp_doc = get_nlp()(text)
    ents = _entity_labels(nlp_doc)
    sents = [(s.start_char, s.end_char) for s in nlp_doc.sents]
    mentions = _find_mentions(text, ents)
    lx = lexicon()

    # full names: two or more tokens; short names attach to them by surname
    full: list[str] = []
    for mm in mentions:
        if len(mm.name.split()) >= 2 and not any(same_person(mm.name, f) for f in full):
            full.append(mm.name)
    for s, e, lab in ents:
        n = re.sub(rf"[{_APOS}]s$", "", text[s : _lost_possessive(text, s, e)])
        if lab == "PERSON" and len(n.split()) >= 2 and _is_name(n) and not any(same_person(n, f) for f in full):
            full.append(n)

    def canonical(name: str) -> str | None:
        for f in full:
            if same_person(name, f):
                return f
        key = name_key(name)
        if len(key.split()) == 1:
            hits = [f for f in full if _surname(name_key(f)) == key.removeprefix("al-")]
            if len(hits) == 1:
                return hits[0]
            return None
        return name

    _, _, unnamed = _patterns()
    unnamed_country: dict[str, str] = {}
    for um in unnamed.finditer(text):
        t = lx.titles.get(um.group("t").casefold())
        if t:
            unnamed_country.setdefault(t, lx.country_forms[um.group("q")])

    def sentence_of(pos: int) -> tuple[int, int]:
        for s, e in sents:
            if s <= pos < e:
                return s, e
        return 0, len(text)

    resolved: list[tuple[str, _Mention]] = []
    for mm in mentions:
        who = canonical(mm.name)
        if who is None:
            continue
        resolved.append((who, mm))
    # country for bare titles
    known_country: dict[tuple[str, str | None], str] = {}
    for who, mm in resolved:
        if mm.country:
            known_country.setdefault((who, mm.title), mm.country)
    records: dict[tuple[str, str], dict[str, Any]] = {}
    for i, (who, mm) in enumerate(resolved):
        if mm.title is None:
            continue
        country = mm.country or known_country.get((who, mm.title)) or unnamed_country.get(mm.title)
        if country is None and mm.org is None:
            s0, _ = sentence_of(mm.start)
            for _who2, prev in reversed(resolved[:i]):
                if prev.end <= s0:
                    break
                if prev.country and prev.qualified and not _LINK_VERBS.search(text[prev.end : mm.span[0]]):
                    country = prev.country
                    break
        role = _role(mm.title, mm.complement)
        # a generic title ("Secretary Rubio") adds to the specific role the person has in this doc
        specific = [
            r for (w, r) in records if w == who and r != role and set(role.split()) < set(r.split())
        ]
        if specific:
            role = specific[0]
        rec = records.setdefault(
            (who, role),
            {"org": Counter(), "country": Counter(), "evidence": [], "variants": Counter()},
        )
        if mm.org:
            rec["org"][mm.org] += 1
        if country:
            rec["country"][country] += 1
        rec["variants"][mm.name] += 1
        s, e = mm.span
        if len(rec["evidence"]) < MAX_EVIDENCE:
            rec["evidence"].append(Evidence(text[s:e], s, e))
    out: list[PersonRole] = []
    for (who, role), rec in records.items():
        country = rec["country"].most_common(1)[0][0] if rec["country"] else None
        org = rec["org"].most_common(1)[0][0] if rec["org"] else None
        if org in lx.government_orgs and country is None:
            country = lx.org_country.get(org)
        aliases = tuple(sorted(v for v in rec["variants"] if name_key(v) != name_key(who) and len(v.split()) >= 2))
        out.append(
            PersonRole(
                name=who,
                role=role,
                organisation=org,
                country=country,
                first_seen=doc.published,
                last_seen=doc.published,
                aliases=aliases,
                doc_ids=(doc.id,),
                sources=(doc.label,) if doc.label else (),
                evidence=tuple(rec["evidence"]),
            )
        )
    return sorted(out, key=lambda p: (name_key(p.name), p.role or ""))


def merge_people(people: Iterable[PersonRole]) -> list[PersonRole]:
    """One record per person and role across documents; spelling variants merged with aliases."""
    items = list(people)
    # cluster names into persons; variants share a surname, so only groups with that surname are compared
    person_of: dict[str, int] = {}
    groups_by_surname: dict[str, list[int]] = defaultdict(list)
    members: list[list[str]] = []
    for p in items:
        for n in (p.name, *p.aliases):
            if n in person_of:
                continue
            sur = _surname(name_key(n))
            for gi in groups_by_surname[sur]:
                if any(same_person(n, g) for g in members[gi]):
                    members[gi].append(n)
                    person_of[n] = gi
                    break
            else:
                members.append([n])
                person_of[n] = len(members) - 1
                groups_by_surname[sur].append(len(members) - 1)
    # a generic title ("Syrian leader", "U.N. chief") folds into the person's specific one, if any
    generic = lexicon().generic_titles
    roles: dict[int, Counter[str]] = defaultdict(Counter)
    for p in items:
        if p.role and p.role not in generic:
            roles[person_of[p.name]][p.role] += len(p.doc_ids) or 1
    by_key: dict[tuple[int, str], list[PersonRole]] = defaultdict(list)
    for p in items:
        who = person_of[p.name]
        role = p.role or ""
        if (not role or role in generic) and roles[who]:
            role = max(roles[who], key=lambda r: (roles[who][r], r))
        by_key[(who, role)].append(p)

    out: list[PersonRole] = []
    for (_, role), recs in by_key.items():
        names: Counter[str] = Counter()
        latest: dict[str, str] = {}
        for r in recs:
            names[r.name] += len(r.doc_ids) or 1
            latest[r.name] = max(latest.get(r.name, ""), r.last_seen or "")
        for n in list(names):  # "Bashar al-Assads" (a lost apostrophe) counts for "Bashar al-Assad"
            if n.endswith("s") and n[:-1] in names:
                names[n[:-1]] += names.pop(n)
                latest[n[:-1]] = max(latest[n[:-1]], latest.pop(n))
        # the fullest name ("Recep Tayyip Erdogan") that is not a slip of another ("Staffa" for "Staffan"),
        # then the spelling most documents use, then that of the most recent document
        name = max(
            names, key=lambda n: (len(name_key(n).split()), not _slip(n, names), names[n], latest[n], n)
        )
        aliases = sorted({n for r in recs for n in (r.name, *r.aliases)} - {name})
        seen = [d for r in recs for d in (r.first_seen, r.last_seen) if d]
        countries = Counter(r.country for r in recs if r.country)
        orgs = Counter(r.organisation for r in recs if r.organisation)
        evidence: list[Evidence] = []
        for r in recs:
            for ev in r.evidence:
                if len(evidence) < MAX_EVIDENCE and ev not in evidence:
                    evidence.append(ev)
        out.append(
            PersonRole(
                name=name,
                role=role or None,
                organisation=orgs.most_common(1)[0][0] if orgs else None,
                country=countries.most_common(1)[0][0] if countries else None,
                first_seen=min(seen) if seen else None,
                last_seen=max(seen) if seen else None,
                aliases=tuple(aliases),
                doc_ids=tuple(sorted({d for r in recs for d in r.doc_ids})),
                sources=tuple(sorted({s for r in recs for s in r.sources})),
                evidence=tuple(evidence),
            )
        )
    return sorted(out, key=lambda p: (name_key(p.name), p.role or ""))
