"""What one web session has said so far, kept by the gateway (in memory only) so that the page can
be drawn again by asking the server: a reload, the page without JavaScript, the way back from the
privacy page. The browser keeps none of it (issue 14: the server's expiry and "Delete this chat"
must hold on the device too); it goes when the session goes (idle, evicted, forgotten).

Bounded: the last MAX_ENTRIES entries and at most MAX_CHARS characters of text (oldest dropped
first), so 10,000 live sessions (MAX_SESSIONS) hold at most ~160 M characters. Never logged.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from bot.channels.reply import URGENCY_LEVELS, Button, Reply

MAX_ENTRIES = 60
MAX_CHARS = 16_000  # ~8 full-length (2,000-character) messages with their replies


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
        self._trim()

    def add_reply(self, reply: Reply) -> None:
        """A bot turn. Buttons of earlier turns are dropped (only the newest can be pressed)."""
        self._drop_buttons()
        for index, message in enumerate(reply.messages):
            self.entries.append(
                Entry("bot", message.text, message.buttons, reply.urgency if index == 0 else ())
            )
        self._trim()
        for level in reply.urgency:
            if level not in self.urgency:
                self.urgency.append(level)
        self.urgency.sort(key=URGENCY_LEVELS.index)

    def _trim(self) -> None:
        total = sum(len(entry.text) for entry in self.entries)
        while len(self.entries) > 1 and total > MAX_CHARS:
            total -= len(self.entries.popleft().text)

    def _drop_buttons(self) -> None:
        for i, entry in enumerate(self.entries):
            if entry.buttons:
                self.entries[i] = Entry(entry.who, entry.text, (), entry.urgency)

    def __iter__(self):
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)
