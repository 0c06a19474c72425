"""bot/channels/typed_text.py: what both channels do to typed text before Rasa sees it: never a
leading "/" (an intent), a full postcode cut to its first half."""

from __future__ import annotations

from bot.channels.typed_text import clean_typed_text


def test_typed_text_never_starts_with_a_slash():
    assert clean_typed_text("  /restart ") == "restart"
    assert clean_typed_text('//greet{"x":1}') == 'greet{"x":1}'
    assert clean_typed_text("a/b") == "a/b"


def test_typed_text_loses_a_full_postcode_before_rasa_sees_it():
    assert clean_typed_text("/my postcode is E8 1AB help") == "my postcode is E8 help"
