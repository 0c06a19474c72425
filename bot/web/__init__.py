"""The web gateway: the chat page, /api/chat (a proxy to Rasa's REST channel), quick exit,
/privacy, /directory and /healthz. `python -m bot.web` serves it; see bot.web.settings."""
