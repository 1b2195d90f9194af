"""``pipeline.STAGES`` is the real stage list: each stage's function exists and reads and writes the record
types the list names, on a real article."""

from __future__ import annotations

from importlib import resources

import pytest

from sitrep import pipeline


def _types(spec: str) -> set[str]:
    return {t.strip() for t in spec.split(",")}


def test_stage_names_and_order() -> None:
    assert [name for name, _r, _w in pipeline.STAGES] == ["prepare", "extract", "resolve"]
    # each stage reads what the stage before it writes
    for (_n, _r, writes), (_n2, reads, _w) in zip(pipeline.STAGES, pipeline.STAGES[1:], strict=False):
        assert _types(reads) <= _types(writes)


def test_stages_read_and_write_what_they_say() -> None:
    pytest.importorskip("spacy")
    from sitrep.ingest.records import RawArticle
    from sitrep.resolve import resolve_events

    sample = next(p for p in (resources.files("sitrep") / "data" / "sample").iterdir() if p.name.endswith(".txt"))
    raw = RawArticle(text=sample.read_text(encoding="utf-8"), origin=sample.name)
    spec = {name: (_types(r), _types(w)) for name, r, w in pipeline.STAGES}

    assert type(raw).__name__ in spec["prepare"][0]
    prepared = pipeline.stage_prepare(raw)
    assert prepared.error is None and prepared.documents
    assert {type(d).__name__ for d in prepared.documents} == spec["prepare"][1]

    doc = prepared.documents[0]
    assert type(doc).__name__ in spec["extract"][0]
    extracted = pipeline.stage_extract(doc)
    assert extracted.error is None and extracted.events
    written = {type(x).__name__ for x in (*extracted.events, *extracted.people)}
    assert written <= spec["extract"][1] and "Event" in written

    result = resolve_events(list(extracted.events))
    assert {type(e).__name__ for e in extracted.events} == spec["resolve"][0]
    assert result.incidents and {type(i).__name__ for i in result.incidents} == spec["resolve"][1]
