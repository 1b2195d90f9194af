"""Scale commands: ``sitrep watch`` (continuous monitoring of folders, files and feeds)."""

from __future__ import annotations

import json
import signal
import sys
import threading
from types import FrameType

import click

from sitrep.cli.options import db_option, open_engine, stream_engine_options
from sitrep.errors import UsageError


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="PATH_OR_FEED...")
@db_option
@stream_engine_options
@click.option(
    "--interval", type=click.FloatRange(0.1, None), default=None,
    help="Seconds between polls (default: the watch_interval setting, 300).",
)
@click.option("--once", is_flag=True, help="Poll once, ingest what is new and exit.")
@click.option("--max-polls", type=click.IntRange(1, None), default=None, help="Stop after this many polls.")
@click.option(
    "--settle", type=click.FloatRange(0, None), default=1.0, show_default=True,
    help="Leave files modified less than this many seconds ago for a quick re-poll (still being written).",
)
@click.option("--map", "mapping", default=None, help="Column mapping for CSV/JSONL: text=body,title=headline,...")
@click.option("--follow-links", is_flag=True, help="For feed URLs, fetch each item's page instead of its summary.")
@click.option("--follow-symlinks", is_flag=True,
              help="Inside folders, also read links to files outside the folder (skipped by default).")
@click.option("--no-resolve", is_flag=True, help="Store events without resolving incidents.")
@click.option("--json", "as_json", is_flag=True, help="One JSON report per poll on stdout.")
def watch(
    sources: tuple[str, ...],
    db: str | None,
    engine: str | None,
    workers: int | None,
    scheduler: str | None,
    interval: float | None,
    once: bool,
    max_polls: int | None,
    settle: float,
    mapping: str | None,
    follow_links: bool,
    follow_symlinks: bool,
    no_resolve: bool,
    as_json: bool,
) -> None:
    """Poll folders, files, feed files and feed URLs; ingest only what is new.

    Each source and each article in it is fingerprinted in the database, so a restarted
    watcher ingests nothing twice. New articles are resolved into incidents incrementally.
    Stop with Ctrl-C or SIGTERM (the poll in progress finishes first).
    """
    from sitrep.cli.core import settings
    from sitrep.ingest import parse_mapping
    from sitrep.pipeline import Pipeline
    from sitrep.store import open_store
    from sitrep.watch import PollReport, Watcher

    s = settings(db=db, engine=engine, workers=workers, scheduler=scheduler, watch_interval=interval)
    try:
        cols = parse_mapping([mapping]) if mapping else None
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    stop = threading.Event()

    def on_signal(_signum: int, _frame: FrameType | None) -> None:
        click.echo("stopping after this poll", err=True)
        stop.set()

    previous = signal.signal(signal.SIGTERM, on_signal)
    store = open_store(s.db)
    eng = open_engine(s, None)  # polls of unknown size: ``auto`` is local
    failed = 0
    try:
        pipe = Pipeline.from_settings(store, s, eng, resolve=not no_resolve)
        watcher = Watcher(pipe, list(sources), mapping=cols, follow_links=follow_links,
                          follow_symlinks=follow_symlinks, settle=settle)

        def on_poll(report: PollReport) -> None:
            nonlocal failed
            failed += len(report.errors) + report.ingest.failed
            if as_json:
                click.echo(json.dumps(report.to_dict()))
                sys.stdout.flush()
            click.echo(report.summary(), err=True)
            for origin, message in [*report.errors, *report.ingest.errors]:
                click.echo(f"failed: {origin}: {message}", err=True)

        click.echo(
            f"watching {len(sources)} source(s) every {s.watch_interval:g} s into {store.url}"
            + (" (once)" if once else ""),
            err=True,
        )
        watcher.run(s.watch_interval, once=once, max_polls=max_polls, stop=stop, on_poll=on_poll)
    finally:
        signal.signal(signal.SIGTERM, previous)
        eng.close()
        store.close()
    if once and failed:
        sys.exit(1)
