"""Settings both channels read from the environment: where Rasa and the action server are, how
long to wait, and what a conversation may send. The web gateway's own settings are in
bot.web.settings, the Telegram bridge's in bot.telegram.settings; each extends this one.

Every setting has a documented default that is safe on a developer's machine: Rasa and the action
server are expected on 127.0.0.1.

| variable               | default                    | meaning                                          |
|------------------------|----------------------------|--------------------------------------------------|
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
| RATE_LIMIT             | 20/minute                  | messages per conversation (a web session, a      |
|                        |                            | Telegram chat): "N/second", "N/minute", "N/hour" |
| MAX_MESSAGE_CHARS      | 2000                       | longer messages are refused kindly               |
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable, ClassVar, Mapping, Optional

from bot.channels.rasa_client import ROUTINGS
from bot.channels.rate_limits import RateLimit

# (environment variable, field, conversion); a later row for the same field wins when both are set
EnvTable = tuple[tuple[str, str, Callable[[str], Any]], ...]


def url_list(text: str) -> str:
    """'http://a:1/, http://b:2' -> 'http://a:1,http://b:2' (one or more URLs, comma-separated)."""
    urls = [part.strip().rstrip("/") for part in text.split(",")]
    if not all(urls):
        raise ValueError(f"{text!r} is not a comma-separated list of URLs")
    return ",".join(urls)


def split_urls(text: str) -> tuple[str, ...]:
    return tuple(url_list(text).split(","))


def env_value(env: Mapping[str, str], name: str) -> Optional[str]:
    """The variable's value without surrounding blanks; None when unset or blank."""
    value = env.get(name)
    return value.strip() if value and value.strip() else None


@dataclass(frozen=True)
class ChannelSettings:
    # one URL, or several separated by commas (RASA_URLS): the RasaClient spreads messages
    # across them; `rasa_urls` gives them as a tuple
    rasa_url: str = "http://127.0.0.1:5005"
    rasa_routing: str = "conversation"  # or "round-robin" (bot.channels.rasa_client.ROUTINGS)
    action_server_url: str = "http://127.0.0.1:5055"
    rasa_timeout_s: float = 3.0
    rate_limit: RateLimit = RateLimit(20, 60.0)
    max_message_chars: int = 2000

    ENV: ClassVar[EnvTable] = (
        ("RASA_URL", "rasa_url", url_list),
        ("RASA_URLS", "rasa_url", url_list),  # after RASA_URL: wins when both are set
        ("RASA_ROUTING", "rasa_routing", str.lower),
        ("ACTION_SERVER_URL", "action_server_url", url_list),
        ("ACTION_SERVER_URLS", "action_server_url", url_list),
        ("RASA_TIMEOUT_S", "rasa_timeout_s", float),
        ("RATE_LIMIT", "rate_limit", RateLimit.parse),
        ("MAX_MESSAGE_CHARS", "max_message_chars", int),
    )

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None):
        """The settings from `env` (os.environ by default). Raises ValueError naming the variable
        that is malformed."""
        env = os.environ if env is None else env
        kwargs: dict[str, Any] = {}
        for name, key, convert in cls.ENV:
            value = env_value(env, name)
            if value is not None:
                try:
                    kwargs[key] = convert(value)
                except ValueError as error:
                    raise ValueError(f"{name}: {error}") from None
        kwargs.update(cls.extra_from_env(env))
        settings = cls(**kwargs)
        settings.check()
        return settings

    @classmethod
    def extra_from_env(cls, env: Mapping[str, str]) -> dict[str, Any]:
        """Fields that take more than one conversion (a subclass's own)."""
        return {}

    def check(self) -> None:
        """Raises ValueError for a combination of values that cannot work."""
        if self.rasa_routing not in ROUTINGS:
            raise ValueError("RASA_ROUTING must be 'conversation' or 'round-robin'")

    @property
    def rasa_urls(self) -> tuple[str, ...]:
        return split_urls(self.rasa_url)

    @property
    def action_server_urls(self) -> tuple[str, ...]:
        return split_urls(self.action_server_url)
