"""The spelling-corrected second reading (bot/safety/spelling.py, used by bot/safety/risk.py):
misspelt urgent words are put right, English words, names and other languages are left alone."""

import pytest

from bot.safety.risk import assess_risk, default_risk_data
from bot.safety.spelling import Speller, pattern_words, within_one_edit


@pytest.mark.parametrize(
    "a,b,close",
    [
        ("helpp", "help", True),  # one letter added
        ("bleding", "bleeding", True),  # one dropped
        ("houss", "house", True),  # one changed
        ("hlep", "help", True),  # two neighbours swapped
        ("help", "help", True),
        ("hlpe", "help", False),  # two edits
        ("nans", "mans", True),
        ("kickflip", "kick", False),
    ],
)
def test_one_edit_is_close_and_two_are_not(a, b, close):
    assert within_one_edit(a, b) is close and within_one_edit(b, a) is close


def test_pattern_words_drop_regex_escapes():
    assert pattern_words([r"\bbleeding (?:a lot|loads)\b", r"\w+ \d+ knife"]) == {
        "bleeding",
        "a",
        "lot",
        "loads",
        "knife",
    }


def test_it_corrects_only_unknown_words_into_its_vocabulary_and_prefers_the_common_word():
    speller = Speller.build(
        ["house", "hours", "help", "knife", "kind"],
        vocabulary_of=frozenset({"house", "hours", "help", "knife"}),
        known=frozenset({"house", "hours", "help", "knife", "vapes", "kinf"}),
        rank={"house": 5.4, "hours": 5.2, "help": 5.8, "knife": 4.4},
    )
    assert speller.correct("my houss helpp a knif") == "my house help a knife"
    assert speller.correct("vapes kinf") == "vapes kinf"  # English words are never corrected
    assert speller.correct("kind") == "kind"  # not a common word: not in the vocabulary either
    assert speller.correct("sos 999") == "sos 999"


@pytest.mark.parametrize(
    "word",
    ["vapes", "stubbed", "noose", "skint", "sexting", "dreading", "kickflip", "westfield", "pomocy", "caawi"],
)
def test_english_words_names_and_other_languages_are_left_alone(word):
    assert default_risk_data().speller.correct(word) == word


# B8's kind: urgent words misspelt, in our own words
@pytest.mark.parametrize(
    "text,levels",
    [
        ("hlep me", {"check", "emergency"}),
        ("plz hepl", {"check", "emergency"}),
        ("my friend is bleding loads from her arm", {"medical"}),
        ("hes stabed me and hes still here", {"emergency"}),
    ],
)
def test_misspelt_urgent_words_are_read(text, levels):
    assert assess_risk(text, use_classifier=False).level in levels


def test_the_second_reading_never_adds_a_calm_part():
    # "yaers ago" put right is `past`, which must not calm a message the first reading found
    assert default_risk_data().speller.correct("yaers") == "years"
    assert "past" not in assess_risk("he is outside now, that was yaers ago").parts
