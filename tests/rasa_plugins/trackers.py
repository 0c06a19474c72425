"""Trackers for the conversation policies' tests (TopicFollowUpPolicy, QuestionAnswerPolicy,
TrustedAdultPolicy): one way to write a user message and a conversation, not one per test file."""

from __future__ import annotations

from pathlib import Path

from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_plugins.danger_question_policy import DangerQuestionPolicy


def created_policy(cls, storage_dir: Path):
    """A policy class as Rasa builds it (its default config), its model storage in `storage_dir`."""
    context = ExecutionContext(graph_schema=GraphSchema({}), model_id="test")
    return cls.create(
        cls.get_default_config(), LocalModelStorage(storage_dir), Resource(cls.__name__), context
    )


def danger_question_policy(storage_dir: Path) -> DangerQuestionPolicy:
    """DangerQuestionPolicy as Rasa builds it (default config), its model storage in `storage_dir`."""
    return created_policy(DangerQuestionPolicy, storage_dir)


def listened_then(message: UserUttered) -> list:
    """The events of one user turn: Rasa listened, then the user said `message`."""
    return [ActionExecuted(ACTION_LISTEN_NAME), message]


def bot_turn(action: str, buttons: list[dict] | None = None) -> list:
    """The events of one bot response: the action ran and said its text with these buttons."""
    return [ActionExecuted(action), BotUttered(action, {"buttons": buttons or []})]


def user(
    text: str,
    intent: str = "nlu_fallback",
    model_intent: str | None = None,
    level: str | None = None,
    by_classifier: bool = False,
    rules: tuple[str, ...] = (),
    parts: tuple[str, ...] = (),
) -> UserUttered:
    """A user message as Rasa stores it, with SafetyNet's parse data when given: model_intent (the
    model's own intent when the risk stage replaced it), the stage's level, whether the urgency
    classifier alone gave it, the rules (combination ids) it matched and the parts it found."""
    parse = {"intent": {"name": intent, "confidence": 1.0}, "text": text}
    stage = (
        {"level": level, "by_classifier": by_classifier, "rules": list(rules), "parts": sorted(parts)}
        if level
        else {}
    )
    if model_intent:
        stage["model_intent"] = {"name": model_intent, "confidence": 0.9}
    if stage:
        parse["safety_net"] = stage
    return UserUttered(text, intent={"name": intent, "confidence": 1.0}, parse_data=parse)


def tracker(*events, adult: str | None = None) -> DialogueStateTracker:
    """A conversation after these events; adult: the trusted_adult slot ("staff", "parent_carer")."""
    conversation = DialogueStateTracker.from_events("t", [ActionExecuted("action_listen")])
    if adult:
        conversation.update(SlotSet("trusted_adult", adult))
    for event in events:
        conversation.update(event)
    return conversation


def predicted(policy, tracker: DialogueStateTracker, domain) -> str | None:
    """The action `policy` predicts with certainty for `tracker`, or None when it abstains."""
    prediction = policy.predict_action_probabilities(tracker, domain)
    if max(prediction.probabilities) == 0:
        return None
    return domain.action_names_or_texts[prediction.max_confidence_index]


def plays(next_action, tracker: DialogueStateTracker, *actions: str) -> None:
    """Assert that a policy's next_action picks `actions` in order, running each on `tracker`
    (ActionExecuted) before asking for the next: one turn's plan, e.g. ("utter_x", "action_listen")."""
    for action in actions:
        assert next_action(tracker) == action, (action, tracker.latest_message.text)
        tracker.update(ActionExecuted(action))
