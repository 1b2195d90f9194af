"""Readers: every input format from real files written here, bad inputs, and URLs on loopback."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sitrep.ingest import IngestError, Limits, RawArticle, expand, iter_raw, parse_mapping, sample_corpus_paths

REPORT = (
    "Five civilians were killed on Monday when an air strike hit a market in the town of Ariha in Idlib "
    "province, the Syrian Observatory for Human Rights said. Rescuers said dozens were wounded."
)
ARABIC = (
    "قتل خمسة مدنيين يوم الاثنين عندما أصابت غارة جوية سوقا في مدينة أريحا في محافظة إدلب، "
    "بحسب المرصد السوري لحقوق الإنسان. وقال عمال الإنقاذ إن العشرات أصيبوا بجروح."
)

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Air strike kills five in Idlib market - Levant Monitor</title>
<meta property="og:site_name" content="Levant Monitor">
<meta property="og:title" content="Air strike kills five in Idlib market">
<meta property="article:published_time" content="2021-06-28T09:30:00+03:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/syria">Syria</a></nav>
<article><h1>Air strike kills five in Idlib market</h1>
<p>Five civilians were killed on Monday when an air strike hit a market in the town of Ariha in Idlib
province, the Syrian Observatory for Human Rights said.</p>
<p>Rescuers from the White Helmets civil defence group said dozens of people were wounded and that
several shops were destroyed in the strike, the third on the town this month.</p>
<p>The Observatory said Russian jets carried out the raid; Moscow did not comment.</p>
</article>
<footer>Copyright 2021 Levant Monitor. All rights reserved.</footer>
</body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Levant Monitor - Syria</title><link>https://example.org/</link>
<item><title>Air strike kills five in Idlib market</title>
<link>https://example.org/2021/06/28/ariha</link><guid>ariha-0628</guid>
<pubDate>Mon, 28 Jun 2021 09:30:00 +0300</pubDate>
<description>Five civilians were killed in Ariha.</description>
<content:encoded><![CDATA[<p>Five civilians were killed on Monday when an air strike hit a market in Ariha.</p>
<p>Rescuers said dozens were wounded.</p>]]></content:encoded></item>
<item><title>Rockets hit Deir ez-Zor</title><link>https://example.org/2021/06/28/deir</link>
<pubDate>Mon, 28 Jun 2021 18:00:00 +0300</pubDate>
<description>Rockets fired towards areas west of the Euphrates in Deir ez-Zor governorate.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Syria desk</title><id>urn:example:feed</id><updated>2025-12-15T10:00:00Z</updated>
<entry><title>Officials condemn Palmyra ambush</title><id>urn:example:1</id>
<link rel="alternate" href="https://example.org/palmyra"/>
<published>2025-12-15T09:00:00Z</published><updated>2025-12-15T10:00:00Z</updated>
<content type="html">&lt;p&gt;Syrian and United States officials condemned a Saturday ambush
near Palmyra.&lt;/p&gt;</content>
</entry></feed>
"""

