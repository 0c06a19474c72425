"""A small keep-alive HTTP/1.1 client: POST a JSON body to Rasa's REST channel (or the gateway)
and read the whole reply. Since issue 16 it is `make bench`'s load driver only: the gateway talks
to Rasa with aiohttp's client, because side by side this one saved 0.12 ms per message
(scripts/measure_rasa_client.py, 2026-11-30, aiohttp 3.14.5). The reasons it was written, as
measured then with aiohttp 3.9 (not re-measured with 3.14):

Why not aiohttp's client (still used for health checks): at one conversation the gateway's
extra hop was ~10% of a reply's time, and its client was the largest part of the gateway's own
Python work per message (py-spy: 44%); it also sends the head and the body in two writes, so
Rasa wakes up twice. Here a request is one prepared head plus the body in one write, and the
reply is parsed by httptools (the C parser Sanic uses), so only the connection keeping is ours.

The caller must know whether a request could have reached the server (a second copy of a
message would be a second turn), so failures come as two kinds:
  ConnectFailed   nothing was sent: the connection could not be made;
  ExchangeFailed  the request may have been sent, and no complete reply came.
A reply needs a Content-Length or chunked body (Sanic always sends one of them).
"""

from __future__ import annotations

import asyncio
import ssl
import time
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlsplit

import httptools

# Idle connections are not reused after this long: well below the keep-alive time of Rasa's
# Sanic (120 s), so a connection the server is about to close is not picked.
MAX_IDLE_S = 30.0
# Idle connections kept per server; more are closed once their request is done.
MAX_IDLE_PER_SERVER = 64
# Replies larger than this are refused (Rasa's replies are a few KB).
MAX_REPLY_BYTES = 4 * 1024 * 1024


class ConnectFailed(Exception):
    """No connection could be made; nothing was sent."""


class ExchangeFailed(Exception):
    """The request may have reached the server; no complete reply came back."""


@dataclass(frozen=True)
class HttpReply:
    status: int
    body: bytes


@dataclass(frozen=True)
class Endpoint:
    """One URL to POST to, with its request head prepared once."""

    host: str
    port: int
    tls: bool
    head: bytes  # everything up to "Content-Length: "

    @classmethod
    def parse(cls, url: str) -> "Endpoint":
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"not an http(s) URL: {url!r}")
        tls = parts.scheme == "https"
        port = parts.port or (443 if tls else 80)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        head = (
            f"POST {target} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
            "Content-Type: application/json\r\nAccept: application/json\r\n"
            "Content-Length: "
        ).encode("ascii")
        return cls(parts.hostname, port, tls, head)

    @property
    def server(self) -> tuple[str, int, bool]:
        return self.host, self.port, self.tls


