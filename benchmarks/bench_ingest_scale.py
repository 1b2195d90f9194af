"""Ingest throughput as the store grows (issue #18): the store and incident-update path at 100k documents.

Extraction costs the same per document whatever the store holds, so this benchmark replays it: the
FA-KES articles and their ``sitrep extract`` events are replicated (replica ``r`` shifted by
``r * --shift-days`` days, ids suffixed with the replica number; each replica's articles in the time
order of their events, as a feed arrives) and fed to the real
:class:`sitrep.pipeline.Pipeline` on a real SQLite store, with an injected engine whose extract stage
returns the recorded events (and whose prepare stage gives each replica a near-duplicate signature
of its own, so that every replica is a new document). Everything else — storing documents and
events, loading the stored incidents a batch may match, resolving, writing incidents — runs as in
``sitrep ingest``. Printed: documents per second of that path for each block of ``--block``
documents, and the same figure with the measured extraction time per document added back
(``--extract-docs-per-s``, FA-KES's ``sitrep extract`` speed), which is what a user sees, the peak
resident memory so far and the store's size on disk.

    python benchmarks/bench_ingest_scale.py --events fakes_events.jsonl --n 100000
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import hashlib
import json
import random
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.documents import signature
from sitrep.pipeline import Extracted, Pipeline, Prepared, stage_extract, stage_prepare
from sitrep.records import Document, Event
from sitrep.store import open_store
from sitrep.store.base import Query

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_resolve_scale import shift_event  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT.parent / "shared" / "corpus" / "fakes" / "FA-KES-Dataset.csv"


@dataclass(frozen=True)
class Replayed:
    """One replicated article: its document, the near-duplicate signature and the recorded events."""

    doc: Document
    sig: bytes
    events: tuple[Event, ...]


class ReplayEngine:
    """An engine whose prepare and extract stages return what was recorded (the rest is real)."""

    def __init__(self) -> None:
        self.events: dict[str, tuple[Event, ...]] = {}

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any], *, chunksize: int = 16) -> Iterator[Any]:
        stage = getattr(fn, "func", fn)  # the pipeline passes its stages as functools.partial
        for item in items:
            if stage is stage_prepare:
                self.events[item.doc.id] = item.events
                yield Prepared(item.doc.origin or item.doc.id, (item.doc,), (item.sig,))
            elif stage is stage_extract:
                yield Extracted(item.id, self.events.pop(item.id, ()), ())
            else:
                yield fn(item)

    def close(self) -> None:
        return None

    def __enter__(self) -> ReplayEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def articles(events_path: Path, n: int, shift_days: int, seed: int) -> Iterator[Replayed]:
    rng = random.Random(seed)
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in events_path.open(encoding="utf-8"):
        if line.strip():
            e = json.loads(line)
            by_doc[str(e["doc_id"])].append(e)
    rows = []
    with FAKES.open(encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh):
            rows.append((row["unit_id"], row["article_title"] + "\n\n" + row["article_content"], row["source"]))
    # a feed arrives in time order: each replica's articles by the first date their events give
    first = {u: min((e.get("date") or "9999") for e in evs) for u, evs in by_doc.items()}
    rows.sort(key=lambda r: first.get(r[0], "9999"))
    vocab = [f"w{i}" for i in range(5000)]
    made, r = 0, 0
    while made < n:
        for unit, text, source in rows:
            if made >= n:
                return
            doc_id = f"{unit}-r{r}"
            evs = tuple(Event.from_dict(shift_event(e, r, shift_days, rng)) for e in by_doc.get(unit, []))
            doc = Document(id=doc_id, text=text, source=source, origin=f"FA-KES#{doc_id}")
            sig = signature(" ".join(rng.choice(vocab) for _ in range(120)))
            yield Replayed(doc, sig, evs)
            made += 1
        r += 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=Path, required=True, help="sitrep extract output of FA-KES (JSONL)")
    ap.add_argument("--n", type=int, default=100000)
    ap.add_argument("--block", type=int, default=1000)
    ap.add_argument("--shift-days", type=int, default=90)
    ap.add_argument("--extract-docs-per-s", type=float, default=33.1)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--skip", type=int, default=0,
                    help="replayed articles to pass over first (to go on in a copy of a store that holds them)")
    ap.add_argument("--digest", action="store_true",
                    help="print a digest of the sorted incident export at the end (same results before/after)")
    ap.add_argument("--profile", type=Path, default=None, help="write a cProfile of the ingest blocks here")
    args = ap.parse_args()
    db = args.db or Path(tempfile.mkdtemp(prefix="sitrep-ingest-scale-")) / "sitrep.db"
    store = open_store(str(db))
    pipe = Pipeline(store, engine=ReplayEngine(), batch_size=64)
    block: list[Replayed] = []
    done = 0
    prof = cProfile.Profile() if args.profile else None
    for k, item in enumerate(articles(args.events, args.skip + args.n, args.shift_days, args.seed)):
        if k < args.skip:
            continue
        block.append(item)
        if len(block) == args.block:
            t0 = time.perf_counter()
            c0 = time.process_time()
            if prof is not None:
                prof.enable()
            report = pipe.ingest_raw(block)
            if prof is not None:
                prof.disable()
            secs, cpu = time.perf_counter() - t0, time.process_time() - c0
            done += len(block)
            per_doc = cpu / len(block)
            print(json.dumps({"stored_docs": args.skip + done, "block_docs_per_cpu_s": round(len(block) / cpu, 1),
                              "wall_s": round(secs, 1), "documents_new": report.documents_new,
                              "events": report.events, "failed": report.failed,
                              "with_extraction_docs_per_s": round(1 / (1 / args.extract_docs_per_s + per_doc), 2),
                              "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                              "store_mb": sum(f.stat().st_size for f in db.parent.glob(db.name + "*")) // 2**20}),
                  flush=True)
            block = []
            if report.failed:  # a replay that stores nothing measures nothing
                print(f"errors: {report.errors[:3]}", file=sys.stderr)
                return 1
    if prof is not None:
        prof.dump_stats(str(args.profile))
    if args.digest:
        export = sorted(json.dumps(i.to_dict(), sort_keys=True, ensure_ascii=False) for i in store.incidents(Query()))
        digest = hashlib.sha256("\n".join(export).encode()).hexdigest()[:16]
        print(json.dumps({"incidents": len(export), "digest": digest}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
