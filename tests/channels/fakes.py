"""Test doubles both channels' tests share (tests/web, tests/telegram, tests/channels): the one
fake Rasa REST channel (+ action server health), `serve` (an aiohttp app on 127.0.0.1 in the
test's event loop) and ServedApps (the same from a background thread, for a subprocess).

The fake answers by what the message contains (see FakeRasa.reply) and records every
(sender, message) it receives, so tests can check what reached "Rasa". It misbehaves on request:
set `FakeRasa.mode` between turns to one of FAULTS:
    slow        does not answer until `release()` (or the test ends): longer than any timeout;
                `slow_answered` counts the slow turns that did answer
    status      HTTP 500 with a plain-text body
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
import threading
from dataclasses import dataclass, field
from typing import Callable, Optional

from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.serve.ports import free_port

GREETING = (
    "Hi, I'm a computer program, not a person. I can't see who you are and I can't send help. "
    "If you're in danger, call 999."
)
EMERGENCY_TEXT = "It sounds like you're in danger. Call 999 now if you can."
CRISIS_TEXT = "I'm really glad you told me. You can talk to Samaritans on 116 123, or text SHOUT to 85258."
NOT_NOW_TEXT = "That's OK. I'm here if you want to talk later."
LONG_TEXT = ("This is a long answer. " * 400).strip()  # ~9,200 characters
FAULTS = ("slow", "status", "not_json", "not_a_list", "junk_list", "empty", "reset", "truncated")


@dataclass
class FakeRasa:
    received: list[tuple[str, str]] = field(default_factory=list)
    delay_s: float = 0.0
    status: int = 200  # any other: every turn gets this status and the body "error"
    action_server_up: bool = True
    mode: str = "ok"  # or one of FAULTS
    slow_answered: int = 0
    on_arrival: Optional[Callable[[], None]] = None  # called as each turn arrives
    url: str = ""  # set by the `rasa_url` fixture once it is served
    _release: asyncio.Event = field(default_factory=asyncio.Event)

    def release(self) -> None:
        """Let every slow turn answer (the fixtures' teardown does this too)."""
        self._release.set()

    def reply(self, sender: str, message: str) -> list[dict]:
        def text(t: str, **extra) -> dict:
            return {"recipient_id": sender, "text": t, **extra}

        lowered = message.lower()
        if message == "/greet":
            return [
                text(
                    GREETING,
                    buttons=[
                        {"title": "Something happened to me", "payload": "/disclose_harassment"},
                        {"title": "Not now", "payload": "/say_not_now"},
                    ],
                )
            ]
        if message == "/restart" or "say nothing" in lowered:
            return []
        if message == "/say_not_now":
            return [text(NOT_NOW_TEXT)]
        if message.startswith("/"):
            return [text(f"intent {message}")]
        if "danger" in lowered or "outside my house" in lowered:
            return [text(EMERGENCY_TEXT), {"recipient_id": sender, "custom": {"urgency": "emergency"}}]
        if "want to die" in lowered:
            return [text(CRISIS_TEXT), {"recipient_id": sender, "custom": {"urgency": "crisis"}}]
        if "privacy please" in lowered:  # as domain.yml's utter_privacy: the bot's own delete button
            return [
                text(
                    "What you type is deleted 1 hour after your last message.",
                    buttons=[
                        {"title": "Delete this chat", "payload": "/request_forget"},
                        {"title": "Carry on", "payload": "/ask_help_options"},
                    ],
                )
            ]
        if "childline website" in lowered:
            return [text("You can talk to Childline online: visit childline.org.uk.")]
        if "long answer" in lowered:
            return [text(LONG_TEXT)]
        if "choices" in lowered:
            return [
                text(
                    "Which is closer?",
                    buttons=[
                        {"title": f"Option {i}", "payload": f'/inform_age{{"age_band": "band_{i}"}}'}
                        for i in range(3)
                    ],
                )
            ]
        return [text(f"I read: {message}")]

    async def misbehave(self, request: web.Request) -> web.StreamResponse:
        """The answer of fault `self.mode` (FAULTS)."""
        mode = self.mode
        if mode == "slow":
            await self._release.wait()  # aiohttp cancels this if the client goes away
            self.slow_answered += 1
            return web.json_response([{"text": "far too late"}])
        if mode == "status":
            return web.Response(status=500, text="Internal Server Error")
        if mode == "not_json":
            return web.Response(text="<html><body>It works!</body></html>", content_type="text/html")
        if mode == "not_a_list":
            return web.json_response({"error": "something", "text": "not a reply"})
        if mode == "junk_list":
            return web.json_response(
                [1, None, "text", {"buttons": "x"}, {"text": "   "}, {"custom": {"urgency": "none"}}]
            )
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
        raise ValueError(f"unknown fault {mode!r}: one of {FAULTS}")

    def app(self) -> web.Application:
        async def webhook(request: web.Request) -> web.StreamResponse:
            body = await request.json()
            self.received.append((body["sender"], body["message"]))
            if self.on_arrival is not None:
                self.on_arrival()
            if self.mode != "ok":
                return await self.misbehave(request)
            if self.delay_s:
                await asyncio.sleep(self.delay_s)
            if self.status != 200:
                return web.Response(status=self.status, text="error")
            return web.json_response(self.reply(body["sender"], body["message"]))

        async def status(request: web.Request) -> web.Response:
            return web.Response(text="Hello from Rasa: 3.6.21")

        async def health(request: web.Request) -> web.Response:
            if not self.action_server_up:
                return web.Response(status=503)
            return web.json_response({"status": "ok"})

        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", webhook)
        app.router.add_get("/", status)
        app.router.add_get("/health", health)  # the same app plays the action server
        return app

    def senders(self) -> list[str]:
        return [sender for sender, _ in self.received]

    def messages_from(self, sender: str) -> list[str]:
        return [message for s, message in self.received if s == sender]


async def serve(app: web.Application) -> tuple[TestServer, str]:
    """`app` served on 127.0.0.1 in the running event loop: (server to close, its root URL)."""
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    return server, str(server.make_url("")).rstrip("/")


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (a free port, bound and released)."""
    return f"http://127.0.0.1:{free_port()}"


class ServedApps:
    """Serve aiohttp apps on 127.0.0.1 (ephemeral ports) from one background event loop.

    with ServedApps() as served:
        url = served.start(lambda: app)       # returns http://127.0.0.1:PORT
        served.call(coroutine_function)       # run something on the server loop
    """

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="served-apps", daemon=True)
        self._runners: list[web.AppRunner] = []

    def __enter__(self) -> "ServedApps":
        self._thread.start()
        return self

    def call(self, coroutine, timeout: float = 10.0):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def start(self, make_app) -> str:
        async def start() -> str:
            runner = web.AppRunner(make_app(), access_log=None)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            self._runners.append(runner)
            port = runner.addresses[0][1]
            return f"http://127.0.0.1:{port}"

        return self.call(start())

    def __exit__(self, *exc: object) -> None:
        async def stop() -> None:
            for runner in reversed(self._runners):
                await runner.cleanup()

        try:
            self.call(stop(), timeout=15)
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(timeout=10)
            self.loop.close()
