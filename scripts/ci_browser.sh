#!/bin/sh
# Installs what the browser tests (tests/browser, pytest marker `browser`) need on a fresh Debian
# machine: Debian's Chromium and fonts from the distribution, and the Python side (playwright,
# Pillow, schemathesis, the web extra) into the project's virtualenv. Playwright drives
# /usr/bin/chromium; it never downloads a browser of its own (no `playwright install`).
# Usage: scripts/ci_browser.sh [PYTHON]   (default .venv/bin/python)
set -eu
PY="${1:-.venv/bin/python}"
SUDO=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
if [ ! -x /usr/bin/chromium ]; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
        chromium fonts-dejavu-core fonts-liberation >/dev/null
fi
"$PY" -m pip install -q -e '.[web,dev]'
/usr/bin/chromium --version
"$PY" -c "import importlib.metadata as m, starlette, uvicorn; print('playwright', m.version('playwright'))"
