"""The gateway's HTML pages: templates in bot/web/templates, read once, filled per request.

Placeholders are `{{name}}`; every value is HTML-escaped here, and a template that is left with an
unfilled placeholder is an error, so a page can never show "{{emergency}}" to a child. The chat
page is drawn by the server (it works without JavaScript); chat.js draws the same markup from the
JSON the server sends (`entry_json`), so both ways show the same thing.
"""

from __future__ import annotations

import html
import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Optional

from bot.channels.safety_text import Control, SafetyText
from bot.web.links import Linker
from bot.web.transcript import Entry

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).resolve().parent / "templates"
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
CHAT_TITLE = "Chat"


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


@lru_cache(maxsize=None)
def template(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _items(lines: Iterable[str], linker: Linker) -> str:
    return "".join(f"<li>{linker.html(line)}</li>" for line in lines)


_LINKIFY = re.compile(r'(<(p|ul|li|span)\b[^>]*class="[^"]*\blinkify\b[^"]*"[^>]*>)(.*?)(</\2>)', re.S)


def linkify(page: str, linker: Linker) -> str:
    """Link the numbers and directory web addresses in the text of every element with class
    "linkify" (text outside existing <a> elements; template values were escaped when filled)."""

    def one(match: re.Match) -> str:
        out, inside_link = [], False
        for part in re.split(r"(<[^>]+>)", match.group(3)):
            if part.startswith("<"):
                lowered = part.lower()
                inside_link = lowered.startswith("<a ") or (inside_link and not lowered.startswith("</a"))
                out.append(part)
            elif part and not inside_link:
                out.append(linker.html(html.unescape(part)))
            else:
                out.append(part)
        return match.group(1) + "".join(out) + match.group(4)

    return _LINKIFY.sub(one, page)


def _page(name: str, text: SafetyText, linker: Linker, title: str, body: str, banner: str = "") -> str:
    """A full page: the shared layout (quick exit first) around `body` (already-safe HTML)."""
    page = fill(template("layout.html"), {"title": title, "page": name}, raw={"body": body, "banner": banner})
    return linkify(page, linker)


# --- the chat -----------------------------------------------------------------------------------


def controls_html(controls: Iterable[Control], label: str) -> str:
    links = "".join(
        f'<a class="control control-{html.escape(c.kind)}" href="{html.escape(c.href)}"'
        + (' target="_blank" rel="noopener noreferrer"' if c.kind == "web" else "")
        + f">{html.escape(c.label)}</a>"
        for c in controls
    )
    return f'<div class="controls" role="group" aria-label="{html.escape(label)}">{links}</div>'


URGENT_LABELS = {"emergency": "Get help now", "crisis": "Talk to someone now"}


def urgent_controls(text: SafetyText, level: str) -> tuple[Control, ...]:
    return text.emergency_controls if level == "emergency" else text.crisis_controls


def entry_html(entry: Entry, text: SafetyText, linker: Linker) -> str:
    """One message of the conversation as the server draws it (chat.js draws the same)."""
    # 999 comes before the words (the urgency contract: 999 first); the talk-now controls of a
    # crisis turn after them, so the reply opens with its thanks rather than a wall of buttons
    before = "".join(
        controls_html(urgent_controls(text, level), URGENT_LABELS[level])
        for level in entry.urgency
        if level == "emergency"
    )
    after = "".join(
        controls_html(urgent_controls(text, level), URGENT_LABELS[level])
        for level in entry.urgency
        if level != "emergency"
    )
    who = "You said: " if entry.who == "me" else "Chat said: "
    body = html.escape(entry.text) if entry.who == "me" else linker.html(entry.text)
    buttons = ""
    if entry.buttons:
        buttons = (
            '<div class="choices" role="group" aria-label="Answers you can choose">'
            + "".join(
                f'<button type="submit" form="chat-form" name="payload" class="choice" '
                f'value="{html.escape(b.payload)}">{html.escape(b.title)}</button>'
                for b in entry.buttons
            )
            + "</div>"
        )
    classes = f"msg msg-{entry.who}" + (" msg-urgent" if entry.urgency else "")
    return (
        f'<div class="{classes}">{before}<p><span class="visually-hidden">{who}</span>'
        f'<span class="msg-text">{body}</span></p>{after}{buttons}</div>'
    )


def entry_json(entry: Entry, linker: Linker) -> dict:
    """One message for chat.js: its text as segments (text + optional href), buttons, urgency."""
    segments = (
        [{"text": entry.text}] if entry.who == "me" else [s.to_json() for s in linker.segments(entry.text)]
    )
    return {
        "who": entry.who,
        "text": entry.text,
        "segments": segments,
        "buttons": [{"title": b.title, "payload": b.payload} for b in entry.buttons],
        "urgency": list(entry.urgency),
    }


def emergency_banner(text: SafetyText, shown: bool) -> str:
    """The banner in the sticky bar: once an emergency turn has come, it stays in view."""
    return (
        f'<div id="banner-emergency" class="banner-emergency"{"" if shown else " hidden"}>'
        f'<span class="banner-title">In danger now?</span> '
        f"{controls_html(text.emergency_controls, 'Emergency')}</div>"
    )


def crisis_banner(text: SafetyText, linker: Linker, shown: bool) -> str:
    return (
        f'<section id="banner-crisis" class="banner banner-crisis" '
        f'aria-labelledby="banner-crisis-title"{"" if shown else " hidden"}>'
        f'<h2 id="banner-crisis-title">You can talk to someone right now</h2>'
        f"<ul>{_items(text.crisis, linker)}</ul></section>"
    )


def control_templates(text: SafetyText) -> str:
    """The urgent controls as <template>s that chat.js copies into an urgent reply."""
    return "".join(
        f'<template id="controls-{level}">{controls_html(urgent_controls(text, level), label)}</template>'
        for level, label in URGENT_LABELS.items()
    )


def chat_page(
    text: SafetyText,
    linker: Linker,
    *,
    session: str = "",
    entries: Iterable[Entry] = (),
    urgency: Iterable[str] = (),
    status: str = "",
    typed: str = "",
) -> str:
    """The chat page; with a session, the conversation so far (the page without JavaScript)."""
    urgency = tuple(urgency)
    body = fill(
        template("chat.html"),
        {"emergency": text.emergency, "session": session, "status": status, "typed": typed},
        raw={
            "log": "".join(entry_html(e, text, linker) for e in entries),
            "crisis_banner": crisis_banner(text, linker, "crisis" in urgency),
            "control_templates": control_templates(text),
            # what chat.js shows when the gateway cannot be reached at all
            "fallback": linker.html(text.fallback),
        },
    )
    return _page(
        "chat", text, linker, CHAT_TITLE, body, banner=emergency_banner(text, "emergency" in urgency)
    )


# --- other pages --------------------------------------------------------------------------------


def privacy_page(text: SafetyText, linker: Optional[Linker] = None) -> str:
    linker = linker or Linker()
    body = fill(template("privacy.html"), {"emergency": text.emergency, "childline": text.childline})
    return _page("privacy", text, linker, "What happens to what you type", body)


def quick_exit_page(text: SafetyText, linker: Optional[Linker] = None) -> str:
    linker = linker or Linker()
    body = fill(template("quick_exit.html"), {"emergency": text.emergency})
    return _page("quick-exit", text, linker, "How quick exit works", body)


def admin_directory_page(text: SafetyText, linker: Linker, export: Optional[Callable[[], str]]) -> str:
    """The administrators' export of the whole directory inside our layout, or a kind page."""
    title = "Service directory (for administrators)"
    if export is not None:
        try:
            return _page("admin-directory", text, linker, title, export())
        except Exception as error:  # a broken export must not take the page down
            log.error("directory export failed (%s)", type(error).__name__)
    body = fill(
        template("directory_missing.html"), {"emergency": text.emergency, "childline": text.childline}
    )
    return _page("admin-directory", text, linker, title, body)


def html_body(document: str) -> str:
    """What of an exported HTML document fits in our layout: the inside of <body>, without
    <script>/<style> (the CSP forbids inline ones), inside a <main> if it has none."""
    match = re.search(r"<body[^>]*>(.*)</body>", document, re.S | re.I)
    body = match.group(1) if match else document
    body = re.sub(r"<(script|style)\b.*?</\1\s*>", "", body, flags=re.S | re.I)
    if "<main" not in body.lower():
        body = f'<main id="main" class="page prose">{body}</main>'
    return body
