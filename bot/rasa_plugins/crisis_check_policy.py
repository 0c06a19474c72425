"""A Rasa policy (config.yml; priority 7, above RulePolicy's 6; not trained): when the urgency
classifier ALONE reads a follow-up message as a crisis, ask first, with the crisis lines.

The classifier learned from first messages. Inside a conversation it read worry and reluctance
as suicide: "i dont want to be a snitch tho", "i cant sleep and i keep missing school", a
teacher's "can I make a referral myself or does it have to be the DSL?" (C4's first run,
docs/conversation/, 2026-11-30: 12 of 40 conversations got the suicide reply with 999). Such a
turn now gets utter_check_crisis: thanks, one direct question ("are you having thoughts of
hurting yourself or ending your life?"), Childline, Samaritans, Shout and 999, with the crisis
marker. The answer belongs to DangerQuestionPolicy (data/safety/danger_questions.yml): yes or
anything unsure gets the full crisis reply, a clear no gets a short apology and the
conversation goes on.

Unchanged: a first message (the classifier's own ground) and anything the word classes read as a
crisis ("i want to die") get utter_crisis straight away, by the rule in data/rules/urgency.yml;
an answer to a danger question stays DangerQuestionPolicy's; and the check is asked once: after
it, or after a crisis reply, a follow-up the classifier reads as a crisis gets the crisis reply.

After a crisis reply, a self-harm message that names a means at hand ("i have tablets in my
room") gets utter_crisis_means (C8): move it out of reach, 999 or A&E if any was taken, and
"have you taken anything?".

A young person's crisis told about someone else ("she said she'd kill herself") gets
utter_crisis_friend (C15), with the same crisis marker.

A young person's danger now whose words also read a crisis ("he'll send the pics to my school
tomorrow unless i pay ... id rather be dead than have my mum see them. i know where my dads
tablets are": the emergency level, with a crisis rule among its reasons) gets the emergency reply,
then utter_crisis_beside_emergency (the crisis lines, with the crisis marker), then "Are you in
danger right now?" (B21: the crisis lines were missing; the emergency level outranks crisis, and
one reply carried only one of them). A trusted adult's such message is TrustedAdultPolicy's
(utter_adult_crisis); an answer to a danger question and a turn inside a form keep their rules.

    next_action(tracker) -> "utter_check_crisis" | "utter_crisis_means" | "utter_crisis_friend"
                            | "utter_emergency" | "utter_crisis_beside_emergency"
                            | "utter_ask_in_danger_now" | "action_listen" | None
"""

from __future__ import annotations

import re
from typing import Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.trackers import DialogueStateTracker

from bot.conversation.crisis_about_others import about_someone_else
from bot.rasa_plugins.safety_net import has_crisis_cue, stage_level
from bot.rasa_plugins.single_action_policy import SingleActionPolicy, next_in_plan
from bot.rasa_plugins.turn_policy import CRISIS_INTENT, answers_a_danger_question, latest_turn

DEFAULT_PRIORITY = 7
CHECK = "utter_check_crisis"
CRISIS_REPLY = "utter_crisis"
FOLLOW_UP = "utter_crisis_followup"
# C8's first run: "i have tablets in my room", after the crisis reply, got the crisis lines again
# with no word about the tablets. After a crisis reply, a message that names a means at hand
# gets MEANS_REPLY: move it out of reach, 999 or A&E if any was taken, "have you taken anything?"
MEANS_REPLY = "utter_crisis_means"
# C15's first run: a young person's "she said shed kill herself if anyone finds out" (a friend's
# threat) got the reply written for the writer ("If you might act on these thoughts"): a crisis
# told about someone else gets FRIEND_REPLY (999 if they might act now, an adult today, the crisis
# lines for the writer), with the same crisis marker
FRIEND_REPLY = "utter_crisis_friend"
# B21: danger now that also tells of a crisis: the emergency reply, the crisis lines, the question
DANGER_NOW_INTENT = "report_immediate_danger"
EMERGENCY_WITH_CRISIS = ("utter_emergency", "utter_crisis_beside_emergency", "utter_ask_in_danger_now")
TRUSTED_ADULT_SLOT = "trusted_adult"
MEANS = re.compile(
    r"\b(tablets?|pills?|paracetamol|painkillers?|meds|medication|medicine|overdose|od|"
    r"knife|knives|blades?|razors?|sharpener|rope|belt|ligature|bleach)\b",
    re.IGNORECASE,
)


