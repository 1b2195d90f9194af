"""Property tests: the readers and prepare never raise, and CSV/JSONL round-trip what was written."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.documents import prepare
from sitrep.ingest import IngestError, Limits, RawArticle
from sitrep.ingest.readers import read_csv, read_feed, read_json, read_jsonl, read_text

READERS = (read_text, read_csv, read_jsonl, read_json, read_feed)
FRAGMENTS = [b'"', b"\n", b",", b"{", b"}", b"[", b"<", b">", b"&", b"\xff", b"\x00", b"<!ENTITY a 'b'>",
             b"<rss><channel><item><title>", b'{"text": "', b"December 15, 2025 ", b"TT\n20\n", b"\xd8\xa7"]
text_values = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200
).filter(lambda s: s.strip() != "")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.binary(max_size=40), st.sampled_from(FRAGMENTS)), max_size=20))
def test_readers_never_raise(chunks: list[bytes]) -> None:
    data = b"".join(chunks)
    for reader in READERS:
        for item in reader(io.BytesIO(data), "fuzz", Limits()):
            assert isinstance(item, RawArticle | IngestError)
            if isinstance(item, IngestError):
                assert item.message and "\n" not in item.message
            else:
                prepare(item)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(text_values, text_values), min_size=1, max_size=5))
def test_csv_round_trip(rows: list[tuple[str, str]]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["headline", "body"])
    writer.writerows(rows)
    items = list(read_csv(io.BytesIO(buf.getvalue().encode("utf-8")), "t.csv", Limits()))
    assert all(isinstance(i, RawArticle) for i in items)
    assert [(i.title, i.text) for i in items if isinstance(i, RawArticle)] == [(t.strip(), b.strip()) for t, b in rows]


@settings(max_examples=100, deadline=None)
@given(st.lists(text_values, min_size=1, max_size=5))
def test_jsonl_round_trip(texts: list[str]) -> None:
    data = "\n".join(json.dumps({"text": t}) for t in texts).encode("utf-8")
    items = list(read_jsonl(io.BytesIO(data), "t.jsonl", Limits()))
    assert [i.text for i in items if isinstance(i, RawArticle)] == [t.strip() for t in texts]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=600))
def test_prepare_never_raises_and_keeps_text_clean(text: str) -> None:
    for doc in prepare(RawArticle(text=text, origin="fuzz")):
        assert doc.text.strip() and "\r" not in doc.text and "\x00" not in doc.text
        assert doc.published_precision in ("day", "month", "year", "unknown")
