"""The web gateway: the chat page (works without JavaScript: the form POSTs to /chat), /api/chat
(a proxy to Rasa's REST channel), /api/transcript (the conversation so far, for a reload),
/api/forget, quick exit and /quick-exit, /privacy, /services (for young people),
/admin/directory (the administrators' export) and /healthz. `python -m bot.web` serves it; see
bot.web.settings. What it shares with the Telegram bridge is in bot.channels."""
