"""One bot turn as both channels render it, read from Rasa's REST output.

Pure: no I/O. Only what channels show is kept (text, buttons, the urgency marker); the
recipient id in Rasa's output is dropped on purpose, so the sender id never leaves the server.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.channels.errors import RasaUnavailable

# Highest first: a turn that carries both shows both, emergency first.
URGENCY_LEVELS = ("emergency", "crisis")


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
