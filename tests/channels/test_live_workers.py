"""Two real Rasa workers behind the channels' Rasa client, as the default profile runs them
(RASA_ROUTING=conversation): a conversation stays on its worker, and when that worker's process
is killed, the conversation's next urgent message is answered by the other worker at once, with
its urgency marker. Runs in the gateway environment (aiohttp); Rasa runs from .venv
(tests/serve/live.py). The same with fakes, and the hung-worker case: tests/web."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.channels.rasa_client import RasaClient, new_http_session
from bot.channels.routing import preference
from tests.serve.live import LiveAssistant, require_model

pytestmark = [pytest.mark.needs_rasa, pytest.mark.live]


@pytest.fixture(scope="module")
def workers(tmp_path_factory):
    require_model()
    pair = [
        LiveAssistant(tmp_path_factory.mktemp(f"worker{i}"), tmp_path_factory.mktemp(f"worker{i}-logs"))
        for i in range(2)
    ]
    try:
        with ThreadPoolExecutor(2) as pool:  # in parallel, as `make run` starts them
            list(pool.map(LiveAssistant.start, pair))
        yield pair
    finally:
        for worker in pair:
            worker.close()


def test_a_killed_worker_costs_no_urgent_reply(workers):
    urls = [f"http://127.0.0.1:{w.rasa_port}" for w in workers]
    on = {w: next(s for s in (f"live-{n}" for n in range(100)) if preference(s, 2)[0] == w) for w in (0, 1)}
    sender = on[0]

    async def conversation():
        async with new_http_session() as http:
            rasa = RasaClient(http, urls, f"http://127.0.0.1:{workers[0].actions_port}", 3.0)
            first = await rasa.send(sender, "hi")
            await rasa.send(on[1], "hes outside my house rn")  # the other worker warmed up
            os.killpg(workers[0].rasa.process.pid, signal.SIGKILL)  # the worker holding it dies
            workers[0].rasa.process.wait(timeout=10)
            started = time.monotonic()
            urgent = await rasa.send(sender, "hes outside my house rn")
            return first, urgent, time.monotonic() - started

    first, urgent, elapsed = asyncio.run(conversation())
    assert "computer program" in first.messages[0].text
    assert urgent.urgency == ("emergency",) and "999" in urgent.messages[0].text
    assert elapsed < 3.0  # answered by the other worker, not the safety text after a timeout
