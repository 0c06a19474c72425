"""B27's kinds (issue 12, the first run of blind set B27, and its replay after C22's kinds), in our
own words, both ways: a child taken or gone who has not come back yet stays urgent even when the
grooming or abuse beside it is told as going on "for weeks" (C22 had made "for weeks" a history);
a child not back yet who cannot be reached or is with older people is danger now; and the
look-alikes (back late from a club, a habit every Friday, found again, back to school after the
summer) stay quiet."""

import pytest

from bot.safety.risk import assess_risk, default_risk_data


def level(text):
    return assess_risk(text, default_risk_data()).level


def words_level(text):
    return assess_risk(text, default_risk_data(), use_classifier=False).level


@pytest.mark.parametrize(
    "text",
    [
        "my son hasnt come home and his phone is off, some older lads have been messaging him for weeks",
        "our foster daughter hasnt come back from college and isnt answering her phone",
        "my little sister still hasnt come home and she isnt picking up, she was with some older boys",
        "my nephew hasnt come back yet and his phone goes straight to voicemail",
    ],
)
def test_a_child_not_back_who_cannot_be_reached_is_danger_now_by_the_words(text):
    assert words_level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "my brother got taken off in a car by some older boys after football and hasnt come back, theyve been grooming him for months",
        "my cousin went off with a man from online after school and hasnt come home, hes been talking to him for weeks",
    ],
)
def test_not_come_back_yet_keeps_the_route_beside_abuse_told_as_going_on_for_weeks(text):
    assert level(text) in {"emergency", "check"}


@pytest.mark.parametrize(
    "text",
    [
        "my daughter hasnt come back from school yet, she has netball on thursdays",
        "he hasnt come back and his phone is off but he does this every friday lol",
        "my brother hasnt come home, turns out his phone died but hes at his mates, panic over",
        "he hasnt come back to school since the summer, hes been off sick for weeks",
        "my stepdad left after the row and hasnt come back, we are fine, mum is here",
    ],
)
def test_not_back_yet_with_a_reason_a_habit_or_found_again_stays_quiet(text):
    assert level(text) is None
