"""Exports: JSONL (events, incidents), ACLED-compatible CSV (one row per incident), GeoJSON.

Every export takes the same :class:`~sitrep.store.base.Query` filters as the query commands.
ACLED conventions followed (ACLED codebook, 2023+ column set):

* ``inter1``/``inter2`` are the numeric actor-type codes 1-8 (0 when there is no second actor) and
  ``interaction`` is the two codes combined, smaller first (``17`` = state forces vs civilians;
  ``10`` = state forces alone).
* ``time_precision``: 1 = the day is known, 2 = a week or a few days, 3 = only the month or year
  (the date written is then the first day of the range the report allows).
* ``geo_precision``: 1 = the town itself, 2 = near a town / its district, 3 = province or country.
* ``source`` lists every outlet behind the incident joined with ``"; "``; ``fatalities`` is the
  conservative consensus (the lowest specific figure; 0 when no report gives one).
* Diplomacy records, which ACLED does not code, are exported as Strategic developments / Other
  with a ``diplomacy: <sub type>`` tag.
"""

from __future__ import annotations

import csv
import io
import json
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal, TextIO

from sitrep.records import Event, Incident
from sitrep.store.base import Query, Store

__all__ = [
    "ACLED_COLUMNS",
    "EXPORT_FORMATS",
    "acled_row",
    "acled_rows",
    "country_info",
    "csv_safe",
    "event_feature",
    "export",
    "feature_collection",
    "incident_feature",
    "write_acled_csv",
    "write_jsonl",
]

ExportFormat = Literal["jsonl", "acled-csv", "geojson"]
EXPORT_FORMATS: tuple[str, ...] = ("jsonl", "acled-csv", "geojson")

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

# ACLED actor-type codes (inter1/inter2)
INTER_CODES: dict[str, int] = {
    "state forces": 1,
    "rebel group": 2,
    "political militia": 3,
    "identity militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other forces": 8,
}
GEO_PRECISION = {"point": 1, "district": 2, "admin1": 3, "country": 3}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "unknown": 3}


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    path = resources.files("sitrep") / "data" / "naturalearth" / "countries.json"
    data: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def country_info(code: str | None) -> dict[str, Any]:
    """ISO2 (or name) -> {"iso2", "iso3", "iso_n3", "name", "region"}; empty values when unknown."""
    if not code:
        return {"iso2": None, "iso3": None, "iso_n3": None, "name": None, "region": None}
    table = _countries()
    key = code.strip().upper()
    if key not in table:
        folded = code.strip().casefold()
        key = next((k for k, v in table.items() if str(v["name"]).casefold() == folded), key)
    info = table.get(key)
    if info is None:
        return {"iso2": code, "iso3": None, "iso_n3": None, "name": code, "region": None}
    return {"iso2": key, **info}


def disorder_type(event_type: str, sub_event_type: str | None) -> str:
    """ACLED's disorder_type for an event type / sub-event type."""
    if event_type == "Protests":
        return "Demonstrations"
    if event_type == "Riots":
        return "Political violence" if sub_event_type == "Mob violence" else "Demonstrations"
    if sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if event_type in ("Strategic developments", "Diplomacy"):
        return "Strategic developments"
    return "Political violence"


def inter_code(actor_type: str | None) -> int:
    return INTER_CODES.get((actor_type or "").strip().lower(), 0)


def interaction_code(inter1: int, inter2: int) -> int:
    """ACLED's interaction: the two actor-type codes, smaller first; one actor alone -> code*10."""
    if not inter1 and not inter2:
        return 0
    if not inter2 or not inter1:
        return max(inter1, inter2) * 10
    lo, hi = sorted((inter1, inter2))
    return lo * 10 + hi


def _event_date(date: str | None, low: str | None) -> str:
    """A full YYYY-MM-DD for ACLED: the date itself, or the first day of the range it allows."""
    value = date or low or ""
    if len(value) == 10:
        return value
    if len(value) == 7:
        return value + "-01"
    if len(value) == 4 and value.isdigit():
        return value + "-01-01"
    if low and len(low) == 10:
        return low
    return ""


