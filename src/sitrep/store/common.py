"""What both store backends share: the Query -> SQL filter builder and row/geo helpers.

The SQL is parameterised: filter values travel as parameters, never in the SQL text. Each
backend passes its placeholder (``?`` or ``%s``) and its own full-text clause.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable
from importlib import resources
from typing import Any, TypeVar

from sitrep.records import Event, Incident, date_bounds, haversine_km
from sitrep.store.base import Query

T = TypeVar("T")

# (table, alias, user text) -> (where clause, params, join clause), or None: no searchable words
TextFilter = Callable[[str, str, str], "tuple[str, list[Any], str] | None"]


def migrations(dialect: str) -> list[tuple[int, str]]:
    """The numbered migration scripts of a dialect, in order: [(version, sql)]."""
    folder = resources.files("sitrep.store.migrations").joinpath(dialect)
    out = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            out.append((int(name[:3]), entry.read_text(encoding="utf-8")))
    return sorted(out)


def like(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, with LIKE's wildcards escaped (ESCAPE '\\')."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def near_box(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    """A lat/lon bounding box that contains the circle (for an index pre-filter)."""
    dlat = km / 111.0
    dlon = km / max(1e-6, 111.0 * math.cos(math.radians(lat)))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def country_code(value: str) -> str:
    """ISO2 for a country given as ISO2, name or demonym ('Syria' -> 'SY'); unknown names pass as given."""
    v = value.strip()
    if len(v) == 2:
        return v.upper()
    from sitrep.geo.gazetteer import load_gazetteer

    return load_gazetteer().country_of(v) or v


def filter_sql(table: str, alias: str, q: Query, ph: str, text: TextFilter) -> tuple[str, list[Any], str] | None:
    """WHERE clause, parameters and join for a Query on ``events`` or ``incidents``.

    None when the text filter has no searchable words (the answer is then empty).
    """
    where: list[str] = []
    params: list[Any] = []
    join = ""
    if q.text:
        found = text(table, alias, q.text)
        if found is None:
            return None
        clause, text_params, join = found
        where.append(clause)
        params += text_params
    if q.country:
        where.append(f"{alias}.country = {ph}")
        params.append(country_code(q.country))
    if q.admin1:
        where.append(f"lower({alias}.admin1) = lower({ph})")
        params.append(q.admin1)
    if q.since:
        where.append(f"{alias}.date_high >= {ph}")
        params.append(date_bounds(q.since)[0] or q.since)
    if q.until:
        where.append(f"{alias}.date_low <= {ph}")
        params.append(date_bounds(q.until)[1] or q.until)
    if q.type:
        where.append(f"(lower({alias}.event_type) = lower({ph}) OR lower({alias}.sub_event_type) = lower({ph}))")
        params += [q.type, q.type]
    if q.actor:
        where.append(
            f"(lower({alias}.actor1) LIKE lower({ph}) ESCAPE '\\' "
            f"OR lower({alias}.actor2) LIKE lower({ph}) ESCAPE '\\')"
        )
        params += [like(q.actor), like(q.actor)]
    if q.source:
        if table == "events":
            where.append(f"lower({alias}.source) = lower({ph})")
            params.append(q.source)
        else:
            where.append(f"lower({alias}.sources) LIKE lower({ph}) ESCAPE '\\'")
            params.append(like(q.source))
    if q.doc_id:
        if table == "events":
            where.append(f"{alias}.doc_id = {ph}")
        else:
            where.append(
                f"{alias}.incident_id IN (SELECT ie.incident_id FROM incident_events ie "
                f"JOIN events ed ON ed.event_id = ie.event_id WHERE ed.doc_id = {ph})"
            )
        params.append(q.doc_id)
    if q.incident_id:
        if table == "events":
            where.append(f"{alias}.event_id IN (SELECT event_id FROM incident_events WHERE incident_id = {ph})")
        else:
            where.append(f"{alias}.incident_id = {ph}")
        params.append(q.incident_id)
    if q.near:
        lat, lon, km = q.near
        s, n, w, e = near_box(lat, lon, km)
        where.append(f"{alias}.lat BETWEEN {ph} AND {ph} AND {alias}.lon BETWEEN {ph} AND {ph}")
        params += [s, n, w, e]
    return (" WHERE " + " AND ".join(where)) if where else "", params, join


# The widest date interval (date_high - date_low, in days) of each ``span_class`` but the last: a
# class's events whose interval reaches a day lie at most this many days before it, so a query for a
# window reads a bounded range of the (country, span_class, date_low) index, not every older event.
SPAN_CLASS_DAYS = (30, 365)


def span_class(low: str | None, high: str | None) -> int | None:
    """The events table's ``span_class`` of a date interval: the first class of ``SPAN_CLASS_DAYS`` it
    fits, else the last (any width, or dates Python cannot read); None when undated."""
    if low is None or high is None:
        return None
    try:
        days = (dt.date.fromisoformat(high) - dt.date.fromisoformat(low)).days
    except ValueError:
        return len(SPAN_CLASS_DAYS)
    return next((c for c, widest in enumerate(SPAN_CLASS_DAYS) if days <= widest), len(SPAN_CLASS_DAYS))


class ParsedEvents:
    """Events parsed from their stored JSON, kept by id while the JSON is unchanged: consecutive
    ingest batches load overlapping windows, so most of a window's events were parsed for the one
    before. A row whose JSON differs (the event was rewritten) is parsed again. Holds at most
    ``size`` events (emptied when full)."""

    def __init__(self, size: int = 100_000) -> None:
        self.size = size
        self._parsed: dict[str, tuple[str, Event]] = {}

    def get(self, event_id: str, data: str) -> Event:
        hit = self._parsed.get(event_id)
        if hit is not None and hit[0] == data:
            return hit[1]
        if len(self._parsed) >= self.size:
            self._parsed.clear()
        ev = Event.from_dict(json.loads(data))
        self._parsed[event_id] = (data, ev)
        return ev


def window_sql(ph: str, country: str | None, since: str, until: str) -> tuple[str, list[Any]]:
    """SELECT event_id, data of the non-generic events of ``country`` (None: any) whose date interval overlaps
    [since, until] (ISO days): one index range per span class, each starting where that class's
    widest interval could still reach ``since`` (the last class and undated rows are not bounded)."""
    first = dt.date.fromisoformat(since)
    country = country_code(country) if country is not None else None
    where_country = f"country = {ph} AND " if country is not None else ""
    arms: list[str] = []
    params: list[Any] = []
    for c in range(len(SPAN_CLASS_DAYS) + 1):
        arm = f"SELECT event_id, data FROM events WHERE {where_country}span_class = {ph} AND date_low <= {ph}"
        arm_params: list[Any] = [*([country] if country is not None else []), c, until]
        if c < len(SPAN_CLASS_DAYS):
            arm += f" AND date_low >= {ph}"
            arm_params.append((first - dt.timedelta(days=SPAN_CLASS_DAYS[c])).isoformat())
        arms.append(arm + f" AND date_high >= {ph} AND generic = 0")
        params += [*arm_params, since]
    return " UNION ALL ".join(arms), params


def event_row(e: Event) -> tuple[Any, ...]:
    """The events table's columns for one event (both backends)."""
    low, high = date_bounds(e.date)
    loc = e.location
    return (
        e.event_id, e.doc_id, e.event_type, e.sub_event_type, e.date, low, high,
        loc.country if loc else None, loc.admin1 if loc else None, loc.name if loc else None,
        loc.lat if loc else None, loc.lon if loc else None,
        actor_text(e.actor1), actor_text(e.actor2), e.fatalities, e.source, int(e.generic),
        e.evidence.text, json.dumps(e.to_dict(), ensure_ascii=False), span_class(low, high),
    )


