"""``sitrep eval FILE``: score the extractor on your own coded data.

Reads an ACLED-style CSV (columns ``notes``, ``event_date``, ``event_type``, optional
``sub_event_type``, ``admin1``, ``latitude``, ``longitude``, ``fatalities``, ``actor1``, ``actor2``)
or a JSONL gold file (one object per document: ``text``, ``published``? and ``events``: a list of
objects with the same keys as the extract output: ``event_type``, ``sub_event_type``, ``date``,
``location.lat/lon/admin1``, ``fatalities``, ``actor1``). Each coded row's note is one document,
published the day after the row's date (rows sharing a note form one document). Every gold row is
compared with the document's predicted non-Diplomacy event nearest to the gold point; the metrics
are the ones ACLED coders care about: coverage, event type, sub type, exact day, admin1, distance,
fatalities and actor recall (token-set Jaccard >= 0.6 after dropping year ranges); and, where the gold
codes sub types, precision and recall per sub type (a row whose document has no event counts as missed)
and the commonest sub-type confusions.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.records import Document, Event, haversine_km

# pre-2019 ACLED event types -> (accepted event types, sub type or None = not scored)
LEGACY_TYPES: dict[str, tuple[tuple[str, ...], str | None]] = {
    "battle-no change of territory": (("Battles",), "Armed clash"),
    "battle-non-state actor overtakes territory": (("Battles",), "Non-state actor overtakes territory"),
    "battle-government regains territory": (("Battles",), "Government regains territory"),
    "remote violence": (("Explosions/Remote violence",), None),
    "violence against civilians": (("Violence against civilians",), None),
    "riots/protests": (("Protests", "Riots"), None),
    "strategic development": (("Strategic developments",), None),
    "headquarters or base established": (("Strategic developments",), "Headquarters or base established"),
    "non-violent transfer of territory": (("Strategic developments",), "Non-violent transfer of territory"),
}
DATE_FORMATS = ("%d-%b-%y", "%d-%b-%Y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%d/%m/%Y")
_STOP = {"of", "the", "and", "a", "an", "in", "for"}
_ADMIN_DROP = {"governorate", "province", "muhafazat", "of", "the", "al", "el", "ar", "as", "ad", "an", "ash", "ez"}


@dataclass(slots=True)
class GoldRow:
    types: tuple[str, ...]
    sub: str | None
    date: dt.date | None
    lat: float | None
    lon: float | None
    admin1: str | None
    fatalities: int | None
    actor1: str | None


@dataclass(slots=True)
class GoldDoc:
    id: str
    text: str
    published: str | None
    rows: list[GoldRow] = field(default_factory=list)


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")


def _num(x: Any) -> float | None:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def parse_day(s: str | None) -> dt.date | None:
    s = (s or "").strip()
    for f in DATE_FORMATS:
        try:
            return dt.datetime.strptime(s, f).date()
        except ValueError:
            continue
    return None


def _types(event_type: str, sub: str | None) -> tuple[tuple[str, ...], str | None]:
    if sub:
        return (event_type,), sub
    return LEGACY_TYPES.get(" ".join(_fold(event_type).split()), ((event_type,), None))


def load_gold(path: str | Path, limit: int | None = None) -> list[GoldDoc]:
    """Coded rows grouped into documents (identical notes form one document)."""
    p = Path(path)
    docs: dict[str, GoldDoc] = {}
    if p.suffix.lower() in (".jsonl", ".json"):
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines()):
            if not line.strip():
                continue
            rec = json.loads(line)
            doc = GoldDoc(str(rec.get("id") or f"doc{i}"), str(rec.get("text") or ""), rec.get("published"))
            for ev in rec.get("events") or []:
                loc = ev.get("location") or {}
                a1 = ev.get("actor1")
                doc.rows.append(GoldRow(
                    types=(str(ev.get("event_type") or ""),), sub=ev.get("sub_event_type"),
                    date=parse_day(ev.get("date")), lat=_num(loc.get("lat")), lon=_num(loc.get("lon")),
                    admin1=loc.get("admin1"), fatalities=None if ev.get("fatalities") is None
                    else int(ev["fatalities"]), actor1=a1.get("name") if isinstance(a1, dict) else a1))
            docs[doc.id] = doc
            if limit and len(docs) >= limit:
                break
        return list(docs.values())
    with p.open(encoding="utf-8-sig", newline="") as fh:
        for i, raw in enumerate(csv.DictReader(fh)):
            row = {(k or "").strip(): (v or "") for k, v in raw.items()}
            note = row.get("notes", "").strip()
            if not note:
                continue
            types, sub = _types(row.get("event_type", ""), row.get("sub_event_type") or None)
            fat = _num(row.get("fatalities"))
            g = GoldRow(types, sub, parse_day(row.get("event_date")), _num(row.get("latitude")),
                        _num(row.get("longitude")), row.get("admin1") or None,
                        None if fat is None else int(fat), row.get("actor1") or None)
            if note not in docs:
                if limit and len(docs) >= limit:
                    continue
                docs[note] = GoldDoc(row.get("data_id") or row.get("event_id_cnty") or f"row{i}", note, None)
            docs[note].rows.append(g)
    for d in docs.values():
        days = [r.date for r in d.rows if r.date]
        d.published = (max(days) + dt.timedelta(days=1)).isoformat() if days else None
    return list(docs.values())


def _actor_tokens(name: str) -> list[frozenset[str]]:
    name = re.sub(r"\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)", " ", name)
    variants = {name, re.sub(r"\([^)]*\)", " ", name)}
    m = re.match(r"^\s*([A-Za-z0-9\-]{2,12})\s*:\s*(.+)$", name)
    if m:
        variants.update({m.group(1), m.group(2)})
    out = []
    for v in variants:
        toks = frozenset(t for t in re.findall(r"[a-z0-9]+", _fold(v)) if t not in _STOP)
        if toks:
            out.append(toks)
    return out


def actor_match(gold: str | None, pred: str | None, threshold: float = 0.6) -> bool:
    """Token-set Jaccard of the names (years in parentheses and 'ABBR:' prefixes dropped)."""
    if not gold or not pred:
        return False
    for alt in gold.split(";"):
        for g in _actor_tokens(alt):
            for p in _actor_tokens(pred):
                if len(g & p) / len(g | p) >= threshold:
                    return True
    return False


def _admin_key(s: str | None) -> str:
    toks = [t for t in re.findall(r"[a-z0-9]+", _fold(s or "").replace("'", "")) if t not in _ADMIN_DROP]
    return re.sub(r"(.)\1+", r"\1", "".join(toks))


def _coords(ev: Event) -> tuple[float, float] | None:
    loc = ev.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    return (loc.lat, loc.lon)


def _score_fields(c: Counter[str], errs: list[float], g: GoldRow, p: Event) -> None:
    """Date, location, admin1, toll and actor of the prediction ``p`` matched to the gold row ``g``."""
    c["date"] += bool(g.date and p.date_precision == "day" and p.date == g.date.isoformat())
    pc = _coords(p)
    if pc and g.lat is not None and g.lon is not None:
        km = haversine_km(g.lat, g.lon, *pc)
        errs.append(km)
        c["loc25"] += km <= 25
    if g.admin1:
        c["adm_n"] += 1
        c["adm"] += bool(p.location and _admin_key(p.location.admin1) == _admin_key(g.admin1))
    if g.fatalities is not None:
        c["fat_n"] += 1
        c["fat"] += (p.fatalities or 0) == g.fatalities
    if g.actor1:
        c["act_n"] += 1
        names = [a.name for a in (p.actor1, p.actor2) if a is not None]
        c["act"] += any(actor_match(g.actor1, n) for n in names)


def score_events(docs: Iterable[GoldDoc], predicted: dict[str, list[Event]]) -> dict[str, Any]:
    c: Counter[str] = Counter()
    sub_gold: Counter[str] = Counter()  # rows per gold sub type
    sub_pred: Counter[str] = Counter()  # chosen predictions per sub type (rows that score a sub type)
    sub_ok: Counter[str] = Counter()
    confused: Counter[tuple[str, str]] = Counter()
    errs: list[float] = []
    n_docs = 0
    for d in docs:
        n_docs += 1
        preds = [e for e in predicted.get(d.id, []) if e.event_type != "Diplomacy"]
        c["covered"] += bool(preds)
        c["pred"] += len(preds)
        for g in d.rows:
            c["rows"] += 1
            if g.sub:
                sub_gold[g.sub] += 1
            if not preds:
                if g.sub:
                    confused[(g.sub, "(none)")] += 1
                continue

            def key(e: Event, g: GoldRow = g) -> tuple[float, bool, bool, float]:
                pc = _coords(e)
                dist = haversine_km(g.lat, g.lon, *pc) if pc and g.lat is not None and g.lon is not None \
                    else float("inf")
                return (dist, e.event_type not in g.types, e.sub_event_type != g.sub, -e.confidence)

            p = min(preds, key=key)
            c["matched"] += 1
            c["type"] += p.event_type in g.types
            if g.sub:
                c["sub_n"] += 1
                c["sub"] += p.sub_event_type == g.sub
                got = p.sub_event_type or "(none)"
                sub_pred[got] += 1
                if got == g.sub:
                    sub_ok[got] += 1
                else:
                    confused[(g.sub, got)] += 1
            _score_fields(c, errs, g, p)

    def ratio(a: str, b: str) -> float | None:
        return c[a] / c[b] if c[b] else None

    errs.sort()
    return {
        "n_docs": n_docs,
        "n_rows": c["rows"],
        "coverage": c["covered"] / n_docs if n_docs else None,
        "type_acc": ratio("type", "matched"),
        "subtype_acc": ratio("sub", "sub_n"),
        "date_exact": ratio("date", "matched"),
        "admin1_acc": ratio("adm", "adm_n"),
        "loc_25km": ratio("loc25", "matched"),
        "median_err_km": round(errs[len(errs) // 2], 1) if errs else None,
        "fat_exact": ratio("fat", "fat_n"),
        "actor1_recall": ratio("act", "act_n"),
        "pred_per_doc": c["pred"] / n_docs if n_docs else None,
        "per_subtype": {
            sub: {"gold": sub_gold[sub], "predicted": sub_pred[sub],
                  "precision": round(sub_ok[sub] / sub_pred[sub], 3) if sub_pred[sub] else None,
                  "recall": round(sub_ok[sub] / sub_gold[sub], 3) if sub_gold[sub] else None}
            for sub in sorted(set(sub_gold) | set(sub_pred) - {"(none)"})
        },
        "subtype_confusions": [{"gold": g, "predicted": p, "n": n} for (g, p), n in confused.most_common(20)],
    }


def score_file(path: str, limit: int | None = None) -> dict[str, Any]:
    """Run the extractor over a coded file and return per-field metrics (see the module docstring)."""
    from sitrep.extract import extract_documents

    gold = load_gold(path, limit)
    docs = [Document(id=g.id, text=g.text, published=g.published,
                     published_precision="day" if g.published and len(g.published) == 10 else "unknown")
            for g in gold]
    t0 = time.perf_counter()
    predicted = {d.id: evs for d, evs in zip(docs, extract_documents(docs), strict=True)}
    wall = time.perf_counter() - t0
    metrics = score_events(gold, predicted)
    metrics["docs_per_s"] = round(len(docs) / wall, 1) if wall > 0 else None
    return metrics
