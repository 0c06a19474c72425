"""Answers to the danger question (bot/safety/danger_answer.py): anything but a clear "I'm safe"
keeps the emergency route. One test per kind of answer."""

import pytest

from bot.safety.danger_answer import DANGER, MISUNDERSTOOD, NO, NOT_NOW, SAFE, read_answer

BUTTONS = [
    {"title": "Yes, I'm in danger", "payload": "/report_immediate_danger"},
    {"title": "No, I'm safe right now", "payload": "/confirm_safe"},
    {"title": "You misunderstood me", "payload": "/correct_misunderstanding"},
]


def answer(text, yes_means=DANGER, intent=None):
    return read_answer(text, intent, BUTTONS, yes_means)


@pytest.mark.parametrize("text", ["yes", "yh", "ye", "yesss", "Yes", "yeah i am"])
def test_any_kind_of_yes_means_what_the_question_says(text):
    assert answer(text) == DANGER
    assert answer(text, yes_means=SAFE) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        "kinda",
        "idk",
        "i think so",
        "sort of",
        "maybe",
        "...",
        "?",
        "ok",
        "not sure he went quiet",
        "no... i mean i dont know",
    ],
)
def test_unsure_answers_keep_the_emergency_route(text):
    assert answer(text) == DANGER


@pytest.mark.parametrize(
    "text",
    [
        "999",
        "help",
        "he took my phone",
        "hes banging on the door",
        "ya hes still behind me",
        "no hes just in the other room",
        "nah not rn but hes coming round tonight",
        "cant talk hes here",
        "safe for now i think but hes still in the house",
    ],
)
def test_a_new_detail_or_999_keeps_the_emergency_route(text):
    assert answer(text) == DANGER


def test_typed_button_numbers_and_titles_count_as_the_button():
    assert answer("1") == DANGER and answer("1.") == DANGER
    assert answer("2") == SAFE and answer("No, I'm safe right now") == SAFE
    assert answer("3") == MISUNDERSTOOD
    assert answer("4") == DANGER  # no fourth button: unsure


def test_pressed_buttons_and_story_steps_use_the_payload():
    assert answer("/confirm_safe") == SAFE
    assert answer("/report_immediate_danger") == DANGER
    assert answer("", intent="affirm") == DANGER and answer("", SAFE, intent="affirm") == SAFE
    assert answer("", intent="deny") == NO


@pytest.mark.parametrize(
    "text",
    [
        "im safe now hes gone",
        "no im ok hes gone",
        "nah im at my nans now",
        "no its not happening now it was years ago",
        "nope safe, just wanna talk",
        "no he moved away ages ago im fine rn",
    ],
)
def test_a_clear_statement_of_being_safe_is_safe(text):
    assert answer(text) == SAFE


def test_bare_no_misunderstood_and_not_now():
    assert answer("no") == NO and answer("nah") == NO
    assert answer("you got it wrong") == MISUNDERSTOOD
    assert answer("not now") == NOT_NOW


def test_not_safe_is_never_safe():
    assert answer("no im not safe") == DANGER
    assert answer("i dont feel safe") == DANGER


@pytest.mark.parametrize(
    "text",
    [
        "nah all good, ran off and im at the library with the staff now",
        "not anymore, im on the bus home with my cousin",
    ],
)
def test_a_safe_answer_that_mentions_the_danger_having_happened_is_safe(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        "not anymore, im in a car with him",
        "all good but hes still outside",
        "all good, hes got a knife tho",
        "not anymore but hes driving back towards me",
        "got away, im at the shop with the staff but hes outside",
        "all good but my friend is really sleepy and her eyes keep closing",
    ],
)
def test_all_good_or_not_anymore_with_a_danger_detail_keeps_the_emergency_route(text):
    assert answer(text) == DANGER


@pytest.mark.parametrize(
    "text",
    [
        "no that all happened years back, i just want to make sense of it",
        "nah back home now, my nan is with me",
        "no we got the train home with my auntie now",
        "no were ok now",
        "no the police turned up and took them",
    ],
)
def test_safe_with_family_now_or_the_danger_long_past_is_safe(text):
    # B6's kinds: "was ages ago", "home now my mum's here", "with my sister now, we're fine"
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        "no it was ages ago but hes outside again",
        "nah home now but my stepdad is here",
        "were fine but theyre following the bus",
    ],
)
def test_safe_words_with_a_danger_detail_still_keep_the_emergency_route(text):
    assert answer(text) == DANGER


def test_the_answer_is_read_by_the_word_classes_not_the_classifier():
    from dataclasses import replace

    from bot.safety.risk import default_risk_data

    class Alarmist:  # a classifier that flags every answer
        settings = default_risk_data().classifier.settings

        def flags(self, window):
            return ("emergency_or_medical", "crisis")

    data = replace(default_risk_data(), classifier=Alarmist())
    assert read_answer("no im ok now, at my nans", None, BUTTONS, DANGER, data) == SAFE


# the 2026-11-30 trial: "its fine" as the whole answer, with or without where I am
@pytest.mark.parametrize(
    "text",
    [
        "its fine",
        "im at home, its fine",
        "nah im home now its all good",
        "everything's ok here",
        "its all good now honestly",
    ],
)
def test_its_fine_as_the_whole_answer_is_safe(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text", ["its fine i guess", "its fine hes downstairs", "its fine but he said hes coming back"]
)
def test_its_fine_with_doubt_or_a_danger_detail_keeps_the_route(text):
    assert answer(text) == DANGER


# B7's kinds: safe because the person is far away, does not know where I am, a court order, or
# the people at home are named as kind
@pytest.mark.parametrize(
    "text",
    [
        "no, hes living abroad now and doesnt know our address or where we live",
        "nah my ex moved miles away and she doesnt know where i stay",
        "no we moved out ages ago and theres a non molestation order",
        "no im downstairs, my mum and dad are home and theyre really nice",
    ],
)
def test_safe_because_far_away_or_an_order_or_kind_parents(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        "he doesnt know where i live but hes outside my school now",
        "theres a restraining order but hes at the door",
        "my parents are home and lovely but my brother is hitting me",
    ],
)
def test_those_reasons_with_danger_now_keep_the_route(text):
    assert answer(text) == DANGER
