"""English-based creoles read as English (bot/safety/creole.py, data/safety/creole_words.yml; B16):
danger now in Nigerian Pidgin or Jamaican Patois gets a level; everyday creole and other languages
that share a word stay as they were. Our own sentences."""

import pytest

from bot.safety.creole import load_creole_table
from bot.safety.risk import assess_risk


def level(text):
    return assess_risk(text, use_classifier=False).level


@pytest.mark.parametrize(
    "text",
    [
        # Nigerian Pidgin: followed to the gate and scared; a man at the gate telling her to get in
        "abeg dat oga wey dey follow me since school don reach our gate, i dey fear",
        "dat guy wey i meet for snap don reach my house, e dey tell me make i enter im motor now now",
        # Jamaican Patois: followed home now and scared
        "one bwoy a follow mi from school an him a come to mi yard now, mi fraid",
        "mi deh pon di train an one man a follow mi from Peckham, mi fraid",
    ],
)
def test_danger_now_in_a_creole_is_read_as_english(text):
    assert level(text) in {"emergency", "check"}


@pytest.mark.parametrize(
    "text",
    [
        "mi deh a mi granny yard a watch tv",
        "abeg wetin be di homework for maths",
        "mi casa es tu casa",
        "im at the bus stop, see you in 5",
    ],
)
def test_everyday_creole_and_other_languages_stay_quiet(text):
    assert level(text) is None


def test_the_table_needs_two_markers_and_reads_phrases_first():
    table = load_creole_table()
    assert table.read_as_english("im at the bus stop") is None
    assert table.read_as_english("mi deh pon di bus") == "i am on the bus"
