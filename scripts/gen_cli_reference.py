"""Generate the CLI reference (docs/cli.md) from the commands' own --help, or check it is current.

    python scripts/gen_cli_reference.py > docs/cli.md
    python scripts/gen_cli_reference.py --check docs/cli.md
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from click.testing import CliRunner

from sitrep.cli import main
from sitrep.config import Settings


def settings_table() -> list[str]:
    """Every setting with its default, allowed range and help, from its one declaration in sitrep.config."""
    rows = ["## Settings", "",
            "Defaults < config file (`sitrep.toml`, `$SITREP_CONFIG`) < `SITREP_<NAME>` environment variables < "
            "flags. A value outside its range is a usage error (exit code 2) naming the setting.", "",
            "| setting | default | range | meaning |", "|---|---|---|---|"]
    for name, f in Settings.model_fields.items():
        bounds = {type(m).__name__: getattr(m, dataclasses.fields(m)[0].name) for m in f.metadata}
        low = f"{bounds['Ge']:,}" if "Ge" in bounds else (f"> {bounds['Gt']:,}" if "Gt" in bounds else "")
        high = f"{bounds['Le']:,}" if "Le" in bounds else ""
        span = f"{low} – {high}" if low or high else ""
        meaning = (f.description or "").replace("|", "/")
        rows.append(f"| `{name}` | `{f.default!r}` | {span} | {meaning} |")
    return [*rows, ""]


def reference() -> str:
    runner = CliRunner()
    parts = ["# sitrep command reference", ""]
    parts += ["Generated from `--help` by scripts/gen_cli_reference.py; do not edit.", ""]
    top = runner.invoke(main, ["--help"], prog_name="sitrep", terminal_width=100)
    parts += ["```", top.output.rstrip(), "```", ""]
    for name in sorted(main.commands):
        res = runner.invoke(main, [name, "--help"], prog_name="sitrep", terminal_width=100)
        parts += [f"## sitrep {name}", "", "```", res.output.rstrip(), "```", ""]
    return "\n".join(parts + settings_table())


def main_() -> int:
    text = reference()
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        path = Path(sys.argv[2])
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            print(f"{path} is out of date: run `make docs`", file=sys.stderr)
            return 1
        return 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main_())
