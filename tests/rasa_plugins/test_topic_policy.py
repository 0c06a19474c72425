"""TopicFollowUpPolicy (bot/rasa_plugins/topic_policy.py) and the topic a conversation keeps
(bot/conversation/topics.py): a young person's follow-ups come back to what they disclosed."""

from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, SlotSet

from bot.rasa_plugins import topic_policy as policy
from bot.conversation.topics import conversation_topic, topic_of_turn
from bot.rasa_plugins.danger_question_policy import _last_turn
from tests.rasa_plugins.trackers import plays
from tests.rasa_plugins.trackers import tracker as _tracker
from tests.rasa_plugins.trackers import user as _user


DISCLOSED = (
    _user("boys keep grabbing me in the corridor", "disclose_harassment"),
    ActionExecuted("utter_acknowledge_harassment"),
    ActionExecuted("action_signpost"),
    ActionExecuted("action_listen"),
)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("its like every day", "nlu_fallback"),
        ("yes please", "affirm"),
        ("what now", "confirm_safe"),
        ("help", "ask_help_options"),
        ("idk what to do", "start_disclosure"),
    ],
)
def test_a_follow_up_after_a_disclosure_comes_back_to_it(text, intent):
    tracker = _tracker(*DISCLOSED, _user(text, intent))
    assert policy.next_action(tracker) == "utter_topic_followup"
    tracker.update(ActionExecuted("utter_topic_followup"))
    assert policy.next_action(tracker) == "action_continue_topic"
    tracker.update(ActionExecuted("action_continue_topic"))
    assert policy.next_action(tracker) == "action_listen"


def test_without_an_earlier_disclosure_the_usual_rules_answer():
    assert policy.next_action(_tracker(_user("yes please", "affirm"))) is None
    assert policy.next_action(_tracker(_user("hmm", "nlu_fallback"))) is None


def test_a_weak_intent_with_a_threat_to_share_pictures_is_answered_as_image_abuse():
    tracker = _tracker(
        _user("now hes saying if i dont send more hes gonna post the old ones", "start_disclosure")
    )
    assert policy.next_action(tracker) == "utter_acknowledge_image_abuse"
    tracker.update(ActionExecuted("utter_acknowledge_image_abuse"))
    assert policy.next_action(tracker) == "action_signpost"


@pytest.mark.parametrize("reply", ["utter_glad_safe", "utter_emergency_next_steps"])
def test_after_the_danger_question_an_earlier_disclosure_gets_its_routes(reply):
    # "my stepdad comes in my room at night": the risk stage answered with 999 first; the model's
    # own intent (a disclosure) is the topic
    tracker = _tracker(
        _user(
            "my stepdad comes in my room at night",
            "report_possible_danger",
            model_intent="disclose_adult_abuse",
        ),
        ActionExecuted("utter_safety_check"),
        ActionExecuted("utter_ask_in_danger_now"),
        ActionExecuted("action_listen"),
        _user("no hes at work", "deny"),
        ActionExecuted(reply),
    )
    assert policy.next_action(tracker) == "action_continue_topic"
    tracker.update(ActionExecuted("action_continue_topic"))
    assert policy.next_action(tracker) == "action_listen"


def test_the_danger_question_stays_the_question_after_the_routes_follow_it():
    # DangerQuestionPolicy must still read the next answer as an answer to its question
    tracker = _tracker(
        _user("x", "report_possible_danger"),
        ActionExecuted("utter_emergency_next_steps"),
        ActionExecuted("action_continue_topic"),
        ActionExecuted("action_listen"),
        _user("1", "nlu_fallback"),
    )
    question, *_ = _last_turn(tracker)
    assert question == "utter_emergency_next_steps"


def test_it_leaves_trusted_adults_and_danger_answers_to_their_own_policies():
    adult = _tracker(SlotSet("trusted_adult", "staff"), *DISCLOSED, _user("yes", "affirm"))
    assert policy.next_action(adult) is None
    answer = _tracker(
        *DISCLOSED,
        _user("x", "report_immediate_danger"),
        ActionExecuted("utter_ask_in_danger_now"),
        ActionExecuted("action_listen"),
        _user("idk", "nlu_fallback"),
    )
    assert policy.next_action(answer) is None


