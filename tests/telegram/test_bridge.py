"""The Telegram bridge end to end: real python-telegram-bot polling a fake Bot API on 127.0.0.1,
talking to a fake Rasa on 127.0.0.1."""

from __future__ import annotations

import html
import logging

import pytest

from bot.telegram.callbacks import MAX_CALLBACK_BYTES, keyboards_of
from bot.telegram.ids import sender_id
from bot.telegram.webhook import SECRET_HEADER
from tests.channels import fakes
from tests.telegram.helpers import SECRET, WEBHOOK_SECRET

CHAT = 424242001
OTHER_CHAT = 424242002
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


# --- webhook mode -------------------------------------------------------------------------------


def update_json(text, chat=CHAT):
    return {
        "update_id": 1,
        "message": {
            "message_id": 5,
            "date": 1700000000,
            "text": text,
            "chat": {"id": chat, "type": "private"},
            "from": {"id": chat, "is_bot": False, "first_name": "R"},
        },
    }


async def test_webhook_with_a_wrong_or_missing_secret_is_403_and_creates_nothing(
    webhook, telegram_settings, bot_api, fake_rasa, application
):
    path = telegram_settings.telegram_webhook_path
    for headers in ({}, {SECRET_HEADER: "wrong"}, {SECRET_HEADER: WEBHOOK_SECRET + "x"}):
        response = await webhook.post(path, json=update_json("hello"), headers=headers)
        assert response.status == 403
    assert await bot_api.wait_for(lambda: bool(bot_api.sent()), timeout_s=0.5) is False
    assert fake_rasa.received == [] and application.bot.callback_data_cache.persistence_data == ([], {})


async def test_webhook_with_the_right_secret_round_trips(webhook, telegram_settings, bot_api, fake_rasa):
    response = await webhook.post(
        telegram_settings.telegram_webhook_path,
        json=update_json("hello hook"),
        headers={SECRET_HEADER: WEBHOOK_SECRET},
    )
    assert response.status == 200
    assert await bot_api.wait_for(lambda: len(bot_api.sent(CHAT)) == 1)
    assert fake_rasa.received == [(SENDER, "hello hook")]
    response = await webhook.post(
        telegram_settings.telegram_webhook_path, data=b"not json", headers={SECRET_HEADER: WEBHOOK_SECRET}
    )
    assert response.status == 400


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
