"""Bad input: every kind of broken file an analyst may point sitrep at, generated here.

Each input gets a clear one-line error or a clean skip, the rest of the batch is ingested, the
exit code is 1 when something failed, no Python traceback reaches the user, and nothing
half-written stays in the store. Checked twice: through the readers (``iter_raw``) and through
the real ``sitrep ingest`` / batch commands in a subprocess on a real SQLite file.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import random
import re
import sqlite3
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitrep.ingest import IngestError, RawArticle, iter_raw
from tests.test_crash_safety import assert_healthy, no_traceback, read_only, run_sitrep, store_health

ABSURD = 10_000_000
BIG_MB = 200

ARABIC = (
    "قصف مدفعي على مدينة دوما في الغوطة الشرقية أسفر عن مقتل خمسة مدنيين يوم السبت، "
    "بحسب المرصد السوري لحقوق الإنسان.\n"
    "وقالت مصادر محلية إن القصف استمر حتى ساعات المساء.\n"
)
FRENCH = (
    "Le bombardement à Alep a tué cinq civils samedi, selon l'Observatoire syrien des droits de l'homme.\n"
    "Des frappes aériennes ont également visé Maarat al-Numan, où l'hôpital a été endommagé.\n"
)
GOOD1 = "Government forces shelled Douma on 3 March 2018, killing 5 civilians, activists said.\n"
GOOD2 = "Clashes between the SDF and Islamic State fighters near Hajin on 4 March 2018 left 7 fighters dead.\n"
SECRET = "SECRET-MARKER-8c1f0d"


@dataclass(frozen=True)
class Case:
    name: str  # file name inside the batch folder
    fails: bool  # must be reported as failed (one line on stderr, exit 1)
    reason: str = ""  # regex the error message must match


CASES = (
    Case("empty.txt", True, r"empty"),
    Case("blank.txt", True, r"no text|whitespace|empty"),
    Case("binary.txt", True, r"binary|not text"),
    Case("noise.dat", True, r"binary|not text"),
    Case("big.txt", True, r"larger than|too big|exceeds"),
    Case("tiny.txt", True, r"no article text"),
    Case("arabic-1256.txt", False),
    Case("french-latin1.txt", False),
    Case("bad-utf8.txt", False),
    Case("truncated.html", False),
    Case("truncated.json", True, r"invalid JSON"),
    Case("truncated.jsonl", True, r"invalid JSON"),
    Case("truncated.csv", True, r"truncated|malformed|never closes"),
    Case("billion-laughs.rss", True, r"unsafe XML|entit"),
    Case("external-entity.xml", True, r"unsafe XML|entit|external"),
    Case("parameter-entity.rss", True, r"unsafe XML|entit|external"),
    Case("telegram/result.json", True, r"not an object"),
    Case("absurd-dates.jsonl", False),
    Case("numbers.jsonl", False),
    Case("good1.txt", False),
    Case("good2.txt", False),
)


def _write_big(path: Path, mb: int) -> None:
    """A real text file of ``mb`` megabytes (not a sparse one: a reader sees only text)."""
    chunk = (GOOD1 + GOOD2) * (1_048_576 // len(GOOD1 + GOOD2) + 1)
    block = chunk[:1_048_576].encode("ascii")
    with path.open("wb") as f:
        for _ in range(mb):
            f.write(block)


def _telegram_export() -> dict[str, object]:
    return {
        "name": "Deir ez-Zor 24",
        "type": "public_channel",
        "messages": [
            {"id": 1, "type": "message", "date": "2018-03-05T09:12:00",
             "text": "Coalition aircraft struck Al-Bukamal on Monday, killing 9 people, residents said."},
            {"id": 2},  # no type, no text, no date
            {"id": 3, "type": "message", "text": None, "date": None},
            {"id": 4, "type": "message", "text": [{"type": "bold"}, {"type": "link", "text": 5}]},
            {"type": "message", "text": "Unidentified gunmen killed 2 tribal elders in Hajin, local sources said."},
            {"id": 6, "type": "message", "date": 1520240000,
             "text": ["Shelling on ", {"type": "bold", "text": "Al-Mayadin"}, " killed 3 civilians."]},
            "not a message",
            {"id": 8, "type": "service", "action": "pin_message"},
            {"id": 9, "type": "message", "date": "0000-01-01T00:00:00",
             "text": "An explosion hit a market in Raqqa, killing 4 people, the civil defence said."},
            {"id": 10, "type": "message", "date": "9999-12-31T23:59:59",
             "text": "Turkish artillery shelled Tal Rifaat, wounding 6 civilians, activists said."},
        ],
    }


ABSURD_DATE_RECORDS = [
    {"id": "year0", "published": "0000-01-01",
     "text": "Government forces shelled Harasta in the year 0 and on 0000-00-00, killing 4 civilians, activists said."},
    {"id": "year9999", "published": "9999-12-31",
     "text": "Clashes in Hama on 31 December 9999 killed 3 fighters, a monitoring group said."},
    {"id": "day32", "published": "32/13/2020",
     "text": "Unidentified gunmen killed a village mayor near Daraa on 32/13/2020, local sources said."},
    {"id": "week9999", "published": "9999-W52",
     "text": "A roadside bomb struck a patrol near Tikrit the following week, killing 2 soldiers."},
]
NUMBER_RECORDS = [
    {"id": "pow", "published": "2018-02-01", "text": "An air strike on Saraqib killed 10^30 people, activists said."},
    {"id": "digits", "published": "2018-02-02",
     "text": "In Ariha, 999999999999999999999 people were killed by shelling, according to a post online."},
    {"id": "many", "published": "2018-02-03",
     "text": "Shelling of Kafr Batna killed 99,999,999,999 civilians and wounded 1e30 others, a page claimed."},
]


def make_batch(folder: Path) -> Path:
    """The folder of bad (and two good) inputs that every test below reads."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b" \n\t\n   \r\n")
    (folder / "tiny.txt").write_bytes(b"ok text here\n")  # readable, but no article after cleaning
    rng = random.Random(3)
    (folder / "binary.txt").write_bytes(bytes(rng.randrange(256) for _ in range(50_000)))
    (folder / "noise.dat").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(5000)))
    _write_big(folder / "big.txt", BIG_MB)
    (folder / "arabic-1256.txt").write_bytes(ARABIC.encode("cp1256"))
    (folder / "french-latin1.txt").write_bytes(FRENCH.encode("latin-1"))
    (folder / "bad-utf8.txt").write_bytes(
        b"Clashes in Raqqa \xff\xfe\xc3( killed 3 fighters on Tuesday, \xe2\x82 activists said.\n"
    )
    (folder / "truncated.html").write_bytes(
        b"<!doctype html><html><head><title>Idlib</title></head><body><article><h1>Idlib shelling</h1>"
        b"<p>Government forces shelled the town of Ariha in Idlib province on Monday, killing four civi"
    )
    (folder / "truncated.json").write_bytes(b'[{"text": "Shelling hit Idlib on Monday", "title": "x"}, {"text": "Clas')
    (folder / "truncated.jsonl").write_bytes(
        b'{"id": "ok1", "text": "Russian warplanes struck Khan Shaykhun on 2 May 2018, killing 6 people."}\n'
        b'{"id": "cut", "text": "Clas'
    )
    (folder / "truncated.csv").write_bytes(
        b'id,title,text,date\nc1,Jisr,"Clashes near Jisr al-Shughur killed 5 fighters on Friday.",2018-05-04\n'
        b'c2,Cut,"Clashes in Deir ez-Zor killed'
    )
    (folder / "billion-laughs.rss").write_bytes(
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode() for i in range(1, 10)
        )
        + b']>\n<rss version="2.0"><channel><title>t</title><item><title>a</title>'
        b"<description>&lol9;</description></item></channel></rss>"
    )
    secret = folder.parent / "secret.txt"
    secret.write_text(SECRET + "\n")
    (folder / "external-entity.xml").write_bytes(
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        '<rss version="2.0"><channel><title>t</title><item><title>x</title>'
        "<description>Leak: &xxe;</description></item></channel></rss>".encode()
    )
    (folder / "parameter-entity.rss").write_bytes(
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY % ext SYSTEM "file://{secret}"> %ext;]>\n'
        '<rss version="2.0"><channel><title>t</title><item><title>x</title>'
        "<description>Parameter entity.</description></item></channel></rss>".encode()
    )
    (folder / "telegram").mkdir(exist_ok=True)
    (folder / "telegram" / "result.json").write_text(json.dumps(_telegram_export(), ensure_ascii=False))
    (folder / "absurd-dates.jsonl").write_text("".join(json.dumps(r) + "\n" for r in ABSURD_DATE_RECORDS))
    (folder / "numbers.jsonl").write_text("".join(json.dumps(r) + "\n" for r in NUMBER_RECORDS))
    (folder / "good1.txt").write_text(GOOD1)
    (folder / "good2.txt").write_text(GOOD2)
    return folder


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_batch(tmp_path_factory.mktemp("bad-input") / "inbox")


