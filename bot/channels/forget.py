"""Forgetting a conversation: what "Delete this chat", quick exit and Telegram's /forget do.

What this does today, honestly:
  (a) drops what the channel itself holds for the sender (the web session and its token, or the
      Telegram bridge's button map) through the `local` callables;
  (b) sends Rasa the message "/restart" for that sender over the REST channel. Rasa's HTTP API is
      off, so this is the only door we have: it runs `action_restart`, which resets the tracker, so
      the assistant no longer acts on anything said before. It does NOT erase the events already
      written to the tracker store: they stay there until they are purged;
  (c) awaits the optional `hook(sender_id)`, which is where the privacy work plugs in the real
      purge of the tracker store (bot.privacy).
The sender id is opaque (random for the web, an HMAC for Telegram) and is never logged.
"""

from __future__ import annotations

import logging
from typing import Awaitable, Callable, Iterable, Optional

from bot.channels.errors import RasaUnavailable
from bot.channels.rasa_client import RasaClient

log = logging.getLogger(__name__)

RESTART_MESSAGE = "/restart"
# a forget is not a chat turn: nobody waits for a reply, but it must reach Rasa even when Rasa
# is busy (a chat turn's 3 s timeout lost the restart under load, and the text stayed stored)
FORGET_TIMEOUT_S = 20.0

ForgetHook = Callable[[str], Awaitable[None]]


class ConversationStore:
    def __init__(
        self,
        rasa: RasaClient,
        local: Iterable[Callable[[str], None]] = (),
        hook: Optional[ForgetHook] = None,
    ) -> None:
        self._rasa = rasa
        self._local = tuple(local)
        self._hook = hook

    async def forget(self, sender_id: str) -> bool:
        """Forget everything about `sender_id`; True when Rasa confirmed the reset."""
        for drop in self._local:
            drop(sender_id)
        try:
            await self._rasa.send_raw(sender_id, RESTART_MESSAGE, timeout_s=FORGET_TIMEOUT_S)
            reset = True
        except RasaUnavailable as error:
            log.warning("forget: Rasa could not reset a conversation (%s)", error)
            reset = False
        if self._hook is not None:
            try:
                await self._hook(sender_id)
            except Exception as error:  # must not stop a quick exit; log the kind of error only
                log.error("forget: the purge hook failed (%s)", type(error).__name__)
                reset = False
        return reset
