"""Core commands: ingest, documents, the stateless batch commands, queries, demo, eval."""

from __future__ import annotations

import functools
import gc
import json
import os
import shlex
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from sitrep.cli.options import (
    all_option,
    db_option,
    emit,
    engine_options,
    filter_options,
    format_option,
    one_line,
    open_engine,
    open_output,
    output_option,
    query_from,
    read_jsonl,
    read_jsonl_lines,
    stream_engine_options,
    table_cap,
)
from sitrep.config import Settings, load_settings
from sitrep.engines import default_workers
from sitrep.errors import InputError, SitrepError, UsageError
from sitrep.store.base import Query, Store


def settings(**flags: Any) -> Settings:
    s = load_settings(**flags)
    if s.gazetteer_dir:  # the user gazetteer layer, for this process and the workers it starts
        os.environ["SITREP_GAZETTEER_DIR"] = s.gazetteer_dir
    return s


def store_for(db: str | None) -> Store:
    """The store a query reads: it must exist (only ingest, watch and demo create one)."""
    from sitrep.store import open_store

    return open_store(settings(db=db).db, create=False)


def _parse_mapping(value: str | None) -> dict[str, str] | None:
    if not value:
        return None
    from sitrep.ingest import parse_mapping

    try:
        return parse_mapping([value])
    except ValueError as exc:
        raise UsageError(f"--map: {exc}") from exc


# -- ingest -------------------------------------------------------------------------------------
@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@stream_engine_options
@click.option("--map", "mapping", default=None, help="Column mapping for CSV/JSONL: text=body,title=headline,...")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=None, help="Documents per engine batch.")
@click.option("--no-resolve", is_flag=True, help="Store events without resolving incidents.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--json", "as_json", is_flag=True, help="Print the run report as JSON.")
@click.option("--follow-symlinks", is_flag=True,
              help="Inside folders, also read links to files outside the folder (skipped by default).")
def ingest(
    paths: tuple[str, ...],
    db: str | None,
    engine: str | None,
    workers: int | None,
    scheduler: str | None,
    mapping: str | None,
    batch_size: int | None,
    no_resolve: bool,
    quiet: bool,
    as_json: bool,
    follow_symlinks: bool,
) -> None:
    """Read files, folders, globs, feeds and channel exports into the store (idempotent).

    Each input is cleaned, split into articles, dated, de-duplicated, and its events are
    extracted and resolved into incidents. One bad input never stops the batch: it is listed
    at the end and the exit code is 1.
    """
    s = settings(db=db, engine=engine, workers=workers, scheduler=scheduler, batch_size=batch_size)
    report = run_ingest(list(paths), s, mapping=_parse_mapping(mapping), resolve=not no_resolve, quiet=quiet,
                        follow_symlinks=follow_symlinks)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=1))
    else:
        click.echo(
            f"{report.documents_new} new documents, {report.documents_existing} already stored, "
            f"{report.near_duplicates} near-duplicates linked, {report.events} events, "
            f"{report.incidents_changed} incidents updated, {report.failed} inputs failed",
            err=True,
        )
    for origin, message in report.errors:
        click.echo(f"failed: {one_line(origin)}: {one_line(message)}", err=True)
    if report.errors:
        sys.exit(1)


def run_ingest(
    paths: list[str], s: Settings, *, mapping: dict[str, str] | None = None, resolve: bool = True, quiet: bool = False,
    follow_symlinks: bool = False,
) -> Any:
    from sitrep.pipeline import Pipeline
    from sitrep.store import open_store

    store = open_store(s.db)
    # the number of articles is not known before reading (folders, feeds, CSV): ``auto`` is local
    engine = open_engine(s, None)
    try:
        with _progress(quiet) as tick:
            pipe = Pipeline.from_settings(store, s, engine, resolve=resolve, progress=tick)
            return pipe.ingest(paths, mapping=mapping, follow_symlinks=follow_symlinks)
    finally:
        engine.close()
        store.close()


