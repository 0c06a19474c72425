"""Bounded exponential backoff for the Bot API calls whose result matters: the bridge's replies.

A reply the bridge has produced for a message it accepted (Rasa's answer, or the static safety
message when Rasa failed) must not be lost because Telegram had a bad moment (hazard H08). So a
`sendMessage` that fails with a transient error is tried again after 0.5 s, 1 s, 2 s, 4 s, 4 s, ...
(`Backoff`), at most `attempts` times in all, and a 429 is retried after the `retry_after`
Telegram asks for. Permanent errors (403 bot blocked, 400 bad request or chat not found, 401/404
bad token) are not retried: trying again cannot help.

What is transient (python-telegram-bot 22's exceptions):
    RetryAfter            429 flood control: wait what Telegram says, then retry
    TimedOut              no answer in time (a retry may repeat a message Telegram did deliver:
                          a reply twice is better than none)
    NetworkError          HTTP 5xx, 502, connection refused or reset, a garbled 5xx body
                          (but not its subclass BadRequest, which is a 400)
Everything else (BadRequest, Forbidden, InvalidToken, ChatMigrated, Conflict, a 2xx answer that
is not JSON) is permanent.

Logs name the Bot API method and the kind of error only: an exception's text could in principle
carry a chat id, and the call's arguments hold the message text.

Parameters are injectable (`Backoff(base_s=..., sleep=...)`) so tests need no real waiting.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import logging
import warnings
from dataclasses import dataclass, field
from typing import Awaitable, Callable, Optional, TypeVar

from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class Backoff:
    """How often and how long to wait. The defaults give up after 8 tries and 19.5 s of waiting
    (0.5 + 1 + 2 + 4 + 4 + 4 + 4); after a 429 the wait is the `retry_after` Telegram asks for
    instead (given up at once if that is over `longest_retry_after_s`)."""

    base_s: float = 0.5
    factor: float = 2.0
    cap_s: float = 4.0
    attempts: int = 8  # tries in all, the first one included
    longest_retry_after_s: float = 60.0  # a 429 asking for longer than this is not waited for
    sleep: Callable[[float], Awaitable[object]] = field(default=asyncio.sleep, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.attempts < 1 or self.base_s < 0 or self.cap_s < 0 or self.factor < 1:
            raise ValueError("Backoff needs attempts >= 1, base_s >= 0, cap_s >= 0, factor >= 1")

    def delay(self, failures: int) -> float:
        """Seconds to wait after the `failures`-th failure (1, 2, ...)."""
        return min(self.cap_s, self.base_s * self.factor ** (failures - 1))

    def schedule(self) -> list[float]:
        """Every wait, in order, when every try fails with a transient error (no 429)."""
        return [self.delay(n) for n in range(1, self.attempts)]


def is_transient(error: BaseException) -> bool:
    if isinstance(error, RetryAfter):
        return True
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest)


def retry_after_s(error: RetryAfter) -> float:
    """RetryAfter.retry_after is an int or a timedelta depending on PTB_TIMEDELTA; reading it
    warns about the change in either case."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = error.retry_after
    if isinstance(value, dtm.timedelta):
        return value.total_seconds()
    return float(value)


async def with_retry(call: Callable[[], Awaitable[T]], backoff: Backoff, what: str) -> T:
    """`await call()`, retried per `backoff` while it fails with a transient Telegram error.
    Re-raises the last error when it is permanent, when the tries are used up, or when a 429 asks
    for a longer wait than `backoff.longest_retry_after_s`."""
    failures = 0
    while True:
        try:
            return await call()
        except TelegramError as error:
            failures += 1
            kind = type(error).__name__
            wait: Optional[float]
            if not is_transient(error):
                log.warning("telegram: %s refused (%s); not retried", what, kind)
                raise
            if isinstance(error, RetryAfter):
                wait = retry_after_s(error)
                if wait > backoff.longest_retry_after_s:
                    log.error(
                        "telegram: %s rate limited for %.0f s (over %.0f s); given up",
                        what,
                        wait,
                        backoff.longest_retry_after_s,
                    )
                    raise
            else:
                wait = backoff.delay(failures)
            if failures >= backoff.attempts:
                log.error("telegram: %s failed %d times (%s); given up", what, failures, kind)
                raise
            log.warning(
                "telegram: %s failed (%s); try %d of %d in %.1f s",
                what,
                kind,
                failures + 1,
                backoff.attempts,
                wait,
            )
        await backoff.sleep(wait)


# Start-up (webhook mode: getMe, setWebhook) waits for Telegram as python-telegram-bot's own
# bootstrap does in polling mode: 1 s, then 1.5 times longer each time, at most 30 s.
STARTUP_BACKOFF = Backoff(base_s=1.0, factor=1.5, cap_s=30.0)


async def until_it_answers(
    call: Callable[[], Awaitable[T]], what: str, stop: asyncio.Event, backoff: Backoff = STARTUP_BACKOFF
) -> Optional[T]:
    """`await call()`, retried for as long as it fails with a transient Telegram error, until
    `stop` is set (then None). `backoff.attempts` is not used: start-up waits for Telegram.
    Permanent errors (a bad token, a refused webhook URL) are raised at once."""
    failures = 0
    while not stop.is_set():
        try:
            return await call()
        except TelegramError as error:
            if not is_transient(error):
                raise
            failures += 1
            wait = retry_after_s(error) if isinstance(error, RetryAfter) else backoff.delay(failures)
            log.warning("telegram: %s failed (%s); trying again in %.1f s", what, type(error).__name__, wait)
        try:
            await asyncio.wait_for(stop.wait(), timeout=wait)
        except asyncio.TimeoutError:
            pass
    return None
