"""bot/channels/settings.py and the two channels' settings built on it (bot/web/settings.py,
bot/telegram/settings.py): the documented defaults, read from the environment, refused when
wrong."""

from __future__ import annotations

import pytest

from bot.channels.rate_limits import RateLimit
from bot.telegram.settings import Settings as TelegramSettings
from bot.web.settings import Settings


def test_settings_defaults_match_the_documented_contract():
    settings = Settings.from_env({})
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)
    assert settings.rasa_url == "http://127.0.0.1:5005"
    assert settings.action_server_url == "http://127.0.0.1:5055"
    assert settings.rasa_timeout_s == 3 and settings.max_message_chars == 2000
    assert settings.max_body_bytes == 16384 and settings.rate_limit == RateLimit(20, 60)
    telegram = TelegramSettings.from_env({})
    assert telegram.rate_limit == RateLimit(20, 60) and telegram.max_message_chars == 2000
    assert telegram.telegram_mode == "polling" and telegram.telegram_bot_token is None
    assert telegram.sender_id_secret_is_random and len(telegram.sender_id_secret) == 32
    assert "secret" not in repr(telegram).lower().replace("sender_id_secret_is_random", "")


def test_settings_from_environment():
    settings = Settings.from_env(
        {"PORT": "9001", "RATE_LIMIT": "5/second", "RASA_URL": "http://127.0.0.1:1/"}
    )
    assert settings.port == 9001 and settings.rate_limit == RateLimit(5, 1.0)
    assert settings.rasa_url == "http://127.0.0.1:1"
    telegram = TelegramSettings.from_env(
        {"RATE_LIMIT": "5/second", "SENDER_ID_SECRET": "s3cret", "TELEGRAM_MODE": "WEBHOOK"}
    )
    assert telegram.rate_limit == RateLimit(5, 1.0)
    assert telegram.sender_id_secret == b"s3cret" and not telegram.sender_id_secret_is_random
    assert telegram.telegram_mode == "webhook"
    for bad in [{"PORT": "x"}, {"RATE_LIMIT": "lots"}, {"RASA_ROUTING": "random"}]:
        with pytest.raises(ValueError):
            Settings.from_env(bad)
    for bad in [{"RATE_LIMIT": "lots"}, {"TELEGRAM_MODE": "carrier-pigeon"}]:
        with pytest.raises(ValueError):
            TelegramSettings.from_env(bad)
