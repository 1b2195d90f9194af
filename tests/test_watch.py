"""sitrep watch: new files and feed items are picked up on the next poll; a restart ingests nothing again.

Real files in a temporary folder, a real SQLite store, a real HTTP server on loopback, and the
real command in a subprocess.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from sitrep.engines import get_engine
from sitrep.pipeline import Pipeline
from sitrep.store import open_store
from sitrep.watch import Watcher

ARTICLES = [
    "Damascus, March 3, 2025 – Two people were killed on Sunday when a car bomb exploded near a market in "
    "Manbij, the Syrian Observatory for Human Rights said. Local police said the vehicle had been parked "
    "outside a bakery.",
    "Beirut, March 5, 2025 – Israeli aircraft struck a weapons depot near the town of Qusayr in Homs province "
    "on Tuesday, a war monitor said. There was no immediate word on casualties.",
    "Baghdad, March 7, 2025 – Hundreds of demonstrators gathered in Tahrir Square on Friday to protest "
    "power cuts, and security forces fired tear gas to disperse them, witnesses said.",
]


def _feed(items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f"<item><title>{title}</title><link>https://news.example.org/{guid}</link><guid>{guid}</guid>"
        f"<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate><description>{text}</description></item>"
        for guid, title, text in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Example Wire</title>'
        f"<link>https://news.example.org/</link><description>wire</description>{body}</channel></rss>"
    )


FEED_ITEMS = [
    ("a1", "Car bomb in Manbij", ARTICLES[0]),
    ("a2", "Strike near Qusayr", ARTICLES[1]),
    ("a3", "Protest in Baghdad", ARTICLES[2]),
]


def _old(path: Path) -> Path:
    """Age a file past the settle time (as if it had been copied in a while ago)."""
    past = time.time() - 60
    os.utime(path, (past, past))
    return path


@pytest.fixture
def watched(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "manbij.txt").write_text(ARTICLES[0], encoding="utf-8")
    _old(folder / "sub" / "manbij.txt")
    return folder


def _watcher(db: str, sources: list[str], **kw: Any) -> Watcher:
    store = open_store(db)
    return Watcher(Pipeline(store, get_engine("local")), sources, **kw)


def test_new_file_is_picked_up_and_restart_ingests_nothing(tmp_path: Path, watched: Path) -> None:
    db = str(tmp_path / "w.db")
    w = _watcher(db, [str(watched)])
    first = w.poll()
    assert (first.sources, first.sources_changed, first.items_new) == (1, 1, 1)
    assert first.ingest.documents_new == 1 and not first.errors and not first.ingest.errors
    assert first.ingest.events >= 1
    idle = w.poll()
    assert (idle.sources_changed, idle.items_new) == (0, 0)

    (watched / "qusayr.txt").write_text(ARTICLES[1], encoding="utf-8")
    _old(watched / "qusayr.txt")
    second = w.poll()
    assert (second.sources, second.sources_changed, second.items_new) == (2, 1, 1)
    assert second.ingest.documents_new == 1
    docs_before = w.store.count_documents()
    events_before = w.store.stats()["events"]
    w.store.close()

    restarted = _watcher(db, [str(watched)])
    again = restarted.poll()
    assert (again.sources, again.sources_changed, again.items_new) == (2, 0, 0)
    assert again.ingest.inputs == 0  # nothing even reached the pipeline
    assert restarted.store.count_documents() == docs_before == 2
    assert restarted.store.stats()["events"] == events_before
    restarted.store.close()


def test_a_changed_file_is_read_again(tmp_path: Path, watched: Path) -> None:
    w = _watcher(str(tmp_path / "w.db"), [str(watched)])
    w.poll()
    target = watched / "sub" / "manbij.txt"
    target.write_text(ARTICLES[0] + " Three others were wounded.", encoding="utf-8")
    _old(target)
    report = w.poll()
    assert (report.sources_changed, report.items_new, report.ingest.documents_new) == (1, 1, 1)
    w.store.close()


def test_files_still_being_written_wait_for_the_settle_time(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    fresh = folder / "baghdad.txt"
    fresh.write_text(ARTICLES[2], encoding="utf-8")
    w = _watcher(str(tmp_path / "w.db"), [str(folder)], settle=30.0)
    early = w.poll()
    assert (early.sources_pending, early.items_new) == (1, 0)
    _old(fresh)
    later = w.poll()
    assert (later.sources_pending, later.items_new, later.ingest.documents_new) == (0, 1, 1)
    w.store.close()


def test_a_growing_feed_file_ingests_only_its_new_item(tmp_path: Path) -> None:
    feed = tmp_path / "wire.xml"
    feed.write_text(_feed(FEED_ITEMS[:2]), encoding="utf-8")
    _old(feed)
    w = _watcher(str(tmp_path / "w.db"), [str(feed)])
    first = w.poll()
    assert first.items_new == 2 and first.ingest.documents_new == 2
    feed.write_text(_feed(FEED_ITEMS), encoding="utf-8")
    _old(feed)
    grown = w.poll()
    assert (grown.sources_changed, grown.items_new, grown.items_unchanged) == (1, 1, 2)
    assert grown.ingest.documents_new == 1
    w.store.close()


@pytest.fixture
def feed_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    root = tmp_path / "www"
    root.mkdir()

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/wire.rss", root / "wire.rss"
    finally:
        server.shutdown()
        server.server_close()


def test_a_feed_url_is_polled_over_http(tmp_path: Path, feed_server: tuple[str, Path]) -> None:
    url, file = feed_server
    file.write_text(_feed(FEED_ITEMS[:1]), encoding="utf-8")
    db = str(tmp_path / "w.db")
    w = _watcher(db, [url])
    assert w.poll().items_new == 1
    assert w.poll().sources_changed == 0  # fetched again, same content
    file.write_text(_feed(FEED_ITEMS), encoding="utf-8")
    grown = w.poll()
    assert (grown.items_new, grown.items_unchanged, grown.ingest.documents_new) == (2, 1, 2)
    w.store.close()
    restarted = _watcher(db, [url])
    assert restarted.poll().items_new == 0
    restarted.store.close()


def test_missing_paths_are_reported_and_polling_goes_on(tmp_path: Path, watched: Path) -> None:
    w = _watcher(str(tmp_path / "w.db"), [str(tmp_path / "nowhere"), str(watched)])
    report = w.poll()
    assert report.items_new == 1
    assert [o for o, _ in report.errors] == [str(tmp_path / "nowhere")]
    w.store.close()


# -- the command, in a real subprocess -----------------------------------------------------------
def _lines(proc: subprocess.Popen[str]) -> queue.Queue[str]:
    q: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            q.put(line.rstrip("\n"))

    threading.Thread(target=pump, daemon=True).start()
    return q


def _wait_for(q: queue.Queue[str], prefix: str, deadline: float) -> str:
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            pytest.fail(f"no line starting with {prefix!r} before the deadline")
        try:
            line = q.get(timeout=left)
        except queue.Empty:
            continue
        if line.startswith(prefix):
            return line


def test_watch_command_picks_up_a_dropped_file_on_the_next_poll(tmp_path: Path, watched: Path) -> None:
    db = str(tmp_path / "w.db")
    cmd = [sys.executable, "-m", "sitrep", "watch", str(watched), "--db", db, "--interval", "1", "--settle", "0"]
    env = {**os.environ, "SITREP_CONFIG": str(tmp_path / "none.toml")}
    (tmp_path / "none.toml").write_text("", encoding="utf-8")
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    try:
        lines = _lines(proc)
        deadline = time.monotonic() + 180
        first = _wait_for(lines, "poll 1:", deadline)
        assert "1 new items" in first
        # poll 1 is over: the folder will be listed again by poll 2, one interval later
        (watched / "baghdad.txt").write_text(ARTICLES[2], encoding="utf-8")
        second = _wait_for(lines, "poll 2:", deadline)
        assert "1 changed, 1 new items, 1 new documents" in second
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()

    again = subprocess.run(
        [*cmd[:-4], "--once"], capture_output=True, text=True, env=env, timeout=180, check=False
    )
    assert again.returncode == 0, again.stderr
    assert "poll 1: 2 sources, 0 changed, 0 new items, 0 new documents" in again.stderr
    store = open_store(db)
    try:
        assert store.count_documents() == 2
    finally:
        store.close()
