"""bot.telegram.retry on its own: which errors are retried, how long it waits, when it gives up.
The waits are recorded, never slept."""

from __future__ import annotations

import asyncio
import logging

import pytest
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from bot.telegram.retry import Backoff, is_transient, until_it_answers, with_retry

pytestmark = pytest.mark.faults


class Script:
    """A call that raises the given errors in turn, then returns "sent"."""

    def __init__(self, *errors: BaseException) -> None:
        self.errors = list(errors)
        self.calls = 0

    async def __call__(self) -> str:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return "sent"


def recorded() -> tuple[Backoff, list[float]]:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    return Backoff(sleep=sleep), waits


TRANSIENT = [
    NetworkError("Internal Server Error (500)"),
    NetworkError("Bad Gateway (502)"),
    TimedOut(),
    NetworkError("httpx.RemoteProtocolError: Server disconnected"),
    RetryAfter(3),
]
PERMANENT = [
    Forbidden("Forbidden: bot was blocked by the user"),
    BadRequest("Bad Request: chat not found"),
    BadRequest("Bad Request: can't parse entities"),
    InvalidToken("Unauthorized"),
    ChatMigrated(-100123),
    Conflict("Conflict"),
    TelegramError("Invalid server response"),
]


def test_the_default_backoff_is_exponential_capped_and_bounded():
    backoff = Backoff()
    assert backoff.schedule() == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0, 4.0]
    assert backoff.attempts == 8 and sum(backoff.schedule()) == 19.5
    with pytest.raises(ValueError):
        Backoff(attempts=0)


@pytest.mark.parametrize("error", TRANSIENT, ids=lambda e: type(e).__name__)
def test_server_errors_timeouts_resets_and_429_are_transient(error):
    assert is_transient(error)


@pytest.mark.parametrize("error", PERMANENT, ids=lambda e: type(e).__name__)
def test_blocked_bad_request_bad_token_and_the_rest_are_permanent(error):
    assert not is_transient(error)


async def test_transient_errors_are_retried_with_growing_waits_until_the_call_succeeds():
    backoff, waits = recorded()
    call = Script(
        NetworkError("Internal Server Error (500)"), TimedOut(), NetworkError("httpx.ConnectError: refused")
    )
    assert await with_retry(call, backoff, "sendMessage") == "sent"
    assert call.calls == 4 and waits == [0.5, 1.0, 2.0]


async def test_a_429_waits_what_telegram_asks_for():
    backoff, waits = recorded()
    call = Script(RetryAfter(7), NetworkError("Bad Gateway (502)"), RetryAfter(2))
    assert await with_retry(call, backoff, "sendMessage") == "sent"
    assert waits == [7.0, 1.0, 2.0]  # the 502 is the second failure: 0.5 * 2


async def test_a_429_longer_than_the_limit_is_not_waited_for():
    backoff, waits = recorded()
    call = Script(RetryAfter(600))
    with pytest.raises(RetryAfter):
        await with_retry(call, backoff, "sendMessage")
    assert call.calls == 1 and waits == []


async def test_it_gives_up_after_the_attempts_and_raises_the_last_error(caplog):
    backoff, waits = recorded()
    call = Script(*[NetworkError("Internal Server Error (500)") for _ in range(20)])
    with pytest.raises(NetworkError):
        await with_retry(call, backoff, "sendMessage")
    assert call.calls == backoff.attempts == 8
    assert waits == backoff.schedule()
    assert "sendMessage failed 8 times (NetworkError); given up" in caplog.text


@pytest.mark.parametrize("error", PERMANENT, ids=lambda e: type(e).__name__)
async def test_permanent_errors_are_not_retried_and_only_their_kind_is_logged(error, caplog):
    caplog.set_level(logging.DEBUG, logger="bot.telegram.retry")
    backoff, waits = recorded()
    call = Script(error)
    with pytest.raises(type(error)):
        await with_retry(call, backoff, "sendMessage")
    assert call.calls == 1 and waits == []
    [record] = caplog.records
    assert record.getMessage() == f"telegram: sendMessage refused ({type(error).__name__}); not retried"


async def test_until_it_answers_retries_start_up_until_telegram_answers():
    stop = asyncio.Event()
    call = Script(NetworkError("Internal Server Error (500)"), TimedOut(), RetryAfter(0))
    result = await until_it_answers(call, "getMe", stop, Backoff(base_s=0.001, cap_s=0.001))
    assert result == "sent" and call.calls == 4


async def test_until_it_answers_raises_a_bad_token_at_once_and_ends_when_stopped():
    stop = asyncio.Event()
    call = Script(InvalidToken("Unauthorized"))
    with pytest.raises(InvalidToken):
        await until_it_answers(call, "getMe", stop)
    assert call.calls == 1

    down = Script(*[NetworkError("Bad Gateway (502)") for _ in range(10**6)])
    an_hour = Backoff(base_s=3600, cap_s=3600)
    waiting = asyncio.create_task(until_it_answers(down, "getMe", stop, an_hour))
    while down.calls == 0:
        await asyncio.sleep(0.01)
    stop.set()
    assert await waiting is None  # returns when stopped, without waiting out the hour
    assert down.calls == 1
