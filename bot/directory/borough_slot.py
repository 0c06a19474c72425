"""Which borough a conversation has: the `borough` slot read with the events behind it.

The slot is filled from the LocationExtractor's entity in any turn (domain.yml maps it from the
entity with no condition), so "idk" or "rather not say" (NOT_GIVEN) fills it whatever the
question was: said to "are you in danger right now?" or "how old are you?", it would later skip
the borough question, give the routes for someone who declined to say, and overwrite a borough
the user had named. A decline counts only as the answer to the borough question:

- said now, in answer to it (the form was asking for the borough) or as a place answer
  (`inform_location`): NOT_GIVEN, the routes that need no place;
- said earlier to something else: the borough named before it, if any and not cleared since,
  else None, so the question is asked.

Plain dicts (rasa_sdk's `Tracker.events` and `latest_message`), no Rasa import: the actions call
`borough_in_context` and stay thin.
"""

from __future__ import annotations

from typing import Any, Iterable

from bot.directory.location import NOT_GIVEN

BOROUGH_SLOT = "borough"
PLACE_INTENT = "inform_location"


def borough_in_context(
    slot_value: str | None, events: Iterable[dict[str, Any]], latest_message: dict[str, Any] | None
) -> str | None:
    """The borough id, "outside_london", NOT_GIVEN (declined in answer to the borough question)
    or None (not known: ask)."""
    if slot_value != NOT_GIVEN:
        return slot_value
    events = list(events)
    if declined_now(events, latest_message):
        return NOT_GIVEN
    return _named_before(events)


def declined_now(events: list[dict[str, Any]], latest_message: dict[str, Any] | None) -> bool:
    """The latest message declines to give a place, and it answers the borough question."""
    latest_message = latest_message or {}
    entities = latest_message.get("entities") or []
    if not any(e.get("entity") == BOROUGH_SLOT and e.get("value") == NOT_GIVEN for e in entities):
        return False
    if (latest_message.get("intent") or {}).get("name") == PLACE_INTENT:
        return True
    return _asked_for_borough(events)


def _asked_for_borough(events: list[dict[str, Any]]) -> bool:
    """Before the latest user message, the last `requested_slot` set was the borough."""
    users = [i for i, event in enumerate(events) if event.get("event") == "user"]
    if not users:
        return False
    for event in reversed(events[: users[-1]]):
        if event.get("event") == "slot" and event.get("name") == "requested_slot":
            return event.get("value") == BOROUGH_SLOT
        if event.get("event") == "active_loop" and not event.get("name"):
            return False  # a form ended (or none ran) after the last question
    return False


def _named_before(events: list[dict[str, Any]]) -> str | None:
    """The last borough the slot held before a decline said to another question; None when the
    slot was cleared since (a decline that did answer the question, or a restart)."""
    for event in reversed(events):
        if event.get("event") in ("restart", "session_started"):
            return None
        if event.get("event") == "slot" and event.get("name") == BOROUGH_SLOT:
            value = event.get("value")
            if value == NOT_GIVEN:
                continue
            return value
    return None
