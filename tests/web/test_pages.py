"""bot/web/pages.py: the pages the gateway draws (chat, privacy, quick exit, services, the
administrators' directory): no inline code and only local assets, the notice and the directory's
numbers, what the privacy page says, typed text never drawn as HTML; and the page's own script
(bot/web/static/*.js, marked fuzz) puts text in with text nodes only."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest


class Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inline_scripts = 0
        self.style_elements = 0
        self.style_attributes = 0
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            if "src" in attrs:
                self.urls.append(attrs["src"])
            else:
                self.inline_scripts += 1
        if tag == "style":
            self.style_elements += 1
        if "style" in attrs:
            self.style_attributes += 1
        if any(a.startswith("on") for a in attrs):
            self.inline_scripts += 1
        if tag == "link" and "href" in attrs:
            self.urls.append(attrs["href"])


@pytest.mark.parametrize("path", ["/", "/privacy", "/quick-exit", "/services", "/admin/directory"])
async def test_pages_have_no_inline_code_and_only_local_assets(client, path):
    response = await client.get(path)
    assert response.status == 200
    page = await response.text()
    assets = Assets()
    assets.feed(page)
    assert (assets.inline_scripts, assets.style_elements, assets.style_attributes) == (0, 0, 0)
    assert assets.urls and all(url.startswith("/static/") for url in assets.urls)
    assert 'id="exit-button"' in page and "Exit this page" in page
    assert page.index('id="exit-button"') < page.index("<main")  # the first thing to Tab to
    assert "{{" not in page


async def test_chat_page_shows_notice_and_directory_numbers(client):
    page = await (await client.get("/")).text()
    assert "computer program, not a person" in page
    assert 'role="log"' in page and 'aria-live="polite"' in page
    assert '<label for="message">' in page
    words = re.sub(r"<[^>]+>", "", page)  # the numbers are links now, drawn by the server
    assert "call 999" in words and "0800 1111" in words and "116 123" in words and "85258" in words
    assert '<a href="tel:999">999</a>' in page


async def test_privacy_page_says_what_is_kept_and_for_how_long(client):
    page = await (await client.get("/privacy")).text()
    for words in [
        "computer program",
        "1 hour after your last message",
        "IP",
        "cookies",
        "Delete this chat",
        "Exit this page",
        "/forget",
        "private or incognito",
    ]:
        assert words in page


async def test_directory_page_shows_the_export_inside_our_layout(client):
    page = await (await client.get("/admin/directory")).text()
    assert "Childline" in page and "0800 1111" in page
    assert page.count("<main") == 1


async def test_the_server_drawn_page_never_parses_typed_text_as_html(client):
    response = await client.post("/chat", data={"message": "<img src=x onerror=alert(1)><b>bold</b>"})
    page = await response.text()
    assert "<img src=x" not in page and "<b>bold</b>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;bold&lt;/b&gt;" in page


@pytest.mark.fuzz
def test_the_page_script_puts_text_in_with_text_nodes_only(repo):
    for script in (repo / "bot" / "web" / "static").glob("*.js"):
        source = re.sub(r"/\*.*?\*/|//[^\n]*", "", script.read_text(encoding="utf-8"), flags=re.S)
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in source, f"{script.name} uses {sink}"
