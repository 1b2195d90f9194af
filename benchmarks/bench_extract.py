"""Extraction speed: model load time and documents per second, single process and two processes.

Corpora (from ../shared, read-only): the 804 FA-KES articles (full news articles) and the unique
ACLED 2018 coder notes (short reports). Each corpus is extracted with
``sitrep.extract.extract_documents`` (one spaCy parse per document, batched) in one process, then
split over two worker processes (each loads the model once; the load is timed separately).

    .venv/bin/python benchmarks/bench_extract.py [--limit N] [--workers 2]

Figures go to docs/bench/extract.md. Not a test: timings depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing as mp
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FAKES = SHARED / "corpus" / "fakes" / "FA-KES-Dataset.csv"
ACLED = SHARED / "eval" / "dev" / "acled_2018_syria_iraq.csv"

LOAD_SNIPPET = """
import time
t0 = time.perf_counter()
from sitrep.extract import _nlp, extract
_nlp()
t1 = time.perf_counter()
extract("The Syrian army shelled Kafr Zeita town in Hama countryside.", "2018-04-30")
t2 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t0:.3f}")
"""


def load_fakes(limit: int | None) -> list[tuple[str, str, str | None]]:
    out = []
    with FAKES.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            text = (row.get("article_content") or "").strip()
            if text:
                out.append((row["unit_id"], text, None))
            if limit and len(out) >= limit:
                break
    return out


def load_acled(limit: int | None) -> list[tuple[str, str, str | None]]:
    seen: dict[str, tuple[str, str, str | None]] = {}
    with ACLED.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            note = (row.get("notes") or "").strip()
            if note and note not in seen:
                seen[note] = (row["data_id"], note, "2018-05-01")
            if limit and len(seen) >= limit:
                break
    return list(seen.values())


def _run(items: list[tuple[str, str, str | None]]) -> tuple[int, int, float, float, float]:
    """(documents, events, load seconds, extract wall seconds, extract CPU seconds) in this process."""
    from sitrep.extract import _nlp, extract_documents
    from sitrep.records import Document

    t0 = time.perf_counter()
    _nlp()
    load = time.perf_counter() - t0
    docs = [Document(id=i, text=t, published=p, published_precision="day" if p else "unknown") for i, t, p in items]
    t1, c1 = time.perf_counter(), time.process_time()
    n_events = sum(len(evs) for evs in extract_documents(docs))
    return len(docs), n_events, load, time.perf_counter() - t1, time.process_time() - c1


def bench(name: str, items: list[tuple[str, str, str | None]], workers: int) -> None:
    with mp.get_context("spawn").Pool(1) as pool:
        n, ev, load, secs, cpu = pool.apply(_run, (items,))
    print(f"{name}: 1 process: {n} docs, {ev} events, {secs:.1f} s -> {n / secs:.1f} docs/s wall, "
          f"{n / cpu:.1f} docs per CPU-second (load {load:.2f} s)")
    if workers > 1:
        chunks = [items[i::workers] for i in range(workers)]
        t0 = time.perf_counter()
        with mp.get_context("spawn").Pool(workers) as pool:
            res = pool.map(_run, chunks)
        wall = time.perf_counter() - t0
        busy = max(r[3] for r in res)
        print(f"{name}: {workers} processes: {sum(r[0] for r in res)} docs in {wall:.1f} s wall incl. start-up "
              f"({n / wall:.1f} docs/s); extraction alone {busy:.1f} s -> {n / busy:.1f} docs/s")
    import os

    print(f"  (load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    if not FAKES.is_file() or not ACLED.is_file():
        print(f"needs {FAKES} and {ACLED}", file=sys.stderr)
        return 1
    out = subprocess.run([sys.executable, "-c", LOAD_SNIPPET], capture_output=True, text=True)
    if out.returncode != 0:
        print(out.stderr[-2000:], file=sys.stderr)
        return 1
    load, first = out.stdout.split()
    print(f"model load (fresh process, spaCy + gazetteer ruler): {load} s; first extraction done at {first} s")
    bench("FA-KES articles", load_fakes(args.limit), args.workers)
    bench("ACLED notes", load_acled(args.limit), args.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
