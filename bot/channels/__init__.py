"""What both channels (bot.web, bot.telegram) share: the Rasa client (rasa_client) and the
reply it returns (reply, errors), worker routing (routing), which payloads may reach Rasa
(payloads), cleaning typed text (typed_text), rate limits (rate_limits), forgetting a
conversation (forget), the static safety reply (safety_text), the settings both read
(settings) and aiohttp's access log (access_log). Nothing here imports a channel."""
