"""The actor dictionary: canonical actors, their aliases, and mentions of them in text.

``find_actors(text)`` returns every dictionary mention (longest match wins, acronyms matched
case-sensitively); ``ActorMention.resolve(country, date)`` turns a mention into an
:class:`~sitrep.records.ActorRef` with the ACLED-style name that fits the event's country and
date ("Military Forces of Syria (2000-2024)" before 8 December 2024, the new forces after;
"Civilians (Iraq)"; "Islamic State (Syria)"). Demonyms ("Russian airstrikes") and generic state
words ("the army", "police") resolve to the military or police of a country.

Two data files make the dictionary: ``actors.yaml`` (the Syrian and Iraqi theatre) and
``actors_world.yaml`` (state forces of the world's countries with the periods of their governments,
missions, armed groups of current conflicts, clan families).  Beyond the aliases, two rules name
actors the files cannot list: the state forces of any country named by its demonym or name and a
service ("Kenyan soldiers", "the Ethiopian army", "Ugandan police"), and communal militias named by
their clan ("Hawadle clan militia" -> "Hawiye-Hawadle Sub-Clan Militia (Somalia)").  An alias two
actors share ("SNA": the Syrian National Army, the Somali National Army) keeps both readings; the
country of the report picks one (``ActorMention.in_country``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from sitrep.records import ActorRef

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "actors.yaml"
WORLD_FILE = DATA_FILE.with_name("actors_world.yaml")


@dataclass(frozen=True, slots=True)
class ActorDef:
    """One canonical actor of the dictionary."""

    name: str
    key: str
    type: str | None
    country: str | None = None
    generic: bool = False
    by_country: tuple[tuple[str, str], ...] = ()
    since: str | None = None
    until: str | None = None
    successor: str | None = None
    elsewhere: str | None = None
    aliases: tuple[str, ...] = ()
    kind: str = "named"  # named | generic | state-military | state-police


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A dictionary actor mentioned at text[start:end]."""

    start: int
    end: int
    text: str
    actor: ActorDef
    country_hint: str | None = None  # for demonym / state-generic mentions: the country named
    readings: tuple[ActorDef, ...] = ()  # every actor an ambiguous alias names ("SNA"), first = actor

    @property
    def generic(self) -> bool:
        return self.actor.generic or self.actor.kind != "named"

    @property
    def ambiguous(self) -> bool:
        return len(self.readings) > 1

    def in_country(self, country: str | None) -> ActorMention:
        """The reading of an ambiguous alias that belongs to ``country`` (the report's), else this one."""
        if not self.ambiguous or not country:
            return self
        for a in self.readings:
            if a.country == country or country in dict(a.by_country):
                return replace(self, actor=a)
        return self


