"""bot/telegram/webhook.py: the webhook listener checks Telegram's secret header and answers
malformed bodies with a clear 4xx (marked fuzz); serve_webhook waits for Telegram at start-up,
stops when asked while Telegram is still down, and does not retry a URL Telegram refuses (marked
faults: an exiting bridge would make `make run` stop the whole assistant)."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest
from aiohttp import ClientSession
from telegram.error import BadRequest

from bot.serve.ports import free_port
from bot.telegram.bridge import TelegramBridge, build_application
from bot.telegram.retry import Backoff
from bot.telegram.webhook import SECRET_HEADER, serve_webhook
from tests.telegram.fake_bot_api import Fault
from tests.telegram.helpers import CHAT, FAST_API, WEBHOOK_SECRET, plain, sender, settings_for, text_update


async def test_webhook_with_a_wrong_or_missing_secret_is_403_and_creates_nothing(
    webhook, telegram_settings, bot_api, fake_rasa, application
):
    path = telegram_settings.telegram_webhook_path
    for headers in ({}, {SECRET_HEADER: "wrong"}, {SECRET_HEADER: WEBHOOK_SECRET + "x"}):
        response = await webhook.post(path, json=text_update("hello"), headers=headers)
        assert response.status == 403
    assert await bot_api.wait_for(lambda: bool(bot_api.sent()), timeout_s=0.5) is False
    assert fake_rasa.received == [] and application.bot.callback_data_cache.persistence_data == ([], {})


async def test_webhook_with_the_right_secret_round_trips(webhook, telegram_settings, bot_api, fake_rasa):
    response = await webhook.post(
        telegram_settings.telegram_webhook_path,
        json=text_update("hello hook"),
        headers={SECRET_HEADER: WEBHOOK_SECRET},
    )
    assert response.status == 200
    assert await bot_api.wait_for(lambda: len(bot_api.sent(CHAT)) == 1)
    assert fake_rasa.received == [(sender(), "hello hook")]
    response = await webhook.post(
        telegram_settings.telegram_webhook_path, data=b"not json", headers={SECRET_HEADER: WEBHOOK_SECRET}
    )
    assert response.status == 400


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


@pytest.mark.fuzz
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


# --- start-up while Telegram fails (marked faults) ------------------------------------------------


@pytest.fixture
def webhook_settings(fake_rasa, rasa_url, bot_api):
    return dataclasses.replace(
        settings_for(fake_rasa.url, bot_api.url),
        telegram_mode="webhook",
        telegram_webhook_secret=WEBHOOK_SECRET,
        telegram_webhook_url="https://example.invalid/hook",
        telegram_webhook_port=free_port(),
    )


def application_for(settings, safety_text):
    bridge = TelegramBridge(settings, safety_text)
    return build_application(settings, safety_text, bridge, timeouts=FAST_API)


QUICK = Backoff(base_s=0.01, cap_s=0.01)


@pytest.mark.faults
async def test_webhook_bridge_waits_for_telegram_at_start_up_then_answers(
    webhook_settings, safety_text, bot_api, fake_rasa, rasa_url
):
    bot_api.fail("getMe", Fault.error(500), times=2)
    bot_api.fail("setWebhook", Fault.error(502, "Bad Gateway"))
    bot_api.fail("setWebhook", Fault.hang(3.0))
    stop = asyncio.Event()
    serving = asyncio.create_task(
        serve_webhook(
            application_for(webhook_settings, safety_text), webhook_settings, stop=stop, startup_backoff=QUICK
        )
    )
    try:
        assert await bot_api.wait_for(lambda: bool(bot_api.called("setWebhook")), timeout_s=15)
        assert len(bot_api.failures("getMe")) == 2 and len(bot_api.failures("setWebhook")) == 2
        [registered] = bot_api.called("setWebhook")
        assert registered["url"] == "https://example.invalid/hook"
        update = text_update("hello hook")
        url = f"http://127.0.0.1:{webhook_settings.telegram_webhook_port}{webhook_settings.telegram_webhook_path}"
        async with ClientSession() as http:
            for _ in range(200):  # the listener starts right after setWebhook
                try:
                    async with http.post(
                        url, json=update, headers={SECRET_HEADER: WEBHOOK_SECRET}
                    ) as response:
                        status = response.status
                        break
                except OSError:
                    await asyncio.sleep(0.05)
        assert status == 200
        assert await bot_api.wait_for(lambda: len(bot_api.sent(CHAT)) == 1)
        assert plain(bot_api.sent(CHAT)[0]) == "I read: hello hook"
    finally:
        stop.set()
        await asyncio.wait_for(serving, timeout=30)


@pytest.mark.faults
async def test_webhook_bridge_stops_when_asked_while_telegram_is_still_down(
    webhook_settings, safety_text, bot_api
):
    bot_api.fail("getMe", Fault.error(500), times=None)
    stop = asyncio.Event()
    serving = asyncio.create_task(
        serve_webhook(
            application_for(webhook_settings, safety_text),
            webhook_settings,
            stop=stop,
            startup_backoff=Backoff(base_s=3600, cap_s=3600),
        )
    )
    assert await bot_api.wait_for(lambda: len(bot_api.failures("getMe")) == 1)
    stop.set()
    await asyncio.wait_for(serving, timeout=30)  # no hour-long wait
    assert not bot_api.called("setWebhook")


@pytest.mark.faults
async def test_webhook_url_refused_by_telegram_is_not_retried(webhook_settings, safety_text, bot_api):
    bot_api.fail(
        "setWebhook", Fault.error(400, "Bad Request: bad webhook: HTTPS url must be provided"), times=None
    )
    application = application_for(webhook_settings, safety_text)
    with pytest.raises(BadRequest):
        await asyncio.wait_for(
            serve_webhook(application, webhook_settings, stop=asyncio.Event(), startup_backoff=QUICK),
            timeout=30,
        )
    assert len(bot_api.failures("setWebhook")) == 1
    assert not application.running
