"""TrustedAdultPolicy: once a trusted adult is writing (slot `trusted_adult`: "staff" or
"parent_carer", from the TrustedAdultSpeaker entity), answer their turns with the guidance for the
situation they describe, never with the replies written for a young person who was harmed.

A Rasa policy (config.yml; priority 8, above DangerQuestionPolicy's 7 and RulePolicy's 6; not
trained). On the turn after an adult's message whose intent is in ADULT_TURN_INTENTS it predicts
`utter_staff_<situation>` or `utter_parent_<situation>` (bot.conversation.trusted_adults reads the
situation from the adult's messages, newest first); for staff situations that need the borough's
front door or LADO it then predicts action_give_staff_guidance; then action_listen. Guidance
already given in the conversation becomes the short utter_trusted_adult_more (no full repeat).

It abstains (all-zero prediction) when no trusted adult is writing, right after a danger question
(DangerQuestionPolicy answers), while a form is active, and for intents with their own replies:
danger now, medical emergencies, self-harm and other languages keep their 999-first rules for
adults too, and privacy, forgetting, "not now", greetings and borough answers keep theirs.
Every response it names is in domain.yml, so it needs no action server except for the borough's
routes.
"""

from __future__ import annotations

from typing import Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.trackers import DialogueStateTracker

from bot.conversation.trusted_adults import GENERAL, situation_of
from bot.rasa_plugins.single_action_policy import SingleActionPolicy
from bot.rasa_plugins.turn_policy import danger_questions, latest_turn

DEFAULT_PRIORITY = 8
SLOT = "trusted_adult"
# the adult's turns this policy answers; every other intent keeps its own rule
ADULT_TURN_INTENTS = frozenset(
    {
        "nlu_fallback",
        "out_of_scope",
        "affirm",
        "deny",
        "ask_help_options",
        "challenge_bot",
        "start_disclosure",
        "disclose_assault",
        "disclose_harassment",
        "disclose_image_abuse",
        "disclose_grooming",
        "disclose_adult_abuse",
        "disclose_past_abuse",
        "ask_does_it_count",
        "disclose_friend_concern",
        "disclose_recent_assault",
        "report_possible_danger",
        "confirm_safe",
        "correct_misunderstanding",
        "ask_report_police",
        "ask_report_anonymously",
        "ask_what_happens_after_report",
        "ask_will_others_find_out",
        "ask_is_it_my_fault",
        "ask_real_person",
        "ask_staff_guidance",
        # the model reads "she goes home at 3:15" as an age; an adult's ages are read by the
        # AgeExtractor whatever the intent, so the turn is still the adult's (C3's first run)
        "inform_age",
    }
)
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


def next_action(tracker: DialogueStateTracker) -> Optional[str]:
    """The action to run now for a trusted adult's turn, or None to leave it to the others."""
    speaker = tracker.get_slot(SLOT)
    if speaker not in ("staff", "parent_carer") or tracker.active_loop_name:
        return None
    turn = latest_turn(tracker)
    if turn is None or turn.intent not in ADULT_TURN_INTENTS:
        return None
    since, before = turn.since, turn.before
    if before and before[-1] in danger_questions():
        return None
    situation = situation_of([turn.user.text or ""] + [e.text or "" for e in turn.earlier])
    response = guidance_response(speaker, situation)
    if not since:
        # guidance already given in this conversation is not given again word for word: the short
        # "the steps above still apply" instead (and the full guidance if that was just said)
        given = response in before
        return SAME_AGAIN if given and (not before or before[-1] != SAME_AGAIN) else response
    if since == [response] and speaker == "staff" and situation in NEEDS_BOROUGH_ROUTES:
        return FOLLOW_ON
    if since[0] in (response, SAME_AGAIN):
        return ACTION_LISTEN_NAME
    return None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False)
class TrustedAdultPolicy(SingleActionPolicy):
    DEFAULT_PRIORITY = DEFAULT_PRIORITY
    NEXT_ACTION = staticmethod(next_action)
