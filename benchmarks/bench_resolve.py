"""Benchmark of cross-document resolution (figures go to docs/bench/resolve.md).

Two parts:
1. **FA-KES** (804 articles, 15 outlets, ../shared/corpus/fakes): the real extractor's events are
   resolved; prints the incident count, the share of multi-source incidents, the contradictions by
   field, and writes a random sample of multi-source incidents with the evidence sentence of every
   report (``--sample-out``) for checking by hand.
2. **Scale**: the FA-KES events replicated to ``--n`` events (default 20,000) with perturbed dates
   (each replica shifted by ``--shift-days`` and every report by -1..+1 day) and places (coordinates
   jittered by up to 0.05 degrees), resolved in one call; prints wall time and events/s.

    .venv/bin/python benchmarks/bench_resolve.py [--events EVENTS.jsonl] [--n 20000] [--sample 45]

Without ``--events`` the FA-KES articles are extracted first with ``sitrep.extract.extract_document``
(cached in ``--cache``); the extraction time is not part of the resolution figures.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

from sitrep.records import Document, Event, Incident, Place
from sitrep.resolve import resolve_events

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT.parent / "shared" / "corpus" / "fakes" / "FA-KES-Dataset.csv"


def fakes_documents(path: Path) -> list[Document]:
    docs = []
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh):
            text = (row.get("article_content") or "").strip()
            if not text:
                continue
            published = None
            with contextlib.suppress(KeyError, ValueError):
                published = dt.datetime.strptime(row["date"].strip(), "%m/%d/%Y").date().isoformat()
            docs.append(
                Document.create(
                    text,
                    title=row.get("article_title") or None,
                    source=row.get("source") or None,
                    published=published,
                    published_precision="day" if published else "unknown",
                    published_method="metadata" if published else None,
                    origin=f"FA-KES#{row.get('unit_id')}",
                )
            )
    return docs


def load_or_extract(events_path: Path | None, cache: Path) -> tuple[list[Event], dict[str, Document]]:
    docs = {d.id: d for d in fakes_documents(FAKES)}
    path = events_path or cache
    if path.is_file():
        events = [Event.from_dict(json.loads(line)) for line in path.open(encoding="utf-8") if line.strip()]
        return events, docs
    from sitrep.extract import extract_document

    t0 = time.perf_counter()
    events = []
    for d in docs.values():
        events.extend(e if e.source else e.with_(source=d.source) for e in extract_document(d))
    print(f"extracted {len(events)} events from {len(docs)} FA-KES articles in {time.perf_counter() - t0:.1f} s",
          file=sys.stderr)
    with cache.open("w", encoding="utf-8") as fh:
        for e in events:
            fh.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
    return events, docs


def fakes_report(events: list[Event], docs: dict[str, Document], sample: int, sample_out: Path | None,
                 seed: int, contra_out: Path | None = None) -> dict[str, object]:
    t0 = time.perf_counter()
    res = resolve_events(events)
    secs = time.perf_counter() - t0
    by_id = {e.event_id: e for e in events}
    incidents = res.incidents
    multi_source = [i for i in incidents if len(set(i.sources)) >= 2]
    multi_doc = [i for i in incidents if len(i.doc_ids) >= 2]
    contra = Counter(c.field for i in incidents for c in i.contradictions)
    dated = [e for e in events if not e.generic]
    stats: dict[str, object] = {
        "events": len(events),
        "non_generic_events": len(dated),
        "incidents": len(incidents),
        "multi_doc_incidents": len(multi_doc),
        "multi_source_incidents": len(multi_source),
        "multi_source_share": round(len(multi_source) / len(incidents), 4) if incidents else None,
        "events_in_multi_source": sum(len(i.event_ids) for i in multi_source),
        "contradictions": dict(contra.most_common()),
        "resolve_seconds": round(secs, 2),
    }
    if sample_out is not None:
        rng = random.Random(seed)
        picked = rng.sample(multi_source, min(sample, len(multi_source)))
        write_sample(picked, by_id, docs, sample_out)
    if contra_out is not None:
        listed = [i for i in incidents if i.contradictions]
        rng = random.Random(seed)
        write_contradictions(rng.sample(listed, min(sample, len(listed))), by_id, docs, contra_out)
    return stats


def threshold_sweep(events: list[Event], out: Path | None) -> dict[str, object]:
    """Scores of every candidate pair that passes the gates, and the merges each threshold would make."""
    from sitrep.resolve.blocking import candidate_pairs
    from sitrep.resolve.matching import match_score, profile

    profiles = [profile(i, e) for i, e in enumerate(events)]
    scored = []
    for i, j in candidate_pairs(events):
        s = match_score(profiles[i], profiles[j])
        if s > 0:
            scored.append((s, i, j))
    cross = [(s, i, j) for s, i, j in scored if events[i].source != events[j].source]
    sweep = {f"{t:.2f}": sum(1 for s, _, _ in cross if s >= t) for t in (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)}
    hist = Counter(f"{int(s * 20) / 20:.2f}" for s, _, _ in cross)
    if out is not None:
        lines = []
        for s, i, j in sorted(cross, key=lambda t: t[0]):
            if 0.4 <= s < 0.6:
                a, b = events[i], events[j]
                lines.append(f"{s:.3f} | [{a.source} {a.date}] {' '.join(a.evidence.text.split())[:220]}\n"
                             f"      | [{b.source} {b.date}] {' '.join(b.evidence.text.split())[:220]}")
        out.write_text("\n".join(lines), encoding="utf-8")
    return {"gated_pairs": len(scored), "cross_source_pairs": len(cross), "pairs_at_or_above": sweep,
            "histogram": dict(sorted(hist.items()))}


def write_sample(incidents: list[Incident], by_id: dict[str, Event], docs: dict[str, Document], out: Path) -> None:
    lines = []
    for n, inc in enumerate(incidents, 1):
        loc = inc.location.name if inc.location else "-"
        lines.append(f"### {n}. {inc.incident_id}  {inc.event_type} / {inc.sub_event_type}  {inc.date}  {loc}")
        for eid in inc.event_ids:
            e = by_id[eid]
            d = docs.get(e.doc_id)
            pub = d.published if d else None
            place = e.location.name if e.location else "-"
            a1 = e.actor1.name if e.actor1 else "-"
            a2 = e.actor2.name if e.actor2 else "-"
            lines.append(f"- `{e.event_id[:8]}` [{e.source} {pub}] {e.date} {e.sub_event_type} @ {place}; "
                         f"{a1} -> {a2}; killed {e.fatalities}: \"{' '.join(e.evidence.text.split())[:300]}\"")
        if inc.contradictions:
            lines.append("  contradictions: " + ", ".join(
                f"{c.field}=" + " vs ".join(str(v.value if not isinstance(v.value, dict) else v.value.get('name'))
                                            for v in c.values) for c in inc.contradictions))
        lines.append("")
    out.write_text("\n".join(lines), encoding="utf-8")


def write_contradictions(incidents: list[Incident], by_id: dict[str, Event], docs: dict[str, Document],
                         out: Path) -> None:
    """Every contradiction of the drawn incidents, each side with its sources and evidence, to check by hand."""
    lines = []
    n = 0
    for inc in incidents:
        for c in inc.contradictions:
            n += 1
            loc = inc.location.name if inc.location else "-"
            lines.append(f"### C{n}. {inc.incident_id}  {c.field} ({c.kind})  {inc.sub_event_type}  {inc.date}  {loc}")
            for v in c.values:
                for eid in v.event_ids:
                    e = by_id[eid]
                    d = docs.get(e.doc_id)
                    pub = d.published if d else None
                    lines.append(f"- **{v.label}** `{e.event_id[:8]}` [{e.source} {pub}] {e.date}: "
                                 f"\"{' '.join(e.evidence.text.split())[:300]}\"")
            lines.append("")
    out.write_text("\n".join(lines), encoding="utf-8")


def replicate(events: list[Event], n: int, shift_days: int, seed: int) -> list[Event]:
    rng = random.Random(seed)
    base = [e for e in events if not e.generic] or events
    out: list[Event] = []
    r = 0
    while len(out) < n:
        for e in base:
            if len(out) >= n:
                break
            date = e.date
            if date and e.date_precision == "day":
                d = dt.date.fromisoformat(date) + dt.timedelta(days=r * shift_days + rng.randint(-1, 1))
                date = d.isoformat()
            loc: Place | None = e.location
            if loc is not None and loc.lat is not None and loc.lon is not None and r:
                loc = Place(loc.name, loc.country, loc.admin1, loc.admin2,
                            loc.lat + rng.uniform(-0.05, 0.05), loc.lon + rng.uniform(-0.05, 0.05),
                            loc.geonameid, loc.precision, loc.feature, loc.mention)
            out.append(e.with_(event_id=f"{e.event_id}-r{r}", doc_id=f"{e.doc_id}-r{r}", date=date, location=loc))
        r += 1
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=Path, help="events JSONL (sitrep extract output of FA-KES)")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/sitrep_fakes_events.jsonl"))
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--shift-days", type=int, default=10)
    ap.add_argument("--sample", type=int, default=45)
    ap.add_argument("--sample-out", type=Path, default=None)
    ap.add_argument("--contra-out", type=Path, default=None,
                    help="write the contradictions of --sample drawn incidents that list any, to check by hand")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--skip-scale", action="store_true")
    ap.add_argument("--sweep-out", type=Path, default=None, help="write cross-source pairs scored 0.4-0.6")
    args = ap.parse_args()
    if not FAKES.is_file() and args.events is None:
        print(f"FA-KES not found at {FAKES}", file=sys.stderr)
        return 1
    events, docs = load_or_extract(args.events, args.cache)
    print(json.dumps({"fakes": fakes_report(events, docs, args.sample, args.sample_out, args.seed,
                                            args.contra_out)}, indent=1))
    print(json.dumps({"threshold": threshold_sweep(events, args.sweep_out)}, indent=1))
    if not args.skip_scale:
        many = replicate(events, args.n, args.shift_days, args.seed)
        t0, c0 = time.perf_counter(), time.process_time()
        res = resolve_events(many)
        secs, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(json.dumps({"scale": {"events": len(many), "incidents": len(res.incidents),
                                    "multi_report_incidents": sum(len(i.event_ids) > 1 for i in res.incidents),
                                    "wall_seconds": round(secs, 2), "cpu_seconds": round(cpu, 2),
                                    "events_per_s": round(len(many) / secs)}}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
