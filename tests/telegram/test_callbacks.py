"""bot/telegram/callbacks.py: buttons go to Telegram as short ids, come back only in their own
conversation, and are forgotten with it."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.ext import CallbackDataCache

from bot.telegram.callbacks import MAX_CALLBACK_BYTES, ButtonPress, forget_buttons, keyboards_of, payload_for


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
