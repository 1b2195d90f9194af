"""Generate the CLI reference (docs/cli.md) from the commands' own --help, or check it is current.

    python scripts/gen_cli_reference.py > docs/cli.md
    python scripts/gen_cli_reference.py --check docs/cli.md
"""

from __future__ import annotations

import sys
from pathlib import Path

from click.testing import CliRunner

from sitrep.cli import main


def reference() -> str:
    runner = CliRunner()
    parts = ["# sitrep command reference", ""]
    parts += ["Generated from `--help` by scripts/gen_cli_reference.py; do not edit.", ""]
    top = runner.invoke(main, ["--help"], prog_name="sitrep", terminal_width=100)
    parts += ["```", top.output.rstrip(), "```", ""]
    for name in sorted(main.commands):
        res = runner.invoke(main, [name, "--help"], prog_name="sitrep", terminal_width=100)
        parts += [f"## sitrep {name}", "", "```", res.output.rstrip(), "```", ""]
    return "\n".join(parts)


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
