"""bot/telegram/bridge.py end to end: real python-telegram-bot polling a fake Bot API on
127.0.0.1, talking to a fake Rasa on 127.0.0.1. Typed text, buttons, media, commands, privacy,
limits; Telegram failing (marked faults: a reply the bridge produced is delivered once the API
recovers, permanent errors are not retried and only their kind is logged, getUpdates failures do
not stop polling and each update is handled once; hazard H08); and the fuzz corpus (marked fuzz:
every case gets a reply and no handler raises, replies are HTML-escaped, typed "/..." is never sent
to Rasa as an intent, urgent phrases with invisible characters still fire the safety net)."""

from __future__ import annotations

import html
import logging
import re

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, Forbidden, NetworkError

from bot.safety.matcher import assess
from bot.telegram.callbacks import MAX_CALLBACK_BYTES, ButtonPress, keyboards_of
from bot.telegram.ids import sender_id
from bot.telegram.retry import Backoff
from tests.channels import fakes
from tests.channels.fuzz_corpus import TEXTS, URGENT_INVISIBLE
from tests.telegram.fake_bot_api import Fault
from tests.telegram.helpers import CHAT, OTHER_CHAT, SECRET, plain, sender, text_update


SENDER = sender_id(SECRET, CHAT)


def texts(bot_api, chat=CHAT):
    return [html.unescape(m["text"]) for m in bot_api.sent(chat)]


async def say(bot_api, text, chat=CHAT, replies=1):
    before = len(bot_api.sent(chat))
    bot_api.push_text(chat, text)
    assert await bot_api.wait_for(lambda: len(bot_api.sent(chat)) >= before + replies)
    return bot_api.sent(chat)[before:]


async def test_start_greets_through_rasa_with_an_hmac_sender_and_inline_buttons(polling, bot_api, fake_rasa):
    sent, note = await say(bot_api, "/start", replies=2)
    assert fake_rasa.received == [(SENDER, "/greet")]
    assert_says_what_telegram_keeps(html.unescape(note["text"]))
    assert len(SENDER) == 64 and str(CHAT) not in SENDER
    assert html.unescape(sent["text"]) == fakes.GREETING
    assert sent["parse_mode"] == "HTML"
    keyboard = sent["reply_markup"]["inline_keyboard"]
    assert [row[0]["text"] for row in keyboard] == ["Something happened to me", "Not now"]
    for row in keyboard:
        assert len(row[0]["callback_data"].encode()) <= MAX_CALLBACK_BYTES
        assert "/" not in row[0]["callback_data"]  # an id, not the payload
    assert bot_api.called("deleteWebhook")  # polling starts by clearing any webhook


async def test_text_round_trip_and_unknown_commands_are_read_as_words(polling, bot_api, fake_rasa):
    [sent] = await say(bot_api, "hello there")
    assert html.unescape(sent["text"]) == "I read: hello there"
    await say(bot_api, "/i want to die")  # not a command we know: the safety net must see it
    assert fake_rasa.received == [(SENDER, "hello there"), (SENDER, "i want to die")]


async def test_bot_text_is_html_escaped(polling, bot_api):
    [sent] = await say(bot_api, "<b>not bold</b> & <script>")
    assert sent["text"] == "I read: &lt;b&gt;not bold&lt;/b&gt; &amp; &lt;script&gt;"


async def test_buttons_become_callbacks_that_are_answered_and_forwarded(polling, bot_api, fake_rasa):
    [sent] = await say(bot_api, "choices please")
    ids = [row[0]["callback_data"] for row in sent["reply_markup"]["inline_keyboard"]]
    before = len(bot_api.sent(CHAT))
    bot_api.push_callback(CHAT, ids[1], query_id="q-42")
    assert await bot_api.wait_for(lambda: len(bot_api.sent(CHAT)) > before)
    assert [p["callback_query_id"] for p in bot_api.called("answerCallbackQuery")] == ["q-42"]
    assert fake_rasa.received[-1] == (SENDER, '/inform_age{"age_band": "band_1"}')
    assert bot_api.called("editMessageReplyMarkup")  # the used keyboard is taken away


