"""bot/telegram/ordering.py, with the real bridge against a fake Bot API that fails on request
(marked faults): a chat waiting on Telegram never holds up another chat, and one chat's messages
are answered in the order they were sent, with no per-chat lock kept afterwards."""

from __future__ import annotations

import pytest

from tests.telegram.fake_bot_api import Fault
from tests.telegram.helpers import CHAT, OTHER_CHAT, plain, sender


@pytest.mark.faults
async def test_a_chat_waiting_on_telegram_does_not_hold_up_another_chat(
    fake_rasa, rasa_url, telegram_factory
):
    telegram = await telegram_factory(fake_rasa.url)
    telegram.sleep.gate.clear()  # a backoff wait lasts until the test opens the gate
    telegram.api.fail("sendMessage", Fault.flood(30, chat_id=CHAT))
    telegram.api.push_text(CHAT, "first")
    assert await telegram.api.wait_for(lambda: telegram.sleep.waits == [30.0])
    [other] = await telegram.say("meanwhile, urgent", chat=OTHER_CHAT)
    assert plain(other) == "I read: meanwhile, urgent"
    assert telegram.api.sent(CHAT) == []  # still waiting out the 429
    telegram.sleep.gate.set()
    assert await telegram.api.wait_for(lambda: len(telegram.api.sent(CHAT)) == 1)
    assert plain(telegram.api.sent(CHAT)[0]) == "I read: first"


@pytest.mark.faults
async def test_one_chats_messages_are_answered_in_the_order_they_were_sent(
    fake_rasa, rasa_url, telegram_factory
):
    telegram = await telegram_factory(fake_rasa.url)
    telegram.sleep.gate.clear()
    telegram.api.fail("sendMessage", Fault.error(500, chat_id=CHAT), times=2)
    telegram.api.push_text(CHAT, "one")
    assert await telegram.api.wait_for(lambda: len(telegram.sleep.waits) == 1)
    telegram.api.push_text(CHAT, "two")
    await telegram.say("marker", chat=OTHER_CHAT)  # sent after "two", answered before it
    assert fake_rasa.received[:1] == [(sender(), "one")] and (sender(), "two") not in fake_rasa.received
    telegram.sleep.gate.set()
    assert await telegram.api.wait_for(lambda: len(telegram.api.sent(CHAT)) == 2)
    assert [plain(m) for m in telegram.api.sent(CHAT)] == ["I read: one", "I read: two"]
    assert [m for s, m in fake_rasa.received if s == sender()] == ["one", "two"]
    assert len(telegram.application.update_processor) == 0  # no per-chat lock is kept