class _Connection(asyncio.Protocol):
    """One connection, one request at a time."""

    def __init__(self) -> None:
        self.transport: Optional[asyncio.Transport] = None
        self.lost = False
        self.idle_since = time.monotonic()
        self._reply: Optional[asyncio.Future] = None
        self._parser: Optional[httptools.HttpResponseParser] = None
        self._body: list[bytes] = []
        self._size = 0
        self._keep_alive = False
        self._begun = False

    # asyncio.Protocol
    def connection_made(self, transport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        if self._parser is None:  # bytes nobody asked for: the connection cannot be trusted
            self.close()
            return
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserError as error:
            self._fail(ExchangeFailed(f"unreadable reply ({type(error).__name__})"))

    def eof_received(self) -> bool:
        return False  # close our side too

    def connection_lost(self, exc: Optional[Exception]) -> None:
        self.lost = True
        self._fail(ExchangeFailed("the connection closed before the reply was complete"))

    # httptools callbacks
    def on_message_begin(self) -> None:
        if self._begun:  # a second reply to one request: the connection is out of step
            self.close()
        self._begun = True

    def on_body(self, body: bytes) -> None:
        self._size += len(body)
        if self._size > MAX_REPLY_BYTES:
            self._fail(ExchangeFailed("reply too large"))
        else:
            self._body.append(body)

    def on_message_complete(self) -> None:
        parser, reply = self._parser, self._reply
        self._parser = None
        if parser is None or reply is None or reply.done():
            return
        self._keep_alive = parser.should_keep_alive()
        reply.set_result(HttpReply(parser.get_status_code(), b"".join(self._body)))

    # ours
    @property
    def reusable(self) -> bool:
        return (
            not self.lost
            and self.transport is not None
            and not self.transport.is_closing()
            and time.monotonic() - self.idle_since < MAX_IDLE_S
        )

    async def exchange(self, request: bytes, timeout_s: float) -> HttpReply:
        loop = asyncio.get_running_loop()
        assert self.transport is not None
        self._reply = loop.create_future()
        self._parser = httptools.HttpResponseParser(self)
        self._body, self._size, self._keep_alive, self._begun = [], 0, False, False
        timer = loop.call_later(timeout_s, self._fail, asyncio.TimeoutError())
        try:
            self.transport.write(request)
            reply = await self._reply
        except BaseException:  # failed, timed out or cancelled: the reply's state is unknown
            self.close()
            raise
        finally:
            timer.cancel()
            self._reply = None
        if not self._keep_alive:
            self.close()
        self.idle_since = time.monotonic()
        return reply

    def _fail(self, error: BaseException) -> None:
        reply = self._reply
        self._parser = None
        if reply is not None and not reply.done():
            reply.set_exception(error)
        self.close()

    def close(self) -> None:
        self.lost = True
        if self.transport is not None and not self.transport.is_closing():
            self.transport.close()


class KeepAlivePool:
    """POSTs JSON over reused connections, one request per connection at a time."""

    def __init__(self) -> None:
        self._idle: dict[tuple[str, int, bool], list[_Connection]] = {}
        self._tls: Optional[ssl.SSLContext] = None

    async def post_json(self, endpoint: Endpoint, body: bytes, timeout_s: float) -> HttpReply:
        """Raises ConnectFailed (nothing sent), ExchangeFailed or asyncio.TimeoutError."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout_s
        connection = self._take_idle(endpoint.server) or await self._connect(endpoint, timeout_s)
        request = b"%s%d\r\n\r\n%s" % (endpoint.head, len(body), body)
        remaining = deadline - loop.time()
        if remaining <= 0:
            connection.close()
            raise asyncio.TimeoutError()
        reply = await connection.exchange(request, remaining)
        self._give_back(endpoint.server, connection)
        return reply

    def _take_idle(self, server: tuple[str, int, bool]) -> Optional[_Connection]:
        idle = self._idle.get(server)
        while idle:
            connection = idle.pop()  # the most recently used: least likely to be stale
            if connection.reusable:
                return connection
            connection.close()
        return None

    def _give_back(self, server: tuple[str, int, bool], connection: _Connection) -> None:
        idle = self._idle.setdefault(server, [])
        if connection.reusable and len(idle) < MAX_IDLE_PER_SERVER:
            idle.append(connection)
        else:
            connection.close()

    async def _connect(self, endpoint: Endpoint, timeout_s: float) -> _Connection:
        loop = asyncio.get_running_loop()
        tls = None
        if endpoint.tls:
            tls = self._tls = self._tls or ssl.create_default_context()
        try:
            _, connection = await asyncio.wait_for(
                loop.create_connection(_Connection, endpoint.host, endpoint.port, ssl=tls), timeout_s
            )
        except OSError as error:  # refused, unreachable, no such host: nothing was sent
            raise ConnectFailed(type(error).__name__) from None
        return connection

    def close(self) -> None:
        """Close every idle connection (connections in use close when their request ends)."""
        for idle in self._idle.values():
            for connection in idle:
                connection.close()
        self._idle.clear()
