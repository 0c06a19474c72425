"""The Telegram bridge's settings, read from the environment: those both channels share
(bot.channels.settings: Rasa's address, the timeout, RATE_LIMIT, MAX_MESSAGE_CHARS) and these.

| variable               | default                    | meaning                                          |
|------------------------|----------------------------|--------------------------------------------------|
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
import secrets
from dataclasses import dataclass, field
from typing import Any, ClassVar, Mapping, Optional

from bot.channels.settings import ChannelSettings, EnvTable, env_value

log = logging.getLogger(__name__)

MODES = ("polling", "webhook")


@dataclass(frozen=True)
class Settings(ChannelSettings):
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

    ENV: ClassVar[EnvTable] = ChannelSettings.ENV + (
        ("TELEGRAM_BOT_TOKEN", "telegram_bot_token", str),
        ("TELEGRAM_MODE", "telegram_mode", str.lower),
        ("TELEGRAM_WEBHOOK_SECRET", "telegram_webhook_secret", str),
        ("TELEGRAM_WEBHOOK_URL", "telegram_webhook_url", str),
        ("TELEGRAM_WEBHOOK_HOST", "telegram_webhook_host", str),
        ("TELEGRAM_WEBHOOK_PORT", "telegram_webhook_port", int),
        ("TELEGRAM_WEBHOOK_PATH", "telegram_webhook_path", str),
        ("TELEGRAM_API_BASE_URL", "telegram_api_base_url", lambda v: v.rstrip("/")),
    )

    @classmethod
    def extra_from_env(cls, env: Mapping[str, str]) -> dict[str, Any]:
        secret = env_value(env, "SENDER_ID_SECRET")
        if secret is None:
            return {}
        return {"sender_id_secret": secret.encode("utf-8"), "sender_id_secret_is_random": False}

    def check(self) -> None:
        super().check()
        if self.telegram_mode not in MODES:
            raise ValueError("TELEGRAM_MODE must be 'polling' or 'webhook'")

    def warn_if_secret_is_random(self) -> None:
        """Telegram sender ids are HMAC(secret, chat id): a new secret means new ids."""
        if self.sender_id_secret_is_random:
            log.warning(
                "SENDER_ID_SECRET is not set: using a random secret for this process only, so "
                "Telegram conversations will not survive a restart. Set SENDER_ID_SECRET to a "
                "long random value (e.g. python -c 'import secrets; print(secrets.token_urlsafe(32))')."
            )
