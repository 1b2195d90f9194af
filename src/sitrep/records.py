"""The records that flow through sitrep: frozen, slotted dataclasses.

Document -> Event (one per source report) -> Incident (with Contradictions); PersonRole.
Every extracted value keeps its evidence (character offsets into the document text) and the
rule that produced it. ``to_dict``/``from_dict`` give the JSON contracts of DESIGN.md.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Literal

DatePrecision = Literal["day", "week", "month", "year", "unknown"]
PlacePrecision = Literal["point", "district", "admin1", "country"]

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
    "Diplomacy": (
        "consult",
        "statement",
        "threaten",
        "accuse/condemn",
        "agree",
        "request",
        "sanction",
        "aid",
    ),
}
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def content_id(text: str, length: int = 16) -> str:
    """A stable id from normalised content (whitespace collapsed, case folded)."""
    norm = " ".join(text.split()).casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:length]


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the document text: the sentence (or clause) that states a value."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Evidence | None:
        if not d:
            return None
        return cls(text=str(d.get("text", "")), start=int(d.get("start", 0)), end=int(d.get("end", 0)))


@dataclass(frozen=True, slots=True)
class Document:
    """One article. ``id`` is the content hash of the normalised text."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None  # outlet / channel / feed title
    url: str | None = None
    language: str = "en"
    published: str | None = None  # YYYY-MM-DD | YYYY-MM | YYYY
    published_precision: DatePrecision = "unknown"
    published_method: str | None = None  # metadata | dateline | caption | inferred
    origin: str | None = None  # where it came from: path[#part] or URL
    duplicate_of: str | None = None  # id of the original for near-duplicates

    @classmethod
    def create(cls, text: str, **kw: Any) -> Document:
        return cls(id=content_id(text), text=text, **kw)

    @property
    def label(self) -> str | None:
        """Where the document came from, as shown to people: the outlet, else the title, else the file name
        (the host of a URL). None only when nothing is known."""
        if self.source and self.source.strip():
            return self.source.strip()
        if self.title and self.title.strip():
            return " ".join(self.title.split())
        origin = (self.origin or self.url or "").split("#", 1)[0]
        if "://" in origin:
            from urllib.parse import urlsplit

            return urlsplit(origin).hostname or None
        return origin.replace("\\", "/").rsplit("/", 1)[-1] or None

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "label": self.label}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression in a text, resolved to a calendar value where possible."""

    mention: str
    start: int
    end: int
    value: str | None  # ISO: 2025-12-13 | 2025-12 | 2025 | 2025-W50; None if not a calendar date
    precision: DatePrecision
    method: str  # explicit | explicit-without-year | relative | anchored-weekday | ...

    def to_dict(self) -> dict[str, Any]:
        return {
            "mention": self.mention,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "precision": self.precision,
            "method": self.method,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place (gazetteer entry or an admin area)."""

    name: str
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: PlacePrecision = "point"
    feature: str | None = None  # GeoNames feature code (PPL, ADM1, ...)
    mention: str | None = None  # text as written

    @property
    def label(self) -> str:
        """The place as shown to people: "Madaya, Rif Dimashq (SY)"."""
        out = self.name
        if self.admin1 and self.admin1 != self.name:
            out += f", {self.admin1}"
        return f"{out} ({self.country})" if self.country and self.country != self.name else out

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "precision": self.precision,
            "feature": self.feature,
            "mention": self.mention,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Place | None:
        if not d or not d.get("name"):
            return None
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym in a text with its resolution (``place`` is None when unresolved)."""

    mention: str
    start: int
    end: int
    place: Place | None

    def to_dict(self) -> dict[str, Any]:
        p = self.place
        return {
            "mention": self.mention,
            "start": self.start,
            "end": self.end,
            "name": p.name if p else None,
            "lat": p.lat if p else None,
            "lon": p.lon if p else None,
            "geonameid": p.geonameid if p else None,
            "country": p.country if p else None,
            "admin1": p.admin1 if p else None,
        }


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A canonical actor with the words the text used for it."""

    name: str
    type: str | None = None  # state forces | rebel group | political militia | identity militia |
    # rioters | protesters | civilians | external/other forces
    country: str | None = None
    mention: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "country": self.country, "mention": self.mention}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> ActorRef | None:
        if not d or not d.get("name"):
            return None
        return cls(name=d["name"], type=d.get("type"), country=d.get("country"), mention=d.get("mention"))


