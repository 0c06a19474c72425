"""bot/conversation/replies.py: the signposting reply after a recent assault, outside London (the
NHS SARC finder and NHS 111 first; issue 15, part 6) and in London (the Havens)."""

from datetime import datetime

from bot.conversation.local import local_support_reply
from bot.conversation.replies import signpost_reply

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
