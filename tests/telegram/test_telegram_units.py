"""Pure parts of the bridge: splitting, HTML, callback ids, sender ids; and the entry point."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.telegram.callbacks import MAX_CALLBACK_BYTES, CallbackMap
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
    assert to_html("Call 999 <now>\nsecond line", bold_first_line=True) == \
        "<b>Call 999 &lt;now&gt;</b>\nsecond line"
    assert to_html("one line", bold_first_line=True) == "<b>one line</b>"


def test_callback_ids_are_short_per_conversation_and_bounded():
    callbacks = CallbackMap(max_conversations=2, per_conversation=3)
    long_payload = '/inform_location{"borough": "kensington_and_chelsea", "age_band": "13_15"}'
    first = callbacks.add("a", long_payload)
    assert len(first.encode()) <= MAX_CALLBACK_BYTES < len(long_payload.encode())
    assert callbacks.payload("a", first) == long_payload
    assert callbacks.payload("b", first) is None  # only in its own conversation
    for n in range(3):
        callbacks.add("a", f"/p{n}")
    assert callbacks.payload("a", first) is None  # oldest button expired
    callbacks.add("b", "/x")
    callbacks.add("c", "/y")
    assert len(callbacks) == 2 and callbacks.payload("a", first) is None  # least recent dropped
    callbacks.drop("c")
    assert len(callbacks) == 1


def test_sender_id_is_a_keyed_hash_of_the_chat_id():
    one = sender_id(b"secret", 12345)
    assert one == sender_id(b"secret", 12345) and len(one) == 64 and "12345" not in one
    assert one != sender_id(b"other secret", 12345)
    assert one != sender_id(b"secret", 12346)


def run_module(env_changes: dict, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    env.update(env_changes)
    return subprocess.run([sys.executable, "-m", "bot.telegram"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_entry_point_without_a_token_exits_with_a_clear_message():
    result = run_module({})
    assert result.returncode == 1
    assert "TELEGRAM_BOT_TOKEN is not set" in result.stderr


def test_webhook_mode_refuses_to_start_without_a_good_secret():
    result = run_module({"TELEGRAM_BOT_TOKEN": "1:x", "TELEGRAM_MODE": "webhook",
                         "TELEGRAM_WEBHOOK_URL": "https://example.invalid/hook",
                         "TELEGRAM_WEBHOOK_SECRET": "short"})
    assert result.returncode == 1 and "TELEGRAM_WEBHOOK_SECRET" in result.stderr