def test_topic_of_a_turn_prefers_the_intent_then_an_image_cue_then_the_models_own_intent():
    assert topic_of_turn("disclose_grooming", "x") == "grooming"
    assert topic_of_turn("start_disclosure", "she says pay £200 or she posts it") == "image_abuse"
    assert topic_of_turn("report_immediate_danger", "x", "disclose_adult_abuse") == "adult_abuse"
    assert topic_of_turn("ask_real_person", "can i talk to someone") is None
    assert conversation_topic([("affirm", "yes", None), ("disclose_past_abuse", "x", None)]) == "non_recent"


def test_the_models_own_intent_is_read_where_safety_net_writes_it():
    from rasa.shared.nlu.training_data.message import Message

    from bot.rasa_plugins.safety_net import SafetyNet
    from bot.conversation.topics import turn_of

    message = Message.build(text="my stepdad comes in my room at night and hurts me rn")
    message.set("intent", {"name": "disclose_adult_abuse", "confidence": 0.9}, add_to_output=True)
    message.set("intent_ranking", [{"name": "disclose_adult_abuse", "confidence": 0.9}], add_to_output=True)
    [message] = SafetyNet.create(SafetyNet.get_default_config(), None, None, None).process([message])
    parse = message.as_dict(only_output_properties=True)
    intent, _, model_intent = turn_of(parse, message.get("text"))
    assert intent != "disclose_adult_abuse" and model_intent == "disclose_adult_abuse"


def test_a_disclosure_told_over_several_messages_is_not_answered_in_full_each_time():
    # issue 13 item 6: the second message of the same disclosure gets a short "thank you for
    # telling me more"; the third brings the routes back; never the whole reply again
    tracker = _tracker(*DISCLOSED, _user("they did it again in science and laughed", "disclose_harassment"))
    assert policy.next_action(tracker) == "utter_same_topic_more"
    tracker.update(ActionExecuted("utter_same_topic_more"))
    assert policy.next_action(tracker) == "action_listen"
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(_user("and one of them pinged my bra strap", "disclose_harassment"))
    assert policy.next_action(tracker) == "utter_topic_followup"
    tracker.update(ActionExecuted("utter_topic_followup"))
    tracker.update(ActionExecuted("action_continue_topic"))
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(_user("idk", "nlu_fallback"))
    assert policy.next_action(tracker) == "utter_topic_followup_again"


def test_a_new_kind_of_disclosure_keeps_its_own_reply():
    tracker = _tracker(*DISCLOSED, _user("and my uncle touches me when he babysits", "disclose_adult_abuse"))
    assert policy.next_action(tracker) is None


def test_sextortion_read_as_grooming_gets_the_image_abuse_reply():
    tracker = _tracker(
        _user(
            "a guy on snap says hell post my pics everywhere unless i send more by tonight",
            "disclose_grooming",
        )
    )
    assert policy.next_action(tracker) == "utter_acknowledge_image_abuse"


def test_a_topic_disclosed_earlier_in_the_conversation_is_not_acknowledged_again():
    tracker = _tracker(
        _user("this man online keeps asking me to meet him and keep it secret", "disclose_grooming"),
        ActionExecuted("utter_acknowledge_grooming"),
        ActionExecuted("action_signpost"),
        ActionExecuted("action_listen"),
        _user("he touched me when we met", "disclose_assault"),
        ActionExecuted("utter_acknowledge_assault"),
        ActionExecuted("action_signpost"),
        ActionExecuted("action_listen"),
        _user("he said hes 15 but he sounds way older", "disclose_grooming"),
    )
    assert policy.next_action(tracker) == "utter_same_topic_more"


def test_a_friend_blackmailed_with_pictures_gets_the_dont_pay_advice_for_them():
    tracker = _tracker(_user("my mate is getting blackmailed over nudes he sent", "disclose_friend_concern"))
    assert policy.next_action(tracker) == "utter_acknowledge_friend"
    tracker.update(ActionExecuted("utter_acknowledge_friend"))
    assert policy.next_action(tracker) == "utter_friend_sextortion"


