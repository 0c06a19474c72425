"""What our dialogue policies share: not trained, each predicts one action with certainty or
abstains (an all-zero prediction), and every one of them abstains on Rasa's control intents
(restart, back, session_start), which RulePolicy answers with Rasa's own actions: the channels
forget a conversation by sending "/restart" (bot/rasa_plugins/control_intents.py).

    class MyPolicy(SingleActionPolicy):
        DEFAULT_PRIORITY = 9
        NEXT_ACTION = staticmethod(next_action)   # tracker -> action name | None
    or override next_action(self, tracker) when the policy holds state of its own.
A turn's several actions are a plan stepped through with next_in_plan(plan, since).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.conversation import turn_memo
from bot.rasa_plugins.control_intents import is_control_message


def next_in_plan(plan: List[str], since: List[str]) -> Optional[str]:
    """The next action of `plan` (action names, in order) given the actions run since the user's
    message: action_listen once all have run; None when what ran is not this plan."""
    if since == plan:
        return ACTION_LISTEN_NAME
    return plan[len(since)] if since == plan[: len(since)] else None


class SingleActionPolicy(Policy):
    DEFAULT_PRIORITY = 1
    NEXT_ACTION = staticmethod(lambda tracker: None)

    @classmethod
    def get_default_config(cls) -> Dict[Text, Any]:
        return {"priority": cls.DEFAULT_PRIORITY}

    def train(
        self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        return self._resource

    def next_action(self, tracker: DialogueStateTracker) -> Optional[str]:
        """The action to run now, or None to leave the turn to the other policies."""
        return self.NEXT_ACTION(tracker)

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        latest = tracker.latest_message
        # the words of this message and its conversation are read once while it is handled, not
        # once per policy and prediction (bot.conversation.turn_memo)
        with turn_memo.handling(latest):
            action = None if latest is not None and is_control_message(latest) else self.next_action(tracker)
        probabilities = self._default_predictions(domain)
        if action is not None and action in domain.action_names_or_texts:
            probabilities[domain.index_for_action(action)] = 1.0
        return self._prediction(probabilities)
