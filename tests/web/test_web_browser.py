"""The chat page in a real browser (headless Chromium): greeting and notice, urgency banner,
keyboard alone, quick exit (Shift x3 and the button), Back, delete, 320 px, axe-core."""

from __future__ import annotations

import re

import pytest

from tests.web.browser import AXE, guard_network, requires_chromium, send, wait_for
from tests.web.browser import browser, playwright, served  # noqa: F401 (fixtures)
from tests.web.browser import open_chat as open_browser_chat
from tests.channels.fakes import EMERGENCY_TEXT, GREETING

pytestmark = [pytest.mark.browser, requires_chromium]

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    context.set_default_timeout(10_000)
    context.exits = guard_network(context)
    yield context
    context.close()


@pytest.fixture
def page(context, served):
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    return page


def open_chat(page, served):
    return open_browser_chat(page, served["url"])


def session_token(page):
    return page.evaluate("() => sessionStorage.getItem('chat.session')")


def test_page_loads_greets_and_shows_the_notice_with_no_csp_errors(page, served):
    open_chat(page, served)
    assert page.title() == "Chat"
    expect(page.locator("#log .msg-bot").first).to_have_text(re.compile(re.escape(GREETING)))
    notice = page.locator("#notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("computer program, not a person")
    expect(notice.get_by_role("link", name="999")).to_have_attribute("href", "tel:999")
    log = page.get_by_role("log")
    assert log.get_attribute("aria-live") == "polite"
    expect(page.get_by_role("button", name="Something happened to me")).to_be_visible()
    expect(page.locator("#banner-emergency")).to_be_hidden()
    assert page.console_errors == []  # e.g. a CSP violation would show here
    cookies = page.context.cookies()
    assert cookies == []
    assert page.evaluate("() => localStorage.length") == 0


def test_urgent_message_shows_a_persistent_emergency_banner_with_999(page, served):
    open_chat(page, served)
    send(page, "hes outside my house and im in danger")
    banner = page.locator("#banner-emergency")
    expect(banner).to_be_visible()
    expect(banner.get_by_role("link", name="999")).to_have_attribute("href", "tel:999")
    expect(page.locator("#log .msg-bot").last).to_contain_text(EMERGENCY_TEXT)
    send(page, "ok thanks")
    expect(banner).to_be_visible()  # stays on the next, unmarked turn
    page.reload()
    expect(page.locator("#banner-emergency")).to_be_visible()  # and across a reload of the tab
    expect(page.locator("#log")).to_contain_text("ok thanks")


def test_crisis_banner_lists_childline_samaritans_shout_and_text_links(page, served):
    open_chat(page, served)
    send(page, "i want to die")
    banner = page.locator("#banner-crisis")
    expect(banner).to_be_visible()
    expect(banner.get_by_role("link", name="0800 1111")).to_have_attribute("href", "tel:08001111")
    expect(banner.get_by_role("link", name="116 123")).to_have_attribute("href", "tel:116123")
    expect(banner.get_by_role("link", name="85258")).to_have_attribute("href", "sms:85258")
    bot = page.locator("#log .msg-bot").last
    expect(bot.get_by_role("link", name="85258", exact=True)).to_have_attribute("href", "sms:85258")
    # and the talk-now controls inside the reply, numbers from the directory
    for name, href in [
        ("Call Childline 0800 1111", "tel:08001111"),
        ("Call Samaritans 116 123", "tel:116123"),
        ("Text Shout 85258", "sms:85258"),
        ("Call 999", "tel:999"),
    ]:
        expect(bot.get_by_role("link", name=name)).to_have_attribute("href", href)


def test_user_text_is_never_parsed_as_html(page, served):
    open_chat(page, served)
    send(page, "<img src=x onerror=alert(1)><b>bold</b>")
    expect(page.locator("#log .msg-me").last).to_have_text(re.compile(re.escape("<b>bold</b>")))
    assert page.locator("#log img, #log b").count() == 0


def test_keyboard_alone_exit_is_first_tab_stop_and_buttons_work(page, served):
    open_chat(page, served)
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.id")
    assert focused == "exit-button"
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    # Tab on to the first answer button and press it with the keyboard
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.textContent") == "Not now":
            break
    else:
        pytest.fail("could not reach the 'Not now' button with Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#log .msg-me").last).to_have_text(re.compile("Not now"))
    expect(page.locator("#log .msg-bot").last).to_contain_text("That's OK")
    assert page.evaluate("() => document.activeElement.id") == "message"  # focus back to input
    page.keyboard.type("hello there")
    page.keyboard.press("Enter")
    expect(page.locator("#log .msg-bot").last).to_contain_text("I read: hello there")
    assert page.evaluate("() => document.activeElement.id") == "message"
    assert page.get_by_label("Type your message").input_value() == ""


