"""What a channel does to typed text before Rasa sees it (button payloads are not typed text)."""

from __future__ import annotations

import re

from bot.directory.location import redact_full_postcodes

# every slash and blank before the first word ("/ /x" must not become "/x")
_LEADING_SLASHES = re.compile(r"^[\s/]+")


def clean_typed_text(text: str) -> str:
    """Typed text must go through NLU and the safety net, never be read as an intent, and a full
    postcode is cut to its first half before Rasa (which stores the text) sees it.

    Rasa treats a message that starts with "/" as `/intent{entities}` and skips the NLU pipeline,
    including the SafetyNet component, so "/i want to die" would never be checked. Leading slashes
    of *typed* text are therefore removed; button payloads are sent as they are, and only payloads
    the bot offered are accepted (see bot.web.sessions and bot.telegram.callbacks).
    """
    return redact_full_postcodes(_LEADING_SLASHES.sub("", text).strip())
