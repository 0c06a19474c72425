"""QuestionAnswerPolicy (bot/rasa_plugins/question_policy.py) driven with Rasa trackers: a question
asked inside a conversation is answered for the writer's audience, then the bot listens; it never
delays an urgent reply, a first disclosure's acknowledgement or an answer to a danger question.
Which questions a message asks: tests/conversation/test_questions.py."""

from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet

from bot.rasa_plugins import question_policy as policy
from tests.rasa_plugins.trackers import tracker as _tracker
from tests.rasa_plugins.trackers import user as _user


DISCLOSED = (
    _user("my ex posted my pics in the group chat", "disclose_image_abuse"),
    ActionExecuted("utter_acknowledge_image_abuse"),
    ActionExecuted("action_signpost"),
    ActionExecuted("action_listen"),
)


def test_a_question_after_a_disclosure_is_answered_then_the_bot_listens():
    tracker = _tracker(*DISCLOSED, _user("is it my fault? could i get arrested", "nlu_fallback"))
    assert policy.next_action(tracker) == "utter_not_your_fault"
    tracker.update(ActionExecuted("utter_not_your_fault"))
    assert policy.next_action(tracker) == "utter_answer_trouble"
    tracker.update(ActionExecuted("utter_answer_trouble"))
    assert policy.next_action(tracker) == "action_listen"


def test_a_repeated_disclosure_with_a_question_is_answered_not_acknowledged_again():
    tracker = _tracker(
        *DISCLOSED, _user("he posted more today, will my parents find out", "disclose_image_abuse")
    )
    assert policy.next_action(tracker) == "utter_will_others_find_out"


def test_a_first_disclosure_keeps_its_own_acknowledgement():
    tracker = _tracker(_user("my ex posted my pics, will my mum find out", "disclose_image_abuse"))
    assert policy.next_action(tracker) is None


@pytest.mark.parametrize("intent", sorted(policy.URGENT_INTENTS))
def test_urgent_turns_are_never_delayed_by_an_answer(intent):
    tracker = _tracker(*DISCLOSED, _user("hes outside, should i open the door", intent))
    assert policy.next_action(tracker) is None


def test_the_answer_to_a_danger_question_belongs_to_the_danger_question_policy():
    tracker = _tracker(
        *DISCLOSED[:-1],
        ActionExecuted("utter_ask_in_danger_now"),
        ActionExecuted("action_listen"),
        _user("no, is it my fault tho", "deny"),
    )
    assert policy.next_action(tracker) is None


def test_a_recent_assault_gets_its_reply_once_before_questions_are_answered():
    first = _tracker(_user("he raped me last night, should i shower", "disclose_recent_assault"))
    assert policy.next_action(first) is None
    later = _tracker(
        _user("he raped me last night", "disclose_recent_assault"),
        ActionExecuted("utter_recent_assault"),
        ActionExecuted("action_listen"),
        _user("i havent showered, is there still evidence", "disclose_recent_assault"),
    )
    assert policy.next_action(later) == "utter_answer_evidence"


def test_an_adult_gets_guidance_for_their_situation_first_then_answers():
    before = _tracker(
        SlotSet("trusted_adult", "staff"),
        _user("I'm a TA. A pupil told me her stepdad hurts her. Do I tell her mum?", "ask_staff_guidance"),
    )
    assert policy.next_action(before) is None
    after = _tracker(
        SlotSet("trusted_adult", "staff"),
        _user("I'm a TA. A pupil told me her stepdad hurts her.", "ask_staff_guidance"),
        ActionExecuted("utter_staff_disclosure"),
        ActionExecuted("action_listen"),
        _user("Do I tell her mum when she picks her up?", "nlu_fallback"),
    )
    assert policy.next_action(after) == "utter_staff_answer_parents"


def _classifier_crisis(text):
    return _user(text, "disclose_self_harm", level="crisis", by_classifier=True)


def test_an_adults_question_the_classifier_alone_read_as_a_crisis_is_answered():
    # the trial's TA: "ring the MASH myself, or wait for the DSL?" got the crisis check
    adult = _tracker(
        SlotSet("trusted_adult", "staff"),
        _user("I'm a TA. A pupil told me something about home.", "ask_staff_guidance"),
        ActionExecuted("utter_staff_disclosure"),
        ActionExecuted("action_listen"),
        _classifier_crisis("Am I allowed to phone children's services myself?"),
    )
    assert policy.next_action(adult) == "utter_staff_answer_who_to_call"
    young = _tracker(
        _user("a boy keeps messaging me", "disclose_harassment"),
        ActionExecuted("utter_acknowledge_harassment"),
        ActionExecuted("action_listen"),
        _classifier_crisis("can i report it myself"),
    )
    assert policy.next_action(young) is None  # a young person's: the crisis check first


@pytest.mark.parametrize(
    "text,intent,expected",
    [
        ("Cheers. Do I tell her mum when she collects her?", "say_thanks", "utter_staff_answer_parents"),
        ("Should we delete all the messages from him?", "request_forget", "utter_adult_answer_dont_engage"),
    ],
)
def test_thanks_or_a_delete_with_a_question_gets_the_answer(text, intent, expected):
    tracker = _tracker(
        SlotSet("trusted_adult", "staff"),
        _user("I'm a TA. A pupil told me something about home.", "ask_staff_guidance"),
        ActionExecuted("utter_staff_disclosure"),
        ActionExecuted("action_listen"),
        _user(text, intent),
    )
    assert policy.next_action(tracker) == expected


