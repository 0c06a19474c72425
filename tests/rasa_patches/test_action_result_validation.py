"""Rasa checks action server replies against its schema as before, with the schema checked once."""

from __future__ import annotations

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from bot.rasa_patches import action_result_validation

VALID = {
    "events": [{"event": "slot", "name": "borough", "value": "hackney"}],
    "responses": [{"text": "hello"}],
}
INVALID = [{"events": "not a list"}, {"events": [{"no_event_key": 1}]}, {"responses": "x"}]


@pytest.fixture(autouse=True)
def installed():
    action_result_validation.install()


def remote_action() -> RemoteAction:
    return RemoteAction("action_x", None)


def test_a_valid_reply_passes():
    assert remote_action()._validate_action_result(VALID) is True


@pytest.mark.parametrize("reply", INVALID)
def test_invalid_replies_are_refused_with_the_same_error_as_jsonschema_validate(reply):
    with pytest.raises(jsonschema.ValidationError) as patched:
        remote_action()._validate_action_result(reply)
    with pytest.raises(jsonschema.ValidationError) as original:
        jsonschema.validate(reply, RemoteAction.action_response_format_spec())
    assert patched.value.message.startswith(original.value.message)
    assert "Failed to validate Action server response" in patched.value.message


def test_installing_twice_keeps_one_patch():
    first = RemoteAction._validate_action_result
    action_result_validation.install()
    assert RemoteAction._validate_action_result is first
