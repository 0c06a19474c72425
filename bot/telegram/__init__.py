"""The Telegram bridge: python-telegram-bot 22 in front of the same Rasa REST channel as the web
gateway. `python -m bot.telegram` starts it (polling by default, TELEGRAM_MODE=webhook for a
webhook); see bot.telegram.settings for its settings.
What it shares with the web gateway is in bot.channels; it imports nothing from the gateway's
package (tests/test_import_rules.py)."""
