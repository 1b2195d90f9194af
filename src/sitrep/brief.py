"""The situation brief: one self-contained HTML file (or Markdown) an analyst can send as it is.

``sitrep brief --country SY --since 2025-12-01 -o brief.html`` gives headline numbers, a map and a
timeline (inline SVG, drawn from bundled Natural Earth boundaries, no network), the top incidents
with their sources, every contradiction side by side with the evidence sentences, a who's-who
table and a methods/caveats footer. All article text is escaped; the HTML carries a
Content-Security-Policy that forbids scripts and any network fetch.
"""

from __future__ import annotations

import base64
import datetime as _dt
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from sitrep._version import __version__
from sitrep.brief_svg import map_svg, timeline_svg, type_colour
from sitrep.export import country_info
from sitrep.records import Contradiction, ContradictionValue, Document, Event, Evidence, Incident, PersonRole
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

CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;max-width:1040px;
margin:24px auto;padding:0 16px;color:#1d1d1d;line-height:1.45}
h1{font-size:1.6em;margin-bottom:0}h2{border-bottom:2px solid #ddd;padding-bottom:4px;margin-top:2em}
.meta{color:#666;font-size:.9em}.numbers{display:flex;flex-wrap:wrap;gap:10px;margin:16px 0}
.num{background:#f3f1ea;border-radius:6px;padding:8px 12px;min-width:120px}
.num b{display:block;font-size:1.5em}.num span{font-size:.85em;color:#555}
table{border-collapse:collapse;width:100%;font-size:.92em;margin:8px 0}
th,td{border:1px solid #ddd;padding:5px 7px;vertical-align:top;text-align:left;overflow-wrap:break-word}
.top td:last-child{width:36%}th{background:#f6f6f6}
.side{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:10px}
.side>div{border:1px solid #e3c9c9;background:#fff7f7;border-radius:6px;padding:8px}
.value{font-weight:bold;color:#9b1c1c;font-size:1.1em}blockquote{margin:6px 0;padding:4px 8px;
border-left:3px solid #c99;background:#fff;font-size:.92em}mark{background:#ffe58a}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px}
footer{margin-top:3em;border-top:1px solid #ccc;font-size:.85em;color:#444}figure{margin:0}
figcaption{font-size:.85em;color:#555}
"""


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


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


def _evidence_html(ev: Evidence, doc: Document | None, value: Any = None) -> str:
    text = ev.text or (doc.text[ev.start : ev.end] if doc else "")
    body = _e(text)
    needle = _e(value) if value not in (None, "") else ""
    if needle and needle in body:
        body = body.replace(needle, f"<mark>{needle}</mark>", 1)
    return f"<blockquote>{body}</blockquote>"


def _side_html(c: Contradiction, v: ContradictionValue, data: BriefData) -> str:
    sources = ", ".join(v.sources) or ", ".join(
        (data.documents[d].source or d) if d in data.documents else d for d in v.doc_ids
    )
    quotes = "".join(
        _evidence_html(ev, data.documents.get(v.doc_ids[k]) if k < len(v.doc_ids) else None)
        for k, ev in enumerate(v.evidence)
    )
    return (
        f'<div><div class="value">{_e(v.label)}</div><div>{_e(sources or "unknown source")}'
        f" · {len(v.event_ids)} report(s)</div>{quotes}</div>"
    )


def render_html(data: BriefData) -> str:
    """The brief as one self-contained HTML page (no scripts, no external resources)."""
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        'img-src data:">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(data.title())}</title><style>{CSS}</style></head><body>",
        f"<h1>{_e(data.title())}</h1>",
        f'<p class="meta">Generated {_e(data.generated)} by sitrep {_e(__version__)} · filters: '
        f"{_e(_filters_text(data.query))}</p>",
        '<section class="numbers">',
    ]
    for k, v in data.headline().items():
        out.append(f'<div class="num"><b>{_e(v)}</b><span>{_e(k)}</span></div>')
    out.append("</section>")
    out.append("<h2>Map</h2><figure>")
    out.append(map_svg(data.incidents, data.country))
    out.append(
        "<figcaption>One dot per incident at its consensus location; size grows with fatalities. "
        "Incidents known only to a province or country sit at its centre.</figcaption></figure>"
    )
    out.append(_legend())
    out.append("<h2>Timeline</h2><figure>")
    out.append(timeline_svg(data.events))
    out.append(
        "<figcaption>Reports per day by event type (per week or month over long spans; day-precise dates "
        "only).</figcaption></figure>"
    )

    out.append(
        '<h2>Top incidents</h2><table class="top"><tr><th>Date</th><th>Type</th><th>Place</th><th>Actors</th>'
        "<th>Killed</th><th>Sources</th><th>Evidence</th></tr>"
    )
    for inc in data.top_incidents():
        ev = next((data.events_by_id[e] for e in inc.event_ids if e in data.events_by_id), None)
        killed = _e(inc.fatalities if inc.fatalities is not None else "–")
        if inc.fatalities_high not in (None, inc.fatalities_low):
            killed += f" ({_e(inc.fatalities_low)}–{_e(inc.fatalities_high)})"
        out.append(
            f"<tr><td>{_e(_date(inc))}</td><td>{_swatch(inc.event_type)}{_e(inc.event_type)}<br>"
            f"<small>{_e(inc.sub_event_type)}</small></td><td>{_e(_place(inc))}</td><td>{_e(_actors(inc))}</td>"
            f"<td>{killed}</td><td>{_e('; '.join(inc.sources))}</td>"
            f"<td>{_evidence_html(ev.evidence, data.documents.get(ev.doc_id)) if ev else ''}</td></tr>"
        )
    out.append("</table>")

    contested = data.contested()
    out.append(f"<h2>Contradictions ({sum(len(i.contradictions) for i in contested)})</h2>")
    if not contested:
        out.append("<p>No disagreement between sources in this selection.</p>")
    for inc in contested:
        out.append(
            f'<section class="incident" id="incident-{_e(inc.incident_id)}"><h3>{_e(inc.event_type)}'
            f" · {_e(_place(inc))} · {_e(_date(inc))}</h3>"
            f"<p>{len(inc.event_ids)} reports from {_e('; '.join(inc.sources))}</p>"
        )
        for c in inc.contradictions:
            kind = f" ({_e(c.kind)})" if c.kind else ""
            out.append(f'<h4>Sources disagree on {_e(c.field)}{kind}</h4><div class="side">')
            out.extend(_side_html(c, v, data) for v in c.values)
            out.append("</div>")
        out.append("</section>")

    out.append("<h2>Who's who</h2>")
    if data.people:
        out.append(
            "<table><tr><th>Name</th><th>Role</th><th>Organisation</th><th>First seen</th>"
            "<th>Last seen</th><th>Sources</th></tr>"
        )
        for p in data.people:
            name = _e(p.name) + (f"<br><small>also {_e(', '.join(p.aliases))}</small>" if p.aliases else "")
            out.append(
                f"<tr><td>{name}</td><td>{_e(p.role)}</td><td>{_e(p.organisation)}</td><td>{_e(p.first_seen)}</td>"
                f"<td>{_e(p.last_seen)}</td><td>{_e('; '.join(p.sources))}</td></tr>"
            )
        out.append("</table>")
    else:
        out.append("<p>No person–role records in this selection.</p>")
    out.append(_footer_html(data))
    out.append("</body></html>")
    return "\n".join(out)


def _swatch(event_type: str) -> str:
    return f'<span class="swatch" style="background:{type_colour(event_type)}"></span>'


def _legend() -> str:
    from sitrep.brief_svg import TYPE_COLOURS

    return "<p>" + " ".join(f"{_swatch(t)}{_e(t)}" for t in TYPE_COLOURS) + "</p>"


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


def _footer_html(data: BriefData) -> str:
    outlets = Counter(s for i in data.incidents for s in i.sources)
    sources = ", ".join(f"{_e(s)} ({n})" for s, n in outlets.most_common(30)) or "none"
    items = "".join(f"<p>{_e(m)}</p>" for m in METHODS)
    attrib = "".join(f"<li><b>{_e(k)}</b>: {_e(v)}</li>" for k, v in ATTRIBUTION)
    return (
        f"<footer><h2>Methods and caveats</h2>{items}<p><b>Sources (incidents)</b>: {sources}</p>"
        f"<p><b>Attribution</b></p><ul>{attrib}</ul></footer>"
    )


# -- Markdown -----------------------------------------------------------------------------------------


def _md(value: Any) -> str:
    """Escape text for a Markdown table cell (and neutralise raw HTML)."""
    s = "" if value is None else str(value)
    s = escape(s, quote=False).replace("|", "\\|").replace("\n", " ")
    for ch in ("*", "_", "`", "[", "]"):
        s = s.replace(ch, "\\" + ch)
    return s


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def render_markdown(data: BriefData) -> str:
    """The brief in Markdown; the map and the timeline are inline SVG data URIs."""
    lines = [
        f"# {_md(data.title())}",
        "",
        f"_Generated {data.generated} by sitrep {__version__}; filters: {_md(_filters_text(data.query))}_",
        "",
    ]
    lines += [
        "| " + " | ".join(_md(k) for k in data.headline()) + " |",
        "|" + "---|" * len(data.headline()),
        "| " + " | ".join(_md(v) for v in data.headline().values()) + " |",
        "",
    ]
    lines += ["## Map", "", f"![Map of incidents]({_data_uri(map_svg(data.incidents, data.country))})", ""]
    lines += ["## Timeline", "", f"![Reports per day by type]({_data_uri(timeline_svg(data.events))})", ""]
    lines += [
        "## Top incidents",
        "",
        "| Date | Type | Place | Actors | Killed | Sources |",
        "|---|---|---|---|---|---|",
    ]
    for inc in data.top_incidents():
        lines.append(
            f"| {_md(_date(inc))} | {_md(inc.event_type)}: {_md(inc.sub_event_type)} | {_md(_place(inc))} | "
            f"{_md(_actors(inc))} | {_md(inc.fatalities)} | {_md('; '.join(inc.sources))} |"
        )
    lines += ["", "## Contradictions", ""]
    contested = data.contested()
    if not contested:
        lines.append("No disagreement between sources in this selection.")
    for inc in contested:
        lines.append(f"### {_md(inc.event_type)} · {_md(_place(inc))} · {_md(_date(inc))}")
        lines.append("")
        for c in inc.contradictions:
            lines.append(f"**Sources disagree on {_md(c.field)}**" + (f" ({_md(c.kind)})" if c.kind else ""))
            lines.append("")
            lines.append("| " + " | ".join(_md(v.label) for v in c.values) + " |")
            lines.append("|" + "---|" * len(c.values))
            lines.append("| " + " | ".join(_md("; ".join(v.sources)) for v in c.values) + " |")
            lines.append(
                "| " + " | ".join(_md(" … ".join(e.text for e in v.evidence)) for v in c.values) + " |"
            )
            lines.append("")
    lines += ["## Who's who", ""]
    if data.people:
        lines += [
            "| Name | Role | Organisation | First seen | Last seen | Sources |",
            "|---|---|---|---|---|---|",
        ]
        for p in data.people:
            lines.append(
                f"| {_md(p.name)} | {_md(p.role)} | {_md(p.organisation)} | {_md(p.first_seen)} | "
                f"{_md(p.last_seen)} | {_md('; '.join(p.sources))} |"
            )
    else:
        lines.append("No person–role records in this selection.")
    lines += ["", "## Methods and caveats", ""]
    lines += [m + "\n" for m in METHODS]
    lines += ["Attribution:", ""] + [f"- **{k}**: {_md(v)}" for k, v in ATTRIBUTION]
    return "\n".join(lines) + "\n"


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
