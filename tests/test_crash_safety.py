"""Crash safety: `kill -9` in the middle of an ingest of 1,000 documents, then a restart.

The ingest runs as a real `sitrep ingest` subprocess on a real SQLite file. The test waits until
some documents are committed (polling the file read-only), kills the process with SIGKILL, looks
at what survived, and runs the same command again. Afterwards: no duplicates, every document
committed before the kill is still there, every document has its events, exactly 1,000
documents, and SQLite's own integrity check passes.

The helpers here (corpus generator, CLI runner, store checks) are shared with
test_concurrency.py and test_bad_input.py.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]

# -- a corpus of short, realistic, all-different reports -------------------------------------------------
TOWNS = (
    "Douma", "Harasta", "Saraqib", "Maarat al-Numan", "Khan Shaykhun", "Jisr al-Shughur", "Ariha", "Atarib",
    "Darayya", "Zamalka", "Kafr Batna", "Hajin", "Al-Bukamal", "Al-Mayadin", "Deir ez-Zor", "Raqqa", "Tabqa",
    "Manbij", "Afrin", "Azaz", "Al-Bab", "Jarabulus", "Tal Rifaat", "Qamishli", "Hasakah", "Ras al-Ain",
    "Palmyra", "Homs", "Hama", "Latakia", "Daraa", "Quneitra", "Mosul", "Tal Afar", "Kirkuk", "Tikrit",
    "Baiji", "Fallujah", "Ramadi", "Baqubah", "Samarra", "Sinjar",
)
ATTACKERS = (
    "Government forces", "The Syrian army", "Russian warplanes", "Turkish artillery", "Iraqi security forces",
    "Islamic State militants", "Hayat Tahrir al-Sham fighters", "Unidentified gunmen", "Coalition aircraft",
    "Popular Mobilization Forces",
)
FIGHTERS = (
    "the Syrian Democratic Forces", "Islamic State fighters", "Turkish-backed rebels", "regime troops",
    "Hayat Tahrir al-Sham", "the Iraqi army", "Kurdish YPG units", "tribal fighters",
)
SOURCES = (
    "the Syrian Observatory for Human Rights", "local activists", "a medical source", "state media",
    "the civil defence", "a security official", "residents", "a monitoring group",
)
EVENTS = (
    "{a} shelled {t} on {d}, killing {n} civilians and wounding {m} others, {s} said.",
    "Clashes between {f} and {g} near {t} on {d} left {n} fighters dead, according to {s}.",
    "An air strike hit a market in {t} on {d}, killing {n} people, among them {k} children, {s} reported.",
    "A roadside bomb exploded near a checkpoint in {t} on {d}, killing {n} soldiers, {s} said.",
    "{a} arrested {n} men during a raid on {t} on {d}, {s} said.",
    "{a} fired rockets at {t} on {d}; {n} people were killed and {m} were injured, {s} said.",
)
AFTER = (
    "Residents said the bombardment continued until late in the evening.",
    "Rescue workers were still searching the rubble of {k} buildings.",
    "The toll could rise because several of the wounded were in critical condition.",
    "Hospitals in the area reported shortages of blood and medicine.",
    "Hundreds of families fled towards the border over the following hours.",
    "No group claimed responsibility for the attack.",
    "Schools in {t} were closed and the main road was cut for {k} hours.",
    "The local council appealed for help to repair {k} damaged water stations.",
)


def make_corpus(n: int = 1000, seed: int = 7) -> list[dict[str, str]]:
    """n short news reports, each different (so each has its own content hash), as JSONL records."""
    rng = random.Random(seed)
    out: list[dict[str, str]] = []
    texts: set[str] = set()
    start = dt.date(2017, 1, 1)
    while len(out) < n:
        day = start + dt.timedelta(days=rng.randrange(1000))
        pretty = f"{day.day} {day:%B} {day.year}" if rng.random() < 0.5 else f"{day:%B} {day.day}, {day.year}"
        town = rng.choice(TOWNS)
        fill: dict[str, Any] = {
            "a": rng.choice(ATTACKERS), "t": town, "d": pretty, "n": rng.randint(2, 60), "m": rng.randint(1, 90),
            "k": rng.randint(2, 14), "s": rng.choice(SOURCES), "f": rng.choice(FIGHTERS),
        }
        fill["g"] = rng.choice([x for x in FIGHTERS if x != fill["f"]])
        sentences = [rng.choice(EVENTS).format(**fill)]
        sentences += [s.format(**fill) for s in rng.sample(AFTER, 2)]
        text = " ".join(sentences)
        if text in texts:
            continue
        texts.add(text)
        i = len(out)
        out.append({"id": f"r{i:04d}", "text": text, "published": (day + dt.timedelta(days=1)).isoformat(),
                    "source": rng.choice(("Enab Baladi", "Rudaw", "SANA", "North Press", "Shafaq News"))})
    return out


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


# -- running the real CLI ----------------------------------------------------------------------------------
def sitrep_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "sitrep", *args]


def cli_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("SITREP_DEBUG", None)
    env.pop("SITREP_DB", None)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_sitrep(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(sitrep_cmd(*args), capture_output=True, text=True, timeout=timeout, env=cli_env(), cwd=ROOT)


def start_sitrep(*args: str, stderr_path: Path) -> subprocess.Popen[bytes]:
    with stderr_path.open("wb") as err:
        return subprocess.Popen(sitrep_cmd(*args), stdout=subprocess.DEVNULL, stderr=err, env=cli_env(), cwd=ROOT)


# -- looking into the store ----------------------------------------------------------------------------------
def read_only(db: Path | str) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)


def committed_count(db: Path) -> int:
    """Documents committed so far (0 while the file or its schema does not exist yet)."""
    if not db.exists():
        return 0
    try:
        con = read_only(db)
        try:
            return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


@dataclass
class Health:
    integrity: str
    fts_broken: list[str]  # full-text tables whose index disagrees with their content table
    documents: int
    events: int
    orphan_events: int  # events whose document is not stored
    docs_without_events: list[str]  # original (non-duplicate) documents with no event
    dangling_links: int  # incident_events rows pointing to a missing event or incident
    incidents_inconsistent: int  # incidents whose event list disagrees with incident_events
    empty_documents: int
    duplicate_origins: int


def store_health(db: Path | str) -> Health:
    """Everything that must hold in a store after a completed ingest, read with plain SQL."""
    con = sqlite3.connect(str(db), timeout=60)
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        fts_broken = []
        for table in ("documents_fts", "events_fts"):
            try:
                con.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
            except sqlite3.DatabaseError as exc:
                fts_broken.append(f"{table}: {exc}")
        q = lambda sql: int(con.execute(sql).fetchone()[0])  # noqa: E731
        inconsistent = 0
        links = dict(con.execute("SELECT event_id, incident_id FROM incident_events").fetchall())
        for inc_id, data in con.execute("SELECT incident_id, data FROM incidents"):
            ids = json.loads(data).get("event_ids") or []
            if any(links.get(e) != inc_id for e in ids):
                inconsistent += 1
        return Health(
            integrity=integrity,
            fts_broken=fts_broken,
            documents=q("SELECT count(*) FROM documents"),
            events=q("SELECT count(*) FROM events"),
            orphan_events=q("SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT id FROM documents)"),
            docs_without_events=[r[0] for r in con.execute(
                "SELECT id FROM documents WHERE duplicate_of IS NULL AND id NOT IN (SELECT doc_id FROM events)")],
            dangling_links=q(
                "SELECT count(*) FROM incident_events WHERE event_id NOT IN (SELECT event_id FROM events) "
                "OR incident_id NOT IN (SELECT incident_id FROM incidents)"),
            incidents_inconsistent=inconsistent,
            empty_documents=q("SELECT count(*) FROM documents WHERE trim(text) = ''"),
            duplicate_origins=q("SELECT count(*) - count(DISTINCT origin) FROM documents"),
        )
    finally:
        con.close()


def assert_healthy(h: Health, documents: int | None = None) -> None:
    assert h.integrity == "ok", h.integrity
    assert not h.fts_broken, f"full-text index out of step with its table: {h.fts_broken}"
    assert h.orphan_events == 0, f"{h.orphan_events} events without their document"
    assert h.dangling_links == 0 and h.incidents_inconsistent == 0, h
    assert h.empty_documents == 0
    assert h.duplicate_origins == 0, f"{h.duplicate_origins} documents stored twice"
    if documents is not None:
        assert h.documents == documents


def no_traceback(stderr: str) -> None:
    assert "Traceback (most recent call last)" not in stderr, stderr[-3000:]
    assert "database is locked" not in stderr, stderr[-3000:]


def _unresolved(db: Path) -> int:
    con = read_only(db)
    try:
        return int(con.execute(
            "SELECT count(*) FROM events WHERE event_id NOT IN (SELECT event_id FROM incident_events)"
        ).fetchone()[0])
    finally:
        con.close()


# -- the test ----------------------------------------------------------------------------------------------
def _kill_after_commits(cmd: tuple[str, ...], db: Path, err: Path, at_least: int, limit_s: float = 300) -> int:
    """Start the ingest, SIGKILL it once at_least documents are committed; return the count at the kill."""
    proc = start_sitrep(*cmd, stderr_path=err)
    deadline = time.monotonic() + limit_s
    try:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"ingest ended (rc {proc.returncode}) before {at_least} commits: "
                            + err.read_text(errors="replace")[-2000:])
            n = committed_count(db)
            if n >= at_least:
                proc.send_signal(signal.SIGKILL)
                proc.wait(30)
                assert proc.returncode == -signal.SIGKILL
                return n
            time.sleep(0.05)
        pytest.fail(f"no {at_least} commits within {limit_s} s")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)
    raise AssertionError("unreachable")


@pytest.mark.slow
@pytest.mark.parametrize("resolve", [False, True], ids=["no-resolve", "resolve"])
def test_kill_9_mid_ingest_then_resume_loses_and_duplicates_nothing(tmp_path: Path, resolve: bool) -> None:
    n_docs = 1000 if not resolve else 200
    corpus = make_corpus(n_docs, seed=11 if resolve else 7)
    src = write_jsonl(tmp_path / "reports.jsonl", corpus)
    db = tmp_path / "crash.db"
    cmd: tuple[str, ...] = ("ingest", str(src), "--db", str(db), "-q", "--json", "--batch-size", "8")
    if not resolve:
        cmd += ("--no-resolve",)

    seen_at_kill = _kill_after_commits(cmd, db, tmp_path / "first.err", at_least=40)
    assert seen_at_kill > 0

    # what survived the kill: committed documents and their events
    con = read_only(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        before = {r[0] for r in con.execute("SELECT id FROM documents")}
        events_before = {r[0] for r in con.execute(
            "SELECT event_id FROM events WHERE doc_id IN (SELECT id FROM documents)")}
        missing = con.execute(
            "SELECT count(*) FROM documents WHERE duplicate_of IS NULL AND id NOT IN (SELECT doc_id FROM events)"
        ).fetchone()[0]
    finally:
        con.close()
    assert len(before) >= seen_at_kill
    assert len(before) < n_docs, "the kill came after the run had finished; nothing to resume"
    assert missing == 0, "a committed document is stored without its events"

    # restart to completion
    again = run_sitrep(*cmd)
    no_traceback(again.stderr)
    assert again.returncode == 0, again.stderr[-2000:]
    report = json.loads(again.stdout)
    assert report["failed"] == 0
    assert report["documents_existing"] == len(before), "the resumed run re-stored committed documents"
    assert report["documents_new"] == n_docs - len(before)

    h = store_health(db)
    assert_healthy(h, documents=n_docs)
    assert not h.docs_without_events, f"{len(h.docs_without_events)} documents without events"
    con = read_only(db)
    try:
        after = {r[0] for r in con.execute("SELECT id FROM documents")}
        events_after = {r[0] for r in con.execute("SELECT event_id FROM events")}
        origins = {r[0].rsplit("#", 1)[-1] for r in con.execute("SELECT origin FROM documents")}
    finally:
        con.close()
    assert before <= after, f"{len(before - after)} committed documents lost"
    assert events_before <= events_after, "committed events lost"
    assert origins == {r["id"] for r in corpus}
    if resolve:
        assert _unresolved(db) == 0, "events the resumed run never resolved into incidents"

    # a third run adds nothing
    third = run_sitrep(*cmd)
    assert third.returncode == 0, third.stderr[-2000:]
    assert json.loads(third.stdout)["documents_new"] == 0
    assert store_health(db).documents == n_docs


def test_resume_after_a_crash_between_the_events_and_the_documents_commit(tmp_path: Path) -> None:
    """The pipeline commits a batch's events, then its documents. A kill between the two leaves events
    whose documents are missing; the restarted ingest writes those events again and must leave a
    consistent store (documents, events and their full-text index)."""
    from sitrep.ingest import RawArticle, iter_raw
    from sitrep.pipeline import stage_extract, stage_prepare
    from sitrep.store import open_store

    corpus = make_corpus(12, seed=41)
    src = write_jsonl(tmp_path / "reports.jsonl", corpus)
    db = tmp_path / "window.db"
    raws = [r for r in iter_raw([str(src)]) if isinstance(r, RawArticle)]
    docs = [d for r in raws[:6] for d in stage_prepare(r).documents]
    events = [e for d in docs for e in stage_extract(d).events]
    assert events
    store = open_store(str(db))
    try:
        store.add_events(events)  # the state a SIGKILL after the events commit leaves
    finally:
        store.close()

    proc = run_sitrep("ingest", str(src), "--db", str(db), "-q", "--json", "--no-resolve")
    no_traceback(proc.stderr)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout)["documents_new"] == 12
    h = store_health(db)
    assert_healthy(h, documents=12)
    assert not h.docs_without_events


def test_resume_after_a_crash_between_the_documents_commit_and_resolution(tmp_path: Path) -> None:
    """A kill after a batch's documents are committed but before its incidents are updated: the
    restarted ingest skips those documents as already stored, yet their events must still end up
    in incidents (or nothing in `sitrep incidents`, `conflicts` and the brief will show them)."""
    from sitrep.ingest import RawArticle, iter_raw
    from sitrep.pipeline import stage_extract, stage_prepare
    from sitrep.store import open_store

    corpus = make_corpus(12, seed=41)
    src = write_jsonl(tmp_path / "reports.jsonl", corpus)
    db = tmp_path / "window2.db"
    raws = [r for r in iter_raw([str(src)]) if isinstance(r, RawArticle)]
    docs = [d for r in raws[:6] for d in stage_prepare(r).documents]
    events = [e for d in docs for e in stage_extract(d).events]
    store = open_store(str(db))
    try:  # what a SIGKILL right after the documents commit leaves
        store.add_events(events)
        store.add_documents(docs)
    finally:
        store.close()

    proc = run_sitrep("ingest", str(src), "--db", str(db), "-q", "--json")
    no_traceback(proc.stderr)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout)
    assert (report["documents_new"], report["documents_existing"]) == (6, 6)
    assert_healthy(store_health(db), documents=12)
    assert _unresolved(db) == 0, "events of the documents committed before the crash were never resolved"