class _progress:
    """A rich progress bar on stderr (a no-op when quiet or not a terminal and CI)."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.bar: Any = None

    def __enter__(self) -> Callable[[int, str], None]:
        if self.quiet:
            return lambda n, label: None
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        self.bar = Progress(
            SpinnerColumn(),
            TextColumn("[bold]ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("articles"),
            TimeElapsedColumn(),
            TextColumn("{task.fields[label]}"),
            console=Console(stderr=True),
            transient=False,
        )
        self.bar.start()
        task = self.bar.add_task("ingest", total=None, label="")

        def tick(n: int, label: str) -> None:
            from rich.markup import escape

            self.bar.update(task, advance=n, label=escape(one_line(Path(label).name[-40:])) if label else "")

        return tick

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


# -- documents ----------------------------------------------------------------------------------
@click.command()
@db_option
@click.option("--text", default=None, help="Full-text search (FTS5 / tsvector).")
@click.option("--since", default=None, help="Published on or after (ISO).")
@click.option("--until", default=None, help="Published on or before (ISO).")
@click.option("--source", default=None, help="Outlet.")
@click.option("--limit", type=click.IntRange(1, 1_000_000), default=None, help="At most this many rows.")
@all_option
@format_option
def documents(
    db: str | None, text: str | None, since: str | None, until: str | None, source: str | None,
    limit: int | None, all_rows: bool, fmt: str,
) -> None:
    """List and search stored documents."""
    store = store_for(db)
    try:
        docs = store.documents(Query(text=text, since=since, until=until, source=source, limit=limit))
    finally:
        store.close()
    rows = [d.to_dict() for d in docs]
    emit(rows, fmt, ["id", "published", "published_precision", "label", "title", "duplicate_of"],
         cap=table_cap(fmt, limit, all_rows))


# -- stateless batch commands ---------------------------------------------------------------------
def _batch(
    in_path: str,
    output: str,
    per_chunk: Callable[[list[dict[str, Any]]], list[Any]],
    s: Settings | None = None,
    chunk: int = 32,
) -> None:
    """Apply per_chunk to the JSONL lines, a chunk at a time; bad lines are reported on stderr and skipped.

    per_chunk returns, for each record, its output rows or a one-line error string. With settings
    ``s`` the chunks run on its engine, chosen once the records are read (``auto`` knows their
    number, from a file or stdin); without, in this process.
    """
    failed = 0
    records: list[tuple[int, dict[str, Any]]] = []
    for n, obj in read_jsonl(in_path):
        if isinstance(obj, InputError):
            click.echo(f"failed: {one_line(str(obj))}", err=True)
            failed += 1
            continue
        records.append((n, obj))
    chunks = [records[i : i + chunk] for i in range(0, len(records), chunk)]
    payloads = [[obj for _, obj in c] for c in chunks]
    out = open_output(output)
    engine = open_engine(s, len(records)) if s is not None else None
    try:
        mapper: Iterator[list[Any]] = (
            engine.map(per_chunk, payloads, chunksize=1) if engine is not None else map(per_chunk, payloads)
        )
        for recs, results in zip(chunks, mapper, strict=True):
            for (n, obj), result in zip(recs, results, strict=True):
                if isinstance(result, str):
                    click.echo(f"failed: {one_line(in_path)}:{n} (id {obj.get('id')!r}): {one_line(result)}", err=True)
                    failed += 1
                    continue
                for row in result:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        if engine is not None:
            engine.close()
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()
    if failed:
        sys.exit(1)


def _each(fn: Callable[[dict[str, Any]], list[dict[str, Any]]], recs: list[dict[str, Any]]) -> list[Any]:
    """fn on every record; a failure becomes that record's one-line error, never the chunk's."""
    out: list[Any] = []
    for rec in recs:
        try:
            out.append(fn(rec))
        except SitrepError as exc:
            out.append(str(exc))
        except Exception as exc:  # one bad record never stops the batch
            out.append(f"{type(exc).__name__}: {exc}")
    return out


def extract_chunk(recs: list[dict[str, Any]], theatre: tuple[str, ...] = ()) -> list[Any]:
    """Events for a chunk of records; dated ones are parsed together (spaCy batches are faster).
    ``theatre``: the desk's countries for lines that do not name their own."""
    from sitrep.extract import extract_documents
    from sitrep.pipeline import document_from_record, record_theatre

    if theatre:
        recs = [rec if not isinstance(rec, dict) or rec.get("theatre") else dict(rec, theatre=list(theatre))
                for rec in recs]
    results: list[Any] = [None] * len(recs)
    dated: dict[tuple[str, ...], list[tuple[int, Any]]] = {}
    for i, rec in enumerate(recs):
        if rec.get("published") is not None:
            try:
                dated.setdefault(record_theatre(rec), []).append((i, document_from_record(rec)))
            except SitrepError as exc:
                results[i] = str(exc)
    for codes, group in dated.items():
        try:
            docs = [d for _, d in group]
            for (i, doc), events in zip(group, extract_documents(docs, theatre=codes), strict=True):
                results[i] = [(e if e.source else e.with_(source=doc.label)).to_dict() for e in events]
        except Exception:  # a document that breaks the batch: fall back to one at a time
            for i, _ in group:
                results[i] = _each(extract_rows, [recs[i]])[0]
    rest = [i for i, r in enumerate(results) if r is None]
    for i, r in zip(rest, _each(extract_rows, [recs[i] for i in rest]), strict=True):
        results[i] = r
    return results


