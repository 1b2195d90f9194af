"""The `sitrep` command: one entry point; every command is a thin layer over one library call."""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from sitrep._version import __version__
from sitrep.engines import one_blas_thread
from sitrep.errors import SitrepError

one_blas_thread()  # before anything loads numpy: the command's parallelism is its processes

# Modules whose click commands are registered on the group (each owns its commands).
COMMAND_MODULES = ("sitrep.cli.core", "sitrep.cli.outputs", "sitrep.cli.scale", "sitrep.cli.gazetteer")


class SitrepGroup(click.Group):
    """Turns domain errors into a one-line message and the documented exit code (no traceback)."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list with each command's whole first sentence, wrapped (click cuts it with "...")."""
        rows = [
            (name, cmd.get_short_help_str(limit=10_000))
            for name in self.list_commands(ctx)
            if (cmd := self.get_command(ctx, name)) is not None and not cmd.hidden
        ]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SitrepError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Exception as exc:  # last resort: one line, traceback only on request
            if os.environ.get("SITREP_DEBUG"):
                raise
            click.echo(f"error: {type(exc).__name__}: {exc} (set SITREP_DEBUG=1 for a traceback)", err=True)
            ctx.exit(1)


@click.group(cls=SitrepGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="sitrep")
def main() -> None:
    """sitrep: news reports about armed conflict -> a source-attributed event record.

    Every value is tied to the sentence that states it; reports of one incident are merged and
    their disagreements shown side by side.
    """


def _register() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # an optional command module not present in this build
                continue
            raise
        for obj in vars(module).values():
            if isinstance(obj, click.Command) and obj.name and obj.name not in main.commands and obj is not main:
                main.add_command(obj)


_register()


def run() -> None:  # pragma: no cover - console entry used by `python -m sitrep`
    main(prog_name="sitrep")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
