"""The bench's keep-alive client for Rasa's REST channel and the gateway (bot/bench/keepalive_http.py), against
small servers on 127.0.0.1 that answer exactly as each test needs."""

from __future__ import annotations

import asyncio
import json
from typing import Awaitable, Callable

import pytest

from bot.bench import keepalive_http
from bot.bench.keepalive_http import ConnectFailed, Endpoint, ExchangeFailed, HttpReply, KeepAlivePool

OK_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"

# reads one request (head + body) and returns what to write back, or None to write nothing
Answer = Callable[[bytes, bytes], Awaitable[bytes | None]]


class Server:
    """A raw HTTP/1.1 server: counts connections and records each request's bytes and reads."""

    def __init__(self, answer: Answer, close_after: bool = False) -> None:
        self.answer = answer
        self.close_after = close_after
        self.connections = 0
        self.open_connections = 0
        self.requests: list[tuple[bytes, bytes]] = []
        self.reads_per_request: list[int] = []
        self.writers: list[asyncio.StreamWriter] = []
        self.port = 0
        self._server: asyncio.AbstractServer | None = None

    async def __aenter__(self) -> "Server":
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc) -> None:
        for writer in self.writers:
            writer.close()
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()

    @property
    def endpoint(self) -> Endpoint:
        return Endpoint.parse(f"http://127.0.0.1:{self.port}/webhooks/rest/webhook")

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        self.open_connections += 1
        self.writers.append(writer)
        try:
            while True:
                buffer, reads = b"", 0
                while b"\r\n\r\n" not in buffer:
                    chunk = await reader.read(65536)
                    if not chunk:
                        return
                    buffer, reads = buffer + chunk, reads + 1
                head, _, body = buffer.partition(b"\r\n\r\n")
                length = next(
                    int(line.split(b":")[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                )
                while len(body) < length:
                    chunk = await reader.read(65536)
                    if not chunk:
                        return
                    body, reads = body + chunk, reads + 1
                self.requests.append((head, body))
                self.reads_per_request.append(reads)
                out = await self.answer(head, body)
                if out is None:
                    return
                writer.write(out)
                await writer.drain()
                if self.close_after:
                    return
        finally:
            self.open_connections -= 1
            writer.close()


def json_reply(payload, extra_headers: bytes = b"") -> bytes:
    body = json.dumps(payload).encode()
    head = OK_HEAD % len(body)
    return head[:-2] + extra_headers + b"\r\n" + body if extra_headers else head + body


async def echo(head: bytes, body: bytes) -> bytes:
    return json_reply([{"text": json.loads(body)["message"]}])


async def all_closed(server: Server, within_s: float = 1.0) -> None:
    """Wait (bounded) until the server has no open connection left."""
    for _ in range(int(within_s / 0.01)):
        if server.open_connections == 0:
            return
        await asyncio.sleep(0.01)


async def post(
    pool: KeepAlivePool, server: Server, message: str = "hello", timeout_s: float = 2.0
) -> HttpReply:
    body = json.dumps({"sender": "s", "message": message}).encode()
    return await pool.post_json(server.endpoint, body, timeout_s)


async def test_a_request_arrives_whole_in_one_piece_with_its_json_body():
    async with Server(echo) as server:
        pool = KeepAlivePool()
        reply = await post(pool, server, "i need help")
        pool.close()
    assert reply.status == 200
    assert json.loads(reply.body) == [{"text": "i need help"}]
    head, body = server.requests[0]
    lines = head.decode().split("\r\n")
    assert lines[0] == "POST /webhooks/rest/webhook HTTP/1.1"
    assert f"Host: 127.0.0.1:{server.port}" in lines
    assert "Content-Type: application/json" in lines
    assert json.loads(body) == {"sender": "s", "message": "i need help"}
    # head and body were written together: the server read the request in one go
    assert server.reads_per_request == [1]


async def test_the_connection_is_kept_and_reused_for_the_next_messages():
    async with Server(echo) as server:
        pool = KeepAlivePool()
        replies = [await post(pool, server, f"message {n}") for n in range(5)]
        pool.close()
    assert [json.loads(r.body)[0]["text"] for r in replies] == [f"message {n}" for n in range(5)]
    assert server.connections == 1


async def test_a_server_that_says_connection_close_gets_a_new_connection_next_time():
    async def closing(head, body):
        return json_reply([{"text": "ok"}], b"Connection: close\r\n")

    async with Server(closing, close_after=True) as server:
        pool = KeepAlivePool()
        for _ in range(3):
            assert (await post(pool, server)).status == 200
        pool.close()
    assert server.connections == 3


async def test_a_connection_the_server_closed_while_idle_is_not_reused():
    async with Server(echo, close_after=True) as server:  # closes without saying so
        pool = KeepAlivePool()
        assert (await post(pool, server)).status == 200
        await all_closed(server)
        await asyncio.sleep(0.05)  # and until the client has read the close
        assert (await post(pool, server, "second")).status == 200
        pool.close()
    assert server.connections == 2


async def test_a_connection_idle_for_too_long_is_replaced(monkeypatch):
    monkeypatch.setattr(keepalive_http, "MAX_IDLE_S", 0.05)
    async with Server(echo) as server:
        pool = KeepAlivePool()
        await post(pool, server)
        await asyncio.sleep(0.1)
        await post(pool, server)
        pool.close()
    assert server.connections == 2


async def test_a_chunked_reply_is_read_whole():
    async def chunked(head, body):
        return (
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            b'5\r\n[{"te\r\n9\r\nxt": "hi"\r\n2\r\n}]\r\n0\r\n\r\n'
        )

    async with Server(chunked) as server:
        pool = KeepAlivePool()
        reply = await post(pool, server)
        assert json.loads(reply.body) == [{"text": "hi"}]
        await post(pool, server)  # and the connection is still usable afterwards
        pool.close()
    assert server.connections == 1


async def test_an_error_status_comes_back_as_it_is():
    async def failing(head, body):
        return b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 5\r\n\r\noops!"

    async with Server(failing) as server:
        pool = KeepAlivePool()
        reply = await post(pool, server)
        pool.close()
    assert (reply.status, reply.body) == (500, b"oops!")


async def test_nothing_listening_is_connect_failed():
    async with Server(echo) as server:
        endpoint = server.endpoint
    pool = KeepAlivePool()  # the server is gone now: its port refuses
    with pytest.raises(ConnectFailed):
        await pool.post_json(endpoint, b"{}", 2.0)


async def test_a_server_that_closes_after_reading_the_request_is_exchange_failed():
    async def hang_up(head, body):
        return None

    async with Server(hang_up) as server:
        pool = KeepAlivePool()
        with pytest.raises(ExchangeFailed):
            await post(pool, server)
        pool.close()
    assert len(server.requests) == 1  # it did arrive: a caller must not send it elsewhere


async def test_a_slow_server_times_out_and_its_connection_is_not_reused():
    slow = {"first": True}

    async def sometimes_slow(head, body):
        if slow.pop("first", False):
            await asyncio.sleep(1.0)
        return await echo(head, body)

    async with Server(sometimes_slow) as server:
        pool = KeepAlivePool()
        loop = asyncio.get_running_loop()
        started = loop.time()
        with pytest.raises(asyncio.TimeoutError):
            await post(pool, server, timeout_s=0.2)
        assert loop.time() - started < 0.9
        # the late reply to the first request must not be taken as the second one's
        reply = await post(pool, server, "second")
        pool.close()
    assert json.loads(reply.body) == [{"text": "second"}]
    assert server.connections == 2


async def test_a_cancelled_request_closes_its_connection():
    async def slow(head, body):
        await asyncio.sleep(0.3)
        return await echo(head, body)

    async with Server(slow) as server:
        pool = KeepAlivePool()
        task = asyncio.ensure_future(post(pool, server, "first"))
        await asyncio.sleep(0.1)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        reply = await post(pool, server, "second")
        pool.close()
    assert json.loads(reply.body) == [{"text": "second"}]
    assert server.connections == 2


async def test_a_reply_that_is_not_http_is_exchange_failed():
    async def garbage(head, body):
        return b"\x00\x01 this is not HTTP at all\r\n\r\n"

    async with Server(garbage) as server:
        pool = KeepAlivePool()
        with pytest.raises(ExchangeFailed):
            await post(pool, server)
        pool.close()


async def test_a_reply_larger_than_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(keepalive_http, "MAX_REPLY_BYTES", 1000)

    async def huge(head, body):
        return json_reply([{"text": "x" * 5000}])

    async with Server(huge) as server:
        pool = KeepAlivePool()
        with pytest.raises(ExchangeFailed, match="too large"):
            await post(pool, server)
        pool.close()


async def test_bytes_sent_on_an_idle_connection_make_it_unusable():
    async def twice(head, body):
        return json_reply([{"text": "ok"}]) * 2  # a second, unrequested reply

    async with Server(twice) as server:
        pool = KeepAlivePool()
        await post(pool, server)
        await asyncio.sleep(0.05)
        await post(pool, server)
        pool.close()
    assert server.connections == 2


async def test_concurrent_requests_each_get_their_own_reply():
    async def jittery(head, body):
        message = json.loads(body)["message"]
        await asyncio.sleep(0.05 if int(message) % 2 else 0.01)
        return json_reply([{"text": message}])

    async with Server(jittery) as server:
        pool = KeepAlivePool()
        replies = await asyncio.gather(*(post(pool, server, str(n)) for n in range(8)))
        again = await asyncio.gather(*(post(pool, server, str(n)) for n in range(8)))
        pool.close()
    assert [json.loads(r.body)[0]["text"] for r in replies + again] == [str(n) for n in range(8)] * 2
    assert server.connections == 8  # the second round reused the first round's connections


async def test_close_closes_the_idle_connections():
    async with Server(echo) as server:
        pool = KeepAlivePool()
        await post(pool, server)
        assert server.open_connections == 1
        pool.close()
        await all_closed(server)
        assert server.open_connections == 0


@pytest.mark.parametrize(
    "url, expected",
    [
        (
            "http://127.0.0.1:5005/webhooks/rest/webhook",
            ("127.0.0.1", 5005, False, b"POST /webhooks/rest/webhook HTTP/1.1\r\nHost: 127.0.0.1:5005\r\n"),
        ),
        (
            "https://rasa.internal/webhooks/rest/webhook?x=1",
            (
                "rasa.internal",
                443,
                True,
                b"POST /webhooks/rest/webhook?x=1 HTTP/1.1\r\nHost: rasa.internal\r\n",
            ),
        ),
        ("http://rasa", ("rasa", 80, False, b"POST / HTTP/1.1\r\nHost: rasa\r\n")),
    ],
)
def test_endpoints_are_parsed_from_urls(url, expected):
    endpoint = Endpoint.parse(url)
    host, port, tls, start = expected
    assert (endpoint.host, endpoint.port, endpoint.tls) == (host, port, tls)
    assert endpoint.head.startswith(start)
    assert endpoint.head.endswith(b"Content-Length: ")


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/x", "127.0.0.1:5005", "http://"])
def test_urls_that_are_not_http_are_refused(url):
    with pytest.raises(ValueError):
        Endpoint.parse(url)
