"""Continuous monitoring (``sitrep watch``): poll folders, files, feed files and feed URLs.

Every poll looks at each source (a file, or a URL's response) and skips it when its content
fingerprint is the one recorded in the store (``store.seen_sources()``). A changed or new source
is read into raw articles; each article has its own key (its origin: ``path``, ``path#row5``,
``feed.xml#<guid>``) and fingerprint, so a feed that grows by one item ingests one item. New
articles go through the normal pipeline (clean, split, dedup, extract, incremental resolution);
then their fingerprints and the source's are recorded (``store.mark_source``). The records live
in the database, so a restarted watcher carries on where it stopped and ingests nothing twice;
a crash between an ingest and its marks only costs a re-read (ingest itself is idempotent).
An article the pipeline fails on is not recorded: it is retried at every poll (and reported
once), so a transient failure loses nothing.

Files modified less than ``settle`` seconds ago are left for a quick re-poll, so a file still
being copied into a watched folder is not read half-written.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sitrep.ingest import Fetched, Fetcher, FetchError, HttpFetcher, IngestError, Limits, RawArticle
from sitrep.ingest.sources import display_path, expand, is_url, not_regular, read_path, read_url
from sitrep.pipeline import IngestReport, Pipeline
from sitrep.store.base import Store

SOURCE_PREFIX = "source:"  # a whole file or URL response
ITEM_PREFIX = "item:"  # one article inside it


@dataclass
class PollReport:
    """What one poll found and did."""

    poll: int = 0
    sources: int = 0  # files and URLs looked at
    sources_changed: int = 0  # new or changed since the last poll that read them
    sources_pending: int = 0  # still being written (left for the next poll)
    items_new: int = 0  # articles not seen before (or changed) and handed to the pipeline
    items_unchanged: int = 0  # articles inside a changed source that were already ingested
    ingest: IngestReport = field(default_factory=IngestReport)
    errors: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        r = self.ingest
        return (
            f"poll {self.poll}: {self.sources} sources, {self.sources_changed} changed, "
            f"{self.items_new} new items, {r.documents_new} new documents, {r.events} events, "
            f"{r.incidents_changed} incidents updated, {len(self.errors) + r.failed} errors"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "poll": self.poll,
            "sources": self.sources,
            "sources_changed": self.sources_changed,
            "sources_pending": self.sources_pending,
            "items_new": self.items_new,
            "items_unchanged": self.items_unchanged,
            "ingest": self.ingest.to_dict(),
            "errors": [{"input": o, "error": m} for o, m in self.errors],
        }


def item_fingerprint(item: RawArticle) -> str:
    """A stable fingerprint of everything the pipeline reads from a raw article."""
    h = hashlib.sha256()
    for part in (item.text, item.title, item.url, item.published, item.source):
        h.update((part or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return "sha256:" + h.hexdigest()


def file_fingerprint(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fp:
        for block in iter(lambda: fp.read(1 << 20), b""):
            h.update(block)
    return "sha256:" + h.hexdigest()


class _Prefetched:
    """A Fetcher that answers one URL from a response already in hand (the feed is fetched once)."""

    def __init__(self, got: Fetched, inner: Fetcher) -> None:
        self.got = got
        self.inner = inner
        self.urls = {got.url}

    def fetch(self, url: str) -> Fetched:
        if url in self.urls:
            return self.got
        return self.inner.fetch(url)


class Watcher:
    """Polls ``sources`` and ingests what is new into ``pipeline.store``."""

    def __init__(
        self,
        pipeline: Pipeline,
        sources: Sequence[str],
        *,
        mapping: Mapping[str, str] | None = None,
        fetcher: Fetcher | None = None,
        follow_links: bool = False,
        follow_symlinks: bool = False,
        limits: Limits | None = None,
        settle: float = 1.0,
        flush_items: int = 256,
    ) -> None:
        if not sources:
            raise ValueError("nothing to watch: give at least one folder, file or feed URL")
        self.pipeline = pipeline
        self.store: Store = pipeline.store
        self.sources = list(sources)
        self.mapping = mapping
        self.fetcher = fetcher or HttpFetcher()
        self.follow_links = follow_links
        self.follow_symlinks = follow_symlinks
        self.limits = limits or Limits()
        self.settle = max(0.0, settle)
        self.flush_items = max(1, flush_items)
        self.polls = 0
        self.seen: dict[str, str] = self.store.seen_sources()
        self._stat_cache: dict[str, tuple[int, int, str]] = {}
        self._reported: set[tuple[str, str]] = set()  # pipeline errors already reported once

    # -- one poll -----------------------------------------------------------------------------
    def poll(self) -> PollReport:
        """Look at every source once; ingest what is new; record what was read."""
        self.polls += 1
        report = PollReport(poll=self.polls)
        buffer: list[tuple[str, str, str, RawArticle]] = []  # (source key, item key, fingerprint, article)
        finished: list[tuple[str, str]] = []  # sources whose articles have all been buffered
        failed_sources: set[str] = set()

        def flush() -> None:
            if buffer:
                got = self.pipeline.ingest_raw([item for *_, item in buffer])
                failed = {origin for origin, _ in got.errors}
                got.errors = [e for e in got.errors if e not in self._reported]
                self._reported.update(got.errors)
                _add(report.ingest, got)
                for source_key, key, fp, item in buffer:
                    if item.origin in failed or any(o.startswith(item.origin + "#") for o in failed):
                        # not recorded: the article (and so its source) is tried again next poll
                        failed_sources.add(source_key)
                    else:
                        self._mark(key, fp)
                buffer.clear()
            for key, fp in finished:
                if key not in failed_sources:
                    self._mark(key, fp)
            finished.clear()

        for entry in expand(self.sources, follow_symlinks=self.follow_symlinks):
            if isinstance(entry, IngestError):
                report.errors.append((entry.origin, entry.message))
                continue
            report.sources += 1
            state = self._check(entry, report)
            if state is None:
                continue
            source_key, source_fp, items = state
            report.sources_changed += 1
            for item in items:
                if isinstance(item, IngestError):  # fixed by the content: reported, source recorded
                    report.errors.append((item.origin, item.message))
                    continue
                key = ITEM_PREFIX + item.origin
                fp = item_fingerprint(item)
                if self.seen.get(key) == fp:
                    report.items_unchanged += 1
                    continue
                buffer.append((source_key, key, fp, item))
                report.items_new += 1
                if len(buffer) >= self.flush_items:
                    flush()
            finished.append((source_key, source_fp))
            if len(buffer) >= self.flush_items:
                flush()
        flush()
        return report

    def _check(self, entry: str, report: PollReport) -> tuple[str, str, Iterator[Any]] | None:
        """(key, fingerprint, its articles) for a new or changed source; None when unchanged."""
        if is_url(entry):
            try:
                got = self.fetcher.fetch(entry)
            except FetchError as exc:
                report.errors.append((entry, str(exc)))
                return None
            key = SOURCE_PREFIX + entry
            fp = "sha256:" + hashlib.sha256(got.content).hexdigest()
            if self.seen.get(key) == fp:
                return None
            fetcher = _Prefetched(got, self.fetcher)
            fetcher.urls.add(entry)
            return key, fp, read_url(entry, self.limits, self.mapping, fetcher, self.follow_links)
        path = os.path.abspath(entry)
        try:
            st = os.stat(path)
        except OSError as exc:
            report.errors.append((display_path(entry), f"cannot read: {exc.strerror or exc}"))
            return None
        why = not_regular(path)
        if why:  # a named pipe: fingerprinting it would wait for a writer forever
            report.errors.append((display_path(entry), why))
            return None
        if self.settle and time.time() - st.st_mtime < self.settle:
            report.sources_pending += 1
            return None
        cached = self._stat_cache.get(path)
        if cached and cached[:2] == (st.st_size, st.st_mtime_ns):
            fp = cached[2]
        else:
            try:
                fp = file_fingerprint(path)
            except OSError as exc:
                report.errors.append((display_path(entry), f"cannot read: {exc.strerror or exc}"))
                return None
            self._stat_cache[path] = (st.st_size, st.st_mtime_ns, fp)
        key = SOURCE_PREFIX + display_path(path)
        if self.seen.get(key) == fp:
            return None
        return key, fp, read_path(entry, self.limits, self.mapping)

    def _mark(self, key: str, fingerprint: str) -> None:
        if self.seen.get(key) != fingerprint:
            self.store.mark_source(key, fingerprint)
            self.seen[key] = fingerprint

    # -- the loop -----------------------------------------------------------------------------
    def run(
        self,
        interval: float,
        *,
        once: bool = False,
        max_polls: int | None = None,
        stop: threading.Event | None = None,
        on_poll: Callable[[PollReport], None] | None = None,
    ) -> list[PollReport]:
        """Poll every ``interval`` seconds until ``stop`` is set, ``max_polls`` is reached or ``once``.

        With ``once``, a source still being written is waited for (re-polled after ``settle``)
        rather than skipped, so a single run reads everything that is there.
        """
        stop = stop or threading.Event()
        reports: list[PollReport] = []
        while not stop.is_set():
            started = time.monotonic()
            report = self.poll()
            reports.append(report)
            if on_poll:
                on_poll(report)
            if max_polls is not None and len(reports) >= max_polls:
                break
            if once and not report.sources_pending:
                break
            wait = self.settle if report.sources_pending else interval - (time.monotonic() - started)
            stop.wait(max(0.05, wait))
        return reports


def _add(total: IngestReport, part: IngestReport) -> None:
    total.inputs += part.inputs
    total.documents_new += part.documents_new
    total.documents_existing += part.documents_existing
    total.near_duplicates += part.near_duplicates
    total.events += part.events
    total.incidents_changed += part.incidents_changed
    total.people += part.people
    total.errors.extend(part.errors)
