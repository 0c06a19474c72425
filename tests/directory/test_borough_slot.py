"""An "idk" fills the borough slot in any turn; it stands for the borough only when it answers
the borough question (bot.directory.borough_slot)."""

from __future__ import annotations

from bot.directory.borough_slot import borough_in_context
from bot.directory.location import NOT_GIVEN

IDK = {"text": "idk", "intent": {"name": "deny"}, "entities": [{"entity": "borough", "value": NOT_GIVEN}]}
ASKED = [
    {"event": "active_loop", "name": "local_support_form"},
    {"event": "slot", "name": "requested_slot", "value": "borough"},
    {"event": "bot", "text": "Which London borough are you in?"},
    {"event": "action", "name": "action_listen"},
]
USER_IDK = {"event": "user", "text": "idk"}
SET_IDK = {"event": "slot", "name": "borough", "value": NOT_GIVEN}


def test_a_borough_or_no_value_is_taken_as_it_is():
    assert borough_in_context("hackney", [], None) == "hackney"
    assert borough_in_context(None, [], None) is None
    assert borough_in_context("outside_london", [], None) == "outside_london"


def test_idk_in_answer_to_the_borough_question_declines():
    assert borough_in_context(NOT_GIVEN, ASKED + [USER_IDK, SET_IDK], IDK) == NOT_GIVEN


def test_idk_given_as_a_place_answer_declines():
    as_place = {**IDK, "intent": {"name": "inform_location"}}
    assert borough_in_context(NOT_GIVEN, [USER_IDK, SET_IDK], as_place) == NOT_GIVEN


def test_idk_to_another_question_is_not_an_answer_about_the_borough():
    danger = [{"event": "bot", "text": "Are you in danger right now?"}, USER_IDK, SET_IDK]
    later = {"event": "user", "text": "support near me"}
    message = {"text": "support near me", "intent": {"name": "ask_local_support"}, "entities": []}
    assert borough_in_context(NOT_GIVEN, danger + [later], message) is None
    # said in this very turn, but to the danger question, not the borough one
    assert borough_in_context(NOT_GIVEN, danger, IDK) is None


def test_idk_to_another_question_keeps_the_borough_named_before():
    events = [
        {"event": "slot", "name": "borough", "value": "lambeth"},
        {"event": "bot", "text": "How old are you?"},
        USER_IDK,
        SET_IDK,
    ]
    assert borough_in_context(NOT_GIVEN, events, IDK) == "lambeth"


def test_a_borough_cleared_since_is_not_brought_back():
    events = [
        {"event": "slot", "name": "borough", "value": "lambeth"},
        {"event": "slot", "name": "borough", "value": None},  # declined when asked, then forgotten
        {"event": "bot", "text": "How old are you?"},
        USER_IDK,
        SET_IDK,
    ]
    assert borough_in_context(NOT_GIVEN, events, IDK) is None
    restarted = [
        {"event": "slot", "name": "borough", "value": "lambeth"},
        {"event": "restart"},
        USER_IDK,
        SET_IDK,
    ]
    assert borough_in_context(NOT_GIVEN, restarted, IDK) is None


def test_a_finished_form_is_not_still_asking():
    finished = ASKED + [
        {"event": "user", "text": "hackney"},
        {"event": "active_loop", "name": None},
        {"event": "slot", "name": "requested_slot", "value": None},
        {"event": "bot", "text": "Are you in danger right now?"},
        USER_IDK,
        SET_IDK,
    ]
    assert borough_in_context(NOT_GIVEN, finished, IDK) is None
