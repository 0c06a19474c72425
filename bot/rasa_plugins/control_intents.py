"""Rasa's own control intents: restart, back and session_start.

RulePolicy maps each to Rasa's default action (action_restart, action_back,
action_session_start) "at any time"; a policy of ours with a higher priority would take that
turn away. The channels forget a conversation by sending "/restart" ("Delete this chat", quick
exit, Telegram /forget: bot.channels.forget), so a policy that answered it would leave the
conversation stored: right after a danger question DangerQuestionPolicy read "/restart" as an
unsure answer and sent the emergency steps again, and the text stayed in the tracker store.
Every policy of ours abstains on these intents (their base: bot/rasa_plugins/single_action_policy.py).
"""

from __future__ import annotations

from rasa.core.policies.rule_policy import DEFAULT_ACTION_MAPPINGS
from rasa.shared.core.events import UserUttered

CONTROL_INTENTS = frozenset(DEFAULT_ACTION_MAPPINGS)  # {"restart", "back", "session_start"}


def is_control_message(user: UserUttered) -> bool:
    """True when the user message's intent is one of Rasa's control intents."""
    return (user.intent or {}).get("name") in CONTROL_INTENTS
