"""The CLI contract: exit codes, formats, one line per failed input, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from sitrep.cli import main


def run(*args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitrep", *args], input=input, capture_output=True, text=True, timeout=600
    )


def test_usage_errors_exit_2() -> None:
    r = run("events", "--near", "north")
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    r = run("events", "--since", "yesterday")
    assert r.returncode == 2


def test_dates_batch_reports_bad_lines_and_goes_on(tmp_path: Path) -> None:
    inp = tmp_path / "in.jsonl"
    inp.write_text(
        json.dumps({"id": "a", "text": "The ceasefire began on 3 March 2024.", "published": "2024-03-05"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "b", "text": "Clashes erupted on Saturday.", "published": "2024-03-05"}) + "\n"
        + json.dumps({"id": "c"}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    r = run("dates", str(inp), "-o", str(out))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert r.stderr.count("failed:") == 2
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in rows] == ["a", "b"]
    values = {d["value"] for d in rows[0]["dates"]}
    assert "2024-03-03" in values
    assert {d["value"] for d in rows[1]["dates"]} == {"2024-03-02"}


def test_query_commands_formats_on_an_empty_store(tmp_path: Path) -> None:
    from sitrep.store import open_store

    db = str(tmp_path / "x.db")
    open_store(db).close()  # queries read a database; only ingest, watch and demo create one
    runner = CliRunner()
    for cmd in ("events", "incidents", "conflicts", "people", "documents"):
        res = runner.invoke(main, [cmd, "--db", db, "--format", "json"])
        assert res.exit_code == 0, res.output
        assert json.loads(res.stdout) == []


def test_ingest_cli_exit_code_1_when_an_input_fails(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text(
        "Baghdad, 4 May 2023 - A roadside bomb exploded near an army patrol in Tarmiyah, north of Baghdad, "
        "on Thursday, wounding three soldiers, security sources said.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "x.db")
    r = run("ingest", str(good), str(tmp_path / "nope.txt"), "--db", db, "-q", "--json")
    assert r.returncode == 1, r.stderr
    report = json.loads(r.stdout)
    assert report["documents_new"] == 1
    assert report["failed"] == 1
    assert "nope.txt" in r.stderr
    r = run("documents", "--db", db, "--format", "json", "--text", "roadside")
    assert r.returncode == 0
    docs = json.loads(r.stdout)
    assert docs and docs[0]["published"] == "2023-05-04"
    assert {"id", "title", "source", "published", "published_precision", "published_method", "text",
            "duplicate_of"} <= set(docs[0])


AUTO_TEMPLATES = [
    "A drone strike hit a vehicle on the outskirts of Deir ez-Zor on Tuesday, killing {n} fighters.",
    "Turkish artillery shelled villages near Manbij overnight, wounding {n} civilians, the SDF said.",
    "An IED exploded under a PMF vehicle near Tuz Khurmatu on Sunday, wounding {n} members.",
    "Clashes between HTS and the SNA left {n} dead in Afrin countryside on Monday.",
]


def test_extract_auto_engine_writes_what_local_writes(tmp_path: Path) -> None:
    """The default engine (auto) on a job big enough for a process pool: the same bytes as in-process."""
    import os

    from sitrep.engines import AUTO_MIN_ITEMS, resolve_engine_name

    inp = tmp_path / "in.jsonl"
    docs = [
        {"id": f"d{i}", "text": AUTO_TEMPLATES[i % 4].format(n=2 + i // 4), "published": "2025-12-15"}
        for i in range(AUTO_MIN_ITEMS)
    ]
    inp.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    (tmp_path / "empty.toml").write_text("", encoding="utf-8")
    base = {k: v for k, v in os.environ.items() if k != "SITREP_ENGINE"}
    base["SITREP_CONFIG"] = str(tmp_path / "empty.toml")
    pool = resolve_engine_name("auto", len(docs), workers=2) == "processes"  # False on a one-core machine
    outputs = []
    for name, args, env in (
        ("auto", ["--engine", "auto", "--workers", "2"], base),
        ("local", [], {**base, "SITREP_ENGINE": "local"}),  # the environment overrides the default
    ):
        out = tmp_path / f"{name}.jsonl"
        r = subprocess.run([sys.executable, "-m", "sitrep", "extract", str(inp), "-o", str(out), *args],
                           capture_output=True, text=True, timeout=600, env=env, check=False)
        assert r.returncode == 0, r.stderr[-2000:]
        assert r.stdout == ""
        assert ("engine: auto -> processes (2 workers)" in r.stderr) == (name == "auto" and pool), r.stderr
        outputs.append(out.read_bytes())
    assert outputs[0].count(b"\n") >= len(docs) // 2, "the documents yield events"
    assert outputs[0] == outputs[1]
