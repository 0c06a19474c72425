"""Settings for the web gateway and the Telegram bridge, read from the environment.

Every setting has a documented default that is safe on a developer's machine: the gateway listens
on 127.0.0.1 only and Rasa and the action server are expected on 127.0.0.1 as well.

| variable               | default                    | meaning                                          |
|------------------------|----------------------------|--------------------------------------------------|
| HOST                   | 127.0.0.1                  | address the gateway listens on                   |
| PORT                   | 8000                       | port the gateway listens on                      |
| RASA_URL               | http://127.0.0.1:5005      | Rasa (REST channel); never exposed to users      |
| RASA_URLS              | (unset: RASA_URL)          | several Rasa processes, comma-separated          |
| RASA_ROUTING           | conversation               | conversation: each conversation always goes to   |
|                        |                            | the same process (a stable hash of its id; the   |
|                        |                            | default profile's workers, each with its own     |
|                        |                            | memory); round-robin: each message to the next   |
|                        |                            | (only for processes sharing their stores: the    |
|                        |                            | scaled profile, docs/deploy.md)                  |
| ACTION_SERVER_URL      | http://127.0.0.1:5055      | action server, only for GET /health              |
| ACTION_SERVER_URLS     | (unset: ACTION_SERVER_URL) | several action servers, comma-separated          |
| RASA_TIMEOUT_S         | 3                          | after this many seconds the safety reply is sent |
| RATE_LIMIT             | 20/minute                  | messages per web session ("N/second|minute|hour")|
| NEW_SESSION_RATE_LIMIT | 120/minute                 | new web sessions per gateway process             |
| MAX_SESSIONS           | 10000                      | live web sessions kept (oldest idle dropped)     |
| SESSION_IDLE_S         | 3600                       | a web session unused this long is forgotten      |
| MAX_MESSAGE_CHARS      | 2000                       | longer messages are refused kindly               |
| MAX_BODY_BYTES         | 16384                      | larger request bodies get 413                    |
| SENDER_ID_SECRET       | (random per process)       | HMAC key for Telegram sender ids; set it so that |
|                        |                            | conversations survive a restart                  |
| TELEGRAM_BOT_TOKEN     | (unset: no Telegram)       | the bot's token from @BotFather                  |
| TELEGRAM_MODE          | polling                    | polling or webhook                               |
| TELEGRAM_WEBHOOK_SECRET| (required for webhook)     | compared with X-Telegram-Bot-Api-Secret-Token    |
| TELEGRAM_WEBHOOK_URL   | (required for webhook)     | public https URL Telegram posts updates to       |
| TELEGRAM_WEBHOOK_HOST  | 127.0.0.1                  | where the webhook listener binds                 |
| TELEGRAM_WEBHOOK_PORT  | 8001                       | port of the webhook listener                     |
| TELEGRAM_WEBHOOK_PATH  | /telegram/webhook          | path of the webhook listener                     |
| TELEGRAM_API_BASE_URL  | https://api.telegram.org   | Bot API root (tests point it at a fake server)   |
"""
from __future__ import annotations

import logging
import os
import re
import secrets
from dataclasses import dataclass, field
from typing import Mapping, Optional

log = logging.getLogger(__name__)

_PERIODS = {"second": 1.0, "minute": 60.0, "hour": 3600.0}


@dataclass(frozen=True)
class RateLimit:
    """At most `count` events in any window of `period_s` seconds."""

    count: int
    period_s: float

    @classmethod
    def parse(cls, text: str) -> "RateLimit":
        """'20/minute', '5/second', '100/hour' or '20/60' (seconds)."""
        match = re.fullmatch(r"\s*(\d+)\s*/\s*(second|minute|hour|\d+(?:\.\d+)?)\s*", text)
        if not match:
            raise ValueError(f"rate limit {text!r} is not like '20/minute'")
        count, period = int(match.group(1)), match.group(2)
        period_s = _PERIODS[period] if period in _PERIODS else float(period)
        if count < 1 or period_s <= 0:
            raise ValueError(f"rate limit {text!r} must allow at least 1 event per period")
        return cls(count, period_s)


def url_list(text: str) -> str:
    """'http://a:1/, http://b:2' -> 'http://a:1,http://b:2' (one or more URLs, comma-separated)."""
    urls = [part.strip().rstrip("/") for part in text.split(",")]
    if not all(urls):
        raise ValueError(f"{text!r} is not a comma-separated list of URLs")
    return ",".join(urls)


