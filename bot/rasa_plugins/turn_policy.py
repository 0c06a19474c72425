"""What the conversation policies share (TrustedAdultPolicy, TopicFollowUpPolicy): a Rasa policy
that is not trained and predicts one action with certainty, or abstains, from a view of the
latest turn.

    latest_turn(tracker) -> Turn | None   the newest user message, the actions run since it and
                                          the actions before it (listen and slot extraction left
                                          out), and the user messages before it, newest first
    danger_questions() -> frozenset       the danger questions (data/safety/danger_questions.yml):
                                          an answer to one belongs to DangerQuestionPolicy
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.safety.lexicon import DEFAULT_DIR
from bot.rasa_plugins.control_intents import is_control_message
from bot.rasa_plugins.danger_question_policy import QUESTIONS_FILE, load_danger_questions

EXTRACT_SLOTS = "action_extract_slots"


@dataclass(frozen=True)
class Turn:
    user: UserUttered
    since: list[str]  # actions run since the user's message
    before: list[str]  # actions before it, oldest first
    earlier: list[UserUttered]  # the user's earlier messages, newest first

    @property
    def intent(self) -> Optional[str]:
        return (self.user.intent or {}).get("name")


def _actions(events) -> list[str]:
    return [
        e.action_name
        for e in events
        if isinstance(e, ActionExecuted) and e.action_name not in (ACTION_LISTEN_NAME, EXTRACT_SLOTS)
    ]


def latest_turn(tracker: DialogueStateTracker) -> Optional[Turn]:
    """The view of the newest user message (None before the first one)."""
    events = list(tracker.events)
    index = next((i for i in range(len(events) - 1, -1, -1) if isinstance(events[i], UserUttered)), None)
    if index is None:
        return None
    return Turn(
        user=events[index],
        since=_actions(events[index + 1 :]),
        before=_actions(events[:index]),
        earlier=[e for e in reversed(events[:index]) if isinstance(e, UserUttered)],
    )


@lru_cache(maxsize=1)
def danger_questions() -> frozenset:
    return frozenset(load_danger_questions(DEFAULT_DIR / QUESTIONS_FILE))


class TurnPolicy(Policy):
    """Base: subclasses set DEFAULT_PRIORITY and NEXT_ACTION (a function of the tracker giving an
    action name, or None to abstain), and register themselves with DefaultV1Recipe. Every
    subclass abstains on Rasa's control intents (restart, back, session_start)."""

    DEFAULT_PRIORITY = 1
    NEXT_ACTION = staticmethod(lambda tracker: None)

    @classmethod
    def get_default_config(cls) -> Dict[Text, Any]:
        return {"priority": cls.DEFAULT_PRIORITY}

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        featurizer=None,
    ) -> None:
        super().__init__(config, model_storage, resource, execution_context, featurizer)

    def train(
        self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        latest = tracker.latest_message
        # Rasa's control intents belong to RulePolicy (bot/rasa_plugins/control_intents.py)
        action = None if latest is not None and is_control_message(latest) else self.NEXT_ACTION(tracker)
        probabilities = self._default_predictions(domain)
        if action is not None and action in domain.action_names_or_texts:
            probabilities[domain.index_for_action(action)] = 1.0
        return self._prediction(probabilities)
