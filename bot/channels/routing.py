"""Which Rasa worker takes a conversation: a stable hash of its opaque id, skipping workers that
stopped answering. Pure standard library; both channels (bot.channels.rasa_client) use it.

The default profile runs N Rasa workers, each keeping its conversations in its own memory, so
every message of a conversation must reach the same worker. `preference(sender_id, n)` orders
the workers for one conversation by rendezvous hashing (highest SHA-256 of worker index and id
first): the same order in every process and after every restart (no PYTHONHASHSEED involved),
conversations spread evenly, and when a worker is skipped only its own conversations move, each
to its next worker, while every other conversation stays where it is.

`WorkerHealth` remembers which workers stopped answering (a refused connection, a timeout, an
error) so that the next messages skip them at once instead of waiting for them; a worker is
tried again only after a health probe (GET /) has answered. Times are seconds of a monotonic
clock.
"""

from __future__ import annotations

import hashlib
import time
from typing import Callable, Sequence

# how long after a failure (or a failed probe) before a skipped worker is probed again
PROBE_AFTER_S = 2.0


def preference(sender_id: str, workers: int) -> list[int]:
    """Worker indices 0..workers-1 in the order this conversation tries them (best first).
    Raises ValueError when `workers` < 1."""
    if workers < 1:
        raise ValueError("at least one worker is needed")
    key = sender_id.encode("utf-8")

    def weight(index: int) -> bytes:
        return hashlib.sha256(index.to_bytes(4, "big") + b"\0" + key).digest()

    return sorted(range(workers), key=weight, reverse=True)


class WorkerHealth:
    """Which of `workers` workers are skipped, and when each may be probed again."""

    def __init__(
        self, workers: int, probe_after_s: float = PROBE_AFTER_S, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._probe_at: dict[int, float] = {}  # skipped worker -> when to probe it next
        self._workers = workers
        self._probe_after_s = probe_after_s
        self._clock = clock

    def order(self, sender_id: str) -> list[int]:
        """The conversation's workers, answering ones first in its own order, skipped ones after
        (tried only when no answering worker could be reached)."""
        ranked = preference(sender_id, self._workers)
        return [i for i in ranked if i not in self._probe_at] + [i for i in ranked if i in self._probe_at]

    def failed(self, index: int) -> None:
        """The worker did not answer: skip it until a probe says otherwise."""
        self._probe_at[index] = self._clock() + self._probe_after_s

    def answered(self, index: int) -> None:
        self._probe_at.pop(index, None)

    def skipped(self, index: int) -> bool:
        return index in self._probe_at

    def due_for_probe(self) -> list[int]:
        """Skipped workers whose probe time has come; each is pushed back by PROBE_AFTER_S so
        that one probe at a time is in flight for it."""
        now = self._clock()
        due = [i for i, at in self._probe_at.items() if at <= now]
        for index in due:
            self._probe_at[index] = now + self._probe_after_s
        return due

    def answering(self) -> Sequence[bool]:
        return tuple(i not in self._probe_at for i in range(self._workers))