def test_a_message_after_the_emergency_steps_and_the_disclosures_routes_is_the_danger_questions():
    # C6's first run: the routes sent after "Are you somewhere safe now?" came last, so "im
    # scared. newham. my mum is at work till 6" got the topic follow-up without 999
    from bot.rasa_plugins.turn_policy import answers_a_danger_question, latest_turn

    tracker = _tracker(
        _user("my stepdad touches me when mums at work", "disclose_adult_abuse"),
        ActionExecuted("utter_acknowledge_adult_abuse"),
        ActionExecuted("action_signpost"),
        ActionExecuted("action_listen"),
        _user("hes banging on my door", "report_immediate_danger"),
        ActionExecuted("utter_emergency_next_steps"),
        ActionExecuted("action_continue_topic"),
        ActionExecuted("action_listen"),
        _user("im scared. newham. my mum is at work till 6", "nlu_fallback"),
    )
    assert answers_a_danger_question(latest_turn(tracker))
    assert policy.next_action(tracker) is None


GROOMING_TOLD = (
    _user("a man online keeps asking me for pics", "disclose_grooming"),
    ActionExecuted("utter_acknowledge_grooming"),
    ActionExecuted("action_signpost"),
    ActionExecuted("action_listen"),
)


def test_a_question_no_answer_fits_is_said_honestly_not_met_with_a_holding_reply():
    # C6's first run: "what do i do if he calls at 10" got "you don't have to work it all out tonight"
    tracker = _tracker(
        *GROOMING_TOLD,
        _user("what happens if he rings me at 10", "nlu_fallback"),
    )
    assert policy.next_action(tracker) == "utter_question_not_known"
    statement = _tracker(*GROOMING_TOLD, _user("idk he seems nice", "nlu_fallback"))
    assert policy.next_action(statement) == "utter_topic_followup"


def test_what_happened_told_after_the_invitation_gets_thanks_and_routes_not_the_invitation_again():
    # C5's first run: "a boy from college. at a party. i said no and he didnt care" and "then
    # they made me touch them" each got "you can tell me as much or as little as you want" again
    invited = (
        _user("can i tell u something that happened", "start_disclosure"),
        ActionExecuted("utter_invite_to_share"),
        ActionExecuted("action_listen"),
    )
    tracker = _tracker(
        *invited, _user("my cousins friend did stuff when i was sleeping over", "start_disclosure")
    )
    plays(policy.next_action, tracker, "utter_acknowledge_told_more", "action_signpost", "action_listen")
    # a first "i want to tell you something" keeps the rule's invitation
    assert policy.next_action(_tracker(_user("can i tell u something", "start_disclosure"))) is None


def test_what_happened_told_after_asking_whether_it_counts_gets_thanks_and_routes_not_not_understood():
    # C7's first run: what happened, told right after "is it ok if..." or "can you consent
    # if..." in words the model could not read, got "Sorry, I'm not sure I understood"
    asked = (
        _user("is it normal for my stepdad to come in when im in the shower", "ask_does_it_count"),
        ActionExecuted("utter_acknowledge_not_sure"),
        ActionExecuted("action_listen"),
    )
    tracker = _tracker(*asked, _user("he does it most mornings and says its a joke", "nlu_fallback"))
    plays(policy.next_action, tracker, "utter_acknowledge_told_more", "action_signpost")
    # look-alikes: a question after it is not what happened, and with nothing asked first the
    # usual rules answer
    assert policy.next_action(_tracker(*asked, _user("but how would i even know?", "nlu_fallback"))) is None
    assert policy.next_action(_tracker(_user("he does it most mornings", "nlu_fallback"))) is None
    # nor a message two replies later ("ok ill msg later")
    later = (
        *asked,
        _user("does it show up", "ask_will_others_find_out"),
        ActionExecuted("utter_will_others_find_out"),
    )
    assert policy.next_action(
        _tracker(*later, ActionExecuted("action_listen"), _user("ok bye x", "nlu_fallback"))
    ) != ("utter_acknowledge_told_more")


def test_the_reporting_process_asked_again_is_said_honestly_not_the_same_text_twice():
    # C7's first run: "do u have to go to court" after "what happens if u report" got the same
    # police text again
    first = (
        _user("what happens once you tell the police", "ask_what_happens_after_report"),
        ActionExecuted("utter_what_happens_after_report"),
        ActionExecuted("action_listen"),
    )
    again = _tracker(*first, _user("would i need to stand up in court", "ask_what_happens_after_report"))
    assert policy.next_action(again) == "utter_question_not_known"
    # the first time, the rule's reply
    assert (
        policy.next_action(_tracker(_user("what happens after reporting", "ask_what_happens_after_report")))
        is None
    )


