"""Rasa down, slow or broken, through both channels: the web gateway (create_app) and the
Telegram bridge (polling a fake Bot API), each in front of a misbehaving fake Rasa on 127.0.0.1
(tests/channels/fakes.py). Every fault gets the static safety reply, naming 999 and Childline with the
directory's numbers, and the next turn after Rasa recovers is answered normally (hazard H08).

"Promptly" without a clock: a slow Rasa never answers until the test lets it, so a safety reply
that arrives at all was sent on RASA_TIMEOUT_S (0.5 s here), not on Rasa's answer."""

from __future__ import annotations

import pytest

from tests.channels import fakes
from tests.telegram.helpers import RASA_TIMEOUT_S, plain, sender
from tests.web.helpers import chat_ok

pytestmark = pytest.mark.faults

FAULTS = ["down", *fakes.FAULTS]
closed_port_url = fakes.closed_port_url


def rasa_url_for(fault: str, fake_rasa) -> str:
    if fault == "down":
        return closed_port_url()  # connection refused
    fake_rasa.mode = fault
    return fake_rasa.url


@pytest.mark.parametrize("fault", FAULTS)
async def test_web_gives_the_safety_reply_when_rasa_is(
    fault, fake_rasa, rasa_url, make_client, assert_safety_reply
):
    client = await make_client(rasa_url_for(fault, fake_rasa), rasa_timeout_s=RASA_TIMEOUT_S)
    body = await chat_ok(client, message="hello")
    assert body["fallback"] is True and body["urgency"] == []
    [message] = body["messages"]
    assert_safety_reply(message["text"])
    assert message["buttons"] == []
    if fault == "slow":
        assert fake_rasa.slow_answered == 0  # sent without Rasa's answer: on the timeout
    if fault != "down":
        assert fake_rasa.received == [(fake_rasa.received[0][0], "hello")]
        fake_rasa.mode = "ok"
        fake_rasa.release()
        again = await chat_ok(client, session=body["session"], message="again")
        assert again["fallback"] is False and again["messages"][0]["text"] == "I read: again"


@pytest.mark.parametrize("fault", FAULTS)
async def test_telegram_gives_the_safety_reply_when_rasa_is(
    fault, fake_rasa, rasa_url, telegram_factory, assert_safety_reply
):
    telegram = await telegram_factory(rasa_url_for(fault, fake_rasa))
    [sent] = await telegram.say("hello")
    assert_safety_reply(plain(sent))
    assert "<b>" not in sent["text"] and not sent.get("reply_markup")
    assert telegram.errors == []
    if fault == "slow":
        assert fake_rasa.slow_answered == 0
    if fault != "down":
        assert fake_rasa.received == [(sender(), "hello")]
        fake_rasa.mode = "ok"
        fake_rasa.release()
        [again] = await telegram.say("again")
        assert plain(again) == "I read: again"


async def test_a_slow_rasa_for_one_telegram_chat_does_not_hold_up_another(
    fake_rasa, rasa_url, telegram_factory
):
    """Each chat waits for Rasa on its own: the second chat's message reaches Rasa before the
    first chat's timeout has produced any reply (handled one by one, it would wait for it)."""
    from tests.telegram.helpers import CHAT, OTHER_CHAT

    fake_rasa.mode = "slow"
    telegram = await telegram_factory(fake_rasa.url, rasa_timeout_s=2.0)  # room for a loaded machine
    replies_when_rasa_was_asked: list[int] = []
    fake_rasa.on_arrival = lambda: replies_when_rasa_was_asked.append(len(telegram.api.sent()))
    telegram.api.push_text(CHAT, "first")
    telegram.api.push_text(OTHER_CHAT, "second")
    assert await telegram.api.wait_for(lambda: telegram.api.sent(CHAT) and telegram.api.sent(OTHER_CHAT))
    assert replies_when_rasa_was_asked == [0, 0]
    assert fake_rasa.slow_answered == 0
