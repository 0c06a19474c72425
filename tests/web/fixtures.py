"""Fixtures for the web gateway: create_app against the fake Rasa (tests/channels/fakes.py), on
127.0.0.1. tests/conftest.py registers this module in .venv-gateway, so tests/channels uses it too."""

from __future__ import annotations

import dataclasses
from typing import AsyncIterator, Awaitable, Callable

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.channels.safety_text import SafetyText
from bot.web.app import create_app
from bot.web.settings import Settings

MakeClient = Callable[..., Awaitable[TestClient]]


@pytest.fixture
async def make_client(rasa_url: str, safety_text: SafetyText) -> AsyncIterator[MakeClient]:
    """make_client(rasa_url=<the fake Rasa>, forget_hook=None, sweep_interval_s=60,
    **settings_overrides) -> TestClient of the gateway (RASA_TIMEOUT_S 2 s unless overridden)."""
    clients: list[TestClient] = []

    async def make(
        rasa_url: str = rasa_url, forget_hook=None, sweep_interval_s: float = 60.0, **overrides
    ) -> TestClient:
        settings = dataclasses.replace(
            Settings(rasa_url=rasa_url, action_server_url=rasa_url, rasa_timeout_s=2.0), **overrides
        )
        app = create_app(
            settings, safety_text=safety_text, forget_hook=forget_hook, sweep_interval_s=sweep_interval_s
        )
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
