"""Kinds found gating C21 (issue 13), in our own words (none of them a C21 sentence), tested both
ways: messages of the kind that must now be caught, and look-alikes that must stay as they were.

- a grown-up brother, sister or cousin in charge of a younger one says their own age (18 or over)
  and the care in one message: a trusted adult (parent_carer), not a young person;
- someone named only as a man, a woman or "someone" at the child's setting who touched the child
  or showed them sexual things: an allegation about an adult who works with children (the LADO);
- pictures held over someone to make them do something other than pay ("if i don't go out with
  him again he'll post them"): sextortion, the image route with "don't pay, don't send more";
- a third message the model cannot read, after both "not understood" replies: not the first one
  again."""

from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted

from bot.conversation.topics import IMAGE_TOPIC, topic_of_turn
from bot.conversation.trusted_adults import situation_of, speaker_of
from bot.rasa_plugins import topic_policy
from tests.rasa_plugins.trackers import plays
from tests.rasa_plugins.trackers import tracker as _tracker
from tests.rasa_plugins.trackers import user as _user

# ---- a grown-up sibling in charge of a younger one --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "hi im 20 and im looking after my little sister while mum is in hospital",
        "I'm 23, taking care of my two younger brothers this week as my parents are away",
        "so i am 18 and babysitting my baby cousin tonight, can i ask something",
        "looking after my nephew for the summer, I'm 26 and not sure what I'm allowed to do",
    ],
)
def test_an_adult_who_says_their_age_and_looks_after_a_younger_one_is_a_trusted_adult(text):
    assert speaker_of(text) == "parent_carer", text


@pytest.mark.parametrize(
    "text",
    [
        "im 15 and im looking after my little brother tonight, my mum is out",
        "i'm 13 and i have to take care of my sister every day after school",
        "im 19 weeks pregnant and looking after my little sister",
        "im 20 and my boyfriend won't let me see my friends",
        "i'm 18 and i look after my mum, she's got ms",
        "my big sister is 19 and she looks after me and my little brother",
    ],
)
def test_a_young_person_an_age_that_is_no_age_or_no_younger_one_cared_for_stays_as_it_was(text):
    assert speaker_of(text) is None, text


# ---- an adult at the child's setting, named only as a man, a woman or someone -------------------


@pytest.mark.parametrize(
    "text",
    [
        "she told me a woman at her breakfast club touched her under her skirt",
        "my son says a man from his swimming club showed him rude pictures and said it was their secret",
        "someone who works at her nursery made her watch sexual videos",
        "apparently a bloke at his youth club kissed him and told him not to tell",
    ],
)
def test_an_adult_at_the_childs_setting_who_did_something_sexual_is_the_allegations_kind(text):
    assert situation_of([text]) == "staff_allegation", text


@pytest.mark.parametrize(
    "text",
    [
        "a man at his club showed him a drill for his backhand",
        "a woman at her school sent her a certificate for reading",
        "a man at the school gates showed him his new puppy",
        "a boy at his club showed him naked pictures on his phone",
        "a man at the bus stop showed me naked pics",
    ],
)
def test_an_ordinary_thing_another_child_or_a_stranger_is_not_the_allegations_kind(text):
    assert situation_of([text]) != "staff_allegation", text


# ---- pictures held over someone to make them do something --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "she still has my nudes and says if i dont come back to her she'll post them on insta",
        "unless i keep seeing him hes going to send my pics to my whole family",
        "he's threatening to share my videos if i don't do what he tells me",
        "my ex has photos of me and hes gonna put them online if i dont meet him saturday",
    ],
)
def test_pictures_held_over_someone_to_make_them_do_something_are_sextortion(text):
    assert situation_of([text]) == "sextortion", text
    # read by the model as a weak opener, it is still the image route (with "don't pay")
    assert topic_of_turn("start_disclosure", text) == IMAGE_TOPIC, text


@pytest.mark.parametrize(
    "text",
    [
        "if i send my pics to the group will they share it round",
        "if i dont answer she'll send me loads of messages about the photos",
        "my dad said if i dont clean my room he'll show my baby photos to my friends",
        "my bf has my pics but he said he'll delete them if i want",
        "if i dont post the video by 6 will it still count for the competition",
    ],
)
def test_a_condition_with_no_threat_to_share_the_pictures_is_not_sextortion(text):
    assert situation_of([text]) != "sextortion", text


# ---- a third message the model cannot read -----------------------------------------------------


def _not_read_twice(*then):
    return _tracker(
        _user("oi", "nlu_fallback"),
        ActionExecuted("utter_default"),
        ActionExecuted("action_listen"),
        _user("hmm ok so like", "nlu_fallback"),
        ActionExecuted("utter_default_again"),
        ActionExecuted("action_listen"),
        *then,
    )


def test_a_third_question_not_read_is_said_not_to_be_known_not_not_understood_again():
    conversation = _not_read_twice(
        _user("tenho medo. would it be bad to ring my aunt this late", "nlu_fallback")
    )
    plays(topic_policy.next_action, conversation, "utter_question_not_known", "action_listen")


def test_a_third_message_not_read_gets_the_invitation_then_the_short_still_here():
    conversation = _not_read_twice(_user("ya sabes lo que pasa en casa", "nlu_fallback"))
    plays(topic_policy.next_action, conversation, "utter_invite_to_share", "action_listen")
    # the invitation given before: the short "I'm still here"
    given = _not_read_twice(
        _user("quiero contar algo", "nlu_fallback"),
        ActionExecuted("utter_invite_to_share"),
        ActionExecuted("action_listen"),
        _user("ok", "affirm"),
        ActionExecuted("utter_help_options"),
        ActionExecuted("action_listen"),
        _user("no se como decirlo", "nlu_fallback"),
    )
    plays(topic_policy.next_action, given, "utter_topic_followup_again", "action_listen")


def test_a_first_or_second_message_not_read_keeps_its_own_replies():
    # the first: the rule's; a second: the other "not understood"
    assert topic_policy.next_action(_tracker(_user("ya sabes lo que pasa", "nlu_fallback"))) is None
    second = _tracker(
        _user("oi", "nlu_fallback"),
        ActionExecuted("utter_default"),
        ActionExecuted("action_listen"),
        _user("hmm ok so like", "nlu_fallback"),
    )
    plays(topic_policy.next_action, second, "utter_default_again", "action_listen")
    # a message the model could read, after both: not this policy's to answer
    understood = _not_read_twice(_user("hello", "greet"))
    assert topic_policy.next_action(understood) is None
