"""An in-memory tracker store that deletes conversations after a period of inactivity.

Rasa's own session expiry starts a new session but keeps the old events; a child's disclosure
must not sit in memory for the life of the process. Every `purge_every_seconds` (60) a loop on
Rasa's event loop deletes expired conversations; a conversation used after its limit is deleted
at that moment; `forget` deletes one at once.

A restart deletes too: the channels forget a conversation by sending "/restart" over the REST
channel (Rasa's HTTP API is off), and Rasa itself only appends a Restarted event, keeping what
came before. This store keeps only the events after the last restart, so "Delete this chat",
quick exit and Telegram's /forget really remove what was said.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, Callable, Iterable, Optional, Text

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Restarted
from rasa.shared.core.trackers import DialogueStateTracker


def without_events_before_restart(tracker: DialogueStateTracker, domain: Domain) -> DialogueStateTracker:
    events = list(tracker.events)
    restarts = [i for i, event in enumerate(events) if isinstance(event, Restarted)]
    if not restarts:
        return tracker
    return DialogueStateTracker.from_events(tracker.sender_id, events[restarts[-1] + 1 :], slots=domain.slots)


class ExpiringInMemoryTrackerStore(InMemoryTrackerStore):
    def __init__(
        self,
        domain: Domain,
        host: Optional[Text] = None,
        event_broker: Optional[EventBroker] = None,
        max_idle_minutes: float = 60,
        clock: Callable[[], float] = time.monotonic,
        purge_every_seconds: float = 60,
        **kwargs: Any,
    ) -> None:
        super().__init__(domain, event_broker, **kwargs)
        self.max_idle_seconds = float(max_idle_minutes) * 60
        self.purge_every_seconds = float(purge_every_seconds)
        self._clock = clock
        self._last_active: dict[str, float] = {}
        self._purge_loop: Optional[asyncio.Task] = None

    def _keep_purging(self) -> None:
        """Purge on a timer too, so an expired conversation goes even if nobody writes again.
        Runs on Rasa's own event loop (started by the first use), so it never races a save."""
        if self._purge_loop is not None and not self._purge_loop.done():
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        self._purge_loop = loop.create_task(self._purge_periodically())

    def _forget_if_idle(self, sender_id: Text) -> None:
        """The conversation in hand is gone once idle past the limit, even before the timer runs;
        the others are the timer's job (no scan of every conversation per message)."""
        seen = self._last_active.get(sender_id)
        if seen is not None and seen < self._clock() - self.max_idle_seconds:
            self.forget(sender_id)

    async def _purge_periodically(self) -> None:
        while True:
            await asyncio.sleep(self.purge_every_seconds)
            self.purge_expired()

    def purge_expired(self) -> int:
        """Delete every conversation idle for longer than the limit; return how many."""
        return self.purge_older_than(self.max_idle_seconds)

    def purge_older_than(self, seconds: float) -> int:
        cutoff = self._clock() - float(seconds)
        expired = [sender for sender, seen in self._last_active.items() if seen < cutoff]
        for sender_id in expired:
            self.forget(sender_id)
        return len(expired)

    def forget(self, sender_id: Text) -> bool:
        self._last_active.pop(sender_id, None)
        return self.store.pop(sender_id, None) is not None

    async def save(self, tracker: DialogueStateTracker) -> None:
        self._keep_purging()
        self._forget_if_idle(tracker.sender_id)
        await super().save(without_events_before_restart(tracker, self.domain))
        self._last_active[tracker.sender_id] = self._clock()

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        self._keep_purging()
        self._forget_if_idle(sender_id)
        return await super().retrieve(sender_id)

    async def retrieve_full_tracker(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        self.purge_expired()
        return await super().retrieve_full_tracker(sender_id)

    async def keys(self) -> Iterable[Text]:
        self.purge_expired()
        return list(self.store.keys())
