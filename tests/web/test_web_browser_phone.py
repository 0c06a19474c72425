"""Issue 14, items 3 to 6 in a real browser (headless Chromium) on a phone-sized screen: 999 that
cannot be missed, phone first at large text sizes, links and services, quick exit like GOV.UK's.

Text size is the browser's default font size (CDP Page.setFontSizes: 16 px is 100%, as in
Chrome's "Font size" setting); page zoom is a narrower CSS viewport (a 640 px window at 200%)."""

from __future__ import annotations

import re

import pytest

from tests.web.browser import guard_network, open_chat, requires_chromium, settle_scroll
from tests.web.browser import browser, playwright, served  # noqa: F401 (fixtures)
from tests.web.browser import send as send_and_wait

pytestmark = [pytest.mark.browser, requires_chromium]

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

PHONE = {"width": 360, "height": 740}


def phone(browser, text_percent=100, viewport=PHONE, **options):
    context = browser.new_context(viewport=viewport, **options)
    context.set_default_timeout(10_000)
    context.exits = guard_network(context)
    page = context.new_page()
    if text_percent != 100:
        cdp = context.new_cdp_session(page)
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 16 * text_percent // 100, "fixed": 13}})
    return context, page


def send(page, text):
    send_and_wait(page, text)
    settle_scroll(page)


def box(page, selector):
    return page.evaluate("s => document.querySelector(s).getBoundingClientRect().toJSON()", selector)


def in_view(rect, height, top=0.0, bottom=None):
    bottom = height if bottom is None else bottom
    return rect["top"] >= top - 1 and rect["bottom"] <= bottom + 1 and rect["height"] > 0


# --- 3. 999 impossible to miss ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text_percent,viewport",
    [
        (100, PHONE),
        (150, PHONE),
        (200, PHONE),
        (100, {"width": 320, "height": 370}),  # a 640x740 window at 200% page zoom
    ],
)
def test_after_an_urgent_turn_the_reply_and_call_999_are_in_view_and_the_bar_stays_compact(
    browser, served, text_percent, viewport
):
    context, page = phone(browser, text_percent, viewport)
    try:
        open_chat(page, served["url"])
        for n in range(3):  # a conversation already under way: the banner comes on far down
            send(page, f"an earlier message {n}")
        send(page, "hes outside my house and im in danger")
        height, width = viewport["height"], viewport["width"]
        bar = box(page, ".topbar")
        composer = box(page, "#chat-form")
        reply = page.locator("#log .msg-bot").last
        call = reply.get_by_role("link", name="Call 999")
        expect(call).to_have_attribute("href", "tel:999")
        call_box = call.bounding_box()
        assert call_box["width"] >= 44 and call_box["height"] >= 44, call_box
        # the newest reply starts below the sticky bar, and its Call 999 is above the composer
        reply_box = reply.bounding_box()
        assert reply_box["y"] >= bar["bottom"] - 1, (reply_box, bar)
        assert in_view(
            {
                "top": call_box["y"],
                "bottom": call_box["y"] + call_box["height"],
                "height": call_box["height"],
            },
            height,
            bar["bottom"],
            composer["top"],
        ), (call_box, bar, composer)
        # the banner is on screen (in the sticky bar), with its own Call 999 of at least 44x44
        banner = box(page, "#banner-emergency")
        assert in_view(banner, height), banner
        banner_call = page.locator("#banner-emergency").get_by_role("link", name="Call 999").bounding_box()
        assert banner_call["width"] >= 44 and banner_call["height"] >= 44
        # compact: the exit button is one line, the sticky bar (with the banner) takes at most a
        # quarter of the screen, and bar + composer leave half of it to the conversation
        exit_height = box(page, "#exit-button")["height"]
        font = page.evaluate(
            "() => parseFloat(getComputedStyle(document.getElementById('exit-button')).fontSize)"
        )
        assert exit_height <= max(44, 2 * font) + 1, (exit_height, font)
        assert bar["height"] <= 0.25 * height, bar
        assert bar["height"] + composer["height"] <= 0.5 * height, (bar, composer)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        hint = page.locator(".exit-hint")
        if hint.is_visible():  # on one line, never broken letter by letter
            assert hint.bounding_box()["height"] <= 2 * page.evaluate(
                "() => parseFloat(getComputedStyle(document.querySelector('.exit-hint')).fontSize)"
            )
        # scrolling back up through the conversation, the banner stays in view
        page.evaluate("() => window.scrollTo(0, 0)")
        settle_scroll(page)
        assert in_view(box(page, "#banner-emergency"), height)
    finally:
        context.close()