def next_action(tracker: DialogueStateTracker) -> Optional[str]:
    turn = latest_turn(tracker)
    if turn is None:
        return None
    if _danger_now_with_crisis_words(tracker, turn):
        return next_in_plan(list(EMERGENCY_WITH_CRISIS), turn.since)
    if _someone_elses_crisis(tracker, turn):
        if not turn.since:
            return FRIEND_REPLY
        return ACTION_LISTEN_NAME if turn.since == [FRIEND_REPLY] else None
    means = _means_after_crisis(turn)
    if means:
        if not turn.since:
            return MEANS_REPLY
        return ACTION_LISTEN_NAME if turn.since == [MEANS_REPLY] else None
    if not turn.crisis_by_classifier_alone:
        return None
    if not [e for e in turn.earlier if (e.text or "").strip() and not (e.text or "").startswith("/")]:
        return None  # a first message: the crisis reply itself
    if answers_a_danger_question(turn):
        return None  # an answer to a danger question: DangerQuestionPolicy's
    if CRISIS_REPLY in turn.before or FOLLOW_UP in turn.before:
        # the crisis reply was given: the follow-up is heard, with the crisis lines and 999 again,
        # not the same block (C5's first run: "no i havent done anything. im just in my room")
        reply = FOLLOW_UP
    elif CHECK in turn.before:
        return None  # asked once: the crisis reply itself, by its rule
    else:
        reply = CHECK
    if not turn.since:
        return reply
    if turn.since == [reply]:
        return ACTION_LISTEN_NAME
    return None


def _danger_now_with_crisis_words(tracker: DialogueStateTracker, turn) -> bool:
    """A young person's message the risk stage read as danger now (emergency) whose words also
    matched a crisis rule (safety_net.has_crisis_cue); not an adult's (TrustedAdultPolicy), not an
    answer to a danger question (DangerQuestionPolicy), not inside a form (its rule deactivates it)."""
    return (
        turn.intent == DANGER_NOW_INTENT
        and stage_level(turn.user.parse_data) == "emergency"
        and has_crisis_cue(turn.user.parse_data)
        and not tracker.get_slot(TRUSTED_ADULT_SLOT)
        and not tracker.active_loop_name
        and not answers_a_danger_question(turn)
    )


def _someone_elses_crisis(tracker: DialogueStateTracker, turn) -> bool:
    """A young person's crisis turn (by the words or the classifier) whose words tell of another
    person's self-harm or suicidal words and none of their own (bot.conversation
    .crisis_about_others); not an answer to a danger question, not an adult writing (their own
    crisis reply: TrustedAdultPolicy)."""
    if tracker.get_slot("trusted_adult") or answers_a_danger_question(turn):
        return False
    crisis_turn = turn.intent == CRISIS_INTENT or turn.crisis_by_classifier_alone
    return crisis_turn and about_someone_else(turn.user.text)


def _means_after_crisis(turn) -> bool:
    """A self-harm message (by the words or the classifier) naming a means at hand, after a
    crisis reply in this conversation; not an answer to a danger question."""
    if answers_a_danger_question(turn) or not MEANS.search(turn.user.text or ""):
        return False
    crisis_turn = turn.intent == CRISIS_INTENT or turn.crisis_by_classifier_alone
    return crisis_turn and any(a in turn.before for a in (CRISIS_REPLY, FOLLOW_UP, MEANS_REPLY))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False)
class CrisisCheckPolicy(SingleActionPolicy):
    DEFAULT_PRIORITY = DEFAULT_PRIORITY
    NEXT_ACTION = staticmethod(next_action)
