"""Options and output helpers shared by every command (declared once)."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import click

from sitrep.engines import AUTO_MIN_ITEMS, ENGINE_NAMES
from sitrep.errors import InputError, UsageError
from sitrep.store.base import Query

if TYPE_CHECKING:
    from sitrep.config import Settings
    from sitrep.engines import Engine

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("table", "json", "jsonl", "csv")


def db_option(fn: F) -> F:
    return click.option(
        "--db",
        envvar="SITREP_DB",
        default=None,
        show_envvar=True,
        help="Database: a SQLite path or a postgresql:// URL (default ./sitrep.db).",
    )(fn)


def format_option(fn: F) -> F:
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True, help="Output format."
    )(fn)


def output_option(fn: F) -> F:
    return click.option("-o", "--output", default="-", show_default=True, help="Output file ('-' = stdout).")(fn)


def _engine_options(fn: F, engine_help: str) -> F:
    fn = click.option("--scheduler", default=None, help="Dask scheduler address, e.g. tcp://host:8786.")(fn)
    fn = click.option("--workers", type=int, default=None, help="Workers for processes/dask (default: cores).")(fn)
    return click.option("--engine", type=click.Choice(ENGINE_NAMES), default=None, help=engine_help)(fn)


def engine_options(fn: F) -> F:
    """--engine --workers --scheduler for a command that knows its number of documents before it runs."""
    return _engine_options(
        fn, f"Where stages run (default auto: processes for {AUTO_MIN_ITEMS}+ documents on 2+ cores, else local)."
    )


def stream_engine_options(fn: F) -> F:
    """The same for ingest-like commands, whose number of articles is only known once read (auto = local)."""
    return _engine_options(
        fn, "Where stages run (default auto, which is local here: the number of articles is not known up front)."
    )


def open_engine(s: Settings, n_items: int | None = None) -> Engine:
    """The settings' engine for a job of ``n_items`` documents (None = unknown, so ``auto`` is local).

    Says on stderr which engine ``auto`` picked when it is not ``local``; a bad engine name or
    option combination is a usage error.
    """
    from sitrep.engines import get_engine

    try:
        eng = get_engine(s.engine, workers=s.workers or None, scheduler=s.scheduler or None, n_items=n_items)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    if s.engine == "auto" and eng.name != "local":
        click.echo(f"engine: auto -> {eng.name} ({eng.workers} workers)", err=True)
    return eng


def _near(_ctx: click.Context, _param: click.Parameter, value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError as exc:
        raise click.BadParameter("expected LAT,LON,KM, e.g. 34.56,38.28,50") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km <= 20_000):
        raise click.BadParameter("LAT in [-90,90], LON in [-180,180], KM in (0, 20000]")
    return lat, lon, km


def _iso(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from sitrep.records import date_bounds

    if date_bounds(value)[0] is None:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def filter_options(fn: F) -> F:
    """--country --admin1 --since --until --type --actor --near --text --source --limit."""
    opts = [
        click.option("--limit", type=click.IntRange(1, 1_000_000), default=None, help="At most this many rows."),
        click.option("--source", default=None, help="Outlet / source name."),
        click.option("--text", default=None, help="Full-text search in evidence and documents."),
        click.option("--near", default=None, callback=_near, help="LAT,LON,KM: within KM of a point."),
        click.option("--actor", default=None, help="Actor name or alias (substring)."),
        click.option("--type", "type_", default=None, help="Event type or sub-event type."),
        click.option("--until", default=None, callback=_iso, help="Up to this date (ISO, inclusive)."),
        click.option("--since", default=None, callback=_iso, help="From this date (ISO, inclusive)."),
        click.option("--admin1", default=None, help="Province / governorate."),
        click.option("--country", default=None, help="Country: ISO code (SY) or name."),
    ]
    for opt in opts:
        fn = opt(fn)
    return fn


def query_from(kw: dict[str, Any]) -> Query:
    """Pop the filter options out of a command's kwargs into a Query."""
    return Query(
        country=kw.pop("country", None),
        admin1=kw.pop("admin1", None),
        since=kw.pop("since", None),
        until=kw.pop("until", None),
        type=kw.pop("type_", None),
        actor=kw.pop("actor", None),
        near=kw.pop("near", None),
        text=kw.pop("text", None),
        source=kw.pop("source", None),
        limit=kw.pop("limit", None),
    )


def open_output(path: str) -> TextIO:
    if path == "-":
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from exc


def read_jsonl(path: str) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    """Yield (line number, object or InputError) for every non-empty line of a JSONL file or stdin."""
    try:
        fh: TextIO = sys.stdin if path == "-" else open(path, encoding="utf-8", errors="replace")  # noqa: SIM115
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from exc
    with fh if path != "-" else _nullctx(fh):
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield n, InputError(f"{path}:{n}: not JSON ({exc.msg})")
                continue
            if not isinstance(obj, dict):
                yield n, InputError(f"{path}:{n}: each line must be a JSON object")
                continue
            yield n, obj


class _nullctx:
    def __init__(self, fh: TextIO) -> None:
        self.fh = fh

    def __enter__(self) -> TextIO:
        return self.fh

    def __exit__(self, *exc: object) -> None:
        return None


def flatten(d: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(flatten(v, key + "."))
        elif isinstance(v, list):
            out[key] = json.dumps(v, ensure_ascii=False) if v and isinstance(v[0], dict) else "; ".join(map(str, v))
        else:
            out[key] = v
    return out


def emit(rows: Iterable[dict[str, Any]], fmt: str, columns: list[str], out: TextIO | None = None) -> None:
    """Write rows as table / json (one array) / jsonl / csv."""
    out = out or sys.stdout
    rows = list(rows)
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        flat = [flatten(r) for r in rows]
        keys: list[str] = []
        for f in flat:
            keys += [k for k in f if k not in keys]
        from sitrep.export import csv_safe

        w = csv.DictWriter(out, fieldnames=keys)
        w.writeheader()
        w.writerows({k: csv_safe(v) for k, v in f.items()} for f in flat)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in rows:
            f = flatten(r)
            table.add_row(*[_cell(f.get(c)) for c in columns])
        buf = io.StringIO() if out is not sys.stdout else None
        Console(file=buf or sys.stdout, width=160).print(table)
        if buf is not None:
            out.write(buf.getvalue())
        if not rows:
            click.echo("(no rows)", err=True)


def _cell(v: Any) -> str:
    if v is None:
        return ""
    s = str(v)
    return s if len(s) <= 90 else s[:87] + "..."