async def test_unknown_or_foreign_callbacks_are_answered_but_not_forwarded(polling, bot_api, fake_rasa):
    [sent] = await say(bot_api, "choices please")
    their_id = sent["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    received = len(fake_rasa.received)
    bot_api.push_callback(OTHER_CHAT, their_id, query_id="q-other")  # another chat replays an id
    bot_api.push_callback(CHAT, "made-up", query_id="q-made-up")
    assert await bot_api.wait_for(
        lambda: (
            len(bot_api.called("answerCallbackQuery")) == 2
            and len(bot_api.sent(OTHER_CHAT)) == 1
            and len(bot_api.sent(CHAT)) == 2
        )
    )
    assert len(fake_rasa.received) == received
    assert "doesn't work any more" in texts(bot_api, OTHER_CHAT)[0]


async def test_long_replies_are_split_under_4096(polling, bot_api):
    bot_api.push_text(CHAT, "a long answer please")
    assert await bot_api.wait_for(lambda: len(bot_api.sent(CHAT)) >= 3)
    sent = bot_api.sent(CHAT)
    assert all(len(html.unescape(m["text"])) <= 4096 for m in sent)
    assert "".join(html.unescape(m["text"]) for m in sent) == fakes.LONG_TEXT


async def test_urgent_turn_has_a_bold_first_line_other_turns_do_not(polling, bot_api):
    [urgent] = await say(bot_api, "hes outside my house im in danger")
    assert urgent["text"].startswith("<b>") and urgent["parse_mode"] == "HTML"
    assert html.unescape(urgent["text"].replace("<b>", "").replace("</b>", "")) == fakes.EMERGENCY_TEXT
    [calm] = await say(bot_api, "thanks")
    assert "<b>" not in calm["text"]


@pytest.mark.parametrize("kind", ["photo", "voice", "sticker", "location", "contact"])
async def test_media_gets_a_kind_reply_and_is_not_forwarded(polling, bot_api, fake_rasa, kind):
    bot_api.push_media(CHAT, kind)
    assert await bot_api.wait_for(lambda: len(bot_api.sent(CHAT)) == 1)
    [reply] = texts(bot_api)
    assert "only read typed messages" in reply and "999" in reply
    assert fake_rasa.received == []
    assert not bot_api.called("getFile")


@pytest.mark.parametrize("kind", ["photo", "video"])
async def test_a_caption_is_read_like_a_message_before_the_only_text_note(polling, bot_api, fake_rasa, kind):
    bot_api.push_media(CHAT, kind, caption="says hes coming round tonight to hurt me")
    assert await bot_api.wait_for(lambda: len(bot_api.sent(CHAT)) == 2)
    first, second = texts(bot_api)
    assert fake_rasa.received == [(SENDER, "says hes coming round tonight to hurt me")]
    assert first == "I read: says hes coming round tonight to hurt me"  # the reply comes first
    assert "only read typed messages" in second
    assert not bot_api.called("getFile")


async def test_an_edited_message_is_read_again(polling, bot_api, fake_rasa):
    await say(bot_api, "something happened")
    bot_api.push_edited_text(CHAT, "something happened and hes still here")
    assert await bot_api.wait_for(lambda: len(bot_api.sent(CHAT)) == 2)
    assert fake_rasa.received[-1] == (SENDER, "something happened and hes still here")


@pytest.mark.parametrize("command", ["/start", "/help", "/privacy"])
async def test_words_after_a_command_are_read_first(polling, bot_api, fake_rasa, command):
    sent = await say(bot_api, f"{command} hes outside my house", replies=1)
    assert fake_rasa.received == [(SENDER, "hes outside my house")]
    assert "999" in html.unescape(sent[0]["text"])  # the fake Rasa's urgent reply comes first


async def test_forget_restarts_rasa_and_explains_deleting_the_chat(polling, bot_api, fake_rasa, bridge):
    await say(bot_api, "choices please")
    assert keyboards_of(polling.bot.callback_data_cache, SENDER) == 1
    [sent] = await say(bot_api, "/forget")
    assert fake_rasa.received[-1] == (SENDER, "/restart")
    text = html.unescape(sent["text"])
    assert "forgotten this conversation" in text and "Delete chat" in text
    assert keyboards_of(polling.bot.callback_data_cache, SENDER) == 0


def assert_says_what_telegram_keeps(text: str) -> None:
    """Issue 16: Telegram's servers and the phone keep the chat until deleted; the account's id
    and name reach the bot and are not kept."""
    assert "on its servers and on your phone until you delete it" in text
    assert "account number and name" in text and "I don't keep them" in text


async def test_privacy_says_what_telegram_keeps_and_that_the_web_chat_leaves_less(polling, bot_api):
    [sent] = await say(bot_api, "/privacy")
    text = html.unescape(sent["text"])
    assert_says_what_telegram_keeps(text)
    assert "web chat leaves less behind" in text


async def test_help_and_privacy_use_the_directory_numbers(polling, bot_api, fake_rasa):
    [help_reply] = await say(bot_api, "/help")
    [privacy_reply] = await say(bot_api, "/privacy")
    assert "999" in help_reply["text"] and "0800 1111" in help_reply["text"]
    assert "1 hour" in privacy_reply["text"] and "999" in privacy_reply["text"]
    assert fake_rasa.received == []


async def test_rasa_down_gives_the_safety_message(polling, bot_api, fake_rasa):
    fake_rasa.status = 500
    [sent] = await say(bot_api, "hello")
    text = html.unescape(sent["text"])
    assert "something went wrong" in text and "999" in text and "0800 1111" in text


async def test_too_long_messages_are_refused_kindly(polling, bot_api, fake_rasa):
    [sent] = await say(bot_api, "x" * 2001)
    assert "too long" in sent["text"] and "999" in sent["text"] and "0800 1111" in sent["text"]
    assert fake_rasa.received == []


async def test_group_chats_are_not_forwarded(polling, bot_api, fake_rasa):
    bot_api.push_text(-100123, "/start", chat_type="group")
    bot_api.push_text(-100123, "something in a group", chat_type="group")
    bot_api.push_text(CHAT, "marker")
    # chats are handled concurrently: wait for both answers, not for one before the other
    assert await bot_api.wait_for(lambda: len(bot_api.sent(CHAT)) == 1 and texts(bot_api, -100123))
    assert [m for _, m in fake_rasa.received] == ["marker"]
    assert "private chats" in texts(bot_api, -100123)[0]


async def test_no_raw_chat_id_username_or_name_is_kept_or_logged(polling, bot_api, fake_rasa, bridge, caplog):
    caplog.set_level(logging.DEBUG)
    await say(bot_api, "choices please")
    fake_rasa.status = 500
    await say(bot_api, "private words")
    application = polling
    assert dict(application.chat_data) == {} and dict(application.user_data) == {}
    assert not application._chat_ids_to_be_updated_in_persistence
    assert not application._user_ids_to_be_updated_in_persistence
    keyboards, _ = application.bot.callback_data_cache.persistence_data
    assert {b.sender for _, _, buttons in keyboards for b in buttons.values()} == {SENDER}
    assert {s for s, _ in fake_rasa.received} == {SENDER}
    ours = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("bot."))
    assert "Rasa answered HTTP 500" in ours
    for leak in [str(CHAT), "rosalind", "Privateperson", "private words", SENDER]:
        assert leak.lower() not in ours.lower()


