"""The web gateway's settings, read from the environment: those both channels share
(bot.channels.settings: Rasa's address, the timeout, RATE_LIMIT, MAX_MESSAGE_CHARS) and these.
The gateway listens on 127.0.0.1 only unless told otherwise.

| variable               | default                    | meaning                                          |
|------------------------|----------------------------|--------------------------------------------------|
| HOST                   | 127.0.0.1                  | address the gateway listens on                   |
| PORT                   | 8000                       | port the gateway listens on                      |
| NEW_SESSION_RATE_LIMIT | 120/minute                 | new web sessions per gateway process             |
| MAX_SESSIONS           | 10000                      | live web sessions kept (oldest idle dropped)     |
| SESSION_IDLE_S         | 3600                       | a web session unused this long is forgotten      |
| MAX_BODY_BYTES         | 16384                      | larger request bodies get 413                    |
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from bot.channels.rate_limits import RateLimit
from bot.channels.settings import ChannelSettings, EnvTable


@dataclass(frozen=True)
class Settings(ChannelSettings):
    host: str = "127.0.0.1"
    port: int = 8000
    new_session_rate_limit: RateLimit = RateLimit(120, 60.0)
    max_sessions: int = 10000
    session_idle_s: float = 3600.0  # = the tracker store's max_idle_minutes (endpoints.yml)
    max_body_bytes: int = 16384

    ENV: ClassVar[EnvTable] = ChannelSettings.ENV + (
        ("HOST", "host", str),
        ("PORT", "port", int),
        ("NEW_SESSION_RATE_LIMIT", "new_session_rate_limit", RateLimit.parse),
        ("MAX_SESSIONS", "max_sessions", int),
        ("SESSION_IDLE_S", "session_idle_s", float),
        ("MAX_BODY_BYTES", "max_body_bytes", int),
    )
