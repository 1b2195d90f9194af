"""Scaling of ``sitrep resolve`` (issue #18): wall time and peak memory on 100k and 1M events.

The FA-KES events (``sitrep extract`` output of the 804 articles) are replicated to ``--n`` events.
Replica ``r`` is shifted by ``r * --shift-days`` (default 90: some 20 replicas overlap any day once
there are more than about 70k events, so the reports per day — about 40, a busy conflict feed — are
the same at 100k and at 1M and the figures show the cost of size alone) and every day-dated report
by -1..+1 day, with
coordinates jittered by up to 0.05 degrees; document and event ids get the replica number. The file
is resolved by the real command line (``python -m sitrep resolve``) in a child process; wall time,
the child's CPU time (user + system: the machine is shared, so wall time depends on the load) and
its peak resident memory (``ru_maxrss``) are printed.

    python benchmarks/bench_resolve_scale.py --events fakes_events.jsonl --n 100000 --n 1000000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sitrep.records import date_bounds


def _shift(value: str | None, days: int) -> str | None:
    if not value:
        return value
    lo, _ = date_bounds(value)
    if lo is None:
        return value
    d = dt.date.fromisoformat(lo) + dt.timedelta(days=days)
    if len(value) == 10:
        return d.isoformat()
    if len(value) == 7:
        return d.isoformat()[:7]
    if len(value) == 4:
        return str(d.year)
    if "-W" in value:
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    return value


def shift_event(e: dict[str, Any], r: int, shift_days: int, rng: random.Random) -> dict[str, Any]:
    """Replica ``r`` of one event (as JSON): dates shifted, coordinates jittered, ids suffixed."""
    ev = dict(e)
    if r:
        days = r * shift_days + (rng.randint(-1, 1) if e.get("date_precision") == "day" else 0)
        ev["date"] = _shift(e.get("date"), days)
        loc = e.get("location")
        if loc and loc.get("lat") is not None and loc.get("lon") is not None:
            jitter = rng.uniform(-0.05, 0.05), rng.uniform(-0.05, 0.05)
            ev["location"] = dict(loc, lat=loc["lat"] + jitter[0], lon=loc["lon"] + jitter[1])
    ev["event_id"] = f"{e['event_id']}-r{r}"
    ev["doc_id"] = f"{e['doc_id']}-r{r}"
    return ev


def replicate(events: list[dict[str, Any]], n: int, shift_days: int, seed: int, out: Path) -> None:
    rng = random.Random(seed)
    base = [e for e in events if not e.get("generic")] or events
    written = 0
    with out.open("w", encoding="utf-8") as fh:
        r = 0
        while written < n:
            for e in base:
                if written >= n:
                    break
                fh.write(json.dumps(shift_event(e, r, shift_days, rng), ensure_ascii=False) + "\n")
                written += 1
            r += 1


def run(path: Path, out: Path, workers: int | None = None) -> dict[str, float]:
    t0 = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    extra = ["--workers", str(workers)] if workers else []
    subprocess.run([sys.executable, "-m", "sitrep", "resolve", str(path), "-o", str(out), *extra], check=True)
    secs = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    incidents = sum(1 for _ in out.open(encoding="utf-8"))
    # ru_maxrss of children is the largest of any child so far: run one size per process for exact figures
    return {"seconds": round(secs, 1), "cpu_seconds": round(cpu, 1), "peak_mb": round(after.ru_maxrss / 1024),
            "incidents": incidents}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=Path, required=True, help="sitrep extract output of FA-KES (JSONL)")
    ap.add_argument("--n", type=int, action="append", help="event counts (repeatable; default 100000)")
    ap.add_argument("--shift-days", type=int, default=90)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--workers", type=int, default=None,
                    help="sitrep resolve --workers (default: the command's own, the CPUs this process may use)")
    ap.add_argument("--reuse", action="store_true", help="resolve the replica file already in --workdir, if any")
    args = ap.parse_args()
    events = [json.loads(line) for line in args.events.open(encoding="utf-8") if line.strip()]
    work = args.workdir or Path(tempfile.mkdtemp(prefix="sitrep-resolve-scale-"))
    for n in args.n or [100000]:
        src = work / f"events_{n}.jsonl"
        if not (args.reuse and src.exists()):
            replicate(events, n, args.shift_days, args.seed, src)
        stats = run(src, work / f"incidents_{n}.jsonl", args.workers)
        # workers 0: the command's default
        stats.update(events=n, events_per_cpu_s=round(n / stats["cpu_seconds"]), workers=float(args.workers or 0))
        print(json.dumps(stats), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
