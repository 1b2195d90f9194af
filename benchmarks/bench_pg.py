"""Store ingest rate: documents (+ their events) per second into PostgreSQL and SQLite, and size on disk.

    source scripts/ci_postgres.sh           # or SITREP_PG_DURABLE=1 for fsync on (see docs/bench/scale.md)
    .venv/bin/python benchmarks/bench_pg.py --docs 20000 --pg "$SITREP_TEST_PG"

Documents are FA-KES replicated with perturbations (benchmarks/scale_corpus.py). Their events
are the real extractor's output on the first --sample articles, re-keyed onto every copy (same
sizes and shapes as real events, without paying for 20,000 extractions here). Writes go through
the store interface exactly as ``sitrep ingest`` does them: per batch, ``add_events`` then
``add_documents`` (with near-duplicate signatures), each in its own transaction. PostgreSQL is
loaded into a fresh schema that is dropped afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale_corpus import replicated  # noqa: E402

from sitrep.records import Document, Event  # noqa: E402
from sitrep.store import Store, open_store  # noqa: E402


def sample_events(docs: list[Document]) -> list[list[Event]]:
    from sitrep.pipeline import stage_extract

    out = []
    for d in docs:
        r = stage_extract(d)
        if r.error:
            sys.exit(f"extraction failed on {d.origin}: {r.error}")
        out.append(list(r.events))
    return out


def rekey(events: list[Event], doc: Document) -> list[Event]:
    return [
        replace(e, doc_id=doc.id, event_id=Event.make_id(doc.id, e.evidence.start, e.evidence.end, e.event_type),
                source=doc.source)
        for e in events
    ]


def load(store: Store, docs: list[Document], events: list[list[Event]], sigs: list[bytes], batch: int) -> float:
    t0 = time.perf_counter()
    for i in range(0, len(docs), batch):
        chunk = docs[i : i + batch]
        evs = [e for j, d in enumerate(chunk, start=i) for e in rekey(events[j % len(events)], d)]
        store.add_events(evs)
        store.add_documents(chunk, signatures={d.id: sigs[j % len(sigs)] for j, d in enumerate(chunk, start=i)})
    return time.perf_counter() - t0


def pg_size(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'"
        ).fetchone()
    return int(row[0]) if row else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--sample", type=int, default=200, help="articles whose real events are re-keyed onto copies")
    ap.add_argument("--batch", type=int, default=64, help="documents per write (sitrep ingest uses 64)")
    ap.add_argument("--pg", default=os.environ.get("SITREP_TEST_PG"), help="postgresql:// URL of a server")
    ap.add_argument("--backends", default="postgres,sqlite")
    ap.add_argument("--json", dest="json_out", default=None)
    args = ap.parse_args()

    docs = list(replicated(args.docs))
    events = sample_events(docs[: args.sample])
    from sitrep.documents import signature

    sigs = [signature(d.text) for d in docs[: args.sample]]
    n_events = sum(len(events[j % len(events)]) for j in range(len(docs)))
    print(f"{len(docs)} documents, {n_events} events ({n_events / len(docs):.2f} per document), "
          f"batch {args.batch}, load average {os.getloadavg()[0]:.2f}", flush=True)
    rows: list[dict[str, Any]] = []
    for backend in args.backends.split(","):
        if backend == "postgres":
            if not args.pg:
                print("postgres: skipped (no --pg URL and SITREP_TEST_PG unset)")
                continue
            import psycopg

            sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
            from conftest_store import with_search_path

            schema = f"bench_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(args.pg, autocommit=True) as conn:
                conn.execute(f"CREATE SCHEMA {schema}")
                settings = {k: str(conn.execute(f"SHOW {k}").fetchall()[0][0]) for k in ("fsync", "synchronous_commit")}
            url = with_search_path(args.pg, schema)
            try:
                store = open_store(url)
                seconds = load(store, docs, events, sigs, args.batch)
                again = load(store, docs[: min(2000, len(docs))], events, sigs, args.batch)
                stats = store.stats()
                store.close()
                size = pg_size(url)
            finally:
                with psycopg.connect(args.pg, autocommit=True) as conn:
                    conn.execute(f"DROP SCHEMA {schema} CASCADE")
            label = f"postgres (fsync={settings['fsync']}, synchronous_commit={settings['synchronous_commit']})"
        else:
            with tempfile.TemporaryDirectory() as tmp:
                path = str(Path(tmp) / "bench.db")
                store = open_store(path)
                seconds = load(store, docs, events, sigs, args.batch)
                again = load(store, docs[: min(2000, len(docs))], events, sigs, args.batch)
                stats = store.stats()
                store.close()
                size = sum(p.stat().st_size for p in Path(tmp).iterdir())
            label = "sqlite (WAL, synchronous=NORMAL)"
        row = {
            "backend": label,
            "docs": stats["documents"],
            "events": stats["events"],
            "seconds": round(seconds, 2),
            "docs_per_s": round(len(docs) / seconds, 1),
            "events_per_s": round(n_events / seconds, 1),
            "reingest_docs_per_s": round(min(2000, len(docs)) / again, 1),
            "bytes_per_doc": round(size / max(1, stats["documents"])),
            "size_mb": round(size / 2**20, 1),
        }
        rows.append(row)
        print(json.dumps(row), flush=True)
    print("\n| store | documents | events | docs/s | events/s | re-ingest docs/s | size MB | bytes/doc |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['backend']} | {r['docs']} | {r['events']} | {r['docs_per_s']} | {r['events_per_s']} | "
              f"{r['reingest_docs_per_s']} | {r['size_mb']} | {r['bytes_per_doc']} |")
    print(json.dumps({"when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpus": os.cpu_count(),
                      "load_after": round(os.getloadavg()[0], 2)}))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(rows, indent=1) + "\n")


if __name__ == "__main__":
    main()
