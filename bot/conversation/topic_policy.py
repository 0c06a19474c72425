"""TopicFollowUpPolicy: a young person's conversation keeps what they disclosed and comes back to
it (issue 13 items 1, 2 and 6).

A Rasa policy (config.yml; priority 9; not trained). The topic is the newest disclosure in the
conversation (bot.conversation.topics.conversation_topic: the intent's topic, an image or
sextortion cue in the words, or the model's own intent when the risk stage answered first).

- A follow-up after a disclosure ("yes please", "what now", "help", a message the model could
  not read, "idk what to do") gets utter_topic_followup (belief, and Childline by name, from the
  domain so it works without the action server) then action_continue_topic (the topic's own first
  routes, not the whole list again), then action_listen; never "Sorry, I'm not sure I understood"
  or the main menu.
- A weak intent (start_disclosure, nlu_fallback) whose words show a nude image or sextortion is
  answered as image abuse: utter_acknowledge_image_abuse, action_signpost.
- After "I'm glad you're safe" (DangerQuestionPolicy's reply to a clear "safe"), a disclosure
  made earlier is acknowledged with its routes: action_continue_topic. After the emergency route
  is kept (utter_emergency_next_steps: 999 first, the marker) the same routes follow it, so
  ongoing abuse told before the danger check is never left with 999 alone.

It abstains when a trusted adult is writing (TrustedAdultPolicy), right after a danger question
(DangerQuestionPolicy), while a form is active, and for every other intent.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.conversation.topics import IMAGE_TOPIC, conversation_topic, topic_of_turn
from bot.conversation.trusted_adult_policy import DANGER_QUESTIONS, EXTRACT_SLOTS

DEFAULT_PRIORITY = 9
FOLLOW_UP_INTENTS = frozenset({"nlu_fallback", "affirm", "ask_help_options", "confirm_safe",
                               "out_of_scope", "start_disclosure"})
WEAK_INTENTS = frozenset({"nlu_fallback", "start_disclosure"})
FOLLOW_UP = "utter_topic_followup"
CONTINUE = "action_continue_topic"
IMAGE_ACK, SIGNPOST = "utter_acknowledge_image_abuse", "action_signpost"
GLAD_SAFE, NEXT_STEPS = "utter_glad_safe", "utter_emergency_next_steps"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False
)
class TopicFollowUpPolicy(Policy):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"priority": DEFAULT_PRIORITY}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 execution_context: ExecutionContext, featurizer=None) -> None:
        super().__init__(config, model_storage, resource, execution_context, featurizer)

    def train(self, training_trackers: List[TrackerWithCachedStates], domain: Domain,
              **kwargs: Any) -> Resource:
        return self._resource

    def predict_action_probabilities(self, tracker: DialogueStateTracker, domain: Domain,
                                     rule_only_data: Optional[Dict[Text, Any]] = None,
                                     **kwargs: Any) -> PolicyPrediction:
        action = next_action(tracker)
        probabilities = self._default_predictions(domain)
        if action is not None and action in domain.action_names_or_texts:
            probabilities[domain.index_for_action(action)] = 1.0
        return self._prediction(probabilities)


def _turn(event: UserUttered) -> tuple:
    parse = event.parse_data or {}
    model = ((parse.get("safety_net") or {}).get("model_intent") or {}).get("name")
    return (event.intent or {}).get("name"), event.text, model


def next_action(tracker: DialogueStateTracker) -> Optional[str]:
    """The action to run now, or None to leave the turn to the other policies."""
    if tracker.get_slot("trusted_adult") or tracker.active_loop_name:
        return None
    events = list(tracker.events)
    user_index = next((i for i in range(len(events) - 1, -1, -1)
                       if isinstance(events[i], UserUttered)), None)
    if user_index is None:
        return None
    user = events[user_index]
    since = [e.action_name for e in events[user_index + 1:] if isinstance(e, ActionExecuted)
             and e.action_name not in (ACTION_LISTEN_NAME, EXTRACT_SLOTS)]
    before = [e.action_name for e in events[:user_index] if isinstance(e, ActionExecuted)
              and e.action_name not in (ACTION_LISTEN_NAME, EXTRACT_SLOTS)]
    earlier = [_turn(e) for e in reversed(events[:user_index]) if isinstance(e, UserUttered)]
    intent, text, _ = _turn(user)
    if since in ([GLAD_SAFE], [NEXT_STEPS]):
        # after the danger question's answer (a clear "safe", or the emergency route kept): the
        # disclosure made before it gets its routes too, after 999 when the route was kept
        return CONTINUE if conversation_topic(earlier) else None
    if since[:1] in ([GLAD_SAFE], [NEXT_STEPS]):
        return ACTION_LISTEN_NAME if since[-1] == CONTINUE else None
    if before and before[-1] in DANGER_QUESTIONS:
        return None
    plan = _plan(intent, text, earlier)
    if plan is None or since == plan:
        return ACTION_LISTEN_NAME if plan else None
    return plan[len(since)] if since == plan[:len(since)] else None


def _plan(intent: Optional[str], text: Optional[str], earlier: list) -> Optional[list[str]]:
    if intent in WEAK_INTENTS and topic_of_turn(intent, text) == IMAGE_TOPIC:
        return [IMAGE_ACK, SIGNPOST]
    if intent in FOLLOW_UP_INTENTS and conversation_topic(earlier):
        return [FOLLOW_UP, CONTINUE]
    return None
