"""The situation brief: one self-contained HTML file (or Markdown) an analyst can send as it is.

``sitrep brief --country SY --since 2025-12-01 -o brief.html`` gives headline numbers, a map and a
timeline (inline SVG, drawn from bundled Natural Earth boundaries, no network), the top incidents
with their sources, every contradiction side by side with the evidence sentences, a who's-who
table and a methods/caveats footer. The pages are Jinja2 templates (``templates/brief.html.j2`` and
``brief.md.j2``): the HTML one autoescapes every value, the Markdown one passes every value through
``_md``. The HTML carries a Content-Security-Policy that forbids scripts and any network fetch.
"""

from __future__ import annotations

import base64
import datetime as _dt
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from sitrep._version import __version__
from sitrep.brief_svg import TYPE_COLOURS, map_svg, timeline_svg, type_colour
from sitrep.export import country_info
from sitrep.records import ContradictionValue, Document, Event, Evidence, Incident, PersonRole
from sitrep.store.base import Query, Store

__all__ = ["BriefData", "collect", "render_html", "render_markdown", "write_brief"]

MAX_EVENTS = 50_000
TOP_INCIDENTS = 12
MAX_PEOPLE = 60

ATTRIBUTION = (
    ("GeoNames", "place names and coordinates, CC BY 4.0 (geonames.org)"),
    (
        "FA-KES",
        "sample articles of the bundled corpus, CC BY 4.0: Abu Salem, F. K., Al Feel, R., Elbassuoni, S., "
        "Jaber, M., & Farah, M. (2019). FA-KES: A Fake News Dataset around the Syrian War. ICWSM 2019",
    ),
    ("Natural Earth", "country and province boundaries, public domain (naturalearthdata.com)"),
)


@dataclass
class BriefData:
    """Everything a brief shows, gathered from the store once."""

    query: Query
    generated: str
    incidents: list[Incident]
    events: list[Event]
    people: list[PersonRole]
    documents: dict[str, Document] = field(default_factory=dict)
    events_by_id: dict[str, Event] = field(default_factory=dict)

    @property
    def country(self) -> str | None:
        return country_info(self.query.country)["iso2"] if self.query.country else None

    def headline(self) -> dict[str, Any]:
        violent = [
            i
            for i in self.incidents
            if i.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")
        ]
        dated = sorted(d for d in (i.date for i in self.incidents) if d)
        sources = {s for i in self.incidents for s in i.sources}
        return {
            "incidents": len(self.incidents),
            "violent incidents": len(violent),
            "reports": len(self.events),
            "sources": len(sources),
            "fatalities in day-dated incidents": sum(
                i.fatalities or 0 for i in self.incidents if i.date_precision == "day"
            ),
            "multi-source incidents": sum(1 for i in self.incidents if len(i.sources) > 1),
            "contradictions": sum(len(i.contradictions) for i in self.incidents),
            "first date": dated[0] if dated else "–",
            "last date": dated[-1] if dated else "–",
        }

    def top_incidents(self) -> list[Incident]:
        """Corroborated, precisely dated incidents first, then by fatalities.

        (An aggregate figure dated only to a month or year, such as a war's death toll, is not an
        incident an analyst wants at the top.)
        """
        return sorted(
            self.incidents,
            key=lambda i: (
                i.date_precision != "day",
                len(i.sources) < 2,
                -(i.fatalities or 0),
                -len(i.contradictions),
                i.date or "",
            ),
        )[:TOP_INCIDENTS]

    def contested(self) -> list[Incident]:
        return [i for i in self.incidents if i.contradictions]

    def title(self) -> str:
        where = country_info(self.query.country)["name"] if self.query.country else "All areas"
        span = " – ".join(x for x in (self.query.since, self.query.until) if x)
        return f"Situation brief: {where}" + (f", {span}" if span else "")


def collect(store: Store, q: Query | None = None) -> BriefData:
    """Gather the incidents, their reports, documents and people matching ``q``."""
    q = q or Query()
    incidents = store.incidents(q)
    events = store.events(Query(**{**_query_dict(q), "limit": q.limit or MAX_EVENTS}))
    by_id = {e.event_id: e for e in events}
    needed = [eid for i in incidents for eid in i.event_ids if eid not in by_id]
    for e in store.get_events(needed):
        by_id[e.event_id] = e
    doc_ids = {e.doc_id for e in by_id.values()}
    docs = {d: doc for d in doc_ids if (doc := store.get_document(d)) is not None}
    people = [p for p in store.people(limit=5000) if _person_in_scope(p, q, doc_ids)][:MAX_PEOPLE]
    now = _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return BriefData(q, now, incidents, events, people, docs, by_id)


def _query_dict(q: Query) -> dict[str, Any]:
    return {k: getattr(q, k) for k in q.__dataclass_fields__}


def _person_in_scope(p: PersonRole, q: Query, doc_ids: set[str]) -> bool:
    if set(p.doc_ids) & doc_ids:
        return True
    if q.country and p.country and country_info(p.country)["iso2"] != country_info(q.country)["iso2"]:
        return False
    if q.since and p.last_seen and p.last_seen < q.since:
        return False
    return not (q.until and p.first_seen and p.first_seen > q.until)


# -- HTML ---------------------------------------------------------------------------------------------

def _date(inc: Incident | Event) -> str:
    if isinstance(inc, Incident) and inc.date_low and inc.date_high and inc.date_low != inc.date_high:
        return f"{inc.date or '?'} ({inc.date_low} – {inc.date_high})"
    prec = inc.date_precision
    return f"{inc.date or 'undated'}" + (f" ({prec})" if prec not in ("day", "unknown") else "")


