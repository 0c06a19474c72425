"""SocialIntentGuard (bot/rasa_plugins/social_intent_guard.py): the intent and ranking Rasa
passes on when a short social intent has no words in the message."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.social_intent_guard import SocialIntentGuard, without_unfounded_social_intents


def _message(text, ranking):
    message = Message(data={"text": text})
    message.set("intent", dict(ranking[0]))
    message.set("intent_ranking", ranking)
    return message


RANKING = [
    {"name": "say_thanks", "confidence": 0.8},
    {"name": "say_not_now", "confidence": 0.1},
    {"name": "disclose_adult_abuse", "confidence": 0.06},
    {"name": "greet", "confidence": 0.04},
]


def test_a_disclosure_read_as_thanks_gets_the_models_next_guess_renormalised():
    [message] = SocialIntentGuard().process([_message("a man on my road did stuff to me last week", RANKING)])
    assert message.get("intent")["name"] == "disclose_adult_abuse"
    assert message.get("intent")["confidence"] == pytest.approx(0.6)
    assert [e["name"] for e in message.get("intent_ranking")] == ["disclose_adult_abuse", "greet"]
    assert sum(e["confidence"] for e in message.get("intent_ranking")) == pytest.approx(1.0)


def test_thanks_with_its_words_is_kept():
    [message] = SocialIntentGuard().process([_message("thanks that helped", RANKING)])
    assert message.get("intent")["name"] == "say_thanks"
    assert message.get("intent_ranking") == RANKING


def test_other_intents_pass_untouched():
    ranking = [{"name": "disclose_harassment", "confidence": 0.9}, {"name": "say_thanks", "confidence": 0.1}]
    [message] = SocialIntentGuard().process([_message("he keeps touching me in the corridor", ranking)])
    assert message.get("intent")["name"] == "disclose_harassment"
    assert message.get("intent_ranking") == ranking


def test_a_ranking_of_only_unfounded_social_intents_is_left_alone():
    ranking = [{"name": "say_thanks", "confidence": 0.7}, {"name": "say_not_now", "confidence": 0.3}]
    assert without_unfounded_social_intents(ranking, "it was on tuesday") == ranking


def test_all_belief_on_an_unfounded_thanks_leaves_a_zero_confidence_guess():
    # DIET can give 1.0 to say_thanks and 0.0 to the rest: the next guess at 0 confidence,
    # which FallbackClassifier turns into nlu_fallback, never "You're welcome"
    ranking = [{"name": "say_thanks", "confidence": 1.0}, {"name": "disclose_adult_abuse", "confidence": 0.0}]
    [message] = SocialIntentGuard().process([_message("it was on saturday at his", ranking)])
    assert message.get("intent") == {"name": "disclose_adult_abuse", "confidence": 0.0}
