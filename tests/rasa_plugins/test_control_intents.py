"""Rasa's control intents (bot/rasa_plugins/control_intents.py) stay with RulePolicy: every policy
of ours named in config.yml abstains on "/restart", "/back" and "/session_start", wherever the
conversation is. A channel's forget is a "/restart"; answered by another policy, the
conversation stayed stored (the canary scan caught it right after a danger question)."""

from importlib import import_module
from pathlib import Path

import pytest
import yaml
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_plugins.control_intents import CONTROL_INTENTS, is_control_message
from tests.rasa_plugins.trackers import bot_turn, created_policy, listened_then, user

REPO = Path(__file__).resolve().parents[2]
DOMAIN = Domain.load(str(REPO / "domain.yml"))
OUR_POLICIES = [
    entry["name"]
    for entry in yaml.safe_load((REPO / "config.yml").read_text(encoding="utf-8"))["policies"]
    if entry["name"].startswith("bot.")
]


def _policy(dotted: str, storage_dir: Path):
    module, name = dotted.rsplit(".", 1)
    return created_policy(getattr(import_module(module), name), storage_dir)


def _said(text: str, intent: str) -> list:
    return listened_then(user(text, intent))


_bot = bot_turn


# where each of our policies would otherwise answer the next message
PLACES = {
    "after a danger question": _said("hes hitting me right now", "report_immediate_danger")
    + _bot("utter_emergency")
    + _bot("utter_ask_in_danger_now", [{"title": "Yes", "payload": "/affirm"}]),
    "after the emergency steps": _said("hes hitting me", "report_immediate_danger")
    + _bot("utter_emergency_next_steps"),
    "after a disclosure": _said("a boy at school keeps grabbing me", "disclose_harassment")
    + _bot("utter_acknowledge_harassment"),
    "in a staff member's conversation": [SlotSet("trusted_adult", "staff")]
    + _said("a pupil told me something at break", "ask_staff_guidance")
    + _bot("utter_staff_guidance"),
}


def _tracker(place: str, control: str) -> DialogueStateTracker:
    events = PLACES[place] + _said(f"/{control}", control)
    return DialogueStateTracker.from_events("t", events, DOMAIN.slots)


@pytest.fixture(scope="module")
def policies(tmp_path_factory):
    return {name: _policy(name, tmp_path_factory.mktemp("storage")) for name in OUR_POLICIES}


def test_the_control_intents_are_rasas_own():
    assert CONTROL_INTENTS == {"restart", "back", "session_start"}
    assert is_control_message(UserUttered("/restart", {"name": "restart"}))
    assert not is_control_message(UserUttered("restart the game", {"name": "nlu_fallback"}))


def test_config_names_our_policies():
    assert len(OUR_POLICIES) >= 4  # a rename in config.yml must not empty this test


@pytest.mark.parametrize("control", sorted(CONTROL_INTENTS))
@pytest.mark.parametrize("place", sorted(PLACES))
def test_every_policy_of_ours_abstains_on_a_control_intent(policies, place, control):
    tracker = _tracker(place, control)
    answered = {}
    for name, policy in policies.items():
        prediction = policy.predict_action_probabilities(tracker, DOMAIN)
        if max(prediction.probabilities) > 0:
            answered[name] = DOMAIN.action_names_or_texts[prediction.max_confidence_index]
    assert answered == {}


def test_the_same_places_are_answered_without_a_control_intent(policies):
    # the test above would pass with policies that never answer: after a danger question an
    # unsure answer is still the danger policy's
    events = PLACES["after a danger question"] + _said("idk", "out_of_scope")
    tracker = DialogueStateTracker.from_events("t", events, DOMAIN.slots)
    danger = policies["bot.rasa_plugins.danger_question_policy.DangerQuestionPolicy"]
    prediction = danger.predict_action_probabilities(tracker, DOMAIN)
    assert DOMAIN.action_names_or_texts[prediction.max_confidence_index] == "utter_emergency_next_steps"