def test_shift_three_times_exits_back_does_not_show_the_chat_and_server_forgot(page, served):
    fake = served["fake"]
    page.goto(served["url"] + "/privacy")  # something to go Back to
    page.goto(served["url"] + "/")
    expect(page.locator("#log .msg-bot").first).to_contain_text("computer program")
    send(page, "a private thing I said")
    token = session_token(page)
    sender = next(s for s, m in fake.received if m == "a private thing I said")
    page.get_by_label("Type your message").focus()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url("**/www.bbc.co.uk/weather**")
    assert page.context.exits and "www.bbc.co.uk/weather" in page.context.exits[0]
    assert page.title() == "BBC Weather (test stub)"
    # the server was told to forget (beacon), and Rasa got /restart for that sender
    assert wait_for(lambda: "/restart" in fake.messages_from(sender)), fake.messages_from(sender)
    page.go_back()
    assert "/privacy" in page.url  # the chat page was replaced, not stacked
    assert "a private thing" not in page.content()
    # even going forward to the chat page again shows no transcript and no stored session
    page.goto(served["url"] + "/")
    expect(page.locator("#log .msg-bot").first).to_contain_text("computer program")
    assert "a private thing" not in page.locator("#log").inner_text()
    assert session_token(page) != token


def test_shift_with_other_keys_does_not_exit(page, served):
    open_chat(page, served)
    box = page.get_by_label("Type your message")
    box.focus()
    page.keyboard.press("Shift")
    page.keyboard.type("Hello World")  # capitals: Shift+H, Shift+W
    page.keyboard.press("Shift")
    page.keyboard.press("Shift+A")
    page.wait_for_timeout(300)
    assert page.url.startswith(served["url"])


def test_exit_button_and_back_from_a_later_page(page, served):
    fake = served["fake"]
    open_chat(page, served)
    send(page, "another private thing")
    sender = next(s for s, m in fake.received if m == "another private thing")
    page.get_by_role("link", name="What happens to what you type").first.click()
    page.wait_for_url("**/privacy")
    page.get_by_role("button", name="Exit this page").click()
    page.wait_for_url("**/www.bbc.co.uk/weather**")
    assert wait_for(lambda: "/restart" in fake.messages_from(sender))
    page.go_back()  # back to the chat page (privacy was replaced)
    page.wait_for_load_state()
    assert page.url.rstrip("/") == served["url"]
    expect(page.locator("#log .msg-bot").first).to_contain_text("computer program")
    assert "another private thing" not in page.locator("#log").inner_text()


def test_delete_this_chat_clears_page_storage_and_server(page, served):
    fake = served["fake"]
    open_chat(page, served)
    send(page, "delete me please")
    sender = next(s for s, m in fake.received if m == "delete me please")
    page.get_by_role("button", name="Delete this chat").click()
    expect(page.locator("#status")).to_have_text("This chat has been deleted.")
    assert "/restart" in fake.messages_from(sender)
    expect(page.locator("#log .msg-bot")).to_have_count(1)  # a fresh greeting
    assert "delete me please" not in page.locator("#log").inner_text()
    assert "delete me please" not in page.evaluate("() => JSON.stringify(sessionStorage)")


def test_usable_at_320px_wide(browser, served):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    guard_network(context)
    try:
        page = context.new_page()
        page.goto(served["url"] + "/")
        expect(page.locator("#log .msg-bot").first).to_contain_text("computer program")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
        for locator in [
            page.get_by_role("button", name="Exit this page"),
            page.get_by_label("Type your message"),
            page.get_by_role("button", name="Send"),
        ]:
            box = locator.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 320 and box["height"] >= 24
        send(page, "hes outside my house, danger")
        expect(page.locator("#banner-emergency")).to_be_visible()
    finally:
        context.close()


def test_server_down_still_shows_999_and_childline(browser, served):
    context = browser.new_context()
    guard_network(context)
    try:
        page = context.new_page()
        page.goto(served["url"] + "/")
        expect(page.locator("#log .msg-bot").first).to_contain_text("computer program")
        page.route("**/api/chat", lambda route: route.abort())  # the gateway itself unreachable
        page.get_by_label("Type your message").fill("hello?")
        page.keyboard.press("Enter")
        last = page.locator("#log .msg-bot").last
        expect(last).to_contain_text("something went wrong")
        expect(last.get_by_role("link", name="999")).to_be_visible()
        expect(last.get_by_role("link", name="0800 1111")).to_be_visible()
    finally:
        context.close()


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


