"""Updates of different chats are handled at the same time; one chat's updates one at a time, in
the order they arrived.

python-telegram-bot handles updates one by one unless told otherwise. Then one chat whose reply
is waiting out a Telegram error (bot.telegram.retry backs off for up to ~20 s) or a slow Rasa
(RASA_TIMEOUT_S) would hold up every other chat's reply, an urgent one included. Fully
concurrent handling would fix that but could answer one person's two messages out of order, so
each conversation gets its own lock.

The locks are keyed by the conversation's HMAC sender id (bot.telegram.ids), never by the raw
chat id, and a lock is dropped as soon as nobody holds or waits for it."""

from __future__ import annotations

import asyncio
from typing import Any, Awaitable, Callable, Optional

from telegram import Update
from telegram.ext import BaseUpdateProcessor

MAX_CONCURRENT_UPDATES = 64


class PerChatOrder(BaseUpdateProcessor):
    def __init__(
        self, key: Callable[[int], str], max_concurrent_updates: int = MAX_CONCURRENT_UPDATES
    ) -> None:
        super().__init__(max_concurrent_updates)
        self._key = key  # chat id -> opaque conversation key
        self._locks: dict[str, asyncio.Lock] = {}
        self._users: dict[str, int] = {}

    def __len__(self) -> int:
        """Conversations with an update being handled or waiting (for tests)."""
        return len(self._locks)

    def _conversation(self, update: object) -> Optional[str]:
        if isinstance(update, Update) and update.effective_chat is not None:
            return self._key(update.effective_chat.id)
        return None

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = self._conversation(update)
        if key is None:
            await coroutine
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._users[key] = self._users.get(key, 0) + 1
        try:
            try:
                await lock.acquire()  # asyncio.Lock wakes waiters first come, first served
            except BaseException:  # cancelled while waiting (shutdown): the update never ran
                close = getattr(coroutine, "close", None)
                if close is not None:
                    close()
                raise
            try:
                await coroutine
            finally:
                lock.release()
        finally:
            self._users[key] -= 1
            if not self._users[key]:
                del self._users[key]
                del self._locks[key]

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass
