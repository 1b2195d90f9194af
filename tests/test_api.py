"""The notebook API of DESIGN.md: sitrep.extract(...), sitrep.open(...).ingest/incidents/to_pandas."""

from __future__ import annotations

from pathlib import Path

import sitrep

TEXT = (
    "Beirut, March 12, 2024 - Syrian government helicopters dropped barrel bombs on the town of "
    "Kafr Nabl in Idlib countryside on Monday, killing four civilians and wounding 11 others, "
    "the Syrian Observatory for Human Rights said."
)


def test_public_surface() -> None:
    for name in sitrep.__all__:
        assert hasattr(sitrep, name), name
    assert callable(sitrep.extract)


def test_extract_text_with_evidence() -> None:
    events = sitrep.extract(TEXT, published="2024-03-12")
    assert events
    ev = events[0]
    assert ev.event_type == "Explosions/Remote violence"
    assert ev.date == "2024-03-11"
    assert ev.fatalities == 4
    assert TEXT[ev.evidence.start : ev.evidence.end] == ev.evidence.text


def test_open_ingest_query_to_pandas(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT + "\n", encoding="utf-8")
    with sitrep.open(str(tmp_path / "api.db")) as db:
        report = db.ingest(str(article))
        assert report.documents_new == 1
        events = db.events(country="SY")
        assert events and events[0].location is not None
        frame = db.incidents(country="Syria").to_pandas()
        assert len(frame) >= 1
        assert "fatalities" in frame.columns


def test_importing_the_records_loads_no_extraction_module() -> None:
    import subprocess
    import sys

    code = "import sys, sitrep.records; print(sorted(m for m in sys.modules if m.startswith('sitrep')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "sitrep.extract" not in out and "sitrep.api" not in out and "sitrep.store" not in out, out