def _items(path: Path) -> list[RawArticle | IngestError]:
    return list(iter_raw([str(path)]))


def _one_line(item: IngestError) -> None:
    assert "\n" not in str(item) and "\r" not in str(item), repr(str(item))
    assert "Traceback" not in item.message


# -- through the readers -------------------------------------------------------------------------------
READER_ERRORS = [c for c in CASES if c.fails and "/" not in c.name and c.name != "tiny.txt"]


@pytest.mark.parametrize("case", READER_ERRORS, ids=lambda c: c.name)
def test_bad_file_gives_one_clear_error(batch: Path, case: Case) -> None:
    items = _items(batch / case.name)
    errors = [i for i in items if isinstance(i, IngestError)]
    assert errors, f"{case.name}: no error reported ({items!r:.300})"
    for e in errors:
        _one_line(e)
    assert any(re.search(case.reason, e.message, re.I) for e in errors), [e.message for e in errors]


def test_huge_text_file_is_refused_in_bounded_memory(batch: Path) -> None:
    big = batch / "big.txt"
    assert big.stat().st_size == BIG_MB * 1_048_576
    items, peak = _peak_while_reading(big)
    assert len(items) == 1 and isinstance(items[0], IngestError), items[:1]
    assert re.search(r"larger than|too big", items[0].message)
    assert peak < 64 * 1_048_576, f"reading a {BIG_MB} MB file peaked at {peak / 1e6:.0f} MB"


