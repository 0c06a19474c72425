"""Telegram API faults against the real python-telegram-bot bridge: a fake Bot API on 127.0.0.1
that fails on request (500, 502, 429 with retry_after, resets, timeouts, 403, 400).

A reply the bridge produced is delivered once the API recovers; permanent errors are not
retried and only their kind is logged; one chat waiting on Telegram never holds up another;
getUpdates failures do not stop polling and each update is handled once (hazard H08)."""

from __future__ import annotations

import logging

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError

from bot.telegram.callbacks import ButtonPress
from bot.telegram.ids import sender_id
from bot.telegram.retry import Backoff
from tests.channels import fakes
from tests.telegram.fake_bot_api import Fault
from tests.telegram.helpers import CHAT, OTHER_CHAT, SECRET, plain, sender

pytestmark = pytest.mark.faults

SCHEDULE = Backoff().schedule()  # 0.5, 1, 2, 4, 4, 4, 4

SEND_FAULTS = {
    "500 three times": ([Fault.error(500, "Internal Server Error")] * 3, SCHEDULE[:3]),
    "502 with an html body": ([Fault.not_json(502)], SCHEDULE[:1]),
    "503 then 500": ([Fault.error(503, "Service Unavailable"), Fault.error(500)], SCHEDULE[:2]),
    "429 retry after 3 s": ([Fault.flood(3)], [3.0]),
    "429 then 500": ([Fault.flood(1), Fault.error(500)], [1.0, SCHEDULE[1]]),
    "connection reset twice": ([Fault.reset(), Fault.reset()], SCHEDULE[:2]),
    "no answer (timeout)": ([Fault.hang(3.0)], SCHEDULE[:1]),
}


@pytest.mark.parametrize("faults,waits", SEND_FAULTS.values(), ids=SEND_FAULTS.keys())
async def test_a_reply_telegram_failed_to_take_is_delivered_once_it_recovers(
    faults, waits, fake_rasa, rasa_url, telegram_factory
):
    telegram = await telegram_factory(fake_rasa.url)
    for fault in faults:
        telegram.api.fail("sendMessage", fault)
    [sent] = await telegram.say("hello")
    assert plain(sent) == "I read: hello"
    assert len(telegram.api.failures("sendMessage")) == len(faults)
    assert telegram.sleep.waits == waits  # backoff as designed; 429s wait what Telegram asks
    assert telegram.errors == []
    # exactly once: a later turn shows no second copy of the first reply
    await telegram.say("marker")
    assert [plain(m) for m in telegram.api.sent(CHAT)] == ["I read: hello", "I read: marker"]
    assert fake_rasa.received == [(sender(), "hello"), (sender(), "marker")]


async def test_the_safety_reply_is_retried_too(fake_rasa, rasa_url, telegram_factory, assert_safety_reply):
    fake_rasa.mode = "status"
    telegram = await telegram_factory(fake_rasa.url)
    telegram.api.fail("sendMessage", Fault.error(502, "Bad Gateway"), times=2)
    [sent] = await telegram.say("hello")
    assert_safety_reply(plain(sent))
    assert len(telegram.api.failures("sendMessage")) == 2


async def test_a_reply_whose_answer_was_lost_is_sent_again_so_it_may_arrive_twice(
    fake_rasa, rasa_url, telegram_factory
):
    """Telegram took the message but its answer never came: the bridge cannot tell this from a
    message that was lost, and a reply twice is better than none (at least once)."""
    telegram = await telegram_factory(fake_rasa.url)
    telegram.api.fail("sendMessage", Fault.hang(3.0, delivered=True))
    await telegram.say("hello", replies=2)
    assert [plain(m) for m in telegram.api.sent(CHAT)] == ["I read: hello"] * 2
    assert telegram.sleep.waits == SCHEDULE[:1]


PERMANENT = {
    "403 blocked": (Fault.error(403, "Forbidden: bot was blocked by the user"), Forbidden),
    "400 chat not found": (Fault.error(400, "Bad Request: chat not found"), BadRequest),
}


@pytest.mark.parametrize("fault,error", PERMANENT.values(), ids=PERMANENT.keys())
async def test_permanent_send_errors_are_not_retried_and_only_their_kind_is_logged(
    fault, error, fake_rasa, rasa_url, telegram_factory, caplog
):
    caplog.set_level(logging.DEBUG)
    telegram = await telegram_factory(fake_rasa.url)
    telegram.api.fail("sendMessage", fault)
    telegram.api.push_text(CHAT, "private words")
    assert await telegram.api.wait_for(lambda: len(telegram.errors) == 1)
    assert isinstance(telegram.errors[0], error)
    await telegram.say("still here", chat=OTHER_CHAT)  # the bridge goes on
    assert len(telegram.api.failures("sendMessage")) == 1 and telegram.sleep.waits == []
    assert telegram.api.sent(CHAT) == []
    ours = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("bot."))
    kind = error.__name__
    assert f"telegram: sendMessage refused ({kind}); not retried" in ours
    assert f"telegram: a handler failed ({kind})" in ours
    for leak in [
        str(CHAT),
        str(OTHER_CHAT),
        "private words",
        "still here",
        sender(),
        fault.description,
        "rosalind",
        "Privateperson",
    ]:
        assert leak.lower() not in ours.lower()


