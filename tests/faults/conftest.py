"""Fixtures for fault injection: the web gateway and the Telegram bridge against the fake Rasa
misbehaving on request (tests/web/fakes.py, FakeRasa.mode) and a fake Bot API that fails on request (tests/telegram/fake_bot_api.py),
all on 127.0.0.1.

Waits are injected: the bridge's send backoff records each wait it asks for and sleeps only on
`ManualSleep.gate` (open unless a test closes it), so no test waits out real backoff times; the
Bot API client times out after 1 s instead of 5 s."""
from __future__ import annotations

import asyncio
import dataclasses
import html
from pathlib import Path
from typing import AsyncIterator, Optional

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.channels.safety_text import SafetyText, load_safety_text
from bot.telegram.bridge import ALLOWED_UPDATES, ApiTimeouts, TelegramBridge, build_application
from bot.telegram.ids import sender_id
from bot.telegram.retry import Backoff
from bot.telegram.settings import Settings as TelegramSettings
from bot.web.app import create_app
from bot.web.settings import Settings as WebSettings
from tests.module_by_path import load_module

TESTS = Path(__file__).resolve().parents[1]


fake_bot_api = load_module("faults_fake_bot_api", TESTS / "telegram" / "fake_bot_api.py")
web_fakes = load_module("faults_web_fakes", TESTS / "web" / "fakes.py")
FakeRasa = web_fakes.FakeRasa
Fault = fake_bot_api.Fault
FakeBotAPI = fake_bot_api.FakeBotAPI

TOKEN = "123456:FAULTS-token_for-the-fake-bot-api"
SECRET = b"faults sender id secret"
CHAT = 636363001
OTHER_CHAT = 636363002
RASA_TIMEOUT_S = 0.5
FAST_API = ApiTimeouts(connect_s=1.0, read_s=1.0, write_s=1.0, pool_s=1.0)  # a loaded machine answers well within


def sender(chat: int = CHAT) -> str:
    return sender_id(SECRET, chat)


def plain(message: dict) -> str:
    return html.unescape(message["text"].replace("<b>", "").replace("</b>", ""))


# --- the safety reply, from the directory ----------------------------------------------------

@pytest.fixture(scope="session")
def safety_text() -> SafetyText:
    return load_safety_text()


@pytest.fixture(scope="session")
def assert_safety_reply(safety_text):
    """The static safety reply, naming 999 and Childline with the directory's numbers."""
    from bot.directory import load_directory

    directory = load_directory()
    emergency, childline = directory.get("emergency_999"), directory.get("childline")

    def check(text: str) -> None:
        assert text == safety_text.fallback
        assert emergency.phone == "999" and "999" in text
        assert childline.name in text and childline.phone in text

    return check


# --- servers ---------------------------------------------------------------------------------

async def serve(app) -> tuple[TestServer, str]:
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    return server, str(server.make_url("")).rstrip("/")


@pytest.fixture
async def rasa() -> AsyncIterator[FakeRasa]:
    fake = FakeRasa()
    server, fake.url = await serve(fake.app())
    try:
        yield fake
    finally:
        fake.release()
        await server.close()


@pytest.fixture
async def bot_api() -> AsyncIterator[FakeBotAPI]:
    api = FakeBotAPI(TOKEN)
    server, api.url = await serve(api.app())
    try:
        yield api
    finally:
        await server.close()


def settings_for(rasa_url: str, api_url: str = "http://127.0.0.1:9",
                 rasa_timeout_s: float = RASA_TIMEOUT_S) -> TelegramSettings:
    return TelegramSettings(
        rasa_url=rasa_url, action_server_url=rasa_url, rasa_timeout_s=rasa_timeout_s,
        sender_id_secret=SECRET, sender_id_secret_is_random=False,
        telegram_bot_token=TOKEN, telegram_api_base_url=api_url,
    )


# --- the web gateway -------------------------------------------------------------------------

@pytest.fixture
async def make_gateway(safety_text) -> AsyncIterator:
    """make_gateway(rasa_url) -> TestClient of create_app with RASA_TIMEOUT_S = 0.5."""
    clients: list[TestClient] = []

    async def make(rasa_url: str) -> TestClient:
        app = create_app(WebSettings(rasa_url=rasa_url, action_server_url=rasa_url, rasa_timeout_s=RASA_TIMEOUT_S),
                         safety_text=safety_text)
        client = TestClient(TestServer(app, host="127.0.0.1"))
        await client.start_server()
        clients.append(client)
        return client

    try:
        yield make
    finally:
        for client in clients:
            await client.close()


# --- the Telegram bridge ---------------------------------------------------------------------

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

    async def make(rasa_url: str, poll: bool = True, backoff: Optional[Backoff] = None,
                   rasa_timeout_s: float = RASA_TIMEOUT_S) -> Telegram:
        sleep = ManualSleep()
        backoff = dataclasses.replace(backoff or Backoff(), sleep=sleep)
        settings = settings_for(rasa_url, bot_api.url, rasa_timeout_s)
        bridge = TelegramBridge(settings, safety_text, backoff=backoff)
        errors: list = []
        original = bridge.on_error

        async def on_error(update, context):
            errors.append(context.error)
            await original(update, context)

        bridge.on_error = on_error  # build_application registers bridge.on_error
        application = build_application(settings, safety_text, bridge, timeouts=FAST_API)
        await application.initialize()
        await bridge.start(application)
        await application.start()
        telegram = Telegram(application, bridge, bot_api, sleep, errors)
        started.append(telegram)
        if poll:
            await application.updater.start_polling(poll_interval=0.0, timeout=1,
                                                    allowed_updates=ALLOWED_UPDATES)
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
