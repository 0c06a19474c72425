"""actions/local_support.py: action_show_local_support (support in a borough, for young people and
for staff, and what happens when the borough is not given) and action_clarify_location."""

from __future__ import annotations

from rasa_sdk import Tracker

from actions.local_support import ActionClarifyLocation, ActionShowLocalSupport
from actions.staff import ActionGiveStaffGuidance
from tests.actions.trackers import run, tracker


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


async def test_staff_with_a_borough_get_its_front_door(directory):
    text, _, _ = await run(
        ActionShowLocalSupport(), tracker("inform_location", borough="hackney", audience="staff")
    )
    front_door = directory.get(directory.borough("hackney").front_door)
    assert "Hackney" in text and front_door.phone in text
