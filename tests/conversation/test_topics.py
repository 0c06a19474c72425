"""bot/conversation/topics.py: which of a topic's own advice fits what was said (topic_advice)."""

from __future__ import annotations

import pytest

from bot.conversation.topics import topic_advice


@pytest.mark.parametrize(
    "texts",
    [
        ["some guy says hell post my video unless i send him 200 quid"],
        ["i sent one pic", "now she says send more or everyone sees it"],
    ],
)
def test_the_dont_pay_advice_comes_when_money_or_more_pictures_are_demanded(texts):
    assert topic_advice("image_abuse", texts) == "utter_continue_image_abuse"


@pytest.mark.parametrize(
    "texts",
    [
        ["a man was filming up my skirt on the escalator"],
        ["my ex put my pics on his story"],
        ["someone airdropped porn to my phone on the bus"],
    ],
)
def test_pictures_shared_filmed_or_sent_do_not_get_the_dont_pay_advice(texts):
    assert topic_advice("image_abuse", texts) is None


def test_other_topics_keep_their_advice_and_no_topic_has_none():
    assert topic_advice("grooming", ["he says im mature for my age"]) == "utter_continue_grooming"
    assert topic_advice(None, ["anything"]) is None
