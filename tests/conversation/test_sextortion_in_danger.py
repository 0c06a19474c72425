"""A threat to share pictures unless the young person pays or sends more, which the risk stage
reads as a check or as danger now (a deadline: "by tonight", "in an hour"), gets "don't pay"
in the same turn as 999 and "Are you in danger right now?" (found when C19 was gated: such a
message got 999 and the danger question alone while the deadline ran; the "don't pay" came three
turns later, when the young person asked). Own words, tested both ways: look-alikes with no demand,
a danger with no picture, an answer to the danger question, "don't pay" already said, a crisis
beside the danger (CrisisCheckPolicy's) and an adult writing keep their own replies."""

from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted

from bot.conversation.trusted_adults import situation_of
from bot.rasa_plugins import topic_policy
from tests.rasa_plugins.trackers import plays, tracker, user

CHECK, DANGER = "report_possible_danger", "report_immediate_danger"
ADVICE, QUESTION = "utter_continue_image_abuse", "utter_ask_in_danger_now"
FIRST_LINE = {CHECK: "utter_safety_check", DANGER: "utter_emergency"}

DEMANDS = [
    "he says if i dont pay him 80 quid before midnight he posts my pics on my story",
    "someone wants £300 by tomorrow morning or they send the video to my whole school",
    "this account is blackmailing me, i have to send more by 9 or my nudes go to my family",
    "they'll share the photo with everyone in my contacts unless i pay them in an hour",
]


@pytest.mark.parametrize("intent", [CHECK, DANGER])
@pytest.mark.parametrize("text", DEMANDS)
def test_a_demand_read_as_danger_gets_dont_pay_between_999_and_the_question(text, intent):
    assert situation_of([text]) == "sextortion", text
    conversation = tracker(user(text, intent, level="check" if intent == CHECK else "emergency"))
    plays(topic_policy.next_action, conversation, FIRST_LINE[intent], ADVICE, QUESTION, "action_listen")


@pytest.mark.parametrize(
    "text",
    [
        "he sent my pic round the whole year group and now everyone is laughing",
        "my ex has a photo of me and i want it deleted",
        "hes outside my house right now and wont go away",
        "my brother keeps showing my baby pictures to his mates, so annoying",
        "i owe my mate 20 quid and he says he wants it tonight",
    ],
)
@pytest.mark.parametrize("intent", [CHECK, DANGER])
def test_no_demand_to_pay_or_send_more_keeps_the_danger_rule(text, intent):
    assert situation_of([text]) != "sextortion", text
    conversation = tracker(user(text, intent, level="check" if intent == CHECK else "emergency"))
    assert topic_policy.next_action(conversation) is None


def test_dont_pay_already_said_is_not_said_again():
    conversation = tracker(
        user("someone is blackmailing me with a video", "disclose_image_abuse"),
        ActionExecuted("utter_acknowledge_image_abuse"),
        ActionExecuted("action_signpost"),
        ActionExecuted("action_listen"),
        user(DEMANDS[0], CHECK, level="check"),
    )
    assert topic_policy.next_action(conversation) is None


def test_a_crisis_beside_the_danger_is_left_to_the_crisis_policy():
    text = DEMANDS[1] + " and honestly id rather not be alive than have my mum see it"
    conversation = tracker(user(text, DANGER, level="emergency", rules=("crisis.wish_to_die",)))
    assert topic_policy.next_action(conversation) is None


def test_an_adult_writing_is_left_to_the_adults_policy():
    text = "someone wants £300 from my son by tomorrow or they send his video to his school"
    conversation = tracker(user(text, DANGER, level="emergency"), adult="parent_carer")
    assert topic_policy.next_action(conversation) is None


def test_an_answer_to_the_danger_question_is_left_to_the_danger_policy():
    conversation = tracker(
        user("i need help", "nlu_fallback"),
        ActionExecuted("utter_safety_check"),
        ActionExecuted(QUESTION),
        ActionExecuted("action_listen"),
        user(DEMANDS[3], CHECK, level="check"),
    )
    assert topic_policy.next_action(conversation) is None
