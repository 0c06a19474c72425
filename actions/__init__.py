"""Custom actions served by rasa_sdk on 127.0.0.1:5055. Thin wrappers over bot.conversation."""
