"""age_band_from_text: the writer's own present age only, school years rounded down."""

import pytest

from bot.nlu.age_parsing import BANDS, age_band_from_text, band_for_age, find_age


@pytest.mark.parametrize(
    "text,band",
    [
        # plain statements
        ("im 14", "13_15"),
        ("i'm 14", "13_15"),
        ("I'm 14", "13_15"),
        ("i\u2019m 15", "13_15"),
        ("i am 16", "16_17"),
        ("i m 13", "13_15"),
        ("iam 17", "16_17"),
        ("IM 12", "under_13"),
        ("im only 12", "under_13"),
        ("i'm only 12 pls dont tell anyone", "under_13"),
        ("im literally 13", "13_15"),
        ("im 16 now", "16_17"),
        ("im 17 years old", "16_17"),
        ("17 years old", "16_17"),
        ("14 yo", "13_15"),
        ("14yo", "13_15"),
        ("14 y/o", "13_15"),
        ("14yrs", "13_15"),
        ("15 yrs old", "13_15"),
        ("14-year-old", "13_15"),
        ("im a 14 year old girl", "13_15"),
        ("im a 14-year-old boy", "13_15"),
        ("im 14f", "13_15"),
        ("aged 15", "13_15"),
        ("age: 16", "16_17"),
        ("my age is 13", "13_15"),
        ("fifteen", "13_15"),
        ("im fifteen", "13_15"),
        ("im twelve", "under_13"),
        ("seventeen", "16_17"),
        ("15", "13_15"),
        ("15 btw", "13_15"),
        ("15!!", "13_15"),
        ("um 13", "13_15"),
        ("ok im 16", "16_17"),
        ("hi im 14 and i need help", "13_15"),
        ("im 18", "18_plus"),
        ("i'm 19", "18_plus"),
        ("im 11", "under_13"),
        ("14 here", "13_15"),
        ("im 14 x", "13_15"),
        ("we're both 14", "13_15"),
        ("13 nearly 14", "13_15"),
        ("15 turning 16", "13_15"),
        # school years (England): the lower age of the year
        ("im in year 9", "13_15"),
        ("i'm in yr 10", "13_15"),
        ("im in y11", "13_15"),
        ("im in year 7", "under_13"),
        ("im in year 8", "under_13"),  # 12-13 -> 12
        ("year 8", "under_13"),
        ("yr 9", "13_15"),
        ("year 12", "16_17"),
        ("im in year 13", "16_17"),
        ("im in year nine", "13_15"),
        ("im a year 10", "13_15"),
        ("im in sixth form", "16_17"),
        ("im in upper sixth", "16_17"),
        ("sixth form", "16_17"),
        ("year 6", "under_13"),
        ("im at uni", "18_plus"),
        # change of age
        ("i just turned 15", "13_15"),
        ("just turned 13 last week", "13_15"),
        ("im turning 16 next week", "13_15"),  # still 15 today
        ("ill be 13 in june", "under_13"),
        # first-person wins over other ages
        ("im 14 and hes 17", "13_15"),
        ("he is 19 and im 15", "13_15"),
        ("im in year 9 and hes in year 11", "13_15"),
        ("im under 13", "under_13"),
        ("im over 18", "18_plus"),
        ("im a 45 year old teacher", "18_plus"),
    ],
)
def test_stated_age(text, band):
    assert age_band_from_text(text) == band


@pytest.mark.parametrize(
    "text",
    [
        "he was 17",
        "hes 17",
        "he's 17 and i dont know what to do",
        "she's 14",
        "shes only 13",
        "my friend is 14",
        "my brother is in year 9",
        "a 17 year old boy touched me",
        "some 19 yo guy keeps messaging me",
        "a boy aged 15 grabbed me",
        "it happened 2 years ago",
        "it happened 3 years ago when i was 12",
        "when i was 8 my cousin touched me",
        "i was 12",
        "since i was 11",
        "when i turned 12 he started",
        "when im 18 ill report it",
        "if im 16 can i report",
        "at 3pm",
        "meet me at 9",
        "year 2019",
        "in 2021",
        "my 2 friends",
        "there were 3 of them",
        "im 2 mins away",
        "im 5 minutes from home",
        "im 10 years older than her",
        "im 100% sure",
        "im 1 of the girls on the list",
        "im 5 foot",
        "im a year 9 form tutor",
        "im a sixth form teacher",
        "i'm a primary school teacher",
        "i teach year 9",
        "a pupil in year 10 told me",
        "2",
        "100",
        "call 999",
        "",
        "hi",
        "i was raped",
        "they rated me 2 out of 10",
        "he sent 3 pics",
    ],
)
def test_not_an_own_age(text):
    assert age_band_from_text(text) is None


def test_none_and_whitespace():
    assert age_band_from_text(None) is None
    assert age_band_from_text("   ") is None


@pytest.mark.parametrize(
    "age,band",
    [
        (8, "under_13"),
        (12, "under_13"),
        (13, "13_15"),
        (15, "13_15"),
        (16, "16_17"),
        (17, "16_17"),
        (18, "18_plus"),
        (60, "18_plus"),
    ],
)
def test_band_boundaries(age, band):
    assert band_for_age(age) == band
    assert band in BANDS


def test_span_points_into_original_text():
    text = "hey so i\u2019m only 12 and scared"
    hit = find_age(text)
    assert hit is not None
    assert text[hit.start : hit.end] == "12"
    assert hit.age == 12


def test_school_year_span_and_lower_age():
    text = "im in year 10 btw"
    hit = find_age(text)
    assert hit.age == 14
    assert text[hit.start : hit.end] == "year 10"
