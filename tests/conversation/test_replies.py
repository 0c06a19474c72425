"""bot/conversation/replies.py: the signposting reply after a recent assault, outside London (the
NHS SARC finder and NHS 111 first; issue 15, part 6) and in London (the Havens)."""

from datetime import datetime

from bot.conversation.local import local_support_reply
from bot.conversation.replies import signpost_reply, topic_followup_reply

NOON = datetime(2026, 11, 30, 12, 0)


def test_after_a_recent_assault_outside_london_the_sarc_finder_and_nhs_111_come_first(directory):
    for reply in (
        signpost_reply(directory, "medical_forensic", "16_17", None, "outside_london", NOON),
        local_support_reply(directory, "outside_london", None, "16_17", "medical_forensic", NOON),
    ):
        bullets = [line for line in reply.text.splitlines() if line.startswith("• ")]
        assert bullets[0].startswith("• NHS sexual assault referral centres (SARCs): visit nhs.uk/sarcs")
        assert bullets[1].startswith("• NHS 111: call 111")
        assert "Havens" not in reply.text


def test_in_london_a_recent_assault_still_gets_the_havens_not_the_finder(directory):
    reply = signpost_reply(directory, "medical_forensic", "16_17", None, "hackney", NOON).text
    assert "The Havens" in reply and "nhs.uk/sarcs" not in reply


def test_a_follow_up_names_no_crisis_line_where_nobody_spoke_of_hurting_themselves(directory):
    # C7's first run: Samaritans and Shout "for what you told me about earlier" to a 10-year-old
    # after "does it count"; after self-harm they stay
    for topic in ("emotional_support", "image_abuse", "grooming"):
        text = topic_followup_reply(
            directory, topic, None, "young_person", None, NOON, include_childline=False
        ).text
        assert "Samaritans" not in text and "Shout" not in text, topic
    self_harm = topic_followup_reply(
        directory, "self_harm", None, "young_person", None, NOON, include_childline=False
    )
    assert "Samaritans" in self_harm.text or "Shout" in self_harm.text


def test_a_follow_up_with_nothing_left_to_add_has_no_heading_over_an_empty_list(directory):
    # C7's first run: "For what you told me about earlier, these can help:" then nothing
    for topic in ("friend_concern", "emotional_support", "image_abuse"):
        reply = topic_followup_reply(
            directory, topic, None, "young_person", None, NOON, include_childline=False
        )
        assert reply.text == "" or "\n• " in reply.text, topic
