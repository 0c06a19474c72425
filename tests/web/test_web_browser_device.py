"""Issue 14, items 1 and 2 in a real browser (headless Chromium): nothing of the conversation is
kept on the device, and the chat works before and without JavaScript with no message in any URL.

Each test types a marker word and looks for it where it must not be: browser storage, cookies,
IndexedDB, Cache Storage, the profile folder on disk, addresses and the page after a restart,
after the server's expiry and after "Delete this chat"."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from tests.web.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    guard_network,
    open_chat,
    requires_chromium,
    send,
    serve_chat,
    wait_for,
)
from tests.web.browser import browser, playwright, served  # noqa: F401 (fixtures)
from tests.channels.fakes import FakeRasa, ServedApps

pytestmark = [pytest.mark.browser, requires_chromium]

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.set_default_timeout(10_000)
    guard_network(context)
    yield context
    context.close()


def record_urls(page) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.on("framenavigated", lambda frame: urls.append(frame.url))
    return urls


DEVICE_STORAGE = """async () => {
    const dump = (s) => Object.fromEntries(Object.keys(s).map(k => [k, s.getItem(k)]));
    const databases = indexedDB.databases ? (await indexedDB.databases()).map(d => d.name) : [];
    const caches_ = window.caches ? await caches.keys() : [];
    return {session: dump(sessionStorage), local: dump(localStorage), cookie: document.cookie,
            indexedDB: databases, caches: caches_};
}"""


def test_the_browser_holds_only_an_opaque_token_never_the_conversation(context, served):
    page = context.new_page()
    urls = record_urls(page)
    open_chat(page, served["url"])
    send(page, "my uncle touches me storagemarker")
    page.get_by_role("button", name="Not now").wait_for(state="detached")  # greeting buttons gone
    stored = page.evaluate(DEVICE_STORAGE)
    assert "storagemarker" not in json.dumps(stored)
    assert set(stored["session"]) <= {"chat.session", "chat.handoff"}, stored
    assert stored["local"] == {} and stored["cookie"] == "" and stored["indexedDB"] == []
    assert stored["caches"] == [] and context.cookies() == []
    token = stored["session"]["chat.session"]
    assert len(token) >= 40  # secrets.token_urlsafe(32): says nothing about the conversation
    assert [u for u in urls if "storagemarker" in u or "message" in u] == []


def test_a_reload_asks_the_server_for_the_conversation(context, served):
    page = context.new_page()
    open_chat(page, served["url"])
    send(page, "hes outside my house danger reloadmarker")
    asked = []
    page.on("request", lambda r: asked.append(r.url) if r.url.endswith("/api/transcript") else None)
    page.reload()
    expect(page.locator("#log")).to_contain_text("reloadmarker")
    assert asked, "the conversation came back without asking the server"
    expect(page.locator("#banner-emergency")).to_be_visible()
    expect(page.locator("#log .msg-urgent").get_by_role("link", name="Call 999")).to_be_visible()


def test_a_reload_after_the_servers_expiry_shows_nothing(browser):
    fake = FakeRasa()
    with ServedApps() as apps:
        url = serve_chat(apps, fake, session_idle_s=1.5)
        context = browser.new_context()
        guard_network(context)
        try:
            page = context.new_page()
            open_chat(page, url)
            send(page, "expirymarker private words")
            sender = next(s for s, m in fake.received if m == "expirymarker private words")
            assert wait_for(lambda: "/restart" in fake.messages_from(sender), timeout_s=6)  # swept
            page.reload()
            expect(page.locator("#log .msg-bot").first).to_contain_text("computer program")
            assert "expirymarker" not in page.locator("body").inner_text()
            assert "expirymarker" not in json.dumps(page.evaluate(DEVICE_STORAGE))
        finally:
            context.close()


@pytest.mark.parametrize("how", ["page button", "bot button"])
def test_a_reload_after_delete_this_chat_shows_nothing(context, served, how):
    fake = served["fake"]
    page = context.new_page()
    open_chat(page, served["url"])
    send(page, f"deletemarker {how}")
    sender = next(s for s, m in fake.received if m == f"deletemarker {how}")
    if how == "page button":
        page.locator("#delete-chat").click()
    else:  # the bot's own "Delete this chat" (domain.yml utter_privacy) must delete too
        send(page, "privacy please")
        page.locator("#log").get_by_role("button", name="Delete this chat").click()
    expect(page.locator("#status")).to_have_text("This chat has been deleted.")
    assert wait_for(lambda: "/restart" in fake.messages_from(sender))
    expect(page.locator("#log .msg-bot")).to_have_count(1)  # a fresh greeting
    page.reload()
    expect(page.locator("#log .msg-bot").first).to_contain_text("computer program")
    assert "deletemarker" not in page.locator("body").inner_text()


PROFILE_LAUNCH_TIMEOUT_MS = 60_000
PROFILE_LAUNCH_ATTEMPTS = 2


def _launch_with_profile(playwright, profile: Path, javascript: bool = True):
    # Chromium with a persistent profile hung at start-up once in a fresh-clone CI run on a loaded
    # 2-core machine (2026-11-30: launch timed out, no page had been opened; the same test passed
    # alone in 19 s): one bounded retry of the launch itself, never of what the test checks
    for attempt in range(1, PROFILE_LAUNCH_ATTEMPTS + 1):
        try:
            context = playwright.chromium.launch_persistent_context(
                str(profile),
                executable_path=str(CHROMIUM),
                headless=True,
                args=CHROMIUM_ARGS + ["--restore-last-session"],
                viewport={"width": 360, "height": 740},
                java_script_enabled=javascript,
                env={**os.environ, "TZ": "Europe/London"},
                timeout=PROFILE_LAUNCH_TIMEOUT_MS,
            )
            break
        except sync_api.TimeoutError:
            if attempt == PROFILE_LAUNCH_ATTEMPTS:
                raise
    context.set_default_timeout(10_000)
    guard_network(context)
    return context


def _files_holding(folder: Path, word: bytes) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        try:
            if path.is_file() and word in path.read_bytes():
                found.append(str(path.relative_to(folder)))
        except OSError:
            continue
    return found


def test_browser_restart_with_session_restore_shows_nothing_and_leaves_nothing_on_disk(
    tmp_path, served, playwright
):
    """Chromium with "Continue where you left off": the tab comes back, the conversation does not;
    no file of the profile holds the words, in JavaScript or without it."""
    fake = served["fake"]
    profile = tmp_path / "profile"
    (profile / "Default").mkdir(parents=True)
    (profile / "Default" / "Preferences").write_text(json.dumps({"session": {"restore_on_startup": 1}}))
    context = _launch_with_profile(playwright, profile)
    page = context.pages[0] if context.pages else context.new_page()
    open_chat(page, served["url"])
    send(page, "my uncle touches me restartmarker")
    sender = next(s for s, m in fake.received if m == "my uncle touches me restartmarker")
    page.get_by_label("Type your message").fill("typed but not sent restartmarker")
    context.close()
    assert _files_holding(profile, b"restartmarker") == []

    context = _launch_with_profile(playwright, profile)
    try:
        assert wait_for(lambda: any(p.url.startswith(served["url"]) for p in context.pages))
        restored = next(p for p in context.pages if p.url.startswith(served["url"]))
        expect(restored.locator("#log .msg-bot").first).to_contain_text("computer program")
        assert "restartmarker" not in restored.locator("body").inner_text()
        assert restored.get_by_label("Type your message").input_value() == ""
        # and the server was asked to forget the conversation the restored tab had
        assert wait_for(lambda: "/restart" in fake.messages_from(sender))
        restored.reload()
        expect(restored.locator("#log .msg-bot").first).to_contain_text("computer program")
        assert "restartmarker" not in restored.locator("body").inner_text()
    finally:
        context.close()
    assert _files_holding(profile, b"restartmarker") == []


def test_without_javascript_a_browser_restart_shows_nothing_and_leaves_nothing_on_disk(
    tmp_path, served, playwright
):
    """The page drawn by the server after a form POST: Chromium does not keep the POST's body, so
    the restored tab cannot show or send the words again, and no profile file holds them."""
    profile = tmp_path / "profile"
    (profile / "Default").mkdir(parents=True)
    (profile / "Default" / "Preferences").write_text(json.dumps({"session": {"restore_on_startup": 1}}))
    context = _launch_with_profile(playwright, profile, javascript=False)
    page = context.pages[0] if context.pages else context.new_page()
    page.goto(served["url"] + "/")
    page.get_by_label("Type your message").fill("my uncle touches me nojsrestartmarker")
    page.get_by_role("button", name="Send").click()
    expect(page.locator("#log")).to_contain_text("nojsrestartmarker")
    context.close()
    assert _files_holding(profile, b"nojsrestartmarker") == []

    context = _launch_with_profile(playwright, profile, javascript=False)
    try:
        assert wait_for(lambda: any(p.url.startswith(served["url"]) for p in context.pages))
        restored = next(p for p in context.pages if p.url.startswith(served["url"]))
        restored.wait_for_load_state()
        assert "nojsrestartmarker" not in restored.content()
        restored.reload()
        restored.wait_for_load_state()
        assert "nojsrestartmarker" not in restored.content()
        sent = [m for _, m in served["fake"].received if "nojsrestartmarker" in m]
        assert sent == ["my uncle touches me nojsrestartmarker"]  # never sent a second time
    finally:
        context.close()
    assert _files_holding(profile, b"nojsrestartmarker") == []


def test_without_javascript_a_message_gets_a_reply_page_and_no_url_holds_it(browser, served):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    guard_network(context)
    try:
        page = context.new_page()
        urls = record_urls(page)
        page.goto(served["url"] + "/")
        form = page.locator("#chat-form")
        assert form.get_attribute("method") == "post" and form.get_attribute("action") == "/chat"
        page.get_by_label("Type your message").fill("my stepdad touches me nojsmarker")
        page.get_by_role("button", name="Send").click()
        expect(page.locator("#log .msg-bot").last).to_contain_text("I read: my stepdad touches me nojsmarker")
        page.get_by_label("Type your message").fill("hes outside my house danger nojs")
        page.get_by_role("button", name="Send").click()
        expect(page.locator("#banner-emergency")).to_be_visible()
        expect(page.locator("#log .msg-urgent").get_by_role("link", name="Call 999")).to_have_attribute(
            "href", "tel:999"
        )
        page.get_by_label("Type your message").fill("choices please")
        page.get_by_role("button", name="Send").click()
        page.get_by_role("button", name="Option 1").click()  # buttons are buttons, and work
        expect(page.locator("#log .msg-me").last).to_have_text("You said: Option 1")
        expect(page.locator("#log")).to_contain_text("nojsmarker")  # drawn by the server
        assert (
            page.get_by_role("button", name="Exit this page")
            .get_attribute("href")
            .startswith("https://www.bbc.co.uk/")
        )
        page.get_by_role("button", name="Delete this chat").click()
        expect(page.locator("#status")).to_have_text("This chat has been deleted.")
        assert "nojsmarker" not in page.locator("body").inner_text()
        assert [u for u in urls if "nojsmarker" in u or "message=" in u] == []
        assert "/chat/v/" in page.url and "?" not in page.url  # a one-time view, never the words
    finally:
        context.close()


def test_before_the_script_has_loaded_sending_still_posts_and_the_script_takes_over(browser, served):
    """A slow phone connection: the scripts arrive 3 s late, the user sends before that."""
    fake = served["fake"]
    context = browser.new_context(viewport={"width": 360, "height": 740})
    guard_network(context)
    try:
        page = context.new_page()
        urls = record_urls(page)
        held = []

        def slow(route):
            held.append(route.request.url)
            time.sleep(3)
            route.continue_()

        page.route("**/static/*.js", slow)
        page.goto(served["url"] + "/", wait_until="commit")
        page.get_by_label("Type your message").fill("before the script slowmarker")
        page.get_by_role("button", name="Send").click()
        expect(page.locator("#log .msg-bot").last).to_contain_text("I read: before the script slowmarker")
        page.wait_for_function("() => window.SafeChat && document.documentElement.classList.contains('js')")
        assert held
        sender = next(s for s, m in fake.received if m == "before the script slowmarker")
        page.unroute("**/static/*.js")
        assert page.url.rstrip("/") == served["url"]  # the script made the address "/" again
        send(page, "after the script")
        assert fake.received[-1] == (sender, "after the script")  # the same conversation
        assert [u for u in urls if "slowmarker" in u or "message=" in u] == []
    finally:
        context.close()


def test_leaving_for_the_privacy_page_and_coming_back_keeps_the_chat(context, served):
    """Links and Back within this tab are this tab's own navigations: the chat comes back (from
    the server), unlike a tab the browser reopens after a restart."""
    page = context.new_page()
    open_chat(page, served["url"])
    send(page, "still here backmarker")
    page.locator("#notice").get_by_role("link", name="What happens to what you type").click()
    page.wait_for_url("**/privacy")
    page.go_back()
    expect(page.locator("#log")).to_contain_text("backmarker")
    page.locator("#notice").get_by_role("link", name="What happens to what you type").click()
    page.get_by_role("link", name="Back to the chat").click()
    expect(page.locator("#log")).to_contain_text("backmarker")
    send(page, "and on we go")
    expect(page.locator("#log .msg-me")).to_have_count(2)  # one conversation, both messages
