"""The custom actions, run with rasa_sdk trackers built from dicts (as RasaHQ/financial-demo does)."""

from __future__ import annotations

import re

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.local_support import ActionClarifyLocation, ActionShowLocalSupport
from actions.signposting import ActionSignpost
from actions.staff import ActionGiveStaffGuidance

RAPE_CRISIS_LINE = "0808 500 2222"


def tracker(intent: str = "greet", text: str = "", **slots) -> Tracker:
    return Tracker.from_dict(
        {
            "sender_id": "test",
            "slots": slots,
            "events": [],
            "paused": False,
            "latest_event_time": None,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
            "latest_message": {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": []},
        }
    )


async def run(action, tr: Tracker) -> tuple[str, list[dict], list[dict]]:
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tr, {})
    text = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    buttons = [b for m in dispatcher.messages for b in (m.get("buttons") or [])]
    return text, buttons, events


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


async def test_local_support_for_southwark():
    text, _, _ = await run(ActionShowLocalSupport(), tracker("inform_location", borough="southwark"))
    assert "Southwark" in text


def declined(intent: str, events: list[dict], **slots) -> Tracker:
    """A tracker whose latest message is "idk" (the LocationExtractor's not_given entity)."""
    tr = tracker(intent, "idk", **slots)
    tr.latest_message["entities"] = [{"entity": "borough", "value": "not_given"}]
    tr.events = events + [{"event": "user", "text": "idk"}]
    return tr


ASKED_FOR_BOROUGH = [
    {"event": "active_loop", "name": "local_support_form"},
    {"event": "slot", "name": "requested_slot", "value": "borough"},
    {"event": "bot", "text": "Which London borough are you in?"},
]


async def test_declining_to_say_gets_routes_and_is_forgotten_for_next_time():
    text, _, events = await run(
        ActionShowLocalSupport(), declined("deny", ASKED_FOR_BOROUGH, borough="not_given")
    )
    assert "you don't have to say where you are" in text and "Childline" in text
    assert {"event": "slot", "name": "borough", "value": None, "timestamp": None} in events


async def test_an_idk_said_to_another_question_makes_local_support_ask_for_the_borough():
    tr = tracker("ask_local_support", "support near me", borough="not_given")
    tr.events = [
        {"event": "bot", "text": "Are you in danger right now?"},
        {"event": "user", "text": "idk"},
        {"event": "slot", "name": "borough", "value": "not_given"},
        {"event": "user", "text": "support near me"},
    ]
    text, _, events = await run(ActionShowLocalSupport(), tr)
    assert text == ""  # nothing shown yet: the form asks the borough question next
    assert {"event": "slot", "name": "borough", "value": None, "timestamp": None} in events
    assert {"event": "followup", "name": "local_support_form", "timestamp": None} in events


async def test_an_idk_said_to_another_question_does_not_hide_the_borough_named_before():
    tr = tracker("ask_local_support", "support near me", borough="not_given")
    tr.events = [
        {"event": "slot", "name": "borough", "value": "hackney"},
        {"event": "bot", "text": "How old are you?"},
        {"event": "user", "text": "idk"},
        {"event": "slot", "name": "borough", "value": "not_given"},
        {"event": "user", "text": "support near me"},
    ]
    text, _, events = await run(ActionShowLocalSupport(), tr)
    assert "Support for people in Hackney" in text
    assert {"event": "slot", "name": "borough", "value": "hackney", "timestamp": None} in events
    staff_text, _, _ = await run(ActionGiveStaffGuidance(), tr)
    assert "Hackney" in staff_text


async def test_outside_london_gets_national_services_and_a_plain_sentence():
    text, _, _ = await run(ActionShowLocalSupport(), tracker("inform_location", borough="outside_london"))
    assert "outside London" in text and "Childline" in text


async def test_a_borough_without_a_verified_number_points_staff_to_the_council_and_the_nspcc(directory):
    unverified = [b for b in directory.boroughs if directory.find(b.front_door) is None]
    assert unverified, "the reference leaves some front doors null"
    for place in unverified:
        text, _, _ = await run(
            ActionShowLocalSupport(), tracker("inform_location", borough=place.id, audience="staff")
        )
        assert "NSPCC Helpline" in text and "0808 800 5000" in text
        if place.council_web:
            assert place.council_web in text


async def test_young_people_are_not_sent_to_the_adults_line_when_a_front_door_is_unverified(directory):
    place = next(b for b in directory.boroughs if directory.find(b.front_door) is None)
    text, _, _ = await run(ActionShowLocalSupport(), tracker("inform_location", borough=place.id))
    assert "Childline" in text and "NSPCC Helpline" not in text


async def test_straddling_district_offers_the_candidate_boroughs_as_buttons():
    text, buttons, events = await run(
        ActionClarifyLocation(), tracker("inform_location", borough_options="islington,hackney")
    )
    assert "more than one borough" in text
    assert [b["title"] for b in buttons] == ["Islington", "Hackney"]
    assert events[0]["name"] == "borough_options" and events[0]["value"] is None


async def test_unrecognised_place_gets_a_short_sorry_and_no_echo():
    text, _, _ = await run(ActionClarifyLocation(), tracker("inform_location", text="SW1A 1AA zzz"))
    assert "couldn't match" in text and "SW1A" not in text


async def test_staff_without_a_borough_are_offered_to_choose_one_and_told_about_the_lado():
    text, buttons, _ = await run(ActionGiveStaffGuidance(), tracker("ask_staff_guidance"))
    assert "LADO" in text and "NSPCC" in text
    assert buttons[0]["payload"] == "/ask_local_support"


async def test_staff_with_a_borough_get_its_front_door(directory):
    text, _, _ = await run(
        ActionShowLocalSupport(), tracker("inform_location", borough="hackney", audience="staff")
    )
    front_door = directory.get(directory.borough("hackney").front_door)
    assert "Hackney" in text and front_door.phone in text


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
    from actions.signposting import ActionContinueTopic

    user = {
        "event": "user",
        "text": "he says send more or he posts them",
        "parse_data": {"intent": {"name": "disclose_image_abuse", "confidence": 1.0}},
    }
    domain = {"responses": {"utter_continue_image_abuse": [{"text": "don't pay"}]}}
    fresh = Tracker.from_dict(
        {
            "sender_id": "t",
            "slots": {},
            "events": [user],
            "paused": False,
            "latest_event_time": None,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
            "latest_message": user,
        }
    )
    dispatcher = CollectingDispatcher()
    await ActionContinueTopic().run(dispatcher, fresh, domain)
    assert dispatcher.messages[0].get("response") == "utter_continue_image_abuse"
    said = {"event": "bot", "text": "don't pay", "metadata": {"utter_action": "utter_continue_image_abuse"}}
    again = Tracker.from_dict({**fresh.current_state(), "events": [user, said, user]})
    dispatcher = CollectingDispatcher()
    await ActionContinueTopic().run(dispatcher, again, domain)
    assert all(m.get("response") != "utter_continue_image_abuse" for m in dispatcher.messages)