async def test_per_conversation_rate_limit_still_shows_999(polling, bot_api, fake_rasa, bridge):
    from bot.channels.rate_limits import KeyedRateLimits
    from bot.channels.rate_limits import RateLimit

    bridge.limits = KeyedRateLimits(RateLimit(2, 60))
    await say(bot_api, "one")
    await say(bot_api, "two")
    [sent] = await say(bot_api, "three")
    text = html.unescape(sent["text"])
    assert "wait a minute" in text and "999" in text and "0800 1111" in text
    assert [m for _, m in fake_rasa.received] == ["one", "two"]
    await say(bot_api, "from someone else", chat=OTHER_CHAT)
    assert fake_rasa.received[-1][1] == "from someone else"


# --- Telegram failing (marked faults): fake Bot API faults against the real bridge ----------------


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


@pytest.mark.faults
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


@pytest.mark.faults
async def test_the_safety_reply_is_retried_too(fake_rasa, rasa_url, telegram_factory, assert_safety_reply):
    fake_rasa.mode = "status"
    telegram = await telegram_factory(fake_rasa.url)
    telegram.api.fail("sendMessage", Fault.error(502, "Bad Gateway"), times=2)
    [sent] = await telegram.say("hello")
    assert_safety_reply(plain(sent))
    assert len(telegram.api.failures("sendMessage")) == 2


