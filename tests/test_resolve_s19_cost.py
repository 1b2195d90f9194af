"""Resolver cost, session 19 (issue #18): the aggregate check of :func:`signatures.is_tally` skips its regex for a
sentence that spells none of the words every branch needs (the answer is the same for every sentence), and ``sitrep
resolve`` orders the stream by each line's date without building the report (the same order)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from sitrep.resolve import signatures as S

SAMPLE_CSV = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "data" / "sample" / "fakes_sample.csv"

AGGREGATES = [
    "Coalition strikes in the province have killed hundreds of civilians.",
    "Thousands of people have been killed in regime air raids on the city.",
    "Russia has been carrying out air strikes in support of its ally since September.",
    "Air strikes on opposition-held towns across the country killed 32 people.",
    "A rights group says in a report that it documented the names of 69 civilians killed.",
    "IS has killed hundreds of people since it took the city.",
]


@pytest.mark.parametrize("text", AGGREGATES)
def test_aggregates_are_tallies(text: str) -> None:
    assert S._AGGREGATE.search(text)
    assert S.is_tally(text)


def test_a_sentence_without_a_cue_never_matches_the_aggregate_regex() -> None:
    # every sentence of the bundled FA-KES sample: the cue check only skips sentences the regex cannot match
    with SAMPLE_CSV.open(encoding="utf-8", newline="") as fh:
        texts = [row["article_title"] + ". " + row["article_content"] for row in csv.DictReader(fh)]
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if s.strip()]
    assert len(sentences) > 500
    matched = [s for s in sentences if S._AGGREGATE.search(s)]
    assert matched  # the sample has aggregates
    assert all(any(cue in s.casefold() for cue in S._AGGREGATE_CUES) for s in matched)


# ---------------------------------------------------------------- the stream's order read from the record


def _report(date: str | None, text: str = "Regime air strikes killed 12 civilians in the town.",
            sub: str = "Air/drone strike") -> dict[str, object]:
    from sitrep.records import Event, Evidence

    ev = Event(doc_id="d", event_id=f"e{date}{len(text)}", event_type="Explosions/Remote violence",
               sub_event_type=sub, date=date, date_precision="day" if date and len(date) == 10 else "year",
               evidence=Evidence(text=text, start=0, end=len(text)))
    return ev.to_dict()


@pytest.mark.parametrize("record", [
    _report("2016-09-19"), _report("2016-09"), _report("2016-W38"), _report(None), _report("not a date"),
    _report("2013", "The sarin attack on Ghouta killed hundreds of people.", "Chemical weapon"),  # rare, of a year
    _report("2013"),  # a common act dated only to its year: with the undated ones
])
def test_the_stream_order_read_from_a_record_is_that_of_its_report(record: dict[str, object]) -> None:
    from sitrep.records import Event
    from sitrep.resolve import record_time_key, time_key

    assert record_time_key(record) == time_key(Event.from_dict(record))


def test_a_bad_report_is_reported_and_the_others_resolved(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    good = [_report("2016-09-19"), _report("2016-09-20", "Rebels shelled the village, killing four people.",
                                            "Shelling/artillery/missile attack")]
    bad = dict(good[0], event_id="broken")
    del bad["doc_id"]  # a dated line that is no report: found only when it is read as one
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (good[0], bad, good[1])) + "\n", encoding="utf-8")
    out = tmp_path / "incidents.jsonl"
    run = subprocess.run([sys.executable, "-m", "sitrep", "resolve", str(path), "-o", str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert f"{path}:2: not an event" in run.stderr
    incidents = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(e for i in incidents for e in i["event_ids"]) == sorted(str(r["event_id"]) for r in good)
