"""Rate limits both channels apply: RATE_LIMIT messages per conversation (a web session, a
Telegram chat), and the gateway's limit on new web sessions. In memory, bounded."""

from __future__ import annotations

import re
import time
from collections import OrderedDict, deque
from dataclasses import dataclass
from typing import Callable

_PERIODS = {"second": 1.0, "minute": 60.0, "hour": 3600.0}


@dataclass(frozen=True)
class RateLimit:
    """At most `count` events in any window of `period_s` seconds."""

    count: int
    period_s: float

    @classmethod
    def parse(cls, text: str) -> "RateLimit":
        """'20/minute', '5/second', '100/hour' or '20/60' (seconds)."""
        match = re.fullmatch(r"\s*(\d+)\s*/\s*(second|minute|hour|\d+(?:\.\d+)?)\s*", text)
        if not match:
            raise ValueError(f"rate limit {text!r} is not like '20/minute'")
        count, period = int(match.group(1)), match.group(2)
        period_s = _PERIODS[period] if period in _PERIODS else float(period)
        if count < 1 or period_s <= 0:
            raise ValueError(f"rate limit {text!r} must allow at least 1 event per period")
        return cls(count, period_s)


class SlidingWindow:
    """At most `limit.count` events in any `limit.period_s` seconds."""

    def __init__(self, limit: RateLimit) -> None:
        self._limit = limit
        self._times: deque[float] = deque()

    def allow(self, now: float) -> bool:
        while self._times and now - self._times[0] >= self._limit.period_s:
            self._times.popleft()
        if len(self._times) >= self._limit.count:
            return False
        self._times.append(now)
        return True


class KeyedRateLimits:
    """One SlidingWindow per key (e.g. a Telegram conversation's HMAC id), least recent dropped
    beyond `max_keys` so memory stays bounded."""

    def __init__(
        self, limit: RateLimit, max_keys: int = 10000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._limit = limit
        self._max_keys = max_keys
        self._clock = clock
        self._windows: "OrderedDict[str, SlidingWindow]" = OrderedDict()

    def allow(self, key: str) -> bool:
        window = self._windows.pop(key, None) or SlidingWindow(self._limit)
        self._windows[key] = window
        while len(self._windows) > self._max_keys:
            self._windows.popitem(last=False)
        return window.allow(self._clock())
