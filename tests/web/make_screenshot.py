"""Screenshots of the chat on a phone (360x740 CSS px, as the README shows them):

    .venv/bin/python tests/web/make_screenshot.py docs/img [--url http://127.0.0.1:8000]

writes docs/img/web-phone-first-screen.png (what a new user sees first) and
docs/img/web-phone-urgent.png (the screen right after a message about danger now: the reply with
its Call 999 control, and the banner in the sticky bar).

Without --url it uses the fake Rasa from tests/channels/fakes.py (no trained model needed; the contact
lines are the real ones from the service directory). With --url it photographs the running
assistant (`make run`), real replies included: that is the README's picture."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from tests.web.browser import guard_network, launch, serve_chat, settle_scroll  # noqa: E402
from tests.channels.fakes import FakeRasa, ServedApps  # noqa: E402

URGENT = "he's outside my house and I'm scared he'll hurt me"


def main(out_dir: str, running_url: str | None = None) -> int:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with ServedApps() as apps:
        url = running_url.rstrip("/") if running_url else serve_chat(apps, FakeRasa())
        with sync_playwright() as playwright:
            browser = launch(playwright)
            context = browser.new_context(
                viewport={"width": 360, "height": 740}, device_scale_factor=2, has_touch=True, is_mobile=True
            )
            guard_network(context)
            page = context.new_page()
            page.goto(url + "/")
            expect(page.locator("#log .msg-bot").first).to_contain_text("computer program")
            page.evaluate("() => window.scrollTo(0, 0)")
            settle_scroll(page)
            page.screenshot(path=str(out / "web-phone-first-screen.png"))
            count = page.locator("#log .msg-bot").count()
            page.get_by_label("Type your message").fill(URGENT)
            page.get_by_role("button", name="Send").click()
            expect(page.locator("#banner-emergency")).to_be_visible(timeout=15_000)
            expect(page.locator("#log .msg-bot").nth(count)).to_be_visible()
            page.wait_for_timeout(500)
            settle_scroll(page)
            page.screenshot(path=str(out / "web-phone-urgent.png"))
            browser.close()
    print(f"wrote {out / 'web-phone-first-screen.png'} and {out / 'web-phone-urgent.png'}")
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    running = args[args.index("--url") + 1] if "--url" in args else None
    paths = [a for a in args if a != "--url" and a != running]
    sys.exit(main(paths[0] if paths else "docs/img", running))
