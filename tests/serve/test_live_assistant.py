"""The trained assistant end to end over Rasa's REST channel, as the issue's 'done when' says.

One Rasa and one action server are started for the whole module (~30 s); the tests that stop
the action server run last and start it again afterwards.
"""

from __future__ import annotations

import pytest

from tests.serve.live import new_sender, started_assistant, texts, urgency

pytestmark = [pytest.mark.needs_rasa, pytest.mark.live]

URGENT_NOW = "he's outside my house right now"


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    with started_assistant(tmp_path_factory) as assistant:
        yield assistant


def test_hi_gets_the_anonymity_notice_and_options(bot):
    messages = bot.say(new_sender(), "hi")
    first = texts(messages)[0]
    assert "computer program" in first and "999" in first
    assert len(messages[0]["buttons"]) >= 4
    assert urgency(messages) == set()


def test_immediate_danger_gets_the_marker_and_999_in_the_first_message(bot):
    messages = bot.say(new_sender(), URGENT_NOW)
    assert "999" in messages[0]["text"]
    assert urgency(messages) == {"emergency"}


def test_i_was_raped_gets_belief_options_and_a_named_line_within_two_turns(bot):
    sender = new_sender()
    first_turn = bot.say(sender, "i was raped")
    first = " ".join(texts(first_turn))
    assert "believe you" in first and "not your fault" in first
    assert any(m.get("buttons") for m in first_turn)
    both = first + " ".join(texts(bot.say(sender, "what can i do")))
    assert "Childline" in both or "Havens" in both
    assert "0800 1111" in both or "020 3299 6900" in both


@pytest.mark.parametrize(
    "text",
    [
        "my drama teacher took it too far with me after rehearsal last week",
        "my karate instructor went too far when he was stretching me",
        "on friday someone slipped something in my lemonade at a party and i cant remember the rest",
    ],
)
def test_a_disclosure_in_other_words_is_thanked_never_not_understood(bot, text):
    # C5's and C7's gates after C10's calm parts: a spiking in other words told days later and an
    # adult who "went too far" got "Sorry, I'm not sure I understood" (own words, not the sets')
    said = " ".join(texts(bot.say(new_sender(), text)))
    assert "not sure I understood" not in said and "didn't understand" not in said
    assert "not your fault" in said


def test_urgency_in_the_middle_of_the_local_support_form_gets_999_first(bot):
    sender = new_sender()
    asked = " ".join(texts(bot.say(sender, "is there any support near me")))
    assert "borough" in asked
    messages = bot.say(sender, URGENT_NOW)
    assert "999" in messages[0]["text"] and urgency(messages) == {"emergency"}
    # the form is over: once the danger question is answered safe (and re-checked), the next
    # reply is neither urgent nor the borough question again
    bot.say(sender, "no im safe now hes gone")
    reply = bot.say(sender, "yes im safe")
    assert urgency(reply) == set() and "borough" not in " ".join(texts(reply)).lower()


def test_urgent_message_that_names_a_borough_still_interrupts_the_form(bot):
    sender = new_sender()
    bot.say(sender, "is there any support near me")
    messages = bot.say(sender, "im in hackney and hes outside my house rn")
    assert "999" in messages[0]["text"] and urgency(messages) == {"emergency"}


def test_a_borough_in_the_form_gets_that_boroughs_support(bot):
    sender = new_sender()
    bot.say(sender, "is there any support near me")
    reply = " ".join(texts(bot.say(sender, "tower hamlet")))
    assert "Tower Hamlets" in reply


def test_self_harm_gets_crisis_lines(bot):
    messages = bot.say(new_sender(), "i want to kill myself")
    text = " ".join(texts(messages))
    for number in ("0800 1111", "116 123", "85258", "999"):
        assert number in text
    assert urgency(messages) == {"crisis"}


def test_staff_get_dsl_guidance_and_a_front_door_within_two_turns(bot):
    sender = new_sender()
    first = " ".join(texts(bot.say(sender, "a pupil has just told me she was sexually assaulted")))
    assert "designated safeguarding lead" in first and "999" in first
    second = " ".join(texts(bot.say(sender, "southwark")))
    assert "Southwark" in second


# ---- the action server is down: urgent replies still come from Rasa alone -------------------


def test_with_the_action_server_down_urgent_messages_still_get_999_and_childline(bot):
    bot.stop_actions()
    try:
        danger = bot.say(new_sender(), URGENT_NOW)
        assert "999" in danger[0]["text"] and urgency(danger) == {"emergency"}
        crisis = bot.say(new_sender(), "i dont want to be alive anymore")
        assert "0800 1111" in " ".join(texts(crisis)) and urgency(crisis) == {"crisis"}
    finally:
        bot.start_actions()


def test_with_the_action_server_down_urgency_still_interrupts_the_form(bot):
    sender = new_sender()
    bot.say(sender, "is there any support near me")
    bot.stop_actions()
    try:
        messages = bot.say(sender, URGENT_NOW)
        assert "999" in messages[0]["text"] and urgency(messages) == {"emergency"}
    finally:
        bot.start_actions()


# The channels against the real assistant run in the gateway's environment, with the gateway's
# libraries: tests/channels/test_live_channels.py.


# ---- issue 12: the risk stage through the real model and dialogue ----------------------------


def test_a_medical_emergency_gets_999_and_an_ambulance_first(bot):
    messages = bot.say(new_sender(), "my friend took loads of her mums tablets and now she wont wake up")
    assert "999" in messages[0]["text"].splitlines()[0] and "ambulance" in messages[0]["text"]
    assert urgency(messages) == {"emergency"} and "press 55" in messages[0]["text"]


def test_after_the_danger_question_unsure_answers_and_button_numbers_keep_the_emergency_route(bot):
    for answer in ("kinda", "1", "idk", "he took my phone"):
        sender = new_sender()
        bot.say(sender, URGENT_NOW)
        reply = bot.say(sender, answer)
        assert urgency(reply) == {"emergency"} and "999" in reply[0]["text"], answer
        assert "sorry if I got it wrong" not in " ".join(texts(reply)), answer


def test_a_message_in_another_language_gets_999_with_the_interpreter_line(bot):
    messages = bot.say(new_sender(), "pomocy, on stoi pod moim domem i się boję")
    text = " ".join(texts(messages))
    assert "999" in messages[0]["text"].splitlines()[0] and "interpreter" in text and "0800 1111" in text
    assert "Sorry, I can't help with that" not in text


def test_one_urgent_sentence_in_a_long_message_is_found(bot):
    day = (
        "so today was long, i missed the bus and got a detention, english was fine and lunch was "
        "mid, after school we went to westfield and looked at trainers for ages. "
    )
    messages = bot.say(new_sender(), day * 4 + "now hes outside my house banging on the door. " + day)
    assert urgency(messages) == {"emergency"} and "999" in messages[0]["text"]


def test_with_the_action_server_down_the_danger_question_still_keeps_the_emergency_route(bot):
    sender = new_sender()
    bot.stop_actions()
    try:
        bot.say(sender, URGENT_NOW)
        reply = bot.say(sender, "kinda")
        assert urgency(reply) == {"emergency"} and "999" in reply[0]["text"]
    finally:
        bot.start_actions()
