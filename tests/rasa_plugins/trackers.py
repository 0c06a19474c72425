"""Trackers for the conversation policies' tests (TopicFollowUpPolicy, QuestionAnswerPolicy,
TrustedAdultPolicy): one way to write a user message and a conversation, not one per test file."""

from __future__ import annotations

from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker


def user(text: str, intent: str = "nlu_fallback", model_intent: str | None = None) -> UserUttered:
    """A user message as Rasa stores it; model_intent: the model's own intent when the risk stage
    replaced it (SafetyNet's parse data)."""
    parse = {"intent": {"name": intent, "confidence": 1.0}, "text": text}
    if model_intent:
        parse["safety_net"] = {"model_intent": {"name": model_intent, "confidence": 0.9}}
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
