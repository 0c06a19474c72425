"""The load driver: simulated conversations, `concurrency` at a time, through one target.

Closed loop: each simulated user sends its next message as soon as the reply arrives (no
thinking time), so the figures show what the stack can do, not how fast people type. Bounded
three ways: a fixed number of conversations, a time cap (no new message is sent after it) and
a per-request timeout. Loopback only: the targets are URLs on 127.0.0.1 the bench started.

Two targets speak the two protocols: `GatewayTarget` (the web gateway's /api/chat, as the web
page does it) and `RestTarget` (Rasa's REST channel, as the gateway itself does it). Both send
with the same client (the gateway's keep-alive one), so the only difference between the two paths
is the gateway. (That client is bot.bench.keepalive_http, which the gateway itself used until issue
16; since then the gateway's hop to Rasa is aiohttp's client, 0.12 ms per message apart,
scripts/measure_rasa_client.py.) With aiohttp's client, which writes head and body separately, a server answers
~1-2 ms later: driving one path with it and the other without would measure the clients.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import time
from dataclasses import dataclass, field
from typing import Any, ClassVar, Optional, Protocol

from bot.bench.cpu import cpu_snapshot, cpu_used_ms
from bot.bench.mix import Conversation, Turn
from bot.bench.stats import summarise_ms
from bot.bench.keepalive_http import ConnectFailed, Endpoint, ExchangeFailed, KeepAlivePool

REQUEST_TIMEOUT_S = 30.0
FALLBACK = "fallback (Rasa timed out)"
TIMEOUT_REASONS = (FALLBACK, "timeout")


@dataclass(frozen=True)
class Outcome:
    """What came back for one turn. `error` is None for a usable reply."""

    status: int
    urgency: tuple[str, ...] = ()
    error: Optional[str] = None
    messages: tuple[dict, ...] = ()


@dataclass(frozen=True)
class Sample:
    kind: str
    expected_urgency: Optional[str]
    latency_ms: float
    status: int
    error: Optional[str]
    unexpected_urgency: bool


class Target(Protocol):
    name: str

    def new_conversation(self) -> dict: ...

    async def send(self, state: dict, turn: Turn) -> Outcome: ...

    def close(self) -> None: ...


@dataclass
class _PostingTarget:
    """What both targets share: JSON POSTed to one URL with the gateway's keep-alive client (see
    the module's docstring; Chromium, like this client, sends a small body in one write with its
    head). Connection failures raise ConnectFailed / ExchangeFailed, timeouts
    asyncio.TimeoutError; run_level turns them into outcomes."""

    base_url: str
    timeout_s: float = REQUEST_TIMEOUT_S
    path: ClassVar[str] = ""

    def __post_init__(self) -> None:
        self._endpoint = Endpoint.parse(f"{self.base_url}{self.path}")
        # opened by the first request of a block, closed by run_level at the block's end (each
        # block runs on an event loop of its own)
        self._pool: Optional[KeepAlivePool] = None

    async def _post(self, body: dict) -> tuple[int, Any]:
        """(status, parsed JSON or None)."""
        self._pool = self._pool or KeepAlivePool()
        answer = await self._pool.post_json(self._endpoint, json.dumps(body).encode("utf-8"), self.timeout_s)
        try:
            return answer.status, json.loads(answer.body) if answer.body else None
        except ValueError:
            return answer.status, None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None


@dataclass
class GatewayTarget(_PostingTarget):
    """The web gateway's JSON chat endpoint, used the way bot/web/static/chat.js uses it."""

    name: str = "gateway"
    path: ClassVar[str] = "/api/chat"

    def new_conversation(self) -> dict:
        return {"session": None}

    async def send(self, state: dict, turn: Turn) -> Outcome:
        status, reply = await self._post(
            {"session": state["session"], ("payload" if turn.is_payload else "message"): turn.text}
        )
        if isinstance(reply, dict) and isinstance(reply.get("session"), str):
            state["session"] = reply["session"]
        if status != 200:
            return Outcome(status, error=f"HTTP {status}")
        if not isinstance(reply, dict) or not isinstance(reply.get("messages"), list):
            return Outcome(status, error="not a chat reply")
        urgency = tuple(u for u in reply.get("urgency") or () if isinstance(u, str))
        if reply.get("fallback"):
            # the gateway's safety message: Rasa did not answer within RASA_TIMEOUT_S
            return Outcome(status, urgency, error=FALLBACK)
        if not reply["messages"]:
            return Outcome(status, urgency, error="empty reply")
        return Outcome(status, urgency, messages=tuple(reply["messages"]))


