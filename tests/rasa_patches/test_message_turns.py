"""One message at a time in a Rasa process, first come, first served, and a message back from the
action server before any new one (bot.rasa_patches.message_turns)."""

from __future__ import annotations

import asyncio

import pytest
from rasa.core.processor import MessageProcessor
from rasa.utils.endpoints import EndpointConfig

from bot.rasa_patches import message_turns
from bot.rasa_patches.message_turns import ENV, Turns, setting


@pytest.fixture(autouse=True)
def rasa_as_it_was(monkeypatch):
    monkeypatch.setattr(MessageProcessor, "handle_message", MessageProcessor.handle_message)
    monkeypatch.setattr(EndpointConfig, "request", EndpointConfig.request)


def test_the_setting_comes_from_the_environment():
    assert setting({}) == "first-come"
    assert setting({ENV: " OFF "}) == "off"
    with pytest.raises(ValueError, match=ENV):
        setting({ENV: "fifo"})


def test_one_at_a_time_in_arrival_order_and_returning_messages_first():
    async def scenario():
        turns, order = Turns(), []

        async def holder(name: str, returning: bool = False) -> None:
            await turns.take(returning=returning)
            order.append(name)
            await asyncio.sleep(0)
            turns.give_back()

        await turns.take()  # someone holds the turn while the others queue up
        tasks = [
            asyncio.create_task(holder("new 1")),
            asyncio.create_task(holder("new 2")),
            asyncio.create_task(holder("back", returning=True)),
        ]
        await asyncio.sleep(0)
        assert turns.waiting == 3
        turns.give_back()
        await asyncio.gather(*tasks)
        return order, turns.waiting

    assert asyncio.run(scenario()) == (["back", "new 1", "new 2"], 0)


def test_once_a_message_is_back_from_the_action_server_no_new_message_starts_before_it():
    async def scenario():
        turns, order = Turns(), []

        async def new(name: str) -> None:
            await turns.take()
            order.append(name)
            turns.give_back()

        async def returning() -> None:
            await turns.take(returning=True)
            turns.resumed()
            order.append("back")
            turns.give_back()

        turns.came_back()  # on the request thread: the answer is complete
        # a new message queued on Rasa's loop ahead of the returning one finds the turn free,
        # and still waits
        first = asyncio.create_task(new("new"))
        await asyncio.sleep(0)
        assert order == [] and turns.waiting == 1
        await asyncio.gather(first, returning())
        return order, turns.back, turns.waiting

    assert asyncio.run(scenario()) == (["back", "new"], 0, 0)


def test_a_message_that_gives_up_on_its_way_back_lets_the_others_go():
    async def scenario():
        turns, order = Turns(), []

        async def new(name: str) -> None:
            await turns.take()
            order.append(name)
            turns.give_back()

        turns.came_back()
        waiting = asyncio.create_task(new("new"))
        await asyncio.sleep(0)
        turns.resumed()  # cancelled before it went on
        await waiting
        return order, turns.back

    assert asyncio.run(scenario()) == (["new"], 0)


def test_a_cancelled_waiter_gives_up_its_place_and_nothing_else():
    async def scenario():
        turns, order = Turns(), []

        async def holder(name: str) -> None:
            await turns.take()
            order.append(name)
            await asyncio.sleep(0.01)
            turns.give_back()

        first = asyncio.create_task(holder("first"))
        await asyncio.sleep(0)
        cancelled = asyncio.create_task(holder("cancelled"))
        waiting = asyncio.create_task(holder("waiting"))
        await asyncio.sleep(0)
        cancelled.cancel()
        await asyncio.gather(first, waiting, cancelled, return_exceptions=True)
        await holder("later")
        return order, turns.waiting

    assert asyncio.run(scenario()) == (["first", "waiting", "later"], 0)


def install_fakes(monkeypatch, log, action_wait=0.005, compute=0.01, environ=None):
    """A processor whose messages compute for `compute` seconds (awaiting, so that anyone else
    could run if the turns let them), the "action" ones around an action-server request."""

    async def handle(self, message):
        log.append(f"{message} starts")
        await asyncio.sleep(compute)
        if message.startswith("action"):
            await EndpointConfig("http://actions").request(json={})
            log.append(f"{message} resumes")
            await asyncio.sleep(compute)
        log.append(f"{message} ends")
        return [message]

    async def request(self, *args, **kwargs):
        await asyncio.sleep(action_wait)
        return {"events": []}

    monkeypatch.setattr(MessageProcessor, "handle_message", handle)
    monkeypatch.setattr(EndpointConfig, "request", request)
    return message_turns.install(environ or {})


def test_messages_never_interleave_and_the_action_turn_resumes_before_new_ones(monkeypatch):
    log = []
    turns = install_fakes(monkeypatch, log)

    async def scenario():
        tasks = []
        for name in ("action", "m0", "m1", "m2"):
            tasks.append(asyncio.create_task(MessageProcessor.handle_message(None, name)))
            await asyncio.sleep(0)  # each arrives after the one before
        return await asyncio.gather(*tasks)

    assert asyncio.run(scenario()) == [["action"], ["m0"], ["m1"], ["m2"]]
    # the action turn steps aside for the action server; m0 runs; the answer came back while m0
    # ran, so the action turn goes on before m1 and m2, which were waiting before it came back
    assert log == [
        "action starts",
        "m0 starts",
        "m0 ends",
        "action resumes",
        "action ends",
        "m1 starts",
        "m1 ends",
        "m2 starts",
        "m2 ends",
    ]
    assert turns.owner is None and turns.waiting == 0


def test_without_turns_rasa_interleaves_them(monkeypatch):
    """What the turns change: Rasa's own order runs everything at once."""
    log = []
    assert install_fakes(monkeypatch, log, environ={ENV: "off"}) is None

    async def scenario():
        await asyncio.gather(
            *(MessageProcessor.handle_message(None, name) for name in ("action", "m0", "m1", "m2"))
        )

    asyncio.run(scenario())
    assert log[:4] == ["action starts", "m0 starts", "m1 starts", "m2 starts"]


def test_a_request_outside_any_message_passes_straight_through(monkeypatch):
    log = []
    install_fakes(monkeypatch, log, action_wait=0)
    assert asyncio.run(EndpointConfig("http://actions").request(json={})) == {"events": []}


def test_an_error_in_a_message_frees_the_turn(monkeypatch):
    async def handle(self, message):
        if message == "boom":
            raise RuntimeError("boom")
        return [message]

    monkeypatch.setattr(MessageProcessor, "handle_message", handle)
    turns = message_turns.install({})

    async def scenario():
        with pytest.raises(RuntimeError):
            await MessageProcessor.handle_message(None, "boom")
        return await MessageProcessor.handle_message(None, "next")

    assert asyncio.run(scenario()) == ["next"]
    assert turns.owner is None


def test_installed_once_and_off_leaves_rasa_as_it_is(monkeypatch):
    async def handle(self, message):
        return None

    monkeypatch.setattr(MessageProcessor, "handle_message", handle)
    assert message_turns.install({ENV: "off"}) is None
    assert MessageProcessor.handle_message is handle
    turns = message_turns.install({})
    assert message_turns.install({}) is turns