def incident_row(i: Incident) -> tuple[Any, ...]:
    """The incidents table's columns for one incident (both backends)."""
    low, high = i.date_low, i.date_high
    if low is None or high is None:
        low, high = date_bounds(i.date)
    loc = i.location
    return (
        i.incident_id, i.event_type, i.sub_event_type, i.date, low, high,
        loc.country if loc else None, loc.admin1 if loc else None, loc.name if loc else None,
        loc.lat if loc else None, loc.lon if loc else None,
        actor_text(i.actor1), actor_text(i.actor2), i.fatalities, len(i.event_ids),
        len(set(i.sources)) or len(set(i.doc_ids)), len(i.contradictions), "; ".join(i.sources),
        json.dumps(i.to_dict(), ensure_ascii=False),
    )


def actor_text(a: Any) -> str | None:
    if a is None:
        return None
    return " | ".join(x for x in (a.name, a.mention) if x)


def record_latlon(x: Any) -> tuple[float | None, float | None]:
    loc = x.location
    return (loc.lat, loc.lon) if loc else (None, None)


def near_filter(items: list[T], q: Query, latlon: Callable[[T], tuple[float | None, float | None]]) -> list[T]:
    """Exact great-circle cut after the bounding-box pre-filter, then the page (offset/limit)."""
    if not q.near:
        return items
    lat, lon, km = q.near
    out = []
    for it in items:
        a, b = latlon(it)
        if a is not None and b is not None and haversine_km(lat, lon, a, b) <= km:
            out.append(it)
    end = None if q.limit is None else q.offset + q.limit
    return out[q.offset : end]
