"""Telegram sender ids: HMAC-SHA256(SENDER_ID_SECRET, chat id), hex.

Rasa, the logs and the bridge's own memory only ever hold this value; the raw chat id is used to
reply and then dropped (hazards H07, H10)."""

from __future__ import annotations

import hashlib
import hmac


def sender_id(secret: bytes, chat_id: int) -> str:
    return hmac.new(secret, str(chat_id).encode("ascii"), hashlib.sha256).hexdigest()
