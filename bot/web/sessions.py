"""Web chat sessions: server-issued, random, bounded, in memory only.

The browser holds a session *token* (in sessionStorage, or a hidden form field without
JavaScript) and nothing else; the conversation itself stays here (bot.web.transcript). Rasa sees a different random *sender id*
that never leaves this process, so a leaked token cannot be replayed against Rasa and Rasa's
output (which names the recipient) never tells the browser anything. Both are
`secrets.token_urlsafe(32)` (256 bits) and are never derived from anything the client sends: a
token the store does not know gets a brand-new session (hazard H10).

Nothing here survives a restart of the gateway; that is intended. Sessions idle for
SESSION_IDLE_S, or pushed out when MAX_SESSIONS is reached, are handed to the caller so their
conversation can be forgotten in Rasa too (see bot.web.app's sweeper).
"""

from __future__ import annotations

import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional, Union

from bot.channels.rate_limits import RateLimit, SlidingWindow
from bot.web.transcript import Transcript

# How many recently offered button payloads a session accepts back (older buttons expire).
OFFERED_PAYLOADS_KEPT = 24
# Payloads the page may send without having been offered one: its opening greeting.
ALWAYS_ALLOWED_PAYLOADS = frozenset({"/greet"})


@dataclass
class WebSession:
    token: str
    sender_id: str
    last_seen: float
    window: SlidingWindow
    offered: "OrderedDict[str, str]" = field(default_factory=OrderedDict)  # payload -> title
    # what was said, so the page can be drawn again by asking the server (never by the browser)
    transcript: Transcript = field(default_factory=Transcript)

    def offer(self, payloads: Iterable[Union[str, tuple[str, str]]]) -> None:
        """Payloads the bot offered as buttons: "payload" or ("payload", "button title")."""
        for item in payloads:
            payload, title = item if isinstance(item, tuple) else (item, item)
            self.offered.pop(payload, None)
            self.offered[payload] = title
        while len(self.offered) > OFFERED_PAYLOADS_KEPT:
            self.offered.popitem(last=False)

    def accepts_payload(self, payload: str) -> bool:
        return payload in ALWAYS_ALLOWED_PAYLOADS or payload in self.offered

    def button_title(self, payload: str) -> Optional[str]:
        """The words on the button that sends `payload` (None for the page's own greeting)."""
        return self.offered.get(payload)


class SessionStore:
    def __init__(
        self,
        *,
        max_sessions: int,
        idle_s: float,
        rate_limit: RateLimit,
        new_session_limit: RateLimit,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._sessions: "OrderedDict[str, WebSession]" = OrderedDict()  # least recently used first
        self._token_by_sender: dict[str, str] = {}
        self._max = max_sessions
        self._idle_s = idle_s
        self._rate_limit = rate_limit
        self._new_sessions = SlidingWindow(new_session_limit)
        self._clock = clock
        self._ended: list[str] = []  # sender ids of sessions pushed out, awaiting forget

    def __len__(self) -> int:
        return len(self._sessions)

    def get(self, token: Optional[str]) -> Optional[WebSession]:
        """The live session for this token, marked as used now; None if unknown or idle too long."""
        if not isinstance(token, str):
            return None
        session = self._sessions.get(token)
        if session is None:
            return None
        now = self._clock()
        if now - session.last_seen >= self._idle_s:
            self._end(session)
            return None
        session.last_seen = now
        self._sessions.move_to_end(token)
        return session

    def peek(self, token: Optional[str]) -> Optional[WebSession]:
        """The live session for this token without marking it used (reading the transcript does
        not put off the session's expiry); None if unknown or idle too long."""
        if not isinstance(token, str):
            return None
        session = self._sessions.get(token)
        if session is None:
            return None
        if self._clock() - session.last_seen >= self._idle_s:
            self._end(session)
            return None
        return session

    def create(self) -> Optional[WebSession]:
        """A new session, or None when too many were started in the last period."""
        now = self._clock()
        if not self._new_sessions.allow(now):
            return None
        session = WebSession(
            token=secrets.token_urlsafe(32),
            sender_id=secrets.token_urlsafe(32),
            last_seen=now,
            window=SlidingWindow(self._rate_limit),
        )
        self._sessions[session.token] = session
        self._token_by_sender[session.sender_id] = session.token
        while len(self._sessions) > self._max:
            self._end(next(iter(self._sessions.values())))
        return session

    def allow_message(self, session: WebSession) -> bool:
        return session.window.allow(self._clock())

    def drop_sender(self, sender_id: str) -> None:
        """Forget the session that talks to Rasa as `sender_id` (no-op if there is none)."""
        token = self._token_by_sender.pop(sender_id, None)
        if token is not None:
            self._sessions.pop(token, None)

    def _end(self, session: WebSession) -> None:
        self.drop_sender(session.sender_id)
        self._ended.append(session.sender_id)

    def take_ended(self) -> list[str]:
        """Sender ids of sessions that ended by idling or eviction since the last call."""
        now = self._clock()
        while self._sessions:  # least recently used first, so stop at the first live one
            oldest = next(iter(self._sessions.values()))
            if now - oldest.last_seen < self._idle_s:
                break
            self._end(oldest)
        ended, self._ended = self._ended, []
        return ended
