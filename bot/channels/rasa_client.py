"""Talks to Rasa's REST channel: sends one message to the right Rasa process and returns its
reply (bot.channels.reply).

Used by the web gateway and the Telegram bridge alike. Rasa stays on 127.0.0.1; only this module
knows its URL. Anything that is not a well-formed, non-empty reply within the timeout raises
`RasaUnavailable` (bot.channels.errors), and the caller sends the static safety message instead
(hazard H08). Typed text is cleaned by the caller first (bot.channels.typed_text).

Several Rasa processes, routed one of two ways (`routing`):
  - "conversation" (the default profile's workers, each keeping its conversations in its own
    memory): every message of a conversation goes to the same worker, chosen by a stable hash of
    its opaque sender id (bot.channels.routing). A worker that refuses the connection, or fails a
    request and then a health probe, is skipped at once for every later message, without waiting
    for it: its conversations start afresh on their next worker. It is probed again in the
    background (GET /) and taken back when it answers.
  - "round-robin" (the scaled profile: the instances share one tracker store and a lock store, so
    any of them can answer any message): each message goes to the next instance in turn.
Either way, when a process cannot be connected to, the same message goes to the next one, within
the same time budget; only when none can be reached does RasaUnavailable follow. A message that
reached a process is never sent again elsewhere (a timeout or an error after the request was sent
could mean it was processed, and a second copy would be a second turn): the caller answers with
the static safety reply.

Messages and health checks travel over aiohttp's client (one session, connections kept alive;
aiohttp never sends a POST again by itself). The hand-made keep-alive client this replaced
(bot.bench.keepalive_http, now the bench's load driver) saved 0.12 ms per message at one
conversation, measured side by side on 2026-11-30 (scripts/measure_rasa_client.py, SECURITY.md):
well under the 1 ms that would justify keeping our own HTTP code in the internet-facing process.
A connection that could not be made means nothing was sent (the next instance may take the
message); any other failure may have come after the request reached Rasa.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from typing import Any, Sequence, Union

import aiohttp

from bot.channels.errors import PayloadRefused, RasaUnavailable
from bot.channels.payloads import AllowedPayloads, allowed_payloads, looks_like_intent_syntax
from bot.channels.reply import Reply, parse_rest_output
from bot.channels.routing import WorkerHealth

# Replies larger than this are refused (Rasa's replies are a few KB).
MAX_REPLY_BYTES = 4 * 1024 * 1024
# Idle connections to Rasa are closed after this long: well below the keep-alive time of Rasa's
# Sanic (120 s, rasa.core.constants), so a connection the server is about to close is not reused.
KEEPALIVE_S = 30.0
JSON_HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}
ROUTINGS = ("conversation", "round-robin")


def _urls(value: Union[str, Sequence[str]]) -> tuple[str, ...]:
    """One URL, a comma-separated list (ChannelSettings.rasa_url) or a sequence -> URLs without '/'."""
    parts = value.split(",") if isinstance(value, str) else list(value)
    urls = tuple(part.strip().rstrip("/") for part in parts if part.strip())
    if not urls:
        raise ValueError("at least one URL is needed")
    return urls


class RasaClient:
    def __init__(
        self,
        http: aiohttp.ClientSession,
        rasa_url: Union[str, Sequence[str]],
        action_server_url: Union[str, Sequence[str]],
        timeout_s: float,
        payloads: AllowedPayloads | None = None,
        routing: str = "conversation",
    ) -> None:
        if routing not in ROUTINGS:
            raise ValueError(f"routing must be one of {ROUTINGS}, not {routing!r}")
        self._routing = routing
        self._payloads = payloads or allowed_payloads()
        self._http = http  # the caller's; see new_http_session
        rasa_urls = _urls(rasa_url)
        self._webhooks = tuple(f"{url}/webhooks/rest/webhook" for url in rasa_urls)
        self._rasa_statuses = tuple(f"{url}/" for url in rasa_urls)
        self._action_healths = tuple(f"{url}/health" for url in _urls(action_server_url))
        self._timeout_s = timeout_s
        self._timeout = aiohttp.ClientTimeout(total=timeout_s)
        self._turns = itertools.count()
        self._workers = WorkerHealth(len(self._webhooks))
        self._probes: set[asyncio.Task] = set()
        self._probing: set[int] = set()  # workers with a probe in flight

    @property
    def instances(self) -> int:
        return len(self._webhooks)

    def _order(self, sender_id: str) -> list[int]:
        """Every instance's index, in the order this message tries them."""
        if self._routing == "conversation":
            for index in self._workers.due_for_probe():
                self._probe_in_background(index)
            return self._workers.order(sender_id)
        first = next(self._turns) % len(self._webhooks)
        return [*range(first, len(self._webhooks)), *range(first)]

    def _probe_in_background(self, index: int) -> None:
        """GET / on a worker without making any message wait: skipped when it does not answer,
        taken back when it does. One probe per worker at a time (under overload many messages
        time out at once)."""
        if index in self._probing:
            return

        async def probe() -> None:
            try:
                answered = await self._answers(self._rasa_statuses[index])
            except RuntimeError:  # the caller's session closed meanwhile
                return
            finally:
                self._probing.discard(index)
            if answered:
                self._workers.answered(index)
            else:
                self._workers.failed(index)

        self._probing.add(index)
        task = asyncio.get_running_loop().create_task(probe())
        self._probes.add(task)
        task.add_done_callback(self._probes.discard)

    async def send_raw(self, sender_id: str, message: str, timeout_s: float | None = None) -> list:
        """POST one message; returns Rasa's JSON list (maybe empty). Raises RasaUnavailable, and
        PayloadRefused (nothing sent) for intent syntax that is no button of the domain.
        timeout_s: seconds for this message (default: the client's); a forget may wait longer
        than a chat turn, which must answer fast."""
        if looks_like_intent_syntax(message) and not self._payloads.accepts(message.strip()):
            raise PayloadRefused("a payload that is no button of the domain was not sent")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + (self._timeout_s if timeout_s is None else timeout_s)
        body = json.dumps({"sender": sender_id, "message": message}).encode("utf-8")
        unreachable = 0
        for index in self._order(sender_id):
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise RasaUnavailable(f"TimeoutError ({unreachable} instance(s) unreachable)")
            try:
                status, reply = await self._post(self._webhooks[index], body, remaining)
                break
            except aiohttp.ClientConnectorError:
                # the connection was refused or failed: nothing was sent, so the next instance
                # can take this message
                unreachable += 1
                self._workers.failed(index)
            except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError):
                if self._routing != "conversation":
                    raise RasaUnavailable("the connection broke before an answer") from None
                # a worker that broke the connection without answering is gone or going, and
                # with it its memory of this conversation: it starts afresh on the next worker
                # (no second turn in any one conversation)
                unreachable += 1
                self._workers.failed(index)
            except (aiohttp.ClientError, asyncio.TimeoutError) as error:
                # the message may have been processed: never sent again. A worker that does not
                # answer a probe either is skipped from now on (a busy one that answers is kept)
                if self._routing == "conversation":
                    self._probe_in_background(index)
                raise RasaUnavailable(type(error).__name__) from None
        else:
            raise RasaUnavailable(f"no Rasa instance could be reached ({unreachable} tried)")
        if status != 200:
            raise RasaUnavailable(f"Rasa answered HTTP {status}")
        try:
            output = json.loads(reply)
        except ValueError:
            raise RasaUnavailable("Rasa's reply is not JSON") from None
        if not isinstance(output, list):
            raise RasaUnavailable("Rasa's reply is not a list")
        return output

    async def _post(self, url: str, body: bytes, timeout_s: float) -> tuple[int, bytes]:
        """(status, body) of one POST. Raises aiohttp.ClientError, asyncio.TimeoutError, and
        RasaUnavailable for a reply over MAX_REPLY_BYTES."""
        async with self._http.post(
            url, data=body, headers=JSON_HEADERS, timeout=aiohttp.ClientTimeout(total=timeout_s)
        ) as response:
            reply = await response.content.read(MAX_REPLY_BYTES + 1)
            if len(reply) > MAX_REPLY_BYTES:
                raise RasaUnavailable("Rasa's reply is too large")
            return response.status, reply

    async def send(self, sender_id: str, message: str) -> Reply:
        """One turn. Raises RasaUnavailable when there is nothing to show (an empty reply too)."""
        reply = parse_rest_output(await self.send_raw(sender_id, message))
        if not reply.messages:
            raise RasaUnavailable("Rasa's reply is empty")
        return reply

    async def _answers(self, url: str) -> bool:
        try:
            async with self._http.get(url, timeout=self._timeout) as response:
                await response.read()
                return response.status == 200
        except (aiohttp.ClientError, asyncio.TimeoutError):
            return False

    async def health(self) -> dict[str, Any]:
        """{"rasa": bool, "action_server": bool, "rasa_workers": [bool per Rasa process]}.
        Ready when at least one Rasa process and at least one action server answer: a process
        that does not answer is skipped (its conversations start afresh on another), so one is
        enough to serve. What each worker answered also updates which ones are skipped."""
        rasa_urls, action_urls = self._rasa_statuses, self._action_healths
        answers = await asyncio.gather(*(self._answers(url) for url in (*rasa_urls, *action_urls)))
        workers = list(answers[: len(rasa_urls)])
        for index, answered in enumerate(workers):
            if answered:
                self._workers.answered(index)
            elif self._routing == "conversation" and not self._workers.skipped(index):
                self._workers.failed(index)
        return {
            "rasa": any(workers),
            "action_server": any(answers[len(rasa_urls) :]),
            "rasa_workers": workers,
        }

    def close(self) -> None:
        """Cancels background probes; the connections belong to the caller's session."""
        for task in self._probes:
            task.cancel()


def new_http_session() -> aiohttp.ClientSession:
    """The session for RasaClient: ignores proxy variables (Rasa is always on this machine or
    its private network) and keeps connections to Rasa alive for KEEPALIVE_S."""
    return aiohttp.ClientSession(
        trust_env=False, connector=aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_S)
    )
