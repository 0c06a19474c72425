"""The gateway's HTML pages: templates in bot/web/templates filled once at start-up.

Placeholders are `{{name}}`; every value is HTML-escaped here, and a template that is left with an
unfilled placeholder is an error, so a page can never show "{{emergency}}" to a child.
"""
from __future__ import annotations

import html
import logging
import re
from pathlib import Path
from typing import Callable, Optional

from bot.web.safety_text import SafetyText

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).resolve().parent / "templates"
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")


def fill(template: str, values: dict[str, str], raw: Optional[dict[str, str]] = None) -> str:
    """Replace {{name}} with html.escape(values[name]) or raw[name] (already-safe HTML)."""
    raw = raw or {}

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name in raw:
            return raw[name]
        if name in values:
            return html.escape(values[name])
        raise KeyError(f"template placeholder {{{{{name}}}}} has no value")

    return _PLACEHOLDER.sub(replace, template)


def _items(lines: tuple[str, ...]) -> str:
    return "".join(f"<li>{html.escape(line)}</li>" for line in lines)


def _page(name: str, text: SafetyText, title: str, body: str) -> str:
    """A full page: the shared layout (quick exit first) around `body` (already-safe HTML)."""
    layout = (TEMPLATES / "layout.html").read_text(encoding="utf-8")
    return fill(layout, {"title": title, "page": name, "emergency": text.emergency},
                raw={"body": body})


def chat_page(text: SafetyText) -> str:
    body = fill(
        (TEMPLATES / "chat.html").read_text(encoding="utf-8"),
        {"emergency": text.emergency, "childline": text.childline, "fallback": text.fallback},
        raw={"crisis_items": _items(text.crisis)},
    )
    return _page("chat", text, "Chat", body)


def privacy_page(text: SafetyText) -> str:
    body = fill((TEMPLATES / "privacy.html").read_text(encoding="utf-8"),
                {"emergency": text.emergency, "childline": text.childline})
    return _page("privacy", text, "What happens to what you type", body)


def directory_page(text: SafetyText, export: Optional[Callable[[], str]]) -> str:
    """The directory export inside our layout, or a kind page when there is no export yet."""
    if export is not None:
        try:
            return _page("directory", text, "Services you can contact", export())
        except Exception as error:  # a broken export must not take the page down
            log.error("directory export failed (%s)", type(error).__name__)
    body = fill((TEMPLATES / "directory_missing.html").read_text(encoding="utf-8"),
                {"emergency": text.emergency, "childline": text.childline})
    return _page("directory", text, "Services you can contact", body)


def html_body(document: str) -> str:
    """What of an exported HTML document fits in our layout: the inside of <body>, without
    <script>/<style> (the CSP forbids inline ones), inside a <main> if it has none."""
    match = re.search(r"<body[^>]*>(.*)</body>", document, re.S | re.I)
    body = match.group(1) if match else document
    body = re.sub(r"<(script|style)\b.*?</\1\s*>", "", body, flags=re.S | re.I)
    if "<main" not in body.lower():
        body = f'<main id="main" class="page prose linkify">{body}</main>'
    return body