def split_urls(text: str) -> tuple[str, ...]:
    return tuple(url_list(text).split(","))


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8000
    # one URL, or several separated by commas (RASA_URLS): the RasaClient spreads messages
    # across them in turn; `rasa_urls` gives them as a tuple
    rasa_url: str = "http://127.0.0.1:5005"
    rasa_routing: str = "conversation"  # or "round-robin" (bot.web.rasa_client.ROUTINGS)
    action_server_url: str = "http://127.0.0.1:5055"
    rasa_timeout_s: float = 3.0
    rate_limit: RateLimit = RateLimit(20, 60.0)
    new_session_rate_limit: RateLimit = RateLimit(120, 60.0)
    max_sessions: int = 10000
    session_idle_s: float = 3600.0  # = the tracker store's max_idle_minutes (endpoints.yml)
    max_message_chars: int = 2000
    max_body_bytes: int = 16384
    # repr=False: the secret and the token must never end up in a log line or a traceback.
    sender_id_secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)
    sender_id_secret_is_random: bool = True
    telegram_bot_token: Optional[str] = field(default=None, repr=False)
    telegram_mode: str = "polling"
    telegram_webhook_secret: Optional[str] = field(default=None, repr=False)
    telegram_webhook_url: Optional[str] = None
    telegram_webhook_host: str = "127.0.0.1"
    telegram_webhook_port: int = 8001
    telegram_webhook_path: str = "/telegram/webhook"
    telegram_api_base_url: str = "https://api.telegram.org"

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None) -> "Settings":
        env = os.environ if env is None else env

        def get(name: str) -> Optional[str]:
            value = env.get(name)
            return value.strip() if value and value.strip() else None

        kwargs: dict = {}
        for name, key, convert in [
            ("HOST", "host", str),
            ("PORT", "port", int),
            ("RASA_URL", "rasa_url", url_list),
            ("RASA_URLS", "rasa_url", url_list),  # after RASA_URL: wins when both are set
            ("RASA_ROUTING", "rasa_routing", str.lower),
            ("ACTION_SERVER_URL", "action_server_url", url_list),
            ("ACTION_SERVER_URLS", "action_server_url", url_list),
            ("RASA_TIMEOUT_S", "rasa_timeout_s", float),
            ("RATE_LIMIT", "rate_limit", RateLimit.parse),
            ("NEW_SESSION_RATE_LIMIT", "new_session_rate_limit", RateLimit.parse),
            ("MAX_SESSIONS", "max_sessions", int),
            ("SESSION_IDLE_S", "session_idle_s", float),
            ("MAX_MESSAGE_CHARS", "max_message_chars", int),
            ("MAX_BODY_BYTES", "max_body_bytes", int),
            ("TELEGRAM_BOT_TOKEN", "telegram_bot_token", str),
            ("TELEGRAM_MODE", "telegram_mode", str.lower),
            ("TELEGRAM_WEBHOOK_SECRET", "telegram_webhook_secret", str),
            ("TELEGRAM_WEBHOOK_URL", "telegram_webhook_url", str),
            ("TELEGRAM_WEBHOOK_HOST", "telegram_webhook_host", str),
            ("TELEGRAM_WEBHOOK_PORT", "telegram_webhook_port", int),
            ("TELEGRAM_WEBHOOK_PATH", "telegram_webhook_path", str),
            ("TELEGRAM_API_BASE_URL", "telegram_api_base_url", lambda v: v.rstrip("/")),
        ]:
            value = get(name)
            if value is not None:
                try:
                    kwargs[key] = convert(value)
                except ValueError as error:
                    raise ValueError(f"{name}: {error}") from None

        secret = get("SENDER_ID_SECRET")
        if secret is not None:
            kwargs["sender_id_secret"] = secret.encode("utf-8")
            kwargs["sender_id_secret_is_random"] = False

        settings = cls(**kwargs)
        if settings.telegram_mode not in {"polling", "webhook"}:
            raise ValueError("TELEGRAM_MODE must be 'polling' or 'webhook'")
        if settings.rasa_routing not in {"conversation", "round-robin"}:
            raise ValueError("RASA_ROUTING must be 'conversation' or 'round-robin'")
        return settings

    @property
    def rasa_urls(self) -> tuple[str, ...]:
        return split_urls(self.rasa_url)

    @property
    def action_server_urls(self) -> tuple[str, ...]:
        return split_urls(self.action_server_url)

    def warn_if_secret_is_random(self) -> None:
        """Telegram sender ids are HMAC(secret, chat id): a new secret means new ids."""
        if self.sender_id_secret_is_random:
            log.warning(
                "SENDER_ID_SECRET is not set: using a random secret for this process only, so "
                "Telegram conversations will not survive a restart. Set SENDER_ID_SECRET to a "
                "long random value (e.g. python -c 'import secrets; print(secrets.token_urlsafe(32))')."
            )
