"""What the action tests share: rasa_sdk trackers built from dicts (as RasaHQ/financial-demo does)
and running an action on one, so that each test file writes neither again."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher


def tracker(intent: str = "greet", text: str = "", events: list[dict] | None = None, **slots) -> Tracker:
    """A tracker whose latest message is `text` with `intent`, after `events` (none by default)."""
    return Tracker.from_dict(
        {
            "sender_id": "test",
            "slots": slots,
            "events": events or [],
            "paused": False,
            "latest_event_time": None,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
            "latest_message": {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": []},
        }
    )


async def run(action, tr: Tracker) -> tuple[str, list[dict], list[dict]]:
    """The action's messages' text (one line each), their buttons, and the events it returned."""
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tr, {})
    text = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    buttons = [b for m in dispatcher.messages for b in (m.get("buttons") or [])]
    return text, buttons, events
