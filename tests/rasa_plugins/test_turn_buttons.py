"""A button offered earlier in a turn is not offered again by a later message of that turn."""

from __future__ import annotations

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.nlg.turn_buttons import offered_this_turn, without_offered_buttons
from bot.rasa_plugins.directory_nlg import DirectoryNLG

NOT_NOW = {"title": "Not now", "payload": "/say_not_now"}
SAFE = {"title": "Yes, I'm safe now", "payload": "/confirm_safe"}


def bot_said(*buttons):
    return BotUttered("…", {"buttons": list(buttons)})


def test_only_buttons_since_the_latest_user_message_count():
    events = [UserUttered("hi"), bot_said(SAFE), UserUttered("ok"), bot_said(NOT_NOW)]
    assert offered_this_turn(events) == {"Not now", "/say_not_now"}
    assert offered_this_turn(events + [UserUttered("and?")]) == set()


def test_a_repeated_button_is_left_off_and_the_others_stay():
    message = {"text": "Are you somewhere safe?", "buttons": [SAFE, NOT_NOW]}
    assert without_offered_buttons(message, {"/say_not_now"}) == {"text": message["text"], "buttons": [SAFE]}
    assert without_offered_buttons(message, set()) is message


def test_a_message_whose_buttons_were_all_offered_has_none():
    trimmed = without_offered_buttons({"text": "x", "buttons": [NOT_NOW]}, {"Not now"})
    assert trimmed == {"text": "x"}


async def test_the_nlg_leaves_off_a_button_already_offered_in_this_turn():
    domain = Domain.from_dict({"responses": {"utter_q": [{"text": "Safe?", "buttons": [SAFE, NOT_NOW]}]}})
    nlg = DirectoryNLG(EndpointConfig(type="bot.rasa_plugins.directory_nlg.DirectoryNLG"), domain)
    answered = DialogueStateTracker.from_events(
        "t", [UserUttered("will people know"), ActionExecuted("utter_answer"), bot_said(NOT_NOW)]
    )
    assert (await nlg.generate("utter_q", answered, "rest"))["buttons"] == [SAFE]
    fresh = DialogueStateTracker.from_events("t", [UserUttered("hi")])
    assert (await nlg.generate("utter_q", fresh, "rest"))["buttons"] == [SAFE, NOT_NOW]
