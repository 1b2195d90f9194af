"""End-to-end ingest through the pipeline into real SQLite files."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.engines import get_engine
from sitrep.errors import InputError
from sitrep.pipeline import Pipeline, document_from_record, extract_record
from sitrep.records import Document
from sitrep.store import open_store
from sitrep.store.base import Query

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "data" / "sample"
SEED_FILES = sorted(str(p) for p in SAMPLE.glob("00*.txt"))


def _ingest(db: str, paths: list[str]) -> tuple[object, dict[str, int]]:
    store = open_store(db)
    try:
        report = Pipeline(store, get_engine("local"), batch_size=3).ingest(paths)
        return report, store.stats()
    finally:
        store.close()


def test_seeds_ingest_is_idempotent_and_resolves_palmyra(db_path: str) -> None:
    report, stats = _ingest(db_path, SEED_FILES)
    assert report.failed == 0  # type: ignore[attr-defined]
    assert stats["documents"] == 5  # 001 holds two articles
    assert stats["events"] > 5
    again, stats2 = _ingest(db_path, SEED_FILES)
    assert again.documents_new == 0  # type: ignore[attr-defined]
    assert stats2 == stats
    store = open_store(db_path)
    try:
        palmyra = [i for i in store.incidents(Query(text="Palmyra")) if len(set(i.doc_ids)) >= 2]
        assert palmyra, "the two Palmyra reports form one incident"
        fields = {c.field for c in palmyra[0].contradictions}
        assert "date" in fields
        dates = {str(v.value) for c in palmyra[0].contradictions if c.field == "date" for v in c.values}
        assert {"2025-12-13", "2025-12-19"} <= dates
        # every stored event's evidence points into its document
        for ev in store.events(Query()):
            doc = store.get_document(ev.doc_id)
            assert doc is not None
            assert doc.text[ev.evidence.start : ev.evidence.end] == ev.evidence.text
    finally:
        store.close()


def test_bad_inputs_are_reported_and_the_rest_is_ingested(tmp_path: Path, db_path: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text(
        "Damascus, March 3, 2024 - Syrian army artillery shelled the town of Kafr Nabl in Idlib countryside "
        "on Sunday, killing two civilians, the Syrian Observatory for Human Rights said.\n",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    report, stats = _ingest(db_path, [str(tmp_path / "good.txt"), str(tmp_path / "empty.txt"),
                                      str(tmp_path / "binary.txt"), str(tmp_path / "missing.txt")])
    assert stats["documents"] == 1
    failed = {Path(o).name for o, _ in report.errors}  # type: ignore[attr-defined]
    assert {"empty.txt", "binary.txt", "missing.txt"} <= failed


def test_document_from_record_validates_at_the_edge() -> None:
    doc = document_from_record({"id": "a", "text": "x", "published": "2025-12"})
    assert (doc.id, doc.published, doc.published_precision) == ("a", "2025-12", "month")
    with pytest.raises(InputError, match="text"):
        document_from_record({"id": "a"})
    with pytest.raises(InputError, match="ISO date"):
        document_from_record({"id": "a", "text": "x", "published": "last Tuesday"})


def test_extract_record_keeps_offsets_into_the_input_text(seeds_dir: Path) -> None:
    text = (seeds_dir / "001_5027d6e09386123a.txt").read_text(encoding="utf-8")
    events = extract_record({"id": "001", "text": text})
    assert events
    for e in events:
        assert e.doc_id == "001"
        assert text[e.evidence.start : e.evidence.end] == e.evidence.text


def test_long_documents_are_extracted_by_section_with_offsets_into_the_whole_text() -> None:
    """Issue 17: a report over LONG_DOC_CHARS is parsed in paragraph-aligned sections (linear cost,
    bounded memory); every event's evidence still points into the whole document, ids unique."""
    from sitrep.extract import LONG_DOC_CHARS, SECTION_CHARS, sections
    from sitrep.pipeline import stage_extract
    from sitrep.records import Document

    towns = ["Douma", "Hajin", "Manbij", "Ariha", "Saraqeb", "Tal Rifaat", "Kafr Zita", "Palmyra"]
    paras = [f"Government forces shelled {towns[i % len(towns)]} on {1 + i % 28} March 2018, killing "
             f"{2 + i % 9} civilians, activists said. Rescue workers searched the rubble for hours."
             for i in range(1300)]
    text = "\n\n".join(paras)
    assert len(text) > LONG_DOC_CHARS
    spans = sections(text)
    assert len(spans) > 2 and spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a == b for (_, a), (b, _) in zip(spans, spans[1:], strict=False))  # contiguous
    assert all(b - a <= SECTION_CHARS for a, b in spans[:-1])
    assert all(text[a - 2 : a] == "\n\n" for a, _ in spans[1:])  # cut at paragraph breaks
    assert sections("short text") == [(0, 10)]
    doc = Document.create(text, published="2018-03-30", published_precision="day")
    got = stage_extract(doc)
    assert got.error is None and len(got.events) > 100
    assert all(doc.text[e.evidence.start : e.evidence.end] == e.evidence.text for e in got.events)
    assert len({e.event_id for e in got.events}) == len(got.events)
    assert max(e.evidence.start for e in got.events) > spans[-1][0]  # the last section too


