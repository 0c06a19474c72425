"""Conversations are deleted after the idle limit, and at once on forget."""

from __future__ import annotations

from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config

from bot.rasa_plugins.tracker_store import ExpiringInMemoryTrackerStore


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def tracker(sender: str) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(sender, [UserUttered("canary text")])


async def test_idle_conversations_are_purged_after_the_limit():
    clock = Clock()
    store = ExpiringInMemoryTrackerStore(Domain.empty(), max_idle_minutes=60, clock=clock)
    await store.save(tracker("old"))
    clock.now += 30 * 60
    await store.save(tracker("recent"))
    clock.now += 31 * 60  # "old" idle 61 min, "recent" 31 min
    assert await store.retrieve("old") is None
    assert await store.retrieve("recent") is not None
    assert set(store.store) == {"recent"}


async def test_forget_deletes_at_once():
    store = ExpiringInMemoryTrackerStore(Domain.empty())
    await store.save(tracker("someone"))
    assert store.forget("someone") is True
    assert await store.retrieve("someone") is None and list(await store.keys()) == []


async def test_rasa_builds_this_store_from_endpoints_yml(repo):
    # Rasa silently falls back to a plain in-memory store when the class cannot be imported
    config = read_endpoint_config(str(repo / "endpoints.yml"), "tracker_store")
    store = TrackerStore.create(config, Domain.empty())
    inner = getattr(store, "_tracker_store", store)
    assert isinstance(inner, ExpiringInMemoryTrackerStore)
    assert inner.max_idle_seconds == 3600


async def test_a_restart_deletes_everything_said_before_it():
    # the channels forget by sending "/restart" (Rasa's HTTP API is off)
    from rasa.shared.core.events import ActionExecuted, Restarted

    store = ExpiringInMemoryTrackerStore(Domain.empty())
    await store.save(
        DialogueStateTracker.from_events(
            "someone",
            [
                UserUttered("canary disclosure"),
                ActionExecuted("utter_greet"),
                UserUttered("/restart"),
                Restarted(),
                ActionExecuted("action_listen"),
            ],
        )
    )
    stored = store.store["someone"]
    assert "canary disclosure" not in stored and "/restart" not in stored
    assert (await store.retrieve("someone")) is not None


async def test_expired_conversations_are_purged_by_a_loop_even_when_nobody_writes_again():
    import asyncio

    clock = Clock()
    store = ExpiringInMemoryTrackerStore(
        Domain.empty(), max_idle_minutes=60, clock=clock, purge_every_seconds=0.01
    )
    await store.save(tracker("quiet"))
    clock.now += 61 * 60
    try:
        for _ in range(200):  # bounded: the loop runs every 10 ms
            if "quiet" not in store.store:
                break
            await asyncio.sleep(0.01)
        assert "quiet" not in store.store
    finally:
        store._purge_loop.cancel()
