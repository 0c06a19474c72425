"""What one web session has said so far, kept by the gateway (in memory only) so that the page can
be drawn again by asking the server: a reload, the page without JavaScript, the way back from the
privacy page. The browser keeps none of it (issue 14: the server's expiry and "Delete this chat"
must hold on the device too); it goes when the session goes (idle, evicted, forgotten).

Bounded: the last MAX_ENTRIES entries. Never logged.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Iterable, Optional

from bot.web.rasa_client import URGENCY_LEVELS, BotMessage, Button, Reply

MAX_ENTRIES = 60


@dataclass(frozen=True)
class Entry:
    who: str  # "me" | "bot"
    text: str
    buttons: tuple[Button, ...] = ()
    # set on the first bot message of a turn that carried the urgency marker (URGENCY_LEVELS)
    urgency: tuple[str, ...] = ()


@dataclass
class Transcript:
    entries: deque = field(default_factory=lambda: deque(maxlen=MAX_ENTRIES))
    urgency: list[str] = field(default_factory=list)  # levels seen in this conversation, in order

    def add_user(self, text: str) -> None:
        self._drop_buttons()
        self.entries.append(Entry("me", text))

    def add_reply(self, reply: Reply) -> None:
        """A bot turn. Buttons of earlier turns are dropped (only the newest can be pressed)."""
        self._drop_buttons()
        for index, message in enumerate(reply.messages):
            self.entries.append(Entry("bot", message.text, message.buttons,
                                      reply.urgency if index == 0 else ()))
        for level in reply.urgency:
            if level not in self.urgency:
                self.urgency.append(level)
        self.urgency.sort(key=URGENCY_LEVELS.index)

    def _drop_buttons(self) -> None:
        for i, entry in enumerate(self.entries):
            if entry.buttons:
                self.entries[i] = Entry(entry.who, entry.text, (), entry.urgency)

    def __iter__(self):
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


def reply_of(messages: Iterable[BotMessage], urgency: Optional[tuple[str, ...]] = None) -> Reply:
    return Reply(tuple(messages), urgency or ())