XML_BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>x</title><description>&lol3;</description></item>
</channel></rss>
"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title><item><title>&xxe;</title><description>d</description></item>
</channel></rss>
"""

TELEGRAM = {
    "name": "Deir ez-Zor 24",
    "type": "public_channel",
    "id": 1234567890,
    "messages": [
        {"id": 1, "type": "service", "date": "2021-06-27T08:00:00", "action": "create_channel", "text": ""},
        {
            "id": 2,
            "type": "message",
            "date": "2021-06-28T10:15:00",
            "from": "Deir ez-Zor 24",
            "text": [
                "Urgent | ",
                {"type": "bold", "text": "Rockets hit the Al-Omar oil field"},
                " in the eastern countryside of Deir ez-Zor, local sources said.",
            ],
        },
        {"id": 3, "type": "message", "date": "2021-06-28T11:00:00", "photo": "photos/photo_1.jpg", "text": ""},
        {"id": 4, "type": "message", "text": "A message without a date still carries its report."},
        {"id": 5, "type": "message", "date": "2021-06-28T12:00:00", "text": "US forces said no one was hurt."},
    ],
}


def _items(paths: Sequence[str | Path], **kw: object) -> tuple[list[RawArticle], list[IngestError]]:
    arts: list[RawArticle] = []
    errs: list[IngestError] = []
    for it in iter_raw([str(p) for p in paths], **kw):
        (arts if isinstance(it, RawArticle) else errs).append(it)
    return arts, errs


# ---------------------------------------------------------------------------------------- formats


def test_plain_text_utf8(tmp_path: Path) -> None:
    f = tmp_path / "report.txt"
    f.write_text(REPORT, encoding="utf-8")
    arts, errs = _items([f])
    assert not errs
    assert [a.text for a in arts] == [REPORT]
    assert arts[0].origin == str(f) and not arts[0].is_html


@pytest.mark.parametrize("encoding, text", [("windows-1256", ARABIC), ("latin-1", "Réfugiés à Alep: " + REPORT)])
def test_plain_text_legacy_encodings(tmp_path: Path, encoding: str, text: str) -> None:
    f = tmp_path / "legacy.txt"
    f.write_bytes((text + "\n").encode(encoding) * 3)
    arts, errs = _items([f])
    assert not errs
    assert arts[0].text.startswith(text)


def test_invalid_utf8_bytes_never_crash(tmp_path: Path) -> None:
    f = tmp_path / "broken.txt"
    f.write_bytes(REPORT.encode() + b" \xff\xfe\xc3 " + REPORT.encode())
    arts, errs = _items([f])
    assert not errs and REPORT[:40] in arts[0].text


def test_html_file_is_marked_for_extraction(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(HTML_PAGE, encoding="utf-8")
    arts, errs = _items([f])
    assert not errs and arts[0].is_html and "<article>" in arts[0].text


def test_csv_auto_mapping_and_explicit_mapping(tmp_path: Path) -> None:
    f = tmp_path / "articles.csv"
    f.write_text(
        "unit_id,article_title,article_content,source,date,location\n"
        f'7,Strike in Ariha,"{REPORT}",alaraby,6/28/2021,idlib\n'
        '8,"Quoted, title","Second ""quoted"" report, with commas.",sana,6/29/2021,deir ezzor\n',
        encoding="utf-8",
    )
    arts, errs = _items([f])
    assert not errs
    assert [(a.title, a.source, a.published) for a in arts] == [
        ("Strike in Ariha", "alaraby", "6/28/2021"),
        ("Quoted, title", "sana", "6/29/2021"),
    ]
    assert arts[0].origin == f"{f}#7" and arts[0].extra == {"location": "idlib"}
    assert arts[1].text == 'Second "quoted" report, with commas.'
    # an explicit mapping overrides the guess: here the title column becomes the text
    arts2, _ = _items([f], mapping={"text": "article_title", "title": "location"})
    assert [a.text for a in arts2] == ["Strike in Ariha", "Quoted, title"]
    assert arts2[0].title == "idlib"


def test_csv_without_text_column_says_which_columns_exist(tmp_path: Path) -> None:
    f = tmp_path / "x.csv"
    f.write_text("a,b\n1,2\n", encoding="utf-8")
    _, errs = _items([f])
    assert len(errs) == 1 and "a, b" in errs[0].message and "mapping" in errs[0].message


def test_bad_mapping_is_a_one_line_error(tmp_path: Path) -> None:
    f = tmp_path / "x.csv"
    f.write_text("body\nsome text here\n", encoding="utf-8")
    _, errs = _items([f], mapping={"text": "nope"})
    assert len(errs) == 1 and "no such column" in errs[0].message
    with pytest.raises(ValueError):
        parse_mapping(["txt=body"])
    assert parse_mapping(["text=body,title=headline"]) == {"text": "body", "title": "headline"}


def test_tsv_in_windows_1256(tmp_path: Path) -> None:
    f = tmp_path / "ar.tsv"
    f.write_bytes(("title\ttext\n" + f"عنوان\t{ARABIC}\n").encode("windows-1256"))
    arts, errs = _items([f])
    assert not errs and arts[0].text == ARABIC and arts[0].title == "عنوان"


def test_jsonl_with_nested_mapping_and_bad_lines(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    lines = [
        json.dumps({"id": "a1", "headline": "Strike", "body": {"text": REPORT}, "published": "2021-06-28"}),
        "",
        '{"id": "a2", "headline": "truncated", "body": {"text": "cut of',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a3", "headline": "No text"}),
    ]
    f.write_text("\n".join(lines), encoding="utf-8")
    arts, errs = _items([f], mapping={"text": "body.text"})
    assert [(a.origin, a.title, a.published) for a in arts] == [(f"{f}#a1", "Strike", "2021-06-28")]
    assert len(errs) == 3
    assert "invalid JSON" in errs[0].message and errs[0].origin == f"{f}#line3"
    assert "JSON object" in errs[1].message
    assert "no text" in errs[2].message


def test_extract_contract_jsonl(tmp_path: Path) -> None:
    """The batch-command input shape reads without a mapping."""
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"id": "d1", "text": REPORT, "published": "2021-06-28", "source": "x", "url": "u"}) + "\n")
    arts, errs = _items([f])
    assert not errs and (arts[0].source, arts[0].url, arts[0].origin) == ("x", "u", f"{f}#d1")


def test_json_array_of_records(tmp_path: Path) -> None:
    f = tmp_path / "a.json"
    f.write_text(json.dumps({"articles": [{"content": REPORT, "link": "https://example.org/a"}]}))
    arts, errs = _items([f])
    assert not errs and arts[0].url == "https://example.org/a"


def test_rss_feed(tmp_path: Path) -> None:
    f = tmp_path / "feed.xml"
    f.write_text(RSS, encoding="utf-8")
    arts, errs = _items([f])
    assert not errs and len(arts) == 2
    a, b = arts
    assert a.title == "Air strike kills five in Idlib market" and a.source == "Levant Monitor - Syria"
    assert a.url == "https://example.org/2021/06/28/ariha" and a.published == "Mon, 28 Jun 2021 09:30:00 +0300"
    assert a.is_html and "<p>Five civilians" in a.text  # content:encoded wins over description
    assert b.text.startswith("Rockets fired") and not b.is_html


def test_atom_feed(tmp_path: Path) -> None:
    f = tmp_path / "feed.atom"
    f.write_text(ATOM, encoding="utf-8")
    arts, errs = _items([f])
    assert not errs and len(arts) == 1
    assert (arts[0].title, arts[0].source, arts[0].url, arts[0].published) == (
        "Officials condemn Palmyra ambush", "Syria desk", "https://example.org/palmyra", "2025-12-15T09:00:00Z"
    )
    assert arts[0].is_html and "Saturday ambush" in arts[0].text


@pytest.mark.parametrize("payload", [XML_BOMB, XXE])
def test_xml_attacks_are_refused(tmp_path: Path, payload: str) -> None:
    f = tmp_path / "evil.rss"
    f.write_text(payload, encoding="utf-8")
    arts, errs = _items([f])
    assert not arts and len(errs) == 1 and "refused unsafe XML" in errs[0].message


def test_telegram_export(tmp_path: Path) -> None:
    export = tmp_path / "ChannelExport"
    (export / "photos").mkdir(parents=True)
    (export / "photos" / "photo_1.jpg").write_bytes(b"\xff\xd8\xff\xe0JFIF")
    (export / "result.json").write_text(json.dumps(TELEGRAM, ensure_ascii=False), encoding="utf-8")
    arts, errs = _items([export])  # the folder: media are passed over
    assert not errs
    assert [a.text for a in arts] == [
        "Urgent | Rockets hit the Al-Omar oil field in the eastern countryside of Deir ez-Zor, local sources said.",
        "A message without a date still carries its report.",
        "US forces said no one was hurt.",
    ]
    assert {a.source for a in arts} == {"Deir ez-Zor 24"}
    assert [a.published for a in arts] == ["2021-06-28T10:15:00", None, "2021-06-28T12:00:00"]
    assert arts[0].origin.endswith("result.json#2")


def test_folders_globs_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(REPORT)
    (tmp_path / "a" / "b" / "two.txt").write_text(REPORT + " Again.")
    (tmp_path / "a" / ".hidden.txt").write_text("hidden")
    files = [p for p in expand([str(tmp_path / "a"), str(tmp_path / "a" / "**" / "*.txt")]) if isinstance(p, str)]
    assert [Path(p).name for p in files] == ["one.txt", "two.txt"]  # each file once
    _, errs = _items([tmp_path / "missing.txt", str(tmp_path / "*.nothing")])
    assert [e.message for e in errs] == ["no such file or directory", "no files match this pattern"]


def test_sample_corpus_is_bundled() -> None:
    paths = sample_corpus_paths()
    assert sum(p.endswith(".txt") for p in paths) == 4 and any(p.endswith("fakes_sample.csv") for p in paths)
    arts, errs = _items(paths)
    assert not errs and len(arts) == 4 + 151


# ---------------------------------------------------------------------------------------- bad inputs


def test_bad_files_give_errors_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(REPORT)
    bad = {
        "empty.txt": b"",
        "blank.txt": b"   \n\n  ",
        "binary.txt": bytes(range(256)) * 20,
        "image.png": b"\x89PNG\r\n\x1a\n" + b"\0" * 100,
        "truncated.json": b'{"messages": [{"id": 1, "text": "cut',
        "truncated.csv": b'title,text\n"A","complete row"\n"B","this quote never closes\n',
        "notfeed.xml": b"<?xml version='1.0'?><html><body>x</body></html>",
        "broken.rss": b"<?xml version='1.0'?><rss><channel><item><title>x</ti",
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    paths = [str(tmp_path / n) for n in bad] + [str(good)]
    arts, errs = _items(paths)
    reasons = {Path(e.origin.split("#")[0]).name: e.message for e in errs}
    assert reasons["empty.txt"] == "empty file"
    assert "whitespace" in reasons["blank.txt"]
    assert reasons["binary.txt"].startswith("not text")
    assert "PNG" in reasons["image.png"]
    assert "invalid JSON" in reasons["truncated.json"]
    assert "truncated row" in reasons["truncated.csv"]
    assert "not an RSS or Atom feed" in reasons["notfeed.xml"]
    assert "invalid XML" in reasons["broken.rss"]
    assert all("\n" not in e.message for e in errs)
    assert [a.text for a in arts] == ["complete row", REPORT]  # the CSV's good row and the good file


def test_truncated_html_keeps_what_is_complete(tmp_path: Path) -> None:
    from sitrep.documents import prepare

    cut = HTML_PAGE[: HTML_PAGE.index("several shops") + 5]  # ends inside the second paragraph
    f = tmp_path / "cut.html"
    f.write_text(cut, encoding="utf-8")
    (raw,), errs = _items([f])
    assert not errs and raw.is_html
    (doc,) = prepare(raw)
    assert doc.text.startswith("Five civilians were killed") and doc.published == "2021-06-28"
    shell = tmp_path / "shell.html"
    shell.write_text("<html><head><title>x</title></head><body><div class='ad'></div>", encoding="utf-8")
    (raw2,), _ = _items([shell])
    assert prepare(raw2) == []  # no article text: the pipeline reports it, nothing is stored


def test_huge_text_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fp:
        fp.truncate(200_000_000)  # a sparse 200 MB file: costs no disk
    arts, errs = _items([big])
    assert not arts and "too big for one article" in errs[0].message
    # the cap is a setting
    small = tmp_path / "small.txt"
    small.write_text(REPORT)
    _, errs = _items([small], limits=Limits(max_file_bytes=50))
    assert "larger than" in errs[0].message


def test_record_over_the_article_cap(tmp_path: Path) -> None:
    f = tmp_path / "long.jsonl"
    f.write_text(json.dumps({"text": "word " * 1000}) + "\n" + json.dumps({"text": REPORT}) + "\n")
    arts, errs = _items([f], limits=Limits(max_article_chars=1000))
    assert len(arts) == 1 and "exceeds" in errs[0].message


# ---------------------------------------------------------------------------------------- URLs


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def guess_type(self, path: str) -> str:  # type: ignore[override]
        if str(path).endswith(".rss"):
            return "application/rss+xml"
        return str(super().guess_type(path))


@pytest.fixture
def web(tmp_path: Path) -> Iterator[str]:
    """A real HTTP server on loopback serving files from tmp_path/www."""
    root = tmp_path / "www"
    root.mkdir()
    (root / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    (root / "ariha.html").write_text(HTML_PAGE, encoding="utf-8")
    feed = RSS.replace("https://example.org/2021/06/28/ariha", "{base}/ariha.html").replace(
        "https://example.org/2021/06/28/deir", "{base}/deir.html"  # not on the server: 404
    )
    (root / "feed.rss").write_text(feed, encoding="utf-8")
    (root / "data.jsonl").write_text(json.dumps({"text": REPORT}) + "\n", encoding="utf-8")

    def handler(*a: object, **k: object) -> _Quiet:
        return _Quiet(*a, directory=str(root), **k)  # type: ignore[arg-type]

    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (root / "feed.rss").write_text(feed.replace("{base}", base), encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def test_urls_page_feed_data_and_errors(web: str) -> None:
    arts, errs = _items([f"{web}/page.html", f"{web}/feed.rss", f"{web}/data.jsonl", f"{web}/missing.html"])
    assert [e.message for e in errs] == ["HTTP 404 File not found"]
    page, item1, item2, rec = arts
    assert page.is_html and page.url == f"{web}/page.html" and "Ariha" in page.text
    assert item1.source == "Levant Monitor - Syria" and item1.url == f"{web}/ariha.html"
    assert item2.title == "Rockets hit Deir ez-Zor"
    assert rec.text == REPORT


def test_feed_url_following_item_links(web: str) -> None:
    arts, errs = _items([f"{web}/feed.rss"], follow_links=True)
    # item 1 links to a page on the server; item 2's page is missing: one error, summary kept
    page = arts[0]
    assert page.is_html and "<article>" in page.text and page.title == "Air strike kills five in Idlib market"
    assert page.published == "Mon, 28 Jun 2021 09:30:00 +0300"
    assert len(errs) == 1 and "404" in errs[0].message and "summary" in errs[0].message
    assert arts[-1].title == "Rockets hit Deir ez-Zor" and not arts[-1].is_html


def test_unreachable_url_is_one_error() -> None:
    arts, errs = _items(["http://127.0.0.1:9/nothing"])
    assert not arts and len(errs) == 1 and "cannot connect" in errs[0].message


# ------------------------------------------------------------------ fetch deadline (issue 17, item 10)
class _Drip(SimpleHTTPRequestHandler):
    """Sends headers at once, then one byte of the body every 0.3 s (a slow-loris server)."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        import time

        body = b"Shelling hit Idlib on Monday. " * 2
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            for i in range(len(body)):
                self.wfile.write(body[i : i + 1])
                self.wfile.flush()
                time.sleep(0.3)
        except OSError:
            pass  # the client gave up: what the test wants


def test_fetch_has_an_overall_deadline_not_only_a_read_timeout() -> None:
    from sitrep.ingest import FetchError, HttpFetcher

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Drip)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/drip.txt"
        # every byte arrives well within the 1.5 s per-read timeout; the whole body needs 18 s
        with pytest.raises(FetchError, match="timed out after 1.5 s"):
            HttpFetcher(timeout=1.5).fetch(url)
        arts, errs = _items([url], fetcher=HttpFetcher(timeout=1.5))
        assert not arts and len(errs) == 1 and "timed out" in errs[0].message
    finally:
        server.shutdown()
        server.server_close()
