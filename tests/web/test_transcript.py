"""bot/web/transcript.py: the conversation the gateway keeps for a reload is bounded, newest first."""

from __future__ import annotations

from bot.channels.reply import BotMessage, Reply
from bot.web.transcript import MAX_CHARS, Transcript


def test_the_transcript_keeps_at_most_max_chars_of_text_newest_first():
    transcript = Transcript()
    for n in range(20):
        transcript.add_user(f"{n:02d}" + "x" * 1998)
        transcript.add_reply(Reply((BotMessage("ok"),)))
    assert sum(len(e.text) for e in transcript) <= MAX_CHARS
    assert [e.text for e in transcript][-1] == "ok" and [e.text for e in transcript][-2].startswith("19")