@dataclass
class RestTarget(_PostingTarget):
    """Rasa's REST channel, exactly as the gateway calls it (one random sender id per chat)."""

    name: str = "rest"
    path: ClassVar[str] = "/webhooks/rest/webhook"

    def new_conversation(self) -> dict:
        return {"sender": secrets.token_urlsafe(32)}

    async def send(self, state: dict, turn: Turn) -> Outcome:
        status, reply = await self._post({"sender": state["sender"], "message": turn.text})
        if status != 200:
            return Outcome(status, error=f"HTTP {status}")
        if not isinstance(reply, list):
            return Outcome(status, error="not a list")
        urgency = tuple(
            sorted(
                {
                    entry["custom"]["urgency"]
                    for entry in reply
                    if isinstance(entry, dict)
                    and isinstance(entry.get("custom"), dict)
                    and isinstance(entry["custom"].get("urgency"), str)
                }
            )
        )
        if not any(isinstance(e, dict) and (e.get("text") or e.get("buttons")) for e in reply):
            return Outcome(status, urgency, error="empty reply")
        return Outcome(status, urgency, messages=tuple(e for e in reply if isinstance(e, dict)))


def judge(turn: Turn, outcome: Outcome) -> tuple[Optional[str], bool]:
    """(error, unexpected urgency) for one turn. An urgent turn whose reply lacks its marker is
    an error; a marker on a turn not written as urgent is counted, not treated as an error."""
    error = outcome.error
    if error is None and turn.urgency and turn.urgency not in outcome.urgency:
        error = f"no {turn.urgency} marker"
    return error, bool(outcome.urgency) and not turn.urgency


@dataclass
class LevelResult:
    target: str
    concurrency: int
    conversations_planned: int
    conversations_done: int = 0
    wall_s: float = 0.0
    truncated: bool = False
    samples: list[Sample] = field(default_factory=list)
    # conversation name -> [(turn text, reply messages)] of its first error-free run
    transcripts: dict[str, list[tuple[str, tuple[dict, ...]]]] = field(default_factory=dict)
    # the part of the run during which every one of `concurrency` users was holding a
    # conversation (until the first ran out of conversations to start) and the error-free
    # replies that arrived in it: the throughput "at `concurrency` conversations", without the
    # wind-down at the end of a block, when fewer are running and a second worker can idle
    steady_s: float = 0.0
    steady_messages: int = 0
    ok_ends: list[float] = field(default_factory=list, repr=False)  # perf_counter seconds

    def merge(self, other: "LevelResult") -> "LevelResult":
        """Two blocks of the same target and concurrency as one result (wall times add up)."""
        merged = LevelResult(
            self.target,
            self.concurrency,
            self.conversations_planned + other.conversations_planned,
            self.conversations_done + other.conversations_done,
            self.wall_s + other.wall_s,
            self.truncated or other.truncated,
            self.samples + other.samples,
            {**other.transcripts, **self.transcripts},
            self.steady_s + other.steady_s,
            self.steady_messages + other.steady_messages,
        )
        return merged

    def summary(self) -> dict:
        ok = [s for s in self.samples if s.error is None]
        urgent = [s for s in self.samples if s.expected_urgency]
        errors: dict[str, int] = {}
        for sample in self.samples:
            if sample.error:
                errors[sample.error] = errors.get(sample.error, 0) + 1
        return {
            "target": self.target,
            "concurrency": self.concurrency,
            # no answer in time: the gateway's safety message after its Rasa timeout, or the
            # driver's own request timeout
            "timeouts": sum(n for reason, n in errors.items() if reason in TIMEOUT_REASONS),
            "conversations": self.conversations_done,
            "conversations_planned": self.conversations_planned,
            "messages": len(self.samples),
            "errors": sum(errors.values()),
            "errors_by_reason": errors,
            "non_200": sum(1 for s in self.samples if s.status != 200),
            "unexpected_urgency": sum(1 for s in self.samples if s.unexpected_urgency),
            "truncated": self.truncated,
            "wall_s": round(self.wall_s, 2),
            # replies without errors per second
            "throughput_msg_s": round(len(ok) / self.wall_s, 1) if self.wall_s > 0 else None,
            # the same while all `concurrency` conversations were running (see steady_s)
            "steady_s": round(self.steady_s, 2),
            "steady_throughput_msg_s": (
                round(self.steady_messages / self.steady_s, 1) if self.steady_s > 0 else None
            ),
            # every request's latency, errors included: the gateway's safety message after its
            # Rasa timeout counts at the time it arrived, a request timeout at the timeout
            "latency": summarise_ms(s.latency_ms for s in self.samples),
            "urgent": {
                **summarise_ms(s.latency_ms for s in urgent),
                "turns": len(urgent),
                "errors": sum(1 for s in urgent if s.error),
            },
        }


