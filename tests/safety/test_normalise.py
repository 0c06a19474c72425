"""normalise(): the disguises a message can wear all fold to the same plain words."""

import pytest
from hypothesis import given, settings, strategies as st

from bot.safety.normalise import normalise


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("He's OUTSIDE my house!!", "he is outside my house"),
        ("k1ll mys3lf", "kill myself"),
        ("su1c1de", "suicide"),
        ("r@ped", "raped"),
        ("$uicidal", "suicidal"),
        ("i w4nt t0 d1e", "i want to die"),
        ("pleeeease", "please"),
        ("killlll", "kill"),
        ("feeeel", "feel"),
        ("noww", "now"),
        ("i feel worthless", "i feel worthless"),  # real double letters survive
        ("football", "football"),
        ("im gna kms rn", "i am going to kill myself right now"),
        ("s.u.i.c.i.d.e", "suicide"),
        ("i want to unalive myself", "i want to kill myself"),
        ("want 2 die", "want to die"),
        ("hes comin back 4 me", "he is coming back for me"),
        # a number that counts something stays a number (C5's first run: "like 2 hours ago")
        ("i got home like 2 hours ago", "i got home like 2 hours ago"),
        ("she had 4 shots and passed out", "she had 4 shots and passed out"),
        ("there was 2 men in the car", "there was 2 men in the car"),
        ("he's got a 🔪", "he has got a knife"),
        ("took a load of 💊", "took a load of pills"),
        ("i want to be ☠️", "i want to be dead"),
        ("he\u200b's out\u200dside", "he is outside"),
        ("\u202ei want to die\u202c", "i want to die"),
        ("kn\u00adife", "knife"),
        ("ｈｅｌｐ ｍｅ", "help me"),  # fullwidth
        ("kіll myself", "kill myself"),  # Cyrillic і
        ("/greet i want to die", "greet i want to die"),
        ("/report_immediate_danger", "report immediate danger"),
        ("he is outside ma house", "he is outside my house"),
        # B8's kind: number-spelling and a homophone of break
        ("som1 tryna brake in2 the flat", "someone trying to break into the flat"),
        ("sum1 is braking in", "someone is breaking in"),
        ("the brakes on my bike", "the brakes on my bike"),
        ("walk me home", "walk me home"),
        ("my dad's outside", "my dad is outside"),
        ("my dad's car", "my dads car"),
        ("i'm in se15, year 10", "i am in se15 year 10"),
        ("", ""),
    ],
)
def test_examples(raw, expected):
    assert normalise(raw) == expected


def test_non_string_input_is_tolerated():
    assert normalise(None) == ""
    assert normalise(12) == "12"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_and_output_is_plain(text):
    out = normalise(text)
    assert isinstance(out, str)
    assert out == out.strip() and "  " not in out
    assert all(c in "abcdefghijklmnopqrstuvwxyz0123456789 " for c in out)


_WORDS = st.sampled_from(
    "i im he hes she they want wanna to die kill myself kms rn u ur please help me now outside "
    "my house knife dead feel sooo noww 2 4 comin back for dont cant won't i'm he's 😭 💀 🔪 "
    "k1ll su1c1de pleeease yes no ok".split()
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=12).map(" ".join))
def test_idempotent_on_message_like_text(text):
    once = normalise(text)
    assert normalise(once) == once


def test_a_repeated_single_letter_is_not_joined_into_a_word():
    # found by the idempotence property: "i i i im" became "i i i i am", then "i am"
    assert normalise("i i i im") == "i i i i am"
    assert normalise(normalise("i i i im")) == normalise("i i i im")
    assert normalise("s u i c i d e") == "suicide"