def _copies_outcome(db: str) -> tuple[dict[str, str | None], list[str], list[list[str]], list[str]]:
    store = open_store(db)
    try:
        docs = {d.id: d.duplicate_of for d in store.documents(Query())}
        events = sorted(e.event_id for e in store.events(Query()))
        incidents = sorted(sorted(i.event_ids) for i in store.incidents(Query()))
        people = sorted(f"{p.name}|{p.role}|{','.join(sorted(p.doc_ids))}" for p in store.people())
    finally:
        store.close()
    return docs, events, incidents, people


def test_the_original_of_near_duplicates_does_not_depend_on_the_order_of_arrival(tmp_path: Path) -> None:
    """Syndicated copies (three FA-KES pairs of the bundled sample): whichever copy comes first, in one
    run or in two, the same one is the original (the smaller id), with the same events, incidents and
    people; a stored original that a later copy with a smaller id matches is demoted to its copy."""
    import csv
    import json

    from sitrep.ingest import sample_corpus_paths

    pairs = [("1924058173", "1918398799"), ("1926478910", "1926478942"), ("1923848124", "1914947534")]
    sample = next(p for p in sample_corpus_paths() if p.endswith(".csv"))
    with open(sample, encoding="utf-8", newline="") as fh:
        rows = {r["unit_id"]: {"id": r["unit_id"], "text": r["article_content"], "title": r["article_title"],
                               "source": r["source"], "published": r["date"]} for r in csv.DictReader(fh)}

    def write(name: str, ids: list[str]) -> str:
        path = tmp_path / name
        path.write_text("".join(json.dumps(rows[i]) + "\n" for i in ids), encoding="utf-8")
        return str(path)

    firsts, seconds = [a for a, _ in pairs], [b for _, b in pairs]
    outcomes = []
    for k, runs in enumerate(([firsts + seconds], [seconds + firsts], [firsts, seconds], [seconds, firsts])):
        db = str(tmp_path / f"run{k}.db")
        reports = [_ingest(db, [write(f"in{k}_{j}.jsonl", ids)])[0] for j, ids in enumerate(runs)]
        assert sum(r.near_duplicates for r in reports) == 3  # type: ignore[attr-defined]
        outcomes.append(_copies_outcome(db))
    docs, events, incidents, people = outcomes[0]
    copies = {d: o for d, o in docs.items() if o is not None}
    assert len(copies) == 3 and all(o < d for d, o in copies.items()), copies
    assert events and incidents
    assert not {e.split("#")[0] for e in events} & set(copies)  # a copy has no events of its own
    for other in outcomes[1:]:
        assert other == outcomes[0]


@pytest.mark.slow
def test_a_very_long_report_extracted_on_several_cores_gives_what_one_process_gives() -> None:
    """A report cut into four or more sections is extracted section by section on a process pool; the events
    and person roles are those of the same sections extracted one after the other in this process."""
    import csv

    from sitrep.extract import document_sections
    from sitrep.pipeline import PARALLEL_SECTIONS, _section_results, extract_section, stage_extract

    sample = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "data" / "sample" / "fakes_sample.csv"
    with sample.open(encoding="utf-8") as f:
        texts = [r["article_content"] for r in csv.DictReader(f)]
    text = "\n\n".join(texts * 10)[:260_000]
    doc = Document.create(text, published="2016-08-01")
    parts = document_sections(doc)
    assert len(parts) >= PARALLEL_SECTIONS
    one_process = [extract_section((part, offset, ())) for part, offset in parts]
    assert _section_results(parts, ()) == one_process
    got = stage_extract(doc)
    assert got.error is None and len(got.events) == sum(len(e) for e, _p in one_process)


def _incident_export(store: object) -> list[str]:
    import json

    return sorted(json.dumps(i.to_dict(), sort_keys=True) for i in store.incidents(Query()))  # type: ignore[attr-defined]


def test_a_match_index_kept_across_batches_gives_the_incidents_of_one_built_for_each_batch(tmp_path: Path) -> None:
    """Issue #18: an ingest keeps the reports it keyed and paired from one batch to the next while no other
    connection writes to the store. Two pipelines on two connections of one file taking turns see each
    other's writes and build their index afresh every batch: both runs end with the same incidents."""
    from sitrep.ingest import iter_raw, sample_corpus_paths

    sample = next(p for p in sample_corpus_paths() if p.endswith(".csv"))
    raws = [r for r in iter_raw([sample]) if not isinstance(r, Exception)][:40]
    batches = [raws[i : i + 4] for i in range(0, len(raws), 4)]

    alone = open_store(str(tmp_path / "alone.db"))
    try:
        pipe = Pipeline(alone, get_engine("local"), batch_size=4)
        kept = []
        for batch in batches:
            pipe.ingest_raw(batch)
            kept.append(pipe._memo)
        assert kept[0] is not None and all(m is kept[0] for m in kept), "one index for the whole run"
        want = _incident_export(alone)
    finally:
        alone.close()

    one, two = open_store(str(tmp_path / "turns.db")), open_store(str(tmp_path / "turns.db"))
    try:
        pipes = [Pipeline(one, get_engine("local"), batch_size=4), Pipeline(two, get_engine("local"), batch_size=4)]
        seen = []
        for n, batch in enumerate(batches):
            pipes[n % 2].ingest_raw(batch)
            seen.append(pipes[n % 2]._memo)
        assert len({id(m) for m in seen}) == len(batches), "the other connection wrote: a fresh index each batch"
        got = _incident_export(one)
    finally:
        one.close()
        two.close()
    assert len(want) > 10
    assert got == want
