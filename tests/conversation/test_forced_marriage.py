"""Being made to marry (data/conversation/forced_marriage.yml, bot/conversation/forced_marriage.py):
a young person's topic and an adult's situation, recognised in our own words (C14's and C15's
first runs found no route for it), and a wedding someone chose left alone."""

from __future__ import annotations

import pytest

from bot.conversation.forced_marriage import is_forced_marriage, load_signs
from bot.conversation.questions import answers_for
from bot.conversation.topics import topic_of_turn
from bot.conversation.trusted_adults import situation_of


@pytest.mark.parametrize(
    "text",
    [
        "do i have to marry the guy my parents picked, im 15",
        "my uncle says im getting engaged when we go to pakistan in the holidays",
        "theyre taking me back home in august to meet the boy's family and i dont want to",
        "mum has hidden my passport and keeps talking about a rishta",
        "they want me to marry my cousin after my gcses",
        "I think one of our Year 10s is being sent abroad to be married off",
        "my dad says hes arranging for me to get married next year",
    ],
)
def test_a_child_made_or_taken_abroad_to_marry_is_forced_marriage(text):
    assert is_forced_marriage(text)
    assert topic_of_turn("start_disclosure", text) == "forced_marriage"


@pytest.mark.parametrize(
    "text",
    [
        "my sister is getting married in june and im a bridesmaid",
        "my grandparents had an arranged marriage and theyre still happy",
        "we are going to bangladesh this summer for my cousins wedding",
        "i want to marry him when im older lol",
        "my mum took my passport so i cant go on the school trip",
        "is it weird to want a big wedding",
    ],
)
def test_a_wedding_someone_chose_is_not(text):
    assert not is_forced_marriage(text)


def test_an_adult_telling_of_it_gets_the_forced_marriage_situation():
    assert (
        situation_of(["A Year 9 girl says she'll be married off when she goes back home at Easter"])
        == "forced_marriage"
    )
    assert (
        situation_of(["Her dad has taken her passport and she says there's a rishta waiting in Pakistan"])
        == "forced_marriage"
    )


def test_whether_school_rings_home_gets_the_forced_marriage_answer_only_in_that_conversation():
    question = "if i tell my teacher will she call my dad"
    assert answers_for(question, "young_person", topics_told=["forced_marriage"]) == [
        "utter_answer_forced_marriage_family"
    ]
    assert answers_for(question, "young_person", topics_told=["harassment"]) == ["utter_answer_parents_told"]


def test_inviting_the_family_in_is_answered_no_for_staff():
    question = "Would it help to bring her mum and dad in for a meeting first?"
    assert "utter_staff_answer_fm_family" in answers_for(question, "staff", topics_told=["forced_marriage"])


def test_the_forced_marriage_units_number_is_asked_for():
    assert answers_for("whats the phone number for the forced marriage unit", "young_person") == [
        "utter_answer_fmu_number"
    ]
    assert answers_for("How do we contact the FMU?", "staff") == ["utter_answer_fmu_number"]


def test_a_broken_file_is_refused_with_the_file_named(tmp_path):
    bad = tmp_path / "fm.yml"
    bad.write_text('signs: ["(unclosed"]\n')
    with pytest.raises(ValueError, match="fm.yml"):
        load_signs(bad)
    bad.write_text("signs: []\n")
    with pytest.raises(ValueError, match="signs"):
        load_signs(bad)


def test_the_forced_marriage_units_line_gives_its_out_of_hours_number_when_closed():
    # the unit's day line is weekdays 9 to 5; a child told at night needs the Response Centre's
    from datetime import datetime

    from bot.directory.loader import load_directory
    from bot.directory.render import contact_line

    unit = load_directory().get("forced_marriage_unit")
    line = contact_line(unit, datetime(2026, 12, 5, 23, 0))  # a Saturday night
    assert "020 7008 0151" in line and "closed now" in line and "out of hours call 020 7008 1500" in line
