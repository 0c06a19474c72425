"""B22's kinds (issue 12, docs/safety/blind-runs.md "B22 after fixes"), in our own words: danger
now told with understatement, a man pressing himself against me on a named tube line, someone
under a court order who has just walked in, a baby taken in a pram; goodbye by sorting accounts
before a date. With look-alikes that must not alarm."""

import pytest

from bot.safety.risk import assess_risk, default_risk_data

URGENT = {"emergency", "medical", "check"}


def level(text):
    return assess_risk(text, default_risk_data()).level


@pytest.mark.parametrize(
    "text",
    [
        "awkward lol my dad is drunk and has my mum held against the wall, prob fine",
        "small thing haha my stepdad has got my sister pushed up against the door. probably nothing",
        "on the jubilee line and some guy keeps pressing himself against me",
        "on the victoria line and a man keeps rubbing himself on me, i moved and he moved too",
        "my ex stepdad has a court order to stay away and hes just walked into the waiting room",
        "turned round for one second and my baby cousin and her pram are gone from outside the shop",
    ],
)
def test_b22_danger_now_told_plainly_or_played_down_is_urgent(text):
    assert level(text) in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "who gets your snapchat when you die, want mine sorted before friday",
        "gg guys, quitting for good, gave my fortnite account to my cousin, hes got the login",
    ],
)
def test_b22_sorting_accounts_before_a_date_is_a_crisis(text):
    assert level(text) == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "on the central line and its so packed, my face is in someones bag",
        "how do restraining orders work, we did it in citizenship",
        "my sister took the pram to the park with the baby, can i go meet them",
        "gg everyone, last match of the season, see you next term",
        "how do i delete my old insta from year 7, its so cringe",
    ],
)
def test_b22_look_alikes_do_not_alarm(text):
    assert level(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "i used to self harm in year 8 but ive been clean 2 years, how do i explain the scars at swimming",
        "self harmed when i was younger, clean 3 yrs now, what do i say if people ask about the marks",
        "cut myself in year 7, stopped 4 years ago, i want to wear a vest at the gym, any tips",
    ],
)
def test_b22_self_harm_clean_for_a_number_of_years_is_no_alarm(text):
    assert level(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "i was clean 2 years but i self harmed again last night",
        "self harmed years ago, stopped 2 years, but i really want to cut myself tonight",
    ],
)
def test_b22_clean_for_years_but_again_or_an_urge_is_still_a_crisis(text):
    assert level(text) == "crisis"
