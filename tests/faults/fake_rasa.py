"""A fake Rasa REST channel on 127.0.0.1 that misbehaves on request (tests/faults).

Modes, set on `FaultyRasa.mode` between turns:
    ok          [{"text": "I read: <message>"}]
    slow        does not answer until `release()` (or the test ends): longer than any timeout;
                `slow_answered` counts the slow turns that did answer
    status      HTTP `status` (500 by default) with a plain-text body
    not_json    HTTP 200, an HTML body
    not_a_list  HTTP 200, a JSON object
    junk_list   HTTP 200, a JSON list with nothing a channel can show
    empty       HTTP 200, []
    reset       the connection is dropped without an answer
    truncated   HTTP 200 announcing more body than it sends, then the connection is dropped
"Rasa down" (connection refused) needs no server: see `closed_port_url`."""
from __future__ import annotations

import asyncio
import json
import socket
from dataclasses import dataclass, field
from typing import Callable, Optional

from aiohttp import web

MODES = ("slow", "status", "not_json", "not_a_list", "junk_list", "empty", "reset", "truncated")


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@dataclass
class FaultyRasa:
    mode: str = "ok"
    status: int = 500
    received: list[tuple[str, str]] = field(default_factory=list)
    slow_answered: int = 0
    on_arrival: Optional[Callable[[], None]] = None  # called as each turn arrives
    _release: asyncio.Event = field(default_factory=asyncio.Event)

    def release(self) -> None:
        """Let every slow turn answer (the test's end does this too)."""
        self._release.set()

    def app(self) -> web.Application:
        async def webhook(request: web.Request) -> web.StreamResponse:
            body = await request.json()
            self.received.append((body["sender"], body["message"]))
            if self.on_arrival is not None:
                self.on_arrival()
            mode = self.mode
            if mode == "slow":
                await self._release.wait()  # aiohttp cancels this if the client goes away
                self.slow_answered += 1
                return web.json_response([{"text": "far too late"}])
            if mode == "status":
                return web.Response(status=self.status, text="Internal Server Error")
            if mode == "not_json":
                return web.Response(text="<html><body>It works!</body></html>", content_type="text/html")
            if mode == "not_a_list":
                return web.json_response({"error": "something", "text": "not a reply"})
            if mode == "junk_list":
                return web.json_response([1, None, "text", {"buttons": "x"}, {"text": "   "},
                                          {"custom": {"urgency": "none"}}])
            if mode == "empty":
                return web.json_response([])
            if mode == "reset":
                request.transport.abort()
                return web.Response(status=500)  # never reaches the client
            if mode == "truncated":
                response = web.StreamResponse(status=200, headers={"Content-Length": "1000"})
                response.content_type = "application/json"
                await response.prepare(request)
                await response.write(json.dumps([{"text": "cut off"}]).encode()[:10])
                request.transport.abort()
                return response
            return web.json_response([{"recipient_id": body["sender"], "text": f"I read: {body['message']}"}])

        async def status(request: web.Request) -> web.Response:
            return web.Response(text="Hello from Rasa: 3.6.21")

        async def health(request: web.Request) -> web.Response:
            return web.json_response({"status": "ok"})

        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", webhook)
        app.router.add_get("/", status)
        app.router.add_get("/health", health)  # the same app plays the action server
        return app
