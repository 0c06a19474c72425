"""The Telegram bridge: python-telegram-bot 22 in front of the same Rasa REST channel as the web
gateway. `python -m bot.telegram` starts it (polling by default, TELEGRAM_MODE=webhook for a
webhook); see bot.web.settings for its settings."""
