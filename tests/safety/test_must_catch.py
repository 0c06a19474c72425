"""Every must-catch message fires at its level, and zero-width characters cannot hide one."""

import pytest
from hypothesis import given, settings, strategies as st

from bot.safety.evaluate import MUST_CATCH, load_must_catch
from bot.safety.matcher import assess

MUST_FIRE, MUST_RECOGNISE = load_must_catch(MUST_CATCH)
INVISIBLE = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def test_the_list_is_big_enough_and_holds_the_miner_panel():
    assert len(MUST_FIRE) >= 60
    texts = {m["text"] for m in MUST_FIRE} | {m["text"] for m in MUST_RECOGNISE}
    for item in [
        "I want to commit suicide",
        "I am depressed",
        "I was raped",
        "I am being abused",
        "I'm being forced to have sex and I'm only 12",
    ]:
        assert item in texts


@pytest.mark.parametrize("case", MUST_FIRE, ids=lambda c: c["text"][:40])
def test_must_fire(case):
    assert assess(case["text"]).level == case["level"]


@pytest.mark.parametrize("case", MUST_FIRE[:20], ids=lambda c: c["text"][:40])
def test_leading_slash_does_not_bypass(case):
    for prefix in ("/", "/greet ", '/affirm{"a": 1} ', "//"):
        assert assess(prefix + case["text"]).level == case["level"]


@settings(max_examples=200, deadline=None)
@given(case=st.sampled_from(MUST_FIRE), data=st.data())
def test_inserting_invisible_characters_never_stops_a_must_catch(case, data):
    text = case["text"]
    positions = data.draw(st.lists(st.integers(0, len(text)), max_size=8))
    chars = data.draw(st.lists(st.sampled_from(INVISIBLE), min_size=len(positions), max_size=len(positions)))
    for position, char in sorted(zip(positions, chars), reverse=True):
        text = text[:position] + char + text[position:]
    assert assess(text).level == case["level"]
