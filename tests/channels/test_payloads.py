"""bot.channels.payloads against the real domain and the buttons the assistant's code offers (issue 16).
Rasa's guarded REST input, which checks them too: tests/rasa_plugins/test_rest_input.py."""

from __future__ import annotations

import pytest
import yaml

from bot.channels.payloads import AllowedPayloads, allowed_payloads
from bot.directory.boroughs import london_boroughs


def test_every_button_of_the_domain_is_accepted(domain_yaml):
    allowed = allowed_payloads()
    payloads = [
        b["payload"]
        for variants in domain_yaml["responses"].values()
        for v in variants
        for b in v.get("buttons", [])
    ]
    assert payloads and all(allowed.accepts(p) for p in payloads)


def test_every_borough_choice_the_assistant_offers_is_accepted(directory):
    from bot.conversation.local import clarify_location_reply

    reply = clarify_location_reply(directory, list(london_boroughs()))
    assert len(reply.buttons) == len(london_boroughs())
    assert all(allowed_payloads().accepts(payload) for _, payload in reply.buttons)


def test_the_code_offers_only_accepted_follow_ups():
    from bot.conversation import replies
    from bot.conversation.local import CHOOSE_BOROUGH

    for _, payload in (*replies.FOLLOW_UPS, replies.NOT_NOW, CHOOSE_BOROUGH):
        assert allowed_payloads().accepts(payload), payload


@pytest.mark.parametrize(
    "payload",
    [
        '/inform_location{"borough": "hackney"} and then he followed me',
        '/inform_location{"borough": "Hackney Downs park"}',
        '/inform_location{"borough": ["hackney"]}',
        "/inform_location{}",
        '/inform_location{"borough": "hackney"',
        "/nonexistent_intent",
        "/Greet",
        "/i want to die",
    ],
)
def test_anything_else_in_intent_syntax_is_refused(payload):
    assert not allowed_payloads().accepts(payload)


def test_a_domain_without_buttons_still_accepts_the_channels_payloads():
    allowed = AllowedPayloads.from_domain(yaml.safe_load("intents: [greet]\nentities: []"))
    assert allowed.accepts("/greet") and allowed.accepts("/restart")
    assert not allowed.accepts("/say_not_now")
