"""TrustedAdultPolicy: once a trusted adult is writing (slot `trusted_adult`: "staff" or
"parent_carer", from the TrustedAdultSpeaker entity), answer their turns with the guidance for the
situation they describe, never with the replies written for a young person who was harmed.

A Rasa policy (config.yml; priority 8, above DangerQuestionPolicy's 7 and RulePolicy's 6; not
trained). On the turn after an adult's message whose intent is in ADULT_TURN_INTENTS it predicts
`utter_staff_<situation>` or `utter_parent_<situation>` (bot.conversation.trusted_adults reads the
situation from the adult's messages, newest first); for staff situations that need the borough's
front door or LADO it then predicts action_give_staff_guidance; then action_listen. The same
response twice in a row becomes the short utter_trusted_adult_more (no full repeat).

It abstains (all-zero prediction) when no trusted adult is writing, right after a danger question
(DangerQuestionPolicy answers), while a form is active, and for intents with their own replies:
danger now, medical emergencies, self-harm and other languages keep their 999-first rules for
adults too, and privacy, forgetting, "not now", greetings and borough answers keep theirs.
Every response it names is in domain.yml, so it needs no action server except for the borough's
routes.
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

from bot.conversation.trusted_adults import GENERAL, situation_of

DEFAULT_PRIORITY = 8
SLOT = "trusted_adult"
EXTRACT_SLOTS = "action_extract_slots"
DANGER_QUESTIONS = frozenset({"utter_ask_in_danger_now", "utter_recheck_danger",
                              "utter_emergency_next_steps", "utter_safety_check"})
# the adult's turns this policy answers; every other intent keeps its own rule
ADULT_TURN_INTENTS = frozenset({
    "nlu_fallback", "out_of_scope", "affirm", "deny", "ask_help_options", "challenge_bot",
    "start_disclosure", "disclose_assault", "disclose_harassment", "disclose_image_abuse",
    "disclose_grooming", "disclose_adult_abuse", "disclose_past_abuse", "ask_does_it_count",
    "disclose_friend_concern", "disclose_recent_assault", "report_possible_danger",
    "confirm_safe", "correct_misunderstanding", "ask_report_police", "ask_report_anonymously",
    "ask_what_happens_after_report", "ask_will_others_find_out", "ask_is_it_my_fault",
    "ask_real_person", "ask_staff_guidance",
})
# staff situations whose answer needs the borough's children's services front door and LADO
NEEDS_BOROUGH_ROUTES = frozenset({"disclosure", "staff_allegation", "exploitation", GENERAL})
STAFF_GENERAL = "utter_staff_guidance"  # the DSL steps every member of staff gets
PARENT_SITUATIONS = {"staff_allegation": "disclosure", "harassment": "disclosure"}
FOLLOW_ON = "action_give_staff_guidance"
SAME_AGAIN = "utter_trusted_adult_more"


def guidance_response(speaker: str, situation: str) -> str:
    """The domain response for a trusted adult's situation (names in domain.yml)."""
    if speaker == "staff":
        return STAFF_GENERAL if situation == GENERAL else f"utter_staff_{situation}"
    return f"utter_parent_{PARENT_SITUATIONS.get(situation, situation)}"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False
)
class TrustedAdultPolicy(Policy):
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


def next_action(tracker: DialogueStateTracker) -> Optional[str]:
    """The action to run now for a trusted adult's turn, or None to leave it to the others."""
    speaker = tracker.get_slot(SLOT)
    if speaker not in ("staff", "parent_carer") or tracker.active_loop_name:
        return None
    events = list(tracker.events)
    user_index = next((i for i in range(len(events) - 1, -1, -1)
                       if isinstance(events[i], UserUttered)), None)
    if user_index is None:
        return None
    user = events[user_index]
    if (user.intent or {}).get("name") not in ADULT_TURN_INTENTS:
        return None
    since = [e.action_name for e in events[user_index + 1:] if isinstance(e, ActionExecuted)
             and e.action_name not in (ACTION_LISTEN_NAME, EXTRACT_SLOTS)]
    before = [e.action_name for e in events[:user_index] if isinstance(e, ActionExecuted)
              and e.action_name not in (ACTION_LISTEN_NAME, EXTRACT_SLOTS)]
    if before and before[-1] in DANGER_QUESTIONS:
        return None
    texts = [e.text or "" for e in reversed(events[:user_index + 1]) if isinstance(e, UserUttered)]
    situation = situation_of(texts)
    response = guidance_response(speaker, situation)
    if not since:
        return SAME_AGAIN if before and before[-1] in (response, FOLLOW_ON) and \
            _last_guidance(before) == response else response
    if since == [response] and speaker == "staff" and situation in NEEDS_BOROUGH_ROUTES:
        return FOLLOW_ON
    if since[0] in (response, SAME_AGAIN):
        return ACTION_LISTEN_NAME
    return None


def _last_guidance(actions: list[str]) -> Optional[str]:
    """The last guidance response given in the conversation (None if none yet)."""
    return next((a for a in reversed(actions)
                 if a.startswith(("utter_staff_", "utter_parent_"))), None)
