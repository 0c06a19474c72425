"""The load driver: simulated conversations, `concurrency` at a time, through one target.

Closed loop: each simulated user sends its next message as soon as the reply arrives (no
thinking time), so the figures show what the stack can do, not how fast people type. Bounded
three ways: a fixed number of conversations, a time cap (no new message is sent after it) and
a per-request timeout. Loopback only: the targets are URLs on 127.0.0.1 the bench started.

Two targets speak the two protocols: `GatewayTarget` (the web gateway's /api/chat, as the web
page does it) and `RestTarget` (Rasa's REST channel, as the gateway itself does it).
"""
from __future__ import annotations

import asyncio
import secrets
import time
from dataclasses import dataclass, field
from typing import Any, Optional, Protocol

import aiohttp

from bot.bench.mix import Conversation, Turn
from bot.bench.stats import summarise_ms

REQUEST_TIMEOUT_S = 30.0


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

    async def send(self, http: aiohttp.ClientSession, state: dict, turn: Turn) -> Outcome: ...


async def _post_json(http: aiohttp.ClientSession, url: str, body: dict) -> tuple[int, Any]:
    async with http.post(url, json=body) as response:
        raw = await response.read()
        try:
            return response.status, await response.json(content_type=None) if raw else None
        except ValueError:
            return response.status, None


@dataclass
class GatewayTarget:
    """The web gateway's JSON chat endpoint, used the way bot/web/static/chat.js uses it."""

    base_url: str
    name: str = "gateway"

    def new_conversation(self) -> dict:
        return {"session": None}

    async def send(self, http: aiohttp.ClientSession, state: dict, turn: Turn) -> Outcome:
        body = {"session": state["session"],
                ("payload" if turn.is_payload else "message"): turn.text}
        status, reply = await _post_json(http, f"{self.base_url}/api/chat", body)
        if isinstance(reply, dict) and isinstance(reply.get("session"), str):
            state["session"] = reply["session"]
        if status != 200:
            return Outcome(status, error=f"HTTP {status}")
        if not isinstance(reply, dict) or not isinstance(reply.get("messages"), list):
            return Outcome(status, error="not a chat reply")
        urgency = tuple(u for u in reply.get("urgency") or () if isinstance(u, str))
        if reply.get("fallback"):
            # the gateway's safety message: Rasa did not answer within RASA_TIMEOUT_S
            return Outcome(status, urgency, error="fallback (Rasa timed out)")
        if not reply["messages"]:
            return Outcome(status, urgency, error="empty reply")
        return Outcome(status, urgency, messages=tuple(reply["messages"]))


@dataclass
class RestTarget:
    """Rasa's REST channel, exactly as the gateway calls it (one random sender id per chat)."""

    base_url: str
    name: str = "rest"

    def new_conversation(self) -> dict:
        return {"sender": secrets.token_urlsafe(32)}

    async def send(self, http: aiohttp.ClientSession, state: dict, turn: Turn) -> Outcome:
        status, reply = await _post_json(http, f"{self.base_url}/webhooks/rest/webhook",
                                         {"sender": state["sender"], "message": turn.text})
        if status != 200:
            return Outcome(status, error=f"HTTP {status}")
        if not isinstance(reply, list):
            return Outcome(status, error="not a list")
        urgency = tuple(sorted({
            entry["custom"]["urgency"] for entry in reply
            if isinstance(entry, dict) and isinstance(entry.get("custom"), dict)
            and isinstance(entry["custom"].get("urgency"), str)}))
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

    def merge(self, other: "LevelResult") -> "LevelResult":
        """Two blocks of the same target and concurrency as one result (wall times add up)."""
        merged = LevelResult(self.target, self.concurrency,
                             self.conversations_planned + other.conversations_planned,
                             self.conversations_done + other.conversations_done,
                             self.wall_s + other.wall_s, self.truncated or other.truncated,
                             self.samples + other.samples, {**other.transcripts, **self.transcripts})
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
            # every request's latency, errors included: the gateway's safety message after its
            # Rasa timeout counts at the time it arrived, a request timeout at the timeout
            "latency": summarise_ms(s.latency_ms for s in self.samples),
            "urgent": {**summarise_ms(s.latency_ms for s in urgent),
                       "turns": len(urgent), "errors": sum(1 for s in urgent if s.error)},
        }


async def run_level(target: Target, mix: list[Conversation], concurrency: int,
                    conversations: int, time_cap_s: float,
                    request_timeout_s: float = REQUEST_TIMEOUT_S, start_at: int = 0) -> LevelResult:
    """Run `conversations` conversations from the mix (cycled, from index `start_at`),
    `concurrency` at a time, and time every turn. Stops sending after `time_cap_s`."""
    if concurrency < 1 or conversations < 0:
        raise ValueError("concurrency must be at least 1 and conversations not negative")
    result = LevelResult(target.name, concurrency, conversations)
    next_index = iter(range(conversations))
    timeout = aiohttp.ClientTimeout(total=request_timeout_s)
    connector = aiohttp.TCPConnector(limit=concurrency)
    started = time.perf_counter()
    deadline = started + time_cap_s

    async def one_conversation(http: aiohttp.ClientSession, conversation: Conversation) -> bool:
        state = target.new_conversation()
        transcript, clean = [], True
        for turn in conversation.turns:
            if time.perf_counter() >= deadline:
                result.truncated = True
                return False
            begin = time.perf_counter()
            try:
                outcome = await target.send(http, state, turn)
            except asyncio.TimeoutError:
                outcome = Outcome(0, error="timeout")
            except aiohttp.ClientError as error:
                outcome = Outcome(0, error=type(error).__name__)
            latency_ms = (time.perf_counter() - begin) * 1000
            error, unexpected = judge(turn, outcome)
            result.samples.append(Sample(conversation.kind, turn.urgency, latency_ms,
                                         outcome.status, error, unexpected))
            clean = clean and error is None
            transcript.append((turn.text, outcome.messages))
        if clean and conversation.name not in result.transcripts:
            result.transcripts[conversation.name] = transcript
        return True

    async def user(http: aiohttp.ClientSession) -> None:
        for index in next_index:
            if time.perf_counter() >= deadline:
                result.truncated = True
                return
            if await one_conversation(http, mix[(start_at + index) % len(mix)]):
                result.conversations_done += 1

    async with aiohttp.ClientSession(timeout=timeout, connector=connector,
                                     trust_env=False) as http:
        await asyncio.gather(*(user(http) for _ in range(concurrency)))
    result.wall_s = time.perf_counter() - started
    return result
