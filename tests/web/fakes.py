"""Test doubles shared by tests/web and tests/telegram: a fake Rasa REST channel (+ action
server health) and a helper that serves aiohttp apps on 127.0.0.1 from a background thread.

The fake answers by what the message contains (see FakeRasa.reply) and records every
(sender, message) it receives, so tests can check what reached "Rasa"."""
from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass, field

from aiohttp import web

GREETING = (
    "Hi, I'm a computer program, not a person. I can't see who you are and I can't send help. "
    "If you're in danger, call 999."
)
EMERGENCY_TEXT = "It sounds like you're in danger. Call 999 now if you can."
CRISIS_TEXT = "I'm really glad you told me. You can talk to Samaritans on 116 123, or text SHOUT to 85258."
LONG_TEXT = ("This is a long answer. " * 400).strip()  # ~9,200 characters


@dataclass
class FakeRasa:
    received: list[tuple[str, str]] = field(default_factory=list)
    delay_s: float = 0.0
    status: int = 200
    action_server_up: bool = True

    def reply(self, sender: str, message: str) -> list[dict]:
        def text(t: str, **extra) -> dict:
            return {"recipient_id": sender, "text": t, **extra}

        lowered = message.lower()
        if message == "/greet":
            return [text(GREETING, buttons=[
                {"title": "Something happened to me", "payload": "/disclose_harassment"},
                {"title": "Not now", "payload": "/say_not_now"},
            ])]
        if message == "/restart" or "say nothing" in lowered:
            return []
        if message == "/say_not_now":
            return [text("That's OK. I'm here if you want to talk later.")]
        if message.startswith("/"):
            return [text(f"intent {message}")]
        if "danger" in lowered or "outside my house" in lowered:
            return [text(EMERGENCY_TEXT), {"recipient_id": sender, "custom": {"urgency": "emergency"}}]
        if "want to die" in lowered:
            return [text(CRISIS_TEXT), {"recipient_id": sender, "custom": {"urgency": "crisis"}}]
        if "privacy please" in lowered:  # as domain.yml's utter_privacy: the bot's own delete button
            return [text("What you type is deleted 1 hour after your last message.", buttons=[
                {"title": "Delete this chat", "payload": "/request_forget"},
                {"title": "Carry on", "payload": "/ask_help_options"},
            ])]
        if "childline website" in lowered:
            return [text("You can talk to Childline online: visit childline.org.uk.")]
        if "long answer" in lowered:
            return [text(LONG_TEXT)]
        if "choices" in lowered:
            return [text("Which is closer?", buttons=[
                {"title": f"Option {i}", "payload": f'/inform_age{{"age_band": "band_{i}"}}'}
                for i in range(3)
            ])]
        return [text(f"I read: {message}")]

    def app(self) -> web.Application:
        async def webhook(request: web.Request) -> web.Response:
            body = await request.json()
            self.received.append((body["sender"], body["message"]))
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


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (bound, then released)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


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
