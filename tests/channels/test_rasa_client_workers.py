"""Rasa workers routed by conversation (the default profile: each worker keeps its conversations
in its own memory): every message of a conversation reaches one worker, a worker that stops
answering is skipped without making anyone wait for it, and a killed worker costs no urgent
reply. The hash itself: tests/channels/test_routing.py."""

from __future__ import annotations

import asyncio
import time
from typing import AsyncIterator

import pytest
from aiohttp.test_utils import TestServer

from bot.channels.errors import RasaUnavailable
from bot.channels.rasa_client import RasaClient, new_http_session
from bot.channels.routing import preference
from tests.channels.fakes import EMERGENCY_TEXT, FakeRasa

WORKERS = 3


@pytest.fixture
async def workers() -> AsyncIterator[tuple[list[FakeRasa], list[TestServer], list[str]]]:
    fakes = [FakeRasa() for _ in range(WORKERS)]
    servers = [TestServer(fake.app(), host="127.0.0.1") for fake in fakes]
    for server in servers:
        await server.start_server()
    try:
        yield fakes, servers, [str(s.make_url("")).rstrip("/") for s in servers]
    finally:
        for server in servers:
            await server.close()


def sender_on(worker: int, exclude: set[str] = frozenset()) -> str:
    """A sender id whose first-choice worker is `worker`."""
    return next(
        s
        for s in (f"conversation-{n}" for n in range(1000))
        if preference(s, WORKERS)[0] == worker and s not in exclude
    )


async def test_every_message_of_a_conversation_reaches_the_same_worker(workers):
    fakes, _, urls = workers
    senders = [f"conversation-{n}" for n in range(30)]
    async with new_http_session() as http:
        rasa = RasaClient(http, urls, urls[0], 2.0)
        for turn in range(4):
            for sender in senders:
                await rasa.send(sender, f"turn {turn}")
    for sender in senders:
        holding = [i for i, fake in enumerate(fakes) if fake.messages_from(sender)]
        assert holding == [preference(sender, WORKERS)[0]]
        assert fakes[holding[0]].messages_from(sender) == [f"turn {t}" for t in range(4)]
    # and the conversations are spread: every worker holds some
    assert all(fake.senders() for fake in fakes)


async def test_a_killed_worker_costs_no_urgent_reply(workers):
    fakes, servers, urls = workers
    sender = sender_on(0)
    async with new_http_session() as http:
        rasa = RasaClient(http, urls, urls[0], 3.0)
        await rasa.send(sender, "hello")  # the conversation lives on worker 0, connection kept
        assert fakes[0].messages_from(sender) == ["hello"]
        await servers[0].close()  # the worker is gone, with its memory
        started = time.monotonic()
        reply = await rasa.send(sender, "he is outside my house")
        elapsed = time.monotonic() - started
    assert reply.urgency == ("emergency",) and reply.messages[0].text == EMERGENCY_TEXT
    assert elapsed < 2.0  # nobody waited for the dead worker's 3 s timeout (margin for a loaded CI)
    # it started afresh on its next worker; the first worker got nothing more
    assert fakes[preference(sender, WORKERS)[1]].messages_from(sender) == ["he is outside my house"]
    assert fakes[0].messages_from(sender) == ["hello"]


async def test_a_worker_that_stops_answering_is_skipped_for_later_messages(workers):
    fakes, _, urls = workers
    hung = fakes[1]
    first, later = sender_on(1), sender_on(1, exclude={sender_on(1)})
    async with new_http_session() as http:
        rasa = RasaClient(http, urls, urls[0], 1.5)  # timeout well above a loaded machine's noise
        hung.delay_s = 5.0  # it takes messages but never answers them in time
        # the message that found it hanging gets RasaUnavailable (the channel's safety reply),
        # and is never sent again elsewhere
        with pytest.raises(RasaUnavailable):
            await rasa.send(first, "hello")
        assert [f.messages_from(first) for f in fakes] == [[], ["hello"], []]
        # its health probe (GET /) answers here, so it is a busy worker: kept
        await asyncio.sleep(0.1)
        assert (await rasa.health())["rasa_workers"] == [True, True, True]

        # once its probe fails too, it is skipped at once for every conversation it held
        rasa._workers.failed(1)  # what a failed probe records (bot.channels.routing)
        started = time.monotonic()
        reply = await rasa.send(later, "he is outside my house")
        assert time.monotonic() - started < 1.2  # less than the 1.5 s timeout: not waited for
        assert reply.urgency == ("emergency",)
        assert hung.messages_from(later) == []


async def test_a_worker_that_answers_its_probe_again_is_taken_back(workers):
    fakes, servers, urls = workers
    sender = sender_on(2)
    async with new_http_session() as http:
        rasa = RasaClient(http, urls, urls[0], 2.0)
        rasa._workers.failed(2)  # skipped, e.g. after a restart that has now finished
        await rasa.send(sender, "while skipped")
        assert fakes[2].messages_from(sender) == []
        health = await rasa.health()  # /healthz probes every worker
        assert health["rasa_workers"] == [True, True, True]
        await rasa.send(sender, "after the probe")
    assert fakes[2].messages_from(sender) == ["after the probe"]


async def test_the_gateway_healthz_reports_each_worker(make_client, rasa_url):
    from tests.channels.fakes import closed_port_url

    client = await make_client(rasa_url=f"{rasa_url},{closed_port_url()}")
    response = await client.get("/healthz")
    assert response.status == 200  # one worker is enough to serve
    assert (await response.json())["rasa_workers"] == [True, False]


async def test_many_timeouts_at_once_send_one_probe_per_worker(workers):
    fakes, _, urls = workers
    fakes[1].delay_s = 5.0
    probes = []
    async with new_http_session() as http:
        rasa = RasaClient(http, urls, urls[0], 0.3)
        # the behaviour under test is "one probe in flight per worker", not the re-probe
        # interval: on a loaded 2-core machine the five timeouts can take longer than the 2 s
        # interval, and a second, legitimate re-probe then made this test flaky
        rasa._workers._probe_after_s = 60.0
        answers = rasa._answers

        async def counted(url):
            probes.append(url)
            return await answers(url)

        rasa._answers = counted
        senders = [s for s in (f"conversation-{n}" for n in range(200)) if preference(s, WORKERS)[0] == 1][:5]
        results = await asyncio.gather(*(rasa.send(s, "hello") for s in senders), return_exceptions=True)
        assert all(isinstance(r, RasaUnavailable) for r in results)
        await asyncio.sleep(0.2)
        rasa.close()
    assert probes == [f"{urls[1]}/"]
