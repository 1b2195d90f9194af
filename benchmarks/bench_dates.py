"""Benchmark sitrep.extract.dates in-process: TempEval-3 value F1 and speed on FA-KES.

Usage: .venv/bin/python benchmarks/bench_dates.py [--show fp|fn|val] [--limit N]

Scores with the matching and value rules of ../shared/tools/score_dates.py (imported from
there, so the figures equal the CLI scorer's) and times find_dates on the 804 FA-KES articles.
Needs ../shared beside the repository; prints the figures recorded in docs/bench/dates.md.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def _scorer() -> Any:
    sys.path.insert(0, str(SHARED / "tools"))
    import score_dates

    return score_dates


def tempeval(show: str | None, limit: int | None) -> dict[str, Any]:
    from sitrep.extract.dates import find_dates

    sd = _scorer()
    docs, _ = sd.load_dates(SHARED / "eval" / "dev" / "tempeval3_docs.jsonl", None, None, limit)
    c: Counter[str] = Counter()
    t0 = time.perf_counter()
    preds_by_doc = {d["id"]: find_dates(d["text"], d["published"]) for d in docs}
    wall = time.perf_counter() - t0
    for d in docs:
        preds = [((p.start, p.end), p) for p in preds_by_doc[d["id"]]]
        m = sd.span_match([g["span"] for g in d["gold"]], [s for s, _ in preds])
        matched = set(m.values())
        for j, (span, p) in enumerate(preds):
            if j in matched:
                continue
            if any(sd.overlap(span, o) > 0 for o in d["other"]):
                c["ignored"] += 1
            else:
                c["fp"] += 1
                if show == "fp":
                    ctx = d["text"][max(0, span[0] - 40) : span[1] + 30].replace("\n", " ")
                    print(f"FP  {p.mention!r:28} {p.value!s:12} {p.method:28} | {ctx}")
        c["gold"] += len(d["gold"])
        c["matched"] += len(m)
        for gi, g in enumerate(d["gold"]):
            if gi not in m:
                if show == "fn":
                    s, e = g["span"]
                    ctx = d["text"][max(0, s - 40) : e + 30].replace("\n", " ")
                    print(f"FN  {g['text']!r:28} {g['value']!s:14} dct={d['published']} | {ctx}")
                continue
            p = preds[m[gi]][1]
            ok = sd.value_correct(g["value"], p.value)
            c["value_ok"] += ok
            if not ok and show == "val":
                s, e = g["span"]
                ctx = d["text"][max(0, s - 50) : e + 30].replace("\n", " ")
                print(f"VAL {g['text']!r:24} gold={g['value']!s:12} pred={p.value!s:12} {p.method:26} "
                      f"dct={d['published']} | {ctx}")
    n_pred = c["matched"] + c["fp"]
    rp, rr, rf = sd.prf(c["matched"], n_pred, c["matched"], c["gold"])
    vp, vr, vf = sd.prf(c["value_ok"], n_pred, c["value_ok"], c["gold"])
    return {"docs": len(docs), "gold": c["gold"], "pred": n_pred, "ignored": c["ignored"], "rec_p": rp,
            "rec_r": rr, "rec_f1": rf, "value_p": vp, "value_r": vr, "value_f1": vf,
            "ms_per_doc": 1000 * wall / max(1, len(docs))}


def fakes_speed() -> dict[str, Any]:
    from sitrep.extract.dates import find_dates

    path = SHARED / "corpus" / "fakes" / "FA-KES-Dataset.csv"
    with open(path, encoding="utf-8", errors="replace", newline="") as fh:
        rows = list(csv.DictReader(fh))
    docs = []
    for r in rows:
        mdy = (r.get("date") or "").split("/")
        pub = f"{mdy[2]}-{int(mdy[0]):02d}-{int(mdy[1]):02d}" if len(mdy) == 3 else None
        docs.append((r["article_content"], pub))
    find_dates("warm up on Monday, 5 May 2017", "2017-05-06")
    times = []
    n_mentions = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for text, pub in docs:
        t = time.perf_counter()
        n_mentions += len(find_dates(text, pub))
        times.append(time.perf_counter() - t)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    # CPU time is the figure to quote on a shared machine; wall time includes waiting for a core
    return {"docs": len(docs), "mentions": n_mentions, "cpu_ms_per_doc": 1000 * cpu / len(docs),
            "wall_ms_per_doc": 1000 * wall / len(docs), "median_ms": 1000 * statistics.median(times),
            "p95_ms": 1000 * sorted(times)[int(0.95 * len(times))]}


def acled_dates() -> dict[str, Any]:
    """date_for_span over whole ACLED coder notes (published = event date + 1, as score_acled.py does)."""
    import datetime as dt

    from sitrep.extract.dates import date_for_span, find_dates

    path = SHARED / "eval" / "dev" / "acled_2018_syria_iraq.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    c: Counter[str] = Counter()
    for r in rows:
        day = dt.datetime.strptime(r["event_date"], "%d-%b-%y").date()
        pub = (day + dt.timedelta(days=1)).isoformat()
        text = r["notes"]
        value, precision, how = date_for_span(find_dates(text, pub), 0, len(text), text, pub)
        c["rows"] += 1
        c["exact"] += value == day.isoformat() and precision == "day"
        c[how.split(":")[0]] += 1
    return {"rows": c["rows"], "date_exact": c["exact"] / max(1, c["rows"]), "from_sentence": c["sentence"],
            "previous_day": c["publication-previous-day"], "future": c["future"]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", choices=["fp", "fn", "val"], default=None)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    if not SHARED.exists():
        print(f"skipped: {SHARED} not found")
        return 0
    te = tempeval(args.show, args.limit)
    print("TempEval-3 TBAQ dev (DATE):", " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                                                   for k, v in te.items()))
    ac = acled_dates()
    print("ACLED 2018 notes (date_for_span over the note):",
          " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in ac.items()))
    if not args.no_speed:
        sp = fakes_speed()
        print("FA-KES speed:", " ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in sp.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