def places_chunk(recs: list[dict[str, Any]], theatre: tuple[str, ...] = ()) -> list[Any]:
    if theatre:
        recs = [rec if not isinstance(rec, dict) or rec.get("theatre") else dict(rec, theatre=list(theatre))
                for rec in recs]
    return _each(places_rows, recs)


def dates_chunk(recs: list[dict[str, Any]]) -> list[Any]:
    return _each(dates_rows, recs)


def extract_rows(rec: dict[str, Any]) -> list[dict[str, Any]]:
    from sitrep.pipeline import extract_record

    return [e.to_dict() for e in extract_record(rec)]


def places_rows(rec: dict[str, Any]) -> list[dict[str, Any]]:
    from sitrep.extract.places import find_places
    from sitrep.pipeline import document_from_record, record_theatre

    doc = document_from_record(rec)
    return [{"id": doc.id, "places": [p.to_dict() for p in find_places(doc.text, home=record_theatre(rec))]}]


def dates_rows(rec: dict[str, Any]) -> list[dict[str, Any]]:
    from sitrep.extract.dates import find_dates
    from sitrep.pipeline import document_from_record

    doc = document_from_record(rec)
    return [{"id": doc.id, "dates": [m.to_dict() for m in find_dates(doc.text, doc.published)]}]


@click.command()
@click.argument("in_path", metavar="IN.jsonl")
@output_option
@engine_options
def extract(in_path: str, output: str, engine: str | None, workers: int | None, scheduler: str | None) -> None:
    """Events from documents: each input line {"id","text","published"?,"theatre"?,...} -> Event JSON lines."""
    s = settings(engine=engine, workers=workers, scheduler=scheduler)
    chunk = functools.partial(extract_chunk, theatre=s.theatre_codes) if s.theatre_codes else extract_chunk
    _batch(in_path, output, chunk, s)


@click.command()
@click.argument("in_path", metavar="IN.jsonl")
@output_option
@engine_options
def places(in_path: str, output: str, engine: str | None, workers: int | None, scheduler: str | None) -> None:
    """Toponyms only: per document {"id","places":[{mention,start,end,name,lat,lon,geonameid,country,admin1}]}."""
    s = settings(engine=engine, workers=workers, scheduler=scheduler)
    chunk = functools.partial(places_chunk, theatre=s.theatre_codes) if s.theatre_codes else places_chunk
    _batch(in_path, output, chunk, s)


@click.command()
@click.argument("in_path", metavar="IN.jsonl")
@output_option
def dates(in_path: str, output: str) -> None:
    """Time expressions only: per document {"id","dates":[{mention,start,end,value,precision}]}."""
    # in this process: ~1 ms of regex per document, no spaCy, so a worker pool never pays for its start-up
    _batch(in_path, output, dates_chunk)


@click.command()
@click.argument("in_path", metavar="EVENTS.jsonl")
@output_option
@click.option("--workers", type=click.IntRange(1, None), default=None,
              help="Processes that profile, pair and score the reports and build the incidents (default: the CPUs "
                   "this process may use); the incidents are the same for any number.")
def resolve(in_path: str, output: str, workers: int | None) -> None:
    """Merge extract output across documents into incidents with contradictions (stateless)."""
    # the reports read and the resolver's records (open incidents, profiles) live long: the cyclic collector's
    # default threshold (700 new objects) scans them again and again (8 % of the CPU of 100k events); a higher
    # one while resolving gives the same incidents sooner
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        _resolve_file(in_path, output, workers or default_workers())
    finally:
        gc.set_threshold(*thresholds)


