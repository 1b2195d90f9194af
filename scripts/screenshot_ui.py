"""Save a screenshot of the web UI (docs/screenshot-ui.png) from a running `sitrep serve`.

    sitrep demo --db demo.db && sitrep serve --db demo.db &
    .venv/bin/python scripts/screenshot_ui.py "http://127.0.0.1:8765/?country=SY" docs/screenshot-ui.png
Uses Debian's Chromium (/usr/bin/chromium) through Playwright; downloads nothing.
"""

from __future__ import annotations

import sys

from playwright.sync_api import sync_playwright

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main(url: str, out: str) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(url)
        page.wait_for_selector("body[data-ready]", timeout=30_000)
        page.wait_for_timeout(800)  # let the marker clusters settle
        page.screenshot(path=out)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8765/", sys.argv[2] if len(sys.argv) > 2 else
         "docs/screenshot-ui.png")