def _notes(inc: Incident, events: Sequence[Event]) -> str:
    parts: list[str] = []
    seen: set[str] = set()
    for e in events:
        text = " ".join(e.evidence.text.split())
        if text and text not in seen:
            seen.add(text)
            parts.append(f"[{e.source}] {text}" if e.source else text)
    for c in inc.contradictions:
        sides = "; ".join(
            f"{v.value} ({', '.join(v.sources) or ', '.join(v.doc_ids)})" for v in c.values
        )
        parts.append(f"Sources disagree on {c.field}: {sides}.")
    if inc.fatalities_low is not None and inc.fatalities_high not in (None, inc.fatalities_low):
        parts.append(f"Fatality figures range from {inc.fatalities_low} to {inc.fatalities_high}.")
    return " ".join(parts)


def _tags(inc: Incident) -> str:
    tags: list[str] = []
    if inc.event_type == "Diplomacy":
        tags.append(f"diplomacy: {inc.sub_event_type}")
    for c in inc.contradictions:
        tags.append(f"contradiction: {c.field}")
    if len(inc.sources) > 1:
        tags.append(f"{len(inc.sources)} sources")
    return "; ".join(tags)


def _incident_country(inc: Incident) -> str | None:
    """The place's country; for events with no place (a phone call), the first actor's country."""
    if inc.location and inc.location.country:
        return inc.location.country
    for actor in (inc.actor1, inc.actor2):
        if actor and actor.country:
            return actor.country
    return None


def acled_row(inc: Incident, events: Sequence[Event] = (), timestamp: int | None = None) -> dict[str, Any]:
    """One ACLED-style row for one incident (``events``: its reports, for the notes)."""
    loc = inc.location
    country = country_info(_incident_country(inc))
    i1 = inter_code(inc.actor1.type if inc.actor1 else None)
    i2 = inter_code(inc.actor2.type if inc.actor2 else None)
    event_type, sub_type = inc.event_type, inc.sub_event_type
    if event_type == "Diplomacy":
        event_type, sub_type = "Strategic developments", "Other"
    date = _event_date(inc.date, inc.date_low)
    civ = inc.actor2 is not None and (inc.actor2.type or "").lower() == "civilians"
    if inc.event_type == "Violence against civilians":
        civ = True
    return {
        "event_id_cnty": f"{country['iso3'] or 'XXX'}{inc.incident_id.upper()}",
        "event_date": date,
        "year": int(date[:4]) if date[:4].isdigit() else 0,
        "time_precision": TIME_PRECISION.get(inc.date_precision, 3),
        "disorder_type": disorder_type(inc.event_type, inc.sub_event_type),
        "event_type": event_type,
        "sub_event_type": sub_type or "",
        "actor1": inc.actor1.name if inc.actor1 else "",
        "assoc_actor_1": "",
        "inter1": i1,
        "actor2": inc.actor2.name if inc.actor2 else "",
        "assoc_actor_2": "",
        "inter2": i2,
        "interaction": interaction_code(i1, i2),
        "civilian_targeting": "Civilian targeting" if civ else "",
        "iso": int(country["iso_n3"] or 0),
        "region": country["region"] or "",
        "country": country["name"] or "",
        "admin1": (loc.admin1 if loc else None) or "",
        "admin2": (loc.admin2 if loc else None) or "",
        "admin3": "",
        "location": (loc.name if loc else None) or "",
        "latitude": loc.lat if loc and loc.lat is not None else None,
        "longitude": loc.lon if loc and loc.lon is not None else None,
        "geo_precision": GEO_PRECISION.get(loc.precision, 3) if loc else 3,
        "source": "; ".join(inc.sources),
        "source_scale": "",
        "notes": _notes(inc, events),
        "fatalities": int(inc.fatalities or 0),
        "tags": _tags(inc),
        "timestamp": _timestamp() if timestamp is None else timestamp,
    }


def _timestamp() -> int:
    """Upload time as ACLED writes it; SOURCE_DATE_EPOCH makes exports reproducible."""
    env = os.environ.get("SOURCE_DATE_EPOCH")
    return int(env) if env and env.isdigit() else int(time.time())


def acled_rows(store: Store, q: Query | None = None) -> Iterator[dict[str, Any]]:
    """ACLED rows for the incidents that match ``q``."""
    q = q or Query()
    ts = _timestamp()
    for inc in store.incidents(q):
        yield acled_row(inc, store.get_events(inc.event_ids), timestamp=ts)


# Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"): a source
# or a note such as =HYPERLINK("http://evil","x") must arrive as text, not run.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text: a string starting with ``= + - @``, tab or CR
    gets a leading single quote (OWASP's advice); numbers and other strings pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_acled_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=list(ACLED_COLUMNS), lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: ("" if v is None else csv_safe(v)) for k, v in row.items()})
        n += 1
    return n


def write_jsonl(records: Iterable[Event | Incident], out: TextIO) -> int:
    n = 0
    for r in records:
        out.write(json.dumps(r.to_dict(), ensure_ascii=False, sort_keys=True))
        out.write("\n")
        n += 1
    return n


def _point(lat: float | None, lon: float | None) -> dict[str, Any] | None:
    if lat is None or lon is None:
        return None
    return {"type": "Point", "coordinates": [round(float(lon), 6), round(float(lat), 6)]}


def _feature(rec: Event | Incident, fid: str, head: dict[str, Any], tail: dict[str, Any]) -> dict[str, Any]:
    """A GeoJSON Feature (RFC 7946: [lon, lat]; geometry null when the place has no point)."""
    loc = rec.location
    common = {
        "event_type": rec.event_type,
        "sub_event_type": rec.sub_event_type,
        "date": rec.date,
        "date_precision": rec.date_precision,
        "place": loc.name if loc else None,
        "admin1": loc.admin1 if loc else None,
        "country": loc.country if loc else None,
        "geo_precision": loc.precision if loc else None,
        "actor1": rec.actor1.name if rec.actor1 else None,
        "actor2": rec.actor2.name if rec.actor2 else None,
        "fatalities": rec.fatalities,
    }
    return {
        "type": "Feature",
        "id": fid,
        "geometry": _point(loc.lat, loc.lon) if loc else None,
        "properties": {**head, **common, **tail},
    }


def incident_feature(inc: Incident) -> dict[str, Any]:
    return _feature(
        inc,
        inc.incident_id,
        {"kind": "incident", "incident_id": inc.incident_id},
        {
            "sources": list(inc.sources),
            "reports": len(inc.event_ids),
            "contradictions": [c.field for c in inc.contradictions],
        },
    )


def event_feature(ev: Event) -> dict[str, Any]:
    return _feature(
        ev,
        ev.event_id,
        {"kind": "event", "event_id": ev.event_id, "doc_id": ev.doc_id},
        {"source": ev.source, "evidence": ev.evidence.text},
    )


def feature_collection(records: Iterable[Event | Incident], located_only: bool = False) -> dict[str, Any]:
    feats = [incident_feature(r) if isinstance(r, Incident) else event_feature(r) for r in records]
    if located_only:
        feats = [f for f in feats if f["geometry"] is not None]
    return {"type": "FeatureCollection", "features": feats}


@dataclass(frozen=True, slots=True)
class ExportResult:
    format: str
    what: str
    count: int


def export(
    store: Store,
    out: TextIO,
    fmt: str = "jsonl",
    q: Query | None = None,
    what: Literal["events", "incidents"] = "incidents",
) -> ExportResult:
    """Write the records matching ``q`` to ``out``; ``acled-csv`` is always one row per incident."""
    q = q or Query()
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(EXPORT_FORMATS)})")
    if what not in ("events", "incidents"):
        raise ValueError(f"unknown record kind {what!r} (events or incidents)")
    if fmt == "acled-csv":
        return ExportResult(fmt, "incidents", write_acled_csv(acled_rows(store, q), out))
    records: list[Event] | list[Incident] = store.events(q) if what == "events" else store.incidents(q)
    if fmt == "jsonl":
        return ExportResult(fmt, what, write_jsonl(records, out))
    fc = feature_collection(records)
    json.dump(fc, out, ensure_ascii=False)
    out.write("\n")
    return ExportResult(fmt, what, len(fc["features"]))


def export_text(store: Store, fmt: str = "jsonl", q: Query | None = None, what: str = "incidents") -> str:
    """The export as a string (for notebooks and tests)."""
    buf = io.StringIO()
    export(store, buf, fmt, q, what)  # type: ignore[arg-type]
    return buf.getvalue()