def _resolve_file(in_path: str, output: str, workers: int) -> None:
    from sitrep.records import Event
    from sitrep.resolve import record_time_key, resolve_stream

    # the reports are kept as their JSON lines in time order and parsed into Event records chunk by chunk, so
    # memory holds one chunk of Event records and the open incidents, not the whole input
    keyed: list[tuple[tuple[int, int], int, bytes]] = []
    failed = 0

    def not_an_event(n: int, exc: Exception) -> None:
        nonlocal failed
        click.echo(f"failed: {in_path}:{n}: not an event ({type(exc).__name__}: {exc})", err=True)
        failed += 1

    for n, line, obj in read_jsonl_lines(in_path):
        if isinstance(obj, InputError):
            click.echo(f"failed: {one_line(str(obj))}", err=True)
            failed += 1
            continue
        try:
            key = record_time_key(obj)
        except (KeyError, TypeError, ValueError) as exc:
            not_an_event(n, exc)
            continue
        keyed.append((key, n, line.strip().encode("utf-8")))  # the line as read: parsed below, in time order
    keyed.sort(key=lambda t: (t[0], t[1]))

    def events() -> Iterator[Event]:
        for _, n, raw in keyed:
            try:
                yield Event.from_dict(json.loads(raw))
            except (KeyError, TypeError, ValueError) as exc:  # a bad report is left out, the others resolved
                not_an_event(n, exc)

    out = open_output(output)
    try:
        for inc in resolve_stream(events(), workers=workers):
            out.write(json.dumps(inc.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    if failed:
        sys.exit(1)


# -- queries ------------------------------------------------------------------------------------
EVENT_COLUMNS = ["date", "event_type", "sub_event_type", "location.name", "location.admin1", "actor1.name",
                 "actor2.name", "fatalities", "source", "evidence.text"]
INCIDENT_COLUMNS = ["incident_id", "date", "event_type", "sub_event_type", "location.name", "fatalities",
                    "sources", "contradictions"]


@click.command()
@db_option
@filter_options
@all_option
@format_option
@click.option("--include-generic", is_flag=True, help="Also list generic/aggregate mentions.")
def events(db: str | None, fmt: str, include_generic: bool, all_rows: bool, **kw: Any) -> None:
    """Events (one per source report) with filters."""
    q = query_from(kw)
    store = store_for(db)
    try:
        rows = [e.to_dict() for e in store.events(q) if include_generic or not e.generic]
    finally:
        store.close()
    emit(rows, fmt, EVENT_COLUMNS, cap=table_cap(fmt, q.limit, all_rows))


@click.command()
@db_option
@filter_options
@all_option
@format_option
def incidents(db: str | None, fmt: str, all_rows: bool, **kw: Any) -> None:
    """Incidents: merged reports with consensus values."""
    q = query_from(kw)
    store = store_for(db)
    try:
        rows = [i.to_dict() for i in store.incidents(q)]
    finally:
        store.close()
    if fmt == "table":
        for r in rows:
            r["contradictions"] = ", ".join(c["field"] for c in r["contradictions"])
    emit(rows, fmt, INCIDENT_COLUMNS, cap=table_cap(fmt, q.limit, all_rows))


@click.command()
@db_option
@filter_options
@all_option
@format_option
def conflicts(db: str | None, fmt: str, all_rows: bool, **kw: Any) -> None:
    """Contradictions between sources, one row per disputed field, values side by side."""
    q = query_from(kw)
    store = store_for(db)
    try:
        incs = store.incidents(q)
    finally:
        store.close()
    rows = []
    for inc in incs:
        for c in inc.contradictions:
            rows.append(
                {
                    "incident_id": inc.incident_id,
                    "date": inc.date,
                    "location": inc.location.label if inc.location else None,
                    "field": c.field,
                    "kind": c.kind,
                    "values": [v.to_dict() for v in c.values],
                    "side_by_side": " | ".join(
                        f"{v.label} ({', '.join(v.sources) or 'unknown source'})" for v in c.values
                    ),
                }
            )
    emit(rows, fmt, ["incident_id", "date", "location", "field", "side_by_side"], cap=table_cap(fmt, q.limit, all_rows))


@click.command()
@db_option
@click.option("--name", default=None, help="Name or alias (substring).")
@click.option("--limit", type=click.IntRange(1, 1_000_000), default=None, help="At most this many rows.")
@all_option
@format_option
def people(db: str | None, name: str | None, limit: int | None, all_rows: bool, fmt: str) -> None:
    """Who's who: person, role, organisation, first/last seen (document time)."""
    store = store_for(db)
    try:
        rows = [p.to_dict() for p in store.people(name=name, limit=limit)]
    finally:
        store.close()
    emit(rows, fmt, ["name", "role", "organisation", "country", "first_seen", "last_seen", "aliases", "sources"],
         cap=table_cap(fmt, limit, all_rows))


@click.command()
@db_option
@format_option
def stats(db: str | None, fmt: str) -> None:
    """Counts of documents, events, incidents, contradictions and people in the store."""
    store = store_for(db)
    try:
        st = store.stats()
    finally:
        store.close()
    emit([st], fmt, list(st))


# -- demo and eval ------------------------------------------------------------------------------
@click.command()
@db_option
@click.option("--brief", "brief_path", default="brief.html", show_default=True, help="Where to write the brief.")
@click.option("--fresh/--keep", default=True, help="Start from an empty database (default) or add to it.")
@click.option("--country", default="SY", show_default=True, help="Country the brief covers.")
@stream_engine_options
def demo(
    db: str | None,
    brief_path: str,
    fresh: bool,
    country: str,
    engine: str | None,
    workers: int | None,
    scheduler: str | None,
) -> None:
    """Build a database from the bundled sample corpus, write a situation brief, say where to look."""
    s = settings(db=db, engine=engine, workers=workers, scheduler=scheduler)
    if fresh and "://" not in s.db:
        for suffix in ("", "-wal", "-shm"):
            Path(s.db + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    from sitrep.ingest import sample_corpus_paths

    report = run_ingest(sample_corpus_paths(), s, quiet=not sys.stderr.isatty())
    took = time.perf_counter() - t0
    from sitrep.brief import write_brief

    store = store_for(s.db)
    try:
        st = store.stats()
        write_brief(store, brief_path, Query(country=country))
    finally:
        store.close()
    click.echo(
        f"Ingested the sample corpus in {took:.1f}s: {st['documents']} documents "
        f"({st['duplicates']} near-duplicates), {st['events']} events, {st['incidents']} incidents, "
        f"{st['contradictions']} contradictions, {st['people']} people -> {s.db}"
    )
    for origin, message in report.errors:
        click.echo(f"failed: {one_line(origin)}: {one_line(message)}", err=True)
    click.echo(f"Situation brief: {Path(brief_path).resolve()}")
    cmd = shlex.quote(invocation())
    db_arg = shlex.quote(s.db)
    click.echo(f"Try:  {cmd} conflicts --db {db_arg}")
    click.echo(f"      {cmd} serve --db {db_arg}     (then open http://127.0.0.1:{s.port}/)")
    if cmd != "sitrep":
        activate = Path(sys.executable).parent / "activate"
        if activate.is_file():
            click.echo(f"      (or `source {shlex.quote(_relative(activate))}` once, then plain `sitrep ...`)")


def _relative(path: Path) -> str:
    """``path`` relative to the working folder when inside it (``.venv/bin/sitrep``), else absolute."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def invocation() -> str:
    """The command that runs this sitrep when pasted into the user's shell: ``sitrep`` when it is on PATH,
    else the script next to this Python (``.venv/bin/sitrep``), else ``python -m sitrep``."""
    script = Path(sys.executable).parent / "sitrep"
    found = shutil.which("sitrep")
    if found and script.is_file() and Path(found).resolve() == script.resolve():
        return "sitrep"
    if script.is_file():
        rel = _relative(script)
        return rel if "/" in rel else f"./{rel}"
    return f"{_relative(Path(sys.executable))} -m sitrep"


@click.command(name="eval")
@click.argument("gold", metavar="FILE")
@click.option("--limit", type=click.IntRange(1, 10_000_000), default=None, help="Only the first N documents.")
@click.option("--json", "as_json", default=None, help="Also write metrics as JSON to this file.")
def eval_(gold: str, limit: int | None, as_json: str | None) -> None:
    """Score the extractor on your own coded data (ACLED-style CSV or JSONL gold)."""
    from sitrep.extract.evaluate import score_file

    if not Path(gold).is_file():
        raise UsageError(f"no such file: {gold}")
    metrics = score_file(gold, limit=limit)
    width = max((len(k) for k in metrics), default=0)
    for key, value in metrics.items():
        if isinstance(value, float):
            click.echo(f"{key:<{width}}  {value:.3f}")
        elif isinstance(value, int | str) or value is None:
            click.echo(f"{key:<{width}}  {value}")
    per_sub = metrics.get("per_subtype") or {}
    if per_sub:
        click.echo("")
        click.echo(f"{'sub type':<38}  {'gold':>5}  {'pred':>5}  {'precision':>9}  {'recall':>6}")
        for sub, m in per_sub.items():
            p, r = m["precision"], m["recall"]
            click.echo(f"{sub:<38}  {m['gold']:>5}  {m['predicted']:>5}  "
                       f"{'-' if p is None else f'{p:.3f}':>9}  {'-' if r is None else f'{r:.3f}':>6}")
    if as_json:
        Path(as_json).write_text(json.dumps(metrics, indent=1), encoding="utf-8")