def _peak_while_reading(path: Path) -> tuple[list[RawArticle | IngestError], int]:
    tracemalloc.start()
    try:
        items = _items(path)
        return items, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("kind", ["jsonl", "csv"])
def test_one_huge_record_is_refused_in_bounded_memory(tmp_path: Path, kind: str) -> None:
    """A 120 MB record (one JSONL line, one CSV cell) must be refused without loading it whole."""
    body = (GOOD1.strip() + " ") * (120 * 1_048_576 // len(GOOD1))
    path = tmp_path / f"huge.{kind}"
    with path.open("w", encoding="ascii") as f:
        if kind == "jsonl":
            f.write(json.dumps({"id": "small", "text": GOOD2.strip()}) + "\n")
            f.write('{"id": "huge", "text": "' + body + '"}\n')
            f.write(json.dumps({"id": "after", "text": GOOD1.strip()}) + "\n")
        else:
            f.write(f'id,text\nsmall,"{GOOD2.strip()}"\nhuge,"{body}"\nafter,"{GOOD1.strip()}"\n')
    del body
    items, peak = _peak_while_reading(path)
    arts = [i for i in items if isinstance(i, RawArticle)]
    errs = [i for i in items if isinstance(i, IngestError)]
    assert [a.origin.rsplit("#", 1)[1] for a in arts] == ["small", "after"]
    assert len(errs) == 1 and re.search(r"exceeds|too (big|long)|larger", errs[0].message), errs
    assert peak < 64 * 1_048_576, f"reading one 120 MB record peaked at {peak / 1e6:.0f} MB"


@pytest.mark.parametrize(
    ("name", "expected"), [("arabic-1256.txt", ARABIC), ("french-latin1.txt", FRENCH)], ids=["windows-1256", "latin-1"]
)
def test_legacy_encodings_come_out_right(batch: Path, name: str, expected: str) -> None:
    items = _items(batch / name)
    assert len(items) == 1 and isinstance(items[0], RawArticle), items
    assert items[0].text == expected


def test_invalid_utf8_keeps_the_good_text(batch: Path) -> None:
    items = _items(batch / "bad-utf8.txt")
    assert len(items) == 1 and isinstance(items[0], RawArticle), items
    text = items[0].text
    assert "Clashes in Raqqa" in text and "killed 3 fighters on Tuesday" in text and "activists said." in text
    assert len([c for c in text if ord(c) > 127]) <= 6  # at most one character per stray byte


UTF8_NEWS = (
    "Clashes in Ariha — Idlib’s “countryside” — killed 3 fighters, said the media office of Hay’at "
    "Tahrir al-Sham. قصف مدفعي على مدينة دوما. Déjà vu in Saraqib.\n"
)


def test_one_stray_byte_does_not_turn_a_utf8_file_into_mojibake(tmp_path: Path) -> None:
    data = UTF8_NEWS.encode() * 20
    cut = len(data) // 2
    path = tmp_path / "stray.txt"
    path.write_bytes(data[:cut] + b"\xff" + data[cut:])
    items = _items(path)
    assert len(items) == 1 and isinstance(items[0], RawArticle), items
    text = items[0].text
    assert text.count("Idlib’s “countryside”") >= 19, text[:200]
    assert text.count("قصف مدفعي على مدينة دوما") >= 19, text[:200]
    assert "‚Äî" not in text and "â€" not in text  # mojibake of a dash / quote


def test_truncated_rows_keep_the_complete_ones(batch: Path) -> None:
    csv_items = _items(batch / "truncated.csv")
    assert [i.text for i in csv_items if isinstance(i, RawArticle)] == [
        "Clashes near Jisr al-Shughur killed 5 fighters on Friday."
    ]
    jsonl_items = _items(batch / "truncated.jsonl")
    assert [i.origin.rsplit("#", 1)[1] for i in jsonl_items if isinstance(i, RawArticle)] == ["ok1"]
    html = _items(batch / "truncated.html")
    assert len(html) == 1 and isinstance(html[0], RawArticle) and html[0].is_html


def test_xml_entities_are_refused_never_expanded(batch: Path) -> None:
    for name in ("billion-laughs.rss", "external-entity.xml", "parameter-entity.rss"):
        items = _items(batch / name)
        assert not any(isinstance(i, RawArticle) for i in items), f"{name} was parsed"
        for i in items:
            assert SECRET not in str(i) and "lollollol" not in str(i)


def test_telegram_export_with_missing_fields(batch: Path) -> None:
    items = _items(batch / "telegram" / "result.json")
    arts = [i for i in items if isinstance(i, RawArticle)]
    errs = [i for i in items if isinstance(i, IngestError)]
    texts = {a.text for a in arts}
    assert any("Al-Bukamal" in t for t in texts)
    assert any("tribal elders" in t for t in texts)  # a message without an id
    assert "Shelling on Al-Mayadin killed 3 civilians." in texts  # entity list with a numeric date
    assert any("Raqqa" in t for t in texts) and any("Tal Rifaat" in t for t in texts)
    assert len(arts) == 5
    assert len(errs) == 1 and "not an object" in errs[0].message
    for e in errs:
        _one_line(e)


def test_html_with_control_characters_is_read_not_failed(tmp_path: Path) -> None:
    """Form feeds and vertical tabs (page breaks from converted PDFs, scraped pages) are not binary."""
    from sitrep.documents import prepare

    page = (
        "<html><body><article><p>Government forces shelled Douma on Monday, killing 4 civilians.</p>\x0c"
        "<p>Residents fled the town at night.</p>\x0bMedics said the toll could rise.</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    items = _items(path)
    assert len(items) == 1 and isinstance(items[0], RawArticle) and items[0].is_html, items
    docs = prepare(items[0])
    assert len(docs) == 1
    assert "Residents fled the town at night." in docs[0].text
    assert "\x0b" not in docs[0].text and "\x0c" not in docs[0].text


# -- through the real CLI ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def ingested(batch: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, object], str, Path]:
    db = tmp_path_factory.mktemp("bad-input-db") / "bad.db"
    proc = run_sitrep("ingest", str(batch), "--db", str(db), "-q", "--json")
    no_traceback(proc.stderr)
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-3000:])
    return json.loads(proc.stdout), proc.stderr, db


