"""Fixtures for the fuzz corpus: the gateway (create_app) and the Telegram bridge, each against
the fake Rasa of tests/web/fakes.py (and the fake Bot API of tests/telegram), all on 127.0.0.1.

The fakes are loaded by path under their own module names, so these tests do not depend on
tests/web or tests/telegram being on sys.path."""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.channels.safety_text import SafetyText, load_safety_text
from bot.web.app import create_app
from bot.telegram.settings import Settings as TelegramSettings
from bot.web.settings import Settings

from tests.module_by_path import load_module

TESTS = Path(__file__).resolve().parents[1]


web_fakes = load_module("fuzz_web_fakes", TESTS / "web" / "fakes.py")
fake_bot_api = load_module("fuzz_fake_bot_api", TESTS / "telegram" / "fake_bot_api.py")

TOKEN = "123456:FUZZ-token_for-the-fake-bot-api"
SECRET = b"fuzz sender id secret"
WEBHOOK_SECRET = "fuzz-webhook-secret-0123456789_ab"


@pytest.fixture(scope="session")
def safety_text() -> SafetyText:
    return load_safety_text()


@pytest.fixture
def fake_rasa():
    return web_fakes.FakeRasa()


async def _serve(app) -> tuple[TestServer, str]:
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    return server, str(server.make_url("")).rstrip("/")


@pytest.fixture
async def rasa_url(fake_rasa) -> AsyncIterator[str]:
    server, url = await _serve(fake_rasa.app())
    try:
        yield url
    finally:
        await server.close()


@pytest.fixture
async def client(rasa_url: str, safety_text: SafetyText) -> AsyncIterator[TestClient]:
    """The gateway, as tests/web builds it."""
    settings = Settings(rasa_url=rasa_url, action_server_url=rasa_url, rasa_timeout_s=2.0)
    app = create_app(settings, safety_text=safety_text)
    client = TestClient(TestServer(app, host="127.0.0.1"))
    await client.start_server()
    try:
        yield client
    finally:
        await client.close()


@pytest.fixture
def bot_api():
    return fake_bot_api.FakeBotAPI(TOKEN)


@pytest.fixture
async def tg_settings(rasa_url, bot_api) -> AsyncIterator[TelegramSettings]:
    api_server, api_url = await _serve(bot_api.app())
    try:
        yield TelegramSettings(
            rasa_url=rasa_url, action_server_url=rasa_url, rasa_timeout_s=2.0,
            sender_id_secret=SECRET, sender_id_secret_is_random=False,
            telegram_bot_token=TOKEN, telegram_api_base_url=api_url,
            telegram_webhook_secret=WEBHOOK_SECRET, telegram_webhook_url="https://example.invalid/tg",
        )
    finally:
        await api_server.close()


@dataclasses.dataclass
class TelegramHarness:
    application: object
    bridge: object
    errors: list  # exceptions that reached the bridge's error handler


@pytest.fixture
async def telegram(tg_settings, safety_text) -> AsyncIterator[TelegramHarness]:
    """The real Application with the bridge's handlers, fed updates with process_update (no
    polling, no webhook server), so each case is handled before the test goes on. Exceptions a
    handler raises would reach the bridge's error handler; they are recorded here."""
    from bot.telegram.bridge import TelegramBridge, build_application

    bridge = TelegramBridge(tg_settings, safety_text)
    errors: list = []
    original = bridge.on_error

    async def on_error(update, context):
        errors.append(context.error)
        await original(update, context)

    bridge.on_error = on_error  # build_application registers bridge.on_error
    application = build_application(tg_settings, safety_text, bridge)
    await application.initialize()
    await bridge.start(application)
    try:
        yield TelegramHarness(application, bridge, errors)
    finally:
        await bridge.stop(application)
        await application.shutdown()
