"""Rasa's REST input (credentials.yml) holds a request sent straight to Rasa's port to the same
button payloads as the channels (bot.channels.payloads)."""

from __future__ import annotations

import pytest
import yaml

from bot.rasa_plugins.rest_input import GuardedRestInput, RefusedPayload


class _Request:
    def __init__(self, message):
        self.json = {"sender": "s", "message": message}


def test_rasas_rest_input_refuses_smuggled_intent_syntax_before_reading_it():
    channel = GuardedRestInput()
    assert channel.name() == "rest"  # the same /webhooks/rest/webhook URL
    assert channel._extract_message(_Request("/say_not_now")) == "/say_not_now"
    assert channel._extract_message(_Request("hello /x")) == "hello /x"
    with pytest.raises(RefusedPayload) as refused:
        channel._extract_message(_Request('  /inform_location{"borough": "x"} he hurt me'))
    assert refused.value.status_code == 400 and "hurt" not in str(refused.value)


def test_credentials_name_the_guarded_channel_only(repo):
    credentials = yaml.safe_load((repo / "credentials.yml").read_text())
    assert list(credentials) == ["bot.rasa_plugins.rest_input.GuardedRestInput"]