def test_cli_reports_each_bad_input_on_one_line_and_exits_1(ingested: tuple[dict[str, object], str, Path]) -> None:
    report, stderr, _db = ingested
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert all(ln.startswith("failed: ") for ln in lines), lines
    assert len(lines) == report["failed"]
    for case in CASES:
        hits = [ln for ln in lines if case.name in ln]
        if case.fails:
            assert hits, f"{case.name} is not reported"
            assert any(re.search(case.reason, ln, re.I) for ln in hits), hits
    # whole files that must not fail
    for name in ("arabic-1256.txt", "french-latin1.txt", "bad-utf8.txt", "good1.txt", "good2.txt"):
        assert not any(f"/{name}:" in ln for ln in lines), [ln for ln in lines if name in ln]


def test_cli_ingests_the_rest_and_leaves_a_clean_store(ingested: tuple[dict[str, object], str, Path]) -> None:
    report, _stderr, db = ingested
    assert_healthy(store_health(db))
    con = read_only(db)
    try:
        rows = con.execute("SELECT origin, text, published, published_precision FROM documents").fetchall()
    finally:
        con.close()
    by_name = {Path(o.split("#", 1)[0]).name + ("#" + o.split("#", 1)[1] if "#" in o else ""): (t, p, pp)
               for o, t, p, pp in rows}
    texts = "\n".join(t for t, _, _ in by_name.values())
    assert report["documents_new"] == len(rows)
    # the good files, the legacy encodings (decoded right) and the complete rows are all stored
    assert GOOD1.strip() in texts and GOOD2.strip() in texts
    assert "قصف مدفعي على مدينة دوما" in texts
    assert "Le bombardement à Alep a tué cinq civils samedi" in texts
    assert "Clashes in Raqqa" in texts
    assert "Clashes near Jisr al-Shughur killed 5 fighters" in texts
    assert "Russian warplanes struck Khan Shaykhun" in texts
    assert "Al-Bukamal" in texts and "tribal elders" in texts
    for r in ABSURD_DATE_RECORDS + NUMBER_RECORDS:
        assert f"absurd-dates.jsonl#{r['id']}" in by_name or f"numbers.jsonl#{r['id']}" in by_name, r["id"]
    # the plain reports carry their events (stored before their documents, never without them)
    con = read_only(db)
    try:
        for good in (GOOD1, GOOD2):
            n = con.execute("SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc_id WHERE d.text = ?",
                            (good.strip(),)).fetchone()[0]
            assert n >= 1, good
    finally:
        con.close()
    # nothing from the refused inputs
    assert SECRET not in texts and "lollollol" not in texts and "Clas\n" not in texts
    assert not any("big.txt" in k or "binary" in k or "empty" in k for k in by_name)


