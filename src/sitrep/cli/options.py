"""Options and output helpers shared by every command (declared once)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import click

from sitrep.engines import AUTO_MIN_ITEMS, ENGINE_NAMES
from sitrep.errors import InputError, UsageError
from sitrep.records import flatten
from sitrep.store.base import Query

if TYPE_CHECKING:
    from sitrep.config import Settings
    from sitrep.engines import Engine

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("table", "json", "jsonl", "csv")
TABLE_ROWS = 50  # rows a table shows unless --limit or --all says otherwise
CELL_CHARS = 80  # longest cell a table shows before it cuts at a word with "…"
# column keys -> headings people read (a key not listed is shown with spaces for "_" and ".")
HEADINGS = {
    "event_type": "type", "sub_event_type": "sub-type", "location.name": "place", "location.admin1": "province",
    "location": "place", "actor1.name": "actor 1", "actor2.name": "actor 2", "fatalities": "killed",
    "evidence.text": "evidence", "incident_id": "incident", "side_by_side": "values (sources)",
    "published_precision": "precision", "duplicate_of": "duplicate of", "first_seen": "first seen",
    "last_seen": "last seen", "label": "source",
}


def one_line(text: str) -> str:
    """Control characters (a newline in a file name, an escape sequence) escaped, so one failure is one line
    and stored text never drives the terminal."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut at a word boundary with "…" when longer than ``width`` characters."""
    s = " ".join(text.split())
    if len(s) <= width:
        return s
    cut = s[: width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-(") + "…"


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


def _country(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from sitrep.export import country_info
    from sitrep.store.common import country_code

    if country_info(country_code(value))["iso3"] is None:
        raise click.BadParameter(f"{value!r} matches no country (give an ISO code such as SY or a name such as Syria)")
    return value


def all_option(fn: F) -> F:
    """--all for a query command (a table shows the first TABLE_ROWS rows unless --limit or --all)."""
    return click.option("--all", "all_rows", is_flag=True, help=f"Every row (a table shows {TABLE_ROWS} by default).")(
        fn
    )


def table_cap(fmt: str, limit: int | None, all_rows: bool) -> int | None:
    """How many rows a command shows when neither --limit nor --all is given: TABLE_ROWS for a table."""
    return TABLE_ROWS if fmt == "table" and limit is None and not all_rows else None


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
        click.option("--country", default=None, callback=_country, help="Country: ISO code (SY) or name."),
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
    for n, _line, obj in read_jsonl_lines(path):
        yield n, obj


def read_jsonl_lines(path: str) -> Iterator[tuple[int, str, dict[str, Any] | InputError]]:
    """:func:`read_jsonl` with each line's own text (a caller that keeps the record need not write it again)."""
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
                yield n, line, InputError(f"{path}:{n}: not JSON ({exc.msg})")
                continue
            if not isinstance(obj, dict):
                yield n, line, InputError(f"{path}:{n}: each line must be a JSON object")
                continue
            yield n, line, obj


class _nullctx:
    def __init__(self, fh: TextIO) -> None:
        self.fh = fh

    def __enter__(self) -> TextIO:
        return self.fh

    def __exit__(self, *exc: object) -> None:
        return None


def emit(
    rows: Iterable[dict[str, Any]], fmt: str, columns: list[str], out: TextIO | None = None, cap: int | None = None
) -> None:
    """Write rows as table / json (one array) / jsonl / csv.

    A table fits the terminal (``COLUMNS``, else the terminal's width, else 120 when piped): one line a
    row, long cells cut at a word with "…", stored text shown as text (no markup, no control
    characters). With ``cap`` it shows that many rows and says on stderr how many more there are.
    """
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
        from rich.text import Text

        more = len(rows) - cap if cap is not None and len(rows) > cap else 0
        shown = rows[: len(rows) - more]
        headings = [HEADINGS.get(c, c.replace("_", " ").replace(".", " ")) for c in columns]
        cells = [[_cell(f.get(c)) for c in columns] for f in map(flatten, shown)]
        width = shutil.get_terminal_size((120, 24)).columns
        widths = fit_widths([max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headings)], width)
        table = Table(show_lines=False)
        for h, cw in zip(headings, widths, strict=False):
            table.add_column(
                Text(shorten(h, cw)), width=cw, min_width=cw, max_width=cw, no_wrap=True, overflow="ellipsis"
            )
        for row in cells:
            table.add_row(*[Text(shorten(v, cw)) for v, cw in zip(row, widths, strict=False)])
        buf = io.StringIO() if out is not sys.stdout else None
        console = Console(file=buf or sys.stdout, width=max(width, sum(widths) + 3 * len(widths) + 1))
        console.print(table, markup=False, emoji=False, highlight=False)
        if buf is not None:
            out.write(buf.getvalue())
        out.flush()
        if not rows:
            click.echo("(no rows)", err=True)
        elif more:
            click.echo(f"{len(shown)} of {len(rows)} rows shown; {more} more — use --limit N or --all", err=True)
        if len(widths) < len(columns):
            hidden = ", ".join(headings[len(widths) :])
            click.echo(f"columns left out to fit {width} characters: {hidden} (--format csv or json has all)", err=True)


MIN_COLUMN = 10  # a column narrower than this is left out rather than shown as a stub


def fit_widths(natural: list[int], width: int) -> list[int]:
    """Column widths for a table ``width`` characters wide (borders and padding take 3 per column + 1).

    The first column (the row's key: an id, a date, a name) stays whole; of the others, narrow ones keep
    their natural width and the widest are cut to a common cap, as high as fits. Columns at the end
    are left out when even MIN_COLUMN each does not fit.
    """
    cols = list(natural)
    while len(cols) > 1 and cols[0] + sum(min(n, MIN_COLUMN) for n in cols[1:]) + 3 * len(cols) + 1 > width:
        cols.pop()
    room = width - 3 * len(cols) - 1 - cols[0]
    rest = cols[1:]
    if sum(rest) <= room:
        return cols
    lo, hi = 1, max(rest)
    while lo < hi:  # the highest cap at which every column fits
        mid = (lo + hi + 1) // 2
        if sum(min(n, mid) for n in rest) <= room:
            lo = mid
        else:
            hi = mid - 1
    return [cols[0], *(max(1, min(n, lo)) for n in rest)]


def _cell(v: Any) -> str:
    """One table cell: a value as people read it, on one line, at most CELL_CHARS characters."""
    if v is None or v == "":
        return ""
    from sitrep.records import display_value

    return one_line(shorten(display_value(v), CELL_CHARS))
