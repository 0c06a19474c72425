"""Abuse in a young person's own relationship (data/conversation/relationships.yml,
bot/conversation/relationships.py, the relationship_abuse topic in bot/conversation/topics.py and
TopicFollowUpPolicy): a partner of about their age controlling, hurting or pressuring them is not
adult grooming, and a partner shown to be an adult still is. Phrasings of our own."""

from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted

from bot.rasa_plugins import topic_policy
from bot.conversation.relationships import is_relationship_abuse, load_patterns
from bot.conversation.topics import RELATIONSHIP_TOPIC, topic_of_turn
from tests.rasa_plugins.trackers import tracker as _tracker
from tests.rasa_plugins.trackers import user as _user


@pytest.mark.parametrize(
    "text",
    [
        "my girlfriend reads all my messages and goes mad if i talk to anyone",
        "my bf said hell dump me and tell everyone my secrets if i go to the party",
        "the guy im seeing keeps pressuring me to send pics",
        "my ex slapped me at the bus stop last week",
        "me and my boyfriend are both 15 and he wont let me see my mates",
    ],
)
def test_a_partner_of_their_age_harming_them_is_relationship_abuse(text):
    assert is_relationship_abuse(text)
    assert topic_of_turn("nlu_fallback", text) == RELATIONSHIP_TOPIC
    assert topic_of_turn("disclose_grooming", text) == RELATIONSHIP_TOPIC


@pytest.mark.parametrize(
    "text",
    [
        "my boyfriend is 24 and says i cant tell my mum about us",
        "my bf is way older than me and buys me stuff",
        "my boyfriend is taking me to the cinema on saturday",
        "my mates boyfriend is really annoying",
    ],
)
def test_an_adult_partner_or_no_harm_is_not(text):
    assert topic_of_turn("nlu_fallback", text) != RELATIONSHIP_TOPIC


def test_an_adult_partner_stays_grooming():
    assert topic_of_turn("disclose_grooming", "my boyfriend is 24 and checks my phone") == "grooming"


def test_pictures_shared_by_an_ex_stay_image_abuse_and_sextortion_stays_sextortion():
    assert topic_of_turn("disclose_image_abuse", "my ex posted my nudes in the group chat") == "image_abuse"
    sextortion = "my ex says pay him 100 quid or he'll send my pics to everyone"
    assert topic_of_turn("nlu_fallback", sextortion) == "image_abuse"


def test_the_policy_acknowledges_relationship_abuse_then_signposts():
    tracker = _tracker()
    tracker.update(
        _user("my gf checks my phone every night and shoves me when shes angry", "disclose_grooming")
    )
    assert topic_policy.next_action(tracker) == "utter_acknowledge_relationship_abuse"
    tracker.update(ActionExecuted("utter_acknowledge_relationship_abuse"))
    assert topic_policy.next_action(tracker) == "action_signpost"


def test_a_broken_file_names_the_key(tmp_path):
    path = tmp_path / "relationships.yml"
    path.write_text("partner: ['x']\nadult_partner: []\nharm: ['y']\n")
    with pytest.raises(ValueError, match="adult_partner"):
        load_patterns(path)


def test_more_about_the_same_partner_stays_relationship_abuse():
    tracker = _tracker()
    for event in (
        _user("my gf keeps pressuring me for pics", "start_disclosure"),
        ActionExecuted("utter_acknowledge_relationship_abuse"),
        ActionExecuted("action_signpost"),
        ActionExecuted("action_listen"),
        _user("shes 15 too. she says everyone does it", "disclose_grooming"),
    ):
        tracker.update(event)
    assert topic_policy.next_action(tracker) == "utter_same_topic_more"


def test_an_adult_named_later_is_grooming_again():
    from bot.conversation.topics import conversation_topic

    turns = [
        ("disclose_grooming", "turns out hes actually 23", None),
        ("nlu_fallback", "my bf checks my phone every day", None),
    ]
    assert conversation_topic(turns) == "grooming"


def test_an_adult_partner_in_words_the_model_could_not_read_is_grooming():
    tracker = _tracker()
    tracker.update(_user("my boyfriend is 21 and everyone says its strange but hes lovely", "nlu_fallback"))
    assert topic_policy.next_action(tracker) == "utter_acknowledge_grooming"


def test_an_adult_partner_the_model_read_as_harassment_is_grooming():
    # C6's first run: "my bf is 23 ..." got the sexual-harassment reply
    tracker = _tracker()
    tracker.update(
        _user("my gf is 20 and she gets me vapes, my mates think its dodgy", "disclose_harassment")
    )
    assert topic_policy.next_action(tracker) == "utter_acknowledge_grooming"
    young = _tracker()
    young.update(_user("my bf keeps rating other girls in front of me", "disclose_harassment"))
    assert topic_policy.next_action(young) is None  # the harassment rule