def test_cli_absurd_dates_are_dropped_not_stored(ingested: tuple[dict[str, object], str, Path]) -> None:
    _report, _stderr, db = ingested
    this_year = dt.date.today().year
    con = read_only(db)
    try:
        docs = con.execute("SELECT origin, published FROM documents").fetchall()
        events = con.execute("SELECT doc_id, date, fatalities, data FROM events").fetchall()
    finally:
        con.close()
    for origin, published in docs:
        if published is not None:
            year = int(published[:4])
            assert 1900 <= year <= this_year + 1, (origin, published)
    for doc_id, date, _fat, _data in events:
        if date is not None:
            assert 1900 <= int(date[:4]) <= this_year + 1, (doc_id, date)


def test_cli_overflowing_numbers_never_become_figures(ingested: tuple[dict[str, object], str, Path]) -> None:
    _report, _stderr, db = ingested
    con = read_only(db)
    try:
        rows = con.execute("SELECT data FROM events").fetchall()
    finally:
        con.close()
    assert rows
    for (data,) in rows:
        ev = json.loads(data)
        for key in ("fatalities", "injured"):
            value = ev.get(key)
            assert value is None or 0 <= value <= ABSURD, (key, value, ev["evidence"]["text"])


def test_cli_rerun_after_failures_adds_nothing(
    batch: Path, ingested: tuple[dict[str, object], str, Path]
) -> None:
    report, stderr, db = ingested
    before = store_health(db)
    again = run_sitrep("ingest", str(batch), "--db", str(db), "-q", "--json")
    no_traceback(again.stderr)
    assert again.returncode == 1
    second = json.loads(again.stdout)
    assert second["documents_new"] == 0
    assert second["failed"] == report["failed"]
    assert sorted(again.stderr.splitlines()) == sorted(stderr.splitlines())
    after = store_health(db)
    assert (after.documents, after.events) == (before.documents, before.events)


