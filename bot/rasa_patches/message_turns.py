"""One message at a time in a Rasa process, first come, first served; a message back from the action
server goes on before any message that has not started yet.

Rasa runs each message to the end in one go, except where it waits for the action server (about
one turn in four of the bench mix). There the message pauses, and Rasa's request to the action
server is a string of small steps (open a connection, send, read the head, read the body,
close), each of which, once the network has answered, waits on Rasa's event loop behind every
message that arrived meanwhile, ~15 ms of CPU each. Under load such a turn waited for the whole
queue several times over: with 20 conversations on one worker, those turns took 1-2 s while the
others took ~0.2-0.3 s, and they were the p95.

Here:
- the request runs on an event loop of its own thread (RequestThread), so its steps go as soon as
  the network allows, while Rasa's loop goes on with other messages;
- the moment the answer is complete, that thread says so (Turns.came_back), and from then on no
  message that has not started may start before the returning one has gone on: the new ones
  already queued on Rasa's loop wait (cheaply) until it has had its turn;
- otherwise messages take the turn in the order they arrive, one at a time, as Rasa ran them.
The process never idles while a message can run. RASA_MESSAGE_TURNS=off leaves Rasa's own order
(docs/bench/profile-2026-11-30.md has the figures).

Only Rasa's HTTP requests made while a message holds the turn step aside (EndpointConfig.request:
the action server, or an NLG server). Each Rasa process (each worker) has its own turns.
Installed by bot.rasa_patches.install_all (never by itself); written for Rasa 3.6.
"""

from __future__ import annotations

import asyncio
import functools
import os
import threading
from collections import deque
from typing import Any, Awaitable, Callable, Deque, Mapping, Optional

from rasa.core.processor import MessageProcessor
from rasa.utils.endpoints import EndpointConfig

from bot.conversation import turn_memo
from bot.rasa_patches import check_rasa_version

WRITTEN_FOR = "3.6."
ENV = "RASA_MESSAGE_TURNS"
SETTINGS = ("first-come", "off")


def setting(environ: Mapping[str, str] = os.environ) -> str:
    """RASA_MESSAGE_TURNS: 'first-come' (the default) or 'off'; ValueError naming it otherwise."""
    value = environ.get(ENV, "").strip().lower() or SETTINGS[0]
    if value not in SETTINGS:
        raise ValueError(f"{ENV} must be one of {', '.join(SETTINGS)}, not {value!r}")
    return value


class RequestThread:
    """An event loop on a daemon thread of its own, started on first use, for Rasa's requests."""

    def __init__(self) -> None:
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._lock = threading.Lock()

    def loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None or self._loop.is_closed():
                loop = asyncio.new_event_loop()
                threading.Thread(target=loop.run_forever, name="rasa-requests", daemon=True).start()
                self._loop = loop
            return self._loop

    async def run(self, coroutine: Awaitable[Any], then: Callable[[], None]) -> Any:
        """Await `coroutine` run on the thread's loop; `then()` is called on that thread as soon
        as it has ended, before this side hears of it. Cancelling this cancels it there."""

        async def run_then() -> Any:
            try:
                return await coroutine
            finally:
                then()

        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(run_then(), self.loop()))


class Turns:
    """One holder at a time (`owner`: its task). Waiting: messages coming back from the action
    server first, then new messages in arrival order. A freed turn goes straight to the next
    waiter, so nobody overtakes the queue; and while a message has come back (came_back) but not
    yet gone on (resumed), a new message waits even if the turn is free."""

    def __init__(self) -> None:
        self.owner: Optional[asyncio.Task] = None
        self._busy = False
        self._returning: Deque[asyncio.Future] = deque()
        self._arriving: Deque[asyncio.Future] = deque()
        self._back_lock = threading.Lock()
        self._back = 0  # requests ended whose messages have not gone on yet (may dip below 0)

    @property
    def waiting(self) -> int:
        return sum(1 for queue in (self._returning, self._arriving) for waiter in queue if not waiter.done())

    @property
    def back(self) -> int:
        with self._back_lock:
            return self._back

    def came_back(self) -> None:
        """A message's request has ended (called on any thread)."""
        with self._back_lock:
            self._back += 1

    def resumed(self) -> None:
        """That message has gone on (holding the turn) or given up (cancelled)."""
        with self._back_lock:
            self._back -= 1
        if not self._busy:
            self._pass_on()  # new messages held back for it may go now

    async def take(self, returning: bool = False) -> None:
        """Wait for the turn and hold it (as the current task)."""
        free = not self._busy and (returning or (not self.waiting and self.back <= 0))
        if free:
            self._busy = True
        else:
            waiter = asyncio.get_running_loop().create_future()
            (self._returning if returning else self._arriving).append(waiter)
            try:
                await waiter
            except asyncio.CancelledError:
                if waiter.done() and not waiter.cancelled():
                    self._pass_on()  # handed the turn just as it was cancelled
                raise
        self.owner = asyncio.current_task()

    def give_back(self) -> None:
        self.owner = None
        self._pass_on()

    def _pass_on(self) -> None:
        """The turn to the next waiter (returning ones first; new ones only while nobody is
        back), else free."""
        queues = (self._returning, self._arriving) if self.back <= 0 else (self._returning,)
        for queue in queues:
            while queue:
                waiter = queue.popleft()
                if not waiter.done():
                    self._busy = True
                    waiter.set_result(None)  # the turn moves to this waiter
                    return
        self._busy = False


def is_installed() -> bool:
    """Whether this process handles messages in turns (not with RASA_MESSAGE_TURNS=off)."""
    return getattr(MessageProcessor.handle_message, "message_turns", None) is not None


def install(environ: Mapping[str, str] = os.environ) -> Optional[Turns]:
    """Wrap MessageProcessor.handle_message (take a turn) and EndpointConfig.request (step aside
    while it waits) around one Turns for this process; None when RASA_MESSAGE_TURNS=off.
    Installing again keeps the first."""
    check_rasa_version(__name__, WRITTEN_FOR)
    existing = getattr(MessageProcessor.handle_message, "message_turns", None)
    if existing is not None:
        return existing
    if setting(environ) == "off":
        return None
    turns = Turns()
    thread = RequestThread()
    handle = MessageProcessor.handle_message
    request = EndpointConfig.request

    @functools.wraps(handle)
    async def handle_message(self: MessageProcessor, message: Any) -> Any:
        task = asyncio.current_task()
        if turns.owner is task:  # a message handled inside another: it has the turn already
            return await handle(self, message)
        await turns.take()
        try:
            return await handle(self, message)
        finally:
            turn_memo.forget()  # the policies' reading of this message is kept no longer
            if turns.owner is task:  # not if cancelled while coming back from the action server
                turns.give_back()

    @functools.wraps(request)
    async def stepping_aside(self: EndpointConfig, *args: Any, **kwargs: Any) -> Any:
        if turns.owner is not asyncio.current_task():  # not inside a message's turn
            return await request(self, *args, **kwargs)
        turns.give_back()
        try:
            return await thread.run(request(self, *args, **kwargs), then=turns.came_back)
        finally:
            try:
                await turns.take(returning=True)
            finally:
                turns.resumed()

    handle_message.message_turns = turns  # type: ignore[attr-defined]
    MessageProcessor.handle_message = handle_message  # type: ignore[method-assign]
    EndpointConfig.request = stepping_aside  # type: ignore[method-assign]
    return turns
