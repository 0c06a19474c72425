"""Telegram failing while the bridge starts: it waits for Telegram instead of exiting (an exiting
bridge makes `make run` stop the whole assistant, web chat included), and stops at once, with a
plain message, only when Telegram refuses the token.

Polling mode runs `python -m bot.telegram` itself (Application.run_polling with
bot.telegram.bridge.polling_options); webhook mode runs serve_webhook in this process with a
fast start-up backoff."""

from __future__ import annotations

import asyncio
import dataclasses
import signal

import pytest
from aiohttp import ClientSession
from telegram.error import BadRequest

from bot.serve.ports import free_port
from bot.telegram.bridge import TelegramBridge, build_application
from bot.telegram.retry import Backoff
from bot.telegram.webhook import SECRET_HEADER, serve_webhook
from tests.telegram.fake_bot_api import Fault
from tests.telegram.helpers import (
    CHAT,
    FAST_API,
    TOKEN,
    WEBHOOK_SECRET,
    bridge_env,
    plain,
    sender,
    settings_for,
    start_bridge,
    wait_until,
)

pytestmark = pytest.mark.faults


def test_polling_bridge_waits_for_telegram_at_start_up_and_handles_the_update_once(served_fakes, tmp_path):
    fake_rasa, api, rasa_url, api_url = served_fakes
    api.fail("getMe", Fault.error(500, "Internal Server Error"))
    api.fail("deleteWebhook", Fault.reset())
    api.fail("getUpdates", Fault.error(502, "Bad Gateway"))
    api.push_text(CHAT, "hello while telegram was down")
    process, logs = start_bridge(tmp_path, bridge_env(rasa_url, api_url))
    try:
        wait_until(lambda: len(api.sent(CHAT)) == 1, process, logs)
        api.push_text(CHAT, "marker")
        wait_until(lambda: len(api.sent(CHAT)) == 2, process, logs)
    finally:
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=30)
    assert code == 0
    assert [plain(m) for m in api.sent(CHAT)] == ["I read: hello while telegram was down", "I read: marker"]
    assert fake_rasa.received == [(sender(), "hello while telegram was down"), (sender(), "marker")]
    assert {name for name, _, _ in api.failed} == {"getMe", "deleteWebhook", "getUpdates"}
    output = logs.read_text()
    assert "telegram: fetching updates failed (NetworkError); retrying" in output
    for leak in [TOKEN, "hello while telegram was down", str(CHAT), sender(), "Bad Gateway"]:
        assert leak not in output


def test_a_refused_token_stops_the_bridge_at_once_with_a_plain_message(served_fakes, tmp_path):
    fake_rasa, api, rasa_url, api_url = served_fakes
    api.fail("getMe", Fault.error(401, "Unauthorized"), times=None)
    process, logs = start_bridge(tmp_path, bridge_env(rasa_url, api_url))
    try:
        code = process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    output = logs.read_text()
    assert code == 1, output
    assert "Telegram refused (InvalidToken)" in output and "TELEGRAM_BOT_TOKEN" in output
    assert len(api.failures("getMe")) == 1 and TOKEN not in output


# --- webhook mode --------------------------------------------------------------------------------


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
        update = {
            "update_id": 9,
            "message": {
                "message_id": 1,
                "date": 1700000000,
                "text": "hello hook",
                "chat": {"id": CHAT, "type": "private"},
                "from": {"id": CHAT, "is_bot": False, "first_name": "R"},
            },
        }
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