def test_plain_thanks_and_the_delete_button_keep_their_own_replies():
    for text, intent in (("thanks", "say_thanks"), ("/request_forget", "request_forget")):
        tracker = _tracker(_user("a boy keeps messaging me", "disclose_harassment"), _user(text, intent))
        assert policy.next_action(tracker) is None


def test_a_form_in_progress_is_left_alone():
    tracker = _tracker(
        *DISCLOSED, ActiveLoop("local_support_form"), _user("will my mum find out", "nlu_fallback")
    )
    assert policy.next_action(tracker) is None


def test_an_answer_already_given_is_not_repeated():
    tracker = _tracker(
        *DISCLOSED,
        _user("will my mum find out", "nlu_fallback"),
        ActionExecuted("utter_will_others_find_out"),
        ActionExecuted("action_listen"),
        _user("but seriously will my parents find out", "nlu_fallback"),
    )
    assert policy.next_action(tracker) is None


def _staff_asks(text, borough=None):
    message = _user(text, "nlu_fallback")
    if borough:
        message.entities.append({"entity": "borough", "value": borough})
    return _tracker(
        SlotSet("trusted_adult", "staff"),
        _user("a yr 8 pupil has told me her uncle hurts her", "ask_staff_guidance"),
        ActionExecuted("utter_staff_disclosure"),
        ActionExecuted("action_listen"),
        message,
    )


def test_a_member_of_staff_naming_the_borough_with_who_to_call_gets_its_routes():
    # C8's first run: "Southwark. who do I call" got "tell me the borough" and no number
    tracker = _staff_asks("we're in lewisham - who should I ring?", borough="lewisham")
    assert policy.next_action(tracker) == "action_give_staff_guidance"
    tracker.update(ActionExecuted("action_give_staff_guidance"))
    assert policy.next_action(tracker) == "action_listen"


def test_who_to_call_without_a_borough_keeps_its_answer():
    assert policy.next_action(_staff_asks("who should I ring?")) == "utter_staff_answer_who_to_call"


def test_the_borough_routes_come_again_when_the_borough_is_named_after_them():
    # the routes were shown with the guidance before any borough was known
    message = _user("Croydon. who do we phone", "nlu_fallback")
    message.entities.append({"entity": "borough", "value": "croydon"})
    tracker = _tracker(
        SlotSet("trusted_adult", "staff"),
        _user("a yr 8 pupil has told me her uncle hurts her", "ask_staff_guidance"),
        ActionExecuted("utter_staff_disclosure"),
        ActionExecuted("action_give_staff_guidance"),
        ActionExecuted("action_listen"),
        message,
    )
    assert policy.next_action(tracker) == "action_give_staff_guidance"


def test_c9_a_leads_questions_get_the_leads_answers_and_others_the_staff_ones():
    # C9: a DSL asking about the out-of-hours route was told to tell their DSL
    lead = _tracker(
        _user("DSL at a primary here. a year 5 told me something at lunch", "ask_staff_guidance"),
        ActionExecuted("utter_staff_lead_guidance"),
        ActionExecuted("action_give_staff_guidance"),
        ActionExecuted("action_listen"),
        _user("it's after 6 now, who do I call?", "nlu_fallback"),
        adult="staff",
    )
    assert policy.next_action(lead) == "utter_staff_lead_answer_who_to_call"
    staff = _tracker(
        _user("TA here. a year 5 told me something at lunch", "ask_staff_guidance"),
        ActionExecuted("utter_staff_guidance"),
        ActionExecuted("action_give_staff_guidance"),
        ActionExecuted("action_listen"),
        _user("it's after 6 now, who do I call?", "nlu_fallback"),
        adult="staff",
    )
    assert policy.next_action(staff) == "utter_staff_answer_who_to_call"
    # a kind with no answer of the lead's own: the staff answer
    lead.update(ActionExecuted("utter_staff_lead_answer_who_to_call"))
    lead.update(ActionExecuted("action_give_staff_guidance"))
    lead.update(ActionExecuted("action_listen"))
    lead.update(_user("would the Havens still see her if it was 5 days ago?", "nlu_fallback"))
    assert policy.next_action(lead) == "utter_adult_answer_havens_time"


# ---- C17: "where do I get help for HIM", read as a request for local support ------------------


def _parent_asks_for_local_help(first, first_reply):
    return _tracker(
        _user(first, "nlu_fallback"),
        ActionExecuted(first_reply),
        ActionExecuted("action_listen"),
        _user("so where can I even find help for him", "ask_local_support"),
        adult="parent_carer",
    )


def test_c17_an_accused_childs_parent_asking_for_help_for_him_gets_it_not_the_borough_question():
    conversation = _parent_asks_for_local_help(
        "my son's been reported by his school for harmful sexual behaviour", "utter_parent_harmful_behaviour"
    )
    assert policy.next_action(conversation) == "utter_parent_answer_help_for_child_who_harmed"


def test_c17_a_harmed_childs_parent_asking_for_help_keeps_the_borough_question():
    conversation = _parent_asks_for_local_help(
        "my son told me a man at the park touched him", "utter_parent_disclosure"
    )
    assert policy.next_action(conversation) is None
