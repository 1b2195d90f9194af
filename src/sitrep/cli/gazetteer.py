"""``sitrep gazetteer import|list|remove``: the user's own gazetteer layer (villages from GeoNames or OCHA)."""

from __future__ import annotations

from pathlib import Path

import click

from sitrep.cli.options import emit, format_option

_DIR_HELP = "Layer directory (default: the gazetteer_dir setting, else $SITREP_GAZETTEER_DIR or the user data dir)."


def _directory(directory: str | None) -> Path:
    from sitrep.config import load_settings
    from sitrep.geo.user_gazetteer import user_dir

    chosen = directory or load_settings().gazetteer_dir
    return Path(chosen).expanduser() if chosen else user_dir()


@click.group()
def gazetteer() -> None:
    """Your own gazetteer layer: villages extraction finds ahead of the packaged towns.

    Import a GeoNames country dump (SY.txt, IQ.txt, the allCountries format) or an OCHA/HDX P-code
    CSV; `sitrep extract`, `places` and `ingest` then place reports in those villages.
    """


@gazetteer.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--alternate-names", type=click.Path(exists=True, dir_okay=False), default=None,
              help="GeoNames alternateNamesV2.txt: more spellings for the places imported.")
@click.option("--name", default=None, help="Layer name (default: the file name without extension).")
@click.option("--dir", "directory", default=None, help=_DIR_HELP)
def import_(files: tuple[str, ...], alternate_names: str | None, name: str | None, directory: str | None) -> None:
    """Load GeoNames dumps or P-code CSVs into the layer (a file imported again replaces its layer)."""
    from sitrep.geo.user_gazetteer import import_files

    done = import_files([Path(f) for f in files], Path(alternate_names) if alternate_names else None,
                        _directory(directory), name)
    for info in done:
        click.echo(f"{info.name}: {info.places} places from {info.source} -> {info.path}")


@gazetteer.command(name="list")
@click.option("--dir", "directory", default=None, help=_DIR_HELP)
@format_option
def list_(directory: str | None, fmt: str) -> None:
    """The imported layers with their number of places and source file."""
    from sitrep.geo.user_gazetteer import layer_info

    rows = [{"name": i.name, "places": i.places, "source": i.source, "path": str(i.path)}
            for i in layer_info(_directory(directory))]
    emit(rows, fmt, ["name", "places", "source", "path"])


@gazetteer.command()
@click.argument("name")
@click.option("--dir", "directory", default=None, help=_DIR_HELP)
def remove(name: str, directory: str | None) -> None:
    """Delete one imported layer by name."""
    from sitrep.geo.user_gazetteer import remove_layer

    click.echo(f"removed {remove_layer(name, _directory(directory))}")
