"""action_give_staff_guidance: after the DSL guidance, the borough's front door and LADO."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.directory_access import current_directory, london_now
from bot.conversation.local import staff_routes_reply
from bot.directory.borough_slot import borough_in_context


class ActionGiveStaffGuidance(Action):
    def name(self) -> str:
        return "action_give_staff_guidance"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict]:
        borough = borough_in_context(tracker.get_slot("borough"), tracker.events, tracker.latest_message)
        reply = staff_routes_reply(current_directory(), borough=borough, now=london_now())
        dispatcher.utter_message(**reply.as_message())
        return []
