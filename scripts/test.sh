#!/usr/bin/env bash
# The whole test suite, as CI runs it (called by `make test`).
# Installs Debian's Chromium and PostgreSQL when running as root (or with passwordless sudo)
# and they are missing; otherwise the browser/PostgreSQL tests skip and say why.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

if [ -f scripts/ci_browser.sh ]; then
    bash scripts/ci_browser.sh || echo "test.sh: browser setup failed; browser tests will skip" >&2
fi
if [ -f scripts/ci_postgres.sh ]; then
    # shellcheck disable=SC1091
    source scripts/ci_postgres.sh || echo "test.sh: PostgreSQL setup failed; PostgreSQL tests will skip" >&2
fi

echo "== ruff"; $BIN/ruff check src tests benchmarks scripts
echo "== mypy"; $BIN/mypy
echo "== docs drift"; $BIN/python scripts/gen_cli_reference.py --check docs/cli.md
echo "== pytest"
status=0
$BIN/pytest -p no:cacheprovider "$@" || status=$?
if [ -f scripts/ci_postgres.sh ]; then bash scripts/ci_postgres.sh stop >/dev/null 2>&1 || true; fi
exit $status
