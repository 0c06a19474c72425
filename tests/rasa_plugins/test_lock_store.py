"""The lock store hands out tickets atomically across processes (real Redis, as the scaled profile runs it)."""

from __future__ import annotations

import threading

import pytest
from rasa.core.lock_store import LockStore
from rasa.utils.endpoints import read_endpoint_config

from bot.serve.backing_services import PrivateRedis
from bot.rasa_plugins.lock_store import AtomicRedisLockStore
from tests.serve.live import REPO, free_port
from tests.serve.scaled import require_backing_binaries

pytestmark = pytest.mark.scaled
CLIENTS = 8  # each its own Redis connection, like separate Rasa instances
TICKETS_EACH = 25


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    require_backing_binaries()
    server = PrivateRedis(tmp_path_factory.mktemp("redis"), port=free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


def store_for(server: PrivateRedis) -> AtomicRedisLockStore:
    env = server.environment()
    return AtomicRedisLockStore(
        host=env["REDIS_HOST"],
        port=int(env["REDIS_PORT"]),
        db=int(env["REDIS_DB"]),
        password=env["REDIS_PASSWORD"],
        key_prefix="test",
    )


def test_tickets_taken_at_once_by_many_instances_are_all_different(redis_server):
    stores = [store_for(redis_server) for _ in range(CLIENTS)]
    tickets: list[int] = []
    start = threading.Barrier(CLIENTS)

    def take(store: AtomicRedisLockStore) -> None:
        start.wait()
        for _ in range(TICKETS_EACH):
            tickets.append(store.issue_ticket("one-conversation", lock_lifetime=60))

    threads = [threading.Thread(target=take, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(tickets) == CLIENTS * TICKETS_EACH
    assert len(set(tickets)) == len(tickets), "two instances were given the same ticket"
    lock = stores[0].get_lock("one-conversation")
    assert len(lock.tickets) == len(tickets)  # no ticket overwritten by another instance


async def test_tickets_are_served_in_order_and_the_lock_goes_when_nobody_waits(redis_server):
    first, second = store_for(redis_server), store_for(redis_server)
    one = first.issue_ticket("talk", 60)
    two = second.issue_ticket("talk", 60)
    assert second.get_lock("talk").is_locked(two) and not first.get_lock("talk").is_locked(one)
    first.cleanup("talk", one)
    assert not second.get_lock("talk").is_locked(two)
    second.cleanup("talk", two)
    assert first.get_lock("talk") is None


def test_the_scaled_profile_uses_this_lock_store(redis_server, monkeypatch):
    for name, value in {
        **redis_server.environment(),
        "ACTION_ENDPOINT_URL": "http://127.0.0.1:1",
        "POSTGRES_HOST": "x",
        "POSTGRES_PORT": "1",
        "POSTGRES_DB": "x",
        "POSTGRES_USER": "x",
        "POSTGRES_PASSWORD": "x",
    }.items():
        monkeypatch.setenv(name, value)
    config = read_endpoint_config(str(REPO / "deploy" / "endpoints.scaled.yml"), "lock_store")
    store = LockStore.create(config)
    assert isinstance(store, AtomicRedisLockStore)
    assert store.red.ping()
