"""Custom actions served by rasa_sdk on 127.0.0.1:5055. Thin wrappers over bot.conversation."""

from bot.privacy import logging_policy

# However the action server was started (make run, a container, `rasa run actions`): its log lines
# carry no message text, ids or IP addresses, and Sanic's access log is never written (H07).
logging_policy.install()