@dataclass(slots=True)
class ActorDictionary:
    actors: list[ActorDef]
    countries: dict[str, str]
    demonyms: dict[str, str]  # lower-case word -> ISO2
    military: dict[str, str]  # ISO2 -> actor key
    police: dict[str, str]
    officials: tuple[str, ...] = ()
    government_names: dict[str, str] = field(default_factory=dict)  # lower-case name -> ISO2
    by_key: dict[str, ActorDef] = field(default_factory=dict)
    by_name: dict[str, ActorDef] = field(default_factory=dict)
    _ci: re.Pattern[str] | None = None
    _cs: re.Pattern[str] | None = None
    clans: dict[str, dict[str, str]] = field(default_factory=dict)  # ISO2 -> folded clan -> lineage
    _alias_ci: dict[str, list[ActorDef]] = field(default_factory=dict)
    _alias_cs: dict[str, list[ActorDef]] = field(default_factory=dict)
    _gov_re: re.Pattern[str] = field(default_factory=lambda: re.compile(r"(?!)"))
    _predecessor: dict[str, ActorDef] = field(default_factory=dict)
    _state_re: re.Pattern[str] | None = None
    _made: dict[str, ActorDef] = field(default_factory=dict)  # actors the rules named, by name

    def __post_init__(self) -> None:
        for a in self.actors:
            self.by_key.setdefault(a.key, a)
            self.by_name.setdefault(a.name, a)
            if a.successor:
                self._predecessor.setdefault(a.successor, a)
        ci: dict[str, list[ActorDef]] = {}
        cs: dict[str, list[ActorDef]] = {}
        for a in self.actors:
            for alias in a.aliases:
                table, k = (cs, " ".join(alias.split())) if _is_acronym(alias) else (ci, _key(alias))
                same = table.setdefault(k, [])
                if all(x.key != a.key for x in same):
                    same.append(a)
        self._alias_ci, self._alias_cs = ci, cs
        self._ci = _alternation(ci.keys(), re.I)
        self._cs = _alternation(cs.keys(), 0)
        if self.government_names:
            self._gov_re = self._gov_pattern()

    # ----------------------------------------------------------------- lookup
    def find(self, text: str) -> list[ActorMention]:
        """Dictionary mentions in ``text``, longest first, without overlaps, in text order."""
        cands: list[ActorMention] = []
        norm = _norm(text)  # same length as text
        for pat, table, src in ((self._ci, self._alias_ci, norm), (self._cs, self._alias_cs, text)):
            if pat is None:
                continue
            for m in pat.finditer(src):
                key = " ".join(m.group(0).split()) if table is self._alias_cs else _key(m.group(0))
                found = table.get(key)
                if not found:
                    continue
                a = found[0]
                hint = a.country if a.kind != "named" else None
                cands.append(ActorMention(m.start(), m.end(), text[m.start():m.end()], a, hint, tuple(found)))
        cands += self._state_forces(text) + self._clan_militias(text)
        cands.sort(key=lambda c: (-(c.end - c.start), c.start))
        chosen: list[ActorMention] = []
        for c in cands:
            if any(c.start < o.end and o.start < c.end for o in chosen):
                continue
            chosen.append(c)
        chosen.sort(key=lambda c: c.start)
        return _drop_generic_beside_named(text, chosen)

    def lookup(self, name: str) -> ActorDef | None:
        """An actor by canonical name, key or alias."""
        a = self.by_name.get(name) or self.by_key.get(name)
        if a:
            return a
        found = self._alias_cs.get(name) or self._alias_ci.get(_key(name))
        return found[0] if found else None

    def military_of(self, country: str | None) -> ActorDef | None:
        key = self.military.get(country or "")
        return self.by_key.get(key) if key else None

    def police_of(self, country: str | None) -> ActorDef | None:
        key = self.police.get(country or "")
        return self.by_key.get(key) if key else None

    def demonym_country(self, word: str) -> str | None:
        w = re.sub(r"['’]s$", "", word.strip()).lower()
        return self.demonyms.get(w) or self.demonyms.get(w.strip(".")) or self.demonyms.get(w.rstrip(".") + ".")

    def country_name(self, iso: str | None) -> str | None:
        """The country as ACLED names it in "Civilians (X)": the dictionary's name, else the gazetteer's."""
        if not iso:
            return None
        name = self.countries.get(iso)
        if name is None:
            from sitrep.geo.gazetteer import load_gazetteer

            e = load_gazetteer().countries.get(iso)
            name = e.name if e is not None else None
        return name

    # ------------------------------------------------------------------ rules
    def _state_pattern(self) -> re.Pattern[str]:
        if self._state_re is None:
            from sitrep.geo.gazetteer import load_gazetteer

            gaz = load_gazetteer()
            words = {w for w in gaz.demonym_words()} | {n for e in gaz.countries.values() for n in gaz.names(e)
                                                         if len(n) > 3 and n[:1].isupper()}
            body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
            self._state_re = re.compile(
                rf"(?<![\w\-])(?P<c>{body})(?:['’]s)?\s+(?i:(?:national|federal|regional|government|security|armed|"
                rf"special|military|border|state|defen[cs]e)\s+){{0,2}}(?P<s>(?i:{_SERVICES}))(?![\w\-])")
        return self._state_re

    def _state_forces(self, text: str) -> list[ActorMention]:
        """"Kenyan soldiers", "the Ethiopian army", "Ugandan police", "Somalia's security forces": the state
        forces of the country named, with its service."""
        if not any(w in text.lower() for w in _SERVICE_HINTS):
            return []
        from sitrep.geo.gazetteer import load_gazetteer

        gaz = load_gazetteer()
        out: list[ActorMention] = []
        for m in self._state_pattern().finditer(text):
            iso = gaz.country_of(m.group("c"))
            if not iso:
                continue
            police = m.group("s").lower().startswith(("police", "gendarm"))
            actor = (self.police_of if police else self.military_of)(iso) or self._made_state(iso, police)
            if actor is not None:
                out.append(ActorMention(m.start(), m.end(), m.group(0), actor))
        return out

    def _made_state(self, iso: str, police: bool) -> ActorDef | None:
        cname = self.country_name(iso)
        if not cname:
            return None
        name = f"{'Police' if police else 'Military'} Forces of {cname}"
        return self._made.setdefault(name, ActorDef(name=name, key=name, type="state forces", country=iso))

    def _clan_militias(self, text: str) -> list[ActorMention]:
        """"Hawadle clan militia", "Hawiye-Abgal sub-clan militia", "a Habar Gedir clan militia": the
        militia of the clan named, with its lineage when the dictionary knows the clan family."""
        if "clan" not in text.lower():
            return []
        out: list[ActorMention] = []
        for m in _CLAN.finditer(text):
            words = re.split(r"[\s\-]+", m.group("n"))
            while words and words[0] in _CLAN_LEAD:
                words = words[1:]
            if not words:
                continue
            name = _clan_name(words, self.clans)
            actor = self._made.setdefault(name, ActorDef(name=name, key=name, type="identity militia"))
            start = m.start("n") + m.group("n").find(words[0])
            out.append(ActorMention(start, m.end(), text[start:m.end()], actor))
        return out

    # ------------------------------------------------------------ governments
    def _gov_pattern(self) -> re.Pattern[str]:
        names = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(
            {n for n in self.government_names}, key=len, reverse=True))
        offs = "|".join(re.escape(o).replace(r"\ ", r"\s+") for o in sorted(self.officials, key=len, reverse=True))
        return re.compile(
            rf"(?<![\w\-])(?P<c>{names})(?:['’]s)?\s+(?:(?-i:[A-Z][\w\-]*|of|the)\s+){{0,3}}?(?P<o>{offs})\b"
            rf"(?:\s+(?:of\s+State\s+)?(?P<p>(?-i:[A-Z][\w\-']+(?:\s+(?:al-|bin\s+|Al\s+)?[A-Z][\w\-']+){{0,3}})))?"
            rf"|(?<![\w\-])(?P<c2>{names})\s+(?=(?:said|says|described|condemned|denounced|called|urged|warned|"
            rf"threatened|accused|demanded|welcomed|rejected|announced|requested|vowed|signed|agreed|met|joined))",
            re.I,
        )

    def person_countries(self, text: str) -> dict[str, str]:
        """Surname -> ISO2 of the officials a text introduces with a title ("US Secretary of State Antony Blinken")."""
        out: dict[str, str] = {}
        for m in self._gov_re.finditer(text):
            if m.group("p") and m.group("c"):
                iso = self.government_names.get(" ".join(m.group("c").lower().split()))
                if iso:
                    for part in m.group("p").split():
                        part = re.sub(r"^(?:al|el|Al|El)-", "", part)
                        if len(part) > 3 and part[0].isupper() and part.lower() not in self.government_names:
                            out.setdefault(part, iso)
        return out

    def governments(self, text: str, start: int, end: int, persons: dict[str, str]) -> list[tuple[int, str, str]]:
        """(position, ISO2, mention) of the governments a clause names, in text order."""
        found: list[tuple[int, str, str]] = []
        for m in self._gov_re.finditer(text, start, end):
            c = m.group("c") or m.group("c2")
            iso = self.government_names.get(" ".join(c.lower().split()))
            if iso:
                found.append((m.start(), iso, m.group(0).strip()))
        for name, iso in persons.items():
            for m in re.finditer(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", text[start:end]):
                found.append((start + m.start(), iso, name))
        found.sort()
        return found

    def government(self, iso: str, mention: str | None = None) -> ActorRef:
        cname = self.country_name(iso) or iso
        article = "the " if cname in ("United States", "United Arab Emirates", "United Kingdom") else ""
        return ActorRef(name=f"Government of {article}{cname}", type="state forces", country=iso, mention=mention)

    # ---------------------------------------------------------------- resolve
    def resolve(
        self, actor: ActorDef, country: str | None = None, date: str | None = None, mention: str | None = None
    ) -> ActorRef:
        """The canonical ActorRef for ``actor`` in an event in ``country`` on ``date``."""
        if actor.kind in ("state-military", "state-police"):
            target = (self.military_of if actor.kind == "state-military" else self.police_of)(country)
            if target is None:
                cname = self.country_name(country)
                label = "Military Forces" if actor.kind == "state-military" else "Police Forces"
                name = f"{label} of {cname}" if cname else ("Unidentified Military Forces"
                                                            if actor.kind == "state-military" else "Police Forces")
                return ActorRef(name=name, type="state forces", country=country, mention=mention)
            actor = target
        if actor.elsewhere and country and actor.country and country != actor.country \
                and not self.names_country(mention, actor.country):
            other = self.by_name.get(actor.elsewhere)
            if other is not None:
                return self.resolve(other, country, date, mention)
        actor = self._for_date(actor, date)
        if actor.type == "state forces" and actor.country and country and actor.country != country:
            # the forces of one country acting in another ("Kenyan troops" in Somalia)
            return ActorRef(name=actor.name, type="external/other forces", country=actor.country, mention=mention)
        if actor.by_country:
            name = dict(actor.by_country).get(country or "", actor.name)
            return ActorRef(name=name, type=actor.type, country=actor.country or country, mention=mention)
        if "{country}" in actor.name:
            cname = self.country_name(country)
            name = actor.name.replace("{country}", cname) if cname else actor.name.replace(" ({country})", "")
            return ActorRef(name=name, type=actor.type, country=country, mention=mention)
        return ActorRef(name=actor.name, type=actor.type, country=actor.country, mention=mention)

    def names_country(self, mention: str | None, country: str) -> bool:
        """Whether a mention names ``country`` by its name or demonym ("Syrian rebels")."""
        cname = (self.countries.get(country) or "").lower()
        return any(word.lower() == cname or self.demonym_country(word) == country
                   for word in re.findall(r"[A-Za-z]+", mention or ""))

    def _for_date(self, actor: ActorDef, date: str | None) -> ActorDef:
        """The actor of the period ``date`` falls in (walking successors and predecessors)."""
        if not date:
            return actor
        d = date[:10]
        for _ in range(12):
            # a month-precise date in the month of the change is ambiguous: keep the older actor then
            if actor.until and actor.successor and (
                (len(d) == 10 and d >= actor.until) or (len(d) < 10 and d > actor.until[: len(d)])
            ):
                nxt = self.by_name.get(actor.successor)
            elif actor.since and d < actor.since[: len(d)]:
                nxt = self._predecessor.get(actor.name)
            else:
                nxt = None
            if nxt is None or nxt is actor:
                return actor
            actor = nxt
        return actor


def _is_acronym(alias: str) -> bool:
    """A short alias in capitals ("YPG", "U.S.") or with a capital inside ("LeT", "JeM", "IDPs"): written so, it
    is matched as written -- "Let", the first word of a Burmese village or of a sentence, is not "LeT"."""
    core = alias.replace(".", "").replace("-", "")
    return len(core) <= 5 and (core.isupper() or any(c.isupper() for c in core[1:]))


_TRANS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "–": "-", "—": "-", "‑": "-", " ": " "})


