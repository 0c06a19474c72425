"""Short callback ids for inline keyboard buttons.

Telegram allows 64 bytes of callback data, and Rasa payloads such as
'/inform_age{"age_band": "13_15"}' can be longer, so each button gets a random short id and the
payload stays here, keyed by the conversation's HMAC sender id (never the chat id). Bounded: a
few recent buttons per conversation, a limited number of conversations (least recent dropped)."""
from __future__ import annotations

import secrets
from collections import OrderedDict
from typing import Optional

MAX_CALLBACK_BYTES = 64


class CallbackMap:
    def __init__(self, max_conversations: int = 10000, per_conversation: int = 32) -> None:
        self._by_sender: "OrderedDict[str, OrderedDict[str, str]]" = OrderedDict()
        self._max_conversations = max_conversations
        self._per_conversation = per_conversation

    def __len__(self) -> int:
        return len(self._by_sender)

    def add(self, sender: str, payload: str) -> str:
        """A new callback id (11 characters) for `payload` in this conversation."""
        buttons = self._by_sender.pop(sender, None) or OrderedDict()
        self._by_sender[sender] = buttons  # most recent last
        callback_id = secrets.token_urlsafe(8)
        buttons[callback_id] = payload
        while len(buttons) > self._per_conversation:
            buttons.popitem(last=False)
        while len(self._by_sender) > self._max_conversations:
            self._by_sender.popitem(last=False)
        assert len(callback_id.encode()) <= MAX_CALLBACK_BYTES
        return callback_id

    def payload(self, sender: str, callback_id: Optional[str]) -> Optional[str]:
        """The payload behind a button of this conversation, or None (unknown or expired)."""
        return self._by_sender.get(sender, {}).get(callback_id or "")

    def drop(self, sender: str) -> None:
        self._by_sender.pop(sender, None)
