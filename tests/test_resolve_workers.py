"""``sitrep resolve`` profiles, pairs and scores the reports of a chunk, and builds its incidents, in forked processes
(issue #18, resolver cost): the incidents are the same for any number of workers, and a part a child fails to send is
computed by the parent."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.engines.processes import forked_parts
from sitrep.resolve.incidents import PARALLEL_MIN_EVENTS

SAMPLE_CSV = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "data" / "sample" / "fakes_sample.csv"


def _stripes(k: int, n: int) -> list[int]:
    return [i * i for i in range(k, 200, n)]


@pytest.mark.parametrize("parts", [1, 2, 3])
def test_forked_parts_are_the_parts_computed_in_turn(parts: int) -> None:
    assert forked_parts(_stripes, parts) == [_stripes(k, parts) for k in range(parts)]


def test_a_part_a_child_fails_to_compute_is_computed_here() -> None:
    parent = os.getpid()

    def fails_in_children(k: int, n: int) -> list[int]:
        if os.getpid() != parent:
            raise RuntimeError("this child cannot compute its part")
        return _stripes(k, n)

    assert forked_parts(fails_in_children, 2) == [_stripes(0, 2), _stripes(1, 2)]


def _sitrep(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sitrep", *args], capture_output=True, text=True, check=True)


def test_resolve_gives_the_same_incidents_with_any_number_of_workers(tmp_path: Path) -> None:
    # the bundled FA-KES sample, extracted for real, then told again by 12 copies a month apart (new document and
    # event ids), so one chunk holds enough reports to be paired in forked processes
    docs = tmp_path / "docs.jsonl"
    with SAMPLE_CSV.open(encoding="utf-8", newline="") as src, docs.open("w", encoding="utf-8") as fh:
        for row in csv.DictReader(src):
            m, d, y = row["date"].split("/")
            fh.write(json.dumps({"id": row["unit_id"], "text": f"{row['article_title']}\n\n{row['article_content']}",
                                 "source": row["source"], "published": f"{y}-{int(m):02d}-{int(d):02d}"}) + "\n")
    extracted = tmp_path / "events.jsonl"
    _sitrep("extract", str(docs), "-o", str(extracted))
    base = [json.loads(line) for line in extracted.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(base) * 12 >= PARALLEL_MIN_EVENTS  # one chunk, paired in forked processes
    events = tmp_path / "many.jsonl"
    with events.open("w", encoding="utf-8") as fh:
        for r in range(12):
            for e in base:
                fh.write(json.dumps(_copy(e, r)) + "\n")
    outs = []
    for workers in ("1", "2", "3"):
        out = tmp_path / f"incidents_{workers}.jsonl"
        _sitrep("resolve", str(events), "-o", str(out), "--workers", workers)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] == outs[2]
    incidents = [json.loads(line) for line in outs[0].decode("utf-8").splitlines()]
    assert any(len(i["event_ids"]) > 1 for i in incidents)  # reports were paired and merged


def _copy(e: dict[str, object], r: int) -> dict[str, object]:
    import datetime as dt

    ev = dict(e, event_id=f"{e['event_id']}-{r}", doc_id=f"{e['doc_id']}-{r}")
    date = e.get("date")
    if r and isinstance(date, str) and len(date) == 10:
        ev["date"] = (dt.date.fromisoformat(date) + dt.timedelta(days=30 * r)).isoformat()
    return ev