def test_cli_only_bad_inputs_store_nothing(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (inbox / "bad.json").write_bytes(b'{"messages": [')
    db = tmp_path / "nothing.db"
    proc = run_sitrep("ingest", str(inbox), str(tmp_path / "missing.txt"), "--db", str(db), "-q", "--json")
    no_traceback(proc.stderr)
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert report["failed"] == 4 and report["documents_new"] == 0
    assert "missing.txt: no such file" in proc.stderr
    h = store_health(db)
    assert_healthy(h, documents=0)
    assert h.events == 0


def test_cli_error_lines_stay_single_even_with_hostile_names(tmp_path: Path) -> None:
    """Keys, column names and file names can hold newlines; stderr must still be one line per input."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "keys.jsonl").write_text(json.dumps({"head\nline": "x", "other\r\nkey": 1}) + "\n")
    (inbox / "header.csv").write_text('"col\none",b\nx,y\n')
    (inbox / "new\nline.txt").write_bytes(b"")
    db = tmp_path / "names.db"
    proc = run_sitrep("ingest", str(inbox), "--db", str(db), "-q", "--json")
    no_traceback(proc.stderr)
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert report["failed"] == 3
    assert len(lines) == 3 and all(ln.startswith("failed: ") for ln in lines), lines


@pytest.mark.parametrize("kind", ["text", "truncated", "no-folder"])
def test_cli_unusable_database_gives_one_line_error(tmp_path: Path, kind: str) -> None:
    """A --db that is not a database, a damaged one, or one in a missing folder: one line, no traceback."""
    src = tmp_path / "report.txt"
    src.write_text(GOOD1)
    db = tmp_path / "store.db"
    if kind == "text":
        db.write_text("not a database, just text\n" * 100)
    elif kind == "truncated":
        with sqlite3.connect(db) as con:
            con.execute("CREATE TABLE t (x TEXT)")
            con.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 200)
        con.close()
        db.write_bytes(db.read_bytes()[:6000])
    else:
        db = tmp_path / "missing" / "store.db"
    for args in (("ingest", str(src)), ("documents", "--format", "json")):
        proc = run_sitrep(*args, "--db", str(db), *(("-q",) if args[0] == "ingest" else ()))
        no_traceback(proc.stderr)
        assert proc.returncode in (1, 2), (args, proc.returncode, proc.stderr)
        lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1 and lines[0].startswith("error: "), lines
        assert str(db.name) in lines[0] or "database" in lines[0], lines
    if kind == "text":
        assert db.read_text().startswith("not a database"), "the user's file was overwritten"


# -- the stateless batch commands -------------------------------------------------------------------------
def test_batch_dates_command_reports_bad_lines_and_keeps_the_rest(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "good", "text": "Clashes broke out on Saturday in Hama.", "published": "2018-03-05"}),
        "{not json",
        json.dumps({"id": "notext", "published": "2018-03-05"}),
        json.dumps({"id": "day32", "text": "It happened on 32/13/2020.", "published": "32/13/2020"}),
        json.dumps({"id": "year0", "text": "In the year 0.", "published": "0000-01-01"}),
        json.dumps({"id": "y9999", "text": "tomorrow, next week and next year; on 31 December 9999",
                    "published": "9999-12-31"}),
        json.dumps({"id": "w9999", "text": "yesterday", "published": "9999-W52"}),
        json.dumps({"id": "absurd-text", "text": "On 32/13/2020, in year 0, on 0000-00-00 and 29 February 2023.",
                    "published": "2020-06-01"}),
        json.dumps(["a", "list"]),
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = run_sitrep("dates", str(src), "-o", str(out))
    no_traceback(proc.stderr)
    assert proc.returncode == 1
    err_lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert all(ln.startswith("failed: ") for ln in err_lines), err_lines
    assert any(":2" in ln for ln in err_lines)  # the invalid JSON line, by line number
    rows = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert "good" in rows and rows["good"]["dates"][0]["value"] == "2018-03-03"
    assert "absurd-text" in rows
    for r in rows.values():
        for d in r["dates"]:
            if d["value"] is not None:
                assert 1 <= int(d["value"][:4]) <= 9999
    reported = len(err_lines)
    assert reported + len(rows) == len(lines), (err_lines, sorted(rows))
    assert not any("OverflowError" in ln for ln in err_lines), "an absurd date must be refused, not overflow"


def test_batch_extract_command_never_reports_absurd_figures(tmp_path: Path) -> None:
    src = tmp_path / "numbers.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in NUMBER_RECORDS), encoding="utf-8")
    out = tmp_path / "events.jsonl"
    proc = run_sitrep("extract", str(src), "-o", str(out))
    no_traceback(proc.stderr)
    assert proc.returncode == 0, proc.stderr[-2000:]
    for line in out.read_text().splitlines():
        ev = json.loads(line)
        for key in ("fatalities", "injured"):
            assert ev.get(key) is None or 0 <= ev[key] <= ABSURD, ev


def test_bom_and_utf16_files_decode(tmp_path: Path) -> None:
    for name, data in {
        "bom8.txt": codecs.BOM_UTF8 + GOOD1.encode(),
        "utf16le.txt": codecs.BOM_UTF16_LE + GOOD1.encode("utf-16-le"),
        "utf16be.txt": codecs.BOM_UTF16_BE + GOOD1.encode("utf-16-be"),
    }.items():
        (tmp_path / name).write_bytes(data)
        items = _items(tmp_path / name)
        assert len(items) == 1 and isinstance(items[0], RawArticle), (name, items)
        assert items[0].text.lstrip("\ufeff") == GOOD1, name


if os.name != "posix":  # pragma: no cover - the CLI tests use POSIX file names
    pytestmark = pytest.mark.skip("POSIX only")


# -- round 2: inputs an adversarial test used to break a whole batch (issue 17) --------------------------
NESTED_LINE = '{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
NESTED_VALUE = '{"id": "deepvalue", "text": ' + "[" * 400 + '"Clashes in Hajin"' + "]" * 400 + "}\n"
GOOD3 = "Turkish artillery shelled Tal Rifaat on 6 March 2018, killing 3 civilians, a monitor said.\n"
GOOD4 = "An IED exploded in Manbij on 7 March 2018, killing 2 members of the SDF, activists said.\n"
GOOD5 = "Regime helicopters dropped barrel bombs on Kafr Zita on 8 March 2018, killing 4 civilians.\n"
GOOD6 = "Islamic State fighters attacked an army post near Palmyra on 11 March 2018, killing 5 soldiers.\n"
HUGE_FIELD_MB = 10  # over the default CSV field limit (8 million characters + 64 KiB)


def make_round2(folder: Path) -> Path:
    """A folder holding every input that used to stop a batch, among good files."""
    folder.mkdir(parents=True, exist_ok=True)
    good = {"id": "g", "text": GOOD3.strip()}
    (folder / "nested.jsonl").write_text(NESTED_LINE + json.dumps(good) + "\n")
    (folder / "nested-value.jsonl").write_text(NESTED_VALUE + json.dumps({"id": "g2", "text": GOOD4.strip()}) + "\n")
    # a file name that is not UTF-8 (a Windows-1252 archive unpacked here)
    with open(os.fsencode(folder) + b"/caf\xe9-report.txt", "wb") as f:
        f.write(GOOD5.encode())
    os.mkfifo(folder / "pipe.txt")
    secret = folder.parent / "outside-secret.txt"
    secret.write_text(SECRET + " shelling in Douma on 3 March 2018 killed 5 civilians.\n")
    (folder / "link-out.txt").symlink_to(secret)
    with (folder / "huge-field.csv").open("w", encoding="utf-8") as f:
        f.write("id,text\n")
        f.write(f'h1,"{GOOD1.strip()}"\n')
        f.write('h2,"')
        line = "x" * 79 + "\n"
        for _ in range(HUGE_FIELD_MB * 1_048_576 // 80):
            f.write(line)
        f.write('"\n')
        f.write(f'h3,"{GOOD2.strip()}"\n')
    # a lone surrogate (valid JSON escape, not storable text) in one record's title
    (folder / "surrogate.jsonl").write_text(
        '{"id": "s1", "title": "bad \\ud800 title", '
        '"text": "Clashes in Deir ez-Zor on 9 March 2018 killed 6 fighters."}\n'
        + json.dumps({"id": "s2", "text": "Rebels shelled Aleppo on 10 March 2018, killing 2 civilians."}) + "\n"
    )
    (folder / "good.txt").write_text(GOOD6)
    return folder


ROUND2_FAILED = {  # input (end of the origin) -> what its one line says
    "nested.jsonl#line1": r"nested too deeply",
    "nested-value.jsonl#line1": r"nested more than",
    "pipe.txt": r"named pipe",
    "link-out.txt": r"outside the folder",
    "huge-field.csv#row3": r"field larger than",
    "surrogate.jsonl#s1": r"cannot store",
}


@pytest.fixture(scope="module")
def round2(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_round2(tmp_path_factory.mktemp("round2") / "inbox")


def test_round2_readers_give_one_line_per_bad_input_and_keep_the_rest(round2: Path) -> None:
    items = _items(round2)  # the pipe must not block: iter_raw never opens it
    errors = [i for i in items if isinstance(i, IngestError)]
    for e in errors:
        _one_line(e)
        str(e).encode("utf-8")  # printable and storable, whatever the file name's bytes
    got = {e.origin.rsplit("/", 1)[-1]: e.message for e in errors}
    readers_fail = {k: v for k, v in ROUND2_FAILED.items() if not k.startswith("surrogate")}  # the store refuses it
    assert set(got) == set(readers_fail), got
    for name, reason in readers_fail.items():
        assert re.search(reason, got[name]), (name, got[name])
    texts = [a.text.strip() for a in items if isinstance(a, RawArticle)]
    for good in (GOOD1, GOOD2, GOOD3, GOOD4, GOOD5, GOOD6):
        assert good.strip() in texts, good
    assert not any(SECRET in t for t in texts)
    assert [a.origin for a in items if isinstance(a, RawArticle) and a.text == GOOD5][0].endswith(
        "caf\\xe9-report.txt"
    )


def test_round2_links_out_of_the_folder_are_read_only_when_asked(round2: Path) -> None:
    items = list(iter_raw([str(round2 / "link-out.txt"), str(round2 / "good.txt")]))  # named: read
    assert any(isinstance(a, RawArticle) and SECRET in a.text for a in items)
    walked = list(iter_raw([str(round2)], follow_symlinks=True))
    assert any(isinstance(a, RawArticle) and SECRET in a.text for a in walked)


def test_round2_csv_guard_gives_up_on_a_file_of_malformed_rows(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("id,title,text\n" + "".join(f"r{i}\n" for i in range(500)) + 'z,t,"Clashes in Hama."\n')
    errors = [i for i in _items(path) if isinstance(i, IngestError)]
    assert len(errors) == 101, len(errors)
    assert errors[-1].message == "gave up after 100 malformed rows"


def test_round2_cli_stores_the_rest_and_never_an_event_without_its_document(
    round2: Path, tmp_path: Path
) -> None:
    db = tmp_path / "round2.db"
    proc = run_sitrep("ingest", str(round2), "--db", str(db), "-q", "--json", timeout=300)
    no_traceback(proc.stderr)
    assert proc.returncode == 1, proc.stderr[-3000:]
    report = json.loads(proc.stdout)
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == len(ROUND2_FAILED) == report["failed"], lines
    for name, reason in ROUND2_FAILED.items():
        hit = [ln for ln in lines if f"/{name}:" in ln]
        assert len(hit) == 1 and re.search(reason, hit[0]), (name, lines)
    assert_healthy(store_health(db), documents=7)  # among them: no event without its document
    con = read_only(db)
    try:
        texts = [r[0] for r in con.execute("SELECT text FROM documents")]
    finally:
        con.close()
    for good in (GOOD1, GOOD2, GOOD3, GOOD4, GOOD5, GOOD6):
        assert any(good.strip() in t for t in texts), good
    assert not any(SECRET in t or "bad \ud800" in t for t in texts)
    # a re-run adds nothing and still reports the same inputs, once each
    again = run_sitrep("ingest", str(round2), "--db", str(db), "-q", "--json", timeout=300)
    assert json.loads(again.stdout)["documents_new"] == 0
    assert sorted(again.stderr.splitlines()) == sorted(proc.stderr.splitlines())
    assert_healthy(store_health(db), documents=7)


def test_round2_watch_once_survives_the_same_folder(round2: Path, tmp_path: Path) -> None:
    db = tmp_path / "watch.db"
    proc = run_sitrep("watch", str(round2), "--db", str(db), "--once", "--settle", "0", timeout=300)
    no_traceback(proc.stderr)
    assert proc.returncode == 1, proc.stderr[-3000:]
    failed = [ln for ln in proc.stderr.splitlines() if ln.startswith("failed: ")]
    assert len(failed) == len(ROUND2_FAILED), failed
    for name, reason in ROUND2_FAILED.items():
        assert any(f"/{name}:" in ln and re.search(reason, ln) for ln in failed), (name, failed)
    assert_healthy(store_health(db), documents=7)