def test_the_banner_is_announced_once_per_conversation(browser, served):
    context, page = phone(browser)
    try:
        open_chat(page, served["url"])
        page.evaluate("""() => { window.announcements = [];
            new MutationObserver(() => window.announcements.push(document.getElementById('announce').textContent))
              .observe(document.getElementById('announce'), {childList: true, characterData: true, subtree: true}); }""")
        send(page, "hes outside my house danger")
        send(page, "still in danger")
        send(page, "ok")
        said = [a for a in page.evaluate("() => window.announcements") if a]
        assert len(said) == 1 and "Call 999" in said[0] and "danger" in said[0].lower(), said
        assert page.locator("#announce").get_attribute("aria-live") == "assertive"
    finally:
        context.close()


def test_a_crisis_turn_shows_childline_samaritans_and_shout_as_large_controls(browser, served):
    context, page = phone(browser)
    try:
        open_chat(page, served["url"])
        send(page, "i want to die")
        reply = page.locator("#log .msg-bot").last
        for name, href in [
            ("Call Childline 0800 1111", "tel:08001111"),
            ("Call Samaritans 116 123", "tel:116123"),
            ("Text Shout 85258", "sms:85258"),
            ("Call 999", "tel:999"),
            ("Childline online", "https://www.childline.org.uk"),
        ]:
            control = reply.get_by_role("link", name=name)
            expect(control).to_have_attribute("href", href)
            size = control.bounding_box()
            assert size["width"] >= 44 and size["height"] >= 44, (name, size)
        first = reply.get_by_role("link", name="Call Childline 0800 1111").bounding_box()
        assert 0 <= first["y"] and first["y"] + first["height"] <= PHONE["height"]
    finally:
        context.close()


# --- 4. phone first -----------------------------------------------------------------------------


@pytest.mark.parametrize("text_percent", [100, 200])
def test_first_phone_screen_names_the_service_and_has_the_text_box(browser, served, text_percent):
    context, page = phone(browser, text_percent)
    try:
        open_chat(page, served["url"])
        heading = page.get_by_role("heading", level=1)
        expect(heading).to_contain_text("sexual harassment or abuse")
        expect(heading).to_contain_text("for young people in London")
        assert in_view(box(page, "#message"), PHONE["height"])
        assert in_view(box(page, "#exit-button"), PHONE["height"])
        assert in_view(box(page, "h1"), PHONE["height"])
    finally:
        context.close()


def test_the_text_box_grows_as_you_type_up_to_a_limit(browser, served):
    context, page = phone(browser)
    try:
        open_chat(page, served["url"])
        box_ = page.get_by_label("Type your message")
        one = box_.bounding_box()["height"]
        box_.fill("a longer message that goes on " * 2)
        more = box_.bounding_box()["height"]
        box_.fill("line\n" * 40)
        most = box_.bounding_box()["height"]
        assert one < more < most <= 0.3 * PHONE["height"] + 1, (one, more, most)
        page.keyboard.press("Shift+Enter")  # a new line, not a send
        assert page.locator("#log .msg-me").count() == 0
    finally:
        context.close()


# --- 5. links, Delete, services -----------------------------------------------------------------


def test_web_addresses_are_links_to_a_new_tab_and_quick_exit_still_works(browser, served):
    context, page = phone(browser)
    try:
        open_chat(page, served["url"])
        send(page, "childline website please")
        link = page.locator("#log .msg-bot").last.get_by_role("link", name="childline.org.uk")
        expect(link).to_have_attribute("href", "https://www.childline.org.uk")
        assert link.get_attribute("target") == "_blank" and "noopener" in link.get_attribute("rel")
        with context.expect_page() as opened:
            link.click()
        opened.value.close()
        page.bring_to_front()
        page.get_by_label("Type your message").focus()
        for _ in range(3):
            page.keyboard.press("Shift")
        page.wait_for_url("**/www.bbc.co.uk/weather**")
    finally:
        context.close()