@pytest.mark.parametrize(
    "first,second,reply,short",
    [
        (("nah", "deny"), ("not rn", "say_not_now"), "utter_not_now", "utter_not_now_again"),
        (("yes", "affirm"), ("yeah ok", "affirm"), "utter_help_options", "utter_help_options_again"),
        # C13, C14: the privacy question asked again later in the conversation
        (
            ("is this chat saved anywhere", "ask_privacy"),
            ("wait can anyone read this tho", "ask_privacy"),
            "utter_privacy",
            "utter_privacy_again",
        ),
        # C13: "does it count" asked again in other words
        (
            ("is it bad that i feel weird about it", "ask_does_it_count"),
            ("is it dramatic to not want to see him", "ask_does_it_count"),
            "utter_acknowledge_not_sure",
            "utter_acknowledge_not_sure_again",
        ),
    ],
)
def test_the_same_social_reply_is_not_given_twice(first, second, reply, short):
    # C8's first run: "nvm" then "not now" got utter_not_now twice; "ok" after the menu the menu
    tracker = _tracker(
        _user(*first),
        ActionExecuted(reply),
        ActionExecuted("action_listen"),
        _user(*second),
    )
    plays(policy.next_action, tracker, short, "action_listen")


def test_the_first_not_now_keeps_its_own_rule():
    assert policy.next_action(_tracker(_user("not now", "say_not_now"))) is None


def _weak_check(text, model_intent, parts=()):
    return _user(
        text,
        "report_possible_danger",
        model_intent=model_intent,
        level="check",
        by_classifier=True,
        parts=parts,
    )


@pytest.mark.parametrize("model_intent", ["start_disclosure", "disclose_adult_abuse", "disclose_grooming"])
def test_c14_a_disclosure_only_the_classifier_read_as_possible_danger_gets_999_thanks_and_routes(
    model_intent,
):
    # C14's kind in our own words: no harm in the words, the model read a disclosure; 999 first
    # (the marker), then thanks and the routes, and no danger question to hold the next turns
    conversation = _tracker(
        _user("can i tell u about something at my nans", "start_disclosure"),
        ActionExecuted("utter_invite_to_share"),
        ActionExecuted("action_listen"),
        _weak_check(
            "my nans lodger keeps coming in when im getting changed and says im grown up now", model_intent
        ),
    )
    plays(
        policy.next_action,
        conversation,
        "utter_safety_check",
        "utter_acknowledge_told_more",
        "action_signpost",
        "action_listen",
    )


@pytest.mark.parametrize(
    "message",
    [
        # harm in the words: the whole check, danger question included
        _weak_check("he is outside my door", "start_disclosure", parts=("present_person",)),
        # the model itself read it as urgent, or as no disclosure
        _weak_check("someone keeps trying the handle", "report_immediate_danger"),
        _weak_check("im nb btw", "nlu_fallback"),
    ],
)
def test_c14_a_check_with_harm_in_the_words_or_no_disclosure_keeps_the_danger_question(message):
    assert policy.next_action(_tracker(message)) is None


def test_c13_a_second_message_not_read_later_in_the_conversation_gets_the_other_not_understood():
    # C12-C14's kind: "Sorry, I'm not sure I understood" given again turns after the first
    conversation = _tracker(
        _user("hiya", "nlu_fallback"),
        ActionExecuted("utter_default"),
        ActionExecuted("action_listen"),
        _user("do u save what i type", "ask_privacy"),
        ActionExecuted("utter_privacy"),
        ActionExecuted("action_listen"),
        _user("lol idk what im saying", "nlu_fallback"),
    )
    plays(policy.next_action, conversation, "utter_default_again", "action_listen")
    # never read before: the rule's own reply
    assert policy.next_action(_tracker(_user("lol idk what im saying", "nlu_fallback"))) is None


@pytest.mark.parametrize(
    "text,intent",
    [
        ("can my family make me marry someone if im 15", "start_disclosure"),
        ("dad has my passport and says ill meet my future husband in pakistan", "nlu_fallback"),
        ("they keep saying im getting engaged when we go back home", "disclose_adult_abuse"),
    ],
)
def test_being_made_to_marry_gets_its_own_acknowledgement_and_routes_once(text, intent):
    tracker = _tracker(_user(text, intent))
    plays(
        policy.next_action, tracker, "utter_acknowledge_forced_marriage", "action_signpost", "action_listen"
    )
    tracker.update(_user("i just want to finish school", "nlu_fallback"))
    assert policy.next_action(tracker) != "utter_acknowledge_forced_marriage"
