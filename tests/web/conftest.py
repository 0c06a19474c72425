"""Fixtures for the web gateway tests: a fake Rasa on 127.0.0.1 and a gateway client."""
from __future__ import annotations

import dataclasses
from typing import AsyncIterator, Awaitable, Callable

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.channels.safety_text import SafetyText, load_safety_text
from bot.web.app import create_app
from bot.web.settings import Settings
from fakes import FakeRasa  # tests/web is on sys.path (rootdir-relative conftest import)


@pytest.fixture(scope="session")
def safety_text() -> SafetyText:
    return load_safety_text()


@pytest.fixture
def fake_rasa() -> FakeRasa:
    return FakeRasa()


@pytest.fixture
async def rasa_url(fake_rasa: FakeRasa) -> AsyncIterator[str]:
    server = TestServer(fake_rasa.app(), host="127.0.0.1")
    await server.start_server()
    try:
        yield str(server.make_url("")).rstrip("/")
    finally:
        await server.close()


MakeClient = Callable[..., Awaitable[TestClient]]


@pytest.fixture
async def make_client(rasa_url: str, safety_text: SafetyText) -> AsyncIterator[MakeClient]:
    """make_client(**settings_overrides, forget_hook=None, sweep_interval_s=60) -> TestClient"""
    clients: list[TestClient] = []

    async def make(forget_hook=None, sweep_interval_s: float = 60.0, **overrides) -> TestClient:
        settings = dataclasses.replace(
            Settings(rasa_url=rasa_url, action_server_url=rasa_url, rasa_timeout_s=2.0), **overrides
        )
        app = create_app(settings, safety_text=safety_text, forget_hook=forget_hook,
                         sweep_interval_s=sweep_interval_s)
        client = TestClient(TestServer(app, host="127.0.0.1"))
        await client.start_server()
        clients.append(client)
        return client

    try:
        yield make
    finally:
        for client in clients:
            await client.close()


@pytest.fixture
async def client(make_client: MakeClient) -> TestClient:
    return await make_client()
