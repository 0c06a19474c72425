"""Talks to Rasa's REST channel and turns its output into what the channels render.

Used by the web gateway and the Telegram bridge alike. Rasa stays on 127.0.0.1; only this module
knows its URL. Anything that is not a well-formed, non-empty reply within the timeout raises
`RasaUnavailable`, and the caller sends the static safety message instead (hazard H08).
"""
from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from bot.directory.location import redact_full_postcodes


# Highest first: a turn that carries both shows both, emergency first.
URGENCY_LEVELS = ("emergency", "crisis")


class RasaUnavailable(Exception):
    """Rasa did not answer in time, answered with an error, or answered with nothing usable."""


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class BotMessage:
    text: str = ""
    buttons: tuple[Button, ...] = ()


@dataclass(frozen=True)
class Reply:
    """One bot turn: what to show, and the urgency levels it carries (URGENCY_LEVELS order)."""

    messages: tuple[BotMessage, ...] = ()
    urgency: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "messages": [
                {
                    "text": m.text,
                    "buttons": [{"title": b.title, "payload": b.payload} for b in m.buttons],
                }
                for m in self.messages
            ],
            "urgency": list(self.urgency),
        }


def parse_rest_output(output: Any) -> Reply:
    """Rasa's REST output (a JSON list) -> Reply. Pure; keeps only what channels render.

    Rasa sends a response that has both text and `custom` as two entries: the text, then
    {"custom": {...}}. The urgency marker is `custom.urgency`; it applies to the whole turn.
    `recipient_id` is dropped on purpose: the sender id never leaves the server.
    """
    if not isinstance(output, list):
        raise RasaUnavailable("Rasa's reply is not a list")
    messages: list[BotMessage] = []
    urgency: set[str] = set()
    for entry in output:
        if not isinstance(entry, dict):
            continue
        text = entry.get("text") if isinstance(entry.get("text"), str) else ""
        custom = entry.get("custom")
        if isinstance(custom, dict):
            if custom.get("urgency") in URGENCY_LEVELS:
                urgency.add(custom["urgency"])
            if not text and isinstance(custom.get("text"), str):
                text = custom["text"]
        buttons = tuple(
            Button(str(b["title"]), str(b["payload"]))
            for b in entry.get("buttons") or ()
            if isinstance(b, dict) and b.get("title") and b.get("payload")
        )
        if text.strip() or buttons:
            messages.append(BotMessage(text, buttons))
    return Reply(tuple(messages), tuple(level for level in URGENCY_LEVELS if level in urgency))


def clean_typed_text(text: str) -> str:
    """Typed text must go through NLU and the safety net, never be read as an intent, and a full
    postcode is cut to its first half before Rasa (which stores the text) sees it.

    Rasa treats a message that starts with "/" as `/intent{entities}` and skips the NLU pipeline,
    including the SafetyNet component, so "/i want to die" would never be checked. Leading slashes
    of *typed* text are therefore removed; button payloads are sent as they are, and only payloads
    the bot offered are accepted (see bot.web.sessions).
    """
    return redact_full_postcodes(text.strip().lstrip("/").strip())


class RasaClient:
    def __init__(
        self,
        http: aiohttp.ClientSession,
        rasa_url: str,
        action_server_url: str,
        timeout_s: float,
    ) -> None:
        self._http = http
        self._webhook = f"{rasa_url.rstrip('/')}/webhooks/rest/webhook"
        self._rasa_status = f"{rasa_url.rstrip('/')}/"
        self._action_health = f"{action_server_url.rstrip('/')}/health"
        self._timeout = aiohttp.ClientTimeout(total=timeout_s)

    async def send_raw(self, sender_id: str, message: str) -> list:
        """POST one message; returns Rasa's JSON list (maybe empty). Raises RasaUnavailable."""
        try:
            async with self._http.post(
                self._webhook,
                json={"sender": sender_id, "message": message},
                timeout=self._timeout,
            ) as response:
                if response.status != 200:
                    raise RasaUnavailable(f"Rasa answered HTTP {response.status}")
                body = await response.read()
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            raise RasaUnavailable(type(error).__name__) from None
        try:
            output = json.loads(body)
        except ValueError:
            raise RasaUnavailable("Rasa's reply is not JSON") from None
        if not isinstance(output, list):
            raise RasaUnavailable("Rasa's reply is not a list")
        return output

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

    async def health(self) -> dict[str, bool]:
        rasa, actions = await asyncio.gather(
            self._answers(self._rasa_status), self._answers(self._action_health)
        )
        return {"rasa": rasa, "action_server": actions}


def new_http_session() -> aiohttp.ClientSession:
    """A client session that ignores proxy variables: Rasa is always on this machine."""
    return aiohttp.ClientSession(trust_env=False)
