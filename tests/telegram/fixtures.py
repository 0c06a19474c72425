"""Fixtures for the Telegram bridge: real python-telegram-bot, the fake Bot API
(tests/telegram/fake_bot_api.py) and the fake Rasa (tests/channels/fakes.py), all on 127.0.0.1.
tests/conftest.py registers this module in .venv-gateway, so tests/channels uses it too.

Two ways to run the bridge:
  - `bridge`, `application`, `polling`, `webhook`: one bridge with the default timeouts
    (RASA_TIMEOUT_S 2 s), exceptions its error handler saw kept in `bridge_errors`;
  - `telegram_factory(rasa_url, ...)`: the fault tests' bridge, RASA_TIMEOUT_S 0.5 s, the Bot API
    client's timeouts 1 s, and a backoff whose waits are recorded and only sleep on
    `ManualSleep.gate` (open unless a test closes it), so no test waits out real backoff times.
"""

from __future__ import annotations

import asyncio
import dataclasses
from typing import AsyncIterator, Optional

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.telegram.bridge import ALLOWED_UPDATES, TelegramBridge, build_application
from bot.telegram.retry import Backoff
from bot.telegram.settings import Settings
from bot.telegram.webhook import create_webhook_app
from tests.channels.fakes import FakeRasa, ServedApps, serve
from tests.telegram.fake_bot_api import FakeBotAPI
from tests.telegram.helpers import CHAT, FAST_API, RASA_TIMEOUT_S, TOKEN, WEBHOOK_SECRET, settings_for


@pytest.fixture
async def bot_api() -> AsyncIterator[FakeBotAPI]:
    """The fake Bot API, served; its root URL is `bot_api.url`."""
    api = FakeBotAPI(TOKEN)
    server, api.url = await serve(api.app())
    try:
        yield api
    finally:
        await server.close()


@pytest.fixture
def telegram_settings(rasa_url, bot_api) -> Settings:
    return settings_for(
        rasa_url,
        bot_api.url,
        rasa_timeout_s=2.0,
        telegram_webhook_secret=WEBHOOK_SECRET,
        telegram_webhook_url="https://example.invalid/tg",
    )


@pytest.fixture
def bridge_errors() -> list:
    """Exceptions that reached the bridge's error handler."""
    return []


def recording_errors(bridge: TelegramBridge, errors: list) -> TelegramBridge:
    original = bridge.on_error

    async def on_error(update, context):
        errors.append(context.error)
        await original(update, context)

    bridge.on_error = on_error  # build_application registers bridge.on_error
    return bridge


@pytest.fixture
async def bridge(telegram_settings, safety_text, bridge_errors) -> TelegramBridge:
    return recording_errors(TelegramBridge(telegram_settings, safety_text), bridge_errors)


@pytest.fixture
async def application(telegram_settings, safety_text, bridge):
    """The Application, initialised and started, not fetching updates (webhook tests)."""
    application = build_application(telegram_settings, safety_text, bridge)
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
    await application.updater.start_polling(poll_interval=0.0, timeout=1, allowed_updates=ALLOWED_UPDATES)
    return application


@pytest.fixture
async def webhook(application, telegram_settings) -> AsyncIterator[TestClient]:
    """A client of the bridge's webhook listener (create_webhook_app)."""
    client = TestClient(TestServer(create_webhook_app(application, telegram_settings), host="127.0.0.1"))
    await client.start_server()
    try:
        yield client
    finally:
        await client.close()


@pytest.fixture
def served_fakes():
    """(fake Rasa, fake Bot API, Rasa's URL, the Bot API's URL), served from a background thread
    for a bridge running as a subprocess."""
    rasa, api = FakeRasa(), FakeBotAPI(TOKEN)
    with ServedApps() as apps:
        yield rasa, api, apps.start(rasa.app), apps.start(api.app)


# --- the fault tests' bridge -------------------------------------------------------------------


class ManualSleep:
    """Stands in for asyncio.sleep in the bridge's Backoff: records every wait asked for and
    waits only while `gate` is closed."""

    def __init__(self) -> None:
        self.waits: list[float] = []
        self.gate = asyncio.Event()
        self.gate.set()

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        await self.gate.wait()


@dataclasses.dataclass
class Telegram:
    application: object
    bridge: TelegramBridge
    api: FakeBotAPI
    sleep: ManualSleep
    errors: list  # exceptions that reached the bridge's error handler

    async def say(self, text: str, chat: int = CHAT, replies: int = 1) -> list[dict]:
        before = len(self.api.sent(chat))
        self.api.push_text(chat, text)
        assert await self.api.wait_for(lambda: len(self.api.sent(chat)) >= before + replies)
        return self.api.sent(chat)[before:]


@pytest.fixture
async def telegram_factory(safety_text, bot_api) -> AsyncIterator:
    """telegram_factory(rasa_url, poll=True, backoff=None, rasa_timeout_s=0.5) -> Telegram: the
    real Application and bridge (default Backoff numbers, ManualSleep), polling the fake Bot API."""
    started: list[Telegram] = []

    async def make(
        rasa_url: str,
        poll: bool = True,
        backoff: Optional[Backoff] = None,
        rasa_timeout_s: float = RASA_TIMEOUT_S,
    ) -> Telegram:
        sleep = ManualSleep()
        backoff = dataclasses.replace(backoff or Backoff(), sleep=sleep)
        settings = settings_for(rasa_url, bot_api.url, rasa_timeout_s)
        errors: list = []
        bridge = recording_errors(TelegramBridge(settings, safety_text, backoff=backoff), errors)
        application = build_application(settings, safety_text, bridge, timeouts=FAST_API)
        await application.initialize()
        await bridge.start(application)
        await application.start()
        telegram = Telegram(application, bridge, bot_api, sleep, errors)
        started.append(telegram)
        if poll:
            await application.updater.start_polling(
                poll_interval=0.0, timeout=1, allowed_updates=ALLOWED_UPDATES
            )
        return telegram

    try:
        yield make
    finally:
        for telegram in started:
            telegram.sleep.gate.set()
            application = telegram.application
            if application.updater.running:
                await application.updater.stop()
            if application.running:
                await application.stop()
            await telegram.bridge.stop(application)
            await application.shutdown()
