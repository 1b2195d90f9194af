"""End to end: ``sitrep ingest --engine E`` on real inputs; exports must be byte-identical across engines.

    .venv/bin/python benchmarks/bench_ingest_engines.py ../shared/corpus/fakes/FA-KES-Dataset.csv \\
        --map text=article_content,title=article_title,source=source,published=date --engines local,processes,dask

For every engine: a fresh SQLite database, ``sitrep ingest`` (timed, whole command including
start-up), then ``sitrep export --format jsonl`` of events and of incidents; the exported lines
are sorted and hashed. Prints docs/s per engine and whether every engine gave the same bytes;
exits 1 if not.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def sitrep(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sitrep", *args], capture_output=True, text=True, env=env,
                          check=False)


def sorted_export(db: str, what: str, env: dict[str, str]) -> bytes:
    got = sitrep("export", "--db", db, "--format", "jsonl", "--what", what, env=env)
    if got.returncode != 0:
        sys.exit(f"export failed: {got.stderr.strip()}")
    lines = sorted(line for line in got.stdout.splitlines() if line.strip())
    return ("\n".join(lines) + "\n").encode()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--map", default=None, help="column mapping passed to sitrep ingest")
    ap.add_argument("--engines", default="local,processes,dask")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--keep", default=None, help="folder to keep the databases and sorted exports in")
    ap.add_argument(
        "--snapshot", action="store_true",
        help="run every engine on a copy of src/ taken now (the tree is being edited while this runs)",
    )
    args = ap.parse_args()

    tmp = Path(args.keep or tempfile.mkdtemp(prefix="sitrep-e2e-"))
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "empty.toml").write_text("", encoding="utf-8")
    env = {**os.environ, "SITREP_CONFIG": str(tmp / "empty.toml")}
    if args.snapshot:
        src = Path(__file__).resolve().parents[1] / "src"
        shutil.rmtree(tmp / "src", ignore_errors=True)
        shutil.copytree(src, tmp / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        env["PYTHONPATH"] = str(tmp / "src")
    results = []
    for engine in args.engines.split(","):
        db = str(tmp / f"{engine}.db")
        for suffix in ("", "-wal", "-shm"):
            Path(db + suffix).unlink(missing_ok=True)
        cmd = ["ingest", *args.inputs, "--db", db, "--engine", engine, "--quiet", "--json"]
        if engine != "local":
            cmd += ["--workers", str(args.workers)]
        if args.map:
            cmd += ["--map", args.map]
        t0 = time.perf_counter()
        got = sitrep(*cmd, env=env)
        seconds = time.perf_counter() - t0
        if got.returncode not in (0, 1):
            sys.exit(f"ingest --engine {engine} failed: {got.stderr.strip()[-2000:]}")
        report = json.loads(got.stdout)
        events = sorted_export(db, "events", env)
        incidents = sorted_export(db, "incidents", env)
        (tmp / f"{engine}.events.jsonl").write_bytes(events)
        (tmp / f"{engine}.incidents.jsonl").write_bytes(incidents)
        row = {
            "engine": engine,
            "workers": 1 if engine == "local" else args.workers,
            "documents": report["documents_new"],
            "events": report["events"],
            "incidents": incidents.count(b"\n"),
            "failed": report["failed"],
            "seconds": round(seconds, 1),
            "docs_per_s": round(report["documents_new"] / seconds, 2),
            "events_sha256": hashlib.sha256(events).hexdigest()[:16],
            "incidents_sha256": hashlib.sha256(incidents).hexdigest()[:16],
        }
        results.append(row)
        print(json.dumps(row), flush=True)
    same = len({(r["events_sha256"], r["incidents_sha256"]) for r in results}) == 1
    print(f"byte-identical sorted exports on every engine: {same} (files in {tmp})")
    print(json.dumps({"when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                      "load_after": round(os.getloadavg()[0], 2)}))
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
