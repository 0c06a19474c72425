"""Fuzz corpus against the Telegram bridge's text handling: the real Application and handlers,
fed updates with process_update, replying to a fake Bot API, asking a fake Rasa. Every case gets
a reply and no handler raises; replies are HTML-escaped (parse_mode HTML); typed "/..." is never
sent to Rasa as an intent; urgent phrases with invisible characters still fire the safety net.
The webhook listener answers malformed bodies with 400 / 413, never 5xx."""

from __future__ import annotations

import html
import re

import pytest
from telegram import Update

from bot.safety.matcher import assess
from bot.telegram.webhook import SECRET_HEADER
from tests.channels.fuzz_corpus import TEXTS, URGENT_INVISIBLE

pytestmark = pytest.mark.fuzz

CHAT = 525252001
ALLOWED_TAGS = re.compile(r"</?b>")

_update_id = 0


def text_update(text: str, chat: int = CHAT) -> dict:
    global _update_id
    _update_id += 1
    message = {
        "message_id": _update_id,
        "date": 1700000000,
        "text": text,
        "chat": {"id": chat, "type": "private"},
        "from": {"id": chat, "is_bot": False, "first_name": "R"},
    }
    if text.startswith("/"):
        command = text.split()[0] if text.split() else text
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    return {"update_id": _update_id, "message": message}


async def feed(application, data: dict) -> None:
    await application.process_update(Update.de_json(data, application.bot))


# Telegram itself never delivers these as text messages (its clients refuse to send blank ones),
# and the bridge stays silent for text that is empty once cleaned.


def _case(case_id: str, text: str):
    return pytest.param(text, id=case_id)


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


async def test_the_bridge_commands_still_work_after_fuzz(application, bridge_errors, bot_api, fake_rasa):
    for _, typed in TEXTS:
        await feed(application, text_update(typed, chat=CHAT + 1))
    before = len(bot_api.sent(CHAT))
    await feed(application, text_update("/help"))
    assert bridge_errors == []
    assert "999" in html.unescape(bot_api.sent(CHAT)[before]["text"])


@pytest.mark.parametrize("typed", [t for _, t in URGENT_INVISIBLE], ids=[i for i, _ in URGENT_INVISIBLE])
async def test_urgent_phrases_with_invisible_characters_still_fire_the_safety_net(
    application, bridge_errors, bot_api, fake_rasa, typed
):
    await feed(application, text_update(typed))
    assert bridge_errors == []
    [(_, forwarded)] = fake_rasa.received
    assert assess(forwarded).level == "emergency", forwarded
    assert bot_api.sent(CHAT)


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


# --- the webhook listener ------------------------------------------------------------------------


WEBHOOK_BODIES = [
    ("empty", b"", 400),
    ("not_json", b"not json", 400),
    ("truncated", b'{"update_id": 1, "message": {', 400),
    ("invalid_utf8", b'{"update_id": 1, "x": "\xff\xfe"}', 400),
    ("json_array", b"[1, 2, 3]", 400),
    ("json_null", b"null", 400),
    ("message_wrong_type", b'{"update_id": 1, "message": "hello"}', 400),
    # over MAX_UPDATE_BYTES: webhook.py's catch-all turns aiohttp's 413 into a plain 400
    ("oversized_2mb", b'{"update_id": 1, "x": "' + b"a" * (2 * 1024 * 1024) + b'"}', 400),
]


@pytest.mark.parametrize(
    "data,expected", [(d, e) for _, d, e in WEBHOOK_BODIES], ids=[i for i, _, _ in WEBHOOK_BODIES]
)
async def test_webhook_malformed_bodies_get_a_clear_4xx(
    webhook, telegram_settings, fake_rasa, data, expected
):
    response = await webhook.post(
        telegram_settings.telegram_webhook_path,
        data=data,
        headers={
            SECRET_HEADER: telegram_settings.telegram_webhook_secret,
            "Content-Type": "application/json",
        },
    )
    assert response.status == expected
    assert fake_rasa.received == []