SETTLE_SCROLL = """async () => {
    // let smooth scrolling settle: the same scroll position on three checks (at most 3 s)
    const frame = () => new Promise(r => requestAnimationFrame(r));
    for (let i = 0, last = -1, same = 0; i < 90 && same < 3; i++) {
        same = window.scrollY === last ? same + 1 : 0;
        last = window.scrollY; await frame(); await frame();
    }
}"""


STICKY = ".topbar, #chat-form"  # the exit bar (with the banner) and the composer stay on screen


def _scrolled_under_a_sticky_bar(page, node) -> bool:
    """A target-size finding only because the conversation has scrolled part of a target under a
    sticky bar: the target itself scrolls (it is not in a bar), and everything axe says covers it
    is in a bar. Scrolling a little shows it whole; the focus test checks nothing focused is hidden."""
    checks = node["any"]
    if not checks or any(c["id"] not in ("target-size", "target-offset") for c in checks):
        return False
    if not any((c.get("data") or {}).get("messageKey") == "partiallyObscured" for c in checks):
        return False
    related = [r["target"][0] for c in checks for r in c["relatedNodes"]]
    return page.evaluate(
        """([target, related, sticky]) => {
        const inBar = (selector) => { const e = document.querySelector(selector); return !!(e && e.closest(sticky)); };
        return !inBar(target) && related.length > 0 && related.every(inBar);
    }""",
        [node["target"][0], related, STICKY],
    )


def axe_violations(page):
    page.evaluate(SETTLE_SCROLL)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    assert len(result["passes"]) >= 10  # axe really ran its rules on this page
    found = []
    for violation in result["violations"]:
        nodes = [
            n
            for n in violation["nodes"]
            if not (violation["id"] == "target-size" and _scrolled_under_a_sticky_bar(page, n))
        ]
        if nodes:
            found.append((violation["id"], violation["help"], [n["target"] for n in nodes]))
    return found


@pytest.mark.skipif(not AXE.exists(), reason="axe-core missing: run scripts/install_browser_deps.sh")
def test_the_axe_check_still_finds_a_small_target_in_the_conversation(browser, served):
    """The sticky-bar allowance above must not hide a target that is small in itself."""
    context = browser.new_context(bypass_csp=True, viewport={"width": 360, "height": 740})
    guard_network(context)
    try:
        page = context.new_page()
        page.goto(served["url"] + "/")
        expect(page.locator("#log .msg-bot").first).to_contain_text("computer program")
        page.evaluate("""() => { const b = document.createElement('button'); b.textContent = 'x';
            b.className = 'tiny'; b.style.cssText = 'min-height:0;height:10px;width:10px;padding:0;font-size:6px';
            const a = b.cloneNode(true); const p = document.createElement('p');
            p.append(b, a); document.getElementById('log').append(p); p.scrollIntoView({block: 'center'}); }""")
        assert any(rule == "target-size" for rule, _, _ in axe_violations(page))
    finally:
        context.close()


@pytest.mark.skipif(not AXE.exists(), reason="axe-core missing: run scripts/install_browser_deps.sh")
@pytest.mark.parametrize("width,height", [(1366, 768), (1000, 800), (360, 740), (320, 640)])
def test_axe_finds_no_wcag_a_or_aa_violations(browser, served, width, height):
    # bypass_csp only so the test can inject axe from the local file.
    context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": height})
    guard_network(context)
    try:
        page = context.new_page()
        page.goto(served["url"] + "/")
        expect(page.locator("#log .msg-bot").first).to_contain_text("computer program")
        assert axe_violations(page) == []
        send(page, "hes outside my house, danger")
        send(page, "i want to die")
        send(page, "choices please")
        expect(page.locator("#banner-crisis")).to_be_visible()
        page.get_by_label("Type your message").focus()
        # at rest at either end of the conversation
        for end in ("0", "document.documentElement.scrollHeight"):
            page.evaluate(f"() => window.scrollTo(0, {end})")
            assert axe_violations(page) == [], f"scrolled to {end}"
        for path in ("/privacy", "/quick-exit", "/services", "/admin/directory"):
            page.goto(served["url"] + path)
            assert axe_violations(page) == [], path
        page.goto(served["url"] + "/services")
        page.get_by_label("Sexual assault or rape").check()
        page.get_by_label("Your London borough").select_option(label="Lambeth")
        page.get_by_role("button", name="Show services").click()
        expect(page.locator(".results article").first).to_be_visible()
        assert axe_violations(page) == [], "services for a topic and borough"
    finally:
        context.close()


