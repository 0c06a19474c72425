"""Screenshot of the chat page (greeting + emergency banner) for the README.

    .venv/bin/python tests/web/make_screenshot.py docs/img/web-chat.png [--url http://127.0.0.1:8000]

Without --url it uses the fake Rasa from tests/web/fakes.py (no trained model needed; the contact
lines are the real ones from the service directory). With --url it photographs the running
assistant (`make run`), real replies included: that is the README's picture."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from bot.web.app import create_app  # noqa: E402
from bot.web.settings import Settings  # noqa: E402
from browser import guard_network, launch  # noqa: E402
from fakes import FakeRasa, ServedApps  # noqa: E402


def main(out: str, running_url: str | None = None) -> int:
    fake = FakeRasa()
    with ServedApps() as apps:
        if running_url:
            url = running_url.rstrip("/")
        else:
            rasa_url = apps.start(fake.app)
            settings = Settings(rasa_url=rasa_url, action_server_url=rasa_url)
            url = apps.start(lambda: create_app(settings))
        with sync_playwright() as playwright:
            browser = launch(playwright)
            context = browser.new_context(viewport={"width": 420, "height": 900}, device_scale_factor=2)
            guard_network(context)
            page = context.new_page()
            page.goto(url + "/")
            expect(page.locator("#log .msg-bot").first).to_contain_text("computer program")
            page.get_by_label("Type your message").fill("he's outside my house and I'm scared")
            page.keyboard.press("Enter")
            expect(page.locator("#banner-emergency")).to_be_visible()
            if not running_url:
                expect(page.locator("#log .msg-bot")).to_have_count(2)
            page.get_by_label("Type your message").blur()
            page.evaluate("() => window.scrollTo(0, 0)")
            Path(out).parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=out, full_page=True)
            browser.close()
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    running = args[args.index("--url") + 1] if "--url" in args else None
    paths = [a for a in args if a != "--url" and a != running]
    sys.exit(main(paths[0] if paths else "docs/img/web-chat.png", running))
