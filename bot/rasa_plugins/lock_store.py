"""A Redis lock store whose tickets are issued and returned atomically, for several Rasa instances.

Rasa Open Source's RedisLockStore reads a conversation's lock, changes it in Python and writes it
back. Two Rasa instances taking a message of the same conversation at the same moment can both
read "nobody waiting", both take ticket 1, and both process at once: one turn's events are then
lost from the tracker store (the scaled profile's test caught a lost disclosure). Here every read-change-write
of a lock runs in a Redis transaction (WATCH/MULTI/EXEC, retried when another instance changed
the lock in between), so tickets are unique and served in order across instances.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Optional, Text, Tuple, TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

T = TypeVar("T")
Change = Callable[[Optional[TicketLock]], Tuple[Optional[TicketLock], T]]


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **kwargs: Any) -> None:
        # Rasa builds a custom lock store with `endpoint_config=`; tests pass the arguments
        if endpoint_config is not None:
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs, **kwargs}
        super().__init__(**kwargs)

    def _atomically(self, conversation_id: Text, change: Change) -> T:
        """Apply `change` to the stored lock as one transaction; None from `change` deletes it."""
        key = self.key_prefix + conversation_id
        outcome: dict[str, Any] = {}

        def attempt(pipe: Any) -> None:
            raw = pipe.get(key)  # immediate: the key is being watched
            lock = TicketLock.from_dict(json.loads(raw)) if raw else None
            new_lock, outcome["value"] = change(lock)
            pipe.multi()
            if new_lock is None:
                pipe.delete(key)
            else:
                pipe.set(key, new_lock.dumps())

        self.red.transaction(attempt, key)
        return outcome["value"]

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def take(lock: Optional[TicketLock]) -> Tuple[TicketLock, int]:
            lock = lock or self.create_lock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._atomically(conversation_id, take)
        except Exception as error:
            raise LockError(f"Error while acquiring lock: {type(error).__name__}") from None

    def update_lock(self, conversation_id: Text) -> None:
        def drop_expired(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock is not None:
                lock.remove_expired_tickets()
            return lock, None

        self._atomically(conversation_id, drop_expired)

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        def done(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock is not None:
                lock.remove_ticket_for(ticket_number)
            return lock, None

        self._atomically(conversation_id, done)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        """Return the ticket, and delete the lock when nobody else waits, in one transaction."""

        def done(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock is None:
                return None, None
            lock.remove_ticket_for(ticket_number)
            return (lock if lock.is_someone_waiting() else None), None

        self._atomically(conversation_id, done)