async def _hold_conversation(
    target: Target, conversation: Conversation, result: LevelResult, deadline: float
) -> bool:
    """Send one conversation's turns in order and time each; False if the time cap cut it."""
    state = target.new_conversation()
    transcript, clean = [], True
    for turn in conversation.turns:
        if time.perf_counter() >= deadline:
            result.truncated = True
            return False
        begin = time.perf_counter()
        try:
            outcome = await target.send(state, turn)
        except asyncio.TimeoutError:
            outcome = Outcome(0, error="timeout")
        except (ConnectFailed, ExchangeFailed) as failure:
            outcome = Outcome(0, error=type(failure).__name__)
        latency_ms = (time.perf_counter() - begin) * 1000
        error, unexpected = judge(turn, outcome)
        result.samples.append(
            Sample(conversation.kind, turn.urgency, latency_ms, outcome.status, error, unexpected)
        )
        clean = clean and error is None
        if error is None:
            result.ok_ends.append(time.perf_counter())
        transcript.append((turn.text, outcome.messages))
    if clean and conversation.name not in result.transcripts:
        result.transcripts[conversation.name] = transcript
    return True


async def run_level(
    target: Target,
    mix: list[Conversation],
    concurrency: int,
    conversations: int,
    time_cap_s: float,
    start_at: int = 0,
) -> LevelResult:
    """Run `conversations` conversations from the mix (cycled, from index `start_at`),
    `concurrency` at a time, and time every turn (each request is bounded by the target's
    timeout_s). Stops sending after `time_cap_s`; closes the target's connections at the end."""
    if concurrency < 1 or conversations < 0:
        raise ValueError("concurrency must be at least 1 and conversations not negative")
    result = LevelResult(target.name, concurrency, conversations)
    next_index = iter(range(conversations))
    started = time.perf_counter()
    deadline = started + time_cap_s
    users_out: list[float] = []  # when each simulated user stopped

    async def user() -> None:
        try:
            for index in next_index:
                if time.perf_counter() >= deadline:
                    result.truncated = True
                    return
                if await _hold_conversation(target, mix[(start_at + index) % len(mix)], result, deadline):
                    result.conversations_done += 1
        finally:
            users_out.append(time.perf_counter())

    try:
        await asyncio.gather(*(user() for _ in range(concurrency)))
    finally:
        target.close()
    result.wall_s = time.perf_counter() - started
    full_until = min(users_out, default=started)
    result.steady_s = full_until - started
    result.steady_messages = sum(1 for end in result.ok_ends if end <= full_until)
    return result


async def run_paired(
    targets: tuple[Target, Target],
    mix: list[Conversation],
    conversations: int,
    time_cap_s: float,
    pids: Optional[dict[str, int]] = None,
) -> tuple[list[LevelResult], list[dict[str, float]]]:
    """One simulated user, two targets taking turns conversation by conversation: each of
    `conversations` conversations goes through one target and straight after through the other
    (which goes first alternates). A shared machine drifts over tens of seconds (Rasa's p50 moved
    by 6 ms between 20 s blocks), and this way the drift falls on both targets alike.

    Returns each target's result (wall time = its own conversations' time) and, when `pids` is
    given, the CPU milliseconds each process used during each target's conversations."""
    results = [LevelResult(target.name, 1, conversations) for target in targets]
    cpu: list[dict[str, float]] = [{}, {}]
    deadline = time.perf_counter() + time_cap_s
    try:
        for index in range(conversations):
            conversation = mix[index % len(mix)]
            for side in (0, 1) if index % 2 == 0 else (1, 0):
                if time.perf_counter() >= deadline:
                    results[side].truncated = True
                    continue
                before = cpu_snapshot(pids) if pids else {}
                started = time.perf_counter()
                done = await _hold_conversation(targets[side], conversation, results[side], deadline)
                results[side].wall_s += time.perf_counter() - started
                results[side].conversations_done += done
                for process, used in cpu_used_ms(before, cpu_snapshot(pids or {})).items():
                    cpu[side][process] = cpu[side].get(process, 0.0) + (used or 0.0)
    finally:
        for target in targets:
            target.close()
    return results, cpu
