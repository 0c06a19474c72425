"""Pure parts of the bridge: splitting, HTML, callback ids, sender ids; and the entry point."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.ext import CallbackDataCache

from bot.serve.stack import telegram_bridge
from bot.telegram.callbacks import MAX_CALLBACK_BYTES, ButtonPress, forget_buttons, keyboards_of, payload_for
from bot.telegram.ids import sender_id
from bot.telegram.render import split_text, to_html

REPO = Path(__file__).resolve().parents[2]


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


def _cache(maxsize: int = 4) -> CallbackDataCache:
    return CallbackDataCache(bot=None, maxsize=maxsize)


def _keyboard(cache: CallbackDataCache, *presses: ButtonPress) -> list[str]:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton(p.payload, callback_data=p)] for p in presses])
    return [row[0].callback_data for row in cache.process_keyboard(markup).inline_keyboard]


def test_buttons_go_to_telegram_as_short_ids_and_come_back_only_in_their_conversation():
    cache = _cache()
    long_payload = '/inform_location{"borough": "kensington_and_chelsea", "age_band": "13_15"}'
    [sent] = _keyboard(cache, ButtonPress("a", long_payload))
    assert len(sent.encode()) <= MAX_CALLBACK_BYTES < len(long_payload.encode())
    assert "/" not in sent and "kensington" not in sent
    keyboard_uuid, button_uuid = cache.extract_uuids(sent)
    [(uuid, _, buttons)] = cache.persistence_data[0]
    press = buttons[button_uuid]
    assert uuid == keyboard_uuid and payload_for("a", press) == long_payload
    assert payload_for("b", press) is None  # only in its own conversation
    assert payload_for("a", "made-up") is None and payload_for("a", None) is None


def test_forget_drops_this_conversations_keyboards_and_keeps_the_others():
    cache = _cache()
    _keyboard(cache, ButtonPress("a", "/x"), ButtonPress("a", "/y"))
    _keyboard(cache, ButtonPress("a", "/z"))
    _keyboard(cache, ButtonPress("b", "/x"))
    assert keyboards_of(cache, "a") == 2 and keyboards_of(cache, "b") == 1
    forget_buttons(cache, "a")
    assert keyboards_of(cache, "a") == 0 and keyboards_of(cache, "b") == 1
    forget_buttons(None, "a")  # no cache (arbitrary callback data off): nothing to do
    assert keyboards_of(None, "a") == 0


def test_the_cache_is_bounded_least_recent_keyboard_first():
    cache = _cache(maxsize=2)
    for n in range(3):
        _keyboard(cache, ButtonPress(f"s{n}", "/x"))
    assert [keyboards_of(cache, f"s{n}") for n in range(3)] == [0, 1, 1]


def test_sender_id_is_a_keyed_hash_of_the_chat_id():
    one = sender_id(b"secret", 12345)
    assert one == sender_id(b"secret", 12345) and len(one) == 64 and "12345" not in one
    assert one != sender_id(b"other secret", 12345)
    assert one != sender_id(b"secret", 12346)


def run_module(env_changes: dict, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    env.update(env_changes)
    return subprocess.run(
        telegram_bridge({}).command, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout
    )


def test_entry_point_without_a_token_exits_with_a_clear_message():
    result = run_module({})
    assert result.returncode == 1
    assert "TELEGRAM_BOT_TOKEN is not set" in result.stderr


def test_webhook_mode_refuses_to_start_without_a_good_secret():
    result = run_module(
        {
            "TELEGRAM_BOT_TOKEN": "1:x",
            "TELEGRAM_MODE": "webhook",
            "TELEGRAM_WEBHOOK_URL": "https://example.invalid/hook",
            "TELEGRAM_WEBHOOK_SECRET": "short",
        }
    )
    assert result.returncode == 1 and "TELEGRAM_WEBHOOK_SECRET" in result.stderr
