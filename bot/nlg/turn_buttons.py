"""One turn, each button once (issue 13 item 6).

A turn can be several responses: on the emergency route a question is answered between "call
999" and "Are you somewhere safe right now?", and both the answer and the danger question carry
"Not now" (C6's first run showed it twice). Each message is drawn in the channels with its own
buttons, so a button already offered earlier in the same turn is left off the later message: the
first offer stands. Pure: no I/O.
"""

from __future__ import annotations

from typing import Any, Iterable

from rasa.shared.core.events import BotUttered, UserUttered


def offered_this_turn(events: Iterable[Any]) -> set[str]:
    """Titles and payloads of the buttons the bot has sent since the latest user message.

    events: a tracker's events, oldest first (Rasa Event objects). Returns a set of strings
    (titles and payloads together, so a retitled copy of a payload also counts).
    """
    offered: set[str] = set()
    for event in events:
        if isinstance(event, UserUttered):
            offered.clear()
        elif isinstance(event, BotUttered):
            for button in (event.data or {}).get("buttons") or ():
                offered.update(str(button.get(key)) for key in ("title", "payload") if button.get(key))
    return offered


def without_offered_buttons(message: dict, offered: set[str]) -> dict:
    """The message (a Rasa response dict) without buttons whose title or payload was offered.

    Returns a new dict when a button is removed (the `buttons` key is dropped when none is left),
    else the same dict.
    """
    buttons = message.get("buttons") or []
    kept = [b for b in buttons if b.get("title") not in offered and b.get("payload") not in offered]
    if len(kept) == len(buttons):
        return message
    trimmed = {key: value for key, value in message.items() if key != "buttons"}
    if kept:
        trimmed["buttons"] = kept
    return trimmed
