"""Scaling of one long article: ``sitrep ingest`` of a single report of 50k, 200k and 1M characters.

The article is built at run time by concatenating FA-KES articles (../shared/corpus/fakes, CC BY
4.0; nothing is committed) into one plain-text file, cut to the wanted length at a character
boundary. Each size runs ``sitrep ingest FILE --db NEW.db`` in its own process (so the figures
include the model load, as a user sees them); the script prints wall time, CPU time (user +
system) and peak RSS of that process, events stored and seconds per 100k characters. On a shared
machine the CPU time is the steadier figure. Figures go to
docs/benchmarks.md ("Reliability round 2") and docs/bench/reliability.md.

    .venv/bin/python benchmarks/bench_long_doc.py [--sizes 50000,200000,1000000] [--fakes CSV]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT.parent / "shared" / "corpus" / "fakes" / "FA-KES-Dataset.csv"


def long_article(path: Path, chars: int) -> str:
    """FA-KES article texts, one paragraph each, repeated as needed, cut to ``chars`` characters."""
    csv.field_size_limit(50_000_000)
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        texts = [r["article_content"].strip() for r in csv.DictReader(fh) if r.get("article_content", "").strip()]
    parts: list[str] = []
    total = 0
    while total < chars:
        for t in texts:
            parts.append(t)
            total += len(t) + 2
            if total >= chars:
                break
    return "\n\n".join(parts)[:chars]


def tree_rss_kb(pid: int) -> int:
    """Resident memory (KiB) of process ``pid`` and all its descendants, read from /proc (0 when gone)."""
    total = 0
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            total += next((int(line.split()[1]) for line in fh if line.startswith("VmRSS")), 0)
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as fh:
            kids = [int(k) for k in fh.read().split()]
    except (FileNotFoundError, ProcessLookupError, ValueError):
        return total
    return total + sum(tree_rss_kb(k) for k in kids)


def run_one(text_file: Path, db: Path) -> tuple[float, float, float, float, int, str]:
    """Wall seconds, CPU seconds, peak RSS of the largest process (MB), peak RSS summed over the whole
    process tree (MB, sampled every 50 ms: the ingest and any section worker it starts), events and
    the stderr tail of one ``sitrep ingest``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    cmd = [sys.executable, "-m", "sitrep", "ingest", str(text_file), "--db", str(db), "-q", "--json"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    tree_peak = 0
    while proc.poll() is None:  # the output is a few lines, so the pipes cannot fill meanwhile
        tree_peak = max(tree_peak, tree_rss_kb(proc.pid))
        time.sleep(0.05)
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    # the child's own peak (ru_maxrss of the finished child, in KiB on Linux)
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    report = json.loads(out) if out.strip() else {}
    events = int(report.get("events", -1))
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024, tree_peak / 1024, events, err.decode(errors="replace")[-500:]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--sizes", default="50000,200000,1000000", help="comma-separated character counts")
    ap.add_argument("--fakes", type=Path, default=FAKES)
    args = ap.parse_args()
    if not args.fakes.is_file():
        print(f"FA-KES not found at {args.fakes}", file=sys.stderr)
        return 2
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'chars':>9} {'wall s':>8} {'CPU s':>8} {'peak MB':>8} {'tree MB':>8} {'events':>7} {'s/100k':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            text_file = Path(tmp) / f"long-{n}.txt"
            text_file.write_text(long_article(args.fakes, n), encoding="utf-8")
            # one process per size, so RUSAGE_CHILDREN's maximum is that size's peak when sizes grow
            res = subprocess.run(
                [sys.executable, __file__, "--_one", str(text_file), str(Path(tmp) / f"long-{n}.db")],
                capture_output=True, text=True, check=False,
            )
            if res.returncode != 0:
                print(f"{n:>9} failed: {res.stderr[-500:]}")
                continue
            wall, cpu, peak, tree, events, err = json.loads(res.stdout)
            print(f"{n:>9} {wall:8.1f} {cpu:8.1f} {peak:8.0f} {tree:8.0f} {events:7d} {wall / n * 100_000:7.2f}",
                  flush=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--_one":
        print(json.dumps(run_one(Path(sys.argv[2]), Path(sys.argv[3]))))
        sys.exit(0)
    sys.exit(main())
