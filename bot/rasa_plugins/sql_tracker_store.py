"""An SQL tracker store (SQLite file or PostgreSQL) that deletes what the in-memory one deletes.

Rasa's SQLTrackerStore keeps every event for ever: a finished session, a /restart, even an
expired conversation stay in the `events` table. This store keeps the same privacy promises as
`ExpiringInMemoryTrackerStore`:
- a conversation idle for longer than `max_idle_minutes` is deleted: on its next use, by a purge
  that runs at most every `purge_every_seconds` while the store is used, and by
  `python -m bot purge` (for cron or a Kubernetes CronJob);
- a restart ("Delete this chat", quick exit, Telegram /forget) deletes every earlier event;
- `forget(sender_id)` deletes a conversation at once.
Idle time is measured from the newest event's timestamp (wall-clock seconds, as Rasa writes them),
so several Rasa instances sharing one database agree on it.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Text

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Restarted
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_plugins.tracker_store import without_events_before_restart

DEFAULT_PURGE_EVERY_SECONDS = 60.0


def _prepare_sqlite_folder(db: str) -> None:
    """SQLite does not create folders; the conversations' folder is readable by its owner only."""
    folder = Path(db).parent
    if str(folder) not in ("", "."):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)


def _overwrite_deleted_rows(connection: Any, _record: Any) -> None:
    # Without secure_delete SQLite leaves deleted rows' bytes in free pages of the file, so a
    # "deleted" disclosure could still be read from conversations.db.
    connection.execute("PRAGMA secure_delete = ON")


class ExpiringSQLTrackerStore(SQLTrackerStore):
    def __init__(
        self,
        domain: Optional[Domain] = None,
        max_idle_minutes: float = 60,
        purge_every_seconds: float = DEFAULT_PURGE_EVERY_SECONDS,
        clock: Callable[[], float] = time.time,
        **kwargs: Any,
    ) -> None:
        if kwargs.get("dialect", "sqlite") == "sqlite":
            _prepare_sqlite_folder(kwargs.get("db", "rasa.db"))
        super().__init__(domain, **kwargs)
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _overwrite_deleted_rows)
        self.max_idle_seconds = float(max_idle_minutes) * 60
        self.purge_every_seconds = float(purge_every_seconds)
        self._clock = clock
        self._last_purge: Optional[float] = None

    # --- deletion -------------------------------------------------------------------------
    def purge_older_than(self, seconds: float) -> int:
        """Delete every conversation whose newest event is older than `seconds`; return how many."""
        cutoff = self._clock() - float(seconds)
        events = self.SQLEvent.__table__
        newest = (
            sa.select(events.c.sender_id)
            .group_by(events.c.sender_id)
            .having(sa.func.max(events.c.timestamp) < cutoff)
        )
        with self.session_scope() as session:
            stale = [row[0] for row in session.execute(newest)]
            if stale:
                session.execute(events.delete().where(events.c.sender_id.in_(stale)))
                session.commit()
        return len(stale)

    def purge_expired(self) -> int:
        self._last_purge = self._clock()
        return self.purge_older_than(self.max_idle_seconds)

    def _purge_if_due(self) -> None:
        if self._last_purge is None or self._clock() - self._last_purge >= self.purge_every_seconds:
            self.purge_expired()

    def forget(self, sender_id: Text) -> bool:
        events = self.SQLEvent.__table__
        with self.session_scope() as session:
            deleted = session.execute(events.delete().where(events.c.sender_id == sender_id))
            session.commit()
        return bool(deleted.rowcount)

    def _forget_if_idle(self, sender_id: Text) -> None:
        """A conversation past the idle limit is gone even if the periodic purge has not run."""
        events = self.SQLEvent.__table__
        with self.session_scope() as session:
            newest = session.execute(
                sa.select(sa.func.max(events.c.timestamp)).where(events.c.sender_id == sender_id)
            ).scalar()
        if newest is not None and newest < self._clock() - self.max_idle_seconds:
            self.forget(sender_id)

    # --- the TrackerStore interface -------------------------------------------------------
    async def save(self, tracker: DialogueStateTracker) -> None:
        self._purge_if_due()
        if any(isinstance(event, Restarted) for event in tracker.events):
            # The rows become exactly the events after the last restart. Idempotent, so a
            # second save of the same in-memory tracker cannot bring old events back.
            self.forget(tracker.sender_id)
            tracker = without_events_before_restart(tracker, self.domain)
        await super().save(tracker)

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        self._purge_if_due()
        self._forget_if_idle(sender_id)
        return await super().retrieve(sender_id)

    async def retrieve_full_tracker(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        self._purge_if_due()
        self._forget_if_idle(sender_id)
        return await super().retrieve_full_tracker(sender_id)

    async def keys(self) -> Iterable[Text]:
        self._purge_if_due()
        return await super().keys()
