"""`sitrep extract` end to end (process start, model load, reading, writing): documents per second.

    .venv/bin/python benchmarks/bench_extract_cli.py [--engines plain,local,processes] [--workers 2]

Inputs are built from ../shared (read-only): the 804 FA-KES articles (with their date column as
``published``) and the unique ACLED 2018 coder notes (``published`` = event date + 1 day, as the
ACLED scorer passes them). Wall-clock time of the whole command, so start-up is included.
``plain`` is the command as users type it, without ``--engine`` or ``--workers`` (the default
engine, ``auto``); every run gets an empty config file and no SITREP_ENGINE/SITREP_WORKERS, so
the figures are those of the built-in defaults.
Not a test: the figures depend on the machine and its load (the script prints the load average).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SITREP = [sys.executable, "-m", "sitrep"]


def fakes(path: Path) -> int:
    from sitrep.documents import parse_date_string

    with open(SHARED / "corpus/fakes/FA-KES-Dataset.csv", encoding="latin-1") as fh:
        rows = list(csv.DictReader(fh))
    with open(path, "w", encoding="utf-8") as out:
        for r in rows:
            rec = {"id": r["unit_id"], "text": r["article_content"], "title": r["article_title"], "source": r["source"]}
            parsed = parse_date_string(r["date"])
            if parsed:
                rec["published"] = parsed[0] if isinstance(parsed, tuple) else parsed
            out.write(json.dumps(rec) + "\n")
    return len(rows)


def acled_notes(path: Path) -> int:
    seen: dict[str, str] = {}
    with open(SHARED / "eval/dev/acled_2018_syria_iraq.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            day = dt.datetime.strptime(r["event_date"], "%d-%b-%y").date() + dt.timedelta(days=1)
            seen.setdefault(r["notes"], day.isoformat())
    with open(path, "w", encoding="utf-8") as out:
        for i, (note, day) in enumerate(seen.items()):
            out.write(json.dumps({"id": str(i), "text": note, "published": day}) + "\n")
    return len(seen)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--engines", default="plain,local,processes",
                    help="comma-separated: plain (no --engine flag) and/or engine names")
    ap.add_argument("--workers", type=int, default=2, help="--workers for the engines named (not for plain)")
    args = ap.parse_args()
    if not SHARED.is_dir():
        print("../shared is not here: nothing to measure", file=sys.stderr)
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="sitrep-bench-"))
    (tmp / "empty.toml").write_text("", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in {"SITREP_ENGINE", "SITREP_WORKERS"}}
    env["SITREP_CONFIG"] = str(tmp / "empty.toml")
    corpora = {"FA-KES articles": (tmp / "fakes.jsonl", fakes), "ACLED notes": (tmp / "acled.jsonl", acled_notes)}
    print(f"load average before: {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPUs")
    print("| corpus | engine | docs | seconds | docs/s |\n|---|---|---|---|---|")
    for name, (path, build) in corpora.items():
        n = build(path)
        for engine in args.engines.split(","):
            cmd = [*SITREP, "extract", str(path), "-o", str(tmp / "out.jsonl")]
            if engine != "plain":
                cmd += ["--engine", engine]
            if engine not in {"plain", "local"}:
                cmd += ["--workers", str(args.workers)]
            t0 = time.perf_counter()
            got = subprocess.run(cmd, env=env, stderr=subprocess.PIPE, text=True, check=False)
            took = time.perf_counter() - t0
            if got.returncode != 0:
                sys.exit(f"{' '.join(cmd)} failed: {got.stderr[-2000:]}")
            if engine == "plain":  # what auto picked, from its stderr line
                m = re.search(r"engine: auto -> (\w+) \((\d+) workers\)", got.stderr)
                label = f"plain (auto -> {m[1]} x{m[2]})" if m else "plain (auto -> local)"
            else:
                label = engine if engine == "local" else f"{engine} x{args.workers}"
            print(f"| {name} | {label} | {n} | {took:.1f} | {n / took:.1f} |", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
