"""Inline SVG drawings for the situation brief: a map from Natural Earth boundaries and a timeline.

No tiles, no network: the map draws the bundled Natural Earth extracts (public domain) in an
equirectangular projection scaled by the cosine of the mid latitude, which is faithful enough at
the scale of one country. All text placed in the SVG is XML-escaped.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from html import escape
from importlib import resources
from typing import Any

from sitrep.records import EVENT_TYPES, Event, Incident, date_bounds

__all__ = ["TYPE_COLOURS", "map_svg", "timeline_svg", "type_colour"]

# One colour per ACLED event type (colour-blind-safe Okabe-Ito palette).
TYPE_COLOURS: dict[str, str] = {
    "Battles": "#D55E00",
    "Explosions/Remote violence": "#CC79A7",
    "Violence against civilians": "#000000",
    "Protests": "#009E73",
    "Riots": "#E69F00",
    "Strategic developments": "#0072B2",
    "Diplomacy": "#56B4E9",
}


def type_colour(event_type: str | None) -> str:
    return TYPE_COLOURS.get(event_type or "", "#777777")


@lru_cache(maxsize=4)
def _geojson(name: str) -> dict[str, Any]:
    path = resources.files("sitrep") / "data" / "naturalearth" / name
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _rings(geom: dict[str, Any]) -> Iterable[list[list[float]]]:
    if geom["type"] == "Polygon":
        yield from geom["coordinates"]
    elif geom["type"] == "MultiPolygon":
        for poly in geom["coordinates"]:
            yield from poly


def _bbox_of(features: Iterable[dict[str, Any]]) -> tuple[float, float, float, float] | None:
    xs: list[float] = []
    ys: list[float] = []
    for f in features:
        for ring in _rings(f["geometry"]):
            xs += [p[0] for p in ring]
            ys += [p[1] for p in ring]
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True, slots=True)
class _Proj:
    x0: float
    y1: float
    kx: float
    ky: float

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.x0) * self.kx, (self.y1 - lat) * self.ky


def _frame(
    points: Sequence[tuple[float, float]], country: str | None, width: int, height: int
) -> tuple[tuple[float, float, float, float], _Proj, int]:
    box = None
    if country:
        box = _bbox_of(
            f for f in _geojson("region_50m.geojson")["features"] if f["properties"]["iso2"] == country
        )
    if box is None and points:
        # the main theatre: the 5th-95th percentile of the points when there are many
        lons = sorted(p[0] for p in points)
        lats = sorted(p[1] for p in points)
        cut = len(points) // 20 if len(points) >= 20 else 0
        box = (lons[cut], lats[cut], lons[-1 - cut], lats[-1 - cut])
    if box is None:
        box = (35.5, 32.0, 42.5, 37.5)  # the Syrian frame when there is nothing to show
    x0, y0, x1, y1 = box
    pad = max(0.4, 0.08 * max(x1 - x0, y1 - y0))
    x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
    coslat = math.cos(math.radians((y0 + y1) / 2))
    kx = width / max(1e-6, (x1 - x0))
    ky = kx / max(coslat, 0.2)
    h = int(min(height, max(120, (y1 - y0) * ky)))
    if (y1 - y0) * ky > height:  # too tall: fit the height instead
        ky = height / (y1 - y0)
        kx = ky * coslat
        h = height
    return (x0, y0, x1, y1), _Proj(x0, y1, kx, ky), h


def _area(feature: dict[str, Any]) -> float:
    b = _bbox_of([feature])
    return 0.0 if b is None else (b[2] - b[0]) * (b[3] - b[1])


def _path(ring: list[list[float]], proj: _Proj) -> str:
    pts = [proj(p[0], p[1]) for p in ring]
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z"


def _located(records: Iterable[Event | Incident]) -> list[tuple[float, float, Event | Incident]]:
    out = []
    for r in records:
        loc = r.location
        if loc is not None and loc.lat is not None and loc.lon is not None:
            out.append((float(loc.lon), float(loc.lat), r))
    return out


def _label_box(x: float, y: float, text: str, size: float = 9.0) -> tuple[float, float, float, float]:
    """The box a centred label of ``size`` px sans-serif covers (a conservative 0.6 em per character)."""
    half = 0.6 * size * len(text) / 2 + 2
    return x - half, y - size, x + half, y + 3


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


_NUDGES = sorted(((dx, dy) for dx in (0, -24, 24, -44, 44) for dy in (0, -13, 13, -25, 25)),
                 key=lambda d: (d[0] ** 2 + (2 * d[1]) ** 2))


def _place_labels(
    labels: Sequence[tuple[float, float, str]], dots: Sequence[tuple[float, float, float]], width: int, height: int
) -> list[tuple[float, float, str]]:
    """Province labels that collide neither with each other nor with a dot, and stay inside the frame.

    Each label tries its centre, then places nudged around it, nearest first; the first place clear of
    every dot wins, else the nearest that covers no dot's centre and overlaps the fewest dots; a label
    that would hide a dot's centre wherever it goes, or overlap another label, is left out.
    """
    placed: list[tuple[float, float, float, float]] = []
    out: list[tuple[float, float, str]] = []
    dot_boxes = [(x - r, y - r, x + r, y + r) for x, y, r in dots]
    for cx, cy, text in labels:
        best: tuple[int, float, float] | None = None
        for dx, dy in _NUDGES:
            box = _label_box(cx + dx, cy + dy, text)
            if box[0] < 0 or box[2] > width or box[1] < 0 or box[3] > height - 12:
                continue
            if any(_overlap(box, p) for p in placed):
                continue
            if any(box[0] < x < box[2] and box[1] < y < box[3] for x, y, _ in dots):
                continue
            hits = sum(1 for d in dot_boxes if _overlap(box, d))
            if best is None or hits < best[0]:
                best = (hits, cx + dx, cy + dy)
            if hits == 0:
                break
        if best is not None:
            placed.append(_label_box(best[1], best[2], text))
            out.append((best[1], best[2], text))
    return out


def _province_labels(admin1: list[dict[str, Any]], dots: list[tuple[float, float, float]],
                     proj: _Proj, width: int, h: int) -> list[str]:
    """Province names, with a halo, where they clash with no other name and with as few dots as possible."""
    out: list[str] = []
    names = []
    for f in sorted(admin1, key=lambda f: -_area(f)):  # the largest provinces choose first
        b = _bbox_of([f])
        if b is not None:
            cx, cy = proj((b[0] + b[2]) / 2, (b[1] + b[3]) / 2)
            names.append((cx, cy, str(f["properties"]["name"])))
    for x, y, text in _place_labels(names, dots, width, h):
        out.append(
            f'<text class="province" x="{x:.1f}" y="{y:.1f}" font-size="9" fill="#6f695d" '
            'text-anchor="middle" font-family="sans-serif" stroke="#f7f4ea" stroke-width="2.5" '
            f'paint-order="stroke">{escape(text)}</text>'
        )
    return out


def map_svg(
    records: Sequence[Event | Incident], country: str | None = None, width: int = 600, height: int = 480
) -> str:
    """An inline SVG map: country outlines, the focus country's provinces, one dot per record.

    Province names are drawn last, with a halo, where they clash with no other name and with as
    few dots as possible.
    """
    located = _located(records)
    (x0, y0, x1, y1), proj, h = _frame([(lon, lat) for lon, lat, _ in located], country, width, height)

    def visible(f: dict[str, Any]) -> bool:
        b = _bbox_of([f])
        return b is not None and not (b[2] < x0 or b[0] > x1 or b[3] < y0 or b[1] > y1)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="map" role="img" viewBox="0 0 {width} {h}" '
        f'width="{width}" height="{h}" aria-label="Map of events">',
        "<title>Map of events (Natural Earth boundaries)</title>",
        f'<rect width="{width}" height="{h}" fill="#dbe9f4"/>',
    ]
    countries = [f for f in _geojson("region_50m.geojson")["features"] if visible(f)]
    detailed = {f["properties"]["iso2"] for f in _geojson("region_50m.geojson")["features"]}
    world = [
        f
        for f in _geojson("world_110m.geojson")["features"]
        if f["properties"]["iso2"] not in detailed and visible(f)
    ]
    for f in world + countries:
        focus = f["properties"]["iso2"] == country
        d = "".join(_path(r, proj) for r in _rings(f["geometry"]))
        fill = "#f7f4ea" if focus or not country else "#e6e3da"
        parts.append(f'<path d="{d}" fill="{fill}" stroke="#8a8a8a" stroke-width="0.8"/>')
    admin1 = [
        f
        for f in _geojson("admin1_10m.geojson")["features"]
        if (country is None or f["properties"]["iso2"] == country) and visible(f)
    ]
    for f in admin1:
        d = "".join(_path(r, proj) for r in _rings(f["geometry"]))
        parts.append(
            f'<path d="{d}" fill="none" stroke="#b9b4a6" stroke-width="0.5" stroke-dasharray="2,2"/>'
        )
    dots: list[tuple[float, float, float]] = []
    outside = 0
    for lon, lat, r in sorted(located, key=lambda t: -(t[2].fatalities or 0)):
        if not (x0 <= lon <= x1 and y0 <= lat <= y1):
            outside += 1
            continue
        x, y = proj(lon, lat)
        radius = 3.5 + min(9.0, math.sqrt(r.fatalities or 0) * 1.5)
        dots.append((x, y, radius))
        label = f"{r.date or 'undated'} {r.event_type}: {r.location.name if r.location else ''}"
        if r.fatalities:
            label += f", {r.fatalities} killed"
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{type_colour(r.event_type)}" '
            f'fill-opacity="0.75" stroke="#fff" stroke-width="0.8"><title>{escape(label)}</title></circle>'
        )
    if country:
        parts += _province_labels(admin1, dots, proj, width, h)
    if outside:
        parts.append(
            f'<text x="6" y="{h - 6}" font-size="10" fill="#333" font-family="sans-serif">'
            f"{outside} incident(s) outside this frame</text>"
        )
    parts.append(
        f'<text x="{width - 6}" y="{h - 6}" font-size="9" fill="#555" text-anchor="end" '
        'font-family="sans-serif">Boundaries: Natural Earth (public domain)</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _day(value: str | None) -> date | None:
    lo, hi = date_bounds(value)
    if lo is None or lo != hi:
        return None  # only day-precise dates go on the timeline
    return date.fromisoformat(lo)


def _bin(d: date, unit: str) -> date:
    if unit == "week":
        return d - timedelta(days=d.weekday())
    if unit == "month":
        return d.replace(day=1)
    return d


def _next(d: date, unit: str) -> date:
    if unit == "week":
        return d + timedelta(days=7)
    if unit == "month":
        return (d.replace(day=28) + timedelta(days=4)).replace(day=1)
    return d + timedelta(days=1)


def timeline_svg(events: Sequence[Event], width: int = 720, height: int = 220) -> str:
    """Reports per day (per week or month over long spans), stacked by event type.

    Only day-precise dates are counted; the span is the 2nd-98th percentile of the dates, so a
    stray historical date does not flatten the chart.
    """
    days = sorted(d for e in events if not e.generic and (d := _day(e.date)) is not None)
    left, bottom, top = 34, 28, 14
    if not days:
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" aria-label="Reports over time by type"><title>Reports over time'
            f'</title><text x="{width / 2}" y="{height / 2}" text-anchor="middle" font-family="sans-serif" '
            'font-size="12" fill="#555">No day-precise events in this selection</text></svg>'
        )
    cut = len(days) // 50 if len(days) >= 50 else 0
    first, last = days[cut], days[-1 - cut]
    span = (last - first).days + 1
    unit = "day" if span <= 120 else "week" if span <= 3 * 365 else "month"
    counts: dict[date, Counter[str]] = defaultdict(Counter)
    for e in events:
        d = _day(e.date)
        if d is not None and not e.generic and first <= d <= last:
            counts[_bin(d, unit)][e.event_type] += 1
    bins = [_bin(first, unit)]
    while bins[-1] < _bin(last, unit):
        bins.append(_next(bins[-1], unit))
    index = {b: i for i, b in enumerate(bins)}
    peak = max((sum(c.values()) for c in counts.values()), default=1)
    plot_w, plot_h = width - left - 8, height - bottom - top
    bar_w = plot_w / len(bins)
    order = [t for t in EVENT_TYPES if any(t in c for c in counts.values())]
    label = f"Reports per {unit} by type"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-label="{label}">',
        f"<title>{label}</title>",
    ]
    for b, c in sorted(counts.items()):
        x = left + index[b] * bar_w
        y = float(top + plot_h)
        for t in order:
            n = c.get(t, 0)
            if not n:
                continue
            hgt = plot_h * n / peak
            y -= hgt
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(1.0, bar_w * 0.85):.1f}" height="{hgt:.1f}" '
                f'fill="{type_colour(t)}"><title>{escape(f"{b.isoformat()} ({unit}): {n} {t}")}</title></rect>'
            )
    axis_y = top + plot_h
    parts.append(f'<line x1="{left}" y1="{axis_y}" x2="{width - 8}" y2="{axis_y}" stroke="#444"/>')
    parts.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{axis_y}" stroke="#444"/>')
    font = 'font-family="sans-serif" font-size="10" fill="#333"'
    parts.append(f'<text x="{left - 4}" y="{top + 4}" text-anchor="end" {font}>{peak}</text>')
    parts.append(f'<text x="{left - 4}" y="{axis_y}" text-anchor="end" {font}>0</text>')
    ticks = min(6, len(bins))
    for i in range(ticks):
        k = round(i * (len(bins) - 1) / max(1, ticks - 1))
        x = left + k * bar_w + bar_w / 2
        text = bins[k].isoformat()[:7] if unit == "month" else bins[k].isoformat()
        # the first and last labels are anchored inside the plot, so neither is cut at the edge
        anchor = "start" if i == 0 and ticks > 1 else "end" if i == ticks - 1 and ticks > 1 else "middle"
        x = max(float(left), x - bar_w / 2) if anchor == "start" else min(width - 2.0, x + bar_w / 2) if (
            anchor == "end") else x
        parts.append(f'<text x="{x:.1f}" y="{axis_y + 14}" text-anchor="{anchor}" {font}>{text}</text>')
    lx = float(left)
    for t in order:
        parts.append(f'<rect x="{lx}" y="{height - 10}" width="9" height="9" fill="{type_colour(t)}"/>')
        parts.append(f'<text x="{lx + 12}" y="{height - 2}" {font}>{escape(t)}</text>')
        lx += 16 + 6 * len(t)
    parts.append("</svg>")
    return "".join(parts)
