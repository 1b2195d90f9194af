"""Two `sitrep ingest` processes started together on one SQLite file, over overlapping inputs.

Both must exit 0 while readers query the file, neither may surface "database is locked" (the
store waits and retries under BEGIN IMMEDIATE with a busy timeout), the file must pass SQLite's
integrity check, and the final counts must be exact: every distinct report stored once, with its
events, and every incident consistent with its event links.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from tests.test_crash_safety import (
    assert_healthy,
    make_corpus,
    no_traceback,
    read_only,
    run_sitrep,
    start_sitrep,
    store_health,
    write_jsonl,
)


def _run_two(tmp_path: Path, resolve: bool, n: int, overlap: int) -> None:
    corpus = make_corpus(n, seed=23 if resolve else 5)
    half = (n + overlap) // 2
    a = write_jsonl(tmp_path / "a.jsonl", corpus[:half])
    b = write_jsonl(tmp_path / "b.jsonl", corpus[n - half :][::-1])  # opposite order: they meet in the middle
    db = tmp_path / "shared.db"
    extra = () if resolve else ("--no-resolve",)
    procs = [
        start_sitrep("ingest", str(src), "--db", str(db), "-q", "--batch-size", "4", *extra,
                     stderr_path=tmp_path / f"{src.stem}.err")
        for src in (a, b)
    ]
    # readers while both write: WAL lets them through, and they never see "database is locked"
    reads = 0
    last_docs = 0
    while any(p.poll() is None for p in procs) and reads < 15:
        if not db.exists():  # a query refuses a database that is not there yet (only ingest creates one)
            time.sleep(0.05)
            continue
        r = run_sitrep("stats", "--db", str(db), "--format", "json", timeout=120)
        no_traceback(r.stderr)
        assert r.returncode == 0, r.stderr[-2000:]
        docs = json.loads(r.stdout)[0]["documents"]
        assert docs >= last_docs, "a reader saw committed documents disappear"
        last_docs = docs
        reads += 1
        time.sleep(1.0)
    deadline = time.monotonic() + 600
    for p in procs:
        try:
            p.wait(max(1.0, deadline - time.monotonic()))
        except Exception:
            for q in procs:
                q.kill()
            raise
    for p, name in zip(procs, ("a", "b"), strict=True):
        err = (tmp_path / f"{name}.err").read_text(errors="replace")
        no_traceback(err)
        assert p.returncode == 0, f"ingest {name} exited {p.returncode}: {err[-2000:]}"

    h = store_health(db)
    assert_healthy(h, documents=n)
    assert not h.docs_without_events, f"{len(h.docs_without_events)} documents without events"
    con = read_only(db)
    try:
        origins = [r[0].rsplit("#", 1)[-1] for r in con.execute("SELECT origin FROM documents")]
        per_doc = dict(con.execute("SELECT doc_id, count(*) FROM events GROUP BY doc_id").fetchall())
        incidents = con.execute("SELECT count(*) FROM incidents").fetchone()[0]
        linked = con.execute("SELECT count(*) FROM incident_events").fetchone()[0]
        events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        con.close()
    assert sorted(origins) == sorted(r["id"] for r in corpus)
    assert len(per_doc) == n
    if resolve:
        assert incidents > 0
        assert linked == events, "every event belongs to exactly one incident"


@pytest.mark.slow
def test_two_concurrent_ingests_into_one_sqlite_file(tmp_path: Path) -> None:
    _run_two(tmp_path, resolve=False, n=400, overlap=150)


@pytest.mark.slow
def test_two_concurrent_ingests_with_incremental_resolution(tmp_path: Path) -> None:
    _run_two(tmp_path, resolve=True, n=160, overlap=60)


def test_concurrent_reruns_of_the_same_input_add_nothing(tmp_path: Path) -> None:
    """Idempotence under concurrency: two processes re-ingesting one stored file change nothing."""
    corpus = make_corpus(40, seed=31)
    src = write_jsonl(tmp_path / "same.jsonl", corpus)
    db = tmp_path / "same.db"
    first = run_sitrep("ingest", str(src), "--db", str(db), "-q", "--json", "--no-resolve")
    assert first.returncode == 0, first.stderr[-2000:]
    before = store_health(db)
    procs = [
        start_sitrep("ingest", str(src), "--db", str(db), "-q", "--no-resolve", stderr_path=tmp_path / f"{i}.err")
        for i in range(2)
    ]
    for i, p in enumerate(procs):
        p.wait(300)
        err = (tmp_path / f"{i}.err").read_text(errors="replace")
        no_traceback(err)
        assert p.returncode == 0, err[-2000:]
    after = store_health(db)
    assert_healthy(after, documents=40)
    assert (after.documents, after.events) == (before.documents, before.events)
    assert json.loads(first.stdout)["documents_new"] == 40


def _outcome(db: Path) -> tuple[list[str], int, list[str]]:
    con = read_only(db)
    try:
        people = sorted(f"{r[0]}|{r[1] or ''}" for r in con.execute("SELECT name, role FROM people"))
        contradictions = con.execute("SELECT coalesce(sum(n_contradictions), 0) FROM incidents").fetchone()[0]
        incidents = sorted(json.dumps(sorted(json.loads(r[0])["event_ids"])) for r in con.execute(
            "SELECT data FROM incidents"))
    finally:
        con.close()
    return people, contradictions, incidents


@pytest.mark.slow
def test_concurrent_ingests_give_the_people_and_contradictions_of_a_sequential_run(tmp_path: Path) -> None:
    """Real articles (the bundled FA-KES sample, which has people and contradictions): two ingests
    started together over overlapping halves end exactly where one after the other ends."""
    import csv

    from sitrep.ingest import sample_corpus_paths

    sample = next(p for p in sample_corpus_paths() if p.endswith(".csv"))
    with open(sample, encoding="utf-8", newline="") as fh:
        rows = [{"id": r["unit_id"], "text": r["article_content"], "title": r["article_title"],
                 "source": r["source"], "published": r["date"]} for r in csv.DictReader(fh)]
    n, overlap = len(rows), len(rows) // 4
    half = (n + overlap) // 2
    a = write_jsonl(tmp_path / "a.jsonl", rows[:half])
    b = write_jsonl(tmp_path / "b.jsonl", rows[n - half:][::-1])
    seq = tmp_path / "seq.db"
    for src in (a, b):
        r = run_sitrep("ingest", str(src), "--db", str(seq), "-q", "--batch-size", "4")
        assert r.returncode == 0, r.stderr[-2000:]
    conc = tmp_path / "conc.db"
    procs = [start_sitrep("ingest", str(src), "--db", str(conc), "-q", "--batch-size", "4",
                          stderr_path=tmp_path / f"{src.stem}.err") for src in (a, b)]
    for p in procs:
        p.wait(600)
        assert p.returncode == 0
    want, got = _outcome(seq), _outcome(conc)
    assert want[0], "the sample should name people"
    assert got[0] == want[0], set(got[0]) ^ set(want[0])
    assert got[1] == want[1]
    assert got[2] == want[2]
    assert_healthy(store_health(conc))


def _open_store_at_barrier(path: str, barrier: Any, out: Any) -> None:
    from sitrep.store.sqlite import SQLiteStore

    barrier.wait()
    try:
        SQLiteStore(path).close()
        out.put("ok")
    except Exception as exc:  # reported to the test, which shows it
        out.put(f"{type(exc).__name__}: {exc}")


def test_processes_creating_one_new_sqlite_file_together_all_open_it(tmp_path: Path) -> None:
    """Six processes open one not-yet-existing file at the same instant, twenty times: switching the
    new file to WAL deadlocks in SQLite's rollback mode and one of them got "database is locked" at
    once (busy handler skipped); now each waits its turn and every one opens the store."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    failures: list[str] = []
    for trial in range(20):
        path = str(tmp_path / f"new{trial}.db")
        barrier, out = ctx.Barrier(6), ctx.Queue()
        procs = [ctx.Process(target=_open_store_at_barrier, args=(path, barrier, out)) for _ in range(6)]
        for p in procs:
            p.start()
        results = [out.get(timeout=120) for _ in procs]
        for p in procs:
            p.join(60)
        failures += [r for r in results if r != "ok"]
    assert not failures, failures[:3]