@dataclass(frozen=True, slots=True)
class Event:
    """One report of one happening, as one source states it."""

    doc_id: str
    event_id: str
    event_type: str
    sub_event_type: str | None
    date: str | None
    date_precision: DatePrecision
    evidence: Evidence
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    location: Place | None = None
    fatalities: int | None = None
    injured: int | None = None
    method: str | None = None
    confidence: float = 0.5
    date_method: str | None = None  # how the date was resolved
    source: str | None = None  # outlet of the document (copied for resolution)
    generic: bool = False  # generic/aggregate/hypothetical mention: not a dated event
    notes: tuple[str, ...] = field(default_factory=tuple)  # provenance: rules that fired

    @staticmethod
    def make_id(doc_id: str, start: int, end: int, event_type: str) -> str:
        return hashlib.sha256(f"{doc_id}:{start}:{end}:{event_type}".encode()).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "event_id": self.event_id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_method": self.date_method,
            "actor1": self.actor1.to_dict() if self.actor1 else None,
            "actor2": self.actor2.to_dict() if self.actor2 else None,
            "location": self.location.to_dict() if self.location else None,
            "fatalities": self.fatalities,
            "injured": self.injured,
            "method": self.method,
            "confidence": round(self.confidence, 3),
            "evidence": self.evidence.to_dict(),
            "source": self.source,
            "generic": self.generic,
            "notes": list(self.notes),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        ev = Evidence.from_dict(d.get("evidence")) or Evidence("", 0, 0)
        return cls(
            doc_id=str(d["doc_id"]),
            event_id=str(d.get("event_id") or Event.make_id(str(d["doc_id"]), ev.start, ev.end, d["event_type"])),
            event_type=d["event_type"],
            sub_event_type=d.get("sub_event_type"),
            date=d.get("date"),
            date_precision=d.get("date_precision") or "unknown",
            evidence=ev,
            actor1=ActorRef.from_dict(d.get("actor1")),
            actor2=ActorRef.from_dict(d.get("actor2")),
            location=Place.from_dict(d.get("location")),
            fatalities=d.get("fatalities"),
            injured=d.get("injured"),
            method=d.get("method"),
            confidence=float(d.get("confidence") or 0.5),
            date_method=d.get("date_method"),
            source=d.get("source"),
            generic=bool(d.get("generic", False)),
            notes=tuple(d.get("notes") or ()),
        )

    def with_(self, **changes: Any) -> Event:
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class ContradictionValue:
    """One side of a disagreement: a value, the reports that give it and their evidence."""

    value: Any
    event_ids: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()
    sources: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return display_value(self.value)

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "label": self.label,
            "event_ids": list(self.event_ids),
            "evidence": [e.to_dict() for e in self.evidence],
            "sources": list(self.sources),
            "doc_ids": list(self.doc_ids),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ContradictionValue:
        return cls(
            value=d.get("value"),
            event_ids=tuple(d.get("event_ids") or ()),
            evidence=tuple(e for e in (Evidence.from_dict(x) for x in d.get("evidence") or ()) if e),
            sources=tuple(d.get("sources") or ()),
            doc_ids=tuple(d.get("doc_ids") or ()),
        )


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Sources disagree on ``field`` beyond what precision explains."""

    field: str  # date | sub_event_type | method | fatalities | injured | actor1 | actor2 | location
    values: tuple[ContradictionValue, ...]
    kind: str = ""  # e.g. "date beyond precision", "perpetrator", "casualty figures"

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "kind": self.kind, "values": [v.to_dict() for v in self.values]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Contradiction:
        return cls(
            field=d["field"],
            kind=d.get("kind", ""),
            values=tuple(ContradictionValue.from_dict(v) for v in d.get("values") or ()),
        )


@dataclass(frozen=True, slots=True)
class Incident:
    """The real-world happening behind one or more reports, with consensus values."""

    incident_id: str
    event_ids: tuple[str, ...]
    doc_ids: tuple[str, ...]
    event_type: str
    sub_event_type: str | None
    date: str | None
    date_precision: DatePrecision = "unknown"
    date_low: str | None = None
    date_high: str | None = None
    location: Place | None = None
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    fatalities: int | None = None  # conservative consensus (lowest specific figure)
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injured: int | None = None
    method: str | None = None
    sources: tuple[str, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    support: dict[str, Any] = field(default_factory=dict)  # field -> {value: n reports}

    @staticmethod
    def make_id(event_ids: tuple[str, ...] | list[str]) -> str:
        return hashlib.sha256(",".join(sorted(event_ids)).encode()).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {
            "incident_id": self.incident_id,
            "event_ids": list(self.event_ids),
            "doc_ids": list(self.doc_ids),
            "date": self.date,
            "date_precision": self.date_precision,
            "date_low": self.date_low,
            "date_high": self.date_high,
            "location": self.location.to_dict() if self.location else None,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "actor1": self.actor1.to_dict() if self.actor1 else None,
            "actor2": self.actor2.to_dict() if self.actor2 else None,
            "fatalities": self.fatalities,
            "fatalities_low": self.fatalities_low,
            "fatalities_high": self.fatalities_high,
            "injured": self.injured,
            "method": self.method,
            "sources": list(self.sources),
            "contradictions": [c.to_dict() for c in self.contradictions],
            "support": self.support,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Incident:
        return cls(
            incident_id=d["incident_id"],
            event_ids=tuple(d.get("event_ids") or ()),
            doc_ids=tuple(d.get("doc_ids") or ()),
            event_type=d.get("event_type") or "",
            sub_event_type=d.get("sub_event_type"),
            date=d.get("date"),
            date_precision=d.get("date_precision") or "unknown",
            date_low=d.get("date_low"),
            date_high=d.get("date_high"),
            location=Place.from_dict(d.get("location")),
            actor1=ActorRef.from_dict(d.get("actor1")),
            actor2=ActorRef.from_dict(d.get("actor2")),
            fatalities=d.get("fatalities"),
            fatalities_low=d.get("fatalities_low"),
            fatalities_high=d.get("fatalities_high"),
            injured=d.get("injured"),
            method=d.get("method"),
            sources=tuple(d.get("sources") or ()),
            contradictions=tuple(Contradiction.from_dict(c) for c in d.get("contradictions") or ()),
            support=dict(d.get("support") or {}),
        )


@dataclass(frozen=True, slots=True)
class PersonRole:
    """Who held which post, according to which documents, when (document time)."""

    name: str
    role: str | None
    organisation: str | None = None
    country: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    aliases: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()

    @property
    def person_id(self) -> str:
        key = f"{self.name.casefold()}|{(self.role or '').casefold()}"
        return hashlib.sha256(key.encode()).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return _drop_none(
            {
                "person_id": self.person_id,
                "name": self.name,
                "role": self.role,
                "organisation": self.organisation,
                "country": self.country,
                "first_seen": self.first_seen,
                "last_seen": self.last_seen,
                "aliases": list(self.aliases),
                "doc_ids": list(self.doc_ids),
                "sources": list(self.sources),
                "evidence": [e.to_dict() for e in self.evidence],
            }
        )

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PersonRole:
        return cls(
            name=d["name"],
            role=d.get("role"),
            organisation=d.get("organisation"),
            country=d.get("country"),
            first_seen=d.get("first_seen"),
            last_seen=d.get("last_seen"),
            aliases=tuple(d.get("aliases") or ()),
            doc_ids=tuple(d.get("doc_ids") or ()),
            sources=tuple(d.get("sources") or ()),
            evidence=tuple(e for e in (Evidence.from_dict(x) for x in d.get("evidence") or ()) if e),
        )


def display_value(value: Any) -> str:
    """A value as shown to people (tables, brief, web UI): a place or an actor by its name, never a
    Python or JSON representation; a missing value is "unknown"."""
    if value is None or value == "":
        return "unknown"
    if isinstance(value, Place):
        return value.label
    if isinstance(value, ActorRef):
        return value.name
    if isinstance(value, dict):
        if "lat" in value or "geonameid" in value or "admin1" in value:
            place = Place.from_dict(value)
            return place.label if place else "unknown"
        if value.get("name"):
            return str(value["name"])
        return "; ".join(f"{k}: {display_value(v)}" for k, v in value.items() if v not in (None, ""))
    if isinstance(value, list | tuple):
        return "; ".join(display_value(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def date_bounds(value: str | None) -> tuple[str | None, str | None]:
    """The first and last day an ISO date value can mean: '2025-12' -> ('2025-12-01', '2025-12-31')."""
    import calendar
    import datetime as _dt

    if not value:
        return None, None
    try:
        if "-W" in value:
            year, week = value.split("-W")
            monday = _dt.date.fromisocalendar(int(year), int(week), 1)
            return monday.isoformat(), (monday + _dt.timedelta(days=6)).isoformat()
        parts = value.split("-")
        if len(parts) == 1:
            return f"{int(parts[0]):04d}-01-01", f"{int(parts[0]):04d}-12-31"
        if len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            last = calendar.monthrange(y, m)[1]
            return f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{last:02d}"
        day = _dt.date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
        return day.isoformat(), day.isoformat()
    except (ValueError, IndexError, OverflowError):
        return None, None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    import math

    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def flatten(d: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """A record's dict as one flat row: nested keys joined with dots, lists of records as JSON, other lists
    joined with "; " (table cells, CSV, DataFrames)."""
    out: dict[str, Any] = {}
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(flatten(v, key + "."))
        elif isinstance(v, list):
            out[key] = json.dumps(v, ensure_ascii=False) if v and isinstance(v[0], dict) else "; ".join(map(str, v))
        else:
            out[key] = v
    return out
