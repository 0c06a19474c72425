"""The bench's fake target (bot.bench.load.Target) for the tests that drive whole levels without a
server (tests/bench/test_load.py, test_run.py)."""

from __future__ import annotations

import asyncio

from bot.bench.load import Outcome
from bot.bench.mix import Turn


class InstantTarget:
    """Answers every turn at once and notes, in lists the targets of a test share, each
    conversation it starts (`started`: its name) and each turn it sends (`sent`: its name, the text)."""

    def __init__(self, name: str, started: list | None = None, sent: list | None = None) -> None:
        self.name, self.closed = name, False
        self.started = [] if started is None else started
        self.sent = [] if sent is None else sent

    def new_conversation(self) -> dict:
        self.started.append(self.name)
        return {}

    async def send(self, state: dict, turn: Turn) -> Outcome:
        self.sent.append((self.name, turn.text))
        await asyncio.sleep(0)
        return Outcome(200, messages=({"text": "ok"},))

    def close(self) -> None:
        self.closed = True
