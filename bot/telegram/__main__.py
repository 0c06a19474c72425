"""`python -m bot.telegram`: start the Telegram bridge (polling, or TELEGRAM_MODE=webhook)."""

from __future__ import annotations

import asyncio
import sys

from telegram.error import TelegramError

from bot.channels.safety_text import load_safety_text
from bot.privacy import logging_policy
from bot.telegram.bridge import build_application, polling_options
from bot.telegram.settings import Settings
from bot.telegram.webhook import check_webhook_settings, serve_webhook


def quiet_library_logs() -> None:
    # httpx logs every request URL at INFO, and Bot API URLs contain the bot token;
    # python-telegram-bot logs whole updates (message text, names, ids) at DEBUG. The pins and the
    # redacting filter live in bot.privacy.logging_policy (LEVEL_PINS), shared by every process.
    logging_policy.pin_levels()


def main() -> int:
    logging_policy.configure()  # no message text, ids, IP addresses or tokens (hazard H07)
    quiet_library_logs()
    try:
        settings = Settings.from_env()
    except ValueError as error:
        print(f"The Telegram bridge cannot start: {error}", file=sys.stderr)
        return 1
    if not settings.telegram_bot_token:
        print(
            "The Telegram bridge is not started: TELEGRAM_BOT_TOKEN is not set.\n"
            "Create a bot with @BotFather, then run: TELEGRAM_BOT_TOKEN=<token> python -m bot.telegram",
            file=sys.stderr,
        )
        return 1
    try:
        if settings.telegram_mode == "webhook":
            check_webhook_settings(settings)
        text = load_safety_text()
    except Exception as error:
        print(f"The Telegram bridge cannot start: {error}", file=sys.stderr)
        return 1
    settings.warn_if_secret_is_random()
    application = build_application(settings, text)
    try:
        if settings.telegram_mode == "webhook":
            asyncio.run(serve_webhook(application, settings))
        else:
            print("Telegram bridge: polling for messages (Ctrl-C stops)", flush=True)
            application.run_polling(**polling_options())
    except TelegramError as error:
        # Only permanent errors get here (a bad token, a refused webhook URL): transient ones
        # are retried. The kind only: the text of an error is not ours to print.
        print(
            f"The Telegram bridge stopped: Telegram refused ({type(error).__name__}). "
            "Check TELEGRAM_BOT_TOKEN (and TELEGRAM_WEBHOOK_URL in webhook mode).",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
