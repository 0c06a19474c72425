"""Rasa's reply as Telegram messages (pure functions): HTML-escaped text, the first line bold on
an urgent turn, and no message over Telegram's 4,096-character limit."""

from __future__ import annotations

import html

# Telegram counts message length in UTF-16 code units, after entities are parsed.
MAX_MESSAGE_UNITS = 4096


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int = MAX_MESSAGE_UNITS) -> list[str]:
    """Pieces of at most `limit` UTF-16 units, cut at a paragraph, line or word break if one is
    in the second half of the piece, else hard. Joined back together they give `text`."""
    pieces: list[str] = []
    rest = text
    while _units(rest) > limit:
        # the longest prefix that fits (by UTF-16 units, so emoji count as Telegram counts them)
        end, used = 0, 0
        for char in rest:
            size = 2 if ord(char) > 0xFFFF else 1
            if used + size > limit:
                break
            used += size
            end += 1
        cut = end
        for separator in ("\n\n", "\n", " "):
            at = rest.rfind(separator, end // 2, end)
            if at > 0:
                cut = at + len(separator)
                break
        pieces.append(rest[:cut])
        rest = rest[cut:]
    if rest or not pieces:
        pieces.append(rest)
    return pieces


def to_html(text: str, bold_first_line: bool = False) -> str:
    if not bold_first_line:
        return html.escape(text, quote=False)
    first, newline, rest = text.partition("\n")
    if not first.strip():
        return html.escape(text, quote=False)
    return f"<b>{html.escape(first, quote=False)}</b>{newline}{html.escape(rest, quote=False)}"
