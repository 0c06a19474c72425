"""Fixtures for the Telegram bridge: real python-telegram-bot, a fake Bot API and a fake Rasa,
all on 127.0.0.1."""
from __future__ import annotations

from typing import AsyncIterator

import pytest
from aiohttp.test_utils import TestServer

from bot.channels.safety_text import SafetyText, load_safety_text
from bot.telegram.bridge import ALLOWED_UPDATES, TelegramBridge, build_application
from bot.telegram.settings import Settings
from fake_bot_api import FakeBotAPI
from tg_helpers import SECRET, TOKEN, WEBHOOK_SECRET, web_fakes




@pytest.fixture(scope="session")
def safety_text() -> SafetyText:
    return load_safety_text()


@pytest.fixture
def fake_rasa():
    return web_fakes.FakeRasa()


@pytest.fixture
def bot_api() -> FakeBotAPI:
    return FakeBotAPI(TOKEN)


async def _serve(app) -> tuple[TestServer, str]:
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    return server, str(server.make_url("")).rstrip("/")


@pytest.fixture
async def settings(fake_rasa, bot_api) -> AsyncIterator[Settings]:
    rasa_server, rasa_url = await _serve(fake_rasa.app())
    api_server, api_url = await _serve(bot_api.app())
    try:
        yield Settings(
            rasa_url=rasa_url, action_server_url=rasa_url, rasa_timeout_s=2.0,
            sender_id_secret=SECRET, sender_id_secret_is_random=False,
            telegram_bot_token=TOKEN, telegram_api_base_url=api_url,
            telegram_webhook_secret=WEBHOOK_SECRET, telegram_webhook_url="https://example.invalid/tg",
        )
    finally:
        await api_server.close()
        await rasa_server.close()


@pytest.fixture
async def bridge(settings, safety_text) -> TelegramBridge:
    return TelegramBridge(settings, safety_text)


@pytest.fixture
async def application(settings, safety_text, bridge):
    """The Application, initialised and started, not fetching updates (webhook tests)."""
    application = build_application(settings, safety_text, bridge)
    await application.initialize()
    await bridge.start(application)
    await application.start()
    try:
        yield application
    finally:
        if application.updater.running:
            await application.updater.stop()
        await application.stop()
        await bridge.stop(application)
        await application.shutdown()


@pytest.fixture
async def polling(application):
    """The same Application, polling the fake Bot API (as `python -m bot.telegram` does)."""
    await application.updater.start_polling(poll_interval=0.0, timeout=1,
                                            allowed_updates=ALLOWED_UPDATES)
    return application
