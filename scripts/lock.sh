#!/usr/bin/env bash
# Regenerate requirements.lock (every extra, with hashes) from pyproject.toml.
# Pins already in the lock are kept; pass --upgrade to move them. Rerun after adding a dependency.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-python3}
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
"$PY" -m venv "$tools"
"$tools/bin/python" -m pip install -q pip-tools==7.6.2
"$tools/bin/pip-compile" --quiet --all-extras --generate-hashes --allow-unsafe --all-build-deps \
    --no-emit-index-url --no-emit-find-links --no-emit-trusted-host \
    --output-file=requirements.lock "$@" pyproject.toml
