"""What an answer to the danger question means (data/safety/danger_questions.yml).

    read_answer(text, intent, buttons, yes_means) -> "safe" | "danger" | "no" |
                                                    "misunderstood" | "not_now"

Anything but a clear statement of being safe keeps the emergency route: "idk", "kinda", "...",
a question, "999", a typed "1" for the first button, a new detail ("he took my phone"), "no hes
just in the other room". Pure: the caller (bot/rasa_plugins/danger_question_policy.py) supplies the question's
buttons (Rasa's {"title", "payload"} dicts) and what a bare yes means for it ("danger" for "Are
you in danger right now?", "safe" for "Are you somewhere safe?"). Returns a label only.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from bot.safety.normalise import normalise
from bot.safety.risk import RiskData, assess_risk, default_risk_data

SAFE, DANGER, NO, MISUNDERSTOOD, NOT_NOW = "safe", "danger", "no", "misunderstood", "not_now"
ANSWERS = (SAFE, DANGER, NO, MISUNDERSTOOD, NOT_NOW)
# what a pressed button (or its typed title or number) means, by the intent of its payload
PAYLOAD_ANSWER = {
    "confirm_safe": SAFE,
    "report_immediate_danger": DANGER,
    "report_possible_danger": DANGER,
    "correct_misunderstanding": MISUNDERSTOOD,
    "say_not_now": NOT_NOW,
    "deny": NO,
}
# parts (data/safety/parts.yml) that mean danger in an answer, unless the answer is about the past
DANGER_PARTS = frozenset(
    {
        "present_person",
        "harm_now",
        "threat",
        "confined",
        "cut_off",
        "pursuit",
        "silenced",
        "fear",
        "medical_sign",
        "symptom",
        "disoriented",
        "volatile",
        "returning",
        "unwanted",
        "spiked",
        "near_me",
        "kept",
        "veiled_threat",
        "intrusion",
        "hiding",
        "coercion",
        "near_again",
        # B5's kinds: weapons, someone in the home, everyday medical signs, still with the person
        "armed",
        "intruder",
        "approaching",
        "fit",
        "body_sign",
        "serious_wound",
        "with_them",
    }
)
# cues that do not outweigh a clear statement of being safe
WEAK_WHEN_SAFE = frozenset({"fear", "symptom"})
_URGENT_LEVELS = frozenset({"emergency", "medical", "check"})
_NUMBER = re.compile(r"^\s*\(?([1-9])\s*[.)]?\s*$")
_PAYLOAD = re.compile(r"^/([a-z_]+)")


def read_answer(
    text: str,
    intent: Optional[str],
    buttons: Sequence[dict] = (),
    yes_means: str = DANGER,
    data: Optional[RiskData] = None,
) -> str:
    """Meaning of `text` as an answer to a danger question (one of ANSWERS; see module doc).

    intent: the NLU intent of the message (used only for a pressed button, whose text is the
    payload "/intent"). buttons: the question's buttons, so "1" or a typed title counts as that
    button. yes_means: DANGER or SAFE. Never raises on a str."""
    text = text or ""
    if not text.strip() and intent:
        text = f"/{intent}"  # a story step or a payload with no text: the intent is the answer
    pressed = _pressed_button(text, intent, buttons)
    if pressed is not None:
        if pressed == "affirm":
            return yes_means
        return PAYLOAD_ANSWER.get(pressed, DANGER)
    data = data or default_risk_data()
    # the word classes alone: the urgency classifier learned first messages, not answers, and in
    # an answer it could only turn a clear "safe" into danger (unsure already means danger here)
    assessment = assess_risk(text, data, use_classifier=False)
    if assessment.level in _URGENT_LEVELS:
        return DANGER
    parts = assessment.parts
    strong = (DANGER_PARTS - WEAK_WHEN_SAFE) & parts
    if "safe_now" in parts and "uncertain" not in parts and not strong:
        return SAFE  # "im safe rn, just scared about school tmrw": fear alone does not outweigh it
    if DANGER_PARTS & parts and "past" not in parts:
        return DANGER
    if "misunderstood" in parts:
        return MISUNDERSTOOD
    if "safe_now" in parts and "uncertain" not in parts:
        return SAFE
    if "bare_yes" in parts:
        return yes_means
    if "bare_no" in parts:
        return NO
    if "not_now" in parts:
        return NOT_NOW
    return DANGER


def _pressed_button(text: str, intent: Optional[str], buttons: Sequence[dict]) -> Optional[str]:
    """The intent of the button pressed, typed by title or by number; else None."""
    payload = _PAYLOAD.match(text.strip())
    if payload:
        return payload.group(1)
    number = _NUMBER.match(text)
    if number and 1 <= int(number.group(1)) <= len(buttons):
        return _payload_intent(buttons[int(number.group(1)) - 1])
    typed = normalise(text)
    for button in buttons:
        if typed and typed == normalise(button.get("title", "")):
            return _payload_intent(button)
    return None


def _payload_intent(button: dict) -> Optional[str]:
    match = _PAYLOAD.match(str(button.get("payload", "")))
    return match.group(1) if match else None
