"""Several Rasa instances behind one RasaClient, routed round robin (the scaled profile, whose
instances share their stores): a dead instance skipped, a message never sent twice, health = at
least one instance answers. Routing by conversation (the default profile's workers):
tests/channels/test_rasa_client_workers.py."""

from __future__ import annotations

import dataclasses
from typing import AsyncIterator

import pytest
from aiohttp.test_utils import TestServer

from bot.channels.errors import RasaUnavailable
from bot.channels.rasa_client import RasaClient, new_http_session
from bot.web.settings import Settings
from tests.channels.fakes import FakeRasa, closed_port_url


@pytest.fixture
async def two_fakes() -> AsyncIterator[tuple[FakeRasa, FakeRasa, str, str]]:
    fakes = (FakeRasa(), FakeRasa())
    servers = [TestServer(fake.app(), host="127.0.0.1") for fake in fakes]
    for server in servers:
        await server.start_server()
    try:
        yield (*fakes, *(str(s.make_url("")).rstrip("/") for s in servers))
    finally:
        for server in servers:
            await server.close()


def client_for(http, settings: Settings) -> RasaClient:
    # exactly how bot/web/app.py and bot/telegram/bridge.py build theirs, round robin as the
    # scaled profile sets it (RASA_ROUTING=round-robin)
    settings = dataclasses.replace(settings, rasa_routing="round-robin")
    return RasaClient(
        http,
        settings.rasa_url,
        settings.action_server_url,
        settings.rasa_timeout_s,
        routing=settings.rasa_routing,
    )


async def test_messages_go_to_each_instance_in_turn(two_fakes):
    a, b, url_a, url_b = two_fakes
    settings = Settings.from_env({"RASA_URLS": f"{url_a}, {url_b}/", "ACTION_SERVER_URL": url_a})
    async with new_http_session() as http:
        rasa = client_for(http, settings)
        for n in range(4):
            reply = await rasa.send("sender-1", f"message {n}")
            assert reply.messages[0].text == f"I read: message {n}"
    assert a.messages_from("sender-1") == ["message 0", "message 2"]
    assert b.messages_from("sender-1") == ["message 1", "message 3"]


async def test_an_instance_that_cannot_be_reached_is_skipped_and_nothing_is_lost(two_fakes):
    a, _, url_a, _ = two_fakes
    settings = Settings(rasa_url=f"{closed_port_url()},{url_a}", action_server_url=url_a)
    async with new_http_session() as http:
        rasa = client_for(http, settings)
        for n in range(3):
            await rasa.send("sender-2", f"message {n}")
    assert a.messages_from("sender-2") == ["message 0", "message 1", "message 2"]


async def test_when_no_instance_can_be_reached_the_caller_gets_rasa_unavailable():
    settings = Settings(rasa_url=f"{closed_port_url()},{closed_port_url()}")
    async with new_http_session() as http:
        with pytest.raises(RasaUnavailable, match="no Rasa instance"):
            await client_for(http, settings).send("sender-3", "hello")


@pytest.mark.parametrize("failure", ["timeout", "http 500"])
async def test_a_message_that_reached_an_instance_is_never_sent_to_another(two_fakes, failure):
    a, b, url_a, url_b = two_fakes
    if failure == "timeout":
        a.delay_s = 2.0
    else:
        a.status = 500
    settings = Settings(rasa_url=f"{url_a},{url_b}", action_server_url=url_a, rasa_timeout_s=0.5)
    async with new_http_session() as http:
        with pytest.raises(RasaUnavailable):
            await client_for(http, settings).send("sender-4", "once only")
    assert a.messages_from("sender-4") == ["once only"]
    assert b.received == []


async def test_health_is_ready_while_at_least_one_instance_answers(two_fakes):
    a, b, url_a, url_b = two_fakes
    down = closed_port_url()
    async with new_http_session() as http:
        one_up = RasaClient(http, [down, url_a], [down, url_b], 2.0)
        assert await one_up.health() == {"rasa": True, "action_server": True, "rasa_workers": [False, True]}
        a.action_server_up = b.action_server_up = False
        assert await one_up.health() == {"rasa": True, "action_server": False, "rasa_workers": [False, True]}
        none_up = RasaClient(http, f"{down},{closed_port_url()}", url_a, 2.0)
        assert (await none_up.health())["rasa"] is False


async def test_the_gateway_healthz_answers_503_only_when_no_instance_answers(make_client, rasa_url):
    down = closed_port_url()
    ready = await make_client(rasa_url=f"{down},{rasa_url}", action_server_url=f"{rasa_url},{down}")
    assert (await ready.get("/healthz")).status == 200
    not_ready = await make_client(rasa_url=f"{down},{closed_port_url()}")
    assert (await not_ready.get("/healthz")).status == 503


def test_rasa_urls_setting():
    assert Settings.from_env({}).rasa_urls == ("http://127.0.0.1:5005",)
    assert Settings.from_env({"RASA_URL": "http://a:1/"}).rasa_urls == ("http://a:1",)
    both = Settings.from_env({"RASA_URL": "http://a:1", "RASA_URLS": "http://b:2/, http://c:3"})
    assert both.rasa_urls == ("http://b:2", "http://c:3")
    assert both.rasa_url == "http://b:2,http://c:3"
    assert Settings.from_env({"ACTION_SERVER_URLS": "http://x:1,http://y:2"}).action_server_urls == (
        "http://x:1",
        "http://y:2",
    )
    with pytest.raises(ValueError, match="RASA_URLS"):
        Settings.from_env({"RASA_URLS": "http://b:2,,http://c:3"})
