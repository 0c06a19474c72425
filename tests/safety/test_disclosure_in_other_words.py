"""Disclosures told in other words, after C10's calm parts (issue 13) took away the false urgency
levels that used to carry them: C5's spiking told days later ("someone put something in my drink")
and C7's coach who "went too far" then got "Sorry, I'm not sure I understood" twice. A spiking in
other words now reads as the word "spiked" does (groups.yml: drink_spiking, in the parts spiked
and sexual_assault), and abuse in other words is the part veiled_abuse, which never gives a level
on its own: SafetyNet gives it the disclosure reading (tests/rasa_plugins/test_safety_net.py).
Our own words, not the sets' lines (C5 and C7 stay the gated check)."""

import pytest

from bot.safety.risk import assess_risk


@pytest.mark.parametrize(
    "text",
    [
        "a lad slipped something into my coke at a house party on friday and i lost the whole night",
        "i think someone put a pill in my cider at the festival on sunday",
        "there must have been something in my drink at the club on saturday, two drinks and i was gone",
        "somebody messed with my drink at my mates birthday at the weekend",
    ],
)
def test_a_spiking_in_other_words_told_days_later_is_a_recent_assault_as_spiked_is(text):
    assessment = assess_risk(text)
    assert {"spiked", "sexual_assault"} <= assessment.parts
    assert assessment.level == "recent_assault"


@pytest.mark.parametrize(
    "text,level",
    [
        ("someone just slipped something in my drink and im really dizzy", "medical"),
        ("i think a man put something in my drink and i dont know where i am", "medical"),
        ("i think someone has slipped something into my drink", "check"),
    ],
)
def test_a_spiking_in_other_words_now_keeps_the_level_spiked_has(text, level):
    assert assess_risk(text).level == level


@pytest.mark.parametrize(
    "text",
    [
        "i got spiked at a gig last night and woke up on a strangers sofa",
        "someone slipped something in my drink last night, i woke up at his flat",
    ],
)
def test_a_spiking_told_the_morning_after_is_a_recent_assault_not_an_ambulance(text):
    # C10's morning after: waking up somewhere, told from the next day, is not lost now
    assert assess_risk(text).level == "recent_assault"


@pytest.mark.parametrize(
    "text",
    [
        "i put some squash in my water bottle before pe",
        "we put loads of ice in our drinks because it was so hot",
        "i slipped a note into my mates pencil case",
    ],
)
def test_putting_something_in_your_own_drink_is_not_a_spiking(text):
    assessment = assess_risk(text)
    assert "spiked" not in assessment.parts and assessment.level is None


@pytest.mark.parametrize(
    "text",
    [
        "my dance teacher went too far when we were on our own after class",
        "last month the man who runs our youth club took things too far with me",
        "my older cousin did stuff when i told him no at christmas",
        "my form tutor crossed the line with me in his office",
        "my uncle got really handsy with me at the wedding",
        "he tried things with me i didnt want at the sleepover",
        "the physio massaged me in a really creepy way",
    ],
)
def test_abuse_in_other_words_is_read_but_gives_no_level_on_its_own(text):
    assessment = assess_risk(text)
    assert "veiled_abuse" in assessment.parts
    assert assessment.level is None


@pytest.mark.parametrize(
    "text",
    [
        "the banter in our group chat went too far and now nobody is talking",
        "my teacher went too far with the detention, it was for nothing",
        "the joke went too far",
        "we did things together at half term like ice skating",
        "my mum did something to my phone and now it wont charge",
    ],
)
def test_the_calm_uses_of_those_words_are_not_abuse(text):
    assert "veiled_abuse" not in assess_risk(text).parts
