"""bot/telegram/ids.py: the sender id Rasa sees is HMAC(secret, chat id), never the chat id."""

from __future__ import annotations

from bot.telegram.ids import sender_id


def test_sender_id_is_a_keyed_hash_of_the_chat_id():
    one = sender_id(b"secret", 12345)
    assert one == sender_id(b"secret", 12345) and len(one) == 64 and "12345" not in one
    assert one != sender_id(b"other secret", 12345)
    assert one != sender_id(b"secret", 12346)