async def test_the_bridge_gives_up_after_the_bounded_tries_and_recovers_afterwards(
    fake_rasa, rasa_url, telegram_factory, caplog
):
    telegram = await telegram_factory(fake_rasa.url)
    telegram.api.fail("sendMessage", Fault.error(500), times=None)  # down until recover()
    telegram.api.push_text(CHAT, "hello")
    assert await telegram.api.wait_for(lambda: len(telegram.errors) == 1)
    assert isinstance(telegram.errors[0], NetworkError)
    assert len(telegram.api.failures("sendMessage")) == Backoff().attempts == 8
    assert telegram.sleep.waits == SCHEDULE
    assert "sendMessage failed 8 times (NetworkError); given up" in caplog.text
    telegram.api.recover()
    [sent] = await telegram.say("again")
    assert plain(sent) == "I read: again"


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


async def test_a_failing_button_acknowledgement_does_not_stop_the_reply(
    fake_rasa, rasa_url, telegram_factory
):
    telegram = await telegram_factory(fake_rasa.url)
    # a button as the bridge builds it (python-telegram-bot's arbitrary callback data)
    markup = telegram.application.bot.callback_data_cache.process_keyboard(
        InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        "Not now", callback_data=ButtonPress(sender_id(SECRET, CHAT), "/say_not_now")
                    )
                ]
            ]
        )
    )
    button = markup.inline_keyboard[0][0].callback_data
    telegram.api.fail("answerCallbackQuery", Fault.error(500))
    telegram.api.fail("editMessageReplyMarkup", Fault.reset())
    telegram.api.push_callback(CHAT, button)
    assert await telegram.api.wait_for(lambda: len(telegram.api.sent(CHAT)) == 1)
    assert plain(telegram.api.sent(CHAT)[0]) == fakes.NOT_NOW_TEXT
    assert fake_rasa.received == [(sender(), "/say_not_now")]
    assert len(telegram.api.failures("answerCallbackQuery")) == 1
    assert len(telegram.api.failures("editMessageReplyMarkup")) == 1
    assert telegram.errors == []


# --- polling -------------------------------------------------------------------------------------


async def test_get_updates_failures_do_not_stop_polling_and_each_update_is_handled_once(
    fake_rasa, rasa_url, telegram_factory, caplog
):
    """python-telegram-bot's updater retries getUpdates (at once after a timeout, after 1 s
    after an error) and confirms an update only after it arrived; the bridge configures nothing
    more for this. Errors reach the bridge's error handler as with run_polling."""
    from bot.telegram.bridge import ALLOWED_UPDATES

    telegram = await telegram_factory(fake_rasa.url, poll=False)
    application, api = telegram.application, telegram.api
    api.push_text(CHAT, "hello")
    # Telegram had the update ready but its answer was lost (timeout), then a 500
    api.fail("getUpdates", Fault.hang(3.5, delivered=True))  # read timeout: 1 s + 1 s poll
    api.fail("getUpdates", Fault.error(500, "Internal Server Error"))

    def error_callback(error):  # what Application.run_polling passes
        application.create_task(application.process_error(error=error, update=None))

    await application.updater.start_polling(
        poll_interval=0.0, timeout=1, allowed_updates=ALLOWED_UPDATES, error_callback=error_callback
    )
    assert await api.wait_for(lambda: len(api.sent(CHAT)) == 1, timeout_s=15)
    await telegram.say("marker")
    assert fake_rasa.received == [(sender(), "hello"), (sender(), "marker")]
    assert [plain(m) for m in api.sent(CHAT)] == ["I read: hello", "I read: marker"]
    assert len(api.failures("getUpdates")) == 2 and application.updater.running
    assert [type(e) for e in telegram.errors] == [NetworkError]  # the 500; a timeout is retried quietly
    assert "telegram: fetching updates failed (NetworkError); retrying" in caplog.text


async def test_a_reply_whose_formatting_telegram_refuses_arrives_as_plain_text(
    fake_rasa, rasa_url, telegram_factory
):
    # an urgent reply must not be lost because Telegram could not parse its HTML
    telegram = await telegram_factory(fake_rasa.url)
    telegram.api.fail(
        "sendMessage", Fault.error(400, "Bad Request: can't parse entities: unsupported start tag")
    )
    replies = await telegram.say("hello")
    assert len(telegram.api.failures("sendMessage")) == 1
    assert len(replies) == 1 and "parse_mode" not in replies[0]
    assert replies[0]["text"]
