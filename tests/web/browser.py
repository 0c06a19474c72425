"""Playwright (Python) driving Debian's /usr/bin/chromium, for the browser tests.

`playwright install` cannot download browsers here, so the system Chromium is used. Every request
that is not to 127.0.0.1 is aborted, and BBC Weather (the quick-exit target) is answered by a
local stub, so the tests never reach the internet."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
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
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM),
        args=CHROMIUM_ARGS,
        timeout=30_000,
        env={**os.environ, "TZ": "Europe/London"},
    )


# --- shared by the browser test modules (imported into them; see test_web_browser*.py) ----------


def serve_chat(apps, fake, **overrides) -> str:
    """Start a gateway in front of `fake` (FakeRasa) on 127.0.0.1; returns its URL."""
    import dataclasses

    from bot.web.app import create_app
    from bot.channels.safety_text import load_safety_text
    from bot.web.settings import Settings

    rasa_url = apps.start(fake.app)
    settings = dataclasses.replace(
        Settings(rasa_url=rasa_url, action_server_url=rasa_url, rasa_timeout_s=2.0), **overrides
    )
    text = load_safety_text()
    return apps.start(lambda: create_app(settings, safety_text=text, sweep_interval_s=0.5))


@pytest.fixture(scope="module")
def served():
    from tests.channels.fakes import FakeRasa, ServedApps

    fake = FakeRasa()
    with ServedApps() as apps:
        yield {"fake": fake, "url": serve_chat(apps, fake), "apps": apps}


@pytest.fixture(scope="module")
def playwright():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as running:
        yield running


@pytest.fixture(scope="module")
def browser(playwright):
    chromium = launch(playwright)
    try:
        yield chromium
    finally:
        chromium.close()


def settle_scroll(page) -> None:
    """Wait until smooth scrolling has stopped: the same position on three checks (at most 3 s)."""
    page.evaluate("""async () => {
        const frame = () => new Promise(r => requestAnimationFrame(r));
        for (let i = 0, last = -1, same = 0; i < 90 && same < 3; i++) {
            same = window.scrollY === last ? same + 1 : 0;
            last = window.scrollY; await frame(); await frame();
        }
    }""")


def _expect():
    return pytest.importorskip("playwright.sync_api").expect


def open_chat(page, url: str):
    """Open the chat page at `url` and wait for the greeting; returns the page."""
    page.goto(url + "/")
    _expect()(page.locator("#log .msg-bot").first).to_contain_text("computer program")
    return page


def send(page, text: str) -> None:
    """Type `text`, press Enter, and wait for one more bot message."""
    count = page.locator("#log .msg-bot").count()
    page.get_by_label("Type your message").fill(text)
    page.keyboard.press("Enter")
    _expect()(page.locator("#log .msg-bot")).to_have_count(count + 1)


def wait_for(condition, timeout_s: float = 5.0) -> bool:
    """Poll `condition()` every 50 ms for at most `timeout_s` seconds; its last value."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()
