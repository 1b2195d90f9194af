"""The actor dictionary: canonical actors, their aliases, and mentions of them in text.

``find_actors(text)`` returns every dictionary mention (longest match wins, acronyms matched
case-sensitively); ``ActorMention.resolve(country, date)`` turns a mention into an
:class:`~sitrep.records.ActorRef` with the ACLED-style name that fits the event's country and
date ("Military Forces of Syria (2000-2024)" before 8 December 2024, the new forces after;
"Civilians (Iraq)"; "Islamic State (Syria)"). Demonyms ("Russian airstrikes") and generic state
words ("the army", "police") resolve to the military or police of a country.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sitrep.records import ActorRef

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "actors.yaml"


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

    @property
    def generic(self) -> bool:
        return self.actor.generic or self.actor.kind != "named"


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
    _alias_ci: dict[str, ActorDef] = field(default_factory=dict)
    _alias_cs: dict[str, ActorDef] = field(default_factory=dict)
    _gov_re: re.Pattern[str] = field(default_factory=lambda: re.compile(r"(?!)"))

    def __post_init__(self) -> None:
        for a in self.actors:
            self.by_key.setdefault(a.key, a)
            self.by_name.setdefault(a.name, a)
        ci: dict[str, ActorDef] = {}
        cs: dict[str, ActorDef] = {}
        for a in self.actors:
            for alias in a.aliases:
                if _is_acronym(alias):
                    cs.setdefault(alias, a)
                else:
                    ci.setdefault(_key(alias), a)
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
                a = table.get(key)
                if a is None:
                    continue
                hint = a.country if a.kind != "named" else None
                cands.append(ActorMention(m.start(), m.end(), text[m.start():m.end()], a, hint))
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
        return self._alias_cs.get(name) or self._alias_ci.get(_key(name))

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
        return self.countries.get(iso or "")

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
        actor = self._for_date(actor, date)
        if actor.by_country:
            name = dict(actor.by_country).get(country or "", actor.name)
            return ActorRef(name=name, type=actor.type, country=actor.country or country, mention=mention)
        if "{country}" in actor.name:
            cname = self.country_name(country)
            name = actor.name.replace("{country}", cname) if cname else actor.name.replace(" ({country})", "")
            return ActorRef(name=name, type=actor.type, country=country, mention=mention)
        return ActorRef(name=actor.name, type=actor.type, country=actor.country, mention=mention)

    def _for_date(self, actor: ActorDef, date: str | None) -> ActorDef:
        if not date:
            return actor
        d = date[:10]
        # a month-precise date in the month of the change is ambiguous: keep the older actor then
        if actor.until and actor.successor and (
            (len(d) == 10 and d >= actor.until) or (len(d) < 10 and d > actor.until[: len(d)])
        ):
            return self.by_name.get(actor.successor, actor)
        if actor.since and d < actor.since[: len(d)]:
            pred = next((a for a in self.actors if a.successor == actor.name), None)
            if pred is not None:
                return pred
        return actor


def _is_acronym(alias: str) -> bool:
    core = alias.replace(".", "").replace("-", "")
    return len(core) <= 5 and core.isupper()


_TRANS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "–": "-", "—": "-", "‑": "-", " ": " "})


def _norm(s: str) -> str:
    """Same-length normalisation for matching: quotes and dashes unified."""
    return s.translate(_TRANS)


def _key(s: str) -> str:
    return " ".join(_norm(s).lower().split())


def _alternation(aliases: Iterable[str], flags: int) -> re.Pattern[str] | None:
    items = sorted(set(aliases), key=len, reverse=True)
    if not items:
        return None
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in items)
    return re.compile(rf"(?<![\w\-])(?:{body})(?![\w]|-\w)", flags)


_NP_GLUE = re.compile(r"^[\s\-]*(?:[A-Za-z'’\-]+\s+){0,2}$")


def _drop_generic_beside_named(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """'a Daesh gunman', 'ISIS fighters': the generic noun belongs to the named actor before it."""
    out: list[ActorMention] = []
    for i, m in enumerate(mentions):
        if m.actor.generic and m.actor.type != "civilians" and i > 0:
            prev = mentions[i - 1]
            gap = text[prev.end:m.start]
            if not prev.generic and len(gap) <= 20 and _NP_GLUE.match(gap) and "," not in gap:
                continue
        out.append(m)
    return out


def _load_raw() -> dict[str, Any]:
    raw = yaml.load(DATA_FILE.read_text(encoding="utf-8"), Loader=_LOADER)
    if not isinstance(raw, dict) or "actors" not in raw:
        raise ValueError("actors.yaml: no 'actors' list")
    return raw


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
    gov_names = {str(n).lower(): str(iso) for iso, ns in (raw.get("government_names") or {}).items() for n in ns}
    return ActorDictionary(
        officials=tuple(str(o) for o in raw.get("officials") or ()),
        government_names=gov_names,
        actors=actors,
        countries={str(k): str(v) for k, v in (raw.get("countries") or {}).items()},
        demonyms=demonyms,
        military={str(k): str(v) for k, v in (raw.get("military") or {}).items()},
        police={str(k): str(v) for k, v in (raw.get("police") or {}).items()},
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
