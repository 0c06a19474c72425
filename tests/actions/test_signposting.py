"""actions/signposting.py: action_signpost (who can help with what was told, for the age given)
and action_continue_topic; and, for every action that replies, that no reply asks for identifying
details."""

from __future__ import annotations

import re

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.local_support import ActionShowLocalSupport
from actions.signposting import ActionContinueTopic, ActionSignpost
from actions.staff import ActionGiveStaffGuidance
from tests.actions.trackers import run, tracker

RAPE_CRISIS_LINE = "0808 500 2222"


async def test_signpost_for_an_assault_names_a_line_with_its_number():
    text, buttons, events = await run(ActionSignpost(), tracker("disclose_assault"))
    assert "Childline" in text and "0800 1111" in text
    assert {"event": "slot", "name": "topic", "value": "assault", "timestamp": None} in events
    assert any(b["payload"] == "/say_not_now" for b in buttons)


async def test_unknown_age_is_offered_as_an_optional_question_with_buttons():
    text, buttons, _ = await run(ActionSignpost(), tracker("disclose_assault"))
    assert "You don't have to" in text
    assert {b["payload"] for b in buttons} >= {'/inform_age{"age_band": "13_15"}', "/say_not_now"}


@pytest.mark.parametrize("band", ["under_13", "13_15"])
async def test_under_16s_are_never_offered_the_16_plus_line(band):
    for intent in ("disclose_assault", "disclose_harassment", "disclose_past_abuse", "ask_real_person"):
        text, _, _ = await run(ActionSignpost(), tracker(intent, age_band=band))
        assert RAPE_CRISIS_LINE not in text, (intent, band)


async def test_an_age_keeps_the_topic_it_answers():
    text, _, events = await run(
        ActionSignpost(), tracker("inform_age", topic="image_abuse", age_band="13_15")
    )
    assert "Report Remove" in text
    assert events[0]["value"] == "image_abuse"


async def test_no_action_reply_asks_for_identifying_details():
    replies = []
    for action, tr in [
        (ActionSignpost(), tracker("disclose_assault")),
        (ActionShowLocalSupport(), tracker("inform_location", borough="camden")),
        (ActionGiveStaffGuidance(), tracker("ask_staff_guidance", borough="camden")),
    ]:
        replies.append((await run(action, tr))[0])
    for text in replies:
        for question in re.findall(r"[^.!?\n]*\?", text):
            assert not re.search(r"\b(who|name|school|address|why)\b", question, re.I), question


async def test_continuing_a_topic_gives_its_own_advice_once():
    user = {
        "event": "user",
        "text": "he says send more or he posts them",
        "parse_data": {"intent": {"name": "disclose_image_abuse", "confidence": 1.0}},
    }
    domain = {"responses": {"utter_continue_image_abuse": [{"text": "don't pay"}]}}
    fresh = tracker("disclose_image_abuse", user["text"], events=[user])
    dispatcher = CollectingDispatcher()
    await ActionContinueTopic().run(dispatcher, fresh, domain)
    assert dispatcher.messages[0].get("response") == "utter_continue_image_abuse"
    said = {"event": "bot", "text": "don't pay", "metadata": {"utter_action": "utter_continue_image_abuse"}}
    again = Tracker.from_dict({**fresh.current_state(), "events": [user, said, user]})
    dispatcher = CollectingDispatcher()
    await ActionContinueTopic().run(dispatcher, again, domain)
    assert all(m.get("response") != "utter_continue_image_abuse" for m in dispatcher.messages)
