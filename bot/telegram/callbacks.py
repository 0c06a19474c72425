"""Inline buttons through python-telegram-bot's arbitrary callback data.

Telegram allows 64 bytes of callback data, and Rasa payloads such as
'/inform_age{"age_band": "13_15"}' can be longer, so the bridge builds its buttons with
`ApplicationBuilder().arbitrary_callback_data(MAX_KEYBOARDS)`: python-telegram-bot keeps each
button's object in its in-memory LRU cache (CallbackDataCache, no persistence here) and sends
Telegram two random uuids. The object is a `ButtonPress`: the payload and the conversation's HMAC
sender id (never the chat id), so a button only works in the conversation it was offered in.
A press python-telegram-bot cannot match (unknown, forged, dropped from the cache) arrives as
InvalidCallbackData, and /forget drops every keyboard of that conversation (`forget_buttons`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from telegram.ext import CallbackDataCache

MAX_CALLBACK_BYTES = 64
# Keyboards kept (least recently used dropped first): as many as conversations were kept before.
MAX_KEYBOARDS = 10000


@dataclass(frozen=True)
class ButtonPress:
    """What one inline button stands for: a payload, in one conversation (HMAC sender id)."""

    sender: str
    payload: str


def payload_for(sender: str, data: Any) -> Optional[str]:
    """The payload behind a pressed button of this conversation, or None (anything else)."""
    if isinstance(data, ButtonPress) and data.sender == sender:
        return data.payload
    return None


def _holds(buttons: dict, sender: str) -> bool:
    return any(isinstance(b, ButtonPress) and b.sender == sender for b in buttons.values())


def keyboards_of(cache: Optional[CallbackDataCache], sender: str) -> int:
    """How many keyboards of this conversation the cache holds."""
    if cache is None:
        return 0
    keyboards, _ = cache.persistence_data
    return sum(1 for _, _, buttons in keyboards if _holds(buttons, sender))


def forget_buttons(cache: Optional[CallbackDataCache], sender: str) -> None:
    """Drop every keyboard of this conversation from python-telegram-bot's cache (/forget).

    The cache has no per-keyboard delete besides drop_data(callback_query), so its contents are
    read (persistence_data), cleared and loaded back without this conversation's keyboards."""
    if cache is None:
        return
    keyboards, queries = cache.persistence_data
    kept = [entry for entry in keyboards if not _holds(entry[2], sender)]
    if len(kept) == len(keyboards):
        return
    uuids = {uuid for uuid, _, _ in kept}
    cache.clear_callback_data()
    cache.clear_callback_queries()
    cache.load_persistence_data((kept, {q: k for q, k in queries.items() if k in uuids}))
