"""Which directory topic a conversation is about, from the intent that brought it there."""
from __future__ import annotations

INTENT_TOPICS = {
    "disclose_assault": "assault",
    "disclose_recent_assault": "medical_forensic",
    "disclose_harassment": "harassment",
    "disclose_image_abuse": "image_abuse",
    "disclose_grooming": "grooming",
    "disclose_adult_abuse": "adult_abuse",
    "disclose_past_abuse": "non_recent",
    "ask_does_it_count": "emotional_support",
    "disclose_friend_concern": "friend_concern",
    "disclose_self_harm": "self_harm",
    "ask_real_person": "emotional_support",
    "ask_report_police": "reporting",
    "ask_report_anonymously": "anonymous_reporting",
    "ask_staff_guidance": "staff_advice",
}

DEFAULT_TOPIC = "emotional_support"


def topic_for_intent(intent: str | None, previous_topic: str | None = None) -> str:
    """The topic for this intent; an answer such as an age keeps the topic it answers."""
    return INTENT_TOPICS.get(intent or "") or previous_topic or DEFAULT_TOPIC