def _norm(s: str) -> str:
    """Same-length normalisation for matching: quotes and dashes unified."""
    return s.translate(_TRANS)


def _key(s: str) -> str:
    return " ".join(_norm(s).lower().split())


def _alternation(aliases: Iterable[str], flags: int) -> re.Pattern[str] | None:
    """One pattern for every alias (a space matching any whitespace): the longest alias that ends at
    a word end wins. Written as a trie ("al (?:nusra|qaeda)"), which finds the same matches as the
    flat longest-first alternation but tries each alias's letters once, not every alias at every word."""
    items = set(aliases)
    if not items:
        return None
    trie: dict[str, Any] = {}
    for a in items:
        node = trie
        for ch in a:
            node = node.setdefault(ch, {})
        node[""] = {}  # an alias ends here
    return re.compile(rf"(?<![\w\-])(?:{_trie_body(trie)})(?![\w]|-\w)", flags)


def _trie_body(node: dict[str, Any]) -> str:
    """The regex of a trie node: its continuations first (longer aliases), then the end, if one ends here."""
    alts = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_body(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:
        return ("(?:" + body + ")" if len(alts) == 1 else body) + "?"
    return body


_UNIT_AFTER = re.compile(r"^\s*\($")
_NP_GLUE = re.compile(r"^[\s\-]*(?:[A-Za-z'’\-]+\s+){0,2}$")


def _drop_generic_beside_named(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """'a Daesh gunman', 'ISIS fighters': the generic noun belongs to the named actor before it."""
    out: list[ActorMention] = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if m.generic and m.actor.type != "civilians" and nxt is not None and not nxt.generic \
                and _UNIT_AFTER.match(text[m.end:nxt.start]):
            continue  # "government security forces (Danab)": the unit in brackets names them
        prev = out[-1] if out else None
        if prev is not None and m.actor.type == "state forces" and prev.actor.type == "external/other forces" \
                and prev.actor.country is None and not text[prev.end:m.start].strip():
            continue  # "AUSSOM UPDF forces", "MONUSCO Indian peacekeepers": a contingent of the mission before it
        if m.actor.generic and m.actor.type != "civilians" and i > 0:
            prev = mentions[i - 1]
            gap = text[prev.end:m.start]
            if not prev.generic and len(gap) <= 20 and _NP_GLUE.match(gap) and "," not in gap:
                continue
        out.append(m)
    return out


_SERVICES = (r"armed\s+forces|security\s+forces|special\s+forces|air\s+force|border\s+guards?|coast\s+guard|"
             r"police\s+forces|police\s+officers?|police|policemen|gendarmes|gendarmerie|army|forces|troops|soldiers|"
             r"military|navy|marines|warplanes|jets|drones|servicemen|paratroopers|commandos|bombs|bombers|"
             r"helicopters|gunships|air\s*strikes|artillery")
_SERVICE_HINTS = ("force", "troop", "soldier", "army", "military", "police", "guard", "navy", "marine", "warplane",
                  "jets", "drone", "gendarm", "servicemen", "paratroop", "commando", "bomb", "helicopter", "gunship",
                  "strike", "artillery")
_CLAN_NAME = r"[A-Z][\w'’]+"
_CLAN = re.compile(rf"(?P<n>{_CLAN_NAME}(?:(?:\s+|\s*-\s*){_CLAN_NAME}){{0,4}})\s+(?:sub\s*-?\s*)?clans?"
                   r"(?:\s+(?:militias?|militiamen|fighters|gunmen|forces))")
# capitalised words that open a sentence or a noun phrase before a clan's name, not part of it
_CLAN_LEAD = frozenset({"The", "A", "An", "Two", "Three", "Rival", "Local", "Armed", "Unidentified", "Several",
                        "Heavily", "Both", "Some", "Other", "Another", "Allied", "Somali", "Kenyan", "Ethiopian",
                        "Sudanese", "Tribal", "Militia", "Militias", "On", "In", "From", "Of"})


def _clan_name(words: list[str], clans: dict[str, dict[str, str]]) -> str:
    """"Hawadle" -> "Hawiye-Hawadle Sub-Clan Militia ({country})"; "Hawiye" -> "Hawiye Clan Militia
    ({country})"; a clan the dictionary does not know keeps the words as written."""
    written = " ".join(words)
    for table in clans.values():
        for n in range(len(words), 0, -1):  # "Habar Gedir Sacad": the longest known clan opening it
            head = _key(" ".join(words[:n]))
            lineage = table.get(head)
            if lineage is None:
                continue
            rest = " ".join(words[n:])
            full = lineage + (f"-{rest}" if rest else "")
            return f"{full} {'Sub-Clan' if '-' in full else 'Clan'} Militia ({{country}})"
    return f"{written.replace(' - ', '-')} Clan Militia ({{country}})"


def _load_yaml(path: Path) -> dict[str, Any]:
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    if not isinstance(raw, dict) or "actors" not in raw:
        raise ValueError(f"{path.name}: no 'actors' list")
    return raw


def _load_raw() -> dict[str, Any]:
    """actors.yaml and actors_world.yaml as one dictionary (the world file's states become actors)."""
    raw = _load_yaml(DATA_FILE)
    world = _load_yaml(WORLD_FILE)
    raw["actors"] = list(raw["actors"]) + list(world["actors"])
    raw["clans"] = world.get("clans") or {}
    raw.setdefault("countries", {})
    for which in ("military", "police"):
        raw.setdefault(which, {})
    for code, st in (world.get("states") or {}).items():
        iso = str(st.get("country") or code)
        cname = str(st["name"])
        if code == iso:
            raw["countries"].setdefault(iso, cname.removeprefix("the "))
        periods = [str(p) for p in st.get("periods") or ()]
        for service, label in (("military", "Military Forces"), ("police", "Police Forces")):
            aliases = [str(a) for a in st.get(service) or ()]
            named = [a for a in raw["actors"] if code == iso and (a.get("key") or a["name"]) == raw[service].get(iso)]
            if named:  # actors.yaml defines this force already: add the aliases
                for a in named:
                    a["aliases"] = list(a.get("aliases") or ()) + aliases
                continue
            chain = _period_chain(f"{label} of {cname}", "", periods, iso, aliases)
            raw["actors"] += chain
            if code == iso:
                raw[service][iso] = chain[-1]["name"]
        for unit in st.get("units") or ():
            label = "Police Forces" if unit.get("service") == "police" else "Military Forces"
            raw["actors"] += _period_chain(f"{label} of {cname}", f" {unit['unit']}", periods, iso,
                                           [str(a) for a in unit.get("aliases") or ()])
    return raw


def _period_chain(head: str, tail: str, periods: list[str], iso: str, aliases: list[str]) -> list[dict[str, Any]]:
    """One actor per government period ("Military Forces of Kenya (2013-2022)", "... (2022-)"), linked by
    successor; the aliases sit on the current one (dates lead to the others)."""
    if not periods:
        return [{"name": f"{head}{tail}", "type": "state forces", "country": iso, "aliases": aliases}]
    out: list[dict[str, Any]] = []
    for i, start in enumerate(periods):
        end = periods[i + 1] if i + 1 < len(periods) else None
        span = f"{start[:4]}-{end[:4] if end else ''}"
        out.append({"name": f"{head} ({span}){tail}", "type": "state forces", "country": iso,
                    "since": start if i else None, "until": end, "aliases": []})
    for a, b in zip(out, out[1:], strict=False):
        a["successor"] = b["name"]
    out[-1]["aliases"] = aliases
    return out


@functools.lru_cache(maxsize=1)
def load_actors() -> ActorDictionary:
    """The packaged actor dictionary (parsed once per process)."""
    raw = _load_raw()
    actors: list[ActorDef] = []
    for a in raw["actors"]:
        name = str(a["name"])
        actors.append(
            ActorDef(
                name=name,
                key=str(a.get("key") or name),
                type=a.get("type"),
                country=a.get("country"),
                generic=bool(a.get("generic", False)),
                by_country=tuple(sorted((str(k), str(v)) for k, v in (a.get("by_country") or {}).items())),
                since=str(a["since"]) if a.get("since") else None,
                until=str(a["until"]) if a.get("until") else None,
                successor=a.get("successor"),
                elsewhere=a.get("elsewhere"),
                aliases=tuple(str(x) for x in a.get("aliases") or ()) + (name,),
                kind="generic" if a.get("generic") else "named",
            )
        )
    sg = raw.get("state_generic") or {}
    actors.append(ActorDef(name="state military", key="state military", type="state forces",
                           aliases=tuple(sg.get("military") or ()), kind="state-military"))
    actors.append(ActorDef(name="state police", key="state police", type="state forces",
                           aliases=tuple(sg.get("police") or ()), kind="state-police"))
    demonyms = {str(w).lower(): str(iso) for iso, words in (raw.get("demonyms") or {}).items() for w in words}
    clans = {str(iso): {_key(c): (f"{fam}-{c}" if _key(c) != _key(fam) else str(fam))
                        for fam, members in fams.items() for c in [fam, *members]}
             for iso, fams in (raw.get("clans") or {}).items()}
    gov_names = {str(n).lower(): str(iso) for iso, ns in (raw.get("government_names") or {}).items() for n in ns}
    return ActorDictionary(
        officials=tuple(str(o) for o in raw.get("officials") or ()),
        government_names=gov_names,
        actors=actors,
        countries={str(k): str(v) for k, v in (raw.get("countries") or {}).items()},
        demonyms=demonyms,
        military={str(k): str(v) for k, v in (raw.get("military") or {}).items()},
        police={str(k): str(v) for k, v in (raw.get("police") or {}).items()},
        clans=clans,
    )


def find_actors(text: str) -> list[ActorMention]:
    """Actor mentions in ``text`` from the packaged dictionary."""
    return load_actors().find(text)


def canonical_actor(name: str, country: str | None = None, date: str | None = None) -> ActorRef:
    """A name as written -> its canonical ActorRef; unknown organisations are kept as written."""
    d = load_actors()
    a = d.lookup(name)
    if a is None:
        return ActorRef(name=" ".join(name.split()), type=None, country=None, mention=name)
    return d.resolve(a, country, date, mention=name)


def all_aliases() -> list[tuple[str, str, str | None]]:
    """(alias, canonical name, type) for every named actor: for the entity ruler of the NLP pipeline."""
    out = []
    for a in load_actors().actors:
        if a.kind != "named":
            continue
        for alias in a.aliases:
            out.append((alias, a.name, a.type))
    return out
