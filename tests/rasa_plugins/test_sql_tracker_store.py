"""The SQL store (SQLite here; PostgreSQL in tests/serve/test_scaled_profile.py) deletes what the in-memory one deletes."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

import pytest
import yaml
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Restarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy import purge
from bot.rasa_plugins.sql_tracker_store import ExpiringSQLTrackerStore

pytestmark = pytest.mark.privacy

CANARY = "canary-7f3a9 he touched me"


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


def said(sender: str, text: str, at: float) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(
        sender, [UserUttered(text, timestamp=at), ActionExecuted("utter_thanks", timestamp=at)]
    )


def rows(db: Path, sender: str | None = None) -> list[str]:
    with sqlite3.connect(db) as connection:
        query = "SELECT data FROM events" + (" WHERE sender_id = ?" if sender else "")
        return [r[0] for r in connection.execute(query, (sender,) if sender else ())]


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "private" / "conversations.db"


@pytest.fixture
def store(db: Path, clock: Clock) -> ExpiringSQLTrackerStore:
    return ExpiringSQLTrackerStore(
        Domain.empty(), dialect="sqlite", db=str(db), max_idle_minutes=60, clock=clock
    )


def test_the_database_folder_is_created_for_its_owner_only(store, db):
    assert db.exists()
    assert db.parent.stat().st_mode & 0o777 == 0o700


async def test_a_conversation_is_kept_while_active(store, clock, db):
    await store.save(said("alex", CANARY, clock.now))
    tracker = await store.retrieve("alex")
    assert tracker is not None and tracker.latest_message.text == CANARY
    assert any(CANARY in row for row in rows(db))


async def test_idle_conversations_are_purged_and_recent_ones_kept(store, clock, db):
    await store.save(said("old", CANARY, clock.now))
    clock.now += 30 * 60
    await store.save(said("recent", "hello", clock.now))
    clock.now += 31 * 60
    assert store.purge_expired() == 1
    assert rows(db, "old") == [] and rows(db, "recent") != []


async def test_an_idle_conversation_is_gone_on_its_next_use_even_before_a_purge(db, clock):
    store = ExpiringSQLTrackerStore(
        Domain.empty(),
        dialect="sqlite",
        db=str(db),
        max_idle_minutes=60,
        purge_every_seconds=10**9,
        clock=clock,
    )
    await store.save(said("alex", CANARY, clock.now))
    clock.now += 61 * 60
    assert await store.retrieve("alex") is None
    assert rows(db) == []


async def test_the_store_purges_by_itself_while_it_is_used(store, clock, db):
    await store.save(said("old", CANARY, clock.now))
    clock.now += 61 * 60
    await store.save(said("someone else", "hi", clock.now))  # a purge is due: > 60 s since the last
    assert rows(db, "old") == []


async def test_forget_deletes_at_once(store, clock, db):
    await store.save(said("alex", CANARY, clock.now))
    assert store.forget("alex") is True
    assert await store.retrieve("alex") is None and rows(db) == []
    assert store.forget("alex") is False


async def test_a_restart_deletes_everything_said_before_it(store, clock, db):
    await store.save(said("alex", CANARY, clock.now))
    tracker = await store.retrieve("alex")
    for event in (
        UserUttered("/restart", timestamp=clock.now),
        Restarted(timestamp=clock.now),
        ActionExecuted("action_listen", timestamp=clock.now),
    ):
        tracker.update(event)
    await store.save(tracker)
    await store.save(tracker)  # Rasa may save the same tracker twice: old events must not return
    stored = rows(db, "alex")
    assert stored and not any(CANARY in row or "/restart" in row for row in stored)
    after = await store.retrieve("alex")
    assert [e.type_name for e in after.events] == ["action"]


async def test_new_turns_after_a_restart_are_appended_in_order(store, clock, db):
    await store.save(said("alex", CANARY, clock.now))
    tracker = await store.retrieve("alex")
    tracker.update(Restarted(timestamp=clock.now))
    await store.save(tracker)
    # nothing is left after a final restart, so Rasa starts a new tracker, as it would here
    assert await store.retrieve("alex") is None
    tracker = DialogueStateTracker("alex", slots=[])
    tracker.update(UserUttered("first", timestamp=clock.now + 1))
    await store.save(tracker)
    tracker = await store.retrieve("alex")
    tracker.update(UserUttered("second", timestamp=clock.now + 2))
    await store.save(tracker)
    texts = [e.text for e in (await store.retrieve("alex")).events if isinstance(e, UserUttered)]
    assert texts == ["first", "second"]


async def test_deleted_text_is_not_left_in_the_database_file(store, clock, db):
    # SQLite keeps deleted rows in free pages unless secure_delete is on
    await store.save(said("alex", CANARY * 20, clock.now))
    store.forget("alex")
    store.engine.dispose()
    assert CANARY.encode() not in db.read_bytes()


def test_purge_command_deletes_idle_conversations_from_the_configured_database(tmp_path, capsys):
    db = tmp_path / "conversations.db"
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        yaml.safe_dump(
            {
                "tracker_store": {
                    "type": "bot.rasa_plugins.sql_tracker_store.ExpiringSQLTrackerStore",
                    "dialect": "sqlite",
                    "db": str(db),
                    "max_idle_minutes": 60,
                }
            }
        )
    )
    store = ExpiringSQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(db))
    with sqlite3.connect(db) as connection:  # one conversation last seen two hours ago, one now
        import time

        for sender, at in (("old", time.time() - 7200), ("new", time.time())):
            connection.execute(
                "INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (?, 'user', ?, ?)",
                (sender, at, f'{{"text": "{CANARY}"}}'),
            )
    assert purge.main(["--older-than", "60m", "--endpoints", str(endpoints)]) == 0
    assert "Deleted 1 conversation" in capsys.readouterr().out
    assert rows(db, "old") == [] and rows(db, "new") != []
    store.engine.dispose()


def test_purge_command_explains_that_the_in_memory_store_purges_itself(repo, capsys):
    assert purge.main(["--older-than", "1h", "--endpoints", str(repo / "endpoints.yml")]) == 0
    assert "in-memory store" in capsys.readouterr().out


@pytest.mark.parametrize(
    "text, seconds", [("90s", 90), ("60m", 3600), ("2h", 7200), ("1d", 86400), ("45", 2700)]
)
def test_durations(text, seconds):
    assert purge.parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "-5m", "0m", "10 weeks"])
def test_bad_durations_are_refused(text):
    with pytest.raises(argparse.ArgumentTypeError):
        purge.parse_duration(text)


def test_the_sqlite_profile_is_what_rasa_builds(repo):
    store = purge.store_from_endpoints(repo / "deploy" / "endpoints.sqlite.yml")
    assert isinstance(store, ExpiringSQLTrackerStore)
    assert store.max_idle_seconds == 3600
