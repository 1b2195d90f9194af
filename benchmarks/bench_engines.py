"""Throughput of the extract stage on each engine with 1 and 2 workers (docs/s, memory per worker).

    .venv/bin/python benchmarks/bench_engines.py --docs 20000 --engines local,processes,dask --workers 1,2

The documents are FA-KES replicated with perturbations (benchmarks/scale_corpus.py). For each
engine and worker count the engine is started (start-up timed apart), warmed up on a few
documents (spaCy loaded in every worker), then ``engine.map(stage_extract, docs)`` is timed —
the stage ``sitrep ingest`` ships to the engine, so this is the part that scales with workers.
Every run's output is hashed; all runs must give the same hash (identical results on every
engine). Results go to stdout as a table and, with --json, to a file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale_corpus import replicated  # noqa: E402

from sitrep.engines import get_engine  # noqa: E402
from sitrep.pipeline import Extracted, stage_extract  # noqa: E402


def rss_mb(pids: list[int]) -> list[float]:
    import psutil

    out = []
    for pid in pids:
        try:
            out.append(psutil.Process(pid).memory_info().rss / 2**20)
        except psutil.Error:
            continue
    return out


def cpu_s(pids: list[int]) -> float:
    """User + system CPU seconds used so far by these processes."""
    import psutil

    total = 0.0
    for pid in pids:
        try:
            t = psutil.Process(pid).cpu_times()
            total += t.user + t.system
        except psutil.Error:
            continue
    return total


def digest(results: list[Extracted]) -> str:
    h = hashlib.sha256()
    for r in results:
        h.update(json.dumps([r.doc_id, r.error, [e.to_dict() for e in r.events],
                             [p.to_dict() for p in r.people]], sort_keys=True).encode())
    return h.hexdigest()[:16]


def run_one(name: str, workers: int, docs: list[Any], chunksize: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    engine = get_engine(name, workers=workers)
    try:
        warm = docs[: max(2, 2 * workers)]
        list(engine.map(stage_extract, warm, chunksize=1))  # every worker has its model loaded
        started = time.perf_counter() - t0
        pids = engine.worker_pids() if hasattr(engine, "worker_pids") else [os.getpid()]
        cpu0, wcpu0 = os.times(), cpu_s(pids)
        t1 = time.perf_counter()
        results = list(engine.map(stage_extract, docs, chunksize=chunksize))
        elapsed = time.perf_counter() - t1
        cpu1, wcpu1 = os.times(), cpu_s(pids)
        mem = rss_mb(pids)
    finally:
        engine.close()
    errors = sum(1 for r in results if r.error)
    return {
        "engine": name,
        "workers": workers,
        "docs": len(docs),
        "seconds": round(elapsed, 2),
        "docs_per_s": round(len(docs) / elapsed, 1),
        "startup_s": round(started, 2),
        "events": sum(len(r.events) for r in results),
        "errors": errors,
        "rss_mb_per_worker": round(max(mem), 0) if mem else None,
        "driver_cpu_s": round((cpu1.user + cpu1.system) - (cpu0.user + cpu0.system), 2),
        "worker_cpu_s": round(wcpu1 - wcpu0, 2),
        # load-independent: documents per CPU-second of the workers (the per-core figure)
        "docs_per_cpu_s": round(len(docs) / max(1e-9, wcpu1 - wcpu0), 2),
        "digest": digest(results),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--engines", default="local,processes,dask")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--chunksize", type=int, default=4)
    ap.add_argument("--json", dest="json_out", default=None, help="write the results here")
    ap.add_argument(
        "--snapshot", action="store_true",
        help="run on a copy of src/ taken now (workers import the code afresh; the tree may be edited meanwhile)",
    )
    args = ap.parse_args()
    if args.snapshot and "SITREP_BENCH_SNAPSHOT" not in os.environ:
        snap = Path(tempfile.mkdtemp(prefix="sitrep-snap-")) / "src"
        shutil.copytree(Path(__file__).resolve().parents[1] / "src", snap,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        os.environ["PYTHONPATH"] = str(snap)
        os.environ["SITREP_BENCH_SNAPSHOT"] = str(snap)
        os.execv(sys.executable, [sys.executable, __file__, *sys.argv[1:]])
    if os.environ.get("SITREP_BENCH_SNAPSHOT"):
        import sitrep

        print(f"code snapshot: {Path(sitrep.__file__).parent}", flush=True)

    docs = list(replicated(args.docs))
    load0 = os.getloadavg()
    print(f"{len(docs)} documents, {sum(len(d.text) for d in docs) / len(docs):.0f} chars each on average; "
          f"{os.cpu_count()} CPUs, load average {load0[0]:.2f}", flush=True)
    rows = []
    for name in args.engines.split(","):
        for w in (int(x) for x in args.workers.split(",")):
            if name == "local" and w != 1:
                continue
            row = run_one(name, w, docs, args.chunksize)
            rows.append(row)
            print(json.dumps(row), flush=True)
    base = {r["engine"]: r["docs_per_s"] for r in rows if r["workers"] == 1}
    print("\n| engine | workers | docs | docs/s | speed-up vs 1 worker | docs per worker CPU-s | start-up s "
          "| RSS/worker MB | events |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        speed = r["docs_per_s"] / base[r["engine"]] if base.get(r["engine"]) else float("nan")
        print(f"| {r['engine']} | {r['workers']} | {r['docs']} | {r['docs_per_s']} | {speed:.2f}x | "
              f"{r['docs_per_cpu_s']} | {r['startup_s']} | {r['rss_mb_per_worker']} | {r['events']} |")
    digests = {r["digest"] for r in rows}
    print(f"\nidentical output on every run: {len(digests) == 1} ({', '.join(sorted(digests))})")
    load1 = os.getloadavg()
    meta = {
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_before": round(load0[0], 2),
        "load_after": round(load1[0], 2),
    }
    print(json.dumps(meta))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps({"meta": meta, "runs": rows}, indent=1) + "\n")
    if len(digests) != 1:
        sys.exit("engines disagree")


if __name__ == "__main__":
    main()
