"""bot/telegram/render.py: the bot's words as Telegram HTML (bold first line on an urgent turn), in
pieces no longer than Telegram accepts."""

from __future__ import annotations

from bot.telegram.render import split_text, to_html


def test_split_keeps_every_character_and_prefers_breaks():
    text = ("word " * 2000).strip()
    pieces = split_text(text, limit=4096)
    assert "".join(pieces) == text
    assert all(len(p) <= 4096 for p in pieces)
    assert all(p.endswith(" ") for p in pieces[:-1])  # cut after a space, not inside a word
    assert split_text("short") == ["short"]
    assert split_text("") == [""]


def test_split_counts_emoji_as_telegram_does():
    text = "😀" * 3000  # 2 UTF-16 units each
    pieces = split_text(text, limit=4096)
    assert "".join(pieces) == text
    assert all(len(p.encode("utf-16-le")) // 2 <= 4096 for p in pieces)


def test_split_hard_cuts_a_text_without_breaks():
    pieces = split_text("x" * 10000)
    assert [len(p) for p in pieces] == [4096, 4096, 1808]


def test_html_escapes_and_bolds_only_the_first_line():
    assert to_html("a < b & c > d") == "a &lt; b &amp; c &gt; d"
    assert (
        to_html("Call 999 <now>\nsecond line", bold_first_line=True)
        == "<b>Call 999 &lt;now&gt;</b>\nsecond line"
    )
    assert to_html("one line", bold_first_line=True) == "<b>one line</b>"