def test_services_page_is_short_per_topic_and_borough_and_keeps_the_choice_out_of_the_address(
    browser, served
):
    context, page = phone(browser)
    try:
        urls = []
        page.on("request", lambda r: urls.append(r.url))
        page.goto(served["url"] + "/")
        page.get_by_role("link", name="Services you can contact").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Services you can contact")
        page.get_by_label("Sexual harassment, online or in person").check()
        page.get_by_label("Your London borough").select_option(label="Hackney")
        page.get_by_label("Your age").select_option(label="13 to 15")
        page.get_by_role("button", name="Show services").click()
        results = page.locator(".results")
        expect(results.get_by_role("heading", level=2)).to_contain_text("Sexual harassment")
        expect(results).to_contain_text("Childline")
        expect(results.get_by_role("link", name="0800 1111")).to_have_attribute("href", "tel:08001111")
        assert results.locator("article").count() <= 6
        assert "16 and over" not in results.inner_text()  # 13-15: no 16+ service
        height = page.evaluate("() => document.documentElement.scrollHeight")
        assert height <= 8 * PHONE["height"], f"{height / PHONE['height']:.1f} phone screens"
        assert not [u for u in urls if "harassment" in u or "hackney" in u.lower()]
        page.goto(served["url"] + "/directory")
        assert page.url.endswith("/admin/directory")
    finally:
        context.close()


# --- 6. quick exit like GOV.UK's "Exit this page" ----------------------------------------------


def test_shift_presses_are_shown_and_announced_and_expire(browser, served):
    context, page = phone(browser)
    try:
        open_chat(page, served["url"])
        button = page.locator("#exit-button")
        status = page.locator("#exit-status")
        page.keyboard.press("Shift")
        expect(button).to_have_class(re.compile(r"\bexit-pressed-1\b"))
        expect(status).to_have_text("Shift, press 2 more times to exit.")
        page.keyboard.press("Shift")
        expect(button).to_have_class(re.compile(r"\bexit-pressed-2\b"))
        expect(status).to_have_text("Shift, press 1 more time to exit.")
        expect(status).to_have_text("Exit this page expired.", timeout=7_000)
        assert "exit-pressed" not in (button.get_attribute("class") or "")
        assert page.url.startswith(served["url"])
    finally:
        context.close()


def test_shift_held_while_clicking_does_not_count(browser, served):
    context, page = phone(browser)
    try:
        open_chat(page, served["url"])
        heading = page.get_by_role("heading", level=1).bounding_box()
        for _ in range(3):
            page.keyboard.down("Shift")
            page.mouse.click(heading["x"] + 5, heading["y"] + 5)
            page.keyboard.up("Shift")
        page.wait_for_timeout(300)
        assert page.url.startswith(served["url"]) and not context.exits
        assert "exit-pressed" not in (page.locator("#exit-button").get_attribute("class") or "")
    finally:
        context.close()


def test_the_quick_exit_page_says_what_it_does_and_does_not_clear(browser, served):
    context, page = phone(browser, viewport={"width": 1000, "height": 740})
    try:
        page.goto(served["url"] + "/")
        hint = page.get_by_role("link", name="Or press Shift 3 times")  # on one line beside the button
        assert hint.bounding_box()["height"] <= 2 * 15 and hint.get_attribute("href") == "/quick-exit"
        page.set_viewport_size(PHONE)  # on a phone the bar has no room for it: the notice links there
        expect(hint).to_be_hidden()
        page.get_by_role("link", name="How quick exit works").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("How quick exit works")
        text = page.locator("main").inner_text()
        for words in [
            "covers the screen",
            "tells our computer to delete the chat",
            "Back",
            "doesn't delete your browser history",
            "other tabs",
            "private or incognito",
            "does not count",
        ]:
            assert words in text, words
    finally:
        context.close()