@pytest.mark.faults
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


@pytest.mark.faults
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


@pytest.mark.faults
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


@pytest.mark.faults
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


@pytest.mark.faults
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


@pytest.mark.faults
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


# --- the fuzz corpus (marked fuzz): the real Application fed updates with process_update ----------


ALLOWED_TAGS = re.compile(r"</?b>")


async def feed(application, data: dict) -> None:
    await application.process_update(Update.de_json(data, application.bot))


def _case(case_id: str, text: str):
    return pytest.param(text, id=case_id)


@pytest.mark.fuzz
@pytest.mark.parametrize("typed", [_case(i, t) for i, t in TEXTS])
async def test_typed_text_gets_a_reply_and_no_handler_fails(
    application, bridge_errors, bot_api, fake_rasa, typed
):
    await feed(application, text_update(typed))
    assert bridge_errors == []
    sent = bot_api.sent(CHAT)
    assert sent, "no reply"
    for message in sent:
        assert message["parse_mode"] == "HTML"
        # The only markup the bridge makes is <b>; everything else is escaped text.
        assert "<" not in ALLOWED_TAGS.sub("", message["text"]), message["text"][:200]
        assert len(html.unescape(ALLOWED_TAGS.sub("", message["text"]))) <= 4096
    for _, forwarded in fake_rasa.received:
        assert not forwarded.startswith("/"), "typed text must never be read as an intent"


@pytest.mark.fuzz
async def test_the_bridge_commands_still_work_after_fuzz(application, bridge_errors, bot_api, fake_rasa):
    for _, typed in TEXTS:
        await feed(application, text_update(typed, chat=CHAT + 1))
    before = len(bot_api.sent(CHAT))
    await feed(application, text_update("/help"))
    assert bridge_errors == []
    assert "999" in html.unescape(bot_api.sent(CHAT)[before]["text"])


@pytest.mark.fuzz
@pytest.mark.parametrize("typed", [t for _, t in URGENT_INVISIBLE], ids=[i for i, _ in URGENT_INVISIBLE])
async def test_urgent_phrases_with_invisible_characters_still_fire_the_safety_net(
    application, bridge_errors, bot_api, fake_rasa, typed
):
    await feed(application, text_update(typed))
    assert bridge_errors == []
    [(_, forwarded)] = fake_rasa.received
    assert assess(forwarded).level == "emergency", forwarded
    assert bot_api.sent(CHAT)


@pytest.mark.fuzz
@pytest.mark.parametrize("data", ["made-up", "", "x" * 64, "<script>", "/restart", "\x00"])
async def test_forged_callback_data_is_answered_and_not_forwarded(
    application, bridge_errors, bot_api, fake_rasa, data
):
    update = {
        "update_id": 99,
        "callback_query": {
            "id": "q-fuzz",
            "chat_instance": "ci",
            "data": data,
            "from": {"id": CHAT, "is_bot": False, "first_name": "R"},
            "message": {
                "message_id": 7,
                "date": 1700000000,
                "text": "earlier",
                "chat": {"id": CHAT, "type": "private"},
            },
        },
    }
    await feed(application, update)
    assert bridge_errors == []
    assert bot_api.called("answerCallbackQuery")
    assert fake_rasa.received == []
