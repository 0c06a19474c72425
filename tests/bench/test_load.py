"""bot/bench/load.py: the load driver against small fake servers on 127.0.0.1 (both targets, errors,
timeouts, concurrency, the time cap, paired conversations, merged blocks). No speed is asserted:
figures belong in `make bench`, never in a timed test."""

from __future__ import annotations

import asyncio
import json
import os

import pytest
from aiohttp import web

from bot.bench.load import GatewayTarget, Outcome, RestTarget, run_level, run_paired
from bot.bench.mix import Conversation, Turn
from tests.bench.fakes import InstantTarget
from tests.channels.fakes import FakeRasa, serve


class FakeGateway:
    """Speaks the gateway's /api/chat JSON (Rasa's REST channel is tests/channels/fakes.FakeRasa,
    the project's one fake Rasa). Messages containing "outside" get the emergency marker, "boom"
    gets HTTP 500, "slow" is answered only after `barrier` requests are in flight at once (the
    proof that users run concurrently)."""

    def __init__(self, barrier: int = 0) -> None:
        self.tokens_seen: list = []
        self.barrier, self.in_flight, self.max_in_flight = barrier, 0, 0
        self.all_in = asyncio.Event()

    def reply(self, text: str) -> tuple[int, list, list]:
        if "boom" in text:
            return 500, [], []
        urgency = ["emergency"] if "outside" in text else []
        return 200, [{"text": f"read {len(text)} characters", "buttons": []}], urgency

    async def chat(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.tokens_seen.append(body.get("session"))
        text = body.get("message") or body.get("payload")
        await self._maybe_wait(text)
        status, messages, urgency = self.reply(text)
        return web.json_response(
            {
                "session": body.get("session") or f"token-{len(self.tokens_seen)}",
                "messages": messages,
                "urgency": urgency,
                "fallback": False,
            },
            status=status,
        )

    async def _maybe_wait(self, text: str) -> None:
        if "slow" not in text:
            return
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        if self.in_flight >= self.barrier:
            self.all_in.set()
        try:
            await asyncio.wait_for(self.all_in.wait(), timeout=10)
        except asyncio.TimeoutError:
            pass  # the assertion on max_in_flight reports it
        self.in_flight -= 1

    async def start(self):
        """(server to close, its root URL) on 127.0.0.1."""
        app = web.Application()
        app.router.add_post("/api/chat", self.chat)
        return await serve(app)


MIX = [
    Conversation(
        "urgent",
        "urgent",
        (Turn("/greet", is_payload=True), Turn("he is outside", urgency="emergency"), Turn("bye")),
    ),
    Conversation("missed", "urgent", (Turn("it is bad now", urgency="emergency"),)),
    Conversation("broken", "question", (Turn("boom"), Turn("still there?"))),
]


async def test_the_driver_times_every_turn_and_counts_errors_and_missing_markers():
    fake = FakeGateway()
    server, url = await fake.start()
    try:
        result = await run_level(GatewayTarget(url), MIX, concurrency=2, conversations=6, time_cap_s=120)
    finally:
        await server.close()
    summary = result.summary()
    assert summary["conversations"] == 6 and summary["messages"] == 12  # 2 x (3 + 1 + 2)
    assert summary["errors_by_reason"] == {"no emergency marker": 2, "HTTP 500": 2}
    assert summary["non_200"] == 2
    assert summary["urgent"]["turns"] == 4 and summary["urgent"]["errors"] == 2
    assert summary["latency"]["n"] == 12 and summary["throughput_msg_s"] > 0  # errors too
    assert not summary["truncated"]
    # a conversation keeps the session token the gateway gave it
    assert fake.tokens_seen.count(None) == 6
    assert set(result.transcripts) == {"urgent"}  # only error-free runs are kept


async def test_the_rest_target_reads_the_marker_from_custom_payloads():
    # FakeRasa marks "... outside my house" as an emergency and nothing else
    mix = [
        Conversation(
            "urgent",
            "urgent",
            (
                Turn("/greet", is_payload=True),
                Turn("he is outside my house", urgency="emergency"),
                Turn("bye"),
            ),
        ),
        Conversation("missed", "urgent", (Turn("it is bad now", urgency="emergency"),)),
    ]
    server, url = await serve(FakeRasa().app())
    try:
        result = await run_level(RestTarget(url), mix, concurrency=1, conversations=2, time_cap_s=120)
    finally:
        await server.close()
    summary = result.summary()
    assert summary["messages"] == 4
    assert summary["errors_by_reason"] == {"no emergency marker": 1}
    [(said, reply)] = [turn for turn in result.transcripts["urgent"] if turn[0] == "he is outside my house"]
    assert {"recipient_id": reply[0]["recipient_id"], "custom": {"urgency": "emergency"}} in reply


async def test_simulated_users_are_concurrent_and_the_time_cap_stops_sending():
    fake = FakeGateway(barrier=3)
    server, url = await fake.start()
    slow = [Conversation("slow", "greeting", (Turn("slow hello"), Turn("bye")))]
    try:
        result = await run_level(GatewayTarget(url), slow, concurrency=3, conversations=3, time_cap_s=120)
        capped = await run_level(GatewayTarget(url), slow, concurrency=3, conversations=3, time_cap_s=0)
    finally:
        await server.close()
    assert fake.max_in_flight == 3 and result.summary()["errors"] == 0
    assert capped.summary()["messages"] == 0 and capped.truncated


@pytest.mark.parametrize("target_class", [GatewayTarget, RestTarget])
async def test_both_targets_send_the_same_way_and_close_their_connections(target_class):
    """The two paths must differ only by the gateway: same client, one write per request, one
    kept-alive connection per simulated user, closed when the level ends."""
    connections, reads, open_now = [], [], []

    async def serve(reader, writer):
        connections.append(1)
        open_now.append(1)
        try:
            while True:
                data = await reader.read(65536)
                if not data:
                    return
                reads.append(data)
                body = json.dumps(
                    {"session": "t", "messages": [{"text": "ok"}], "urgency": []}
                    if b"/api/chat" in data
                    else [{"text": "ok"}]
                ).encode()
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
        finally:
            open_now.pop()
            writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    try:
        calm = [Conversation("calm", "greeting", (Turn("hello"), Turn("thanks"), Turn("bye")))]
        result = await run_level(target_class(url), calm, concurrency=1, conversations=2, time_cap_s=60)
        for _ in range(100):  # bounded wait for the server to see the close
            if not open_now:
                break
            await asyncio.sleep(0.01)
    finally:
        server.close()
        await server.wait_closed()
    assert result.summary()["messages"] == 6 and result.summary()["errors"] == 0
    assert len(connections) == 1 and not open_now
    assert len(reads) == 6 and all(b"\r\n\r\n{" in data for data in reads)  # head + body


async def test_a_request_past_the_targets_timeout_counts_as_a_timeout():
    async def stall(reader, writer):
        await reader.read(65536)
        await asyncio.sleep(5)
        writer.close()

    server = await asyncio.start_server(stall, "127.0.0.1", 0)
    url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    try:
        result = await run_level(
            GatewayTarget(url, timeout_s=0.2), MIX[1:2], concurrency=1, conversations=1, time_cap_s=60
        )
    finally:
        server.close()
    [sample] = result.samples
    assert sample.error == "timeout" and 150 < sample.latency_ms < 2000


async def test_a_refused_connection_counts_as_an_error_and_the_level_goes_on():
    server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    server.close()
    await server.wait_closed()  # nothing listens there now
    result = await run_level(RestTarget(url), MIX[:2], concurrency=1, conversations=2, time_cap_s=60)
    assert [s.error for s in result.samples] == ["ConnectFailed"] * 4
    assert result.conversations_done == 2


async def test_paired_conversations_go_through_both_targets_in_turn():
    log: list = []
    first, second = InstantTarget("gateway", sent=log), InstantTarget("rest", sent=log)
    mix = [
        Conversation("a", "greeting", (Turn("a1"), Turn("a2"))),
        Conversation("b", "greeting", (Turn("b1"),)),
    ]
    (a, b), cpu = await run_paired((first, second), mix, 3, time_cap_s=60, pids={"bench": os.getpid()})
    # whole conversations alternate, and which target goes first alternates too
    assert log == [
        ("gateway", "a1"),
        ("gateway", "a2"),
        ("rest", "a1"),
        ("rest", "a2"),
        ("rest", "b1"),
        ("gateway", "b1"),
        ("gateway", "a1"),
        ("gateway", "a2"),
        ("rest", "a1"),
        ("rest", "a2"),
    ]
    assert [r.summary()["messages"] for r in (a, b)] == [5, 5]
    assert [r.conversations_done for r in (a, b)] == [3, 3]
    assert a.wall_s > 0 and b.wall_s > 0
    assert set(cpu[0]) == set(cpu[1]) == {"bench"}
    assert first.closed and second.closed


async def test_paired_conversations_stop_at_the_time_cap():
    log: list = []
    (a, b), _ = await run_paired(
        (InstantTarget("gateway", sent=log), InstantTarget("rest", sent=log)), MIX, 10, time_cap_s=0
    )
    assert log == [] and a.truncated and b.truncated


def test_merging_blocks_adds_up():
    first = asyncio.run(_run_block())
    second = asyncio.run(_run_block())
    merged = first.merge(second)
    assert merged.summary()["messages"] == first.summary()["messages"] * 2
    assert merged.wall_s == pytest.approx(first.wall_s + second.wall_s)


async def _run_block():
    server, url = await FakeGateway().start()
    try:
        return await run_level(GatewayTarget(url), MIX[:1], concurrency=1, conversations=1, time_cap_s=120)
    finally:
        await server.close()


class _TimedTarget:
    """A target whose every reply takes `seconds_by_text[text]` seconds (no server)."""

    name = "timed"

    def __init__(self, seconds_by_text: dict[str, float]) -> None:
        self.seconds_by_text = seconds_by_text

    def new_conversation(self) -> dict:
        return {}

    async def send(self, state: dict, turn: Turn) -> Outcome:
        await asyncio.sleep(self.seconds_by_text[turn.text])
        return Outcome(200, messages=({"text": "ok"},))

    def close(self) -> None:
        pass


async def test_steady_throughput_counts_only_while_every_user_holds_a_conversation():
    # two users: one holds a long conversation, the other two short ones and then runs out;
    # from then on one conversation runs, and those replies are not "at 2 conversations"
    long = Conversation("long", "greeting", tuple(Turn("slow") for _ in range(6)))
    short = Conversation("short", "greeting", (Turn("quick"),))
    target = _TimedTarget({"slow": 0.2, "quick": 0.02})
    result = await run_level(target, [long, short, short], concurrency=2, conversations=3, time_cap_s=60)
    summary = result.summary()
    assert summary["messages"] == 8 and summary["errors"] == 0
    # the second user was out after its two replies; the long conversation's first lands later
    # (timers fire in the order of their deadlines, so no speed is assumed)
    assert 0 < result.steady_s < result.wall_s and result.steady_messages == 2
    assert summary["steady_throughput_msg_s"] == round(2 / result.steady_s, 1)
    assert summary["steady_throughput_msg_s"] > summary["throughput_msg_s"]


async def test_steady_window_of_merged_blocks_adds_up():
    target = _TimedTarget({"quick": 0.01})
    short = [Conversation("short", "greeting", (Turn("quick"), Turn("quick")))]
    first = await run_level(target, short, concurrency=2, conversations=4, time_cap_s=60)
    second = await run_level(target, short, concurrency=2, conversations=4, time_cap_s=60)
    merged = first.merge(second)
    assert merged.steady_s == pytest.approx(first.steady_s + second.steady_s)
    assert merged.steady_messages == first.steady_messages + second.steady_messages > 0
