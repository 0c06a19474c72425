"""Playwright (Python) driving Debian's /usr/bin/chromium, for the browser tests.

`playwright install` cannot download browsers here, so the system Chromium is used. Every request
that is not to 127.0.0.1 is aborted, and BBC Weather (the quick-exit target) is answered by a
local stub, so the tests never reach the internet."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WEATHER_STUB = "<!doctype html><html lang=en><title>BBC Weather (test stub)</title><h1>Weather</h1></html>"

requires_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="/usr/bin/chromium is missing: run scripts/install_browser_deps.sh (CI does)",
)


def guard_network(context) -> list[str]:
    """Abort everything off this machine; stub BBC Weather. Returns the list of exits seen."""
    exits: list[str] = []

    def block(route):
        route.abort()

    def weather(route):
        exits.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body=WEATHER_STUB)

    # Later routes win: the weather stub first, then the catch-all abort for anything else.
    context.route(lambda url: not url.startswith("http://127.0.0.1"), block)
    context.route("**/www.bbc.co.uk/**", weather)
    return exits


def launch(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                      timeout=30_000, env={**os.environ, "TZ": "Europe/London"})