@pytest.mark.skipif(not AXE.exists(), reason="axe-core missing: run scripts/install_browser_deps.sh")
@pytest.mark.parametrize("width,height", [(1366, 768), (360, 740)])
def test_axe_finds_no_violations_in_the_page_drawn_without_javascript(browser, served, width, height):
    """The server-drawn chat (the form's POST): axe runs in the page, whose own script is off."""
    context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": height})
    guard_network(context)
    context.route(
        "**/static/*.js", lambda route: route.fulfill(status=200, body="", content_type="text/javascript")
    )
    try:
        page = context.new_page()
        page.goto(served["url"] + "/")
        for words in ("hes outside my house, danger", "i want to die", "choices please"):
            page.get_by_label("Type your message").fill(words)
            page.get_by_role("button", name="Send").click()
            page.wait_for_load_state()
        expect(page.locator("#banner-emergency")).to_be_visible()
        expect(page.locator("#banner-crisis")).to_be_visible()
        assert axe_violations(page) == []
    finally:
        context.close()


def test_too_long_message_is_refused_kindly_and_given_back_to_edit(page, served):
    open_chat(page, served)
    words = "a" * 2001
    box = page.get_by_label("Type your message")
    box.fill(words)
    page.keyboard.press("Enter")
    last = page.locator("#log .msg-bot").last
    expect(last).to_contain_text("too long")
    expect(last.get_by_role("link", name="999")).to_be_visible()
    expect(last.get_by_role("link", name="0800 1111")).to_be_visible()
    assert box.input_value() == words
    assert page.locator("#log .msg-me").count() == 0


def test_no_animation_for_people_who_ask_for_reduced_motion(browser, served):
    context = browser.new_context(reduced_motion="reduce")
    guard_network(context)
    try:
        page = context.new_page()
        page.goto(served["url"] + "/")
        expect(page.locator("#log .msg-bot").first).to_contain_text("computer program")
        styles = page.evaluate("""() => ({
            dots: getComputedStyle(document.querySelector('.typing span')).animationName,
            scroll: getComputedStyle(document.documentElement).scrollBehavior })""")
        assert styles == {"dots": "none", "scroll": "auto"}
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 1000])
def test_focus_is_never_hidden_under_the_sticky_exit_bar(browser, served, width):
    """WCAG 2.2 2.4.11 Focus Not Obscured: Tab forwards and backwards through a long chat; nothing
    focused is entirely under the sticky exit bar (with the banner) or the sticky composer."""
    context = browser.new_context(viewport={"width": width, "height": 560})
    guard_network(context)
    try:
        page = context.new_page()
        page.goto(served["url"] + "/")
        expect(page.locator("#log .msg-bot").first).to_contain_text("computer program")
        for n in range(6):
            send(page, f"message number {n} hes outside my house danger" if n == 0 else f"message {n}")
        send(page, "choices please")
        page.evaluate(SETTLE_SCROLL)  # the page's own scroll to the newest reply has finished
        page.evaluate("() => document.activeElement.blur()")
        page.evaluate("() => window.scrollTo(0, 0)")
        page.evaluate(SETTLE_SCROLL)
        bar = page.evaluate("() => document.querySelector('.topbar-inner').getBoundingClientRect().height")
        assert bar <= 90, f"exit bar is {bar}px tall at {width}px wide"
        # with the emergency banner in it, the sticky bar still leaves three quarters of the screen
        sticky = page.evaluate("() => document.querySelector('.topbar').getBoundingClientRect().height")
        assert sticky <= 0.25 * 560, f"exit bar and banner are {sticky}px tall at {width}px wide"
        for key in ["Tab"] * 25 + ["Shift+Tab"] * 25:
            page.keyboard.press(key)
            hidden = page.evaluate("""async () => {
                // let smooth scrolling settle: the same scroll position on three checks (at most 3 s)
                const frame = () => new Promise(r => requestAnimationFrame(r));
                for (let i = 0, last = -1, same = 0; i < 90 && same < 3; i++) {
                    same = window.scrollY === last ? same + 1 : 0;
                    last = window.scrollY; await frame(); await frame();
                }
                const el = document.activeElement;
                if (!el || el === document.body || el.closest('.topbar') || el.closest('#chat-form')) return false;
                const r = el.getBoundingClientRect();
                const bar = document.querySelector('.topbar').getBoundingClientRect();
                const composer = document.querySelector('#chat-form').getBoundingClientRect();
                const under = (b) => r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
                return r.bottom <= bar.bottom + 1 || under(composer);  // under either
            }""")
            assert not hidden, page.evaluate("() => document.activeElement.outerHTML")
    finally:
        context.close()
