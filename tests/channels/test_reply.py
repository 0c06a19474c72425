"""bot/channels/reply.py: what both channels keep of Rasa's REST output (text, buttons, the urgency
marker) and what they refuse."""

from __future__ import annotations

import pytest

from bot.channels.errors import RasaUnavailable
from bot.channels.reply import parse_rest_output


def test_parse_rest_output_keeps_text_buttons_and_urgency_only():
    reply = parse_rest_output(
        [
            {
                "recipient_id": "s",
                "text": "Call 999 now.",
                "buttons": [{"title": "I'm safe", "payload": "/confirm_safe"}],
            },
            {"recipient_id": "s", "custom": {"urgency": "emergency"}},
            {"recipient_id": "s", "custom": {"urgency": "crisis", "text": "Samaritans"}},
            {"recipient_id": "s", "image": "http://x"},
            "junk",
        ]
    )
    assert reply.urgency == ("emergency", "crisis")
    assert [m.text for m in reply.messages] == ["Call 999 now.", "Samaritans"]
    assert reply.messages[0].buttons[0].payload == "/confirm_safe"
    assert "recipient_id" not in str(reply.to_json())
    assert parse_rest_output([{"custom": {"urgency": "made-up"}, "text": "hi"}]).urgency == ()
    with pytest.raises(RasaUnavailable):
        parse_rest_output({"not": "a list"})
