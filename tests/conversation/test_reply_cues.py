"""bot/conversation/reply_cues.py: the cues of data/conversation/reply_cues.yml (C19's "no list of
numbers" and a friend named only as a place or an adviser). The replies they lead to are tested
through the policy in test_c19_kinds.py."""

import pytest

from bot.conversation.reply_cues import DEFAULT_FILE, asks_for_no_list, friend_not_at_risk, load_cues


def test_the_shipped_file_loads_every_key():
    assert set(load_cues(DEFAULT_FILE)) == {
        "no_list",
        "friend_not_at_risk",
        "friend_word",
        "announces",
        "assault_told",
        "grooming_signs",
        "rape_told",
        "relative_harmed",
        "harm_to_me",
        "telling_words",
        "shared_image",
        "shared_image_not",
    }


def test_a_missing_key_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "reply_cues.yml"
    path.write_text("no_list: ['\\\\bno numbers\\\\b']\n", encoding="utf-8")
    with pytest.raises(ValueError, match="friend_not_at_risk"):
        load_cues(path)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("please dont give me a list of helplines", True),
        ("can u just listen for a sec", True),
        ("i don\u2019t want numbers", True),
        ("i dont have a list for my homework yet", False),
        ("he keeps ringing me from different numbers", False),
        (None, False),
    ],
)
def test_asking_for_no_list(text, expected):
    assert asks_for_no_list(text) is expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("dad thinks i was sleeping at my mates house", True),
        ("my bestie said i should tell my form tutor", True),
        ("my friend got touched at my mates house", False),
        ("i stayed at my friends and her brother came in", True),
        ("my friend is scared of her stepdad", False),
    ],
)
def test_a_friend_named_only_as_a_place_or_an_adviser(text, expected):
    assert friend_not_at_risk(text) is expected
