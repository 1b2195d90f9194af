"""Output commands: export, brief, serve (each a thin layer over one library call)."""

from __future__ import annotations

from typing import Any

import click

from sitrep.cli.options import db_option, filter_options, open_output, output_option, query_from
from sitrep.config import default, load_settings
from sitrep.errors import UsageError
from sitrep.store.base import Store


def _store(db: str | None) -> Store:
    """The store an output command reads: it must exist (only ingest, watch and demo create one)."""
    from sitrep.store import open_store

    return open_store(load_settings(db=db).db, create=False)


@click.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "acled-csv", "geojson"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one record per line; acled-csv: ACLED columns, one row per incident; geojson: RFC 7946.",
)
@click.option(
    "--what",
    type=click.Choice(["incidents", "events"]),
    default="incidents",
    show_default=True,
    help="Records to export (jsonl and geojson; acled-csv is always incidents).",
)
@filter_options
@output_option
def export(db: str | None, fmt: str, what: str, output: str, **kw: Any) -> None:
    """Export events or incidents as JSONL, ACLED-compatible CSV or GeoJSON."""
    from sitrep.export import export as run_export

    q = query_from(kw)
    store = _store(db)
    try:
        out = open_output(output)
        try:
            result = run_export(store, out, fmt, q, what)  # type: ignore[arg-type]
        finally:
            if output != "-":
                out.close()
    finally:
        store.close()
    if output != "-":
        click.echo(f"wrote {result.count} {result.what} to {output} ({fmt})", err=True)


@click.command()
@db_option
@filter_options
@click.option("-o", "--output", default="brief.html", show_default=True, help="brief.html or brief.md.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "md"]),
    default=None,
    help="Default: from the file suffix (.md -> Markdown, otherwise HTML).",
)
def brief(db: str | None, output: str, fmt: str | None, **kw: Any) -> None:
    """Write a situation brief: numbers, map, timeline, top incidents, contradictions, who's who.

    The HTML file is self-contained (inline SVG, no scripts, no network), so it opens offline
    and can be mailed as it is.
    """
    from sitrep.brief import write_brief

    q = query_from(kw)
    store = _store(db)
    try:
        data = write_brief(store, output, q, fmt)
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror}") from exc
    finally:
        store.close()
    h = data.headline()
    click.echo(
        f"wrote {output}: {h['incidents']} incidents, {h['reports']} reports, {h['contradictions']} contradictions",
        err=True,
    )


@click.command()
@db_option
@click.option("--host", default=None, help=f"Address to bind (default {default('host')}).")
@click.option("--port", type=click.IntRange(1, 65535), default=None, help=f"Port (default {default('port')}).")
@click.option(
    "--token",
    default=None,
    help="Enable the write endpoint (POST /api/documents) for requests bearing this token.",
)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Server processes.")
@click.option("--allow-remote", is_flag=True, help="Allow binding to an address other than loopback.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests for this Host name (repeatable; '*' = any). Other names get 421 "
                   "(DNS rebinding guard).")
def serve(
    db: str | None, host: str | None, port: int | None, token: str | None, workers: int, allow_remote: bool,
    allow_hosts: tuple[str, ...],
) -> None:
    """Serve the web UI and the JSON API (read-only unless a token is set) on localhost."""
    from sitrep.serve import check_bind, run
    from sitrep.store import require_existing

    s = load_settings(db=db, host=host, port=port, token=token)
    check_bind(s.host, allow_remote)  # a usage error first, then the database
    require_existing(s.db)
    run(s.db, host=s.host, port=s.port, token=s.token or None, workers=workers, allow_remote=allow_remote,
        allow_hosts=allow_hosts, announce=lambda line: click.echo(line, err=True))