def _place(inc: Incident | Event) -> str:
    loc = inc.location
    if loc is None:
        return "–"
    parts = [loc.name]
    if loc.admin1 and loc.admin1 != loc.name:
        parts.append(loc.admin1)
    if loc.country:
        parts.append(loc.country)
    return ", ".join(p for p in parts if p) + (f" [{loc.precision}]" if loc.precision != "point" else "")


def _actors(inc: Incident | Event) -> str:
    a1 = inc.actor1.name if inc.actor1 else "?"
    return a1 + (f" → {inc.actor2.name}" if inc.actor2 else "")


def _filters_text(q: Query) -> str:
    parts = [f"{k}={v}" for k, v in _query_dict(q).items() if v not in (None, 0) and k != "offset"]
    return ", ".join(parts) or "none"


METHODS = (
    "Each report is one event extracted from one document; every value is tied to the sentence that "
    "states it. Reports of the same incident are merged; the incident's values are a consensus with "
    "each source's figure kept. Fatalities are conservative (the lowest specific figure, as ACLED does); "
    "vague words count as dozens = 12, tens = 10, hundreds = 100.",
    "Date precision: day, week, month or year, as the text allows; relative expressions are resolved "
    "against the publication date or the narrative. Events known only to the month are not on the "
    "per-day timeline. Place precision: point (the town), district (near a town), province or country; "
    "dots for province- or country-level places sit at the area's centre.",
    "A contradiction is a disagreement beyond what the stated precision explains; both sides are shown "
    "with their evidence. Coverage follows the sources ingested, not the conflict: absence of reports "
    "is not absence of events. Machine extraction makes mistakes; check the evidence before citing.",
)


# -- Markdown -----------------------------------------------------------------------------------------


def _md(value: Any) -> str:
    """Escape text for a Markdown table cell: raw HTML neutralised, ``|`` as an entity (no renderer splits a
    cell on it), one line (every line break, \\r and U+2028 included, is a space)."""
    s = "" if value is None else " ".join(str(value).splitlines())
    s = escape(s, quote=False).replace("|", "&#124;")
    for ch in ("*", "_", "`", "[", "]"):
        s = s.replace(ch, "\\" + ch)
    return s


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


@lru_cache(maxsize=2)
def _env(fmt: str) -> jinja2.Environment:
    """The template environment: HTML autoescaped, Markdown through ``_md``; None prints as nothing."""
    if fmt == "html":
        return jinja2.Environment(
            loader=jinja2.PackageLoader("sitrep", "templates"),
            autoescape=True,
            finalize=lambda v: "" if v is None else v,
            undefined=jinja2.StrictUndefined,
        )
    return jinja2.Environment(
        loader=jinja2.PackageLoader("sitrep", "templates"),
        autoescape=False,
        finalize=lambda v: v if isinstance(v, Markup) else _md(v),  # Markup: the image data URIs only
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _context(data: BriefData) -> dict[str, Any]:
    def first_event(inc: Incident) -> Event | None:
        return next((data.events_by_id[e] for e in inc.event_ids if e in data.events_by_id), None)

    def side_sources(v: ContradictionValue) -> str:
        return ", ".join(v.sources) or ", ".join(
            (data.documents[d].source or d) if d in data.documents else d for d in v.doc_ids
        )

    def evidence_text(ev: Evidence, doc: Document | None) -> str:
        return ev.text or (doc.text[ev.start : ev.end] if doc else "")

    outlets = Counter(s for i in data.incidents for s in i.sources)
    return {
        "data": data,
        "version": __version__,
        "filters": _filters_text(data.query),
        "date": _date,
        "place": _place,
        "actors": _actors,
        "first_event": first_event,
        "side_sources": side_sources,
        "evidence_text": evidence_text,
        "type_colour": type_colour,
        "type_colours": list(TYPE_COLOURS),
        "methods": METHODS,
        "attribution": ATTRIBUTION,
        "outlets": outlets.most_common(30),
    }


def render_html(data: BriefData) -> str:
    """The brief as one self-contained HTML page (no scripts, no external resources)."""
    ctx = _context(data)
    ctx["map_svg"] = Markup(map_svg(data.incidents, data.country))  # brief_svg escapes its own labels
    ctx["timeline_svg"] = Markup(timeline_svg(data.events))
    return _env("html").get_template("brief.html.j2").render(ctx)


def render_markdown(data: BriefData) -> str:
    """The brief in Markdown; the map and the timeline are inline SVG data URIs."""
    ctx = _context(data)
    ctx["map_uri"] = Markup(_data_uri(map_svg(data.incidents, data.country)))  # base64 only
    ctx["timeline_uri"] = Markup(_data_uri(timeline_svg(data.events)))
    return _env("md").get_template("brief.md.j2").render(ctx)


def write_brief(store: Store, path: str | Path, q: Query | None = None, fmt: str | None = None) -> BriefData:
    """Write the brief to ``path``; the format follows the suffix (.html/.htm or .md) unless given."""
    p = Path(path)
    fmt = fmt or ("md" if p.suffix.lower() in (".md", ".markdown") else "html")
    if fmt not in ("html", "md"):
        raise ValueError(f"unknown brief format {fmt!r} (html or md)")
    data = collect(store, q)
    text = render_html(data) if fmt == "html" else render_markdown(data)
    p.write_text(text, encoding="utf-8")
    return data


def render(data: BriefData, fmt: str = "html") -> str:
    return render_html(data) if fmt == "html" else render_markdown(data)
