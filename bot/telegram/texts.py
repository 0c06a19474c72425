"""What the bridge says by itself (commands and media). Numbers come from the service directory
through SafetyText; none is written here."""
from __future__ import annotations

from bot.web.safety_text import SafetyText


def help_text(text: SafetyText) -> str:
    return (
        "I'm a computer program, not a person. I can't see who you are and I can't send help.\n"
        "You can tell me what happened, ask about your options, or find support near you. "
        "You don't have to give your name.\n\n"
        f"If you are in danger right now: {text.emergency}.\n"
        f"To talk to someone: {text.childline}.\n\n"
        "/start to begin\n/privacy what happens to what you send\n"
        "/forget delete this conversation"
    )


def privacy_text(text: SafetyText) -> str:
    return (
        "What happens to what you send:\n"
        "• I keep what you type only while we chat, so I can answer. It is deleted 1 hour after "
        "your last message. Nobody reads it.\n"
        "• I only read typed messages. Photos, voice notes, stickers, locations and contacts are "
        "not opened or kept.\n"
        "• I never keep your Telegram name, username or number.\n"
        "• Telegram keeps this chat on your phone until you delete it. Send /forget to see how.\n\n"
        f"If you are in danger right now: {text.emergency}."
    )


FORGET_DONE = (
    "Done: I've forgotten this conversation."
)
FORGET_FAILED = (
    "I've cleared what I hold, but the part of me that keeps the conversation didn't answer. "
    "It deletes it by itself 1 hour after your last message."
)
DELETE_ON_PHONE = (
    "Telegram still keeps these messages on your phone. To delete them:\n"
    "• Android: open this chat, tap ⋮ (top right), then Delete chat, and tick to delete it for "
    "the bot too.\n"
    "• iPhone: in your list of chats, swipe left on this chat and tap Delete.\n"
    "You can also block the bot so the chat doesn't come back."
)
PRIVATE_CHATS_ONLY = "I only talk in private chats, so that what you say stays between us."
