"""What the bridge says by itself (commands and media). Numbers come from the service directory
through SafetyText; none is written here."""

from __future__ import annotations

from bot.channels.safety_text import SafetyText


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


# What Telegram itself keeps (issue 16). Telegram stores ordinary ("cloud") chats, and chats with
# bots are always ordinary chats, on its servers as well as on the device until they are deleted;
# every update a bot receives carries the sender's account id and name (Bot API, Update/User).
TELEGRAM_KEEPS = (
    "Telegram keeps this chat on its servers and on your phone until you delete it, like any "
    "ordinary Telegram chat. Send /forget to see how to delete it."
)
ACCOUNT_DETAILS = (
    "Telegram sends me your account number and name with every message. I don't keep them: "
    "your number becomes a code straight away, and your name and username are never stored."
)
WEB_LEAVES_LESS = (
    "The web chat leaves less behind: it needs no account, and nothing of the chat stays on your "
    "device once you close the page (your browser history can still show the site was visited)."
)
START_NOTE = f"Before we start: {TELEGRAM_KEEPS}\n{ACCOUNT_DETAILS}\nMore: /privacy"


def privacy_text(text: SafetyText) -> str:
    return (
        "What happens to what you send:\n"
        "• I keep what you type only while we chat, so I can answer. It is deleted 1 hour after "
        "your last message. Nobody reads it.\n"
        "• I only read typed messages. Photos, voice notes, stickers, locations and contacts are "
        "not opened or kept.\n"
        f"• {ACCOUNT_DETAILS}\n"
        f"• {TELEGRAM_KEEPS}\n"
        f"• {WEB_LEAVES_LESS}\n\n"
        f"If you are in danger right now: {text.emergency}."
    )


FORGET_DONE = "Done: I've forgotten this conversation."
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
