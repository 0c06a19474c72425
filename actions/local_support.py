"""Local support: the services for the borough the local support form found, or a clarification."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.directory_access import current_directory, london_now
from bot.conversation.local import NOT_GIVEN, clarify_location_reply, local_support_reply
from bot.directory.borough_slot import borough_in_context


class ActionShowLocalSupport(Action):
    def name(self) -> str:
        return "action_show_local_support"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict]:
        slot = tracker.get_slot("borough")
        borough = borough_in_context(slot, tracker.events, tracker.latest_message)
        if borough is None and slot == NOT_GIVEN:
            # "idk" said to another question filled the slot: ask the borough question now
            return [
                SlotSet("borough", None),
                SlotSet("borough_options", None),
                FollowupAction("local_support_form"),
            ]
        reply = local_support_reply(
            current_directory(),
            borough=borough,
            audience=tracker.get_slot("trusted_adult") or tracker.get_slot("audience"),
            age_band=tracker.get_slot("age_band"),
            topic=tracker.get_slot("topic"),
            now=london_now(),
        )
        dispatcher.utter_message(**reply.as_message())
        events = [SlotSet("borough_options", None)]
        if borough == NOT_GIVEN:
            # "idk" answers this question only: the next request for local help asks again
            events.append(SlotSet("borough", None))
        elif borough != slot:  # the borough named before an "idk" said to another question
            events.append(SlotSet("borough", borough))
        return events


class ActionClarifyLocation(Action):
    """The form could not fill the borough: the place straddles boroughs or was not recognised."""

    def name(self) -> str:
        return "action_clarify_location"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict]:
        options = tracker.get_slot("borough_options")
        reply = clarify_location_reply(current_directory(), options.split(",") if options else [])
        dispatcher.utter_message(**reply.as_message())
        return [SlotSet("borough_options", None)]
